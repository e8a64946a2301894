"""Server-rendered pages (Jinja2, autoescaped); charts are plotly specs read by static/accord.js."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from accord import __version__
from accord.errors import AccordError, Errors
from accord.report.charts import (
    STANCE_COLOR,
    actor_colors,
    events_figure,
    figure_json,
    position_color,
    trajectory_figure,
)
from accord.report.views import events_timeline_data, matrix_from_cells, trajectories_from_cells
from accord.scenario.builder import Cell
from accord.scenario.scales import load_scales
from accord.scenario.timeline import stages
from accord.serve import review, whatif
from accord.serve.deps import Name, SearchText, SessionDep, iso_day, memo, not_found
from accord.serve.highlight import Span, segments
from accord.store import queries
from accord.store.queries import ArticleFilter, search
from accord.store.schema import MAX_ROW_ID

TEMPLATES = Jinja2Templates(directory=str(FilePath(__file__).parent / "templates"))
TEMPLATES.env.globals["version"] = __version__
router = APIRouter(include_in_schema=False)

PageNo = Annotated[int, Query(ge=1, le=100_000)]
# Forms send empty fields as empty strings; pages read dates leniently (empty means no filter).
DayText = Annotated[str | None, Query(max_length=10)]


def to_json(value: Any) -> str:
    """JSON for a data-* attribute (the template escapes it as an attribute value); a string is taken
    as JSON already (the report's chart specs arrive encoded by :func:`accord.report.charts.figure_json`)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str, separators=(",", ":"))


def web_url(value: str | None) -> str | None:
    """The URL if it is a plain http(s) address, else None: stored URLs never become script links."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


TEMPLATES.env.filters["tojson_attr"] = to_json
TEMPLATES.env.filters["web_url"] = web_url
TEMPLATES.env.filters["position_color"] = position_color


def cached_page(handler: Callable[..., Response]) -> Callable[..., Response]:
    """Serve the page's HTML from :mod:`accord.serve.cache` while the store stays as it was: a page is a
    function of its path, its query string and the store. Errors are raised, so never cached."""

    @functools.wraps(handler)
    def page(*args: Any, **kwargs: Any) -> Response:
        request: Request = kwargs["request"]

        def build() -> tuple[bytes, int]:
            response = handler(*args, **kwargs)
            return bytes(response.body), response.status_code

        body, status = memo(request, ("page", request.url.path, request.url.query), build)
        return HTMLResponse(body, status_code=status)

    return page


def render(request: Request, template: str, http_status: int = 200, /, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, context, status_code=http_status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status_code=status, message=message)


def day(request: Request, value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        parsed = iso_day(value)
    except ValueError as exc:
        reason = "expected a date as YYYY-MM-DD"
        raise AccordError(Errors.A604, path=request.url.path, param=name, reason=reason) from exc
    assert isinstance(parsed, dt.date)
    return parsed


def _query(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@router.get("/", response_class=HTMLResponse)
@cached_page
def overview(request: Request, session: SessionDep) -> Response:
    counts = queries.store_counts(session)
    latest = queries.list_articles(session, limit=8)
    top = queries.actors(session, limit=12)
    issue_rows = queries.issues(session)
    dupes = queries.clusters(session, limit=5)
    chart = None
    if issue_rows:
        names = [i.issue for i in issue_rows]
        chart = {
            "data": [
                {
                    "type": "bar",
                    "name": stance,
                    "x": names,
                    "y": [getattr(i, stance) for i in issue_rows],
                    "marker": {"color": STANCE_COLOR[stance]},
                }
                for stance in ("support", "conditional", "oppose")
            ],
            "layout": {"barmode": "stack", "title": {"text": "Stated positions by issue"}, "height": 320},
        }
    return render(
        request,
        "overview.html",
        counts=counts,
        latest=latest.items,
        top=top.items,
        issues=issue_rows,
        clusters=dupes.items,
        chart=chart,
    )


@router.get("/articles", response_class=HTMLResponse)
@cached_page
def articles(
    request: Request,
    session: SessionDep,
    q: SearchText = None,
    outlet: Name = None,
    actor: Name = None,
    issue: Name = None,
    date_from: DayText = None,
    date_to: DayText = None,
    page: PageNo = 1,
) -> Response:
    size = 20
    filters = {
        "outlet": outlet,
        "actor": actor,
        "issue": issue,
        "date_from": day(request, date_from, "date_from"),
        "date_to": day(request, date_to, "date_to"),
    }
    chosen = ArticleFilter(q=q, **filters)
    found = queries.list_articles(session, chosen, limit=size, offset=(page - 1) * size)
    snippets: dict[int, tuple[str, ...]] = {}
    if q and found.items:
        texts = queries.texts(session, [a.id for a in found.items])
        snippets = {i: search.snippet(t, q) for i, t in texts.items()}
    base = {"q": q, **filters}
    pages_total = max(1, -(-found.total // size))
    return render(
        request,
        "articles.html",
        found=found,
        q=q or "",
        filters=filters,
        snippets=snippets,
        page=page,
        pages_total=pages_total,
        prev_link=_query(**base, page=page - 1) if page > 1 else None,
        next_link=_query(**base, page=page + 1) if page < pages_total else None,
        outlets=queries.outlets(session),
        issues=[i.issue for i in queries.issues(session)],
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
@cached_page
def article(
    request: Request, session: SessionDep, article_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
) -> Response:
    found = queries.article_detail(session, article_id)
    if found is None:
        raise not_found(request, "article", article_id)
    spans = (
        [Span("actor", a.id, a.start, a.end, f"actor: {a.name}") for a in found.actors]
        + [Span("quote", q.id, q.start, q.end, f"quote by {q.speaker}") for q in found.quotes]
        + [Span("event", e.id, e.start, e.end, f"event: {e.type}") for e in found.events]
        + [
            Span("position", p.id, p.start, p.end, f"{p.actor}: {p.stance} {p.issue}")
            for p in found.positions
        ]
    )
    return render(request, "article.html", article=found, segments=segments(found.text, spans))


@router.get("/actors", response_class=HTMLResponse)
@cached_page
def actors(request: Request, session: SessionDep, q: Name = None, page: PageNo = 1) -> Response:
    size = 50
    found = queries.actors(session, q=q, limit=size, offset=(page - 1) * size)
    pages_total = max(1, -(-found.total // size))
    return render(
        request,
        "actors.html",
        found=found,
        q=q or "",
        page=page,
        pages_total=pages_total,
        prev_link=_query(q=q, page=page - 1) if page > 1 else None,
        next_link=_query(q=q, page=page + 1) if page < pages_total else None,
    )


def actor_cells(cells: list[Cell], name: str) -> list[Cell]:
    """The scenario cells an actor speaks in: its own, and (for a person whose statements count for the
    country they serve) the cells holding its statements, narrowed to those."""
    found: list[Cell] = []
    for cell in cells:
        if cell.actor == name:
            found.append(cell)
            continue
        own = [s for s in cell.statements if s.speaker == name]
        if own:
            found.append(cell.model_copy(update={"statements": own}))
    return found


@router.get("/actors/{name:path}", response_class=HTMLResponse)
@cached_page
def actor(request: Request, session: SessionDep, name: str) -> Response:
    if len(name) > 300 or "\x00" in name or not queries.actor_exists(session, name):
        raise not_found(request, "actor", name[:300])
    stated = queries.positions(session, actor=name, limit=200)
    said = queries.quotes(session, speaker=name, limit=50)
    happened = queries.events(session, actor=name, limit=100)
    mentioned = queries.list_articles(session, ArticleFilter(actor=name), limit=20)
    state = request.app.state
    cells = whatif.store_cells(state.engine, params=state.scenario_params)
    scales = load_scales(state.scenario_params.issue_scales)
    trajectories = trajectories_from_cells(actor_cells(cells, name), scales)
    colors = actor_colors(matrix_from_cells(cells, scales).actors)  # as in the report: one colour per actor
    charts = [figure_json(trajectory_figure(trajectories, issue, colors)) for issue in trajectories.issues]
    return render(
        request,
        "actor.html",
        name=name,
        positions=stated,
        quotes=said,
        events=happened,
        articles=mentioned,
        charts=charts,
    )


@router.get("/matrix", response_class=HTMLResponse)
@cached_page
def matrix(request: Request) -> Response:
    """The report's actor × issue matrix: the scenario's cells with their evidence."""
    state = request.app.state
    scales = load_scales(state.scenario_params.issue_scales)
    data = matrix_from_cells(whatif.store_cells(state.engine, params=state.scenario_params), scales)
    return render(request, "matrix.html", m=data)


@router.get("/timeline", response_class=HTMLResponse)
@cached_page
def timeline(
    request: Request,
    session: SessionDep,
    type: Name = None,
    date_from: DayText = None,
    date_to: DayText = None,
) -> Response:
    """The report's events view: events on a time axis with the stages of the process shaded."""
    first, last = day(request, date_from, "date_from"), day(request, date_to, "date_to")
    data = events_timeline_data(session, min_score=request.app.state.scenario_params.min_confidence)
    chosen = [
        e
        for e in data.events
        if (not type or e.type == type)
        and (first is None or (e.date is not None and e.date >= first))
        and (last is None or (e.date is not None and e.date <= last))
    ]
    shown = data.model_copy(update={"events": chosen, "stages": stages(chosen)})
    chart = figure_json(events_figure(shown)) if chosen else None
    types = sorted({e.type for e in data.events})
    return render(
        request,
        "timeline.html",
        timeline=shown,
        chart=chart,
        types=types,
        type=type or "",
        date_from=date_from,
        date_to=date_to,
    )


@router.get("/review", response_class=HTMLResponse)
@cached_page
def review_page(
    request: Request,
    session: SessionDep,
    type: Annotated[str, Query(pattern="^(actor|quote|event|position)$")] = "position",
    status: Annotated[str, Query(pattern="^(pending|reviewed|all)$")] = "pending",
    page: PageNo = 1,
) -> Response:
    size = 25
    entries, total = review.queue(
        session, item_type=type, status=status, limit=size, offset=(page - 1) * size
    )
    pages_total = max(1, -(-total // size))
    return render(
        request,
        "review.html",
        entries=entries,
        total=total,
        type=type,
        status=status,
        page=page,
        pages_total=pages_total,
        prev_link=_query(type=type, status=status, page=page - 1) if page > 1 else None,
        next_link=_query(type=type, status=status, page=page + 1) if page < pages_total else None,
        stances=review.STANCES,
        issues=[i.issue for i in queries.issues(session)],
    )


@router.get("/docs", response_class=HTMLResponse)
@cached_page
def docs(request: Request) -> Response:
    """The API reference, rendered here from the OpenAPI schema (no CDN assets)."""
    schema = request.app.openapi()
    operations = [
        {"path": path, "method": method.upper(), **op}
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]
    return render(request, "docs.html", operations=operations, schema=schema)


@router.get("/forecast", response_class=HTMLResponse)
@cached_page
def forecast_page(request: Request, as_of: DayText = None) -> Response:
    """The store's scenario with every model's forecast, and controls to change it (what-if)."""
    when = day(request, as_of, "as_of")
    state = request.app.state
    chosen = whatif.store_scenario(state.engine, when, params=state.scenario_params)
    baseline = whatif.store_forecast(
        state.engine,
        when,
        whatif.WHATIF_DRAWS,
        state.seed,
        params=state.scenario_params,
        perturbation=state.perturbation,
    )
    forecast = whatif.forecast_set(baseline)
    stances_by_issue: dict[str, list[Any]] = defaultdict(list)
    for s in chosen.stances:
        stances_by_issue[s.issue].append(s)
    names = {a.id: a.name for a in chosen.actors}
    return render(
        request,
        "forecast.html",
        scenario=chosen,
        scenario_json=chosen.model_dump(mode="json"),
        baseline=forecast.forecasts,
        intervals=forecast.intervals,
        notes=forecast.notes,
        draws=whatif.WHATIF_DRAWS,
        models=forecast.models,
        stances_by_issue=stances_by_issue,
        names=names,
        as_of=as_of,
    )
