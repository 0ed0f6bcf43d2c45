"""Language of a document: English or Chinese, from its share of ideographs."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_SAMPLE = 20_000
# One ideograph carries about as much as a five-letter word, so a fifth of the
# letters being ideographs already means the text is written in Chinese.
_ZH_SHARE = 0.2


def detect_language(text: str) -> str:
    """ "zh" when CJK ideographs make up a fair share of the letters, else "en".

    >>> detect_language("到2025年，全市高新技术企业超过15000家。")
    'zh'
    >>> detect_language("Guangzhou ICP备案号 B2-20040244: by 2021 the city will have 12,000 firms.")
    'en'
    """
    sample = text[:_SAMPLE]
    cjk = len(_CJK.findall(sample))
    if not cjk:
        return "en"
    latin = len(_LATIN.findall(sample))
    return "zh" if cjk >= _ZH_SHARE * (cjk + latin) else "en"
