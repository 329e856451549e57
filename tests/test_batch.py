"""`factcheck batch`: a folder of good, bad and broken files, the cache, the output formats,
atomic --output and Ctrl-C. Every folder here is small and written by the test."""

from __future__ import annotations

import csv
import io
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_kcs import kcs_row, synthetic_kcs_xml

import factcheck.check
from factcheck import batch
from factcheck.batch import CSV_COLUMNS, find_articles
from factcheck.cache import cache_path
from factcheck.cli import cli
from factcheck.models import Report
from factcheck.store import build_store

GOOD = "In 2025 album exports rose 3.4% to $301.7 million.\n"
BAD = "---\ndate: 2026-01-16\n---\nAlbum exports rose 3.4 percent to $391.7 million last year.\n"
GOOD_HTML = f"<html><body><p>{GOOD.strip()}</p></body></html>\n"
BINARY = b"\x00\x01\x02\xff\xfe\x00\x00\x00binary\x00"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["batch", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch cache per test (the store comes from --db, so nothing is rebuilt)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """good.txt, page.html, sub/bad.md (one mismatch), sub/binary.txt, gone.md (a dangling
    link), and files that are not articles: notes.csv, .hidden.md."""
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "page.html").write_text(GOOD_HTML, encoding="utf-8")
    (folder / "sub" / "bad.md").write_text(BAD, encoding="utf-8")
    (folder / "sub" / "binary.txt").write_bytes(BINARY)
    (folder / "gone.md").symlink_to(folder / "nowhere")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".hidden.md").write_text(BAD, encoding="utf-8")
    return folder


def reports(out: str) -> dict[str, Report]:
    """Each JSONL line validated against the Report model, by source file name."""
    parsed = [Report.model_validate_json(line) for line in out.splitlines()]
    return {Path(r.source).name: r for r in parsed}


# -- a mixed folder -----------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["jobs-1", "jobs-2"])
def test_a_mixed_folder(news: Path, store_path: Path, jobs: str) -> None:
    code, out, err = run(str(news), "--format", "jsonl", "--jobs", jobs, "--db", str(store_path))
    assert code == 1
    found = reports(out)
    assert sorted(found) == ["bad.md", "good.txt", "page.html"]
    assert [c.verdict for c in found["bad.md"].claims] == ["supported", "mismatch"]
    assert found["bad.md"].source == str(news / "sub" / "bad.md")
    assert found["good.txt"].summary.mismatch == 0
    lines = err.splitlines()
    assert lines[0].startswith("3 articles checked in ")
    assert lines[0].endswith(": 6 claims, 1 mismatch in 1 file, 2 failed")
    assert lines[1:4] == [
        "files with mismatches:",
        f"  {news / 'sub' / 'bad.md'}: 1",
        "files that failed:",
    ]
    assert lines[4] == f"  {news / 'gone.md'}: cannot read it: No such file or directory"
    assert lines[5].startswith(f"  {news / 'sub' / 'binary.txt'}: ")
    assert "looks like a binary file" in lines[5]
    assert len(lines) == 6


@pytest.mark.parametrize(
    ("files", "args", "code"),
    [
        pytest.param({"a.txt": GOOD}, (), 0, id="no-mismatch"),
        pytest.param({"a.txt": GOOD, "b.md": BAD}, (), 1, id="mismatch"),
        pytest.param({"a.txt": GOOD, "b.md": BAD}, ("--fail-on", "never"), 0, id="fail-on-never"),
        pytest.param({"a.txt": GOOD, "b.txt": BINARY}, (), 0, id="one-unreadable"),
        pytest.param({"b.txt": BINARY}, (), 2, id="all-unreadable"),
        pytest.param({"notes.csv": "x"}, (), 2, id="no-articles"),
    ],
)
def test_exit_status(
    tmp_path: Path, store_path: Path, files: dict[str, Any], args: tuple[str, ...], code: int
) -> None:
    for name, content in files.items():
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert run(str(tmp_path / "in"), "--db", str(store_path), *args)[0] == code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["missing"], "factcheck: 'missing': no such file or folder.", id="no-path"),
        pytest.param(
            ["news", "--glob", "*.doc"],
            "factcheck: no *.doc files under news: nothing to check",
            id="nothing-matches",
        ),
        pytest.param(
            ["news", "--db", "nowhere.db"],
            "factcheck: no store at nowhere.db: build one with "
            "`factcheck reference build --db nowhere.db`",
            id="no-store",
        ),
    ],
)
def test_unusable_input_is_one_line_and_status_2(
    news: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(news.parent)
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith(message)
    assert len(err.splitlines()) == 1


# -- finding files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("globs", "expected"),
    [
        pytest.param(
            (), ["gone.md", "good.txt", "page.html", "sub/bad.md", "sub/binary.txt"], id="default"
        ),
        pytest.param(("*.md",), ["gone.md", "sub/bad.md"], id="suffix"),
        pytest.param(("sub/*.txt",), ["sub/binary.txt"], id="folder"),
        pytest.param(("*.csv", "*.html"), ["notes.csv", "page.html"], id="two-globs"),
    ],
)
def test_find_articles(news: Path, globs: tuple[str, ...], expected: list[str]) -> None:
    found = find_articles([news], globs)
    assert [p.relative_to(news).as_posix() for p in found] == expected


def test_a_named_file_is_always_taken_and_listed_once(news: Path) -> None:
    found = find_articles([news / "notes.csv", news / "sub", news / "sub" / "bad.md"])
    assert [p.name for p in found] == ["notes.csv", "bad.md", "binary.txt"]


# -- formats ------------------------------------------------------------------------------


def test_csv_has_one_row_per_claim(news: Path, store_path: Path) -> None:
    code, out, _ = run(str(news), "--format", "csv", "--db", str(store_path), "--jobs", "1")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6
    bad = [row for row in rows if row["source"].endswith("bad.md")]
    assert [(r["claim"], r["quote"], r["verdict"]) for r in bad] == [
        ("c1", "3.4 percent", "supported"),
        ("c2", "$391.7 million", "mismatch"),
    ]
    assert bad[1]["expected"] == "301744000"
    assert bad[1]["correction"] == "$301.7 million"
    assert bad[1]["published"] == "2026-01-16"
    assert bad[1]["sources"].startswith("https://")
    assert bad[0]["qualifier"] == ""


def test_text_is_the_check_report_of_each_article(news: Path, store_path: Path) -> None:
    code, out, _ = run(str(news / "sub"), "--db", str(store_path))
    assert code == 1
    assert out.startswith(f"{news / 'sub' / 'bad.md'} (published 2026-01-16, en)\n")
    assert "MISMATCH     '$391.7 million' [albums WORLD 2025] -> $301.7 million" in out


# -- the cache ----------------------------------------------------------------------------


@pytest.fixture
def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources check_article is called with (in this process: use --jobs 1)."""
    calls: list[str] = []
    real = factcheck.check.check_article

    def counting(article: Any, store: Any) -> Report:
        calls.append(Path(article.source).name)
        return real(article, store)

    monkeypatch.setattr(factcheck.check, "check_article", counting)
    return calls


def test_the_cache_skips_unchanged_articles(
    news: Path, store_path: Path, count_checks: list[str]
) -> None:
    args = (str(news), "--format", "jsonl", "--jobs", "1", "--db", str(store_path))
    first = run(*args)
    assert sorted(count_checks) == ["bad.md", "good.txt", "page.html"]

    second = run(*args)
    assert len(count_checks) == 3
    assert second[0] == first[0] == 1
    assert reports(second[1]) == reports(first[1])
    assert "(3 from the cache)" in second[2]

    (news / "good.txt").write_text(GOOD.replace("301.7", "301.74"), encoding="utf-8")
    (news / "copy.md").write_bytes((news / "sub" / "bad.md").read_bytes())
    _, out, err = run(*args)
    assert sorted(count_checks[3:]) == ["good.txt"]  # copy.md is bad.md under another name
    assert reports(out)["copy.md"].source == str(news / "copy.md")
    assert "4 articles checked in" in err and "(3 from the cache)" in err

    run(*args, "--no-cache")
    assert len(count_checks) == 4 + 4


def test_the_cache_rechecks_when_the_store_changes(
    tmp_path: Path, news: Path, count_checks: list[str]
) -> None:
    db = build_store(tmp_path / "desk.db")
    args = (str(news / "sub"), "--jobs", "1", "--db", str(db))
    run(*args)
    run(*args)
    assert count_checks == ["bad.md"]

    xml = tmp_path / "kcs.xml"
    xml.write_text(synthetic_kcs_xml([kcs_row("JP", "7012345", "2030.01")]), encoding="utf-8")
    imported = CliRunner().invoke(cli, ["reference", "import", str(xml), "--db", str(db)])
    assert imported.exit_code == 0, imported.output
    _, _, err = run(*args)
    assert count_checks == ["bad.md", "bad.md"]
    assert "from the cache" not in err


def test_a_damaged_cache_is_replaced(news: Path, store_path: Path) -> None:
    cache_path().parent.mkdir(parents=True)
    cache_path().write_bytes(b"not a database" * 100)
    assert run(str(news), "--db", str(store_path), "--jobs", "1")[0] == 1
    assert "from the cache" in run(str(news), "--db", str(store_path), "--jobs", "1")[2]


# -- --output: atomic ---------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_output_is_written_whole(news: Path, store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "reports.jsonl"
    code, out, _ = run(
        str(news), "--format", "jsonl", "--output", str(target), "--db", str(store_path)
    )
    assert (code, out) == (1, "")
    assert sorted(reports(target.read_text(encoding="utf-8"))) == [
        "bad.md",
        "good.txt",
        "page.html",
    ]
    assert leftovers(tmp_path) == []


def test_a_failed_run_leaves_the_earlier_output_as_it_was(
    news: Path, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reports.jsonl"
    target.write_text("earlier\n", encoding="utf-8")
    real = batch._writer

    def failing(fmt: Any, sink: Any) -> Any:
        write = real(fmt, sink)
        written: list[str] = []

        def write_then_fail(report: str) -> None:
            if written:
                raise OSError(28, "No space left on device")
            written.append(report)
            write(report)

        return write_then_fail

    monkeypatch.setattr(batch, "_writer", failing)
    with pytest.raises(OSError, match="No space left"):
        run(
            str(news),
            "--format",
            "jsonl",
            "--output",
            str(target),
            "--db",
            str(store_path),
            "--jobs",
            "1",
        )
    assert target.read_text(encoding="utf-8") == "earlier\n"
    assert leftovers(tmp_path) == []

    code, _, _ = run(str(news), "--output", str(target), "--db", str(tmp_path / "missing.db"))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "earlier\n"
    assert leftovers(tmp_path) == []


# -- Ctrl-C -------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["jobs-1", "jobs-2"])
def test_ctrl_c_stops_and_keeps_what_was_done(
    tmp_path: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):
        text = GOOD + f"Filed by desk {'abcdefghijkl'[i]}.\n"  # twelve articles, not one
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    main, real = os.getpid(), factcheck.check.check_article

    def interrupted(article: Any, store: Any) -> Report:
        if article.source.endswith("a00.txt"):
            os.kill(main, signal.SIGINT)  # as if Ctrl-C were pressed while it is checked
        else:
            time.sleep(0.05)
        return real(article, store)

    monkeypatch.setattr(factcheck.check, "check_article", interrupted)
    target = tmp_path / "reports.jsonl"
    args = (str(folder), "--format", "jsonl", "--output", str(target), "--jobs", jobs)
    code, _, err = run(*args, "--db", str(store_path))
    assert code == 130
    done = reports(target.read_text(encoding="utf-8"))
    assert 1 <= len(done) < 12
    assert err.startswith(f"interrupted: {12 - len(done)} of 12 files not checked\n")
    assert leftovers(tmp_path) == []
    # what was done is in the cache: the next run checks only the rest
    code, _, err = run(*args, "--db", str(store_path))
    assert code == 0
    assert f"({len(done)} from the cache)" in err


def test_progress_goes_to_the_terminal_only(news: Path, store_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    with batch.progress_bar(3, shown) as progress:
        assert progress is not None
        result = batch.run_batch(
            find_articles([news]), io.BytesIO(), db=store_path, progress=progress
        )
    assert result.articles == 3 and shown.getvalue()
    with batch.progress_bar(3, io.StringIO()) as progress:
        assert progress is None
    assert batch.render_summary(result).count("\n") == 6


def test_a_dying_worker_fails_its_files_and_the_batch_ends(
    tmp_path: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(8):
        (folder / f"a{i}.txt").write_text(GOOD + f"Desk {'abcdefgh'[i]}.\n", encoding="utf-8")
    real = factcheck.check.check_article

    def dying(article: Any, store: Any) -> Report:
        if article.source.endswith("a3.txt"):
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(article, store)

    monkeypatch.setattr(factcheck.check, "check_article", dying)
    code, out, err = run(str(folder), "--format", "jsonl", "--jobs", "2", "--db", str(store_path))
    failed = [line for line in err.splitlines() if "a worker process died" in line]
    assert f"  {folder / 'a3.txt'}: not checked: a worker process died" in err
    assert len(reports(out)) + len(failed) == 8
    assert code == (0 if reports(out) else 2)


def test_the_summary_names_fifty_files_with_mismatches() -> None:
    result = batch.BatchResult(files=60, articles=60, claims=120, mismatches=60, seconds=1.04)
    result.mismatched = [(f"a{i:02d}.md", 1) for i in range(60)]
    lines = batch.render_summary(result).splitlines()
    assert (
        lines[0] == "60 articles checked in 1.0 s: 120 claims, 60 mismatches in 60 files, 0 failed"
    )
    assert lines[1:3] == ["files with mismatches:", "  a00.md: 1"]
    assert lines[-2:] == ["  a49.md: 1", "  ... and 10 more (in the reports)"]
