"""The Python API: check an article given as text or as a file, get the `Report` back.

Open the store once and pass it to every call; one store may serve many threads at once (each
thread queries through its own connection, see `Store`). Without a store, a call opens the
default one and closes it again, which costs a few milliseconds:

>>> from factcheck import check_text, open_store
>>> with open_store() as store:
...     report = check_text("In 2025 album exports rose 3.4% to $301.7 million.", store=store)
>>> report.summary.supported, report.summary.mismatch
(2, 0)

Nothing is kept between calls but what the store itself caches, so there is no global state to
set up or reset.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .articles import article_from_text, read_article
from .check import check_article
from .models import Article, Report
from .store import Store, open_store

__all__ = ["check_file", "check_text"]


def check_text(
    text: str,
    *,
    store: Store | None = None,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
    source: str = "-",
) -> Report:
    """The report on every figure in `text` (plain text, Markdown or HTML, guessed).

    `published` dates the article when the text does not ("last year", the exchange rate);
    `language` is "en" or "ko" (default: detected); `source` labels the report. A report with
    no claims is the answer for a text without figures. Raises InputError for an empty text or
    an unknown language, StoreError when no store can be opened.
    """
    article = article_from_text(
        text, source=source, published=published, title=title, url=url, language=language
    )
    return check_parsed(article, store)


def check_file(
    path: str | Path,
    *,
    store: Store | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Report:
    """The report on every figure in the article at `path` (.txt, .md or .html).

    Raises InputError for a missing, empty, binary or undecodable file.
    """
    return check_parsed(read_article(path, published=published, language=language), store)


def check_parsed(article: Article, store: Store | None = None) -> Report:
    """The report on an `Article` already read (for callers that also need its text)."""
    with _using(store) as opened:
        return check_article(article, opened)


@contextmanager
def _using(store: Store | None) -> Iterator[Store]:
    if store is not None:
        yield store
        return
    with open_store(readonly=True) as opened:
        yield opened
