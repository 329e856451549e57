"""Golden tests: every article in examples/ against its expected report, NAME.expected.json.

The articles are written for the project with real figures from reference/kcs-album-exports.csv:
`errors-*` ones carry deliberate slips, the others are correct throughout. When factcheck's
behaviour changes on purpose, regenerate the expected reports with
`python scripts/update_examples.py` and read their diff before committing.

Articles the tool does not yet judge right wait in examples/pending/ (README there): the
verdicts they should get are strict xfails below, which fail once a fix makes them pass. A case
so fixed moves to FIXED_CASES, a plain test wherever its article now is. Every kind of slip must
be diagnosed in a golden error article; the slips a pending error article already gets right are
held by FIXED_CASES and FIXED_TEXT.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from factcheck.articles import read_article
from factcheck.check import check_article
from factcheck.models import Report
from factcheck.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PENDING = EXAMPLES / "pending"
SUFFIXES = (".md", ".txt", ".html")
UPDATE = "python scripts/update_examples.py"


def _articles(folder: Path) -> list[Path]:
    """The articles in `folder` (its README is not one), sorted by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix in SUFFIXES and p.stem.upper() != "README"
    )


ARTICLES = _articles(EXAMPLES)
CORRECT_ARTICLES = [p for p in ARTICLES if not p.name.startswith("errors-")]
#: The golden articles with deliberate slips: their reports are fixed, so what they diagnose is.
GOLDEN_ERROR_ARTICLES = [p for p in ARTICLES if p.name.startswith("errors-")]
#: Every article with deliberate slips, pending ones too: a pending article waits for a fix to
#: some other figure, while the slips it carries must be caught all the same.
ERROR_ARTICLES = GOLDEN_ERROR_ARTICLES + [
    p for p in _articles(PENDING) if p.name.startswith("errors-")
]

#: Each kind of slip the error articles carry, and the words of its diagnosis in an explanation.
DIAGNOSES = {
    "scale slip": "Scale slip:",
    "won labelled as dollars": "Won labelled as dollars:",
    "dropped digit": "A digit seems missing:",
    "wrong year": "Wrong year:",
    "sign flip": "The sign is flipped:",
    "percent vs percentage points": "Percent and percentage points confused:",
}


def _ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(EXAMPLES).as_posix() for p in paths]


def _check(path: Path, store: Store) -> Report:
    return check_article(read_article(path), store)


def _normalised(report: dict[str, Any]) -> dict[str, Any]:
    """The report with `source` as a path relative to the repository, whatever form it has."""
    source = Path(report["source"])
    if not source.is_absolute():
        source = ROOT / source
    return {**report, "source": source.resolve().relative_to(ROOT).as_posix()}


def _diff(expected: dict[str, Any], actual: dict[str, Any]) -> str:
    lines = difflib.unified_diff(
        json.dumps(expected, indent=2, ensure_ascii=False).splitlines(),
        json.dumps(actual, indent=2, ensure_ascii=False).splitlines(),
        "expected",
        "actual",
        lineterm="",
        n=2,
    )
    return "\n".join(lines)


def test_there_are_examples_of_both_kinds() -> None:
    assert GOLDEN_ERROR_ARTICLES
    assert CORRECT_ARTICLES


def test_every_expected_report_has_its_article() -> None:
    stems = [p.stem for p in ARTICLES]
    assert len(stems) == len(set(stems)), "two examples share a name: rename one"
    orphans = {p.name for p in EXAMPLES.glob("*.expected.json")} - {
        f"{s}.expected.json" for s in stems
    }
    assert not orphans, f"expected reports without an article: {sorted(orphans)}"


@pytest.mark.parametrize("path", ARTICLES, ids=_ids(ARTICLES))
def test_example_matches_its_expected_report(path: Path, store: Store) -> None:
    expected_file = path.with_name(path.stem + ".expected.json")
    assert expected_file.is_file(), f"no {expected_file.name}: run `{UPDATE} {path.name}`"
    expected = _normalised(json.loads(expected_file.read_text(encoding="utf-8")))
    actual = _normalised(_check(path, store).model_dump(mode="json"))
    assert actual == expected, (
        f"{path.name} no longer gives its expected report. If the change is intended, run "
        f"`{UPDATE} {path.name}` and read the diff.\n{_diff(expected, actual)}"
    )


@pytest.mark.parametrize("path", ERROR_ARTICLES, ids=_ids(ERROR_ARTICLES))
def test_error_article_has_a_mismatch(path: Path, store: Store) -> None:
    assert _check(path, store).summary.mismatch >= 1


@pytest.mark.parametrize("path", CORRECT_ARTICLES, ids=_ids(CORRECT_ARTICLES))
def test_correct_article_has_no_mismatch(path: Path, store: Store) -> None:
    wrong = [c.quote for c in _check(path, store).claims if c.verdict == "mismatch"]
    assert not wrong, f"correct figures called a mismatch: {wrong}"


@pytest.mark.parametrize("words", list(DIAGNOSES.values()), ids=list(DIAGNOSES))
def test_every_kind_of_slip_is_diagnosed_in_a_golden_error_article(
    words: str, store: Store
) -> None:
    explanations = [
        claim.explanation
        for path in GOLDEN_ERROR_ARTICLES
        for claim in _check(path, store).claims
        if claim.verdict == "mismatch"
    ]
    assert any(words in text for text in explanations), f"no mismatch explained with {words!r}"


# -- pending: what the tool should say about examples/pending/ -------------------------------


class Should(NamedTuple):
    """The verdict a figure (its exact quote) should get, on what partner, period and metric."""

    quote: str
    verdict: str
    partner: str
    period: str
    metric: str | None = "albums"


#: Why each article in examples/pending/ is still there: the reason of its strict xfails.
PENDING_WHY = {
    "2021-jan-oct-exports.md": (
        "the group 'Indonesia, Taiwan, Thailand and Hong Kong ... among the top buyers' gives "
        "no claim"
    ),
}
#: The verdicts the tool does not give yet (strict xfails below), by pending article.
PENDING_CASES = {
    "2021-jan-oct-exports.md": [
        Should("the top buyers", "unverifiable", "ID+TW+TH+HK", "2021-01/2021-10"),
    ],
}
#: Words the tool takes for a figure though they are none: no claim should quote them.
PENDING_NOT_FIGURES: dict[str, list[str]] = {}
#: Not about one claim's verdict: what the right report says in its explanation or correction
#: (quote, field, words; words may be a tuple of acceptable alternatives).
PENDING_TEXT: dict[str, tuple[str, str, tuple[str, ...]]] = {}

#: Verdicts that were pending cases until a fix made them right: they must stay right, wherever
#: their article is now (still pending for another figure, or moved up to examples/).
FIXED_CASES = {
    "2025-record-dateline-wrapped.txt": [Should("$69.72 million", "supported", "CN", "2025")],
    "2022-annual-broadcast.md": [
        Should("51-point-33 million dollars", "supported", "CN", "2022"),
        Should("third", "supported", "US", "2022"),
    ],
    "2021-jan-oct-exports.md": [Should("third", "supported", "US", "2021-01/2021-10")],
    "2021-top-ten-destinations.md": [
        Should("fifth", "supported", "TW", "2021"),
        Should("seventh", "supported", "NL", "2021"),
        Should("eighth", "supported", "FR", "2021"),
        Should("$9.58 million", "supported", "ID", "2021"),
        Should("ninth", "supported", "HK", "2021"),
        Should("tenth", "supported", "DE", "2021"),
    ],
    "2025-annual-exports.md": [
        Should("topped $300 million", "supported", "WORLD", "2025"),
        Should("about 71 percent", "supported", "JP+CN+US", "2025"),
    ],
    "2025-first-half-same-period.md": [
        Should("$19.45 million", "supported", "US", "2025-H1"),
        Should("36.1 percent", "supported", "US", "2025-H1"),
        Should("$30.45 million", "supported", "US", "2024-H1"),
    ],
    "errors-share-points-and-growth.md": [
        Should("$301.7 million", "supported", "WORLD", "2025"),
        Should("$69.7 million", "supported", "CN", "2025"),
        Should("$59.8 million", "supported", "CN", "2024"),
        Should("12.4 percent", "mismatch", "CN", "2025"),
    ],
    "errors-2025-scale-points-growth.md": [Should("9.9 percent", "mismatch", "WORLD", "2025")],
    "errors-scale-slip.md": [Should("$69.7 million", "supported", "CN", "2025")],
    "2025-record-dateline.txt": [
        Should("1.24 trillion won", "unverifiable", "WORLD", "2023", metric=None),
    ],
    # The slips of a pending error article that are already caught right.
    "errors-japan-digit-and-sign.md": [
        Should("$8.06 million", "mismatch", "JP", "2025"),
        Should("10.2 percent", "mismatch", "JP", "2025"),
    ],
}
#: Words that were taken for a figure until a fix: no claim may quote them.
FIXED_NOT_FIGURES = {
    "2025-first-half-same-period.md": ["the first"],
    "errors-won-as-dollars.md": ["the first"],
}
FIXED_TEXT = {
    "errors-share-points-and-growth.md": [
        ("13.2 percentage points", "explanation", "Percent and percentage points confused"),
    ],
    "errors-2025-scale-points-growth.md": [
        ("9.9 percent", "explanation", "(the values give +3.41%)")
    ],
    "errors-japan-digit-and-sign.md": [
        ("$8.06 million", "correction", "$80.63 million"),
        ("$8.06 million", "explanation", "Scale slip: $8.06 million is 10 times too small"),
        ("10.2 percent", "explanation", "The sign is flipped: it was -10.2%"),
    ],
}


def _located(name: str) -> Path:
    """examples/NAME, or examples/pending/NAME while the article waits there."""
    return EXAMPLES / name if (EXAMPLES / name).is_file() else PENDING / name


def _pending(name: str) -> pytest.MarkDecorator:
    """The strict xfail of a case of a pending article, with the reason it is pending."""
    return pytest.mark.xfail(raises=AssertionError, strict=True, reason=PENDING_WHY[name])


def _cases(table: dict[str, list[Should]], *, pending: bool = False) -> list[Any]:
    return [
        pytest.param(
            name, should, id=f"{name}: {should.quote}", marks=[_pending(name)] if pending else []
        )
        for name, shoulds in table.items()
        for should in shoulds
    ]


def _quotes(table: dict[str, list[str]], *, pending: bool = False) -> list[Any]:
    return [
        pytest.param(name, quote, id=f"{name}: {quote}", marks=[_pending(name)] if pending else [])
        for name, quotes in table.items()
        for quote in quotes
    ]


def _assert_verdict(name: str, should: Should, store: Store) -> None:
    claims = {c.quote: c for c in _check(_located(name), store).claims}
    claim = claims.get(should.quote)
    assert claim is not None, f"{should.quote!r} not found"
    got = (claim.verdict, claim.partner, claim.period, claim.metric)
    assert got == should[1:], f"{should.quote!r}: {got}, should be {should[1:]}"


def _assert_wording(
    name: str, quote: str, field: str, words: str | tuple[str, ...], store: Store
) -> None:
    claims = _check(_located(name), store).claims
    claim = next((c for c in claims if c.quote == quote), None)
    assert claim is not None, f"{quote!r} not found"
    text = getattr(claim, field) or ""
    alternatives = (words,) if isinstance(words, str) else words
    assert any(w in text for w in alternatives), f"{quote!r} {field}: {text!r}"


def _assert_not_a_figure(name: str, quote: str, store: Store) -> None:
    quoted = [c.quote for c in _check(_located(name), store).claims]
    assert quote not in quoted, f"{quote!r} is taken for a figure"


def test_every_pending_article_has_a_case() -> None:
    pending = {p.name for p in _articles(PENDING)}
    assert pending == set(PENDING_CASES) | set(PENDING_NOT_FIGURES) | set(PENDING_TEXT)
    assert pending == set(PENDING_WHY), "PENDING_WHY must say why each pending article waits"


def test_every_fixed_case_has_its_article() -> None:
    names = set(FIXED_CASES) | set(FIXED_NOT_FIGURES) | set(FIXED_TEXT)
    missing = [n for n in names if not _located(n).is_file()]
    assert not missing, f"no such article in examples/ or examples/pending/: {sorted(missing)}"


@pytest.mark.parametrize(("name", "should"), _cases(FIXED_CASES))
def test_fixed_verdicts(name: str, should: Should, store: Store) -> None:
    _assert_verdict(name, should, store)


@pytest.mark.parametrize(("name", "quote"), _quotes(FIXED_NOT_FIGURES))
def test_fixed_not_figures(name: str, quote: str, store: Store) -> None:
    _assert_not_a_figure(name, quote, store)


@pytest.mark.parametrize(
    ("name", "quote", "field", "words"),
    [
        pytest.param(name, *wording, id=f"{name}: {wording[0]}")
        for name, wordings in FIXED_TEXT.items()
        for wording in wordings
    ],
)
def test_fixed_wording(name: str, quote: str, field: str, words: str, store: Store) -> None:
    _assert_wording(name, quote, field, words, store)


@pytest.mark.parametrize(("name", "should"), _cases(PENDING_CASES, pending=True))
def test_pending_article_verdicts(name: str, should: Should, store: Store) -> None:
    _assert_verdict(name, should, store)


@pytest.mark.parametrize(("name", "quote"), _quotes(PENDING_NOT_FIGURES, pending=True))
def test_pending_not_figures(name: str, quote: str, store: Store) -> None:
    _assert_not_a_figure(name, quote, store)


@pytest.mark.parametrize(
    "name", [pytest.param(name, id=name, marks=[_pending(name)]) for name in PENDING_TEXT]
)
def test_pending_article_wording(name: str, store: Store) -> None:
    _assert_wording(name, *PENDING_TEXT[name], store)
