"""Corrections: stored apart from the extraction, keyed by item identity, surviving re-extraction."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from serve_fixtures import SEEDS
from sqlalchemy import select

from accord.extract.runner import run_extraction
from accord.ingest import ingest_paths
from accord.serve import create_app
from accord.store import open_store, session_scope
from accord.store.corrections import apply_corrections
from accord.store.schema import ActorMention, Quote


def test_decisions_survive_re_extraction_and_feed_the_builder(tmp_path: Path, nlp: Any) -> None:
    seed = sorted(SEEDS.iterdir())[0]
    shutil.copy(seed, tmp_path / seed.name)
    url = f"sqlite:///{tmp_path / 'review.db'}"
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
