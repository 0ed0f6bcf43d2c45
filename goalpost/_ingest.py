"""The main job's first half: files -> Documents -> items -> database.

``process_file`` is pure (no database), so the same work runs in this
process or on Dask workers; ``ingest`` drives it and writes documents with
their items in batches, one transaction each (``write_batch``, shared with
the Dask engine), so a crash never leaves half a document.
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


# Documents written per transaction by both engines: one commit per document costs SQLite
# 3-5 ms, one per 64 documents about 1.4 ms per document (benchmarks/bulk_insert.py).
BATCH_DOCUMENTS = 64
BATCH_CHARS = 8_000_000  # why: a batch of huge documents is written sooner, bounding memory


@dataclass
class Failed:
    """A file that could not be turned into a :class:`Processed`, and why."""

    path: str
    reason: str


def process_or_fail(
    path: str | os.PathLike[str],
    overrides: Overrides | None = None,
    *,
    read: Callable[[str, Overrides | None], Processed] | None = None,
) -> Processed | Failed:
    """:func:`process_file`, with any failure returned as :class:`Failed` naming the file.

    >>> process_or_fail("/no/such/file.txt").reason
    'cannot read file (No such file or directory)'
    """
    try:
        return (read or process_file)(str(path), overrides)
    except DocumentError as exc:
        return Failed(str(path), exc.reason)
    except (GoalpostError, OSError) as exc:
        return Failed(str(path), str(exc))
    except Exception as exc:  # why: one file tripping a reader bug must not lose the batch
        return Failed(str(path), f"unexpected error: {type(exc).__name__}: {exc}")


def write_batch(
    store: Any,
    linker: Any,
    results: list[Processed | Failed],
    report: IngestReport,
    force: bool,
    on_progress: Callable[[str, str | None], None] | None,
) -> None:
    """Write a batch's documents in one transaction; one by one if that fails."""
    from sqlalchemy.exc import IntegrityError, SQLAlchemyError

    from goalpost.store._bulk import DocumentWrite, save_documents

    done = [r for r in results if isinstance(r, Processed)]
    outcomes: dict[int, str] = {}
    if done and not force:
        writes = []
        for p in done:
            links = linker.link_items(p.items)
            # why: as store_processed does, provisional indicators are stored before the items
            # naming them (and in the same order, so the same rows win)
            linker.save_new_indicators(store)
            is_plan = any(i.kind == "target" for i in p.items)
            writes.append(DocumentWrite(p.document, p.items, is_plan, p.size, links))
        try:
            for p, outcome in zip(done, save_documents(store, writes), strict=True):
                outcomes[id(p)] = outcome
        except (SQLAlchemyError, ValueError, GoalpostError):
            # why: e.g. another writer stored one of these documents meanwhile; one by one,
            # each document gets its own outcome and the others are not held back
            outcomes.clear()
    for res in results:
        error: str | None = None
        if isinstance(res, Failed):
            error = res.reason
        else:
            try:
                outcome = outcomes.get(id(res)) or store_processed(store, linker, res, force=force)
                report.count(outcome)
                report.items += len(res.items)
            except GoalpostError as exc:
                error = str(exc)
            except IntegrityError as exc:  # why: a concurrent writer won a race for this row
                error = f"database refused the document: {str(exc.orig).splitlines()[0]}"
        if error is not None:
            report.failed.append((res.path, error))
        if on_progress:
            on_progress(res.path, error)


def ingest(
    store: Any,
    paths: Sequence[str | os.PathLike[str]],
    *,
    overrides: Overrides | None = None,
    force: bool = False,
    on_progress: Callable[[str, str | None], None] | None = None,
    linker: Any = None,
    batch: int = BATCH_DOCUMENTS,
) -> IngestReport:
    """Ingest files and folders into ``store``; bad files are reported, the batch goes on.

    Documents are written ``batch`` per transaction (a crash
    loses at most the unwritten batch, which the next run ingests; nothing
    is ever half-written). ``on_progress(path, error_or_None)`` is called
    once per file, as its batch is written.
    """
    from goalpost._linking import Linker

    linker = linker or Linker.for_store(store)
    report = IngestReport()
    pending: list[Processed | Failed] = []
    chars = 0
    for path in iter_files(paths):
        res = process_or_fail(path, overrides)
        pending.append(res)
        chars += len(res.document.text) if isinstance(res, Processed) else 0
        if len(pending) >= batch or chars >= BATCH_CHARS:
            write_batch(store, linker, pending, report, force, on_progress)
            pending, chars = [], 0
    if pending:
        write_batch(store, linker, pending, report, force, on_progress)
    linker.save_new_indicators(store)
    return report
