"""Store queries: vintage choice, month sums, the year-earlier lookup, ranks and shares;
building, opening and migrating."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.errors import StoreError
from factcheck.models import Figure, Period
from factcheck.store import SCHEMA_VERSION, Store, build_store, default_db_path, open_store


def P(text: str) -> Period:
    period = Period.parse(text)
    assert period is not None
    return period


@pytest.mark.parametrize(
    ("metric", "partner", "period", "as_of", "value", "vintage"),
    [
        pytest.param("albums", "JP", "2025", None, "80630000", "preliminary", id="single-vintage"),
        pytest.param(
            "albums", "WORLD", "2022", None, "231389000", "revised", id="latest-is-revised"
        ),
        pytest.param(
            "albums",
            "WORLD",
            "2022",
            date(2023, 1, 20),
            "233113000",
            "preliminary",
            id="as-known-in-jan-2023",
        ),
        pytest.param(
            "albums",
            "WORLD",
            "2022",
            date(2023, 5, 4),
            "231389000",
            "revised",
            id="as-known-on-revision-day",
        ),
        pytest.param(
            "albums",
            "WORLD",
            "2023-H1",
            date(2023, 7, 18),
            "132934000",
            "preliminary",
            id="h1-first-release",
        ),
        pytest.param(
            "albums", "WORLD", "2021", date(2023, 1, 1), "220850000", "revised", id="2021-revised"
        ),
    ],
)
def test_vintage_choice(
    store: Store,
    metric: str,
    partner: str,
    period: str,
    as_of: date | None,
    value: str,
    vintage: str,
) -> None:
    figure = store.figure(metric, partner, P(period), as_of=as_of)
    assert figure is not None
    assert (figure.value, figure.vintage) == (Decimal(value), vintage)
    assert figure.source_url.startswith("http")


def test_nothing_known_before_first_release(store: Store) -> None:
    assert store.figure("albums", "WORLD", P("2025"), as_of=date(2025, 12, 31)) is None


def test_both_vintages_listed(store: Store) -> None:
    values = [(f.vintage, f.value) for f in store.vintages("albums", "WORLD", P("2022"))]
    assert values == [("preliminary", Decimal(233113000)), ("revised", Decimal(231389000))]


@pytest.mark.parametrize(
    ("partner", "period", "expected", "base"),
    [
        pytest.param("WORLD", "2025", "301744000", "291800000", id="2025-vs-2024"),
        pytest.param("WORLD", "2024-10", "35500000", None, id="no-oct-2023-world"),
        pytest.param("CN", "2024-10", "5180000", "160000", id="month-vs-month"),
        pytest.param("JP", "2025-H1", "39095000", "46931000", id="half-vs-half"),
        pytest.param("WORLD", "2023-01/2023-04", "83860000", "49660000", id="range-vs-range"),
    ],
)
def test_total_and_year_earlier(
    store: Store, partner: str, period: str, expected: str, base: str | None
) -> None:
    total = store.total("albums", partner, P(period))
    assert total is not None and total.value == Decimal(expected)
    earlier = store.year_earlier("albums", partner, P(period))
    assert (earlier.value if earlier else None) == (Decimal(base) if base else None)


def test_missing_period_is_none(store: Store) -> None:
    assert store.total("albums", "WORLD", P("2023")) is None, "no 2023 full-year figure is held"
    assert store.total("albums", "XX", P("2025")) is None


def test_official_change_rank_share(store: Store) -> None:
    change = store.official_change("albums", "JP", P("2025"))
    assert change is not None and change.value == Decimal("-10.2")
    rank = store.rank("albums", "CN", P("2025"))
    assert rank is not None and rank.value == 2
    share = store.share("albums", "JP", P("2020-01/2020-11"))
    assert share is not None and share.value == Decimal("48.6")


def test_ranking_orders_partners_by_value(store: Store) -> None:
    order = [partner for partner, _ in store.ranking("albums", P("2021"))]
    assert order[:5] == ["JP", "CN", "US", "ID", "TW"]
    assert "WORLD" not in order


def _with_months(tmp_path: Path) -> Store:
    """A store with synthetic monthly rows (written by the test), for month sums."""
    path = build_store(tmp_path / "months.db")
    store = open_store(path)
    months = [
        Figure(
            metric="albums", partner="JP", period=f"2030-{m:02d}", measure="value",
            value=Decimal(1000 * m), unit="USD", vintage="preliminary",
            released=date(2030, m, 28), source_url="https://example.org/synthetic",
        )
        for m in range(1, 7)
    ]  # fmt: skip
    store.add_figures(months, origin="synthetic")
    return store


def test_month_sums_fill_a_period_held_month_by_month(tmp_path: Path) -> None:
    store = _with_months(tmp_path)
    total = store.total("albums", "JP", P("2030-H1"))
    assert total is not None and total.value == Decimal(21000) and total.summed
    assert store.total("albums", "JP", P("2030-01/2030-03")).value == Decimal(6000)  # type: ignore[union-attr]
    assert store.total("albums", "JP", P("2030")) is None, "a missing month means no sum"
    as_of = store.total("albums", "JP", P("2030-H1"), as_of=date(2030, 3, 1))
    assert as_of is None, "months not yet released are not summed"
    store.close()


def test_build_is_atomic_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    build_store(path)
    build_store(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.db"]


def test_default_store_is_built_in_the_cache_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = default_db_path()
    assert not path.exists()
    store = open_store()
    assert store.path == path and path.exists()
    assert store.figure("albums", "JP", P("2025")) is not None
    store.close()


def test_env_names_the_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(store_path))
    store = open_store()
    assert store.path == store_path
    store.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: None, "no store at", id="missing"),
        pytest.param(
            lambda p: p.write_bytes(b"not a database at all" * 50),
            "is not a factcheck store", id="garbage",
        ),
        pytest.param(
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            "is not a factcheck store", id="other-sqlite",
        ),
    ],
)  # fmt: skip
def test_refuses_what_is_not_a_store(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "x.db"
    make(path)  # type: ignore[operator]
    with pytest.raises(StoreError, match=message):
        open_store(path)


def test_refuses_a_newer_schema(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    path.write_bytes(store_path.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this factcheck understands"):
        open_store(path)


def test_readonly_store_cannot_be_written(store: Store) -> None:
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM figures")
