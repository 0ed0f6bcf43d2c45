"""The tables, as SQLAlchemy Core metadata.

Everything is plain columns (JSON is stored as readable text), so the SQLite
file is browsable with sqlite3 or Datasette. Extracted and imported figures
share one table, ``items``: extracted ones point at their document and span,
imported ones carry their ``source`` and file row instead.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Naming conventions keep Alembic migrations identical on SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True, comment="content hash of the file"),
    Column("source", Text, nullable=True, index=True, comment="path or URL it was read from"),
    Column("title", Text),
    Column("date", String(10), comment="publication date YYYY[-MM[-DD]]"),
    Column("period_start", Integer),
    Column("period_end", Integer),
    Column("lang", String(8)),
    Column("region", String(64)),
    Column("format", String(8)),
    Column("is_plan", Boolean, nullable=False, default=False),
    Column("size", Integer, comment="bytes of the source file"),
    Column("text", Text, nullable=False, comment="clean text; all spans point into it"),
    Column("ingested_at", String(32), nullable=False),
)

sections = Table(
    "sections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "document_id",
        String(32),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("ordinal", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("number", String(32)),
    Column("level", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("heading_end", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("name_en", Text),
    Column("name_zh", Text),
    Column("unit", String(32)),
    Column("direction", String(8), default="up", comment="up: higher is better; down"),
    Column("definition", Text),
    Column("provisional", Boolean, nullable=False, default=False),
    Column("merged_into", String(128), nullable=True),
)

indicator_aliases = Table(
    "indicator_aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "indicator_id",
        String(128),
        ForeignKey("indicators.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("alias", Text, nullable=False),
    Column("lang", String(8)),
    Column("origin", String(16), nullable=False, default="catalog", comment="catalog | manual"),
    UniqueConstraint("indicator_id", "alias", name="uq_indicator_aliases_indicator_alias"),
)

items = Table(
    "items",
    metadata,
    Column("id", String(32), primary_key=True),
    Column(
        "document_id",
        String(32),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
        comment="null for imported figures",
    ),
    Column("origin", String(16), nullable=False, comment="extracted | imported"),
    Column("kind", String(16), nullable=False, comment="target | observation"),
    Column("indicator_text", Text, nullable=False, comment="the phrase as written"),
    Column("indicator_id", String(128), nullable=True, index=True),
    Column("link_method", String(16)),
    Column("link_score", Float),
    Column("comparator", String(8), nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("unit", String(32), nullable=False),
    Column("date", String(10), comment="deadline of a target, as-of date of an observation"),
    Column("growth", Boolean, nullable=False, default=False),
    Column("region", String(64), index=True),
    Column("section", Text),
    Column("lang", String(8)),
    Column("start", Integer),
    Column("end", Integer),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("sentence", Text),
    Column("source", Text, comment="URL or title of an imported figure"),
    Column("import_file", Text),
    Column("import_row", Integer),
    Column("review_status", String(16), nullable=False, default="extracted"),
    Column("created_at", String(32), nullable=False),
)
Index("ix_items_kind_indicator_region", items.c.kind, items.c.indicator_id, items.c.region)
# The scoreboard's covering index (created by migration 0002).
Index(
    "ix_items_board", items.c.kind, items.c.review_status, items.c.document_id, items.c.start, items.c.id,
    items.c.region, items.c.date, items.c.indicator_id,
)  # fmt: skip

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_id", String(32), nullable=False, index=True, comment="survives re-extraction"),
    Column("document_id", String(32), index=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("action", String(16), nullable=False, comment="accept | correct | reject | note"),
    Column("fields", Text, comment="JSON object of corrected fields"),
    Column("note", Text),
    Column("actor", String(128), nullable=False),
    Column("created_at", String(32), nullable=False),
)

indicator_links = Table(
    "indicator_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("phrase", Text, nullable=False, comment="normalised phrase a person linked"),
    Column("unit", String(32)),
    Column("indicator_id", String(128), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("phrase", "unit", name="uq_indicator_links_phrase_unit"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("target_id", String(32), primary_key=True),
    Column("status", String(24), nullable=False, index=True),
    Column("method", String(32), nullable=False),
    Column("ratio", Float),
    Column("progress", Float),
    Column("cagr_actual", Float),
    Column("cagr_required", Float),
    Column("shortfall_pct", Float),
    Column("baseline_value", Float),
    Column("baseline_period", String(10)),
    Column("baseline_source", Text),
    Column("latest_value", Float),
    Column("latest_period", String(10)),
    Column("latest_source", Text),
    Column("forecast_value", Float),
    Column("forecast_low", Float),
    Column("forecast_high", Float),
    Column("forecast_probability", Float),
    Column("explanation", Text),
    Column("details", Text, comment="JSON: observations used, conflicts, deciding rule"),
    Column("computed_at", String(32), nullable=False, index=True),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_id", String(128), nullable=False, index=True),
    Column("region", String(64)),
    Column("older_id", String(32), index=True),
    Column("newer_id", String(32), index=True),
    Column("kind", String(24), nullable=False),
    Column("detail", Text),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False, index=True),
    Column("actor", String(128), nullable=False),
    Column("action", String(32), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(128)),
    Column("before", Text),
    Column("after", Text),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)
