"""The application factory: one FastAPI app holding the JSON API, the pages and the static assets."""

from __future__ import annotations

import gc
from pathlib import Path

import plotly
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord import __version__, settings
from accord.errors import AccordError, Errors
from accord.serve import api, cache, pages
from accord.serve.search import ensure_search_index
from accord.serve.security import SecurityMiddleware
from accord.store import open_store

HERE = Path(__file__).parent
STATIC = HERE / "static"
# plotly.js ships inside the plotly Python package; serve that file rather than a copy or a CDN.
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

STATUS = {Errors.A602: 401, Errors.A603: 413, Errors.A604: 400, Errors.A605: 404, Errors.A606: 422}


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
        problems = exc.errors()
        first = problems[0] if problems else {"loc": ("request",), "msg": "invalid"}
        param = ".".join(str(p) for p in first["loc"] if p not in ("query", "path", "body"))
        err = AccordError(Errors.A604, path=request.url.path, param=param or "body", reason=first["msg"])
        if not request.url.path.startswith("/api/"):
            return pages.error_page(request, 400, err.message)
        # `detail` keeps FastAPI's documented 422 shape; `error` is the one-line summary.
        body = {"error": {"code": "A604", "message": err.message}, "detail": jsonable_encoder(problems)}
        return JSONResponse(body, status_code=422)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = f"{request.url.path}: {exc.detail}"
        if not request.url.path.startswith("/api/"):
            return pages.error_page(request, exc.status_code, message)
        return _error(exc.status_code, f"HTTP{exc.status_code}", message)

    app.add_exception_handler(AccordError, accord_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(StarletteHTTPException, http_error)


def create_app(db_url: str, token: str | None = None, max_body: int | None = None) -> FastAPI:
    """The dashboard and API on the store at ``db_url``; with ``token``, every request must carry it."""
    engine = open_store(db_url)
    ensure_search_index(engine)
    cache.enable(bool(settings.get("serve_cache")))
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
    _install_error_handlers(app)

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(
            PLOTLY_JS, media_type="text/javascript", headers={"cache-control": "max-age=86400"}
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    limit = max_body if max_body is not None else int(settings.get("max_request_bytes"))
    app.add_middleware(SecurityMiddleware, token=token, max_body=limit)
    return app


def settle_heap() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight. The server imports ~125k
    long-lived objects (models, scales, registry, FastAPI's routes); without this every full collection
    walks them all, a 100-200 ms pause of every request in flight (measured with bench/serve_load.py)."""
    gc.collect()
    gc.freeze()


def app_from_settings() -> FastAPI:
    """The app for ``accord serve --workers N``: each worker process builds its own from the settings."""
    token = str(settings.get("token")) or None
    application = create_app(str(settings.get("db")), token=token)
    settle_heap()
    return application
