"""Tables rendered as text (tab or "|" cells): each figure read with its column's meaning."""

from __future__ import annotations

import pytest

from goalpost.extract import extract_text
from goalpost.extract._tables import find_tables, read_tables, table_spans


def _cells(text: str, doc_year: int = 2025):
    return [(c.value, c.unit, c.kind, c.date, c.growth) for c in read_tables(text, doc_year)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a plan's indicator table: a baseline column and a target column
            "指标 | 2024年 | 2027年目标\n研发投入强度(%) | 2.95 | 3.3\n高新技术企业(家) | 7100 | 10000",
            [
                (2.95, "%", "observation", "2024", False),
                (3.3, "%", "target", "2027", False),
                (7100.0, "count", "observation", "2024", False),
                (10000.0, "count", "target", "2027", False),
            ],
        ),
        (  # the unit in the row label, a growth column in the header, the year in the caption
            "2025年前三季度主要指标\n\n指标 | 前三季度 | 同比增长(%)\n地区生产总值(亿元) | 6210.5 | 5.6\n"
            "外贸进出口(亿元) | — | -1.5",
            [
                (621050000000.0, "CNY", "observation", "2025", False),
                (5.6, "%", "observation", "2025", True),
                (-1.5, "%", "observation", "2025", True),
            ],
        ),
        (  # HTML and DOCX tables arrive tab-separated; a later year is a target
            "Indicator\t2023\t2030\nR&D intensity (%)\t2.1\t3.0\nStart-ups (count)\t410\t800",
            [
                (2.1, "%", "observation", "2023", False),
                (3.0, "%", "target", "2030", False),
                (410.0, "count", "observation", "2023", False),
                (800.0, "count", "target", "2030", False),
            ],
        ),
        (  # rows headed by a year: the indicator and unit come from the column
            "| Year | Exports (EUR million) | Growth (%) |\n|---|---|---|\n| 2022 | 1,250 | 4.1 |\n"
            "| 2023 | 1,310 | 4.8 |",
            [
                (1250000000.0, "EUR", "observation", "2022", False),
                (4.1, "%", "observation", "2022", True),
                (1310000000.0, "EUR", "observation", "2023", False),
                (4.8, "%", "observation", "2023", True),
            ],
        ),
        (  # per-capita ratios from the label
            "指标\t2024年\t2027年\n每万人口高价值发明专利拥有量(件)\t32.5\t45",
            [
                (32.5, "per 10,000 people", "observation", "2024", False),
                (45.0, "per 10,000 people", "target", "2027", False),
            ],
        ),
        (  # the unit in a line above the table
            "2024年主要指标\n单位：亿元\n指标 | 2023年 | 2024年\n工业增加值 | 1200 | 1300",
            [
                (120000000000.0, "CNY", "observation", "2023", False),
                (130000000000.0, "CNY", "observation", "2024", False),
            ],
        ),
        (  # ... or in the caption's brackets
            "Table 2. Exports by sector (Unit: EUR million)\nSector\t2023\t2024\nMachinery\t1,250\t1,310",
            [
                (1250000000.0, "EUR", "observation", "2023", False),
                (1310000000.0, "EUR", "observation", "2024", False),
            ],
        ),
        (  # a unit column
            "指标 | 单位 | 2024年 | 2028年目标\n高新技术企业 | 家 | 7100 | 12000\n研发投入强度 | % | 2.9 | 3.5",
            [
                (7100.0, "count", "observation", "2024", False),
                (12000.0, "count", "target", "2028", False),
                (2.9, "%", "observation", "2024", False),
                (3.5, "%", "target", "2028", False),
            ],
        ),
    ],
)
def test_table_cells_take_their_columns_meaning(text: str, expected: list) -> None:
    assert _cells(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Home | About | News | Contact\nMenu | Login | Search | Help",  # a menu, no figures
        "2023 | 1,250 | 4.1\n2024 | 1,310 | 4.8",  # no header: left to the prose rules
        "Rank | Region\n1 | Bavaria\n2 | Saxony",  # no unit anywhere: ranks
        "Single line | 2024 | 5.6",  # one row is no table
    ],
)
def test_not_a_table_or_no_figures(text: str) -> None:
    assert _cells(text) == []


def test_table_figures_reach_extract_with_spans_and_rows() -> None:
    text = "Key indicators\n\nIndicator\t2023\t2030 target\nR&D intensity (%)\t2.1\t3.0\n"
    items = extract_text(text, date="2025-01-10", lang="en")
    got = [(i.kind, i.value, i.unit, i.date, text[i.start : i.end], i.indicator) for i in items]
    assert got == [
        ("observation", 2.1, "%", "2023", "2.1", "R&D intensity"),
        ("target", 3.0, "%", "2030", "3.0", "R&D intensity"),
    ]
    assert table_spans(text) == [(text.index("Indicator"), text.index("3.0") + 3)]


def test_an_html_table_is_read_by_its_columns(tmp_path) -> None:
    from goalpost.documents import read_document
    from goalpost.extract import extract

    page = tmp_path / "indicators.html"
    page.write_text(
        "<html><head><title>Key indicators 2024</title></head><body><h1>Key indicators</h1>"
        "<p>Published 10 January 2025.</p><table>"
        "<tr><th>Indicator</th><th>2023</th><th>2030 target</th></tr>"
        "<tr><td>R&amp;D intensity (%)</td><td>2.1</td><td>3.0</td></tr>"
        "<tr><td>Start-ups (count)</td><td>410</td><td>800</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = read_document(page)
    got = [(i.kind, i.value, i.unit, i.date, doc.text[i.start : i.end]) for i in extract(doc)]
    assert got == [
        ("observation", 2.1, "%", "2023", "2.1"),
        ("target", 3.0, "%", "2030", "3.0"),
        ("observation", 410.0, "count", "2023", "410"),
        ("target", 800.0, "count", "2030", "800"),
    ]


def test_a_numbering_column_is_skipped() -> None:
    text = "序号\t指标\t单位\t2025年\t2030年目标\n1\t研发经费投入强度\t%\t3.2\t3.8\n2\t高新技术企业数量\t家\t9500\t13000"
    assert _cells(text) == [
        (3.2, "%", "observation", "2025", False),
        (3.8, "%", "target", "2030", False),
        (9500.0, "count", "observation", "2025", False),
        (13000.0, "count", "target", "2030", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a "% change" column; the caption's base year ("compared with 2022") is not the date
            "Gross value added by activity, 2023\nThe nominal change compared with 2022.\n\n"
            "Sector\tValue (EUR million)\t% change\nManufacturing\t11,842\t1.9",
            [(11842000000.0, "EUR", "observation", "2023", False),
             (1.9, "%", "observation", "2023", True)],
        ),
        (  # the unit after a comma in the row label
            "Indicator | 2022 | 2023\nInnovation activity of enterprises, % | 11.2 | 11.9\n"
            "Internal R&D expenditure, KZT billion | 119.3 | 138.7",
            [(11.2, "%", "observation", "2022", False), (11.9, "%", "observation", "2023", False),
             (119300000000.0, "KZT", "observation", "2022", False),
             (138700000000.0, "KZT", "observation", "2023", False)],
        ),
    ],
)  # fmt: skip
def test_percent_columns_base_years_and_units_after_a_comma(text: str, expected: list) -> None:
    assert _cells(text) == expected


@pytest.mark.parametrize(
    ("label", "unit", "scale"),
    [
        ("EUR million", "EUR", 1e6),
        ("€m", "EUR", 1e6),
        ("£m", "GBP", 1e6),
        ("US$ million", "USD", 1e6),
        ("Rs crore", "INR", 1e7),
        ("₹ crore", "INR", 1e7),
        ("S$ million", "SGD", 1e6),
        ("zł", "PLN", 1.0),
        ("MW", "MW", 1.0),
    ],
)
def test_a_currency_sign_in_a_label_reads_before_its_scale(
    label: str, unit: str, scale: float
) -> None:
    text = f"Indicator | 2023 | 2024\nSpending ({label}) | 41,200 | 46,900"
    assert _cells(text)[0][:2] == (41200 * scale, unit)


def test_yen_in_a_japanese_table_is_jpy() -> None:
    text = "Indicator | 2023 | 2024\nVenture capital raised (¥ million) | 41,200 | 46,900"
    cells = [c for t in find_tables(text, 2025, region="Osaka") for c in t.cells]
    assert [(c.value, c.unit) for c in cells] == [(41.2e9, "JPY"), (46.9e9, "JPY")]


@pytest.mark.parametrize(
    ("label", "read"),
    [
        ("New business registrations", True),
        ("Spin-offs created by universities", True),
        ("Number of incubators", True),
        ("Regional rank", False),
        ("Innovation index", False),
        ("Employment rate", False),
        ("GDP", False),
    ],
)
def test_a_row_without_a_unit_counts_things_only_when_its_label_does(
    label: str, read: bool
) -> None:
    cells = _cells(f"Indicator | 2023 | 2024\n{label} | 3,412 | 3,688")
    assert [c[:2] for c in cells] == ([(3412.0, "count"), (3688.0, "count")] if read else [])


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Researchers (thousands)", [(8200.0, "count"), (20000.0, "count")]),
        ("Firms using cloud (% of all firms with 10+ staff)", [(8.2, "%"), (20.0, "%")]),
    ],
)
def test_a_bracketed_word_in_the_header_is_no_unit(label: str, expected: list) -> None:
    text = f"Indicator | Baseline (2023) | Target (2030)\n{label} | 8.2 | 20"
    assert [c[:2] for c in _cells(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # units and years written in the cells themselves
        (
            "| Indicator | Baseline | Latest | 2030 target |\n|---|---|---|---|\n"
            "| Solar capacity | 0.63 GW (2019) | 0.95 GW (2024) | 2.0 GW |",
            [(0.63, "GW", "observation", "2019"), (0.95, "GW", "observation", "2024"),
             (2.0, "GW", "target", "2030")],
        ),
        # "Unit: 100 million yuan" is the scale itself; "over 2023" is a comparison base
        (
            "Table 1 GRP, 2024 (Unit: 100 million yuan)\n"
            "| Indicator | Value | Growth over 2023 (%) |\n|---|---|---|\n| GRP | 26,723.5 | 6.0 |",
            [(2672350000000.0, "CNY", "observation", "2024"), (6.0, "%", "observation", "2024")],
        ),
        # ", % of ..." in a label, a sign before a scale ("KSh trillion")
        (
            "| Indicator | Baseline 2022 | Target 2030 |\n|---|---|---|\n"
            "| Labour productivity, % of EU average | 80.2 | 90 |\n"
            "| Value of mobile money, KSh trillion | 7.9 | 15 |",
            [(80.2, "%", "observation", "2022"), (90.0, "%", "target", "2030"),
             (7.9e12, "KES", "observation", "2022"), (15e12, "KES", "target", "2030")],
        ),
        # a header that names what is counted gives the unit-less rows a count
        (
            "| Region | Completions, 12 months to March 2025 | Annual target |\n|---|---|---|\n"
            "| South East | 25,310 | 35,800 |",
            [(25310.0, "count", "observation", "2025"), (35800.0, "count", "target", None)],
        ),
    ],
)  # fmt: skip
def test_cells_headers_and_captions_carry_units_and_years(text: str, expected: list) -> None:
    got = [(c.value, c.unit, c.kind, c.date) for c in read_tables(text, doc_year=2025)]
    assert [(pytest.approx(v), u, k, d) for v, u, k, d in expected] == got
