"""Fuzzing: readers, the whole ingest path and the CSV importer on arbitrary input.

Whatever the bytes, a reader returns a Document whose outline and extracted
spans point inside its text, or raises a :class:`goalpost.DocumentError`
naming the file; the importer imports rows or reports them, or raises
:class:`goalpost.ImportFileError`. Any other exception is a bug (in a batch it
would stop the remaining files). Inputs are arbitrary bytes, and valid PDF,
DOCX, HTML and CSV files with bytes flipped, cut or spliced, which reach much
deeper into the parsers than random noise does.
"""

from __future__ import annotations

import io
import tempfile
from functools import cache
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from goalpost._exceptions import DocumentError, ImportFileError
from goalpost._importer import import_file
from goalpost._models import Document
from goalpost.documents import build_document, read_document
from goalpost.extract import extract
from goalpost.store import Store

SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ""]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PLAN = (
    "Three-year Action Plan for S&T Innovation (2019-2021)\n\nOverall Goal\n\n"
    "By the end of 2021, the city will have over 12,000 hi-tech companies.\n"
    "到2021年，全市高新技术企业超过12000家，研发经费占比达到3.1%。\n"
)


@cache
def _samples() -> dict[str, bytes]:
    """One valid file per format: the seeds that mutations start from."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, PLAN.split("到")[0])
    d = docx.Document()
    d.add_heading("Action Plan (2019-2021)", level=1)
    for line in PLAN.splitlines()[2:]:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Plan</title></head><body>"
        "<nav>Home | About</nav><h1>Action Plan (2019-2021)</h1><h2>Overall Goal</h2>"
        f"<p>{PLAN.splitlines()[4]}</p><table><tr><td>高新技术企业</td><td>12000</td></tr></table>"
        "<script>alert(1)</script></body></html>"
    )
    return {
        ".pdf": bytes(pdf.output()),
        ".docx": buf.getvalue(),
        ".html": html.encode(),
        ".txt": PLAN.encode("gb18030"),
        ".md": ("# Plan\n\n## Goal\n\n" + PLAN).encode(),
    }


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid sample with a few bytes flipped, a cut, or a foreign splice."""
    suffix = draw(st.sampled_from(sorted(_samples())))
    data = bytearray(_samples()[suffix])
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["flip", "cut", "splice", "delete"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = draw(st.binary(max_size=64))
    # a file named for another format, sometimes: readers sniff bytes before names
    name_suffix = draw(st.sampled_from([suffix, suffix, *SUFFIXES]))
    return name_suffix, bytes(data)


def _check_document(doc: Document, path: Path) -> None:
    text = doc.text
    assert isinstance(text, str) and text.strip()
    assert "\x00" not in text
    assert doc.source == str(path)
    for s in doc.sections:
        assert 0 <= s.start <= s.heading_end <= s.end <= len(text), s
    for it in extract(doc):
        assert 0 <= it.sentence_start <= it.start < it.end <= it.sentence_end <= len(text)
        assert text[it.sentence_start : it.sentence_end] == it.sentence
        assert it.value == it.value and abs(it.value) != float("inf")


def _read(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except DocumentError as err:
            assert err.path == str(path)
            assert err.reason and str(err).startswith(f"{path}: ")
            return
        _check_document(doc, path)


@FUZZ
@given(st.sampled_from(SUFFIXES), st.binary(max_size=4096))
@example(".pdf", b"%PDF-1.7\n%%EOF")
@example(".docx", b"PK\x05\x06" + bytes(18))
@example(".html", b"<html>" + b"<b>" * 5000)
@example(".txt", b"\xff\xfe\x00")
def test_readers_on_arbitrary_bytes(suffix: str, data: bytes) -> None:
    _read(suffix, data)


@FUZZ
@given(mutated())
def test_readers_on_damaged_files(case: tuple[str, bytes]) -> None:
    _read(*case)


@FUZZ
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",))
        | st.sampled_from(list("\n\r\t\x00\u2028\ufeff<>&")),
        max_size=2000,
    ),
    st.sampled_from(["txt", "md", "html"]),
)
def test_clean_and_extract_keep_spans_on_any_text(text: str, fmt: str) -> None:
    doc = build_document(text, id="fuzz", source="fuzz", format=fmt)
    for s in doc.sections:
        assert 0 <= s.start <= s.heading_end <= s.end <= len(doc.text)
    for it in extract(doc):
        assert 0 <= it.sentence_start <= it.start < it.end <= it.sentence_end <= len(doc.text)
        assert doc.text[it.sentence_start : it.sentence_end] == it.sentence


# ---------------------------------------------------------------- the importer
CSV_CELLS = st.one_of(
    st.sampled_from(["incubators", "高新技术企业", "12,000", "3.1", "nan", "-inf", "1e309", "2021",
                     "2021-02-30", "count", "%", "CNY", "range", ">=", "target", "", " ", '"', "\n"]),
    st.text(max_size=12),
)  # fmt: skip
HEADERS = st.lists(
    st.sampled_from(["indicator", "value", "unit", "period", "date", "region", "source", "kind",
                     "comparator", "value_max", "growth", "Indicator ", "\ufeffindicator", "x"]),
    min_size=0, max_size=8,
)  # fmt: skip


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """CSV-shaped text in a random encoding, or arbitrary bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=2048))
    header = draw(HEADERS)
    rows = draw(st.lists(st.lists(CSV_CELLS, max_size=len(header) + 1), max_size=20))
    sep = draw(st.sampled_from([",", ",", ";", "\t"]))

    def quote(cell: str) -> str:
        return f'"{cell}"' if draw(st.booleans()) else cell

    text = "\n".join(sep.join(quote(c) for c in row) for row in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"]))
    return text.encode(encoding, errors="replace")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'gp.db'}")
    yield s
    s.close()


@FUZZ
@given(data=csv_files(), suffix=st.sampled_from([".csv", ".tsv", ".xlsx"]))
def test_importer_on_arbitrary_files(fuzz_store: Store, data: bytes, suffix: str) -> None:
    from goalpost.store._maintenance import check_integrity

    before = fuzz_store.count_items()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"stats{suffix}"
        path.write_bytes(data)
        try:
            rep = import_file(fuzz_store, path)
        except ImportFileError as err:
            assert str(err).startswith(f"{path}: ")
            assert fuzz_store.count_items() == before
            return
    assert fuzz_store.count_items() == before + rep.added
    for line, message in rep.errors:
        assert line >= 2 and message
    assert check_integrity(fuzz_store) == []
