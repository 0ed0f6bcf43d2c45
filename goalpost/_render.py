"""Formatting shared by the CLI, the report and the web pages."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from rich.table import Table

STATUS_STYLE = {
    "achieved": "bold green",
    "on_track": "green",
    "needs_acceleration": "yellow",
    "limited_progress": "dark_orange",
    "deteriorating": "red",
    "missed": "bold red",
    "off_track": "red",
    "insufficient_data": "dim",
    "awaiting_data": "cyan",
    "not_assessed": "dim",
}
COMPARATOR_TEXT = {">": ">", ">=": "≥", "=": "", "<=": "≤", "<": "<", "~": "≈", "range": ""}


def format_number(v: float | None) -> str:
    """Short human form of a number.

    >>> format_number(120000000000), format_number(12000), format_number(3.1)
    ('120 bn', '12,000', '3.1')
    """
    if v is None:
        return "–"
    a = abs(v)
    if a >= 1e12:
        return f"{v / 1e12:.4g} tn"
    if a >= 1e9:
        return f"{v / 1e9:.4g} bn"
    if a >= 1e7:
        return f"{v / 1e6:.4g} mn"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.4g}" if a >= 1 else f"{v:.3g}"


def format_value(
    value: float | None, unit: str | None, comparator: str = "=", value_max: float | None = None
) -> str:
    """A target or observation value as a person writes it.

    >>> format_value(12000, "count", ">")
    '> 12,000'
    >>> format_value(3.1, "%")
    '3.1%'
    >>> format_value(120e9, "CNY", ">")
    '> 120 bn CNY'
    """
    if value is None:
        return "–"
    num = format_number(value)
    if comparator == "range" and value_max is not None:
        num = f"{num}–{format_number(value_max)}"
    if unit == "%":
        num += "%"
    elif unit == "pp":
        num += " pp"
    elif unit and unit != "count":
        num += f" {unit}"
    prefix = COMPARATOR_TEXT.get(comparator or "=", comparator)
    return f"{prefix} {num}".strip()


def status_label(status: str | None) -> str:
    return (status or "not_assessed").replace("_", " ")


def rows_table(rows: list[dict[str, Any]], columns: list[str], title: str) -> Table:
    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    return table


def items_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"Extracted items ({len(rows)})")
    for c in ("kind", "indicator", "value", "date", "region", "section"):
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(r["kind"], r["indicator"], format_value(r["value"], r["unit"], r["comparator"], r.get("value_max")),
                      r.get("date") or "", r.get("region") or "", r.get("section") or "")  # fmt: skip
    return table


def group_scoreboard(rows: list[dict[str, Any]]) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """Rows grouped by plan, then by plan action (section), in document order."""
    out = []
    for plan, plan_rows in groupby(
        rows, key=lambda r: r.get("doc_title") or r.get("source") or "Imported targets"
    ):
        sections = [
            (sec or "(no section)", list(rs))
            for sec, rs in groupby(list(plan_rows), key=lambda r: r.get("section"))
        ]
        out.append((plan, sections))
    return out


def scoreboard_tables(rows: list[dict[str, Any]]) -> list[Table]:
    """One rich table per plan, with a row per section heading then its targets."""
    tables = []
    any_revisions = any(r.get("revisions") for r in rows)
    for plan, sections in group_scoreboard(rows):
        table = Table(title=plan, title_justify="left", title_style="bold", show_lines=False)
        table.add_column("indicator", overflow="fold", min_width=20, ratio=3)
        table.add_column("target", no_wrap=True)
        table.add_column("deadline", no_wrap=True)
        table.add_column("latest", overflow="fold", min_width=10)
        table.add_column("status", no_wrap=True)
        if any_revisions:
            table.add_column("revisions", overflow="fold", min_width=8)
        for sec, items in sections:
            table.add_row(f"[bold cyan]{sec}[/]", *([""] * (len(table.columns) - 1)))
            for r in items:
                a = r.get("assessment") or {}
                latest = "–"
                if a.get("latest_value") is not None:
                    latest = (
                        f"{format_value(a['latest_value'], r['unit'])} ({a.get('latest_period')})"
                    )
                st = a.get("status") or "not_assessed"
                target = format_value(r["value"], r["unit"], r["comparator"], r.get("value_max"))
                cells = [
                    "  " + r["indicator_text"],
                    target + (" /yr" if r.get("growth") else ""),
                    r.get("date") or "–",
                    latest,
                    f"[{STATUS_STYLE.get(st, '')}]{status_label(st)}[/]",
                ]
                if any_revisions:
                    cells.append(", ".join(r.get("revisions") or []))
                table.add_row(*cells)
        tables.append(table)
    return tables
