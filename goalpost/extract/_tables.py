"""Tables rendered as text: one row per line, cells split by tabs or "|".

HTML and DOCX tables reach the text as tab-separated rows, Markdown and many
plain-text releases write them with "|". Read as prose, a row loses what its
header says: the year of each column ("2024年 | 2027年目标"), whether a column is
a target or a growth rate ("同比增长(%)", "Target 2030", "% change"), and the unit
written once in the row label ("地区生产总值(亿元)") or the header. This module
finds such blocks and reads every numeric cell with its column's meaning.

A block is at least two consecutive rows with the same number of cells (two or
more), whose first row is a header: its value columns hold no number other
than a year. Rows whose first cell is a year ("2023 | 1,250 | 4.1") take their
date from it and their indicator from the column header.

>>> text = "指标 | 2024年 | 2027年目标\\n研发投入强度(%) | 2.95 | 3.3"
>>> [(c.value, c.unit, c.kind, c.date) for c in read_tables(text, doc_year=2025)]
[(2.95, '%', 'observation', '2024'), (3.3, '%', 'target', '2027')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Table", "TableCell", "find_tables", "read_tables", "table_spans"]

_SPLIT = re.compile(r"\s*(?:\t|\||｜)\s*")
_RULE = re.compile(r"^[\s|:\-–—=+]*$")  # a Markdown "---|---" line
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TARGET = re.compile(r"目标|预期|规划|target|goal|objective|planned|plan\b", re.I)
_GROWTH = re.compile(
    r"增长|增速|同比|增幅|增减|变化|growth|change|increase|y-?o-?y|year[-\s]on[-\s]year", re.I
)
_PARENS = re.compile(r"[(（]([^()（）]{1,60})[)）]")
_NUMBER = re.compile(
    r"^(?P<cmp>[≥≤><~约超过近]{0,2})\s*(?P<num>[+\-−–]?\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%)?"
    r"\s*(?P<tail>以上|以下|左右|\+)?$"
)
_CMP = {"≥": ">=", ">": ">", "≤": "<=", "<": "<", "~": "~", "约": "~", "超过": ">", "超": ">",
        "近": "~"}  # fmt: skip
_TAIL = {"以上": ">=", "+": ">=", "以下": "<=", "左右": "~"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PER_10K = re.compile(r"/万人|每万人|per\s+10,?000", re.I)
_LABEL_TRIM = re.compile(r"[\s:：]+$")


@dataclass
class TableCell:
    """One figure read from a table, with its evidence and its column's meaning."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    comparator: str
    growth: bool
    date: str | None
    indicator: str
    row_start: int
    row_end: int


@dataclass
class Table:
    """A table block (header row to last row) and the figures read from it."""

    start: int
    end: int
    cells: list[TableCell]


@dataclass
class _Row:
    start: int
    end: int
    cells: list[tuple[int, int, str]]  # (start, end, text) of each cell


def _rows(text: str) -> list[_Row | None]:
    """Each line as a row of cells, or None when it is no table row."""
    out: list[_Row | None] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if _RULE.match(line):
            out.append(_Row(start, start, []) if line.strip() else None)  # "---|---", or blank
            continue
        if not ("\t" in line or "|" in line or "｜" in line):
            out.append(None)
            continue
        cells: list[tuple[int, int, str]] = []
        at = 0
        for m in [*_SPLIT.finditer(line), None]:
            end = m.start() if m else len(line)
            piece = line[at:end]
            lead = len(piece) - len(piece.lstrip())
            cells.append((start + at + lead, start + at + len(piece.rstrip()), piece.strip()))
            at = m.end() if m else len(line)
        while cells and not cells[0][2]:
            cells.pop(0)  # "| a | b |": the outer bars
        while cells and not cells[-1][2]:
            cells.pop()
        out.append(_Row(start, start + len(line), cells) if len(cells) >= 2 else None)
    return out


def _blocks(text: str) -> list[list[_Row]]:
    blocks: list[list[_Row]] = []
    if not ("\t" in text or "|" in text or "｜" in text):
        return blocks  # most prose: no cell separator anywhere
    run: list[_Row] = []
    for row in [*_rows(text), None]:
        if row is not None and not row.cells:
            continue  # a Markdown rule line inside the block
        if row is not None and (not run or len(row.cells) == len(run[0].cells)):
            run.append(row)
            continue
        if len(run) >= 2 and _is_header(run[0]):
            blocks.append(run)
        run = [row] if row is not None else []
    return blocks


def _is_header(row: _Row) -> bool:
    return all(_number(_YEAR.sub("", c[2])) is None for c in row.cells[1:]) and any(
        c[2] for c in row.cells[1:]
    )


def _number(cell: str) -> tuple[float, str, bool] | None:
    """(value, comparator, has %) of a cell that is a bare figure."""
    m = _NUMBER.match(cell.replace(" ", ""))
    if not m:
        return None
    num = m.group("num").replace(",", "").replace("−", "-").replace("–", "-")
    cmp = _CMP.get(m.group("cmp"), "=") if m.group("cmp") else _TAIL.get(m.group("tail") or "", "=")
    return float(num), cmp, bool(m.group("pct"))


_CELL_YEAR = re.compile(r"\s*[(（]\s*((?:19|20)\d\d)\s*[)）]\s*$")


def _cell_reading(
    cell: str, region: str | None
) -> tuple[float, str, tuple[str, float] | None, str | None] | None:
    """(value, comparator, unit, year) of a cell that writes its unit or year in it:
    "0.63 GW (2019)", "12.4% (2024)", "€1.2 billion". The unit's scale is in the value."""
    y = _CELL_YEAR.search(cell)
    body = (cell[: y.start()] if y else cell).strip()
    year = y.group(1) if y else None
    read = _number(body)
    if read is not None:
        return read[0], read[1], ("%", 1.0) if read[2] else None, year
    if not body or _CJK.search(body) or not body[:1].isalnum() and body[:1] not in "$€£¥₹<>~≥≤":
        return None
    from goalpost.extract._quantities_en import scan_quantities

    qs = scan_quantities(body, region=region)
    if len(qs) != 1 or qs[0].start != 0 or qs[0].end < len(body.rstrip(" .")):
        return None
    q = qs[0]
    return float(q.value), q.comparator, (q.unit, 1.0), year


@lru_cache(maxsize=512)
def _unit_of(words: str, region: str | None = None) -> tuple[str, float] | None:
    """The unit and scale a header or label names: "亿元" -> ("CNY", 1e8)."""
    words = words.strip()
    if not words:
        return None
    if words in ("%", "％"):
        return "%", 1.0
    if _PER_10K.search(words):
        return "per 10,000 people", 1.0
    if _CJK.search(words):
        from goalpost.extract._zh_quantities import parse_zh_quantities

        qs = parse_zh_quantities("1" + words)
    else:
        from goalpost.extract._quantities_en import scan_quantities

        low = words.lower().rstrip(".")
        if low in _SCALE_WORDS:
            return "count", _SCALE_WORDS[low]  # "(thousands)", "(million)"
        best = None
        # "EUR million" reads as "1 EUR million"; a sign goes before the number: "¥ million" as
        # "¥1 million", "Rs crore" as "Rs 1 crore", "€m" as "€1m"
        for probe in _unit_probes(words):
            found = list(scan_quantities(probe, region=region))
            if len(found) == 1 and found[0].unit and found[0].start == 0:
                q = found[0]
                if q.unit != "count" and q.end >= len(probe.rstrip(" .")):
                    return q.unit, q.value
                best = best or (q.unit, q.value)
        if best == ("count", 1.0) and low not in _COUNT_WORDS:
            return None  # "(baseline)", "(target)": a word, not a unit
        return best
    if len(qs) != 1 or not qs[0].unit or qs[0].start != 0:
        return None
    return qs[0].unit, qs[0].value


_SCALE_WORDS = {
    "thousand": 1e3, "thousands": 1e3, "'000": 1e3, "000s": 1e3, "million": 1e6,
    "millions": 1e6, "mn": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "lakh": 1e5,
    "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# Words that name a count when a label's brackets hold nothing else
_COUNT_WORDS = frozenset(
    [
        "number",
        "no",
        "count",
        "persons",
        "people",
        "individuals",
        "units",
        "unit",
        "firms",
        "companies",
        "enterprises",
        "items",
        "pieces",
        "sets",
        "projects",
        "households",
        "cases",
        "establishments",
        "institutions",
        "organisations",
        "organizations",
    ]
)
_SIGN_FIRST = re.compile(
    r"([^\w\s(),.%]+|[A-Z]{1,3}\$|Rs\.?|Tk\.?|[A-Z]{3}|KSh|Ksh|TSh|USh|GH₵|GH¢|zł|kr\.?|Rp\.?)\s*(\S.*)?$"
)


_UNIT_LABEL = re.compile(r"^\s*units?\s*[:：]\s*", re.I)
_SCALE_FIRST = re.compile(r"10*(?:,000)*\s+\D")


def _unit_probes(words: str) -> list[str]:
    """Texts to read ``words`` as the unit of a number: the sign-first readings, then "1 words"."""
    words = _UNIT_LABEL.sub("", words)  # "Unit: 100 million yuan"
    if _SCALE_FIRST.match(words):
        return [
            words
        ]  # "100 million yuan" is its own scale ("1 100 million" would be 1,100 million)
    m = _SIGN_FIRST.match(words)
    # "JPY 100 million": with a figure already in the words, sign-first readings would garble it
    if not m or any(c.isdigit() for c in words):
        return ["1 " + words]
    sign, rest = m.group(1), m.group(2) or ""
    return [f"{sign}1{rest}", f"{sign}1 {rest}", f"{sign} 1 {rest}", "1 " + words]


def _split_label(label: str, region: str | None = None) -> tuple[str, tuple[str, float] | None]:
    """The indicator and the unit in brackets: "地区生产总值(亿元)" -> ("地区生产总值", CNY 1e8)."""
    unit = None
    for m in _PARENS.finditer(label):
        inside = m.group(1).strip()
        if inside[:1] in ("%", "％") or inside.lower().startswith(("per cent", "percent")):
            unit = ("%", 1.0)  # "(% of enterprises with 10+ employees)"
        elif len(inside) <= 24:
            unit = _unit_of(inside, region) or unit
    name = _PARENS.sub("", label) if unit else label
    if unit is None and ("," in label or "，" in label):
        # "Internal R&D expenditure, KZT billion", "Level of innovation activity, %"
        head, _, tail = label.replace("，", ",").rpartition(",")
        if tail.strip()[:1] in ("%", "％"):
            unit = ("%", 1.0)  # "Labour productivity, % of EU average"
        else:
            unit = _unit_of(tail.strip(), region) if len(tail.split()) <= 3 else None
        name = head if unit else label
    return _LABEL_TRIM.sub("", name).strip(), unit


_NUMBER_HEADERS = frozenset(("序号", "编号", "no", "#", "s/n", "item"))
_UNIT_HEADERS = frozenset(("单位", "计量单位", "unit", "units", "unit of measure"))
_PCT_HEADER = re.compile(r"^\s*%|%\s*$|\bper\s*cent\b|\bpercent\b", re.I)
# a year the line names as a comparison base: "the change compared with 2022"
_BASE_YEAR = re.compile(
    r"(?:compared\s+(?:with|to)|than|from|since|over|against|vs\.?|较|比)\s*$", re.I
)
_UNIT_LINE = re.compile(r"(?:单位|unit|units)\s*[:：]\s*([^\n)）;；]{1,24})", re.I)


def _caption_unit(text: str, start: int, region: str | None = None) -> tuple[str, float] | None:
    """The unit a line above the table names: "单位：万元", "(Unit: EUR million)"."""
    for line in reversed(text[max(0, start - 300) : start].strip().split("\n")[-2:]):
        m = _UNIT_LINE.search(line)
        if m:
            return _unit_of(m.group(1).strip(), region)
    return None


def _caption_year(text: str, start: int) -> str | None:
    """The year of the line above a table ("2025年前三季度厦门市主要经济指标")."""
    prev = text.rfind("\n", 0, max(0, start - 1))
    for line in reversed(text[max(0, prev - 400) : start].strip().split("\n")[-3:]):
        for m in _YEAR.finditer(line):
            if not _BASE_YEAR.search(line, 0, m.start()):
                return m.group(1)
    return None


# A label that names things counted: "number of ...", or a plural noun ("registrations",
# "Start-ups supported"); not a rank, an index, a rate or an average, which have no unit
_COUNT_LABEL = re.compile(
    r"\b(?:number|no\.)\s+of\b|^[^(]*?[a-z]{2}(?<!\bha)(?<!\bwa)(?<!hi)(?<!\bu)s\b", re.I
)
_NOT_COUNT = re.compile(
    r"\b(?:rank\w*|code|index|indices|score|rating|position|years?|ratio|rates?|share|intensity|"
    r"per|average|mean|median|level|density)\b",
    re.I,
)


def _counts_things(label: str) -> bool:
    label = _PER_PERIOD.sub("", label)  # "Start-ups created per year" still counts start-ups
    return (
        not _CJK.search(label)
        and _COUNT_LABEL.search(label) is not None
        and _NOT_COUNT.search(label) is None
    )


_PER_PERIOD = re.compile(r"\b(?:per|a|each)\s+(?:year|annum|month|quarter)\b", re.I)


def table_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every table block in ``text``: prose rules should skip them."""
    return [(t.start, t.end) for t in find_tables(text)]


def read_tables(text: str, doc_year: int | None = None) -> list[TableCell]:
    """Every figure in the tables of ``text``, read with its column's year, kind and unit."""
    return [c for t in find_tables(text, doc_year) for c in t.cells]


def find_tables(text: str, doc_year: int | None = None, region: str | None = None) -> list[Table]:
    """Every table block of ``text`` with its figures (``read_tables`` per block)."""
    tables: list[Table] = []
    for block in _blocks(text):
        out: list[TableCell] = []
        tables.append(Table(block[0].start, block[-1].end, out))
        header = block[0].cells
        caption = _caption_year(text, block[0].start)
        caption_unit = _caption_unit(text, block[0].start, region)
        cols = []
        for _, _, h in header:
            # "Growth over 2023 (%)": a comparison base is not the column's year
            year = next(
                (m for m in _YEAR.finditer(h) if not _BASE_YEAR.search(h, 0, m.start())), None
            )
            name, unit = _split_label(h, region)
            if unit is None and _PCT_HEADER.search(h):
                unit = ("%", 1.0)  # a "% change" column
            cols.append((year.group(1) if year else None, bool(_TARGET.search(h)),
                         bool(_GROWTH.search(h)), unit, name))  # fmt: skip
        counted_columns = any(
            _counts_things(name) for _, _, _, unit, name in cols[1:] if unit is None
        )
        unit_col = next(
            (i for i, (_, _, h) in enumerate(header) if h.lower() in _UNIT_HEADERS), None
        )
        # "序号 | 指标 | 单位 | …", "No. | Indicator | …": the label is the column after the number
        first = 1 if header[0][2].lower().rstrip(".") in _NUMBER_HEADERS else 0
        for row in block[1:]:
            label_text = row.cells[first][2]
            row_unit = _unit_of(row.cells[unit_col][2], region) if unit_col else None
            row_year = _YEAR.fullmatch(label_text.rstrip("年 "))
            label, label_unit = _split_label(label_text, region)
            for i, (a, b, cell) in enumerate(row.cells[first + 1 :], start=first + 1):
                read = _number(cell)
                cell_unit, cell_year = None, None
                if read is None:
                    rich = _cell_reading(cell, region)
                    if rich is None or rich[2] is None and rich[3] is None:
                        continue
                    value, cmp, cell_unit, cell_year = rich
                    pct = False
                else:
                    value, cmp, pct = read
                year, is_target, growth, col_unit, col_name = cols[i]
                unit = ("%", 1.0) if pct else (col_unit or row_unit or label_unit or caption_unit)
                unit = cell_unit or unit
                if (
                    unit is None
                    and value == int(value)
                    and (_counts_things(label_text) or counted_columns)
                ):
                    # "New company registrations | 3,412 | 3,688"; "| Region | Completions, 12
                    # months to March 2025 | Annual target |": the header names what is counted
                    unit = ("count", 1.0)
                if unit is None:
                    continue  # no unit anywhere: a rank, a code or a score
                if unit[0] == "count" and _PER_10K.search(label_text):
                    unit = ("per 10,000 people", 1.0)  # 每万人口…拥有量(件)
                date = cell_year or (row_year.group(1) if row_year else (year or caption))
                target = is_target or bool(date and doc_year and int(date) > doc_year)
                out.append(
                    TableCell(
                        start=a,
                        end=b,
                        value=value * unit[1],
                        unit=unit[0],
                        kind="target" if target else "observation",
                        comparator=cmp,
                        growth=growth or unit[0] == "pp",
                        date=date,
                        indicator=col_name if row_year else label,
                        row_start=row.start,
                        row_end=row.end,
                    )  # fmt: skip
                )
    return tables
