"""`--format html` (the annotated article) and `--format claimreview` (schema.org JSON-LD)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.html import render_annotation, render_html
from factcheck.models import Article, JudgedClaim, Report, Summary, Verdict
from factcheck.report import claim_reviews

ROOT = Path(__file__).resolve().parent.parent
WRONG_YEAR = str(ROOT / "examples" / "errors-wrong-year.md")
SCALE_SLIP = str(ROOT / "examples" / "errors-scale-slip.md")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def judged(
    id: str, start: int, end: int, text: str, verdict: Verdict, **fields: Any
) -> JudgedClaim:
    return JudgedClaim(
        id=id, start=start, end=end, quote=text[start:end], sentence=text, kind="value",
        stated=Decimal(1), unit="USD", verdict=verdict, explanation=f"{verdict} because.",
        **fields,
    )  # fmt: skip


def report_of(claims: list[JudgedClaim], published: date | None = None) -> Report:
    return Report(
        source="draft", published=published, language="en", claims=claims, summary=Summary()
    )


# -- --format html ----------------------------------------------------------------------------


def test_html_is_one_standalone_page_with_the_mismatch_marked(store_path: Path) -> None:
    code, out, err = run(WRONG_YEAR, "--format", "html", "--db", str(store_path))
    assert (code, err) == (1, "")
    assert out.startswith("<!doctype html>") and out.endswith("</html>\n")
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=", out)
    [mark] = re.findall(r'<a class="fc-mark fc-mismatch".*?</a>', out)
    assert "$132.9 million" in mark and "$130.3 million" in mark
    assert "<title>factcheck: Album exports drop in first half</title>" in out
    assert 'href="https://donga.com/news/Culture/article/all/20240716/125947559/2"' in out


def test_html_lists_the_mismatches_first_and_marks_verdicts_by_symbol(store_path: Path) -> None:
    _, out, _ = run(WRONG_YEAR, "--format", "html", "--db", str(store_path))
    notes = re.findall(r'<li class="fc-note fc-(\w+)".*?<span class="fc-badge">(.*?)</span>', out)
    assert notes[0] == ("mismatch", "✗ 1. Mismatch")
    assert {verdict for verdict, _ in notes[1:]} == {"supported"}
    assert all(badge.startswith("✓") for _, badge in notes[1:])


def test_html_of_several_articles_is_one_page_with_distinct_ids(store_path: Path) -> None:
    _, out, _ = run(WRONG_YEAR, SCALE_SLIP, "--format", "html", "--db", str(store_path))
    assert out.count("<!doctype html>") == 1
    assert out.count('<section class="fc-result"') == 2
    ids = re.findall(r'\bid="([^"]+)"', out)
    assert len(ids) == len(set(ids))


def test_html_escapes_the_article() -> None:
    text = "<script>alert(1)</script> Exports reached $301.7 million & more."
    start = text.index("$")
    claim = judged("c1", start, start + len("$301.7 million"), text, "supported")
    html = render_annotation(Article(source="-", text=text), report_of([claim]))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp; more" in html


def test_html_marks_overlapping_figures_once_and_notes_both() -> None:
    text = "Exports were $301.7 million in 2025."
    outer = judged("c1", 13, 27, text, "mismatch", correction="$291.8 million")
    inner = judged("c2", 14, 19, text, "unverifiable")
    html = render_annotation(Article(source="-", text=text), report_of([outer, inner]))
    assert html.count('class="fc-mark fc-') == 1 + 4  # the legend shows each verdict once
    assert 'id="fc-note-c2"' in html


def test_html_without_figures_says_so() -> None:
    page = render_html([(Article(source="-", text="No numbers here."), report_of([]))])
    assert "No figures found." in page and "No numbers here." in page


# -- --format claimreview ---------------------------------------------------------------------


def test_claimreview_one_review_per_figure(store_path: Path) -> None:
    code, out, _ = run(
        WRONG_YEAR, "--format", "claimreview", "--publisher", "Example Desk",
        "--db", str(store_path),
    )  # fmt: skip
    assert code == 1
    reviews = json.loads(out)
    assert len(reviews) == 6
    [wrong] = [r for r in reviews if r["reviewRating"]["alternateName"] == "Inaccurate"]
    assert wrong["@context"] == "https://schema.org" and wrong["@type"] == "ClaimReview"
    assert wrong["claimReviewed"].startswith("Exports fell 11.6 percent to $114.43 million")
    assert wrong["author"] == {"@type": "Organization", "name": "Example Desk"}
    assert wrong["publisher"] == wrong["author"]
    assert wrong["reviewRating"] | {"ratingExplanation": ""} == {
        "@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
        "alternateName": "Inaccurate", "ratingExplanation": "",
    }  # fmt: skip
    assert wrong["itemReviewed"] == {
        "@type": "Claim",
        "datePublished": "2025-07-20",
        "appearance": {
            "@type": "CreativeWork",
            "url": "https://example.org/economy/2025/07/20/album-exports-first-half-drop",
            "headline": "Album exports drop in first half",
        },
    }
    assert wrong["reviewBody"].endswith("Suggested correction: $130.3 million.")
    assert date.fromisoformat(wrong["datePublished"]) <= date.today()


def test_claimreview_of_several_articles_is_one_array_per_line(store_path: Path) -> None:
    _, out, _ = run(WRONG_YEAR, SCALE_SLIP, "--format", "claimreview", "--db", str(store_path))
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(review["author"]["name"] == "factcheck" for review in json.loads(lines[1]))


@pytest.mark.parametrize(
    ("verdict", "value", "name"),
    [
        ("mismatch", 1, "Inaccurate"),
        ("ambiguous", 2, "Ambiguous"),
        ("unverifiable", 3, "Unverifiable"),
        ("supported", 5, "Accurate"),
    ],
)
def test_claimreview_rating_of_each_verdict(verdict: Verdict, value: int, name: str) -> None:
    text = "Exports were $301.7 million."
    [review] = claim_reviews(
        report_of([judged("c1", 13, 27, text, verdict)]),
        publisher="Desk",
        reviewed=date(2026, 1, 2),
    )
    assert (review["reviewRating"]["ratingValue"], review["reviewRating"]["alternateName"]) == (
        value,
        name,
    )
    assert review["datePublished"] == "2026-01-02"
    assert review["itemReviewed"] == {"@type": "Claim"}  # no date, no URL: nothing to say


def test_claimreview_leaves_out_repeats() -> None:
    text = "Exports were $301.7 million. Again: $301.7 million."
    first = judged("c1", 13, 27, text, "supported")
    again = judged("c2", 36, 50, text, "supported", repeat_of="c1")
    reviews = claim_reviews(report_of([first, again], date(2026, 1, 16)), publisher="Desk")
    assert len(reviews) == 1
    assert reviews[0]["itemReviewed"]["datePublished"] == "2026-01-16"
