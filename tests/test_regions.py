"""Region hierarchy: mentions, subject, hierarchy queries, generic words."""

from __future__ import annotations

import pytest

from goalpost import regions
from goalpost.regions import (
    ancestors,
    contains,
    display_name,
    generic_region,
    level,
    parent,
    region_mentions,
    resolve,
    subject_region,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guangzhou's incubators", [(0, 9, "Guangzhou")]),
        ("GUANGZHOU PLAN", [(0, 9, "Guangzhou")]),
        ("guangzhou", []),  # English names are case-sensitive
        ("Guangzhouese", []),  # word boundary
        ("Guangdong Province leads", [(0, 18, "Guangdong")]),
        ("广州市天河区", [(0, 3, "Guangzhou"), (3, 6, "Tianhe")]),
        ("廣州市", [(0, 3, "Guangzhou")]),
        ("位于南沙新区", [(2, 6, "Nansha")]),
        ("中山大学", []),  # bare 中山 is not matched
        ("中山市", [(0, 3, "Zhongshan")]),
        ("Hong Kong SAR and Macau", [(0, 13, "Hong Kong"), (18, 23, "Macao")]),
        ("the US and the EU", [(4, 6, "United States"), (15, 17, "European Union")]),
        ("nationwide, 全国", []),  # generic words are not mentions
        ("Guangzhou Development District", [(0, 30, "Huangpu")]),
        ("Xi\u2019an and Xi'an", [(0, 5, "Xi'an"), (10, 15, "Xi'an")]),
        ("55 billion yuan (US$8.1 billion)", []),  # money, not the United States
        (
            "Guangdong-Hong Kong-Macao",
            [(0, 9, "Guangdong"), (10, 19, "Hong Kong"), (20, 25, "Macao")],
        ),
    ],
)
def test_region_mentions(text, expected):
    assert region_mentions(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Guangzhou", "Guangzhou"),
        ("guangzhou city", "Guangzhou"),
        ("Guangzhou's", "Guangzhou"),
        ("广州市", "Guangzhou"),
        ("廣東省", "Guangdong"),
        ("花都区", "Huadu"),
        ("Huadu District", "Huadu"),
        ("全国", "China"),
        ("the country", "China"),
        ("nationwide", "China"),
        ("中国", "China"),
        ("the US", "United States"),
        ("Macau", "Macao"),
        ("粤", "Guangdong"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_resolve(name, expected):
    assert resolve(name) == expected


@pytest.mark.parametrize(
    ("region", "expected_parent", "expected_level"),
    [
        ("Tianhe", "Guangzhou", "district"),
        ("Guangzhou", "Guangdong", "city"),
        ("Shenzhen", "Guangdong", "city"),
        ("Guangdong", "China", "province"),
        ("Shanghai", "China", "province"),
        ("Hong Kong", "China", "province"),
        ("China", None, "country"),
        ("Singapore", None, "country"),
    ],
)
def test_parent_and_level(region, expected_parent, expected_level):
    assert parent(region) == expected_parent
    assert level(region) == expected_level


def test_hierarchy_is_complete():
    ids = {r.id for r in regions.all_regions()}
    provinces = [r for r in regions.all_regions() if r.level == "province" and r.parent == "China"]
    assert len(provinces) == 34  # 31 mainland + Hong Kong, Macao, Taiwan
    districts = [r.id for r in regions.all_regions() if r.parent == "Guangzhou"]
    assert len(districts) == 11
    for capital in ("Wuhan", "Chengdu", "Urumqi", "Lhasa", "Hohhot", "Shenyang"):
        assert capital in ids
    assert ancestors("Nansha") == ["Guangzhou", "Guangdong", "China"]
    # every province and autonomous region has its capital
    with_city = {r.parent for r in regions.all_regions() if r.level == "city"}
    for p in provinces:
        if not p.municipality and p.id not in ("Hong Kong", "Macao"):
            assert p.id in with_city, p.id


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("China", "Panyu", True),
        ("Guangdong", "Guangzhou", True),
        ("Guangzhou", "Guangzhou", True),
        ("Guangzhou", "Guangdong", False),
        ("Guangzhou", "Shenzhen", False),
        ("Jiangsu", "Suzhou", True),
    ],
)
def test_contains(outer, inner, expected):
    assert contains(outer, inner) is expected


def test_unknown_region_raises():
    with pytest.raises(KeyError):
        parent("Atlantis")


@pytest.mark.parametrize(
    ("region", "lang", "expected"),
    [
        ("Guangzhou", "en", "Guangzhou"),
        ("Guangzhou", "zh", "广州"),
        ("Guangzhou", "zh-Hant", "廣州"),
        ("Guangzhou", "zh_TW", "廣州"),
        ("Shanghai", "zh-Hant", "上海"),  # same in both scripts
        ("Atlantis", "zh", "Atlantis"),
    ],
)
def test_display_name(region, lang, expected):
    assert display_name(region, lang) == expected


@pytest.mark.parametrize(
    ("word", "subject", "expected"),
    [
        ("the city", "Guangzhou", "Guangzhou"),
        ("全市", "Guangzhou", "Guangzhou"),
        ("市", "Guangzhou", "Guangzhou"),
        ("the city", "Tianhe", "Guangzhou"),
        ("the city", "Beijing", "Beijing"),  # municipality
        ("the city", "Guangdong", None),
        ("the province", "Guangzhou", "Guangdong"),
        ("全省", "Guangdong", "Guangdong"),
        ("the country", "Guangzhou", "China"),
        ("全国", "Nansha", "China"),
        ("nationwide", "Guangdong", "China"),
        ("全区", "Nansha", "Nansha"),
        ("the district", "Guangzhou", None),
        ("Guangzhou", "Guangzhou", None),  # not a generic word
        ("the city", None, None),
    ],
)
def test_generic_region(word, subject, expected):
    assert generic_region(word, subject) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Guangzhou will build labs. Guangdong and China support Guangzhou.", None, "Guangzhou"),
        ("Guangdong grows. Guangdong leads. Shenzhen and Guangzhou too.", None, "Guangdong"),
        ("The plan covers everything.", "Three-year plan of Guangzhou", "Guangzhou"),
        ("到2025年，广州市天河区将建成……", None, "Tianhe"),
        ("No place named here.", None, None),
        ("China will grow. China leads. Guangzhou once.", None, "China"),
    ],
)
def test_subject_region(text, title, expected):
    assert subject_region(text, title=title) == expected
