"""`accord ingest`, `accord articles`, `accord show`: put articles in the store and look at them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from accord.cli.app import app
from accord.cli.common import DB_OPTION, OutputFormat, error_line, fail, resolve_db, run_settings
from accord.errors import AccordError
from accord.ingest import ingest_paths
from accord.ingest.dedupe import DedupeParams
from accord.ingest.surrogates import printable
from accord.store import open_store, session_scope
from accord.store.articles import cluster_members, find_article
from accord.store.queries import ArticleFilter, ArticleSummary, list_articles


@app.command("ingest")
def ingest_cli(
    paths: list[str] = typer.Argument(..., help="Files or folders (read recursively); '-' reads stdin."),
    db: str | None = DB_OPTION,
    strict: bool = typer.Option(False, "--strict", help="Stop at the first input that fails."),
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress", help="Progress bar [default: on when stderr is a terminal]."
    ),
    follow_links: bool = typer.Option(
        False, "--follow-links", help="In folders, also follow symlinks that lead out of the folder."
    ),
) -> None:
    """Read articles (txt, md, html, json, jsonl, rss/atom, also .gz) into the store.

    Exit code 0 when every input was ingested, 1 when any failed (each failure is one line on stderr).
    """
    try:
        settings = run_settings()
        engine = open_store(resolve_db(db))
    except AccordError as exc:
        raise fail(exc) from exc
    report = ingest_paths(
        [Path(p) if p != "-" else p for p in paths],
        engine,
        strict=strict,
        progress=progress,
        follow_links=follow_links,
        max_bytes=settings.max_file_bytes,
        dedupe=DedupeParams.of(settings),
    )
    # Names in these lines come from the file system: control characters are printed escaped.
    for notice in report.notices:
        typer.echo(f"notice: {printable(notice.message)}", err=True)
    for issue in report.errors:
        error_line(f"[{issue.code}] {printable(issue.message)}")
    typer.echo(report.summary(), err=True)
    if report.interrupted:
        error_line("interrupted; committed work is kept, rerun to finish")
        raise typer.Exit(130)
    raise typer.Exit(0 if report.ok else 1)


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint=option) from exc


_COLUMNS = ("source_id", "version", "published", "outlet", "language", "word_count", "cluster_id", "title")


def _print_rows(rows: list[ArticleSummary], output: OutputFormat) -> None:
    if output is OutputFormat.json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2, ensure_ascii=False))
        return
    if output is OutputFormat.csv:
        buffer = io.StringIO()
        fields = list(ArticleSummary.model_fields)
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow(r.model_dump(mode="json"))
        sys.stdout.write(buffer.getvalue())
        return
    table = Table(*_COLUMNS, title=f"{len(rows)} articles")
    for r in rows:
        values = r.model_dump(mode="json")
        table.add_row(*("" if values[c] is None else str(values[c]) for c in _COLUMNS))
    Console(width=None if sys.stdout.isatty() else 160).print(table)


@app.command("articles")
def articles_cli(
    db: str | None = DB_OPTION,
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
    since: str | None = typer.Option(None, "--since", help="Published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Published on or before this date (YYYY-MM-DD)."),
    outlet: str | None = typer.Option(None, "--outlet", help="Outlet name contains this (any case)."),
    search: str | None = typer.Option(
        None, "--search", help="Full-text search: every word in title or text, best match first."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many articles."),
) -> None:
    """List stored articles, newest first (best match first with --search); as the API's /articles."""
    since_date, until_date = _parse_date(since, "--since"), _parse_date(until, "--until")
    try:
        engine = open_store(resolve_db(db))
    except AccordError as exc:
        raise fail(exc) from exc
    with session_scope(engine) as session:
        chosen = ArticleFilter(q=search, outlet=outlet, date_from=since_date, date_to=until_date)
        rows = list_articles(session, chosen, limit=limit).items
    _print_rows(rows, output)


@app.command("show")
def show_cli(
    ref: str = typer.Argument(..., help="Source id (newest version), SOURCE_ID@VERSION, or content hash."),
    db: str | None = DB_OPTION,
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table (readable) or json."),
) -> None:
    """One article: its metadata, its text and its near-duplicate cluster."""
    try:
        engine = open_store(resolve_db(db))
        with session_scope(engine) as session:
            article = find_article(session, ref)
            summary = ArticleSummary.of(article)
            text = article.text
            extra = article.extra
            siblings = [
                ArticleSummary.of(a)
                for a in (cluster_members(session, article.cluster_id) if article.cluster_id else [])
                if a.id != article.id
            ]
    except AccordError as exc:
        raise fail(exc) from exc
    if output is not OutputFormat.table:
        data = summary.model_dump(mode="json") | {
            "text": text,
            "extra": extra,
            "cluster": [s.model_dump(mode="json") for s in siblings],
        }
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for key, value in summary.model_dump(mode="json").items():
        if value is not None:
            typer.echo(f"{key:>16}: {value}")
    if extra:
        typer.echo(f"{'extra':>16}: {json.dumps(extra, ensure_ascii=False)}")
    typer.echo("")
    typer.echo(text)
    typer.echo("")
    if siblings:
        typer.echo(f"cluster {summary.cluster_id}: {len(siblings)} other article(s)")
        for s in siblings:
            typer.echo(
                f"  {s.source_id}@{s.version}  {s.outlet or '-'}  {s.title or ''}  {s.content_hash[:12]}"
            )
    else:
        typer.echo(f"cluster {summary.cluster_id}: no near-duplicates")
