"""Indicator and Link: the plain data of the catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["up", "down"]
LinkMethod = Literal["exact", "alias", "fuzzy", "manual"]


@dataclass
class Indicator:
    """A canonical indicator of the catalog.

    ``direction`` is ``"up"`` when higher is better, ``"down"`` when lower is
    better. ``aliases`` maps a language (``"en"``, ``"zh"``) to the other
    names plans and bulletins use. ``share_of`` names the level indicator a
    ``%`` indicator is the share of; ``synonyms`` are word equivalences that
    hold for this indicator only. ``provisional`` marks an indicator made up
    for a phrase the catalog could not place, to be merged by a person.

    >>> Indicator(id="incubators", name_en="Incubators", unit="count").direction
    'up'
    """

    id: str
    name_en: str | None = None
    name_zh: str | None = None
    unit: str = "count"
    direction: Direction = "up"
    definition: str = ""
    aliases: dict[str, list[str]] = field(default_factory=dict)
    share_of: str | None = None
    synonyms: dict[str, str] = field(default_factory=dict)
    provisional: bool = False
    merged_into: str | None = None

    def names(self) -> list[tuple[str, str | None, bool]]:
        """Every name as ``(text, lang, is_canonical)``: canonical names first."""
        out: list[tuple[str, str | None, bool]] = []
        if self.name_en:
            out.append((self.name_en, "en", True))
        if self.name_zh:
            out.append((self.name_zh, "zh", True))
        for lang, names in self.aliases.items():
            out += [(a, lang, False) for a in names]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The YAML form: empty optional fields left out."""
        d: dict[str, Any] = {"id": self.id, "name_en": self.name_en, "name_zh": self.name_zh}
        d.update(unit=self.unit, direction=self.direction)
        if self.share_of:
            d["share_of"] = self.share_of
        if self.provisional:
            d["provisional"] = True
        d["definition"] = self.definition
        d["aliases"] = {k: list(v) for k, v in self.aliases.items() if v}
        if self.synonyms:
            d["synonyms"] = dict(self.synonyms)
        return {k: v for k, v in d.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        """Build from the YAML form (aliases as ``{lang: [...]}`` or a plain list)."""
        raw = d.get("aliases") or {}
        if isinstance(raw, list):  # a plain list: language guessed per alias
            from goalpost.indicators._normalize import detect_lang

            aliases: dict[str, list[str]] = {}
            for a in raw:
                aliases.setdefault(detect_lang(str(a)), []).append(str(a))
        else:
            aliases = {str(k): [str(a) for a in (v or [])] for k, v in raw.items()}
        # The same alias twice (in one language or two) is one alias: the store keys on it.
        seen: set[str] = set()
        for lang in list(aliases):
            aliases[lang] = [a for a in aliases[lang] if not (a in seen or seen.add(a))]
        direction = str(d.get("direction") or "up").lower()
        direction = {"higher": "up", "lower": "down", "+": "up", "-": "down"}.get(
            direction, direction
        )
        return cls(
            id=str(d["id"]),
            name_en=d.get("name_en"),
            name_zh=d.get("name_zh"),
            unit=str(d.get("unit") or "count"),
            direction=direction,  # type: ignore[arg-type]
            definition=str(d.get("definition") or ""),
            aliases=aliases,
            share_of=d.get("share_of"),
            synonyms={str(k): str(v) for k, v in (d.get("synonyms") or {}).items()},
            provisional=bool(d.get("provisional", False)),
            merged_into=d.get("merged_into"),
        )


@dataclass(frozen=True)
class Link:
    """A phrase linked to an indicator.

    ``score`` is 0-100; ``method`` is ``"exact"`` (a canonical name),
    ``"alias"``, ``"fuzzy"`` or ``"manual"`` (a person's decision, made by the
    store); ``normalized`` is the phrase as matched; ``note`` says why, when a
    share phrase was redirected to a share indicator, for instance.

    >>> Link("high-tech-enterprises", 100.0, "alias", "hightech enterprise").method
    'alias'
    """

    indicator_id: str
    score: float
    method: LinkMethod
    normalized: str
    note: str = ""
