"""The scorer on hand-made cases: each matching rule, one-to-one credit, missing and extra articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select, update

from accord.extract.evaluation import (
    Score,
    bootstrap_intervals,
    evaluate,
    evaluate_corpus,
    events_match,
    flipped_positions,
    maximum_matching,
    positions_match,
    quote_texts_overlap,
    quotes_match,
)
from accord.extract.event_merge import merge_cluster_events
from accord.extract.export import stored_predictions
from accord.extract.gold import ArticleMeta, GoldArticle, GoldEvent, GoldPosition, GoldQuote, load_gold
from accord.store.database import session_scope
from accord.store.schema import Article, Cluster, ClusterEvent
from gold_store import store_gold

GOLD = Path(__file__).resolve().parents[2] / "eval" / "seeds-gold.jsonl"


def article(article_id: str = "a", **items: Any) -> GoldArticle:
    return GoldArticle.model_validate({"id": article_id, **items})


def quote(speaker: str, text: str) -> GoldQuote:
    return GoldQuote(speaker=speaker, text=text)


def event(kind: str, participants: list[str], place: str | None = None, date: str | None = None) -> GoldEvent:
    return GoldEvent.model_validate(
        {"type": kind, "participants": participants, "place": place, "date": date}
    )


def position(actor: str, issue: str, stance: str) -> GoldPosition:
    return GoldPosition.model_validate({"actor": actor, "issue": issue, "stance": stance})


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (
            "will open the door for a permanent ceasefire",
            "will open the door for a permanent ceasefire",
            True,
        ),
        # whole quotation predicted, gold holds its opening words
        ("We are ready to talk, but not to surrender our land, ever.", "We are ready to talk, but not", True),
        # prediction starts a few words early: the gold's opening run is inside it
        ("He said: we are ready to talk, but not to surrender", "we are ready to talk, but not", True),
        # case, diacritics and punctuation do not matter
        ("ZELENSKYY’s plan — is DEAD", "zelenskyy's plan is dead", True),
        ("Fake.", "Fake", True),
        # a glued sentence in a raw copy and the same words after normalization
        ("the talks ended. Next week they resume", "the talks ended.Next week they resume", True),
        ("fake news everywhere", "Fake", True),  # a one-word quotation and the same word
        # half of the shorter opening shared (4 of 8)
        ("we will never accept any such deal today", "we will never accept those terms at all", True),
        # only 3 of 8 shared, no run contained
        ("we will not accept terms dictated from abroad", "we will soon announce a new aid package", False),
        ("", "anything", False),
        ("torpedo", "peace", False),
    ],
)
def test_quote_overlap_rule(predicted: str, gold: str, expected: bool) -> None:
    assert quote_texts_overlap(predicted, gold) is expected


def test_quotes_need_the_same_speaker_up_to_case_and_diacritics() -> None:
    gold = quote("Pål Jonson", "we stand with Ukraine")
    assert quotes_match(quote("pal jonson", "we stand with Ukraine"), gold)
    assert not quotes_match(quote("Ulf Kristersson", "we stand with Ukraine"), gold)
    unnamed = quote("unnamed: senior Western official", "not a realistic prospect")
    assert quotes_match(quote("Unnamed: Senior Western Official", "not a realistic prospect"), unnamed)


def test_event_rule() -> None:
    gold = event("negotiation_round", ["Russia", "Ukraine", "Sergei Lavrov"], "Antalya")
    assert events_match(event("negotiation_round", ["sergei lavrov"], "ANTALYA", "2022-03-10"), gold)
    assert not events_match(event("meeting", ["Russia"], "Antalya"), gold)  # type differs
    assert not events_match(event("negotiation_round", ["Turkey"], "Antalya"), gold)  # nobody shared
    assert not events_match(event("negotiation_round", ["Russia"], None), gold)  # gold has a place
    assert not events_match(event("negotiation_round", ["Russia"], "Istanbul"), gold)
    placeless = event("attack", ["Russia"])
    assert events_match(event("attack", ["Russia"], "Kharkiv"), placeless)  # no gold place: any place
    assert events_match(event("statement", []), event("statement", []))  # nobody listed in gold


def test_position_rule() -> None:
    gold = position("Recep Tayyip Erdoğan", "ceasefire", "support")
    assert positions_match(position("recep tayyip erdogan", "ceasefire", "support"), gold)
    assert not positions_match(position("Recep Tayyip Erdogan", "ceasefire", "conditional"), gold)
    assert not positions_match(position("Recep Tayyip Erdogan", "territory", "support"), gold)
    assert not positions_match(position("Turkey", "ceasefire", "support"), gold)


def test_a_flipped_stance_is_the_gold_holders_opposite_stance_on_the_issue() -> None:
    gold = [position("Russia", "sanctions", "oppose"), position("Ukraine", "ceasefire", "conditional")]
    predicted = [
        position("russia", "sanctions", "support"),  # flipped
        position("Russia", "territory", "support"),  # another issue: wrong, not flipped
        position("Ukraine", "ceasefire", "oppose"),  # against a conditional stance: wrong, not flipped
        position("Ukraine", "sanctions", "support"),  # another holder: not flipped
    ]
    assert flipped_positions(predicted, gold) == 1
    assert flipped_positions(gold, gold) == 0
    # a holder given both stances in the gold (changed its mind in the article) flips nothing
    both = [position("Russia", "sanctions", "oppose"), position("Russia", "sanctions", "support")]
    assert flipped_positions([position("Russia", "sanctions", "support")], both) == 0
    report = evaluate([article(positions=predicted)], [article(positions=gold)])
    assert report.flipped == report.articles[0].flipped == 1


def test_matching_is_maximum_not_greedy() -> None:
    # Prediction 0 fits both gold items, prediction 1 only the first: a greedy pass pairing 0 with 0
    # would leave 1 unmatched. The maximum matching pairs (0, 1) and (1, 0).
    def fits(p: str, g: str) -> bool:
        return g in p

    pairs = maximum_matching(["xy", "x"], ["x", "y"], fits)
    assert pairs == [(0, 1), (1, 0)]


def test_perfect_prediction_scores_one() -> None:
    gold = load_gold(GOLD)
    report = evaluate(gold, gold)
    for kind, score in report.scores.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), kind
        assert score.fp == 0 and score.fn == 0


def test_counts_precision_recall_f1() -> None:
    gold = article(actors=["Russia", "Ukraine", "Volodymyr Zelensky", "NATO"])
    predicted = article(actors=["russia", "Ukraine", "Turkey"])
    score = evaluate([predicted], [gold]).scores["actors"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_duplicate_predictions_are_credited_once() -> None:
    gold = article(positions=[position("Russia", "neutrality", "support").model_dump()])
    predicted = article(positions=[position("Russia", "neutrality", "support").model_dump()] * 3)
    report = evaluate([predicted], [gold])
    score = report.scores["positions"]
    assert (score.tp, score.fp, score.fn) == (1, 2, 0)
    assert len(report.articles[0].extra["positions"]) == 2


def test_empty_prediction() -> None:
    gold = article(actors=["Russia"], quotes=[quote("Russia", "no").model_dump()])
    report = evaluate([article()], [gold])
    assert report.scores["actors"] == Score(tp=0, fp=0, fn=1)
    assert report.scores["actors"].precision == 0.0 and report.scores["actors"].f1 == 0.0
    # nothing to find and nothing predicted: nothing was got wrong
    assert report.scores["events"].f1 == 1.0


def test_missing_and_extra_articles() -> None:
    gold = [article("a", actors=["Russia", "Ukraine"]), article("b", actors=["NATO"])]
    predicted = [article("a", actors=["Russia", "Ukraine"]), article("c", actors=["China", "India"])]
    report = evaluate(predicted, gold)
    assert report.scores["actors"] == Score(tp=2, fp=2, fn=1)
    by_id = {result.id: result for result in report.articles}
    assert [result.id for result in report.articles] == ["a", "b", "c"]
    assert not by_id["b"].in_prediction and by_id["b"].missed["actors"] == ["NATO"]
    assert not by_id["c"].in_gold and by_id["c"].extra["actors"] == ["China", "India"]
    assert by_id["a"].scores["actors"].f1 == 1.0


def test_micro_average_sums_counts_over_articles() -> None:
    gold = [article("a", actors=["A"] * 1), article("b", actors=[f"B{i}" for i in range(9)])]
    predicted = [article("a", actors=["A"]), article("b", actors=[])]
    score = evaluate(predicted, gold).scores["actors"]
    assert score.recall == pytest.approx(1 / 10)  # a macro average would say 0.5


def test_report_serializes_with_ratios() -> None:
    report = evaluate([article(actors=["Russia"])], [article(actors=["Russia"])])
    dumped = report.model_dump()
    assert dumped["scores"]["actors"]["f1"] == 1.0
    assert dumped["articles"][0]["scores"]["actors"]["precision"] == 1.0
    assert report.rows()[0] == ("actors", 1, 0, 0, 1.0, 1.0, 1.0)


def _corpus() -> tuple[list[GoldArticle], list[GoldArticle]]:
    """Ten articles: the first five predicted perfectly, the rest with one wrong position each."""
    gold = [
        article(f"a{n}", actors=["Russia"], positions=[position("Russia", "ceasefire", "oppose")])
        for n in range(10)
    ]
    predicted = gold[:5] + [
        article(f"a{n}", actors=["Russia"], positions=[position("Russia", "ceasefire", "support")])
        for n in range(5, 10)
    ]
    return predicted, gold


def test_bootstrap_interval_brackets_the_point_estimate_and_is_reproducible() -> None:
    predicted, gold = _corpus()
    report = evaluate(predicted, gold)
    intervals = bootstrap_intervals(report.articles, resamples=500, seed=3)
    low, high = intervals["positions"].f1
    assert low < report.scores["positions"].f1 == 0.5 < high
    assert low >= 0.0 and high <= 1.0
    assert intervals["actors"].f1 == (1.0, 1.0)  # every article right: no resample can differ
    assert bootstrap_intervals(report.articles, resamples=500, seed=3) == intervals


def test_bootstrap_resamples_whole_articles() -> None:
    # One article with all the errors: an interval over items would be narrow, over articles it is wide.
    gold = [article(f"a{n}", positions=[position("Russia", "ceasefire", "oppose")]) for n in range(4)]
    gold.append(
        article(
            "big",
            positions=[
                position("Russia", issue, "oppose")
                for issue in ("nato_membership", "crimea", "territory", "sanctions")
            ],
        )
    )
    predicted = [*gold[:4], article("big")]
    report = evaluate(predicted, gold)
    low, high = bootstrap_intervals(report.articles, resamples=2000, seed=0)["positions"].recall
    assert low <= 0.55 and high == 1.0


def test_evaluate_corpus_scores_one_split_and_breaks_down_by_genre() -> None:
    predicted, gold = _corpus()
    metadata = {
        f"a{n}": ArticleMeta(
            id=f"a{n}", split="test" if n < 7 else "train", genre="wire" if n < 5 else "interview"
        )
        for n in range(10)
    }
    report = evaluate_corpus(predicted, gold, metadata, split="test", resamples=100)
    assert len(report.articles) == 7  # predictions for a7..a9 are not charged as extra articles
    assert report.scores["positions"].fp == 2
    genres = report.groups["genre"]
    assert genres["wire"].articles == 5 and genres["wire"].scores["positions"].f1 == 1.0
    assert genres["interview"].articles == 2 and genres["interview"].scores["positions"].f1 == 0.0
    assert set(report.intervals) == {"actors", "quotes", "events", "positions"}


def test_min_score_scores_only_the_items_at_or_above_it() -> None:
    gold = [
        article(positions=[position("Russia", "ceasefire", "oppose")], events=[event("meeting", ["Russia"])])
    ]
    predicted = [
        article(
            positions=[
                {"actor": "Russia", "issue": "ceasefire", "stance": "oppose", "score": 0.9},
                {"actor": "Russia", "issue": "sanctions", "stance": "oppose", "score": 0.2},
            ],
            events=[{"type": "meeting", "participants": ["Russia"]}],  # no score: kept
        )
    ]
    everything = evaluate_corpus(predicted, gold, resamples=10)
    sure = evaluate_corpus(predicted, gold, resamples=10, min_score=0.5)
    assert everything.scores["positions"].fp == 1 and sure.scores["positions"].fp == 0
    assert sure.scores["positions"].tp == 1
    assert sure.scores["events"].tp == 1


def test_an_event_merged_across_a_cluster_is_still_scored_in_every_article(engine: Engine) -> None:
    # Two near-duplicate copies of one story, each labelled with the story's meeting: merging the
    # copies' events into one must leave each article's own event for its own gold to credit.
    meeting = {
        "type": "meeting",
        "participants": ["Vladimir Putin", "Recep Tayyip Erdogan"],
        "place": "Sochi",
    }
    gold = [article("copy-a", events=[meeting]), article("copy-b", events=[meeting])]
    store_gold(engine, gold)
    with session_scope(engine) as session:
        session.add(Cluster(id=1, size=2, outlet_count=2))
        session.flush()
        session.execute(update(Article).values(cluster_id=1))
        ids = list(session.scalars(select(Article.id)))
    merge_cluster_events(engine, ids)
    with session_scope(engine) as session:
        (merged,) = session.scalars(select(ClusterEvent))
        assert sorted(s["article_id"] for s in merged.sources) == sorted(ids)
    predicted, errors = stored_predictions(engine)
    assert errors == []
    report = evaluate(predicted, gold)
    assert report.scores["events"] == Score(tp=2, fp=0, fn=0)
    assert all(result.scores["events"].tp == 1 for result in report.articles)


def test_events_are_broken_down_by_type_and_positions_by_issue() -> None:
    gold = article(
        events=[event("meeting", ["Russia", "Ukraine"], "Istanbul"), event("attack", ["Russia"])],
        positions=[position("Russia", "ceasefire", "oppose"), position("Ukraine", "territory", "oppose")],
    )
    predicted = article(
        events=[event("meeting", ["Russia"], "Istanbul"), event("statement", ["Ukraine"])],
        positions=[position("Russia", "ceasefire", "oppose"), position("Ukraine", "ceasefire", "support")],
    )
    report = evaluate([predicted], [gold])
    counts = {
        kind: {name: (s.tp, s.fp, s.fn) for name, s in by.items()} for kind, by in report.categories.items()
    }
    assert counts["events"] == {"attack": (0, 0, 1), "meeting": (1, 0, 0), "statement": (0, 1, 0)}
    assert counts["positions"] == {"ceasefire": (1, 1, 0), "territory": (0, 0, 1)}
    # the categories add up to the kind's own counts
    for kind in ("events", "positions"):
        total = report.scores[kind]
        assert (
            sum(s.tp + s.fp + s.fn for s in report.categories[kind].values())
            == total.tp + total.fp + total.fn
        )


_EVENTS = st.builds(
    event,
    st.sampled_from(["meeting", "attack", "statement"]),
    st.lists(st.sampled_from(["Russia", "Ukraine", "Turkey"]), max_size=2),
    st.sampled_from([None, "Istanbul"]),
)
_POSITIONS = st.builds(
    position,
    st.sampled_from(["Russia", "Ukraine"]),
    st.sampled_from(["ceasefire", "territory", "other"]),
    st.sampled_from(["support", "oppose"]),
)


@given(
    st.lists(_EVENTS, max_size=4),
    st.lists(_EVENTS, max_size=4),
    st.lists(_POSITIONS, max_size=4),
    st.lists(_POSITIONS, max_size=4),
)
def test_the_categories_always_add_up_to_their_kind(
    predicted_events: list[GoldEvent],
    gold_events: list[GoldEvent],
    predicted_positions: list[GoldPosition],
    gold_positions: list[GoldPosition],
) -> None:
    report = evaluate(
        [article(events=predicted_events, positions=predicted_positions)],
        [article(events=gold_events, positions=gold_positions)],
    )
    for kind in ("events", "positions"):
        parts = report.categories[kind].values()
        total = report.scores[kind]
        assert (sum(s.tp for s in parts), sum(s.fp for s in parts), sum(s.fn for s in parts)) == (
            total.tp,
            total.fp,
            total.fn,
        )
