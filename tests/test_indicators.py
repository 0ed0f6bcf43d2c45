"""Indicator catalog: loading, editing, saving, normalisation, units, provisional indicators."""

from __future__ import annotations

import pytest
import yaml

from goalpost._exceptions import ConfigError
from goalpost.indicators import (
    Catalog,
    Indicator,
    Link,
    new_indicator_for,
    normalize,
    unit_family,
    units_compatible,
)


def test_packaged_catalog_is_rich_and_consistent():
    cat = Catalog.load()
    assert 50 <= len(cat) <= 90
    for ind in cat:
        assert ind.name_en and ind.name_zh and ind.definition, ind.id
        assert ind.direction in ("up", "down")
        assert ind.aliases.get("en") or ind.aliases.get("zh"), ind.id
        if ind.share_of:
            assert ind.unit == "%" and ind.share_of in cat
        aliases = [a for names in ind.aliases.values() for a in names]
        assert len(aliases) == len(set(aliases)), ind.id  # the store keys on (id, alias)
        for a in aliases:  # an unquoted "10,000" in a YAML flow list splits into fragments
            assert a == a.strip() and not a[0].isdigit() and normalize(a), (ind.id, a)


def test_no_name_links_to_two_indicators():
    cat = Catalog.load()
    assert cat.collisions() == []
    cat.add_alias("incubators", "makerspaces")  # a careless edit is caught
    assert cat.collisions() == [("makerspace", ["incubators", "makerspaces"])]


def test_duplicate_aliases_in_a_file_are_one(tmp_path):
    path = tmp_path / "dups.yaml"
    path.write_text("indicators:\n- id: a\n  name_en: A\n  aliases: {en: [GDP, GDP], zh: [GDP, 生产总值]}\n",
                    encoding="utf-8")  # fmt: skip
    assert Catalog.load(path, replace=True).get("a").aliases == {"en": ["GDP"], "zh": ["生产总值"]}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Hi-tech companies", "hightech enterprise"),
        ("high and new technology enterprises", "hightech enterprise"),
        ("the number of high-tech firms", "hightech enterprise"),
        ("Guangzhou's total R&D expenditures", "r&d expenditure"),
        ("research and development spending", "r&d expenditure"),
        ("science and technology SMEs", "s&t sme"),
        ("sci-tech small and medium-sized enterprises", "s&t sme"),
        ("state key labs", "national key laboratory"),
        ("invention patents per ten thousand people", "invention patent per 10k people"),
        ("R&D expenditure as a percentage of GDP", "r&d expenditure share gdp"),
        ("广州市高新技术企业数", "高新技术企业"),
        ("全社会研发经费支出", "研发经费支出"),
        ("廣州市的技術合同成交額", "技术合同成交额"),
        ("广东省实验室", "省实验室"),
        ("Ｒ＆Ｄ经费", "r&d经费"),
    ],
)
def test_normalize(phrase, expected):
    assert normalize(phrase) == expected


@pytest.mark.parametrize(
    ("unit", "family"),
    [
        ("%", "share"),
        ("pp", "share"),
        ("count", "count"),
        ("个", "count"),
        ("CNY", "currency"),
        ("EUR", "currency"),
        ("yuan", "currency"),
        ("per 10k people", "ratio"),
        ("CNY per person", "ratio"),
        ("件/万人", "ratio"),
        ("m2", "m2"),
        (None, None),
        ("", None),
    ],
)
def test_unit_family(unit, family):
    assert unit_family(unit) == family


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("%", "count", False), ("CNY", "USD", True), ("%", "pp", True), (None, "%", True),
     ("per 10k people", "count", False), ("CNY", "%", False)],
)  # fmt: skip
def test_units_compatible(a, b, ok):
    assert units_compatible(a, b) is ok


def test_add_and_link_new_indicator():
    cat = Catalog.load()
    cat.add(Indicator(id="tech-parks", name_en="High-tech industrial parks", name_zh="高新区",
                      unit="count", aliases={"en": ["hi-tech parks"]}))  # fmt: skip
    assert cat.link("high-tech parks", unit="count").indicator_id == "tech-parks"
    assert cat.link("高新区").method == "exact"
    with pytest.raises(ConfigError):
        cat.add(Indicator(id="tech-parks", name_en="again"))
    with pytest.raises(ConfigError):
        cat.add(Indicator(id="bad id!", name_en="x"))


def test_add_alias_links_after_adding():
    cat = Catalog.load()
    assert cat.link("technology hatcheries", unit="count") is None
    cat.add_alias("incubators", "technology hatcheries")
    assert cat.get("incubators").aliases["en"][-1] == "technology hatcheries"
    assert cat.link("technology hatcheries", unit="count") == Link(
        "incubators", 100.0, "alias", "technology hatchery"
    )
    cat.add_alias("incubators", "孵化载体")
    assert "孵化载体" in cat.get("incubators").aliases["zh"]
    with pytest.raises(ConfigError):
        cat.add_alias("no-such-indicator", "x")


def test_merge_moves_names_and_follows_old_id():
    cat = Catalog.load()
    ind = cat.new_indicator_for("hi-tech gadget makers", "count", "en")
    cat.add(ind)
    assert cat.link("hi-tech gadget makers", unit="count").indicator_id == ind.id
    cat.merge(ind.id, "high-tech-enterprises")
    assert ind.id not in [i.id for i in cat]
    assert cat.get(ind.id).id == "high-tech-enterprises"  # old id still resolves
    assert cat.merged[ind.id] == "high-tech-enterprises"
    link = cat.link("hi-tech gadget makers", unit="count")
    assert link.indicator_id == "high-tech-enterprises"
    with pytest.raises(ConfigError):
        cat.merge("incubators", "incubators")


def test_dump_and_load_round_trip(tmp_path):
    cat = Catalog.load()
    cat.add_alias("makerspaces", "maker hubs")
    cat.merge("national-makerspaces", "makerspaces")
    path = tmp_path / "catalog.yaml"
    cat.dump(path)
    again = Catalog.load(path)
    assert len(again) == len(cat)
    assert "maker hubs" in again.get("makerspaces").aliases["en"]
    assert (
        again.get("national-makerspaces").id == "makerspaces"
    )  # merge survives the packaged entry


def test_user_file_merges_over_packaged(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({"indicators": [
        {"id": "incubators", "name_en": "Incubators", "unit": "count", "aliases": {"en": ["hatcheries"]}},
        {"id": "ai-firms", "name_en": "AI enterprises", "unit": "count", "aliases": ["AI companies", "人工智能企业"]},
    ]}), encoding="utf-8")  # fmt: skip
    cat = Catalog.load(path)
    assert len(cat) == len(Catalog.load()) + 1
    assert cat.get("incubators").aliases == {"en": ["hatcheries"]}
    assert cat.get("ai-firms").aliases == {"en": ["AI companies"], "zh": ["人工智能企业"]}
    only = Catalog.load(path, replace=True)
    assert len(only) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("indicators: [: bad", "not valid YAML"),
        ("indicators:\n- name_en: no id\n", "has no id"),
        ("indicators:\n- id: a\n- id: a\n", "listed twice"),
        ("indicators:\n- id: a\n  share_of: nowhere\n", "unknown 'nowhere'"),
        ("indicators:\n- id: a\n  direction: sideways\n", "direction"),
    ],
)
def test_bad_catalog_file_names_file_and_problem(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Catalog.load(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_missing_catalog_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        Catalog.load(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("phrase", "unit", "lang", "expected_id"),
    [
        ("outputs of Hi-tech products", "%", "en", "x-outputs-of-hi-tech-products"),
        ("Guangzhou's number of bike lanes", None, "en", "x-bike-lanes"),
        ("the city's bike lanes", "count", "en", "x-bike-lanes"),
        ("广州市共享单车数量", "count", "zh", "x-共享单车数量"),
        ("R&D labs", "count", None, "x-r-and-d-labs"),
    ],
)
def test_new_indicator_for(phrase, unit, lang, expected_id):
    ind = new_indicator_for(phrase, unit, lang)
    assert ind.id == expected_id
    assert ind.provisional
    assert ind.unit == (unit or "count")


def test_catalog_new_indicator_avoids_id_clash_of_another_unit():
    cat = Catalog.load()
    first = cat.new_indicator_for("bike lanes", "count")
    cat.add(first)
    assert cat.new_indicator_for("bike lanes", "count").id == first.id  # same thing again
    assert cat.new_indicator_for("bike lanes", "%").id == first.id + "-2"


def test_manual_link_method_is_supported():
    assert Link("gdp", 100.0, "manual", "gdp").method == "manual"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("technology contract volume", "tech-contract-turnover"),
        ("overseas returned talents", "returnees"),
    ],
)
def test_per_indicator_synonyms(phrase, expected):
    link = Catalog.load().link(phrase)
    assert link is not None and link.indicator_id == expected and link.method in ("exact", "alias")


def test_synonyms_stay_with_their_indicator():
    # "volume" means "turnover" only for technology contracts, not for GDP or anything else
    assert normalize("technology contract volume") != normalize("technology contract turnover")
    assert Catalog.load().get("gdp").synonyms == {}
