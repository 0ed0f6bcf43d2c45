"""Headless Chromium through the dashboard: scoreboard, filter, target chart, evidence, review.

Needs Debian's ``chromium`` (``make test`` installs it); skipped when absent.
Screenshots land in ``tests/artifacts/screenshots/`` for people to look at.
"""

from __future__ import annotations

import csv
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import fill_store, make_item

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app in a thread, stopped at teardown."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[dict[str, Any]]:
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    folder = tmp_path_factory.mktemp("web")
    store = Store(f"sqlite:///{folder / 'web.db'}")
    ids = fill_store(store)
    token = create_token(store, "reviewer")
    # why: hand-made assessments stay put; the assessment engine is tested on its own
    app = create_app(
        store=store, uploads_dir=folder / "uploads", max_upload_bytes=2_000_000, assess=None
    )
    with LiveServer(app) as server:
        yield {"server": server, "store": store, "ids": ids, "token": token, "folder": folder}
    store.close()


@pytest.fixture
def page(browser) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    # why: a CSP violation or a JS error shows up here, not as a failed request
    # (a wrong token's 401 is expected and logged by Chromium as a failed load)
    pg.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" and "401" not in m.text else None,
    )
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    context.close()
    assert not problems, problems


def test_scoreboard_filter_target_chart_evidence(site, page):
    s, ids = site["server"], site["ids"]
    page.goto(s.url("/"))
    assert page.locator("h1").inner_text() == "Scoreboard"
    assert page.locator(f"#t-{ids['t_hitech']}").is_visible()
    page.screenshot(path=str(SHOTS / "01-scoreboard.png"), full_page=True)

    with page.expect_navigation():
        page.select_option("#status-filter", "on_track")
    assert "status=on_track" in page.url
    statuses = page.locator("table.board tr[data-status]").evaluate_all(
        "rs => rs.map(r => r.dataset.status)"
    )
    assert statuses == ["on_track"]
    page.screenshot(path=str(SHOTS / "02-scoreboard-on-track.png"), full_page=True)

    page.click(f"#t-{ids['t_hitech']} a.target-link")
    page.wait_for_selector("#target-chart[data-ready]")
    n = page.evaluate(
        "() => Chart.getChart(document.getElementById('target-chart')).data.datasets.length"
    )
    assert n >= 4  # observations, baseline, trajectory, target (+ forecast band)
    drawn = page.evaluate("""() => { const c = document.getElementById('target-chart');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++; return ink; }""")
    assert drawn > 1000, "the chart canvas is blank"
    assert "11,610 of 12,000" in page.locator("#explanation").inner_text()
    page.screenshot(path=str(SHOTS / "03-target.png"), full_page=True)

    page.click("#evidence-link")
    page.wait_for_url(f"**/documents/{ids['plan']}#item-{ids['t_hitech']}")
    current = page.locator(".doc-text .current")
    assert current.count() >= 1
    text = "".join(current.all_inner_texts())
    assert "over 12,000 high-tech enterprises" in text and text.startswith("By the end of 2021")
    assert current.first.is_visible()
    page.screenshot(path=str(SHOTS / "04-document-evidence.png"), full_page=False)


def test_login_correct_and_survive_reextraction(site, page):
    s, ids, store = site["server"], site["ids"], site["store"]
    target = ids["t_inc"]
    page.goto(s.url(f"/targets/{target}"))
    page.click("text=Log in to review this item.")
    page.fill("#token", "wrong-token")
    page.click("#login-submit")
    assert page.locator("#login-error").is_visible()
    page.fill("#token", site["token"])
    page.click("#login-submit")
    page.wait_for_url(f"**/targets/{target}")
    assert page.locator("#actor").inner_text() == "reviewer"

    page.fill("#f_value", "450")
    page.fill("textarea[name=note]", "The plan's table says 450.")
    page.click("#review-submit")
    page.wait_for_url(f"**/targets/{target}#review")
    assert "450" in page.locator("#target-value").inner_text()
    audit = page.locator("#audit").inner_text()
    assert "reviewer" in audit and "400" in audit and "450" in audit
    assert page.locator("h1 .rv-corrected").is_visible()
    page.screenshot(path=str(SHOTS / "05-corrected.png"), full_page=True)

    # Re-extraction (what `goalpost ingest --force` does): fresh items, the correction is re-applied.
    doc = store.get_document(ids["plan"])
    fresh = [
        make_item(doc, "target", "high-tech enterprises", "over 12,000 high-tech enterprises", 12000, "count",
                  comparator=">", date="2021", section="I. Overall Goal"),
        make_item(doc, "target", "R&D spending", "reach 3% of GDP", 3.0, "%", comparator=">=", date="2021",
                  section="I. Overall Goal"),
        make_item(doc, "target", "incubators", "exceed 400", 400, "count", comparator=">", date="2020",
                  section="(1) Build more incubators"),
    ]  # fmt: skip
    links = dict(zip([f.id for f in fresh], [("hitech_enterprises", "alias", 100.0), ("rd_intensity", "alias", 100.0),
                                              ("incubators", "alias", 100.0)], strict=True))  # fmt: skip
    store.replace_extraction(doc, fresh, is_plan=True, links=links)
    page.goto(s.url(f"/targets/{target}"))
    assert "450" in page.locator("#target-value").inner_text()
    assert page.locator("h1 .rv-corrected").is_visible()


def test_phone_chinese_and_search(site, browser):
    ctx = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True
    )
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site["server"].url("/"))
    assert page.locator("h1").inner_text() == "目标记分板"  # from Accept-Language
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400, f"page is {width}px wide on a 390px phone"
    page.screenshot(path=str(SHOTS / "06-phone-zh.png"), full_page=True)
    page.goto(site["server"].url("/search?q=高新技术企业&lang=zh"))
    assert page.locator("blockquote.hit mark").first.inner_text() == "高新技术企业"
    page.screenshot(path=str(SHOTS / "07-search-zh.png"), full_page=True)
    ids = site["ids"]
    for name, url in (
        ("target", f"/targets/{ids['t_hitech']}"),
        ("document", f"/documents/{ids['plan']}"),
    ):
        assert page.goto(site["server"].url(url)).status == 200
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 400, f"the {name} page is {width}px wide on a 390px phone"
        page.screenshot(path=str(SHOTS / f"06-phone-{name}.png"), full_page=True)
    page.goto(site["server"].url("/indicators/hitech_enterprises?lang=en"))
    page.wait_for_selector("#indicator-chart[data-ready]")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 400
    page.screenshot(path=str(SHOTS / "08-indicator.png"), full_page=True)
    ctx.close()
    assert not errors, errors


def test_upload_statistics_shows_row_errors(site, page, tmp_path):
    s = site["server"]
    page.goto(s.url("/login?next=/import"))
    page.fill("#token", site["token"])
    page.click("#login-submit")
    page.wait_for_url("**/import")
    f = tmp_path / "stats.csv"
    with f.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["indicator", "value", "unit", "period", "region", "source"])
        w.writerow(["incubators", "310", "count", "2018", "Guangzhou", "yearbook"])
        w.writerow(["incubators", "lots", "count", "2019", "Guangzhou", "yearbook"])
    page.set_input_files("#files", str(f))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#results-table")
    assert page.locator("#upload-progress").evaluate("p => p.value") == 100
    assert "line 3" in page.locator(".row-errors").inner_text()
    page.screenshot(path=str(SHOTS / "09-import.png"), full_page=True)
