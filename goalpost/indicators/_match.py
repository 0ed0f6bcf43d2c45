"""Fuzzy scoring of a normalised phrase against a normalised catalog name.

rapidfuzz's ``token_set_ratio`` scores a phrase that is a subset of a name
(or the reverse) at 100, which would make "high-tech enterprises net
increase" the same as "high-tech enterprises". So the score is the mean of
``token_set_ratio`` and ``token_sort_ratio`` (word order ignored, extra words
cost something), minus a fixed penalty for every *qualifier* word found on
one side only: words such as "net", "national", "key", "share", "per" that
turn one indicator into another. Chinese has no spaces, so character-level
``ratio``/``partial_ratio`` stand in, with the same qualifier penalty.
"""

from __future__ import annotations

from rapidfuzz import fuzz

__all__ = ["QUALIFIERS_EN", "QUALIFIERS_ZH", "fuzzy_score"]

#: English words (after normalisation) that change which indicator is meant.
_QUALIFIERS_EN_WORDS = (
    "net increase new newly added growth rate share national provincial key per capita 10k "
    "cumulative registered basic young youth international joint output valueadded granted "
    "grant application applied valid invention pct highvalue high value hightech gdp contract turnover "
    "enterprise sme incubation incubator makerspace laboratory center talent team "
    "manufacturing industrial technology r&d s&t patent"
)
QUALIFIERS_EN = frozenset(_QUALIFIERS_EN_WORDS.split())
#: Chinese substrings with the same role.
QUALIFIERS_ZH = (
    "国家级", "国家", "省", "净增", "新增", "占", "比重", "比例", "强度", "每万人", "增速",
    "增长", "累计", "重点", "基础", "授权", "申请", "有效", "高价值", "人均", "在孵", "孵化器",
    "众创", "实验室", "中心", "企业", "人才", "团队", "专利", "合同", "产值", "增加值",
)  # fmt: skip

PENALTY = 15.0


def _qualifier_diff_en(a: str, b: str) -> int:
    qa = set(a.split()) & QUALIFIERS_EN
    qb = set(b.split()) & QUALIFIERS_EN
    return len(qa ^ qb)


def _qualifier_diff_zh(a: str, b: str) -> int:
    diff = 0
    for q in QUALIFIERS_ZH:
        if (q in a) != (q in b):
            diff += 1
    return diff


def fuzzy_score(phrase: str, name: str, lang: str) -> float:
    """How well a normalised phrase matches a normalised name, 0-100.

    >>> fuzzy_score("hightech enterprise certified", "hightech enterprise", "en") > 85
    True
    >>> fuzzy_score("hightech enterprise net increase", "hightech enterprise", "en") < 70
    True
    """
    if not phrase or not name:
        return 0.0
    if lang == "zh":
        base = max(fuzz.ratio(phrase, name), 0.9 * fuzz.partial_ratio(phrase, name))
        if min(len(phrase), len(name)) < 3:
            base = fuzz.ratio(phrase, name)  # a 2-character partial match means nothing
        diff = _qualifier_diff_zh(phrase, name)
    else:
        base = (fuzz.token_set_ratio(phrase, name) + fuzz.token_sort_ratio(phrase, name)) / 2
        diff = _qualifier_diff_en(phrase, name)
    return max(0.0, base - PENALTY * diff)
