"""The command line: the only module that imports click.

Each command parses its options, calls one library function and prints. A `FactcheckError`
becomes one line on stderr and exit status 2, in `main` only.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import FactcheckError, InputError

F = TypeVar("F", bound=Callable[..., Any])

DB_OPTION = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="FACTCHECK_DB",
    default=None,
    help="Reference store to use (env FACTCHECK_DB). Default: the embedded store built from "
    "the packaged reference data.",
)


def _user_errors(func: F) -> F:
    """Turn the library's user errors into one line on stderr and exit status 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            click.echo(f"factcheck: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"bad {option} '{value}': expected a date as YYYY-MM-DD, e.g. 2026-01-16"
        ) from None


class _DefaultToCheck(click.Group):
    """`factcheck ARTICLE` means `factcheck check ARTICLE`; a usage error is one line."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.ClickException as exc:
            # One line, as for every user error: not click's usage block.
            click.echo(f"factcheck: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(130)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def cli() -> None:
    """Check the figures in news articles about South Korea's album exports.

    \b
    Example:
      factcheck reference show albums --partner JP --period 2025
    """


PUBLISHED_OPTION = click.option(
    "--published",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date, for 'last year' and the exchange rate (default: front matter or "
    "dateline).",
)
LANGUAGE_OPTION = click.option(
    "--language", type=click.Choice(["en", "ko"]), default=None, help="Default: detected."
)


def _read(path: str, published: str | None, language: str | None) -> Any:
    from .articles import read_article

    return read_article(path, published=_parse_date(published, "--published"), language=language)


@cli.command("check")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@PUBLISHED_OPTION
@LANGUAGE_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "html", "claimreview"]),
    default="text",
    show_default=True,
    help="html: one standalone page with every figure marked; claimreview: schema.org "
    "ClaimReview JSON-LD, one per figure.",
)
@click.option(
    "--publisher",
    default="factcheck",
    show_default=True,
    metavar="NAME",
    help="With --format claimreview: the organisation named as the reviews' author and publisher.",
)
@DB_OPTION
@_user_errors
def check(
    articles: tuple[str, ...],
    published: str | None,
    language: str | None,
    fmt: str,
    publisher: str,
    db: Path | None,
) -> None:
    """Check every figure in ARTICLE (a .txt, .md or .html file; - for stdin).

    Exit status: 0 when no figure is a mismatch, 1 when one is, 2 when the input or an option
    is unusable. `factcheck ARTICLE` is short for `factcheck check ARTICLE`.

    \b
    Example:
      factcheck examples/2023-h1-won-conversions.md --format markdown
      factcheck examples/errors-wrong-year.md --format html > checked.html
    """
    from .check import check_article
    from .report import render_claimreview, render_report
    from .store import open_store

    # Read everything first: a bad file or option stops before anything is printed.
    read = [_read(path, published, language) for path in articles]
    mismatch = False
    colour = fmt == "text" and sys.stdout.isatty()
    checked = []
    with open_store(db, readonly=db is not None) as store:
        for article in read:
            report = check_article(article, store)
            mismatch = mismatch or report.summary.mismatch > 0
            if fmt == "html":
                checked.append((article, report))
            elif fmt == "claimreview":
                click.echo(
                    render_claimreview(
                        report,
                        publisher=publisher,
                        url=article.url,
                        headline=article.title,
                        indent=None if len(read) > 1 else 2,
                    ),
                    nl=False,
                )
            elif fmt == "json" and len(read) > 1:
                click.echo(report.model_dump_json())
            else:
                click.echo(render_report(report, fmt, colour=colour), nl=False)  # type: ignore[arg-type]
    if checked:
        from .html import render_html

        click.echo(render_html(checked), nl=False)
    sys.exit(1 if mismatch else 0)


@cli.command("batch")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="Check the files matching PATTERN (e.g. '*.md'; repeatable) instead of every .txt, "
    ".md and .html file.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes. Default: the number of cores.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl", "csv"]),
    default="text",
    show_default=True,
    help="jsonl: one report per line; csv: one row per claim.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the reports to this file (whole, when the batch ends) instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["mismatch", "never"]),
    default="mismatch",
    show_default=True,
    help="Exit with status 1 when a figure is a mismatch, or never.",
)
@click.option("--no-cache", is_flag=True, help="Check every article, even those checked before.")
@DB_OPTION
@_user_errors
def batch(
    paths: tuple[str, ...],
    globs: tuple[str, ...],
    jobs: int | None,
    fmt: str,
    output: Path | None,
    fail_on: str,
    no_cache: bool,
    db: Path | None,
) -> None:
    """Check every article under PATH (folders are searched recursively).

    Reports are written as they finish; progress and a summary go to stderr. An article whose
    text and store are unchanged since the last run comes from the cache. A file that cannot
    be read is listed in the summary and skipped. Ctrl-C stops cleanly, keeping what was done.
    Exit status: 0, 1 when a figure is a mismatch (see --fail-on), 2 when nothing could be
    checked; 130 after Ctrl-C.

    \b
    Example:
      factcheck batch news/ --format jsonl --output reports.jsonl
    """
    from contextlib import nullcontext

    from .batch import (
        atomic_output,
        default_jobs,
        find_articles,
        progress_bar,
        render_summary,
        run_batch,
    )

    files = find_articles(paths, globs)
    if not files:
        wanted = ", ".join(globs) if globs else ".txt, .md or .html"
        raise InputError(f"no {wanted} files under {', '.join(paths)}: nothing to check")
    stdout = sys.stdout.buffer
    # A bar on the terminal that also shows the reports would be torn by them.
    bar_stream = sys.stderr if output is not None or not stdout.isatty() else None
    sink = atomic_output(output) if output is not None else nullcontext(stdout)
    with sink as out, progress_bar(len(files), bar_stream) as progress:
        result = run_batch(
            files,
            out,
            fmt=fmt,  # type: ignore[arg-type]
            db=db,
            jobs=jobs or default_jobs(),
            use_cache=not no_cache,
            progress=progress,
        )
    click.echo(render_summary(result), err=True, nl=False)
    if result.interrupted:
        sys.exit(130)
    if result.mismatches and fail_on == "mismatch":
        sys.exit(1)
    sys.exit(2 if result.failed and not result.articles else 0)


@cli.command("claims")
@click.argument("article", metavar="ARTICLE")
@PUBLISHED_OPTION
@LANGUAGE_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@DB_OPTION
@_user_errors
def claims(
    article: str, published: str | None, language: str | None, fmt: str, db: Path | None
) -> None:
    """List every figure in ARTICLE and what it is about, without judging it.

    \b
    Example:
      factcheck claims examples/2023-h1-won-conversions.md --format json
    """
    from .check import find_claims
    from .report import render_claims
    from .store import open_store

    read = _read(article, published, language)
    with open_store(db, readonly=db is not None) as store:
        found = find_claims(read, store)
    click.echo(render_claims(found, fmt), nl=False)  # type: ignore[arg-type]


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback makes the service reachable from "
    "other machines.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--max-body",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    metavar="BYTES",
    help="Larger request bodies get 413.",
)
@DB_OPTION
@_user_errors
def serve(host: str, port: int, max_body: int, db: Path | None) -> None:
    """Serve the HTTP API and the editor's page (needs the server extra).

    The editor's page is at /, the API under /v1, its OpenAPI description at /docs. The store
    is opened read-only. Stop with Ctrl-C.

    \b
    Example:
      factcheck serve --port 8000 --db figures.db
    """
    import ipaddress

    try:
        import uvicorn

        from .server import create_app
    except ImportError as exc:
        raise InputError(
            f"factcheck serve needs the server extra ({exc.name} is not installed): "
            "pip install 'factcheck[server]'"
        ) from None
    app = create_app(db, max_body=max_body)
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        click.echo(f"factcheck: serving on {host}: reachable from other machines", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@cli.command("schema")
def schema() -> None:
    """Print the JSON Schema of the report (the contract in report-schema.md).

    \b
    Example:
      factcheck schema > report.schema.json
    """
    from .models import Report

    click.echo(json.dumps(Report.model_json_schema(mode="serialization"), indent=2))


@cli.group()
def reference() -> None:
    """Build, inspect and import into the reference store.

    \b
    Example:
      factcheck reference list
    """


@reference.command("build")
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="FACTCHECK_DB",
    required=True,
    help="Where to write the store (env FACTCHECK_DB). Replaced atomically if it exists.",
)
@_user_errors
def reference_build(db: Path) -> None:
    """Build a store from the packaged reference CSVs.

    \b
    Example:
      factcheck reference build --db figures.db
    """
    from .store import build_store, open_store

    build_store(db)
    with open_store(db) as store:
        rows = sum(item["rows"] for item in store.coverage())
    click.echo(f"built {db}: {rows} figures", err=True)


@reference.command("list")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@_user_errors
def reference_list(db: Path | None, fmt: str) -> None:
    """Metrics, partners, periods covered and row counts.

    \b
    Example:
      factcheck reference list --format json
    """
    from .store import open_store

    with open_store(db, readonly=db is not None) as store:
        path, metrics, coverage = store.path, store.metrics(), store.coverage()
    if fmt == "json":
        summary = {"store": str(path), "metrics": metrics, "coverage": coverage}
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    click.echo(f"store: {path}")
    for metric in metrics:
        hs = f", HS {metric['hs_code']}" if metric["hs_code"] else ""
        click.echo(f"{metric['id']}: {metric['name']} ({metric['unit']}{hs})")
        for item in coverage:
            if item["metric"] == metric["id"]:
                click.echo(
                    f"  {item['measure']:<13} {item['rows']:>4} rows  {item['partners']:>3} "
                    f"partners  {item['periods']:>3} periods  {item['from']} to {item['to']}"
                )


@reference.command("show")
@click.argument("metric")
@click.option("--partner", default=None, help="WORLD or an ISO code such as JP.")
@click.option("--period", default=None, help="2025, 2023-H1, 2023-Q3, 2024-10, 2023-01/2023-10.")
@click.option("--measure", default=None, help="value, yoy_pct, share_pct, rank, destinations.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@DB_OPTION
@_user_errors
def reference_show(
    metric: str,
    partner: str | None,
    period: str | None,
    measure: str | None,
    fmt: str,
    db: Path | None,
) -> None:
    """Every figure for METRIC, with its vintage, release date and source.

    \b
    Example:
      factcheck reference show albums --partner WORLD --period 2022 --format json
    """
    from .store import find_figures, open_store

    with open_store(db, readonly=db is not None) as store:
        figures = find_figures(store, metric, partner, period, measure)
    if fmt == "json":
        payload = [figure.model_dump(mode="json") for figure in figures]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for f in figures:
        released = f.released.isoformat() if f.released else "release date unknown"
        click.echo(
            f"{f.metric} {f.partner} {f.period} {f.measure}: {f.value} {f.unit} "
            f"({f.vintage}, {released})  {f.source_url}"
        )
    if not figures:
        click.echo("no figures match", err=True)


@reference.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="FACTCHECK_DB",
    required=True,
    help="The store to import into (env FACTCHECK_DB); build it first with `reference build`.",
)
@click.option(
    "--vintage",
    type=click.Choice(["preliminary", "revised"]),
    default="preliminary",
    show_default=True,
)
@click.option("--released", default=None, help="Release date of the data, YYYY-MM-DD.")
@click.option(
    "--source-url",
    default="https://www.data.go.kr/data/15100475/openapi.do",
    show_default=True,
    help="Where the file came from.",
)
@_user_errors
def reference_import(
    file: Path, db: Path, vintage: str, released: str | None, source_url: str
) -> None:
    """Import a KCS trade-statistics file (nitemtrade XML or CSV) as monthly figures.

    \b
    Example:
      factcheck reference import kcs-2025-12.xml --db figures.db --released 2026-01-15
    """
    from .store import import_kcs, open_store

    release_date = _parse_date(released, "--released")
    with open_store(db) as store:
        added, unchanged = import_kcs(
            store,
            file,
            "revised" if vintage == "revised" else "preliminary",
            release_date,
            source_url,
        )
    click.echo(f"imported {file}: {added} figures added, {unchanged} unchanged", err=True)


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="factcheck")
