"""Datelines: the publication date printed near the top of an article.

    text --years in the first lines--> dates around them --label, weekday, place--> published

The dateline words (Published, 입력, month names, weekdays) are data:
`reference/dateline-words.csv` has one phrase a row, `language,phrase,meaning`, matched without
regard to case. `meaning` is `published` or `updated` (a label before a date), `site date` (a
label before the day the page was saved), `weekday` (in parentheses after a date it marks a site
header) or `month N`. The phrases were written for this project from the datelines of English and
Korean news sites.

>>> find_dateline("SEOUL\\nPublished July 18, 2023 03:32 PM\\nExports rose 17.1%.")
datetime.date(2023, 7, 18)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from .errors import DataError
from .models import MAX_YEAR, MIN_YEAR
from .reference import read_rows, reference_dir

__all__ = ["find_dateline", "parse_date"]

#: Where a dateline may be: the first lines of the text, before the story starts.
TOP_LINES = 15
TOP_CHARS = 1500
#: A date with at most this many other characters beside it on its line is a dateline:
#: "By Kim Jin-woo | May 2, 2024 09:00 KST".
SHORT_LINE = 40
DATELINE_WORDS = "dateline-words.csv"

# A date is found from its year: the year, then the date around it, then a label before it
# ("Published") and a weekday after it ("(Sun)"). Anchoring on years keeps the big alternations
# of month names and labels off most of the text: under 100 µs rather than 400 µs for a top of
# 1500 characters.

_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_YEAR_FIRST = re.compile(
    r"""(?:19|20|21)\d\d [ \t]* (?P<sep>[-./])         # 2023-  2023.  2023/
        [ \t]* \d{1,2} [ \t]* (?P=sep) [ \t]* \d{1,2}  # 07-18  07.18  07/18  7. 18
        (?!\d)
      | (?:19|20|21)\d\d [ \t]* 년                     # 2023년
        [ \t]* \d{1,2} [ \t]* 월 [ \t]* \d{1,2} [ \t]* 일  # 7월 18일
    """,
    re.VERBOSE,
)
_YEAR_LAST = r"""
    (?: (?<![^\W\d_]) (?:%(months)s) \.? [ \t]+         # July  Jan.
        \d{1,2} (?:st|nd|rd|th)? ,? [ \t]+              # 18,  18th
      | (?<!\d) \d{1,2} (?:st|nd|rd|th)? [ \t]+         # 18  18th
        (?:of [ \t]+)? (?:%(months)s) \.? ,? [ \t]+     # July  of July
    )
    (?:19|20|21)\d\d \Z                                 # the year found, where the search ends
"""
_LABEL_BEFORE = r"""
    (?<![^\W\d_]) (?P<label>%(labels)s)                 # Published, Posted on, 입력, date
    [ \t]* [:：|]? [ \t]*                                # Posted : / Updated:
    (?: (?:%(weekdays)s) \.? ,? [ \t]+ )?               # Posted on Tuesday, July 18, 2023
    \Z                                                  # right before the date
"""
_WEEKDAY_AFTER = r"[ \t]* [(\[] [ \t]* (?:%(weekdays)s) \.? [ \t]* [)\]]"  # (Sun)  (일)
#: How far before its year a date may start ("September 18th, 2023"), and a label before a date.
_DATE_REACH, _LABEL_REACH = 30, 40
_LINE_LEAD = re.compile(
    r"""[\W_]*                                  # bullets, pipes, spaces: • | ▲ -
        (?:(?:[A-Z][\w.'-]*[ \t]+){0,4}        # capitalised words: NEW  By Kim
        [A-Z][\w.'-]*,[ \t]*)?                 # and the last one: SEOUL,  YORK,  Jin-woo,
    """,
    re.VERBOSE,
)
#: Which dateline wins, best first; a `site date` or a date with a weekday in parentheses (the
#: day a page was saved, as in "September 07, 2025 (Sun)") is never a publication date.
_RANK = {"published": 0, "dateline": 1, "updated": 2}


class _Vocabulary(NamedTuple):
    labels: dict[str, str]  # phrase, case-folded, single spaces -> published/updated/site date
    months: list[tuple[str, ...]]  # the phrases for January, February, ...
    year_last: re.Pattern[str]
    label_before: re.Pattern[str]
    weekday_after: re.Pattern[str]


def find_dateline(text: str, start: int = 0) -> date | None:
    """The publication date in a dateline near the top of `text[start:]`, or None.

    A labelled date wins ("Published", "Posted", "입력"), then a date standing on its own
    line or after a place ("SEOUL, Jan. 16, 2026"), then an "Updated" date. A date without a
    year is not guessed, nor is a site header's date with a weekday in parentheses.

    >>> find_dateline("• March 02, 2026 (Mon)\\nExports up\\nPublished July 18, 2023 03:32 PM")
    datetime.date(2023, 7, 18)
    >>> find_dateline("입력 2023.07.18 15:32 | 수정 2023.07.19 09:10")
    datetime.date(2023, 7, 18)
    >>> find_dateline("SEOUL, Jan. 16 (Yonhap) -- Album exports topped $300 million in 2025.")
    """
    for _, _, written in sorted(_datelines(text, start, _top_end(text, start))):
        found = parse_date(written, written_in_full=True)
        if found:
            return found
    return None


def _datelines(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(rank, offset, date as written) of each dateline in `text[start:end]`."""
    vocabulary = _vocabulary()
    for year in _YEAR.finditer(text, start, end):
        line_start = max(start, text.rfind("\n", 0, year.start()) + 1)
        line_end = text.find("\n", year.end())
        line_end = len(text) if line_end < 0 else line_end
        found = _YEAR_FIRST.match(text, year.start(), line_end) or vocabulary.year_last.search(
            text, max(line_start, year.start() - _DATE_REACH), year.end()
        )
        if not found:
            continue
        label = vocabulary.label_before.search(
            text, max(line_start, found.start() - _LABEL_REACH), found.start()
        )
        weekday = vocabulary.weekday_after.match(text, found.end(), line_end)
        first = label.start() if label else found.start()
        last = weekday.end() if weekday else found.end()
        before = text[line_start:first]
        others = len(before.strip()) + len(text[last:line_end].strip())
        at_line_start = _LINE_LEAD.fullmatch(before) is not None
        if label:
            meaning = vocabulary.labels.get(" ".join(label["label"].split()).casefold())
            # "figures published on July 18, 2023" in a sentence is not a label
            labelled = not label[0][0].islower() or at_line_start or others <= SHORT_LINE
            rank = _RANK.get(meaning or "") if labelled else None
        elif weekday:
            rank = None
        else:
            rank = _RANK["dateline"] if at_line_start or others <= SHORT_LINE else None
        if rank is not None:
            yield rank, first, found[0]


def _top_end(text: str, start: int) -> int:
    """Where the first TOP_LINES non-blank lines, or TOP_CHARS characters, end."""
    end = min(len(text), start + TOP_CHARS)
    lines = 0
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        if newline < 0:
            break
        lines += bool(text[position:newline].strip())
        if lines == TOP_LINES:
            return newline
        position = newline + 1
    return end


@cache
def _vocabulary() -> _Vocabulary:
    path = reference_dir() / DATELINE_WORDS
    labels: dict[str, str] = {}
    weekdays: list[str] = []
    months: list[list[str]] = [[] for _ in range(12)]
    for line, row in read_rows(path, ("phrase", "meaning")):
        phrase, meaning = " ".join(row["phrase"].split()), row["meaning"]
        month = re.fullmatch(r"month (\d{1,2})", meaning)
        if not phrase:
            raise DataError("empty phrase", path=str(path), line=line)
        if month and 1 <= int(month[1]) <= 12:
            months[int(month[1]) - 1].append(phrase)
        elif meaning == "weekday":
            weekdays.append(phrase)
        elif meaning in ("published", "updated", "site date"):
            labels[phrase.casefold()] = meaning
        else:
            raise DataError(
                f"unknown meaning {meaning!r}: expected published, updated, site date, weekday "
                "or month 1-12",
                path=str(path),
                line=line,
            )
    words = {
        "labels": _alternation(labels),
        "weekdays": _alternation(weekdays),
        "months": _alternation([phrase for phrases in months for phrase in phrases]),
    }
    flags = re.VERBOSE | re.IGNORECASE
    return _Vocabulary(
        labels=labels,
        months=[tuple(phrases) for phrases in months],
        year_last=re.compile(_YEAR_LAST % words, flags),
        label_before=re.compile(_LABEL_BEFORE % words, flags),
        weekday_after=re.compile(_WEEKDAY_AFTER % words, flags),
    )


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of `phrases`, longest first so that "Sept" is tried before "Sep"."""
    escaped = (re.escape(phrase).replace(r"\ ", r"[ \t]+") for phrase in phrases)
    return "|".join(sorted(escaped, key=len, reverse=True)) or "(?!)"


# Two defaults: a part of the date that differs between them was filled in, not written.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))
_KOREAN_UNITS = re.compile(r"[ \t]*[년월][ \t]*")  # 2023년 7월 18일 -> 2023-7-18일


def parse_date(candidate: str, *, written_in_full: bool) -> date | None:
    """The date written in `candidate`, or None unless it names a year, a month and a day.

    `written_in_full`: the regex already saw all three, so one parse will do.

    >>> parse_date("2023년 7월 18일", written_in_full=True)
    datetime.date(2023, 7, 18)
    >>> parse_date("July 2023", written_in_full=False) is None  # no day
    True
    """
    text = _KOREAN_UNITS.sub("-", candidate.strip()).rstrip("일 \t")
    if not text:
        return None
    parser = _date_parser()
    try:
        parsed = [
            parser.parse(text, default=default, fuzzy=False, ignoretz=True)
            for default in _DEFAULTS[: 1 if written_in_full else 2]
        ]
    except (ValueError, OverflowError):
        return None
    days = {value.date() for value in parsed}
    day: date = days.pop()
    return day if not days and MIN_YEAR <= day.year <= MAX_YEAR else None


@cache
def _date_parser() -> Any:
    """A dateutil parser that knows the month names in dateline-words.csv (imported lazily)."""
    from dateutil import parser

    info = type("DatelineInfo", (parser.parserinfo,), {"MONTHS": _vocabulary().months})
    return parser.parser(info())
