"""What a figure measures: album exports, albums and videos, videos — or nothing the store
holds (copies sold, chart places, revenue, a forecast), which is never judged.

    metric_of(claim, text, at, end, context, found) -> metric id | None

A product named in the figure's clause or sentence decides; otherwise the product the text
named last, with the other products the article names kept as possible readings
(`found["alternatives"]`), which the judge tries too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .aliases import Mention, find_partners, find_topics, match_metric
from .clauses import clause_span
from .models import Claim

#: A modal this close before a figure ("could even surpass the 200 million mark") makes it a
#: forecast, not a stated figure.
FORECAST_REACH = 40
#: Topics whose figures may still be album exports ("music exports" in some reports): judged,
#: but a mismatch only when the figure is close to the album figure (see verdict.SOFT_RATIO).
SOFT_TOPICS = frozenset({"music_exports"})

_FORECAST = re.compile(
    r"\b(?:could|would|might|may|will|expected\s+to|forecast|projected|likely\s+to|on\s+track"
    r"\s+to|aims?\s+to|targets?)\b",
    re.IGNORECASE,
)
_FORECAST_ENDS = re.compile(r"\b(?:when|that|while|but|and|after|since)\b", re.IGNORECASE)
_TRADE = re.compile(r"\b(?:export|import|shipment|shipped)", re.IGNORECASE)
_VIDEO = re.compile(r"\b(?:videos?|video\s+discs?|DVDs?)\b", re.IGNORECASE)
_ALBUM_OR_VIDEO = re.compile(r"\b(?:albums?|CDs?|videos?|video\s+discs?|DVDs?)\b", re.I)
_ALBUM_AND_VIDEO = re.compile(r"\balbums?\s+and\s+videos?\b", re.IGNORECASE)
_RANK_NOUN = re.compile(
    r"\b(?:market|importer|destination|buyer|customer|consumer|importing)s?\b|imported",
    re.IGNORECASE,
)


@dataclass
class MetricContext:
    """What the article says about products: its subject, and the products it names."""

    about_exports: bool = False
    last: str | None = None  # the product the text named last
    named: set[str] = field(default_factory=set)  # every product the article names
    language: str = "en"

    @classmethod
    def of(cls, heads: Sequence[str], texts: Sequence[str], language: str = "en") -> MetricContext:
        """`heads`: title and opening sentences; `texts`: every sentence."""
        about = any(match_metric(text, language) for text in heads if text)
        return cls(about_exports=about, named=named_metrics(texts, language), language=language)


def named_metrics(texts: Sequence[str], language: str = "en") -> set[str]:
    """The products an article names anywhere: albums, videos, albums and videos."""
    named: set[str] = set()
    for text in texts:
        hit = match_metric(text, language) if text else None
        if hit:
            named.add(hit[0])
        if _ALBUM_AND_VIDEO.search(text):
            named.add("albums_and_videos")
    return named


def metric_of(
    claim: Claim,
    text: str,
    at: int,
    end: int,
    context: MetricContext,
    found: dict[str, str],
) -> str | None:
    clause_start, clause_end = clause_span(text, at, end)
    clause = text[clause_start:clause_end]
    # Only the words just before the figure can make it a forecast ("could surpass $200
    # million"), not a modal earlier in the sentence that governs another verb.
    forecast = _FORECAST.search(text[max(clause_start, at - FORECAST_REACH) : at])
    if forecast and not _FORECAST_ENDS.search(text[clause_start + forecast.end() : at]):
        found["metric"] = f"a forecast ({forecast.group(0)!r}), not a stated figure"
        return None
    if claim.unit == "count" and "count" not in claim.found:
        found["metric"] = "a count of things (copies, units), not an export value"
        return None
    lang = context.language
    topics = [t for t in find_topics(text, lang) if _near(t, clause_start, clause_end)]
    hard = [t for t in topics if t.code not in SOFT_TOPICS]
    if hard:
        word = text[hard[0].start : hard[0].end]
        found["metric"] = f"{word!r} ({hard[0].code}): not a customs export figure"
        return None
    # A place ("ranked second", "No. 2 spot") is among export markets only when the sentence
    # speaks of trade or markets, or names destinations in an article about album exports.
    market = _RANK_NOUN.search(text) or _TRADE.search(text)
    destinations = (
        context.about_exports and find_partners(text, lang) and not find_topics(text, lang)
    )
    if claim.kind == "rank" and not (market or destinations):
        found["metric"] = "a position, but not among export markets"
        return None
    metric = _named_metric(claim, text, at, clause_start, clause, found, lang)
    if metric is not None:
        context.last = metric
    else:
        # Not named here: the product the text last named, else the article's subject. The
        # other products the article names stay possible readings ("the export amounts").
        metric = context.last or ("albums" if context.about_exports else None)
        if metric is None:
            found["metric"] = "no export wording near the figure"
            return None
        source = "named last in the text" if context.last else "the article is about albums"
        found["metric"] = f"not named in the sentence: {metric}, {source}"
        others = sorted(context.named - {metric})
        if others:
            found["alternatives"] = ",".join(others)
    if topics or any(t.code in SOFT_TOPICS for t in find_topics(text, lang)):
        # "music exports": album exports in some reports, all music in others.
        found["metric"] += " (maybe: 'music exports' can be a larger aggregate)"
        found["soft"] = "music exports"
    return metric


def _named_metric(
    claim: Claim,
    text: str,
    at: int,
    clause_start: int,
    clause: str,
    found: dict[str, str],
    language: str = "en",
) -> str | None:
    """The product the figure's clause or sentence names, or None."""
    if _ALBUM_AND_VIDEO.search(clause):
        found["metric"] = "'albums and videos' in its clause -> albums_and_videos"
        return "albums_and_videos"
    kinds = [(abs(clause_start + m.start() - at), m) for m in _ALBUM_OR_VIDEO.finditer(clause)]
    if claim.unit == "count":
        # "from 78 to 114 for albums and 12 to 39 for videos": a count names its product after.
        kinds = [k for k in kinds if clause_start + k[1].start() > at] or kinds
    if kinds:
        word = min(kinds, key=lambda pair: pair[0])[1].group(0)
        metric = "videos" if _VIDEO.fullmatch(word) else "albums"
        found["metric"] = f"{word!r} is the nearest product word -> {metric}"
        return metric
    hit = match_metric(text, language)
    if hit:
        found["metric"] = f"an export phrase in its sentence (score {hit[1]:.0f}) -> {hit[0]}"
        return hit[0]
    return None


def _near(topic: Mention, clause_start: int, clause_end: int) -> bool:
    return clause_start <= topic.start and topic.end <= clause_end
