"""The ``goalpost`` command, end to end through click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from goalpost.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
ITEM_FIELDS = {
    "id", "doc", "kind", "indicator", "comparator", "value", "value_max", "unit", "date", "growth",
    "start", "end", "sentence", "section", "region",
}  # fmt: skip


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


@pytest.mark.parametrize("command", [[], ["ingest"], ["run"], ["extract"], ["status"], ["import"], ["report"],
                                     ["export"], ["indicators"], ["revisions"], ["serve"], ["token"], ["db"]])  # fmt: skip
def test_every_command_has_help(command: list[str]) -> None:
    res = run(*command, "--help")
    assert res.exit_code == 0 and "Usage:" in res.output


def test_extract_docs_jsonl_contract() -> None:
    docs = [
        {"id": "d1", "text": "By the end of 2021, the city will have over 12,000 high-tech enterprises.",
         "title": "Three-year Action Plan (2019-2021)", "date": "2019-09-30", "lang": "en"},
        {"id": "d2", "text": "By July 2017, Guangzhou had 280 incubators.", "date": "2017", "lang": "en"},
    ]  # fmt: skip
    res = run(
        "extract", "--docs", "-", "--format", "jsonl", input="\n".join(json.dumps(d) for d in docs)
    )
    assert res.exit_code == 0, res.output
    items = jsonl(res.output)
    by_doc = {i["doc"]: i for i in items}
    assert set(by_doc) == {"d1", "d2"}
    t, o = by_doc["d1"], by_doc["d2"]
    for item in items:
        assert set(item) >= ITEM_FIELDS
        text = next(d["text"] for d in docs if d["id"] == item["doc"])
        assert 0 <= item["start"] < item["end"] <= len(text)
    assert (t["kind"], t["comparator"], t["value"], t["unit"], t["date"][:4]) == (
        "target",
        ">",
        12000,
        "count",
        "2021",
    )
    assert (o["kind"], o["value"], o["unit"], o["date"][:4]) == (
        "observation",
        280,
        "count",
        "2017",
    )


def test_extract_reports_bad_lines_and_goes_on() -> None:
    res = run(
        "extract", "--docs", "-", input='not json\n{"id": "x", "text": "The city has 5 labs."}\n'
    )
    assert res.exit_code == 1
    assert "<stdin>:1" in res.output or "-:1" in res.output


def test_extract_files(tmp_path) -> None:
    p = tmp_path / "plan.txt"
    p.write_text(
        "Plan (2020-2022)\n\nBy 2022 the province will build 30 laboratories.\n", encoding="utf-8"
    )
    items = jsonl(run("extract", str(p)).output)
    assert any(i["value"] == 30 and i["kind"] == "target" for i in items)


def test_run_main_job_on_examples(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    report = tmp_path / "report.html"
    res = run("run", str(EXAMPLES), "--stats", str(EXAMPLES / "statistics.csv"), "--db", db,
              "--report", str(report), "--as-of", "2024-06-30")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "report:" in res.output and "database:" in res.output
    assert report.exists() and "goalpost report" in report.read_text(encoding="utf-8")
    status = json.loads(run("status", "--db", db, "--format", "json").output)
    assert len(status) >= 10
    by_indicator = {s["indicator"]: s for s in status}
    assert "achieved" in {s["status"] for s in status}
    assert all(s["status"] != "not_assessed" for s in status)
    assert by_indicator  # every record names its indicator id


def test_ingest_is_idempotent_and_reports_failures(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(EXAMPLES / "guangzhou-action-plan-2019-2021.md", docs)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    first = run("ingest", str(docs), "--db", db)
    assert first.exit_code == 1
    assert "empty.txt" in first.output and "image.pdf" in first.output
    assert "1 new" in first.output
    n_targets = len(json.loads(run("targets", "--db", db, "--format", "json").output))
    assert n_targets >= 10
    second = run("ingest", str(docs / "guangzhou-action-plan-2019-2021.md"), "--db", db)
    assert second.exit_code == 0 and "1 unchanged" in second.output
    assert len(json.loads(run("targets", "--db", db, "--format", "json").output)) == n_targets


def test_import_reports_row_errors(tmp_path) -> None:
    p = tmp_path / "s.csv"
    p.write_text(
        "indicator,value,unit,period\nincubators,280,count,2017\nincubators,x,count,2018\n",
        encoding="utf-8",
    )
    res = run("import", str(p), "--db", f"sqlite:///{tmp_path / 'gp.db'}")
    assert res.exit_code == 1
    assert "s.csv:3: value 'x' is not a number" in res.output
    assert "1 row(s) added" in res.output


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_listings_formats(tmp_path, fmt: str) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    run("ingest", str(EXAMPLES / "guangzhou-action-plan-2019-2021.md"), "--db", db)
    res = run("targets", "--db", db, "--format", fmt, "--indicator", "enterprise")
    assert res.exit_code == 0
    assert "12000" in res.output.replace(",", "").replace(".0", "")


def test_overrides_win_over_detection(tmp_path) -> None:
    p = tmp_path / "note.txt"
    p.write_text("The city will build 5 parks by 2030.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    run(
        "ingest",
        str(p),
        "--db",
        db,
        "--title",
        "My plan",
        "--date",
        "2020-01-02",
        "--region",
        "Shenzhen",
    )
    (t,) = json.loads(run("targets", "--db", db, "--format", "json").output)
    assert (t["doc_title"], t["doc_date"], t["region"]) == ("My plan", "2020-01-02", "Shenzhen")


def test_export_and_report_commands(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    run("ingest", str(EXAMPLES / "guangzhou-action-plan-2019-2021.md"), "--db", db)
    assert run("export", "--db", db, "--format", "csv", "--out", str(tmp_path / "x")).exit_code == 0
    assert (tmp_path / "x" / "targets.csv").read_text(encoding="utf-8").count("\n") >= 10
    res = run(
        "report",
        "--db",
        db,
        "--out",
        str(tmp_path / "r.html"),
        "--markdown",
        str(tmp_path / "r.md"),
    )
    assert res.exit_code == 0 and (tmp_path / "r.md").exists()


def test_token_lifecycle(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    secret = run("token", "create", "ana", "--db", db).output.strip()
    assert len(secret) >= 20
    assert "ana" in run("token", "list", "--db", db).output
    assert run("token", "revoke", "ana", "--db", db).exit_code == 0


def test_db_check_backup_restore(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    run("ingest", str(EXAMPLES / "guangzhou-action-plan-2019-2021.md"), "--db", db)
    assert run("db", "check", "--db", db).exit_code == 0
    assert run("db", "backup", str(tmp_path / "b.gz"), "--db", db).exit_code == 0
    db2 = f"sqlite:///{tmp_path / 'gp2.db'}"
    assert run("db", "restore", str(tmp_path / "b.gz"), "--db", db2).exit_code == 0
    a = json.loads(run("targets", "--db", db, "--format", "json").output)
    b = json.loads(run("targets", "--db", db2, "--format", "json").output)
    assert [x["id"] for x in a] == [x["id"] for x in b]


def test_indicator_commands_and_manual_decisions_survive_reextraction(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    plan = EXAMPLES / "guangzhou-action-plan-2019-2021.md"
    run("ingest", str(plan), "--db", db)
    listed = json.loads(run("indicators", "list", "--db", db, "--format", "json").output)
    assert any(i["id"] == "high-tech-enterprises" for i in listed)
    provisional = [i["id"] for i in listed if i["provisional"]]
    assert provisional, "unmatched phrases become provisional indicators"
    res = run("indicators", "add", "youth-innovation-spaces", "--name", "innovation spaces for young entrepreneurs",
              "--unit", "count", "--db", db)  # fmt: skip
    assert res.exit_code == 0
    source = provisional[0]
    res = run("indicators", "merge", source, "youth-innovation-spaces", "--db", db)
    assert res.exit_code == 0 and "merged" in res.output
    moved = [t["id"] for t in json.loads(run("targets", "--db", db, "--format", "json").output)
             if t["indicator_id"] == "youth-innovation-spaces"]  # fmt: skip
    assert moved
    # re-extraction keeps the person's merge
    assert run("ingest", str(plan), "--db", db, "--force").exit_code == 0
    after = {
        t["id"]: t["indicator_id"]
        for t in json.loads(run("targets", "--db", db, "--format", "json").output)
    }
    assert all(after[i] == "youth-innovation-spaces" for i in moved)
    assert run("indicators", "merge", "nope", "youth-innovation-spaces", "--db", db).exit_code != 0


def test_status_json_record_fields(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'gp.db'}"
    run("run", str(EXAMPLES), "--stats", str(EXAMPLES / "statistics.csv"), "--db", db, "--report",
        str(tmp_path / "r.html"), "--as-of", "2024-06-30")  # fmt: skip
    recs = json.loads(run("status", "--db", db, "--format", "json").output)
    needed = {"id", "region", "indicator", "comparator", "value", "unit", "deadline", "plan", "section", "baseline",
              "latest", "ratio", "status", "forecast", "method", "explanation"}  # fmt: skip
    assert all(needed <= set(r) for r in recs)
    turnover = next(
        r for r in recs if r["indicator"] == "tech-contract-turnover" and r["unit"] == "CNY"
    )
    assert turnover["status"] == "achieved"
    assert turnover["latest"]["period"] == "2021" and turnover["latest"]["source"]
    rd = next(r for r in recs if r["indicator"] == "rd-intensity" and r["deadline"] == "2021")
    assert rd["status"] == "achieved" and rd["latest"]["value"] == 3.12
    assert all(r["explanation"] for r in recs)
    # rounded and bounded figures around the deadline, none for the deadline year: no guess
    hightech = next(
        r for r in recs if r["indicator"] == "high-tech-enterprises" and r["deadline"] == "2021"
    )
    assert hightech["status"] == "awaiting_data"
    assert (
        "about 12,000 in 2020" in hightech["explanation"]
        and "over 12,300 in 2022" in hightech["explanation"]
    )
    conflicts = hightech["details"]["conflicts"]
    assert any(c["period"] == "2016" and len(c["others"]) >= 2 for c in conflicts)
