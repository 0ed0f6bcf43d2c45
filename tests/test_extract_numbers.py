"""The English number layer: values, scales, units, currencies, comparators, ranges."""

from __future__ import annotations

import pytest

from goalpost.extract import find_quantities


def _one(text: str, region: str | None = None):
    qs = [q for q in find_quantities(text, region=region) if not getattr(q, "conversion", False)]
    assert len(qs) == 1, [(q.surface, q.value, q.unit) for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,000 firms", 12000),
        ("3 937 751 residents", 3937751),
        ("12,34,567 rupees", 1234567),
        ("3.1% of GDP", 3.1),
        ("twenty-two laboratories", 22),
        ("one hundred and six projects", 106),
        ("two thousand and two hundred", 2200),
        ("half a million people", 500000),
        ("a dozen parks", 12),
        ("one and a half million", 1500000),
        ("450 billion yuan", 450e9),
        ("6,6 billion euros", 6.6e9),
        ("35 lakh rupees", 3.5e6),
        ("Rs 1.5 lakh crore", 1.5e12),
        ("₹14,217 crore", 1.4217e11),
        ("1.2 trillion won", 1.2e12),
        ("US$1.64b", 1.64e9),
        ("£5bn", 5e9),
        ("10k", 1e4),
        ("-1.2%", -1.2),
        ("minus 5", -5),
    ],
)
def test_numerals_read_their_value(text: str, value: float) -> None:
    assert _one(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("3.1%", "%"),
        ("11.6 percent", "%"),
        ("8 per cent", "%"),
        ("0.2 percentage points", "pp"),
        ("2 pp", "pp"),
        ("50 basis points", "pp"),
        ("450 billion yuan", "CNY"),
        ("RMB 400 billion", "CNY"),
        ("7.1 billion RMB", "CNY"),
        ("US$65 billion", "USD"),
        ("$8 million", "USD"),
        ("€95.5 billion", "EUR"),
        ("EUR 125", "EUR"),
        ("£22 billion", "GBP"),
        ("826.2 billion won", "KRW"),
        ("120 trillion yen", "JPY"),
        ("Rs 50,000 crore", "INR"),
        ("S$25 billion", "SGD"),
        ("HK$10 billion", "HKD"),
        ("30 MUSD", "USD"),
        ("R$12 billion", "BRL"),
        ("R4.5 billion", "ZAR"),
        ("2 billion rand", "ZAR"),
        ("AED 40 billion", "AED"),
        ("SAR 9 billion", "SAR"),
        ("5 billion Saudi riyals", "SAR"),
        ("KSh 2.1 billion", "KES"),
        ("₦120 billion", "NGN"),
        ("45 billion naira", "NGN"),
        ("Rp 3.2 trillion", "IDR"),
        ("฿18 billion", "THB"),
        ("₱900 million", "PHP"),
        ("14 billion Philippine pesos", "PHP"),
        ("70 billion Mexican pesos", "MXN"),
        ("3 billion Egyptian pounds", "EGP"),
        ("8 billion kronor", "SEK"),
        ("2 billion Norwegian kroner", "NOK"),
        ("Dhs 700 million", "AED"),
        ("Grade R 5 pupils", "count"),
        ("MAD 12.4 bn", "MAD"),
        ("MNT 80 billion", "MNT"),
        ("Tk 6,450 crore", "BDT"),
        ("S/ 2,370 million", "PEN"),
        ("GH¢1.2 trillion", "GHS"),
        ("1,148.6 billion tenge", "KZT"),
        ("45 billion koruna", "CZK"),
        ("300 million forints", "HUF"),
        ("a $150 million fund", "USD"),  # the article, not A$
        ("A$150 million", "AUD"),
        ("Apple's $5 billion", "USD"),  # not S$
        ("12 EFLOPS", "EFLOPS"),
        ("HUF 1,126 billion", "HUF"),
        ("ZMW 14.2 billion", "ZMW"),
        ("145,000 UYU", "UYU"),
        ("J$4.8 billion", "JMD"),
        ("RD$3,200 million", "DOP"),
        ("LE 3 billion", "EGP"),
        ("50 billion CFA francs", "XOF"),
        ("ALL 5 firms", "count"),  # a word in capitals, not the lek
        ("2.5 million square feet", "sq ft"),  # "R" is the rand only when glued to its number
        ("8.5 million square meters", "sq m"),
        ("12.5 square kilometers", "sq km"),
        ("10 GW", "GW"),
        ("100MW", "MW"),
        ("50,000 tonnes", "t"),
        ("600 professionals", "count"),
    ],
)
def test_units_and_currencies_resolve(text: str, unit: str) -> None:
    assert _one(text).unit == unit


@pytest.mark.parametrize(
    ("region", "unit"),
    [
        (None, "USD"),
        ("Singapore", "SGD"),
        ("Hong Kong", "HKD"),
        ("Australia", "AUD"),
        ("Canada", "CAD"),
    ],
)
def test_bare_dollars_follow_the_document_region(region: str | None, unit: str) -> None:
    assert _one("$813.6 million", region=region).unit == unit


@pytest.mark.parametrize(
    ("text", "region", "unit"),
    [
        ("Rs 42 billion", "Pakistan", "PKR"),
        ("Rs 12.3 billion", "Sri Lanka", "LKR"),
        ("Rs 42 billion", "India", "INR"),
        ("Rs 42 billion", None, "INR"),
        ("100 billion dirhams", "Morocco", "MAD"),
        ("100 billion dirhams", None, "AED"),
        ("20 billion pesos", "Colombia", "COP"),
        ("Rs 2 billion", "Nepal", "NPR"),
        ("Rs 1.5 billion", "Mauritius", "MUR"),
        ("$25 million", "Fiji", "FJD"),
        ("$813.6 million", "Vancouver", "CAD"),  # a city's country decides
        ("$813.6 million", "Springfield", "USD"),  # a name outside the catalog stands alone
    ],
)
def test_an_ambiguous_currency_is_the_document_countrys(text: str, region, unit: str) -> None:
    assert _one(text, region=region).unit == unit


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("exceed 120 billion yuan", ">"),
        ("over 12,000", ">"),
        ("more than 2,000", ">"),
        ("above 50%", ">"),
        ("surpassing 20 million", ">"),
        ("at least 50", ">="),
        ("no less than 70%", ">="),
        ("not less than 10", ">="),
        ("no fewer than 50", ">="),
        ("500 or more", ">="),
        ("10,000+", ">="),
        ("about 80 percent", "~"),
        ("around 10%", "~"),
        ("approximately 65%", "~"),
        ("nearly 70 percent", "~"),
        ("some 605", "~"),
        ("up to 700", "<="),
        ("no more than 5%", "<="),
        ("at most 3", "<="),
        ("below 2%", "<"),
        ("less than 1,000", "<"),
        ("450 billion yuan", "="),
    ],
)
def test_comparators_are_read(text: str, comparator: str) -> None:
    assert _one(text).comparator == comparator


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("one to two centres", 1, 2, "count"),
        ("1-2 centres", 1, 2, "count"),
        ("3-5 platforms", 3, 5, "count"),
        ("between 5% and 8%", 5, 8, "%"),
        ("10-15%", 10, 15, "%"),
        ("RMB 1-2 billion", 1e9, 2e9, "CNY"),
        ("5 to 8 leading enterprises", 5, 8, "count"),
        ("20~100", 20, 100, "count"),
        ("between 1.2 trillion and 1.5 trillion yuan", 1.2e12, 1.5e12, "CNY"),
        ("between RM1 billion and RM4.7 billion", 1e9, 4.7e9, "MYR"),
        ("between USD 5 and USD 8 billion", 5e9, 8e9, "USD"),
    ],
)
def test_ranges_carry_value_max(text: str, low: float, high: float, unit: str) -> None:
    q = _one(text)
    assert (q.comparator, q.value, q.value_max, q.unit) == (
        "range",
        pytest.approx(low),
        pytest.approx(high),
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "from 155 to 96",  # a change, not a range
        "rose 5.0% to 470,000",
        "2019-2021",  # a period
        "+1-222-2222",  # a phone number
    ],
)
def test_changes_periods_and_phones_are_not_ranges(text: str) -> None:
    assert all(q.comparator != "range" for q in find_quantities(text))


def test_a_bracketed_conversion_is_marked_not_doubled() -> None:
    qs = find_quantities("a total investment of 55 billion yuan (US$8.1 billion)")
    assert [(q.unit, getattr(q, "conversion", False)) for q in qs] == [
        ("CNY", False),
        ("USD", True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ICP licence 5G and RIE2025", []),
        ("see https://example.org/page?id=30%25", []),
        ("the 1st and 13th", []),
        ("which one do you prefer", []),
    ],
)
def test_non_numbers_are_not_read(text: str, expected: list) -> None:
    assert [q.value for q in find_quantities(text)] == expected


def test_full_width_digits_are_read_at_their_own_offsets() -> None:
    text = "reach １２０００ firms and ３．１％"
    qs = find_quantities(text)
    assert [(q.value, q.unit) for q in qs] == [(12000.0, "count"), (3.1, "%")]
    assert [q.surface for q in qs] == ["１２０００", "３．１％"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("3 937 751 people", [3937751.0]),
        ("40 000 firms", [40000.0]),
        ("100 000 jobs", [100000.0]),
        ("columns 120 150", [120.0, 150.0]),
        ("(billion yuan) 120", [120.0]),
        ("hundred thousand dollars", [100000.0]),
    ],
)
def test_space_grouping_and_bare_scale_words(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values
