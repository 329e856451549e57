"""`factcheck reference import`: a KCS XML response written by the tests, imported into a store
(with total rows, twice), and every bad input leaving the store exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_kcs import kcs_row, synthetic_kcs_csv, synthetic_kcs_xml, total_row

from factcheck.cli import cli
from factcheck.models import Period
from factcheck.store import build_store, open_store

ROWS = [
    kcs_row("JP", "7012345", "2030.01"),
    kcs_row("US", "3000000", "2030.01"),
    kcs_row("CN", "2500000", "2030.01"),
    kcs_row("JP", "6000000", "2030.02"),
    kcs_row("US", "2000000", "2030.02"),
    total_row("20512345"),
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "desk.db")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_round_trips_and_is_idempotent(tmp_path: Path, db: Path) -> None:
    xml = tmp_path / "kcs-synthetic.xml"
    xml.write_text(synthetic_kcs_xml(ROWS), encoding="utf-8")
    code, out, err = run(
        "reference", "import", str(xml), "--db", str(db), "--released", "2030-03-15"
    )
    assert (code, out) == (0, "")
    assert err == f"imported {xml}: 7 figures added, 0 unchanged\n"

    store = open_store(db)
    jan = store.figure("albums", "JP", Period.month(2030, 1))
    assert jan is not None and jan.value == 7012345 and jan.vintage == "preliminary"
    assert str(jan.released) == "2030-03-15"
    world = store.total("albums", "WORLD", Period.parse("2030-01/2030-02"))  # type: ignore[arg-type]
    assert world is not None and world.value == 12512345 + 8000000 and world.summed
    version = store.data_version
    store.close()

    before = digest(db)
    code, _, err = run("reference", "import", str(xml), "--db", str(db), "--released", "2030-03-15")
    assert code == 0 and err == f"imported {xml}: 0 figures added, 7 unchanged\n"
    assert digest(db) == before, "re-importing the same file changes nothing"
    with open_store(db) as again:
        assert again.data_version == version


def test_csv_import_matches_xml(tmp_path: Path, db: Path) -> None:
    path = tmp_path / "kcs-synthetic.csv"
    path.write_text(synthetic_kcs_csv(ROWS), encoding="utf-8")
    code, _, err = run("reference", "import", str(path), "--db", str(db))
    assert code == 0 and "7 figures added" in err


def test_a_revision_is_a_new_vintage(tmp_path: Path, db: Path) -> None:
    first, second = tmp_path / "first.xml", tmp_path / "second.xml"
    first.write_text(synthetic_kcs_xml(ROWS[:1]), encoding="utf-8")
    second.write_text(synthetic_kcs_xml([kcs_row("JP", "7100000", "2030.01")]), encoding="utf-8")
    assert run("reference", "import", str(first), "--db", str(db))[0] == 0
    code, _, err = run("reference", "import", str(second), "--db", str(db))
    assert code == 2 and "is held as 7012345, the file says 7100000" in err
    code, _, _ = run("reference", "import", str(second), "--db", str(db), "--vintage", "revised")
    assert code == 0
    with open_store(db) as store:
        values = [f.value for f in store.vintages("albums", "JP", Period.month(2030, 1))]
    assert values == [7012345, 7100000]


BAD = [
    pytest.param([kcs_row("JP", "12a", "2030.01")], "expDlr", "12a", id="non-numeric"),
    pytest.param([kcs_row("XX", "1", "2030.01")], "statCd", "XX", id="unknown-partner"),
    pytest.param([kcs_row("JP", "1", "2030.13")], "year", "2030.13", id="impossible-month"),
    pytest.param([kcs_row("JP", "1", "2030.01", hs="8523499000")], "hs", "8523499000", id="hs"),
    pytest.param([kcs_row("JP", "1", "2030.01")] * 2, "duplicate", "JP", id="duplicate"),
]


@pytest.mark.parametrize(("rows", "what", "value"), BAD)
def test_bad_rows_leave_the_store_as_it_was(
    tmp_path: Path, db: Path, rows: list[dict[str, str]], what: str, value: str
) -> None:
    # Good rows first, so a half-done import would show.
    xml = tmp_path / "bad.xml"
    xml.write_text(synthetic_kcs_xml(ROWS[:3] + rows), encoding="utf-8")
    before = digest(db)
    code, out, err = run("reference", "import", str(xml), "--db", str(db))
    assert (code, out) == (2, "")
    assert err.startswith(f"factcheck: {xml}:7: ") and err.count("\n") == 1
    assert value in err and what.lower() in err.lower()
    assert digest(db) == before


def test_import_needs_a_store_of_your_own(tmp_path: Path) -> None:
    code, _, err = run("reference", "import", str(tmp_path / "x.xml"))
    assert code == 2 and "Missing option '--db'" in err


def test_import_of_a_missing_file(db: Path, tmp_path: Path) -> None:
    code, _, err = run("reference", "import", str(tmp_path / "nope.xml"), "--db", str(db))
    assert (code, err) == (2, f"factcheck: file not found: {tmp_path / 'nope.xml'}\n")


def test_bad_release_date(db: Path, tmp_path: Path) -> None:
    xml = tmp_path / "k.xml"
    xml.write_text(synthetic_kcs_xml(ROWS), encoding="utf-8")
    code, _, err = run("reference", "import", str(xml), "--db", str(db), "--released", "15/03/2030")
    assert code == 2
    assert err == (
        "factcheck: bad --released '15/03/2030': expected a date as YYYY-MM-DD, e.g. 2026-01-16\n"
    )
