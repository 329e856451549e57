"""Resolve: what each figure is about — metric, partner, period — and how that was found.

Each row is a short article written for these tests in the manner of news reports, with real
figures from reference/kcs-album-exports.csv (2025 world $301.7 million, +3.4%; Japan $80.6
million, -10.2%; China $69.7 million, +16.6%; U.S. $64 million; 2024 world $291.8 million,
+0.55%; 2023-H1 world $132.93 million, +17.1%, Japan $48.52 million, U.S. $25.52 million;
January-October 2023 $243.8 million, +20.3%; January-November 2022 $215.7 million; October
2024 $35.5 million, +37.8%; January-November 2020 $123 million, +78.2%; 2021 the top three's
combined share 71.7%). Figures about other things (copies sold, streaming, the size of music
markets, chart places, forecasts) are the kind reports print beside them.

A row names the figure by its quote (the first claim quoting it) and expects
"metric partner period", "-" for None; `how` is a field of `found` and a phrase it must
mention, so that a reader of the report can see where the answer came from.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from factcheck.articles import article_from_text
from factcheck.extract import extract_claims
from factcheck.models import Claim
from factcheck.resolve import resolve_claims


def resolved(text: str, published: str | None = None, fmt: str = "txt") -> list[Claim]:
    day = date.fromisoformat(published) if published else None
    article = article_from_text(text, fmt="md" if fmt == "md" else "txt", published=day)
    return resolve_claims(article, extract_claims(article))


def case(
    case_id: str,
    text: str,
    quote: str,
    expected: str,
    *,
    published: str | None = None,
    fmt: str = "txt",
    how: tuple[str, str] | None = None,
    gap: str | None = None,
) -> Any:
    """A table row; `gap` marks a known failure, with what goes wrong today."""
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(text, quote, expected, published, fmt, how, id=case_id, marks=marks)


PARAMS = ("text", "quote", "expected", "published", "fmt", "how")


def check_case(
    text: str,
    quote: str,
    expected: str,
    published: str | None,
    fmt: str,
    how: tuple[str, str] | None,
) -> None:
    claims = resolved(text, published, fmt)
    claim = next((c for c in claims if c.quote == quote), None)
    assert claim is not None, [c.quote for c in claims]
    got = " ".join(value or "-" for value in (claim.metric, claim.partner, claim.period))
    assert got == expected, claim.found
    if how is not None:
        field, phrase = how
        assert phrase.lower() in claim.found.get(field, "").lower(), claim.found


# -- periods, against a publication date --------------------------------------------------------

PERIODS = [
    case("year-as-written", "Album exports reached $301.7 million in 2025.",
         "$301.7 million", "albums WORLD 2025", published="2026-01-16", how=("period", "2025")),
    case("last-year", "Album exports reached a record $301.7 million last year.",
         "$301.7 million", "albums WORLD 2025", published="2026-01-16",
         how=("period", "last year")),
    case("last-year-opens-the-sentence", "Last year, album exports rose 3.4%.",
         "3.4%", "albums WORLD 2025", published="2026-01-16", how=("period", "last year")),
    case("this-year-in-december-is-the-year-so-far",
         "Album exports this year came to $123 million, up 78.2% on-year.",
         "$123 million", "albums WORLD 2020-01/2020-11", published="2020-12-17",
         how=("period", "this year")),
    case("the-first-half", "Album exports reached $132.93 million in the first half.",
         "$132.93 million", "albums WORLD 2023-H1", published="2023-07-18",
         how=("period", "first half")),
    case("h1", "Album exports in H1 came to $132.93 million.",
         "$132.93 million", "albums WORLD 2023-H1", published="2023-07-18",
         how=("period", "H1")),
    case("january-to-june", "From January to June, album exports came to $132.93 million.",
         "$132.93 million", "albums WORLD 2023-H1", published="2023-07-18",
         how=("period", "January to June")),
    case("january-october", "Album exports in January-October rose 20.3% to $243.8 million.",
         "20.3%", "albums WORLD 2023-01/2023-10", published="2023-11-26",
         how=("period", "January-October")),
    case("from-january-to-november",
         "Album exports from January to November came to $215.7 million.",
         "$215.7 million", "albums WORLD 2022-01/2022-11", published="2022-12-18",
         how=("period", "January to November")),
    case("months-of-last-year-in-january",
         "Album exports from January to October last year rose 20.3% to $243.8 million.",
         "$243.8 million", "albums WORLD 2023-01/2023-10", published="2024-01-10",
         how=("period", "January to October last year")),
    case("in-october", "Album exports in October came to $35.5 million, up 37.8% on-year.",
         "37.8%", "albums WORLD 2024-10", published="2024-11-16", how=("period", "October")),
    case("growth-against-the-same-period-last-year",
         "In the first half, album exports were 17.1% higher than in the same period last "
         "year.",
         "17.1% higher", "albums WORLD 2023-H1", published="2023-07-18",
         how=("period", "the first half")),
    case("value-in-the-same-period-last-year",
         "Album exports to the U.S. came to $30.45 million in the first half, against $25.52 "
         "million in the same period last year.",
         "$25.52 million", "albums US 2023-H1", published="2024-07-16",
         how=("period", "the same period last year")),
    case("value-a-year-earlier",
         "Album exports reached $301.7 million in 2025, up from $291.8 million a year earlier.",
         "$291.8 million", "albums WORLD 2024", published="2026-01-16",
         how=("period", "a year earlier")),
    case("value-the-previous-year",
         "Album exports reached $301.7 million in 2025, up from $291.8 million the previous "
         "year.",
         "$291.8 million", "albums WORLD 2024", published="2026-01-16",
         how=("period", "the previous year")),
    case("the-previous-year-in-the-next-sentence",
         "Album exports reached $301.7 million in 2025. The previous year they came to $291.8 "
         "million.",
         "$291.8 million", "albums WORLD 2024", published="2026-01-16",
        ),
    case("over-the-past-three-years",
         "Over the past three years, album exports have topped $800 million in total.",
         "topped $800 million", "albums WORLD 2023-01/2025-12", published="2026-01-16",
         how=("period", "the past three years")),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, PERIODS)
def test_period(
    text: str,
    quote: str,
    expected: str,
    published: str | None,
    fmt: str,
    how: tuple[str, str] | None,
) -> None:
    check_case(text, quote, expected, published, fmt, how)


def test_a_change_on_a_year_earlier_names_no_other_base() -> None:
    [_, growth] = resolved(
        "Album exports reached $132.93 million in the first half, up 17.1% from a year earlier.",
        "2023-07-18",
    )
    assert (growth.period, growth.base_period) == ("2023-H1", None)


def test_a_change_on_a_named_base() -> None:
    [growth] = resolved("Album exports in 2025 rose 16.6% compared with 2023.", "2026-01-16")
    assert (growth.period, growth.base_period) == ("2025", "2023")
    assert "2023" in growth.found["base_period"]


# -- periods, without a date: the article's own context ----------------------------------------

UNDATED = [
    case("headline-year-last-year",
         "K-pop album exports hit a record in 2025\n\n"
         "Last year, K-pop album shipments abroad came to $301.7 million.",
         "$301.7 million", "albums WORLD 2025", how=("period", "last year")),
    case("front-matter-title-year",
         "---\ntitle: Album exports set a record in 2025\n---\n"
         "Last year, shipments of K-pop albums abroad came to $301.7 million.",
         "$301.7 million", "albums WORLD 2025", fmt="md", how=("period", "context 2025")),
    case("front-matter-date",
         "---\ntitle: Album exports set a record\ndate: 2026-01-16\n---\n"
         "Album exports rose 3.4% last year.",
         "3.4%", "albums WORLD 2025", fmt="md", how=("period", "published 2026-01-16")),
    case("headline-months-this-year",
         "K-pop album exports, January-November 2020\n\n"
         "Album exports rose 78.2% this year to $123 million.",
         "78.2%", "albums WORLD 2020-01/2020-11", how=("period", "this year")),
    case("headline-first-half",
         "K-pop album exports in the first half of 2023\n\n"
         "Album exports in the first half came to $132.93 million, up 17.1% from a year "
         "earlier.",
         "$132.93 million", "albums WORLD 2023-H1", how=("period", "the first half")),
    case("no-date-no-context", "Album exports reached $301.7 million last year.",
         "$301.7 million", "albums WORLD -", how=("period", "publication date")),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, UNDATED)
def test_period_without_a_date(
    text: str,
    quote: str,
    expected: str,
    published: str | None,
    fmt: str,
    how: tuple[str, str] | None,
) -> None:
    check_case(text, quote, expected, published, fmt, how)


def test_context_given_by_the_caller_places_an_undated_article() -> None:
    from factcheck.models import Period

    article = article_from_text("Album exports rose 3.4% last year.", fmt="txt")
    [claim] = resolve_claims(article, extract_claims(article), Period.parse("2025"))
    assert claim.period == "2025"
    assert "context 2025" in claim.found["period"]


# -- partners ---------------------------------------------------------------------------------

PARTNERS = [
    case("country-name", "Album exports to Japan came to $80.6 million last year.",
         "$80.6 million", "albums JP 2025", published="2026-01-16", how=("partner", "Japan")),
    case("the-united-states", "Album exports to the United States were $64 million last year.",
         "$64 million", "albums US 2025", published="2026-01-16",
         how=("partner", "United States")),
    case("u-s", "Album exports to the U.S. came to $64 million last year.",
         "$64 million", "albums US 2025", published="2026-01-16", how=("partner", "U.S.")),
    case("america", "Album exports to America came to $64 million last year.",
         "$64 million", "albums US 2025", published="2026-01-16", how=("partner", "America")),
    case("demonym", "Album exports to Chinese buyers rose 16.6% last year.",
         "16.6%", "albums CN 2025", published="2026-01-16", how=("partner", "Chinese")),
    case("capital-for-country", "Album exports bound for Beijing rose 16.6% last year.",
         "16.6%", "albums CN 2025", published="2026-01-16", how=("partner", "Beijing")),
    case("currency-country-is-no-partner",
         "Album exports in 2018 came to 64.40 million U.S. dollars.",
         "64.40 million U.S. dollars", "albums WORLD 2018", how=("partner", "WORLD")),
    case("overseas-shipments-are-the-world",
         "K-pop albums shipped overseas were worth $301.7 million last year.",
         "$301.7 million", "albums WORLD 2025", published="2026-01-16",
         how=("partner", "WORLD")),
    case("several-named-together",
         "Japan, the U.S. and China together accounted for 71.7 percent of album exports "
         "last year.",
         "71.7 percent", "albums JP+US+CN 2021", published="2022-01-17",
         how=("partner", "together")),
    case("the-three-markets-of-the-sentence-before",
         "Japan, China and the U.S. remained the top buyers of K-pop albums last year. The "
         "three markets together accounted for 71 percent of album exports in 2025.",
         "71 percent", "albums JP+CN+US 2025", published="2026-01-16",
         how=("partner", "together")),
    case("the-three-markets-and-the-year-of-the-sentence-before",
         "Japan, China and the U.S. remained the top buyers of K-pop albums last year. The "
         "three markets together accounted for 71 percent of album exports.",
         "71 percent", "albums JP+CN+US 2025", published="2026-01-16",
        ),
    case("a-combined-value",
         "Album exports to Japan, China and the U.S. together came to $214.3 million last "
         "year.",
         "$214.3 million", "albums JP+CN+US 2025", published="2026-01-16",
        ),
    case("the-top-10-list", "Album exports to Germany, the Netherlands and Poland put them in "
         "the top 10 last year.",
         "top 10", "albums DE+NL+PL 2025", published="2026-01-16",
         how=("partner", "together")),
    case("rank-subject-not-the-one-overtaken",
         "K-pop album exports top $300 million\n\n"
         "China overtook the U.S. for second place among K-pop album importers last year.",
         "second place", "albums CN 2025", published="2026-01-16", how=("partner", "China")),
    case("refers-back-with-it",
         "Japan remained the biggest buyer of K-pop album exports in 2025. It bought $80.6 "
         "million worth.",
         "$80.6 million", "albums JP 2025", published="2026-01-16",
         how=("partner", "refers back")),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, PARTNERS)
def test_partner(
    text: str,
    quote: str,
    expected: str,
    published: str | None,
    fmt: str,
    how: tuple[str, str] | None,
) -> None:
    check_case(text, quote, expected, published, fmt, how)


# -- pairing, conversions and context from the clause or sentence before -----------------------

CONTEXT = [
    case("respectively-pairs-partners",
         "Album exports to Japan and China came to $80.6 million and $69.7 million, "
         "respectively, last year.",
         "$69.7 million", "albums CN 2025", published="2026-01-16",
         how=("partner", "respectively")),
    case("respectively-pairs-the-first-partner",
         "Album exports to Japan and China came to $80.6 million and $69.7 million, "
         "respectively, last year.",
         "$80.6 million", "albums JP 2025", published="2026-01-16",
         how=("partner", "respectively")),
    case("respectively-pairs-periods",
         "Album exports rose 3.4% and 0.55% in 2025 and 2024, respectively.",
         "0.55%", "albums WORLD 2024", published="2026-01-16", how=("period", "respectively")),
    case("won-in-brackets-inherits",
         "Album exports in the first half were worth 132.934 million dollars (roughly 168.5 "
         "billion won), a rise of 17.1%.",
         "roughly 168.5 billion won", "albums WORLD 2023-H1", published="2023-07-19",
         how=("converted", "132.934 million dollars")),
    case("won-in-brackets-inherits-the-partner",
         "In the first half, album exports to Japan were worth 48,523,000 dollars (roughly "
         "61.5 billion won).",
         "roughly 61.5 billion won", "albums JP 2023-H1", published="2023-07-19",
         how=("converted", "48,523,000 dollars")),
    case("period-after-the-brackets",
         "Album exports to Japan were worth 48,523,000 dollars (roughly 61.5 billion won) over "
         "the first half.",
         "48,523,000 dollars", "albums JP 2023-H1", published="2023-07-19",
        ),
    case("sentence-before-sets-the-period",
         "Last year, album exports hit $301.7 million. Japan stayed on top with $80.6 "
         "million, though its purchases showed a 10.2% dip.",
         "$80.6 million", "albums JP 2025", published="2026-01-16",
         how=("period", "last year")),
    case("clause-before-gives-partner-and-period",
         "Last year, album exports hit $301.7 million. Japan stayed on top with $80.6 "
         "million, though its purchases showed a 10.2% dip.",
         "10.2% dip", "albums JP 2025", published="2026-01-16", how=("partner", "Japan")),
    case("year-opening-the-sentence-covers-every-clause",
         "K-pop album exports set a record in 2025\n\n"
         "In 2024, Japan remained the biggest buyer of K-pop albums with $89.8 "
         "million, though its purchases showed a 24.7% dip.",
         "24.7% dip", "albums JP 2024", published="2026-01-16", how=("period", "2024")),
    case("period-from-the-clause-before",
         "K-pop album exports set a record in 2025\n\n"
         "Japan remained the biggest buyer of K-pop albums in 2024 with $89.8 "
         "million, though its purchases showed a 24.7% dip.",
         "24.7% dip", "albums JP 2024", published="2026-01-16",
        ),
    case("rank-after-a-clause-break",
         "Album shipments to the U.S. came to $64 million last year, making it the "
         "third-largest market.",
         "third-largest market", "albums US 2025", published="2026-01-16",
         how=("partner", "U.S.")),
    case("export-market-for-albums",
         "The U.S. was the third-largest export market for K-pop albums in 2025, behind "
         "Japan and China.",
         "third-largest export market", "albums US 2025", published="2026-01-16",
         how=("partner", "U.S.")),
    case("export-figure-beside-a-sales-figure",
         "Album exports hit $301.7 million last year, while album sales at home fell to 93.5 "
         "million copies.",
         "$301.7 million", "albums WORLD 2025", published="2026-01-16",
        ),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, CONTEXT)
def test_context(
    text: str,
    quote: str,
    expected: str,
    published: str | None,
    fmt: str,
    how: tuple[str, str] | None,
) -> None:
    check_case(text, quote, expected, published, fmt, how)


# -- figures about other things ---------------------------------------------------------------


def other(case_id: str, text: str, quote: str, word: str, *, gap: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(text, quote, word, id=case_id, marks=marks)


OTHER_THINGS = [
    other("copies-sold",
          "K-pop album exports hit a record last year, but sales fell to 93.5 million copies.",
          "93.5 million", "count"),
    other("copies-in-the-next-sentence",
          "Album exports hit $301.7 million last year. Total album sales fell to 93.5 million "
          "copies.",
          "93.5 million", "count"),
    other("streaming-revenue", "Streaming revenue in the country rose 12% last year.",
          "12%", "streaming"),
    other("music-industry-revenue",
          "The U.S. recorded music industry took in about $17 billion last year.",
          "about $17 billion", "recorded music"),
    other("music-industry-revenue-beside-exports",
          "Korea's music industry revenue reached $1.2bn in 2023, while album exports grew.",
          "$1.2bn", "revenue"),
    other("per-capita-spending",
          "Per-capita spending in Korea on recorded music climbed to $20.36 in 2024.",
          "$20.36", "spending"),
    other("chart-position", "Her new single entered the Billboard Hot 100 at No. 5.",
          "No. 5", "chart"),
    other("forecast", "Industry watchers say album exports could surpass $200 million this "
          "year.", "surpass $200 million", "could"),
    other("chart-ranks-after-a-chart-sentence",
          "K-pop album exports hit a record in the first half\n\n"
          "Several K-pop acts topped the Billboard 200 album chart this year. Stray Kids "
          "ranked first, and Seventeen ranked second.",
          "ranked second", "chart",
          gap="chart places in the sentence after a chart sentence are taken for album "
              "export ranks: metric albums, partner WORLD"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote", "word"), OTHER_THINGS)
def test_figures_about_other_things_have_no_metric(text: str, quote: str, word: str) -> None:
    claims = resolved(text, "2026-01-16")
    claim = next((c for c in claims if c.quote == quote), None)
    assert claim is not None, [c.quote for c in claims]
    assert claim.metric is None, claim.found
    assert word.lower() in claim.found["metric"].lower()


def test_every_claim_says_how_each_field_was_found() -> None:
    claims = resolved(
        "Last year, album exports hit $301.7 million, up 3.4%. Japan bought $80.6 million, "
        "the biggest market, while China rose to No. 2.",
        "2026-01-16",
    )
    assert len(claims) == 5
    for claim in claims:
        assert {"metric", "partner", "period"} <= set(claim.found), claim.quote


def test_no_period_in_the_text_of_an_undated_article() -> None:
    [claim] = resolved("Album exports came to $301.7 million, the agency said.")
    assert claim.period is None
    assert "no period" in claim.found["period"]


def test_found_does_not_deny_the_date_an_article_has() -> None:
    [claim] = resolved("Album exports came to $301.7 million, the agency said.", "2026-01-16")
    assert claim.period is None
    assert "no publication date" not in claim.found["period"]
