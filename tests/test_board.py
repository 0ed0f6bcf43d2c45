"""The in-memory target board gives exactly the SQL path's pages, totals and counts, on both backends.

The database mixes a generated scoreboard (``benchmarks/make_big_db.py``'s
``build``, small) with the hand-made web corpus (non-ASCII titles, Chinese,
targets without assessments or dates), then rejects some targets; every
filter and sort combination is paged both ways and compared.
"""

from __future__ import annotations

import itertools

import pytest
from web_fixtures import BOARD_FILTERS, fill_board_mix

from goalpost.store import _queries as qy
from goalpost.store._board import TargetBoard


@pytest.fixture
def board_store(store):
    return fill_board_mix(store)


FILTERS = BOARD_FILTERS


@pytest.mark.parametrize("sort", qy.SORTS)
def test_board_pages_match_sql(board_store, sort):
    board = TargetBoard()
    for fdesc, (limit, offset) in itertools.product(FILTERS, [(50, 0), (7, 13), (100, 300)]):
        f = qy.Filters(**fdesc).cleaned()
        assert board.supports(f)
        sql_rows, sql_total = qy.list_items(
            board_store, "target", f, sort=sort, limit=limit, offset=offset
        )
        rows, total = qy.list_items(board_store, "target", f, sort=sort, limit=limit, offset=offset,
                                    board=board)  # fmt: skip
        assert [r["id"] for r in rows] == [r["id"] for r in sql_rows], (fdesc, limit, offset)
        assert total == sql_total, fdesc
    assert board.builds == 1


@pytest.mark.parametrize("fdesc", FILTERS)
def test_board_status_counts_match_sql(board_store, fdesc):
    f = qy.Filters(**fdesc).cleaned()
    board = TargetBoard()
    got = board.status_counts(board_store, qy.data_version(board_store), f)
    assert got == qy.status_counts(board_store, f)
    assert list(got) == list(qy.status_counts(board_store, f))  # same order of the chips


@pytest.mark.parametrize(
    "fdesc", [{"q": "incubators"}, {"document": "plans/"}, {"year": "20x1"}, {"year": "abcd"}]
)
def test_board_leaves_filters_it_cannot_mirror_to_sql(board_store, fdesc):
    f = qy.Filters(**fdesc).cleaned()
    board = TargetBoard()
    assert not board.supports(f)
    rows, total = qy.list_items(board_store, "target", f, board=board)
    assert board.builds == 0
    sql_rows, sql_total = qy.list_items(board_store, "target", f)
    assert [r["id"] for r in rows] == [r["id"] for r in sql_rows] and total == sql_total


def test_board_rebuilds_when_the_data_changes(board_store):
    board = TargetBoard()
    f = qy.Filters().cleaned()
    rows, total = qy.list_items(board_store, "target", f, board=board, limit=5)
    first = rows[0]["id"]
    board_store.review_item(first, "reject", actor="test")
    rows2, total2 = qy.list_items(board_store, "target", f, board=board, limit=5)
    assert first not in [r["id"] for r in rows2]
    assert total2 == total - 1
    assert board.builds == 2
    qy.list_items(board_store, "target", f, board=board, limit=5, offset=5)
    assert board.builds == 2  # an unchanged database reuses the board


def test_background_board_answers_by_sql_until_built(board_store):
    board = TargetBoard(background=True)
    f = qy.Filters(region="Region02").cleaned()
    version = qy.data_version(board_store)
    assert (
        board.page(board_store, version, f, "plan", 10, 0) is None
    )  # build started, not waited for
    rows, total = qy.list_items(board_store, "target", f, board=board, limit=10)
    sql_rows, sql_total = qy.list_items(board_store, "target", f, limit=10)
    assert [r["id"] for r in rows] == [r["id"] for r in sql_rows] and total == sql_total
    assert board.wait(timeout=60)
    assert board.builds == 1 and board.last_build_seconds is not None
    ids, total = board.page(board_store, version, f, "plan", 10, 0)
    assert ids == [r["id"] for r in sql_rows] and total == sql_total
