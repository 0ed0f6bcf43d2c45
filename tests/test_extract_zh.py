"""Unit tests of the Chinese component: numerals, quantities, dates, comparators,
kinds, indicators, regions and what is not an item."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalpost.extract._types import SentenceContext
from goalpost.extract._zh import extract_sentence, extract_zh_text
from goalpost.extract._zh_dates import parse_zh_times, plan_period_end
from goalpost.extract._zh_numbers import normalize_zh, numeral_value
from goalpost.extract._zh_quantities import parse_zh_numbers, parse_zh_quantities


def _ctx(text: str, **kw) -> SentenceContext:
    kw.setdefault("doc_date", "2021-06-01")
    kw.setdefault("doc_region", "Guangzhou")
    return SentenceContext(text=text, start=0, end=len(text), doc_id="d", lang="zh", **kw)


# --- numerals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "value"),
    [
        ("1.2万", 12000),
        ("1200亿", 1.2e11),
        ("3.3万亿", 3.3e12),
        ("500多亿", 5e10),
        ("一万二千", 12000),
        ("两千五百", 2500),
        ("二十二", 22),
        ("十五点三", 15.3),
        ("一千零五", 1005),
        ("两千四百五", 2450),
        ("一万三", 13000),
        ("四亿五千六百四十二万零一十五", 456420015),
        ("3万4000", 34000),
        ("5万4千6百", 54600),
        ("1,100万", 1.1e7),
        ("二〇二五", 2025),
        ("十几万", 100000),
        ("零点五", 0.5),
    ],
)
def test_numeral_values(run: str, value: float) -> None:
    got = numeral_value(run)
    assert got is not None
    assert got[0] == pytest.approx(value)


@pytest.mark.parametrize("run", ["万", "亿", "二三十", "十三五", "百千"])
def test_numerals_that_are_not_numbers(run: str) -> None:
    assert numeral_value(run) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１．２萬家", "1.2万家"),
        ("增長１５．３％", "增长15.3%"),
        ("４，５６５", "4,565"),
        ("研发，创新", "研发，创新"),
        ("兩千億元", "两千亿元"),
    ],
)
def test_normalisation_keeps_length_and_maps_characters(text: str, expected: str) -> None:
    out = normalize_zh(text)
    assert out == expected
    assert len(out) == len(text)


# --- quantities, units, comparators ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "comparator"),
    [
        ("高新技术企业1.2万家", 12000, "count", "="),
        ("研发投入1200亿元", 1.2e11, "CNY", "="),
        ("地区生产总值3.3万亿元", 3.3e12, "CNY", "="),
        ("研发投入强度3.1%", 3.1, "%", "="),
        ("提高0.3个百分点", 0.3, "pp", "="),
        ("百分之十五点三", 15.3, "%", "="),
        ("七成", 70, "%", "="),
        ("三分之一", 100 / 3, "%", "="),
        ("千分之五", 0.5, "%", "="),
        ("引进资金500多亿元", 5e10, "CNY", ">"),
        ("孵化器10余家", 10, "count", ">"),
        ("超过1.2万家", 12000, "count", ">"),
        ("突破1000亿元", 1e11, "CNY", ">"),
        ("高于3%", 3, "%", ">"),
        ("逾百家", 100, "count", ">"),
        ("达到1200亿元以上", 1.2e11, "CNY", ">="),
        ("不少于20家", 20, "count", ">="),
        ("不低于4%", 4, "%", ">="),
        ("至少有10个", 10, "count", ">="),
        ("约4000家", 4000, "count", "~"),
        ("近9000家", 9000, "count", "~"),
        ("5%左右", 5, "%", "~"),
        ("大约200人", 200, "count", "~"),
        ("控制在0.6吨以内", 0.6, "t", "<="),
        ("不超过5%", 5, "%", "<="),
        ("3%以下", 3, "%", "<="),
        ("低于5%", 5, "%", "<"),
        ("不足100家", 100, "count", "<"),
        ("1000万美元", 1e7, "USD", "="),
        ("2亿欧元", 2e8, "EUR", "="),
        ("人民币50亿元", 5e9, "CNY", "="),
        ("100亿港元", 1e10, "HKD", "="),
        ("两千五百万人次", 2.5e7, "count", "="),
        ("建成10座", 10, "count", "="),
        ("培养5000名", 5000, "count", "="),
        ("面积10平方公里", 10, "sq km", "="),
        ("研发人员25万人年", 250000, "person-years", "="),
        ("增长1.5倍", 1.5, "times", "="),
        ("上万家企业", 10000, "count", ">="),
        ("过亿元", 1e8, "CNY", ">"),
        ("约占全国的1/3", 100 / 3, "%", "~"),
        ("装机容量100万千瓦", 1e6, "kW", "="),
        ("中欧班列开行1.2万列", 12000, "count", "="),
        ("单个项目最高资助3000万元", 3e7, "CNY", "<="),
        ("大于或者等于4,565", 4565, "", ">="),
    ],
)
def test_quantities_value_unit_comparator(
    text: str, value: float, unit: str, comparator: str
) -> None:
    qs = parse_zh_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert (q.value, q.unit, q.comparator) == (pytest.approx(value), unit, comparator)
    assert text[q.start : q.end] == q.surface


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("1-2个", 1, 2, "count"),
        ("一至两个", 1, 2, "count"),
        ("3%-5%", 3, 5, "%"),
        ("3-5%", 3, 5, "%"),
        ("10到20家", 10, 20, "count"),
        ("5000-6000亿元", 5e11, 6e11, "CNY"),
        ("1.5～2万家", 15000, 20000, "count"),
        ("2至3个百分点", 2, 3, "pp"),
        ("在3%和5%之间", 3, 5, "%"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    (q,) = parse_zh_quantities(text)
    assert (q.comparator, q.value, q.value_max, q.unit) == (
        "range",
        pytest.approx(low),
        pytest.approx(high),
        unit,
    )


@pytest.mark.parametrize(
    ("text", "value", "growth"),
    [
        ("同比增长11.6%", 11.6, True),
        ("年均增长7%以上", 7, True),
        ("比上年增长8.5%", 8.5, True),
        ("提高2个百分点", 2, True),
        ("增速达到9%", 9, True),
        ("下降3.9%", -3.9, True),
        ("持续保持10%以上增长", 10, True),
        ("实现6%的增长", 6, True),
        ("同比减少1.2%", -1.2, True),
        ("比重提高到3.5%", 3.5, False),
        ("降低至2%", 2, False),
        ("达到3.5%", 3.5, False),
    ],
)
def test_growth_sense_and_sign(text: str, value: float, growth: bool) -> None:
    (q,) = parse_zh_quantities(text)
    assert (q.value, q.growth) == (pytest.approx(value), growth)


@pytest.mark.parametrize(
    "text",
    [
        "第十四个五年规划",
        "穗府函〔2018〕224号",
        "粤ICP备05080307号",
        "粤公网安备44010402001023号",
        "2025年",
        "1-11月",
        "2023年10月1日",
        "位居全国第二位",
        "连续进入前三",
        "连续14年",
        "千亿级产业集群",
        "世界500强",
        "“十四五”期间",
        "5G网络",
        "统一部署",
        "登陆部队",
        "坚持“四个面向”",
        "每万人口",
        "访问 https://www.gz.gov.cn/a/2023/5678.html",
        "数千家企业",
        "成千上万家",
        "是2015年的7倍、4倍",
        "博览会会期4天",
        "培训为期两天",
    ],
)
def test_not_quantities(text: str) -> None:
    assert parse_zh_quantities(text) == []


def test_offsets_shift_and_full_width_digits_keep_their_place() -> None:
    text = "全市研发投入达到１２００亿元，增长１５．３％。"
    qs = parse_zh_quantities(text, offset=100)
    assert [(q.value, q.unit) for q in qs] == [(1.2e11, "CNY"), (15.3, "%")]
    assert [text[q.start - 100 : q.end - 100] for q in qs] == ["１２００亿元", "１５．３％"]


def test_number_layer_reads_numerals_without_unit_factors() -> None:
    assert parse_zh_numbers("十斤苹果和199个梨") == [(0, 1, 10.0), (5, 8, 199.0)]


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "role"),
    [
        ("到2025年，", "2025", "deadline"),
        ("到2021年底", "2021", "deadline"),
        ("截至2023年底", "2023", "asof"),
        ("截至2023年6月底", "2023-06", "asof"),
        ("2022年，", "2022", "point"),
        ("二〇二五年", "2025", "point"),
        ("今年", "2023", "point"),
        ("去年", "2022", "point"),
        ("上年", "2022", "point"),
        ("明年", "2024", "point"),
        ("上半年", "2023-06", "point"),
        ("前三季度", "2023-09", "point"),
        ("1-11月", "2023-11", "point"),
        ("2023年1—6月", "2023-06", "point"),
        ("“十四五”期间", "2025", "deadline"),
        ("到“十四五”末", "2025", "deadline"),
        ("“十三五”时期", "2020", "deadline"),
        ("2025年前", "2025", "deadline"),
        ("2021—2025年", "2025", "deadline"),
        ("2023年12月31日", "2023-12-31", "point"),
        ("今后五年", "2027", "deadline"),
        ("力争三年内", "2025", "deadline"),
        ("到本世纪中叶", "2050", "deadline"),
    ],
)
def test_time_expressions(text: str, date: str, role: str) -> None:
    times = parse_zh_times(text, doc_date="2023-12-10")
    assert [(t.date, t.role) for t in times][:1] == [(date, role)]


@pytest.mark.parametrize("text", ["比上年增长5%", "较2020年提高", "与去年同期相比", "2018年以来"])
def test_comparison_bases_do_not_date_a_figure(text: str) -> None:
    assert [t for t in parse_zh_times(text, doc_date="2023-12-10") if t.role != "since"] == []


@pytest.mark.parametrize(
    ("title", "end"),
    [("广州市科技创新“十四五”规划", 2025), ("十三五规划纲要", 2020), ("年度报告", None)],
)
def test_plan_period_end(title: str, end: int | None) -> None:
    assert plan_period_end(title) == end


# --- items: kind, date, indicator, region --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_date", "is_plan", "kind", "date"),
    [
        ("到2025年，全市高新技术企业达到1.5万家。", "2021-06-01", True, "target", "2025"),
        ("力争新增上市企业30家。", "2021-06-01", True, "target", None),
        ("确保研发投入强度不低于3%。", "2021-06-01", False, "target", None),
        ("2020年，全市高新技术企业达到1.2万家。", "2021-06-01", True, "observation", "2020"),
        ("截至2020年底，全市已有孵化器380家。", "2021-06-01", True, "observation", "2020"),
        ("全年技术合同成交额1200亿元，同比增长11.2%。", "2021-06-01", False, "observation", None),
        ("预计全年地区生产总值增长6%左右。", "2021-11-01", False, "observation", "2021"),
        ("今年的主要预期目标是：研发投入增长10%以上。", "2021-02-01", False, "target", "2021"),
        ("“十四五”期间，研发投入年均增长12%以上。", "2021-06-01", True, "target", "2025"),
        ("去年全市新增高新技术企业2000家。", "2021-06-01", False, "observation", "2020"),
        ("政府已预留超过100亿元。", "2021-06-01", False, "observation", None),
        ("政府会预留100亿元。", "2021-06-01", False, "target", None),
        ("全年争取中央资金约6.2亿元。", "2023-01-20", False, "observation", "2022"),
    ],
)
def test_kind_and_date(
    text: str, doc_date: str, is_plan: bool, kind: str, date: str | None
) -> None:
    res = extract_sentence(_ctx(text, doc_date=doc_date, doc_is_plan=is_plan))
    assert res.items
    assert res.items[0].kind == kind
    if date:
        assert res.items[0].date == date


def test_governing_date_from_a_lead_sentence_reaches_the_list() -> None:
    text = "到2025年，主要目标如下：高新技术企业达到1.5万家；孵化器达到300家。"
    items = extract_zh_text(text, doc_date="2021-06-01", doc_is_plan=True)
    assert [(i.value, i.date, i.kind) for i in items] == [
        (15000, "2025", "target"),
        (300, "2025", "target"),
    ]


@pytest.mark.parametrize(
    ("text", "governing"),
    [
        ("到2025年，", "2025"),
        ("（一）到2025年主要目标", "2025"),
        ("力争到2021年底，全市：", "2021"),
        ("主要目标：到2030年，", "2030"),
        ("全市高新技术企业达到1.5万家。", None),
        ("2020年，全市高新技术企业达到1.2万家。", "2020"),
        ("截至2023年底，全市：", "2023"),
        ("今年一季度，全市：", "2021-03"),
        ("全市2020年高新技术企业达到1.2万家。", None),
    ],
)
def test_sentences_that_set_a_governing_date(text: str, governing: str | None) -> None:
    assert extract_sentence(_ctx(text)).sets_governing_date == governing


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("全社会研发经费投入达到1200亿元", "全社会研发经费投入"),
        ("培育高新技术企业1.2万家", "高新技术企业"),
        ("建成10个新型研发机构", "新型研发机构"),
        ("研发经费投入占地区生产总值比重达到3.5%", "研发经费投入占地区生产总值比重"),
        ("到2025年，全市技术合同成交额突破2000亿元", "技术合同成交额"),
        ("力争全市独角兽企业数量达到20家", "独角兽企业数量"),
        ("地区生产总值年均增长6%", "地区生产总值"),
    ],
)
def test_indicator_phrase_as_written(text: str, indicator: str) -> None:
    (item,) = extract_sentence(_ctx(text)).items
    assert item.indicator == indicator
    assert text[item.indicator_start : item.indicator_end] == indicator


def test_respectively_pairs_names_with_values() -> None:
    text = "技术合同成交额、高新技术产品产值分别达到1000亿元、1.2万亿元。"
    items = extract_sentence(_ctx(text)).items
    assert [(i.indicator, i.value) for i in items] == [
        ("技术合同成交额", 1e11),
        ("高新技术产品产值", 1.2e12),
    ]


@pytest.mark.parametrize(
    ("text", "doc_region", "region"),
    [
        ("全市高新技术企业达到1.2万家", "Guangzhou", "Guangzhou"),
        ("全省高新技术企业达到6万家", "Guangzhou", "Guangdong"),
        ("全国高新技术企业达到40万家", "Guangzhou", "China"),
        ("深圳市高新技术企业超过2.3万家", "Guangzhou", "Shenzhen"),
        ("高新技术企业达到1.2万家，占全国的3%", "Guangzhou", "Guangzhou"),
    ],
)
def test_region_of_an_item(text: str, doc_region: str, region: str) -> None:
    items = extract_sentence(_ctx(text, doc_region=doc_region)).items
    assert items[0].region == region


@pytest.mark.parametrize(
    "text",
    [
        "对新认定的国家高新技术企业给予一次性奖励30万元。",
        "对年度研发投入超过1000万元的企业给予最高200万元补助。",
        "单个项目最高资助3000万元。",
    ],
)
def test_per_unit_incentives_are_not_items(text: str) -> None:
    assert extract_sentence(_ctx(text)).items == []


def test_a_past_period_lead_governs_statistics() -> None:
    text = "“十三五”期间，全市高新技术企业达到7420家；技术合同成交额突破1000亿元。"
    items = extract_zh_text(text, doc_date="2021-08-20", doc_is_plan=True)
    assert [(i.kind, i.date) for i in items] == [("observation", "2020")] * 2


def test_a_threshold_qualifying_a_noun_is_not_a_figure() -> None:
    items = extract_sentence(_ctx("年产值超过10亿元的企业达到50家。")).items
    assert [(i.value, i.unit) for i in items] == [(50, "count")]


def test_per_capita_ratio_unit() -> None:
    (item,) = extract_sentence(_ctx("每万人口发明专利拥有量达到40件")).items
    assert (item.value, item.unit) == (40, "per 10,000 people")


@pytest.mark.parametrize(
    "text",
    [
        "本规划包括八大行动、三十项重点任务和五项保障措施。",
        "实施十大工程，完善三项机制。",
        "一是强化企业创新主体地位，二是完善创新生态。",
        "广州市连续14年获评全国创新型城市，位居全国第三位。",
        "根据《关于印发科技创新“十四五”规划的通知》（穗府〔2022〕4号）要求。",
        "三次产业结构为1.8:29.4:68.8。",
    ],
)
def test_sentences_without_items(text: str) -> None:
    assert extract_sentence(_ctx(text)).items == []


def test_items_carry_document_offsets_and_sentence_fields() -> None:
    text = "前言。到2021年底，全市高新技术企业超过1.2万家。"
    start = text.index("到")
    ctx = SentenceContext(
        text=text,
        start=start,
        end=len(text),
        doc_id="doc",
        lang="zh",
        doc_date="2019-09-30",
        doc_region="Guangzhou",
        doc_is_plan=True,
        section="一、总体目标",
    )
    (item,) = extract_sentence(ctx).items
    assert "1.2万家" in text[item.start : item.end]
    assert (item.sentence_start, item.sentence_end, item.sentence) == (
        start,
        len(text),
        text[start:],
    )
    assert (item.doc, item.lang, item.section) == ("doc", "zh", "一、总体目标")


def test_traditional_characters_are_read() -> None:
    (a, b) = extract_sentence(
        _ctx("到2025年，全市高新技術企業數量超過2.5萬家，研發經費投入強度達到5.5%左右。")
    ).items
    assert (a.value, a.comparator, a.indicator) == (25000, ">", "高新技術企業數量")
    assert (b.value, b.comparator) == (5.5, "~")


def test_english_words_inside_a_chinese_sentence() -> None:
    items = extract_sentence(_ctx("全市5G基站累计建成7.6万座，AI企业超过1000家。")).items
    assert [(i.value, i.comparator, i.indicator) for i in items] == [
        (76000, "=", "5G基站"),
        (1000, ">", "AI企业"),
    ]


# --- robustness ------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list(
        "0123456789.,%-~年月日到至约超过以上下左右万亿千百十一二两三五七九零点成分之个家元美亿人次第前全市省国，。；：（）“”"
    )
    + ["１", "．", "％", "萬", "億", "個", "a", "G", " ", "\n", "百分之", "个百分点", "分别", "、"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=60).map("".join),
    st.text(max_size=20),
    st.sampled_from(["2022-05-01", "2022", None, "2023年5月", "", "20xx-13"]),
    st.sampled_from(["广州市科技创新“十四五”规划", None, "", "2023年统计公报"]),
    st.sampled_from(["Guangzhou", None, "Atlantis", "China"]),
)
def test_arbitrary_text_never_raises_and_spans_are_valid(
    body: str, noise: str, doc_date: str | None, title: str | None, region: str | None
) -> None:
    text = noise + body
    start = len(noise) // 2
    ctx = SentenceContext(
        text=text,
        start=start,
        end=len(text),
        doc_id="h",
        lang="zh",
        doc_date=doc_date,
        doc_title=title,
        doc_region=region,
        doc_is_plan=bool(title),
        governing_date=doc_date,
    )
    res = extract_sentence(ctx)
    for item in res.items:
        assert start <= item.start <= item.end <= len(text)
        assert item.unit and item.kind in ("target", "observation")
        if item.indicator_start is not None:
            assert text[item.indicator_start : item.indicator_end] == item.indicator
    for q in parse_zh_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.surface


@pytest.mark.parametrize(
    ("title", "doc_date", "date"),
    [
        ("2024年北京市政府工作报告", "2024-01-21", "2023"),
        ("武汉市2023年国民经济和社会发展统计公报", "2024-03-20", "2023"),
        ("厦门市科技局2022年工作总结", "2023-01-20", "2022"),
        ("广州科创企业加速集聚", "2017-09-26", "2017"),
    ],
)
def test_undated_statistics_take_the_year_the_document_is_about(
    title: str, doc_date: str, date: str
) -> None:
    ctx = _ctx("高新技术企业超过1.2万家。", doc_title=title, doc_date=doc_date)
    (item,) = extract_sentence(ctx).items
    assert (item.kind, item.date) == ("observation", date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 新增/净增 counts are additions (growth), not stocks
        ("新增上市企业30家", [(30, "count", "=", True)]),
        ("全市高新技术企业净增1300家", [(1300, "count", "=", True)]),
        # one comparator governs a listed value; a second tier shares the growth sense
        (
            "高新技术企业、科技型中小企业分别超过1万家、2万家",
            [(10000, "count", ">", False), (20000, "count", ">", False)],
        ),
        ("地区生产总值确保增长6%、力争7%", [(6, "%", "=", True), (7, "%", "=", True)]),
        # a duration that is the indicator's value
        ("审查周期压减至16个月以内", [(16, "month", "<=", False)]),
        ("连续3个月增长", []),
    ],
)
def test_lists_additions_and_durations(text: str, expected: list[tuple]) -> None:
    got = [(q.value, q.unit, q.comparator, q.growth) for q in parse_zh_quantities(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "研发费用加计扣除比例提高到100%。",
        "据IDC预测，到2025年中国人工智能市场规模将达到1000亿美元。",
        "建设两个中心。",
    ],
)
def test_policy_parameters_and_projections_are_not_items(text: str) -> None:
    assert extract_sentence(_ctx(text)).items == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("全年市财政安排科技专项资金约25亿元。", "target"),
        ("设立规模100亿元的科技创新基金。", "target"),
        ("新增两院院士两人。", "observation"),
    ],
)
def test_budgets_are_commitments_and_two_people_count(text: str, kind: str) -> None:
    (item,) = extract_sentence(_ctx(text, doc_date="2023-05-31")).items
    assert item.kind == kind


@pytest.mark.parametrize(
    ("text", "year", "indicators"),
    [
        (
            "到2027年，全市实现以下目标：\n1. 核心产业规模突破500亿元；\n2. 培育高新技术企业300家以上；",
            "2027",
            ["核心产业规模", "高新技术企业"],
        ),
        (
            "到2026年，主要目标如下：\n（一）研发投入强度达到3.5%；\n（二）新增专精特新企业200家以上。",
            "2026",
            ["研发投入强度", "新增专精特新企业"],
        ),
    ],
)
def test_a_lead_deadline_governs_a_numbered_list(
    text: str, year: str, indicators: list[str]
) -> None:
    from goalpost.extract import extract_text

    items = extract_text(text, date="2023-03-01")
    assert [i.indicator for i in items] == indicators
    assert {(i.kind, i.date) for i in items} == {("target", year)}


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("到2025年，至少建成1家国家级创新中心。", 1.0, ">="),
        ("到2025年，每年至少培育3家龙头企业。", 3.0, ">="),
        ("到2025年，最多支持5个重大项目。", 5.0, "<="),
        ("2022年最近建成3家研究院。", 3.0, "="),
    ],
)
def test_a_bound_before_the_plan_verb(text: str, value: float, comparator: str) -> None:
    from goalpost.extract import extract_text

    (item,) = extract_text(text, date="2023-03-01")
    assert (item.value, item.comparator) == (value, comparator)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # 计划 as a verb of intent; the year in progress
        ("今年，起步区计划实施重点项目150个，年度计划投资不低于500亿元。", "2025-03-03",
         [("target", 150.0, "="), ("target", 50000000000.0, ">=")]),
        # a baseline's 去年 does not make the new level a statistic
        ("今年，全市将推动数字经济比重由去年的45%提高到48%。", "2025-01-25",
         [("observation", 45.0, "="), ("target", 48.0, "=")]),
        # the same change reported as done stays a statistic
        ("2024年，全市数字经济比重由上年的42%提高到45%。", "2025-01-25",
         [("observation", 42.0, "="), ("observation", 45.0, "=")]),
        # one comparator down a list joined by 、 and 和
        ("到2027年，累计建设概念验证中心、中试平台和孵化器分别超过30个、50个和100个。", "2025-06-12",
         [("target", 30.0, ">"), ("target", 50.0, ">"), ("target", 100.0, ">")]),
        # units of computing power and air quality
        ("到2025年底，算力规模超过80EFLOPS，PM2.5年均浓度控制在25微克/立方米以内。", "2024-11-20",
         [("target", 80.0, ">"), ("target", 25.0, "<=")]),
    ],
)  # fmt: skip
def test_plan_verbs_baselines_and_listed_comparators(
    text: str, date: str, expected: list[tuple]
) -> None:
    from goalpost.extract import extract_text

    items = extract_text(text, date=date)
    assert [(i.kind, i.value, i.comparator) for i in items] == expected


@pytest.mark.parametrize(
    "text",
    [
        "对规模以上工业企业研发费用增长部分，按照15%给予补助，单个企业每年最高不超过300万元。",
        "对新认定的概念验证中心，按照建设投入的30%给予补助，最高500万元。",
        "业内专家认为，按照当前增速测算，国内先进封装市场规模到2028年将超过1000亿元。",
    ],
)
def test_subsidy_rates_caps_and_experts_views_are_not_items(text: str) -> None:
    from goalpost.extract import extract_text

    assert extract_text(text, date="2025-05-30") == []


def test_a_colon_lead_of_targets_governs_its_later_clauses() -> None:
    from goalpost.extract import extract_text

    text = (
        "2024年，全市地区生产总值达到1.42万亿元。\n\n2025年全市的主要目标是：地区生产总值增长5.5%；"
        "数字经济规模突破8000亿元；全年完成重点项目投资2000亿元。全年完成重点项目投资1800亿元。"
    )
    items = extract_text(text, date="2025-01-15")
    assert [(i.kind, i.value) for i in items] == [
        ("observation", 1420000000000.0),
        ("target", 5.5),
        ("target", 800000000000.0),
        ("target", 200000000000.0),
        ("observation", 180000000000.0),  # after the full stop the lead no longer governs
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2027年，培育科创板上市企业十五家左右。", [(15.0, "count", "2027")]),  # 十五 is 15 here
        ("制造业机器人密度达到每万名工人450台。", [(450.0, "per 10,000 workers", None)]),
        ("到2027年，动力电池产能达到300GWh。", [(300.0, "GWh", "2027")]),
        (
            "（二）完善零部件本地配套体系，企业达到50家。",
            [(50.0, "count", None)],
        ),  # 零部件 is a word
        ("赣州位列第68位，较上年前移3位。", []),
        ("注：本表统计范围为年主营业务收入2000万元及以上的工业法人单位。", []),
    ],
)
def test_fifteen_per_worker_ratios_and_words_that_are_no_figures(
    text: str, expected: list[tuple]
) -> None:
    from goalpost.extract import extract_text

    items = extract_text(text, date="2025-05-08")
    assert [(i.value, i.unit) for i in items] == [(v, u) for v, u, _ in expected]
    assert all(i.date == d for i, (_, _, d) in zip(items, expected, strict=True) if d)


def test_a_work_reports_task_section_holds_targets() -> None:
    from goalpost._models import Document
    from goalpost.documents import build_document
    from goalpost.extract import extract

    text = (
        "一、2024年工作回顾\n2024年，全市地区生产总值完成8200亿元。\n二、重点工作\n"
        "（一）加快培育新质生产力。新增高新技术企业、科技型中小企业分别超过800家、3000家。"
    )
    doc: Document = build_document(text, title="2025年石家庄市政府工作报告", date="2025-02-14")
    assert [(i.kind, i.value) for i in extract(doc)] == [
        ("observation", 820000000000.0),
        ("target", 800.0),
        ("target", 3000.0),
    ]


# --- the SARs' and Taiwan's currencies -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region", "value", "unit", "growth"),
    [
        ("2024年本市新創事業獲得投資金額達新臺幣286億元", "Taipei", 2.86e10, "TWD", False),
        ("今年將投入新台幣12.5億元推動智慧城市", "Taiwan", 1.25e9, "TWD", False),
        ("2024年共資助科研項目287個，資助金額約2.6億澳門元", "Macao", 2.6e8, "MOP", False),
        (
            "本地研發總開支在2023年達到約330億元",
            "Hong Kong",
            3.3e10,
            "HKD",
            False,
        ),  # 元 in HK's own text
        ("澳門研發經費2023年為15億元", "Macao", 1.5e9, "MOP", False),
        (
            "本地研发总开支在2023年达到约330亿元",
            "Hong Kong",
            3.3e10,
            "CNY",
            False,
        ),  # simplified: a mainland text
        (
            "本地研發總開支達到約330億元人民幣",
            "Hong Kong",
            3.3e10,
            "CNY",
            False,
        ),  # 人民幣 written out
        ("合作区实现地区生产总值252亿元", "Macao", 2.52e10, "CNY", False),
        ("2024年竹科營業額較2023年成長12.5%", "Taiwan", 12.5, "%", True),  # 成長: grew
    ],
)
def test_local_currencies_and_traditional_growth(text, region, value, unit, growth) -> None:
    items = extract_sentence(_ctx(text, doc_region=region)).items
    got = [(i.value, i.unit, i.growth) for i in items]
    assert (pytest.approx(value), unit, growth) in got, got


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("全市技术合同成交额完成460亿元，同比增长19.6%。", "observation", "2024"),
        ("全市高新技术企业总数达到4500家。", "observation", "2024"),
        ("2025年，我们将力争全市技术合同成交额达到520亿元。", "target", "2025"),
    ],
)
def test_summary_and_plan_title_reports_the_earlier_year(text, kind, date) -> None:
    """A "2024年工作总结和2025年工作计划" is a report first: its plain figures are facts of 2024."""
    items = extract_zh_text(text, doc_date="2025-01-10", doc_title="大连市科学技术局2024年工作总结和2025年工作计划",
                            doc_region="Dalian")  # fmt: skip
    assert items and (items[0].kind, items[0].date) == (kind, date), items
