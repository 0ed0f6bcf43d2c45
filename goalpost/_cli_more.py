"""More ``goalpost`` commands: indicators, export, serve, tokens, database."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from goalpost._exceptions import GoalpostError


def register(main: click.Group) -> None:
    from goalpost.cli import DB_OPTION, _emit_rows, _store, err

    @main.group()
    def indicators() -> None:
        """The indicator catalog: list, add, alias, link, merge."""

    @indicators.command("list")
    @DB_OPTION
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
    @click.option(
        "--provisional", is_flag=True, help="Only indicators created from unmatched phrases."
    )
    def list_(db_url, fmt, provisional):
        """List indicators. Example: goalpost indicators list --provisional"""
        rows = _store(db_url).indicators()
        if not rows:
            from goalpost._linking import Linker

            Linker.for_store(_store(db_url))
            rows = _store(db_url).indicators()
        if provisional:
            rows = [r for r in rows if r["provisional"]]
        _emit_rows(
            rows,
            fmt,
            ["id", "name_en", "name_zh", "unit", "direction", "provisional", "merged_into"],
            "Indicators",
        )

    @indicators.command()
    @DB_OPTION
    @click.argument("indicator_id")
    @click.option("--name", "name_en", required=True, help="English name.")
    @click.option("--name-zh", help="Chinese name.")
    @click.option("--unit", required=True, help="count, %, CNY, ...")
    @click.option("--direction", type=click.Choice(["up", "down"]), default="up", show_default=True)
    @click.option("--definition", help="One-line definition.")
    def add(db_url, indicator_id, name_en, name_zh, unit, direction, definition):
        """Add an indicator. Example: goalpost indicators add pct-patents --name "PCT applications" --unit count"""
        aliases = [(name_en, "en")] + ([(name_zh, "zh")] if name_zh else [])
        _store(db_url).save_catalog([{"id": indicator_id, "name_en": name_en, "name_zh": name_zh, "unit": unit,
                                      "direction": direction, "definition": definition, "aliases": aliases}])  # fmt: skip
        err.print(f"added {indicator_id}")

    @indicators.command()
    @DB_OPTION
    @click.argument("indicator_id")
    @click.argument("alias")
    @click.option("--lang", type=click.Choice(["en", "zh"]), default=None)
    def alias(db_url, indicator_id, alias, lang):
        """Add an alias and link items written that way. Example: goalpost indicators alias high-tech-enterprises "高企" """
        store = _store(db_url)
        if indicator_id not in {i["id"] for i in store.indicators()}:
            raise click.ClickException(
                f"no indicator {indicator_id!r}; see goalpost indicators list"
            )
        store.save_catalog(
            [
                {
                    **next(i for i in store.indicators() if i["id"] == indicator_id),
                    "aliases": [(alias, lang)],
                }
            ]
        )
        n = store.link_phrase(alias.lower(), None, indicator_id, actor="cli")
        err.print(f"alias added; {n} item(s) linked")

    @indicators.command()
    @DB_OPTION
    @click.argument("source_id")
    @click.argument("into_id")
    def merge(db_url, source_id, into_id):
        """Merge SOURCE_ID into INTO_ID (items and links move; kept across re-extraction)."""
        store = _store(db_url)
        ids = {i["id"] for i in store.indicators()}
        for x in (source_id, into_id):
            if x not in ids:
                raise click.ClickException(f"no indicator {x!r}; see goalpost indicators list")
        n = store.merge_indicators(source_id, into_id, actor="cli")
        err.print(f"merged {source_id} into {into_id}; {n} item(s) moved")

    @main.command()
    @DB_OPTION
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["csv", "xlsx", "parquet", "json"]),
        default="csv",
        show_default=True,
    )
    @click.option("--what", type=click.Choice(["targets", "observations", "indicators", "assessments", "all"]),
                  default="all", show_default=True)  # fmt: skip
    @click.option("--out", "out_dir", default="export", show_default=True, type=click.Path(),
                  help="Folder to write into (one file per table).")  # fmt: skip
    def export(db_url, fmt, what, out_dir):
        """Export tables as CSV, XLSX, Parquet or JSON. Example: goalpost export --format xlsx --out out/"""
        from goalpost.export import COLUMNS, export_table

        store = _store(db_url)
        for name in COLUMNS if what == "all" else [what]:
            path = export_table(store, name, fmt, Path(out_dir) / f"{name}.{fmt}")
            err.print(f"wrote {path}")

    @main.command()
    @DB_OPTION
    @click.option(
        "--host",
        default="127.0.0.1",
        show_default=True,
        help="Interface to bind (0.0.0.0 exposes it).",
    )
    @click.option("--port", default=8000, show_default=True, type=int)
    @click.option("--read-token-required/--read-open", default=None,
                  help="Require a token to read too (default: reading is open; also $GOALPOST_READ_TOKEN_REQUIRED).")  # fmt: skip
    @click.option("--max-upload-mb", type=float, default=None,
                  help="Largest upload accepted (also $GOALPOST_MAX_UPLOAD_MB).")  # fmt: skip
    def serve(db_url, host, port, read_token_required, max_upload_mb):
        """Serve the web dashboard and JSON API. Example: goalpost serve --port 8000"""
        from goalpost.web import serve as run_server

        err.print(f"goalpost at http://{host}:{port}/ (database {db_url})")
        run_server(
            db_url,
            host=host,
            port=port,
            read_token_required=read_token_required,
            max_upload_mb=max_upload_mb,
        )

    @main.group()
    def token() -> None:
        """API tokens for writing (review, import)."""

    @token.command("create")
    @DB_OPTION
    @click.argument("name")
    def token_create(db_url, name):
        """Create a token for NAME; the secret is printed once."""
        from goalpost._tokens import create_token

        click.echo(create_token(_store(db_url), name))

    @token.command("list")
    @DB_OPTION
    def token_list(db_url):
        """List tokens (names and dates, never secrets)."""
        from goalpost._tokens import list_tokens

        _emit_rows(
            list_tokens(_store(db_url)),
            "table",
            ["id", "name", "created_at", "revoked_at"],
            "Tokens",
        )

    @token.command("revoke")
    @DB_OPTION
    @click.argument("name_or_id")
    def token_revoke(db_url, name_or_id):
        """Revoke a token by name or id."""
        from goalpost._tokens import revoke_token

        n = revoke_token(_store(db_url), name_or_id)
        if not n:
            raise click.ClickException(f"no active token {name_or_id!r}")
        err.print(f"revoked {n} token(s)")

    @main.group()
    def db() -> None:
        """Database maintenance: upgrade, check, backup, restore."""

    @db.command()
    @DB_OPTION
    def upgrade(db_url):
        """Apply pending migrations."""
        _store(db_url)
        err.print("database is at the latest schema")

    @db.command()
    @DB_OPTION
    def check(db_url):
        """Integrity check: schema, foreign keys, spans inside their documents."""
        from goalpost.store._maintenance import check_integrity

        problems = check_integrity(_store(db_url))
        for p in problems:
            err.print(f"[red]problem[/red] {escape(p)}")
        err.print("ok" if not problems else f"{len(problems)} problem(s)")
        sys.exit(1 if problems else 0)

    @db.command()
    @DB_OPTION
    @click.argument("path", type=click.Path())
    def backup(db_url, path):
        """Write a consistent backup of the database to PATH."""
        from goalpost.store._maintenance import backup as do_backup

        try:
            do_backup(_store(db_url), path)
        except GoalpostError as exc:
            raise click.ClickException(str(exc)) from exc
        err.print(f"backup written to {path}")

    @db.command()
    @DB_OPTION
    @click.argument("path", type=click.Path(exists=True))
    def restore(db_url, path):
        """Restore the database from a backup made by `goalpost db backup`."""
        from goalpost.store._maintenance import restore as do_restore

        try:
            do_restore(_store(db_url), path)
        except GoalpostError as exc:
            raise click.ClickException(str(exc)) from exc
        err.print(f"restored from {path}")
