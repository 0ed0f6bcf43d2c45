"""Reports: a self-contained HTML page (inline styles and SVG charts, no
network), a PDF of it, and Markdown.

>>> # write_report(Store(), "report.html", pdf="report.pdf", markdown="report.md")
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from goalpost._exceptions import GoalpostError
from goalpost._render import format_value, group_scoreboard
from goalpost._scoreboard import (
    _source_of,
    compatible,
    group_observations,
    revision_records,
    scoreboard,
)
from goalpost.report._svg import target_chart
from goalpost.store._schema import assessments as assessments_table

__all__ = ["build_context", "render_html", "render_markdown", "write_pdf", "write_report"]

_env = Environment(
    loader=PackageLoader("goalpost.report", "templates"), autoescape=select_autoescape(["html"])
)


def _method_html() -> str:
    path = Path(__file__).resolve().parents[1] / "assess" / "METHOD.md"
    if not path.exists():
        return "<p>Growth-ratio method (Open SDG / Statistics Canada).</p>"
    from markdown_it import MarkdownIt

    return (
        MarkdownIt("commonmark", {"html": False})
        .enable("table")
        .render(path.read_text(encoding="utf-8"))
    )


def build_context(store: Any) -> dict[str, Any]:
    """Everything the report shows, as plain data."""
    rows = scoreboard(store)
    observations = store.items(kind="observation")
    by_key = group_observations(observations)
    conflicts, gaps = [], []
    for r in rows:
        obs = [
            o for o in by_key.get((r.get("indicator_id"), r.get("region")), []) if compatible(r, o)
        ]
        obs.sort(key=lambda o: o.get("date") or "")
        for o in obs:
            o["source_text"] = _source_of(o)
        r["observations"] = obs
        r["chart"] = target_chart([o for o in obs if not o.get("growth")], r)
        s, e, ss, se = r.get("start"), r.get("end"), r.get("sentence_start"), r.get("sentence_end")
        sent = r.get("sentence") or ""
        if None not in (s, e, ss, se) and ss <= s <= e <= se:
            r["sentence_before"], r["evidence"], r["sentence_after"] = (
                sent[: s - ss],
                sent[s - ss : e - ss],
                sent[e - ss :],
            )
        else:
            r["sentence_before"], r["evidence"], r["sentence_after"] = "", sent, ""
        a = r.get("assessment") or {}
        details = json.loads(a["details"]) if a.get("details") else {}
        for c in details.get("conflicts") or []:
            conflicts.append(
                f"{r['indicator_text']}: {c if isinstance(c, str) else json.dumps(c, ensure_ascii=False)}"
            )
        if a.get("status") in (None, "insufficient_data", "awaiting_data"):
            gaps.append(r)
    counts = Counter((r.get("assessment") or {}).get("status") or "not_assessed" for r in rows)
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "db": store.url,
        "n_docs": store.count_documents(),
        "n_obs": len(observations),
        "rows": rows,
        "groups": group_scoreboard(rows),
        "counts": sorted(counts.items()),
        "revisions": revision_records(store),
        "conflicts": sorted(set(conflicts)),
        "gaps": gaps,
        "method": _method_html(),
        "fmt": format_value,
        # why: targets not yet assessed render with every assessment field empty
        "empty": {c.name: None for c in assessments_table.c},
    }


def render_html(store: Any) -> str:
    return _env.get_template("report.html").render(**build_context(store))


def render_markdown(store: Any) -> str:
    """The scoreboard, revisions and gaps as Markdown tables."""
    ctx = build_context(store)
    lines = [
        "# goalpost report",
        "",
        f"Generated {ctx['generated']}: {len(ctx['rows'])} target(s).",
        "",
    ]
    lines.append(" · ".join(f"{st.replace('_', ' ')}: {n}" for st, n in ctx["counts"]))
    for plan, sections in ctx["groups"]:
        lines += ["", f"## {plan}", ""]
        for sec, items in sections:
            lines += [
                f"### {sec}",
                "",
                "| Indicator | Target | Deadline | Latest | Status |",
                "|---|---|---|---|---|",
            ]
            for r in items:
                a = r.get("assessment") or {}
                latest = (
                    f"{format_value(a['latest_value'], r['unit'])} ({a['latest_period']})"
                    if a.get("latest_value") is not None
                    else "–"
                )
                target = format_value(r["value"], r["unit"], r["comparator"], r.get("value_max"))
                cells = [
                    r["indicator_text"],
                    target,
                    r.get("date") or "–",
                    latest,
                    (a.get("status") or "not_assessed").replace("_", " "),
                ]
                lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
            lines.append("")
            for r in items:
                a = r.get("assessment") or {}
                if a.get("explanation"):
                    lines.append(f"- **{r['indicator_text']}**: {a['explanation']}")
            lines.append("")
    lines += ["## Revisions", ""]
    for v in ctx["revisions"] or []:
        lines.append(
            f"- {v['kind']}: {v['indicator_id']} ({v['region']}): {v['older']} → {v['newer']}"
        )
    if not ctx["revisions"]:
        lines.append("No revisions detected.")
    lines += ["", "## Conflicts and data gaps", ""]
    lines += [f"- {c}" for c in ctx["conflicts"]]
    lines += [
        f"- {g['indicator_text']}: {(g.get('assessment') or {}).get('status') or 'not assessed'}"
        for g in ctx["gaps"]
    ]
    return "\n".join(lines) + "\n"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if path := shutil.which(name):
            return path
    return None


def write_pdf(html_path: str | Path, pdf_path: str | Path) -> None:
    """Print an HTML file to PDF with headless Chromium (Debian's ``chromium``)."""
    chromium = find_chromium()
    if chromium is None:
        raise GoalpostError(
            "PDF needs headless Chromium: install it (apt-get install chromium) or omit --pdf"
        )
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            "--no-pdf-header-footer", f"--print-to-pdf={Path(pdf_path).resolve()}", Path(html_path).resolve().as_uri(),
        ]  # fmt: skip
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if res.returncode != 0 or not Path(pdf_path).exists():
        raise GoalpostError(f"Chromium could not print the PDF: {res.stderr.strip()[-500:]}")


def write_report(
    store: Any,
    path: str | Path,
    *,
    pdf: str | Path | None = None,
    markdown: str | Path | None = None,
) -> Path:
    """Write the HTML report (and optionally PDF and Markdown); returns the HTML path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(store), encoding="utf-8")
    if markdown:
        Path(markdown).write_text(render_markdown(store), encoding="utf-8")
    if pdf:
        write_pdf(path, pdf)
    return path
