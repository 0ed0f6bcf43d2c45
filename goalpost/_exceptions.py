"""Every error goalpost raises on purpose.

Hierarchy::

    GoalpostError                 base of everything below
    ├── DocumentError             a file could not be turned into a Document
    │   ├── UnsupportedFormat     binary, image or unknown file type
    │   ├── EmptyDocument         zero bytes, or no text after cleaning
    │   ├── DecodeError           bytes that no supported encoding explains
    │   ├── CorruptDocument       truncated or malformed PDF/DOCX/HTML
    │   ├── NeedsOCR              a PDF with no text layer
    │   ├── EncryptedDocument     a password-protected PDF
    │   └── DocumentTooLarge      over the configured size limits
    ├── ImportFileError           a statistics file (CSV/XLSX) cannot be imported at all
    ├── StoreError                the database refused or is not migrated
    └── ConfigError               a bad option, URL or catalog file

Every ``DocumentError`` carries the ``path`` it is about, so a batch can report
"path: reason" and go on with the next file.
"""

from __future__ import annotations


class GoalpostError(Exception):
    """Base class of every goalpost error."""


class DocumentError(GoalpostError):
    """A file could not be read into a :class:`goalpost.Document`.

    >>> str(DocumentError("empty file", path="a.txt"))
    'a.txt: empty file'
    """

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class UnsupportedFormat(DocumentError):
    """The file is binary, an image, or of a type goalpost does not read."""


class EmptyDocument(DocumentError):
    """The file is empty, or holds no text once cleaned."""


class DecodeError(DocumentError):
    """The bytes are not text in any supported encoding."""


class CorruptDocument(DocumentError):
    """The file is truncated or malformed (PDF, DOCX, zip)."""


class NeedsOCR(DocumentError):
    """A PDF whose pages have no text layer: it must be OCRed first."""


class EncryptedDocument(DocumentError):
    """A password-protected PDF."""


class DocumentTooLarge(DocumentError):
    """The file, or what it expands to, is over the configured limit."""


class ImportFileError(GoalpostError):
    """A statistics file cannot be imported at all (missing columns, unreadable)."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class StoreError(GoalpostError):
    """The database refused an operation or is not at the expected schema."""


class ConfigError(GoalpostError):
    """A bad option, database URL or catalog file."""
