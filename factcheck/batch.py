"""BATCH: check every article under some folders, in worker processes, skipping what is known.

    find_articles(paths, globs)        -> the files to check, sorted (recursive)
    run_batch(files, sink, ...)        -> BatchResult; each report goes to `sink` as it finishes

Reports are kept in `cache.ReportCache` under a key made of the file's bytes, its format, the
store's data version and factcheck's code, so a daily run over an archive checks only what is
new, and everything again when the store or factcheck changes. Only the main process reads and
writes the cache; workers never see it.

Workers are processes (fork on Linux, spawn elsewhere), each opening the store once, read-only.
With one job, or one article to check, the work runs in this process. A file that cannot be read
or decoded is a failed `Outcome`, never an exception: the batch goes on.

Ctrl-C (SIGINT) stops the batch cleanly: the articles in progress finish, nothing new starts, and
`run_batch` returns what was done with `interrupted` set. A second Ctrl-C stops at once.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from types import FrameType
from typing import IO, Any, Literal, NamedTuple

from .cache import ReportCache, cache_key, cache_path
from .errors import FactcheckError, InputError

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_SUFFIXES",
    "BatchResult",
    "Outcome",
    "atomic_output",
    "csv_rows",
    "default_jobs",
    "find_articles",
    "progress_bar",
    "render_summary",
    "run_batch",
]

BatchFormat = Literal["text", "jsonl", "csv"]

#: What a folder is searched for when no --glob is given.
DEFAULT_SUFFIXES = (".txt", ".md", ".html")
#: One row per claim; the report's fields, flattened. Only grows, like the report.
CSV_COLUMNS = (
    "source", "published", "language", "claim", "start", "end", "quote", "kind", "metric",
    "partner", "period", "stated", "unit", "qualifier", "verdict", "expected", "correction",
    "explanation", "repeat_of", "sources",
)  # fmt: skip
DIED = "not checked: a worker process died (out of memory?); try --jobs 1"
#: Files with mismatches named in the summary; the reports name them all.
SUMMARY_FILES = 50
#: Articles per task sent to a worker: enough to amortise the pipe, few enough to share work
#: and to stop soon after Ctrl-C.
MAX_CHUNK = 16


class Outcome(NamedTuple):
    """One file's result: its report as JSON (the contract), or why it failed."""

    source: str
    key: str | None
    report: str | None
    claims: int = 0
    mismatches: int = 0
    error: str | None = None
    cached: bool = False


@dataclass
class BatchResult:
    """What a batch did, for the summary and the exit status."""

    files: int = 0
    articles: int = 0
    cached: int = 0
    claims: int = 0
    mismatches: int = 0
    mismatched: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0


# -- finding the files --------------------------------------------------------------------


def find_articles(paths: Iterable[str | Path], globs: Sequence[str] = ()) -> list[Path]:
    """The files to check under `paths`, sorted, each once; [] if the folders hold none.

    A folder is searched recursively (hidden files and folders left out) for files whose name
    ends in one of DEFAULT_SUFFIXES, or that match one of `globs` (`*.md`, `2025/*.txt`: matched
    against the end of the path). A file named in `paths` is always taken. Raises InputError
    for a path that does not exist.
    """
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    candidate = Path(root, name)
                    if not name.startswith(".") and _wanted(candidate, globs):
                        found.add(candidate)
        elif path.exists():
            found.add(path)
        else:
            raise InputError(
                f"'{path}': no such file or folder. Pass folders or files of articles "
                "(.txt, .md, .html)."
            )
    return sorted(found)


def _wanted(path: Path, globs: Sequence[str]) -> bool:
    if globs:
        return any(PurePath(path).match(pattern) for pattern in globs)
    return path.suffix.lower() in DEFAULT_SUFFIXES


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- checking one file (in a worker, or here) ---------------------------------------------

_worker: dict[str, Any] = {}


def _start_worker(db: Path, data_version: str, ignore_sigint: bool) -> None:
    """Open the store once for this process (read-only) and import the pipeline."""
    from .check import check_article
    from .store import open_store

    if ignore_sigint:  # the main process decides when to stop
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.clear()
    _worker.update(
        store=open_store(db, readonly=True), data_version=data_version, check=check_article
    )


def _stop_worker() -> None:
    store = _worker.pop("store", None)
    if store is not None:
        store.close()


def _check_file(source: str) -> Outcome:
    """Read, check and report on one file; a file that cannot be used is a failed Outcome."""
    from .articles import SUFFIX_FORMATS, article_from_text, decode

    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as error:
        return Outcome(source, None, None, error=f"cannot read it: {error.strerror or error}")
    key = cache_key(data, path.suffix, _worker["data_version"])
    try:
        # read_article, from the bytes already read (they key the cache)
        text = decode(data, source)
        fmt = SUFFIX_FORMATS.get(path.suffix.lower(), "txt")
        article = article_from_text(text, source=source, fmt=fmt)
        report = _worker["check"](article, _worker["store"])
    except FactcheckError as error:
        return Outcome(source, None, None, error=str(error))
    except Exception as error:  # a bug on one article must not lose the other 9,999
        return Outcome(source, None, None, error=f"internal error: {type(error).__name__}: {error}")
    summary = report.summary
    claims = summary.supported + summary.mismatch + summary.unverifiable + summary.ambiguous
    return Outcome(source, key, report.model_dump_json(), claims, summary.mismatch)


# -- the run ------------------------------------------------------------------------------


class _Stop:
    """SIGINT while a batch runs: the first asks it to stop, the second interrupts at once."""

    def __init__(self) -> None:
        self.requested = False
        self.previous: Any = None

    def __enter__(self) -> _Stop:
        try:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: Ctrl-C stays as it was
            self.previous = None
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def run_batch(
    files: Sequence[Path],
    sink: IO[bytes],
    *,
    fmt: BatchFormat = "jsonl",
    db: Path | None = None,
    jobs: int = 1,
    use_cache: bool = True,
    progress: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Check `files`, writing each report to `sink` in `fmt` as it finishes (UTF-8).

    Reports come in the order they finish, not the order of `files`. `jobs` worker processes
    check the articles the cache does not hold. Raises StoreError if the store cannot be
    opened; a file that cannot be read, decoded or checked is listed in `failed` instead.
    """
    from .store import open_store

    started = time.perf_counter()
    with open_store(db, readonly=db is not None) as store:
        store_path, data_version = store.path, store.data_version
    result = BatchResult(files=len(files))
    write = _writer(fmt, sink)
    report_cache = _open_cache() if use_cache else None

    def take(outcome: Outcome) -> None:
        if outcome.report is None:
            result.failed.append((outcome.source, outcome.error or "no report"))
        else:
            write(outcome.report)
            result.articles += 1
            result.cached += outcome.cached
            result.claims += outcome.claims
            result.mismatches += outcome.mismatches
            if outcome.mismatches:
                result.mismatched.append((outcome.source, outcome.mismatches))
            if report_cache is not None and outcome.key is not None and not outcome.cached:
                report_cache.put(
                    outcome.key, outcome.source, outcome.report, outcome.claims, outcome.mismatches
                )
        if progress is not None:
            progress(outcome)

    try:
        with _Stop() as stop:
            try:
                todo: list[str] = []
                for path in files:
                    if stop.requested:
                        break
                    hit = _cached(report_cache, path, data_version)
                    if isinstance(hit, Outcome):
                        take(hit)
                    else:
                        todo.append(str(path))
                if todo and not stop.requested:
                    checked = _check_all(todo, store_path, data_version, jobs, stop)
                    with closing(checked):  # stops the workers whatever happens here
                        for outcome in checked:
                            take(outcome)
            except KeyboardInterrupt:
                stop.requested = True
            finished = result.articles + len(result.failed)
            result.interrupted = stop.requested and finished < len(files)
    finally:
        if report_cache is not None:
            report_cache.close()
        sink.flush()
    result.mismatched.sort()
    result.failed.sort()
    result.seconds = time.perf_counter() - started
    return result


def _open_cache() -> ReportCache | None:
    try:
        return ReportCache(cache_path())
    except (OSError, sqlite3.Error):  # no writable cache directory: check everything
        return None


def _cached(report_cache: ReportCache | None, path: Path, data_version: str) -> Outcome | None:
    """The cached outcome for the file at `path`; None if none (or if it cannot be read: the
    worker says why)."""
    if report_cache is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    key = cache_key(data, path.suffix, data_version)
    found = report_cache.get(key, str(path))
    return None if found is None else Outcome(str(path), key, *found, cached=True)


def _check_all(
    todo: list[str], db: Path, data_version: str, jobs: int, stop: _Stop
) -> Generator[Outcome, None, None]:
    """Each file's outcome, as they finish; stops early when `stop` is requested."""
    if jobs <= 1 or len(todo) == 1:
        _start_worker(db, data_version, ignore_sigint=False)
        try:
            for source in todo:
                yield _check_file(source)
                if stop.requested:
                    return
        finally:
            _stop_worker()
        return
    yield from _check_in_workers(todo, db, data_version, jobs, stop)


def _check_chunk(sources: list[str]) -> list[Outcome]:
    return [_check_file(source) for source in sources]


def _check_in_workers(
    todo: list[str], db: Path, data_version: str, jobs: int, stop: _Stop
) -> Generator[Outcome, None, None]:
    """`_check_all` in `jobs` processes: chunks of files, a few in flight per worker.

    A worker that dies (killed for memory, a crash in C) fails its chunk and the files not yet
    checked, with the reason, rather than hanging the batch.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # fork shares the imported pipeline; macOS and Windows need spawn
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    workers = min(jobs, len(todo))
    size = max(1, min(MAX_CHUNK, len(todo) // (workers * 8)))
    chunks = iter([todo[i : i + size] for i in range(0, len(todo), size)])
    executor = ProcessPoolExecutor(workers, context, _start_worker, (db, data_version, True))
    running: dict[Future[list[Outcome]], list[str]] = {}
    try:
        while True:
            while not stop.requested and len(running) < 2 * workers:
                if (chunk := next(chunks, None)) is None:
                    break
                try:
                    running[executor.submit(_check_chunk, chunk)] = chunk
                except BrokenProcessPool:  # a worker died before its result was read
                    yield from _after_a_death(chunk, running, chunks)
                    return
            if not running:
                return
            if stop.requested:  # keep what the workers are doing, start nothing more
                running = {f: c for f, c in running.items() if not f.cancel()}
                done, _ = wait(running)
            else:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                sources = running.pop(future)
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    yield from _after_a_death(sources, running, chunks)
                    return
                yield from outcomes
    finally:
        # the chunks in progress finish (workers ignore Ctrl-C); the others are dropped
        executor.shutdown(wait=not stop.requested, cancel_futures=True)


def _after_a_death(
    sources: list[str],
    running: dict[Future[list[Outcome]], list[str]],
    chunks: Iterator[list[str]],
) -> Iterator[Outcome]:
    """When a worker died: the chunks that finished before, then every other file, failed."""
    lost = list(sources)
    for future, chunk in running.items():
        if future.done() and not future.cancelled() and future.exception() is None:
            yield from future.result()
        else:
            lost += chunk
    lost += [source for chunk in chunks for source in chunk]
    yield from (Outcome(source, None, None, error=DIED) for source in lost)


# -- output -------------------------------------------------------------------------------


def _writer(fmt: BatchFormat, sink: IO[bytes]) -> Callable[[str], None]:
    """A function writing one report (as JSON) to `sink` in `fmt`; CSV starts with its header."""
    if fmt == "jsonl":

        def write_jsonl(report: str) -> None:
            sink.write(report.encode() + b"\n")

        return write_jsonl
    if fmt == "csv":
        sink.write(_csv_line(CSV_COLUMNS))

        def write_csv(report: str) -> None:
            sink.write(b"".join(_csv_line(row) for row in csv_rows(report)))

        return write_csv

    def write_text(report: str) -> None:
        from .models import Report
        from .report import render_report

        rendered = render_report(Report.model_validate_json(report), "text")
        sink.write(rendered.encode() + b"\n")

    return write_text


def _csv_line(row: Sequence[object]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue().encode()


def csv_rows(report: str) -> list[list[object]]:
    """One row per claim of a report (JSON), in CSV_COLUMNS order; [] if it has no claims."""
    import json

    payload = json.loads(report)
    rows = []
    for claim in payload["claims"]:
        sources = " ".join(dict.fromkeys(e["source_url"] for e in claim["evidence"]))
        head = [payload["source"], payload["published"], payload["language"], claim["id"]]
        rows.append(
            [
                "" if value is None else value
                for value in head + [claim.get(c) for c in CSV_COLUMNS[4:-1]] + [sources]
            ]
        )
    return rows


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that appears at `path` whole, when the block ends without an exception.

    It is written beside `path` and renamed into place; on an exception it is deleted and any
    earlier file at `path` is left as it was.
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"cannot write '{path}': no folder '{directory}'. Create it first.")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- the summary --------------------------------------------------------------------------


def render_summary(result: BatchResult) -> str:
    """The end-of-run summary for stderr, ending in a newline."""
    cached = f" ({result.cached} from the cache)" if result.cached else ""
    files = len(result.mismatched)
    lines = [
        f"{result.articles} articles checked in {result.seconds:.1f} s{cached}: "
        f"{result.claims} claims, {result.mismatches} "
        f"{'mismatch' if result.mismatches == 1 else 'mismatches'} in {files} "
        f"{'file' if files == 1 else 'files'}, {len(result.failed)} failed"
    ]
    if result.interrupted:
        left = result.files - result.articles - len(result.failed)
        lines.insert(0, f"interrupted: {left} of {result.files} files not checked")
    if result.mismatched:
        lines.append("files with mismatches:")
        shown = result.mismatched[:SUMMARY_FILES]
        lines += [f"  {source}: {count}" for source, count in shown]
        if len(result.mismatched) > len(shown):
            lines.append(f"  ... and {len(result.mismatched) - len(shown)} more (in the reports)")
    if result.failed:
        lines.append("files that failed:")
        lines += [f"  {source}: {error}" for source, error in result.failed]
    return "\n".join(lines) + "\n"


# -- progress -----------------------------------------------------------------------------


@contextmanager
def progress_bar(total: int, stream: IO[str] | None) -> Iterator[Callable[[Outcome], None] | None]:
    """A progress display on `stream` (a terminal): rich's bar if installed, else a counter.

    Yields None when `stream` is None or not a terminal: logs get the summary only.
    """
    if stream is None or not stream.isatty() or total < 2:
        yield None
        return
    try:
        import importlib

        # rich is optional, not a dependency: imported by name, and only for a terminal
        rich_progress = importlib.import_module("rich.progress")
        rich_console = importlib.import_module("rich.console")
    except ImportError:
        done = 0

        def count(outcome: Outcome) -> None:
            nonlocal done
            done += 1
            if done % 10 == 0 or done == total:
                stream.write(f"\r{done}/{total} files")
                stream.flush()

        try:
            yield count
        finally:
            stream.write("\r\033[K")
            stream.flush()
        return
    # No refresh thread (auto_refresh off): worker processes are forked while the bar shows.
    bar = rich_progress.Progress(
        *rich_progress.Progress.get_default_columns(),
        rich_progress.MofNCompleteColumn(),
        console=rich_console.Console(file=stream),
        transient=True,
        auto_refresh=False,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task = bar.add_task("checking", total=total)
    shown = 0.0

    def advance(outcome: Outcome) -> None:
        nonlocal shown
        bar.advance(task)
        if time.monotonic() - shown > 0.1:
            shown = time.monotonic()
            bar.refresh()

    with bar:
        yield advance
