"""The indicator catalog: load, edit, save, and link phrases to indicators."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from goalpost._exceptions import ConfigError
from goalpost.indicators._match import fuzzy_score
from goalpost.indicators._model import Indicator, Link
from goalpost.indicators._normalize import (
    detect_lang,
    normalize,
    slugify,
    unit_family,
    units_compatible,
)

__all__ = ["FUZZY_THRESHOLD", "Catalog", "new_indicator_for"]

#: Lowest fuzzy score that links; tuned on tests/data/linking/labelled.csv.
FUZZY_THRESHOLD = 80.0
_SHARE_REDIRECT_PENALTY = 2.0  # a redirected link is slightly less certain than a direct one
_PER_CAPITA = re.compile(
    r"\bper\s+(capita|head|person|10[, ]?000|ten thousand|10k|100[, ]?000|million)\b|每万|每十万|每百万|人均|万人",
    re.I,
)


@dataclass
class _Entry:
    norm: str
    lang: str
    indicator_id: str
    canonical: bool


class Catalog:
    """Canonical indicators with their aliases; links phrases to them.

    >>> cat = Catalog.load()
    >>> cat.link("the city's total Hi-tech companies", unit="count").indicator_id
    'high-tech-enterprises'
    >>> cat.link("技术合同成交额", unit="CNY").method
    'exact'
    >>> cat.link("high-tech enterprises", unit="%") is None  # a share is never a count
    True
    """

    def __init__(self, indicators: Iterable[Indicator] = (), merged: dict[str, str] | None = None):
        self._items: dict[str, Indicator] = {}
        self.merged: dict[str, str] = dict(merged or {})
        self.fuzzy_threshold = FUZZY_THRESHOLD
        for ind in indicators:
            self._items[ind.id] = ind
        self._index: dict[str, list[_Entry]] | None = None
        self._choices: dict[str, list[_Entry]] = {}
        self._strings: dict[str, list[str]] = {}  # the choices' normalised names, for rapidfuzz

    # ------------------------------------------------------------ load / dump
    @classmethod
    def load(cls, path: str | Path | None = None, *, replace: bool = False) -> Catalog:
        """The packaged catalog, with a user file merged over it.

        Entries of the user file replace packaged ones with the same id and
        add new ones; its ``merged: {source: into}`` map is applied after.
        With ``replace=True`` (or ``replace: true`` in the file) the user file
        is the whole catalog.

        >>> len(Catalog.load()) > 50
        True
        """
        packaged = (
            resources.files("goalpost").joinpath("indicators/catalog.yaml").read_text("utf-8")
        )
        base = _parse(packaged, "goalpost/indicators/catalog.yaml")
        if path is None:
            return cls(base["indicators"], base["merged"])
        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{p}: cannot read catalog file: {exc.strerror or exc}") from exc
        user = _parse(text, str(p))
        if replace or user["replace"]:
            cat = cls(user["indicators"], user["merged"])
        else:
            cat = cls(base["indicators"], base["merged"])
            for ind in user["indicators"]:
                cat._items[ind.id] = ind
            for source, into in user["merged"].items():
                if source in cat._items and into in cat._items:
                    cat.merge(source, into)
                else:
                    cat.merged[source] = into
        cat._check(str(p))
        return cat

    def dump(self, path: str | Path) -> None:
        """Write the whole catalog (and its merge map) as YAML to ``path``."""
        data: dict[str, Any] = {"indicators": [i.to_dict() for i in self._items.values()]}
        if self.merged:
            data["merged"] = dict(self.merged)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
        Path(path).write_text(text, encoding="utf-8")

    def _check(self, where: str) -> None:
        for ind in self._items.values():
            if ind.share_of and ind.share_of not in self._items:
                raise ConfigError(f"{where}: {ind.id!r} is a share of unknown {ind.share_of!r}")
            if ind.direction not in ("up", "down"):
                raise ConfigError(f"{where}: {ind.id!r} direction must be up or down")

    # ------------------------------------------------------------ editing
    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, indicator_id: object) -> bool:
        return isinstance(indicator_id, str) and self.get(indicator_id) is not None

    def get(self, indicator_id: str) -> Indicator | None:
        """The indicator with this id, following merges; None when unknown.

        >>> Catalog.load().get("rd-intensity").unit
        '%'
        """
        seen: set[str] = set()
        while indicator_id in self.merged and indicator_id not in seen:
            seen.add(indicator_id)
            indicator_id = self.merged[indicator_id]
        return self._items.get(indicator_id)

    def add(self, indicator: Indicator, *, replace: bool = False) -> None:
        """Add an indicator; an existing id is an error unless ``replace``."""
        if indicator.id in self._items and not replace:
            raise ConfigError(f"indicator {indicator.id!r} already exists")
        if not re.fullmatch(r"[\w\u3400-\u9fff][\w\u3400-\u9fff.-]*", indicator.id):
            raise ConfigError(f"indicator id {indicator.id!r}: use letters, digits and hyphens")
        self._items[indicator.id] = indicator
        self._index = None

    def add_alias(self, indicator_id: str, alias: str, lang: str | None = None) -> None:
        """Add an alias (language guessed from the script when not given).

        >>> cat = Catalog.load(); cat.add_alias("incubators", "incubation hubs")
        >>> cat.link("incubation hubs").method
        'alias'
        """
        ind = self.get(indicator_id)
        if ind is None:
            raise ConfigError(f"unknown indicator {indicator_id!r}")
        alias = alias.strip()
        if not alias:
            raise ConfigError("an alias cannot be empty")
        if any(alias in names for names in ind.aliases.values()):
            return  # already there, in some language
        ind.aliases.setdefault(lang or detect_lang(alias), []).append(alias)
        self._index = None

    def merge(self, source_id: str, into_id: str) -> Indicator:
        """Merge ``source_id`` into ``into_id``: its names become aliases there.

        The source disappears from the catalog; ``get(source_id)`` and the
        ``merged`` map lead to the target, so stored links stay meaningful.
        """
        src, dst = self._items.get(source_id), self.get(into_id)
        if src is None:
            raise ConfigError(f"unknown indicator {source_id!r}")
        if dst is None:
            raise ConfigError(f"unknown indicator {into_id!r}")
        if src.id == dst.id:
            raise ConfigError(f"cannot merge {source_id!r} into itself")
        for text, lang, _ in src.names():
            bucket = dst.aliases.setdefault(lang or detect_lang(text), [])
            if text not in bucket and text not in (dst.name_en, dst.name_zh):
                bucket.append(text)
        del self._items[src.id]
        self.merged[src.id] = dst.id
        for ind in self._items.values():
            if ind.share_of == src.id:
                ind.share_of = dst.id
        self._index = None
        return dst

    # ------------------------------------------------------------ linking
    def _build(self) -> dict[str, list[_Entry]]:
        index: dict[str, list[_Entry]] = {}
        choices: dict[str, list[_Entry]] = {"en": [], "zh": []}
        for ind in self._items.values():
            for text, lang, canonical in ind.names():
                lang = lang if lang in ("en", "zh") else detect_lang(text)
                variants = {text, *_synonym_variants(text, ind.synonyms)}
                for v in variants:
                    norm = normalize(v, lang)
                    if not norm:
                        continue
                    entry = _Entry(norm, detect_lang(norm), ind.id, canonical and v == text)
                    bucket = index.setdefault(norm, [])
                    if all(e.indicator_id != ind.id for e in bucket):
                        bucket.append(entry)
                        choices[entry.lang].append(entry)
        self._index, self._choices = index, choices
        self._strings = {lang: [e.norm for e in entries] for lang, entries in choices.items()}
        return index

    def collisions(self) -> list[tuple[str, list[str]]]:
        """Normalised names shared by several indicators: each is an ambiguous link.

        >>> Catalog.load().collisions()
        []
        """
        index = self._index if self._index is not None else self._build()
        return [(k, [e.indicator_id for e in v]) for k, v in index.items() if len(v) > 1]

    def _share_of(self, level_id: str) -> Indicator | None:
        return next((i for i in self._items.values() if i.share_of == level_id), None)

    def _fit(
        self, indicator_id: str, unit: str | None, per_capita: bool = False
    ) -> tuple[str, str] | None:
        """The indicator to use for this unit: itself, its share version, or None.

        A phrase that states its own denominator ("per 10,000 people", 每万人, 人均)
        carries a count or money unit for the numerator ("50 件", "150,000 yuan"),
        which fits a per-capita indicator.
        """
        ind = self._items[indicator_id]
        if units_compatible(unit, ind.unit):
            return ind.id, ""
        if (
            per_capita
            and unit_family(ind.unit) == "ratio"
            and unit_family(unit) in ("count", "currency")
        ):
            return ind.id, "the phrase states the denominator"
        if unit_family(unit) == "share":
            share = self._share_of(ind.id)
            if share is not None:
                return share.id, f"a % of {ind.id!r}, so its share indicator"
        return None

    def candidates(
        self,
        phrase: str,
        unit: str | None = None,
        lang: str | None = None,
        *,
        growth: bool = False,
        limit: int = 5,
    ) -> list[Link]:
        """The best links for a phrase, best first, unit filter applied (threshold not).

        ``growth=True`` says the value is a growth rate of the indicator
        ("grow 7% a year"): the ``%`` then says nothing about the indicator's
        own unit, so no unit filter applies.
        """
        index = self._index if self._index is not None else self._build()
        norm = normalize(phrase, lang)
        if not norm:
            return []
        unit_used = None if growth else unit
        found: dict[str, Link] = {}

        per_capita = bool(_PER_CAPITA.search(phrase))

        def offer(ind_id: str, score: float, method: str, note: str = "") -> None:
            fit = self._fit(ind_id, unit_used, per_capita)
            if fit is None:
                return
            target, why = fit
            if target != ind_id:
                score -= _SHARE_REDIRECT_PENALTY
            link = Link(target, round(score, 1), method, norm, note or why)  # type: ignore[arg-type]
            if target not in found or found[target].score < link.score:
                found[target] = link

        for entry in index.get(norm, []):
            offer(entry.indicator_id, 100.0, "exact" if entry.canonical else "alias")
        nlang = detect_lang(norm)
        pool = self._choices.get(nlang, [])
        # A one-word phrase ("startups") is too little to guess from: exact or nothing.
        enough = len(norm.split()) >= 2 if nlang == "en" else len(norm) >= 3
        if pool and not found and enough:
            first = fuzz.token_set_ratio if nlang == "en" else fuzz.partial_ratio
            strings = self._strings.get(nlang) or [e.norm for e in pool]
            shortlist = process.extract(norm, strings, scorer=first, limit=25)
            for _, _, i in shortlist:
                entry = pool[i]
                offer(entry.indicator_id, fuzzy_score(norm, entry.norm, nlang), "fuzzy")
        ranked = sorted(found.values(), key=lambda k: (-k.score, k.method != "exact"))
        return ranked[:limit]

    def link(
        self, phrase: str, unit: str | None = None, lang: str | None = None, *, growth: bool = False
    ) -> Link | None:
        """Link a phrase to an indicator, or None when nothing fits well enough.

        Exact names and aliases first (after :func:`normalize`), then fuzzy
        matching at or above ``fuzzy_threshold``; an indicator whose unit is
        of another family never links ("%" never goes to a count). A ``%``
        phrase that names a level indicator with a share version links to the
        share ("R&D fund" at 3.1% -> ``rd-intensity``).

        >>> Catalog.load().link("R&D fund", unit="%").indicator_id
        'rd-intensity'
        """
        best = self.candidates(phrase, unit, lang, growth=growth, limit=1)
        if not best:
            return None
        top = best[0]
        if top.method == "fuzzy" and top.score < self.fuzzy_threshold:
            return None
        return top

    def new_indicator_for(
        self, phrase: str, unit: str | None, lang: str | None = None
    ) -> Indicator:
        """A provisional indicator for a phrase nothing fits (see :func:`new_indicator_for`)."""
        ind = new_indicator_for(phrase, unit, lang)
        base, n = ind.id, 2
        while ind.id in self._items and self._items[ind.id].unit != ind.unit:
            ind.id, n = f"{base}-{n}", n + 1
        return ind


def new_indicator_for(phrase: str, unit: str | None, lang: str | None = None) -> Indicator:
    """A provisional indicator named after an unmatched phrase, to be merged later.

    The id is ``x-`` and a slug of the phrase without region names and
    leading determiners; the phrase is kept as its name and only alias.

    >>> ind = new_indicator_for("Guangzhou's outputs of Hi-tech products", "%", "en")
    >>> ind.id, ind.unit, ind.provisional
    ('x-outputs-of-hi-tech-products', '%', True)
    """
    from goalpost.indicators._normalize import _strip_regions

    lang = lang if lang in ("en", "zh") else detect_lang(phrase)
    core = _strip_regions(phrase).strip()
    core = re.sub(
        r"^((the|a|an|its|their|total|number of|the number of|city's|the city's)\s+)+",
        "",
        core,
        flags=re.I,
    )
    core = re.sub(r"^(全市|全省|本市|我市|全区)", "", core).strip() or phrase.strip()
    ind = Indicator(
        id=f"x-{slugify(core)}",
        name_en=core if lang == "en" else None,
        name_zh=core if lang == "zh" else None,
        unit=unit or "count",
        definition=f"Provisional: made for the phrase {phrase.strip()!r}; merge into a catalog indicator.",
        aliases={lang: [phrase.strip()]} if phrase.strip() != core else {},
        provisional=True,
    )
    return ind


def _synonym_variants(text: str, synonyms: dict[str, str]) -> list[str]:
    out = []
    for a, b in synonyms.items():
        for x, y in ((a, b), (b, a)):
            pat = re.compile(rf"(?<!\w){re.escape(x)}(?!\w)", re.I)
            if pat.search(text):
                out.append(pat.sub(y, text))
    return out


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from exc
    if isinstance(data, list):
        data = {"indicators": data}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping with an 'indicators' list")
    out: list[Indicator] = []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("indicators") or [], 1):
        if not isinstance(raw, dict) or not raw.get("id"):
            raise ConfigError(f"{where}: indicator #{n} has no id")
        if raw["id"] in seen:
            raise ConfigError(f"{where}: indicator {raw['id']!r} is listed twice")
        seen.add(raw["id"])
        try:
            out.append(Indicator.from_dict(raw))
        except (TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{where}: indicator {raw['id']!r}: {exc}") from exc
    merged = data.get("merged") or {}
    if not isinstance(merged, dict):
        raise ConfigError(f"{where}: 'merged' must map source ids to target ids")
    return {"indicators": out, "merged": dict(merged), "replace": bool(data.get("replace"))}
