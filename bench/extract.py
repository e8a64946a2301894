"""Time extraction against a bare parse of the same texts with the same model, in the same run.

    .venv/bin/python bench/extract.py [--articles 2000] [--n-process 1] [--batch-size 64]

The corpus is built from original template sentences (meetings, calls, quotes, stances, filler) with
names, places and dates varied by a seeded random generator, so every run times the same texts.
Prints words per second for: the model's full pipeline (``spacy.load``, every component), Accord's
extraction (``extract_texts``: unused components left out, Accord's components added), and the ratio.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import spacy

from accord.extract.items import ArticleInput
from accord.extract.pipeline import MODEL_PACKAGE, load_pipeline
from accord.extract.runner import extract_texts

LEADERS = [
    ("Vladimir Putin", "Russian President"),
    ("Volodymyr Zelensky", "Ukrainian President"),
    ("Donald Trump", "US President"),
    ("Emmanuel Macron", "French President"),
    ("Olaf Scholz", "German Chancellor"),
    ("Recep Tayyip Erdogan", "Turkish President"),
    ("Sergei Lavrov", "Russian Foreign Minister"),
    ("Andrii Sybiha", "Ukrainian Foreign Minister"),
    ("Marco Rubio", "US Secretary of State"),
    ("Keir Starmer", "British Prime Minister"),
]
COUNTRIES = ["Russia", "Ukraine", "the United States", "France", "Germany", "Turkey", "Poland", "China"]
PLACES = ["Geneva", "Istanbul", "Riyadh", "Jeddah", "Minsk", "Helsinki", "Vienna", "Doha", "Rome", "Oslo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "April", "June", "September", "November"]
ISSUES = [
    "a ceasefire along the current front line",
    "neutral status for Ukraine",
    "security guarantees backed by European troops",
    "an exchange of prisoners of war",
    "new sanctions on Russian banks",
    "more air defence systems for Kyiv",
    "elections in the occupied regions",
    "using frozen Russian assets for reconstruction",
]
TEMPLATES: list[Callable[[random.Random], str]] = [
    lambda r: f"{_who(r)} will meet {_name(r)} in {r.choice(PLACES)} on {r.choice(DAYS)}, officials said.",
    lambda r: (
        f"Delegations from {r.choice(COUNTRIES)} and {r.choice(COUNTRIES)} held a second round of talks "
        f"in {r.choice(PLACES)} on {r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2015, 2025)}."
    ),
    lambda r: (
        f"“We are ready to discuss {r.choice(ISSUES)}, but not under pressure,” {_name(r)} told reporters."
    ),
    lambda r: (
        f"{_name(r)} said his government would support {r.choice(ISSUES)} only if the shelling stopped."
    ),
    lambda r: f"{_who(r)} rejected calls for {r.choice(ISSUES)}, calling the idea “a trap for the weak”.",
    lambda r: f"In a phone call with {_name(r)}, {_name(r)} urged restraint and promised to keep talking.",
    lambda r: (
        f"Officials in {r.choice(PLACES)} expect the next summit to take place before the end of "
        f"{r.choice(MONTHS)}."
    ),
    lambda r: (
        f"The foreign ministry of {r.choice(COUNTRIES)} said in a statement that the attacks on "
        f"energy infrastructure had to end."
    ),
    lambda r: (
        f"Markets in {r.choice(PLACES)} were calm, and analysts expected little movement before the weekend."
    ),
    lambda r: (
        f"{_name(r)} has not ruled out sending troops to {r.choice(COUNTRIES)} as part of a "
        f"reassurance force."
    ),
    lambda r: f"According to {_name(r)}, the offer was “the best anyone will get this year”.",
    lambda r: "Analysts said the negotiations could drag on for months if neither side gave ground.",
]


def _name(r: random.Random) -> str:
    return r.choice(LEADERS)[0]


def _who(r: random.Random) -> str:
    name, title = r.choice(LEADERS)
    return f"{title} {name}"


def build_corpus(articles: int, seed: int = 20220310) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(articles):
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            sentences = [rng.choice(TEMPLATES)(rng) for _ in range(rng.randint(1, 3))]
            paragraphs.append(" ".join(sentences))
        texts.append("\n".join(paragraphs))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    texts = build_corpus(args.articles)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words} words")

    bare = spacy.load(MODEL_PACKAGE)
    nlp = load_pipeline()
    # Warm both up so that neither pays first-call costs inside the timing.
    list(bare.pipe(texts[:20]))
    list(extract_texts(nlp, [ArticleInput(i, str(i), t) for i, t in enumerate(texts[:20])]))

    started = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=args.n_process):
        pass
    bare_seconds = time.perf_counter() - started

    started = time.perf_counter()
    items = 0
    inputs = (ArticleInput(i, str(i), t) for i, t in enumerate(texts))
    for result in extract_texts(nlp, inputs, batch_size=args.batch_size, n_process=args.n_process):
        items += len(result.actors) + len(result.quotes) + len(result.events) + len(result.positions)
    extract_seconds = time.perf_counter() - started

    print(
        f"bare parse, full model pipeline {bare.pipe_names}: "
        f"{bare_seconds:.1f}s, {words / bare_seconds:,.0f} words/s"
    )
    print(
        f"accord extraction {nlp.pipe_names}: "
        f"{extract_seconds:.1f}s, {words / extract_seconds:,.0f} words/s, {items} items"
    )
    print(
        f"ratio extraction / bare parse: {extract_seconds / bare_seconds:.2f}x (n_process={args.n_process})"
    )


if __name__ == "__main__":
    main()
