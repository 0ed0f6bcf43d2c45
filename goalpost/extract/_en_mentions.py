"""Region names in English sentences: capitalized runs looked up in the region catalog."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["mentions"]

_LETTERS = re.compile(r"[A-Za-z]+")


# ``\b[A-Z]...`` written to start with the capital (``(?<!\w[A-Z])`` is the
# word boundary before it), which lets ``re`` skip straight to capitals.
_CAPS = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,3}")


@lru_cache(maxsize=4096)
def _resolve(name: str) -> str | None:
    try:
        from goalpost.regions import resolve
    except ImportError:
        return None
    try:
        return resolve(name)
    except Exception:  # a broken region table must not stop extraction
        return None


def mentions(s: str) -> list[tuple[int, int, str]]:
    """Region names in ``s`` (local offsets): capitalized runs looked up in the region table.

    Looking up capitalized words is much faster than running the table's
    whole-name pattern over every sentence, and English names are capitalized.
    """
    out: list[tuple[int, int, str]] = []
    for m in _CAPS.finditer(s):
        at = m.start()
        out.extend((at + a, at + b, rid) for a, b, rid in _run_mentions(m.group()))
    return out


@lru_cache(maxsize=4096)
def _run_mentions(run: str) -> tuple[tuple[int, int, str], ...]:
    """Region names in one capitalized run ("Greater Bay Area"), longest first, offsets in ``run``.

    Cached: the same runs (place names, "The", "In") recur across sentences.
    """
    out: list[tuple[int, int, str]] = []
    words = list(_LETTERS.finditer(run))
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            a, b = words[i].start(), words[j - 1].end()
            rid = _resolve(run[a:b])
            if rid is not None:
                out.append((a, b, rid))
                i = j - 1
                break
        i += 1
    return tuple(out)
