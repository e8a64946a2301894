"""Corrections: stored apart from the extraction, keyed by item identity, surviving re-extraction."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from serve_fixtures import SEEDS
from sqlalchemy import select

from accord.extract.runner import run_extraction
from accord.ingest import ingest_paths
from accord.report.views import matrix_data
from accord.scenario.builder import build_scenario
from accord.scenario.model import Scenario
from accord.scenario.scales import load_scales
from accord.scenario.timeline import position_points
from accord.serve import create_app
from accord.store import open_store, session_scope
from accord.store.corrections import apply_corrections
from accord.store.schema import ActorMention, Article, Position, Quote


def test_decisions_survive_re_extraction_and_feed_the_builder(
    tmp_path: Path, store_url: str, nlp: Any
) -> None:
    seed = sorted(SEEDS.iterdir())[0]
    shutil.copy(seed, tmp_path / seed.name)
    url = store_url
    engine = open_store(url)
    ingest_paths([tmp_path / seed.name], engine, progress=False)
    run_extraction(engine, nlp=nlp)
    with session_scope(engine) as session:
        quotes = list(session.scalars(select(Quote).order_by(Quote.start)))
        mentions = list(session.scalars(select(ActorMention).order_by(ActorMention.start)))
    assert len(quotes) >= 2 and len(mentions) >= 2
    rejected, corrected, accepted = quotes[0], quotes[1], mentions[0]

    with TestClient(create_app(url)) as client:
        answers = [
            client.post(
                "/api/v1/corrections", json={"item_type": "quote", "item_id": rejected.id, "action": "reject"}
            ),
            client.post(
                "/api/v1/corrections",
                json={
                    "item_type": "quote",
                    "item_id": corrected.id,
                    "action": "correct",
                    "changes": {"speaker": "Someone Else"},
                    "note": "speaker misattributed",
                },
            ),
            client.post(
                "/api/v1/corrections", json={"item_type": "actor", "item_id": accepted.id, "action": "accept"}
            ),
        ]
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert answers[1].json()["start"] == corrected.start and answers[1].json()["source_id"] == seed.stem

        # Re-extraction deletes and re-inserts every item row; the decisions still apply to the same spans.
        run_extraction(engine, force=True, nlp=nlp)
        with session_scope(engine) as session:
            fresh = list(session.scalars(select(Quote).order_by(Quote.start)))
            kept = apply_corrections(session, fresh)
            assert len(kept) == len(fresh) - 1
            assert all(q.start != rejected.start for q in kept)
            fixed = next(q for q in kept if q.start == corrected.start)
            assert fixed.speaker == "Someone Else"
            # Reading through corrections never writes into the extraction tables.
            assert session.get(Quote, fresh[1].id).speaker == corrected.speaker  # type: ignore[union-attr]

        article = client.get(f"/api/v1/articles/{fresh[0].article_id}").json()
        reviews = {q["start"]: q["review"] for q in article["quotes"]}
        assert reviews[rejected.start] == "reject" and reviews[corrected.start] == "correct"
        assert (
            client.get("/review", params={"type": "quote", "status": "reviewed"}).text.count("review-item")
            == 2
        )
        listed = client.get("/api/v1/corrections").json()
        assert {c["action"] for c in listed} == {"reject", "correct", "accept"}

        # A later decision replaces the earlier one rather than piling up.
        again = client.post(
            "/api/v1/corrections", json={"item_type": "quote", "item_id": fresh[0].id, "action": "accept"}
        )
        assert again.status_code == 200
        assert len(client.get("/api/v1/corrections").json()) == 3


def test_bad_corrections_are_refused_with_a_reason(client: TestClient, served_db: dict[str, Any]) -> None:
    article = client.get(f"/api/v1/articles/{served_db['article1']}").json()
    position = article["positions"][0]["id"]
    cases = [
        ({"item_type": "position", "item_id": position, "action": "correct", "changes": {"start": 0}}, 400),
        (
            {
                "item_type": "position",
                "item_id": position,
                "action": "correct",
                "changes": {"stance": "maybe"},
            },
            400,
        ),
        ({"item_type": "position", "item_id": position, "action": "correct", "changes": {}}, 400),
        (
            {"item_type": "position", "item_id": position, "action": "correct", "changes": {"score": "high"}},
            400,
        ),
        ({"item_type": "position", "item_id": 10**9, "action": "accept"}, 404),
        ({"item_type": "gossip", "item_id": position, "action": "accept"}, 422),
        ({"item_type": "position", "item_id": position, "action": "shrug"}, 422),
    ]
    for body, status in cases:
        response = client.post("/api/v1/corrections", json=body)
        assert response.status_code == status, (body, response.text)
        assert response.json()["error"]["message"]
    assert (
        client.post(
            "/api/v1/corrections", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 422
    )


def test_reviewed_positions_reach_the_scenario_report_and_pages(store_url: str, nlp: Any) -> None:
    """Reject one position and correct another through the API: the scenario, the report's matrix and
    the dashboard all follow, and still do after the articles are extracted again, on both backends."""
    url = store_url
    engine = open_store(url)
    ingest_paths([SEEDS], engine, progress=False)
    run_extraction(engine, nlp=nlp)
    with session_scope(engine) as session:
        rows = session.execute(
            select(Position, Article.source_id)
            .join(Article, Article.id == Position.article_id)
            .order_by(Position.article_id, Position.start)
        ).all()
    spans = Counter((r.article_id, r.start, r.end) for r, _ in rows)
    # A decision is keyed by span: pick positions that are alone on theirs.
    single = [(r, src) for r, src in rows if spans[(r.article_id, r.start, r.end)] == 1]
    assert len(single) >= 2, "the seeds should yield at least two positions"
    (rejected, rejected_source), (corrected, corrected_source) = single[-1], single[0]
    new_actor, new_stance = "Reviewed Actor", "oppose" if corrected.stance != "oppose" else "support"

    def evidence(scenario: Scenario) -> set[tuple[str | None, str | None]]:
        return {(e.article_id, e.sentence) for s in scenario.stances for e in s.evidence}

    def check(client: TestClient) -> None:
        scenario = build_scenario(engine)
        actor = next(a for a in scenario.actors if a.name == new_actor)
        stance = next(s for s in scenario.stances if s.actor == actor.id)
        assert stance.issue == corrected.issue
        assert stance.position == load_scales().point(corrected.issue, new_stance)
        assert [(e.article_id, e.sentence) for e in stance.evidence] == [
            (corrected_source, corrected.sentence)
        ]
        # The rejected statement is evidence nowhere (unless the same sentence states something else too).
        others = [r for r, src in rows if src == rejected_source and r.sentence == rejected.sentence]
        if len(others) == 1:
            assert (rejected_source, rejected.sentence) not in evidence(scenario)
        with session_scope(engine) as session:
            matrix = matrix_data(session)
            kept = position_points(session)
        assert new_actor in matrix.actors
        assert not any(p.source.source_id == rejected_source and p.start == rejected.start for p in kept)
        assert len(kept) == len(rows) - 1
        assert new_actor in {
            a.name for a in Scenario.model_validate(client.get("/api/v1/scenario").json()).actors
        }
        listed = client.get("/api/v1/positions", params={"limit": 200}).json()
        assert listed["total"] == len(rows) - 1
        assert new_actor in {p["actor"] for p in listed["items"]}
        assert not any(
            (p["article_id"], p["start"], p["end"]) == (rejected.article_id, rejected.start, rejected.end)
            for p in listed["items"]
        )
        assert client.get("/api/v1/stats").json()["positions"] == len(rows) - 1
        assert new_actor in client.get("/matrix").text

    with TestClient(create_app(url)) as client:
        answers = [
            client.post(
                "/api/v1/corrections",
                json={"item_type": "position", "item_id": rejected.id, "action": "reject"},
            ),
            client.post(
                "/api/v1/corrections",
                json={
                    "item_type": "position",
                    "item_id": corrected.id,
                    "action": "correct",
                    "changes": {"actor": new_actor, "stance": new_stance},
                },
            ),
        ]
        assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
        check(client)
        report = run_extraction(engine, force=True, nlp=nlp)
        assert report.ok == len(list(SEEDS.iterdir())) and report.up_to_date == 0  # every item written anew
        check(client)
    engine.dispose()
