"""Held-out extraction report: score ``goalpost extract --docs`` against hand-annotated documents.

The held-out sets live in ``tests/data/heldout/{en,zh}.jsonl``: one document per line with the
public input fields (``id``, ``text``, ``title``, ``date``, ``lang``) plus ``expected``, the items a
careful analyst would extract. The extractor is run exactly as a customer would run it, through the
CLI in a subprocess, and its items are matched to the expected ones per document.

Matching (greedy, per document, best pairs first):

1. strict: same ``kind``, same unit (after normalisation, see :func:`unit_key`) and value within
   0.5 % -> true positive. Field accuracies (date year, comparator, growth) are measured on these.
2. partial (on what is left): value within 0.5 % but kind or unit differs -> counts against kind
   accuracy / unit accuracy.
3. scale (on what is left): same kind and unit, value off by a power of ten, or the prediction
   equals the expected range maximum -> counts against value accuracy.

Expected items marked ``"optional": true`` are genuinely ambiguous (a bracketed currency conversion,
"about one-quarter"): matching one is neither rewarded nor punished, missing one is not a miss.

Usage::

    .venv/bin/python benchmarks/heldout_report.py            # both languages, with failure lists
    .venv/bin/python benchmarks/heldout_report.py --lang zh --quiet
    .venv/bin/python benchmarks/heldout_report.py --json     # figures as JSON

>>> unit_key("per 10,000 residents") == unit_key("件/万人")
True
>>> value_ok(120000000000, 1.2e11)
True
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "heldout"
INPUT_FIELDS = ("id", "text", "title", "date", "lang")
TOLERANCE = 0.005

_CURRENCY_ALIASES = {
    "RMB": "CNY", "YUAN": "CNY", "元": "CNY", "US$": "USD", "$": "USD", "美元": "USD",
    "€": "EUR", "欧元": "EUR", "£": "GBP", "₹": "INR", "RS": "INR", "S$": "SGD", "WON": "KRW",
    "₩": "KRW", "¥": None,
}  # fmt: skip


_UNIT_ALIASES = {
    "hectare": "ha", "hectares": "ha", "公顷": "ha", "微克/立方米": "ug/m3", "µg/m3": "ug/m3",
    "μg/m3": "ug/m3", "µg/m³": "ug/m3", "μg/m³": "ug/m3", "mbps": "mbit/s", "gbps": "gbit/s",
}  # fmt: skip
# unit symbols that are no currency code, however they are cased
_PHYSICAL = frozenset([
    "teu", "gw", "mw", "kw", "gwh", "mwh", "kwh", "twh", "pflops", "eflops", "tflops", "gflops",
    "km", "sqkm", "sqm", "ha", "mt", "kt",
])  # fmt: skip


def unit_key(unit: str | None) -> str:
    """A comparable form of a unit: codes kept, per-capita ratios by their base, words singular."""
    if unit is None:
        return ""
    u = str(unit).strip()
    up = u.upper()
    if up in _CURRENCY_ALIASES and _CURRENCY_ALIASES[up]:
        return _CURRENCY_ALIASES[up]
    if u in ("%", "percent", "per cent", "百分比"):
        return "%"
    if up in ("PP", "PERCENTAGE POINT", "PERCENTAGE POINTS", "个百分点", "百分点"):
        return "pp"
    low = u.lower().replace(",", "").replace(" ", "")
    # "per million inhabitants" = "per 1,000,000 people"
    low = low.replace("permillion", "per1000000").replace("perthousand", "per1000")
    per = re.fullmatch(r"per(\d+)(?:people|persons?|inhabitants?|residents?|population)", low)
    if per:
        return f"per{per.group(1)}"  # "per 100 persons" = "per 100 people"
    # per-capita ratios: "per 10,000 people", "件/万人", "每万人", "per 1,000 ..." -> by their base
    if "10000" in low or "万人" in low or "万名" in low or "每万" in low or "/万" in low:
        return "per10000"
    if ("per1000" in low and "per10000" not in low) or "千人" in low:
        return "per1000"
    if "percapita" in low or "人均" in low:
        return "percapita"
    per = re.fullmatch(r"per(\d+)(?:people|persons?|inhabitants?|residents?|population)", low)
    if per:
        return f"per{per.group(1)}"  # "per 100 persons" = "per 100 people"
    if low in ("month", "months", "个月", "月"):
        return "month"
    if low in ("t", "人次", "person-time", "person-times", "visit", "visits"):
        return {"t": "tonne"}.get(low, "count")  # "t" is the tonne symbol; 人次 counts visits
    if low.startswith(("tonne", "ton/", "tons", "吨")):
        return "tonne"  # "tonnes a year", "tonnes/year", "万吨" all measure tonnes
    if low in _UNIT_ALIASES:
        return _UNIT_ALIASES[low]  # one unit written two ways ("hectares" = "ha")
    if low in _PHYSICAL:
        return low  # "TEU" = "teu", "GW" = "gw": symbols written in either case
    if len(u) == 3 and u.isalpha() and u.isupper():
        return up  # ISO currency code
    return low.rstrip("s") if low.isascii() else low


def value_ok(expected: float, got: float | None) -> bool:
    """Within 0.5 % of the expected value (exact for zero)."""
    if got is None:
        return False
    if expected == 0:
        return got == 0
    return abs(got - expected) <= TOLERANCE * abs(expected)


def _scale_error(expected: dict, got: dict) -> bool:
    e, g = expected["value"], got.get("value")
    if g is None or g == 0 or e == 0:
        return False
    vmax = expected.get("value_max")
    if vmax is not None and value_ok(vmax, g):
        return True
    ratio = math.log10(abs(g / e))
    k = round(ratio)
    return k != 0 and abs(ratio - k) < 0.002


def year(d) -> str | None:
    return str(d)[:4] if d else None


def run_extract(docs: list[dict], exe: str | None = None) -> list[dict]:
    """Run ``goalpost extract --docs`` on the documents (input fields only) and parse its lines."""
    exe = exe or str(ROOT / ".venv" / "bin" / "goalpost")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for d in docs:
            f.write(
                json.dumps({k: d[k] for k in INPUT_FIELDS if k in d}, ensure_ascii=False) + "\n"
            )
        path = f.name
    try:
        proc = subprocess.run(
            [exe, "extract", "--docs", path, "--format", "jsonl"],
            capture_output=True, text=True, encoding="utf-8", timeout=600,
            env={**os.environ, "NO_COLOR": "1"},
        )  # fmt: skip
    finally:
        os.unlink(path)
    if proc.returncode != 0:
        raise RuntimeError(f"goalpost extract failed ({proc.returncode}): {proc.stderr[-2000:]}")
    items = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            items.append(json.loads(line))
    return items


def _greedy(pairs):
    """Pick pairs (score, i, j) best score first, each index used once."""
    used_e, used_p, out = set(), set(), []
    for _score, i, j in sorted(pairs, key=lambda t: t[0]):
        if i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def _comparator_ok(e: dict, p: dict) -> bool:
    if p.get("comparator") != e["comparator"]:
        return False
    if e["comparator"] == "range" and e.get("value_max") is not None:
        return value_ok(e["value_max"], p.get("value_max"))
    return True


def score_doc(doc: dict, preds: list[dict]) -> dict:
    """Match one document's predictions to its expected items; see the module docstring."""
    exp = doc["expected"]
    res = {"tp": [], "fn": [], "fp": [], "kind_wrong": [], "unit_wrong": [], "value_wrong": []}
    # stage 1: strict
    pairs = []
    for i, e in enumerate(exp):
        for j, p in enumerate(preds):
            same = p.get("kind") == e["kind"] and unit_key(p.get("unit")) == unit_key(e["unit"])
            if same and value_ok(e["value"], p.get("value")):
                tie = (not _comparator_ok(e, p)) + (year(e["date"]) != year(p.get("date")))
                pairs.append((tie, i, j))
    strict = _greedy(pairs)
    left_e = [i for i in range(len(exp)) if i not in {a for a, _ in strict}]
    left_p = [j for j in range(len(preds)) if j not in {b for _, b in strict}]
    for i, j in strict:
        if not exp[i].get("optional"):
            res["tp"].append((exp[i], preds[j]))
    # stage 2: value right, kind or unit wrong
    pairs = [
        (0, i, j)
        for i in left_e
        for j in left_p
        if value_ok(exp[i]["value"], preds[j].get("value"))
    ]
    partial = _greedy(pairs)
    for i, j in partial:
        e, p = exp[i], preds[j]
        if e.get("optional"):
            continue
        if unit_key(p.get("unit")) != unit_key(e["unit"]):
            res["unit_wrong"].append((e, p))
        elif p.get("kind") != e["kind"]:
            res["kind_wrong"].append((e, p))
    # stage 3: scale errors (same kind and unit) among what is still left
    left_e2 = [i for i in left_e if i not in {a for a, _ in partial}]
    left_p2 = [j for j in left_p if j not in {b for _, b in partial}]
    pairs = [
        (0, i, j)
        for i in left_e2
        for j in left_p2
        if preds[j].get("kind") == exp[i]["kind"]
        and unit_key(preds[j].get("unit")) == unit_key(exp[i]["unit"])
        and _scale_error(exp[i], preds[j])
    ]
    for i, j in _greedy(pairs):
        if not exp[i].get("optional"):
            res["value_wrong"].append((exp[i], preds[j]))
    # misses and false positives: anything not strictly matched (optional expectations excused)
    res["fn"] = [exp[i] for i in left_e if not exp[i].get("optional")]
    res["fp"] = [preds[j] for j in left_p]
    return res


def score(docs: list[dict], items: list[dict]) -> dict:
    """Figures for one language: P/R/F1 and field accuracies, plus the failure lists."""
    by_doc: dict[str, list[dict]] = {}
    for it in items:
        by_doc.setdefault(it.get("doc"), []).append(it)
    tot = {k: [] for k in ("tp", "fn", "fp", "kind_wrong", "unit_wrong", "value_wrong")}
    for d in docs:
        r = score_doc(d, by_doc.get(d["id"], []))
        for k, v in r.items():
            tot[k].extend((d, x) for x in v)
    tp, fp, fn = len(tot["tp"]), len(tot["fp"]), len(tot["fn"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    dated = [(d, (e, q)) for d, (e, q) in tot["tp"] if e.get("date")]
    date_ok = [x for x in dated if year(x[1][0]["date"]) == year(x[1][1].get("date"))]
    comp_ok = [x for x in tot["tp"] if _comparator_ok(*x[1])]
    growth_ok = [x for x in tot["tp"] if bool(x[1][1].get("growth")) == bool(x[1][0]["growth"])]

    def acc(ok, n):
        return ok / n if n else 1.0

    return {
        "docs": len(docs),
        "expected": tp + fn,
        "predicted": tp + fp,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "recall": r,
        "f1": f1,
        "date_year_accuracy": acc(len(date_ok), len(dated)),
        "comparator_accuracy": acc(len(comp_ok), tp),
        "growth_accuracy": acc(len(growth_ok), tp),
        "kind_accuracy": acc(tp, tp + len(tot["kind_wrong"])),
        "unit_accuracy": acc(tp, tp + len(tot["unit_wrong"])),
        "value_accuracy": acc(tp, tp + len(tot["value_wrong"])),
        "recall_target": acc(
            sum(e["kind"] == "target" for _, (e, _q) in tot["tp"]),
            sum(e["kind"] == "target" for _, (e, _q) in tot["tp"])
            + sum(e["kind"] == "target" for _, e in tot["fn"]),
        ),
        "recall_observation": acc(
            sum(e["kind"] == "observation" for _, (e, _q) in tot["tp"]),
            sum(e["kind"] == "observation" for _, (e, _q) in tot["tp"])
            + sum(e["kind"] == "observation" for _, e in tot["fn"]),
        ),
        "fp_on_negative_docs": sum(1 for d, _q in tot["fp"] if not d["expected"]),
        "negative_docs": sum(1 for d in docs if not d["expected"]),
        "failures": {
            "missed": [(d["id"], d.get("text", ""), e) for d, e in tot["fn"]],
            "false_positive": [(d["id"], d.get("text", ""), q) for d, q in tot["fp"]],
            "date_wrong": [
                (d["id"], d.get("text", ""), e, q)
                for d, (e, q) in dated
                if (d, (e, q)) not in date_ok
            ],
            "comparator_wrong": [
                (d["id"], d.get("text", ""), e, q)
                for d, (e, q) in tot["tp"]
                if not _comparator_ok(e, q)
            ],
            "growth_wrong": [
                (d["id"], d.get("text", ""), e, q)
                for d, (e, q) in tot["tp"]
                if bool(q.get("growth")) != bool(e["growth"])
            ],
            "kind_wrong": [(d["id"], d.get("text", ""), e, q) for d, (e, q) in tot["kind_wrong"]],
            "unit_wrong": [(d["id"], d.get("text", ""), e, q) for d, (e, q) in tot["unit_wrong"]],
            "value_wrong": [(d["id"], d.get("text", ""), e, q) for d, (e, q) in tot["value_wrong"]],
        },
    }


def load(lang: str, data: Path | str | None = None) -> list[dict]:
    with open(Path(data or DATA) / f"{lang}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(lang: str, exe: str | None = None, data: Path | str | None = None) -> dict:
    docs = load(lang, data)
    return score(docs, run_extract(docs, exe))


FIGURES = (
    ("precision", "P"), ("recall", "R"), ("f1", "F1"), ("date_year_accuracy", "date-year"),
    ("comparator_accuracy", "comparator"), ("unit_accuracy", "unit"), ("value_accuracy", "value"),
    ("kind_accuracy", "kind"), ("growth_accuracy", "growth"),
)  # fmt: skip


def summary_line(lang: str, s: dict) -> str:
    figs = "  ".join(f"{label} {s[key]:.3f}" for key, label in FIGURES)
    counts = f"docs {s['docs']} exp {s['expected']} pred {s['predicted']} tp {s['tp']}"
    extra = (
        f"  | recall target {s['recall_target']:.3f} observation {s['recall_observation']:.3f}"
        f"  | {s['fp_on_negative_docs']} fp on {s['negative_docs']} negative docs"
    )
    return f"[{lang}] {counts} fp {s['fp']} fn {s['fn']}  {figs}{extra}"


def _short(item: dict) -> str:
    keys = ("kind", "value", "value_max", "unit", "comparator", "date", "growth")
    return json.dumps({k: item.get(k) for k in keys if item.get(k) is not None}, ensure_ascii=False)


def print_failures(s: dict, out=sys.stdout) -> None:
    for name, rows in s["failures"].items():
        if not rows:
            continue
        print(f"  -- {name} ({len(rows)})", file=out)
        for row in rows:
            doc_id, text = row[0], row[1]
            print(f"     {doc_id}: {text[:160]!r}", file=out)
            if len(row) == 3:
                tag = "expected" if name == "missed" else "got"
                print(f"        {tag}: {_short(row[2])}", file=out)
            else:
                print(f"        expected: {_short(row[2])}", file=out)
                print(f"        got:      {_short(row[3])}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=["en", "zh"], action="append")
    ap.add_argument("--exe", help="goalpost executable (default .venv/bin/goalpost)")
    ap.add_argument("--data", help="folder with en.jsonl / zh.jsonl (default tests/data/heldout)")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    ap.add_argument("--json", action="store_true", help="figures as one JSON object")
    args = ap.parse_args(argv)
    results = {}
    for lang in args.lang or ["en", "zh"]:
        results[lang] = evaluate(lang, args.exe, args.data)
    if args.json:
        print(json.dumps({k: {f: v for f, v in s.items() if f != "failures"}
                          for k, s in results.items()}, indent=2))  # fmt: skip
        return 0
    for lang, s in results.items():
        print(summary_line(lang, s))
        if not args.quiet:
            print_failures(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
