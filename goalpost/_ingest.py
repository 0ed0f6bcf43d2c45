"""The main job's first half: files -> Documents -> items -> database.

``process_file`` is pure (no database), so the same work runs in this
process or on Dask workers; ``ingest`` drives it and writes each document
with its items in one transaction, so a crash never leaves half a document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goalpost._exceptions import DocumentError, GoalpostError
from goalpost._models import Document, Item

SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
)


@dataclass
class Overrides:
    """Metadata a user states on the command line, winning over detection."""

    title: str | None = None
    date: str | None = None
    period: tuple[int, int] | None = None
    lang: str | None = None
    region: str | None = None
    max_bytes: int | None = None  # largest file read; None: the reader's default


@dataclass
class Processed:
    """One file read and extracted, ready to store."""

    path: str
    document: Document
    items: list[Item]
    size: int


@dataclass
class IngestReport:
    """What a batch did: counts per outcome and every failure with its reason."""

    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    reextracted: int = 0
    items: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, plus supported files found recursively in folders named.

    Hidden files and folder READMEs (they describe the folder, they are not
    plans) are skipped in folders; a file named explicitly is always taken.

    >>> iter_files([])
    []
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if any(part.startswith(".") for part in rel) or not f.is_file():
                    continue
                if f.suffix.lower() in SUPPORTED_SUFFIXES and not f.stem.upper().startswith(
                    "README"
                ):
                    out.append(f)
        else:
            out.append(p)
    return out


def prepare_document(doc: Document, overrides: Overrides | None = None) -> Document:
    """Apply overrides and fill the subject region when the reader left it empty."""
    o = overrides or Overrides()
    if o.title:
        doc.title = o.title
    if o.date:
        doc.date = o.date
    if o.period:
        doc.period = o.period
    if o.lang:
        doc.lang = o.lang
    if o.region:
        doc.region = o.region
    if doc.region is None:
        from goalpost.regions import subject_region

        doc.region = subject_region(doc.text, doc.title)
    return doc


def process_file(path: str | os.PathLike[str], overrides: Overrides | None = None) -> Processed:
    """Read and extract one file (no database). Raises DocumentError on bad input."""
    from goalpost.documents import read_document
    from goalpost.extract import extract

    o = overrides or Overrides()
    limits = {"max_bytes": o.max_bytes} if o.max_bytes else {}
    doc = read_document(path, title=o.title, date=o.date, period=o.period, lang=o.lang, **limits)
    doc = prepare_document(doc, o)
    items = extract(doc)
    return Processed(str(path), doc, items, os.path.getsize(path))


def store_processed(store: Any, linker: Any, p: Processed, *, force: bool = False) -> str:
    """Write one processed file; returns the outcome name for the report."""
    links = linker.link_items(p.items)
    # why: the provisional indicators these links name are stored first, so a crash
    # between the two writes never leaves an item pointing at a missing indicator
    linker.save_new_indicators(store)
    is_plan = any(i.kind == "target" for i in p.items)
    if force and store.has_document(p.document.id):
        store.replace_extraction(p.document, p.items, is_plan=is_plan, links=links)
        return "reextracted"
    return store.save_document(p.document, p.items, is_plan=is_plan, size=p.size, links=links)


def ingest(
    store: Any,
    paths: Sequence[str | os.PathLike[str]],
    *,
    overrides: Overrides | None = None,
    force: bool = False,
    on_progress: Callable[[str, str | None], None] | None = None,
    linker: Any = None,
) -> IngestReport:
    """Ingest files and folders into ``store``; bad files are reported, the batch goes on.

    ``on_progress(path, error_or_None)`` is called once per file.
    """
    from goalpost._linking import Linker

    linker = linker or Linker.for_store(store)
    report = IngestReport()
    for path in iter_files(paths):
        error: str | None = None
        try:
            p = process_file(path, overrides)
            report.count(store_processed(store, linker, p, force=force))
            report.items += len(p.items)
        except DocumentError as exc:
            error = exc.reason
            report.failed.append((str(path), exc.reason))
        except (GoalpostError, OSError) as exc:
            error = str(exc)
            report.failed.append((str(path), error))
        if on_progress:
            on_progress(str(path), error)
    linker.save_new_indicators(store)
    return report
