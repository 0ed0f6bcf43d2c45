"""A document's clean text cut into pieces for highlighting its items.

Item evidence spans and sentences may overlap, so the text is cut at every
boundary and each piece says which items' evidence and sentences cover it.
The template escapes each piece's text (Jinja autoescape); nothing here
builds HTML.

>>> text = "Intro. By 2025 we will have 10 labs. End."
>>> item = {"id": "a", "kind": "target", "start": 28, "end": 36, "sentence_start": 7, "sentence_end": 36}
>>> [(p["text"], p["evidence"], p["sentences"]) for p in pieces(text, [item])]
[('Intro. ', [], []), ('By 2025 we will have ', [], ['a']), ('10 labs.', ['a'], ['a']), (' End.', [], [])]
"""

from __future__ import annotations

from typing import Any


def _span(item: dict[str, Any], a: str, b: str, n: int) -> tuple[int, int] | None:
    s, e = item.get(a), item.get(b)
    if s is None or e is None:
        return None
    s, e = max(0, min(int(s), n)), max(0, min(int(e), n))
    return (s, e) if e > s else None


def pieces(
    text: str, items: list[dict[str, Any]], sections: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Pieces of ``text``: ``text``, ``evidence`` (item ids), ``kinds``, ``sentences`` (item ids),
    ``anchors`` (item ids whose evidence starts here) and ``sections`` (outline ordinals starting here)."""
    n = len(text)
    cuts = {0, n}
    ev: list[tuple[int, int, dict[str, Any]]] = []
    sent: list[tuple[int, int, str]] = []
    for it in items:
        span = _span(it, "start", "end", n)
        if span:
            ev.append((*span, it))
            cuts.update(span)
        s = _span(it, "sentence_start", "sentence_end", n)
        if s:
            sent.append((*s, it["id"]))
            cuts.update(s)
    starts: dict[int, list[int]] = {}
    for k, sec in enumerate(sections or []):
        pos = max(0, min(int(sec.get("start") or 0), n))
        starts.setdefault(pos, []).append(k)
        cuts.add(pos)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:] + [None], strict=False):
        if b is None:
            if a in starts:  # a heading at the very end still gets its anchor
                out.append(
                    {
                        "text": "",
                        "evidence": [],
                        "kinds": [],
                        "sentences": [],
                        "anchors": [],
                        "sections": starts[a],
                    }
                )
            break
        cover = [it for s, e, it in ev if s <= a and b <= e]
        out.append({
            "text": text[a:b],
            "evidence": [it["id"] for it in cover],
            "kinds": sorted({it.get("kind") or "" for it in cover}),
            "rejected": bool(cover) and all(it.get("review_status") == "rejected" for it in cover),
            "sentences": [i for s, e, i in sent if s <= a and b <= e],
            "anchors": [it["id"] for s, e, it in ev if s == a],
            "sections": starts.get(a, []),
        })  # fmt: skip
    return [p for p in out if p["text"] or p["sections"]]
