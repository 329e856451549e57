"""Render: a report as JSON (the contract), text for a terminal, Markdown for a CMS comment, or
schema.org ClaimReview JSON-LD for platforms and partners (HTML: `html.py`).

Text and Markdown list mismatches first, then ambiguous, unverifiable and supported claims; a
figure the page repeats word for word is shown once. JSON lists every claim in text order,
repeats included (`repeat_of` names the first), exactly as ../shared/report-schema.md says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from .models import Article, Claim, JudgedClaim, Report, Summary

TextFormat = Literal["text", "markdown", "json"]
ORDER = {"mismatch": 0, "ambiguous": 1, "unverifiable": 2, "supported": 3}
COLOURS = {"mismatch": "31", "ambiguous": "33", "unverifiable": "90", "supported": "32"}

#: ClaimReview ratings on a scale of WORST_RATING to BEST_RATING. Unverifiable sits in the middle:
#: it is no judgement either way; ambiguous leans false, since at least one reading is wrong.
RATINGS = {
    "mismatch": (1, "Inaccurate"),
    "ambiguous": (2, "Ambiguous"),
    "unverifiable": (3, "Unverifiable"),
    "supported": (5, "Accurate"),
}
WORST_RATING, BEST_RATING = 1, 5


def build_report(article: Article, claims: Sequence[JudgedClaim]) -> Report:
    """The report for `article`; the summary counts each figure once (repeats left out)."""
    counts = {verdict: 0 for verdict in ORDER}
    for claim in claims:
        if claim.repeat_of is None:
            counts[claim.verdict] += 1
    return Report(
        source=article.source,
        published=article.published,
        language=article.language,
        claims=list(claims),
        summary=Summary(**counts),
    )


def render_report(report: Report, fmt: TextFormat, *, colour: bool = False) -> str:
    """The report as text, Markdown or JSON, ending in a newline."""
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(report)
    return _text(report, colour)


def shown_claims(report: Report) -> list[JudgedClaim]:
    """The claims to show a reader: mismatches first, then by place; repeats left out."""
    unique = [c for c in report.claims if c.repeat_of is None]
    return sorted(unique, key=lambda c: (ORDER[c.verdict], c.start))


def format_number(value: Decimal | None, unit: str) -> str:
    """`value` in full for a reader ("$130,321,000", "-11.6%", "No. 2"); "" for None."""
    if value is None:
        return ""
    if unit == "USD":
        return f"${value:,}"
    if unit == "KRW":
        return f"₩{value:,}"
    if unit == "percent":
        return f"{value:+}%" if value else "0%"
    if unit == "rank":
        return f"No. {value}"
    return f"{value:,}"


def about(claim: Claim) -> str:
    """What a claim is about, as "albums WORLD 2024-H1"."""
    parts = [claim.metric or "not an export figure", claim.partner or "", claim.period or ""]
    return " ".join(p for p in parts if p)


def summary_line(report: Report) -> str:
    """The counts on one line: "1 mismatch, 0 ambiguous, 0 unverifiable, 5 supported"."""
    s = report.summary
    return (
        f"{s.mismatch} mismatch, {s.ambiguous} ambiguous, {s.unverifiable} unverifiable, "
        f"{s.supported} supported"
    )


def _text(report: Report, colour: bool) -> str:
    published = report.published.isoformat() if report.published else "date unknown"
    lines = [f"{report.source} (published {published}, {report.language})"]
    for claim in shown_claims(report):
        verdict = claim.verdict.upper() if claim.verdict == "mismatch" else claim.verdict
        label = f"{verdict:<12}"
        if colour:
            label = f"\033[{COLOURS[claim.verdict]}m{label}\033[0m"
        expected = ""
        if claim.verdict == "mismatch":
            expected = f" -> {claim.correction or format_number(claim.expected, claim.unit)}"
        lines.append(f"{label} {claim.quote!r} [{about(claim)}]{expected}: {claim.explanation}")
    if len(lines) == 1:
        lines.append("no figures found")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(report: Report) -> str:
    published = report.published.isoformat() if report.published else "date unknown"
    lines = [
        f"**factcheck** — {report.source} (published {published}): {summary_line(report)}",
        "",
        "| verdict | figure | about | suggested | why |",
        "|---|---|---|---|---|",
    ]
    for claim in shown_claims(report):
        suggested = claim.correction or (
            format_number(claim.expected, claim.unit) if claim.verdict == "mismatch" else ""
        )
        sources = ", ".join(dict.fromkeys(f"<{e.source_url}>" for e in claim.evidence[:2]))
        why = claim.explanation + (f" Source: {sources}" if sources else "")
        lines.append(
            f"| {claim.verdict} | {_cell(claim.quote)} | {_cell(about(claim))} "
            f"| {_cell(suggested)} | {_cell(why)} |"
        )
    return "\n".join(lines) + "\n"


def render_claims(claims: Sequence[Claim], fmt: Literal["text", "json"]) -> str:
    """`factcheck claims` output: each claim with what it is about and how that was found."""
    if fmt == "json":
        payload = [claim.model_dump(mode="json") for claim in claims]
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for claim in claims:
        repeat = f" (repeats {claim.repeat_of})" if claim.repeat_of else ""
        qualifier = f" {claim.qualifier}" if claim.qualifier else ""
        lines.append(
            f"{claim.id} {claim.kind}{qualifier} {claim.quote!r} = {claim.stated} {claim.unit} "
            f"[{about(claim)}]{repeat}"
        )
        lines.extend(f"    {key}: {how}" for key, how in claim.found.items())
    return "\n".join(lines) + "\n" if lines else ""


def claim_reviews(
    report: Report,
    *,
    publisher: str,
    url: str | None = None,
    headline: str | None = None,
    reviewed: date | None = None,
) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects, one per judged figure (repeats left out), in text order.

    `url` and `headline` are the article's (its appearance); `reviewed` is the review's date
    (default: today). [] for an article without figures.

    >>> from factcheck.api import check_text
    >>> report = check_text("In 2025 album exports reached $3.017 billion.")
    >>> [review] = claim_reviews(report, publisher="Desk", url="https://example.org/a",
    ...                          reviewed=date(2026, 1, 20))
    >>> review["reviewRating"]["alternateName"], review["itemReviewed"]["appearance"]["url"]
    ('Inaccurate', 'https://example.org/a')
    """
    organisation = {"@type": "Organization", "name": publisher}
    reviews = []
    for claim in report.claims:
        if claim.repeat_of is not None:
            continue
        value, name = RATINGS[claim.verdict]
        item: dict[str, Any] = {"@type": "Claim"}
        if report.published:
            item["datePublished"] = report.published.isoformat()
        if url or headline:
            appearance = {"@type": "CreativeWork", "url": url, "headline": headline}
            item["appearance"] = {k: v for k, v in appearance.items() if v}
        body = claim.explanation
        if claim.correction:
            body += f" Suggested correction: {claim.correction}."
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "datePublished": (reviewed or date.today()).isoformat(),
                "inLanguage": report.language,
                "claimReviewed": claim.sentence,
                "reviewBody": body,
                "author": organisation,
                "publisher": organisation,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": value,
                    "bestRating": BEST_RATING,
                    "worstRating": WORST_RATING,
                    "alternateName": name,
                    "ratingExplanation": claim.explanation,
                },
            }
        )
    return reviews


def render_claimreview(
    report: Report,
    *,
    publisher: str,
    url: str | None = None,
    headline: str | None = None,
    reviewed: date | None = None,
    indent: int | None = 2,
) -> str:
    """The ClaimReviews of `claim_reviews` as a JSON-LD array, ending in a newline."""
    reviews = claim_reviews(
        report, publisher=publisher, url=url, headline=headline, reviewed=reviewed
    )
    return json.dumps(reviews, indent=indent, ensure_ascii=False) + "\n"
