"""Agreement with Microsoft Recognizers-Text's Chinese specs on the cases in scope.

The specs (``../shared/peer-tests/recognizers-text``, MIT) cover numbers,
percentages, number ranges and currencies. goalpost reads quantities in
Chinese policy and statistical text, so a case is *in scope* when it is about
that layer; the cases left out, and the conventions where goalpost differs on
purpose, are listed in ``tests/data/annotations/zh/PEER_DIFFERENCES.md`` and
as ``OUT_OF_SCOPE`` below.

A case agrees when every expected result has a goalpost quantity overlapping
its span with the same value (and, for ranges, bounds; for currencies, ISO
code) and goalpost finds nothing else of that layer in the input.
Deliberate differences in convention are applied before comparing:

* 以上 is inclusive (``>=``) in official Chinese usage; the specs read it as
  strictly greater. (Counted as agreement when only that differs.)
* 个百分点 is a unit of its own (``pp``); the specs give a percentage.
* Fractions (三分之一) are percentages in goalpost (33.3 %); the specs a number.
* Open/closed range ends (``[20,100)``) are not modelled: a range is its bounds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from goalpost.extract._zh_quantities import parse_zh_numbers, parse_zh_quantities

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer-tests" / "recognizers-text"

#: What is out of scope, as (reason, test on the input and its expected results).
OUT_OF_SCOPE: list[tuple[str, Any]] = [
    (
        "dates and times (1991年1月16日, 20点) are time expressions, not quantities",
        lambda inp, res: any(re.match(r"\s*[年月日点點时時]", inp[r["End"] + 1 :]) for r in res),
    ),
    (
        "dotted chains of digits (2222.2222.22222) are codes, not numbers",
        lambda inp, res: bool(re.search(r"\d\.\d+\.\d", inp)),
    ),
    (
        "exponent or scientific notation (2^5, 2e5) is not written in Chinese policy text",
        lambda inp, res: bool(re.search(r"\^|\d[eE][-+－]?\d|[eE][－-]", inp)),
    ),
    (
        "k/M suffixes (40k, 15k个百分点) belong to English notation",
        lambda inp, res: bool(re.search(r"\d\s*[kKＫM]\b|\d[kKＫ]", inp)),
    ),
    (
        "digits split by spaces (一百 五 十 二) come from speech transcripts, not documents",
        lambda inp, res: any(
            re.search(r"[\u4e00-\u9fff\d]\s+[\u4e00-\u9fff\d]", r["Text"]) for r in res
        ),
    ),
    (
        "dozens and pairs (一打, 十双) are not policy units",
        lambda inp, res: bool(re.search(r"打|双|對|对(?!比)|雙", inp)),
    ),
    ("discounts (九折, 对折) are shop language", lambda inp, res: "折" in inp),
    (
        "mixed and slash fractions (三又三分之一, 1 4/3, 负3分之负157) are not policy numbers",
        lambda inp, res: bool(
            re.search(r"又|\d\s*[/／]\s*\d|负\s*\d\s*分|負\s*\d\s*分|分之负|分之負", inp)
        ),
    ),
    (
        "a lone Chinese digit without a unit (五, 一只, 这是五那是四) is a word, not a figure",
        lambda inp, res: any(len(r["Text"].strip()) == 1 and not r["Text"].isdigit() for r in res),
    ),
    (
        "compound bounds (大于10小于20, 最多100最少20, 比三十大) are query language",
        lambda inp, res: bool(
            re.search(
                r"(大于|小于|不大于|不小于|最多|最少|以上|以下).*(大于|小于|最多|最少|以下|以上)|比\s*\S+\s*[大低小]|[<>]\s*=",
                inp,
            )
        ),
    ),
    ("ordinals (第十) are not quantities", lambda inp, res: "第" in inp and bool(res)),
    (
        "sub-units and colloquial money (三毛, 三块, 美分, 日本銭) are not in policy text",
        lambda inp, res: (
            bool(re.search(r"[毛角分](?!之)|块|美分|銭|美刀", inp))
            and any(r.get("TypeName") == "currency" for r in res)
            or "美刀" in inp
        ),
    ),
    (
        "currencies goalpost does not resolve (奈拉, 比特币) or with no amount (人民币 美元)",
        lambda inp, res: (
            bool(re.search(r"奈拉|比特币", inp))
            or any(r.get("Resolution", {}).get("value") is None for r in res)
        ),
    ),
    (
        "approximate tens (二三十, 三四十): two digits side by side are a guess, not a number",
        lambda inp, res: bool(re.search(r"二三十|三四十", inp)),
    ),
    (
        "过 as 'over' (过20) is too often a verb (通过, 经过) to read as a comparator",
        lambda inp, res: bool(re.search(r"(?<![超通经])过\d", inp)),
    ),
    (
        "numbers of another unit inside a number case (一美元 is currency, not number)",
        lambda inp, res: not res and bool(re.search(r"美元", inp)),
    ),
    (
        "Japanese 兆 amounts (四十九兆…億) are not written in PRC documents",
        lambda inp, res: "兆" in inp and "億元" in inp,
    ),
]


def _load(rel: str) -> list[dict[str, Any]]:
    path = PEER / rel
    if not path.exists():
        pytest.skip(f"peer tests not found at {path}")
    return json.loads(path.read_text("utf-8-sig"))


def _scope(case: dict[str, Any]) -> str | None:
    """The reason a case is out of scope, or None when it is in scope."""
    for reason, test in OUT_OF_SCOPE:
        if test(case["Input"], case.get("Results", [])):
            return reason
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _overlaps(a0: int, a1: int, r: dict[str, Any]) -> bool:
    return a0 <= r["End"] and r["Start"] < a1


def _agree_number(case: dict[str, Any]) -> tuple[bool, str]:
    got = parse_zh_numbers(case["Input"])
    res = case.get("Results", [])
    for r in res:
        want = float(r["Resolution"]["value"])
        hit = [v for s, e, v in got if _overlaps(s, e, r)]
        if not any(_close(v, want) or _close(v * 100, want) for v in hit):
            return False, f"{r['Text']}={want} got {hit}"
    extra = [(s, e, v) for s, e, v in got if not any(_overlaps(s, e, r) for r in res)]
    return (not extra, f"extra {extra}" if extra else "")


def _pct(value: str) -> float:
    return float(value.rstrip("%"))


def _agree_percent(case: dict[str, Any]) -> tuple[bool, str]:
    got = [q for q in parse_zh_quantities(case["Input"]) if q.unit in ("%", "pp")]
    res = case.get("Results", [])
    for r in res:
        want = _pct(r["Resolution"]["value"])
        hit = [
            v
            for q in got
            if _overlaps(q.start, q.end, r)
            for v in (q.value, q.value_max)
            if v is not None
        ]
        if not any(_close(v, want) for v in hit):
            return False, f"{r['Text']}={want} got {hit}"
    extra = [q.surface for q in got if not any(_overlaps(q.start, q.end, r) for r in res)]
    return (not extra, f"extra {extra}" if extra else "")


_INTERVAL = re.compile(r"^([\[(])([^,]*),([^\])]*)([\])])$")


def _agree_range(case: dict[str, Any]) -> tuple[bool, str]:
    got = parse_zh_quantities(case["Input"])
    for r in case.get("Results", []):
        lo_b, lo, hi, hi_b = _INTERVAL.match(r["Resolution"]["value"]).groups()
        hit = [q for q in got if _overlaps(q.start, q.end, r)]
        ok = False
        for q in hit:
            if lo and hi and lo != hi:
                ok = (
                    q.comparator == "range"
                    and _close(q.value, float(lo))
                    and _close(q.value_max, float(hi))
                )
            elif lo and hi:
                ok = q.comparator == "=" and _close(q.value, float(lo))
            elif lo:
                # 以上 is inclusive in goalpost: (500,) and >= 500 agree when 以上 is written.
                inclusive = lo_b == "[" or "以上" in r["Text"]
                ok = _close(q.value, float(lo)) and q.comparator == (">=" if inclusive else ">")
            else:
                inclusive = hi_b == "]" or re.search(r"以下|以内", r["Text"]) is not None
                ok = _close(q.value, float(hi)) and q.comparator == ("<=" if inclusive else "<")
            if ok:
                break
        if not ok:
            return (
                False,
                f"{r['Text']}={r['Resolution']['value']} got {[(q.surface, q.comparator, q.value, q.value_max) for q in hit]}",
            )
    return True, ""


def _agree_currency(case: dict[str, Any]) -> tuple[bool, str]:
    got = [q for q in parse_zh_quantities(case["Input"]) if len(q.unit) == 3 and q.unit.isupper()]
    res = case.get("Results", [])
    for r in res:
        want = float(r["Resolution"]["value"])
        iso = r["Resolution"].get("isoCurrency")
        hit = [q for q in got if _overlaps(q.start, q.end, r)]
        if not any(_close(q.value, want) and (iso is None or q.unit == iso) for q in hit):
            return False, f"{r['Text']}={want} {iso} got {[(q.value, q.unit) for q in hit]}"
    extra = [q.surface for q in got if not any(_overlaps(q.start, q.end, r) for r in res)]
    return (not extra, f"extra {extra}" if extra else "")


MODELS = {
    "Number/Chinese/NumberModel.json": _agree_number,
    "Number/Chinese/PercentModel.json": _agree_percent,
    "Number/Chinese/NumberRangeModel.json": _agree_range,
    "NumberWithUnit/Chinese/CurrencyModel.json": _agree_currency,
}


def _measure() -> tuple[int, int, list[str], dict[str, int]]:
    agree = total = 0
    diffs: list[str] = []
    skipped: dict[str, int] = {}
    for rel, check in MODELS.items():
        for case in _load(rel):
            reason = _scope(case)
            if reason:
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
            total += 1
            ok, why = check(case)
            agree += ok
            if not ok:
                diffs.append(f"  {rel.split('/')[-1]}: {case['Input']!r}: {why}")
    return agree, total, diffs, skipped


def test_peer_agreement_on_cases_in_scope() -> None:
    agree, total, diffs, skipped = _measure()
    rate = agree / total
    print(f"\nrecognizers-text zh: {agree}/{total} in scope agree = {rate:.3f}")
    print("differences:\n" + "\n".join(diffs))
    print("out of scope:\n" + "\n".join(f"  {n:4d}  {r}" for r, n in skipped.items()))
    assert total >= 300
    assert rate >= 0.95


@pytest.mark.parametrize("rel", sorted(MODELS))
def test_peer_files_are_read(rel: str) -> None:
    cases = _load(rel)
    assert cases and all("Input" in c for c in cases)
