"""What is written with digits but is not a target or statistic."""

from __future__ import annotations

import pytest

from goalpost.extract import extract_text


def _values(text: str, title: str = "Innovation Action Plan (2021-2025)", date: str = "2021-06-01"):
    return [(i.value, i.unit) for i in extract_text(text, title=title, date=date, lang="en")]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was issued on 14 September 2018.",
        "It was published on September 30, 2019 in Guangzhou.",
        "The notice (SuiFuHan [2018] No.224) takes effect today.",
        "Tel: 020-83123456. Fax: +86-20-83124567.",
        "ICP licence: B2-20040244.",
        "Room 1203, 88 Tianhe Road, Guangzhou 510000.",
        "(1) Enhancing major basic S&T innovation platforms",
        "The plan includes eight major actions and 5 protective measures.",
        "It sets out 5 key objectives and three work plans in 6 chapters.",
        "Guangzhou ranks top 3 among Chinese cities and No.1 in the province.",
        "The city came second after Shanghai for the third consecutive year.",
        "Its GDP has ranked first for 32 consecutive years.",
        "The three-year plan builds on the 13th Five-Year Plan.",
        "5G networks and Industry 4.0 pilots are part of RIE2025.",
        "Fortune 500 companies attended the Fortune Global Forum.",
        'The "1+9" policies and the "one zone, 19 parks" layout were kept.',
        "Nine years have passed since the lab opened in 2014.",
        "He has worked at the university for 34 years.",
        "Invention patents per 10,000 people are counted every year.",
        "Phase 2 of Article 5 applies from 1 April 2021.",
        "The 10.5-generation panel line and 3-D printing centre opened.",
        "One of the projects is in Nansha.",
        "The 25@25 initiative and the Digital Agenda 2.0 were launched together.",
        "Pilots of Society 5.0 ran in Osaka.",
        "The framework comprises 4 goals, 18 priorities and 150 actions.",
        "Vaccination covers children under five and adults over 65.",
        "The conference lasted 3 days.",
        "The charter sets out five aspirations and 14 flagship projects.",
        "The summit runs from 3 to 5 June 2026 in Lisbon.",
        "Call the helpdesk on +44 20 7946 0958.",
        "For details, call the service hotline 12345 or visit the office.",
        "For registration, contact the organising committee at (+84) 24 3943 9393.",
        "For details, call the ICT Division hotline at 333.",
        "Register by calling 022-2345 6789 or by fax at 022-2345 6790.",
        "This notice covers three matters: registration, accreditation and venue access.",
        "Enquiries: 0898-6533 1234.",
        '"A proud day," said Professor Marie Tremblay, 54, who will direct the facility.',
        "The roadmap consists of 5 pillars and 24 action lines.",
        "The Cabinet presented its Strategy, which identifies ten key technologies.",
        "The plan rests on four pillars and contains 40 mega projects.",
    ],
)
def test_non_items_are_not_extracted(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Enterprises will receive a subsidy of 10% of their R&D spending, capped at 2 million yuan per enterprise.",
        "Eligible firms can receive up to 5 million yuan in subsidies.",
        "The R&D tax credit rate for SMEs will be raised to 130%.",
        "High-tech enterprises with annual revenue of more than 100 million yuan will be given priority.",
        "Companies whose revenues surpass 500 million yuan must set up R&D institutes.",
        "The IMF forecasts the economy will grow 4.5% in 2024.",
        "Under current conditions, R&D intensity will only reach 2.4% by 2025.",
        "According to a Deloitte study, cloud adoption could add US$1.2 trillion to GDP.",
        "Small firms may earn a credit at a basic rate of 20 per cent on costs of up to C$2 million.",
        "The World Bank projects the region to grow 3.9% in 2026.",
        "The Asian Development Bank forecasts that the economy will grow by 5.1% in 2025.",
        "The CPB Netherlands Bureau for Economic Policy Analysis projects spending to grow by 2%.",
        "The Central Bank projects GDP growth of between 1.75% and 2.75% in 2025.",
    ],
)
def test_policy_parameters_thresholds_and_projections_are_neither(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tencent and 12 other firms invested 55 billion yuan (US$8.1 billion).",
            [(12.0, "count"), (55e9, "CNY")],
        ),
        ("The city will build 2000 charging stations.", [(2000.0, "count")]),
        ("More than 2000 companies joined.", [(2000.0, "count")]),
        (
            "Shenzhen will set up a 10-billion-yuan AI fund and offer subsidies of up to 5 million yuan per project.",
            [(1e10, "CNY")],
        ),
        ("The number of high-tech enterprises will reach 2000 by 2025.", [(2000.0, "count")]),
        ("From 2018 to 2020 the number was stable.", []),
        (
            "Clusters with a combined output value of over 10 trillion yuan will form.",
            [(1e13, "CNY")],
        ),
        (
            "Under current trends it would only reach 2.4% by 2025, short of the 2.8% goal.",
            [(2.8, "%")],
        ),
        ("Emissions will be cut by 40% below 1990 levels.", [(-40.0, "%")]),
        ("The country will train 500 teachers for children under five.", [(500.0, "count")]),
        ("The plan will carry out 120 actions by 2025.", [(120.0, "count")]),
        ("Output rose 2.1% y/y in Q3 2024.", [(2.1, "%")]),
        ("The government expects exports to grow 6% in 2026.", [(6.0, "%")]),
        # in a plan (the default title here), "is projected to reach" is the plan's own target
        ("By 2027, annual output is projected to reach 500,000 units.", [(500000.0, "count")]),
        ("The plan contains 40 projects worth 3 billion yuan.", [(3e9, "CNY")]),
        ("In Beijing, 120 firms joined the scheme.", [(120.0, "count")]),
        (
            "Firms will exceed 3,000 and patents will reach 20 per 10,000 people.",
            [(3000.0, "count"), (20.0, "per 10,000 people")],
        ),
    ],
)
def test_items_next_to_non_items_survive(text: str, expected: list) -> None:
    assert _values(text) == expected
