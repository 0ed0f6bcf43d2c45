"""English rules: decreases as negative growth, indicators as noun phrases, section labels."""

from __future__ import annotations

import pytest

from goalpost._models import Document, Section
from goalpost.extract import extract, extract_text


def _items(text: str, date: str = "2023-03-01"):
    return extract_text(text, date=date)


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("Industrial output fell 3.9% year on year in 2020.", -3.9, "Industrial output"),
        ("Exports declined by 2.5 percent in 2022.", -2.5, "Exports"),
        ("Profits were down 3 percent in 2021.", -3.0, "Profits"),
        ("Retail sales dropped 4.2% from a year earlier.", -4.2, "Retail sales"),
        ("Output was 5% lower than a year earlier in 2021.", -5.0, "Output"),
        ("R&D spending rose 11.6 percent year on year in 2022.", 11.6, "R&D spending"),
        ("Patent filings increased by 8% in 2022.", 8.0, "Patent filings"),
    ],
)
def test_change_sign_and_what_changed(text: str, value: float, indicator: str) -> None:
    growth = [i for i in _items(text) if i.growth]
    assert [(i.value, i.indicator) for i in growth] == [(value, indicator)]


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("By 2025 the city will reduce carbon emissions by 20%.", -20.0, "carbon emissions"),
        ("Energy use per unit of GDP will be cut by 14% by 2025.", -14.0, None),
        ("The province will raise the output of new materials by 30% by 2025.", 30.0, None),
    ],
)
def test_change_targets_carry_the_sign(text: str, value: float, indicator: str | None) -> None:
    (item,) = _items(text, date="2021-01-01")
    assert (item.kind, item.growth, item.value) == ("target", True, value)
    if indicator is not None:
        assert item.indicator == indicator


def test_a_fall_by_more_than_turns_the_comparator() -> None:
    (item,) = _items("Sales fell by more than 3% in 2020.")
    assert (item.value, item.comparator) == (-3.0, "<")


def test_the_level_after_a_change_keeps_its_indicator() -> None:
    items = _items("Exports declined by 2.5 percent to 120 billion yuan in 2022.")
    assert [(i.value, i.indicator, i.growth) for i in items] == [
        (-2.5, "Exports", True),
        (120e9, "Exports", False),
    ]


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        (
            "Firms whose revenues surpass 500 million yuan will all have R&D institutes, and "
            "40 percent of those with revenues surpassing 20 million will have R&D departments.",
            40.0,
            "R&D departments",
        ),
        (
            "The number of patents granted was 444,000, of which 61,000 were invention patents.",
            61000.0,
            "number of patents granted",
        ),
        (
            "By the end of 2021, the city will create 60 group innovation spaces for young "
            "entrepreneurs and attract 90,000 returnees.",
            60.0,
            "group innovation spaces for young entrepreneurs",
        ),
    ],
)
def test_indicator_is_a_noun_phrase(text: str, value: float, indicator: str) -> None:
    items = {i.value: i.indicator for i in _items(text, date="2019-01-01")}
    assert items[value] == indicator


@pytest.mark.parametrize("pronoun", ["those", "which", "them", "it"])
def test_indicator_is_never_a_bare_pronoun(pronoun: str) -> None:
    text = (
        "Guangzhou has 4,739 high-tech companies, and 40 percent of "
        f"{pronoun} will have R&D departments by 2021."
    )
    assert all(i.indicator.lower() != pronoun for i in _items(text, date="2019-01-01"))


@pytest.mark.parametrize(
    "dateline", ["UPDATED :August 6, 2017", "By GONG Guoping", "Source: gz.gov.cn"]
)
def test_a_dateline_is_no_section(dateline: str) -> None:
    text = f"Guangzhou innovation report\n{dateline}\nThere are 203 incubators in the city."
    doc = Document(id="d", text=text, date="2017-08-06")
    (item,) = extract(doc)
    assert item.section == "Guangzhou innovation report"


@pytest.mark.parametrize(
    ("number", "title", "label"),
    [
        ("(4)", "Incubating companies", "(4) Incubating companies"),
        ("2.", "Fostering firms", "2. Fostering firms"),
        (None, "Overall Goal", "Overall Goal"),
    ],
)
def test_section_label_reads_as_printed(number: str | None, title: str, label: str) -> None:
    heading = f"{number} {title}" if number else title
    body = "By the end of 2021, the city will have 600 incubators."
    text = f"{heading}\n{body}"
    sec = Section(
        title=title, level=1, start=0, heading_end=len(heading), end=len(text), number=number
    )
    doc = Document(id="d", text=text, date="2019-09-30", sections=[sec])
    (item,) = extract(doc)
    assert item.section == label


@pytest.mark.parametrize(
    ("text", "not_last"),
    [
        ("In 2017 the city budgeted 10 billion yuan.", "budgeted"),
        ("Startups in India raised $25 billion in 2022.", "raised"),
        ("The business sector performed 73% of all research in 2021.", "performed"),
    ],
)
def test_indicator_does_not_end_in_a_verb(text: str, not_last: str) -> None:
    (item,) = _items(text)
    assert item.indicator and not item.indicator.endswith(not_last)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Energy use per unit of GDP will be cut by 14% by 2025.", "Energy use per unit of GDP"),
        ("By 2025, R&D intensity will be raised to 3.2%.", "R&D intensity"),
        ("The goal is for R&D intensity to be raised to 3.3% within five years.", "R&D intensity"),
    ],
)
def test_passive_change_names_its_subject(text: str, indicator: str) -> None:
    (item,) = _items(text, date="2021-01-01")
    assert item.indicator == indicator


@pytest.mark.parametrize(
    "text",
    [
        "For enquiries, call 6123 4567.",
        "Tel: +86 10 6851 5544; Fax: +86 10 6851 2150",
        "Phone: (020) 8888 1234 or hotline 400 820 8820.",
        "Contact the office on +65 6123 4567 for details.",
        "See paragraphs 14 to 22 for details.",
        "As set out in sections 3-5, the plan applies.",
        "Under Article 12, firms must report to the bureau.",
        "The annex on pages 40-45 lists the rules.",
    ],
)
def test_phone_numbers_and_cross_references_are_not_items(text: str) -> None:
    assert _items(text) == []


def test_a_count_next_to_a_phone_number_stays() -> None:
    items = _items("The hotline (tel 6123 4567) answered 12,000 calls in 2022.")
    assert [i.value for i in items] == [12000.0]


@pytest.mark.parametrize(
    "text",
    [
        "By the end of 2024:\n- at least 80% of firms will adopt cloud services;\n"
        "- the number of patents will exceed 8,000;\n- 15 new laboratories will be built.",
        "By 2024, the city will achieve the following:\n1. at least 80% of firms use cloud;\n"
        "2. patents exceed 8,000;\n3. 15 new laboratories.",
        "Goals to be met by December 2024:\n• 80% of schools connected to broadband;\n"
        "• 8,000 patents granted;\n• 15 new laboratories.",
    ],
)
def test_a_lead_deadline_governs_its_list(text: str) -> None:
    items = _items(text, date="2022-01-01")
    assert [i.value for i in items] == [80.0, 8000.0, 15.0]
    assert {i.date[:4] for i in items} == {"2024"}


def test_a_blank_line_ends_the_lead_deadline() -> None:
    text = "By the end of 2024:\n- 15 new laboratories will be built.\n\n- In 2021 the city had 300 labs."
    items = _items(text, date="2022-01-01")
    assert [(i.value, i.date[:4]) for i in items] == [(15.0, "2024"), (300.0, "2021")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "The number of firms will increase from 11,000 in 2020 to 20,000 in 2025.",
            [11000, 20000],
        ),
        ("Jobs will grow from 500 in 2015 to 900 by 2025.", [500, 900]),
        ("R&D intensity reached 2.4%, an increase of 0.3 percentage points over 2020.", [2.4, 0.3]),
        ("Output was 1.2 billion yuan more than 2021.", [1.2e9]),
        ("Sales were 12% above 2019 levels.", [12]),
        ("The city will have more than 2000 charging piles.", [2000]),
    ],
)
def test_a_year_is_no_value(text: str, values: list[float]) -> None:
    items = _items(text, date="2022-01-01")
    assert [i.value for i in items] == values
    assert all(i.comparator != "range" for i in items)


def test_from_a_past_level_to_a_target() -> None:
    a, b = _items("Patents will increase from 11,000 in 2020 to 20,000 in 2025.", date="2022-01-01")
    assert (a.kind, a.date, b.kind, b.date) == ("observation", "2020", "target", "2025")


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("The city will top 250 billion yuan in output by 2025.", 250e9, ">"),
        ("Exports passed 9,000 units in 2022.", 9000.0, ">"),
        ("Installed capacity surpassed 1,200 megawatts in 2022.", 1200.0, ">"),
        ("Sales are set to top 300 million yuan in 2025.", 300e6, ">"),
        ("The council passed 12 regulations in 2022.", 12.0, "="),
    ],
)
def test_comparator_verbs(text: str, value: float, comparator: str) -> None:
    (item,) = _items(text, date="2023-01-01")
    assert (item.value, item.comparator) == (value, comparator)


def test_the_top_ten_is_no_comparator() -> None:
    items = _items("The top 10 firms earned 5 billion yuan in 2022.")
    assert [(i.value, i.comparator) for i in items] == [(5e9, "=")]


@pytest.mark.parametrize(
    "text",
    [
        "The target is to have 50 percent of households on fibre by 2025.",
        "The aim is to have 3,000 charging stations by 2026.",
        "Our goal is to have 40% of buses running on electricity by 2025.",
    ],
)
def test_to_have_states_a_target(text: str) -> None:
    (item,) = _items(text, date="2022-06-01")
    assert item.kind == "target"
    assert item.date[:4] in ("2025", "2026")


@pytest.mark.parametrize(
    ("text", "date", "kind"),
    [
        (
            "Exports are expected to reach around 260 billion yuan this year.",
            "2023-11-20",
            "observation",
        ),
        ("Visitors are estimated to exceed 5 million this year.", "2023-12-05", "observation"),
        (
            "Exports are expected to reach around 260 billion yuan this year.",
            "2023-03-20",
            "target",
        ),
        ("Exports are expected to reach 300 billion yuan in 2025.", "2023-11-20", "target"),
    ],
)
def test_a_late_estimate_for_this_year_is_an_observation(text: str, date: str, kind: str) -> None:
    (item,) = _items(text, date=date)
    assert item.kind == kind


@pytest.mark.parametrize(
    ("text", "value", "comparator", "unit"),
    [
        (
            "The approval period will be reduced to no more than 16 months by 2025.",
            16.0,
            "<=",
            "month",
        ),
        ("Review time was cut to less than 14 months in 2022.", 14.0, "<", "month"),
        ("Processing time will be shortened to 5 working days by 2024.", 5.0, "=", "day"),
        ("Life expectancy will reach 81 years by 2025.", 81.0, "=", "year"),
    ],
)
def test_a_duration_can_be_the_value(text: str, value: float, comparator: str, unit: str) -> None:
    (item,) = _items(text, date="2022-06-01")
    assert (item.value, item.comparator, item.unit) == (value, comparator, unit)
    assert "by" not in item.indicator.split()


@pytest.mark.parametrize(
    "text",
    [
        "The three-year plan runs to 2025.",
        "GDP has grown for 32 consecutive years.",
        "The programme will last 5 years.",
        "Students will be trained for 2 years.",
    ],
)
def test_a_duration_of_the_text_stays_no_item(text: str) -> None:
    assert _items(text, date="2022-06-01") == []


@pytest.mark.parametrize(
    ("text", "base_date", "indicator"),
    [
        (
            "The share reached 92 per cent in 2022, compared with 88 per cent two years earlier.",
            "2020",
            "share",
        ),
        ("Firms numbered 2,300 in 2022, up from 1,100 five years ago.", "2018", "Firms"),
        (
            "Exports were 5 billion yuan in 2022, up from 3 billion yuan three years earlier.",
            "2019",
            "Exports",
        ),
        (
            "Exports were 5 billion yuan in 2022, up from 3 billion yuan a year earlier.",
            "2021",
            "Exports",
        ),
    ],
)
def test_a_base_some_years_back(text: str, base_date: str, indicator: str) -> None:
    _, base = _items(text, date="2023-03-01")
    assert (base.kind, base.date, base.indicator) == ("observation", base_date, indicator)


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("The city will add 1,000 new charging stations by 2025.", [True]),
        ("The province added 120 hi-tech firms in 2022.", [True]),
        (
            "Output and exports grew by 9.9 percent and 10.3 percent respectively in 2022.",
            [True, True],
        ),
        (
            "Output and exports fell by 2.1 percent and 3.5 percent, respectively, in 2022.",
            [True, True],
        ),
        ("The start-ups had raised US$2.1 billion by 2022.", [False]),
        ("The fund raised S$300 million in 2021.", [False]),
        ("The city will raise R&D spending by 2 billion yuan by 2025.", [True]),
    ],
)
def test_growth_flag(text: str, growth: list[bool]) -> None:
    assert [i.growth for i in _items(text, date="2023-03-01")] == growth


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Malaysia attracted RM1.2 billion of investment in 2022.", 1.2e9, "MYR"),
        ("Malaysia attracted RM 300 million of investment in 2022.", 300e6, "MYR"),
        ("The fund totals 500 million ringgit.", 500e6, "MYR"),
        ("Spending reached ₹1,27,380.96 crore in 2022.", 1.2738096e12, "INR"),
        ("The outlay is Rs 2,50,000 crore for 2023.", 2.5e12, "INR"),
    ],
)
def test_ringgit_and_indian_grouping(text: str, value: float, unit: str) -> None:
    (item,) = _items(text)
    assert item.unit == unit
    assert item.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        (
            "By 2025 the city will have 10,000 companies under incubation.",
            ["companies under incubation"],
        ),
        ("By 2025 the city will have 12 metro lines in operation.", ["metro lines in operation"]),
        ("In 2020 there were 35 hospitals under construction.", ["hospitals under construction"]),
        # a place or a time after "in" is not a state of the thing counted
        ("By 2025 the city will have 12 metro lines in Guangzhou.", ["metro lines"]),
        ("The city had 300 incubators in 2020.", ["incubators"]),
    ],
)
def test_a_state_after_the_noun_belongs_to_the_indicator(text: str, indicators: list[str]) -> None:
    assert [i.indicator for i in _items(text)] == indicators


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The share of renewables will be at least 40 percent by 2027 and 55 percent by 2035.",
            [(40.0, ">=", "2027"), (55.0, ">=", "2035")],
        ),
        (
            "Broadband will cover more than 90% of homes in 2026, 98% in 2028.",
            [(90.0, ">", "2026"), (98.0, ">", "2028")],
        ),
    ],
)
def test_one_comparator_governs_staged_values(text: str, expected: list) -> None:
    assert [(i.value, i.comparator, i.date) for i in _items(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The region counted 120 incubators in 2019 and 180 incubators in 2022.",
            [(120.0, "2019"), (180.0, "2022")],
        ),
        (
            "Venture deals reached 300 in 2021; 410 in 2022.",
            [(300.0, "2021"), (410.0, "2022")],
        ),
        ("In 2022, 75 labs opened, up from 60 in 2021.", [(75.0, "2022"), (60.0, "2021")]),
    ],
)
def test_a_time_before_and_closes_the_previous_item(text: str, expected: list) -> None:
    assert [(i.value, i.date) for i in _items(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The strategy sets these goals for 2028: 60% of firms online; 5,000 startups; and 90% "
            "broadband coverage.",
            [(60.0, "2028"), (5000.0, "2028"), (90.0, "2028")],
        ),
        (
            "Spending will rise to EUR 4 billion in 2027 and to 2% of GDP by 2030.",
            [(4e9, "2027"), (2.0, "2030")],
        ),
        (
            "By 2030, solar capacity will reach 12 GW, with 6 GW in 2026.",
            [(12.0, "2030"), (6.0, "2026")],
        ),
    ],
)
def test_target_years_from_list_heads_and_attached_years(text: str, expected: list) -> None:
    assert [(i.value, i.date) for i in _items(text, date="2024-05-01")] == expected


def test_a_colon_after_to_keeps_the_target_cue() -> None:
    text = "By 2026, the city will strive to: have 800 high-tech firms; and add 40 labs."
    assert [(i.kind, i.value) for i in _items(text)] == [("target", 800.0), ("target", 40.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports totalled $4.1 billion in the first nine months of 2023.", "2023-09"),
        ("Output rose 6% in the first three quarters of 2024.", "2024-09"),
        ("Sales reached 80,000 units in the first 11 months of 2022.", "2022-11"),
    ],
)
def test_the_first_months_of_a_year_end_at_their_last_month(text: str, expected: str) -> None:
    assert [i.date for i in _items(text, date="2025-02-01")] == [expected]


def test_an_undated_figure_takes_the_year_of_the_figures_before_it() -> None:
    text = "Port throughput reached 1.1 billion tonnes in 2022. Container traffic rose 4.5%."
    assert [(i.value, i.date) for i in _items(text, date="2023-02-01")] == [
        (1.1e9, "2022"),
        (4.5, "2022"),
    ]


def test_lines_under_an_intent_lead_are_targets() -> None:
    text = "Capital budgets (2026-27):\n- Research grants: £2.4bn\n- Innovation loans: £0.8bn"
    items = _items(text, date="2025-11-01")
    assert [(i.kind, i.value) for i in items] == [("target", 2.4e9), ("target", 0.8e9)]


def test_a_baseline_year_belongs_to_the_baseline() -> None:
    text = "By 2027 the province will:\n- raise R&D spending to 2.9% of GDP, from 2.2% in 2021;"
    items = _items(text, date="2024-03-01")
    assert [(i.kind, i.value) for i in items] == [("target", 2.9), ("observation", 2.2)]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "By 2030, Ireland will:\n- raise gross expenditure on R&D to 2.5% of GNI, from 1.9% in 2023;",
            ["2030", "2023"],
        ),
        (
            "The plan aims to lift business R&D to £2.2 billion a year by 2028, up from £1.5 billion"
            " in 2023.",
            ["2028", "2023"],
        ),
    ],
)
def test_a_baseline_year_does_not_date_the_target(text: str, dates: list[str]) -> None:
    items = _items(text, date="2025-03-12")
    assert [(i.kind, i.date) for i in items] == list(
        zip(["target", "observation"], dates, strict=True)
    )


def test_a_participle_ties_a_year_to_its_value() -> None:
    text = (
        "By 2031, the strategy seeks to:\n- grow the sector's revenue to C$3 billion, nearly double"
        " the C$1.6 billion recorded in 2024;"
    )
    items = _items(text, date="2026-03-30")
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("target", 3e9, "2031"),
        ("observation", 1.6e9, "2024"),
    ]


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        (
            "Ocean Strategy (2026-2031)",
            "The governments have committed C$85 million to it.",
            "target",
        ),
        ("Budget Statement 2025", "For 2025, Government has allocated GH¢350 million.", "target"),
        ("Annual report", "Approved investments totalled RM83.1 billion in 2024.", "observation"),
        ("Annual report", "In 2023 the council approved $12 million for training.", "observation"),
    ],
)
def test_money_committed_is_a_target(title: str, text: str, kind: str) -> None:
    items = extract_text(text, title=title, date="2025-03-11")
    assert [i.kind for i in items] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "By 2030, the region will:\n- increase the number of patents issued to inventors by 25 percent;",
        "By 2028, the city aims to:\n- lift the number of listed companies by 30 to 40;",
        "(2) Strengthen the talent base. Ensure that the number of R&D personnel is no fewer than"
        " 180,000.",
    ],
)
def test_a_task_line_is_a_target_whatever_its_participles(text: str) -> None:
    items = extract_text(text, title="Innovation Action Plan (2026-2030)", date="2026-05-06")
    assert [i.kind for i in items] == ["target"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "The objective is to expand employment to 60,000 jobs by 2030, from roughly 47,000 today.",
            ["target", "observation"],
        ),
        (
            "The government will set the budget at 25.9 trillion won next year, down from 31.1"
            " trillion won this year.",
            ["target", "observation"],
        ),
    ],
)
def test_a_baseline_now_is_an_observation(text: str, kinds: list[str]) -> None:
    assert [i.kind for i in _items(text, date="2026-04-02")] == kinds


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("The city will recruit a further 200 researchers by 2026.", True),
        ("The plan funds 200 additional clinical researchers by 2026.", True),
        ("The backbone will be extended by 1,000 km by 2026.", True),
        ("It will inject a further HK$3 billion into the fund by 2026.", False),
    ],
)
def test_a_further_count_is_an_increment(text: str, growth: bool) -> None:
    assert [i.growth for i in _items(text, date="2025-03-01")] == [growth]


def test_a_bracketed_year_value_is_the_baseline() -> None:
    text = (
        "Targets to be achieved by the end of 2027\n- Gigabit connectivity available to 80% of"
        " households (2024: 61%)."
    )
    items = extract_text(text, title="Digital Strategy Programme (2025-2027)", date="2025-03-20")
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("target", 80.0, "2027"),
        ("observation", 61.0, "2024"),
    ]


@pytest.mark.parametrize(
    ("text", "region", "unit"),
    [
        ("EDMONTON — Venture capital in Alberta reached $729 million in 2023.", "Alberta", "CAD"),
        ("HALIFAX — The province will invest $25 million through 2030.", "Nova Scotia", "CAD"),
        ("CHRISTCHURCH — The region's GDP reached $48.5 billion in 2023.", "Christchurch", "NZD"),
        ("Queensland will invest $2 billion in hydrogen by 2030.", "Queensland", "AUD"),
        (
            "MONTERREY, N.L. — Nuevo León will invest $5,200 million pesos in 2025.",
            "Monterrey",
            "MXN",
        ),
        ("Ohio will invest $250 million in broadband by 2027.", "Ohio", "USD"),
        ("DODOMA — The minister tabled a budget of TSh 49.35 trillion for 2025.", "Dodoma", "TZS"),
        ("KAMPALA — Exports reached USh 2.1 trillion in 2023.", "Kampala", "UGX"),
    ],
)
def test_dollars_and_shillings_follow_states_provinces_and_their_cities(
    text: str, region: str, unit: str
) -> None:
    (item,) = extract_text(text, date="2024-06-01")
    assert (item.region, item.unit) == (region, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Media contact: OEDIT Communications, (303) 892-3840",
        "For details call 303-892-3840 or write to the office.",
        "For investment inquiries, call the 12345 government hotline.",
        "For more information, call the RDB toll-free line 6060.",
        "Further information: Ministry of Education, tel. +371 67047800.",
        "The European Commission projects that the Greek economy will grow by 2.3% in 2025.",
        "The Office for Budget Responsibility expects UK productivity to grow by 1.1% next year.",
        "The European Commission's autumn forecast expects GDP to grow by 1.5% next year.",
        "Each proposal may request up to QAR 2 million for a maximum duration of three years.",
        "Proposals must involve at least one Qatar-based institution.",
        "Investors must commit a minimum of RWF 50 million to be registered.",
        "Registered companies benefit from a 60% reduction in income tax.",
    ],
)
def test_phones_outside_forecasts_and_eligibility_rules_are_not_items(text: str) -> None:
    assert extract_text(text, date="2024-10-02") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a heading's label number and a section number are no figures
        ("Goal 1: Build a skilled workforce\nBy 2030, at least 2 million residents should hold a "
         "degree.", [("target", 2000000.0, "2030")]),
        ("4.2 Finance and economic planning\nThe County aims to reach KSh 6 billion by 2027.",
         [("target", 6000000000.0, "2027")]),
        # "up to 2030" is a deadline when the year is still to come
        ("The region will invest €3.7 billion up to 2030 in housing.",
         [("target", 3700000000.0, "2030")]),
        # "from the current X to Y" is a baseline and a target, not a range
        ("The share of households with piped water will be raised from the current 58 percent to "
         "75 percent by 2027.", [("observation", 58.0, "2023-09-12"), ("target", 75.0, "2027")]),
    ],
)  # fmt: skip
def test_headings_deadlines_and_baselines(text: str, expected: list[tuple]) -> None:
    items = extract_text(text, date="2023-09-12")
    assert [(i.kind, i.value, i.date) for i in items] == expected


def test_up_to_a_number_of_things_stays_a_bound() -> None:
    (item,) = extract_text("The fund will support up to 2000 companies by 2027.", date="2024-01-01")
    assert (item.value, item.comparator) == (2000.0, "<=")


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a year after "through" is the deadline, not a range's end
        ("The state has earmarked 300 million euros through 2027 for training centres.",
         "2024-04-10", [("target", 300000000.0, None, "2027")]),
        # the year of a value compared against dates only that value
        ("Suzhou AI Plan (2024-2026)\n\nThe core AI industry will exceed 150 billion yuan, "
         "compared with 68 billion yuan in 2023.", "2024-03-28",
         [("target", 150000000000.0, None, "2026"), ("observation", 68000000000.0, None, "2023")]),
        # a signed change in brackets after a level
        ("Employment in high-tech industry reached 97,500 jobs (+3.1%) in 2024.", "2025-05-12",
         [("observation", 97500.0, None, "2024"), ("observation", 3.1, None, "2024")]),
        # the lines right under a lead that ends with its date
        ("Turnover by main sector, January–June 2024:\nMotor vehicles: 57.4 billion euros\n"
         "Mechanical engineering: 39.8 billion euros", "2024-08-22",
         [("observation", 57400000000.0, None, "2024-06"),
          ("observation", 39800000000.0, None, "2024-06")]),
        # a statistic's scope is no figure
        ("In 2023, companies with 50 or more employees generated turnover of 178.5 billion euros.",
         "2024-08-22", [("observation", 178500000000.0, None, "2023")]),
    ],
)  # fmt: skip
def test_deadlines_baselines_and_leads_date_the_right_values(
    text: str, date: str, expected: list[tuple]
) -> None:
    items = extract_text(text, date=date)
    assert [(i.kind, i.value, i.value_max, i.date) for i in items] == expected


def test_one_comparator_governs_a_list_with_long_names() -> None:
    text = (
        "By 2026 the city will cultivate over 30 leading AI enterprises, 100 specialized and "
        'sophisticated "little giant" enterprises and 10 innovation platforms.'
    )
    assert [i.comparator for i in extract_text(text, date="2024-03-28")] == [">", ">", ">"]


def test_signed_change_in_brackets_is_growth() -> None:
    items = extract_text("Mechanical engineering: 39.8 billion euros (−6.5%)", date="2024-08-22")
    assert [(i.value, i.growth) for i in items] == [(39800000000.0, False), (-6.5, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was approved is past; the value it aims at by a coming year is the target
        ("The Government has approved a programme to raise the share of GDP to 10% by 2030.",
         [("target", 10.0, "2030")]),
        ("Exports rose to 10% in 2024.", [("observation", 10.0, "2024")]),
        # a speech's numbered paragraph and a year before a singular noun in "-ss"
        ("148. Honourable Speaker, the budget allocates Rs 5 billion for 2025.",
         [("target", 5000000000.0, "2025")]),
        ("Renewable energy and storage targets: 2024 progress update", []),
    ],
)  # fmt: skip
def test_approved_aims_numbered_paragraphs_and_headline_years(
    text: str, expected: list[tuple]
) -> None:
    items = extract_text(text, date="2025-02-06")
    assert [(i.kind, i.value, i.date) for i in items] == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The share will rise to 12% and 16% by 2026 and 2030 respectively, from 8.4% in 2022.",
         ["2026", "2030", "2022"]),
        ("The city will build 30 and 50 labs by 2025 and 2027, respectively.", ["2025", "2027"]),
        ("Output rose 5% and 7% in 2022 and 2023 respectively.", ["2022", "2023"]),
        ("Exports and imports grew by 9.9 percent and 10.3 percent respectively in 2023.",
         ["2023", "2023"]),
    ],
)  # fmt: skip
def test_respectively_pairs_values_with_years(text: str, dates: list[str]) -> None:
    assert [i.date for i in extract_text(text, date="2024-06-18")] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Since the programme was launched in 2019, more than 1,000 professorships have been "
         "created.", ["2024-10-08"]),
        ("In 2019, the city had 500 firms.", ["2019"]),
    ],
)  # fmt: skip
def test_a_leading_since_clause_starts_a_count_it_does_not_date(
    text: str, dates: list[str]
) -> None:
    assert [i.date for i in extract_text(text, date="2024-10-08")] == dates


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("LAHORE, 13 June 2024 - The Punjab government has unveiled an Annual Development "
         "Programme of PKR 842 billion for fiscal year 2024-25.", "target"),
        ("In 2023 the city unveiled a $100 million fund.", "observation"),  # a past year's news
    ],
)  # fmt: skip
def test_money_unveiled_for_the_current_period_is_a_commitment(text: str, kind: str) -> None:
    (item,) = extract_text(text, date="2024-06-13")
    assert item.kind == kind


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Broadband speed is to be raised to no less than 100 Mbit/s by 2026.", "Mbit/s"),
        ("Speeds reached 1 Gbit/s in 2024.", "Gbit/s"),
        ("Speeds reached 50 Mbps in 2024.", "Mbps"),
    ],
)
def test_data_rates_are_units(text: str, unit: str) -> None:
    (item,) = extract_text(text, date="2025-01-10")
    assert item.unit == unit


def test_a_bracketed_baseline_year_belongs_to_the_baseline_alone() -> None:
    text = (
        "Wexford Innovation Plan 2025-2028\n\nTargets (to be achieved by 2028)\n"
        "(1) Spin-out companies launched from the university: 120 (2024: 85)\n"
        "(2) Research staff attracted to the region: at least 400\n"
    )
    items = extract_text(text, title="Wexford Innovation Plan 2025-2028", date="2025-02-01")
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("target", 120.0, "2028"),
        ("observation", 85.0, "2024"),
        ("target", 400.0, "2028"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The agency opened a call worth EUR 40 million for applied research projects.", "target"),
        ("The ministry launched a fund of $25 million, a programme worth $10 million.", "target"),
        (
            "In 2022 the agency opened a call worth EUR 40 million for applied research.",
            "observation",
        ),
    ],
)
def test_money_a_named_call_or_fund_is_worth(text: str, kind: str) -> None:
    items = _items(text, date="2024-05-01")
    assert items and {i.kind for i in items} == {kind}


def test_a_budget_for_a_coming_year_lists_its_allocations_as_targets() -> None:
    text = "2026 Budget Bill\n\nMain programmes\na) Research council: EUR 540 million for grants."
    (item,) = extract_text(text, title="2026 Budget Bill", date="2025-10-01")
    assert (item.kind, item.value, item.unit, item.date) == ("target", 540e6, "EUR", "2026")


def test_the_amount_a_budget_is_compared_against_is_an_observation() -> None:
    text = (
        "In the 2025 budget we propose an allocation of EUR 3.9 billion for research, "
        "against EUR 3.5 billion in the revised budget for 2024."
    )
    items = _items(text, date="2024-10-01")
    assert [(i.kind, i.value) for i in items] == [("target", 3.9e9), ("observation", 3.5e9)]


def test_a_headline_figure_the_body_restates_is_one_item() -> None:
    text = (
        "Agency awards €75 million to nine research hubs\n\n"
        "The agency today awarded €75 million to nine research hubs in photonics and materials. "
        "The hubs employed 1,300 researchers in 2023."
    )
    items = extract_text(text, title="Agency awards €75 million", date="2024-06-01")
    money = [i for i in items if i.unit == "EUR"]
    assert len(money) == 1 and money[0].start > text.index("today")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Number: 48120                Date: 3 May 2024", []),
        ("3.2 A new prospectus will be presented in the autumn.", []),
        ("2.1 The city has 450 laboratories.", [450.0]),
    ],
)
def test_labelled_reference_and_section_numbers_are_not_items(text: str, values: list) -> None:
    assert [i.value for i in _items(text)] == values


def test_a_colon_lead_of_goals_dates_the_headed_blocks_under_it() -> None:
    text = (
        "The goals for 2035 are:\n\nMission 1 – Clean industry\n"
        "Raise the share of renewable power in industry to 60%.\n\n"
        "Mission 2 – Digital firms\nDigitalise 80% of small manufacturers."
    )
    items = extract_text(text, title="Industrial missions", date="2025-01-10")
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("target", 60.0, "2035"),
        ("target", 80.0, "2035"),
    ]
