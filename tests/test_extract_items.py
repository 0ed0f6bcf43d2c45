"""Item fields read from English sentences: kind, date, comparator lists, growth, unit, indicator, region."""

from __future__ import annotations

import pytest

from goalpost.extract import extract_text

PLAN = ("Three-year Action Plan of Guangzhou for S&T Innovation (2019-2021)", "2019-09-30")
REPORT = ("Guangzhou's innovative ecosphere gaining momentum", "2017-09-26")


def _items(text: str, doc=PLAN, region: str | None = "Guangzhou"):
    title, date = doc
    return extract_text(text, title=title, date=date, lang="en", region=region)


@pytest.mark.parametrize(
    ("text", "doc", "kinds"),
    [
        ("By the end of 2021, the city will have over 12,000 Hi-tech companies.", PLAN, ["target"]),
        ("The city aims to get 200 companies listed.", REPORT, ["target"]),
        ("Guangdong is to carry out 30 key projects.", REPORT, ["target"]),
        ("R&D spending should reach 3% of GDP.", REPORT, ["target"]),
        ("The goal is for R&D intensity to be raised to 3.3%.", REPORT, ["target"]),
        ("The government has set aside S$25 billion over the next five years.", REPORT, ["target"]),
        (
            "Some 605 companies have been given 5.59 billion yuan in credit loans.",
            REPORT,
            ["observation", "observation"],
        ),
        ("There are 203 high-tech incubators in the city.", REPORT, ["observation"]),
        ("By July 2017, Guangzhou has 280 incubators.", REPORT, ["observation"]),
        ("So far, about 2,200 green cards have been issued.", REPORT, ["observation"]),
        ("Gross expenditure on R&D stands at 0.7% of GDP.", REPORT, ["observation"]),
        (
            "The policy targets 2.5% of GDP by 2030, up from 1.04% in 2018.",
            REPORT,
            ["target", "observation"],
        ),
        (
            "Only 1.3% of firms used AI in 2019, far below the 75% target set for 2030.",
            ("EU report", "2021-03-15"),
            ["observation", "target"],
        ),
        (
            "In 2017, Guangzhou has seen the birth of more than 2,000 companies, with hopes to bring the total to 150,000 by yearend.",
            REPORT,
            ["observation", "target"],
        ),
        (
            "The park, covering 12.5 square kilometers, is expected to house 500 companies by 2027.",
            REPORT,
            ["observation", "target"],
        ),
    ],
)
def test_kind_follows_the_verbs_and_dates(text: str, doc, kinds: list[str]) -> None:
    assert [i.kind for i in _items(text, doc)] == kinds


@pytest.mark.parametrize(
    ("text", "doc", "dates"),
    [
        ("By the end of 2021, the city will build 22 labs.", REPORT, ["2021"]),
        ("The city will be home to 200,000 tech companies by 2020.", REPORT, ["2020"]),
        ("The city hopes to reach 150,000 firms by yearend.", REPORT, ["2017"]),
        (
            "Guangzhou has issued 2,515 green cards by the first half of this year.",
            REPORT,
            ["2017-06"],
        ),
        ("126 enterprises reached loan agreements last month.", REPORT, ["2017-08"]),
        (
            "Output reached 436.1 billion yuan in the first half of 2017, up 11.6 percent on the same period the previous year.",
            REPORT,
            ["2017-06", "2017-06"],
        ),
        (
            "By March this year, spending has amounted to 7.1 billion RMB.",
            ("Report", "2021-11-04"),
            ["2021-03"],
        ),
        ("Currently, six Nobel laureates work here.", REPORT, ["2017-09-26"]),
        ("The city will build 60 bases.", PLAN, ["2021"]),
        ("Public R&D investment will rise to £22 billion by 2026/27.", REPORT, ["2027"]),
        # a fiscal year is dated by its end ("2019-20" ends in 2020), in a report written after it
        ("Business R&D fell to $17.4 billion in 2019-20.", ("Report", "2021-03-01"), ["2020"]),
        # a reported figure is never dated after its report: "above the target set for 2027"
        (
            "Start-ups have risen to 1,240, already above the target of 1,000 set for 2027.",
            ("Report", "2024-11-14"),
            ["2024-11-14", "2027"],
        ),
        ("The city plans to build 10 institutes in the next three years.", REPORT, ["2020"]),
        (
            "R&D spending reached 241.6 billion yuan, up 11.5 percent over the previous year.",
            ("Statistical Communiqué on the 2022 Economy", "2023-03-16"),
            ["2022", "2022"],
        ),
        (
            "The number of researchers grew to 470,000.",
            ("Statistical Communiqué on the 2022 Economy", "2023-03-16"),
            ["2022"],
        ),
        ("R&D intensity will exceed 3% during the 14th Five-Year Plan period.", REPORT, ["2025"]),
    ],
)
def test_dates_are_deadlines_or_as_of_dates(text: str, doc, dates: list[str]) -> None:
    assert [i.date for i in _items(text, doc)] == dates


def test_a_lead_deadline_governs_its_paragraph_only() -> None:
    text = (
        "First, the city will lead by 2021. By then, R&D will account for 3.1% of GDP.\n\n"
        "Second, the city will build 60 bases by 2025. It will train 600 people.\n\n"
        "Other news.\n\nThe city will attract 90,000 returnees."
    )
    items = extract_text(text, title="Innovation Plan (2019-2022)", date="2019-09-30", lang="en")
    assert [(i.value, i.date) for i in items] == [
        (3.1, "2021"),
        (60.0, "2025"),
        (600.0, "2025"),
        (90000.0, "2022"),
    ]


@pytest.mark.parametrize(
    ("text", "comparators"),
    [
        (
            "The city will partner with over 25 universities, 60 bases and 10 platforms.",
            [">", ">", ">"],
        ),
        (
            "By 2025, the city will have at least 30 new R&D institutions, 200 incubators and 50 maker spaces.",
            [">=", ">=", ">="],
        ),
        (
            "Home to nearly 70 percent of the universities and talents, 97 percent of the key disciplines.",
            ["~", "="],
        ),
        (
            "It will create one center, one to two divisions, and 35 enterprise centers.",
            ["=", "range", "="],
        ),
    ],
)
def test_one_comparator_can_govern_a_list(text: str, comparators: list[str]) -> None:
    assert [i.comparator for i in _items(text)] == comparators


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("R&D spending will grow 7% a year.", [True]),
        ("The number of projects was cut by 35 percent.", [True]),
        ("Output was up 11.6 percent.", [True]),
        ("It rose by 0.2 percentage points to 2.55%.", [True, False]),
        ("R&D fund will reach 14% of total R&D expenditures.", [False]),
        ("The city has set up 130 federations.", [False]),
    ],
)
def test_growth_marks_changes_not_levels(text: str, growth: list[bool]) -> None:
    assert [i.growth for i in _items(text)] == growth


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "The number of high-value invention patents per 10,000 people will reach 12.",
            "per 10,000 people",
        ),
        ("It aims for 60 researchers per 10,000 workforce.", "per 10,000 workforce"),
        ("Per capita GDP reached 144,000 yuan.", "CNY"),
    ],
)
def test_per_capita_ratios_keep_their_unit(text: str, unit: str) -> None:
    assert [i.unit for i in _items(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "By the end of 2021, the city will have over 12,000 Hi-tech companies.",
            "Hi-tech companies",
        ),
        (
            "The total contractual value for technology transfer will exceed 120 billion yuan.",
            "total contractual value for technology transfer",
        ),
        (
            "By then, the city’s total R&D fund will account for 3.1% of its GDP.",
            "total R&D fund share of GDP",
        ),
        ("The listed companies have a market value of 118 billion yuan.", "market value"),
        ("A total of 23 incubators were set up, bringing the total number to 215.", "total number"),
        ("The city will spend more than 10.8 billion yuan on R&D in 2017.", "R&D"),
        (
            "In 2017 the city budgeted more than 10.8 billion yuan (US$1.64 billion) for innovation.",
            "innovation",
        ),
        (
            "The province allocated 2 billion euros (about 2.2 billion dollars) to digital skills.",
            "digital skills",
        ),
    ],
)
def test_indicator_is_the_phrase_that_says_what_is_measured(text: str, indicator: str) -> None:
    assert _items(text)[-1].indicator == indicator


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The city has 280 incubators.", "Guangzhou"),
        ("Guangdong's financial expenditure has amounted to 7.1 billion RMB.", "Guangdong"),
        ("The province's R&D spending reached 300 billion yuan.", "Guangdong"),
        ("China's R&D spending reached 2.8 trillion yuan.", "China"),
        (
            "The city is home to a majority of Guangdong's institutes, including 83 universities.",
            "Guangzhou",
        ),
        (
            "Home to nearly 70 percent of the universities of Guangdong province, Guangzhou leads.",
            "Guangzhou",
        ),
    ],
)
def test_region_is_the_owner_of_the_figure(text: str, region: str) -> None:
    assert _items(text, REPORT)[0].region == region


def test_a_currency_conversion_in_brackets_is_one_item() -> None:
    items = _items(
        "In 2017, the city will take out more than 10.8 billion yuan (US$1.64b) from its revenues.",
        REPORT,
    )
    assert [(i.value, i.unit, i.comparator) for i in items] == [(10.8e9, "CNY", ">")]


def test_level_and_share_in_one_sentence_are_two_items() -> None:
    items = _items(
        "The ratio could reach RMB 400 billion by 2020, constituting 15% of the city's GDP.", PLAN
    )
    assert [(i.value, i.unit, i.date) for i in items] == [
        (4e11, "CNY", "2020"),
        (15.0, "%", "2020"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- high-tech enterprises: more than 15,000;",
            [("high-tech enterprises", 15000.0, "count")],
        ),
        ("R&D intensity: 3.2%", [("R&D intensity", 3.2, "%")]),
        (
            "R&D intensity (%)  2.6  3.2",
            [("R&D intensity (%)", 2.6, "%"), (None, 3.2, "%")],
        ),
        (
            "Output of high-tech industries (billion yuan) 120 150",
            [(None, 120e9, "CNY"), (None, 150e9, "CNY")],
        ),
    ],
)
def test_list_labels_and_table_rows_name_and_unit_their_values(text: str, expected: list) -> None:
    got = [(i.indicator, i.value, i.unit) for i in _items(text)]
    assert [(v, u) for _, v, u in got] == [(v, u) for _, v, u in expected]
    for (name, _, _), (want, _, _) in zip(got, expected, strict=True):
        assert want is None or name == want


@pytest.mark.parametrize(
    ("title", "text", "unit"),
    [
        (
            "Osaka Prefecture Science and Innovation Action Plan 2025-2027",
            "Investment in Osaka-based start-ups will reach ¥150 billion by 2027.",
            "JPY",
        ),
        (
            "Nagoya City Economic Report",
            "The city budgeted ¥8.6 billion for start-ups in 2024.",
            "JPY",
        ),
        ("Japan's R&D survey", "R&D spending reached ¥22 trillion in 2023.", "JPY"),
        ("Shenzhen innovation bulletin", "R&D spending reached ¥200 billion in 2023.", "CNY"),
    ],
)
def test_yen_sign_follows_the_place_and_everything_in_it(title: str, text: str, unit: str) -> None:
    from goalpost.extract import extract_text

    items = extract_text(text, title=title, date="2025-03-01", lang="en")
    assert [i.unit for i in items] == [unit], items
