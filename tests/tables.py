"""Helpers for the table tests: sentences with the figure marked in [brackets].

    row("id", "Exports hit [$301.7 million].", "value", "301700000", "USD")

Shared by the English and Korean test tables of amounts and extraction.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from factcheck.articles import article_from_text
from factcheck.extract import extract_claims

#: The parameters of a `row`.
PARAMS = ("marked", "kind", "stated", "unit", "qualifier")


def unmark_all(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence without its [brackets], and the span each bracket pair marked."""
    text, spans = "", []
    for piece in marked.split("["):
        if "]" in piece:
            inside, after = piece.split("]")
            spans.append((len(text), len(text) + len(inside)))
            text += inside + after
        else:
            text += piece
    return text, spans


def unmark(marked: str) -> tuple[str, int, int]:
    """The sentence without its one pair of [brackets], and the span they marked."""
    text, spans = unmark_all(marked)
    assert len(spans) == 1, marked
    return text, spans[0][0], spans[0][1]


def form(case_id: str, marked: str, expected: str) -> object:
    """A row of an amounts table: the marked sentence and "value unit step [qualifier]"."""
    return pytest.param(marked, expected, id=case_id)


def row(
    case_id: str,
    marked: str,
    kind: str,
    stated: str,
    unit: str,
    qualifier: str | None = None,
    *,
    gap: str | None = None,
) -> Any:
    """A row of an extraction table; `gap` marks a known failure, with what goes wrong today."""
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(marked, kind, Decimal(stated), unit, qualifier, id=case_id, marks=marks)


def check_row(
    marked: str,
    kind: str,
    stated: Decimal,
    unit: str,
    qualifier: str | None,
    language: str | None = None,
) -> None:
    """The marked figure, and no other claim over it, is extracted as the row says."""
    text, start, end = unmark(marked)
    claims = extract_claims(article_from_text(text, fmt="txt", language=language))
    for claim in claims:
        assert text[claim.start : claim.end] == claim.quote
    there = [c for c in claims if c.start < end and start < c.end]
    got = [(c.quote, c.kind, c.stated, c.unit, c.qualifier) for c in there]
    assert got == [(text[start:end], kind, stated, unit, qualifier)]
