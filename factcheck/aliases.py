"""Vocabulary lookups: partners, metrics and other topics named in text.

The words live in `reference/` (aliases-en.csv, aliases-ko.csv, partners.csv,
metric-aliases.csv, other-topics.csv); this module compiles them once into scanners. Exact
matching finds the common forms quickly; `match_metric` falls back to rapidfuzz for phrasings
that differ from an alias by a word or an inflection ("overseas shipments of K-pop CDs").

Korean (`language="ko"`) writes particles onto words: "일본이", "미국으로" and "중국과" name
their countries, so a Korean name ends where a particle of reference/particles-ko.csv, or no
more Hangul, follows; "인도적" (humanitarian) is not India. Topic words of two syllables or more
may also sit inside compounds ("써클차트", "음반판매량").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process, utils

from .reference import vocabulary

LANGUAGES = ("en", "ko")

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


class _KoreanScanner:
    """Finds any of a set of Korean phrases in text, longest first.

    A phrase starts after no letter or digit and ends before a particle or no more Hangul; a
    blank in a phrase matches any blanks or none ("전 세계", "전세계"). With `loose`, phrases
    of two syllables or more match anywhere, and one of a single syllable ("장") may also
    follow a number ("9천837만장").
    """

    def __init__(self, phrases: dict[str, tuple[str, str]], loose: bool = False) -> None:
        self.lookup = {_squeezed(phrase): meaning for phrase, meaning in phrases.items()}
        words = [phrase.lower() for phrase in phrases]
        bounded = [w for w in words if not loose or len(w) == 1]
        free = [w for w in words if loose and len(w) > 1]
        end = rf"(?=(?:{_alternation(_particles())})?(?!\w))"
        start = r"(?<!\w)" if not loose else r"(?:(?<![가-힣A-Za-z])|(?<=\d[조억만천백십]))"
        self.patterns = [
            re.compile(rf"{start}(?:{_spaced(bounded)}){end}") if bounded else None,
            re.compile(_spaced(free)) if free else None,
        ]

    def find(self, text: str) -> list[Mention]:
        lowered = text.lower()
        haystack = lowered if len(lowered) == len(text) else text
        spans = [
            (m.start(), m.end())
            for pattern in self.patterns
            if pattern is not None
            for m in pattern.finditer(haystack)
        ]
        found: list[Mention] = []
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if found and start < found[-1].end:
                continue
            code, form = self.lookup[_squeezed(haystack[start:end])]
            found.append(Mention(start, end, code, form))
        return found


def _squeezed(phrase: str) -> str:
    return "".join(phrase.lower().split())


def _spaced(words: list[str]) -> str:
    """The trie of `words`, a blank in a word matching any blanks or none."""
    return _alternation(words).replace(re.escape(" "), r"\s*")


@cache
def _particles() -> list[str]:
    return [row["particle"] for row in vocabulary("particles-ko.csv", ("particle", "kind"))]


def _check(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}': expected one of {', '.join(LANGUAGES)}")


@cache
def _korean_scanner(name: str, totals: bool) -> _KoreanScanner:
    """Partners (or, with `totals`, the words for all destinations) of a Korean aliases file."""
    rows = vocabulary(name, ("partner", "alias", "form"))
    chosen = {
        r["alias"]: (r["partner"], r["form"]) for r in rows if (r["form"] == "total") == totals
    }
    return _KoreanScanner(chosen)


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
def _topic_scanner(language: str) -> _Scanner | _KoreanScanner:
    rows = vocabulary("other-topics.csv", ("topic", "language", "alias"))
    words = {r["alias"]: (r["topic"], "topic") for r in rows if r["language"] == language}
    return _KoreanScanner(words, loose=True) if language == "ko" else _Scanner(words)


#: Sentences are looked up again by each stage and each figure in them: remember the answers.
TEXT_CACHE = 8192


@cache
def known_metrics() -> tuple[str, ...]:
    """The metrics articles can name (those with aliases in reference/metric-aliases.csv)."""
    rows = vocabulary("metric-aliases.csv", ("metric", "language", "alias"))
    return tuple(sorted({row["metric"] for row in rows}))


def find_partners(text: str, language: str = "en") -> list[Mention]:
    """Every partner named in `text` ("Japan", "U.S.", "Beijing", "German"), in order; [] if none.

    >>> [(m.code, m.form) for m in find_partners("Shipments to Beijing beat the U.S. figure.")]
    [('CN', 'capital'), ('US', 'short')]
    >>> [m.code for m in find_partners("일본이 1위, 미국으로의 수출은 인도적 지원과 무관", "ko")]
    ['JP', 'US']
    """
    if language != "en":
        _check(language)
        return list(_korean(text, "aliases-ko.csv", totals=False))
    return list(_partners(text))


@lru_cache(maxsize=TEXT_CACHE)
def _korean(text: str, name: str, totals: bool) -> tuple[Mention, ...]:
    return tuple(_korean_scanner(name, totals).find(text))


@lru_cache(maxsize=TEXT_CACHE)
def _partners(text: str) -> tuple[Mention, ...]:
    return tuple(_partner_scanner().find(text))


def find_totals(text: str, language: str = "en") -> list[Mention]:
    """Words that mean all destinations together ("overseas", "global", "해외"), as WORLD
    mentions; [] if none."""
    if language != "en":
        _check(language)
        return list(_korean(text, "aliases-ko.csv", totals=True))
    return _total_scanner().find(text)


def find_topics(text: str, language: str = "en") -> list[Mention]:
    """Things the store does not hold (copies sold, streaming, revenue), by topic; [] if none.

    >>> [m.code for m in find_topics("It sold 3.2 million copies and led streaming services.")]
    ['copies', 'streaming']
    >>> [m.code for m in find_topics("앨범 판매량은 9천837만장으로 집계됐다", "ko")]
    ['copies', 'copies']
    """
    _check(language)
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
    >>> match_metric("지난해 음반류 수출액", "ko")
    ('albums_and_videos', 100.0)
    """
    _check(language)
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
