"""Readers and writers at once, on SQLite (WAL, busy timeout) and PostgreSQL.

A real ``goalpost serve`` answers concurrent page views, searches and API
review writes (benchmarks/load.py's clients, for a few seconds) while a
``goalpost ingest`` of more documents and a ``goalpost import`` of
statistics write to the same database from other processes. No error may
reach a user: no 5xx, no broken connection, both commands succeed, every
acknowledged correction is stored, and the database passes its integrity
check afterwards.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from goalpost.store import Store
from goalpost.store._maintenance import check_integrity

REPO = Path(__file__).resolve().parents[1]
GOALPOST = Path(sys.executable).with_name("goalpost")


def _module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # why: dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_web_readers_and_writers_with_ingest_and_import_at_once(
    db_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    load = _module("load")
    corpus = _module("make_corpus")
    token = load.prepare(db_url, 12, seed=1)
    more = tmp_path / "more"
    corpus.generate_corpus(more, 16, seed=2)
    stats = tmp_path / "stats.csv"
    stats.write_text(
        "region,indicator,value,unit,period,source\n"
        + "".join(f"Guangzhou,incubators,{200 + i},count,{2000 + i},bureau\n" for i in range(3000)),
        encoding="utf-8",
    )
    with load.Server(db_url) as server:
        writers = [
            subprocess.Popen([str(GOALPOST), "ingest", str(more), "--db", db_url],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True),
            subprocess.Popen([str(GOALPOST), "import", str(stats), "--db", db_url],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True),
        ]  # fmt: skip
        res = load.run_load(
            server.base,
            token,
            duration=8,
            clients=8,
            max_requests=3000,
            write_share=0.3,
            timeout=20,
        )
        for p in writers:
            _, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
    assert res.errors == [], res.errors[:5]
    assert res.requests > 20 and len(res.acknowledged) > 3
    assert load.lost_writes(db_url, res.acknowledged) == []
    store = Store(db_url)
    try:
        assert check_integrity(store) == []
        assert store.count_documents() == 12 + 16
        assert store.count_items(kind="observation", indicator="incubators") >= 3000
    finally:
        store.close()
