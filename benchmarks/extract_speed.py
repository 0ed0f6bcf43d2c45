"""Extraction speed: goalpost against quantulum3 on the same texts, per language.

Usage::

    python benchmarks/extract_speed.py [--mib 4] [--quantulum-seconds 20]

For each language corpus (English: the seed texts in ``../shared/seeds`` when
present, otherwise generated plan-style text) it times ``goalpost.extract``
over the whole corpus and quantulum3's ``parser.parse`` over as much of the
same corpus as it gets through in ``--quantulum-seconds``, then prints
characters per second for both, the ratio, and goalpost's peak memory
(``tracemalloc`` peak of one pass, and the process's max RSS).

To add a language, add a builder to ``CORPORA`` returning a list of
documents; quantulum3 only reads English, so other languages report goalpost
alone.
"""

from __future__ import annotations

import argparse
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


def _english(target_chars: int) -> list[Document]:
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("0*.txt"))] if SEEDS.is_dir() else []
    if not texts:
        texts = ["\n\n".join(_SYNTHETIC_EN)]
    docs: list[Document] = []
    size = 0
    i = 0
    while size < target_chars:
        t = texts[i % len(texts)]
        docs.append(
            Document(id=f"en{i}", text=t, title="Action Plan (2019-2021)", date="2019-09-30")
        )
        size += len(t)
        i += 1
    return docs


CORPORA: dict[str, Callable[[int], list[Document]]] = {"en": _english}


def _time_goalpost(docs: list[Document], repeat: int = 2) -> tuple[float, int, int]:
    """Best of ``repeat`` passes (the machine may be shared)."""
    chars = sum(len(d.text) for d in docs)
    best = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = 0
        for d in docs:
            n += len(extract(d))
        best = min(best, time.perf_counter() - t0)
    return best, chars, n


def _time_quantulum(docs: list[Document], budget: float) -> tuple[float, int, int] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm up 5 kilometers")  # loads its models outside the timing
    chars = n = 0
    t0 = time.perf_counter()
    for d in docs:
        for para in d.text.split("\n"):
            if not para.strip():
                continue
            n += len(parser.parse(para))
            chars += len(para) + 1
            if time.perf_counter() - t0 > budget:
                return time.perf_counter() - t0, chars, n
    return time.perf_counter() - t0, chars, n


def _peak_memory(docs: list[Document]) -> int:
    tracemalloc.start()
    for d in docs[: max(1, len(docs) // 4)]:
        extract(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mib", type=float, default=4.0, help="corpus size per language (MiB)")
    ap.add_argument("--quantulum-seconds", type=float, default=20.0)
    ap.add_argument("--lang", action="append", help="only these languages")
    args = ap.parse_args(argv)
    target = int(args.mib * 1024 * 1024)
    for lang, build in CORPORA.items():
        if args.lang and lang not in args.lang:
            continue
        docs = build(target)
        extract(docs[0])  # warm up imports and regex compilation
        secs, chars, n = _time_goalpost(docs)
        gp = chars / secs
        print(
            f"[{lang}] goalpost:   {chars:>10,} chars in {secs:7.2f}s = {gp / 1024 / 1024:6.2f} MiB/s "
            f"({gp:,.0f} chars/s, {n:,} items)"
        )
        q = _time_quantulum(docs, args.quantulum_seconds) if lang == "en" else None
        if q is not None:
            qs, qc, qn = q
            qr = qc / qs
            print(
                f"[{lang}] quantulum3: {qc:>10,} chars in {qs:7.2f}s = {qr / 1024:6.2f} KiB/s "
                f"({qr:,.0f} chars/s, {qn:,} quantities)"
            )
            print(f"[{lang}] ratio goalpost/quantulum3: {gp / qr:,.1f}x (goal >= 100x)")
        peak = _peak_memory(docs)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"[{lang}] peak memory: tracemalloc {peak / 1024 / 1024:.1f} MiB for a quarter of "
            f"the corpus; process max RSS {rss / 1024:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
