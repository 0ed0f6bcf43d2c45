"""English rules met in budgets, progress reviews and calls: what is done, what is allotted,
what a list lead governs, and what is no item at all."""

from __future__ import annotations

import pytest

from goalpost.extract import extract_text


def _items(text: str, date: str = "2024-06-20", title: str | None = None):
    return extract_text(text, date=date, title=title)


def _kinds(text: str, **kw) -> list[tuple[str, float, str | None]]:
    return [(i.kind, i.value, i.date) for i in _items(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the €6.7 billion allocated to broadband until 2026, €3.9 billion has already "
            "been awarded through public tenders.",
            [("target", 6.7e9, "2026"), ("observation", 3.9e9, "2024-06-20")],
        ),
        (
            "The plan has already committed €21 billion of the €54 billion to be deployed by 2030.",
            [("observation", 21e9, "2024-06-20"), ("target", 54e9, "2030")],
        ),
        (
            "As of March 31, 2024, $3.9 billion had been committed under the strategy.",
            [("observation", 3.9e9, "2024-03-31")],
        ),
    ],
)
def test_money_already_spent_or_awarded_is_reported(text: str, expected: list) -> None:
    assert _kinds(text, title="Strategy 2022-2027") == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Sanwo-Olu signs 2025 budget into law",
            "The Governor signed the state's 2025 Appropriation Bill of ₦3.005 trillion into law.",
            [("target", 3.005e12)],
        ),
        (
            "The 2025-26 Budget: key points",
            "The consolidated deficit for 2024-25 is estimated at HK$87.2 billion.",
            [("observation", 87.2e9)],
        ),
        (
            "The 2025-26 Budget: key points",
            "Government expenditure for 2025-26 is estimated at HK$795.1 billion.",
            [("target", 795.1e9)],
        ),
    ],
)
def test_a_budget_reads_money_by_the_year_it_names(title: str, text: str, expected: list) -> None:
    items = _items(text, date="2025-01-09", title=title)
    assert [(i.kind, i.value) for i in items] == expected


def test_an_estimate_is_the_figure_given_not_about_it() -> None:
    (item,) = _items("Nominal GDP for the quarter was estimated at GH¢ 251.4 billion.")
    assert (item.comparator, item.value) == ("=", 251.4e9)


def test_a_fiscal_year_written_out_is_dated_by_its_end() -> None:
    (item,) = _items(
        "The minister proposed Tk 4,000 crore for the ICT Division in the budget for fiscal "
        "year 2024-25.",
        date="2024-06-06",
        title="Budget FY2024-25: ICT allocations",
    )
    assert (item.kind, item.date) == ("target", "2025")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the change of a target is a target, with its date
        (
            "The R&D budget for 2026 has been set at KRW 35.3 trillion, up 19.3 percent from "
            "this year.",
            [("target", 35.3e12, "2026"), ("target", 19.3, "2026")],
        ),
        # what an allocation is for
        (
            "The ministry has allocated EGP 2.5 billion to train 300,000 young people in 2026.",
            [("target", 2.5e9, "2026"), ("target", 300000.0, "2026")],
        ),
    ],
)
def test_a_change_or_purpose_after_a_target_is_the_targets(text: str, expected: list) -> None:
    assert _kinds(text, date="2025-08-22") == expected


def test_a_sentence_that_restates_the_previous_figure_takes_its_kind_and_date() -> None:
    items = _items(
        "The Government proposes a deficit of NOK 579.4 billion in 2026. This corresponds to "
        "2.7 percent of the fund.",
        date="2025-10-06",
    )
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("target", 579.4e9, "2026"),
        ("target", 2.7, "2026"),
    ]


def test_a_reported_figure_is_never_dated_after_its_report() -> None:
    items = _items(
        "The number of start-ups has risen to 1,240, already above the target of 1,000 set "
        "for 2027.",
        date="2024-11-14",
    )
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("observation", 1240.0, "2024-11-14"),
        ("target", 1000.0, "2027"),
    ]


def test_a_baseline_now_does_not_make_the_target_a_report() -> None:
    items = _items(
        "The number of clinics will be increased from 414 at present to 600 by December 2025.",
        date="2025-03-07",
    )
    assert [(i.kind, i.value) for i in items] == [("observation", 414.0), ("target", 600.0)]


def test_a_from_to_pair_reads_the_first_value_as_the_baseline() -> None:
    items = _items(
        "Capacity is set to rise from 77 million tonnes per annum to 142 million tonnes per "
        "annum by 2030.",
        date="2025-01-15",
    )
    assert [(i.kind, i.value) for i in items] == [("observation", 77e6), ("target", 142e6)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Unemployment stood at 6.4% in January.", "2025-02-18", "2025-01"),
        ("Sales rose 3% in December.", "2025-02-18", "2024-12"),
        ("The council will open 12 centres by March.", "2025-02-18", "2025-03"),
    ],
)
def test_a_month_without_a_year_is_the_nearest_one(text: str, date: str, expected: str) -> None:
    (item,) = _items(text, date=date)
    assert item.date == expected


def test_a_bulleted_list_under_an_intent_lead_is_a_list_of_targets() -> None:
    text = (
        "Bengaluru, 20 August 2025: The Cabinet approved the policy. By 2030, the policy aims to:"
        "\n\n• facilitate the creation of 25,000 new startups;\n• set up 12 new incubators."
    )
    items = _items(text, date="2025-08-20")
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("target", 25000.0, "2030"),
        ("target", 12.0, "2030"),
    ]


def test_a_lead_that_ends_in_a_comparator_governs_its_list() -> None:
    text = "By 2026, the city will have no less than:\n– 50 industry datasets;\n– 20 platforms."
    assert [(i.comparator, i.value) for i in _items(text, date="2025-03-12")] == [
        (">=", 50.0),
        (">=", 20.0),
    ]


def test_a_year_target_named_in_a_list_lead_dates_its_targets() -> None:
    text = (
        "Progress on the main indicators (latest value / 2026 target):\n"
        "• Gigabit plan: 5.9 million households connected so far, against a target of 6.9 "
        "million households."
    )
    items = _items(text)
    assert [(i.kind, i.value, i.date) for i in items] == [
        ("observation", 5.9e6, "2024-06-20"),
        ("target", 6.9e6, "2026"),
    ]


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("GDP grew by 4.7 percent in 2024, down from 5.7 percent in 2023.", [True, True]),
        ("Applications rose 11 percent in number and 22 percent in value.", [True, True]),
        (
            "The target is GDP growth of no less than 5.5 percent, striving for 6 percent.",
            [True, True],
        ),
        ("The province plans to create 150,000 work opportunities.", [True]),
        ("The economy shrank 2.3 percent in 2024.", [True]),
        ("Pakistan approved a GDP growth target of 4.2 percent.", [True]),
        ("The city will have 25,000 startups.", [False]),
    ],
)
def test_growth_of_second_changes_job_creation_and_contractions(text: str, growth: list) -> None:
    assert [i.growth for i in _items(text)] == growth


@pytest.mark.parametrize(
    "text",
    [
        "Visitors can enter through Gates 3 and 7 of the exhibition centre in Hall 4.",
        "The event runs from 9 to 12 February; see INDEC Informes técnicos, vol. 8, no. 251.",
        "Published in The Denver Post, September 3 and 10, 2024.",
        "Riyadh, 14 Dhu al-Qadah 1445 AH, corresponding to 22 May 2024.",
        "Page 7 of 48",
        "Speakers will be allowed time; call 311 or write to the clerk.",
        "Questions? Call RVO on 088 042 42 42.",
        "Toll-free: 800 124 0600.",
        "Buildings of 25,000 square feet or larger must report their energy use.",
        "The project is structured around four strategic axes and twelve measures.",
        "The plan is implemented through five programmes.",
        "Of the 142 policy indicators tracked, 98 are on track.",
        "The speech ran to 127 pages and was tabled at 12 noon.",
        "Approved projects receive a grant of up to 75% of the budget for a period of up to 12 months.",
        "The fund can co-finance up to 75% of costs for universities and up to 50% for companies.",
        "Knowledge vouchers: €3,750 per voucher. At least 2 SMEs must take part.",
        "Investment will rise in the 12 national strategic technologies.",
        "The instrument is one of four in the fund's portfolio.",
        "The basic food basket for a family of four rose again.",
        "Download the full report (PDF, 8.4 MB).",
        "Scholars receive monthly stipends of up to KRW 800,000.",
        "The scheme shall remain in force for a period of six years.",
        "G.S.R. 112(E) was issued under section 3 of the Act.",
        "A reduction of taxes is subject to a ceiling of HK$1,500 per case.",
    ],
)
def test_names_references_terms_and_parts_are_not_items(text: str) -> None:
    assert [(i.value, i.unit) for i in _items(text, date="2025-02-10")] == []


@pytest.mark.parametrize(
    ("text", "region", "unit"),
    [
        ("The budget adds kr 4.2 billion for hospitals.", "Norway", "NOK"),
        ("Grants of kr 500 million were paid.", "Denmark", "DKK"),
        ("The programme brings zł 8.5 billion.", "Poland", "PLN"),
        ("Exports stood at 1.1 trillion korunas.", "Czech Republic", "CZK"),
        ("Qingdao handled 30.87 million twenty-foot equivalent units (TEUs) in 2024.", None, "TEU"),
        ("The oil sands produced 3.4 million barrels per day.", None, "barrel per day"),
    ],
)
def test_more_currency_signs_and_units(text: str, region: str | None, unit: str) -> None:
    items = extract_text(text, date="2025-01-01", region=region)
    assert [i.unit for i in items] == [unit]


def test_moving_up_to_a_level_is_no_bound() -> None:
    (item,) = _items("Production edged up to 4.1 million barrels per day.")
    assert (item.comparator, item.value) == ("=", pytest.approx(4.1e6))


@pytest.mark.parametrize(
    "text",
    [
        "Source: General Office   Editor: Zhang Ying   Views: 18,264",
        "Posted on 8 November 2024 | Category: Speeches | Hits: 3,512",
        "(Release ID: 2084812)   Visitor Counter : 3867",
        "Address: 1 Zhongshan Road, Hefei   Postcode: 230091",
        "Finance Department, Secretariat, Chennai - 600 009",
        "Penang State Secretariat, Level 25, Komtar, 10503 George Town, Penang",
        "SPRI Group, Alameda Urquijo 36, 4th floor, 48011 Bilbao",
        "Innovation Strategy Team, 5 Atlantic Quay, 150 Broomielaw, Glasgow G2 8LU",
        "Last updated: 18.11.2025",
        "16 DEC 2024 2:45PM by PIB Delhi",
        "Brussels placed 11th among 239 regions.",
        "Osaka ranked first among Japan's 47 prefectures.",
        "Applications are scored on a scale of 1 to 5; applications scoring below 3.0 are rejected.",
        "Micro enterprises with fewer than 250 employees may apply.",
        "Aid intensity may not exceed 50% of eligible costs for large firms and 70% for small ones.",
        "The Central Bank cut its monetary policy rate by 25 basis points to 4.00%.",
        "Senior citizens will continue to receive a one-off payment of RM100 each.",
        "The waste collection levy for a household will be €447.60 in 2025.",
        "The measures are organised around five major projects and ten supporting policies.",
        "In 2024 the agency received applications under its two competitive programmes.",
        "Ministry of Economy, Monterrey, C.P. 64010 · Tel. 81 2033 5000",
    ],
)
def test_counters_addresses_scales_and_terms_are_not_items(text: str) -> None:
    assert [(i.value, i.unit) for i in _items(text, date="2025-02-10")] == []


@pytest.mark.parametrize(
    ("text", "title", "date", "expected"),
    [
        # a budget's own estimates, with no year written, are the budget's
        ("Total expenditure is set at €6.21 billion.", "Budget 2025 at a glance", "2024-10-01",
         [("target", 6.21e9)]),
        ("The fiscal deficit is estimated at 3.0 per cent of GSDP.", "Budget 2025-26: Highlights",
         "2025-03-14", [("target", 3.0)]),
        # "over the five years" looks back
        ("During the 14th Five-Year Plan period, cumulative investment over the five years "
         "exceeded 13 trillion yuan.", "Report on the Work of the Government", "2026-01-26",
         [("observation", 13e12)]),
    ],
)  # fmt: skip
def test_budget_estimates_and_review_periods(text: str, title: str, date: str, expected) -> None:
    items = _items(text, date=date, title=title)
    assert [(i.kind, pytest.approx(i.value)) for i in items] == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Revenue totalled 96.3 billion yuan by the end of November.", "2024-12-27",
         [("observation", 96.3e9, "2024-11")]),
        ("The central bank aims to lift the share to 15% by 2027, from 10.4% at the end of June.",
         "2025-10-20", [("target", 15.0, "2027"), ("observation", 10.4, "2025-06")]),
        ("Exports for November 2024 rose 4.9 per cent vis-à-vis November 2023.", "2024-12-16",
         [("observation", 4.9, "2024-11")]),
    ],
)  # fmt: skip
def test_month_ends_and_comparison_bases_date_reports(text: str, date: str, expected) -> None:
    assert [(i.kind, i.value, i.date) for i in _items(text, date=date)] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Some 6.4 million people were in work, some 18,000 fewer than a year before.", -18000.0,
         "count"),
        ("Shipments to Germany slipped 3.1%.", -3.1, "%"),
    ],
)  # fmt: skip
def test_fewer_than_a_year_before_and_slips_are_decreases(
    text: str, value: float, unit: str
) -> None:
    changes = [(i.value, i.unit) for i in _items(text) if i.growth]
    assert changes == [(value, unit)]


def test_the_time_a_task_takes_is_the_value() -> None:
    (item,) = _items(
        "By 2028 the Region will cut the average time needed to process a grant to 45 days."
    )
    assert (item.value, item.unit, item.kind) == (45.0, "day", "target")


@pytest.mark.parametrize(
    "text",
    [
        "City of Cape Town, 12 Hertzog Boulevard, Cape Town 8001 | Call centre: 0860 103 089",
        "The session is in Room 3.12, Koning Albert II-laan 35, 1030 Brussels.",
        "CNPJ 44.837.524/0001-07 | Ombudsman: 0800 770 4000",
        "The roundtable takes place on Day 2; delegates should go to Desk 12.",
        "Under section 25 of the Customs Act, 1962 (52 of 1962), the Government exempts the goods.",
        "The strategy funds its SDG 7 and SDG 13 research clusters.",
        "We aim to reach net zero for scope 1 and 2 emissions.",
        "The committee meets next on 19-20 February.",
        "The minimum project cost is €5,000.",
        "We will raise the personal income tax threshold to $1.7 million a year.",
        "The Centre and the State will each bear 20 per cent of the cost.",
        "The county share must not be less than 15 percent of audited revenue.",
        "The bills should be cleared within three financial years.",
    ],
)
def test_more_footers_references_and_terms_are_not_items(text: str) -> None:
    assert [(i.value, i.unit) for i in _items(text, date="2025-06-10")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Permits were 1,416,000. This is 7.7 percent below the October 2023 rate.", -7.7),
        ("Output per hour was 11% below the UK average.", None),  # a level gap, no change
    ],
)
def test_below_a_past_rate_is_a_fall(text: str, expected: float | None) -> None:
    changes = [i.value for i in _items(text, date="2024-11-19") if i.growth]
    assert changes == ([] if expected is None else [expected])


def test_up_from_after_a_target_is_its_baseline() -> None:
    items = _items(
        "Total expenditure for FY 2025/26 is proposed at Ksh 4.29 trillion, up from Ksh 3.98 "
        "trillion in the revised estimates for FY 2024/25.",
        date="2025-06-10",
        title="Report on the Estimates for FY 2025/26",
    )
    assert [(i.kind, i.value) for i in items] == [("target", 4.29e12), ("observation", 3.98e12)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The share rose to 22% but has yet to reach the 35 percent goal set for 2030.",
         ["observation", "target"]),
        ("New York has installed 6.6 gigawatts, surpassing its 6 gigawatt target.",
         ["observation", "target"]),
    ],
)  # fmt: skip
def test_a_value_that_names_a_goal_is_a_target(text: str, kinds: list[str]) -> None:
    assert [i.kind for i in _items(text, date="2025-03-12")] == kinds
