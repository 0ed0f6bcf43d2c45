"""Pydantic models of the JSON API: they make ``/openapi.json`` exact enough to test against."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")
Comparator = Literal[">", ">=", "=", "<=", "<", "~", "range"]


class Problem(BaseModel):
    """An error: what went wrong, in words."""

    detail: Any


class Page(BaseModel, Generic[T]):
    """One page of a listing: ``next`` is the URL of the following page, or null at the end."""

    items: list[T]
    total: int = Field(description="how many records match the filters")
    limit: int
    offset: int
    next: str | None = None


class ItemOut(BaseModel):
    """A target or observation. ``id`` is stable: a hash of document, span and reading."""

    id: str
    kind: str
    origin: str
    document_id: str | None = None
    indicator_text: str
    indicator_id: str | None = None
    link_method: str | None = None
    link_score: float | None = None
    comparator: str
    value: float
    value_max: float | None = None
    unit: str
    date: str | None = Field(None, description="deadline of a target, as-of date of an observation")
    growth: bool = False
    region: str | None = None
    section: str | None = None
    lang: str | None = None
    start: int | None = None
    end: int | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    sentence: str | None = None
    source: str | None = None
    import_file: str | None = None
    import_row: int | None = None
    review_status: str
    created_at: str
    doc_title: str | None = None
    doc_date: str | None = None
    status: str | None = Field(None, description="assessment status of a target")
    url: str = Field(description="the item's page")


class PointOut(BaseModel):
    value: float | None = None
    period: str | None = None
    source: str | None = None


class ForecastOut(BaseModel):
    value: float | None = None
    low: float | None = None
    high: float | None = None
    probability: float | None = None


class EvidenceOut(BaseModel):
    start: int | None = None
    end: int | None = None
    sentence: str | None = None


class StatusOut(BaseModel):
    """One scoreboard record: the same fields as ``goalpost status --format json``."""

    id: str
    region: str | None = None
    indicator: str | None = None
    indicator_text: str
    comparator: str
    value: float
    value_max: float | None = None
    unit: str
    deadline: str | None = None
    growth: bool
    plan: str | None = None
    document: str | None = None
    section: str | None = None
    baseline: PointOut
    latest: PointOut
    ratio: float | None = None
    progress: float | None = None
    status: str
    forecast: ForecastOut
    method: str | None = None
    explanation: str | None = None
    details: dict[str, Any] | None = None
    revisions: list[str]
    review_status: str | None = None
    evidence: EvidenceOut


class IndicatorOut(BaseModel):
    id: str
    name_en: str | None = None
    name_zh: str | None = None
    unit: str | None = None
    direction: str | None = None
    definition: str | None = None
    provisional: bool = False
    merged_into: str | None = None
    targets: int = 0
    observations: int = 0


class DocumentOut(BaseModel):
    id: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    lang: str | None = None
    region: str | None = None
    format: str | None = None
    is_plan: bool = False
    size: int | None = None
    ingested_at: str
    items: int = 0
    url: str


class SectionOut(BaseModel):
    title: str
    level: int
    start: int
    heading_end: int
    end: int
    number: str | None = None


class DocumentFull(DocumentOut):
    text: str
    sections: list[SectionOut]


class RevisionOut(BaseModel):
    id: int
    indicator_id: str
    region: str | None = None
    older_id: str | None = None
    newer_id: str | None = None
    kind: str
    detail: str | None = None


class SearchSentence(BaseModel):
    start: int
    end: int
    sentence: str
    spans: list[tuple[int, int]]
    items: list[dict[str, Any]]


class SearchResult(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    region: str | None = None
    sentences: list[SearchSentence]


class CorrectionFields(BaseModel):
    """Fields a reviewer may correct; only those given are changed."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["target", "observation"] | None = None
    indicator_text: str | None = Field(None, min_length=1, max_length=500)
    indicator_id: str | None = Field(None, min_length=1, max_length=128)
    comparator: Comparator | None = None
    value: float | None = Field(None, allow_inf_nan=False)
    value_max: float | None = Field(None, allow_inf_nan=False)
    unit: str | None = Field(None, min_length=1, max_length=32)
    date: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    growth: bool | None = None
    region: str | None = Field(None, max_length=64)
    section: str | None = Field(None, max_length=500)


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["accept", "correct", "reject", "note"]
    fields: CorrectionFields = Field(default_factory=CorrectionFields)
    note: str | None = Field(None, max_length=2000)


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: str = Field(min_length=1, max_length=128)


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phrase: str = Field(min_length=1, max_length=500)
    unit: str | None = Field(None, max_length=32)
    indicator_id: str = Field(min_length=1, max_length=128)


class CountOut(BaseModel):
    updated: int


class ImportResultOut(BaseModel):
    file: str
    kind: str
    ok: bool
    summary: str
    errors: list[tuple[int | None, str]]
