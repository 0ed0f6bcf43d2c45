"""Headless Chromium over a real ingested corpus (the seed documents and published statistics).

The whole path a reviewer takes: scoreboard, filter by status, a target's
chart, the evidence in its document, log in, correct the target, then
``goalpost ingest`` the same file again (plain and ``--force``) and see the
correction still there. Skipped when the seeds or chromium are missing.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import SHOTS, LiveServer, browser, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
GOALPOST = [sys.executable, "-m", "goalpost.cli"]


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Iterator[dict[str, Any]]:
    from goalpost._importer import import_file
    from goalpost._ingest import ingest
    from goalpost._scoreboard import assess_store
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    stats = seeds.parent / "data" / "guangzhou_observations.csv"
    if not seeds.is_dir():
        pytest.skip(f"seed documents not found at {seeds}")
    folder = tmp_path_factory.mktemp("real")
    url = f"sqlite:///{folder / 'real.db'}"
    store = Store(url)
    report = ingest(store, [seeds])
    assert report.ok, report.failed
    if stats.exists():
        import_file(store, stats)
    assess_store(store)
    token = create_token(store, "editor")
    with LiveServer(create_app(store=store, uploads_dir=folder / "uploads")) as server:
        yield {"server": server, "store": store, "url": url, "token": token}
    store.close()


def _pick_target(store: Any) -> dict[str, Any]:
    """A dated level target from a plan, with an assessment (with data, when any has), for its chart."""
    assessed = store.assessments()
    fit = [t for t in store.items(kind="target")
           if t.get("document_id") and t.get("date") and not t.get("growth") and t["id"] in assessed]  # fmt: skip
    fit.sort(key=lambda t: assessed[t["id"]].get("latest_value") is None)
    if fit:
        return fit[0]
    pytest.skip("the extraction found no dated, assessed target")


def test_review_survives_reingest_of_real_document(real_site, page):  # noqa: F811
    s, store = real_site["server"], real_site["store"]
    target = _pick_target(store)
    status = store.assessments()[target["id"]]["status"]

    page.goto(s.url("/"))
    page.screenshot(path=str(SHOTS / "real-01-scoreboard.png"), full_page=True)
    page.click(f".counts a.count-{status}")
    assert f"status={status}" in page.url
    assert set(
        page.locator("table.board tr[data-status]").evaluate_all(
            "rs => rs.map(r => r.dataset.status)"
        )
    ) == {status}
    page.screenshot(path=str(SHOTS / "real-02-filtered.png"), full_page=True)

    page.goto(s.url(f"/targets/{target['id']}"))
    page.wait_for_selector("#target-chart[data-ready]")
    page.screenshot(path=str(SHOTS / "real-03-target.png"), full_page=True)
    evidence = page.locator("#source-sentence mark").inner_text()
    page.click("#evidence-link")
    page.wait_for_url(f"**/documents/{target['document_id']}#item-{target['id']}")
    highlighted = "".join(page.locator(".doc-text .current").all_inner_texts())
    assert evidence in highlighted
    page.screenshot(path=str(SHOTS / "real-04-document.png"))

    page.goto(s.url(f"/login?next=/targets/{target['id']}"))
    page.fill("#token", real_site["token"])
    page.click("#login-submit")
    page.wait_for_url(f"**/targets/{target['id']}")
    corrected = float(round(target["value"] * 1.5) + 1)
    page.fill("#f_value", f"{corrected:.0f}")
    page.fill("textarea[name=note]", "checked against the printed plan")
    page.click("#review-submit")
    page.wait_for_url(f"**/targets/{target['id']}#review")
    assert page.locator("h1 .rv-corrected").is_visible()
    page.screenshot(path=str(SHOTS / "real-05-corrected.png"), full_page=True)

    source = store.get_document_row(target["document_id"])["source"]
    for extra in ([], ["--force"]):
        run = subprocess.run([*GOALPOST, "ingest", source, "--db", real_site["url"], *extra],
                             capture_output=True, text=True, timeout=300)  # fmt: skip
        assert run.returncode == 0, run.stderr
        page.goto(s.url(f"/targets/{target['id']}"))
        assert page.locator("h1 .rv-corrected").is_visible(), extra
        assert store.get_item(target["id"])["value"] == corrected, extra
    page.screenshot(path=str(SHOTS / "real-06-after-reingest.png"), full_page=True)
