"""English scale words, percentages, currencies and physical units.

Currencies resolve to ISO codes; a bare "$" or "dollars" is the document
region's dollar (Singapore → SGD, Hong Kong → HKD ...) and USD elsewhere;
"¥" is JPY in Japan and CNY elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._text import CaseBlind
from goalpost.regions import ancestors

SCALE_AFTER = re.compile(
    r"(\s*-?\s*)(lakh\s+crores?|hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?|"
    r"bn|mn|mln|mil|bln|tn|trn|tln|mm|dzs?|dozs?|k|m|b)(?![A-Za-z])",
    re.IGNORECASE,
)
SCALE_VALUE = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mm": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "tln": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "dozen": 12,
    "dozens": 12,
    "dz": 12,
    "dzs": 12,
    "doz": 12,
    "dozs": 12,
}
# Scale words that need a currency nearby to count ("US$10m", "$1.64b", "US$ 1MM").
CURRENCY_ONLY_SCALES = frozenset({"m", "b", "mm"})

PERCENT_AFTER = re.compile(
    r"\s*(?:(%|percent|per\s*cent|pct)(?:age|s)?(\s*(?:-\s*)?points?)?"
    r"|(percentage[\s-]+points?|pp\b|p\.p\.|ppts?\b)|(basis\s+points?|bps?\b))",
    re.IGNORECASE,
)

# Other ISO 4217 codes, read in capitals before or after a figure ("HUF 1,126 billion", "ZMW
# 14.2 billion"). Left out: codes that are English words in capitals (ALL, TOP, CUP).
ISO_CODES = "AFN AMD ANG AOA AWG AZN BAM BBD BDT BGN BIF BMD BND BOB BSD BTN BWP BYN BZD CDF COP CRC CVE DJF DOP DZD ERN FJD FKP GEL GIP GMD GNF GTQ GYD HNL HTG IQD IRR ISK JMD JOD KGS KHR KMF KYD LAK LBP LRD LSL LYD MDL MGA MKD MMK MOP MRU MUR MVR MWK MZN NAD NIO PAB PGK PYG RON RSD SBD SCR SDG SLE SOS SRD SSP STN SYP SZL TJS TMT TND TTD TWD UYU UZS VES VUV WST XCD XPF YER ZMW ZWL"
_ISO_ALT = "|".join(ISO_CODES.split())
# after a figure codes are read case-blind, so not those that are lower-case words ("5 gel")
_ISO_AFTER = "|".join(
    c
    for c in ISO_CODES.split()
    if c not in ("BAM", "BOB", "CVE", "GEL", "MOP", "NAD", "SOS", "WST")
)
_CUR_NAMES = (
    r"(?:(?:US|U\.S\.|American|Singapore|Hong\s+Kong|HK|Australian|Canadian|New\s+Taiwan|NT|"
    r"New\s+Zealand)\s+dollars?|dollars?|(?:Chinese\s+)?yuan|renminbi|RMB|CNY|USD|euros?|EUR|"
    r"(?:British\s+)?pounds?(?:\s+sterling)?|sterling|GBP|(?:Korean\s+)?won|KRW|"
    r"(?:Japanese\s+)?yen|JPY|(?:Indian\s+)?rupees?|INR|(?:Malaysian\s+)?ringgits?|MYR|SGD|HKD|AUD|CAD|TWD|"
    r"NZD|CHF|"
    r"(?:(?:Mexican|Philippine|Chilean|Colombian|Argentine)\s+)?pesos?|"
    r"(?:(?:Kenyan|Ugandan|Tanzanian)\s+)?shillings?|(?:(?:Saudi|Qatari)\s+)?riyals?|"
    r"(?:(?:UAE|Emirati|Moroccan)\s+)?dirhams?|(?:South\s+African\s+)?rand|(?:Nigerian\s+)?naira|"
    r"(?:Thai\s+)?baht|(?:Indonesian\s+)?rupiah|(?:Vietnamese\s+)?dong|(?:Brazilian\s+)?reais|"
    r"(?:Turkish\s+)?lira|(?:Russian\s+)?r[ou]+bles?|(?:Polish\s+)?zlot(?:y|ys|ies)|z[łl]oty|zł|"
    r"(?:Swedish\s+)?kronor|(?:Swedish\s+)?krona|(?:Danish|Norwegian)\s+kron(?:er|e)|kroner|kr\.?|"
    r"(?:Israeli\s+)?(?:new\s+)?shekels?|(?:Egyptian\s+)?pounds?|(?:Ghanaian\s+)?cedis?|"
    r"(?:Ethiopian\s+)?birr|(?:Kazakh(?:stani)?\s+)?tenge|(?:Bangladeshi\s+)?taka|"
    r"(?:(?:Peruvian\s+)?(?:nuevos\s+)?soles)|(?:Czech\s+)?korun(?:[ay]|as)?|(?:Hungarian\s+)?forints?|"
    r"(?:Romanian\s+)?lei|(?:Ukrainian\s+)?hryvnias?|(?:Pakistani|Sri\s+Lankan|Nepalese|Nepali)\s+rupees?|"
    r"AED|SAR|QAR|KWD|BHD|OMR|BRL|ZAR|NGN|KES|UGX|TZS|RWF|GHS|ETB|EGP|IDR|THB|VND|PKR|LKR|NPR|BDT|"
    r"PLN|SEK|NOK|DKK|ILS|CLP|KZT|UAH|CZK|HUF|XOF|XAF|MNT|(?:Mongolian\s+)?t[oö]gr[oö]gs?|tugriks?|"
    r"(?:Tanzanian\s+|Ugandan\s+)?shillings?|(?:Zambian\s+)?kwacha|pula|(?:Cambodian\s+)?riels?|"
    r"(?:Tunisian|Jordanian|Algerian|Iraqi|Serbian)\s+dinars?|(?:Uruguayan|Dominican|Cuban)\s+pesos?|"
    r"(?:CFA\s+)?francs?\s+CFA|CFA\s+francs?|(?:Georgian\s+)?lari|(?:Armenian\s+)?drams?|"
    r"(?:Uzbek\s+)?som|Uzbek\s+sum|(?:Costa\s+Rican\s+)?col[oó]n(?:es)?|(?:Mauritian|Nepalese)\s+rupees?|"
    rf"{_ISO_AFTER}|"
    r"Swiss\s+francs?|M(?:USD|EUR|GBP|AUD|CAD|CNY|SGD|HKD|JPY|INR|CHF)|元|(?:\$|€|£|₹|₩)(?!\d))"
)
CUR_AFTER = re.compile(
    rf"(\s*-?\s*)(?P<name>{_CUR_NAMES})(?![A-Za-z])(?:\s*\((?:RMB|CNY|yuan)\))?", re.IGNORECASE
)
CUR_BEFORE = re.compile(
    # why "A$" glued and "S$" in capitals: "a $150 million fund" and "Apple's $5" are US dollars
    r"(?<![A-Za-z])(U\.?S\.?\s?\$|USD\s?\$?|(?-i:S\s?\$)|SGD\s?\$?|HK\s?\$|HKD\s?\$?|(?-i:A\$)|"
    r"AUD\s?\$?|C\s?\$|CAD\s?\$?|NT\s?\$|TWD|NZ\s?\$|NZD\s?\$?|MXN\s?\$?|Mex\s?\$|RMB\s?¥?|CNY\s?¥?|¥|€|EUR|£|GBP|"
    r"₹|Rs\.?|INR|₩|KRW|JPY|CHF|(?-i:RM)|MYR|M(?:USD|EUR|GBP|AUD|CAD|CNY|SGD|HKD)|"
    # why case-sensitive: "R", "Rp", "KSh" and codes such as SAR or PLN are also words or letters;
    # "R" only glued to its number ("R38.9 billion", not "Grade R 5"); no "PHP" ("PHP 8")
    r"(?-i:R\s?\$|Rp\.?|R(?!\s)|KSh|Ksh|TSh|Tsh|USh|Ush|AED|SAR|QAR|KWD|BHD|OMR|BRL|ZAR|NGN|KES|UGX|TZS|RWF|GHS|ETB|"
    r"EGP|IDR|THB|VND|PKR|LKR|NPR|BDT|PLN|SEK|NOK|DKK|ILS|NIS|CLP|COP|ARS|PEN|TRY|RUB|KZT|UAH|kr\.?|zł|"
    r"CZK|HUF|RON|XOF|XAF|MAD|MNT|Dhs?\.?|Tk\.?|S/\.?|J\$|RD\$|FJ\$|TT\$|BZ\$|EC\$|\$U|E£|LE|"
    rf"{_ISO_ALT})|"
    r"₦|₱|฿|₫|₪|₺|₽|₴|₸|GH₵|GH¢|\$|dollars?|euros?)\s*$",
    re.IGNORECASE,
)
_CUR_CODE = {
    "us$": "USD",
    "u.s.$": "USD",
    "u.s$": "USD",
    "usd": "USD",
    "s$": "SGD",
    "sgd": "SGD",
    "hk$": "HKD",
    "hkd": "HKD",
    "a$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "cad": "CAD",
    "nt$": "TWD",
    "twd": "TWD",
    "nz$": "NZD",
    "nzd": "NZD",
    "mxn": "MXN",
    "mex$": "MXN",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "元": "CNY",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "rupee": "INR",
    "rm": "MYR",
    "myr": "MYR",
    "ringgit": "MYR",
    "₩": "KRW",
    "krw": "KRW",
    "won": "KRW",
    "jpy": "JPY",
    "yen": "JPY",
    "chf": "CHF",
    "franc": "CHF",
    "r$": "BRL",
    "reais": "BRL",
    "brazilianreais": "BRL",
    "r": "ZAR",
    "rand": "ZAR",
    "southafricanrand": "ZAR",
    "rp": "IDR",
    "rp.": "IDR",
    "rupiah": "IDR",
    "ksh": "KES",
    "tsh": "TZS",
    "ush": "UGX",
    "shilling": "KES",
    "kenyanshilling": "KES",
    "ugandanshilling": "UGX",
    "tanzanianshilling": "TZS",
    "₦": "NGN",
    "naira": "NGN",
    "₱": "PHP",
    "peso": "MXN",
    "mexicanpeso": "MXN",
    "philippinepeso": "PHP",
    "chileanpeso": "CLP",
    "colombianpeso": "COP",
    "argentinepeso": "ARS",
    "฿": "THB",
    "baht": "THB",
    "₫": "VND",
    "dong": "VND",
    "₪": "ILS",
    "nis": "ILS",
    "shekel": "ILS",
    "newshekel": "ILS",
    "₺": "TRY",
    "lira": "TRY",
    "₽": "RUB",
    "ruble": "RUB",
    "rouble": "RUB",
    "₴": "UAH",
    "₸": "KZT",
    "gh₵": "GHS",
    "cedi": "GHS",
    "birr": "ETB",
    "gh¢": "GHS",
    "j$": "JMD",
    "rd$": "DOP",
    "fj$": "FJD",
    "tt$": "TTD",
    "bz$": "BZD",
    "ec$": "XCD",
    "$u": "UYU",
    "e£": "EGP",
    "le": "EGP",
    "kwacha": "ZMW",
    "zambiankwacha": "ZMW",
    "pula": "BWP",
    "riel": "KHR",
    "cambodianriel": "KHR",
    "tunisiandinar": "TND",
    "jordaniandinar": "JOD",
    "algeriandinar": "DZD",
    "iraqidinar": "IQD",
    "serbiandinar": "RSD",
    "uruguayanpeso": "UYU",
    "dominicanpeso": "DOP",
    "cubanpeso": "CUP",
    "cfafranc": "XOF",
    "francscfa": "XOF",
    "francsfa": "XOF",
    "lari": "GEL",
    "georgianlari": "GEL",
    "dram": "AMD",
    "armeniandram": "AMD",
    "som": "UZS",
    "sum": "UZS",
    "uzbeksom": "UZS",
    "uzbeksum": "UZS",
    "colon": "CRC",
    "colón": "CRC",
    "colone": "CRC",
    "colóne": "CRC",
    "costaricancolon": "CRC",
    "costaricancolón": "CRC",
    "mauritianrupee": "MUR",
    "tenge": "KZT",
    "kazakhtenge": "KZT",
    "kazakhstanitenge": "KZT",
    "tk": "BDT",
    "tk.": "BDT",
    "taka": "BDT",
    "bangladeshitaka": "BDT",
    "s/": "PEN",
    "s/.": "PEN",
    "sole": "PEN",
    "nuevossole": "PEN",
    "peruviansole": "PEN",
    "peruviannuevossole": "PEN",
    "koruna": "CZK",
    "korun": "CZK",
    "koruny": "CZK",
    "czechkoruna": "CZK",
    "czechkorun": "CZK",
    "czechkoruny": "CZK",
    "forint": "HUF",
    "hungarianforint": "HUF",
    "lei": "RON",
    "romanianlei": "RON",
    "hryvnia": "UAH",
    "ukrainianhryvnia": "UAH",
    "zloty": "PLN",
    "zlotys": "PLN",
    "zloties": "PLN",
    "złoty": "PLN",
    "zł": "PLN",
    "kr": "SEK",  # Sweden's, unless the region says Norway, Denmark or Iceland
    "kr.": "SEK",
    "krona": "SEK",
    "kronor": "SEK",
    "kroner": "DKK",
    "danishkrone": "DKK",
    "danishkroner": "DKK",
    "norwegiankrone": "NOK",
    "norwegiankroner": "NOK",
    "riyal": "SAR",
    "saudiriyal": "SAR",
    "qataririyal": "QAR",
    "dirham": "AED",
    "uaedirham": "AED",
    "emiratidirham": "AED",
    "moroccandirham": "MAD",
    "tugrik": "MNT",
    "togrog": "MNT",
    "tögrög": "MNT",
    "mongoliantugrik": "MNT",
    "mongoliantogrog": "MNT",
    "mongoliantögrög": "MNT",
    "dh": "AED",
    "dh.": "AED",
    "dhs": "AED",
    "dhs.": "AED",
    "egyptianpound": "EGP",
    "pakistanirupee": "PKR",
    "srilankanrupee": "LKR",
    "nepaleserupee": "NPR",
    "nepalirupee": "NPR",
}
DOLLAR_BY_REGION = {
    "Jamaica": "JMD",
    "Fiji": "FJD",
    "Trinidad and Tobago": "TTD",
    "Singapore": "SGD",
    "Hong Kong": "HKD",
    "Australia": "AUD",
    "Canada": "CAD",
    "Taiwan": "TWD",
    "New Zealand": "NZD",
}
# Tokens that name different currencies in different countries ("Rs" in Pakistan is PKR).
_LOCAL_CURRENCY: dict[str, dict[str, str]] = {
    "Morocco": {"dirham": "MAD", "dh": "MAD", "dh.": "MAD", "dhs": "MAD", "dhs.": "MAD"},
    "Pakistan": {"rs": "PKR", "rs.": "PKR", "rupee": "PKR"},
    "Sri Lanka": {"rs": "LKR", "rs.": "LKR", "rupee": "LKR"},
    "Nepal": {"rs": "NPR", "rs.": "NPR", "rupee": "NPR"},
    "Mauritius": {"rs": "MUR", "rs.": "MUR", "rupee": "MUR"},
    "Uruguay": {"peso": "UYU", "$": "UYU"},
    "Dominican Republic": {"peso": "DOP"},
    "Kenya": {"shilling": "KES"},
    "Jordan": {"dinar": "JOD"},
    "Tunisia": {"dinar": "TND"},
    "Senegal": {"franc": "XOF"},
    "Côte d'Ivoire": {"franc": "XOF"},
    "Chile": {"peso": "CLP", "$": "CLP"},
    "Colombia": {"peso": "COP", "$": "COP"},
    "Argentina": {"peso": "ARS", "$": "ARS"},
    "Philippines": {"peso": "PHP"},
    "Egypt": {"pound": "EGP"},
    "Norway": {"krone": "NOK", "kroner": "NOK", "kr": "NOK", "kr.": "NOK"},
    "Sweden": {"krona": "SEK", "kronor": "SEK"},
    "Denmark": {"kr": "DKK", "kr.": "DKK"},
    "Iceland": {"kr": "ISK", "kr.": "ISK", "krona": "ISK", "kronur": "ISK"},
    "Uganda": {"shilling": "UGX"},
    "Tanzania": {"shilling": "TZS"},
    "Qatar": {"riyal": "QAR"},
    "Mexico": {"peso": "MXN", "$": "MXN"},
}
_DOLLAR_ADJ = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "singapore": "SGD",
    "hong kong": "HKD",
    "hk": "HKD",
    "australian": "AUD",
    "canadian": "CAD",
    "new taiwan": "TWD",
    "nt": "TWD",
    "new zealand": "NZD",
}


_SPACES = re.compile(r"\s+")
_MILLION_CODE = re.compile(r"m(?:usd|eur|gbp|aud|cad|cny|sgd|hkd|jpy|inr|chf)")


@lru_cache(maxsize=1024)
def currency_of(token: str, region: str | None) -> tuple[str, float]:
    """ISO code of a currency token and the factor it implies ("MUSD" is millions).

    >>> currency_of("US$", None), currency_of("$", "Singapore"), currency_of("MEUR", None)
    (('USD', 1.0), ('SGD', 1.0), ('EUR', 1000000.0))
    """
    t = _SPACES.sub(" ", token.strip().lower())
    factor = 1.0
    local = _local_currency(region)
    if local:
        code = local.get(t) or local.get(t.rstrip("s"))
        if code:
            return code, factor
    if _MILLION_CODE.fullmatch(t):
        t, factor = t[1:], 1e6
    t = t.rstrip("s") if t.endswith(("dollars", "euros", "pounds", "rupees", "francs")) else t
    if t in ("$", "dollar") or t.endswith("dollar") and t.rsplit(" ", 1)[0] not in _DOLLAR_ADJ:
        return _local_dollar(region), factor
    if t.endswith("dollar"):
        return _DOLLAR_ADJ[t.rsplit(" ", 1)[0]], factor
    t = t.replace(" ", "")
    if t.endswith("$") and t not in _CUR_CODE:
        t = t[:-1]  # "USD$", "SGD $"
    if t in ("¥", "rmb¥", "cny¥"):
        # why: Japan or anywhere in it (Osaka Prefecture, Nagoya), as "$" follows the lineage
        return ("JPY" if t == "¥" and "Japan" in _lineage(region) else "CNY"), factor
    if t in _CUR_CODE or t.rstrip("s") in _CUR_CODE and not t.endswith("ss"):
        return _CUR_CODE.get(t) or _CUR_CODE[t.rstrip("s")], factor  # "mexicanpesos", "R", "Rp"
    for adj in ("chinese", "british", "korean", "japanese", "indian", "swiss", "malaysian"):
        t = t.removeprefix(adj)
    t = t.replace("sterling", "") or "sterling"
    return _CUR_CODE.get(t, _CUR_CODE.get(t.rstrip("s"), t.upper())), factor


def _local_dollar(region: str | None) -> str:
    return next((DOLLAR_BY_REGION[r] for r in _lineage(region) if r in DOLLAR_BY_REGION), "USD")


@lru_cache(maxsize=256)
def _lineage(region: str | None) -> tuple[str, ...]:
    """``region`` and every region above it; a name outside the catalog stands alone."""
    if not region:
        return ()
    try:
        return (region, *ancestors(region))
    except KeyError:  # why: --region accepts any name
        return (region,)


@lru_cache(maxsize=256)
def _local_currency(region: str | None) -> dict[str, str]:
    """The country-specific readings of ambiguous currency tokens for ``region`` or its country."""
    if not region:
        return {}
    for r in _lineage(region):
        if r in _LOCAL_CURRENCY:
            return _LOCAL_CURRENCY[r]
    return {}


# Physical units: (pattern, canonical unit, factor). Words are case-blind,
# symbols are not ("MW" is not "mW").
_UNIT_WORDS = [
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km", "sq km", 1.0),
    (r"square\s+met(?:er|re)s?|sq\.?\s*m(?![a-z])|sqm", "sq m", 1.0),
    (r"square\s+f(?:ee|oo)t|sq\.?\s*ft", "sq ft", 1.0),
    (r"hectares?", "ha", 1.0),
    (r"kilomet(?:er|re)s?", "km", 1.0),
    (r"met(?:er|re)s?", "m", 1.0),
    (r"(?:metric\s+)?(?:tonnes?|tons?)", "t", 1.0),
    (r"gigawatts?", "GW", 1.0),
    (r"megawatts?", "MW", 1.0),
    (r"kilowatts?", "kW", 1.0),
    (r"mu(?![a-z])", "mu", 1.0),
    (r"twenty-foot\s+equivalent\s+units?(?:\s*\(TEUs?\))?|TEUs?", "TEU", 1.0),
    (r"litres?|liters?", "l", 1.0),
    (
        r"barrels?\s+(?:per|a)\s+day|barrels?\s+of\s+oil\s+(?:equivalent\s+)?per\s+day",
        "barrel per day",
        1.0,
    ),
    (r"barrels?", "barrel", 1.0),
    (r"times|fold", "times", 1.0),
]
_UNIT_SYMBOLS = [
    (r"km2|km²", "sq km", 1.0),
    (r"m2|m²", "sq m", 1.0),
    (r"km", "km", 1.0),
    (r"ha", "ha", 1.0),
    (r"GWh|TWh|MWh|kWh", None, 1.0),
    (r"GW|MW|kW", None, 1.0),
    (r"[KMGT]bit/s|Gbps|Mbps|Tbps|GB|TB|PB|EB", None, 1.0),
    (r"[EPTG]FLOPS|[EPTG]flops", None, 1.0),
    (r"Mt", "t", 1e6),
    (r"kt", "t", 1e3),
    (r"t", "t", 1.0),
    (r"kg", "kg", 1.0),
    (r"ml|mL", "ml", 1.0),
]
_UNIT_AFTER_W = re.compile(
    r"\s*-?\s*(?:" + "|".join(f"(?P<w{i}>{p})" for i, (p, _, _) in enumerate(_UNIT_WORDS)) + r")\b",
    re.IGNORECASE,
)
_UNIT_AFTER_S = re.compile(
    r"\s?(?:"
    + "|".join(f"(?P<s{i}>{p})" for i, (p, _, _) in enumerate(_UNIT_SYMBOLS))
    + r")(?![A-Za-z0-9])"
)

# Matched on lower-cased ASCII text: only the group name and the end are used.
_UNIT_AFTER_W_CB = CaseBlind(_UNIT_AFTER_W)


def unit_after(text: str, pos: int, end: int) -> tuple[str, float, int] | None:
    """A physical unit right after ``pos``: (canonical unit, factor, end).

    >>> unit_after("8.5 million square meters", 11, 25), unit_after("100MW", 3, 5)
    (('sq m', 1.0, 25), ('MW', 1.0, 5))
    """
    m = _UNIT_AFTER_S.match(text, pos, end) or _UNIT_AFTER_W_CB.match(text, pos, end)
    if not m:
        return None
    key = m.lastgroup or ""
    table = _UNIT_SYMBOLS if key.startswith("s") else _UNIT_WORDS
    _, unit, factor = table[int(key[1:])]
    return unit or m.group(key), factor, m.end()
