"""The five seed documents: metadata, outline and cleaning on real captured pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalpost._models import Document, Section
from goalpost.documents import read_document

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
PLAN_2019, PLAN_2018, HUB_2017, ECOSPHERE_2017, GUANGDONG_2021 = (
    "000_0b1a7108d2a732b0.txt",
    "001_be781722ee18f19d.txt",
    "002_48437bf6e196da88.txt",
    "003_11b16cb614225836.txt",
    "004_a887df4183df55ec.txt",
)


def _seed(name: str) -> Document:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed document not found: {path}")
    return read_document(path)


def _tree(doc: Document) -> list[tuple[int, str | None, str]]:
    return [(s.level, s.number, s.title) for s in doc.sections]


def _parent(doc: Document, section: Section) -> Section | None:
    """The closest enclosing section one level up."""
    enclosing = [
        s
        for s in doc.sections
        if s.level == section.level - 1 and s.start < section.start and section.end <= s.end
    ]
    return enclosing[-1] if enclosing else None


@pytest.mark.parametrize(
    "name, date",
    [
        (PLAN_2019, "2019-09-30"),  # "On September 30, 2019, Guangzhou promulgated ..."
        (PLAN_2018, "2018-09-14"),  # a date line under the title
        (HUB_2017, "2017-08-06"),  # "UPDATED :August 6, 2017"
        (ECOSPHERE_2017, "2017-09-26"),  # "Update: 2017-09-26", not the later roadshow date
        (GUANGDONG_2021, "2021-11-04"),  # "Source: ...| 2021-11-04 09:49:22| Author: ..."
    ],
)
def test_seed_publication_date(name: str, date: str) -> None:
    assert _seed(name).date == date


@pytest.mark.parametrize(
    "name, period",
    [
        (PLAN_2019, (2019, 2021)),
        (PLAN_2018, (2018, 2020)),
        (HUB_2017, (2016, 2020)),  # its key goals are the 13th Five-year Plan's
        (ECOSPHERE_2017, None),  # a report of statistics; "Yangwan 2025" is a name
        (GUANGDONG_2021, (2021, 2025)),  # "14th Five-Year Plan period (2021-2025)"
    ],
)
def test_seed_period(name: str, period: tuple[int, int] | None) -> None:
    assert _seed(name).period == period


@pytest.mark.parametrize(
    "name, title",
    [
        # The page opens with a breadcrumb and its channel label, then prose naming the plan.
        (PLAN_2019, "Three-year Action Plan of Guangzhou for S&T Innovation (2019-2021)"),
        (
            HUB_2017,
            "Guangzhou aims to become an international innovation hub by facilitating technological innovation",
        ),
        (ECOSPHERE_2017, "Guangzhou's innovative ecosphere gaining momentum"),  # not "City news"
        (GUANGDONG_2021, "Innovation Drives Guangdong's High-quality Development"),
    ],
)
def test_seed_title(name: str, title: str) -> None:
    assert _seed(name).title == title


def test_seed_title_of_the_notice_is_its_first_line() -> None:
    title = _seed(PLAN_2018).title
    assert title is not None
    assert title.startswith("Notice from the People's Government of Guangzhou on launching")
    assert title.endswith("(SuiFuHan [2018] No.224)")


@pytest.mark.parametrize("name", [PLAN_2019, PLAN_2018, HUB_2017, ECOSPHERE_2017, GUANGDONG_2021])
def test_seed_metadata_is_english_and_id_is_stable(name: str) -> None:
    first, second = _seed(name), _seed(name)
    assert first.lang == "en"
    assert first.id == second.id == Document.content_id((SEEDS / name).read_bytes())
    assert first.sections == second.sections


def test_plan_2019_outline_has_overall_goal_and_eight_actions() -> None:
    doc = _seed(PLAN_2019)
    actions = [
        "Enhancing major basic S&T innovation platforms",
        "Making breakthroughs with core technologies",
        "Transferring and translating S&T results",
        "Incubating and upgrading innovative companies",
        "Supporting and guiding industrial technologies",
        "Optimizing structure of innovative industries",
        "Open and innovative cooperation for mutual benefits",
        "Attracting high-level innovative talents",
    ]
    assert _tree(doc) == [
        (1, None, "Overall Goal"),
        (1, None, "Eight Major Actions"),
        *[(2, f"({i})", title) for i, title in enumerate(actions, 1)],
    ]
    eight = doc.sections[1]
    assert all(_parent(doc, s) == eight for s in doc.sections[2:])
    assert eight.end == len(doc.text)
    # A target sentence belongs to its action.
    at = doc.text.index("10,000 companies under incubation")
    assert doc.section_at(at).title == "Incubating and upgrading innovative companies"
    at = doc.text.index("3.1% of its GDP")
    assert doc.section_at(at).title == "Overall Goal"


def test_plan_2018_outline_has_objectives_and_measures() -> None:
    doc = _seed(PLAN_2018)
    tree = _tree(doc)
    assert [t for t in tree if t[0] == 1] == [
        (1, None, "5 key objectives"),
        (1, None, "5 protective measures"),
    ]
    objectives, measures = (s for s in doc.sections if s.level == 1)
    assert doc.text[measures.start : measures.heading_end] == "5 protective measures:"
    under = {
        "5 key objectives": [s for s in doc.sections if _parent(doc, s) == objectives],
        "5 protective measures": [s for s in doc.sections if _parent(doc, s) == measures],
    }
    assert [s.number for s in under["5 key objectives"]] == ["1.", "2.", "3.", "4.", "5."]
    assert [s.number for s in under["5 protective measures"]] == ["1.", "2.", "3.", "4.", "5."]
    assert under["5 key objectives"][3].title == "Optimising Innovation Infrastructure"
    assert under["5 protective measures"][0].title == "Policy protection"
    at = doc.text.index("RMB 400 billion")
    assert doc.section_at(at).title == "Optimising Innovation Infrastructure"


def test_hub_2017_outline_has_two_roman_parts_with_numbered_items() -> None:
    doc = _seed(HUB_2017)
    tops = [s for s in doc.sections if s.level == 1]
    assert [(s.number, s.title) for s in tops] == [
        ("I.", "Optimizing the innovative environment"),
        ("II.", "Key goals in Guangzhou's technological innovation"),
    ]
    first = [s for s in doc.sections if _parent(doc, s) == tops[0]]
    second = [s for s in doc.sections if _parent(doc, s) == tops[1]]
    assert [s.number for s in first] == ["1.", "2.", "3.", "4.", "5."]
    assert [s.number for s in second] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert first[0].title == "Reforming the management of high-tech sectors"
    # A numbered line that is one heading-like sentence is a heading too.
    assert second[0].title.startswith("Guangzhou will focus on setting up innovation platforms")
    assert len(doc.sections) == 13
    at = doc.text.index("200,000 tech companies by 2020")
    assert doc.section_at(at).title == "Fostering all types of high-tech companies"


def test_ecosphere_2017_outline_has_its_standalone_headings() -> None:
    doc = _seed(ECOSPHERE_2017)
    titles = [s.title for s in doc.sections]
    assert {s.level for s in doc.sections} == {1}
    assert titles[-2:] == ["Scientific research institutes", "Innovative talents"]
    assert any(t.startswith("Innovative talents: luring") for t in titles)
    # The page head (channel label, title, dateline) is not part of the outline.
    assert "City news" not in titles and doc.title not in titles
    at = doc.text.index("280 incubators")
    assert doc.section_at(at).title == "Scientific research institutes"


def test_guangdong_2021_has_no_headings_only_paragraphs() -> None:
    assert _seed(GUANGDONG_2021).sections == []


@pytest.mark.parametrize(
    "name, gone, kept",
    [
        (
            PLAN_2019,
            ["Home> Innovation"],
            ["Innovative and Scientific Research", "attract 90,000 returnees in total."],
        ),
        (PLAN_2018, ["Back to previous"], ["5. Cultural protection", "public media events."]),
        (
            HUB_2017,
            ["Share this with", "(Editor: Lei)"],
            ["BY :lifeofguangzhou.com", "Guangzhou ranks top 3 among all Chinese cities"],
        ),
        (
            ECOSPHERE_2017,
            [
                "About GZ",
                "Help Center",
                "Residents  |",
                "Copyright",
                "All materials marked",
                "If you find out",
                "gzportal@",
                "ICP",
            ],
            ["Guangzhou ranks top 3 among all Chinese cities", "(Statistics cited above are from"],
        ),
        (
            GUANGDONG_2021,
            [
                "position: EnglishChannel",
                "Top News",
                "Blueprint Set for One Million",
                "Copyright",
                "mailto:",
            ],
            [
                "Source: Science and Technology Daily",
                "Gong Guoping is Secretary of the Leading Party Group",
            ],
        ),
    ],
)
def test_seed_debris_is_gone_and_body_sentences_remain(
    name: str, gone: list[str], kept: list[str]
) -> None:
    doc = _seed(name)
    for fragment in gone:
        assert fragment not in doc.text, fragment
    for fragment in kept:
        assert fragment in doc.text, fragment
    assert "\n\n\n" not in doc.text
    assert all(line == line.rstrip() for line in doc.text.split("\n"))


@pytest.mark.parametrize("name", [PLAN_2019, PLAN_2018, HUB_2017, ECOSPHERE_2017, GUANGDONG_2021])
def test_seed_cleaning_keeps_every_sentence_of_the_article(name: str) -> None:
    """Only short debris lines and the related-news tail go; every long body line stays."""
    doc = _seed(name)
    raw = (SEEDS / name).read_text(encoding="utf-8").replace("\xa0", " ")
    kept = set(doc.text.split("\n"))
    lost = [
        line.rstrip()
        for line in raw.split("\n")
        if len(line) > 120
        and line.rstrip() not in kept
        and "copyright" not in line.lower()
        and "anything wrong" not in line
    ]
    if name == GUANGDONG_2021:  # the "Top News" teaser after the article
        lost = [line for line in lost if not line.startswith("In the new Five-Year Plan period")]
    assert lost == []


@pytest.mark.parametrize("name", [PLAN_2019, PLAN_2018, HUB_2017, ECOSPHERE_2017, GUANGDONG_2021])
def test_seed_sections_point_into_the_clean_text(name: str) -> None:
    doc = _seed(name)
    for s in doc.sections:
        assert 0 <= s.start < s.heading_end <= s.end <= len(doc.text)
        heading = doc.text[s.start : s.heading_end]
        assert s.title in heading and "\n" not in heading
        if s.number:
            assert heading.startswith(s.number)
