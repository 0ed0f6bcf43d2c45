"""The plain data that flows between goalpost's parts.

Character offsets into ``Document.text`` (the clean text) are the only
coordinates: every :class:`Section` and :class:`Item` points into it.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["target", "observation"]
Comparator = Literal[">", ">=", "=", "<=", "<", "~", "range"]
COMPARATORS: tuple[str, ...] = (">", ">=", "=", "<=", "<", "~", "range")
KINDS: tuple[str, ...] = ("target", "observation")


@dataclass(frozen=True)
class Section:
    """A heading or numbered item of a document's outline.

    ``start``/``end`` cover the whole section (heading included) up to the
    next heading of the same or a higher level; ``heading_end`` is where the
    heading line itself ends. ``level`` 1 is the highest.

    >>> Section(title="Overall Goal", level=1, start=0, heading_end=12, end=80).title
    'Overall Goal'
    """

    title: str
    level: int
    start: int
    heading_end: int
    end: int
    number: str | None = None  # "(4)", "I.", "一、" as printed, when the heading is numbered


@dataclass
class Document:
    """A plan or report, read and cleaned.

    ``id`` is a content hash (stable across runs and machines); ``date`` is
    the publication date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``;
    ``period`` is the plan period ``(first_year, last_year)`` when stated.

    >>> d = Document.from_text("By 2025 the city will have 10 labs.", title="Plan")
    >>> len(d.id), d.lang
    (16, 'en')
    """

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    period: tuple[int, int] | None = None
    lang: str = "en"
    region: str | None = None
    sections: list[Section] = field(default_factory=list)
    format: str = "txt"

    @staticmethod
    def content_id(data: bytes | str) -> str:
        """Stable 16-hex-digit id of a document's content."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        return hashlib.sha256(data).hexdigest()[:16]

    @classmethod
    def from_text(cls, text: str, **kwargs: Any) -> Document:
        """Build a Document from clean text (language guessed when not given)."""
        from goalpost.documents import build_document

        return build_document(text, **kwargs)

    def section_at(self, offset: int) -> Section | None:
        """The innermost outline section holding ``offset``, or None."""
        best: Section | None = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best


@dataclass
class Item:
    """One quantified target or reported statistic, with its evidence.

    ``start``/``end`` are the evidence span in the document's clean text
    (the value's surface form lies inside it); ``sentence_start`` and
    ``sentence_end`` bound the sentence. ``date`` is a target's deadline or an
    observation's as-of date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
    """

    doc: str
    kind: Kind
    indicator: str
    comparator: Comparator
    value: float
    unit: str
    start: int
    end: int
    sentence: str
    value_max: float | None = None
    date: str | None = None
    growth: bool = False
    section: str | None = None
    region: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    indicator_start: int | None = None
    indicator_end: int | None = None
    lang: str = "en"

    @property
    def id(self) -> str:
        """Stable id: document, evidence span and what was read there."""
        if self.value == 0:  # why: 0.0 and -0.0 are one cache key but two ids (repr differs)
            return _item_id.__wrapped__(
                self.doc, self.start, self.end, self.kind, self.value, self.unit
            )
        return _item_id(self.doc, self.start, self.end, self.kind, self.value, self.unit)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-line record of ``goalpost extract`` (id first)."""
        return {"id": self.id, **asdict(self)}


@functools.lru_cache(maxsize=65536, typed=True)  # typed: 1 and 1.0 give different ids
def _item_id(doc: str, start: int, end: int, kind: str, value: float, unit: str) -> str:
    # why cached: linking, writing and the report each ask an item for its id (5 times per
    # item in an ingest); the fields are the cache key, so a changed item gets a new id
    key = f"{doc}:{start}:{end}:{kind}:{value!r}:{unit}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
