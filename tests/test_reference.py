"""The reference CSVs: every figure has a source, a valid period, known codes and a unique key;
the vocabulary files point only at codes that exist."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from factcheck.errors import DataError
from factcheck.models import Period
from factcheck.reference import (
    FIGURE_COLUMNS,
    FIGURES_CSV,
    KEY,
    read_reference,
    read_rows,
    reference_dir,
)

REF = reference_dir()
FIGURE_ROWS = read_rows(REF / FIGURES_CSV, FIGURE_COLUMNS)
METRICS = {row["id"] for _, row in read_rows(REF / "metrics.csv", ("id",))}
PARTNERS = {row["code"] for _, row in read_rows(REF / "partners.csv", ("code",))}


def test_reference_dir_is_the_checkout_or_the_installed_copy() -> None:
    assert (REF / FIGURES_CSV).is_file()


def test_figures_are_the_shared_verified_data_unchanged() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / FIGURES_CSV
    if not shared.is_file():
        pytest.skip("shared/reference-data is not beside this checkout")
    assert (REF / FIGURES_CSV).read_bytes() == shared.read_bytes()


@pytest.mark.parametrize(("line", "row"), FIGURE_ROWS, ids=[f"line{n}" for n, _ in FIGURE_ROWS])
def test_every_figure_row_is_well_formed(line: int, row: dict[str, str]) -> None:
    assert row["source_url"].startswith(("http://", "https://")), "every figure has a source"
    assert Period.parse(row["period"]) is not None
    assert str(Period.parse(row["period"])) == row["period"], "periods are written canonically"
    assert row["metric"] in METRICS
    assert row["partner"] in PARTNERS
    assert row["vintage"] in ("preliminary", "revised")


def test_figure_keys_are_unique() -> None:
    keys = [tuple(row[k] for k in KEY) for _, row in FIGURE_ROWS]
    assert len(keys) == len(set(keys))


def test_read_reference_validates_everything() -> None:
    metrics, partners, figures = read_reference()
    assert len(figures) == len(FIGURE_ROWS) > 0
    assert {m["id"] for m in metrics} == {"albums", "albums_and_videos", "videos"}
    assert "WORLD" in {p["code"] for p in partners}


def test_partners_are_iso_codes_and_not_the_exporter() -> None:
    iso = {country.alpha_2 for country in pycountry.countries}
    assert PARTNERS - {"WORLD"} <= iso
    assert "KR" not in PARTNERS


def test_album_metric_carries_its_hs_code() -> None:
    rows = {row["id"]: row for _, row in read_rows(REF / "metrics.csv", ("id", "hs_code"))}
    assert rows["albums"]["hs_code"] == "8523491040"


@pytest.mark.parametrize(
    ("name", "column", "known"),
    [
        pytest.param("aliases-en.csv", "partner", PARTNERS, id="partner-aliases"),
        pytest.param("aliases-ko.csv", "partner", PARTNERS, id="partner-aliases-ko"),
        pytest.param("metric-aliases.csv", "metric", METRICS, id="metric-aliases"),
    ],
)
def test_vocabulary_has_no_dangling_codes_or_duplicates(
    name: str, column: str, known: set[str]
) -> None:
    rows = [row for _, row in read_rows(REF / name, (column,))]
    assert rows
    assert {row[column] for row in rows} <= known
    lines = [tuple(row.values()) for row in rows]
    assert len(lines) == len(set(lines)), "no duplicate rows"


def _write(tmp_path: Path, figures: str) -> Path:
    for name in ("metrics.csv", "partners.csv"):
        (tmp_path / name).write_bytes((REF / name).read_bytes())
    header = ",".join(FIGURE_COLUMNS)
    (tmp_path / FIGURES_CSV).write_text(header + "\n" + figures, encoding="utf-8")
    return tmp_path


GOOD = "albums,JP,2025,value,80630000,USD,preliminary,2026-01-16,https://example.org/a,\n"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        pytest.param(
            GOOD.replace(",2025,", ",2023-13,"),
            ":2: impossible period '2023-13'",
            id="month-13",
        ),
        pytest.param(
            GOOD.replace(",2025,", ",2023-H3,"), ":2: impossible period '2023-H3'", id="half-3"
        ),
        pytest.param(
            GOOD.replace("albums,", "singles,"), ":2: unknown metric 'singles'", id="metric"
        ),
        pytest.param(GOOD.replace(",JP,", ",XX,"), ":2: unknown partner 'XX'", id="partner"),
        pytest.param(
            GOOD.replace("80630000", "80.6m"), ":2: non-numeric value '80.6m'", id="value"
        ),
        pytest.param(
            GOOD.replace("https://example.org/a", ""), ":2: missing source", id="no-source"
        ),
        pytest.param(
            GOOD.replace("2026-01-16", "16/01/2026"), ":2: bad released '16/01/2026'", id="date"
        ),
        pytest.param(GOOD + GOOD, ":3: duplicate key albums,JP,2025", id="duplicate"),
        pytest.param(GOOD.replace(",\n", ",,extra\n"), ":2: expected 10 fields", id="ragged"),
        pytest.param(
            GOOD.replace(",USD,", ",percent,"), ":2: unit 'percent' does not fit", id="unit"
        ),
    ],
)
def test_bad_reference_rows_name_file_line_and_value(
    tmp_path: Path, rows: str, message: str
) -> None:
    directory = _write(tmp_path, rows)
    with pytest.raises(DataError) as caught:
        read_reference(directory)
    assert FIGURES_CSV in str(caught.value)
    assert message in str(caught.value)
