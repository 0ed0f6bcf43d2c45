"""Reports (HTML, Markdown, PDF) and exports (CSV, XLSX, Parquet, JSON) from a hand-built store."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pytest

from goalpost.export import COLUMNS, FORMATS, export_table
from goalpost.report import find_chromium, render_html, render_markdown, write_report
from tests.test_store import make_doc, make_item


@pytest.fixture
def filled(store):
    doc = make_doc()
    item = make_item(doc)
    store.save_document(doc, [item])
    store.save_imported(
        [{"id": "o1", "kind": "observation", "indicator_text": "hi-tech companies", "value": 12099.0,
          "unit": "count", "date": "2019", "region": "Guangzhou", "source": "https://example.org/stats"}],
        import_file="s.csv",
    )  # fmt: skip
    store.save_assessments(
        [{"target_id": item.id, "status": "achieved", "method": "growth_ratio", "latest_value": 12099.0,
          "latest_period": "2019", "latest_source": "https://example.org/stats",
          "explanation": "12,099 in 2019 already exceeds the target of over 12,000.", "details": "{}"}]
    )  # fmt: skip
    return store, item


def test_html_report_is_self_contained_and_shows_the_scoreboard(filled) -> None:
    store, item = filled
    html = render_html(store)
    assert "hi-tech companies" in html and "achieved" in html
    assert "12,099 in 2019 already exceeds" in html
    assert "<mark>over 12,000</mark>" in html  # the evidence highlighted in its sentence
    assert "<svg" in html  # chart drawn inline
    # self-contained: no external scripts, styles or images
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "<script" not in html


def test_report_escapes_document_text(store) -> None:
    from goalpost._models import Document

    text = "Overall Goal\nBy 2021 the city will have over 12,000 <script>alert(1)</script> companies.\n"
    doc = make_doc(text)
    doc.id = Document.content_id(text)
    item = make_item(doc)
    item.indicator = "<script>alert(1)</script> companies"
    store.save_document(doc, [item])
    html = render_html(store)
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_markdown_report(filled) -> None:
    store, _ = filled
    md = render_markdown(store)
    assert md.startswith("# goalpost report")
    assert "| hi-tech companies | > 12,000 | 2021 | 12,099 (2019) | achieved |" in md


@pytest.mark.skipif(find_chromium() is None, reason="headless Chromium not installed")
def test_pdf_report(filled, tmp_path) -> None:
    store, _ = filled
    write_report(store, tmp_path / "r.html", pdf=tmp_path / "r.pdf")
    data = (tmp_path / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    if shutil.which("pdftotext"):
        import subprocess

        txt = subprocess.run(
            ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert "hi-tech companies" in txt


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("what", sorted(COLUMNS))
def test_export_every_table_in_every_format(filled, tmp_path, fmt: str, what: str) -> None:
    store, item = filled
    path = export_table(store, what, fmt, tmp_path / f"{what}.{fmt}")
    if fmt == "csv":
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert list(rows[0].keys()) == COLUMNS[what] if rows else True
    elif fmt == "json":
        rows = json.loads(path.read_text(encoding="utf-8"))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(path).active
        values = list(ws.values)
        assert list(values[0]) == COLUMNS[what]
        rows = values[1:]
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        assert table.column_names == COLUMNS[what]
        rows = table.to_pylist()
    expected = {"targets": 1, "observations": 1, "assessments": 1}.get(what)
    if expected is not None:
        assert len(rows) == expected
    if what == "targets" and fmt in ("json", "csv"):
        assert rows[0]["id"] == item.id
