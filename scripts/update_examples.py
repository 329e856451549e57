"""Regenerate the expected reports of the examples: examples/NAME.expected.json.

    python scripts/update_examples.py                  # every example
    python scripts/update_examples.py errors-wrong-year.md 2024-annual-broadcast.md
    python scripts/update_examples.py --check          # write nothing; exit 1 if any is stale

Run it when factcheck's behaviour changes on purpose, then read the diff of every expected file
before committing it: tests/test_examples.py takes these files as the truth. A report is what
`factcheck examples/NAME --format json` prints, made in-process against a store built afresh
from the packaged reference CSVs (never a cached store or $FACTCHECK_DB), with `source` written
as examples/NAME whatever the current directory. Each file is written beside its target and
renamed into place, so an interrupted run leaves every expected file whole.

Articles in examples/pending/ are left alone: they get an expected report only once the tool
judges them right (examples/pending/README.md says what is wrong with each).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from factcheck.articles import read_article
from factcheck.check import check_article
from factcheck.report import render_report
from factcheck.store import build_store, open_store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: What counts as an article in examples/ (the formats `factcheck` reads from a file).
SUFFIXES = (".md", ".txt", ".html")
EXPECTED = ".expected.json"


def articles() -> list[Path]:
    """The articles in examples/ (not pending/, not a README), sorted by name; [] if none."""
    return sorted(
        p
        for p in EXAMPLES.iterdir()
        if p.is_file() and p.suffix in SUFFIXES and p.stem.upper() != "README"
    )


def expected_path(article: Path) -> Path:
    """examples/NAME.md (or .txt, .html) -> examples/NAME.expected.json."""
    return article.with_name(article.stem + EXPECTED)


def render(article: Path, db: Path) -> str:
    """The JSON report on `article`, exactly as the CLI prints it, with `source` relative to
    the repository."""
    read = read_article(article)
    read = read.model_copy(update={"source": article.relative_to(ROOT).as_posix()})
    with open_store(db, readonly=True) as store:
        return render_report(check_article(read, store), "json")


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same directory."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _selected(names: Sequence[str]) -> list[Path]:
    every = articles()
    if not names:
        return every
    by_name = {p.name: p for p in every}
    unknown = [n for n in names if Path(n).name not in by_name]
    if unknown:
        known = ", ".join(by_name) or "none"
        sys.exit(f"update_examples: no example named {', '.join(unknown)} in {EXAMPLES} "
                 f"(examples: {known}). Pending articles have no expected report.")  # fmt: skip
    return [by_name[Path(n).name] for n in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("names", nargs="*", help="example file names (default: all)")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a report is stale"
    )
    options = parser.parse_args(argv)
    selected = _selected(options.names)
    stems = [p.stem for p in articles()]
    if len(stems) != len(set(stems)):
        twice = sorted({s for s in stems if stems.count(s) > 1})
        sys.exit(f"update_examples: {', '.join(twice)} exists with two suffixes in {EXAMPLES}; "
                 "rename one: both would share one expected report.")  # fmt: skip
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(Path(tmp) / "reference.db")
        for article in selected:
            target = expected_path(article)
            text = render(article, db)
            if target.exists() and target.read_text(encoding="utf-8") == text:
                continue
            stale.append(target)
            if not options.check:
                write_atomically(target, text)
    for target in stale:
        print(f"{'stale' if options.check else 'wrote'} {target.relative_to(ROOT)}")
    wanted = {expected_path(p) for p in articles()}
    for orphan in sorted(set(EXAMPLES.glob("*" + EXPECTED)) - wanted):
        print(f"orphan {orphan.relative_to(ROOT)}: its article is gone; delete it")
    return 1 if options.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
