"""Grammar: the time periods English news text names, and the `Period` each one means.

    find_periods(text)                          -> [PeriodPhrase, ...]   what the text says
    resolve_period(phrase, published, context)  -> (Period | None, how)  what it means

Korean text ("지난해", "1~10월", "전년 동기 대비") is read by `periods_ko`, with
`find_periods(text, language="ko")`; its phrases resolve the same way.

>>> [p.text for p in find_periods("Exports rose 17.1% in the first half of 2023 on-year.")]
['the first half of 2023', 'on-year']
>>> str(parse_period_text("January-October", published=date(2023, 11, 26)))
'2023-01/2023-10'

A phrase's `role` says how to use it: `period` names the period of a figure, `base` the period a
change is measured against ("from a year earlier", "compared with 2022"), and `other` a date or a
bound that is the period of no figure ("for the first time since 2022", "until 2019", "July 18,
2023"), so that a caller does not take its year for one.

The grammar is here; the words are in reference/period-words.csv, written for this project from
the wording of English and Korean reports on Korea Customs Service releases. Its columns:
`language` (`en` or `ko`); `phrase` as written (one with a capital matches only so: "May" is a
month, "may" is not; a hyphen also matches a space); `meaning` as `kind=number`, the kind one of

    month=10  October, Oct, 10월   half=1    first half, H1, 상반기   quarter=3  third quarter, Q3
    year=-1   last year, 지난해 (years from the publication year)    number=3   three, 세
    context=-1  a year earlier, on-year, 전년 동기 (the period referred back to, moved a year)
    months=-1   지난달 (months from the publication month)
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from .errors import DataError
from .models import MAX_YEAR, MIN_YEAR, MONTH_NAMES, Period
from .reference import read_rows, reference_dir

WORDS_FILE = "period-words.csv"
LANGUAGE = "en"
#: The years a bare four-digit number may be; outside them it is an amount, a code or an address.
YEAR_MIN, YEAR_MAX = 1990, 2100
#: KCS publishes a month's trade figures around this day of the next month.
RELEASE_DAY = 15
#: The kinds of meaning in WORDS_FILE, with the range of their numbers.
KINDS = {"month": (1, 12), "half": (1, 2), "quarter": (1, 4), "year": (-2, 1), "context": (-1, 1)}
KINDS.update(number=(1, 99), months=(-1, 0))

Role = Literal["period", "base", "other"]


class PeriodPhrase(BaseModel):
    """A period named in a text, and what its words say before it is resolved."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(description="Offset of the phrase in the text searched")
    end: int
    text: str = Field(description="text[start:end]")
    role: Role = Field(description="period of a figure, base of a change, or other: no period")
    year: int | None = Field(default=None, description="First year written: 2023 in 'H1 2023'")
    end_year: int | None = Field(
        default=None, description="Last year, if another: 'Jan 2023-Mar 2024'"
    )
    year_offset: int | None = Field(default=None, description="From publication: -1 'last year'")
    context_offset: int | None = Field(
        default=None, description="Years from the context period, keeping its months"
    )
    months: tuple[int, int] | None = Field(
        default=None, description="First and last month, 1-12; None: whole years"
    )
    years_back: int | None = Field(default=None, description="'the past three years': 3")
    since: bool = Field(default=False, description="'since 2017': from `year` to the latest data")
    whole_years: bool = Field(default=False, description="'every year since 2012': full years")
    same_months: bool = Field(default=False, description="The context's months: 'a year earlier'")
    month_offset: int | None = Field(
        default=None, description="Months from the publication month: -1 '지난달'"
    )


# -- the vocabulary ------------------------------------------------------------------------------


def _key(phrase: str) -> str:
    """The lookup form of a phrase: lower case, hyphens and runs of spaces as one space."""
    return " ".join(re.split(r"[\s\-\u2010\u2011\u2013]+", phrase.strip().lower()))


def _load_words(path: Path, language: str) -> dict[str, dict[str, int]]:
    """{kind: {phrase as written: number}} for one language; DataError for a bad row."""
    words: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
    seen: set[str] = set()
    for line, row in read_rows(path, ("language", "phrase", "meaning")):
        if row["language"] != language:
            continue
        kind, _, number = row["meaning"].partition("=")
        low, high = KINDS.get(kind, (1, 0))
        if not (number.lstrip("-").isdigit() and low <= int(number) <= high):
            raise DataError(
                f"meaning '{row['meaning']}' of '{row['phrase']}' should be kind=number, "
                f"the kind one of {', '.join(KINDS)} and the number in its range: month=10",
                path=str(path),
                line=line,
            )
        if _key(row["phrase"]) in seen:
            raise DataError(f"duplicate phrase '{row['phrase']}'", path=str(path), line=line)
        seen.add(_key(row["phrase"]))
        words[kind][row["phrase"]] = int(number)
    return words


_WORDS = _load_words(reference_dir() / WORDS_FILE, LANGUAGE)
_MEANING = {kind: {_key(p): n for p, n in table.items()} for kind, table in _WORDS.items()}


def _alternation(kind: str) -> str:
    """A regex for any phrase of `kind` as whole words, longest first.

    A phrase in lower case may also start with a capital, at the start of a sentence. The
    patterns are case-sensitive because re.IGNORECASE makes the scan ten times slower.
    """
    parts = []
    for phrase in sorted(_WORDS[kind], key=len, reverse=True):
        head, *rest = (re.escape(word) for word in re.split(r"[\s\-]+", phrase))
        if phrase == phrase.lower() and head[0].isalpha():
            head = f"[{head[0].upper()}{head[0]}]{head[1:]}"
        parts.append(r"(?:[-\u2010\u2011\u2013]|\s+)".join([head, *rest]))
    # The lookahead on first letters fails fast, before the alternatives are tried one by one.
    return rf"(?=[{_heads(kind)}])(?<![A-Za-z0-9])(?:" + "|".join(parts) + r")(?![A-Za-z])"


def _heads(*kinds: str) -> str:
    """The first letters of the phrases of `kinds`, in both cases, for a character class."""
    return "".join(sorted({c for k in kinds for p in _WORDS[k] for c in (p[0], p[0].upper())}))


# -- the grammar ---------------------------------------------------------------------------------

# Building blocks, substituted into the patterns below as <NAME>.
_BLOCKS = {
    "MONTH": _alternation("month") + r"(?:\.(?=\s+\d))?",  # "Oct. 2024": an abbreviation's dot
    "HALF": _alternation("half"),
    "QUARTER": _alternation("quarter"),
    "REL_YEAR": _alternation("year"),
    "CONTEXT": _alternation("context"),
    "NUMBER": r"(?:" + _alternation("number") + r"|(?<!\d)\d{1,2}(?!\d))",
    "TO": r"(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|thru|till|until)\s+)",
    "YEAR": r"""(?:
        (?<![\w$€£¥₩#/])(?<!\d[.,])(?<![$€£¥₩]\s)    # not "$2025", "2,2023", "#2023", "/2023"
        (?<!No\.\s)(?<!No\.)                          # not "No. 2023"
        (?:199\d|20\d\d|2100)                         # a plausible year, YEAR_MIN..YEAR_MAX
        (?![\w%/]|[.,]\d)                             # not "20231", "2023%", "2023.5"
        (?!\s*(?:percent|per\s+cent|million|billion|trillion|thousand|won|dollars?|euros?|yen
                |yuan|copies|units|tons?)\b)          # not an amount: "2025 million"
        (?!\s+(?:\w+\s+)?(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Broadway|Drive|Lane)\b)
    )""",
}
_BLOCKS.update(MONTH1=_heads("month"), PART1=_heads("half", "quarter"), REL1=_heads("year"))
_BLOCKS["COMPACT"] = r"(?:" + _BLOCKS["HALF"] + "|" + _BLOCKS["QUARTER"] + ")"
_BLOCKS["OF_YEAR"] = r"(?:,?\s+(?:of\s+|in\s+)?(?:<YEAR>|<REL_YEAR>|the\s+year\b))"


def compile_blocks(pattern: str, blocks: dict[str, str], depth: int) -> re.Pattern[str]:
    """`pattern` with each <NAME> replaced by blocks[NAME], blocks naming blocks `depth`
    levels deep, compiled verbose."""
    for _ in range(depth + 1):
        for name, block in blocks.items():
            pattern = pattern.replace(f"<{name}>", block)
    return re.compile(pattern, re.VERBOSE)


def _compile(pattern: str) -> re.Pattern[str]:
    return compile_blocks(pattern, _BLOCKS, depth=1)


# One alternative per production, each behind a lookahead on its first letters. At a position the
# first that matches wins, so a production comes before any that matches a prefix of it; optional
# parts are greedy: the longest reading wins.
_PHRASE = _compile(
    r"""(?<!\w)(?:
    (?=[0-9<MONTH1>])(?P<date>                          # a day, not a period: role other
        \d{4}-\d{2}-\d{2}                               #   2023-07-18
      | <MONTH>\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s+<YEAR>)?     # July 18, 2023
      | (?<![.,])\d{1,2}(?:st|nd|rd|th)?\s+<MONTH>(?:,?\s+<YEAR>)?  # 18 July 2023
    )
  | (?=[FfTtSs])(?P<since>                              # since 2017
        (?:[Ff]or\s+the\s+first\s+time\s+|[Tt]he\s+first\s+time\s+)?[Ss]ince\s+<YEAR>)
  | (?=[UuTtBbPpAa])(?P<bound>                          # until 2019: role other
        (?:[Uu]ntil|[Tt]ill|[Bb]efore|[Pp]rior\s+to|[Aa]fter)\s+(?:<MONTH>\s+)?<YEAR>)
  | (?=[TtPpLl])(?P<span>                               # the past three years
        (?:[Tt]he\s+)?(?:[Pp]ast|[Ll]ast|[Pp]revious|[Pp]receding)\s+<NUMBER>\s+years)
  | (?=[TtFf])(?P<first_n>                              # the first 10 months of 2023
        (?:[Tt]he\s+first|[Ff]irst)\s+<NUMBER>\s+months<OF_YEAR>?)
  | (?=[Ff12Bb])(?P<year_range>
        (?:[Ff]rom\s+)?<YEAR><TO><YEAR>                 # 2017-2019, from 2017 to 2019
      | [Bb]etween\s+<YEAR>\s+and\s+<YEAR>              # between 2017 and 2019
    )
  | (?=[TtFfBb<MONTH1>])(?P<month_range>
        (?:[Tt]he\s+|[Ff]rom\s+)?<MONTH>(?:\s+<YEAR>)?<TO><MONTH>  # (from) January (2023) to May
        (?:\s+period)?<OF_YEAR>?(?:\s+period)?          # the January-October period of 2023
      | [Bb]etween\s+<MONTH>(?:\s+<YEAR>)?\s+and\s+<MONTH><OF_YEAR>?  # between January and May
    )
  | (?=[12<REL1>])(?P<possessive>                     # this year's first half, 2023's Q3
        (?:<YEAR>|<REL_YEAR>)['’]s\s+(?:<HALF>|<QUARTER>))
  | (?=[12])(?P<year_first><YEAR>(?:\s+|-)<COMPACT>)    # 2023 Q3, 2023-H1
  | (?P<compact><COMPACT>(?:                 # H1, Q3
        ['’]?\d{2}(?!\d)                                #   1H23, Q3'23
      | \s+['’]\d{2}(?!\d)                              #   Q3 '23
      | [\s-]*<YEAR>                                    #   H1 2023, Q3-2023
      | <OF_YEAR>                                       #   Q3 of this year
    )?)
  | (?=[Tt<PART1>])(?P<part>                        # the first half of 2023
        (?:[Tt]he\s+)?(?:<HALF>|<QUARTER>)(?:\s+period)?<OF_YEAR>?)
  | (?=[BbTtUu])(?P<to_date>                            # by October, up to the end of October
        (?:[Bb]y|[Tt]hrough|[Tt]hru|[Uu]p\s+to)\s+(?:the\s+end\s+of\s+)?<MONTH><OF_YEAR>?)
  | (?=[TtSs])(?P<same_of>                              # the same period of 2022: role base
        (?:[Tt]he\s+)?same\s+period\s+(?:of|in)\s+<YEAR>)
  | (?=[Tt])(?P<figure>                                 # the 2022 figure
        [Tt]he\s+<YEAR>\s+(?:figure|total|level|tally|result|record|data|number|amount)s?\b)
  | (?P<context><CONTEXT>)                              # a year earlier, on-year, the same period
  | (?=[LlTt<MONTH1>])(?P<month>                        # October 2024, last October, in October
        (?:(?:[Ll]ast|[Tt]his)\s+)?<MONTH><OF_YEAR>?)
  | (?P<rel_year><REL_YEAR>)                            # last year
  | (?=[12])(?P<year><YEAR>)                            # 2025
)"""
)

# The words of a matched phrase, read left to right.
_TOKEN = _compile(
    r"""
    (?P<context><CONTEXT>)                              # "the same period last year" is one word
  | (?P<year><REL_YEAR>)                                # last year
  | (?P<half><HALF>)                                    # first half, H1
  | (?P<quarter><QUARTER>)                              # third quarter, Q3
  | (?P<month><MONTH>)                                  # October, Oct
  | (?P<abs>(?<!\d)(?:199\d|20\d\d|2100)(?!\d))         # 2023
  | (?P<yy>(?<=[HQ'’])\d{2}(?!\d))                      # the 23 of 1H23, Q3'23
  | (?P<number><NUMBER>)                                # three, 10
"""
)

# Matching _PHRASE at every position is slow, so find_periods tries it only near an anchor: each
# phrase holds a year, a month, an H1/Q3 or one of these words (checked below for every phrase
# in the vocabulary). Alternatives that start with a letter let the engine skip to those letters.
_KEYWORDS = ("year", "half", "quarter", "month", "period", "yoy", "y-o-y", "annual")
_ANCHOR = re.compile(
    "|".join(
        [r"199\d", r"20\d\d", "2100"]
        + [rf"{word}(?![a-z])" for word in sorted(_WORDS["month"], key=len, reverse=True)]
        + [word for kind in ("half", "quarter") for word in _WORDS[kind] if not word.islower()]
        + [form for word in _KEYWORDS for form in (word, word.capitalize(), word.upper())]
    )
)
for _kind in ("month", "half", "quarter", "year", "context"):
    for _phrase in _WORDS[_kind]:
        if not _ANCHOR.search(_phrase):
            raise DataError(
                f"'{_phrase}' holds none of the words find_periods looks for; add its key word "
                f"to periods._KEYWORDS ({', '.join(_KEYWORDS)})",
                path=str(reference_dir() / WORDS_FILE),
            )
# The words a phrase may start with before its anchor (those of the productions, and the first
# of each phrase in the vocabulary), and those that may stand between such a start and the anchor.
_STARTERS = {
    "the", "from", "between", "for", "since", "until", "till", "before", "prior", "after",
    "past", "last", "previous", "preceding", "first", "by", "through", "thru", "up", "this",
} | {_key(phrase).split()[0] for table in _WORDS.values() for phrase in table}  # fmt: skip
_LEADS = _STARTERS | {"time", "end", "of", "to", "same"}
_LEADS |= {word for table in _WORDS.values() for phrase in table for word in _key(phrase).split()}
_PUNCTUATION = string.punctuation + "“”‘’–—"  # stripped from the front of a word before it
_LEAD_WORDS = 5  # "for the first time since 2022": five words before the anchor
_LOOKBACK = 40  # characters before a phrase that its first words and the cues below may span

# A month alone ("October") is a period only after one of these, or before "exports" and the like.
_MONTH_CUE = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Ff]or|of|[Ff]rom|and|to|or|between)\s+\Z")
_MONTH_NOUN = re.compile(r"\s+(?:exports?|shipments?|sales|figures?|data|imports?)\b")
# A comparison word before a period makes it the base of a change: "up 5% from 2022".
_COMPARED = re.compile(
    r"""(?<![\w-])(?:
        [Cc]ompared\s+(?:with|to) | [Vv]ersus | vs\.? | against | than(?:\s+in)? | [Ff]rom
    )\s+\Z""",
    re.VERBOSE,
)
# "the highest since 2019" dates a record; "the biggest buyer since 2017" is a run of years.
_RECORD = re.compile(
    r"""\b(?:
        record | first(?:\s+(?:time|year|month|decline|drop|fall|increase|rise|gain))?  # first year
      | (?:highest|lowest|largest|biggest|smallest|strongest|weakest|best|worst|fastest|slowest
        |most|least)(?:\s+(?:level|point|figure|amount|value|total|pace|rate|gain|growth
        |increase|rise|drop|decline|fall))?           # the highest level, the biggest drop
    )\s+\Z""",
    re.VERBOSE,
)
_EVERY_YEAR = re.compile(r"\b(?:(?:every|each)\s+year|yearly|annually)\s+\Z")
_RANGES = ("span", "year_range", "month_range")  # "from 2017 to 2019" is a range, not a base
_MONTHS_IN = {"month": 1, "half": 6, "quarter": 3}


LANGUAGES = ("en", "ko")


def find_periods(text: str, language: str = "en") -> list[PeriodPhrase]:
    """Every period phrase in `text`, in order and not overlapping; [] when there is none.

    >>> [(p.text, p.role) for p in find_periods("Since 2017 sales grew; 2,023 fans came in 2022.")]
    [('Since 2017', 'period'), ('2022', 'period')]
    >>> [(p.text, p.role) for p in find_periods("No. 2 for the first time since 2022, up on-year.")]
    [('for the first time since 2022', 'other'), ('on-year', 'base')]
    >>> [(p.text, p.role) for p in find_periods("지난해 1~10월 수출은 전년 대비 늘었다.", "ko")]
    [('지난해 1~10월', 'period'), ('전년 대비', 'base')]
    """
    if language != LANGUAGE:
        if language not in LANGUAGES:
            raise ValueError(
                f"unknown language '{language}': expected one of {', '.join(LANGUAGES)}"
            )
        from .periods_ko import find_periods_ko  # it builds on this module

        return find_periods_ko(text)
    return list(_find_periods(text))


@lru_cache(maxsize=8192)  # each sentence is read by several stages
def _find_periods(text: str) -> tuple[PeriodPhrase, ...]:
    phrases: list[PeriodPhrase] = []
    previous_end = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() >= previous_end:
            phrase = _phrase_at(text, anchor.start(), previous_end)
            if phrase is not None:
                phrases.append(phrase)
                previous_end = phrase.end
    return tuple(phrases)


def _phrase_at(text: str, at: int, previous_end: int) -> PeriodPhrase | None:
    """The longest phrase that holds offset `at` and starts at or after `previous_end`."""
    starts, word = [at], at  # "on-year" is tried from "on", "mid-2023" from "2023"
    while word > previous_end and (text[word - 1].isalnum() or text[word - 1] in "-'’"):
        word -= 1
        if text[word] in "-'’" and word + 1 < at:
            starts.append(word + 1)
    if word < at:
        starts.append(word)
    low = max(previous_end, word - _LOOKBACK)
    lead = text[low:word]
    for token in reversed(lead.split()[-_LEAD_WORDS:]):
        # Walk back over words that can open or fill a phrase; stop at any other, or a clause.
        lead = lead[: lead.rindex(token)]
        bare = token.lstrip(_PUNCTUATION)
        if token[-1] in ".,;:!?)" or not (bare.lower() in _LEADS or bare.isdigit()):
            break
        if bare.lower() in _STARTERS or bare.isdigit():
            starts.append(low + len(lead) + len(token) - len(bare))
    for start in reversed(starts):
        match = _PHRASE.match(text, start)
        if match is not None and match.end() > at:
            phrase = _read(match, text, previous_end)
            if phrase is not None:
                return phrase
    return None


def _read(match: re.Match[str], text: str, previous_end: int) -> PeriodPhrase | None:
    """The phrase a production matched, or None when the text around it says it is no period."""
    production, start, end = match.lastgroup or "", match.start(), match.end()
    reading = _reading(production, match.group())
    if reading is None:
        return None
    fields, role = reading.fields, reading.role
    low = max(previous_end, start - _LOOKBACK)
    if reading.bare_month and not (
        _MONTH_CUE.search(text, max(low, start - 12), start) or _MONTH_NOUN.match(text, end)
    ):
        return None
    if production == "since":
        role = "other" if _RECORD.search(text, low, start) else role
        fields = {**fields, "whole_years": bool(_EVERY_YEAR.search(text, low, start))}
    elif role != "other" and production not in _RANGES:
        compared = _COMPARED.search(text, max(low, start - 20), start)  # "compared with "
        if compared:
            role, start = "base", compared.start()
    return PeriodPhrase(start=start, end=end, text=text[start:end], role=role, **fields)


@dataclass
class _Part:
    """Months named in a phrase, and the year written right after them."""

    first: int
    last: int
    year: int | None = None
    offset: int | None = None

    @property
    def dated(self) -> bool:
        return self.year is not None or self.offset is not None


class _Reading(NamedTuple):
    """What the words of a production say, before the text around them is looked at."""

    fields: dict[str, Any]
    role: Role
    bare_month: bool  # "October" alone: a period only after "in", "during", ...


@lru_cache(maxsize=4096)  # articles repeat their phrases: "last year", "2022", "on-year"
def _reading(production: str, words: str) -> _Reading | None:
    """The meaning of `words` matched by `production`; None if they cannot name a period."""
    fields: dict[str, Any] = {}
    role: Role = "other" if production in ("date", "bound") else "period"
    parts: list[_Part] = []
    years: list[int] = []
    numbers: list[int] = []
    for token in _TOKEN.finditer(words):
        kind, word = token.lastgroup or "", token.group()
        if kind in ("abs", "yy"):
            years.append(int(word) + (2000 if kind == "yy" else 0))
            if parts and not parts[-1].dated:
                parts[-1].year = years[-1]
        elif kind == "number":
            numbers.append(int(word) if word.isdigit() else _MEANING[kind][_key(word)])
        elif kind == "year":
            fields["year_offset"] = _MEANING[kind][_key(word)]
            if parts and not parts[-1].dated:
                parts[-1].offset = fields["year_offset"]
        elif kind == "context":
            fields.update(context_offset=_MEANING[kind][_key(word)], same_months=True)
            role = "base" if fields["context_offset"] < 0 else role
        else:
            size, n = _MONTHS_IN[kind], _MEANING[kind][_key(word.rstrip("."))]
            parts.append(_Part(size * (n - 1) + 1, size * n))

    if production == "since":
        fields["since"] = True
        role = "other" if "first time" in words else role
    elif production == "span":
        fields["years_back"] = numbers[0]
    elif production == "first_n":
        if not 1 <= numbers[0] <= 12:
            return None
        parts.insert(0, _Part(1, numbers[0], years[0] if years else None))
        parts[0].offset = fields.get("year_offset")
    elif production == "to_date":
        parts[0].first = 1
    elif production == "same_of":
        fields["same_months"], role = True, "base"
    elif production == "possessive":  # "2023's first half": the year is written first
        parts[0].year = years[0] if years else None
        parts[0].offset = fields.get("year_offset")
    bare_month = production == "month" and not parts[0].dated
    bare_month = bare_month and words.split()[0].lower() not in ("last", "this")

    if parts:
        fields.update(_months(parts[0], parts[-1]))
    elif len(years) == 2 and years[1] <= years[0]:
        return None
    elif years:
        fields.update(year=years[0], end_year=years[1] if len(years) > 1 else None)
    return _Reading(fields, role, bare_month)


def _months(first: _Part, last: _Part) -> dict[str, Any]:
    """Fields for months `first`..`last`, dated by the year written after either."""
    fields: dict[str, Any] = {"months": (first.first, last.last)}
    wraps = int(first.first > last.last)  # November to February: the range crosses a new year
    if first.year is not None:
        end_year = last.year if last.year is not None else first.year + wraps
        fields.update(year=first.year, end_year=end_year if end_year != first.year else None)
    elif last.year is not None:
        fields.update(year=last.year - wraps, end_year=last.year if wraps else None)
    elif last.offset is not None:
        fields["year_offset"] = last.offset - wraps
    return fields


# -- what a phrase means -------------------------------------------------------------------------


def base_of(period: Period) -> Period:
    """The period a year-on-year change of `period` is measured against: a year earlier.

    >>> str(base_of(Period.parse("2023-H1")))
    '2022-H1'
    """
    return period.shift_years(-1)


def resolve_period(
    phrase: PeriodPhrase, published: date | None, context: Period | None
) -> tuple[Period | None, str]:
    """The period `phrase` means and how that was found; (None, why) when it cannot be known.

    A written year is taken as written. Relative words count back from the month of publication:
    "last year" from its year; months alone ("in October", "January-October", "the first half")
    are the latest such months that ended before it; "the past three years" the three full
    years before its year; "since 2017" runs to the last month before it ("every year since
    2012": to the last full year). Without a date they count back from `context`, the period
    the article is about, taken as published the month after it ends, when its figures come out:
    "last year" in an article about 2025 is 2025, "this year" in one about January-November
    2020 is 2020.

    For a `base` phrase `context` is the period of the claim it compares with: "a year earlier"
    is that period a year back (`base_of`); "compared with 2022" takes the claim's months. A
    phrase with role `other` names no period of a figure and resolves to None.

    >>> [phrase] = find_periods("Exports hit a record last year.")
    >>> period, how = resolve_period(phrase, date(2026, 1, 16), None)
    >>> str(period), how
    ('2025', '"last year" + published 2026-01-16 -> 2025')
    >>> print(resolve_period(phrase, None, Period.parse("2025"))[1])
    "last year" + context 2025 (no date; taken as 2026-01, when its figures come out) -> 2025
    >>> resolve_period(phrase, None, None)
    (None, '"last year" needs a publication date or the period the article is about')
    """
    quoted = '"' + " ".join(phrase.text.split()) + '"'
    if phrase.role == "other":
        return None, f"{quoted} is a date or a bound, not the period of a figure"
    if phrase.same_months:
        if context is None:
            what = "claim it compares with" if phrase.role == "base" else "period it refers to"
            return None, f"{quoted} needs the {what}"
        given = f"{quoted} + {'claim period' if phrase.role == 'base' else 'context'} {context}"
        years = (phrase.year - context.start_year) if phrase.year else (phrase.context_offset or 0)
        return _checked(context.shift_years(years), given, "")
    if phrase.year is not None and not phrase.since:
        first, last = phrase.months or (1, 12)
        end_year = phrase.end_year or phrase.year + int(first > last)
        period = Period(_index(phrase.year, first), _index(end_year, last))
        return _as_base(period, phrase, context, quoted, "")
    if published is not None:
        anchor, given = _index(published.year, published.month), f"published {published}"
        # Monthly figures come out around the middle of the next month.
        released = anchor - (1 if published.day >= RELEASE_DAY else 2)
    elif context is not None:
        anchor, released = context.last + 1, context.last
        given = f"context {context} (no date; taken as {_ym(anchor)}, when its figures come out)"
    else:
        return None, f"{quoted} needs a publication date or the period the article is about"
    period, note = _counted_back(phrase, anchor, released)
    return _as_base(period, phrase, context, f"{quoted} + {given}", note)


def _counted_back(phrase: PeriodPhrase, anchor: int, released: int) -> tuple[Period, str]:
    """A period counted back from `anchor`, the month of publication (year * 12 + month - 1).

    `released` is the last month whose figures are out: "this year" in a report from December
    means January to that month, the year so far.
    """
    year, latest = anchor // 12, anchor - 1  # `latest`: the last month whose figures can be out
    note = ""
    if phrase.month_offset is not None:
        month = anchor + phrase.month_offset
        return Period(month, month), "the month before publication" * (phrase.month_offset < 0)
    so_far = phrase.year_offset == 0 and phrase.months is None and phrase.role == "period"
    if so_far and released // 12 == year and released % 12 < 11:
        return Period(_index(year, 1), released), "the year so far: figures out to " + _ym(released)
    if phrase.since and phrase.year is not None:
        if phrase.whole_years:  # "every year since 2012": to the last full year
            latest, note = _index(latest // 12 - int(latest % 12 != 11), 12), "whole years, "
        return Period(_index(phrase.year, 1), latest), note + "to the last before publication"
    if phrase.years_back is not None:
        first_year = year - phrase.years_back
        period = Period(_index(first_year, 1), _index(year - 1, 12))
        return period, f"the {phrase.years_back} full years before {year}"
    first, last = phrase.months or (1, 12)
    wraps = int(first > last)
    if phrase.year_offset is not None:
        start_year = year + phrase.year_offset
    else:  # months alone: the latest such months that ended before publication
        start_year = (year if last < anchor % 12 + 1 else year - 1) - wraps
        names = MONTH_NAMES[first - 1] + ("" if first == last else f"-{MONTH_NAMES[last - 1]}")
        note = f"the latest {names} before {_ym(anchor)}"
    return Period(_index(start_year, first), _index(start_year + wraps, last)), note


def _as_base(
    period: Period, phrase: PeriodPhrase, claim: Period | None, given: str, note: str
) -> tuple[Period | None, str]:
    """`period`; for a base that names a whole year, the claim's months in that year."""
    whole_year = phrase.role == "base" and phrase.months is None and period.kind == "year"
    if whole_year and claim is not None and claim.start_year == claim.end_year:
        moved = claim.shift_years(period.start_year - claim.start_year)
        return _checked(moved, given, f"the months of the claim, {claim}" * (moved != period))
    return _checked(period, given, note)


def _checked(period: Period, given: str, note: str) -> tuple[Period | None, str]:
    if period.first > period.last or Period.parse(str(period)) != period:
        return None, f"{given} gives no period between {MIN_YEAR} and {MAX_YEAR}"
    return period, f"{given} -> {period}" + (f" ({note})" if note else "")


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _ym(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


# What may stand around a phrase that is a whole string: "in 2023", "the first half."
_LEFTOVER = re.compile(r"\s*(?:(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]ver|[Tt]hroughout)\s+)?[\s.,;:]*")
_LEFTOVER_KO = re.compile(r"\s*(?:에|에는|에서|의|중|동안)?[\s.,;:]*")  # "2023년 상반기에"


def parse_period_text(
    text: str, published: date | None = None, language: str = "en"
) -> Period | None:
    """The period a whole string names, or None if it is not exactly one resolvable period.

    Contract notation and the words `Period.describe` prints both read back:

    >>> str(parse_period_text("the first half of 2023")), str(parse_period_text("2023-01/2023-10"))
    ('2023-H1', '2023-01/2023-10')
    >>> str(parse_period_text("in October", published=date(2024, 1, 10)))
    '2023-10'
    >>> parse_period_text("last year") is None, parse_period_text("exports rose") is None
    (True, True)
    """
    direct = Period.parse(text)
    if direct is not None:
        return direct
    phrases = find_periods(text, language)
    if len(phrases) != 1 or phrases[0].role == "other":
        return None
    leftover = _LEFTOVER if language == LANGUAGE else _LEFTOVER_KO
    if not leftover.fullmatch(text[: phrases[0].start] + " " + text[phrases[0].end :]):
        return None
    return resolve_period(phrases[0], published, None)[0]
