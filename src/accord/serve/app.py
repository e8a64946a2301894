"""The application factory: one FastAPI app holding the JSON API, the pages and the static assets."""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import plotly
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match

from accord import __version__
from accord.errors import AccordError, Errors
from accord.models.monte_carlo import Perturbation
from accord.scenario.params import ScenarioParams
from accord.serve import api, cache, pages, whatif
from accord.serve.security import SecurityMiddleware, check_token
from accord.settings import DEFAULTS, Settings
from accord.store import open_store
from accord.store.queries.search import ensure_search_index

HERE = Path(__file__).parent
STATIC = HERE / "static"
# plotly.js ships inside the plotly Python package; serve that file rather than a copy or a CDN.
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

STATUS = {
    Errors.A602: 401,
    Errors.A603: 413,
    Errors.A604: 400,
    Errors.A605: 404,
    Errors.A606: 422,
    Errors.A608: 413,
    Errors.A609: 422,
    Errors.A610: 500,
}


def sendable(value: Any) -> Any:
    """``value`` (already JSON-able) with everything JSON cannot carry made text: a NaN or infinite
    number becomes its name, a lone surrogate its escape. A validation error echoes the request's own
    input, and strict JSON serialization refuses both (a 500 instead of the 422)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return value if value.isascii() else value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {sendable(k): sendable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [sendable(v) for v in value]
    return value


def _leaf_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, those of included routers too (FastAPI keeps them in a router of their own)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _leaf_routes(inner.routes)
        else:
            yield route


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at this path (HEAD wherever GET is: the middleware answers it)."""
    methods: set[str] = set()
    # The path as the app's router sees it (inside a mounted app the scope's root_path has moved on).
    scope = {"type": "http", "path": request.url.path, "root_path": "", "method": "GET", "headers": []}
    for route in _leaf_routes(request.app.router.routes):
        match, _ = route.matches(scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or {"GET"})
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def _error(status: int, code: str, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}, **extra}, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    async def accord_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AccordError)
        status = STATUS.get(exc.code, 400)
        if not request.url.path.startswith("/api/"):
            return pages.error_page(request, status, exc.message)
        return _error(status, exc.code.name, exc.message)

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems: list[dict[str, Any]] = sendable(jsonable_encoder(exc.errors()))
        first: dict[str, Any] = problems[0] if problems else {"loc": ["request"], "msg": "invalid"}
        if first.get("type") == "json_invalid":
            # FastAPI's loc is (body, character offset), its msg only "JSON decode error".
            param = "body"
            offset = first["loc"][-1]
            reason = f"not JSON: {(first.get('ctx') or {}).get('error', first['msg'])}"
            reason += f", at character {offset}" if offset else ""
        else:
            param = ".".join(str(p) for p in first["loc"] if p not in ("query", "path", "body"))
            reason = str(first["msg"]).removeprefix("Value error, ")
        err = AccordError(Errors.A604, path=request.url.path, param=param or "body", reason=reason)
        if not request.url.path.startswith("/api/"):
            return pages.error_page(request, 400, err.message)
        # `detail` keeps FastAPI's documented 422 shape; `error` is the one-line summary.
        body = {"error": {"code": "A604", "message": err.message}, "detail": problems}
        return JSONResponse(body, status_code=422)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = f"{request.url.path}: {exc.detail}"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # RFC 9110: a 405 lists what the resource takes, every route at this path (Starlette's own
            # header names only the first route that matched, and static files send none).
            headers["Allow"] = ", ".join(allowed_methods(request))
        response: Response
        if not request.url.path.startswith("/api/"):
            response = pages.error_page(request, exc.status_code, message)
        else:
            response = _error(exc.status_code, f"HTTP{exc.status_code}", message)
        response.headers.update(headers)
        return response

    app.add_exception_handler(AccordError, accord_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(StarletteHTTPException, http_error)


def create_app(
    db_url: str,
    token: str | None = None,
    max_body: int | None = None,
    whatif_max_work: int = whatif.MAX_WORK,
    whatif_seconds: float = whatif.MAX_SECONDS,
    settings: Settings = DEFAULTS,
) -> FastAPI:
    """The dashboard and API on the store at ``db_url``; with ``token``, every request must carry it.
    A what-if may ask for ``whatif_max_work`` actors x issues x draws, computed in ``whatif_seconds``.
    ``settings`` (read by the entry point; the declared defaults when not given) gives the scenario
    settings, the seed and spreads of the forecasts' draws, ``serve_cache`` and, unless ``max_body`` is
    given, ``max_request_bytes``; the app reads no setting itself."""
    token = check_token(token)
    engine = open_store(db_url)
    ensure_search_index(engine)
    cache.enable(settings.serve_cache)
    app = FastAPI(
        title="Accord API",
        version=__version__,
        description="Articles, extracted actors, quotes, events and positions, scenarios and forecasts.",
        docs_url=None,  # the default page loads its assets from a CDN; /docs is served locally instead
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.engine = engine
    app.state.sessions = sessionmaker(engine, expire_on_commit=False)
    app.state.whatif_max_work = whatif_max_work
    app.state.whatif_seconds = whatif_seconds
    app.state.scenario_params = ScenarioParams.of(settings)
    app.state.perturbation = Perturbation.of(settings)
    app.state.seed = settings.seed
    _install_error_handlers(app)

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(
            PLOTLY_JS, media_type="text/javascript", headers={"cache-control": "max-age=86400"}
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    limit = max_body if max_body is not None else settings.max_request_bytes
    app.add_middleware(SecurityMiddleware, token=token, max_body=limit)
    return app


def settle_heap() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight. The server imports ~125k
    long-lived objects (models, scales, registry, FastAPI's routes); without this every full collection
    walks them all, a 100-200 ms pause of every request in flight (measured with bench/serve_load.py)."""
    gc.collect()
    gc.freeze()
