"""Extraction speed: goalpost against quantulum3 on the same texts, per corpus and language.

Usage::

    python benchmarks/extract_speed.py [--mib 2] [--quantulum-seconds 20] [--corpus en ...]

Corpora (each repeated up to ``--mib`` MiB):

- ``en``: the five seed texts in ``../shared/seeds`` (real pages, dense in
  figures); generated plan text when the seeds are absent;
- ``en-gen``: English documents from ``make_corpus.py`` (plans, reports and
  news with menus, footers, phone numbers: a realistic mix of prose, debris
  and figures), read into Documents (outline included) before timing;
- ``en-ann``: the English annotation texts (``tests/data/annotations/en``),
  one Document per source title: real sentences of many regions, nearly all
  holding figures;
- ``zh``: the Chinese annotation texts (``tests/data/annotations/zh``), one
  Document per source title;
- ``zh-gen``: Chinese documents from ``make_corpus.py``.

For each corpus it times ``goalpost.extract`` over the whole corpus (best of
``--repeat`` passes, CPU time from ``time.process_time`` so a loaded machine
does not distort it) and, for English, quantulum3's ``parser.parse`` over as
much of the same corpus as it gets through in ``--quantulum-seconds`` (also
CPU time), then prints characters per second for both, the ratio, items per
KiB (how dense the corpus is), and goalpost's peak memory (``tracemalloc``
peak of one pass over the corpus, and the process's max RSS). Chinese is
reported per character against the English seed corpus and, like for like,
``zh`` against ``en-ann`` (real annotated sentences in each language) and
``zh-gen`` against ``en-gen`` (the same generator) (goal: within 2x).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from goalpost._models import Document  # noqa: E402
from goalpost.extract import extract  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
ANNOTATIONS = REPO / "tests" / "data" / "annotations"

_SYNTHETIC_EN = [
    "By the end of 2025, the province will have over 12,000 high-tech companies, and R&D "
    "spending will reach 3.1% of GDP.",
    "In 2022, total investment in research reached RMB 450 billion (US$65 billion), up 11.6 "
    "percent year on year.",
    "The government will set aside S$25 billion for research and innovation over the next "
    "five years, and train about 1,500 researchers.",
    "There are 203 incubators in the city, occupying more than 8.5 million square meters.",
    "The number of invention patents per 10,000 people rose to 45.2, compared with 38.6 a "
    "year earlier.",
    "Home   |   About   |   Contact Us   |   Copyright 2010 All Rights Reserved",
    "The plan includes eight major actions and 5 protective measures.",
]


def _repeat(docs: list[Document], target_chars: int) -> list[Document]:
    """``docs`` cycled (with fresh ids) until they hold ``target_chars`` characters."""
    out: list[Document] = []
    size = 0
    i = 0
    while size < target_chars and docs:
        d = docs[i % len(docs)]
        out.append(
            Document(
                id=f"{d.id}-{i}",
                text=d.text,
                title=d.title,
                date=d.date,
                lang=d.lang,
                region=d.region,
                period=d.period,
                sections=d.sections,
            )
        )
        size += len(d.text)
        i += 1
    return out


def _english(target_chars: int) -> list[Document]:
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("0*.txt"))] if SEEDS.is_dir() else []
    if not texts:
        texts = ["\n\n".join(_SYNTHETIC_EN)]
    docs = [
        Document(id=f"en{i}", text=t, title="Action Plan (2019-2021)", date="2019-09-30")
        for i, t in enumerate(texts)
    ]
    return _repeat(docs, target_chars)


def _make_corpus() -> object:
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPO / "benchmarks" / "make_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def _generated(lang: str, target_chars: int) -> list[Document]:
    """Documents of ``make_corpus.py`` in ``lang``, read the way ingestion reads them."""
    from goalpost.documents import build_document

    gen = _make_corpus()
    docs: list[Document] = []
    size = 0
    i = 0
    while size < target_chars and i < 100_000:
        rel, text = gen.render_document(i, seed=0)  # type: ignore[attr-defined]
        i += 1
        if not rel.startswith(f"{lang}/"):
            continue
        fmt = rel.rsplit(".", 1)[-1]
        doc = build_document(text, id=f"{lang}-gen{i}", lang=lang, format=fmt)
        docs.append(doc)
        size += len(doc.text)
    return docs


def _annotated(lang: str, target_chars: int) -> list[Document]:
    """The annotation texts of ``lang``, one Document per source (title), lines joined.

    Real sentences from many regions' plans, communiqués and news, nearly all of
    them holding figures (en 16 items/KiB, zh 51): each language's densest corpus here.
    """
    by_title: dict[tuple[str, str, str], list[str]] = {}
    for path in sorted((ANNOTATIONS / lang).glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if "text" not in rec:
                continue
            key = (rec.get("title") or "", rec.get("date") or "", rec.get("region") or "")
            by_title.setdefault(key, []).append(rec["text"])
    docs = [
        Document(
            id=f"{lang}-ann{i}",
            text="\n".join(texts),
            title=title or None,
            date=date or None,
            region=region or None,
            lang=lang,
        )
        for i, ((title, date, region), texts) in enumerate(by_title.items())
    ]
    return _repeat(docs, target_chars)


CORPORA: dict[str, Callable[[int], list[Document]]] = {
    "en": _english,
    "en-gen": lambda n: _generated("en", n),
    "en-ann": lambda n: _annotated("en", n),
    "zh": lambda n: _annotated("zh", n),
    "zh-gen": lambda n: _generated("zh", n),
}


def _time_goalpost(docs: list[Document], repeat: int) -> tuple[float, int, int]:
    """Best CPU time of ``repeat`` passes (the machine may be shared)."""
    chars = sum(len(d.text) for d in docs)
    best = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.process_time()
        n = 0
        for d in docs:
            n += len(extract(d))
        best = min(best, time.process_time() - t0)
    return best, chars, n


def _time_quantulum(docs: list[Document], budget: float) -> tuple[float, int, int] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm up 5 kilometers")  # loads its models outside the timing
    chars = n = 0
    t0 = time.process_time()
    for d in docs:
        for para in d.text.split("\n"):
            if not para.strip():
                continue
            n += len(parser.parse(para))
            chars += len(para) + 1
            if time.process_time() - t0 > budget:
                return time.process_time() - t0, chars, n
    return time.process_time() - t0, chars, n


def _peak_memory(docs: list[Document]) -> int:
    """``tracemalloc`` peak over one pass: what extraction holds at once beyond its input."""
    tracemalloc.start()
    for d in docs:
        extract(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _mib_s(chars: float, secs: float) -> float:
    return chars / secs / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--mib", type=float, default=2.0, help="corpus size per corpus (MiB of text)")
    ap.add_argument("--quantulum-seconds", type=float, default=20.0, help="CPU seconds")
    ap.add_argument("--repeat", type=int, default=3, help="goalpost passes (best is kept)")
    ap.add_argument("--corpus", action="append", help=f"only these of {sorted(CORPORA)}")
    ap.add_argument("--lang", action="append", help="only corpora of these languages (en, zh)")
    ap.add_argument("--no-quantulum", action="store_true")
    args = ap.parse_args(argv)
    target = int(args.mib * 1024 * 1024)
    speeds: dict[str, float] = {}
    per_item: dict[str, float] = {}
    for name, build in CORPORA.items():
        if args.corpus and name not in args.corpus:
            continue
        if args.lang and name.split("-")[0] not in args.lang:
            continue
        docs = build(target)
        if not docs:
            print(f"[{name}] no documents")
            continue
        extract(docs[0])  # warm up imports and regex compilation
        secs, chars, n = _time_goalpost(docs, args.repeat)
        gp = chars / secs
        speeds[name] = gp
        per_item[name] = secs / max(n, 1)
        print(
            f"[{name}] goalpost:   {chars:>10,} chars in {secs:6.2f}s CPU = "
            f"{_mib_s(chars, secs):5.2f} MiB/s ({gp:,.0f} chars/s, {n:,} items, "
            f"{n / (chars / 1024):.1f} items/KiB, {secs / max(n, 1) * 1e6:.0f} µs/item)"
        )
        q = None
        if name.startswith("en") and not args.no_quantulum:
            q = _time_quantulum(docs, args.quantulum_seconds)
        if q is not None:
            qs, qc, qn = q
            qr = qc / qs
            print(
                f"[{name}] quantulum3: {qc:>10,} chars in {qs:6.2f}s CPU = {qr / 1024:6.2f} KiB/s "
                f"({qr:,.0f} chars/s, {qn:,} quantities)"
            )
            print(f"[{name}] ratio goalpost/quantulum3: {gp / qr:,.1f}x (goal >= 100x)")
        peak = _peak_memory(docs)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"[{name}] peak memory: tracemalloc {peak / 1024 / 1024:.1f} MiB over one pass; "
            f"process max RSS {rss / 1024:.0f} MiB"
        )
    # why several comparisons: [en-gen] and [zh-gen] come from the same generator (the same plans
    # and reports, written in each language), so they compare like with like; [zh] against [en-ann]
    # compares real annotated sentences in each language (the densest real text of each: 51 and 16
    # items/KiB); the sparse English seeds (3 items/KiB) are the customer's own documents
    pairs = [("zh", "en"), ("zh-gen", "en"), ("zh", "en-ann"), ("zh-gen", "en-gen")]
    for zh, en in pairs:
        if zh in speeds and en in speeds:
            print(
                f"[{zh}] per character {speeds[en] / speeds[zh]:.2f}x the time of "
                f"[{en}] (goal <= 2x); per item {per_item[zh] / per_item[en]:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
