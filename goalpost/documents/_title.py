"""A document's title, found in the head of its text.

Web captures start with menus, breadcrumbs, channel labels and datelines;
the title is the substantive line standing right above the dateline, or the
first one that is not a channel label repeating the breadcrumb. A page that
opens straight into prose is titled by the plan its first sentence names.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from goalpost.documents._clean import _CRUMB_SPLIT, _INVISIBLE, is_debris
from goalpost.documents._dates import find_publication_date
from goalpost.documents._lines import SENTENCE_END, is_body, is_dateline, is_doc_number

_HEAD_CHARS = 4000
_HEAD_LINES = 15
_MAX_TITLE = 300
_PLAN_WORDS = re.compile(
    r"\b(plan|programme|program|strategy|outline|measures|opinions|scheme|roadmap)\b", re.IGNORECASE
)
_NAMED_PLAN_EN = re.compile(
    r"\b(?:promulgated|issued|released|published|unveiled|launched|adopted|approved)\s+"
    r"(?:the\s+)?[\"“]?(?P<name>[A-Z][^,;:\"”\n]{5,200}?)(?=[\"”]|,|;|\.\s|\.$|$|\s+on\s)"
)
_MD_MARK = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_NAMED_PLAN_ZH = re.compile(r"《(?P<name>[^》\n]{2,100})》")


def find_title(text: str) -> str | None:
    """The first substantive line of the document's head, or None.

    >>> find_title("Home | About | Contact\\nCity news\\nGuangzhou gains momentum\\nUpdate: 2017-09-26\\n")
    'Guangzhou gains momentum'
    """
    head = _INVISIBLE.sub("", text[:_HEAD_CHARS]).replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for raw in head.split("\n"):
        # Markdown heading marks are markup, not part of the title.
        line = " ".join((_MD_MARK.sub("", raw) if "#" in raw else raw).split())
        if line:
            lines.append(line)
            if len(lines) == _HEAD_LINES:
                break
    crumb: str | None = None
    candidates: list[str] = []
    for line in lines:
        if is_debris(line):
            items = [i for i in _CRUMB_SPLIT.split(line) if i]
            if len(items) >= 2:
                crumb = items[-1]
            continue
        if is_dateline(line) or _is_date_only(line):
            if candidates:
                return candidates[-1]
            continue
        if is_doc_number(line):
            continue
        if is_body(line) and SENTENCE_END.search(line):
            # Prose: the head is over. (A long line without a full stop may still be a title.)
            return candidates[0] if candidates else _named_plan(line)
        if crumb and SequenceMatcher(None, line.lower(), crumb.lower()).ratio() >= 0.8:
            continue  # the channel label under the breadcrumb, not this page's title
        if len(line) <= _MAX_TITLE:
            candidates.append(line)
    return candidates[0] if candidates else None


def _is_date_only(line: str) -> bool:
    date = find_publication_date(line)
    if date is None:
        return False
    stripped = re.sub(r"[\d\s年月日号\-/.:：,()（）\[\]【】]", "", line)
    return len(stripped) <= 20 and not re.search(r"[\u4e00-\u9fff]{3}", stripped)


def _named_plan(sentence: str) -> str | None:
    """The plan a first sentence names: "Guangzhou promulgated <Plan (2019-2021)>, ..."."""
    m = _NAMED_PLAN_ZH.search(sentence)
    if m:
        return m.group("name").strip()
    for m in _NAMED_PLAN_EN.finditer(sentence):
        name = m.group("name").strip()
        if _PLAN_WORDS.search(name):
            return name
    return None
