"""The values and models that pass between the stages of the pipeline.

    Article --extract--> Claim --resolve--> Claim --match/judge--> JudgedClaim --> Report

`Period` is a calendar year, half, quarter, month or inclusive month range, printed and parsed in
the notation of the report contract:

>>> str(Period.parse("2025")), str(Period.parse("2023-H1")), str(Period.parse("2023-Q3"))
('2025', '2023-H1', '2023-Q3')
>>> str(Period.parse("2024-10")), str(Period.parse("2023-01/2023-10"))
('2024-10', '2023-01/2023-10')

A range that is exactly a year, half or quarter prints as one, so equal periods print alike:

>>> str(Period.parse("2023-01/2023-06"))
'2023-H1'
>>> Period.parse("2023-13") is None
True

`Period` is a frozen dataclass rather than a pydantic model: a small value with arithmetic used on
the hot path, which crosses stage boundaries as its string. Everything else is a closed
(`extra="forbid"`) pydantic model; `Report` is the JSON contract in ../shared/report-schema.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

_FORMS = re.compile(
    r"""^(?:
        (?P<year>\d{4})                                  # 2025
      | (?P<hy>\d{4})-H(?P<half>[12])                    # 2023-H1
      | (?P<qy>\d{4})-Q(?P<quarter>[1-4])                # 2023-Q3
      | (?P<my>\d{4})-(?P<month>\d{2})                   # 2024-10
      | (?P<ry1>\d{4})-(?P<rm1>\d{2})/(?P<ry2>\d{4})-(?P<rm2>\d{2})  # 2023-01/2023-10
    )$""",
    re.VERBOSE,
)

MIN_YEAR, MAX_YEAR = 1900, 2199


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """Inclusive months `first`..`last`, each counted as year * 12 + (month - 1)."""

    first: int
    last: int

    @classmethod
    def months(cls, year: int, month: int, end_year: int, end_month: int) -> Period:
        """The inclusive range from year-month to end_year-end_month."""
        return cls(year * 12 + month - 1, end_year * 12 + end_month - 1)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls.months(year, 1, year, 12)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        return cls.months(year, 6 * half - 5, year, 6 * half)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls.months(year, 3 * quarter - 2, year, 3 * quarter)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls.months(year, month, year, month)

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """The period written in contract notation, or None if `text` is not one.

        >>> Period.parse("2023-H3") is None, Period.parse("2023-10/2023-01") is None
        (True, True)
        """
        m = _FORMS.match(text.strip())
        if not m:
            return None
        g = m.groupdict()
        if g["year"]:
            y1, m1, y2, m2 = int(g["year"]), 1, int(g["year"]), 12
        elif g["hy"]:
            h = int(g["half"])
            y1 = y2 = int(g["hy"])
            m1, m2 = 6 * h - 5, 6 * h
        elif g["qy"]:
            q = int(g["quarter"])
            y1 = y2 = int(g["qy"])
            m1, m2 = 3 * q - 2, 3 * q
        elif g["my"]:
            y1 = y2 = int(g["my"])
            m1 = m2 = int(g["month"])
        else:
            y1, m1, y2, m2 = int(g["ry1"]), int(g["rm1"]), int(g["ry2"]), int(g["rm2"])
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        if not (MIN_YEAR <= y1 <= MAX_YEAR and MIN_YEAR <= y2 <= MAX_YEAR):
            return None
        period = cls.months(y1, m1, y2, m2)
        return period if period.first <= period.last else None

    # -- reading it -----------------------------------------------------------------------

    @property
    def start_year(self) -> int:
        return self.first // 12

    @property
    def start_month(self) -> int:
        return self.first % 12 + 1

    @property
    def end_year(self) -> int:
        return self.last // 12

    @property
    def end_month(self) -> int:
        return self.last % 12 + 1

    @property
    def length(self) -> int:
        """Number of months covered."""
        return self.last - self.first + 1

    @property
    def kind(self) -> str:
        """`year`, `half`, `quarter`, `month` or `range`."""
        if self.start_year != self.end_year:
            return "range"
        m1, m2 = self.start_month, self.end_month
        if (m1, m2) == (1, 12):
            return "year"
        if (m1, m2) in ((1, 6), (7, 12)):
            return "half"
        if m1 % 3 == 1 and m2 == m1 + 2:
            return "quarter"
        if m1 == m2:
            return "month"
        return "range"

    def each_month(self) -> Iterator[Period]:
        """The single months the period covers, in order.

        >>> [str(p) for p in Period.parse("2023-Q1").each_month()]
        ['2023-01', '2023-02', '2023-03']
        """
        for index in range(self.first, self.last + 1):
            yield Period(index, index)

    def shift_years(self, years: int) -> Period:
        """The same months `years` later (negative: earlier).

        >>> str(Period.parse("2023-01/2023-10").shift_years(-1))
        '2022-01/2022-10'
        """
        return Period(self.first + 12 * years, self.last + 12 * years)

    def year_earlier(self) -> Period:
        return self.shift_years(-1)

    def contains(self, other: Period) -> bool:
        return self.first <= other.first and other.last <= self.last

    def __str__(self) -> str:
        y1, y2 = self.start_year, self.end_year
        kind = self.kind
        if kind == "year":
            return f"{y1}"
        if kind == "half":
            return f"{y1}-H{1 if self.start_month == 1 else 2}"
        if kind == "quarter":
            return f"{y1}-Q{(self.start_month + 2) // 3}"
        if kind == "month":
            return f"{y1}-{self.start_month:02d}"
        return f"{y1}-{self.start_month:02d}/{y2}-{self.end_month:02d}"

    def describe(self) -> str:
        """Words for explanations: 'January-October 2023', 'the first half of 2023', '2025'.

        >>> Period.parse("2023-01/2023-10").describe()
        'January-October 2023'
        """
        kind = self.kind
        y1 = self.start_year
        if kind == "year":
            return str(y1)
        if kind == "half":
            return f"the {'first' if self.start_month == 1 else 'second'} half of {y1}"
        if kind == "quarter":
            return f"Q{(self.start_month + 2) // 3} {y1}"
        if kind == "month":
            return f"{MONTH_NAMES[self.start_month - 1]} {y1}"
        if self.start_year == self.end_year:
            return f"{MONTH_NAMES[self.start_month - 1]}-{MONTH_NAMES[self.end_month - 1]} {y1}"
        return (
            f"{MONTH_NAMES[self.start_month - 1]} {y1}-"
            f"{MONTH_NAMES[self.end_month - 1]} {self.end_year}"
        )


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


# -- pydantic models ---------------------------------------------------------------------------


def _number(value: Decimal) -> int | float:
    """JSON numbers for exact decimals: integers stay integers, the rest print as written."""
    return int(value) if value == value.to_integral_value() else float(value)


Number = Annotated[Decimal, PlainSerializer(_number, return_type=int | float, when_used="json")]

Kind = Literal["value", "growth", "share", "rank"]
Unit = Literal["USD", "KRW", "percent", "rank", "count"]
Verdict = Literal["supported", "mismatch", "unverifiable", "ambiguous"]
Vintage = Literal["preliminary", "revised"]
Measure = Literal["value", "yoy_pct", "share_pct", "rank", "destinations"]
Language = Literal["en", "ko"]

SCHEMA_ID: Literal["factcheck/report-v1"] = "factcheck/report-v1"


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Article(_Closed):
    """An article as read: `text` is exactly what claim offsets point into."""

    source: str = Field(description="File path, '-' for stdin, or a caller's label")
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = Field(
        default=None,
        description="How the date was found: option, front matter, html metadata, dateline",
    )
    language: Language = "en"
    body_start: int = Field(
        default=0, description="Offset where the story starts, after front matter"
    )


class Figure(_Closed):
    """One row of the reference store: a figure a source states, with its provenance."""

    metric: str
    partner: str
    period: str
    measure: Measure
    value: Number
    unit: Unit
    vintage: Vintage
    released: date | None
    source_url: str
    note: str = ""


class Evidence(_Closed):
    """A reference figure used to judge a claim (a `Figure` without its note)."""

    metric: str
    partner: str
    period: str
    measure: Measure
    value: Number
    unit: Unit
    vintage: Vintage
    released: date | None
    source_url: str

    @classmethod
    def of(cls, figure: Figure) -> Evidence:
        return cls(**figure.model_dump(exclude={"note"}))


class Claim(_Closed):
    """A figure found in an article, and what it is about (None where that is unknown)."""

    id: str
    start: int = Field(description="Offset of the figure in the text as read")
    end: int
    quote: str
    sentence: str
    kind: Kind
    metric: str | None = None
    partner: str | None = None
    period: str | None = None
    stated: Number
    unit: Unit
    qualifier: str | None = None
    base_period: str | None = Field(
        default=None, description="growth: the period compared with, if the text names one"
    )
    found: dict[str, str] = Field(
        default_factory=dict, description="How metric, partner and period were found"
    )
    repeat_of: str | None = Field(
        default=None,
        description="The id of the same figure earlier in the text, when a page repeats itself",
    )
    step: Number = Field(
        default=Decimal(0),
        exclude=True,
        description="Place value of the last printed digit, in `unit` (rounding width)",
    )


class JudgedClaim(Claim):
    """A claim with its verdict, the reference value, why, and a correction."""

    verdict: Verdict
    expected: Number | None = None
    explanation: str = ""
    correction: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Summary(_Closed):
    supported: int = 0
    mismatch: int = 0
    unverifiable: int = 0
    ambiguous: int = 0


class Report(_Closed):
    """The report contract, version 1 (../shared/report-schema.md). It only grows."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, serialize_by_alias=True, validate_by_name=True
    )

    schema_id: Literal["factcheck/report-v1"] = Field(default=SCHEMA_ID, alias="schema")
    source: str
    published: date | None
    language: Language
    claims: list[JudgedClaim]
    summary: Summary
