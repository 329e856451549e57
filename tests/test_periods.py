"""periods: the time periods English news text names, and what each one resolves to.

The sentences are written for these tests in the manner of news reports on Korea Customs Service
releases, with the figures of reference/kcs-album-exports.csv and the dates they came out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import periods
from factcheck.errors import DataError
from factcheck.models import Period
from factcheck.periods import (
    YEAR_MAX,
    YEAR_MIN,
    PeriodPhrase,
    base_of,
    find_periods,
    parse_period_text,
    resolve_period,
)


@dataclass(frozen=True)
class Case:
    """`phrase` is found in `sentence` with `role`, and resolves to `period`, explained as `how`."""

    sentence: str
    phrase: str
    role: str
    period: str | None
    how: str
    published: date | None = None
    context: str | None = None


def _found(sentence: str, phrase: str) -> PeriodPhrase:
    """The phrase find_periods reports exactly at the first occurrence of `phrase`."""
    start = sentence.index(phrase)
    for found in find_periods(sentence):
        if (found.start, found.end) == (start, start + len(phrase)):
            assert found.text == phrase
            return found
    spans = [(p.text, p.start, p.end) for p in find_periods(sentence)]
    raise AssertionError(f"{phrase!r} at {start} not found; found {spans}")


JAN_2026 = date(2026, 1, 16)  # the 2025 annual figures
NOV_2023 = date(2023, 11, 26)  # January-October 2023
JUL_2023 = date(2023, 7, 18)  # the first half of 2023
DEC_2020 = date(2020, 12, 17)  # January-November 2020

CASES = [
    # -- years ------------------------------------------------------------------------------
    pytest.param(
        Case("Album exports reached $301.7 million in 2025.", "2025", "period", "2025",
             '"2025" -> 2025'),
        id="year",
    ),
    pytest.param(
        Case("Shipments to the U.S. grew by two-thirds in 2023.", "2023", "period", "2023",
             '"2023" -> 2023'),
        id="in-year",
    ),
    pytest.param(
        Case("Last year, album exports came to $301.7 million.", "Last year", "period", "2025",
             '"Last year" + published 2026-01-16 -> 2025', published=JAN_2026),
        id="last-year-published",
    ),
    pytest.param(
        Case("Japan bought $80.6 million of them last year.", "last year", "period", "2025",
             '"last year" + context 2025 (no date; taken as 2026-01, when its figures come out)'
             " -> 2025",
             context="2025"),
        id="last-year-context",
    ),
    pytest.param(
        Case("Album exports rose 78.2 percent this year to $123 million.", "this year", "period",
             "2020-01/2020-11",
             '"this year" + published 2020-12-17 -> 2020-01/2020-11 (the year so far: figures'
             " out to 2020-11)", published=DEC_2020),
        id="this-year-published",
    ),
    pytest.param(
        Case("Album exports rose 78.2 percent this year to $123 million.", "this year", "period",
             "2020-01/2020-11", '"this year" + context 2020-01/2020-11 (no date; taken as 2020-12,'
             " when its figures come out) -> 2020-01/2020-11 (the year so far: figures out to"
             " 2020-11)", context="2020-01/2020-11"),
        id="this-year-context",
    ),
    pytest.param(
        Case("Shipments this year are still being counted.", "this year", "period",
             "2026", '"this year" + published 2026-01-10 -> 2026', published=date(2026, 1, 10)),
        id="this-year-nothing-released-yet",
    ),
    pytest.param(
        Case("The 2022 figure was $233.1 million.", "The 2022 figure", "period", "2022",
             '"The 2022 figure" -> 2022'),
        id="the-2022-figure",
    ),
    pytest.param(
        Case("Exports topped $300 million for the first time in 2025.", "2025", "period", "2025",
             '"2025" -> 2025'),
        id="first-time-in-year",
    ),
    # -- halves and quarters -------------------------------------------------------------------
    pytest.param(
        Case("Exports hit $132.93 million in the first half.", "the first half", "period",
             "2023-H1", '"the first half" + published 2023-07-18 -> 2023-H1'
             " (the latest January-June before 2023-07)", published=JUL_2023),
        id="first-half-published",
    ),
    pytest.param(
        Case("Exports hit $132.93 million in the first half.", "the first half", "period",
             "2023-H1", '"the first half" + context 2023-H1 (no date; taken as 2023-07, when'
             " its figures come out) -> 2023-H1 (the latest January-June before 2023-07)",
             context="2023-H1"),
        id="first-half-context",
    ),
    pytest.param(
        Case("Exports came to $132.93 million in the first half of 2023.",
             "the first half of 2023", "period", "2023-H1", '"the first half of 2023" -> 2023-H1'),
        id="first-half-of-year",
    ),
    pytest.param(
        Case("Japan took $48.52 million in the first half of this year.",
             "the first half of this year", "period", "2023-H1",
             '"the first half of this year" + published 2023-07-18 -> 2023-H1',
             published=JUL_2023),
        id="first-half-of-this-year",
    ),
    pytest.param(
        Case("Exports fell 2.0% in the first half of last year.", "the first half of last year",
             "period", "2024-H1",
             '"the first half of last year" + published 2025-07-20 -> 2024-H1',
             published=date(2025, 7, 20)),
        id="first-half-of-last-year",
    ),
    pytest.param(
        Case("H1 exports slipped 2.0% to $130.3 million.", "H1", "period", "2024-H1",
             '"H1" + published 2024-07-16 -> 2024-H1 (the latest January-June before 2024-07)',
             published=date(2024, 7, 16)),
        id="H1",
    ),
    pytest.param(
        Case("H1 2023 shipments: $132.9 million.", "H1 2023", "period", "2023-H1",
             '"H1 2023" -> 2023-H1'),
        id="H1-2023",
    ),
    pytest.param(
        Case("1H23 album exports rose 17.1%.", "1H23", "period", "2023-H1", '"1H23" -> 2023-H1'),
        id="1H23",
    ),
    pytest.param(
        Case("This year's first half brought $114.4 million.", "This year's first half",
             "period", "2025-H1", "\"This year's first half\" + published 2025-07-20 -> 2025-H1",
             published=date(2025, 7, 20)),
        id="this-years-first-half",
    ),
    pytest.param(
        Case("Shipments picked up again in the second half.", "the second half", "period",
             "2023-H2", '"the second half" + published 2024-01-10 -> 2023-H2'
             " (the latest July-December before 2024-01)", published=date(2024, 1, 10)),
        id="second-half",
    ),
    pytest.param(
        Case("Q3 2023 was quieter than the spring.", "Q3 2023", "period", "2023-Q3",
             '"Q3 2023" -> 2023-Q3'),
        id="Q3-2023",
    ),
    pytest.param(
        Case("Sales slowed in the third quarter.", "the third quarter", "period", "2023-Q3",
             '"the third quarter" + published 2023-11-01 -> 2023-Q3'
             " (the latest July-September before 2023-11)", published=date(2023, 11, 1)),
        id="third-quarter",
    ),
    # -- months and ranges of months -------------------------------------------------------------
    pytest.param(
        Case("Japan led from January to June with $48.52 million.", "from January to June",
             "period", "2023-H1", '"from January to June" + published 2023-07-18 -> 2023-H1'
             " (the latest January-June before 2023-07)", published=JUL_2023),
        id="january-to-june",
    ),
    pytest.param(
        Case("January-June shipments came to $114.4 million.", "January-June", "period",
             "2025-H1", '"January-June" + published 2025-07-20 -> 2025-H1'
             " (the latest January-June before 2025-07)", published=date(2025, 7, 20)),
        id="january-june",
    ),
    pytest.param(
        Case("From January to November albums earned $123 million.", "From January to November",
             "period", "2020-01/2020-11", '"From January to November" + published 2020-12-17'
             " -> 2020-01/2020-11 (the latest January-November before 2020-12)",
             published=DEC_2020),
        id="from-january-to-november",
    ),
    pytest.param(
        Case("January through October exports totalled $243.8 million.",
             "January through October", "period", "2023-01/2023-10",
             '"January through October" + published 2023-11-26 -> 2023-01/2023-10'
             " (the latest January-October before 2023-11)", published=NOV_2023),
        id="january-through-october",
    ),
    pytest.param(
        Case("Between January and October the U.S. took $54.3 million.",
             "Between January and October", "period", "2023-01/2023-10",
             '"Between January and October" + published 2023-11-26 -> 2023-01/2023-10'
             " (the latest January-October before 2023-11)", published=NOV_2023),
        id="between-january-and-october",
    ),
    pytest.param(
        Case("China fell to third in the January-October period.", "the January-October period",
             "period", "2023-01/2023-10",
             '"the January-October period" + context 2023 (no date; taken as 2024-01, when'
             " its figures come out) -> 2023-01/2023-10 (the latest January-October before"
             " 2024-01)", context="2023"),
        id="the-january-october-period-context",
    ),
    pytest.param(
        Case("Exports to China were just $160,000 in October.", "October", "period", "2023-10",
             '"October" + published 2023-11-26 -> 2023-10 (the latest October before 2023-11)',
             published=NOV_2023),
        id="in-october",
    ),
    pytest.param(
        Case("Exports to China were just $160,000 in October.", "October", "period", "2023-10",
             '"October" + published 2024-01-10 -> 2023-10 (the latest October before 2024-01)',
             published=date(2024, 1, 10)),
        id="in-october-next-year",
    ),
    pytest.param(
        Case("October 2024 exports reached $35.5 million.", "October 2024", "period", "2024-10",
             '"October 2024" -> 2024-10'),
        id="october-2024",
    ),
    pytest.param(
        Case("Shipments spiked last October.", "last October", "period", "2023-10",
             '"last October" + published 2024-01-10 -> 2023-10'
             " (the latest October before 2024-01)", published=date(2024, 1, 10)),
        id="last-october",
    ),
    pytest.param(
        Case("October exports jumped 37.8%.", "October", "period", "2024-10",
             '"October" + published 2024-11-16 -> 2024-10 (the latest October before 2024-11)',
             published=date(2024, 11, 16)),
        id="october-exports",
    ),
    pytest.param(
        Case("Shipments had reached $189.7 million by October.", "by October", "period",
             "2021-01/2021-10", '"by October" + published 2021-12-01 -> 2021-01/2021-10'
             " (the latest January-October before 2021-12)", published=date(2021, 12, 1)),
        id="by-october",
    ),
    pytest.param(
        Case("In the first 10 months of 2023 exports rose 20.3%.", "the first 10 months of 2023",
             "period", "2023-01/2023-10", '"the first 10 months of 2023" -> 2023-01/2023-10'),
        id="first-10-months",
    ),
    pytest.param(
        Case("Sales ran high in January 2023-March 2024.", "January 2023-March 2024", "period",
             "2023-01/2024-03", '"January 2023-March 2024" -> 2023-01/2024-03'),
        id="range-across-years",
    ),
    # -- spans of years ------------------------------------------------------------------------
    pytest.param(
        Case("Exports doubled over the past three years.", "the past three years", "period",
             "2023-01/2025-12", '"the past three years" + published 2026-01-16'
             " -> 2023-01/2025-12 (the 3 full years before 2026)", published=JAN_2026),
        id="past-three-years",
    ),
    pytest.param(
        Case("Exports grew in the past four years.", "the past four years", "period",
             "2022-01/2025-12", '"the past four years" + context 2025 (no date; taken as'
             " 2026-01, when its figures come out) -> 2022-01/2025-12 (the 4 full years before"
             " 2026)",
             context="2025"),
        id="past-four-years-context",
    ),
    pytest.param(
        Case("Japan has stayed the largest market since 2017.", "since 2017", "period",
             "2017-01/2020-11", '"since 2017" + published 2020-12-17 -> 2017-01/2020-11'
             " (to the last before publication)", published=DEC_2020),
        id="since-2017",
    ),
    pytest.param(
        Case("China ranked second every year since 2012.", "since 2012", "period",
             "2012-01/2022-12", '"since 2012" + published 2023-07-19 -> 2012-01/2022-12'
             " (whole years, to the last before publication)", published=date(2023, 7, 19)),
        id="every-year-since-2012",
    ),
    pytest.param(
        Case("Exports rose between 2017 and 2019.", "between 2017 and 2019", "period",
             "2017-01/2019-12", '"between 2017 and 2019" -> 2017-01/2019-12'),
        id="between-years",
    ),
    # -- periods named from the context --------------------------------------------------------
    pytest.param(
        Case("Japan bought the most during the same period.", "the same period", "period",
             "2022", '"the same period" + context 2022 -> 2022', context="2022"),
        id="the-same-period",
    ),
    pytest.param(
        Case("They passed $200 million the next year.", "the next year", "period", "2021",
             '"the next year" + context 2020 -> 2021', context="2020"),
        id="the-next-year",
    ),
    # -- bases of a change: `context` is the claim's period -------------------------------------
    pytest.param(
        Case("That is 17.1% more than in the same period last year.",
             "than in the same period last year", "base", "2022-H1",
             '"than in the same period last year" + claim period 2023-H1 -> 2022-H1',
             context="2023-H1"),
        id="same-period-last-year",
    ),
    pytest.param(
        Case("Exports rose 5.6% from a year earlier.", "from a year earlier", "base", "2021",
             '"from a year earlier" + claim period 2022 -> 2021', context="2022"),
        id="a-year-earlier",
    ),
    pytest.param(
        Case("That was a 3.4% increase from the previous year.", "from the previous year",
             "base", "2024", '"from the previous year" + claim period 2025 -> 2024',
             context="2025"),
        id="the-previous-year",
    ),
    pytest.param(
        Case("Exports were flat on the year before.", "the year before", "base", "2023",
             '"the year before" + claim period 2024 -> 2023', context="2024"),
        id="the-year-before",
    ),
    pytest.param(
        Case("Album exports rose 78.2 percent on-year.", "on-year", "base", "2019-01/2019-11",
             '"on-year" + claim period 2020-01/2020-11 -> 2019-01/2019-11',
             context="2020-01/2020-11"),
        id="on-year",
    ),
    pytest.param(
        Case("October shipments rose 37.8% year-on-year.", "year-on-year", "base", "2023-10",
             '"year-on-year" + claim period 2024-10 -> 2023-10', context="2024-10"),
        id="year-on-year",
    ),
    pytest.param(
        Case("Exports were up 0.55% from a year ago.", "from a year ago", "base", "2023",
             '"from a year ago" + claim period 2024 -> 2023', context="2024"),
        id="from-a-year-ago",
    ),
    pytest.param(
        Case("Sales were 17.1% higher compared with 2022.", "compared with 2022", "base",
             "2022-H1", '"compared with 2022" -> 2022-H1 (the months of the claim, 2023-H1)',
             context="2023-H1"),
        id="compared-with-2022",
    ),
    pytest.param(
        Case("Exports were up 5.6% from the 2021 figure.", "from the 2021 figure", "base", "2021",
             '"from the 2021 figure" -> 2021', context="2022"),
        id="from-the-2021-figure",
    ),
    pytest.param(
        Case("Sales were up 17.1% on the same period of 2022.", "the same period of 2022",
             "base", "2022-H1", '"the same period of 2022" + claim period 2023-H1 -> 2022-H1',
             context="2023-H1"),
        id="same-period-of-2022",
    ),
    # -- not the period of a figure ------------------------------------------------------------
    pytest.param(
        Case("China took No. 2 for the first time since 2022.", "for the first time since 2022",
             "other", None, '"for the first time since 2022" is a date or a bound, not the period'
             " of a figure", published=JAN_2026),
        id="first-time-since",
    ),
    pytest.param(
        Case("It was the highest level since 2019.", "since 2019", "other", None,
             '"since 2019" is a date or a bound, not the period of a figure', published=JAN_2026),
        id="highest-since",
    ),
    pytest.param(
        Case("Japan led every year until 2019.", "until 2019", "other", None,
             '"until 2019" is a date or a bound, not the period of a figure'),
        id="until",
    ),
    pytest.param(
        Case("Published July 18, 2023 at 3 p.m.", "July 18, 2023", "other", None,
             '"July 18, 2023" is a date or a bound, not the period of a figure'),
        id="a-date",
    ),
    # -- cannot be resolved: never a guess ------------------------------------------------------
    pytest.param(
        Case("Exports set a record last year.", "last year", "period", None,
             '"last year" needs a publication date or the period the article is about'),
        id="last-year-no-date-no-context",
    ),
    pytest.param(
        Case("Shipments were weak in October.", "October", "period", None,
             '"October" needs a publication date or the period the article is about'),
        id="october-no-date-no-context",
    ),
    pytest.param(
        Case("Exports rose 5.6% from a year earlier.", "from a year earlier", "base", None,
             '"from a year earlier" needs the claim it compares with', published=JAN_2026),
        id="a-year-earlier-no-claim",
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_phrase_is_found_and_resolved(case: Case) -> None:
    phrase = _found(case.sentence, case.phrase)
    assert phrase.role == case.role
    context = Period.parse(case.context) if case.context else None
    period, how = resolve_period(phrase, case.published, context)
    assert (str(period) if period else None, how) == (case.period, case.how)


GAPS = [
    pytest.param(
        Case("As of end-October exports stood at $243.8 million.", "end-October", "period",
             "2023-01/2023-10", "", published=NOV_2023),
        id="as-of-end-october",
    ),
    pytest.param(
        Case("Exports reached $560 million in early 2025.", "early 2025", "period", None, ""),
        id="early-2025-is-vague",
    ),
    pytest.param(
        Case("Sales jumped 60% between 2019 and 2020.", "between 2019 and 2020", "period",
             "2020", ""),
        id="growth-between-two-years",
    ),
    pytest.param(
        Case("Exports were up 9% from two years earlier.", "from two years earlier", "base",
             "2023", "", context="2025"),
        id="two-years-earlier",
    ),
    pytest.param(
        Case("Exports fell 5% last month.", "last month", "period", "2024-10", "",
             published=date(2024, 11, 16)),
        id="last-month",
    ),
    pytest.param(
        Case("Exports in '23 rose.", "'23", "period", "2023", ""),
        id="two-digit-year",
    ),
]  # fmt: skip


@pytest.mark.xfail(strict=True, reason="known gap in the grammar")
@pytest.mark.parametrize("case", GAPS)
def test_known_gaps(case: Case) -> None:
    phrase = _found(case.sentence, case.phrase)
    context = Period.parse(case.context) if case.context else None
    period, _ = resolve_period(phrase, case.published, context)
    assert (phrase.role, str(period) if period else None) == (case.role, case.period)


# -- what is not a period -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Revenue of $2025 million was forecast.", id="dollar-amount"),
        pytest.param("Revenue hit 2025 million won.", id="amount-word-after"),
        pytest.param("Some 2,023 fans queued.", id="thousands-separator"),
        pytest.param("Its office is at 2025 Main Street.", id="street-number"),
        pytest.param("It sat at 2100 Broadway.", id="street-name"),
        pytest.param("It ranked No. 2023 on the list.", id="number-sign"),
        pytest.param("The 1989 tour and the 2101 plan.", id="implausible-years"),
        pytest.param("Exports may rise, Mayor Marc said.", id="may-is-a-verb"),
        pytest.param("Code 20231217 and 2023.5 and 2023%.", id="digits-around"),
        pytest.param("The Billboard 200 and the Hot 100.", id="chart-names"),
        pytest.param("Sales in the 2020s grew.", id="decade"),
        pytest.param("October is a busy month, said Jung Kook.", id="bare-month-as-subject"),
    ],
)
def test_no_period(sentence: str) -> None:
    assert [p.text for p in find_periods(sentence) if p.role != "other"] == []


def test_a_year_after_since_or_until_is_not_a_period_of_its_own() -> None:
    found = find_periods("Japan led until 2019 and China since 2022, the highest since 2014.")
    assert [(p.text, p.role, p.since) for p in found] == [
        ("until 2019", "other", False),
        ("since 2022", "period", True),
        ("since 2014", "other", True),
    ]


def test_phrases_in_an_article_come_in_order_without_overlap() -> None:
    text = (
        "Album exports rose 3.4% on-year to $301.7 million last year, the customs office said "
        "on January 16, 2026. Japan bought $80.6 million, down 10.2% from the previous year, "
        "while China regained second place for the first time since 2022. In the first half of "
        "2025, exports had fallen 11.6% to $114.4 million."
    )
    assert [(p.text, p.role) for p in find_periods(text)] == [
        ("on-year", "base"),
        ("last year", "period"),
        ("January 16, 2026", "other"),
        ("from the previous year", "base"),
        ("for the first time since 2022", "other"),
        ("the first half of 2025", "period"),
    ]


def test_longest_reading_wins() -> None:
    found = find_periods("up 17.1% from the same period last year, and in the first half of 2023")
    assert [p.text for p in found] == ["from the same period last year", "the first half of 2023"]


def test_base_of_is_a_year_earlier() -> None:
    assert str(base_of(Period.parse("2023-01/2023-10") or Period.year(2000))) == "2022-01/2022-10"


# -- read-back: what Period.describe prints ------------------------------------------------------


@pytest.mark.parametrize(
    "notation",
    ["2025", "2023-H1", "2023-H2", "2023-Q3", "2024-10", "2023-01/2023-10", "2023-01/2024-03"],
)
def test_describe_reads_back(notation: str) -> None:
    period = Period.parse(notation)
    assert period is not None
    assert parse_period_text(period.describe()) == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("in 2023", "2023", id="preposition"),
        pytest.param("the first half of 2023.", "2023-H1", id="full-stop"),
        pytest.param("2023-01/2023-10", "2023-01/2023-10", id="contract-notation"),
        pytest.param("2023 and 2024", None, id="two-periods"),
        pytest.param("exports in 2023", None, id="more-than-a-period"),
        pytest.param("since 2022, for the first time", None, id="not-a-period"),
    ],
)
def test_parse_period_text(text: str, expected: str | None) -> None:
    period = parse_period_text(text)
    assert (str(period) if period else None) == expected


_MONTH = st.integers(min_value=YEAR_MIN * 12, max_value=YEAR_MAX * 12 + 11)
PERIODS = st.one_of(
    st.tuples(_MONTH, _MONTH).map(lambda pair: Period(min(pair), max(pair))),
    st.integers(YEAR_MIN, YEAR_MAX).map(Period.year),
    st.builds(Period.half, st.integers(YEAR_MIN, YEAR_MAX), st.integers(1, 2)),
    st.builds(Period.quarter, st.integers(YEAR_MIN, YEAR_MAX), st.integers(1, 4)),
    st.builds(Period.month, st.integers(YEAR_MIN, YEAR_MAX), st.integers(1, 12)),
)


@given(PERIODS)
def test_describe_reads_back_for_any_period(period: Period) -> None:
    assert parse_period_text(period.describe()) == period


@given(PERIODS)
def test_described_period_is_found_in_a_sentence(period: Period) -> None:
    sentence = f"Exports came to $12.8 million in {period.describe()}, the agency said."
    [phrase] = find_periods(sentence)
    assert resolve_period(phrase, None, None)[0] == period


# -- never raises, whatever the text ---------------------------------------------------------------

_WORDS_SEEN = [
    "in", "the", "of", "from", "to", "between", "and", "since", "for", "first", "time", "last",
    "this", "year", "years", "half", "quarter", "period", "same", "a", "earlier", "on-year",
    "past", "three", "10", "months", "October", "Oct.", "May", "H1", "1H23", "Q3", "'23", "2023",
    "2,023", "$2025", "1989", "2100", "No.", "-", "–", ",", ".", "'s", "by", "up", "end", "until",
]  # fmt: skip
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_WORDS_SEEN), max_size=30).map(" ".join),
    st.lists(st.sampled_from(_WORDS_SEEN), max_size=30).map("".join),
)
DATES = st.none() | st.dates()
CONTEXTS = st.none() | PERIODS


@given(TEXTS, DATES, CONTEXTS)
def test_never_raises(text: str, published: date | None, context: Period | None) -> None:
    found = find_periods(text)
    ends = [0, *(p.end for p in found)]
    for phrase, previous_end in zip(found, ends, strict=False):
        assert previous_end <= phrase.start < phrase.end
        assert text[phrase.start : phrase.end] == phrase.text
        period, how = resolve_period(phrase, published, context)
        assert how.startswith(f'"{" ".join(phrase.text.split())}"')
        assert period is None or Period.parse(str(period)) == period
    parse_period_text(text, published)


@given(TEXTS)
def test_anchors_find_what_a_full_scan_finds(text: str) -> None:
    """find_periods looks only near anchors, with a gated grammar; a full scan finds no more."""
    assert find_periods(text) == _full_scan(text)


# The grammar without the lookaheads on first letters that make it fast.
_UNGATED = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", periods._PHRASE.pattern), re.VERBOSE)


def _full_scan(text: str) -> list[PeriodPhrase]:
    phrases: list[PeriodPhrase] = []
    position = 0
    while position < len(text):
        previous_end = phrases[-1].end if phrases else 0
        match = _UNGATED.match(text, position)
        phrase = periods._read(match, text, previous_end) if match else None
        if phrase is not None:
            phrases.append(phrase)
            position = phrase.end
        else:
            position += 1
    return phrases


@pytest.mark.parametrize("case", CASES)
def test_anchors_find_what_a_full_scan_finds_in_the_cases(case: Case) -> None:
    assert find_periods(case.sentence) == _full_scan(case.sentence)


# -- the vocabulary --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        pytest.param("en,October,month=13", "meaning 'month=13' of 'October'", id="out-of-range"),
        pytest.param("en,fortnight,span=2", "meaning 'span=2' of 'fortnight'", id="unknown-kind"),
        pytest.param("en,Oct,month=10\nen,oct,month=10", "duplicate phrase 'oct'", id="duplicate"),
    ],
)
def test_bad_word_rows_are_data_errors(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "period-words.csv"
    path.write_text("language,phrase,meaning\n" + rows + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)) as error:
        periods._load_words(path, "en")
    assert str(path) in str(error.value)


def test_other_languages_are_left_for_later(tmp_path: Path) -> None:
    path = tmp_path / "period-words.csv"
    path.write_text("language,phrase,meaning\nko,상반기,half=1\n", encoding="utf-8")
    assert periods._load_words(path, "en")["half"] == {}
    assert periods._load_words(path, "ko")["half"] == {"상반기": 1}
