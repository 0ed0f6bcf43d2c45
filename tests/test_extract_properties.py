"""Property tests: extraction never fails, its spans hold, and it is deterministic."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalpost._models import Document
from goalpost.extract import extract, find_quantities
from goalpost.extract._text import normalized

_FRAGMENTS = [
    "By the end of 2021, ",
    "the city will have ",
    "over ",
    "about ",
    "between ",
    " and ",
    "12,000 ",
    "3.1% ",
    "RMB 400 billion ",
    "US$65 billion ",
    "(US$8.1 billion) ",
    "one to two ",
    "twenty-two ",
    "Rs 1.5 lakh crore ",
    "6,6 billion euros ",
    "per 10,000 people ",
    "5G ",
    "No.224 ",
    "(1) ",
    "\n\n",
    ". ",
    "; ",
    "到2025年，",
    "全市高新技术企业达到1.2万家。",
    "１２，０００家 ",
    "３．１％",
    "top 3 ",
    "for 32 consecutive years ",
    "2019-2021 ",
    "Hi-tech companies ",
    "has reached ",
    "an increase of 11.6 percent ",
    "—",
    "’s ",
]


def _doc(text: str) -> Document:
    return Document(id="prop", text=text, title="Action Plan (2019-2021)", date="2019-09-30")


def _check(text: str) -> None:
    items = extract(_doc(text))
    again = extract(_doc(text))
    assert [i.to_dict() for i in items] == [i.to_dict() for i in again]
    starts = [i.start for i in items]
    assert starts == sorted(starts)
    for it in items:
        assert 0 <= it.sentence_start <= it.start < it.end <= it.sentence_end <= len(text)
        assert text[it.sentence_start : it.sentence_end] == it.sentence
        # The evidence holds the value's surface form: a digit or a number word.
        assert re.search(
            r"\d|[０-９]|[零〇一二两三四五六七八九十百千万亿]|one|two|three|four|five|six|seven|eight|nine|"
            r"ten|eleven|twelve|teen|ty|hundred|thousand|million|billion|dozen|half|quarter|lakh|crore|zero",
            text[it.start : it.end],
            re.IGNORECASE,
        ), text[it.start : it.end]
        assert it.kind in ("target", "observation")
        assert it.comparator in (">", ">=", "=", "<=", "<", "~", "range")
        assert (it.value_max is not None) == (it.comparator == "range") or it.lang != "en"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text_extracts_without_error(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), max_size=30).map("".join))
def test_plan_like_text_keeps_spans_and_is_deterministic(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalized_text_keeps_length(text: str) -> None:
    assert len(normalized(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=5), max_size=20).map("".join))
def test_quantity_spans_cover_their_surface(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.surface == text[q.start : q.end]
