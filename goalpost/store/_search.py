"""Full-text search over documents, in English and Chinese.

SQLite uses the FTS5 table ``documents_fts`` (trigram tokenizer, migration
0002); PostgreSQL uses ``to_tsvector('simple', ...)`` with an ``ILIKE``
fallback, because the 'simple' parser does not split Chinese into words.
Results carry the matching sentences and the items extracted from them.

>>> from goalpost.store import Store
>>> search_documents(Store("sqlite:///:memory:"), "incubators")
[]
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, select, text

from goalpost.store import _schema as t

# Sentence ends in both languages; a newline also ends a sentence (headings, list items).
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|[。！？；]|\n")
MAX_TERMS = 8
MAX_SENTENCES = 5


def query_terms(query: str) -> list[str]:
    """The terms of a query: quoted phrases kept whole, other words split on spaces.

    >>> query_terms('"hi-tech enterprises" 2025  孵化器')
    ['hi-tech enterprises', '2025', '孵化器']
    """
    query = (query or "").replace("\x00", "")  # why: NUL ends strings in SQLite's C API
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', query)]
    terms = [x.strip().replace('"', "") for x in terms]
    return [x for x in terms if x][:MAX_TERMS]


def _fts_expression(terms: list[str]) -> str:
    # why: every term is quoted, so FTS5 operators typed by a user are plain text
    return " AND ".join('"' + term.replace('"', "") + '"' for term in terms)


def _sqlite_ids(conn: Any, terms: list[str], limit: int) -> list[str]:
    long_terms = [x for x in terms if len(x) >= 3]
    short_terms = [x for x in terms if len(x) < 3]
    params: dict[str, Any] = {"limit": limit}
    where, order = [], "d.date DESC"
    if long_terms:
        where.append("documents_fts MATCH :match")
        params["match"] = _fts_expression(long_terms)
        order = "bm25(documents_fts)"
    # why: a trigram index cannot MATCH terms under three characters (二字 Chinese words)
    for n, term in enumerate(short_terms):
        where.append(f"(f.text LIKE :like{n} ESCAPE '\\' OR f.title LIKE :like{n} ESCAPE '\\')")
        params[f"like{n}"] = "%" + _escape_like(term) + "%"
    sql = (
        "SELECT f.doc_id FROM documents_fts AS f JOIN documents AS d ON d.id = f.doc_id "
        f"WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :limit"
    )
    return [r[0] for r in conn.execute(text(sql), params)]


def _postgres_ids(conn: Any, terms: list[str], limit: int) -> list[str]:
    params: dict[str, Any] = {"limit": limit}
    where = []
    for n, term in enumerate(terms):
        where.append(
            f"(to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', :q{n})"
            f" OR text ILIKE :like{n} OR title ILIKE :like{n})"
        )
        params[f"q{n}"] = term
        params[f"like{n}"] = "%" + _escape_like(term) + "%"
    sql = f"SELECT id FROM documents WHERE {' AND '.join(where)} ORDER BY date DESC NULLS LAST LIMIT :limit"
    return [r[0] for r in conn.execute(text(sql), params)]


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def sentence_bounds(doc_text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding offset ``pos``.

    >>> s = "One. Two has 5 labs. Three."
    >>> a, b = sentence_bounds(s, 9); s[a:b]
    'Two has 5 labs.'
    """
    start = 0
    for m in _SENTENCE_END.finditer(doc_text, 0, pos):
        start = m.end()
    while start < pos and doc_text[start].isspace():
        start += 1
    m = _SENTENCE_END.search(doc_text, pos)
    end = m.end() if m else len(doc_text)
    if doc_text[end - 1 : end] == "\n":
        end -= 1
    return start, max(end, pos)


def matching_sentences(
    doc_text: str, terms: list[str], limit: int = MAX_SENTENCES
) -> list[dict[str, Any]]:
    """Sentences of ``doc_text`` holding any term, each with the term spans inside it."""
    lowered = doc_text.lower()
    hits: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for term in terms:
        needle = term.lower()
        pos = lowered.find(needle)
        while pos != -1 and len(hits) <= limit * 4:
            bounds = sentence_bounds(doc_text, pos)
            hits.setdefault(bounds, []).append((pos, pos + len(needle)))
            pos = lowered.find(needle, pos + len(needle))
    # why: sentences holding more of the terms say more about the query
    ranked = sorted(
        hits.items(), key=lambda kv: (-len({doc_text[a:b].lower() for a, b in kv[1]}), kv[0][0])
    )
    out = []
    for (start, end), spans in ranked[:limit]:
        out.append(
            {
                "start": start,
                "end": end,
                "sentence": doc_text[start:end],
                "spans": sorted(set(spans)),
            }
        )
    out.sort(key=lambda s: s["start"])
    return out


def search_documents(store: Any, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Documents matching every term of ``query``, best first.

    Each result: ``id``, ``title``, ``date``, ``lang``, ``region`` and
    ``sentences`` (``start``, ``end``, ``sentence``, ``spans`` of the terms
    and ``items`` extracted from that sentence). Queries are bound
    parameters; FTS5 syntax in a query is searched for literally.
    """
    terms = query_terms(query)
    if not terms:
        return []
    limit = max(1, min(int(limit), 200))
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            ids = _sqlite_ids(conn, terms, limit)
        else:
            ids = _postgres_ids(conn, terms, limit)
        if not ids:
            return []
        d = t.documents
        rows = {
            r["id"]: dict(r)
            for r in conn.execute(
                select(d.c.id, d.c.title, d.c.date, d.c.lang, d.c.region, d.c.text).where(
                    d.c.id.in_(bindparam("ids", expanding=True))
                ),
                {"ids": ids},
            ).mappings()
        }
        i = t.items
        items = conn.execute(
            select(i.c.id, i.c.document_id, i.c.kind, i.c.indicator_text, i.c.comparator, i.c.value,
                   i.c.value_max, i.c.unit, i.c.date, i.c.start, i.c.end, i.c.review_status)
            .where(i.c.document_id.in_(bindparam("ids", expanding=True)), i.c.review_status != "rejected")
            .order_by(i.c.start),
            {"ids": ids},
        ).mappings().all()  # fmt: skip
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for it in items:
        by_doc.setdefault(it["document_id"], []).append(dict(it))
    out = []
    for doc_id in ids:
        row = rows.get(doc_id)
        if row is None:
            continue
        sentences = matching_sentences(row.pop("text"), terms)
        for s in sentences:
            s["items"] = [
                it
                for it in by_doc.get(doc_id, [])
                if it["start"] is not None and s["start"] <= it["start"] < s["end"]
            ]
        out.append({**row, "sentences": sentences})
    return out
