"""The JSON API against a real app and a real SQLite store (seed articles ingested and extracted)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from serve_fixtures import SEEDS


def _seed_word() -> str:
    """A distinctive word of one seed article, read at test time (long words are rarely everywhere)."""
    text = sorted(SEEDS.iterdir())[0].read_text(encoding="utf-8")
    words = sorted(set(re.findall(r"[A-Za-z]{9,}", text)), key=lambda w: (-len(w), w))
    return words[0]


def test_stats_count_what_was_stored(client: TestClient) -> None:
    stats = client.get("/api/v1/stats").json()
    assert stats["articles"] == len(list(SEEDS.iterdir())) + 2
    assert stats["duplicate_clusters"] == 1
    assert stats["quotes"] > 2 and stats["positions"] >= 6


def test_full_text_search_finds_the_article_that_has_the_word(client: TestClient) -> None:
    word = _seed_word()
    found = client.get("/api/v1/articles", params={"q": word}).json()
    assert found["total"] >= 1
    for item in found["items"]:
        text = client.get(f"/api/v1/articles/{item['id']}").json()["text"]
        assert word.lower() in text.lower()
    assert client.get("/api/v1/articles", params={"q": "zzqxjv"}).json()["total"] == 0


def test_search_input_is_never_query_syntax(client: TestClient) -> None:
    for hostile in [
        '"',
        "NEAR(a b",
        "title:*",
        "a OR",
        "' OR 1=1 --",
        "-- ; DROP TABLE articles",
        "\u00e9\u00e8*",
    ]:
        response = client.get("/api/v1/articles", params={"q": hostile})
        assert response.status_code == 200, hostile
    assert client.get("/api/v1/stats").json()["articles"] > 0


def test_filters_and_pagination(client: TestClient, served_db: dict[str, Any]) -> None:
    everything = client.get("/api/v1/articles", params={"limit": 200}).json()
    assert everything["total"] == len(everything["items"])
    pages = [client.get("/api/v1/articles", params={"limit": 2, "offset": o}).json() for o in range(0, 6, 2)]
    assert [i["id"] for p in pages for i in p["items"]] == [i["id"] for i in everything["items"]][:6]
    dated = client.get("/api/v1/articles", params={"date_from": "2022-03-15"}).json()
    assert [i["id"] for i in dated["items"]] == [served_db["article2"]]
    by_issue = client.get("/api/v1/articles", params={"issue": "ceasefire"}).json()
    assert {served_db["article1"], served_db["article2"]} <= {i["id"] for i in by_issue["items"]}
    by_actor = client.get("/api/v1/articles", params={"actor": "Ukraine"}).json()
    assert by_actor["total"] >= 3  # the seeds mention Ukraine, and both hand-made articles
    cluster = by_issue["items"][0]["cluster_id"]
    copies = client.get("/api/v1/articles", params={"cluster": cluster}).json()
    assert copies["total"] == 2
    outlet = client.get("/api/v1/articles", params={"outlet": by_issue["items"][0]["outlet"]}).json()
    assert outlet["total"] == 2


def test_article_items_point_into_the_text(client: TestClient) -> None:
    ids = [i["id"] for i in client.get("/api/v1/articles", params={"limit": 200}).json()["items"]]
    checked = 0
    for article_id in ids:
        article = client.get(f"/api/v1/articles/{article_id}").json()
        text = article["text"]
        for mention in article["actors"]:
            assert text[mention["start"] : mention["end"]] == mention["surface"]
            checked += 1
        for kind in ("quotes", "positions", "events", "actors"):
            for item in article[kind]:
                start = item["sentence_start"]
                assert text[start : start + len(item["sentence"])] == item["sentence"]
    assert checked > 10


def test_items_over_time(client: TestClient) -> None:
    positions = client.get("/api/v1/positions", params={"actor": "Ukraine", "issue": "ceasefire"}).json()
    assert positions["total"] >= 2
    dates = [p["published"] for p in positions["items"] if p["published"]]
    assert dates == sorted(dates)
    assert all(p["actor"] == "Ukraine" for p in positions["items"])
    events = client.get("/api/v1/events", params={"actor": "Russia", "type": "agreement"}).json()
    # The list keeps every modality, each event saying which ("Even if Russia and Ukraine agreed to a
    # ceasefire ..." in a seed is a hypothetical agreement); two agreements are reported as reached.
    reached = [e for e in events["items"] if e["modality"] in {"happened", "scheduled"}]
    assert len(reached) == 2 and reached[0]["date"] == "2022-03-21"
    assert {e["modality"] for e in events["items"]} <= {"happened", "scheduled", "hypothetical"}
    quotes = client.get("/api/v1/quotes", params={"limit": 5}).json()
    assert quotes["total"] >= 2 and len(quotes["items"]) == 5
    issues = {i["issue"]: i for i in client.get("/api/v1/issues").json()}
    assert issues["ceasefire"]["oppose"] >= 2 and issues["ceasefire"]["support"] >= 4
    actors = client.get("/api/v1/actors", params={"q": "ukr"}).json()
    assert any(a["name"] == "Ukraine" for a in actors["items"])
    clusters = client.get("/api/v1/clusters").json()
    assert clusters["total"] == 1 and len(clusters["items"][0]["articles"]) == 2
    one = client.get(f"/api/v1/clusters/{clusters['items'][0]['id']}").json()
    assert one["size"] == 2


def test_bad_parameters_get_clear_json_errors(client: TestClient) -> None:
    for url in (
        "/api/v1/articles?limit=0",
        "/api/v1/articles?limit=100000",
        "/api/v1/articles?date_from=yesterday",
        "/api/v1/articles/notanumber",
        "/api/v1/positions?stance=maybe",
        "/api/v1/articles?q=%00",
        # Past PostgreSQL's 32-bit INTEGER: must be a 4xx there too, not a database error.
        "/api/v1/articles/2147483648",
        "/api/v1/articles?cluster=2147483648",
    ):
        response = client.get(url)
        assert response.status_code == 422, url
        body = response.json()
        assert body["error"]["code"] == "A604" and "bad parameter" in body["error"]["message"]
    missing = client.get("/api/v1/articles/987654")
    assert missing.status_code == 404
    assert missing.json()["error"] == {
        "code": "A605",
        "message": "/api/v1/articles/987654: no article '987654'",
    }
    assert client.get("/api/v1/clusters/987654").status_code == 404
    assert client.get("/api/v1/no-such-thing").json()["error"]["code"] == "HTTP404"
    assert (
        client.get("/articles/2147483648").status_code == 400
    )  # the page says so, the database is not asked


def test_scenario_and_forecasts(client: TestClient) -> None:
    scenario = client.get("/api/v1/scenario").json()
    assert any(s["issue"] == "ceasefire" for s in scenario["stances"])
    forecasts = client.get("/api/v1/forecasts").json()
    names = [m["name"] for m in client.get("/api/v1/models").json()]
    assert set(forecasts["forecasts"]) == set(names) and len(names) >= 3
    for by_issue in forecasts["forecasts"].values():
        assert 0 <= by_issue["ceasefire"]["value"] <= 100


def test_what_if_moves_the_forecast(client: TestClient) -> None:
    scenario = client.get("/api/v1/scenario").json()
    baseline = client.post("/api/v1/forecasts", json=scenario).json()["forecasts"]["compromise"]["ceasefire"]
    for stance in scenario["stances"]:
        if stance["issue"] == "ceasefire":
            stance["position"] = 100.0
    raised = client.post("/api/v1/forecasts", json=scenario)
    assert raised.status_code == 200 and raised.json()["seconds"] < 1.0
    moved = raised.json()["forecasts"]["compromise"]["ceasefire"]["value"]
    assert abs(moved - 100.0) < 1e-6 and abs(baseline["value"] - 100.0) > 1
    scenario["stances"][0]["position"] = 140
    bad = client.post("/api/v1/forecasts", json=scenario)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "A604"


def test_each_model_runs_once_even_under_several_names(client: TestClient, monkeypatch: Any) -> None:
    """A registry entry that is another name for a registered expected-utility model is not run again."""
    from accord.models.registry import MODELS

    monkeypatch.setitem(MODELS, "eu_again", MODELS["expected_utility"])
    scenario = client.get("/api/v1/scenario").json()
    for answer in (client.post("/api/v1/forecasts", json=scenario), client.get("/api/v1/forecasts")):
        body = answer.json()
        names = [m["name"] for m in body["models"]]
        assert len(names) == len(set(names)) == len({m.name for m in MODELS.values()})
        assert set(body["forecasts"]) == set(names)
        assert "eu_again" not in body["forecasts"]


def test_cached_answers_never_cross_between_endpoints(client: TestClient) -> None:
    """The API's forecasts and the forecast page each get their own cached value, in either order."""
    for urls in (("/api/v1/forecasts", "/forecast"), ("/forecast", "/api/v1/forecasts")):
        for url in urls * 2:
            assert client.get(url).status_code == 200, url
    assert "compromise" in client.get("/api/v1/forecasts").json()["forecasts"]


def test_an_unedited_scenario_reproduces_the_forecasts_exactly(client: TestClient) -> None:
    scenario = client.get("/api/v1/scenario").json()
    stored = client.get("/api/v1/forecasts").json()
    posted = client.post("/api/v1/forecasts", json=scenario).json()
    assert posted["forecasts"] == stored["forecasts"] and posted["notes"] == stored["notes"]


def test_an_issue_left_with_one_party_gets_a_note_not_a_forecast(client: TestClient) -> None:
    scenario = client.get("/api/v1/scenario").json()
    ceasefire = [s for s in scenario["stances"] if s["issue"] == "ceasefire"]
    assert len(ceasefire) >= 2
    keep = ceasefire[0]
    scenario["stances"] = [s for s in scenario["stances"] if s["issue"] != "ceasefire" or s is keep]
    body = client.post("/api/v1/forecasts", json=scenario).json()
    assert "no negotiation" in body["notes"]["ceasefire"]
    assert all("ceasefire" not in by_issue for by_issue in body["forecasts"].values())


def test_what_if_intervals_on_request(client: TestClient) -> None:
    scenario = client.get("/api/v1/scenario").json()
    plain = client.post("/api/v1/forecasts", json=scenario).json()
    assert plain["intervals"] == {} and plain["draws"] == 0
    body = client.post("/api/v1/forecasts?draws=50", json=scenario).json()
    assert body["draws"] == 50 and set(body["intervals"]) == set(body["forecasts"])
    for model, by_issue in body["forecasts"].items():
        assert set(body["intervals"][model]) == set(by_issue)
        for band in body["intervals"][model].values():
            assert 0 <= band["low"] <= band["high"] <= 100
    assert client.post("/api/v1/forecasts?draws=100000", json=scenario).status_code == 422
