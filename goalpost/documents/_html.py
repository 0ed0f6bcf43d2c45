"""HTML to text: drop page furniture, keep one line per block element."""

from __future__ import annotations

import codecs
import re

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag

from goalpost._exceptions import CorruptDocument
from goalpost.documents._decode import bom_encoding, decode_bytes, decode_utf8

_DROP = {"script", "style", "nav", "footer", "aside", "form", "noscript", "iframe", "svg",
         "template", "button", "select", "object", "embed", "canvas"}  # fmt: skip
_BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
           "tr", "table", "thead", "tbody", "tfoot", "caption", "section", "article", "main",
           "header", "blockquote", "pre", "address", "figure", "figcaption", "hr", "center",
           "title", "body", "html"}  # fmt: skip
# Rows end a line without opening a paragraph: table rows and list items stay adjacent.
_ROWS = {"tr", "li", "dt", "dd"}
# Private-use stand-ins for line breaks and cell gaps, so that collapsing the
# source's own whitespace (HTML semantics) does not erase them.
_NL, _TAB = "\ue000", "\ue001"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—_·]\s+|_")
_HTML_SNIFF = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936"}
_LATIN1 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start like an HTML page."""
    head = data[:2048].lstrip(codecs.BOM_UTF8)
    return bool(_HTML_SNIFF.match(head))


def decode_html(data: bytes, path: str | None = None) -> str:
    """Decode with the BOM, then strict UTF-8, then a valid <meta charset>, then guessing."""
    bom = bom_encoding(data)
    if bom:
        return decode_bytes(data, path)
    text = decode_utf8(data)
    if text is not None:
        return text
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        # As browsers do: GB2312/GBK pages are GB18030, Latin-1 pages are Windows-1252.
        name = "gb18030" if name in _GB else name
        name = "cp1252" if name in _LATIN1 else name
        try:
            codecs.lookup(name)
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a meta tag that lies: fall back to guessing
    return decode_bytes(data, path)


def html_to_text(data: bytes, path: str | None = None) -> tuple[str, str | None]:
    """(text, title) of an HTML page; the title is its first <h1>, else its <title>.

    >>> html_to_text(b"<html><title>Plan - Site</title><body><h1>Plan</h1><p>By 2021.</p></body></html>")
    ('Plan\\n\\nBy 2021.', 'Plan')
    """
    markup = decode_html(data, path)
    try:
        soup = BeautifulSoup(markup, "lxml")
        raw, h1 = _render(soup)
        title = h1 or _title_tag(soup)
    except RecursionError as exc:
        raise CorruptDocument("HTML nested too deeply to read", path) from exc
    except Exception as exc:  # lxml/bs4 give many error types for broken markup
        raise CorruptDocument(f"unreadable HTML ({type(exc).__name__}: {exc})", path) from exc
    return _tidy(raw), title


def _render(soup: BeautifulSoup) -> tuple[str, str | None]:
    """Text of the page with line-break/cell sentinels, and its first <h1>.

    An explicit stack instead of recursion or tree edits: pages nested
    thousands of levels deep stay linear in time and never overflow.
    """
    out: list[str] = []
    h1: str | None = None
    h1_at: int | None = None
    pre = article = 0
    stack: list[tuple[PageElement, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if type(node) in (NavigableString, CData):
                out.append(node.replace("\n", _NL) if pre else str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if leaving:
            if name in ("td", "th"):
                out.append(_TAB)
            elif name in _BLOCKS:
                out.append(_NL)
            pre -= name == "pre"
            article -= name in ("article", "main")
            if name == "h1" and h1_at is not None and h1 is None:
                h1 = " ".join("".join(out[h1_at:]).replace(_NL, " ").replace(_TAB, " ").split())
                h1 = h1 if h1 and len(h1) <= 300 else None
            continue
        if name in _DROP or name == "head" or (name == "header" and not article):
            continue  # scripts, menus, site banners; an article's own header stays
        if name == "br":
            out.append(_NL)
            continue
        if name in _BLOCKS and name not in _ROWS:
            out.append(_NL)
        pre += name == "pre"
        article += name in ("article", "main")
        if name == "h1" and h1_at is None:
            h1_at = len(out)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    return "".join(out), h1


_HTML_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_CELL_GAP = re.compile(r" *\t *")
_BLANK_RUNS = re.compile(r"\n\n\n+")  # as "\n{3,}", but a literal start is found faster


def _tidy(raw: str) -> str:
    text = _HTML_SPACE.sub(" ", raw)  # HTML whitespace is one space
    text = text.replace(_TAB, "\t").replace(_NL, "\n")
    lines = [
        (_CELL_GAP.sub("\t", line) if "\t" in line else line).strip(" \t")
        for line in text.split("\n")
    ]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _title_tag(soup: BeautifulSoup) -> str | None:
    tag = soup.find("title")
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    parts = [p.strip() for p in _TITLE_SPLIT.split(text) if p.strip()]
    # "Plan title - Site name": the page's own part comes first.
    return parts[0] if parts else None
