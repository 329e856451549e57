"""Write a SYNTHETIC reference store of 1,000,000 figures, for benchmarks only.

    python bench/make_synthetic_store.py [--figures 1000000] [--out PATH]

It is the real store (`build_store`, from reference/) plus generated monthly figures for every
partner x month (2015-01 to 2025-12) x as many made-up HS codes as it takes: metrics named
`synthetic_hs_NNNN`, values drawn from a seeded random generator, source
`synthetic://factcheck-bench`, note "synthetic: not a statistic". The store's meta table says
`synthetic` too. The real album figures are untouched, so articles are judged as before; the
store is just a thousand times bigger, as a data desk's would be after importing many HS codes.

The file goes to the cache ($XDG_CACHE_HOME/factcheck-bench/, default ~/.cache), never to
reference/ nor the repository, and is reused while its parameters and the reference data are the
same. Prints the path on stdout.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from factcheck.models import Period
from factcheck.reference import fingerprint, reference_dir
from factcheck.store import SPEED_INDEXES, build_store, fingerprint_text

FIRST_YEAR, LAST_YEAR = 2015, 2025
SOURCE = "synthetic://factcheck-bench"
NOTE = "synthetic: not a statistic"
SEED = 20260116
#: Made-up HS codes start here (chapter 99 is not used for goods).
HS_BASE = 9999000000


def bench_cache() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factcheck-bench"


def default_path(figures: int) -> Path:
    """One file per size, reference data, and version of this script and the store's indexes."""
    made_by = Path(__file__).read_text(encoding="utf-8") + str(SPEED_INDEXES)
    version = fingerprint_text(fingerprint(reference_dir()) + made_by)
    return bench_cache() / f"synthetic-{figures}-{version}.db"


def _rows(partners: list[str], count: int) -> Iterator[tuple[object, ...]]:
    """`count` synthetic figures: every partner x month for HS code after HS code."""
    rng = random.Random(SEED)
    months = [(y, m) for y in range(FIRST_YEAR, LAST_YEAR + 1) for m in range(1, 13)]
    made, code = 0, 0
    while made < count:
        metric = f"synthetic_hs_{code:04d}"
        for year, month in months:
            period = Period.month(year, month)
            released = f"{year + (month == 12)}-{month % 12 + 1:02d}-15"
            for partner in partners:
                if made == count:
                    return
                value = rng.randrange(1_000, 50_000_000)
                yield (
                    metric, partner, f"{year}-{month:02d}", "value", str(value), "USD",
                    "preliminary", released, SOURCE, NOTE, period.first, period.last,
                )  # fmt: skip
                made += 1
        code += 1


def make_store(path: Path, figures: int) -> Path:
    """Build the synthetic store at `path` (atomically) and return it."""
    tmp = path.with_name(path.name + ".partial")
    build_store(tmp)
    conn = sqlite3.connect(tmp)
    try:
        partners = [row[0] for row in conn.execute("SELECT code FROM partners ORDER BY code")]
        per_code = len(partners) * 12 * (LAST_YEAR - FIRST_YEAR + 1)
        codes = -(-figures // per_code)
        with conn:
            conn.executemany(
                "INSERT INTO metrics (id, name, definition, hs_code, unit) VALUES (?, ?, ?, ?, ?)",
                (
                    (
                        f"synthetic_hs_{i:04d}",
                        f"synthetic item {i}",
                        "SYNTHETIC benchmark data, not a statistic",
                        str(HS_BASE + i),
                        "USD",
                    )
                    for i in range(codes)
                ),
            )
            conn.executemany(
                "INSERT INTO figures (metric, partner, period, measure, value, unit, vintage, "
                "released, source_url, note, first_month, last_month) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _rows(partners, figures),
            )
            version = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    ("synthetic", f"{figures} generated figures (seed {SEED}): not statistics"),
                    ("data_version", fingerprint_text(f"{version[0]} synthetic {figures} {SEED}")),
                ],
            )
        conn.execute("ANALYZE")
    finally:
        conn.close()
    os.replace(tmp, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=None, help="default: in the cache")
    args = parser.parse_args()
    path = args.out or default_path(args.figures)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        make_store(path, args.figures)
        print(f"wrote {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print(path)


if __name__ == "__main__":
    main()
