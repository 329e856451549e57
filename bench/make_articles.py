"""Generate benchmark articles (about 3 KB each) from the project's own examples.

    python bench/make_articles.py [--count 10000] [--out DIR] [--seed N]

Each article is built from one of examples/*.md: its date, headline and paragraphs (real
figures, as the examples print them), varied the way wire copy varies: the paragraphs after the
lead in another order, "percent" or "%", an occasional slipped digit (a mismatch to find),
and paragraphs without figures from the other examples to bring it to about 3 KB. Formats mix as
a desk's folder would: 80% Markdown with front matter, 10% text with a dateline, 5% text with no
date (placed in time by its figures), 5% HTML. Files go 1,000 to a subfolder.

The articles go to the cache ($XDG_CACHE_HOME/factcheck-bench/, default ~/.cache), never to the
repository, and are reused while the examples, count and seed are the same. Prints the folder.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TARGET_BYTES = 3000
PER_FOLDER = 1000
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec.")  # fmt: skip


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    published: date
    url: str
    paragraphs: tuple[str, ...]


def read_examples(directory: Path = EXAMPLES) -> list[Source]:
    """The examples' front matter and paragraphs, in name order."""
    sources = []
    for path in sorted(directory.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        fields = dict(
            (key.strip(), value.strip().strip('"'))
            for key, _, value in (line.partition(":") for line in front.splitlines())
        )
        paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
        sources.append(
            Source(
                path.stem,
                fields["title"],
                date.fromisoformat(fields["date"]),
                fields["url"],
                paragraphs,
            )
        )
    return sources


_NUMBER = re.compile(r"\d+\.\d+|\d+")


def _vary(paragraph: str, rng: random.Random) -> str:
    """The paragraph as another desk would print it, now and then with a slipped digit."""
    if rng.random() < 0.5:
        paragraph = re.sub(r"(\d) percent\b", r"\1%", paragraph)
    if rng.random() < 0.08:
        numbers = list(_NUMBER.finditer(paragraph))
        if numbers:
            hit = rng.choice(numbers)
            digits = list(hit.group())
            spots = [i for i, c in enumerate(digits) if c.isdigit()]
            i = spots[-1]
            digits[i] = str((int(digits[i]) + rng.choice((1, 2, 7))) % 10)
            paragraph = paragraph[: hit.start()] + "".join(digits) + paragraph[hit.end() :]
    return paragraph


def make_article(i: int, sources: list[Source], seed: int) -> tuple[str, str]:
    """(file suffix, content) of article number `i`."""
    rng = random.Random(f"{seed}-{i}")
    base = sources[i % len(sources)]
    prose = [p for s in sources if s is not base for p in s.paragraphs if not re.search(r"\d", p)]
    lead, *rest = (_vary(p, rng) for p in base.paragraphs)
    rng.shuffle(rest)
    body = [lead, *rest]
    size = sum(len(p) + 2 for p in body)
    pool: list[str] = []
    while size < TARGET_BYTES - 200:
        if not pool:  # each paragraph once before any comes back
            pool = rng.sample(prose, len(prose))
        extra = pool.pop()
        body.insert(rng.randrange(1, len(body) + 1), extra)
        size += len(extra) + 2
    kind = rng.random()
    day = base.published
    if kind < 0.80:
        front = f'---\ntitle: "{base.title}"\ndate: {day.isoformat()}\nurl: {base.url}\n---\n\n'
        return ".md", front + "\n\n".join(body) + "\n"
    if kind < 0.90:
        dateline = f"SEOUL, {MONTHS[day.month - 1]} {day.day}, {day.year} — "
        return ".txt", base.title + "\n\n" + dateline + "\n\n".join(body) + "\n"
    if kind < 0.95:
        return ".txt", base.title + "\n\n" + "\n\n".join(body) + "\n"
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    page = (
        f"<!doctype html>\n<html><head><title>{html.escape(base.title)}</title>\n"
        f'<meta property="article:published_time" content="{day.isoformat()}">\n</head>\n'
        f"<body><nav><a href='/'>Home</a> | <a href='/business'>Business</a></nav>\n"
        f"<article><h1>{html.escape(base.title)}</h1>\n{paragraphs}\n</article>\n"
        f"<footer>Copyright example.org</footer></body></html>\n"
    )
    return ".html", page


def bench_cache() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factcheck-bench"


def default_folder(count: int, seed: int) -> Path:
    """One folder per count, seed, examples and version of this script."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(EXAMPLES.glob("*.md")):
        digest.update(path.read_bytes())
    return bench_cache() / f"articles-{count}-{seed}-{digest.hexdigest()[:12]}"


def write_articles(folder: Path, count: int, seed: int) -> Path:
    """Write `count` articles under `folder` (built beside it, then renamed); returns it."""
    sources = read_examples()
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    for i in range(count):
        suffix, content = make_article(i, sources, seed)
        sub = partial / f"{i // PER_FOLDER:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article-{i:05d}{suffix}").write_text(content, encoding="utf-8")
    os.replace(partial, folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="default: in the cache")
    args = parser.parse_args()
    folder = args.out or default_folder(args.count, args.seed)
    if not folder.exists():
        write_articles(folder, args.count, args.seed)
        print(f"wrote {args.count} articles under {folder}", file=sys.stderr)
    print(folder)


if __name__ == "__main__":
    main()
