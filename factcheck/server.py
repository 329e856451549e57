"""The HTTP service behind `factcheck serve` (FastAPI; the `server` extra).

    GET  /                  the editor's page: paste an article, press Check (html.py)
    POST /v1/check          {"text", "published"?, "title"?, "url"?, "language"?} -> a report
    POST /v1/check/batch    {"articles": [...]} (at most MAX_BATCH) -> {"reports": [...]}
    POST /v1/annotate       as /v1/check -> {"report", "html"}: what the editor's page shows
    GET  /v1/figures        ?metric=&partner=&period=&measure= -> reference figures, provenance
    GET  /healthz           {"status": "ok", ...} once the store answers
    GET  /docs              OpenAPI (its page loads its script from a CDN; the editor's does not)

A report is the contract of ../shared/report-schema.md, exactly as `--format json` prints it.
A request body over `max_body` bytes gets 413 before it is parsed; a body that is not the JSON
expected gets 422 whose `error` names the field ("published: Input should be a valid date...")
and whose `detail` lists every problem as FastAPI does.

The store is opened read-only, once, when the app is made, and closed when it shuts down. The
handlers run in worker threads and share the one `Store`, which gives each thread a connection
of its own (see store.py); at most CHECK_THREADS articles are checked at once, the rest wait.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio
from anyio import to_thread
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from .api import check_parsed
from .articles import article_from_text
from .errors import InputError, StoreError
from .html import PAGE_SCRIPT, render_annotation, render_editor_page
from .models import Article, Figure, Report
from .store import find_figures, open_store

__all__ = ["DEFAULT_MAX_BODY", "MAX_BATCH", "create_app"]

DEFAULT_MAX_BODY = 1_000_000
#: Articles in one batch request: a request's work stays bounded, as its size does.
MAX_BATCH = 100
#: Articles checked at once; more requests wait their turn. Checking is CPU-bound Python, so
#: more threads only take turns at the GIL: with 40 (the thread pool's size) a load of 50
#: clients got a fifth fewer answers per second and a p99 latency 7 times longer.
CHECK_THREADS = 2

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# -- requests and responses -------------------------------------------------------------------


class CheckRequest(BaseModel):
    """An article to check."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article: plain text, Markdown or HTML")
    published: date | None = Field(
        default=None, description="Publication date, YYYY-MM-DD (default: found in the text)"
    )
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2048, description="Where it appears")
    language: Literal["en", "ko"] | None = Field(default=None, description="Default: detected")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise PydanticCustomError(
                "blank_text", "the text is empty: expected the text of a news article"
            )
        return text

    def article(self) -> Article:
        return article_from_text(
            self.text,
            source=self.url or "-",
            published=self.published,
            title=self.title,
            url=self.url,
            language=self.language,
        )


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[CheckRequest] = Field(min_length=1, max_length=MAX_BATCH)


class BatchResponse(BaseModel):
    reports: list[Report] = Field(description="One report per article, in the order sent")


class Annotation(BaseModel):
    report: Report
    html: str = Field(description="The annotated article as an HTML fragment")


class Figures(BaseModel):
    figures: list[Figure]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    data_version: str = Field(description="Changes whenever the store's figures do")


# -- the body limit ---------------------------------------------------------------------------


class BodyLimit:
    """413 for a request body over `max_body` bytes, declared or streamed, before any parsing.

    The body is read here (at most `max_body` bytes are held) and handed on unchanged.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(scope, send, int(declared))
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, send, None)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, send: Send, size: int | None) -> None:
        stated = f" of {size} bytes" if size is not None else ""
        response = JSONResponse(
            status_code=413,
            content={
                "error": f"request body{stated} is over the limit of {self.max_body} bytes: "
                "send fewer or shorter articles, or start the server with a larger --max-body",
            },
        )
        await response(scope, _nothing, send)


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


# -- errors -----------------------------------------------------------------------------------


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    """ "articles.0.published" for ("body", "articles", 0, "published")."""
    inner = loc[1:] if loc and loc[0] in ("body", "query") else loc
    return ".".join(str(part) for part in inner)


def _problem(error: dict[str, Any]) -> str:
    if error["type"] == "json_invalid":
        where = error["loc"][-1] if isinstance(error["loc"][-1], int) else "?"
        reason = error.get("ctx", {}).get("error", "")
        return (
            f"malformed JSON at character {where} ({reason}): "
            'send an object such as {"text": "...", "published": "2025-07-20"}'
        )
    field = _field(error["loc"])
    return f"{field}: {error['msg']}" if field else error["msg"]


def _plain(error: dict[str, Any]) -> dict[str, Any]:
    """A validation error without the input it quotes (which may be a whole article)."""
    plain = {key: error[key] for key in ("type", "loc", "msg")}
    if "error" in error.get("ctx", {}):
        plain["ctx"] = {"error": str(error["ctx"]["error"])}
    return plain


def _unprocessable(problems: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse(
        status_code=422, content={"error": _problem(problems[0]), "detail": problems}
    )


#: InputError messages of `find_figures` -> the query parameter they are about.
_FIGURE_PARAMETERS = {
    "unknown metric": "metric",
    "unknown partner": "partner",
    "impossible period": "period",
    "unknown measure": "measure",
}


# -- the app ----------------------------------------------------------------------------------


def create_app(
    db: Path | str | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    check_threads: int = CHECK_THREADS,
) -> FastAPI:
    """The service over the store at `db` (default: $FACTCHECK_DB, else the embedded store).

    The store is opened read-only now, so a missing or foreign store raises StoreError here,
    not on the first request. At most `check_threads` articles are checked at once.
    """
    store = open_store(db, readonly=True)
    page = render_editor_page()
    # The page runs only its own inline script and talks only to this server.
    digest = base64.b64encode(hashlib.sha256(PAGE_SCRIPT.encode()).digest()).decode()
    page_headers = {
        "Content-Security-Policy": (
            f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
    }

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="factcheck",
        version=_version(),
        summary="Check the figures in news articles about South Korea's album exports.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.add_middleware(BodyLimit, max_body=max_body)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _unprocessable([_plain(error) for error in exc.errors()])

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return _unprocessable([{"type": "input_error", "loc": ["body"], "msg": str(exc)}])

    @app.exception_handler(StoreError)
    async def _store(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"error": str(exc)})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def editor_page() -> HTMLResponse:
        return HTMLResponse(page, headers=page_headers)

    checking = anyio.CapacityLimiter(check_threads)

    def check_one(request: CheckRequest) -> Report:
        return check_parsed(request.article(), store)

    def annotate_one(request: CheckRequest) -> Annotation:
        article = request.article()
        report = check_parsed(article, store)
        return Annotation(report=report, html=render_annotation(article, report))

    @app.post("/v1/check", response_model=Report, tags=["check"])
    async def check(request: CheckRequest) -> Report:
        """Check every figure in one article; the report of `factcheck ARTICLE --format json`."""
        return await to_thread.run_sync(check_one, request, limiter=checking)

    @app.post("/v1/check/batch", response_model=BatchResponse, tags=["check"])
    async def check_batch(request: BatchRequest) -> BatchResponse:
        """Check up to 100 articles; one report each, in the order sent."""
        reports = [
            await to_thread.run_sync(check_one, item, limiter=checking) for item in request.articles
        ]
        return BatchResponse(reports=reports)

    @app.post("/v1/annotate", response_model=Annotation, tags=["check"])
    async def annotate(request: CheckRequest) -> Annotation:
        """Check one article; its report and the article annotated as HTML (the editor's page)."""
        return await to_thread.run_sync(annotate_one, request, limiter=checking)

    @app.get("/v1/figures", response_model=Figures, tags=["reference"])
    def figures(
        metric: Annotated[str, Query(description="albums, albums_and_videos, videos, ...")],
        partner: Annotated[str | None, Query(description="WORLD or an ISO code: JP")] = None,
        period: Annotated[str | None, Query(description="2025, 2023-H1, 2024-10, ...")] = None,
        measure: Annotated[str | None, Query(description="value, yoy_pct, share_pct, rank")] = None,
    ) -> Figures | JSONResponse:
        """Reference figures, each with its vintage, release date and source."""
        try:
            return Figures(figures=find_figures(store, metric, partner, period, measure))
        except InputError as exc:
            message = str(exc)
            name = next((n for p, n in _FIGURE_PARAMETERS.items() if message.startswith(p)), "")
            loc = ["query", name] if name else ["query"]
            return _unprocessable([{"type": "input_error", "loc": loc, "msg": message}])

    @app.get("/healthz", response_model=Health, tags=["service"])
    def healthz() -> Health:
        """ok once the store answers; its data version changes when the figures do."""
        return Health(status="ok", version=_version(), data_version=store.data_version)

    return app


def _version() -> str:
    try:
        return version("factcheck")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"
