"""Text-level pieces of the readers: dates, periods, titles, language, cleaning, outline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalpost.documents import (
    build_document,
    clean_text,
    detect_language,
    find_period,
    find_publication_date,
    find_title,
    outline,
)

BODY = "The city will keep improving its innovation system over the coming years, as planned."
BODY_ZH = "全市将持续完善科技创新体系，加快建设具有全球影响力的科技创新强市。"

# -- publication dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("14 September 2018", "2018-09-14"),
        ("Title\n\nUPDATED :August 6, 2017\n\nBody.", "2017-08-06"),
        ("Update: 2017-09-26    Source: lifeofguangzhou.com", "2017-09-26"),
        ("Source: Daily| 2021-11-04 09:49:22| Author: Gong", "2021-11-04"),
        ("On September 30, 2019, Guangzhou promulgated the Plan (2019-2021).", "2019-09-30"),
        ("Published: 3 March 2022", "2022-03-03"),
        ("Posted on Sept. 5, 2020", "2020-09-05"),
        ("2023年11月4日", "2023-11-04"),
        ("发布时间：2023-11-04", "2023-11-04"),
        ("（2022年1月5日）", "2022-01-05"),
        ("二〇二二年一月五日", "2022-01-05"),
        ("２０２３年１１月４日", "2023-11-04"),  # full-width digits
        ("Date: 2019/7/1", "2019-07-01"),
        ("有效日期：2025年12月31日\n发布日期：2024年1月2日", "2024-01-02"),
        ("Published: March 2021", "2021-03"),
        ("Published: 2019", "2019"),
        ("日期：2020年6月", "2020-06"),
        ("APRİL 5, 2019", "2019-04-05"),  # dotted capital I: lower() would make no month of it
    ],
)
def test_publication_date_formats(text: str, date: str) -> None:
    assert find_publication_date(text) == date


@pytest.mark.parametrize(
    "text, date",
    [
        # A labelled date beats an earlier event date.
        ("A roadshow was held on September 21, 2017.\nUpdate: 2017-09-26", "2017-09-26"),
        # "issued ... on <date>" counts, even late in a sentence.
        (
            "The government has issued the three-year plan (2018-2020) on 14 September 2018.",
            "2018-09-14",
        ),
        # A date line of its own beats a date inside later prose.
        ("Notice\n\n14 September 2018\n\nOn 1 October 2018 the rules take effect.", "2018-09-14"),
        # Dates near the top win over dates far below.
        ("A talk on 2 May 2019.\n" + "x" * 3000 + "\nA meeting on 1 June 2020.", "2019-05-02"),
    ],
)
def test_publication_date_prefers_labels_lines_and_the_top(text: str, date: str) -> None:
    assert find_publication_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "Three-year Action Plan (2019-2021)",  # a plan period is not a date
        "The 2021-2025 plan period",
        "By July 2017, Guangzhou has 280 incubators.",  # an as-of date, not publication
        "By 2021 the city will have 60 bases.",
        "Phone 2021-1234",
        "February 30, 2019",  # no such day
    ],
)
def test_publication_date_is_not_invented(text: str) -> None:
    assert find_publication_date(text) is None


# -- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, period",
    [
        ("Three-year Action Plan (2019-2021)", (2019, 2021)),
        ("the three-year plan 2018-2020 on innovation", (2018, 2020)),
        ("科技创新三年行动计划（2021—2025年）", (2021, 2025)),
        ("2021-2025年", (2021, 2025)),
        ("2021年至2025年", (2021, 2025)),
        ("“十四五”科技创新规划", (2021, 2025)),
        ("十三五时期", (2016, 2020)),
        ("第十四个五年规划", (2021, 2025)),
        ("The duration of the 13th Five-year Plan", (2016, 2020)),
        ("the Fourteenth Five-Year Plan", (2021, 2025)),
        ("During the 14th Five-Year Plan period (2021-2025), Guangdong", (2021, 2025)),
        ("（２０２１－２０２５年）", (2021, 2025)),
    ],
)
def test_period_forms(text: str, period: tuple[int, int]) -> None:
    assert find_period(text) == period


@pytest.mark.parametrize(
    "text",
    [
        "Vision 2000-2035",  # longer than any plan
        "Update: 2021-11-04",
        "over three to five years (三五年)",
        "2025-2021",
        "Yangwan 2025 Innovation Isle",
    ],
)
def test_period_rejects_dates_long_spans_and_names(text: str) -> None:
    assert find_period(text) is None


def test_document_period_prefers_title_then_first_paragraph() -> None:
    text = (
        f"Plan\n\n{BODY} It runs from 2019 to 2021 (2019-2021).\n\nLater: (2030-2035) (2022-2024)."
    )
    assert build_document(text).period == (2019, 2021)
    assert build_document(text, title="Plan (2022-2024)").period == (2022, 2024)


# -- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Home | About | Contact\nCity news\nCity gains momentum\nUpdate: 2017-09-26\n" + BODY,
            "City gains momentum",
        ),
        ("Home> Innovation\n\nInnovation Plan 2021\n\n" + BODY, "Innovation Plan 2021"),
        (
            "Home> Innovation and Research\n\nInnovative and Research\n\nOn 1 May 2019, the city issued "
            "Action Plan for Innovation (2019-2021), starting eight actions.",
            "Action Plan for Innovation (2019-2021)",
        ),
        (
            "广州市人民政府关于印发科技创新规划的通知\n\n穗府〔2022〕1号\n\n（2022年1月5日）\n\n"
            + BODY_ZH,
            "广州市人民政府关于印发科技创新规划的通知",
        ),
        (
            "2019年9月30日，市政府印发《广州市科技创新三年行动计划（2019—2021年）》，部署八大行动。",
            "广州市科技创新三年行动计划（2019—2021年）",
        ),
        (BODY, None),
        ("", None),
    ],
)
def test_title_is_the_first_substantive_line(text: str, title: str | None) -> None:
    assert find_title(text) == title


# -- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        (BODY, "en"),
        (BODY_ZH, "zh"),
        ("到2025年，5G基站超过8万个，R&D投入达到GDP的3.5%。", "zh"),
        (BODY + " 粤ICP备案号 B2-20040244", "en"),
        ("2021 2025 3.5%", "en"),
    ],
)
def test_language_from_share_of_ideographs(text: str, lang: str) -> None:
    assert detect_language(text) == lang


# -- cleaning ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Home   |   About GZ   |   Directory   |   Contact Us   |   Help Center",
        "Government | Residents | Visitors | Business",
        "Home> Innovation and Scientific Research",
        "position: EnglishChannel > International Cooperation > Article",
        "当前位置：首页 > 政务公开 > 规划计划",
        "Share this with",
        "Back to previous",
        "【打印本页】",
        "Copyright © 2010 The People`s Government of Guangzhou Municipality.All RightsReserved",
        "Copyright ? Science and Technology Daily, All Rights Reserved",
        "版权所有：广州市人民政府",
        "Email: gzportal@gz.gov.cn ICP备案号:粤B2-20040244",
        "粤ICP备05080330号",
        "mailto: editor@example.com",
        "(Editor: Lei)",
        "责任编辑：王五",
        "If you find out anything wrong with the information, please tell us.",
        "— 14 —",
        "- 3 -",
        "Page 7 of 40",
        "第 5 页",
        "Page 2 of 9  |  Annual Innovation Review No. 31",
        "12 Harbour Road, Wan Chai | Tel: +852 2123 4567 | www.example.gov.hk",
        # footers by their shape: two or more contact parts between separators
        "City Hall, 12 Hertzog Boulevard, Cape Town 8001 | Call centre: 0860 103 089 | © 2025",
        "Port Authority S.A. | Av. Alves, s/n, Santos | CNPJ 44.837.524/0001-07 | Ombudsman: 0800 770 4000",
        "Contact the project team: team@example.govt.nz | 0800 840 610",
        "Innovation Fund | Ny Carlsberg Vej 80 | DK-1799 Copenhagen V | CVR 29 02 44 71",
        "Ministry of Economy · Monterrey, N.L., C.P. 64010 · Tel. 81 2033 5000",
    ],
)
def test_clean_removes_debris_lines(line: str) -> None:
    assert clean_text(f"{BODY}\n\n{line}\n\n{BODY_ZH}") == f"{BODY}\n\n{BODY_ZH}"


@pytest.mark.parametrize(
    "line",
    [
        "Guangzhou ranks top 3 among all Chinese cities in the number of innovative companies.",
        "Copyright protection will be strengthened for 5,000 firms by 2025.",
        "The company obtained an ICP licence and 12 patents in 2019.",
        "R&D spending > 3% of GDP | up from 2.5% | by 2025",
        "Growth > 10% > last year",
        "Home to nearly 70 percent of the universities in Guangdong province.",
        "BY :lifeofguangzhou.com",
        "Top News",  # a marker with the article still to come is not a tail
        "加强知识产权保护，维护版权所有人的合法权益。",
        "Back to basics: the city will fund 100 basic research projects.",
        "Page 3 lists the 45 firms selected in 2024.",
        "- 3 new laboratories will open by 2026",
        "The hotline (Tel: 12345) handled 8,000 calls in 2024, up 12%.",
        "Revenue 2024 | Target 2030",
        "Exports reached 4,500 units in 2024 · Imports 3,200 units in 2024",
        "Sales rose 5% | exports fell 2% | see www.example.org for the tables",
    ],
)
def test_clean_keeps_body_lines(line: str) -> None:
    text = f"{line}\n\n{BODY}"
    assert clean_text(text) == text


def test_clean_keeps_a_plain_text_pipe_table_but_not_a_menu_above_it() -> None:
    table = "Indicator | Unit | Target\nHi-tech firms | count | 12,000\nR&D share | percent | 3.1"
    text = f"Home | News | About | Contact\n\n{table}\n\n{BODY}"
    assert clean_text(text) == f"{table}\n\n{BODY}"


def test_clean_cuts_a_related_news_tail_after_the_article() -> None:
    article = "\n\n".join([BODY] * 10)
    tail = "Top News\n\nOther story headline\n\nA teaser for another story.\n\nCopyright ? Daily"
    assert clean_text(f"{article}\n\n\n{tail}") == article


def test_clean_cuts_only_a_short_final_tail_of_a_long_compilation() -> None:
    article = "\n\n".join([f"{BODY} {BODY} {BODY}"] * 4)  # paragraphs, not headlines
    tail = "Top News\n\nOther story headline"
    compilation = "\n\n".join([f"{article}\n\n{tail}"] * 5)
    cleaned = clean_text(compilation)
    assert cleaned == compilation.removesuffix(f"\n\n{tail}")
    long_block = "\n\n".join([BODY] * 40)  # far more than a few headlines
    text = f"{article}\n\nRelated links\n\n{long_block}"
    assert clean_text(text) == text


def test_clean_normalises_spacing_but_not_characters() -> None:
    raw = "\ufeffTitle  \r\n\r\n\r\n\r\n（一）到２０２５年，比重达到3.5%。\u00a0\rNext\u00a0line\u200b\n\n\n"
    assert clean_text(raw) == "Title\n\n（一）到２０２５年，比重达到3.5%。\nNext line"


def test_clean_is_idempotent_and_keeps_markdown_tables() -> None:
    raw = "| Indicator | Unit | Target |\n|---|---|---|\n| Labs | count | 30 |\n\nHome | News | About\n"
    once = clean_text(raw, "md")
    assert once == "| Indicator | Unit | Target |\n|---|---|---|\n| Labs | count | 30 |"
    assert clean_text(once, "md") == once


# -- outline ----------------------------------------------------------------------------------


def _outline(text: str, lang: str = "en") -> list[tuple[int, str | None, str]]:
    return [(s.level, s.number, s.title) for s in outline(text, lang)]


EN_CASES = [
    (
        "roman, numbered and bare",
        f"{BODY}\n\nI. Optimizing the environment\n{BODY}\n1. Reforming management\n\n{BODY}\n"
        f"2. Co-development of finance\n{BODY}\nII. Key goals\n{BODY}\n1. Fostering companies\n{BODY}",
        [
            (1, "I.", "Optimizing the environment"),
            (2, "1.", "Reforming management"),
            (2, "2.", "Co-development of finance"),
            (1, "II.", "Key goals"),
            (2, "1.", "Fostering companies"),
        ],
    ),
    (
        "bare headings over parenthesised items",
        f"{BODY}\n\nOverall Goal\n\n{BODY}\n\nEight Major Actions\n\n(1) Enhancing platforms\n\n{BODY}"
        f"\n\n(2) Making breakthroughs\n\n{BODY}",
        [
            (1, None, "Overall Goal"),
            (1, None, "Eight Major Actions"),
            (2, "(1)", "Enhancing platforms"),
            (2, "(2)", "Making breakthroughs"),
        ],
    ),
    (
        "a bare heading closes the numbered list before it",
        f"{BODY}\n\n5 key objectives\n\n1. Expanding channels\n\n{BODY}\n\n5 protective measures:\n\n"
        f"1. Policy protection\n\n{BODY}",
        [
            (1, None, "5 key objectives"),
            (2, "1.", "Expanding channels"),
            (1, None, "5 protective measures"),
            (2, "1.", "Policy protection"),
        ],
    ),
    (
        "chapters and articles",
        f"{BODY}\n\nChapter 1 General Provisions\n\nArticle 1 {BODY}\n\nArticle 2\n\n{BODY}\n\n"
        f"Chapter 2: Funding\n\nArticle 3 {BODY}",
        [
            (1, "Chapter 1", "General Provisions"),
            (2, "Article 1", "Article 1"),
            (2, "Article 2", "Article 2"),
            (1, "Chapter 2", "Funding"),
            (2, "Article 3", "Article 3"),
        ],
    ),
    (
        "(1) outside 1. when it comes first",
        f"{BODY}\n\n(1) Talent\n\n1. Recruiting scientists\n\n{BODY}\n\n(2) Funding\n\n{BODY}",
        [(1, "(1)", "Talent"), (2, "1.", "Recruiting scientists"), (1, "(2)", "Funding")],
    ),
    (
        "first sentence of a numbered line is its heading",
        f"{BODY}\n\n1. Policy protection. Promoting funding for cross-border research in the region, "
        "and supporting technological small and medium enterprises in the Guangzhou region.",
        [(1, "1.", "Policy protection")],
    ),
    (
        "long numbered paragraphs and sentences are not headings",
        f"{BODY}\n\n1. By the end of 2021, the city will have over 12,000 Hi-tech companies, with outputs "
        "of Hi-tech products accounting for 51% of the total of industrial enterprises above designated "
        "size, and 10,000 companies under incubation, which is a lot more than before.\n\n"
        "The city ranks first.\n\nCanton Tower, at the south bank of the Pearl River, is a landmark.\n\n"
        f"{BODY}",
        [],
    ),
    (
        "the first line is the title, not a section",
        f"The ecosphere gains momentum\n{BODY}\n\nInnovative talents\n\n{BODY}",
        [(1, None, "Innovative talents")],
    ),
    (
        "headings right under the title",
        f"Three-year Plan\n\nPublished: 3 March 2020\n\nOverall Goal\n\n{BODY}\n\nActions\n\n{BODY}",
        [(1, None, "Overall Goal"), (1, None, "Actions")],
    ),
    (
        "markdown headings",
        f"# Plan\n\n{BODY}\n\n## Goals\n\n1. Labs\n\n{BODY}\n\n## Measures\n\n{BODY}",
        [(1, None, "Plan"), (2, None, "Goals"), (3, "1.", "Labs"), (2, None, "Measures")],
    ),
    (
        "a lead-in sentence ending in a colon is not a heading",
        f"{BODY}\n\nThe Action Plan includes the following key measures:\n\n1. Policy protection\n\n{BODY}",
        [(1, "1.", "Policy protection")],
    ),
    (
        "numbered target sentences are items, not headings",
        f"{BODY}\n\nKey targets\n\n1. By 2025, the city will have 30 labs.\n\n"
        "2. Spending on R&D will reach 3.5% of GDP by 2025.\n\n3. Focusing on open innovation.\n\n"
        f"{BODY}",
        [(1, None, "Key targets"), (2, "3.", "Focusing on open innovation")],
    ),
    (
        "numbers that are not list items",
        f"{BODY}\n\n1.5 billion yuan was invested in 2019 by the city.\n\n2017. A year.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in EN_CASES], ids=[c[0] for c in EN_CASES])
def test_outline_english(text: str, expected: list) -> None:
    assert _outline(text) == expected


ZH_CASES = [
    (
        "一、 （一） 1. （1） nest in order",
        f"{BODY_ZH}\n\n一、总体目标\n\n{BODY_ZH}\n\n（一）加强基础研究。实施基础研究十年行动，到2025年基础研究经费占比达到15%。\n\n"
        f"1. 建设国家实验室\n\n{BODY_ZH}\n\n（1）推进大科学装置建设\n\n{BODY_ZH}\n\n2、培育创新型企业\n\n{BODY_ZH}\n\n"
        f"(二)强化企业创新主体地位\n\n{BODY_ZH}\n\n二、重点任务\n\n{BODY_ZH}",
        [
            (1, "一、", "总体目标"),
            (2, "（一）", "加强基础研究"),
            (3, "1.", "建设国家实验室"),
            (4, "（1）", "推进大科学装置建设"),
            (3, "2、", "培育创新型企业"),
            (2, "(二)", "强化企业创新主体地位"),
            (1, "二、", "重点任务"),
        ],
    ),
    (
        "chapters, sections and articles",
        f"第一章 总则\n\n第一节 指导思想\n\n{BODY_ZH}\n\n第一条 为了加快科技创新，根据有关法律法规，制定本办法。\n\n"
        f"第二条　本办法适用于本市。\n\n第二章 保障措施\n\n{BODY_ZH}",
        [
            (1, "第一章", "总则"),
            (2, "第一节", "指导思想"),
            (3, "第一条", "第一条"),
            (3, "第二条", "第二条"),
            (1, "第二章", "保障措施"),
        ],
    ),
    (
        "a long numbered paragraph is body",
        f"{BODY_ZH}\n\n（一）到2025年，全市研发经费支出占地区生产总值比重达到3.5%，高新技术企业数量超过15000家，"
        "科技型中小企业超过20000家，技术合同成交额超过3000亿元，基础研究经费占比达到15%左右。",
        [],
    ),
    (
        "numbered targets with figures are not headings",
        f"{BODY_ZH}\n\n（一）主要目标\n\n1．到2025年，高新技术企业超过1.5万家。\n\n"
        "2．基础研究经费占比达到15%。研发投入持续增加。\n\n3．加强基础研究。\n\n",
        [(1, "（一）", "主要目标"), (2, "3．", "加强基础研究")],
    ),
    (
        "an addressee line is not a heading",
        f"关于印发规划的通知\n\n各区人民政府，市政府各部门、各直属机构：\n\n{BODY_ZH}",
        [],
    ),
    (
        "a short bare line before a paragraph is a heading",
        f"{BODY_ZH}\n\n保障措施\n\n{BODY_ZH}",
        [(1, None, "保障措施")],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ZH_CASES], ids=[c[0] for c in ZH_CASES])
def test_outline_chinese(text: str, expected: list) -> None:
    assert _outline(text, "zh") == expected


def test_outline_skips_the_given_title_below_a_channel_label() -> None:
    text = f"City news\nThe ecosphere gains momentum\n{BODY}\n\nInnovative talents\n\n{BODY}"
    assert _outline(text)[0] == (1, None, "The ecosphere gains momentum")
    titles = [s.title for s in outline(text, title="The ecosphere gains momentum")]
    assert titles == ["Innovative talents"]


def test_outline_ranges_cover_each_section_up_to_the_next_peer() -> None:
    text = (
        f"{BODY}\n\nOverall Goal\n\n{BODY}\n\nActions\n\n(1) Labs\n\n{BODY}\n\n(2) Firms\n\n{BODY}"
    )
    goal, actions, labs, firms = outline(text)
    assert text[goal.start : goal.heading_end] == "Overall Goal"
    assert goal.end == actions.start and actions.end == len(text)
    assert labs.end == firms.start and firms.end == len(text)
    assert text[labs.start : labs.heading_end] == "(1) Labs"


def test_build_document_detects_everything_from_raw_text() -> None:
    raw = (
        "首页 | 新闻 | 政务\n广州市科技创新“十四五”规划\n发布时间：2022-01-05\n\n"
        f"{BODY_ZH}\n\n一、总体目标\n\n{BODY_ZH}\n\n版权所有：广州市人民政府\n"
    )
    doc = build_document(raw, source="memory")
    assert (doc.title, doc.date, doc.period, doc.lang) == (
        "广州市科技创新“十四五”规划",
        "2022-01-05",
        (2021, 2025),
        "zh",
    )
    assert "首页" not in doc.text and "版权所有" not in doc.text
    assert [s.title for s in doc.sections] == ["总体目标"]
    assert doc.source == "memory" and doc.id == type(doc).content_id(doc.text)


# -- properties -------------------------------------------------------------------------------

_LINES = [
    "",
    "",
    BODY,
    BODY_ZH,
    "Overall Goal",
    "5 protective measures:",
    "(1) Enhancing platforms",
    "1. Policy protection",
    "II. Key goals",
    "一、总体目标",
    "（一）加强基础研究。",
    "第二章 保障措施",
    "Home | About | Contact",
    "Home> News",
    "Copyright © 2010 City. All Rights Reserved",
    "Top News",
    "Update: 2017-09-26",
    "（2022年1月5日）",
    "  indented line\u00a0 ",
    "\ufefftext with BOM\r",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=30), st.sampled_from(["en", "zh"]))
def test_cleaning_is_idempotent_and_outline_ranges_nest(lines: list[str], lang: str) -> None:
    text = clean_text("\n".join(lines))
    assert clean_text(text) == text
    assert "\n\n\n" not in text and not text.startswith("\n")
    sections = outline(text, lang)
    assert [s.start for s in sections] == sorted(s.start for s in sections)
    for i, s in enumerate(sections):
        assert 0 <= s.start < s.heading_end <= s.end <= len(text)
        if s.level > 1:
            parents = [p for p in sections[:i] if p.level == s.level - 1]
            assert parents and parents[-1].start < s.start and s.end <= parents[-1].end


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_finders_never_fail_on_any_text(text: str) -> None:
    date = find_publication_date(text)
    assert date is None or len(date) in (4, 7, 10)
    period = find_period(text)
    assert period is None or period[0] < period[1] <= period[0] + 15
    assert detect_language(text) in ("en", "zh")
    title = find_title(text)
    assert title is None or (title.strip() == title and "\n" not in title)
    build_document(text)
