"""``kill -9`` of ``goalpost ingest`` at random moments never half-writes anything.

A real ``goalpost ingest`` process is started on a small generated corpus
and killed with SIGKILL, repeatedly, at random moments (some while it starts
up or migrates, most while it stores documents). After every kill the
database passes ``goalpost db check``, every stored document holds exactly
the items and sections a clean ingest of its file gives (nothing
half-written), and a final run completes the batch with every document
present exactly once. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from goalpost._ingest import iter_files, process_file
from goalpost.store import _schema as t
from goalpost.store._engine import normalize_url

REPO = Path(__file__).resolve().parents[1]
GOALPOST = Path(sys.executable).with_name("goalpost")
KILLS = 7  # why: one early (start-up, migration), the rest mid-batch; ~2 s each


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, tuple[set[str], int]]]:
    """A 120-document corpus and, per file, the item ids and section count it must give.

    Why 120: a clean ingest of it takes a few seconds, so even the early kill (up to 1.5 s
    in) and the six that follow land before the batch is done, on a fast machine too.
    """
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPO / "benchmarks" / "make_corpus.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mod  # why: dataclasses look their module up there
    spec.loader.exec_module(mod)
    root = tmp_path_factory.mktemp("crash") / "corpus"
    mod.generate_corpus(root, 120, seed=7)
    expected = {}
    for f in iter_files([root]):
        p = process_file(f)
        expected[str(f)] = ({i.id for i in p.items}, len(p.document.sections))
    return root, expected


def _ingest(root: Path, db_url: str) -> subprocess.Popen:
    return subprocess.Popen(
        # why --batch 4: many transactions in a 120-file corpus, so kills land between them too
        [str(GOALPOST), "ingest", str(root), "--db", db_url, "--batch", "4"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # why: SIGKILL must hit only this process group
    )


def _stored_count(engine: Engine) -> int:
    """Documents stored so far (0 while the schema is not there yet)."""
    try:
        with engine.connect() as c:
            return c.execute(select(func.count()).select_from(t.documents)).scalar_one()
    except SQLAlchemyError:  # why: before the first migration commits there is no table
        return 0


def _assert_sound(db_url: str, expected: dict[str, tuple[set[str], int]]) -> dict[str, Any]:
    """``goalpost db check`` passes and every stored document is whole."""
    check = subprocess.run(
        [str(GOALPOST), "db", "check", "--db", db_url], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    eng = create_engine(normalize_url(db_url))
    with eng.connect() as c:
        docs = dict(c.execute(select(t.documents.c.id, t.documents.c.source)).all())
        items: dict[str, set[str]] = {}
        for doc_id, item_id in c.execute(select(t.items.c.document_id, t.items.c.id)):
            items.setdefault(doc_id, set()).add(item_id)
        sections = dict(
            c.execute(
                select(t.sections.c.document_id, func.count()).group_by(t.sections.c.document_id)
            ).all()
        )
        inserted = c.execute(
            select(func.count())
            .select_from(t.audit_log)
            .where(t.audit_log.c.action == "document.inserted")
        ).scalar_one()
    eng.dispose()
    assert len(set(docs.values())) == len(docs), "a file is stored twice"
    for doc_id, source in docs.items():
        want_items, want_sections = expected[source]
        assert items.get(doc_id, set()) == want_items, f"{source} is half-written"
        assert sections.get(doc_id, 0) == want_sections, f"{source} has missing sections"
    # every stored document was logged in the same transaction, and nothing else was
    assert inserted == len(docs)
    return docs


@pytest.mark.slow
def test_kill_9_during_ingest_never_half_writes_and_rerun_completes(
    db_url: str, corpus: tuple[Path, dict[str, tuple[set[str], int]]]
) -> None:
    root, expected = corpus
    rng = random.Random(20261123)
    watcher = create_engine(normalize_url(db_url))
    kills_mid_batch = 0
    log: list[str] = []  # why: a failure says what every run did
    # why up to 3x KILLS runs: on a loaded machine a run can end before its kill lands;
    # runs go on until KILLS kills have landed mid-batch or the attempts run out
    for n in range(3 * KILLS):
        if kills_mid_batch >= KILLS:
            break
        before = _stored_count(watcher)
        proc = _ingest(root, db_url)
        if n == 0:
            # early: start-up, migration or catalog sync on a fresh database
            time.sleep(rng.uniform(0.1, 1.5))
        else:
            # once 1-3 more documents are stored, then a random moment later,
            # so kills land while a document is read, extracted or written
            goal = before + rng.randint(1, 3)
            deadline = time.monotonic() + 60
            while _stored_count(watcher) < goal and proc.poll() is None:
                assert time.monotonic() < deadline, "ingest made no progress"
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.15))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        err = proc.stderr.read()
        proc.stderr.close()
        # a run that was not killed must have succeeded: an error exit is a bug, not luck
        assert proc.returncode in (0, -signal.SIGKILL), err
        docs = _assert_sound(db_url, expected)
        log.append(f"run {n}: {before} -> {len(docs)} stored, exit {proc.returncode}")
        kills_mid_batch += proc.returncode == -signal.SIGKILL and 0 < len(docs) < len(expected)
        if len(docs) == len(expected):
            break
    watcher.dispose()
    assert kills_mid_batch >= KILLS // 2, "too few kills landed mid-batch:\n" + "\n".join(log)

    final = _ingest(root, db_url)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err
    docs = _assert_sound(db_url, expected)
    assert sorted(docs.values()) == sorted(expected)


def test_dask_engine_chunk_write_is_whole_if_killed_right_after(
    tmp_path: Path, corpus: tuple[Path, dict[str, tuple[set[str], int]]]
) -> None:
    """The moment a kill would do most harm on ``--engine dask``: right after a batch write."""
    from goalpost._ingest import IngestReport, write_batch
    from goalpost._linking import Linker
    from goalpost.store import Store
    from goalpost.store._maintenance import check_integrity

    root, _ = corpus
    store = Store(f"sqlite:///{tmp_path / 'dask.db'}")
    linker = Linker.for_store(store)
    chunk = [process_file(f) for f in iter_files([root])[:8]]
    write_batch(store, linker, chunk, IngestReport(), False, None)
    # the process dies here: ingest_dask's final save_new_indicators never runs
    assert check_integrity(store) == []
