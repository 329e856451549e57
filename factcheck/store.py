"""The reference store: verified figures in SQLite, built from `reference/`, with provenance.

    open_store(None)        the embedded default: built from the packaged CSVs into the user's
                            cache directory on first use, rebuilt when the CSVs change
    open_store(PATH)        a store built with `build_store(PATH)` (and perhaps imported into)

Every figure keeps its source URL, release date and vintage. Queries choose a vintage: the
latest known, or the latest known on a given date (`as_of`). Rows released after `as_of` are
left out; rows with no release date are kept, since nothing says they came later.

Schema changes go through `MIGRATIONS`; `PRAGMA user_version` records how far a file has come.
Indexes that only make queries faster (`SPEED_INDEXES`) are not schema: they are created when a
store is built or opened for writing, and a store without them answers the same, only slower.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from .errors import DataError, InputError, StoreError
from .models import Figure, Measure, Period, Vintage
from .reference import FIGURE_COLUMNS, KEY, fingerprint, read_reference, reference_dir

if TYPE_CHECKING:
    import sqlite_utils

APP_ID = "factcheck"
SCHEMA_VERSION = 1
VINTAGE_ORDER: dict[str, int] = {"preliminary": 0, "revised": 1}


def _migrate_1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("metrics").create(
        {"id": str, "name": str, "definition": str, "hs_code": str, "unit": str}, pk="id"
    )
    db.table("partners").create({"code": str, "name": str}, pk="code")
    db.table("figures").create(
        {
            "metric": str,
            "partner": str,
            "period": str,
            "measure": str,
            "value": str,
            "unit": str,
            "vintage": str,
            "released": str,
            "source_url": str,
            "note": str,
            "first_month": int,
            "last_month": int,
        },
        pk=KEY,
        foreign_keys=[("metric", "metrics", "id"), ("partner", "partners", "code")],
    )
    # value is TEXT: exact decimals in and out; the few orderings by value cast in SQL.
    db.table("figures").create_index(["metric", "partner", "measure", "first_month", "last_month"])
    db.table("figures").create_index(["metric", "measure", "first_month", "last_month"])
    db.table("meta").insert({"key": "app", "value": APP_ID})


#: MIGRATIONS[n] takes a store from schema version n to n + 1.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_migrate_1]

#: Indexes for speed only. figures_by_value serves `periods_holding`, which otherwise reads
#: every row (150 ms for each dollar figure of an undated article in a 1,000,000-figure store).
SPEED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS figures_by_value ON figures (measure, unit, CAST(value AS REAL))",
)


def _add_speed_indexes(conn: sqlite3.Connection) -> None:
    try:
        with conn:
            for sql in SPEED_INDEXES:
                conn.execute(sql)
    except sqlite3.OperationalError:  # a store on a read-only disk: it works without them
        pass


@dataclass(frozen=True)
class Total:
    """A value for a period: one figure, or the sum of its monthly figures."""

    value: Decimal
    figures: tuple[Figure, ...]

    @property
    def summed(self) -> bool:
        return len(self.figures) > 1


# -- building, opening, migrating ------------------------------------------------------------


def default_db_path() -> Path:
    """Where the embedded default store is cached: one file per version of the reference CSVs."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factcheck" / f"reference-v{SCHEMA_VERSION}-{fingerprint(reference_dir())}.db"


def _figure_record(figure: Figure) -> dict[str, Any]:
    period = _period(figure)
    record: dict[str, Any] = figure.model_dump(mode="python")
    record["value"] = str(figure.value)
    record["released"] = figure.released.isoformat() if figure.released else None
    record["first_month"], record["last_month"] = period.first, period.last
    return record


def build_store(path: Path, directory: Path | None = None) -> Path:
    """Build a store at `path` from the reference CSVs, atomically; returns `path`.

    The file is written beside `path` and renamed into place, so a failed build leaves any
    earlier store as it was.
    """
    import sqlite_utils

    metrics, partners, figures = read_reference(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            db = sqlite_utils.Database(conn)
            with conn:
                _migrate(db)
                db.table("metrics").insert_all(
                    {key: row[key] for key in ("id", "name", "definition", "hs_code", "unit")}
                    for row in metrics
                )
                db.table("partners").insert_all(
                    {"code": r["code"], "name": r["name"]} for r in partners
                )
                db.table("figures").insert_all(_figure_record(f) for f in figures)
                db.table("meta").insert_all(
                    [
                        {"key": "reference", "value": fingerprint(directory or reference_dir())},
                        {"key": "data_version", "value": fingerprint(directory or reference_dir())},
                    ],
                    replace=True,
                )
            _add_speed_indexes(conn)
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _migrate(db: sqlite_utils.Database) -> None:
    """Bring a store up to SCHEMA_VERSION, one step at a time (caller holds the transaction)."""
    version = _user_version(db.conn)
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](db)
        db.conn.execute(f"PRAGMA user_version = {step + 1}")


def open_store(path: Path | str | None = None, *, readonly: bool = False) -> Store:
    """Open a store: `path`, else $FACTCHECK_DB, else the embedded default (built if needed).

    Raises StoreError if the file is missing, is not a factcheck store, or has a newer schema.
    """
    if path is None and os.environ.get("FACTCHECK_DB"):
        path = os.environ["FACTCHECK_DB"]
    if path is None:
        default = default_db_path()
        if not default.exists():
            build_store(default)
        return Store.connect(default, readonly=readonly)
    path = Path(path)
    if not path.is_file():
        raise StoreError(
            f"no store at {path}: build one with `factcheck reference build --db {path}`"
        )
    return Store.connect(path, readonly=readonly)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    # check_same_thread=False only so that `Store.close` may close every thread's connection;
    # each connection is used by the one thread that opened it.
    if readonly:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return sqlite3.connect(path, check_same_thread=False)


class Store:
    """Typed queries over an open store; one `Store` may be shared by many threads.

    Each thread queries through a connection of its own, opened on its first query (a sqlite3
    connection and its cursors must not be used by two threads at once); `close` closes them all.
    Writing (`add_figures`) belongs to one thread while no other reads.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self._lock = threading.Lock()
        self._conns: dict[threading.Thread, sqlite3.Connection] = {threading.current_thread(): conn}
        self._closed = False

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection to the store, opened on first use."""
        thread = threading.current_thread()
        conn = self._conns.get(thread)
        if conn is not None:
            return conn
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path} is closed: open it again with open_store()")
            # Threads come and go (a server's pool): close what the finished ones left open.
            for gone in [t for t in self._conns if not t.is_alive()]:
                self._conns.pop(gone).close()
            conn = self._conns[thread] = _connect(self.path, self.readonly)
        return conn

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for writing; imported only when needed (it
        takes 40 ms, a tenth of a one-article check)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def connect(cls, path: Path, *, readonly: bool = False) -> Store:
        try:
            conn = _connect(path, readonly)
            version = _user_version(conn)
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{path} is not a factcheck store ({exc}); "
                "build one with `factcheck reference build --db PATH`"
            ) from None
        app = None
        if "meta" in tables:
            found = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            app = found[0] if found else None
        if app != APP_ID:
            conn.close()
            raise StoreError(
                f"{path} is not a factcheck store (no factcheck metadata); "
                "build one with `factcheck reference build --db PATH`"
            )
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{path} has schema version {version}, newer than this factcheck understands "
                f"({SCHEMA_VERSION}); upgrade factcheck or rebuild the store"
            )
        store = cls(conn, path, readonly=readonly)
        if version < SCHEMA_VERSION:
            if readonly:
                raise StoreError(f"{path} needs a schema upgrade; open it once without read-only")
            with conn:
                _migrate(store.db)
        if not readonly:
            _add_speed_indexes(conn)
        return store

    def close(self) -> None:
        """Close every thread's connection; the store cannot be queried after."""
        with self._lock:
            self._closed = True
            conns, self._conns = list(self._conns.values()), {}
        for conn in conns:
            conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- provenance ---------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @property
    def data_version(self) -> str:
        """Changes whenever the figures do (rebuilt from new CSVs, or imported into)."""
        return self.meta("data_version") or ""

    def metrics(self) -> list[dict[str, str]]:
        """Every metric as a dict of its columns (id, name, definition, hs_code, unit)."""
        cursor = self.conn.execute("SELECT * FROM metrics")
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    def partner_codes(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT code FROM partners")}

    def metric_for_hs(self) -> dict[str, str]:
        return {str(row["hs_code"]): str(row["id"]) for row in self.metrics() if row["hs_code"]}

    # -- figures --------------------------------------------------------------------------------

    def _select(self, where: str, params: Sequence[Any]) -> Iterator[Figure]:
        sql = f"SELECT {', '.join(FIGURE_COLUMNS)} FROM figures WHERE {where}"
        for row in self.conn.execute(sql, params):
            record = dict(zip(FIGURE_COLUMNS, row, strict=True))
            record["value"] = Decimal(record["value"])
            record["released"] = (
                date.fromisoformat(record["released"]) if record["released"] else None
            )
            yield Figure(**record)

    def figures(
        self,
        metric: str | None = None,
        partner: str | None = None,
        period: Period | None = None,
        measure: Measure | None = None,
    ) -> list[Figure]:
        """Every figure matching the given fields (all vintages), in key order; [] if none."""
        clauses: list[str] = ["1 = 1"]
        params: list[object] = []
        for column, value in (("metric", metric), ("partner", partner), ("measure", measure)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if period is not None:
            clauses.append("first_month = ? AND last_month = ?")
            params += [period.first, period.last]
        found = list(
            self._select(
                " AND ".join(clauses)
                + " ORDER BY first_month, last_month, metric, partner, measure, vintage",
                params,
            )
        )
        return found

    def vintages(
        self, metric: str, partner: str, period: Period, measure: Measure = "value"
    ) -> list[Figure]:
        """Every vintage of one figure, preliminary first; [] if the store has none."""
        rows = self.figures(metric, partner, period, measure)
        return sorted(rows, key=lambda f: VINTAGE_ORDER[f.vintage])

    def figure(
        self,
        metric: str,
        partner: str,
        period: Period,
        measure: Measure = "value",
        as_of: date | None = None,
    ) -> Figure | None:
        """The figure in its latest vintage (known on `as_of`, if given), or None."""
        return choose_vintage(self.vintages(metric, partner, period, measure), as_of)

    def total(
        self, metric: str, partner: str, period: Period, as_of: date | None = None
    ) -> Total | None:
        """The value for a period: its own row, else the sum of its monthly rows when every month
        is held; None when neither is there."""
        own = self.figure(metric, partner, period, "value", as_of)
        if own is not None:
            return Total(own.value, (own,))
        if period.length == 1:
            return None
        months: list[Figure] = []
        for month in period.each_month():
            figure = self.figure(metric, partner, month, "value", as_of)
            if figure is None:
                return None
            months.append(figure)
        return Total(sum((f.value for f in months), Decimal(0)), tuple(months))

    def year_earlier(
        self, metric: str, partner: str, period: Period, as_of: date | None = None
    ) -> Total | None:
        """The value for the same period a year earlier (summing months where needed), or None."""
        return self.total(metric, partner, period.year_earlier(), as_of)

    def official_change(
        self, metric: str, partner: str, period: Period, as_of: date | None = None
    ) -> Figure | None:
        """The published year-on-year change in percent, or None."""
        return self.figure(metric, partner, period, "yoy_pct", as_of)

    def rank(
        self, metric: str, partner: str, period: Period, as_of: date | None = None
    ) -> Figure | None:
        """The partner's published rank among destinations, or None."""
        return self.figure(metric, partner, period, "rank", as_of)

    def share(
        self, metric: str, partner: str, period: Period, as_of: date | None = None
    ) -> Figure | None:
        """The partner's published share of the world total in percent, or None."""
        return self.figure(metric, partner, period, "share_pct", as_of)

    def ranking(
        self, metric: str, period: Period, as_of: date | None = None
    ) -> list[tuple[str, Total]]:
        """Destinations with a value for the period, largest first (WORLD left out); [] if none."""
        partners = {
            row[0]
            for row in self.conn.execute(
                "SELECT DISTINCT partner FROM figures WHERE metric = ? AND measure = 'value' "
                "AND partner != 'WORLD' AND first_month >= ? AND last_month <= ?",
                (metric, period.first, period.last),
            )
        }
        totals = [(p, t) for p in sorted(partners) if (t := self.total(metric, p, period, as_of))]
        return sorted(totals, key=lambda pt: pt[1].value, reverse=True)

    def periods_holding(
        self, low: Decimal, high: Decimal, unit: str = "USD", metrics: Sequence[str] = ()
    ) -> set[str]:
        """The periods with a value figure in [low, high) for any partner (and one of
        `metrics`, if given); set() if none. It lets an undated article be placed in time by
        its own figures.
        """
        only = f" AND metric IN ({', '.join('?' * len(metrics))})" if metrics else ""
        rows = self.conn.execute(
            "SELECT DISTINCT period FROM figures WHERE measure = 'value' AND unit = ? "
            "AND CAST(value AS REAL) >= ? AND CAST(value AS REAL) < ?" + only,
            (unit, float(low), float(high), *metrics),
        )
        return {row[0] for row in rows}

    def coverage(self) -> list[dict[str, Any]]:
        """Rows per metric and measure, with the partners and periods they cover."""
        sql = (
            "SELECT metric, measure, COUNT(*), COUNT(DISTINCT partner), COUNT(DISTINCT period), "
            "MIN(first_month), MAX(last_month) FROM figures "
            "GROUP BY metric, measure ORDER BY metric, measure"
        )
        return [
            {
                "metric": metric,
                "measure": measure,
                "rows": rows,
                "partners": partners,
                "periods": periods,
                "from": str(Period(first, first)),
                "to": str(Period(last, last)),
            }
            for metric, measure, rows, partners, periods, first, last in self.conn.execute(sql)
        ]

    # -- writing --------------------------------------------------------------------------------

    def add_figures(self, figures: Sequence[Figure], origin: str) -> tuple[int, int]:
        """Add imported figures in one transaction; returns (added, unchanged).

        A figure already held with the same value is left alone, so importing the same file
        twice changes nothing. One held with another value is a conflict: DataError, and
        nothing is written.
        """
        added = unchanged = 0
        records = []
        for figure in figures:
            same = [
                f
                for f in self.figures(
                    figure.metric, figure.partner, _period(figure), figure.measure
                )
                if f.vintage == figure.vintage
            ]
            if same and same[0].value == figure.value:
                unchanged += 1
                continue
            if same:
                raise DataError(
                    f"{figure.metric} {figure.partner} {figure.period} ({figure.vintage}) is "
                    f"held as {same[0].value}, the file says {figure.value}; import it as "
                    "another vintage (--vintage revised) or rebuild the store",
                    path=origin,
                )
            records.append(_figure_record(figure))
            added += 1
        if records:
            with self.conn:
                self.db.table("figures").insert_all(records)
                digest = fingerprint_text(
                    self.data_version + origin + str(len(records)) + str(records[-1])
                )
                self.db.table("meta").insert({"key": "data_version", "value": digest}, replace=True)
        return added, unchanged


def _period(figure: Figure) -> Period:
    period = Period.parse(figure.period)
    if period is None:  # a Figure's period is validated where it is made; this is a bug
        raise ValueError(f"figure with an impossible period {figure.period!r}")
    return period


def fingerprint_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def choose_vintage(figures: Iterable[Figure], as_of: date | None = None) -> Figure | None:
    """The latest vintage among `figures`, leaving out those released after `as_of`; None if none.

    >>> from decimal import Decimal
    >>> def fig(vintage, released):
    ...     return Figure(metric="albums", partner="WORLD", period="2022", measure="value",
    ...                   value=Decimal(1), unit="USD", vintage=vintage,
    ...                   released=released, source_url="https://example.org")
    >>> both = [fig("preliminary", date(2023, 1, 16)), fig("revised", date(2023, 5, 4))]
    >>> choose_vintage(both).vintage, choose_vintage(both, date(2023, 2, 1)).vintage
    ('revised', 'preliminary')
    >>> choose_vintage(both, date(2022, 12, 1)) is None
    True
    """
    known = [f for f in figures if as_of is None or f.released is None or f.released <= as_of]
    if not known:
        return None
    return max(known, key=lambda f: (VINTAGE_ORDER[f.vintage], f.released or date.min))


def find_figures(
    store: Store,
    metric: str,
    partner: str | None = None,
    period: str | None = None,
    measure: str | None = None,
) -> list[Figure]:
    """The figures `reference show` lists: checks each argument, then `Store.figures`.

    Raises InputError quoting an unknown metric, partner, period or measure.
    """
    metrics = [m["id"] for m in store.metrics()]
    if metric not in metrics:
        raise InputError(f"unknown metric '{metric}': expected one of {', '.join(metrics)}")
    if partner is not None:
        partner = partner.upper()
        if partner not in store.partner_codes():
            raise InputError(
                f"unknown partner '{partner}': expected WORLD or an ISO 3166-1 alpha-2 code "
                "such as JP"
            )
    parsed = None
    if period is not None:
        parsed = Period.parse(period)
        if parsed is None:
            raise InputError(
                f"impossible period '{period}': expected 2025, 2023-H1, 2023-Q3, 2024-10 "
                "or 2023-01/2023-10"
            )
    if measure is not None and measure not in get_args(Measure):
        raise InputError(
            f"unknown measure '{measure}': expected one of {', '.join(get_args(Measure))}"
        )
    return store.figures(metric, partner, parsed, measure)  # type: ignore[arg-type]


def import_kcs(
    store: Store, path: Path, vintage: Vintage, released: date | None, source_url: str
) -> tuple[int, int]:
    """Import a KCS nitemtrade file (XML or CSV) into `store` in one transaction.

    Returns (added, unchanged); importing the same file again adds nothing. Raises DataError
    naming the file, line and value for a bad row, and writes nothing then.
    """
    from .kcs import read_kcs_file

    if not path.is_file():
        raise InputError(f"file not found: {path}")
    figures = read_kcs_file(
        path,
        metric_for_hs=store.metric_for_hs(),
        partners=store.partner_codes(),
        vintage=vintage,
        released=released,
        source_url=source_url,
    )
    return store.add_figures(figures, origin=str(path))


__all__ = [
    "Store",
    "Total",
    "build_store",
    "choose_vintage",
    "find_figures",
    "import_kcs",
    "open_store",
]
