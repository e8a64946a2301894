"""`accord eval` scores an extraction against gold labels; `accord export` writes the extraction out."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import TextIO

import typer
from rich.console import Console
from rich.table import Table

from accord.cli.app import app
from accord.cli.common import DB_OPTION, TableOrJson, error_line, fail, resolve_db
from accord.errors import AccordError, Errors
from accord.extract.eval_log import append_look, look_record
from accord.extract.evaluation import EvalReport, Score, evaluate_corpus, select_split
from accord.extract.export import (
    export_events,
    export_records,
    export_rows,
    stored_predictions,
    write_csv,
    write_jsonl,
)
from accord.extract.gold import ITEM_TYPES, ArticleMeta, GoldArticle, load_metadata, read_gold
from accord.store import open_store


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class Split(str, Enum):
    train = "train"
    val = "val"
    test = "test"


class ItemType(str, Enum):
    actors = "actors"
    quotes = "quotes"
    events = "events"
    positions = "positions"


def _report_errors(errors: list[AccordError]) -> None:
    for error in errors:
        error_line(str(error))


def _print_table(report: EvalReport, gold_count: int, predicted_count: int) -> None:
    table = Table(
        "type", "tp", "fp", "fn", "precision", "recall", "F1", "F1 95% CI", title="Extraction against gold"
    )
    for kind, score in report.scores.items():
        low, high = report.intervals[kind].f1 if kind in report.intervals else (score.f1, score.f1)
        table.add_row(kind, *_score_cells(score), f"{low:.2f}–{high:.2f}")
    per_article = Table("article", "actors", "quotes", "events", "positions", title="F1 per article")
    for result in report.articles:
        where = (
            ""
            if result.in_gold and result.in_prediction
            else (" (not predicted)" if result.in_gold else " (not in gold)")
        )
        per_article.add_row(result.id + where, *(f"{result.scores[kind].f1:.3f}" for kind in ITEM_TYPES))
    console = Console(width=None if sys.stdout.isatty() else 100)
    console.print(table)
    console.print(per_article)
    for grouping, groups in report.groups.items():
        by_group = Table(
            grouping, "articles", *(f"{kind} F1" for kind in ITEM_TYPES), title=f"F1 per {grouping}"
        )
        for value, group in groups.items():
            by_group.add_row(
                value, str(group.articles), *(f"{group.scores[kind].f1:.3f}" for kind in ITEM_TYPES)
            )
        console.print(by_group)
    _print_categories(console, report)
    stated = report.scores["positions"].tp + report.scores["positions"].fp
    console.print(
        f"positions flipped: {report.flipped} of the {stated} stated "
        "(the gold gives the same holder the opposite stance on the issue)"
    )
    console.print(f"{gold_count} gold articles, {predicted_count} predicted; micro-averaged over articles")


def _print_categories(console: Console, report: EvalReport) -> None:
    """Events by type and positions by issue: where the errors are."""
    for kind, title in (("events", "event type"), ("positions", "position issue")):
        by_name = report.categories.get(kind) or {}
        if not by_name:
            continue
        table = Table(
            title, "tp", "fp", "fn", "precision", "recall", "F1", title=f"{kind} per {title.split()[-1]}"
        )
        for name, score in by_name.items():
            table.add_row(name, *_score_cells(score))
        console.print(table)


def _score_cells(score: Score) -> list[str]:
    """The counts and ratios of one table row: tp, fp, fn, precision, recall, F1."""
    counts = [str(score.tp), str(score.fp), str(score.fn)]
    return counts + [f"{ratio:.3f}" for ratio in (score.precision, score.recall, score.f1)]


@app.command("eval")
def eval_cli(  # Over 60 lines because half is typer's declarative option spec; the body is ~30.
    gold: Path = typer.Option(..., "--gold", help="Gold labels, JSONL in the gold schema."),
    db: str | None = DB_OPTION,
    pred: Path | None = typer.Option(
        None, "--pred", help="Score this JSONL (gold schema) instead of the store's extraction."
    ),
    split: Split | None = typer.Option(
        None, "--split", help="Score only this split of the corpus (test scorings are logged)."
    ),
    articles: Path | None = typer.Option(
        None,
        "--articles",
        help="Corpus JSONL giving each article's split and genre [default: articles.jsonl beside --gold].",
    ),
    log: Path | None = typer.Option(
        None,
        "--log",
        help="File --split test appends its record to [default: ../test-log.jsonl from --gold's folder].",
    ),
    resamples: int = typer.Option(
        1000, "--resamples", min=1, help="Bootstrap resamples of articles for the 95% intervals."
    ),
    output: TableOrJson = typer.Option(
        TableOrJson.table, "--format", help="table, or json with per-article and per-genre breakdowns."
    ),
    min_score: float = typer.Option(
        0.0,
        "--min-score",
        min=0.0,
        max=1.0,
        help="Score only the quotes, events and positions whose confidence is at least this.",
    ),
) -> None:
    """Precision, recall and F1 per item type (actors, quotes, events, positions) against gold labels.

    Without --pred the store's extraction is scored, only for the articles the gold file labels (or, with
    --split, the articles of that split). Each figure has a 95% bootstrap interval over articles. A test
    split is for reporting: every `--split test` scoring is appended, with the date and commit, to a log
    kept under version control. Exit code 1 when any input line or record was bad (each is one line on
    stderr; the rest is scored).
    """
    gold_articles, errors = read_gold(gold)
    metadata = _metadata(gold, articles)
    if split is not None:  # only the split's articles are read from the store
        gold_articles = _split_of(gold_articles, metadata, split, articles or gold.parent / "articles.jsonl")
    if not gold_articles:
        _report_errors(errors or [AccordError(Errors.A305, path=gold, line=0, reason="no articles")])
        raise typer.Exit(1)
    predicted, pred_errors = _predictions(pred, db, [article.id for article in gold_articles])
    errors += pred_errors
    _report_errors(errors)
    report = evaluate_corpus(
        predicted,
        gold_articles,
        metadata,
        split=split.value if split else None,
        resamples=resamples,
        min_score=min_score,
    )
    if split is Split.test:
        target = log or gold.resolve().parent.parent / "test-log.jsonl"
        append_look(target, look_record(report, gold, split.value, min_score))
        typer.echo(f"note: this test-split scoring was appended to {target}", err=True)
    if output is TableOrJson.json:
        typer.echo(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        _print_table(report, len(gold_articles), len(predicted))
    raise typer.Exit(1 if errors else 0)


def _split_of(
    gold_articles: list[GoldArticle], metadata: dict[str, ArticleMeta], split: Split, corpus: Path
) -> list[GoldArticle]:
    """The gold articles of ``split``; the corpus file says which split each article is in."""
    if not metadata:
        raise fail(
            AccordError(
                Errors.A305,
                path=corpus,
                line=0,
                reason="--split needs the corpus file with each article's split",
            )
        )
    return select_split(gold_articles, metadata, split.value)


def _metadata(gold: Path, articles: Path | None) -> dict[str, ArticleMeta]:
    """Split and genre per article from --articles, or from articles.jsonl beside the gold when it exists."""
    path = articles or gold.parent / "articles.jsonl"
    if articles is None and not path.is_file():
        return {}
    try:
        return load_metadata(path)
    except AccordError as exc:
        raise fail(exc) from exc


def _predictions(
    pred: Path | None, db: str | None, ids: list[str]
) -> tuple[list[GoldArticle], list[AccordError]]:
    if pred is not None:
        predicted, errors = read_gold(pred)
        if not predicted and not pred.is_file():
            raise fail(errors[0])  # nothing to score: no table of zeros that reads like a result
        return predicted, errors
    try:
        engine = open_store(resolve_db(db))
    except AccordError as exc:
        raise fail(exc) from exc
    predicted, errors = stored_predictions(engine, ids)
    engine.dispose()
    absent = len(ids) - len(predicted) - len(errors)
    if absent:
        typer.echo(
            f"note: {absent} gold articles are not in the store; their items count as missed", err=True
        )
    return predicted, errors


@app.command("export")
def export_cli(
    output: ExportFormat = typer.Option(..., "--format", help="jsonl (gold schema) or csv."),
    db: str | None = DB_OPTION,
    out: Path | None = typer.Option(None, "--out", help="File to write [default: stdout]."),
    item_type: ItemType | None = typer.Option(
        None, "--type", help="One item type, one row per item (required for csv)."
    ),
    merged: bool = typer.Option(
        False, "--merged", help="With --type events: each event once, merged across near-duplicate articles."
    ),
) -> None:
    """Write the stored extraction: one gold-schema record per article, or one row per item of --type.

    Only the newest version of each source id is exported. Items keep their offsets, sentence and ids.
    --type events --merged writes each event once: the copies of a story in a near-duplicate cluster
    that tell it are one record with every copy's sources.
    """
    if output is ExportFormat.csv and item_type is None:
        raise typer.BadParameter("csv holds one item type; add --type actors|quotes|events|positions")
    if merged and item_type is not ItemType.events:
        raise typer.BadParameter("--merged merges events; add --type events")
    try:
        engine = open_store(resolve_db(db))
    except AccordError as exc:
        raise fail(exc) from exc
    target = "stdout" if out is None else str(out)
    try:
        handle: TextIO
        with (
            nullcontext(sys.stdout) if out is None else out.open("w", encoding="utf-8", newline="")
        ) as handle:
            if item_type is None:
                count = write_jsonl(export_records(engine), handle)
                unit = "articles"
            elif merged:
                events = export_events(engine)
                if output is ExportFormat.jsonl:
                    count = write_jsonl(events, handle)
                else:
                    count = write_csv(events, "merged_events", handle)
                unit = "events"
            elif output is ExportFormat.jsonl:
                count = write_jsonl(export_rows(engine, item_type.value), handle)
                unit = item_type.value
            else:
                count = write_csv(export_rows(engine, item_type.value), item_type.value, handle)
                unit = item_type.value
    except OSError as exc:
        raise fail(AccordError(Errors.A320, path=target, reason=exc.strerror or str(exc))) from exc
    finally:
        engine.dispose()
    typer.echo(f"wrote {count} {unit} to {target}", err=True)
