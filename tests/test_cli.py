"""The command line: exit codes, exact output, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_show_json_gives_value_vintage_release_and_source(store_path: Path) -> None:
    code, out, _ = run(
        "reference", "show", "albums", "--partner", "JP", "--period", "2025",
        "--measure", "value", "--format", "json", "--db", str(store_path),
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == [
        {
            "metric": "albums",
            "partner": "JP",
            "period": "2025",
            "measure": "value",
            "value": 80630000,
            "unit": "USD",
            "vintage": "preliminary",
            "released": "2026-01-16",
            "source_url": "https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=198869",
            "note": "80.6 in most reports",
        }
    ]


def test_show_lists_both_vintages(store_path: Path) -> None:
    code, out, _ = run(
        "reference", "show", "albums", "--partner", "WORLD", "--period", "2022",
        "--format", "json", "--db", str(store_path),
    )  # fmt: skip
    values = {(f["measure"], f["vintage"]): f["value"] for f in json.loads(out)}
    assert code == 0
    assert values[("value", "preliminary")] == 233113000
    assert values[("value", "revised")] == 231389000


def test_show_uses_the_embedded_store_by_default() -> None:
    code, out, _ = run("reference", "show", "albums", "--partner", "jp", "--period", "2025-H1")
    assert code == 0
    assert "albums JP 2025-H1 value: 39095000 USD (preliminary, 2025-07-20)" in out


def test_show_nothing_matches_is_not_an_error(store_path: Path) -> None:
    code, out, err = run("reference", "show", "albums", "--period", "2011", "--db", str(store_path))
    assert (code, out, err) == (0, "", "no figures match\n")


def test_list(store_path: Path) -> None:
    code, out, _ = run("reference", "list", "--db", str(store_path))
    assert code == 0
    assert "albums: album exports (USD, HS 8523491040)" in out
    assert "  value           67 rows   11 partners   21 periods  2015-01 to 2025-12" in out
    code, out, _ = run("reference", "list", "--db", str(store_path), "--format", "json")
    assert json.loads(out)["metrics"][0]["id"] == "albums"


def test_build(tmp_path: Path) -> None:
    code, out, err = run("reference", "build", "--db", str(tmp_path / "x.db"))
    assert (code, out) == (0, "")
    assert err == f"built {tmp_path / 'x.db'}: 196 figures\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["reference", "show", "albums", "--period", "2023-13"],
            "factcheck: impossible period '2023-13': expected 2025, 2023-H1, 2023-Q3, 2024-10 "
            "or 2023-01/2023-10\n",
            id="period",
        ),
        pytest.param(
            ["reference", "show", "singles"],
            "factcheck: unknown metric 'singles': expected one of albums, albums_and_videos, "
            "videos\n",
            id="metric",
        ),
        pytest.param(
            ["reference", "show", "albums", "--partner", "XX"],
            "factcheck: unknown partner 'XX': expected WORLD or an ISO 3166-1 alpha-2 code "
            "such as JP\n",
            id="partner",
        ),
        pytest.param(
            ["reference", "show", "albums", "--db", "/nonexistent/x.db"],
            "factcheck: no store at /nonexistent/x.db: build one with "
            "`factcheck reference build --db /nonexistent/x.db`\n",
            id="no-store",
        ),
    ],
)
def test_user_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out, err) == (2, "", message)


def test_not_a_store(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello")
    code, out, err = run("reference", "show", "albums", "--db", str(bogus))
    assert code == 2 and out == ""
    assert err.startswith(f"factcheck: {bogus} is not a factcheck store")
    assert err.count("\n") == 1
