"""PDF to text through pypdf's text layer, page by page."""

from __future__ import annotations

import logging
import re
from io import BytesIO

from pypdf import PdfReader

from goalpost._exceptions import CorruptDocument, EmptyDocument, EncryptedDocument, NeedsOCR
from goalpost.documents._lines import is_dateline

# pypdf logs every tolerated oddity; the reader reports what matters itself.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_to_text(data: bytes, path: str | None = None) -> tuple[str, str | None]:
    """(text, metadata title) of a PDF; pages are joined by blank lines.

    Raises CorruptDocument (truncated or malformed), EncryptedDocument
    (a user password is set), NeedsOCR (pages without a text layer).
    """
    tail = data.rstrip(b"\x00\r\n\t ")[-1024:]
    if b"%%EOF" not in tail:
        raise CorruptDocument("truncated PDF (no %%EOF marker at its end)", path)
    try:
        reader = PdfReader(BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many types on malformed files
        raise CorruptDocument(f"unreadable PDF ({type(exc).__name__}: {exc})", path) from exc
    if encrypted:
        try:
            opened = reader.decrypt("")  # owner-password-only PDFs open with an empty one
        except Exception as exc:
            raise EncryptedDocument(f"encrypted PDF that cannot be opened ({exc})", path) from exc
        if not opened:
            raise EncryptedDocument("password-protected PDF: it needs its password", path)
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise CorruptDocument(
            f"unreadable PDF page tree ({type(exc).__name__}: {exc})", path
        ) from exc
    if not pages:
        raise EmptyDocument("PDF has no pages", path)
    texts, failures = [], 0
    for page in pages:
        try:
            texts.append(unwrap_lines(page.extract_text() or "").strip("\n"))
        except Exception:
            failures += 1  # one broken page should not cost the others
    if failures == len(pages):
        raise CorruptDocument(f"no page of the PDF could be read ({failures} pages)", path)
    if not any(t.strip() for t in texts):
        raise NeedsOCR(f"PDF has {len(pages)} page(s) but no text layer: it needs OCR", path)
    return "\n\n".join(t for t in texts if t.strip()), _meta_title(reader)


def _meta_title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        return None
    title = " ".join(str(title).split()) if title else ""
    return title or None


_LINE_END = re.compile(r"[.!?。！？:：;；][\"'”’)）]*$")
_ITEM_START = re.compile(
    r"^([(（]?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})[)）.、．]|[•·▪●■◆*]|第.{1,4}[章节条])"
)
_CJK_EDGE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def unwrap_lines(page: str) -> str:
    """Join the lines a PDF wrapped inside a paragraph, so each paragraph is one line.

    A line is a wrap when it runs to nearly the page's full text width (or
    the next line carries on in lower case) and it does not end a sentence;
    short lines (headings, last lines) and numbered items are left alone.

    >>> unwrap_lines("Overall Goal\\nThe city will build labs and\\nparks by 2021.\\nActions")
    'Overall Goal\\nThe city will build labs and parks by 2021.\\nActions'
    """
    lines = [line.rstrip() for line in page.split("\n")]
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(widths) < 3:
        return "\n".join(lines)
    full = widths[int(0.9 * (len(widths) - 1))]
    out: list[str] = []
    last = ""  # the previous physical line, before joining
    for line in lines:
        s = line.strip()
        if out and last and s and _is_wrap(last, s, full):
            out[-1] = _join(out[-1], s)
        else:
            out.append(line)
        last = s
    return "\n".join(out)


def _is_wrap(prev: str, nxt: str, full: int) -> bool:
    if _LINE_END.search(prev) or _ITEM_START.match(nxt) or is_dateline(nxt):
        return False
    if nxt[0].isupper() and not (prev[-1].islower() or prev[-1] in ",-–(/&"):
        return False  # "... (2019-2021)" then "Published: ...": a title, not a wrap
    if full >= 20 and len(prev) >= 0.75 * full:
        return True
    return nxt[0].islower() and len(prev) >= 0.4 * full


def _join(prev: str, nxt: str) -> str:
    if _CJK_EDGE.match(prev[-1]) or _CJK_EDGE.match(nxt[0]):
        return prev + nxt  # Chinese has no spaces between words
    if prev.endswith("-") and prev[-2:-1].isalpha():
        return prev + nxt
    return f"{prev} {nxt}"
