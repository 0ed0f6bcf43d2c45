"""Target or observation: the verbs, cues and dates that decide an English item's kind.

Cues are matched as whole phrases ("will have" is one target cue, not a
target "will" and an observation "have"). Strong cues decide by proximity in
the value's own clause; a date of the clause's own comes next; then strong
cues earlier in the sentence, past forms, infinitives of intent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._text import lower_pattern
from goalpost.extract._types import TimeExpr

# Cues are matched as whole phrases, longest first, so "will have" is one
# target cue rather than a target "will" and an observation "have". Strong
# cues decide by proximity; weak ones (an infinitive, a bare past form that
# may be a participle, "is"/"are") only when no strong cue is in the sentence.
_T_STRONG = (
    r"(?:will|shall|would|should|could|must|to)\s+(?:\w+ly\s+)?(?:have|be)(?:\s+been)?"
    r"(?:\s+(?:\w+ed|home\s+to|able\s+to|built|made|set\s+up|given))?|"
    r"will|shall|'ll|is\s+to|are\s+to|aims?|aiming|aimed\s+(?:to|at)|the\s+aim|goals?|targets?|ambitions?|mandates?|"
    r"targeted|targeting|objectives?|plans?\s+to|planning\s+to|strives?|striving|should|must|"
    r"(?:is|are)\s+expected|expects?\s+to|intends?|seeks?\s+to|hopes?|hoping|hoped|"
    r"commit(?:s|ted)?\s+to|pledge[sd]?|envisage[sd]?|aspires?|endeavou?rs?|"
    r"(?:is|are)\s+set\s+to|is\s+going\s+to|are\s+going\s+to|"
    r"budget(?:ed|s)?|allocat(?:e|es|ing)|earmark(?:s|ed)?|set\s+aside|by\s+then"
)


_T_WEAK = (
    r"would|could|planned|"
    r"to\s+(?:be\s+)?(?:reach|achieve|raise|increase|grow|build|create|establish|attract|cultivate|"
    r"train|develop|double|hit|expand|exceed|surpass|bring|get|have|lift|boost|cut|reduce|set\s+up|"
    r"nurture|foster|select|recruit|invest|spend|add|host|provide|mobili[sz]e|support|launch|"
    r"complete|form|introduce|deploy|install|upgrade|produce|generate|register|list|draw)"
)


_O_STRONG = (
    # not "aims to have", "strive to: have" nor a bullet's "- have": those are infinitives
    r"(?<!\bto\s)(?<!\bto:\s)(?<!-\s)(?<!•\s)"
    r"(?:has|have|had)(?:\s+(?:also|already|now|so\s+far|successfully|each))?(?:\s+been)?|"
    r"was|were|so\s+far|to\s+date|up\s+to\s+date|currently|at\s+present|presently|now|"
    r"there\s+(?:are|were|is|was)|home\s+to|boasts?|statistics\s+show|data\s+show|"
    r"(?:is|are)\s+estimated|an\s+estimated|last\s+year|previously|in\s+recent\s+years|"
    r"over\s+the\s+past|reached|totall?ed|amounted|stood|rose|grew|fell|jumped|climbed|"
    r"stands?\s+at|remained|is\s+now|are\s+now|up\s+from|down\s+from|compared\s+(?:with|to)|"
    r"recorded|registered|saw|witnessed|came\s+in\s+at|comes\s+in\s+at|came\s+to"
)


_O_WEAK = (
    r"is|are|increased|decreased|declined|dropped|achieved|attracted|issued|opened|launched|"
    r"published|built|completed|approved|invested|spent|exceeded|surpassed|topped|accounted|"
    r"received|obtained|gave|given|listed|hosted|held|signed|secured|cultivated|introduced|"
    r"trained|generated|produced|employed|created|established|founded|raised|started|began|"
    r"initiated|unveiled|implemented|adopted|enacted|passed|recruited|selected|set\s+up|"
    r"according\s+to|reported|showed|shows|welcomed|handled|processed|carried|served|exported|"
    r"imported|sold|posted|logged|completed"
)


CUES = re.compile(
    rf"\b(?:(?P<ts>{_T_STRONG})|(?P<os>{_O_STRONG})|(?P<tw>{_T_WEAK})|(?P<ow>{_O_WEAK}))\b",
    re.I,
)


# Words a cue can start with: the cue pattern is only tried at these words.
_CUE_FIRST_WORDS = (
    "will shall would should could must to is are aim the goal target objective plan strive ambition mandate "
    "striving expect intend seek hop commit pledg envisag aspir endeavo budget allocat earmark "
    "set by has have had was were so up currently at presently now there home boast statistics "
    "data an last previously in over reached total amounted stood stand rose grew fell jumped "
    "climbed remained down compared recorded registered saw witnessed came comes increased decreased "
    "declined dropped achieved attracted issued opened launched published built completed "
    "approved invested spent exceeded surpassed topped accounted received obtained gave given "
    "listed hosted held signed secured cultivated introduced trained generated produced employed "
    "created established founded raised started began initiated unveiled implemented adopted "
    "enacted passed recruited selected according reported showed shows planned welcomed handled "
    "processed carried served exported imported sold posted logged "
)
CUE_FIRSTS = tuple(_CUE_FIRST_WORDS.split())
# For lower-cased text: same matches, much faster. The leading lookahead on
# the letters a cue can start with lets ``re`` skip to them instead of trying
# the whole alternation at every position.
CUES_LOW = re.compile(
    "(?=['" + "".join(sorted({w[0] for w in CUE_FIRSTS})) + "])" + lower_pattern(CUES).pattern
)


_PARENTHETICAL = re.compile(
    r",\s*(?:covering|occupying|spanning|measuring|employing|housing|with\s+an?\s+area\s+of)\b[^,]*$",
    re.I,
)


BASELINE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|only\s+|just\s+)?$", re.I)


def past_time_after(times: list[TimeExpr], q: EnQuantity, doc_year: int | None) -> bool:
    """A time right after the value that is not later than the document ("... in 2020")."""
    for t in times:
        if q.end <= t.start <= q.end + 16:
            y = _year_of(t.date)
            return y is not None and (doc_year is None or y <= doc_year)
    return False


GOAL_NEAR = re.compile(r"\s*(?:goal|target|objective)s?\b", re.I)


GOAL_BEFORE = re.compile(
    r"\b(?:goal|target|objective|ambition|mandate)s?\s+of\s+(?:about\s+|around\s+)?$", re.I
)


BUDGET = re.compile(
    r"\b(?:outlay|budget\w*|allocat\w*|earmark\w*|set\s+aside|commit\w*|pledg\w*|appropriat\w*|"
    r"invest\w*|funding|fund|authori[sz]\w*)\b",
    re.I,
)


# "over the next five years", "over five years"; not "over the (past) five years"
FUTURE_SPAN = re.compile(
    r"\bover\s+(?:(?:the\s+)?(?:next|coming|following)\s+|(?!the\b|past\b|last\b))(?:\w+|\d+)\s+years\b",
    re.I,
)


_SECTION_PLAN = re.compile(
    r"\b(?:goals?|targets?|objectives?|tasks?|plans?|actions?|measures|vision|priorities|aims?|"
    r"by\s+(?:19|20)\d\d|mission|initiatives?|roadmap|strategy)\b",
    re.I,
)


@lru_cache(maxsize=1024)
def section_is_plan(section: str | None) -> bool:
    return bool(section and _SECTION_PLAN.search(section))


def decide_kind(
    s: str,
    q: EnQuantity,
    clause: tuple[int, int],
    cues: list[re.Match[str]],
    next_start: int,
    clause_year: int | None = None,
    doc_year: int | None = None,
    plan_section: bool = False,
) -> str | None:
    """ "target", "observation", or None when no cue decides.

    Strong cues decide by proximity (the clause first, then what comes
    before in the sentence); then a past form anywhere before, then an
    infinitive of intent; then strong cues after the value in other clauses.
    """
    strong = [c for c in cues if c.group("ts") or c.group("os")]
    # ("is estimated at VND 39,500 billion": the cue may end inside the value's comparator)
    before = [
        c for c in strong if c.end() <= q.start or c.start() < q.start < c.end() <= q.num_start
    ]
    # Cues after the value count only up to the next value ("1.3% ..., far
    # below the 75% target": "target" speaks for the 75%).
    after = [c for c in strong if q.end <= c.start() and c.end() <= next_start]
    paren = _PARENTHETICAL.search(s, max(0, q.start - 40), q.start)
    close = s.find(",", q.end)
    if paren and close >= 0:
        # Inside ", covering 12.5 square kilometers," only cues in the aside count.
        before = [c for c in before if c.start() >= paren.start()]
        after = [c for c in after if c.end() <= close]
    groups = (
        [c for c in before if c.start() >= clause[0]][::-1],
        [c for c in after if c.end() <= clause[1]],
    )
    for group in groups:
        if group:
            return "target" if group[0].group("ts") else "observation"
    if paren and close >= 0:
        return "observation"  # "The park, covering 12.5 square kilometers, is expected to ...": a description
    # No cue in its own clause: a date of its own outweighs a verb elsewhere
    # ("targets 1,000 firms this year, after adding 850 in 2021").
    if clause_year is not None and doc_year is not None and clause_year != doc_year:
        return "target" if clause_year > doc_year else "observation"
    if before:
        return "target" if before[-1].group("ts") else "observation"
    weak = [c for c in cues if c.group("ow") and c.group().lower() not in ("is", "are")]
    if any(c.start() < q.start for c in weak):
        return "observation"
    if any(c.group("tw") for c in cues):
        return "target"
    if weak:
        return "observation"
    # "The city's R&D intensity is 2.8%": the present tense states a fact,
    # except in a targets section, where "is" lists the goals.
    if not plan_section and any(
        c.group("ow") and c.start() < q.start and c.start() >= clause[0] for c in cues
    ):
        return "observation"
    return None


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None
