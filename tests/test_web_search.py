"""Full-text search over documents on SQLite (FTS5 trigram) and PostgreSQL, English and Chinese."""

from __future__ import annotations

import pytest
from web_fixtures import fill_store

from goalpost._models import Document
from goalpost.store._search import query_terms, search_documents, sentence_bounds


@pytest.mark.parametrize(
    ("query", "doc", "sentence"),
    [
        ("incubators", "report", "By July 2017 Guangzhou has 280 incubators."),
        ("INCUBATORS 280", "report", "By July 2017 Guangzhou has 280 incubators."),
        ('"high-tech enterprises"', "report", "In 2017 the city had 8,700 high-tech enterprises."),
        ("高新技术企业", "zh", "到2025年，全市高新技术企业超过15000家。"),
        (
            "企业",
            "zh",
            "到2025年，全市高新技术企业超过15000家。",
        ),  # two characters: below a trigram
    ],
)
def test_search_finds_matching_sentences(store, query, doc, sentence):
    ids = fill_store(store)
    results = search_documents(store, query)
    hit = next(r for r in results if r["id"] == ids[doc])
    assert sentence in [s["sentence"] for s in hit["sentences"]]


def test_search_requires_every_term_and_attaches_items(store):
    ids = fill_store(store)
    assert [r["id"] for r in search_documents(store, "incubators July")] == [ids["report"]]
    assert search_documents(store, "incubators zebra") == []
    [report] = [r for r in search_documents(store, "280") if r["id"] == ids["report"]]
    assert [i["id"] for i in report["sentences"][0]["items"]] == [ids["o_inc"]]


@pytest.mark.parametrize(
    "query",
    ['"', "a OR b*", "NEAR(x y)", "col:val", "'; DROP TABLE documents; --", "%", "_", "\x00x"],
)
def test_search_syntax_is_taken_literally(store, query):
    fill_store(store)
    assert isinstance(search_documents(store, query), list)
    assert store.count_documents() == 4


def test_search_index_follows_documents(store):
    doc = Document(
        id="d1", text="The zeppelin hangar opened in 2019.", title="Airships", source="a.txt"
    )
    store.save_document(doc, [])
    assert [r["id"] for r in search_documents(store, "zeppelin")] == ["d1"]
    newer = Document(
        id="d2", text="The blimp hangar opened in 2020.", title="Airships", source="a.txt"
    )
    assert store.save_document(newer, []) == "replaced"
    assert search_documents(store, "zeppelin") == []
    assert [r["id"] for r in search_documents(store, "blimp")] == ["d2"]


def test_query_terms_and_sentences():
    assert query_terms("  ") == []
    assert query_terms('a "b c" d') == ["a", "b c", "d"]
    text = "第一句。第二句有12个孵化器！Third one."
    a, b = sentence_bounds(text, text.index("孵化器"))
    assert text[a:b] == "第二句有12个孵化器！"


def test_migration_downgrade_and_upgrade(tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from goalpost.store import Store, migrate
    from goalpost.store._engine import alembic_config

    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    store.save_document(Document(id="d1", text="Quantum labs: 12.", title="Q", source="q.txt"), [])
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert "documents_fts" not in inspect(store.engine).get_table_names()
    migrate(store.engine, "head")
    assert [r["id"] for r in search_documents(store, "quantum")] == ["d1"]  # back-filled
