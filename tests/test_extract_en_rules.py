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
