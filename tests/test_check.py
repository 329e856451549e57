"""The whole pipeline on the seed articles, on altered copies of them, and through the CLI.

The seed articles are third-party text kept outside the repo (../shared/seed-articles); tests
read them in place and never copy them, and skip when the folder is absent. Their README says
what a correct check finds; the rows below hold the tool to it. An altered copy changes one
figure in memory: that claim, and only that one, must become a mismatch with the right
expected value.

The CLI tests use articles written here, so they run without the seeds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.articles import read_article
from factcheck.check import check_article
from factcheck.cli import cli
from factcheck.models import Article, JudgedClaim, Report
from factcheck.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seed-articles"
CONTRACT = SHARED / "report-schema.md"
SEED_NAMES = {
    "000": "000-2025-exports-top-300m.txt",
    "001": "001-2023-h1-us-demand.txt",
    "002": "002-music-exports-early-2025.txt",
    "003": "003-2023-h1-us-second-market.txt",
    "004": "004-2020-us-physical-sales.txt",
}

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no seed articles at {SEEDS}")


@pytest.fixture(scope="module")
def seed_reports(store_path: Path) -> Iterator[dict[str, tuple[Article, Report]]]:
    """Every seed article read from disk and checked once for the module."""
    from factcheck.store import open_store

    store = open_store(store_path, readonly=True)
    try:
        reports = {}
        for key, name in SEED_NAMES.items():
            article = read_article(SEEDS / name)
            reports[key] = (article, check_article(article, store))
        yield reports
    finally:
        store.close()


def claims_quoting(report: Report, quote: str) -> list[JudgedClaim]:
    found = [c for c in report.claims if c.quote == quote]
    assert found, f"no claim quotes {quote!r}: {[c.quote for c in report.claims]}"
    return found


def altered(article: Article, old: str, new: str) -> Article:
    assert article.text.count(old) == 1, f"{old!r} must occur once"
    return article.model_copy(update={"text": article.text.replace(old, new)})


# -- the seed articles, as their README judges them --------------------------------------------


@needs_seeds
@pytest.mark.parametrize("key", sorted(SEED_NAMES))
def test_no_seed_has_a_mismatch(seed_reports: dict[str, tuple[Article, Report]], key: str) -> None:
    _, report = seed_reports[key]
    assert report.summary.mismatch == 0
    assert [c.quote for c in report.claims if c.verdict == "mismatch"] == []


def verdict(key: str, quote: str, expected: str, partner: str | None = None) -> Any:
    return pytest.param(key, quote, expected, partner, id=f"{key}-{quote}")


VERDICTS = [
    verdict("000", "$301.7 million", "supported", "WORLD"),
    verdict("000", "3.4% increase", "supported", "WORLD"),
    verdict("000", "$80.6 million", "supported", "JP"),
    verdict("000", "10.2% dip", "supported", "JP"),
    verdict("000", "$69.7 million", "supported", "CN"),
    verdict("000", "16.6%", "supported", "CN"),
    verdict("000", "No. 2 spot", "supported", "CN"),
    verdict("000", "$64 million", "supported", "US"),
    verdict("000", "top $300 million", "supported", "WORLD"),
    verdict("000", "93.5 million", "unverifiable"),
    verdict("000", "roughly 93.5 million", "unverifiable"),
    verdict("000", "120 million", "unverifiable"),
    verdict("001", "$132.93 million", "supported", "WORLD"),
    verdict("001", "17.1 percent increase", "supported", "WORLD"),
    verdict("001", "$48.52 million", "supported", "JP"),
    verdict("001", "$25.51 million", "supported", "US"),
    verdict("001", "$22.64 million", "supported", "CN"),
    verdict("001", "over $15 billion", "unverifiable"),
    verdict("003", "132.934 million dollars", "supported", "WORLD"),
    verdict("003", "17.1%", "supported", "WORLD"),
    verdict("003", "48,523,000 dollars", "supported", "JP"),
    verdict("003", "25.519 million dollars", "supported", "US"),
    verdict("003", "22.64 million dollars", "supported", "CN"),
    verdict("003", "about 168.5 billion won", "supported", "WORLD"),
    verdict("003", "about 61.5 billion won", "supported", "JP"),
    verdict("003", "about 32.3 billion won", "supported", "US"),
    verdict("003", "about 28.7 billion won", "supported", "CN"),
]


@needs_seeds
@pytest.mark.parametrize(("key", "quote", "expected", "partner"), VERDICTS)
def test_seed_verdicts(
    seed_reports: dict[str, tuple[Article, Report]],
    key: str,
    quote: str,
    expected: str,
    partner: str | None,
) -> None:
    _, report = seed_reports[key]
    for claim in claims_quoting(report, quote):
        assert claim.verdict == expected, claim.explanation
        if partner is not None:
            assert claim.partner == partner


@needs_seeds
@pytest.mark.parametrize(
    ("key", "quotes"),
    [
        pytest.param("000", ["93.5 million", "roughly 93.5 million", "120 million"], id="000"),
        pytest.param("001", ["over $15 billion"], id="001"),
    ],
)
def test_figures_about_other_things_are_never_judged(
    seed_reports: dict[str, tuple[Article, Report]], key: str, quotes: list[str]
) -> None:
    _, report = seed_reports[key]
    for quote in quotes:
        for claim in claims_quoting(report, quote):
            assert (claim.metric, claim.verdict, claim.evidence) == (None, "unverifiable", [])


@needs_seeds
@pytest.mark.parametrize("key", ["002", "004"])
def test_articles_about_other_things_are_never_judged_as_exports(
    seed_reports: dict[str, tuple[Article, Report]], key: str
) -> None:
    """002 counts all music exports, 004 album sales: no figure is an album-export figure,
    so none is judged against one — no metric, no evidence, unverifiable."""
    _, report = seed_reports[key]
    assert report.claims
    for claim in report.claims:
        assert (claim.metric, claim.verdict, claim.evidence) == (None, "unverifiable", []), (
            claim.quote
        )


@needs_seeds
def test_004_sales_growth_is_not_export_growth(
    seed_reports: dict[str, tuple[Article, Report]],
) -> None:
    _, report = seed_reports["004"]
    growth = {c.stated: c for c in report.claims if c.kind == "growth"}
    assert set(growth) == {Decimal(60), Decimal(90)}
    assert all(c.metric is None and c.verdict == "unverifiable" for c in growth.values())


@needs_seeds
def test_000_last_year_is_2025_without_a_date(
    seed_reports: dict[str, tuple[Article, Report]],
) -> None:
    article, report = seed_reports["000"]
    assert article.published is None
    [total] = claims_quoting(report, "$301.7 million")
    assert total.period == "2025"
    assert "last year" in total.found["period"].lower()
    assert {c.period for c in report.claims if c.metric} == {"2025"}


@needs_seeds
def test_001_repeated_body_is_reported_once(
    seed_reports: dict[str, tuple[Article, Report]],
) -> None:
    article, report = seed_reports["001"]
    # The site header's later date is not the article's.
    assert str(article.published) == "2023-07-18"
    by_id = {c.id: c for c in report.claims}
    first = [c for c in report.claims if c.repeat_of is None]
    repeats = [c for c in report.claims if c.repeat_of is not None]
    assert len(repeats) == len(first)
    for claim in repeats:
        assert claim.repeat_of is not None
        original = by_id[claim.repeat_of]
        assert original.repeat_of is None and original.start < claim.start
        assert (claim.quote, claim.verdict) == (original.quote, original.verdict)
    counted = report.summary.model_dump()
    assert sum(counted.values()) == len(first)
    for quote in ["$132.93 million", "17.1 percent increase", "$48.52 million"]:
        assert [c.quote for c in first].count(quote) == 1


# -- altered copies: one changed figure, one mismatch ------------------------------------------

ALTERATIONS = [
    pytest.param("000", "3.4%", "4.3%", "4.3% increase", {Decimal("3.4"), Decimal("3.41")},
                 id="000-growth-digits-swapped"),
    pytest.param("000", "$80.6 million", "$86.0 million", "$86.0 million", {Decimal(80630000)},
                 id="000-japan-value-digits-swapped"),
]  # fmt: skip


@needs_seeds
@pytest.mark.parametrize(("key", "old", "new", "quote", "expected"), ALTERATIONS)
def test_an_altered_figure_is_the_only_mismatch(
    seed_reports: dict[str, tuple[Article, Report]],
    store: Store,
    key: str,
    old: str,
    new: str,
    quote: str,
    expected: set[Decimal],
) -> None:
    article, before = seed_reports[key]
    report = check_article(altered(article, old, new), store)
    [wrong] = [c for c in report.claims if c.verdict == "mismatch"]
    assert wrong.quote == quote
    assert wrong.expected in expected
    assert report.summary.mismatch == 1
    unchanged = [(c.id, c.quote, c.verdict) for c in report.claims if c.id != wrong.id]
    assert unchanged == [(c.id, c.quote, c.verdict) for c in before.claims if c.id != wrong.id]


@needs_seeds
def test_an_altered_figure_in_a_repeated_body_is_one_mismatch(
    seed_reports: dict[str, tuple[Article, Report]], store: Store
) -> None:
    article, _ = seed_reports["001"]
    assert article.text.count("$48.52 million") == 2
    text = article.text.replace("$48.52 million", "$45.82 million")
    report = check_article(article.model_copy(update={"text": text}), store)
    wrong = [c for c in report.claims if c.verdict == "mismatch"]
    assert [(c.quote, c.expected) for c in wrong] == [("$45.82 million", Decimal(48523000))] * 2
    assert wrong[1].repeat_of == wrong[0].id
    assert report.summary.mismatch == 1


@needs_seeds
def test_a_won_figure_ten_times_too_large_is_the_only_mismatch(
    seed_reports: dict[str, tuple[Article, Report]], store: Store
) -> None:
    article, before = seed_reports["003"]
    report = check_article(
        altered(article, "about 168.5 billion won", "about 1,685 billion won"), store
    )
    [wrong] = [c for c in report.claims if c.verdict == "mismatch"]
    [right] = claims_quoting(before, "about 168.5 billion won")
    assert (wrong.quote, wrong.unit, wrong.stated) == (
        "about 1,685 billion won",
        "KRW",
        Decimal("1685000000000"),
    )
    # The expected value is the dollar figure converted, as for the unaltered claim: close to
    # the 168.5 billion won the article printed.
    assert wrong.expected == right.expected
    assert wrong.expected is not None
    assert abs(wrong.expected - Decimal("168.5e9")) < Decimal("3e9")
    assert report.summary.mismatch == 1


# -- the command line --------------------------------------------------------------------------

RIGHT = "Album exports reached $301.7 million in 2025, up 3.4% from the previous year.\n"
WRONG = "Album exports reached $310.7 million in 2025, up 3.4% from the previous year.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article_files(tmp_path: Path) -> dict[str, str]:
    files = {}
    for name, text in {"right.txt": RIGHT, "wrong.txt": WRONG}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files[name] = str(tmp_path / name)
    not_a_store = tmp_path / "not-a-store.db"
    not_a_store.write_text("these are not the figures\n", encoding="utf-8")
    files["not-a-store"] = str(not_a_store)
    files["missing"] = str(tmp_path / "missing.txt")
    return files


def test_cli_exit_0_without_a_mismatch(article_files: dict[str, str], store_path: Path) -> None:
    code, out, err = run(article_files["right.txt"], "--db", str(store_path))
    assert (code, err) == (0, "")
    assert "0 mismatch" in out


def test_cli_exit_1_with_a_mismatch(article_files: dict[str, str], store_path: Path) -> None:
    code, out, err = run(article_files["wrong.txt"], "--db", str(store_path))
    assert (code, err) == (1, "")
    assert "1 mismatch" in out
    assert "$310.7 million" in out


def test_cli_json_report_follows_the_contract(
    article_files: dict[str, str], store_path: Path
) -> None:
    code, out, _ = run(article_files["wrong.txt"], "--format", "json", "--db", str(store_path))
    report = json.loads(out)
    assert code == 1
    assert report["schema"] == "factcheck/report-v1"
    [wrong] = [c for c in report["claims"] if c["verdict"] == "mismatch"]
    assert (wrong["quote"], wrong["stated"], wrong["expected"]) == (
        "$310.7 million",
        310700000,
        301744000,
    )
    assert WRONG[wrong["start"] : wrong["end"]] == wrong["quote"]


UNUSABLE = [
    pytest.param(["missing"], id="missing-file"),
    pytest.param(["right.txt", "--published", "2026-13-40"], id="bad-published"),
    pytest.param(["right.txt", "--published", "yesterday"], id="published-not-a-date"),
    pytest.param(["right.txt", "--format", "yaml"], id="unknown-format"),
    pytest.param(["right.txt", "--db", "not-a-store"], id="not-a-store"),
    pytest.param(["right.txt", "--db", "missing"], id="no-store-there"),
]


def _args(article_files: dict[str, str], names: list[str]) -> list[str]:
    return [article_files.get(name, name) for name in names]


@pytest.mark.parametrize("names", [p.values[0] for p in UNUSABLE], ids=[p.id for p in UNUSABLE])
def test_cli_exit_2_prints_nothing_on_stdout(
    article_files: dict[str, str], names: list[str]
) -> None:
    code, out, err = run(*_args(article_files, names))
    assert (code, out) == (2, "")
    assert err.strip()


@pytest.mark.parametrize("names", UNUSABLE)
def test_cli_exit_2_gives_one_line_on_stderr(
    article_files: dict[str, str], names: list[str]
) -> None:
    code, out, err = run(*_args(article_files, names))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert err.startswith("factcheck: ")


# -- the schema --------------------------------------------------------------------------------

CONTRACT_FIELDS = {
    "Report": ["schema", "source", "published", "language", "claims", "summary"],
    "JudgedClaim": [
        "id", "start", "end", "quote", "sentence", "kind", "metric", "partner", "period",
        "stated", "unit", "qualifier", "verdict", "expected", "explanation", "correction",
        "evidence",
    ],
    "Evidence": [
        "metric", "partner", "period", "measure", "value", "unit", "vintage", "released",
        "source_url",
    ],
    "Summary": ["supported", "mismatch", "unverifiable", "ambiguous"],
}  # fmt: skip


def _schema() -> dict[str, Any]:
    code, out, err = run("schema")
    assert (code, err) == (0, "")
    schema: dict[str, Any] = json.loads(out)
    return schema


def _properties(schema: dict[str, Any], model: str) -> set[str]:
    node = schema if model == "Report" else schema["$defs"][model]
    return set(node["properties"])


@pytest.mark.parametrize("model", sorted(CONTRACT_FIELDS))
def test_schema_has_every_field_of_the_contract(model: str) -> None:
    assert set(CONTRACT_FIELDS[model]) <= _properties(_schema(), model)


@pytest.mark.skipif(not CONTRACT.is_file(), reason=f"no contract at {CONTRACT}")
def test_schema_covers_the_contract_example() -> None:
    """Every key of the JSON example in report-schema.md is a property at its level."""
    markdown = CONTRACT.read_text(encoding="utf-8")
    match = re.search(r"```json\n(.*?)```", markdown, flags=re.S)
    assert match is not None
    example = json.loads(match.group(1))
    schema = _schema()
    claim, evidence = example["claims"][0], example["claims"][0]["evidence"][0]
    assert set(example) <= _properties(schema, "Report")
    assert set(claim) <= _properties(schema, "JudgedClaim")
    assert set(evidence) <= _properties(schema, "Evidence")
    assert set(example["summary"]) <= _properties(schema, "Summary")
