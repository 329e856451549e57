"""The Python API: check_text, check_file, one store shared by many threads."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from factcheck import InputError, Report, Store, StoreError, check_file, check_text, open_store
from factcheck.articles import article_from_text, read_article
from factcheck.check import check_article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "examples").glob("*.txt"))
WRONG_YEAR = ROOT / "examples" / "errors-wrong-year.md"
TEXT = "In 2025 album exports rose 3.4% to $301.7 million."


def body(path: Path) -> str:
    """The article without its front matter, as a sub-editor would paste it."""
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[2].lstrip() if text.startswith("---\n") else text


def test_check_file_is_the_pipeline_on_the_file(store: Store) -> None:
    report = check_file(WRONG_YEAR, store=store)
    assert isinstance(report, Report)
    assert report == check_article(read_article(WRONG_YEAR), store)
    assert report.summary.mismatch == 1


def test_check_text_takes_the_date_title_and_url_the_text_lacks(store: Store) -> None:
    report = check_text(body(WRONG_YEAR), store=store, published=date(2025, 7, 20))
    assert report.published == date(2025, 7, 20)
    [mismatch] = [c for c in report.claims if c.verdict == "mismatch"]
    assert (mismatch.quote, mismatch.correction) == ("$132.9 million", "$130.3 million")
    labelled = check_text(TEXT, store=store, url="https://example.org/a", source="draft 7")
    assert labelled.source == "draft 7"


def test_check_text_without_a_store_opens_the_default_one(store: Store) -> None:
    assert check_text(TEXT) == check_text(TEXT, store=store)


def test_check_text_without_figures_is_an_empty_report(store: Store) -> None:
    report = check_text("The agency said nothing about numbers.", store=store)
    assert report.claims == []
    assert report.summary.model_dump() == dict.fromkeys(
        ("supported", "mismatch", "unverifiable", "ambiguous"), 0
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(lambda s: check_text("  \n", store=s), "is empty", id="blank-text"),
        pytest.param(lambda s: check_text(TEXT, store=s, language="fr"), "'fr'", id="language"),
        pytest.param(lambda s: check_file("no/such.md", store=s), "not found", id="missing-file"),
    ],
)
def test_misuse_raises_input_error(store: Store, call: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        call(store)  # type: ignore[operator]


def test_one_store_serves_many_threads(store: Store) -> None:
    """A smoke test: the reports of 8 threads sharing a store are those of one thread alone."""
    articles = [article_from_text(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    alone = [check_article(article, store) for article in articles]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda a: check_article(a, store), articles * 4))
    assert together == alone * 4


def test_each_thread_has_its_own_connection_and_close_closes_them_all(store_path: Path) -> None:
    opened = open_store(store_path, readonly=True)
    mine = opened.conn
    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(opened.conn))
    thread.start()
    thread.join()
    assert seen and seen[0] is not mine
    assert opened.conn is mine
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.data_version  # noqa: B018


def test_connections_of_finished_threads_are_closed(store_path: Path) -> None:
    opened = open_store(store_path, readonly=True)
    for _ in range(6):
        worker = threading.Thread(target=lambda: opened.data_version)
        worker.start()
        worker.join()
    # Each new thread's connection is opened after closing those of the finished ones.
    assert len(opened._conns) == 2
    opened.close()


def test_importing_factcheck_stays_light() -> None:
    """`factcheck --help` starts fast: the API is imported on first use, not with the package."""
    code = "import sys, factcheck; print(sorted({'pydantic', 'factcheck.api'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
