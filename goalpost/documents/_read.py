"""Files to Documents: size limits, format sniffing, then the right reader."""

from __future__ import annotations

import os
from pathlib import Path

from goalpost._exceptions import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)
from goalpost._models import Document
from goalpost.documents._build import build_document
from goalpost.documents._dates import find_period
from goalpost.documents._decode import decode_bytes, looks_binary
from goalpost.documents._docx import docx_to_text
from goalpost.documents._html import html_to_text, looks_like_html
from goalpost.documents._pdf import pdf_to_text

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A DOCX may expand to this many times max_bytes before it counts as a zip bomb.
DOCX_EXPANSION = 10

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon image"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "legacy Office file (.doc/.xls/.ppt); save it as DOCX or PDF",
    ),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"{\\rtf", "RTF document; save it as DOCX or PDF"),
)
_BINARY_EXTS = {
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".heic",
    ".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".zip", ".gz", ".tgz", ".7z",
    ".rar", ".exe", ".dll", ".so", ".bin", ".mp3", ".mp4", ".avi", ".mov", ".wav", ".sqlite",
    ".db", ".pyc", ".class", ".jar", ".wps", ".rtf",
}  # fmt: skip
_HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".php", ".jsp"}
_MD_EXTS = {".md", ".markdown", ".mdown"}


def read_document(
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    date: str | None = None,
    period: tuple[int, int] | None = None,
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a .txt/.md/.html/.pdf/.docx file into a Document.

    The format is sniffed from the bytes first and the extension second; the
    id is the hash of the file's bytes, so it is stable across reads. Given
    ``title``/``date``/``period``/``lang`` win over what is detected.
    Raises a :class:`goalpost._exceptions.DocumentError` subclass naming ``path``.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
    >>> _ = p.write_text("Plan (2019-2021)\\n\\nBy 2021 the city will have 60 bases.")
    >>> read_document(p).period
    (2019, 2021)
    """
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise DocumentError("is a directory, not a file", name)
        if size == 0:
            raise EmptyDocument("empty file (0 bytes)", name)
        if size > max_bytes:
            raise DocumentTooLarge(f"file is {size:,} bytes, over the limit of {max_bytes:,}", name)
        with p.open("rb") as fh:
            data = fh.read(min(size, max_bytes) + 1)  # the file may grow between stat and read
    except OSError as exc:
        raise DocumentError(f"cannot read file ({exc.strerror or exc})", name) from exc
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"file is over the limit of {max_bytes:,} bytes", name)
    fmt, text, found_title, meta_title = _extract(data, p.suffix.lower(), name, max_bytes)
    doc = build_document(
        text,
        id=Document.content_id(data),
        source=name,
        title=title or found_title,
        date=date,
        period=period,
        lang=lang,
        format=fmt,
    )
    if not doc.text.strip():
        raise EmptyDocument("no text left after cleaning", name)
    if doc.title is None and _usable_meta_title(meta_title):
        # File metadata is a last resort: it is often a stale name or "Microsoft Word - x.doc".
        doc.title = meta_title
        if period is None and doc.period is None:
            doc.period = find_period(meta_title or "")
    return doc


def _usable_meta_title(title: str | None) -> bool:
    if not title or len(title) < 3:
        return False
    low = title.lower()
    return not (
        low.startswith(("microsoft word", "untitled", "slide "))
        or low in ("title", "document", "presentation")
        or low.endswith((".doc", ".docx", ".pdf", ".wps", ".txt"))
    )


def sniff_format(data: bytes, suffix: str = "", path: str | None = None) -> str:
    """The reader to use, "pdf", "docx", "html", "md" or "txt", from bytes and extension.

    Raises UnsupportedFormat for images, archives, executables and other binaries.

    >>> sniff_format(b"%PDF-1.7 ..."), sniff_format(b"<!DOCTYPE html><html>", ".txt")
    ('pdf', 'html')
    """
    suffix = suffix.lower()
    if data[:1024].lstrip().startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(f"unsupported file type: {what}", path)
    if data.startswith(b"BM") and data[6:10] == b"\0\0\0\0":  # BMP's reserved zeros
        raise UnsupportedFormat("unsupported file type: BMP image", path)
    if data[:12].startswith(b"RIFF") and data[8:12] in (b"WEBP", b"AVI ", b"WAVE"):
        raise UnsupportedFormat("unsupported file type: RIFF media", path)
    if suffix == ".pdf":
        raise CorruptDocument("not a PDF (no %PDF header)", path)
    if suffix == ".docx":
        raise CorruptDocument("not a DOCX (not a zip archive)", path)
    if suffix in _BINARY_EXTS:
        raise UnsupportedFormat(f"unsupported file type: {suffix}", path)
    why = looks_binary(data)
    if why:
        raise UnsupportedFormat(why, path)
    if suffix in _HTML_EXTS or looks_like_html(data):
        return "html"
    if suffix in _MD_EXTS:
        return "md"
    return "txt"


def _extract(
    data: bytes, suffix: str, name: str, max_bytes: int
) -> tuple[str, str, str | None, str | None]:
    """(format, text, title, metadata title) from the right reader."""
    fmt = sniff_format(data, suffix, name)
    if fmt == "pdf":
        text, meta = pdf_to_text(data, name)
        return fmt, text, None, meta
    if fmt == "docx":
        limit = max(max_bytes * DOCX_EXPANSION, 1)
        named = suffix == ".docx"
        return fmt, *docx_to_text(data, name, max_uncompressed=limit, named_docx=named)
    if fmt == "html":
        return fmt, *html_to_text(data, name), None
    return fmt, decode_bytes(data, name), None, None
