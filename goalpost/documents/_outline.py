"""The outline: headings and numbered items, with character ranges.

Each heading has a numbering *style* ("I.", "一、", "(1)", "1.", a bare
title line, ...). Styles have a customary rank (chapter > roman/一、 >
(一)/bare title > 1./(1) > ①), but English documents use "(1)" and "1."
in either order, so nesting is decided with a stack: a style already open
closes everything below it; a new style nests under the current one unless
its customary rank is plainly higher, in which case the lower ones close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalpost._models import Section
from goalpost.documents._clean import is_debris
from goalpost.documents._dates import find_publication_date
from goalpost.documents._lines import cjk_count, is_body, is_dateline, is_doc_number

_CN = "一二三四五六七八九十百零〇两"
_RANK: dict[str, float] = {
    "md1": 0.1, "md2": 0.2, "md3": 0.3, "md4": 0.4, "md5": 0.5, "md6": 0.6,
    "chapter": 1, "section": 2, "roman": 3, "cn_top": 3, "article": 4,
    "cn_paren": 5, "bare": 5, "paren_num": 6, "num_dot": 6, "num_close": 6,
    "circled": 7, "letter": 7,
}  # fmt: skip
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

# (style, pattern); the number is group 1 and the heading text follows the match.
_NUMBERED: list[tuple[str, re.Pattern[str]]] = [
    ("md", re.compile(r"^(#{1,6})\s+")),
    ("cn_block", re.compile(rf"^(第[{_CN}\d]+(?:章|节|条|篇|编|部分))[\s\u3000：:]*")),
    (
        "chapter",
        re.compile(r"^((?:chapter|part)\s+(?:[IVXLC]+|\d{1,2}|[A-Z])\b\.?)[\s:：.\-–—]*", re.I),
    ),
    ("section", re.compile(r"^(section\s+\d{1,2}\b\.?)[\s:：.\-–—]*", re.I)),
    ("article", re.compile(r"^(article\s+\d{1,3}\b\.?)[\s:：.\-–—]*", re.I)),
    ("roman", re.compile(r"^([IVXLC]{1,7}\s*[.、．])\s*(?=\S)")),
    ("cn_top", re.compile(rf"^([{_CN}]{{1,3}}\s*[、．])\s*")),
    ("cn_paren", re.compile(rf"^([(（]\s*[{_CN}]{{1,3}}\s*[)）])\s*")),
    ("paren_num", re.compile(r"^([(（]\s*[0-9０-９]{1,2}\s*[)）])\s*")),
    ("num_dot", re.compile(r"^([0-9０-９]{1,2}\s*[.、．])(?![0-9０-９])\s*")),
    ("num_close", re.compile(r"^([0-9]{1,2}\))\s+")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
    ("letter", re.compile(r"^([(（][a-z][)）])\s*")),
]
# Whether any of _NUMBERED matches: one cheap test before trying them in turn.
_ANY_NUMBERED = re.compile(
    "|".join(f"(?i:{p.pattern})" if p.flags & re.I else p.pattern for _, p in _NUMBERED)
)
_FIRST_SENTENCE = re.compile(r"[.!?](?=\s|$)|[。！？；：:]")
_DIGIT = re.compile(r"[0-9０-９]")
_BARE_END_OK = re.compile(r"[^.!?;,。！？；，、]$")


@dataclass
class _Heading:
    style: str
    start: int
    heading_end: int
    title: str
    number: str | None


def outline(text: str, lang: str = "en", *, title: str | None = None) -> list[Section]:
    """Headings and numbered items of ``text`` with their character ranges.

    The first line and any line repeating ``title`` are the document's own
    title (or a channel label above it), never a section.

    >>> text = "Plan\\n\\nOverall Goal\\n\\nThe city will lead in S&T innovation by 2021, as planned.\\n\\n"
    >>> text += "Eight Major Actions\\n\\n(1) Enhancing platforms\\n\\nBy 2021 the city will build labs."
    >>> [(s.title, s.level, s.number) for s in outline(text)]
    [('Overall Goal', 1, None), ('Eight Major Actions', 1, None), ('Enhancing platforms', 2, '(1)')]
    """
    lines = _lines(text)
    content = [bool(line.strip()) and not is_debris(line) for _, line in lines]
    following: list[str | None] = [None] * len(lines)  # the next content line after each line
    upcoming: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        following[i] = upcoming
        if content[i]:
            upcoming = lines[i][1].strip()
    headings: list[_Heading] = []
    first = True
    title_key = " ".join(title.split()) if title else None
    for i, (start, line) in enumerate(lines):
        if not content[i]:
            continue
        s = line.strip()
        offset = start + len(line) - len(line.lstrip())
        h = _numbered(s, offset, lang)
        if (
            h is None
            and not first
            and " ".join(s.split()) != title_key
            and _is_bare_heading(s, following[i], lang)
        ):
            h = _Heading("bare", offset, offset + len(s), s.rstrip(":："), None)
        if h is not None:
            headings.append(h)
        first = False
    return _nest(headings, len(text))


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _numbered(s: str, offset: int, lang: str) -> _Heading | None:
    if not _ANY_NUMBERED.match(s):
        return None
    for style, pattern in _NUMBERED:
        m = pattern.match(s)
        if not m:
            continue
        number = m.group(1).strip()
        if style == "roman" and not _ROMAN.match(number.rstrip(".、． ")):
            continue
        if style == "md":
            style, number = f"md{len(number)}", None
        elif style == "cn_block":
            style = {"节": "section", "条": "article"}.get(number[-1], "chapter")
        rest = s[m.end() :]
        if style.startswith("md"):
            return _Heading(style, offset, offset + len(s), rest.strip("# ").strip(), None)
        if not rest:
            if style in ("chapter", "section", "article"):
                return _Heading(style, offset, offset + len(s), number, number)
            return None
        size = _heading_size(rest, lang, loose=style in ("chapter", "section", "article"))
        if size is None:
            if style in ("chapter", "section", "article"):
                # "第一条 为了..." / "Article 3 The city shall ...": the number is the heading.
                return _Heading(style, offset, offset + len(m.group(1)), number, number)
            return None
        title = rest[:size].strip().rstrip(".。:：;；")
        return _Heading(style, offset, offset + m.end() + size, title or number, number)
    return None


def _heading_size(rest: str, lang: str, loose: bool) -> int | None:
    """How much of a numbered line is its heading: all of it, its first sentence, or None."""
    zh = lang == "zh" or cjk_count(rest) > len(rest) / 3
    words = len(rest.split())
    stops = list(_FIRST_SENTENCE.finditer(rest.rstrip()))
    inner = [m for m in stops if m.end() < len(rest.rstrip())]
    if loose:
        # "第一章 总则" has a title; "第一条 为了……，制定本办法。" is an article's body.
        short = (cjk_count(rest) <= 20) if zh else (words <= 10 and len(rest) <= 80)
        return len(rest) if short and not stops else None
    if not inner:
        if stops and _DIGIT.search(rest):
            return None  # "1. By 2025 the city will have 30 labs.": a target, not a heading
        if zh:
            return len(rest) if len(rest) <= 60 else None
        limit = 16 if stops else 25  # a full sentence must be shorter to pass as a heading
        return len(rest) if len(rest) <= 150 and words <= limit else None
    first = rest[: inner[0].end()]
    if _DIGIT.search(first):
        return None
    if zh:
        return len(first) if cjk_count(first) <= 30 and len(first) <= 40 else None
    return len(first) if len(first.split()) <= 12 else None


def _is_bare_heading(s: str, nxt: str | None, lang: str) -> bool:
    """A short standalone line introducing a body paragraph or a numbered list."""
    if nxt is None or is_body(s) or is_dateline(s) or is_doc_number(s):
        return False
    if not _BARE_END_OK.search(s) or not re.search(r"[^\W\d_]", s):
        return False
    zh = lang == "zh" or cjk_count(s) > len(s) / 3
    if zh:
        # "各区人民政府，市政府各部门：" is an addressee line; headings have no commas.
        if cjk_count(s) > 30 or len(s) > 40 or "，" in s:
            return False
    else:
        words = len(s.split())
        if not (1 <= words <= 20 and len(s) <= 130) or not (s[0].isupper() or s[0].isdigit()):
            return False
        if sum(c.isdigit() for c in s) > len(s) / 4:
            return False
    if s[-1] in ":：" and (cjk_count(s) > 10 if zh else len(s.split()) > 6):
        return False  # "The plan includes the following:" leads into a list; it is no title
    if _date_like(s):
        return False
    return is_body(nxt) or _starts_numbered(nxt)


def _starts_numbered(s: str) -> bool:
    """Whether ``s`` opens with a list number ("1.", "(一)", "II."), heading or not."""
    if not _ANY_NUMBERED.match(s):
        return False
    for style, pattern in _NUMBERED:
        m = pattern.match(s)
        if m and (style != "roman" or _ROMAN.match(m.group(1).strip().rstrip(".、． "))):
            return True
    return False


def _date_like(s: str) -> bool:
    return len(s) <= 40 and find_publication_date(s) is not None


def _nest(headings: list[_Heading], text_len: int) -> list[Section]:
    stack: list[str] = []
    levels: list[int] = []
    for h in headings:
        if h.style in stack:
            del stack[stack.index(h.style) + 1 :]
        else:
            while stack and _RANK[stack[-1]] > _RANK[h.style]:
                stack.pop()
            stack.append(h.style)
        levels.append(len(stack))
    # A section ends where the next heading of its level or a higher one starts.
    ends = [text_len] * len(headings)
    open_: list[int] = []
    for j, h in enumerate(headings):
        while open_ and levels[open_[-1]] >= levels[j]:
            ends[open_.pop()] = h.start
        open_.append(j)
    return [
        Section(h.title, levels[i], h.start, h.heading_end, ends[i], h.number)
        for i, h in enumerate(headings)
    ]
