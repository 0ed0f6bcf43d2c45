"""The pipeline: sentences, paragraphs, context carried across them, languages, spans."""

from __future__ import annotations

import pytest

from goalpost._models import Document, Section
from goalpost.extract import SentenceContext, SentenceResult, extract, extract_text
from goalpost.extract._periods import five_year_plan_end, plan_period, reads_as_plan, title_year
from goalpost.extract._split import split_sentences
from goalpost.extract._text import normalized, sentence_lang


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("R&D reached 3.1% in 2019. It grew.", ["R&D reached 3.1% in 2019.", "It grew."]),
        (
            "The U.S. subsidiary opened. It hired 20 people.",
            ["The U.S. subsidiary opened.", "It hired 20 people."],
        ),
        ("Da An Gene Co., Ltd. and others grew.", ["Da An Gene Co., Ltd. and others grew."]),
        ("See No. 224 for details.", ["See No. 224 for details."]),
        ("e.g. labs, i.e. 5 labs.", ["e.g. labs, i.e. 5 labs."]),
        (
            "1. Expanding new channels\n2. Setting up a centre",
            ["1. Expanding new channels", "2. Setting up a centre"],
        ),
        ("It will reach 5%; it will exceed 10.", ["It will reach 5%;", "it will exceed 10."]),
        (
            "到2025年，全市高新技术企业达到1.2万家。研发投入增长10%！",
            ["到2025年，全市高新技术企业达到1.2万家。", "研发投入增长10%！"],
        ),
        (
            "A line that wraps in the middle of a sentence because the PDF was narrow and\nthen goes on here.",
            [
                "A line that wraps in the middle of a sentence because the PDF was narrow and\nthen goes on here."
            ],
        ),
    ],
)
def test_sentences_split_on_ends_not_on_decimals_or_abbreviations(
    text: str, sentences: list[str]
) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == sentences


def test_paragraphs_change_at_line_breaks_and_headings() -> None:
    text = "Overall Goal\nFirst, the city grows. Then it leads.\n\nSecond, it wins."
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 1, 2]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The city will build 60 bases.", "en"),
        ("全市将建设60个基地。", "zh"),
        ("Email: a@b.cn ICP备案号", "en"),
        ("全市R&D投入强度达到3%", "zh"),
    ],
)
def test_each_sentence_gets_a_language(text: str, lang: str) -> None:
    assert sentence_lang(text) == lang


def test_normalized_text_keeps_offsets() -> None:
    text = "到２０２５年，达到１２０００家，占３．１％ and city’s 2019–2021"
    norm = normalized(text)
    assert len(norm) == len(text)
    assert "2025" in norm and "3.1%" in norm and "city's" in norm and "2019-2021" in norm


@pytest.mark.parametrize(("n", "end"), [(13, 2020), (14, 2025), (15, 2030)])
def test_five_year_plans_end_in_their_last_year(n: int, end: int) -> None:
    assert five_year_plan_end(n) == end


@pytest.mark.parametrize(
    ("title", "period", "year", "plan"),
    [
        (
            "Three-year Action Plan of Guangzhou for S&T Innovation (2019-2021)",
            (2019, 2021),
            "2021",
            True,
        ),
        ("14th Five-Year Plan for Science and Technology", (2021, 2025), "2025", True),
        ("“十四五”科技创新规划", (2021, 2025), "2025", True),
        ("Guangzhou's innovative ecosphere gaining momentum", None, None, False),
        ("Targets for 2025", None, "2025", True),
    ],
)
def test_titles_give_period_deadline_and_plan_sense(title: str, period, year, plan: bool) -> None:
    assert plan_period(title) == period
    assert title_year(title) == year
    assert reads_as_plan(title) is plan


def _doc(text: str, sections: list[Section] | None = None, **kw) -> Document:
    kw.setdefault("date", "2019-09-30")
    return Document(id="d", text=text, sections=sections or [], **kw)


def test_a_section_heading_deadline_dates_the_items_under_it() -> None:
    text = (
        "Targets for 2025\nThe city will build 60 bases.\nCurrent situation\nThe city has 20 bases."
    )
    sections = [
        Section(title="Targets for 2025", level=1, start=0, heading_end=16, end=47),
        Section(title="Current situation", level=1, start=47, heading_end=65, end=len(text)),
    ]
    items = extract(_doc(text, sections))
    assert [(i.kind, i.value, i.date, i.section) for i in items] == [
        ("target", 60.0, "2025", "Targets for 2025"),
        ("observation", 20.0, "2019-09-30", "Current situation"),
    ]


def test_a_section_lead_period_dates_its_subsections() -> None:
    text = (
        "II. Key goals\nThe 13th Five-Year Plan period is a golden window.\n"
        "1. Platforms\nR&D expense will reach 2.7 percent of GDP."
    )
    first = text.index("1. Platforms")
    sections = [
        Section(title="Key goals", level=1, start=0, heading_end=13, end=len(text)),
        Section(title="Platforms", level=2, start=first, heading_end=first + 12, end=len(text)),
    ]
    items = extract(_doc(text, sections, date="2017-08-06"))
    assert [(i.value, i.date, i.section) for i in items] == [(2.7, "2020", "Platforms")]


def test_items_are_sorted_deterministic_and_span_their_values() -> None:
    text = "By 2021 the city will have over 12,000 firms and 600 experts. It has 3 labs."
    a, b = extract(_doc(text)), extract(_doc(text))
    assert [i.to_dict() for i in a] == [i.to_dict() for i in b]
    assert [i.start for i in a] == sorted(i.start for i in a)
    for it in a:
        assert text[it.sentence_start : it.sentence_end] == it.sentence
        assert any(ch.isdigit() for ch in text[it.start : it.end])


def test_chinese_sentences_go_to_the_chinese_component(monkeypatch: pytest.MonkeyPatch) -> None:
    from goalpost.extract import _pipeline

    seen: list[str] = []

    def fake(ctx: SentenceContext) -> SentenceResult:
        seen.append(ctx.sentence)
        assert ctx.lang == "zh" and ctx.norm_text is not None
        return SentenceResult()

    monkeypatch.setattr(_pipeline, "_zh_component", lambda: fake)
    extract(_doc("The city will build 60 bases. 到2025年，全市高新技术企业达到1.2万家。"))
    assert seen == ["到2025年，全市高新技术企业达到1.2万家。"]


def test_missing_chinese_component_skips_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    from goalpost.extract import _pipeline

    monkeypatch.setattr(_pipeline, "_zh_component", lambda: None)
    items = extract(_doc("The city will build 60 bases. 全市高新技术企业达到1.2万家。"))
    assert [i.value for i in items] == [60.0]


def test_extract_text_works_without_the_documents_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_documents(name, *args, **kwargs):
        if name == "goalpost.documents":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_documents)
    items = extract_text(
        "By 2021 the city will build 60 bases.", title="Plan (2019-2021)", date="2019-09-30"
    )
    assert [(i.kind, i.value, i.date) for i in items] == [("target", 60.0, "2021")]


def test_empty_and_blank_documents_give_nothing() -> None:
    assert extract(_doc("")) == []
    assert extract(_doc(" \n\n \t")) == []
