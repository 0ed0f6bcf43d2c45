"""The region hierarchy: district < city < province < country.

Region ids are canonical English names ("Guangzhou", "Guangdong", "China");
the data lives in ``goalpost/data/regions.yaml`` (names in English, simplified
and traditional Chinese, aliases).

Matching rules, kept simple on purpose:

- English names match case-sensitively (as written, or in ALL CAPS) between
  word boundaries, so "Guangzhou's" is a mention and "guangzhouese" is not.
- Chinese names match as substrings ("广州市" and "广州" both count). A name
  inside a longer proper name still counts: "中国科学院" (the Chinese Academy
  of Sciences) is a mention of China. That is harmless for
  :func:`subject_region`, which prefers the most specific region, and a
  short list of names that are mostly parts of other words (中山 in 中山大学)
  only match with their suffix (中山市).
- Generic words ("nationwide", "全国", "the city") are never mentions; use
  :func:`generic_region` to resolve them against a document's subject.

>>> region_mentions("By 2021 Guangzhou will lead Guangdong.")
[(8, 17, 'Guangzhou'), (28, 37, 'Guangdong')]
>>> ancestors("Tianhe")
['Guangzhou', 'Guangdong', 'China']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from goalpost._exceptions import ConfigError

__all__ = [
    "LEVELS",
    "Region",
    "all_regions",
    "ancestors",
    "contains",
    "display_name",
    "generic_region",
    "level",
    "parent",
    "region_mentions",
    "resolve",
    "subject_region",
]

#: Levels from the most specific to the widest.
LEVELS: tuple[str, ...] = ("district", "city", "province", "country")
_RANK = {name: i for i, name in enumerate(LEVELS)}

# Suffixes generated for each level: (English, simplified, traditional).
_SUFFIX = {
    "district": (" District", "区", "區"),
    "city": (" City", "市", "市"),
    "province": (" Province", "省", "省"),
}

_WORD = r"[A-Za-z0-9\u00C0-\u024F]"
_HEAD_WORD = re.compile(f"{_WORD}+")
_WORD_CHAR = re.compile(_WORD)


@dataclass(frozen=True)
class Region:
    """One region of the hierarchy.

    >>> Region(id="Nansha", level="district", parent="Guangzhou", zh="南沙").level
    'district'
    """

    id: str
    level: str
    parent: str | None = None
    zh: str | None = None
    hant: str | None = None
    municipality: bool = False
    aliases: tuple[str, ...] = ()
    zh_names: tuple[str, ...] = ()  # every Chinese surface form matched in text
    generic: tuple[str, ...] = ()
    resolve_only: tuple[str, ...] = ()


@dataclass
class _Registry:
    regions: dict[str, Region] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)  # matched in text -> id
    lookup: dict[str, str] = field(default_factory=dict)  # normalised name -> id
    pattern: re.Pattern[str] | None = None
    # The fast path of ``region_mentions``: ``starts`` finds the only places a
    # name can begin (a word whose first letter starts an English name, or a
    # character that starts a Chinese one); ``by_head`` maps that word or
    # character to the names beginning with it, longest first.
    starts: re.Pattern[str] | None = None
    by_head: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _load(path: Path | None = None) -> _Registry:
    if path is None:
        raw = resources.files("goalpost").joinpath("data/regions.yaml").read_text("utf-8")
        where = "goalpost/data/regions.yaml"
    else:
        raw = Path(path).read_text("utf-8")
        where = str(path)
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from exc
    reg = _Registry()
    for entry in data.get("regions", []):
        rid, lvl = entry.get("id"), entry.get("level")
        if not rid or lvl not in _RANK:
            raise ConfigError(f"{where}: region {entry!r} needs an id and a level in {LEVELS}")
        if rid in reg.regions:
            raise ConfigError(f"{where}: region {rid!r} is listed twice")
        zh, hant = entry.get("zh"), entry.get("hant")
        en_forms = [rid, *entry.get("aliases", [])]
        zh_forms = [z for z in (zh, hant) if z and entry.get("bare_zh", True)]
        zh_forms += entry.get("zh_full", [])
        if entry.get("suffix", True) and lvl in _SUFFIX:
            en_sfx, zh_sfx, hant_sfx = _SUFFIX[lvl]
            if entry.get("municipality"):
                en_sfx, zh_sfx, hant_sfx = _SUFFIX["city"]
            en_forms.append(rid + en_sfx)
            zh_forms += [f"{z}{zh_sfx}" for z in (zh,) if z]
            zh_forms += [f"{z}{hant_sfx}" for z in (hant or zh,) if z]
        zh_forms = list(dict.fromkeys(zh_forms))
        region = Region(
            id=rid,
            level=lvl,
            parent=entry.get("parent"),
            zh=zh,
            hant=hant,
            municipality=bool(entry.get("municipality", False)),
            aliases=tuple(entry.get("aliases", [])),
            zh_names=tuple(zh_forms),
            generic=tuple(entry.get("generic", [])),
            resolve_only=tuple(entry.get("resolve_only", [])),
        )
        reg.regions[rid] = region
        for form in en_forms:
            for variant in {form, form.upper()} if len(form) > 3 else {form}:
                _claim(reg.surfaces, variant, rid, where)
        for form in zh_forms:
            _claim(reg.surfaces, form, rid, where)
        for form in [*en_forms, *zh_forms, zh, hant, *region.generic, *region.resolve_only]:
            if form:
                reg.lookup.setdefault(_norm(form), rid)
    for region in reg.regions.values():
        if region.parent is not None and region.parent not in reg.regions:
            raise ConfigError(f"{where}: {region.id!r} has unknown parent {region.parent!r}")
    # Longest first so "广州市" wins over "广州" and "Hong Kong SAR" over "Hong Kong".
    en = sorted((s for s in reg.surfaces if s.isascii() or _is_latin(s)), key=len, reverse=True)
    zh_all = sorted((s for s in reg.surfaces if s not in set(en)), key=len, reverse=True)
    en_alt = "|".join(re.escape(s) for s in en)
    zh_alt = "|".join(re.escape(s) for s in zh_all)
    # "US$8.1 billion" is money, not a mention of the United States: "$" ends no name.
    reg.pattern = re.compile(f"(?<!{_WORD})(?:{en_alt})(?!{_WORD}|\\$)|(?:{zh_alt})")
    _index(reg, en, zh_all)
    return reg


def _index(reg: _Registry, en: list[str], zh: list[str]) -> None:
    """Build the first-word / first-character dispatch used by ``region_mentions``.

    Trying a ~800-name alternation at every position costs milliseconds per
    page; looking up only the words and characters that can start a name is
    about two orders of magnitude cheaper and finds the same matches.
    """
    heads: dict[str, list[str]] = {}
    for surface in en:  # already longest first
        head = _HEAD_WORD.match(surface)
        key = head.group() if head else surface[:1]
        heads.setdefault(key, []).append(surface)
    for surface in zh:
        heads.setdefault(surface[0], []).append(surface)
    reg.by_head = {k: tuple(v) for k, v in heads.items()}
    en_first = "".join(sorted({s[0] for s in en}))
    zh_first = "".join(sorted({s[0] for s in zh}))
    parts = []
    if en_first:
        parts.append(f"(?<!{_WORD})(?=[{re.escape(en_first)}]){_WORD}+")
    if zh_first:
        parts.append(f"[{re.escape(zh_first)}]")
    reg.starts = re.compile("|".join(parts) or "(?!)")


def _is_latin(s: str) -> bool:
    return all(ord(c) < 0x2E80 for c in s)


def _claim(table: dict[str, str], surface: str, rid: str, where: str) -> None:
    owner = table.setdefault(surface, rid)
    if owner != rid:
        raise ConfigError(f"{where}: name {surface!r} belongs to both {owner!r} and {rid!r}")


def _norm(name: str) -> str:
    text = name.strip().replace("\u2019", "'")
    text = re.sub(r"'s$", "", text)
    return re.sub(r"\s+", " ", text).casefold()


@lru_cache(maxsize=1)
def _registry() -> _Registry:
    return _load()


def all_regions() -> list[Region]:
    """Every region in the packaged hierarchy.

    >>> any(r.id == "Huadu" for r in all_regions())
    True
    """
    return list(_registry().regions.values())


def region_mentions(text: str) -> list[tuple[int, int, str]]:
    """Every region name in ``text`` as ``(start, end, region_id)``, in order.

    >>> region_mentions("广州市天河区")
    [(0, 3, 'Guangzhou'), (3, 6, 'Tianhe')]
    """
    reg = _registry()
    assert reg.starts is not None
    by_head, surfaces = reg.by_head, reg.surfaces
    out: list[tuple[int, int, str]] = []
    last = 0
    n = len(text)
    for m in reg.starts.finditer(text):
        p = m.start()
        if p < last:
            continue  # inside the previous name ("Kong" of "Hong Kong")
        for surface in by_head.get(m.group(), ()):
            if not text.startswith(surface, p):
                continue
            e = p + len(surface)
            if surface[0] < "\u2e80" and e < n and (text[e] == "$" or _WORD_CHAR.match(text, e)):
                continue  # an English name must end at a word boundary, and not be "US$"
            out.append((p, e, surfaces[surface]))
            last = e
            break
    return out


def resolve(name: str | None) -> str | None:
    """The region id for a name, alias or generic word, or None.

    Case-insensitive; "'s" and suffixes such as " City", "市", "区" are accepted.

    >>> resolve("guangzhou city"), resolve("廣州"), resolve("nationwide"), resolve("Atlantis")
    ('Guangzhou', 'Guangzhou', 'China', None)
    """
    if not name:
        return None
    lookup = _registry().lookup
    key = _norm(name)
    if key in lookup:
        return lookup[key]
    key = re.sub(r"^the ", "", key)
    if key in lookup:
        return lookup[key]
    for sfx in (" city", " province", " district", " municipality", "市", "省", "区", "區"):
        if key.endswith(sfx) and key[: -len(sfx)].strip() in lookup:
            return lookup[key[: -len(sfx)].strip()]
    return None


def _get(region: str) -> Region:
    rid = resolve(region)
    if rid is None:
        raise KeyError(f"unknown region: {region!r}")
    return _registry().regions[rid]


def parent(region: str) -> str | None:
    """The region one level up, or None for a country.

    >>> parent("Huadu"), parent("China")
    ('Guangzhou', None)
    """
    return _get(region).parent


def ancestors(region: str) -> list[str]:
    """Every region above ``region``, nearest first.

    >>> ancestors("Guangzhou")
    ['Guangdong', 'China']
    """
    out: list[str] = []
    up = _get(region).parent
    while up is not None:
        out.append(up)
        up = _registry().regions[up].parent
    return out


def level(region: str) -> str:
    """``"district"``, ``"city"``, ``"province"`` or ``"country"``.

    >>> level("Nansha"), level("Beijing")
    ('district', 'province')
    """
    return _get(region).level


def contains(outer: str, inner: str) -> bool:
    """True when ``inner`` is ``outer`` or lies inside it.

    >>> contains("Guangdong", "Tianhe"), contains("Guangzhou", "Shenzhen")
    (True, False)
    """
    o, i = _get(outer).id, _get(inner).id
    return o == i or o in ancestors(i)


def display_name(region: str, lang: str = "en") -> str:
    """The region's name in ``lang`` ("en", "zh"/"zh-Hans", "zh-Hant"/"zh-TW"/"zh-HK").

    Unknown regions come back unchanged.

    >>> display_name("Guangzhou", "zh"), display_name("Guangzhou", "zh-Hant")
    ('广州', '廣州')
    """
    rid = resolve(region)
    if rid is None:
        return region
    r = _registry().regions[rid]
    code = lang.replace("_", "-").lower()
    if code.startswith("zh"):
        if any(t in code for t in ("hant", "tw", "hk", "mo")):
            return r.hant or r.zh or r.id
        return r.zh or r.id
    return r.id


# Generic words by the level they stand for; matched after casefolding.
_GENERIC = {
    "district": {"the district", "this district", "district", "district-wide", "districtwide"}
    | {"全区", "全區", "本区", "本區", "我区", "我區", "区", "區"},
    "city": {
        "the city",
        "this city",
        "city",
        "citywide",
        "city-wide",
        "the municipality",
        "municipal",
    }
    | {"the whole city", "全市", "本市", "我市", "市", "全市范围", "全市範圍"},
    "province": {"the province", "this province", "province", "provincial", "province-wide"}
    | {"provincewide", "the whole province", "全省", "本省", "我省", "省"},
    "country": {"the country", "this country", "country", "nationwide", "national", "nation-wide"}
    | {"the nation", "the whole country", "countrywide", "country-wide", "全国", "全國", "国内"}
    | {"國內", "我国", "我國", "国家", "國家"},
}


@lru_cache(maxsize=1024)
def generic_region(word: str, subject: str | None) -> str | None:
    """Resolve a generic word ("the city", "全省", "nationwide") against a subject region.

    "the city" is the subject when it is a city (or a province-level
    municipality such as Beijing), the subject's city when it is a district;
    "the province" is the subject's province; "the country" its country.
    None when the word is not generic or the subject has no such level.

    >>> generic_region("全市", "Guangzhou"), generic_region("the province", "Tianhe")
    ('Guangzhou', 'Guangdong')
    >>> generic_region("nationwide", "Guangzhou"), generic_region("the city", "Guangdong")
    ('China', None)
    """
    key = _norm(word)
    key = re.sub(r"^(the )?(whole|entire) ", "the whole ", key)
    wanted = next((lvl for lvl, words in _GENERIC.items() if key in words), None)
    if wanted is None or subject is None or resolve(subject) is None:
        return None
    chain = [_get(subject).id, *ancestors(subject)]
    regions = _registry().regions
    for rid in chain:
        r = regions[rid]
        if r.level == wanted or (wanted == "city" and r.municipality):
            return rid
    return None


def subject_region(text: str, title: str | None = None, *, head_chars: int = 2000) -> str | None:
    """The region a document is about, from its title and first paragraphs.

    Title mentions weigh three times a body mention. A region's support is
    its own weight plus that of everything inside it; among regions with at
    least half the best support, the most specific one wins (ties: the
    higher own weight). So a Guangzhou plan that also names Guangdong and
    China is about Guangzhou, and a Guangdong report naming Guangzhou once
    is about Guangdong.

    >>> subject_region("Guangzhou will ... Guangzhou and Guangdong ...", title="Guangzhou plan")
    'Guangzhou'
    >>> subject_region("Guangdong leads. Guangdong grows. Guangzhou too.")
    'Guangdong'
    """
    weight: Counter[str] = Counter()
    for _, _, rid in region_mentions(title or ""):
        weight[rid] += 3
    for _, _, rid in region_mentions(text[:head_chars]):
        weight[rid] += 1
    if not weight:
        return None
    support: Counter[str] = Counter()
    for rid, w in weight.items():
        for r in (rid, *ancestors(rid)):
            support[r] += w
    best = max(support.values())
    regions = _registry().regions
    candidates = [r for r, s in support.items() if s * 2 >= best]
    return min(
        candidates,
        key=lambda r: (_RANK[regions[r].level], -weight[r], -support[r], r),
    )
