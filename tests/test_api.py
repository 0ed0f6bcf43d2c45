"""The JSON API: filters like the CLI's, paging, stable ids, token-protected writes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_fixtures import fill_store


@pytest.fixture
def api(db_url, tmp_path) -> Iterator[dict[str, Any]]:
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    store = Store(db_url)  # SQLite, and PostgreSQL when a server answers (see conftest.py)
    ids = fill_store(store)
    token = create_token(store, "dora")
    client = TestClient(create_app(store=store, uploads_dir=tmp_path / "up", assess=None))
    yield {"c": client, "store": store, "ids": ids, "auth": {"authorization": f"Bearer {token}"}}
    store.close()


def test_targets_paginate_with_next_links_and_stable_ids(api):
    c = api["c"]
    seen, url = [], "/api/targets?limit=2"
    while url:
        page = c.get(url).json()
        assert page["total"] == 5 and len(page["items"]) <= 2
        seen += [t["id"] for t in page["items"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 5
    assert seen == [t["id"] for t in c.get("/api/targets?limit=100").json()["items"]]
    assert api["ids"]["t_hitech"] in seen  # ids are the stored content hashes


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "on_track"}, {"t_hitech"}),
        ({"region": "GUANGZHOU", "indicator": "hitech_enterprises"}, {"t_hitech", "t_zh"}),
        ({"indicator": "High-Tech"}, {"t_hitech"}),  # part of the phrase, any case
        ({"plan": "innovation plan 2017"}, {"t_hitech", "t_rd", "t_inc"}),
        ({"year": "2020"}, {"t_inc"}),
        ({"status": "not_assessed"}, {"t_rd"}),
    ],
)
def test_targets_filters(api, params, expected):
    items = api["c"].get("/api/targets", params=params).json()["items"]
    assert {t["id"] for t in items} == {api["ids"][k] for k in expected}


def test_targets_match_the_store_listing(api):
    """Same filters, same answer as ``Store.items`` behind ``goalpost targets``."""
    store, c = api["store"], api["c"]
    for kwargs in (
        {},
        {"region": "Guangzhou"},
        {"indicator": "incubators"},
        {"status": "achieved"},
    ):
        want = {r["id"] for r in store.items(kind="target", **kwargs)}
        got = {r["id"] for r in c.get("/api/targets", params=kwargs).json()["items"]}
        assert got == want, kwargs


def test_status_matches_cli_json(api):
    from goalpost._scoreboard import status_records

    store = api["store"]
    cli = {r["id"]: r for r in status_records(store)}
    web = {r["id"]: r for r in api["c"].get("/api/status?limit=1000").json()["items"]}
    assert web == cli


def test_observations_documents_indicators_revisions(api):
    c, ids = api["c"], api["ids"]
    obs = c.get("/api/observations", params={"indicator": "hitech_enterprises"}).json()
    assert obs["total"] == 6 and {o["origin"] for o in obs["items"]} == {"extracted", "imported"}
    assert c.get(f"/api/observations/{ids['o_inc']}").json()["value"] == 280
    assert (
        c.get(f"/api/observations/{ids['t_inc']}").status_code == 404
    )  # a target, not an observation
    docs = c.get("/api/documents").json()
    assert docs["total"] == 4 and all("text" not in d for d in docs["items"])
    doc = c.get(f"/api/documents/{ids['report']}").json()
    item = c.get(f"/api/observations/{ids['o_inc']}").json()
    assert doc["text"][item["start"] : item["end"]] == "280 incubators"
    inds = {i["id"]: i for i in c.get("/api/indicators").json()["items"]}
    assert (
        inds["hitech_enterprises"]["targets"] == 2
        and inds["hitech_enterprises"]["observations"] == 6
    )
    revs = c.get("/api/revisions").json()["items"]
    assert revs[0]["kind"] == "raised" and revs[0]["newer_id"] == ids["t_zh"]


def test_search_api_returns_sentences_and_items(api):
    res = api["c"].get("/api/search", params={"q": "incubators"}).json()
    report = next(r for r in res if r["id"] == api["ids"]["report"])
    s = report["sentences"][0]
    assert s["sentence"] == "By July 2017 Guangzhou has 280 incubators."
    assert [i["id"] for i in s["items"]] == [api["ids"]["o_inc"]]


def test_review_correction_through_api(api):
    c, ids, store = api["c"], api["ids"], api["store"]
    body = {"action": "correct", "fields": {"value": 13000, "date": "2022"}, "note": "see annex"}
    r = c.post(f"/api/items/{ids['t_hitech']}/review", json=body, headers=api["auth"])
    assert r.status_code == 200
    assert (r.json()["value"], r.json()["date"], r.json()["review_status"]) == (
        13000,
        "2022",
        "corrected",
    )
    entry = store.audit_log(1)[0]
    assert (
        entry["actor"] == "dora"
        and '"value": 12000' in entry["before"]
        and '"value": 13000' in entry["after"]
    )


@pytest.mark.parametrize(
    "body",
    [
        {"action": "destroy"},
        {"action": "correct", "fields": {"value": "many"}},
        {"action": "correct", "fields": {"date": "next year"}},
        {"action": "correct", "fields": {"comparator": "!="}},
        {"action": "correct", "fields": {"id": "other"}},  # not a correctable field
    ],
)
def test_review_refuses_bad_bodies(api, body):
    r = api["c"].post(f"/api/items/{api['ids']['t_rd']}/review", json=body, headers=api["auth"])
    assert r.status_code == 422
    assert api["store"].reviews() == []


def test_merge_and_link_through_api(api):
    c, ids, store = api["c"], api["ids"], api["store"]
    r = c.post("/api/indicators/links", json={"phrase": "R&D spending", "unit": "%", "indicator_id": "labs"},
               headers=api["auth"])  # fmt: skip
    assert r.json() == {"updated": 1} and store.get_item(ids["t_rd"])["indicator_id"] == "labs"
    assert (
        c.post(
            "/api/indicators/incubators/merge", json={"into": "incubators"}, headers=api["auth"]
        ).status_code
        == 409
    )
    assert (
        c.post(
            "/api/indicators/incubators/merge", json={"into": "nope"}, headers=api["auth"]
        ).status_code
        == 404
    )
    r = c.post("/api/indicators/incubators/merge", json={"into": "labs"}, headers=api["auth"])
    assert r.json()["updated"] == 2  # the target and the observation
    assert store.merged() == {"incubators": "labs"}


def test_import_through_api_reports_row_errors(api):
    csv = b"indicator,value,unit,period,region\nincubators,320,count,2019,Guangzhou\nincubators,,count,2020,Guangzhou\n"
    r = api["c"].post(
        "/api/import", files=[("files", ("more.csv", csv, "text/csv"))], headers=api["auth"]
    )
    assert r.status_code == 200
    [res] = r.json()
    assert (
        res["kind"] == "statistics"
        and res["summary"].startswith("1 added")
        and res["errors"][0][0] == 3
    )
    r = api["c"].post(
        "/api/import",
        files=[("files", ("x.exe", b"MZ", "application/octet-stream"))],
        headers=api["auth"],
    )
    assert r.status_code == 415
