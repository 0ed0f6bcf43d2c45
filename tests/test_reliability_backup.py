"""``goalpost db backup`` / ``restore`` round trips through the real CLI, on both backends.

A database with documents, items, reviews, imported figures, assessments and
tokens is backed up and restored into a fresh database of each backend
(SQLite to PostgreSQL and back included); every table comes back identical
and passes the integrity check. A damaged backup is refused with a clear
error and leaves the target database as it was.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from goalpost.store import Store
from goalpost.store import _schema as t
from goalpost.store._maintenance import check_integrity

GOALPOST = Path(sys.executable).with_name("goalpost")
PLAN = (
    "Innovation Plan (2019-2021)\n\nI. Overall Goal\n\n"
    "By the end of 2021, the city will have over 12,000 hi-tech companies.\n"
    "到2021年，全市高新技术企业超过12000家，研发经费占比达到3.1%。\n"
)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GOALPOST), *args], capture_output=True, text=True, timeout=300)


def _content(url: str) -> dict[str, list[tuple]]:
    store = Store(url)
    try:
        with store.engine.connect() as c:
            return {
                tbl.name: sorted(
                    (tuple(map(str, r)) for r in c.execute(select(tbl))), key=lambda r: r
                )
                for tbl in t.metadata.sorted_tables
            }
    finally:
        store.close()


def _fill(url: str, tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "stats.csv").write_text(
        "region,indicator,value,unit,period,source\nGuangzhou,incubators,280,count,2017,bureau\n",
        encoding="utf-8",
    )
    from goalpost._importer import import_file
    from goalpost._ingest import ingest
    from goalpost._scoreboard import assess_store
    from goalpost._tokens import create_token

    # why in-process: only backup, restore and check are the commands under test
    store = Store(url)
    assert ingest(store, [tmp_path / "docs"]).failed == []
    assert import_file(store, tmp_path / "stats.csv").added == 1
    assess_store(store)
    create_token(store, "ana")
    store.close()
    store = Store(url)
    item = store.items(kind="target")[0]
    store.review_item(item["id"], "correct", actor="ana", fields={"value": 12345.0}, note="typo")
    store.close()
    return _content(url)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["sqlite", "same-backend"])
def test_backup_and_restore_round_trip_through_the_cli(
    db_url: str, tmp_path: Path, target: str
) -> None:
    before = _fill(db_url, tmp_path)
    backup = tmp_path / "gp.jsonl.gz"
    run = _cli("db", "backup", str(backup), "--db", db_url)
    assert run.returncode == 0, run.stderr
    if target == "sqlite":
        restored = f"sqlite:///{tmp_path / 'restored.db'}"
    else:
        # the same backend, emptied: what a restore after a disaster looks like
        restored = db_url
        store = Store(db_url)
        with store.transaction() as c:
            for tbl in reversed(t.metadata.sorted_tables):
                c.execute(tbl.delete())
        store.close()
        assert _content(db_url)["items"] == []
    run = _cli("db", "restore", str(backup), "--db", restored)
    assert run.returncode == 0, run.stderr
    assert _content(restored) == before
    assert _cli("db", "check", "--db", restored).returncode == 0
    store = Store(restored)
    try:
        assert check_integrity(store) == []
        # the restored database keeps working: ids keep counting up after restored rows
        item = store.items(kind="target")[0]
        store.review_item(item["id"], "note", actor="ana", note="after restore")
        assert len(store.reviews()) == 2
    finally:
        store.close()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "unreadable backup"),
        (lambda data: b"not a backup", "unreadable backup"),
        (lambda data: gzip.compress(b'{"format": "something-else"}\n'), "not a goalpost backup"),
    ],
    ids=["truncated", "garbage", "foreign"],
)
def test_damaged_backup_is_refused_and_changes_nothing(
    db_url: str, tmp_path: Path, damage: Any, message: str
) -> None:
    before = _fill(db_url, tmp_path)
    backup = tmp_path / "gp.jsonl.gz"
    assert _cli("db", "backup", str(backup), "--db", db_url).returncode == 0
    backup.write_bytes(damage(backup.read_bytes()))
    run = _cli("db", "restore", str(backup), "--db", db_url)
    assert run.returncode == 1
    assert message in run.stderr and str(backup) in run.stderr
    assert "Traceback" not in run.stderr
    assert _content(db_url) == before
