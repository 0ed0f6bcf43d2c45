"""Revisions between plans: raised, lowered, reaffirmed, deadline moved, superseded, dropped."""

from __future__ import annotations

import pytest

from goalpost.assess import REVISION_KINDS, TargetSpec, detect_revisions
from goalpost.assess._revisions import plan_series


def t(id, value, deadline, published, doc, *, indicator="sei-value-added", region="Guangzhou",
      plan=None, direction="up", unit="CNY", growth=False) -> TargetSpec:  # fmt: skip
    return TargetSpec(id, indicator, region, "=", value, unit=unit, deadline=deadline,
                      published=published, direction=direction, growth=growth, doc_id=doc,
                      plan=plan)  # fmt: skip


def kinds(revs):
    return sorted(r.kind for r in revs)


def test_guangzhou_strategic_emerging_industries_raised_and_superseded():
    old = t("a", 400e9, "2020", "2018-09-14", "d2018")
    new = t("b", 450e9, "2021", "2019-09-30", "d2019")
    revs = detect_revisions([new, old])  # order of input does not matter
    assert kinds(revs) == ["deadline_moved", "raised", "superseded"]
    for r in revs:
        assert (r.older_id, r.newer_id, r.older_doc, r.newer_doc) == ("a", "b", "d2018", "d2019")
    raised = next(r for r in revs if r.kind == "raised")
    assert (
        "400 billion yuan by 2020" in raised.detail and "450 billion yuan by 2021" in raised.detail
    )
    assert raised.to_row()["kind"] == "raised"


@pytest.mark.parametrize(
    ("old", "new", "direction", "expected"),
    [
        ((100, "2020"), (120, "2020"), "up", ["raised", "superseded"]),
        ((100, "2020"), (90, "2020"), "up", ["lowered", "superseded"]),
        ((100, "2020"), (100, "2020"), "up", ["reaffirmed", "superseded"]),
        ((100, "2020"), (100, "2022"), "up", ["deadline_moved", "superseded"]),
        (
            (0.5, "2020"),
            (0.45, "2020"),
            "down",
            ["raised", "superseded"],
        ),  # lower is more ambitious
        ((0.5, "2020"), (0.55, "2020"), "down", ["lowered", "superseded"]),
    ],
)
def test_revision_kinds(old, new, direction, expected):
    a = t("a", old[0], old[1], "2018-01-01", "d1", direction=direction)
    b = t("b", new[0], new[1], "2019-01-01", "d2", direction=direction)
    assert kinds(detect_revisions([a, b])) == expected


def test_newer_plan_after_old_deadline_does_not_supersede():
    a = t("a", 100, "2020", "2018-01-01", "d1")
    b = t("b", 150, "2025", "2021-06-01", "d2")  # the 2020 target had already run out
    assert kinds(detect_revisions([a, b])) == ["deadline_moved", "raised"]


def test_milestones_in_one_document_are_not_revisions():
    a = t("a", 100, "2021", "2019-09-30", "d1")
    b = t("b", 200, "2025", "2019-09-30", "d1")
    assert detect_revisions([a, b]) == []


def test_pairs_with_the_nearest_deadline_of_the_next_document():
    old = t("a", 100, "2021", "2018-01-01", "d1")
    new_2021 = t("b", 110, "2021", "2019-01-01", "d2")
    new_2025 = t("c", 300, "2025", "2019-01-01", "d2")
    revs = detect_revisions([old, new_2021, new_2025])
    assert {r.newer_id for r in revs} == {"b"}
    assert kinds(revs) == ["raised", "superseded"]


def test_regions_indicators_and_growth_targets_are_kept_apart():
    targets = [
        t("a", 100, "2020", "2018-01-01", "d1"),
        t("b", 200, "2020", "2019-01-01", "d2", region="Shenzhen"),
        t("c", 200, "2020", "2019-01-01", "d2", indicator="gdp"),
        t("d", 7, "2020", "2019-01-01", "d2", growth=True, unit="%"),
    ]
    assert detect_revisions(targets) == []


def test_three_documents_chain():
    a = t("a", 100, "2020", "2017-01-01", "d1")
    b = t("b", 120, "2020", "2018-01-01", "d2")
    c = t("c", 120, "2020", "2019-01-01", "d3")
    pairs = {(r.older_id, r.newer_id, r.kind) for r in detect_revisions([a, b, c])}
    assert ("a", "b", "raised") in pairs and ("b", "c", "reaffirmed") in pairs
    assert ("a", "c", "raised") not in pairs  # only consecutive documents


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Three-year Action Plan for S&T Innovation (2019-2021)",
         "Three-year Action Plan for S&T Innovation (2022-2024)", True),
        ("Guangzhou 13th Five-Year Plan for S&T", "Guangzhou 14th Five-Year Plan for S&T", True),
        ("广州市科技创新第十三个五年规划", "广州市科技创新第十四个五年规划", True),
        ("Three-year Action Plan for S&T Innovation (2019-2021)",
         "Three-year plan on an international technological infrastructure (2018-2020)", False),
    ],
)  # fmt: skip
def test_plan_series(a, b, same):
    assert (plan_series(a) == plan_series(b)) is same


def test_dropped_between_editions_of_one_series():
    p1, p2 = "S&T Innovation Plan (2016-2020)", "S&T Innovation Plan (2021-2025)"
    targets = [
        t("a", 100, "2020", "2016-05-01", "d1", plan=p1, indicator="incubators", unit="count"),
        t("b", 5, "2020", "2016-05-01", "d1", plan=p1, indicator="makerspaces", unit="count"),
        t("c", 200, "2025", "2021-05-01", "d2", plan=p2, indicator="incubators", unit="count"),
    ]
    revs = detect_revisions(targets)
    dropped = [r for r in revs if r.kind == "dropped"]
    assert len(dropped) == 1
    assert (dropped[0].indicator, dropped[0].older_id, dropped[0].newer_id) == (
        "makerspaces",
        "b",
        None,
    )
    assert "no counterpart" in dropped[0].detail


def test_no_dropped_across_different_plan_series():
    targets = [
        t("a", 5, "2020", "2016-05-01", "d1", plan="Plan A (2016-2020)", indicator="makerspaces"),
        t("c", 200, "2025", "2021-05-01", "d2", plan="Plan B (2021-2025)", indicator="incubators"),
    ]
    assert detect_revisions(targets) == []


def test_kinds_are_documented():
    assert set(REVISION_KINDS) == {
        "raised",
        "lowered",
        "reaffirmed",
        "deadline_moved",
        "superseded",
        "dropped",
    }


def test_revision_inputs_carry_the_document():
    from goalpost.assess import RevisionInput

    old = TargetSpec("a", "sei-value-added", "Guangzhou", "=", 400e9, unit="CNY", deadline="2020")
    new = TargetSpec("b", "sei-value-added", "Guangzhou", "=", 450e9, unit="CNY", deadline="2021")
    revs = detect_revisions([
        RevisionInput(new, "d2019", "Three-year Action Plan (2019-2021)", "2019-09-30"),
        RevisionInput(old, "d2018", "Three-year plan on infrastructure (2018-2020)", "2018-09-14"),
    ])  # fmt: skip
    assert kinds(revs) == ["deadline_moved", "raised", "superseded"]
    assert revs[0].older_doc == "d2018" and "Three-year Action Plan" in revs[0].detail


def test_unreadable_dates_do_not_break_detection():
    # a target without a readable publication date sorts first (the older one)
    a = t("a", 100, "end of plan", "2018-01-01", "d1")
    b = t("b", 120, "2020", "unknown", "d2")
    revs = detect_revisions([a, b])
    assert kinds(revs) == ["deadline_moved", "lowered", "superseded"]
    assert {(r.older_id, r.newer_id) for r in revs} == {("b", "a")}
