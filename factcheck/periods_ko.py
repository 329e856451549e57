"""Grammar: the time periods Korean news text names, as `PeriodPhrase`s of `periods`.

    "지난해", "올해 상반기", "2022년 상반기", "1~10월", "1월부터 10월까지", "지난달",
    "전년 동기 대비", "2017년 이후"  ->  PeriodPhrase, resolved by `periods.resolve_period`

Korean writes a year before its months ("2023년 1~10월", "지난해 하반기") and puts a comparison
after the period it compares with ("전년 대비", "지난해보다"): such a phrase has the role `base`
and its span takes the comparison word. A day ("7월 18일", "2023.07.18", "16일") is a date:
role `other`. Month and year numbers are written in digits; the words (month names 1월-12월,
상반기, 지난해, 전년 동기, 지난달, number words for "지난 두 해") are the `ko` rows of
reference/period-words.csv.

>>> [(p.text, p.role, p.months) for p in find_periods_ko("올해 1∼6월 수출은 전년 대비 늘었다")]
[('올해 1∼6월', 'period', (1, 6)), ('전년 대비', 'base', None)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .periods import (
    _MONTHS_IN,
    WORDS_FILE,
    PeriodPhrase,
    Role,
    _key,
    _load_words,
    _months,
    _Part,
    compile_blocks,
)
from .reference import reference_dir

LANGUAGE = "ko"
_WORDS = _load_words(reference_dir() / WORDS_FILE, LANGUAGE)
_MEANING = {kind: {_key(p): n for p, n in table.items()} for kind, table in _WORDS.items()}


def _alternation(kind: str, alone: bool = True) -> str:
    """A regex for any phrase of `kind`, longest first; a blank in a phrase matches any run of
    blanks, or none. With `alone`, a word of one syllable ("올") must be followed by a blank:
    "올 상반기", not the "올" of "올랐다"."""
    parts = []
    for phrase in sorted(_WORDS[kind], key=len, reverse=True):
        body = r"\s*".join(re.escape(word) for word in phrase.split())
        parts.append(body + (r"(?=\s)" if alone and len(phrase) == 1 else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


_BLOCKS = {
    "YEAR": r"(?<![\d.,])(?:199\d|20\d\d|2100)(?![\d.,]\d|\d)",  # 2023; not 20231 or 2,023
    "HALF": _alternation("half"),
    "QUARTER": _alternation("quarter"),
    "MONTH": r"(?<!\d)" + _alternation("month"),  # 10월; not the 0월 of 10월
    "MNUM": r"(?<![\d.,])(?:1[0-2]|0?[1-9])(?!\d)",  # the 1 of 1~10월
    "REL": r"(?<![가-힣])" + _alternation("year"),  # 지난해, 올해, 올 (before a blank)
    "CONTEXT": r"(?<![가-힣])" + _alternation("context"),  # 전년 동기, 지난해 같은 기간
    "MONTHS_REL": r"(?<![가-힣])" + _alternation("months"),  # 지난달
    "NUMBER": r"(?:\d{1,2}|" + _alternation("number") + ")",  # 3, 세
    "TO": r"\s*(?:[~∼〜\-–—]|부터)\s*",  # 1~10월, 1월부터 10월까지
}
_BLOCKS["YEAR_WORD"] = r"<YEAR>\s*년도?"
# The year a part of a year belongs to, written first: "2022년 상반기", "지난해 1~10월"
_BLOCKS["PREFIX"] = r"(?:<YEAR_WORD>|<YEAR>(?=\s+(?:<HALF>|<QUARTER>))|<REL>)\s*"


def _compile(pattern: str) -> re.Pattern[str]:
    return compile_blocks(pattern, _BLOCKS, depth=2)


# Every phrase starts with a digit or the first letter of a word, not inside a number: a quick
# test that most positions fail.
_HEADS = "".join(sorted({p[0] for table in _WORDS.values() for p in table} | set("지최과")))
# One alternative per production; at a position the first that matches wins, so a production
# comes before any that matches a prefix of it.
_PHRASE = _compile(
    "(?<![\\d.,])(?=[\\d"
    + _HEADS
    + "])"
    + r"""(?:
    (?P<date>                                           # a day, not a period: role other
        <YEAR>\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일         #   2023년 7월 18일
      | (?<![\d.,])(?:199\d|20\d\d|2100)                   #   2023.07.18, 2023-07-18
        \s?(?P<sep>[.\-/])\s?\d{1,2}\s?(?P=sep)\s?\d{1,2}(?!\d)
      | (?<![\d.,])\d{1,2}\s*월\s*\d{1,2}\s*일          #   7월 18일
      | (?<![\d.,])(?:[12]\d|3[01]|0?[1-9])일(?![가-힣\d])  # (16일)
    )
  | (?P<year_range><YEAR>(?:\s*년)?<TO><YEAR>\s*년(?:\s*까지)?)   # 2017~2019년
  | (?P<month_range>                                    # 1~10월, 2023년 1월부터 10월까지
        (?:<PREFIX>)?<MNUM>(?:\s*월)?<TO><MONTH>(?:\s*까지)?)
  | (?P<to_date>(?:<PREFIX>)?<MONTH>\s*까지)            # 10월까지: January to October
  | (?P<part>(?:<PREFIX>)?(?:<HALF>|<QUARTER>))         # 2022년 상반기, 올해 3분기
  | (?P<month>(?:<PREFIX>)?<MONTH>)                     # 지난해 10월, 10월
  | (?P<since><YEAR>\s*년\s*(?:이후|이래|부터))         # 2017년 이후
  | (?P<bound>(?:<YEAR>\s*년|<REL>)\s*(?:까지|이전))    # 2019년까지: role other
  | (?P<context><CONTEXT>)                              # 전년 동기, 지난해 같은 기간
  | (?P<months_rel><MONTHS_REL>)                        # 지난달
  | (?P<rel_year><REL>)                                 # 지난해, 올해
  | (?P<span>(?<![가-힣])(?:지난|최근|과거)\s*<NUMBER>\s*(?:년|해)(?:\s*(?:간|동안))?)  # 지난 3년간
  | (?P<year><YEAR_WORD>)                               # 2023년
    )"""
)
# The words of a matched phrase, read left to right; "올" stands alone here too.
_TOKEN = _compile(
    rf"""
    (?P<context><CONTEXT>)
  | (?P<months><MONTHS_REL>)
  | (?P<year>{_alternation("year", alone=False)})
  | (?P<half><HALF>)
  | (?P<quarter><QUARTER>)
  | (?P<month><MONTH>)
  | (?P<abs><YEAR>)
  | (?P<mnum><MNUM>)
  | (?P<number><NUMBER>)
    """
)
# A comparison after a period makes it the base of a change: "전년 대비", "지난해보다".
_COMPARED = re.compile(r"\s*(?:대비|보다|에\s*비해|에\s*비하면|[와과]\s*비교해?|에\s*견줘)")
# "2019년 이후 처음", "2019년 이후 최대": a record since a year dates no figure.
_RECORD_AFTER = re.compile(r"\s*(?:처음|최대|최고|최저|가장|최초)")
_NO_BASE = ("date", "since", "bound", "span", "year_range", "month_range")


def find_periods_ko(text: str) -> list[PeriodPhrase]:
    """Every period phrase in Korean `text`, in order and not overlapping; [] when none.

    >>> [(p.text, p.role) for p in find_periods_ko("2023년 7월 18일 관세청에 따르면 상반기")]
    [('2023년 7월 18일', 'other'), ('상반기', 'period')]
    """
    return list(_find(text))


@lru_cache(maxsize=8192)  # each sentence is read by several stages
def _find(text: str) -> tuple[PeriodPhrase, ...]:
    phrases = []
    for match in _PHRASE.finditer(text):
        phrase = _read(match, text)
        if phrase is not None:
            phrases.append(phrase)
    return tuple(phrases)


def _read(match: re.Match[str], text: str) -> PeriodPhrase | None:
    """The phrase a production matched, or None when its words name no period."""
    production, start, end = match.lastgroup or "", match.start(), match.end()
    reading = _reading(production, match.group())
    if reading is None:
        return None
    fields, role = reading
    if production == "since" and _RECORD_AFTER.match(text, end):
        role = "other"  # "2019년 이후 최대": the first time since, not a run of years
    elif production not in _NO_BASE:
        compared = _COMPARED.match(text, end)
        if compared is not None:
            role, end = "base", compared.end()
    return PeriodPhrase(start=start, end=end, text=text[start:end], role=role, **fields)


@lru_cache(maxsize=4096)  # articles repeat their phrases: "지난해", "전년 대비"
def _reading(production: str, words: str) -> tuple[dict[str, Any], Role] | None:
    """The fields and role that `words`, matched by `production`, say; None if impossible."""
    fields: dict[str, Any] = {}
    role: Role = "other" if production in ("date", "bound") else "period"
    if production == "date":
        return fields, role
    parts: list[_Part] = []
    years: list[int] = []
    numbers: list[int] = []
    offset: int | None = None
    for token in _TOKEN.finditer(words):
        kind, word = token.lastgroup or "", token.group()
        if kind == "abs":
            years.append(int(word))
        elif kind in ("mnum", "number"):
            numbers.append(int(word) if word.isdigit() else _MEANING[kind][_key(word)])
            if kind == "mnum" and production == "month_range":
                parts.append(_Part(int(word), int(word)))
        elif kind == "year":
            offset = fields["year_offset"] = _MEANING[kind][_key(word)]
        elif kind == "context":
            fields.update(context_offset=_MEANING[kind][_key(word)], same_months=True)
            role = "base" if fields["context_offset"] < 0 else role
        elif kind == "months":
            fields["month_offset"] = _MEANING[kind][_key(word)]
        else:
            size, n = _MONTHS_IN[kind], _MEANING[kind][_key(word)]
            parts.append(_Part(size * (n - 1) + 1, size * n))
    if production == "span":
        fields["years_back"] = numbers[-1]
        return (fields, role) if 1 <= numbers[-1] <= 99 else None
    if production == "since":
        fields["since"] = True
    if parts:
        if production == "to_date":
            parts[0].first = 1  # "10월까지": from January
        # The year is written before the months: it dates them all.
        parts[0].year = years[0] if years else None
        parts[-1].offset = offset
        fields.pop("year_offset", None)
        fields.update(_months(parts[0], parts[-1]))
    elif len(years) == 2 and years[1] <= years[0]:
        return None
    elif years:
        fields.update(year=years[0], end_year=years[1] if len(years) > 1 else None)
    return fields, role
