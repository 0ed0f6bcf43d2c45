"""Cleaning: web-page debris out, every body sentence kept.

The rules are line-level and conservative: a line goes only when its whole
shape says "menu", "breadcrumb", "footer" or "share button", so a body
sentence never disappears because it mentions a copyright or a ``>``.
Characters are not normalised (no NFKC): Chinese punctuation and full-width
digits stay as printed; only no-break spaces become plain spaces (1:1).
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.documents._lines import fold_case

# Line and paragraph separators that are "\n" in disguise; "\r\n" is replaced
# before, as a class alone lets the regex engine skip along faster.
_NEWLINES = re.compile(r"[\r\f\v\x1c-\x1e\x85\u2028\u2029]")
# Invisible or control characters that only get in the way of matching.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\u200b\u200e\u200f\u2060\ufeff]")
_BLANK_RUNS = re.compile(r"\n\n\n+")  # not "\n{3,}": a literal start is found faster

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?。！？;；]$")

_MENU_SPLIT = re.compile(r"\s*[|｜]\s*")
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|＞|&gt;|→)\s*")
_CRUMB_SEPS = (">", "»", "›", "＞", "&gt;", "→")
_HOME = re.compile(
    r"^(home(page)?|首页|主页|当前位置|您的位置|你的位置|您现在的位置|position|location|you are here)\b",
    re.IGNORECASE,
)

# Legal boilerplate that may run to a paragraph. Each pattern comes with
# words any match contains (see fold_case), so most lines skip the scan; None
# for patterns anchored at the start, which fail fast anyway.
_FOOTERS: list[tuple[tuple[str, ...] | None, re.Pattern[str]]] = [
    (needles, re.compile(p, re.IGNORECASE))
    for needles, p in (
        (("right",), r"all\s*rights\s*reserved|copyrighted property of"),
        (("site",), r"\b(on|of) this (web)?site\b.*\b(copyright|reproduc|reprint)"),
        (None, r"^if you find (out )?anything wrong with"),
    )
]
# Footer lines that are short by nature; a long line matching them is prose.
_SHORT_FOOTERS: list[tuple[tuple[str, ...] | None, re.Pattern[str]]] = [
    (needles, re.compile(p, re.IGNORECASE))
    for needles, p in (
        (None, r"^(copyright\s*(©|\(c\)|\?|&copy;|(19|20)\d\d)|©|\(c\)\s*(19|20)\d\d)"),
        (("版权",), r"^版权(所有|声明)|版权所有\s*[:：©]|©.*版权所有"),
        (
            ("icp", "公网安备", "网站标识码"),
            r"ICP\s*(备|证)|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP|"
            r"公网安备|网站标识码|\bICP\s*[:：]\s*\w*\d",
        ),
        (None, r"^mailto:"),
        (None, r"^(e-?mail|邮箱|电子邮箱|联系邮箱)\s*[:：]?\s*\S+@\S+"),
        (None, r"^[(（\[]?\s*(editor|editors|责任编辑|编辑|责编)\s*[:：]"),
    )
]
_BUTTONS = re.compile(
    r"^(share( this( with)?| to| on)?|back( to (previous|top|home))?|print( this page)?|"
    r"close( window)?|top|打印(本页)?|关闭(窗口|本页)?|分享到|返回(顶部|首页)?|收藏|字号[:：]?\s*大\s*中\s*小)"
    r"\s*[:：]?$",
    re.IGNORECASE,
)
# A related-news block is a few headlines and teasers; more text than this is content.
_TAIL_MAX = 3000
_TAIL_LINES_MAX = 12
_TAIL_LINE_MAX = 250
_TAIL_MARKER = re.compile(
    r"^(top news|related (news|articles|stories|reading|links|content)|you may also like|"
    r"recommended( reading| articles| stories)?|more (news|stories)|latest news|"
    r"相关新闻|相关阅读|相关链接|相关文章|推荐阅读|热点新闻|延伸阅读)\s*[:：]?$",
    re.IGNORECASE,
)


def clean_text(raw: str, format: str = "txt") -> str:
    """Normalise newlines and spacing and remove web-page debris lines.

    ``format`` is the source format ("txt", "md", "html", "pdf", "docx");
    markdown tables are protected from the menu rule.

    >>> clean_text("Home | About | Contact\\r\\n\\r\\nBy 2021 the city will have 60 bases.  \\n")
    'By 2021 the city will have 60 bases.'
    """
    text = _NEWLINES.sub("\n", raw.replace("\r\n", "\n"))
    text = _INVISIBLE.sub("", text).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    debris = [is_debris(line, format) for line in lines]
    for i, line in enumerate(lines):
        if debris[i] and "|" in line and _in_pipe_table(lines, i):
            debris[i] = False  # a table's header row, not a menu
    cut = len(lines)
    while True:  # cutting shortens the page, which may qualify an earlier marker
        shorter = _related_tail_start(lines[:cut], debris[:cut])
        if shorter == cut:
            break
        cut = shorter
    lines = [line for line, junk in zip(lines[:cut], debris[:cut], strict=True) if not junk]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def is_debris(line: str, format: str = "txt") -> bool:
    """True when ``line`` is navigation, a footer or a button, not content.

    >>> is_debris("Copyright © 2010 The People's Government. All Rights Reserved")
    True
    >>> is_debris("Guangzhou ranks top 3 among all Chinese cities.")
    False
    """
    s = line.strip()
    if not s:
        return False
    # Cleaning, the outline and the title finder ask about the same lines; only
    # markdown reads a line differently (a table row), so the answer is kept
    # per line and markdown-or-not. Long lines (prose) are rare and not kept.
    if len(s) <= _CACHED_LINE:
        return _debris_cached(s, format == "md")
    return _debris(s, format == "md")


_CACHED_LINE = 300


def _debris(s: str, md: bool) -> bool:
    """:func:`is_debris` of a stripped, non-empty line."""
    if _is_menu(s, "md" if md else "txt") or _is_breadcrumb(s):
        return True
    if len(s) <= 800:
        folded = fold_case(s)
        if _any_search(_FOOTERS, s, folded):
            return True
        if len(s) <= 200 and _any_search(_SHORT_FOOTERS, s, folded):
            return True
    if len(s) <= 24 and _PAGE_NUMBER.match(s):
        return True
    if (
        len(s) <= 160
        and ("|" in s or "｜" in s)
        and any(_PAGE_NUMBER.match(part) for part in _MENU_SPLIT.split(s))
    ):
        return True  # "Page 3 of 12 | Fukuoka City Economic Bulletin No. 214": a running footer
    if (
        len(s) <= 200
        and s[:1] != "|"  # a table row
        and _CONTACT_LINE.search(s)
        and ("|" in s or "www." in s or "@" in s)
    ):
        return True  # "... Pathum Thani 12120 | Tel. 0 2564 7000 | www.nstda.or.th"
    if len(s) <= 240 and s[:1] != "|" and _contact_footer(s):
        return True
    return len(s) <= 40 and bool(_BUTTONS.match(s.strip("【】[]<>《》 ")))


# A footer by its shape: segments split by "|" or "·", two or more of which are contact details
# (an email, a web address, a phone number, a labelled line, a registration number, a postcode,
# a copyright), whatever the words around them.
_FOOTER_SPLIT = re.compile(r"\s+[|｜·•]\s+|\s*[|｜]\s*")
_CONTACT_PART = re.compile(
    r"@[\w-]+\.\w|\bwww\.|https?://|©|\bcopyright\b|all\s+rights\s+reserved"
    r"|(?:\+\d{1,3}|(?<!\d)0\d{1,4})[\s-]?\(?\d{2,4}\)?[\s-]\d{2,4}"  # "+45 61 90 50 00", "0860 103 089"
    r"|\b(?:tel|phone|fax|call\s+cent(?:re|er)|hotline|helpline|ombudsman|contact|e-?mail)\b[^:]{0,20}:"
    r"|\b(?:tel|phone|fax)\b\.?\s*[+(]?\d|(?:\bC\.\s?P\.|\bpost\s*code|\bzip|\bp\.?\s?o\.?\s+box)\s*:?\s*\d"
    r"|\b(?:CNPJ|CVR|VAT|ABN|KvK|SIRET|SIREN|GSTIN|CIN|ICP|(?:company|charity|registration)\s+no)\b",
    re.I,
)
# a postcode ending an address (a part with a comma): "..., Cape Town 8001", "..., 1030 Brussels",
# "..., Glasgow G2 8LU"; not a year ("Target 2030")
_POSTCODE_PART = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?!(?:19|20)\d\d\b)\d{4,6}$"
    r"|,\s*(?!(?:19|20)\d\d\b)\d{4,6}\s+[A-Z][a-z]+|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
)


def _contact_footer(s: str) -> bool:
    """Whether ``s`` is a footer of contact details.

    >>> _contact_footer("City of Cape Town, 12 Hertzog Boulevard, Cape Town 8001 | Call centre: 0860 103 089")
    True
    >>> _contact_footer("Sales rose 5% in 2024 | exports fell 2%")
    False
    """
    if "|" not in s and "｜" not in s and "·" not in s and "•" not in s:
        return False
    parts = [p for p in _FOOTER_SPLIT.split(s) if p.strip()]
    if len(parts) < 2:
        return False
    found = sum(
        1
        for p in parts
        if _CONTACT_PART.search(p.strip()) or ("," in p and _POSTCODE_PART.search(p.strip()))
    )
    return found >= 2


_CONTACT_LINE = re.compile(
    r"\b(?:tel|phone|fax|hotline)\b\.?\s*[:：.]?\s*[+(]?\d"
    r"|(?<![\w+])\+\d{1,3}[\s-]\(?\d{1,4}\)?[\s-]\d"  # "+372 735 0222"
    r"|\b(?-i:CVR|VAT|ABN|CIN|GSTIN|KvK|SIREN|SIRET)\b\s*(?:no\.?\s*)?:?\s*\d",  # "CVR 29 02 44 71"
    re.I,
)
# A printed page number on a line of its own: "— 2 —", "- 12 -", "Page 3 of 10", "第 2 页"
_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*\d{1,4}\s*[-–—]|(?i:page)\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|"
    r"第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?)$"
)


_debris_cached = lru_cache(maxsize=4096)(_debris)


def _any_search(
    patterns: list[tuple[tuple[str, ...] | None, re.Pattern[str]]], s: str, folded: str
) -> bool:
    for needles, pattern in patterns:
        if needles is not None:
            for needle in needles:
                if needle in folded:
                    break
            else:
                continue  # no match possible
        if pattern.search(s):
            return True
    return False


def _in_pipe_table(lines: list[str], i: int) -> bool:
    """A neighbouring line with as many "|" and some figures makes this a table row."""
    pipes = lines[i].count("|")
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and lines[j].count("|") == pipes and re.search(r"\d", lines[j]):
            return True
    return False


def _short_item(item: str, max_words: int, max_chars: int) -> bool:
    return (
        0 < len(item) <= max_chars
        and len(_WORD.findall(item)) <= max_words
        and not _SENTENCE_END.search(item)
    )


def _is_menu(s: str, format: str) -> bool:
    """``Home | About GZ | Directory``: several short, number-free items."""
    if "|" not in s and "｜" not in s:
        return False
    if format == "md" and s.startswith("|"):
        return False  # a markdown table row
    items = [i for i in _MENU_SPLIT.split(s) if i]
    if len(items) < 3 and not (len(items) == 2 and _HOME.match(items[0])):
        return False
    return all(_short_item(i, 4, 30) and not re.search(r"[\d:：@]", i) for i in items)


def _is_breadcrumb(s: str) -> bool:
    """``Home> News > Article`` or ``position: Channel > Article``."""
    for sep in _CRUMB_SEPS:
        if sep in s:
            break
    else:
        return False
    items = [i for i in _CRUMB_SPLIT.split(s) if i]
    if len(items) < 2:
        return False
    if not (_HOME.match(items[0]) or len(items) >= 3):
        return False
    return all(_short_item(i, 8, 60) and not re.search(r"[=%]", i) for i in items)


def _related_tail_start(lines: list[str], debris: list[bool]) -> int:
    """Where a "Top News" / "相关新闻" block of other articles starts (else the end).

    Only when the marker stands alone after a blank line, late in the page,
    and what follows (footers aside) is a few short lines: headlines and
    teasers, not paragraphs. Debris lines count as absent, so a second
    cleaning pass decides alike.
    """
    sizes = [0 if junk else len(line.strip()) for line, junk in zip(lines, debris, strict=True)]
    total = sum(sizes)
    # Per line: content characters after it, and whether all of that is headline-sized.
    after = [0] * (len(lines) + 1)
    count = [0] * (len(lines) + 1)
    short = [True] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        after[i] = after[i + 1] + sizes[i]
        count[i] = count[i + 1] + (sizes[i] > 0)
        short[i] = short[i + 1] and sizes[i] <= _TAIL_LINE_MAX
    before = 0
    prev_blank = True
    for i, line in enumerate(lines):
        if debris[i]:
            continue
        if (
            sizes[i]
            and prev_blank
            and before >= 0.6 * total
            and after[i + 1] <= min(_TAIL_MAX, 0.5 * before)
            and count[i + 1] <= _TAIL_LINES_MAX
            and short[i + 1]
            and _TAIL_MARKER.match(line.strip())
        ):
            return i
        before += sizes[i]
        prev_blank = not sizes[i]
    return len(lines)
