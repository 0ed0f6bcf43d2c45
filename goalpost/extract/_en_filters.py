"""What is a number but not an item, in English text.

Years and dates, phone/licence/document numbers, list numbering, rankings,
names with digits ("5G", "RIE2025", "Fortune 500", "1+9 policies", "Industry
4.0"), durations ("three-year", "32 consecutive years"), counts of a
document's own parts ("eight major actions"), the "per 10,000" of a ratio,
thresholds that define a group ("firms whose revenue exceeds 20 million"),
policy parameters (a tax-credit rate) and third-party trend projections.

Every test looks at the normalized sentence ``s`` and local offsets.
"""

from __future__ import annotations

import re

from goalpost.extract._en_phones import phone_number
from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._text import word_before

_MONTH_NAMES_WORDS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"
)
_MONTH_NAMES = _MONTH_NAMES_WORDS.split()
# as written and in capitals ("16 DEC 2024 2:45PM")
_MONTH = "(?:" + "|".join(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES]) + r")\.?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b")
# "14 Dhu al-Qadah 1445 AH", "1 Ramadan": a day of a Hijri month
_HIJRI_MONTH_AFTER = re.compile(
    r"\s+(?:Muharram|Safar|Rabi|Jumad[ae]|Rajab|Sha'?ban|Ramad[ah]n|Shawwal|Dhu|Dhul)\b"
)
# "September 3 and 10, 2024", "March 4, 11 and 18": the later days of a list of dates
_DAY_LIST_BEFORE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s*,?\s*(?:and|&|to)\s+$"
)
_ONE_OF_BEFORE = re.compile(r"\b(?:one|two|three|each|any|either)\s+of\s+(?:the\s+|its\s+)?$", re.I)
_PREP_THE_BEFORE = re.compile(
    r"\b(?:in|of|for|across|among|to|on|from|at|with|between)\s+(?:the|all|its|their|"
    r"[A-Z][\w.-]*['’]s)\s+$",
    re.I,
)
# "Alameda Urquijo 36", "Coolsingel 40", "Ny Carlsberg Vej 80": a street and its number
_STREET_BEFORE = re.compile(
    r"\b(?:Alameda|Calle|Avenida|Rua|Via|Viale|Corso|Piazza|Rue|Boulevard|Place|Straße|Strasse|"
    r"Platz|Weg|Gasse|Vej|Gade|Gatan|Gata|Coolsingel|Kade|Laan|Plein|Ulica|ul\.|Avenue|Street|Road)"
    r"(?:\s+[A-Z][\w'-]*){0,3}\s+$|\b[A-Z][a-z]+(?:straße|strasse|weg|gasse|vej|gade|gatan|laan|"
    r"plein|kade|singel)\s+$|\S-(?:laan|straat|weg|gasse|vej|gade|kade)\s+$"
)
_PLACE_AFTER = re.compile(r"\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*(?:[,.|·]|$)")
_FOOTER_END = re.compile(r"\s*(?:[|·]|$)")
# "Call centre: 0860 103 089": the groups after a leading-zero group
_AFTER_ZERO_GROUP = re.compile(r"\b0\d{2,4}(?:\s\d{2,4})*\s$")
# "(52 of 1962)": an act's number in its year
_ACT_NUMBER_AFTER = re.compile(r"\s+of\s+(?:19|20)\d\d\)")
_PIN_REST_AFTER = re.compile(r"\s\d{3}\b")
_DMY_AFTER = re.compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")
_ORDINAL_BEFORE = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"last)\s+(?:\w+\s+){0,2}among\s+$",
    re.I,
)
# "Views: 18,264", "Hits: 3,512", "Visitor Counter : 3867", "(Release ID: 2084812)"
_COUNTER_BEFORE = re.compile(
    r"\b(?:views?|hits|visitors?|visitor\s+counter|total\s+visitors|page\s+views|visits|reads|"
    r"clicks|downloads|release\s+id|id)\s*[:：]\s*$",
    re.I,
)
# "Postcode: 230091", "C.P. 64010", "ZIP 10001", "PIN 600 009"
_POSTCODE_BEFORE = re.compile(
    r"(?:\b(?:post\s*code|postal\s+code|zip(?:\s+code)?|pin(?:\s+code)?|cep)|\bC\.\s?P\.)\s*[:：]?\s*$",
    re.I,
)
# "Chennai - 600 009", "Mumbai 400 032": an Indian PIN written in two groups
_POSTCODE_WORDS = frozenset(["postcode", "code", "zip", "pin", "cep"])
_SPACED_PIN = re.compile(r"\d{3}\s\d{3}")
# "scored on a scale of 1 to 5", "applications scoring below 3.0"
_SCALE_BEFORE = re.compile(r"\b(?:on\s+a\s+scale\s+of|scale\s+of|scoring|scored|rated)\s+$", re.I)
# "a family of four", "a team of three": who, not how many of something measured
_GROUP_OF_BEFORE = re.compile(r"\b(?:family|household|couple|team|group|party)\s+of\s+$", re.I)
# "(PDF, 8.4 MB)", "Download PDF (1.2 MB)"
_FILE_SIZE_AFTER = re.compile(r"\s*(?:[KMGT]B|kB|[KMG]iB)\b")
_FILE_BEFORE = re.compile(r"(?i:pdf|docx?|xlsx?|csv|zip|download|file)[^.\n]{0,20}$")
# "9 of its 21 indicators are on track": a count of the plan's own parts
# "98 are on track": a count of indicators by status
_ON_TRACK_AFTER = re.compile(r"\s+(?:are|is|were|remain|remained)\s+(?:on|off)\s+track\b", re.I)
# "G.S.R. 112(E)": a notification number
_PAREN_LETTER_AFTER = re.compile(r"\([A-Z]{1,2}\)")
_OF_OWN_PARTS_AFTER = re.compile(r"\s+of\s+(?:its|the|their|our|these)\s+\d{1,3}(?=\s)")
_UNIT_COLON_BEFORE = re.compile(r"\b(?:Units?|units?|UNITS?)\s*:\s*$")
_PAGE_OF_BEFORE = re.compile(r"\b[Pp]age\s+\d{1,4}\s+of\s+$")
# "buildings of 25,000 square feet or larger": the scope a rule applies to
_OR_LARGER = re.compile(
    r"\s+or\s+(?:larger|bigger|greater|above|higher|smaller|below|lower)\b(?!\s+than)", re.I
)
# "businesses that introduced at least one innovation": a definition, not a figure
_DEFINING_BEFORE = re.compile(r"\b(?:that|who|which|with|having)\s+(?:[a-z-]+\s+){0,2}$")
_CLOCK = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hrs\b|GMT|UTC|noon\b|midnight\b)", re.I)

_DURATION = re.compile(
    r"(?:\s|-)*(?:plus\s+|\+\s*|odd\s+|or\s+so\s+|more\s+|full\s+|long\s+)?"
    r"(?:consecutive\s+|straight\s+|successive\s+|full\s+|more\s+|calendar\s+|working\s+|business\s+|"
    r"long\s+|odd\s+|continuous\s+|financial\s+|fiscal\s+)?"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times|"
    r"quarters|semesters|sessions|editions|yrs?|nights?)\b",
    re.I,
)
_REF_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|no(?=\.)|Number|Art|Article|Chapter|Section|Clause|Item|Phase|Level|Grade|Class|Tier|Room|"
    r"Version|Ver|Vol|vol|Volume|Page|Line|Building|Road|Lot|Annex|Appendix|Table|Figure|Fig|Decree|Order|"
    r"Resolution|Document|Circular|Law|Act|Rule|Standard|Model|Type|Mark|Gen|Stage|Round|Batch|"
    r"Window|Gate|Gates|Platform|Terminal|Route|Bus|Flight|Exit|Box|Suite|Floor|Unit|Block|Part|Schedule|"
    r"Hall|Halls|Stand|Booth|Pier|Berth|Wing|Pavilion|Hangar|section|article|clause|chapter|rule|"
    r"Component|Pillar|Axis|Measure|Module|ext|Ext|Day|Desk|SDG|SDGs|scope|Scope|CNPJ|CPF|ABN|"
    r"paragraph|schedule|annex|"
    r"top|ranked|ranks|rank|ranking|placed|aged|age|ages|phase|stage|round|batch|grade|level|tier|"
    r"class|model|type|version|number|[Pp]aragraphs?|[Pp]aras?|[Ss]ections|[Aa]rticles|[Cc]hapters|"
    r"[Cc]lauses|[Pp]ages|pp|[Ii]tems|[Tt]ables|[Ff]igures|[Aa]nnexes|[Aa]ppendices|[Rr]ules|"
    r"[Pp]arts|[Ss]chedules)\.?|#|§)\s*$"
)
# A reference number labelled at the start of a line: "Number: 53612", "Ref. No.: 2024/118"
# the rest of a list of references: "Gates 3 and 7", "Articles 12, 14 and 15", "Halls 2-4"
_REF_LIST_BEFORE = re.compile(
    r"\b(?:Gates|Halls|Rooms|Articles|Sections|Chapters|Clauses|Paragraphs|Annexes|Items|Tables|Lines|SDGs?|"
    r"[Ss]cope|"
    r"Figures|Platforms|Terminals|Stands|Booths|Routes|Exits|Floors|Blocks|Units|Parts|Rules|"
    r"articles|sections|chapters|clauses|paragraphs|items|tables|figures|rules)\s+\d{1,4}"
    r"(?:\s*,\s*\d{1,4})*\s*(?:,\s*)?(?:and|or|&|to)?\s*$"
)
_LABEL_REF_BEFORE = re.compile(
    r"(?:^|\n)\s*(?:(?:Release|Press\s+release|Document|File|Ref(?:erence)?\.?)\s+)?"
    r"(?:No|Number|Ref|Reference)\.?\s*:\s*$"
)
_RANK_AFTER = re.compile(
    r"\s*(?:places?|positions?|spots?|notch(?:es)?|ranks?|rungs?)\b|\s*(?:in|among)\s+the\s+(?:world|country|nation)\b",
    re.I,
)
_DOC_PARTS = re.compile(
    r"\s+(?:[A-Za-z&-]+\s+){0,2}?(?:actions|measures|objectives|tasks|goals|targets|principles|"
    r"priorities|pillars|chapters|sections|parts|aspects|articles|steps|points|missions|work\s+plans|"
    r"areas|dimensions|categories|stages|phases|paragraphs|requirements|guarantees|safeguards|"
    r"directions|focuses|fronts|themes|recommendations|pathways|key\s+words|rounds|aspirations|"
    r"ambitions|strands|workstreams|work\s+streams|flagships|flagship\s+(?:programmes|projects)|"
    r"matters|action\s+lines|lines\s+of\s+action|axes|building\s+blocks|levers|components|reforms|"
    r"indicators|KPIs|pages|domains)\b",
    re.I,
)
# parts a plan may also launch ("launch 5 programmes"): its own make-up only after a structure verb
_DOC_PARTS_WEAK = re.compile(
    r"\s+(?:[A-Za-z&-]+\s+){0,2}?(?:programmes|programs|instruments|tracks|windows|clusters|"
    r"packages|modules|calls|projects|strategies|industries|sectors|policies)\b",
    re.I,
)
_STRUCTURE_VERB = re.compile(
    r"\b(?:compris(?:es|ing|ed)|consists?\s+of|consisting\s+of|is\s+made\s+up\s+of|is\s+organi[sz]ed\s+"
    r"(?:into|around)|is\s+structured\s+(?:into|around)|sets\s+out|is\s+divided\s+into)\b"
    # "Of the 142 policy indicators tracked, ...", "the speech ran to 127 pages"
    r"|\b(?:of\s+the|ran\s+to|runs?\s+to)\s+$"
    # "is implemented through five programmes", "organised under three thematic tracks"
    r"|\b(?:implemented|delivered|organi[sz]ed|grouped|arranged|built\s+around|centred\s+on|"
    r"centered\s+on|focus(?:es|ing)?\s+on)\b",
    re.I,
)
# "The roadmap consists of 5 pillars and 24 action lines", "the Strategy, which identifies ten
# key technologies": a plan's own make-up, whatever its parts are called
_OWN_MAKE_UP = re.compile(
    r"\b(?:plan|strategy|roadmap|programme|program|pact|agenda|framework|blueprint|vision)\b"
    r"[^.;:]{0,40}?\b(?:compris(?:es|ing|ed)|consists?\s+of|consisting\s+of|contains?|"
    r"identif(?:ies|y)|sets?\s+out|rests?\s+on|is\s+built\s+around|is\s+organi[sz]ed\s+around)\b"
    r"[^.;:]{0,60}$",
    re.I,
)
_AGE_APPOSITION_AFTER = re.compile(r",\s*(?:who|said|says|has|had|is|was|a|an|the)\b")
_WITH_BEFORE = re.compile(r"\b(?:with|having|employing)\s+$", re.I)
_WITH_OF_BEFORE = re.compile(r"\b(?:with|having|of|over|above|exceeding)\s+$", re.I)
_OR_MORE_STAFF = re.compile(
    r"\s*(?:or|and)\s+(?:more|over|above)\s+(?:employees|staff|workers|persons|people|"
    r"members|beds|students)\b",
    re.I,
)
_STAFF_AFTER = re.compile(
    r"\s+(?:full-time\s+)?(?:employees|staff|workers|persons|people|members|beds|students)\b", re.I
)
_INDEX_NAMES = re.compile(
    r"\b(?:Fortune|Global|Forbes|S&P|FTSE|Nikkei|Russell|Inc\.|Industry|Web|Top)\s*$"
)
_PER_BEFORE = re.compile(r"\b(?:per|every|each)\s+(?:every\s+)?$", re.I)
_THRESHOLD = re.compile(
    r"(?:\bwhose\b[^,;]{0,60}|\b(?:with|having|of)\s+(?:an?\s+)?(?:\w+\s+){0,6}?"
    r"(?:revenues?|income|sales|turnover|output(?:\s+value)?|assets|capital|investments?|population|"
    r"employees|staff|workforce|registered\s+capital|market\s+(?:value|cap\w*))\s+"
    r"(?:\w+\s+){0,2}?(?:of\s+)?"
    r"(?:above|over|exceeding|surpassing|surpass|exceed|more\s+than|at\s+least|reaching|below|under|"
    r"not\s+more\s+than|no\s+more\s+than|not\s+exceeding|of\s+not\s+more\s+than|up\s+to|"
    r"less\s+than|of\s+over|of\s+more\s+than|not\s+less\s+than|no\s+less\s+than)\s*)$",
    re.I,
)
_THRESHOLD_HINT = re.compile(
    r"whose|revenue|income|sales|turnover|output|assets|capital|investment|population|employees|"
    r"staff|workforce|market",
    re.I,
)
_ONE_SKIP_AFTER = re.compile(
    r"\s*(?:of\b|another\b|by\s+one|or\s+(?:two|more|another)|day\b|side\b|way\b|hand\b|time\b|"
    r"[,.;:)]|$|(?:will|is|was|that|which|who|run|made|by|in|at|from|for|with|\w+ed)\b)",
    re.I,
)
_BENCHMARK_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:benchmark|threshold|recommended)\b", re.I)
_TIMES_AS_MULTIPLE = re.compile(
    r"\b(?:times|fold)\s+(?:that|those|the|as|higher|larger|more|bigger|greater|over|of|its)\b|"
    r"\b(?:by|reach|reaches|reached|be|is|are|was|were|grow|grew|increase[ds]?|expand(?:ed|s)?|rise|rose|"
    r"double|multiply|up)\s+(?:about\s+|nearly\s+|over\s+|more\s+than\s+)?[\d.]+\s*(?:-\s*)?(?:times|fold)\b",
    re.I,
)
_ADDRESS_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'-]*){0,3}\s+(?:Road|Rd|Street|St|Avenue|Ave|Boulevard|Blvd|Lane|Highway|Lu|Dadao|"
    r"Building|Bldg|Tower|Plaza|Square|Park\s+Road|Quay|Terrace|Place|Parade|Esplanade|Crescent|"
    r"Drive|Wharf|Way|Court)\b\.?"
    # "5 Atlantic Quay, 150 Broomielaw, Glasgow G2 8LU": a UK postcode ends the address
    r"|(?:\s+[A-Z][\w'-]*){1,3},(?:\s+[A-Z][\w'-]*){1,3}\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
)
_ONE_SKIP_WORDS = frozenset(
    ["the", "this", "that", "any", "every", "each", "no", "which", "some", "such", "as"]
)
_MONTH3 = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)
_LEVEL_VERB_WORDS = (
    "reach reached reaches exceed exceeds exceeded surpass surpassed hit hits total totals totalled "
    "totaled is are was were be numbered numbers"
)
_LEVEL_VERBS = frozenset(_LEVEL_VERB_WORDS.split())
_TIME_PREP_WORDS_WORDS = (
    "in by since from until till to of before after during for end year early late mid and "
    "through between on the around circa c. fy fiscal financial calendar"
)
_TIME_PREP_WORDS = frozenset(_TIME_PREP_WORDS_WORDS.split())
_REF_WORDS_WORDS = (
    "no nos number art article chapter section clause item phase level grade class tier room "
    "version ver vol volume page line building road lot annex appendix table figure fig decree "
    "order resolution document circular law act rule standard model type mark gen stage round "
    "batch window gate platform terminal route bus flight exit box suite floor unit block part "
    "schedule top ranked ranks rank ranking placed aged age ages paragraph paragraphs para paras "
    "sections articles chapters clauses pages pp items tables figures annexes appendices rules "
    "parts schedules hall halls gates stand booth pier berth wing pavilion hangar component pillar "
    "axis measure module ext day desk sdg sdgs scope cnpj cpf abn"
)
_REF_WORDS = frozenset(_REF_WORDS_WORDS.split())
_BASE_YEAR_BEFORE = re.compile(
    r"(?:\bpoints?|\bpercent|\bper\s+cent|%|\bpp|\btimes|\bfold|\bhigher|\blower|\bup|\bdown|"
    r"\bincrease[ds]?|\bdecrease[ds]?|\bgrowth|\brise|\bdrop|\bmore|\bless|\bfewer|"
    r"\bbillion|\bmillion|\btrillion|\bthousand)\s*$",
    re.I,
)
_TIME_PREP = re.compile(
    r"\b(?:in|by|since|from|until|till|to|of|before|after|during|for|end|year|early|late|mid|and|"
    r"through|between|on|the|around|circa|c\.)\s*[-(]?\s*$",
    re.I,
)

_QUOTED = re.compile(r'"([^"]{1,80})"')
_BOUND_BEFORE = re.compile(r"\b(?:to|at|within|be|is|are|was|were)\s+$", re.I)
_DURATION_OF = re.compile(r"\s*(?:of|in\s+a\s+row|running)\b|-", re.I)
_BASE_YEAR_AFTER = re.compile(r"\s*(?:[,.;:)]|$|levels?\b|figures?\b)")
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}([a-z]+s)\b")
_POST_PLACE = re.compile(r"(?:[A-Z][a-z]+|\b[A-Z]{2}),?\s+$")  # "Guangzhou 510000", "CO 80202"
_POST_END = re.compile(r"\s*(?:[.,;)|]|$)")
_QUARTER_BEFORE = re.compile(r"\b[QH][1-4]\s*$")
# "from 12 to 14 November 2025", "3-5 March": the first day of a span of dates
_DAY_SPAN_AFTER = re.compile(
    r"\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
    r"Dec)[a-z]*\.?\b"
)
_AGE_BEFORE = re.compile(
    r"\b(?:children|kids|infants|babies|people|persons|adults|youths?|pupils|girls|boys|women|men|"
    r"residents|those|population|workers)\s+(?:aged\s+)?(?:under|over|below|above|aged)\s+"
    r"(?:the\s+age\s+of\s+)?$",
    re.I,
)
_VERSION_OWNER = re.compile(r"\b[A-Z][\w&-]*\s?$")
_PLUS_BEFORE = re.compile(r"\d\s*\+\s*$")
_PLUS_AFTER = re.compile(r"\s*\+\s*\d")
_OPEN_SQUARE = re.compile(r"\[\s*$")
_CLOSE_SQUARE = re.compile(r"\s*\]")
_OPEN_PAREN = re.compile(r"\(\s*$")
_CLOSE_PAREN = re.compile(r"\s*\)")
_LIST_MARK = re.compile(r"[.)、]\s")
_NUMBERED_PARAGRAPH = re.compile(r"\s*\d{1,3}\.\s*")  # a sentence that is only "148."
_LABEL_NUMBER_BEFORE = re.compile(
    r"\s*(?:Goal|Objective|Pillar|Priority|Action|Strategy|Mission|Measure|Target|Step|Outcome|"
    r"Theme|Area|Programme|Program|Project|Initiative|Task|Section|Chapter|Article|Axis|Policy|"
    r"Recommendation|Flagship|Workstream|Component|Lever|Commitment)\s+"
)
_LABEL_NUMBER_AFTER = re.compile(r"\s*(?:[:.)]|[-–—]\s)")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z](?:[a-z]|\s)")
_UNIT_LABEL = re.compile(r"\s+[A-Za-z][A-Za-z ]{0,24}\)")
_CAP_BEFORE = re.compile(r"([A-Z][A-Za-z&]*)\s+$")
_VERSION = re.compile(r"\d{1,2}\.\d")
_CAP_AFTER = re.compile(r"\s+[A-Z]")
_VERSION_END = re.compile(r"\s*[,.;:)\"]|\s*$")
_ONE_OF = re.compile(r"\s+(?:[\w-]+\s+){1,2}of\s+(?:the|its|his|her|their|our|these|those|[A-Z])")
_TOTAL_WORD = re.compile(r"\b(?:combined|total|aggregate|overall|cumulative)\b", re.I)
_WHOSE = re.compile(r"\bwhose\b")
_CLAUSE_MARK = re.compile(r"[,;]")


# Substrings every match of ``_THRESHOLD_HINT`` holds (lower-cased): a cheap test that rules
# most text out.
_THRESHOLD_KEYS = re.compile(_THRESHOLD_HINT.pattern)  # case-sensitive: for lower-cased text


def _quote_spans(s: str) -> list[tuple[int, int]]:
    """Short quoted names ("1+9", "six technologies that will change the world")."""
    out: list[tuple[int, int]] = []
    if '"' not in s:
        return out
    for m in _QUOTED.finditer(s):
        if len(m.group(1).split()) <= 8:
            out.append((m.start(), m.end()))
    return out


_TIME_UNIT = re.compile(
    r"\s*(years?|months?|weeks?|(?:working\s+|business\s+)?days?|hours?|minutes?)\b", re.I
)
_DURATION_LEVEL_BEFORE = re.compile(
    r"\b(?:(?:reduc|cut|shorten|lower|compress|decreas|extend|lengthen|increas|rais|bring|brought|"
    r"drop|fall|fell|kept|keep|maintain|control)\w*\s+(?:down\s+)?(?:to|at|within)|"
    r"(?:average|averaged|averaging|takes?|took|taking|reach|reached|reaches)|"
    r"(?:period|time|cycle|duration|wait|waiting\s+time|life\s+expectancy|lead\s+time)\s+(?:of|is|was|will\s+be)|"
    # "cut the average time needed to process a grant to 45 days"
    r"(?:time|period|duration|cycle)\s+(?:[\w-]+\s+){1,8}?to"
    r")\s+$",
    re.I,
)


def duration_value(s: str, q: EnQuantity) -> tuple[str, int] | None:
    """(unit, end) when a length of time is the measured value, else None.

    "reduced to no more than 16 months", "cut to less than 14 months", "an
    average approval time of 30 working days": the duration is the indicator's
    level. "a three-year plan" and "for 32 consecutive years" stay durations.
    """
    if q.unit != "count" or q.scaled or q.currency or q.value_max is not None and q.words:
        return None
    m = _TIME_UNIT.match(s, q.end)
    if not m:
        return None
    before = s[max(0, q.start - 60) : q.start]
    bound = q.comparator in ("<", "<=", ">", ">=") and _BOUND_BEFORE.search(before)
    if not (bound or _DURATION_LEVEL_BEFORE.search(before)):
        return None
    if _DURATION_OF.match(s, m.end()):
        return None  # "cut to 3 years of study"
    word = m.group(1).lower().split()[-1].rstrip("s")
    return word, m.end()


# Plural nouns a year qualifies: "2024 figures are provisional", "2023 prices"
_YEAR_NOUNS = frozenset(
    [
        "years",
        "months",
        "days",
        "is",
        "was",
        "has",
        "levels",
        "prices",
        "figures",
        "data",
        "results",
        "estimates",
        "numbers",
        "values",
        "targets",
        "budgets",
        "accounts",
        "statistics",
        "rankings",
        "editions",
        "calls",
        "rounds",
    ]
)


def is_year_like(s: str, q: EnQuantity) -> bool:
    """A bare 4-digit integer 1900-2100 read as a year ("in 2017", "RIE2025")."""
    if not (q.plain_int and q.unit == "count" and not q.scaled and 1900 <= q.value <= 2100):
        return False
    if q.value_max is not None:
        return False
    if q.comparator != "=":
        if q.cmp_word and q.cmp_word.lower() in ("up to", "up until"):
            # "€3.7 billion up to 2030 in housing": a deadline; "up to 2000 companies": a bound
            return not _PLURAL_AFTER.match(s, q.num_end, q.num_end + 40)
        # "an increase of 0.3 percentage points over 2020", "up 5% compared with 2019": the base year.
        head = s[max(0, q.start - 40) : q.start]
        return bool(
            q.cmp_word
            and q.cmp_word.lower().split()[-1] in ("over", "above", "than", "below", "under")
            and _BASE_YEAR_BEFORE.search(head + " ".join(q.cmp_word.split()[:-1]))
            and _BASE_YEAR_AFTER.match(s, q.num_end)
        )
    i = q.num_start
    while i > 0 and s[i - 1] in " -(\t":
        i -= 1
    if _QUARTER_BEFORE.search(s, max(0, i - 4), i):
        return True  # "in Q4 2024", "H1 2025"
    wb = word_before(s, i)
    if wb in _LEVEL_VERBS:
        return False  # "the number will reach 2000": a value, not a year
    if wb in _TIME_PREP_WORDS:
        return True
    if wb and s[i - len(wb)].isupper():
        return True  # "Budget 2023", "Vision 2030", "Horizon 2020": a year in a name
    # "build 2000 charging stations": a plain count before a plural noun.
    after = s[q.num_end : q.num_end + 40]
    nxt = _PLURAL_AFTER.match(after)
    return not (
        nxt
        and nxt.group(1) not in _YEAR_NOUNS
        and not nxt.group(1).endswith(("ss", "us"))  # "2024 progress update", "2025 census"
    )


def not_an_item(s: str, q: EnQuantity, quotes: list[tuple[int, int]] | None = None) -> str | None:
    """Why ``q`` (in normalized sentence ``s``) is not an item, or None if it may be.

    >>> from goalpost.extract._quantities_en import scan_quantities
    >>> s = "The plan (SuiFuHan [2018] No. 224) has 5 protective measures and 5G for 3 years."
    >>> [not_an_item(s, q) for q in scan_quantities(s)]
    ['year', 'reference number', 'part of the document', 'duration']
    """
    ns, ne = q.num_start, q.num_end
    prev = s[ns - 1] if ns > 0 else ""
    nxt = s[q.end] if q.end < len(s) else ""
    if q.conversion:
        return "currency conversion"
    if (
        q.unit == "SDG"
        and q.value == int(q.value)
        and 1 <= q.value <= 17
        and "SDG" in s[q.start : ns]
    ):
        return "name with digits"  # "SDG 7": a Sustainable Development Goal, not Sudanese pounds
    raw = s[ns:ne]
    if len(raw) >= 2 and raw[0] == "0" and raw[1].isdigit():
        return "identifier"  # "020-12345678", "0755": phone and area codes; "00-507 Warsaw"
    if (
        q.unit == "count"
        and not q.scaled
        and 15 <= q.value <= 110
        and _AGE_APPOSITION_AFTER.match(s, q.end)
        and _POST_PLACE.search(s, max(0, q.start - 30), q.start)
    ):
        return "age"  # "said Professor Marie Tremblay, 54, who will direct it"
    if phone_number(s, q):
        return "phone number"
    if q.plain_int and q.unit == "count" and _ADDRESS_AFTER.match(s, q.end):
        return "address"  # "88 Tianhe Road"
    if (
        q.plain_int
        and q.unit == "count"
        and len(raw) in (5, 6)
        and _POST_PLACE.search(s[max(0, ns - 20) : ns])
        and _POST_END.match(s, ne)
    ):
        return "postcode"  # "Guangzhou 510000."
    if (
        q.unit == "count"
        and not q.scaled
        and q.comparator in ("<", "<=", ">", ">=")
        and _WITH_BEFORE.search(s, max(0, q.start - 8), q.start)
        and _STAFF_AFTER.match(s, q.end)
    ):
        return "threshold"  # "enterprises with fewer than 250 employees": a scope, not a figure
    if (
        q.unit == "count"
        and not q.scaled
        and _WITH_BEFORE.search(s, max(0, q.start - 8), q.start)
        and _OR_MORE_STAFF.match(s, q.num_end)
    ):
        return "threshold"  # "companies with 50 or more employees": the scope of a statistic
    if q.words and s[ns:ne].lower() in ("nought", "naught"):
        return "not a quantity"
    if is_year_like(s, q):
        return "year"
    if q.value_max is None and q.plain_int and len(s[ns:ne]) == 2 and prev == "-":
        return "year"  # "2024-25"
    # Glued to letters: "RIE2025", "G20", "B2", "5G", "3D", "H7N9"
    if prev.isalpha() and not q.currency and q.start == ns:
        return "name with digits"
    if not q.scaled and q.unit == "count" and not q.words and s[ne : ne + 1].isalpha():
        return "name with digits"
    if prev == "-" and ns >= 2 and (s[ns - 2].isalnum()) and q.start == ns:
        return "name with digits"  # "COVID-19", "B2-20040244"
    if nxt == "-" and s[q.end + 1 : q.end + 2].isdigit():
        return "identifier"  # "020-8888-1234", a failed range
    if (
        prev in "/:"
        and ns >= 2
        and s[ns - 2].isdigit()
        or s[ne : ne + 1] in ("/", ":")
        and s[ne + 1 : ne + 2].isdigit()
    ):
        return "date or time"
    if prev == "." and ns >= 2 and s[ns - 2].isdigit():
        return "version or address"
    if q.unit == "count" and not q.scaled and nxt == "-" and s[q.end + 1 : q.end + 2].isalpha():
        return "compound modifier"  # "three-year", "10.5-generation", "one-off"
    if "+" in s and (
        _PLUS_BEFORE.search(s[max(0, ns - 4) : ns]) or _PLUS_AFTER.match(s, ne, ne + 4)
    ):
        return "name with digits"  # "1+9 policies"
    if (prev == "@" and ns >= 2 and s[ns - 2].isdigit()) or (
        nxt == "@" and s[ne + 1 : ne + 2].isdigit()
    ):
        return "name with digits"  # "the 30@30 policy"
    if (
        q.unit == "count"
        and not q.scaled
        and s.endswith(".0", ns, ne)
        and _VERSION_OWNER.search(s, max(0, ns - 30), ns)
    ):
        return "version or address"  # "AI Action Plan 2.0", "Industry 4.0", "Society 5.0"
    if (
        q.unit == "count"
        and q.plain_int
        and q.value <= 31
        and q.value_max is None
        and _DAY_SPAN_AFTER.match(s, ne)
    ):
        return "date or time"
    if (
        q.unit == "count"
        and not q.scaled
        and q.value <= 120
        and _AGE_BEFORE.search(s, max(0, ns - 50), ns)
    ):
        return "age"  # "stunting among children under five", "adults aged over 65"
    before = s[max(0, q.start - 40) : q.start]
    wb = word_before(s, q.start)
    wb_month = wb.rstrip(".")
    if wb == "the":  # "March the 14th"
        wb_month = word_before(s, len(s[: q.start].rstrip()) - 3).rstrip(".")
    if (wb_month[:3] in _MONTH3 and _MONTH_BEFORE.search(before)) or _MONTH_AFTER.match(s, ne):
        return "date"
    if (
        q.plain_int
        and q.value <= 31
        and (
            _HIJRI_MONTH_AFTER.match(s, ne)
            or (wb in ("and", "to") and _DAY_LIST_BEFORE.search(before))
        )
    ):
        return "date"
    if q.plain_int and wb == "of" and _PAGE_OF_BEFORE.search(before):
        return "page count"
    if not q.currency and _OR_LARGER.match(s, q.end) and _WITH_OF_BEFORE.search(before):
        return "threshold"  # "buildings of 25,000 square feet or larger"
    if (
        q.value == 1
        and q.comparator == ">="
        and q.words
        and _DEFINING_BEFORE.search(s, max(0, q.start - 30), q.start)
    ):
        return "threshold"  # "the proportion of firms that introduced at least one innovation"
    if _CLOCK.match(s, q.end):
        return "time of day"
    if (wb.rstrip(".") in _REF_WORDS or before.rstrip()[-1:] in ("#", "§")) and _REF_BEFORE.search(
        before
    ):
        return "reference number"
    if q.plain_int and before[-1:] in " ,&" and _REF_LIST_BEFORE.search(before):
        return "reference number"
    if before.endswith((":", ": ")) and q.plain_int and _LABEL_REF_BEFORE.search(before):
        return "reference number"  # "Number: 53612    Date: 27 November 2024"
    if q.unit == "count" and not q.scaled and _RANK_AFTER.match(s, q.end):
        return "ranking"
    if "[" in before and _OPEN_SQUARE.search(before) and _CLOSE_SQUARE.match(s, q.end):
        return "reference number"
    if q.unit == "count" and not q.scaled and q.value < 100 and q.value == int(q.value):
        if "(" in before and _OPEN_PAREN.search(before) and _CLOSE_PAREN.match(s, q.end):
            return "list numbering"
        if not s[:ns].strip() and _LIST_MARK.match(s[ne : ne + 2] + " "):
            return "list numbering"
        if _LABEL_NUMBER_BEFORE.fullmatch(s, 0, ns) and _LABEL_NUMBER_AFTER.match(s, ne):
            return "list numbering"  # "Goal 1: Build a skilled workforce", "Pillar 3 – Talent"
    if q.plain_int and q.unit == "count" and _NUMBERED_PARAGRAPH.fullmatch(s):
        return "list numbering"  # "148. Honourable Speaker, ...": a speech's numbered paragraph
    if q.unit == "count" and not q.scaled and not s[:ns].strip() and _SECTION_NUMBER.match(s, ns):
        return "list numbering"  # "4.2 Finance and economic planning": a section's number
    if (
        q.unit in ("count",)
        and not q.scaled
        and _DURATION.match(s, q.end)
        and duration_value(s, q) is None
    ):
        return "duration"
    if _OPEN_PAREN.search(s[max(0, q.start - 3) : q.start]) and _UNIT_LABEL.match(s, q.end):
        return "unit label"  # "Patents (10,000 units)"
    if _UNIT_COLON_BEFORE.search(s, max(0, q.start - 12), q.start):
        return "unit label"  # "(Unit: 100 million yuan)"
    if _BENCHMARK_AFTER.match(s, q.end):
        return "reference value"  # "well below the 1 percent benchmark recommended by UNESCO"
    if q.unit == "times" and not _TIMES_AS_MULTIPLE.search(
        s, max(0, q.start - 30), min(len(s), q.end + 25)
    ):
        return "frequency"  # "topped the list five times"; "2.5 times that of 2020" stays
    if wb in ("per", "every", "each") and _PER_BEFORE.search(before):
        return "part of a ratio"
    if (
        q.unit == "count"
        and not q.scaled
        and q.value < 1000
        and _DOC_PARTS.match(s, q.end)
        # "comprises 6 pillars, 24 objectives and 112 actions": a structure can list many parts
        and (q.value < 50 or _STRUCTURE_VERB.search(s, max(0, q.start - 80), q.start))
    ):
        return "part of the document"
    if (
        q.unit == "count"
        and not q.scaled
        and q.value < 50
        and _DOC_PARTS_WEAK.match(s, q.end)
        and _STRUCTURE_VERB.search(s, max(0, q.start - 80), q.start)
    ):
        return "part of the document"  # "implemented through five programmes"
    if (
        q.unit == "count"
        and not q.scaled
        and q.value < 1000
        and _OWN_MAKE_UP.search(s, max(0, q.start - 120), q.start)
    ):
        return "part of the document"
    if q.unit == "count" and not q.currency and before.rstrip()[-1:].isalpha():
        cap = _CAP_BEFORE.search(before)
        if cap and _INDEX_NAMES.search(before):
            return "name with digits"
        if cap and s[: q.start - len(before) + cap.start(1)].strip():
            after = s[q.end : q.end + 3]
            version = _VERSION.fullmatch(s[ns:ne]) is not None
            if _CAP_AFTER.match(after) or version and _VERSION_END.match(after):
                return "name with digits"  # "Yangwan 2025 Innovation Isle", "Business 2.0"
    for a, b in quotes if quotes is not None else _quote_spans(s):
        if a <= ns < b:
            return "quoted name"
    if q.words and q.value <= 10 and wb in ("the", "these", "those", "both", "its", "their", "our"):
        return "anaphora"  # "the two cities": entities already named, not a count
    if (
        wb in ("of", "the", "its")
        and q.unit == "count"
        and not q.scaled
        and q.value < 100
        and _ONE_OF_BEFORE.search(before)
    ):
        return "anaphora"  # "the instrument is one of four in the fund's portfolio"
    tail = before.rstrip()[-1:]
    if q.plain_int and q.value < 10000 and _POST_END.match(s, ne) and _STREET_BEFORE.search(before):
        return "address"  # "Alameda Urquijo 36, 4th floor", "Coolsingel 40 |"
    if _DMY_AFTER.match(s, ns):
        return "date"  # "Last updated: 18.11.2025"
    if q.plain_int and len(raw) <= 4 and _AFTER_ZERO_GROUP.search(s, max(0, ns - 16), ns):
        return "phone number"
    if q.plain_int and prev == "(" and _ACT_NUMBER_AFTER.match(s, ne):
        return "reference number"
    if q.value == 0 and q.words and s[max(0, ns - 4) : ns].lower() == "net ":
        return "name"  # "net zero" is a state, not a count
    if (
        q.value_max is not None
        and q.plain_int
        and q.value_max <= 31
        and _MONTH_AFTER.match(s, q.end)
    ):
        return "date"  # "meets next on 19-20 February"
    if q.plain_int and wb == "among" and _ORDINAL_BEFORE.search(before):
        return "ranking"  # "placed 11th among 239 regions"
    if (
        tail in (":", "：")
        and q.unit == "count"
        and not q.scaled
        and not q.words
        and _COUNTER_BEFORE.search(before)
    ):
        return "page counter or id"
    if (
        q.plain_int
        and (
            (tail in (":", "：", ".") or wb in _POSTCODE_WORDS)
            and _POSTCODE_BEFORE.search(before)
            # "Level 25, Komtar, 10503 George Town, Penang"; "Mumbai 400 032"
            or len(raw) in (4, 5)
            and before.endswith(", ")
            and _PLACE_AFTER.match(s, ne)
            # "12 Hertzog Boulevard, Cape Town 8001 |"
            or len(raw) in (4, 5, 6)
            and _POST_PLACE.search(s[max(0, ns - 24) : ns])
            and _FOOTER_END.match(s, ne)
            or len(raw) == 3
            and _PIN_REST_AFTER.match(s, ne)
            and _POST_PLACE.search(before.rstrip(" -–") + " ")
            or _SPACED_PIN.fullmatch(raw)
            and _POST_PLACE.search(s[max(0, ns - 24) : ns].rstrip(" -–") + " ")
        )
    ):
        return "postcode"
    if (
        wb in ("of", "scoring", "scored", "rated")
        and not q.currency
        and q.unit in ("count", "%")
        and _SCALE_BEFORE.search(before)
    ):
        return "score or scale"
    if q.words and q.value <= 12 and _GROUP_OF_BEFORE.search(before):
        return "description"  # "the basic food basket for a family of four"
    if (
        q.unit == "count"
        and not q.scaled
        and _FILE_SIZE_AFTER.match(s, q.end)
        and _FILE_BEFORE.search(before)
    ):
        return "file size"
    if q.unit == "count" and not q.scaled and _ON_TRACK_AFTER.match(s, q.end):
        return "part of the document"
    if q.plain_int and _PAREN_LETTER_AFTER.match(s, q.end):
        return "reference number"
    if q.unit == "count" and not q.scaled and q.value < 1000:
        own = _OF_OWN_PARTS_AFTER.match(s, q.end)
        if own and _DOC_PARTS.match(s, own.end()):
            return "part of the document"  # "9 of its 21 indicators are on track"
    if (
        (wb in ("the", "all", "its", "their") or wb.endswith(("'s", "’s")))
        and q.plain_int
        and q.unit == "count"
        and q.value < 100
        and _PREP_THE_BEFORE.search(before)
    ):
        return "anaphora"  # "investment in the 12 national strategic technologies": a known set
    if q.words and q.value == 1 and s[ns:ne].lower() in ("one", "a", "an"):
        if _ONE_SKIP_AFTER.match(s, ne) or wb in _ONE_SKIP_WORDS:
            return "pronoun"
        if _ONE_OF.match(s, ne):
            return "pronoun"  # "one research result of PRDITU": one among several
    return None


def is_threshold(s: str, q: EnQuantity, clause_start: int) -> bool:
    """A value that defines a group rather than measuring it."""
    before = s[max(clause_start, q.start - 90) : q.start]
    if not (
        _THRESHOLD_KEYS.search(before.lower())
        if before.isascii()
        else _THRESHOLD_HINT.search(before)
    ):
        return False
    if q.cmp_word:  # the comparator is inside the quantity: "with revenues surpassing 20 million"
        before = f"{before}{q.cmp_word} "
    m = _THRESHOLD.search(before)
    if m:
        # "clusters with a combined output value of over 10 trillion": a total, not a bar.
        return not _TOTAL_WORD.search(m.group())
    return bool(_WHOSE.search(before) and not _CLAUSE_MARK.search(before.split("whose")[-1]))
