"""``goalpost status --limit`` through the driver alone gives the Store path's page, on both backends.

:mod:`goalpost.store._quick` answers one scoreboard page with plain SQL so the
command skips SQLAlchemy's import; :func:`goalpost._scoreboard.scoreboard`
(SQLAlchemy Core) is the reference. The database is the board tests' mix: a
generated scoreboard, the hand-made web corpus (non-ASCII titles, targets
without assessments or dates), some targets rejected and some corrected.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from web_fixtures import BOARD_FILTERS, fill_board_mix, fill_store

from goalpost._scoreboard import scoreboard
from goalpost.cli import main
from goalpost.store import _quick


@pytest.fixture
def page_store(store):
    return fill_board_mix(store, 300)


# why: the status command has no year filter; LIKE wildcards a user typed are matched literally
FILTERS = [f for f in BOARD_FILTERS if "year" not in f] + [{"indicator": "100%"}, {"plan": "_"}]


@pytest.mark.parametrize("fdesc", FILTERS, ids=[json.dumps(f) for f in FILTERS])
def test_quick_page_is_the_store_page(page_store, fdesc):
    for limit, offset in [(50, 0), (7, 13), (100, 300), (1, 0)]:
        expected = scoreboard(page_store, limit=limit, offset=offset, **fdesc)
        got = _quick.scoreboard_page(page_store.url, limit=limit, offset=offset, **fdesc)
        assert got == expected, (fdesc, limit, offset)
    assert got is not None


def test_quick_page_has_assessments_and_revisions(page_store):
    rows = _quick.scoreboard_page(page_store.url, limit=1000)
    assert rows and any(r["assessment"] for r in rows)
    assert all(isinstance(r["growth"], bool) for r in rows)
    assert {r["id"] for r in rows} == {r["id"] for r in scoreboard(page_store, limit=1000)}


def test_cli_status_page_same_output_either_way(page_store, monkeypatch):
    runner = CliRunner()
    for fmt, args in itertools.product(
        ["json", "table"], [[], ["--region", "region02"], ["--offset", "40"]]
    ):
        cmd = ["status", "--db", page_store.url, "--limit", "25", "--format", fmt, *args]
        quick = runner.invoke(main, cmd)
        with monkeypatch.context() as m:
            m.setattr(_quick, "scoreboard_page", lambda *a, **k: None)
            slow = runner.invoke(main, cmd)
        assert quick.exit_code == 0 == slow.exit_code, quick.output
        assert quick.output == slow.output
        assert len(quick.output) > 200


def _version(url: str, value: str) -> None:
    from sqlalchemy import create_engine, text

    eng = create_engine(url)
    with eng.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": value})
    eng.dispose()


def test_quick_page_leaves_an_older_schema_to_the_store(store):
    fill_store(store)
    assert _quick.scoreboard_page(store.url, limit=5)
    _version(store.url, "0001")  # what a database made by an older goalpost would say
    assert _quick.scoreboard_page(store.url, limit=5) is None


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///:memory:",
        "sqlite://",
        "mysql://localhost/x",
        "postgresql://nobody@127.0.0.1:1/none",
    ],
)
def test_quick_page_declines_what_it_cannot_read(url):
    assert _quick.scoreboard_page(url, limit=5) is None


def test_quick_page_never_creates_a_database(tmp_path):
    path = tmp_path / "missing.db"
    assert _quick.scoreboard_page(f"sqlite:///{path}", limit=5) is None
    assert not path.exists()


def test_status_page_runs_without_importing_sqlalchemy(tmp_path):
    from goalpost.store import Store

    url = f"sqlite:///{tmp_path / 'gp.db'}"
    fill_store(Store(url))
    code = (
        "import sys; from goalpost.cli import main\n"
        f"main(['status', '--db', {url!r}, '--limit', '5', '--format', 'json'], standalone_mode=False)\n"
        "print('SQLALCHEMY' if 'sqlalchemy' in sys.modules else 'NO-SQLALCHEMY')"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().endswith("NO-SQLALCHEMY"), run.stdout[-300:]
    assert json.loads(run.stdout.rsplit("]", 1)[0] + "]")[0]["id"]
