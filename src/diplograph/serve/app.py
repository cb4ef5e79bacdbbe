"""The FastAPI application: JSON API under ``/api``, dashboard pages with ``.json`` twins.

Build it with :func:`create_app`; ``diplograph serve`` runs it under uvicorn.
Errors are turned into HTTP answers in one place (:func:`_install_errors`):
validation → 422, unknown record → 404, unreadable database → 503, always as
``{"error": {"status", "message", "details"}}`` (an HTML page for dashboard URLs).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from diplograph import __version__
from diplograph.errors import DiplographError, NotFound, StoreError, UsageError
from diplograph.serve.actor_view import actor_href
from diplograph.serve.cache import ResponseCache
from diplograph.serve.models import ERRORS
from diplograph.serve.security import SecurityHeaders, external_link, secure
from diplograph.serve.snapshot import Snapshots
from diplograph.wording import counted

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent


class WebSettings(BaseModel):
    """Settings of the web server."""

    db: Path = Field(description="DuckDB database file (never written, never locked; its "
                                 "snapshot is published beside it).")
    refresh_s: float = Field(1.0, ge=0, description="How often to look for a newer snapshot.")
    keep_answers: bool = Field(True, description="Keep answers per snapshot (serve/cache.py); "
                                                 "off to time the queries themselves.")
    threads: int | None = Field(None, ge=1, le=256, description="DuckDB's threads, shared by "
                                "every request (default: one per core).")
    workers: int | None = Field(None, ge=1, le=256, description="Requests computed at once "
                                "(default: the server's thread pool, 40).")


def create_app(settings: WebSettings) -> FastAPI:
    """Build the app for one database.

    Raises:
        StoreError: the database file is missing or not readable.
    """
    snapshots = Snapshots(settings.db, refresh_s=settings.refresh_s, threads=settings.threads)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.workers:  # the pool the route functions run in, this event loop's
            to_thread.current_default_thread_limiter().total_tokens = settings.workers
        with _startup_objects_left_alone():
            yield
        snapshots.close()

    # /docs is ours (below): FastAPI's loads Swagger UI from a CDN and starts it with an
    # inline script, which the offline rule and the CSP forbid; ReDoc has no vendored copy.
    app = FastAPI(title="diplograph", version=__version__, lifespan=lifespan, responses=ERRORS,
                  docs_url=None, redoc_url=None,
                  description="Evidence-linked political events: events, incidents, dyads, "
                              "actors, networks and the articles behind them. Read-only.")
    app.state.settings = settings
    app.state.snapshots = snapshots
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SecurityHeaders)
    if settings.keep_answers:
        # Outermost: a kept answer has its headers already. It warms each new snapshot.
        app.add_middleware(ResponseCache, snapshots=snapshots)
    _install_errors(app)
    _install_docs(app)
    from diplograph.serve.routes import actors, articles, events, exports, pages

    for module in (exports, events, actors, articles, pages):
        app.include_router(module.router)
    return app


@contextmanager
def _startup_objects_left_alone() -> Iterator[None]:
    """While the server serves, Python's full collections leave out the objects it started
    with (modules, routes, templates, the snapshot: some 130,000): one otherwise walks
    them all inside whichever request sets it off (at 1M events 50-60 ms of CPU, the
    one-client p95 spikes of routes whose p50 is 40-50 ms). Handed back when it stops."""
    gc.collect()  # what is garbage now is not kept for good
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def templates() -> Jinja2Templates:
    from diplograph.records import STATUSES

    t = Jinja2Templates(directory=HERE / "templates")
    t.env.autoescape = True  # every template, whatever its extension: stored text is never markup
    t.env.globals.update(version=__version__, statuses=STATUSES)
    t.env.filters["actor"] = _actor_label
    t.env.filters["external_link"] = external_link
    t.env.filters["date_origin"] = date_origin
    t.env.filters["actor_href"] = actor_href
    t.env.filters["counted"] = counted  # "1 event", "2 events"
    return t


def date_origin(event: dict) -> str:
    """Where an event's date came from: ``"sentence"`` (words of the evidence, kept in
    ``date.text``), ``"article"`` (a date but no words for it: the article's publication
    date) or ``"none"`` (undated)."""
    date = event.get("date") or {}
    if not date.get("value"):
        return "none"
    return "sentence" if date.get("text") else "article"


def _actor_label(actor: dict | None) -> str:
    if not actor:
        return "—"
    name, country = actor.get("name"), actor.get("country")
    if name and country and name != country:
        return f"{name} ({country})"
    return name or country or "?"


def _install_docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def swagger_ui(request: Request):
        """Swagger UI from our static folder, started by ``static/swagger-init.js``."""
        return request.app.state.templates.TemplateResponse(
            request, "docs.html", {"title": f"{app.title} API", "openapi_url": app.openapi_url})


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.endswith(".json") or path.startswith("/static")
                or path in ("/openapi.json", "/docs", "/redoc"))


def _words(error: dict) -> str | None:
    """A validation message without pydantic's "Value error, " prefix (our validators'
    messages are written for the reader)."""
    message = error.get("msg")
    if error.get("type") == "value_error" and isinstance(message, str):
        return message.removeprefix("Value error, ")
    return message


def error_response(request: Request, status: int, message: str, details: object = None):
    if _wants_html(request):
        return request.app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message, "details": details},
            status_code=status)
    return JSONResponse({"error": {"status": status, "message": message, "details": details}},
                        status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or None,
                    "in": (e.get("loc") or ["?"])[0], "message": _words(e),
                    "input": e.get("input") if isinstance(e.get("input"), (str, int)) else None}
                   for e in exc.errors()]
        return error_response(request, 422, "invalid parameters", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(DiplographError)
    async def domain(request: Request, exc: DiplographError):
        status = {NotFound: 404, StoreError: 503, UsageError: 400}.get(type(exc), 400)
        return error_response(request, status, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        logger.exception("unexpected error on %s", request.url.path)
        # Starlette answers a 500 from outside every middleware: the headers go on here.
        return secure(error_response(request, 500, f"internal error: {type(exc).__name__}"))


__all__ = ["WebSettings", "create_app"]
