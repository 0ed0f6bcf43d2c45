"""Shapes of single lines shared by the title, date and outline finders."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’\-]*")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Sentence end, possibly followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?。！？;；][\"'”’」』)）\]]*$")

_DATELINE = re.compile(
    r"^(by\s*[:：]|by\s+[A-Z]|source\s*[:：]|author\s*[:：]|writer\s*[:：]|reporter\s*[:：]|"
    r"updated?\s*(time|on|at)?\s*[:：]|published\s*(on|at)?\s*[:：]?|posted\s*(on|at)?\s*[:：]?|"
    r"date\s*[:：]|time\s*[:：]|release date|"
    r"发布时间|发布日期|发文日期|更新时间|时间\s*[:：]|日期\s*[:：]|来源\s*[:：]|作者\s*[:：]|"
    r"文章来源|信息来源|责任编辑)",
    re.IGNORECASE,
)
# "穗府〔2019〕12号", "(SuiFuHan [2018] No.224)": a document number on its own line.
_DOC_NUMBER = re.compile(
    r"^[(（]?\s*[\w\u4e00-\u9fff]{1,12}\s*[〔\[【(（]\s*(19|20)\d\d\s*[〕\]】)）]\s*"
    r"(No\.?\s*)?\d+\s*号?\s*[)）]?$",
    re.IGNORECASE,
)

# re.IGNORECASE matches "İ" and "ı" to "i" and "ſ" to "s"; str.lower() does not.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold_case(s: str) -> str:
    """``s`` lower-cased so that ``word in fold_case(s)`` whenever IGNORECASE finds ``word``.

    For lower-case ASCII words: a cheap exact test before an IGNORECASE scan.

    >>> "rights" in fold_case("ALL RİGHTS RESERVED")
    True
    """
    if s.isascii() or not ("İ" in s or "ı" in s or "ſ" in s):
        return s.lower()
    return s.translate(_FOLD).lower()


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text``."""
    return len(_CJK.findall(text))


def word_count(text: str) -> int:
    """Words, counting each CJK ideograph as a word."""
    return len(_LATIN_WORD.findall(text)) + cjk_count(text) + len(re.findall(r"\d+", text))


def is_body(line: str) -> bool:
    """A body paragraph: long, or a full sentence of some length."""
    s = line.strip()
    if len(s) >= 220:
        return True
    if SENTENCE_END.search(s):
        return len(_LATIN_WORD.findall(s)) >= 8 or cjk_count(s) >= 15
    return False


def is_dateline(line: str) -> bool:
    """A byline or dateline ("BY :site", "Update: 2017-09-26", "来源：")."""
    return bool(_DATELINE.match(line.strip()))


def is_doc_number(line: str) -> bool:
    """A document number line such as "穗府〔2019〕12号"."""
    return bool(_DOC_NUMBER.match(line.strip()))
