"""The report cache of `factcheck batch`: reports kept by what they depend on.

    cache_key(data, suffix, data_version)   -> the key of a report on a file
    ReportCache(cache_path())               -> get(key, source) / put(key, source, report, ...)

A key is a hash of the file's bytes, its format (the suffix), the store's `data_version` and
`code_version()`, a hash of factcheck's modules and vocabulary: a report is found again only
when nothing it depends on has changed, so nothing needs invalidating. Entries unused for
CACHE_DAYS are dropped. The file is SQLite, in the user's cache directory
($XDG_CACHE_HOME/factcheck/batch-v1.db, default ~/.cache); being a cache, a damaged one is
replaced, not reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zlib
from functools import cache
from pathlib import Path
from typing import NamedTuple

__all__ = ["Cached", "ReportCache", "cache_key", "cache_path", "code_version"]

#: Entries not used for this long are dropped at the end of a run.
CACHE_DAYS = 90
#: Reports written between commits: a crash loses at most these (Ctrl-C loses none).
COMMIT_EVERY = 200


class Cached(NamedTuple):
    """A kept report (JSON, the contract) with its counts."""

    report: str
    claims: int
    mismatches: int


def cache_path() -> Path:
    """The batch cache file: $XDG_CACHE_HOME/factcheck/batch-v1.db (default ~/.cache)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factcheck" / "batch-v1.db"


@cache
def code_version() -> str:
    """A short hash of factcheck's code and vocabulary: a report made by other code is stale.

    It covers the package's modules and the reference CSVs (the words every stage reads), so a
    development checkout re-checks after an edit without a version bump.
    """
    from .reference import reference_dir

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent  # the package's modules
    for path in sorted(here.glob("*.py")) + sorted(reference_dir().glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(data: bytes, suffix: str, data_version: str) -> str:
    """The key of a report on a file: its bytes, format, the store's data and the code."""
    digest = hashlib.sha256()
    for part in (code_version(), data_version, suffix.lower()):
        digest.update(part.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


class ReportCache:
    """Reports by cache key, in SQLite. Only the main process opens it."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, timeout=30)
        try:
            self._create()
        except sqlite3.DatabaseError:
            # A cache is disposable: a damaged one is replaced rather than reported.
            self.conn.close()
            path.unlink(missing_ok=True)
            self.conn = sqlite3.connect(path, timeout=30)
            self._create()
        self.pending = 0
        self.used: list[str] = []

    def _create(self) -> None:
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, source TEXT NOT NULL, "
            "report BLOB NOT NULL, claims INTEGER NOT NULL, mismatches INTEGER NOT NULL, "
            "used REAL NOT NULL)"
        )
        self.conn.commit()

    def get(self, key: str, source: str) -> Cached | None:
        """The report kept under `key`, its `source` set to `source`; None if none."""
        row = self.conn.execute(
            "SELECT source, report, claims, mismatches FROM reports WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        report = zlib.decompress(row[1]).decode()
        if row[0] != source:  # the same article under another name
            report = _with_source(report, source)
        self.used.append(key)
        return Cached(report, row[2], row[3])

    def put(self, key: str, source: str, report: str, claims: int, mismatches: int) -> None:
        """Keep `report` (JSON) on `source` under `key`; committed every COMMIT_EVERY."""
        record = (key, source, zlib.compress(report.encode(), 1), claims, mismatches, time.time())
        self.conn.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?)", record)
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.conn.commit()
        self.pending = 0

    def close(self) -> None:
        """Mark the hits as used, drop entries long unused, commit and close."""
        now = time.time()
        self.conn.executemany(
            "UPDATE reports SET used = ? WHERE key = ?", ((now, key) for key in self.used)
        )
        self.conn.execute("DELETE FROM reports WHERE used < ?", (now - CACHE_DAYS * 86400,))
        self.conn.commit()
        self.conn.close()


def _with_source(report: str, source: str) -> str:
    payload = json.loads(report)
    payload["source"] = source
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
