"""Linking items to indicators, with a person's decisions taking precedence.

The catalog proposes a link for each phrase; a link or merge a person made
(stored in the database) always wins, so re-extraction never undoes it.
Phrases the catalog cannot place become provisional indicators that a
person can merge later.
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from goalpost._models import Item

Link = tuple[str | None, str | None, float | None]  # (indicator_id, method, score)


def unit_family(unit: str | None) -> str:
    """Coarse unit family used to keep manual links unit-safe.

    >>> unit_family("CNY"), unit_family("%"), unit_family("count")
    ('currency', 'share', 'count')
    """
    if not unit:
        return "none"
    if unit in ("%", "pp"):
        return "share"
    if unit == "count":
        return "count"
    if len(unit) == 3 and unit.isupper():
        return "currency"
    return unit


def indicator_row(ind: Any) -> dict[str, Any]:
    """A catalog indicator (dataclass or dict) as a row for the ``indicators`` table."""
    d = asdict(ind) if is_dataclass(ind) else dict(ind)
    aliases: list[tuple[str, str | None]] = []
    raw = d.get("aliases") or []
    if isinstance(raw, dict):  # {"en": [...], "zh": [...]}
        for lang, names in raw.items():
            aliases += [(a, lang) for a in names]
    else:
        for a in raw:
            aliases.append((a, None) if isinstance(a, str) else (a[0], a[1]))
    return {
        "id": d["id"],
        "name_en": d.get("name_en") or d.get("name"),
        "name_zh": d.get("name_zh"),
        "unit": d.get("unit"),
        "direction": d.get("direction") or "up",
        "definition": d.get("definition"),
        "provisional": bool(d.get("provisional", False)),
        "merged_into": d.get("merged_into"),
        "aliases": aliases,
    }


class Linker:
    """Links phrases to indicator ids for one batch.

    >>> from goalpost.indicators import Catalog
    >>> Linker(Catalog.load()).link("hi-tech companies", "count", "en")[0]
    'high-tech-enterprises'
    """

    def __init__(self, catalog: Any, manual: dict[tuple[str, str | None], str] | None = None,
                 merged: dict[str, str] | None = None) -> None:  # fmt: skip
        self.catalog = catalog
        self.manual = manual or {}
        self.merged = merged or {}
        self.new: dict[str, Any] = {}
        self._cache: dict[tuple[str, str | None, str | None, bool], Link] = {}

    @classmethod
    def for_store(cls, store: Any) -> Linker:
        """A linker with the packaged catalog (synced into the store) and the store's manual links."""
        from goalpost.indicators import Catalog

        catalog = Catalog.load()
        if not store.indicators():
            store.save_catalog([indicator_row(i) for i in catalog])
        return cls(catalog, store.manual_links(), store.merged())

    def _resolve(self, ind_id: str | None) -> str | None:
        seen = set()
        while ind_id in self.merged and ind_id not in seen:
            seen.add(ind_id)
            ind_id = self.merged[ind_id]
        return ind_id

    def link(
        self, phrase: str, unit: str | None, lang: str | None = None, *, growth: bool = False
    ) -> Link:
        """``(indicator_id, method, score)`` for a phrase; provisional when nothing fits.

        ``growth`` says the value is a growth rate ("GDP grows 7%"), so a % may
        link to a level indicator.
        """
        key = (phrase, unit, lang, growth)
        if key in self._cache:
            return self._cache[key]
        manual = self.manual.get((phrase.lower(), unit)) or self.manual.get((phrase.lower(), None))
        if manual:
            out: Link = (self._resolve(manual), "manual", 100.0)
        else:
            found = self.catalog.link(phrase, unit=unit, lang=lang, growth=growth)
            if found is not None:
                out = (self._resolve(found.indicator_id), found.method, float(found.score))
            else:
                ind = self.catalog.new_indicator_for(phrase, unit, lang)
                self.new.setdefault(ind.id, ind)
                out = (self._resolve(ind.id), "new", 0.0)
        self._cache[key] = out
        return out

    def link_items(self, items: list[Item]) -> dict[str, Link]:
        return {it.id: self.link(it.indicator, it.unit, it.lang, growth=it.growth) for it in items}

    def save_new_indicators(self, store: Any) -> None:
        """Store the provisional indicators this batch created."""
        if self.new:
            store.save_catalog([indicator_row(i) for i in self.new.values()])
            self.new.clear()
