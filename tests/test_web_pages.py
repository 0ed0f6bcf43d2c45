"""Dashboard pages through an in-process client (no server, no browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_fixtures import fill_store


@pytest.fixture
def site(db_url, tmp_path) -> Iterator[dict[str, Any]]:
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    store = Store(db_url)  # SQLite, and PostgreSQL when a server answers (see conftest.py)
    ids = fill_store(store)
    token = create_token(store, "alice")
    client = TestClient(create_app(store=store, uploads_dir=tmp_path / "up", assess=None))
    yield {"client": client, "store": store, "ids": ids, "token": token}
    store.close()


def login(client: TestClient, token: str) -> str:
    """Log in through the form; returns a CSRF token for further forms."""
    page = client.get("/login").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    r = client.post(
        "/login", data={"csrf": csrf, "token": token, "next": "/"}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return csrf


def test_scoreboard_groups_targets_by_plan_and_action(site):
    html = site["client"].get("/").text
    html = html[html.index('id="total"') :]  # after the filter menus, which list plans too
    plan = html.index("Guangzhou S&amp;T Innovation Plan 2017-2021")
    assert plan < html.index("I. Overall Goal") < html.index("(1) Build more incubators")
    assert html.index("(1) Build more incubators") < html.index("广州市科技创新规划")
    assert 'class="chip st-on_track"' in html and "on track" in html
    assert "raised later" in html  # revision marker on the older target
    assert re.search(r'<progress class="bar" max="100" value="90(\.0)?"', html)


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("status=achieved", ["t_inc"], ["t_hitech", "t_zh"]),
        ("status=not_assessed", ["t_rd"], ["t_inc"]),
        ("year=2025", ["t_zh"], ["t_hitech"]),
        ("indicator=hitech_enterprises", ["t_hitech", "t_zh"], ["t_inc"]),
        ("q=incubators", ["t_inc"], ["t_hitech"]),
        ("region=guangzhou&status=on_track", ["t_hitech"], ["t_zh"]),
    ],
)
def test_scoreboard_filters_live_in_the_url(site, query, expected, absent):
    html = site["client"].get(f"/?{query}").text
    for key in expected:
        assert f'id="t-{site["ids"][key]}"' in html
    for key in absent:
        assert f'id="t-{site["ids"][key]}"' not in html


def test_scoreboard_plan_filter_counts_and_paging(site):
    c, ids = site["client"], site["ids"]
    html = c.get(f"/?plan={ids['plan']}").text
    assert re.search(r"All <b>3</b>", html)
    assert "3 targets" in html
    page1 = c.get("/?sort=deadline&per_page=2").text
    assert 'rel="next" href="/?sort=deadline&amp;per_page=2&amp;page=2"' in page1
    page3 = c.get("/?sort=deadline&per_page=2&page=3").text
    assert page3.count('<tr id="t-') == 1
    # junk paging values fall back to defaults instead of an error
    assert c.get("/?page=abc&per_page=-4").status_code == 200


def test_scoreboard_sorts(site):
    html = site["client"].get("/?sort=-progress").text
    order = re.findall(r'<tr id="t-([0-9a-f]+)"', html)
    assert order[:3] == [site["ids"]["t_inc"], site["ids"]["t_hitech"], site["ids"]["t_zh"]]


def test_target_page_shows_chart_data_evidence_observations_history(site):
    ids = site["ids"]
    html = site["client"].get(f"/targets/{ids['t_hitech']}").text
    assert 'id="target-chart"' in html and "/static/vendor/chart.umd.min.js" in html
    data = re.search(
        r'<script type="application/json" id="chart-data">(.*?)</script>', html, re.S
    ).group(1)
    import json

    chart = json.loads(data)
    assert [p["y"] for p in chart["observations"]] == [1919, 4740, 8700, 11746, 12174, 11610]
    assert chart["target"]["y"] == 12000 and chart["baseline"]["y"] == 1919
    assert chart["forecast"]["low"] == 11000 and chart["forecast"]["high"] == 14000
    assert '<mark class="ev target">over 12,000 high-tech enterprises</mark>' in html
    assert f'href="/documents/{ids["plan"]}#item-{ids["t_hitech"]}"' in html
    assert "Guangzhou Statistical Yearbook (row 2)" in html
    assert f'href="/targets/{ids["t_zh"]}"' in html  # the later plan's target in the history
    assert "12,000 by 2021 → 15,000 by 2025" in html


def test_document_page_highlights_items_and_has_outline(site):
    ids = site["ids"]
    html = site["client"].get(f"/documents/{ids['report']}").text
    assert f'id="item-{ids["o_inc"]}"' in html
    assert re.search(
        r'<a class="ev observation" href="/targets/' + ids["o_inc"] + r'"[^>]*>280 incubators</a>',
        html,
    )
    html = site["client"].get(f"/documents/{ids['plan']}").text
    assert 'href="#sec-0">I. Overall Goal</a>' in html and 'id="sec-0"' in html
    assert "2017–2021" in html and '<a class="ev target"' in html


def test_indicator_page_gathers_regions_and_plans(site):
    html = site["client"].get("/indicators/hitech_enterprises").text
    assert 'id="indicator-chart"' in html
    assert html.count("<tr><td>Guangzhou</td>") == 2 + 6  # two targets, six observations


def test_search_page_in_english_and_chinese(site):
    c = site["client"]
    html = c.get("/search?q=incubators").text
    assert "<mark>incubators</mark>" in html and "Guangzhou innovation report 2018" in html
    assert f"#item-{site['ids']['o_inc']}" in html
    html = c.get("/search?q=高新技术企业").text
    assert "<mark>高新技术企业</mark>" in html
    assert "没有匹配" in c.get("/search?q=nothingmatchesthis&lang=zh").text


def test_chinese_labels_by_query_and_by_browser(site):
    c = site["client"]
    assert "<h1>目标记分板</h1>" in c.get("/?lang=zh").text
    assert "<h1>目标记分板</h1>" in c.get("/").text  # remembered in a cookie
    c.cookies.clear()
    assert "<h1>目标记分板</h1>" in c.get("/", headers={"accept-language": "zh-CN,zh;q=0.9"}).text
    assert "<h1>Scoreboard</h1>" in c.get("/", headers={"accept-language": "en-GB,en;q=0.9"}).text


def test_review_form_correction_is_shown_and_audited(site):
    c, ids, store = site["client"], site["ids"], site["store"]
    csrf = login(c, site["token"])
    r = c.post(f"/items/{ids['t_rd']}/review", data={"csrf": csrf, "action": "correct", "f_value": "2.5",
               "f_unit": "%", "f_growth": "false", "note": "table 3"}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    item = store.get_item(ids["t_rd"])
    assert item["value"] == 2.5 and item["review_status"] == "corrected"
    review = store.reviews(ids["t_rd"])[-1]
    assert (
        review["actor"] == "alice"
        and '"value": 2.5' in review["fields"]
        and '"unit"' not in review["fields"]
    )
    html = c.get(f"/targets/{ids['t_rd']}").text
    assert (
        "rv-corrected" in html and "<del>3.0</del> → <ins>2.5</ins>" in html and "table 3" in html
    )
    log = store.audit_log(5)[0]
    assert (log["actor"], log["action"], log["entity_id"]) == (
        "alice",
        "review.correct",
        ids["t_rd"],
    )


def test_reject_hides_item_from_scoreboard(site):
    c, ids = site["client"], site["ids"]
    csrf = login(c, site["token"])
    assert re.search(r"All <b>5</b>", c.get("/").text)  # counts now cached for this data version
    c.post(f"/items/{ids['t_rd']}/review", data={"csrf": csrf, "action": "reject"})
    html = c.get("/").text
    assert f'id="t-{ids["t_rd"]}"' not in html
    assert (
        re.search(r"All <b>4</b>", html) and "count-not_assessed" not in html
    )  # the cache followed the write
    assert "rv-rejected" in c.get(f"/targets/{ids['t_rd']}").text


def test_merge_and_link_indicators(site):
    c, ids, store = site["client"], site["ids"], site["store"]
    csrf = login(c, site["token"])
    r = c.post("/indicators/labs/link", data={"csrf": csrf, "phrase": "R&D spending", "unit": "%"},
               follow_redirects=False)  # fmt: skip
    assert r.status_code == 303 and store.get_item(ids["t_rd"])["indicator_id"] == "labs"
    r = c.post(
        "/indicators/incubators/merge", data={"csrf": csrf, "into": "labs"}, follow_redirects=False
    )
    assert r.headers["location"] == "/indicators/labs"
    assert store.get_item(ids["t_inc"])["indicator_id"] == "labs"
    assert store.merged() == {"incubators": "labs"}


def test_import_page_reports_row_errors(site, tmp_path):
    c = site["client"]
    csrf = login(c, site["token"])
    body = "indicator,value,unit,period,region\nincubators,300,count,2018,Guangzhou\nincubators,x,count,2019,Guangzhou\n"
    r = c.post(
        "/import", data={"csrf": csrf}, files=[("files", ("stats.csv", body.encode(), "text/csv"))]
    )
    assert r.status_code == 200
    assert "1 added" in r.text and "line 3" in r.text
    r = c.post(
        "/import", data={"csrf": csrf}, files=[("files", ("photo.png", b"\x89PNG", "image/png"))]
    )
    assert "unsupported file type .png" in r.text


def test_unknown_pages_are_404_pages(site):
    c = site["client"]
    for url in ("/targets/nope", "/documents/nope", "/indicators/nope", "/no/such/page"):
        r = c.get(url)
        assert r.status_code == 404 and "<h1>404" in r.text


def test_upload_documents_ingests_and_replaces_by_name(site):
    c, store = site["client"], site["store"]
    csrf = login(c, site["token"])
    before = store.count_documents()
    text = "Shenzhen plan\n\nBy 2025 the city will have more than 300 new research institutes.\n"
    r = c.post(
        "/import",
        data={"csrf": csrf},
        files=[("files", ("shenzhen plan.txt", text.encode(), "text/plain"))],
    )
    assert r.status_code == 200 and '<tr class="ok"><td>shenzhen_plan.txt' in r.text
    assert store.count_documents() == before + 1
    newer = text.replace("300", "350")
    c.post(
        "/import",
        data={"csrf": csrf},
        files=[("files", ("shenzhen plan.txt", newer.encode(), "text/plain"))],
    )
    assert store.count_documents() == before + 1  # same file name: the new version replaces the old
    assert any("350" in (store.get_document(d["id"]).text) for d in store.documents())
    r = c.post("/import", data={"csrf": csrf}, files=[("files", ("empty.txt", b"", "text/plain"))])
    assert '<tr class="failed"><td>empty.txt' in r.text  # reported, not stored
