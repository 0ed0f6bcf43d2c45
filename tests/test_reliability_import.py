"""Bad statistics files: clear per-file or per-row errors, bounded memory, the rest imported.

CSV import streams: the encoding is sniffed from the first 64 KiB and rows
are decoded and parsed one at a time, so a million-row file costs the memory
of one batch. Limits (file size, rows, cell length) are configurable and each
gives an error naming the file, or the file and line.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from goalpost._exceptions import ImportFileError
from goalpost._importer import ImportLimits, import_file, sniff_encoding
from goalpost.store import Store

GOALPOST = Path(sys.executable).with_name("goalpost")
HEADER = "region,indicator,value,unit,period,source\n"
GOOD = "Guangzhou,incubators,280,count,2017,http://stats.gz.gov.cn\n"
MiB = 1024 * 1024


@pytest.fixture
def sqlite_store(tmp_path: Path):
    """Importer behaviour does not depend on the backend; SQLite keeps these tests quick."""
    s = Store(f"sqlite:///{tmp_path / 'gp.db'}")
    yield s
    s.close()


def _write(tmp_path: Path, data: str | bytes, name: str = "stats.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("\n\n  \n", "the file is empty"),
        ("name,number\nx,1\n", "missing column(s) indicator, value, unit, period"),
        ("indicator;value;unit;period\nx;1;count;2020\n", "missing column(s)"),  # wrong delimiter
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary content"),
        ("指标,数值\n高新技术企业,1\n".encode("gbk"), "missing column(s)"),
    ],
    ids=["empty", "blank", "wrong-columns", "semicolons", "png-renamed", "chinese-headers"],
)
def test_unimportable_file_names_file_and_problem(
    sqlite_store: Store, tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(ImportFileError) as info:
        import_file(sqlite_store, path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in info.value.reason
    assert sqlite_store.count_items() == 0


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Guangzhou,incubators,many,count,2017,s", "value 'many' is not a number"),
        ("Guangzhou,incubators,nan,count,2017,s", "not finite"),
        ("Guangzhou,incubators,1e999,count,2017,s", "not finite"),
        ("Guangzhou,incubators,280,count,17/07/2017,s", "period '17/07/2017'"),
        ("Guangzhou,incubators,280,count,2017-13,s", "period '2017-13'"),
        ("Guangzhou,,280,count,2017,s", "indicator is empty"),
        ("Guangzhou,incubators,280,,2017,s", "unit is empty"),
        ("Guangzhou,incubators,280,count", "has 4 cells, the header has 6"),
        ("Guangzhou,incubators,280,count,2017,s,extra", "has 7 cells"),
        ('Guangzhou,"incubators,280,count,2017,s', "cells"),  # an unclosed quote swallows the rest
        ("Guangzhou,incubators,280,count,2017," + "x" * 20_000, "'source' is 20,000 characters"),
    ],
)
def test_bad_row_is_reported_with_its_line_and_the_rest_imported(
    sqlite_store: Store, tmp_path: Path, row: str, message: str
) -> None:
    path = _write(tmp_path, HEADER + GOOD + row + "\n" + GOOD.replace("280", "281"))
    rep = import_file(sqlite_store, path)
    assert rep.errors and rep.errors[0][0] == 3, rep.errors
    assert message in rep.errors[0][1]
    # the good row before is in; the one after is in unless the unclosed quote ate it
    assert rep.added == (1 if '"' in row else 2)


def test_duplicate_rows_in_the_file_and_across_imports_are_skipped(
    sqlite_store: Store, tmp_path: Path
) -> None:
    path = _write(tmp_path, HEADER + GOOD * 3 + GOOD.replace("280", "290"))
    rep = import_file(sqlite_store, path)
    assert (rep.added, rep.duplicates, rep.errors) == (2, 2, [])
    again = import_file(sqlite_store, path)
    assert (again.added, again.duplicates) == (0, 4)
    assert sqlite_store.count_items() == 2


def test_nul_bytes_in_cells_are_dropped_on_every_backend(store: Store, tmp_path: Path) -> None:
    """PostgreSQL refuses NUL in text; a stray one must not fail the import there."""
    path = _write(
        tmp_path,
        HEADER + "Guang\x00zhou,incu\x00bators,280,count,2017,http://stats.gz.gov.cn\x00\n" + GOOD,
    )
    rep = import_file(store, path)
    assert (rep.added, rep.duplicates, rep.errors) == (1, 1, [])
    (row,) = store.items(kind="observation")
    assert (row["region"], row["indicator_text"]) == ("Guangzhou", "incubators")


def test_duplicates_across_batches_are_found(sqlite_store: Store, tmp_path: Path) -> None:
    """The importer only remembers the current batch; the store catches the rest."""
    from goalpost import _importer

    rows = "".join(f"Guangzhou,incubators,{i},count,2017,s\n" for i in range(_importer.BATCH + 10))
    path = _write(tmp_path, HEADER + rows + "Guangzhou,incubators,3,count,2017,s\n")
    rep = import_file(sqlite_store, path)
    assert (rep.added, rep.duplicates) == (_importer.BATCH + 10, 1)


@pytest.mark.parametrize(
    ("encoding", "indicator"),
    [
        ("utf-8", "高新技术企业"),
        ("utf-8-sig", "高新技术企业"),
        ("gb18030", "高新技术企业"),
        ("gbk", "研发经费"),
        ("big5", "高科技企業"),
        ("utf-16", "高新技术企业"),
        ("cp1252", "Café incubators"),
    ],
)
def test_encodings_are_sniffed_and_streamed(
    sqlite_store: Store, tmp_path: Path, encoding: str, indicator: str
) -> None:
    # more than the 64 KiB sniffed, so the stream decodes past the sample too
    body = "".join(f"Guangzhou,{indicator},{i},count,2020,s\n" for i in range(4000))
    path = _write(tmp_path, (HEADER + body).encode(encoding))
    assert path.stat().st_size > 64 * 1024
    rep = import_file(sqlite_store, path)
    assert (rep.added, rep.errors) == (4000, [])
    assert {r["indicator_text"] for r in sqlite_store.items(kind="observation", limit=5)} == {
        indicator
    }


def test_sniff_never_splits_a_character_at_the_sample_edge() -> None:
    # 64 KiB boundary inside a 2-byte GBK / 3-byte UTF-8 character
    for enc, want in (("gbk", "gb18030"), ("utf-8", "utf-8")):
        data = ("指标,2020\n" + "广州市高新技术企业\n" * 9000).encode(enc)
        for cut in range(64 * 1024 - 3, 64 * 1024):
            assert sniff_encoding(data[:cut]) == want


def test_rows_in_another_encoding_are_row_errors(sqlite_store: Store, tmp_path: Path) -> None:
    good = (HEADER + "广州,高新技术企业,1,count,2020,s\n").encode("utf-8")
    stray = "广州,研发经费,2,count,2021,s\n".encode("gbk")  # pasted from an old file
    path = _write(tmp_path, good + stray + "广州,孵化器,3,count,2021,s\n".encode())
    rep = import_file(sqlite_store, path)
    assert rep.added == 2
    assert rep.errors == [(3, "holds bytes that are not utf-8 text (the file mixes encodings?)")]


@pytest.mark.parametrize(
    ("limits", "rows", "message"),
    [
        (ImportLimits(max_bytes=1024), 100, "bytes, over the limit of 1,024"),
        (ImportLimits(max_rows=50), 100, "more than 50 rows (the limit)"),
        (ImportLimits(max_cell_chars=9), 1, "'indicator' is 10 characters, over the limit of 9"),
    ],
    ids=["max-bytes", "max-rows", "max-cell"],
)
def test_limits_are_configurable_and_named_in_the_error(
    sqlite_store: Store, tmp_path: Path, limits: ImportLimits, rows: int, message: str
) -> None:
    body = "".join(f"Guangzhou,incubators,{i},count,2017,s\n" for i in range(rows))
    path = _write(tmp_path, HEADER + body)
    if limits.max_bytes < path.stat().st_size:
        with pytest.raises(ImportFileError, match=message):
            import_file(sqlite_store, path, limits=limits)
        return
    rep = import_file(sqlite_store, path, limits=limits)
    assert message in rep.errors[-1][1]
    if limits.max_rows < rows:
        assert rep.added == limits.max_rows and rep.stopped_at == limits.max_rows + 2


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALPOST_IMPORT_MAX_ROWS", "12")
    assert ImportLimits.from_env().max_rows == 12
    monkeypatch.setenv("GOALPOST_IMPORT_MAX_CELL", "lots")
    with pytest.raises(ImportFileError, match="GOALPOST_IMPORT_MAX_CELL"):
        ImportLimits.from_env()


def _million_rows(path: Path, n: int = 1_000_000) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        line = "Guangzhou,incubators,{},count,{},http://stats.gz.gov.cn/table-{}\n"
        f.writelines(line.format(i, 2000 + i % 25, i % 97) for i in range(n))


@pytest.mark.slow
def test_million_row_csv_is_streamed_in_bounded_memory(sqlite_store: Store, tmp_path: Path) -> None:
    """A million-row file (~60 MB) stopped by max_rows after 20,000 rows.

    Why scaled: importing all million rows takes minutes (benchmarks/import_rows.py
    runs it); what this test can fail on is memory. Reading the file whole, as
    the importer once did, costs over 100 MB here; streaming costs one batch.
    """
    path = tmp_path / "million.csv"
    _million_rows(path)
    assert path.stat().st_size > 50 * MiB
    tracemalloc.start()
    try:
        rep = import_file(sqlite_store, path, limits=ImportLimits(max_rows=20_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rep.added == 20_000 and rep.stopped_at == 20_002
    assert rep.errors == [
        (20_002, "more than 20,000 rows (the limit); this row and the rest were not imported")
    ]
    assert peak < 32 * MiB, f"peak {peak:,} bytes"


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_bomb() -> bytes:
    """A workbook whose shared strings inflate to 64 MiB."""
    good = zipfile.ZipFile(io.BytesIO(_xlsx([["indicator", "value", "unit", "period"]])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in good.infolist():
            z.writestr(info, good.read(info))
        with z.open("xl/sharedStrings.xml", "w") as member:
            for _ in range(64):
                member.write(b" " * MiB)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("make", "limits", "message"),
    [
        (
            lambda: _xlsx([["indicator", "value", "unit", "period"]])[:2000],
            None,
            "not a readable XLSX",
        ),
        (lambda: b"indicator,value\n", None, "not a readable XLSX"),
        (lambda: _xlsx([["name", "number"], ["x", 1]]), None, "missing column(s)"),
        (_xlsx_bomb, ImportLimits(max_bytes=1 * MiB), "zip bomb"),
    ],
    ids=["truncated", "csv-renamed", "wrong-columns", "zip-bomb"],
)
def test_bad_workbooks_name_file_and_problem(
    sqlite_store: Store, tmp_path: Path, make, limits: ImportLimits | None, message: str
) -> None:
    path = _write(tmp_path, make(), "stats.xlsx")
    with pytest.raises(ImportFileError) as info:
        import_file(sqlite_store, path, limits=limits)
    assert str(info.value).startswith(f"{path}: ") and message in info.value.reason


def test_cli_import_reports_each_file_and_row_and_goes_on(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    bad_file = _write(tmp_path, "name,number\nx,1\n", "wrong.csv")
    rows = _write(tmp_path, HEADER + GOOD + "Guangzhou,incubators,lots,count,2018,s\n", "rows.csv")
    good = _write(tmp_path, HEADER + GOOD.replace("280", "300"), "good.csv")
    run = subprocess.run(
        [str(GOALPOST), "import", str(bad_file), str(rows), str(good), "--db", db],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert f"{bad_file}: missing column(s)" in run.stderr
    assert f"{rows}:3: value 'lots' is not a number" in run.stderr
    assert Store(db).count_items() == 2
