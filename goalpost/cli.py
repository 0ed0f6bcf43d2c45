"""The ``goalpost`` command: a thin shell over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from goalpost import __version__
from goalpost._exceptions import GoalpostError

err = Console(stderr=True, soft_wrap=True, highlight=False)
# why: piped or captured output would otherwise wrap tables at 80 columns
out = Console() if Console().is_terminal else Console(width=160)

DB_OPTION = click.option(
    "--db", "db_url", envvar="GOALPOST_DB", default="sqlite:///goalpost.db", show_default=True,
    help="Database URL (sqlite:///PATH or postgresql://...); also $GOALPOST_DB.",
)  # fmt: skip
FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)


def error(message: str) -> None:
    """Print one error line; file names and reasons are escaped, never read as markup."""
    err.print(f"[red]error[/red] {escape(message)}")


def _store(db_url: str):
    from goalpost.store import Store

    try:
        return Store(db_url)
    except GoalpostError as exc:
        raise click.ClickException(str(exc)) from exc


def _period(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    try:
        a, b = value.replace("–", "-").split("-")
        return int(a), int(b)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a period like 2019-2021") from None


def _overrides(title, date, period, lang, region, max_mb=None):
    from goalpost._ingest import Overrides

    max_bytes = int(max_mb * 1024 * 1024) if max_mb else None
    return Overrides(
        title=title,
        date=date,
        period=_period(period),
        lang=lang,
        region=region,
        max_bytes=max_bytes,
    )


def doc_options(f):
    """Options that override detected document metadata."""
    for opt in reversed(
        [
            click.option("--title", help="Document title (overrides detection)."),
            click.option("--date", help="Publication date YYYY[-MM[-DD]] (overrides detection)."),
            click.option("--period", help="Plan period, e.g. 2019-2021 (overrides detection)."),
            click.option(
                "--lang", type=click.Choice(["en", "zh"]), help="Language (overrides detection)."
            ),
            click.option("--region", help="Subject region, e.g. Guangzhou (overrides detection)."),
            click.option(
                "--max-mb",
                type=click.FloatRange(min=0.001),
                envvar="GOALPOST_MAX_MB",
                help="Largest document file read, in MiB (default 50; also $GOALPOST_MAX_MB).",
            ),  # fmt: skip
        ]
    ):
        f = opt(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="goalpost")
def main() -> None:
    """goalpost: S&T innovation plans in, a scoreboard of targets out.

    Typical session: `goalpost run examples/` ingests documents, imports
    statistics, assesses every target and prints the scoreboard.
    """


# ------------------------------------------------------------------ ingest / run
def _ingest_with_progress(
    store, paths, overrides, force, engine="local", scheduler=None, workers=None, batch=None,
    write_on_workers=False,
):  # fmt: skip
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from goalpost._ingest import BATCH_DOCUMENTS, ingest, iter_files

    files = iter_files(paths)
    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, transient=True, disable=not err.is_terminal,
    ) as bar:  # fmt: skip
        task = bar.add_task("", total=len(files))

        def tick(path: str, problem: str | None) -> None:
            bar.update(task, advance=1, description=Path(path).name)
            if problem:
                error(f"{path}: {problem}")

        if engine == "dask":
            from goalpost.distributed import ingest_dask

            try:
                report = ingest_dask(store, files, overrides=overrides, force=force, scheduler=scheduler,
                                     on_progress=tick, n_workers=workers, batch_size=batch,
                                     write_on_workers=write_on_workers)  # fmt: skip
            except GoalpostError as exc:  # e.g. the scheduler cannot be reached
                raise click.ClickException(str(exc)) from exc
        else:
            report = ingest(store, files, overrides=overrides, force=force, on_progress=tick,
                            batch=batch or BATCH_DOCUMENTS)  # fmt: skip
    err.print(
        f"ingested {len(files)} file(s): {report.inserted} new, {report.replaced} replaced, "
        f"{report.reextracted} re-extracted, {report.unchanged} unchanged, {len(report.failed)} failed; "
        f"{report.items} item(s) extracted"
    )
    return report


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@doc_options
@click.option(
    "--force", is_flag=True, help="Re-extract documents already stored (reviews are kept)."
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run reading and extraction in this process or on a Dask cluster.")  # fmt: skip
@click.option("--scheduler", help="Address of an existing Dask scheduler (with --engine dask).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Worker processes of the local Dask cluster (default: one per CPU).")  # fmt: skip
@click.option("--batch", type=click.IntRange(min=1),
              help="Documents written per transaction (default 64; 1: each document on its own).")  # fmt: skip
@click.option("--write-on-workers", is_flag=True,
              help="With --engine dask: each worker writes its own results to the database "
                   "(which every worker must reach) instead of this process writing them all.")  # fmt: skip
def ingest(
    paths, db_url, title, date, period, lang, region, max_mb, force, engine, scheduler, workers,
    batch, write_on_workers,
):  # fmt: skip
    """Read, extract and store documents (files or folders, recursively).

    Example: goalpost ingest ../shared/seeds
    """
    if write_on_workers and engine != "dask":
        raise click.UsageError("--write-on-workers needs --engine dask")
    store = _store(db_url)
    report = _ingest_with_progress(store, paths, _overrides(title, date, period, lang, region, max_mb), force,
                                   engine, scheduler, workers, batch, write_on_workers)  # fmt: skip
    sys.exit(1 if report.failed else 0)


def _import_statistics(store, files, *, shown: int) -> bool:
    """Import statistics files, printing each one's row errors (the first ``shown``) and
    totals; a bad file is reported and the next one goes on. True when anything failed."""
    from goalpost._importer import import_file

    failed = False
    for f in files:
        try:
            rep = import_file(store, f)
        except GoalpostError as exc:
            error(f"{exc}")
            failed = True
            continue
        for line, msg in rep.errors[:shown]:
            error(f"{f}:{line}: {msg}")
        if rep.error_count > shown:
            err.print(f"... and {rep.error_count - shown} more row error(s)")
        err.print(
            f"{f}: {rep.added} row(s) added, {rep.duplicates} duplicate(s) skipped, {rep.error_count} error(s)"
        )
        failed = failed or bool(rep.error_count)
    return failed


@main.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@DB_OPTION
def import_(files, db_url):
    """Import statistics (and hand-entered targets) from CSV or XLSX files.

    Columns: indicator, value, unit, period (required); region, source, kind,
    comparator, value_max, growth (optional). Example: goalpost import stats.csv
    """
    failed = _import_statistics(_store(db_url), files, shown=50)
    sys.exit(1 if failed else 0)


@main.command()
@DB_OPTION
@click.option("--as-of", help="Assess as of this date (default: today).")
def assess(db_url, as_of):
    """Assess every target against the observations stored."""
    from goalpost._scoreboard import assess_store

    n = assess_store(_store(db_url), as_of=as_of)
    err.print(f"assessed {n} target(s)")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@doc_options
@click.option(
    "--stats",
    "stats",
    multiple=True,
    type=click.Path(),
    help="Statistics CSV/XLSX to import (repeatable).",
)
@click.option("--report", "report_path", default="goalpost-report.html", show_default=True, type=click.Path(),
              help="Where to write the HTML report.")  # fmt: skip
@click.option("--as-of", help="Assess as of this date (default: today).")
def run(paths, db_url, title, date, period, lang, region, max_mb, stats, report_path, as_of):
    """The main job: ingest, import statistics, assess, print the scoreboard, write a report.

    Example: goalpost run examples/ --stats examples/statistics.csv
    """
    from goalpost._scoreboard import assess_store
    from goalpost.report import write_report

    store = _store(db_url)
    ingest_report = _ingest_with_progress(
        store, paths, _overrides(title, date, period, lang, region, max_mb), False
    )
    failed = _import_statistics(store, stats, shown=20) or bool(ingest_report.failed)
    n = assess_store(store, as_of=as_of)
    _print_scoreboard(store)
    write_report(store, report_path)
    db_where = store.url
    err.print(f"\nassessed {n} target(s)")
    err.print(f"database: [bold]{db_where}[/bold]")
    err.print(f"report:   [bold]{Path(report_path).resolve()}[/bold]")
    err.print(
        "next: goalpost status --format json | goalpost targets | goalpost revisions | goalpost serve"
    )
    sys.exit(1 if failed else 0)


# ------------------------------------------------------------------ extract
@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--docs", "docs_file", type=click.File("r", encoding="utf-8"),
              help="Read documents as JSON lines (id, text, optional title, date, lang); '-' for stdin.")  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@doc_options
def extract(paths, docs_file, fmt, title, date, period, lang, region, max_mb):
    """Print every extracted item without touching any database.

    Example: goalpost extract plan.txt --format jsonl
    """
    from goalpost._ingest import iter_files, prepare_document, process_file
    from goalpost._models import Document
    from goalpost.documents import build_document
    from goalpost.extract import extract as run_extract

    if not paths and docs_file is None:
        raise click.UsageError("give PATH(s) or --docs FILE.jsonl")
    overrides = _overrides(title, date, period, lang, region, max_mb)
    failed = False
    rows: list[dict[str, Any]] = []

    def emit(items) -> None:
        for it in items:
            d = it.to_dict()
            if fmt == "jsonl":
                click.echo(json.dumps(d, ensure_ascii=False))
            else:
                rows.append(d)

    if docs_file is not None:
        for n, line in enumerate(docs_file, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                doc_id = str(rec.get("id") or Document.content_id(text))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                error(f"{docs_file.name}:{n}: not a document record ({exc})")
                failed = True
                continue
            doc = build_document(
                text, id=doc_id, title=rec.get("title") or overrides.title,
                date=str(rec["date"]) if rec.get("date") else overrides.date,
                lang=rec.get("lang") or overrides.lang, region=rec.get("region") or overrides.region,
                period=overrides.period,
            )  # fmt: skip
            doc = prepare_document(doc, None)
            emit(run_extract(doc))
    for path in iter_files(paths):
        try:
            emit(process_file(path, overrides).items)
        except GoalpostError as exc:
            error(f"{exc}")
            failed = True
    if fmt == "table":
        from goalpost._render import items_table

        out.print(items_table(rows))
    sys.exit(1 if failed else 0)


# ------------------------------------------------------------------ listings
def _emit_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        import csv

        w = csv.DictWriter(
            sys.stdout, fieldnames=list(rows[0].keys()) if rows else columns, extrasaction="ignore"
        )
        w.writeheader()
        w.writerows(rows)
    else:
        from goalpost._render import rows_table

        out.print(rows_table(rows, columns, title))


def filter_options(f):
    for opt in reversed(
        [
            click.option("--region", help="Only this region."),
            click.option("--indicator", help="Indicator id or part of the phrase."),
            click.option("--status", help="Only targets with this status."),
            click.option("--plan", help="Plan document id or part of its title."),
            click.option("--document", help="Document id or part of its path."),
        ]
    ):
        f = opt(f)
    return f


ITEM_COLUMNS = [
    "id",
    "indicator_text",
    "comparator",
    "value",
    "unit",
    "date",
    "region",
    "status",
    "doc_title",
]


@main.command()
@DB_OPTION
@filter_options
@FORMAT_OPTION
def targets(db_url, region, indicator, status, plan, document, fmt):
    """List targets. Example: goalpost targets --region Guangzhou --format csv"""
    rows = _store(db_url).items(kind="target", region=region, indicator=indicator, status=status,
                                plan=plan, document=document)  # fmt: skip
    _emit_rows(rows, fmt, ITEM_COLUMNS, "Targets")


@main.command()
@DB_OPTION
@filter_options
@FORMAT_OPTION
def observations(db_url, region, indicator, status, plan, document, fmt):
    """List observations (extracted and imported). Example: goalpost observations --indicator incubators"""
    rows = _store(db_url).items(kind="observation", region=region, indicator=indicator, plan=plan,
                                document=document)  # fmt: skip
    cols = [
        "id",
        "indicator_text",
        "comparator",
        "value",
        "unit",
        "date",
        "region",
        "origin",
        "source",
    ]
    _emit_rows(rows, fmt, cols, "Observations")


def _print_scoreboard(store, **filters) -> None:
    from goalpost._render import scoreboard_tables
    from goalpost._scoreboard import scoreboard

    for table in scoreboard_tables(scoreboard(store, **filters)):
        out.print(table)


@main.command()
@DB_OPTION
@click.option("--region", help="Only this region.")
@click.option("--indicator", help="Indicator id or part of the phrase.")
@click.option("--status", help="Only targets with this status.")
@click.option("--plan", help="Plan document id or part of its title.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--limit", type=click.IntRange(min=1), help="Only this many targets (one page), in plan order."
)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Skip this many targets first (with --limit: the next page).")  # fmt: skip
def status(db_url, region, indicator, status, plan, fmt, limit, offset):
    """The scoreboard: every target, where it stands and why.

    Example: goalpost status --format json --limit 50 --offset 50
    """
    from goalpost._scoreboard import status_record

    filters = {"region": region, "indicator": indicator, "status": status, "plan": plan}
    rows = None
    if limit is not None:
        from goalpost.store._quick import scoreboard_page

        # why: one page needs three SELECTs, not SQLAlchemy's import (~140 ms of a ~300 ms run)
        rows = scoreboard_page(db_url, limit=limit, offset=offset, **filters)
    if rows is None:
        from goalpost._scoreboard import scoreboard

        rows = scoreboard(_store(db_url), limit=limit, offset=offset, **filters)
    if fmt == "json":
        recs = [status_record(r) for r in rows]
        click.echo(json.dumps(recs, ensure_ascii=False, indent=2, default=str))
    else:
        from goalpost._render import scoreboard_tables

        for table in scoreboard_tables(rows):
            out.print(table)


@main.command()
@DB_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def revisions(db_url, fmt):
    """How later plans raised, lowered, moved or dropped earlier targets."""
    from goalpost._scoreboard import revision_records

    rows = revision_records(_store(db_url))
    _emit_rows(
        rows, fmt, ["kind", "region", "indicator_id", "older", "newer", "detail"], "Revisions"
    )


@main.command()
@DB_OPTION
@click.option(
    "--out", "out_path", default="goalpost-report.html", show_default=True, type=click.Path()
)
@click.option("--pdf", "pdf_path", type=click.Path(), help="Also write a PDF of the report.")
@click.option("--markdown", "md_path", type=click.Path(), help="Also write the report as Markdown.")
def report(db_url, out_path, pdf_path, md_path):
    """Write a self-contained HTML report (and optionally PDF and Markdown).

    Example: goalpost report --out report.html
    """
    from goalpost.report import write_report

    store = _store(db_url)
    write_report(store, out_path, pdf=pdf_path, markdown=md_path)
    err.print(f"report: {Path(out_path).resolve()}")


from goalpost._cli_more import register  # noqa: E402  (more commands, kept in their own module)

register(main)

if __name__ == "__main__":  # pragma: no cover
    main()
