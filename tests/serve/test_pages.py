"""The pages render the store: search results, highlighted offsets, actor pages, matrix, timeline, docs."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from fastapi.testclient import TestClient
from markupsafe import escape

from accord.extract.export import export_records
from accord.report.charts import (
    actor_colors,
    events_figure,
    figure_json,
    position_color,
    trajectory_figure,
)
from accord.report.views import events_timeline_data, matrix_data, trajectories_from_cells
from accord.scenario.builder import build_cells
from accord.serve.highlight import Span, segments
from accord.store import open_store, session_scope
from accord.store.queries.search import fts5_query, snippet, terms


def test_segments_cover_the_text_and_mark_overlaps() -> None:
    text = "Kyiv said Moscow must leave."
    spans = [
        Span("actor", 1, 0, 4, "Kyiv"),
        Span("quote", 2, 0, 27, "quote"),
        Span("actor", 3, 10, 16, "Moscow"),
    ]
    parts = segments(text, [*spans, Span("event", 4, 20, 999, "outside the text")])
    assert "".join(p.text for p in parts) == text
    assert parts[0].text == "Kyiv" and set(parts[0].kinds) == {"actor", "quote"}
    assert parts[0].anchors == ["actor-1", "quote-2"]
    assert [p.text for p in parts if "actor" in p.kinds] == ["Kyiv", "Moscow"]
    assert parts[-1].kinds == []


def test_search_terms_are_quoted_words() -> None:
    assert terms('peace "talks" OR (NEAR') == ["peace", "talks", "or", "near"]
    assert fts5_query('peace "talks"') == '"peace" "talks"'
    assert fts5_query("*:^") == ""
    lead, before, hit, _after, trail = snippet("x" * 300 + " Ceasefire now " + "y" * 300, "ceasefire")
    assert hit == "Ceasefire" and lead == trail == "…" and len(before) < 120


def test_every_page_renders(client: TestClient, served_db: dict[str, Any]) -> None:
    for url in ("/", "/articles", "/actors", "/matrix", "/timeline", "/forecast", "/review", "/docs"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
    assert client.get("/articles/987654").status_code == 404
    assert "no article" in client.get("/articles/987654").text
    assert client.get("/actors/Nobody%20At%20All").status_code == 404
    assert client.get("/articles?date_from=nonsense").status_code == 400


def test_search_page_marks_the_hit(client: TestClient) -> None:
    html = client.get("/articles", params={"q": "prisoner exchange"}).text
    assert re.search(r"<mark>prisoner</mark>", html, re.IGNORECASE)
    assert "2 articles" in html


def test_article_page_highlights_items_at_their_offsets(
    client: TestClient, served_db: dict[str, Any]
) -> None:
    html = client.get(f"/articles/{served_db['article1']}").text
    article = client.get(f"/api/v1/articles/{served_db['article1']}").json()
    for position in article["positions"]:
        assert f'id="position-{position["id"]}"' in html
    assert re.search(r'<span class="[^"]*hl-position[^"]*"[^>]*>supports a ceasefire</span>', html)
    assert re.search(r'<span class="hl-actor"[^>]*>Ukraine</span>', html)


def _chips(page: str, heading: str) -> list[str]:
    """The actor names listed under the article page's heading ``heading`` (its id), in order."""
    found = re.search(rf'<ul class="chips[^"]*" aria-labelledby="{heading}">(.*?)</ul>', page, re.S)
    return [html.unescape(name) for name in re.findall(r">([^<]*)</a>", found.group(1))] if found else []


def test_article_page_lists_the_acting_actors_and_the_others_apart(
    client: TestClient, served_db: dict[str, Any]
) -> None:
    # A real article (seed 000: Kuleba and Lavrov to meet in Antalya) through the real extraction: the
    # city hosting the talks and the medium quoted are named in it, they do not act in it.
    seed = "000_ebcfd7e01bfa0f33"
    listed = client.get("/api/v1/articles", params={"q": "Antalya"}).json()["items"]
    (article_id,) = [a["id"] for a in listed if a["source_id"] == seed]
    article = client.get(f"/api/v1/articles/{article_id}").json()
    engine = open_store(served_db["url"])
    (record,) = export_records(engine, [seed])
    engine.dispose()
    assert article["acting"] == record["actors"]  # the gold-schema export's actors, by the same flag
    assert {"Sergei Lavrov", "Dmytro Kuleba", "Russia", "Ukraine"} <= set(article["acting"])
    assert {"Antalya", "Vice News"} <= set(article["also_mentioned"])
    assert not set(article["acting"]) & set(article["also_mentioned"])
    assert {*article["acting"], *article["also_mentioned"]} == {m["name"] for m in article["actors"]}
    page = client.get(f"/articles/{article_id}").text
    assert _chips(page, "acting-actors") == article["acting"]
    assert _chips(page, "mentioned-actors") == article["also_mentioned"]
    assert f"Actors <small>({len(article['acting'])})</small>" in page


def test_actor_page_has_positions_chart_and_quotes(client: TestClient) -> None:
    html = client.get("/actors/Ukraine").text
    assert 'class="chart"' in html and "data-spec=" in html
    assert "ceasefire" in html and "/static/vendor/plotly.min.js" in html


def test_matrix_and_timeline(client: TestClient) -> None:
    matrix = client.get("/matrix").text
    assert "cell-support" in matrix and "cell-oppose" in matrix
    timeline = client.get("/timeline", params={"type": "agreement"}).text
    assert "2022-03-21" in timeline and 'id="timeline-chart"' in timeline


def _specs(page: str) -> list[Any]:
    return [json.loads(html.unescape(spec)) for spec in re.findall(r'data-spec="([^"]*)"', page)]


def test_pages_draw_the_reports_views(client: TestClient, served_db: dict[str, Any]) -> None:
    """The dashboard's matrix, timeline and actor charts are the report's views: same data, same specs."""
    engine = open_store(served_db["url"])
    with session_scope(engine) as session:
        matrix = matrix_data(session)
        events = events_timeline_data(session)
        cells = build_cells(session)
    engine.dispose()
    page = client.get("/matrix").text
    shown = re.findall(r'<td class="cell cell-(\w+)" data-actor="([^"]*)" data-issue="([^"]*)">', page)
    assert sorted((html.unescape(a), i, s) for s, a, i in shown) == sorted(
        (c.actor, c.issue, c.stance) for c in matrix.cells
    )
    for cell in matrix.cells:
        assert position_color(cell.position) in page
        assert str(escape(cell.evidence[0].sentence)) in page

    drawn = _specs(client.get("/timeline").text)
    assert drawn == [json.loads(figure_json(events_figure(events)))]

    ukraine = [c for c in cells if c.actor == "Ukraine"]
    trajectories = trajectories_from_cells(ukraine)
    assert trajectories.issues
    colors = actor_colors(matrix.actors)  # the report's colours: Ukraine keeps its colour here too
    specs = _specs(client.get("/actors/Ukraine").text)
    assert specs == [
        json.loads(figure_json(trajectory_figure(trajectories, issue, colors)))
        for issue in trajectories.issues
    ]
    assert {t["line"]["color"] for spec in specs for t in spec["data"]} == {colors["Ukraine"]}


def test_plotly_is_served_locally(client: TestClient) -> None:
    response = client.get("/static/vendor/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000
    assert client.get("/static/accord.js").status_code == 200


def test_api_reference_is_offline(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/api/v1/articles" in html and "http" not in re.sub(r"https?://example\.org", "", html).split(
        "<main>"
    )[1].split("</main>")[0].replace("/api/v1/openapi.json", "")
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/forecasts" in schema["paths"]


def test_matrix_evidence_shows_its_confidence(client: TestClient) -> None:
    assert re.search(r"confidence [01]\.\d\d", client.get("/matrix").text)


def test_the_overview_chart_colours_stances_as_the_stylesheet_does(client: TestClient) -> None:
    # plotly's default palette drew "oppose" in green; a stance's colour is the one its tags have
    page = client.get("/").text
    (spec,) = [s for s in _specs(page) if "Stated positions" in json.dumps(s)]
    css = client.get("/static/accord.css").text
    colors = {trace["name"]: trace["marker"]["color"] for trace in spec["data"]}
    for stance, color in colors.items():
        assert f"--{stance}: {color}" in css


def test_article_page_and_api_give_every_items_confidence(
    client: TestClient, served_db: dict[str, Any]
) -> None:
    article = client.get(f"/api/v1/articles/{served_db['article1']}").json()
    items = [*article["quotes"], *article["events"], *article["positions"]]
    assert items and all(0.0 <= item["score"] <= 1.0 for item in items)
    html = client.get(f"/articles/{served_db['article1']}").text
    assert html.count('class="confidence"') == len(items)
