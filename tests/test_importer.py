"""Importing statistics from CSV/XLSX: columns, row errors with line numbers, duplicates."""

from __future__ import annotations

import pytest

from goalpost._exceptions import ImportFileError
from goalpost._importer import import_file

HEADER = "region,indicator,value,unit,period,source\n"


def write(tmp_path, text: str, name: str = "stats.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_import_adds_rows_and_links_indicators(store, tmp_path) -> None:
    p = write(tmp_path, HEADER + "Guangzhou,high-tech enterprises,12099,count,2019,http://x\n"
              "Guangzhou,R&D expenditure share of GDP,3.12,%,2021,http://y\n")  # fmt: skip
    rep = import_file(store, p)
    assert (rep.added, rep.duplicates, rep.errors) == (2, 0, [])
    rows = {r["indicator_text"]: r for r in store.items(kind="observation")}
    assert rows["high-tech enterprises"]["source"] == "http://x"
    assert rows["high-tech enterprises"]["indicator_id"]
    assert rows["high-tech enterprises"]["import_row"] == 2


def test_reimport_is_a_noop(store, tmp_path) -> None:
    p = write(tmp_path, HEADER + "Guangzhou,incubators,280,count,2017-07,r\n")
    import_file(store, p)
    rep = import_file(store, p)
    assert (rep.added, rep.duplicates) == (0, 1)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Guangzhou,incubators,many,count,2017,s", "not a number"),
        ("Guangzhou,incubators,280,count,July 2017,s", "period"),
        ("Guangzhou,,280,count,2017,s", "indicator is empty"),
        ("Guangzhou,incubators,280,,2017,s", "unit is empty"),
        ("Guangzhou,incubators,280,count", "cells"),
    ],
)
def test_bad_rows_are_reported_with_line_numbers(store, tmp_path, row: str, message: str) -> None:
    p = write(tmp_path, HEADER + "Guangzhou,incubators,280,count,2017,s\n" + row + "\n")
    rep = import_file(store, p)
    assert rep.added == 1
    assert len(rep.errors) == 1 and rep.errors[0][0] == 3 and message in rep.errors[0][1]


def test_duplicate_rows_within_a_file_are_skipped(store, tmp_path) -> None:
    line = "Guangzhou,incubators,280,count,2017,s\n"
    rep = import_file(store, write(tmp_path, HEADER + line + line))
    assert (rep.added, rep.duplicates) == (1, 1)


def test_missing_columns_name_the_file(store, tmp_path) -> None:
    p = write(tmp_path, "name,number\nx,1\n")
    with pytest.raises(
        ImportFileError, match=r"stats\.csv: missing column\(s\) indicator, value, unit, period"
    ):
        import_file(store, p)


def test_targets_entered_by_hand(store, tmp_path) -> None:
    p = write(
        tmp_path,
        "region,indicator,value,unit,period,kind,comparator\nGuangzhou,incubators,300,count,2020,target,>=\n",
    )
    import_file(store, p)
    (t,) = store.items(kind="target")
    assert (t["comparator"], t["date"], t["origin"]) == (">=", "2020", "imported")


def test_xlsx_import(store, tmp_path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "value", "unit", "period", "region"])
    ws.append(["incubators", 280, "count", 2017, "Guangzhou"])
    ws.append(["incubators", "lots", "count", 2018, "Guangzhou"])
    p = tmp_path / "s.xlsx"
    wb.save(p)
    rep = import_file(store, p)
    assert rep.added == 1 and rep.errors[0][0] == 3
    assert store.items(kind="observation")[0]["date"] == "2017"


def test_unsupported_file_type(store, tmp_path) -> None:
    with pytest.raises(ImportFileError, match="unsupported"):
        import_file(store, write(tmp_path, "x", "s.json"))
