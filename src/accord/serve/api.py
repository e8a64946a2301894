"""The JSON API under /api/v1: read the store, record corrections, run scenarios and forecasts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BeforeValidator
from sqlalchemy.orm import Session

from accord.errors import AccordError, Errors
from accord.scenario.model import Scenario
from accord.serve import review, whatif
from accord.serve.deps import Name, SearchText, SessionDep, iso_day, memo_json, not_found
from accord.serve.isolate import ChildFailed, ClientGone, run_isolated
from accord.serve.schemas import (
    ActorSummary,
    ArticleDetail,
    ArticlePage,
    ClusterOut,
    CorrectionIn,
    CorrectionOut,
    Counts,
    ErrorOut,
    EventRow,
    IssueSummary,
    Page,
    PositionRow,
    QuoteRow,
)
from accord.serve.strict_json import StrictJSONRoute
from accord.store import queries
from accord.store.queries import ArticleFilter
from accord.store.schema import MAX_ROW_ID

router = APIRouter(prefix="/api/v1", route_class=StrictJSONRoute)
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "No such item"}}
TOO_MUCH: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "Too much work: actors, actors x issues or x draws over a limit"},
}

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
# A date is YYYY-MM-DD and nothing else: pydantic alone would read `0` as 1970-01-01 (a Unix time).
Day = Annotated[dt.date | None, BeforeValidator(iso_day), Query()]
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


def _page(request: Request, query: Callable[..., Any], session: Session, **params: Any) -> Response:
    """One page of a listing, cached per store state under every parameter the query is called with:
    the key and the call come from the same arguments, so no filter can be left out of the key."""
    key = (f"api.{query.__name__}", *sorted(params.items()))
    return memo_json(request, key, lambda: query(session, **params))


@router.get("/stats", response_model=Counts, tags=["store"])
def stats(request: Request, session: SessionDep) -> Response:
    """How much is in the store: articles, clusters, extracted items, corrections, date range."""
    return memo_json(request, ("api.stats",), lambda: queries.store_counts(session))


@router.get("/articles", response_model=ArticlePage, tags=["articles"])
def articles(
    request: Request,
    session: SessionDep,
    q: SearchText = None,
    outlet: Name = None,
    actor: Name = None,
    issue: Name = None,
    date_from: Day = None,
    date_to: Day = None,
    cluster: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Articles, newest first or best match first with ``q`` (full-text search: every word, any form),
    filtered and paginated; ``outlet`` matches outlet names containing it, in any case."""
    chosen = ArticleFilter(
        q=q, outlet=outlet, actor=actor, issue=issue, date_from=date_from, date_to=date_to, cluster=cluster
    )
    return _page(request, queries.list_articles, session, chosen=chosen, limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND, tags=["articles"])
def article(request: Request, session: SessionDep, article_id: RowId) -> Response:
    """One article with its text and every extracted item, with character offsets into that text."""

    def build() -> ArticleDetail:
        found = queries.article_detail(session, article_id)
        if found is None:
            raise not_found(request, "article", article_id)
        return found

    return memo_json(request, ("api.article", article_id), build)


@router.get("/actors", response_model=Page[ActorSummary], tags=["actors"])
def actors(
    request: Request, session: SessionDep, q: Name = None, limit: Limit = 50, offset: Offset = 0
) -> Response:
    """Actors mentioned in the articles, most mentioned first; ``q`` filters by name."""
    return _page(request, queries.actors, session, q=q, limit=limit, offset=offset)


@router.get("/issues", response_model=list[IssueSummary], tags=["actors"])
def issues(request: Request, session: SessionDep) -> Response:
    """Negotiation issues with counts of stated positions by stance."""
    return memo_json(request, ("api.issues",), lambda: queries.issues(session))


@router.get("/positions", response_model=Page[PositionRow], tags=["items"])
def positions(
    request: Request,
    session: SessionDep,
    actor: Name = None,
    issue: Name = None,
    stance: Annotated[str | None, Query(pattern="^(support|oppose|conditional)$")] = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Stated positions over time (oldest first), each with its article date and sentence."""
    return _page(
        request,
        queries.positions,
        session,
        actor=actor,
        issue=issue,
        stance=stance,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )


@router.get("/quotes", response_model=Page[QuoteRow], tags=["items"])
def quotes(
    request: Request,
    session: SessionDep,
    speaker: Name = None,
    q: SearchText = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Quotations, newest first; ``speaker`` and a text filter ``q``."""
    return _page(
        request,
        queries.quotes,
        session,
        speaker=speaker,
        q=q,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )


@router.get("/events", response_model=Page[EventRow], tags=["items"])
def events(
    request: Request,
    session: SessionDep,
    type: Name = None,
    actor: Name = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Events in time order (the event's own date, else its article's), filtered by type or participant."""
    return _page(
        request,
        queries.events,
        session,
        type=type,
        actor=actor,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )


@router.get("/clusters", response_model=Page[ClusterOut], tags=["articles"])
def clusters(
    request: Request,
    session: SessionDep,
    min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Near-duplicate clusters (syndicated or rewritten copies), largest first."""
    return _page(request, queries.clusters, session, min_size=min_size, limit=limit, offset=offset)


@router.get("/clusters/{cluster_id}", response_model=ClusterOut, responses=NOT_FOUND, tags=["articles"])
def cluster(request: Request, session: SessionDep, cluster_id: RowId) -> Response:

    def build() -> ClusterOut:
        found = queries.cluster(session, cluster_id)
        if found is None:
            raise not_found(request, "cluster", cluster_id)
        return found

    return memo_json(request, ("api.cluster", cluster_id), build)


@router.get("/corrections", response_model=list[CorrectionOut], tags=["review"])
def corrections(session: SessionDep, source_id: Name = None) -> list[CorrectionOut]:
    """Every analyst decision, keyed by (article source id, item type, start, end)."""
    return review.list_corrections(session, source_id)


@router.post("/corrections", response_model=CorrectionOut, responses=NOT_FOUND, tags=["review"])
def correct(request: Request, session: SessionDep, body: CorrectionIn) -> CorrectionOut:
    """Accept, reject or correct one extracted item; a later decision on the same item replaces it."""
    return review.submit(session, body, path=request.url.path)


@router.get("/models", response_model=list[whatif.ModelInfo], tags=["forecasts"])
def models() -> list[whatif.ModelInfo]:
    """The bargaining models every forecast runs."""
    return whatif.models()


@router.get("/scenario", response_model=Scenario, tags=["forecasts"])
def scenario(request: Request, as_of: Day = None) -> Response:
    """The scenario (actors × issues: position, salience, capability, evidence) built from the store."""
    engine, params = request.app.state.engine, request.app.state.scenario_params
    return memo_json(
        request,
        ("api.scenario", as_of),
        lambda: whatif.store_scenario(engine, as_of, copy=False, params=params),
    )


@router.get("/forecasts", response_model=whatif.ForecastSet, tags=["forecasts"])
def forecasts(request: Request, as_of: Day = None) -> Response:
    """Every model's forecast of the store's scenario as of a date; issues without a negotiation (fewer
    than two actors hold a position) have none, and a note saying so."""
    state = request.app.state
    engine = state.engine

    def build() -> whatif.ForecastSet:
        try:
            result = whatif.store_forecast(
                engine,
                as_of,
                seed=state.seed,
                params=state.scenario_params,
                perturbation=state.perturbation,
            )
        except (ValueError, ArithmeticError) as exc:
            raise AccordError(Errors.A606, path=request.url.path, what="forecasts", reason=str(exc)) from exc
        return whatif.forecast_set(result)

    return memo_json(request, ("api.forecasts", as_of), build)


Draws = Annotated[int, Query(ge=0, le=1000, description="Monte Carlo draws for 80 % intervals; 0: none")]


@router.post("/forecasts", response_model=whatif.ForecastSet, responses=TOO_MUCH, tags=["forecasts"])
async def what_if(request: Request, body: Scenario, draws: Draws = 0) -> Response:
    """Every model's forecast of a scenario sent in the body: the what-if of the forecast page. With
    ``draws``, each forecast's 80 % Monte Carlo interval too (the page asks for them after the points).
    The work is bounded (413 beyond: at most 100 actors, 500 actors x issues, 50,000 actors x issues x
    draws); it runs in a process of its own, stopped after 30 s (422) or as soon as the client goes away."""
    path = request.url.path
    too_much = whatif.over_limit(body, draws, int(request.app.state.whatif_max_work))
    if too_much is not None:
        raise AccordError(Errors.A608, path=path, **too_much)
    seconds = float(request.app.state.whatif_seconds)
    try:
        result = await run_isolated(
            whatif.compute,
            body,
            draws,
            int(request.app.state.seed),
            request.app.state.perturbation,
            timeout=seconds,
            receive=request.receive,
        )
    except ClientGone:
        return Response(status_code=499)  # nginx's "client closed request": nobody reads it
    except TimeoutError as exc:
        raise AccordError(Errors.A609, path=path, seconds=f"{seconds:g}") from exc
    except (ValueError, ArithmeticError, ChildFailed) as exc:
        raise AccordError(Errors.A606, path=path, what="forecasts", reason=str(exc)) from exc
    return Response(whatif.forecast_set(result).model_dump_json(), media_type="application/json")
