"""Hand-made databases for the web tests (no extraction engine involved).

``fill_store(store)`` writes two plans, a report, imported statistics, a
hostile document and assessments through ``Store`` methods, and returns the
ids the tests refer to.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from goalpost._models import Document, Item, Section

PLAN_EN = """Guangzhou Science and Technology Innovation Plan (2017-2021)

I. Overall Goal
By the end of 2021 the city will have over 12,000 high-tech enterprises. R&D spending will reach 3% of GDP by 2021.

II. Incubators
(1) Build more incubators
By 2020 the number of incubators will exceed 400.
"""

PLAN_ZH = """广州市科技创新规划（2019—2025年）

一、总体目标
到2025年，全市高新技术企业超过15000家。
"""

REPORT_EN = """Guangzhou innovation report 2018

By July 2017 Guangzhou has 280 incubators. In 2017 the city had 8,700 high-tech enterprises.
"""

HOSTILE = """Plan <script>alert('x')</script> for evil

Visit javascript:alert(1) now. By 2030 the city will have 5 "><img src=x onerror=alert(2)> labs.
"""


def _find(text: str, needle: str, start: int = 0) -> int:
    pos = text.find(needle, start)
    assert pos >= 0, f"{needle!r} not in text"
    return pos


def make_item(doc: Document, kind: str, indicator: str, evidence: str, value: float, unit: str, *,
              comparator: str = "=", date: str | None = None, section: str | None = None,
              region: str | None = "Guangzhou") -> Item:  # fmt: skip
    """An item whose evidence is the first ``evidence`` in the text and whose sentence surrounds it."""
    text = doc.text
    start = _find(text, evidence)
    end = start + len(evidence)
    s0 = max(
        text.rfind(". ", 0, start) + 2,
        text.rfind("\n", 0, start) + 1,
        text.rfind("。", 0, start) + 1,
        0,
    )
    ends = [p for p in (text.find(". ", end), text.find("\n", end), text.find("。", end)) if p >= 0]
    s1 = min(ends) + 1 if ends else len(text)
    ind_start = text.find(indicator, s0, s1)
    return Item(
        doc=doc.id, kind=kind, indicator=indicator, comparator=comparator, value=value, unit=unit,
        start=start, end=end, sentence=text[s0:s1], date=date, section=section, region=region,
        sentence_start=s0, sentence_end=s1, indicator_start=ind_start if ind_start >= 0 else None,
        indicator_end=ind_start + len(indicator) if ind_start >= 0 else None, lang=doc.lang,
    )  # fmt: skip


def _doc(text: str, title: str, date: str, lang: str, *, period: tuple[int, int] | None = None,
         source: str | None = None, headings: tuple[str, ...] = ()) -> Document:  # fmt: skip
    sections = []
    for h in headings:
        s = _find(text, h)
        sections.append(Section(title=h, level=1 if not h.startswith("(") else 2, start=s,
                                heading_end=s + len(h), end=len(text)))  # fmt: skip
    return Document(id=Document.content_id(text), text=text, source=source or f"{title}.txt", title=title,
                    date=date, period=period, lang=lang, region="Guangzhou", sections=sections)  # fmt: skip


CATALOG = [
    {"id": "hitech_enterprises", "name_en": "high-tech enterprises", "name_zh": "高新技术企业", "unit": "count",
     "direction": "up", "aliases": [("high-tech enterprises", "en"), ("高新技术企业", "zh")]},
    {"id": "rd_intensity", "name_en": "R&D spending as share of GDP", "name_zh": "研发投入强度", "unit": "%",
     "direction": "up", "aliases": [("R&D spending", "en")]},
    {"id": "incubators", "name_en": "incubators", "name_zh": "孵化器", "unit": "count", "direction": "up",
     "aliases": [("incubators", "en")]},
    {"id": "labs", "name_en": "labs", "name_zh": "实验室", "unit": "count", "direction": "up", "aliases": []},
]  # fmt: skip


def fill_store(store: Any) -> dict[str, Any]:
    """Write the hand-made corpus and assessments; returns ids by role."""
    store.save_catalog([dict(c, aliases=list(c["aliases"])) for c in CATALOG])
    plan = _doc(PLAN_EN, "Guangzhou S&T Innovation Plan 2017-2021", "2017-03", "en", period=(2017, 2021),
                headings=("I. Overall Goal", "II. Incubators", "(1) Build more incubators"))  # fmt: skip
    t_hitech = make_item(plan, "target", "high-tech enterprises", "over 12,000 high-tech enterprises", 12000, "count",
                         comparator=">", date="2021", section="I. Overall Goal")  # fmt: skip
    t_rd = make_item(plan, "target", "R&D spending", "reach 3% of GDP", 3.0, "%", comparator=">=", date="2021",
                     section="I. Overall Goal")  # fmt: skip
    t_inc = make_item(plan, "target", "incubators", "exceed 400", 400, "count", comparator=">", date="2020",
                      section="(1) Build more incubators")  # fmt: skip
    store.save_document(plan, [t_hitech, t_rd, t_inc], is_plan=True, links={
        t_hitech.id: ("hitech_enterprises", "alias", 100.0), t_rd.id: ("rd_intensity", "alias", 100.0),
        t_inc.id: ("incubators", "alias", 100.0)})  # fmt: skip

    zh = _doc(
        PLAN_ZH,
        "广州市科技创新规划（2019—2025年）",
        "2019-06",
        "zh",
        period=(2019, 2025),
        headings=("一、总体目标",),
    )
    t_zh = make_item(zh, "target", "高新技术企业", "超过15000家", 15000, "count", comparator=">", date="2025",
                     section="一、总体目标")  # fmt: skip
    store.save_document(
        zh, [t_zh], is_plan=True, links={t_zh.id: ("hitech_enterprises", "alias", 100.0)}
    )

    report = _doc(REPORT_EN, "Guangzhou innovation report 2018", "2018-02", "en")
    o_inc = make_item(
        report, "observation", "incubators", "280 incubators", 280, "count", date="2017-07"
    )
    o_hi = make_item(report, "observation", "high-tech enterprises", "8,700 high-tech enterprises", 8700, "count",
                     date="2017")  # fmt: skip
    store.save_document(report, [o_inc, o_hi], links={o_inc.id: ("incubators", "alias", 100.0),
                                                      o_hi.id: ("hitech_enterprises", "alias", 100.0)})  # fmt: skip

    imported = [
        {"id": f"imp-hitech-{y}", "kind": "observation", "indicator_text": "high-tech enterprises",
         "indicator_id": "hitech_enterprises", "value": v, "unit": "count", "date": str(y), "region": "Guangzhou",
         "source": "Guangzhou Statistical Yearbook", "import_row": n + 2}
        for n, (y, v) in enumerate([(2015, 1919), (2016, 4740), (2018, 11746), (2019, 12174), (2020, 11610)])
    ]  # fmt: skip
    imported.append({"id": "imp-evil", "kind": "observation", "indicator_text": "labs", "indicator_id": "labs",
                     "value": 3, "unit": "count", "date": "2019", "region": "Guangzhou",
                     "source": "javascript:alert('src')", "import_row": 9})  # fmt: skip
    store.save_imported(imported, import_file="stats.csv")

    hostile = _doc(
        HOSTILE, 'Evil <b>plan</b> "><script>alert(3)</script>', "2020", "en", source="evil.txt"
    )
    t_evil = make_item(hostile, "target", "labs", '5 "><img src=x onerror=alert(2)> labs', 5, "count", comparator=">",
                       date="2030", section="<script>alert('sec')</script>")  # fmt: skip
    t_evil.indicator = "<script>alert('ind')</script>"
    store.save_document(
        hostile, [t_evil], is_plan=True, links={t_evil.id: ("labs", "alias", 100.0)}
    )

    assessments = [
        _assessment(t_hitech.id, "on_track", 0.9, 11610, "2020", 1919, "2015", 12500, 11000, 14000,
                    "11,610 of 12,000 in 2020; the trend reaches the target by 2021."),
        _assessment(t_inc.id, "achieved", 1.0, 280, "2017-07", None, None, None, None, None,
                    "280 incubators by July 2017."),  # fmt: skip
        _assessment(t_zh.id, "needs_acceleration", 0.4, 11610, "2020", 8700, "2017", 13000, 12000, 14000,
                    "增长速度不足以在2025年前达到15000家。"),
        _assessment(t_evil.id, "insufficient_data", None, None, None, None, None, None, None, None,
                    "No <script>alert('expl')</script> data."),
    ]  # fmt: skip
    revisions = [{"indicator_id": "hitech_enterprises", "region": "Guangzhou", "older_id": t_hitech.id,
                  "newer_id": t_zh.id, "kind": "raised", "detail": "12,000 by 2021 → 15,000 by 2025"}]  # fmt: skip
    store.save_assessments(assessments, revisions)
    return {"plan": plan.id, "zh": zh.id, "report": report.id, "hostile": hostile.id, "t_hitech": t_hitech.id,
            "t_rd": t_rd.id, "t_inc": t_inc.id, "t_zh": t_zh.id, "t_evil": t_evil.id, "o_inc": o_inc.id,
            "o_hi": o_hi.id}  # fmt: skip


def _assessment(target_id: str, status: str, progress: float | None, latest: float | None, latest_p: str | None,
                base: float | None, base_p: str | None, fc: float | None, lo: float | None, hi: float | None,
                explanation: str) -> dict[str, Any]:  # fmt: skip
    return {
        "target_id": target_id, "status": status, "method": "test", "progress": progress, "ratio": progress,
        "baseline_value": base, "baseline_period": base_p, "baseline_source": "yearbook" if base else None,
        "latest_value": latest, "latest_period": latest_p, "latest_source": "yearbook" if latest else None,
        "forecast_value": fc, "forecast_low": lo, "forecast_high": hi, "forecast_probability": 0.6 if fc else None,
        "explanation": explanation, "details": '{"deciding": "test"}',
    }  # fmt: skip


BOARD_FILTERS = [
    {},
    {"region": "region03"},
    {"region": "GUANGZHOU"},
    {"status": "off_track"},
    {"status": "not_assessed"},
    {"region": "Region07", "status": "achieved"},
    {"plan": "plan no. 3"},
    {"plan": "s&t plan 1"},
    {"plan": "plan00002"},
    {"indicator": "indicator_01"},
    {"indicator": "High-Tech"},
    {"year": "2016"},
    {"year": "2021", "region": "Region01", "status": "missed"},
    {"region": "nowhere"},
]


def fill_board_mix(store: Any, documents: int = 400) -> Any:
    """A generated scoreboard plus the hand-made corpus, some targets rejected or corrected.

    The mix the paged-scoreboard tests compare on: ``make_big_db.build``'s
    assessed targets, the web corpus (non-ASCII titles, Chinese, targets
    without assessments or dates), every 37th target rejected and every
    41st stripped of its region and date by a review.
    """
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "make_big_db.py"
    spec = importlib.util.spec_from_file_location("make_big_db", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.build(store.url, documents, documents, 3)
    fill_store(store)  # why: its targets have no assessment from build(), and odd texts
    targets = store.items(kind="target")
    for t in targets[::37]:
        store.review_item(t["id"], "reject", actor="test")
    for t in targets[5::41]:
        store.review_item(t["id"], "correct", actor="test", fields={"region": None, "date": None})
    return store
