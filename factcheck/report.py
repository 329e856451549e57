"""Render: a report as JSON (the contract), text for a terminal, or Markdown for a CMS comment.

Text and Markdown list mismatches first, then ambiguous, unverifiable and supported claims; a
figure the page repeats word for word is shown once. JSON lists every claim in text order,
repeats included (`repeat_of` names the first), exactly as ../shared/report-schema.md says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from .models import Article, Claim, JudgedClaim, Report, Summary

TextFormat = Literal["text", "markdown", "json"]
ORDER = {"mismatch": 0, "ambiguous": 1, "unverifiable": 2, "supported": 3}
COLOURS = {"mismatch": "31", "ambiguous": "33", "unverifiable": "90", "supported": "32"}


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


def _shown(report: Report) -> list[JudgedClaim]:
    unique = [c for c in report.claims if c.repeat_of is None]
    return sorted(unique, key=lambda c: (ORDER[c.verdict], c.start))


def _number(value: Decimal | None, unit: str) -> str:
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


def _about(claim: Claim) -> str:
    parts = [claim.metric or "not an export figure", claim.partner or "", claim.period or ""]
    return " ".join(p for p in parts if p)


def _summary_line(report: Report) -> str:
    s = report.summary
    return (
        f"{s.mismatch} mismatch, {s.ambiguous} ambiguous, {s.unverifiable} unverifiable, "
        f"{s.supported} supported"
    )


def _text(report: Report, colour: bool) -> str:
    published = report.published.isoformat() if report.published else "date unknown"
    lines = [f"{report.source} (published {published}, {report.language})"]
    for claim in _shown(report):
        verdict = claim.verdict.upper() if claim.verdict == "mismatch" else claim.verdict
        label = f"{verdict:<12}"
        if colour:
            label = f"\033[{COLOURS[claim.verdict]}m{label}\033[0m"
        expected = ""
        if claim.verdict == "mismatch":
            expected = f" -> {claim.correction or _number(claim.expected, claim.unit)}"
        lines.append(f"{label} {claim.quote!r} [{_about(claim)}]{expected}: {claim.explanation}")
    if len(lines) == 1:
        lines.append("no figures found")
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(report: Report) -> str:
    published = report.published.isoformat() if report.published else "date unknown"
    lines = [
        f"**factcheck** — {report.source} (published {published}): {_summary_line(report)}",
        "",
        "| verdict | figure | about | suggested | why |",
        "|---|---|---|---|---|",
    ]
    for claim in _shown(report):
        suggested = claim.correction or (
            _number(claim.expected, claim.unit) if claim.verdict == "mismatch" else ""
        )
        sources = ", ".join(dict.fromkeys(f"<{e.source_url}>" for e in claim.evidence[:2]))
        why = claim.explanation + (f" Source: {sources}" if sources else "")
        lines.append(
            f"| {claim.verdict} | {_cell(claim.quote)} | {_cell(_about(claim))} "
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
            f"[{_about(claim)}]{repeat}"
        )
        lines.extend(f"    {key}: {how}" for key, how in claim.found.items())
    return "\n".join(lines) + "\n" if lines else ""
