"""Where the reference data lives, and reading its CSV files with line numbers.

The CSVs in `reference/` ship inside the installed package (`factcheck/reference/`, put there by
hatch's force-include); in a source checkout they are read from the repository's `reference/`.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Collection
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import get_args

from .errors import DataError
from .models import Figure, Measure, Period, Vintage

_PACKAGE = Path(__file__).resolve().parent

#: The figures, and the vocabulary every stage reads. Their bytes key the cached store.
FIGURES_CSV = "kcs-album-exports.csv"
METRICS_CSV = "metrics.csv"
PARTNERS_CSV = "partners.csv"
STORE_INPUTS = (FIGURES_CSV, METRICS_CSV, PARTNERS_CSV)

FIGURE_COLUMNS = (
    "metric", "partner", "period", "measure", "value", "unit", "vintage", "released", "source_url",
    "note",
)  # fmt: skip
#: A figure is unique by these columns: one row per vintage of a measure.
KEY = ("metric", "partner", "period", "measure", "vintage")
UNIT_OF_MEASURE: dict[str, tuple[str, ...]] = {
    "value": ("USD", "KRW", "count"),
    "yoy_pct": ("percent",),
    "share_pct": ("percent",),
    "rank": ("rank",),
    "destinations": ("count",),
}


@cache
def reference_dir() -> Path:
    """The directory holding the reference CSVs (installed copy first, then the checkout's)."""
    for candidate in (_PACKAGE / "reference", _PACKAGE.parent / "reference"):
        if (candidate / FIGURES_CSV).is_file():
            return candidate
    raise DataError(
        f"reference data not found in {_PACKAGE / 'reference'} or {_PACKAGE.parent / 'reference'}; "
        "reinstall factcheck (pip install .) so that the package carries its reference/ folder"
    )


def read_rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a UTF-8 CSV file as (line number, row) pairs; [] for a header-only file.

    Raises DataError naming the file and line for a missing column or a ragged row.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {path.name}: {exc}", path=str(path)) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="\0extra", restval=None)
    header = reader.fieldnames or []
    missing = [name for name in required if name not in header]
    if missing:
        raise DataError(
            f"missing column(s) {', '.join(missing)}; the header must name {', '.join(required)}",
            path=str(path),
            line=1,
        )
    rows: list[tuple[int, dict[str, str]]] = []
    for row in reader:
        line = reader.line_num
        if "\0extra" in row or any(value is None for value in row.values()):
            raise DataError(
                f"expected {len(header)} fields ({', '.join(header)}), got a row of another length",
                path=str(path),
                line=line,
            )
        rows.append((line, {key: (value or "").strip() for key, value in row.items()}))
    return rows


def vocabulary(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a vocabulary file in `reference/` (aliases, words), without line numbers."""
    return [row for _, row in read_rows(reference_dir() / name, required)]


def fingerprint(directory: Path, names: tuple[str, ...] = STORE_INPUTS) -> str:
    """A short hash of the named files' bytes: it changes whenever one of them does."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode())
        digest.update((directory / name).read_bytes())
    return digest.hexdigest()[:16]


# -- the figures --------------------------------------------------------------------


def _parse_date(text: str, where: tuple[str, int], column: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DataError(
            f"bad {column} '{text}': expected a date as YYYY-MM-DD (or empty if unknown)",
            path=where[0],
            line=where[1],
        ) from None


def figure_from_row(
    row: dict[str, str],
    where: tuple[str, int],
    metrics: Collection[str],
    partners: Collection[str],
) -> Figure:
    """One validated `Figure` from a CSV row; DataError quoting the bad value otherwise."""
    path, line = where

    def bad(message: str) -> DataError:
        return DataError(message, path=path, line=line)

    if row["metric"] not in metrics:
        raise bad(f"unknown metric '{row['metric']}': add it to reference/{METRICS_CSV}")
    if row["partner"] not in partners:
        raise bad(
            f"unknown partner '{row['partner']}': expected WORLD or an ISO 3166-1 alpha-2 code "
            f"listed in reference/{PARTNERS_CSV}"
        )
    period = Period.parse(row["period"])
    if period is None:
        raise bad(
            f"impossible period '{row['period']}': expected 2025, 2023-H1, 2023-Q3, 2024-10 "
            "or 2023-01/2023-10"
        )
    if row["measure"] not in get_args(Measure):
        raise bad(
            f"unknown measure '{row['measure']}': expected one of {', '.join(get_args(Measure))}"
        )
    if row["unit"] not in UNIT_OF_MEASURE[row["measure"]]:
        raise bad(
            f"unit '{row['unit']}' does not fit measure {row['measure']}: expected "
            f"{' or '.join(UNIT_OF_MEASURE[row['measure']])}"
        )
    if row["vintage"] not in get_args(Vintage):
        raise bad(f"unknown vintage '{row['vintage']}': expected preliminary or revised")
    try:
        value = Decimal(row["value"])
    except InvalidOperation:
        raise bad(
            f"non-numeric value '{row['value']}': expected a plain number such as 301744000"
        ) from None
    if not value.is_finite():
        raise bad(f"non-numeric value '{row['value']}': expected a finite number")
    if not row.get("source_url", "").startswith(("http://", "https://")):
        raise bad(
            f"missing source for this figure: source_url '{row.get('source_url', '')}' is not a URL"
        )
    return Figure(
        metric=row["metric"],
        partner=row["partner"],
        period=str(period),
        measure=row["measure"],
        value=value,
        unit=row["unit"],
        vintage=row["vintage"],
        released=_parse_date(row.get("released", ""), where, "released"),
        source_url=row["source_url"],
        note=row.get("note", ""),
    )


def read_reference(
    directory: Path | None = None,
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[Figure]]:
    """Metrics, partners and figures from the reference CSVs, validated.

    Raises DataError (file, line, value) for a bad row or a duplicate key.
    """
    directory = directory or reference_dir()
    metrics = [
        row
        for _, row in read_rows(
            directory / METRICS_CSV, ("id", "name", "definition", "hs_code", "unit")
        )
    ]
    partners = [row for _, row in read_rows(directory / PARTNERS_CSV, ("code", "name"))]
    metric_ids = {row["id"] for row in metrics}
    partner_codes = {row["code"] for row in partners}
    figures: list[Figure] = []
    seen: dict[tuple[str, ...], int] = {}
    path = directory / FIGURES_CSV
    for line, row in read_rows(path, FIGURE_COLUMNS):
        figure = figure_from_row(row, (str(path), line), metric_ids, partner_codes)
        key = (figure.metric, figure.partner, figure.period, figure.measure, figure.vintage)
        if key in seen:
            raise DataError(
                f"duplicate key {','.join(key)}: already on line {seen[key]}; keep one row per "
                "metric, partner, period, measure and vintage",
                path=str(path),
                line=line,
            )
        seen[key] = line
        figures.append(figure)
    return metrics, partners, figures
