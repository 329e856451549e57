"""Vocabulary lookups: partners, metrics and other topics named in text.

The words live in `reference/` (aliases-en.csv, partners.csv, metric-aliases.csv,
other-topics.csv); this module compiles them once into scanners. Exact matching finds the
common forms quickly; `match_metric` falls back to rapidfuzz for phrasings that differ from
an alias by a word or an inflection ("overseas shipments of K-pop CDs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process, utils

from .reference import vocabulary

#: A metric alias must score at least this (0-100, rapidfuzz partial_ratio) to count: "music
#: exports" scores 82 against "album exports" and must not count.
METRIC_CUTOFF = 90
#: Aliases of this length or less are matched case-sensitively ("US" is not "us").
SHORT_ALIAS = 3


@dataclass(frozen=True, slots=True)
class Mention:
    """A vocabulary word found in text: its span, the code it stands for, and its form."""

    start: int
    end: int
    code: str
    form: str


def _alternation(words: list[str]) -> str:
    """A regex matching any of `words`, built as a trie so that hundreds of names stay fast.

    Longer words win over their prefixes ("the United States" over "the United"), since each
    branch tries its continuations before it may end.

    >>> re.fullmatch(_alternation(["Japan", "Japanese", "Jakarta"]), "Japanese") is not None
    True
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


class _Scanner:
    """Finds any of a set of phrases in text, longest first, on word boundaries.

    Short and all-capital forms ("US", "U.K.") must match their case exactly; the rest match
    in any case. Python's IGNORECASE is slow on big alternations, so the text is lowered once
    and searched with a lower-case trie instead.
    """

    def __init__(self, phrases: dict[str, tuple[str, str]]) -> None:
        self.lookup = {phrase.lower(): meaning for phrase, meaning in phrases.items()}
        exact = [p for p in phrases if len(p.replace(".", "")) <= SHORT_ALIAS or p.isupper()]
        loose = [p.lower() for p in phrases if p not in exact]
        self.exact = self._compile(exact, 0)
        self.loose = self._compile(loose, 0)
        self.fallback = self._compile(loose, re.IGNORECASE)

    @staticmethod
    def _compile(words: list[str], flags: int) -> re.Pattern[str] | None:
        if not words:
            return None
        return re.compile(r"(?<![\w.])(?:" + _alternation(words) + r")(?![\w])", flags)

    def find(self, text: str) -> list[Mention]:
        lowered = text.lower()
        # Lowering keeps offsets unless a letter changes length ("İ"): then the slow way.
        loose, haystack = (
            (self.loose, lowered) if len(lowered) == len(text) else (self.fallback, text)
        )
        spans = [
            (m.start(), m.end())
            for pattern, searched in ((self.exact, text), (loose, haystack))
            if pattern is not None
            for m in pattern.finditer(searched)
        ]
        found: list[Mention] = []
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if found and start < found[-1].end:
                continue  # inside a longer match already taken
            code, form = self.lookup[text[start:end].lower()]
            found.append(Mention(start, end, code, form))
        return found


@cache
def _partner_scanner() -> _Scanner:
    phrases: dict[str, tuple[str, str]] = {}
    for row in vocabulary("partners.csv", ("code", "name", "common_name")):
        if row["code"] == "WORLD":
            continue
        for name in (row["name"], row["common_name"]):
            # ISO names with commas ("Korea, Democratic People's Republic of") are not how news
            # writes them; their common names or aliases cover them.
            if name and "," not in name and "(" not in name:
                phrases[name] = (row["code"], "name")
    for row in vocabulary("aliases-en.csv", ("partner", "alias", "form")):
        if row["form"] != "total":
            phrases[row["alias"]] = (row["partner"], row["form"])
    return _Scanner(phrases)


@cache
def _total_scanner() -> _Scanner:
    rows = vocabulary("aliases-en.csv", ("partner", "alias", "form"))
    return _Scanner({r["alias"]: ("WORLD", "total") for r in rows if r["form"] == "total"})


@cache
def _metric_aliases(language: str) -> dict[str, str]:
    rows = vocabulary("metric-aliases.csv", ("metric", "language", "alias"))
    return {r["alias"]: r["metric"] for r in rows if r["language"] == language}


@cache
def _topic_scanner(language: str) -> _Scanner:
    rows = vocabulary("other-topics.csv", ("topic", "language", "alias"))
    return _Scanner({r["alias"]: (r["topic"], "topic") for r in rows if r["language"] == language})


#: Sentences are looked up again by each stage and each figure in them: remember the answers.
TEXT_CACHE = 8192


def find_partners(text: str) -> list[Mention]:
    """Every partner named in `text` ("Japan", "U.S.", "Beijing", "German"), in order; [] if none.

    >>> [(m.code, m.form) for m in find_partners("Shipments to Beijing beat the U.S. figure.")]
    [('CN', 'capital'), ('US', 'short')]
    """
    return list(_partners(text))


@lru_cache(maxsize=TEXT_CACHE)
def _partners(text: str) -> tuple[Mention, ...]:
    return tuple(_partner_scanner().find(text))


def find_totals(text: str) -> list[Mention]:
    """Words that mean all destinations together ("overseas", "global"), as WORLD mentions."""
    return _total_scanner().find(text)


def find_topics(text: str, language: str = "en") -> list[Mention]:
    """Things the store does not hold (copies sold, streaming, revenue), by topic; [] if none.

    >>> [m.code for m in find_topics("It sold 3.2 million copies and led streaming services.")]
    ['copies', 'streaming']
    """
    return list(_topics(text, language))


@lru_cache(maxsize=TEXT_CACHE)
def _topics(text: str, language: str) -> tuple[Mention, ...]:
    return tuple(_topic_scanner(language).find(text))


@lru_cache(maxsize=TEXT_CACHE)
def match_metric(phrase: str, language: str = "en") -> tuple[str, float] | None:
    """The metric a phrase names and the match score, or None below `METRIC_CUTOFF`.

    >>> match_metric("overseas shipments of K-pop albums")
    ('albums', 100.0)
    >>> match_metric("streaming revenue") is None
    True
    """
    aliases = _metric_aliases(language)
    found = process.extract(
        phrase,
        aliases.keys(),
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        score_cutoff=METRIC_CUTOFF,
        limit=8,
    )
    if not found:
        return None
    # Among equal scores the longest alias is the most specific: "exports of albums and
    # videos" contains "exports of albums" too, but names the larger aggregate.
    alias, score, _ = max(found, key=lambda hit: (round(hit[1]), len(hit[0])))
    return aliases[alias], float(score)
