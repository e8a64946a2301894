"""Check a gold label file against its articles and the guide's mechanical rules (eval/GUIDE.md).

    python scripts/check_gold.py GOLD.jsonl ARTICLES.jsonl|SEEDS_DIR

Checked: every record parses; ids are unique and each has its article; every quote text and position
evidence occurs verbatim in the article; every quote speaker (except `unnamed: ...`), event participant
and position actor is listed in `actors`; issues, stances and event types are the guide's; dates are ISO;
at most one position per (actor, issue, stance). Prints one line per problem; exit 1 if any.
Standard library only, so an annotator can run it without installing Accord.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ISSUES = {
    "ceasefire", "nato_membership", "neutrality", "territory", "crimea", "security_guarantees",
    "peacekeepers", "sanctions", "military_aid", "prisoner_exchange", "elections", "reparations", "other",
}  # fmt: skip
STANCES = {"support", "oppose", "conditional"}
EVENT_TYPES = {"meeting", "phone_call", "negotiation_round", "statement", "attack", "agreement", "sanction", "aid"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# The guide's one named exception: a participant label that is not an actor.
LABELS = {"European leaders"}


def load_texts(source: Path) -> dict[str, str]:
    if source.is_dir():
        return {path.stem: path.read_text(encoding="utf-8") for path in sorted(source.glob("*.txt"))}
    texts: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    return texts


def check_record(record: dict[str, object], text: str) -> list[str]:
    problems: list[str] = []
    actors = {str(name) for name in record.get("actors", [])}  # type: ignore[attr-defined]
    for quote in record.get("quotes", []):  # type: ignore[attr-defined]
        if quote["text"] not in text:
            problems.append(f"quote text not verbatim: {quote['text']!r}")
        if not quote["speaker"].startswith("unnamed:") and quote["speaker"] not in actors:
            problems.append(f"quote speaker not in actors: {quote['speaker']!r}")
    for event in record.get("events", []):  # type: ignore[attr-defined]
        if event["type"] not in EVENT_TYPES:
            problems.append(f"unknown event type {event['type']!r}")
        for name in event.get("participants", []):
            if name not in actors and name not in LABELS:
                problems.append(f"event participant not in actors: {name!r}")
        if event.get("date") is not None and not DATE.match(event["date"]):
            problems.append(f"event date not ISO: {event['date']!r}")
    seen: set[tuple[str, str, str]] = set()
    for position in record.get("positions", []):  # type: ignore[attr-defined]
        key = (position["actor"], position["issue"], position["stance"])
        if key in seen:
            problems.append(f"duplicate position {key}")
        seen.add(key)
        if position["issue"] not in ISSUES:
            problems.append(f"unknown issue {position['issue']!r}")
        if position["stance"] not in STANCES:
            problems.append(f"unknown stance {position['stance']!r}")
        if position["actor"] not in actors:
            problems.append(f"position actor not in actors: {position['actor']!r}")
        if position.get("evidence", "") not in text or not position.get("evidence"):
            problems.append(f"evidence not verbatim: {position.get('evidence', '')[:60]!r}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold_path, articles_path = Path(argv[0]), Path(argv[1])
    texts = load_texts(articles_path)
    failed = 0
    seen: set[str] = set()
    for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"{gold_path}:{number}: not JSON: {exc.msg}")
            failed += 1
            continue
        article_id = record.get("id", "")
        if article_id in seen:
            print(f"{gold_path}:{number}: duplicate id {article_id!r}")
            failed += 1
        seen.add(article_id)
        if article_id not in texts:
            print(f"{gold_path}:{number}: no article with id {article_id!r}")
            failed += 1
            continue
        for problem in check_record(record, texts[article_id]):
            print(f"{gold_path}:{number} ({article_id}): {problem}")
            failed += 1
    print(f"{len(seen)} records, {failed} problem(s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
