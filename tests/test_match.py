"""match_reference: which readings a claim gets, with what intervals, and why none."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.match import Match, match_reference
from factcheck.models import Claim, Figure
from factcheck.precision import printed_interval, row_step
from factcheck.rates import rate_range
from factcheck.store import Store, build_store, open_store


def claim(
    kind: str,
    stated: str,
    step: str,
    unit: str,
    partner: str | None,
    period: str | None,
    *,
    metric: str | None = "albums",
    quote: str = "x",
    id: str = "c1",
    **fields: object,
) -> Claim:
    return Claim.model_validate(
        dict(id=id, start=0, end=len(quote), quote=quote, sentence=quote, kind=kind,
             metric=metric, partner=partner, period=period, stated=Decimal(stated),
             step=Decimal(step), unit=unit, **fields)
    )  # fmt: skip


def kinds(match: Match) -> list[str]:
    return [r.kind for r in match.readings]


# -- readings --------------------------------------------------------------------------------


def test_value_every_vintage(store: Store) -> None:
    m = match_reference(
        claim("value", "233110000", "10000", "USD", "WORLD", "2022"), store, published=None
    )
    assert [(r.value, r.vintage, r.official) for r in m.readings] == [
        (Decimal(233113000), "preliminary", True),
        (Decimal(231389000), "revised", True),
    ]
    assert m.reason is None
    assert m.readings[0].description == "world album exports in 2022 were $233,113,000"


def test_known_at_publication(store: Store) -> None:
    m = match_reference(
        claim("value", "233110000", "10000", "USD", "WORLD", "2022"),
        store,
        published=date(2023, 2, 1),
    )
    assert [r.known for r in m.readings] == [True, False]


def test_rounder_rows_carry_their_precision(store: Store) -> None:
    # 291,800,000 was printed as "$291.8 million": it stands for 291.75-291.9 million
    m = match_reference(
        claim("value", "291800000", "100000", "USD", "WORLD", "2024"), store, published=None
    )
    (reading,) = m.readings
    assert (reading.low, reading.high) == (Decimal(291750000), Decimal(291900000))


def test_growth_official_and_computed(store: Store) -> None:
    m = match_reference(claim("growth", "3.4", "0.1", "percent", "WORLD", "2025"), store,
                        published=date(2026, 1, 16))  # fmt: skip
    assert kinds(m) == ["official_change", "computed_change"]
    official, computed = m.readings
    assert official.value == Decimal("3.4") and official.official
    assert round(computed.value, 2) == Decimal("3.41")
    assert len(computed.figures) == 2


def test_growth_every_vintage_combination(store: Store) -> None:
    # 2022 against 2021: two vintages each side, two official rows
    m = match_reference(
        claim("growth", "5.6", "0.1", "percent", "WORLD", "2022"), store, published=None
    )
    assert kinds(m).count("official_change") == 2
    assert kinds(m).count("computed_change") == 4


def test_growth_against_a_named_base(store: Store) -> None:
    # January-October 2023 against January-April 2023 is not a year-on-year change: no yoy row
    m = match_reference(claim("growth", "190", "1", "percent", "WORLD", "2023-01/2023-10",
                              base_period="2023-01/2023-04"), store, published=None)  # fmt: skip
    assert kinds(m) == ["computed_change"]


def test_combined_share_sums_partners(store: Store) -> None:
    m = match_reference(
        claim("share", "75.5", "0.1", "percent", "JP+CN+US", "2022"), store, published=None
    )
    rows = [r for r in m.readings if r.kind == "share_row"]
    assert rows and rows[0].value == Decimal(75)  # 36 + 22 + 17, published separately
    computed = [r for r in m.readings if r.kind == "computed_share"]
    assert {round(r.value, 2) for r in computed} >= {Decimal("75.48")}


def test_rank_row_and_value_order(store: Store) -> None:
    m = match_reference(claim("rank", "2", "1", "rank", "CN", "2025"), store, published=None)
    assert kinds(m) == ["rank_row"]
    # no rank row for 2024-10: China's place among the values held, bounded by the world total
    m = match_reference(claim("rank", "1", "1", "rank", "CN", "2024-10"), store, published=None)
    (order,) = m.readings
    assert order.kind == "value_order" and order.low == 1 and order.high > 1


def test_top_n_takes_the_worst_placed(store: Store) -> None:
    m = match_reference(claim("rank", "10", "1", "rank", "TW+NL+TH+HK+DE+ID+FR", "2022",
                              qualifier="top"), store, published=None)  # fmt: skip
    (reading,) = m.readings
    assert reading.value == 10 and len(reading.figures) == 7


def test_rank_every_year_of_a_range(store: Store) -> None:
    m = match_reference(
        claim("rank", "2", "1", "rank", "CN", "2012-01/2022-12"), store, published=None
    )
    assert m.every
    assert [r.period for r in m.readings] == [str(y) for y in range(2012, 2023) if y != 2020]


def test_won_conversion_window(store: Store) -> None:
    m = match_reference(claim("value", "168500000000", "100000000", "KRW", "WORLD", "2023-H1"),
                        store, published=date(2023, 7, 19))  # fmt: skip
    assert kinds(m) == ["krw_conversion", "krw_conversion"]
    low, high = rate_range(date(2023, 6, 30), date(2023, 7, 19))
    first = m.readings[0]
    assert (first.low, first.high) == (132934000 * low, 132934000 * high)
    assert "2023-06-30 to 2023-07-19" in first.description


def test_destinations(store: Store) -> None:
    m = match_reference(
        claim("value", "114", "1", "count", "WORLD", "2020-01/2020-11"), store, published=None
    )
    assert [r.value for r in m.readings] == [114]


def test_sum_of_months(tmp_path: Path) -> None:
    # a period without its own row is the sum of its months, when every month is held
    path = build_store(tmp_path / "months.db")
    with_months = open_store(path)
    url = "https://example.org/kcs"
    months = [
        Figure(metric="albums", partner="WORLD", period=f"2019-0{m}", measure="value",
               value=Decimal(v), unit="USD", vintage="revised", released=None, source_url=url)
        for m, v in ((1, 5000000), (2, 6000000), (3, 7000000))
    ]  # fmt: skip
    before = match_reference(
        claim("value", "18000000", "1000000", "USD", "WORLD", "2019-Q1"), with_months,
        published=None,
    )  # fmt: skip
    assert before.readings == []  # and the memo is dropped when the store is written to:
    with_months.add_figures(months, origin="test")
    m = match_reference(
        claim("value", "18000000", "1000000", "USD", "WORLD", "2019-Q1"), with_months,
        published=None,
    )  # fmt: skip
    (reading,) = m.readings
    assert reading.value == 18000000 and len(reading.figures) == 3
    with_months.close()


# -- the article's own figures ---------------------------------------------------------------


def test_article_figures_for_growth(store: Store) -> None:
    now = claim("value", "250000000", "100000", "USD", "WORLD", "2023", id="c1")
    then = claim("value", "231400000", "100000", "USD", "WORLD", "2022", id="c2")
    growth = claim("growth", "8.0", "0.1", "percent", "WORLD", "2023", id="c3")
    m = match_reference(growth, store, published=None, claims=[now, then, growth])
    (own,) = m.readings
    assert own.kind == "article" and round(own.value, 2) == Decimal("8.04")
    assert own.low < own.value < own.high  # the article's rounding is carried through


def test_article_figures_of_other_partners_are_ignored(store: Store) -> None:
    now = claim("value", "250000000", "100000", "USD", "JP", "2023", id="c1")
    then = claim("value", "231400000", "100000", "USD", "WORLD", "2022", id="c2")
    growth = claim("growth", "8.0", "0.1", "percent", "WORLD", "2023", id="c3")
    assert match_reference(growth, store, published=None, claims=[now, then]).readings == []


# -- no readings: the reason -----------------------------------------------------------------

REASONS = [
    pytest.param(claim("value", "3480000", "10000", "count", None, "2022", metric=None),
                 None, "not an export figure", id="no-metric"),
    pytest.param(claim("value", "300000000", "100000000", "USD", "WORLD", None,
                       found={"period": '"last year" needs a publication date'}),
                 None, '"last year" with no publication date', id="last-year-no-date"),
    pytest.param(claim("value", "300000000", "100000000", "USD", "WORLD", "2023"),
                 None, "no 2023 full-year figure is held", id="2023-full-year"),
    pytest.param(claim("growth", "5", "1", "percent", "WORLD", "2023-Q3"),
                 None, "no Q3 2023 figure is held", id="growth-no-values"),
    pytest.param(claim("value", "1", "1", "USD", None, "2025"),
                 None, "destination", id="no-partner"),
    pytest.param(claim("share", "40", "1", "percent", "WORLD", "2025"),
                 None, "needs a destination", id="share-of-world"),
    pytest.param(claim("rank", "10", "1", "rank", "DE+NL+PL", "2025", qualifier="top"),
                 None, "no 2025 rank or value is held for Germany, the Netherlands and Poland",
                 id="top-10-not-held"),
]  # fmt: skip


@pytest.mark.parametrize(("c", "published", "reason"), REASONS)
def test_reasons(store: Store, c: Claim, published: date | None, reason: str) -> None:
    m = match_reference(c, store, published=published)
    assert m.readings == []
    assert m.reason is not None and reason in m.reason


# -- helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "step", "interval"),
    [
        pytest.param("301.7", "0.1", ("301.65", "301.8"), id="rounded-or-truncated"),
        pytest.param("-10.2", "0.1", ("-10.3", "-10.15"), id="negative-mirrored"),
        pytest.param("40000000", "0", ("40000000", "40000000"), id="exact"),
    ],
)
def test_printed_interval(value: str, step: str, interval: tuple[str, str]) -> None:
    assert printed_interval(Decimal(value), Decimal(step)) == tuple(map(Decimal, interval))


@pytest.mark.parametrize(
    ("measure", "value", "step"),
    [
        pytest.param("value", "301744000", "0", id="kcs-thousands-exact"),
        pytest.param("value", "291800000", "100000", id="printed-rounder"),
        pytest.param("yoy_pct", "-2.0", "0.1", id="yoy-decimals"),
        pytest.param("share_pct", "69", "1", id="share-whole"),
        pytest.param("rank", "3", "0", id="rank-exact"),
    ],
)
def test_row_step(measure: str, value: str, step: str) -> None:
    unit = {"value": "USD", "rank": "rank"}.get(measure, "percent")
    figure = Figure(metric="albums", partner="WORLD", period="2025", measure=measure,  # type: ignore[arg-type]
                    value=Decimal(value), unit=unit, vintage="preliminary",  # type: ignore[arg-type]
                    released=None, source_url="https://example.org")  # fmt: skip
    assert row_step(figure) == Decimal(step)


@pytest.mark.parametrize(
    ("day", "low", "high"),
    [
        pytest.param("2023-07-18", "1250", "1275", id="mid-2023"),
        pytest.param("2023-07-16", "1250", "1285", id="a-sunday-takes-friday"),
        pytest.param("2026-01-16", "1400", "1500", id="jan-2026"),
    ],
)
def test_rates_are_won_per_dollar(day: str, low: str, high: str) -> None:
    from datetime import date

    from factcheck.rates import _rate

    assert Decimal(low) <= _rate(date.fromisoformat(day)) <= Decimal(high)


def test_rates_load_lazily() -> None:
    code = (
        "import factcheck.verdict, factcheck.rates as r; "
        "print(r._won_per_dollar.cache_info().currsize == 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
