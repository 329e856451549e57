"""The structure inside a sentence: clauses, brackets, and figures paired with names.

    clause_span(text, at, end)     the clause holding text[at:end] (commas, "which", "but" ...)
    paired_item(text, at, end, figures, items)   "A and B ... X and Y, respectively"

Used by `resolve` to keep a figure's partner and period within its own clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Item = TypeVar("Item", bound=_Spanned)

#: Where a clause ends: punctuation, and conjunctions that start another statement.
CLAUSE_BREAK = re.compile(
    r"""[;:()\[\]—–]|,\s                      # punctuation
      |\s(?:but|while|whereas|though|although|which|who|when)\s
      |\sand\s(?=(?:further|then|later|also|again|\w+ed)\b)  # "... and further decreased"
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Causes and circumstances: their partners are not the figure's ("fell due to the growth of
#: the Chinese market"), but their dates may be its.
CAUSE_BREAK = re.compile(
    r"\s(?:because|amid|due\sto|driven\sby|thanks\sto|as(?!\s(?:well|the|a|an|of|much|many)\b))\s",
    re.IGNORECASE,
)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
BRACKETED = re.compile(r"\s*\([^()]*\)")


def clause_span(text: str, at: int, end: int, causes: bool = False) -> tuple[int, int]:
    """The span of the clause holding text[at:end]: between commas, semicolons, brackets and
    conjunctions; with `causes`, also cut off "due to ..." and "as ..." parts."""
    start, stop = 0, len(text)
    for brk_start, brk_end in _breaks(text, causes):
        if brk_end <= at:
            start = max(start, brk_end)
        elif brk_start >= end:
            stop = brk_start
            break
    return start, stop


@lru_cache(maxsize=4096)  # every figure of a sentence asks for its clause, several times
def _breaks(text: str, causes: bool) -> tuple[tuple[int, int], ...]:
    patterns = (CLAUSE_BREAK, CAUSE_BREAK) if causes else (CLAUSE_BREAK,)
    return tuple(sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text)))


def paired_item(
    text: str, at: int, end: int, spans: Sequence[tuple[int, int]], items: Sequence[Item]
) -> Item | None:
    """With "A and B ... X and Y, respectively", or two pairs joined by "and" ("Hong Kong and
    Germany in ninth and tenth"): the item (period or partner) paired with the figure at `at`,
    or None when the clause does not pair them one to one."""
    clause_start, clause_end = clause_span(text, at, end)
    word = RESPECTIVELY.search(text, end)
    if word is not None and not CLAUSE_BREAK.search(text, end, word.start() - 2):
        figures = [s for s, _ in spans if clause_start <= s < word.start()]
        named = [i for i in items if clause_start <= i.start < word.start()]
    else:
        figures = _joined([(s, e) for s, e in spans if clause_start <= s < clause_end], text)
        named = [i for i in items if clause_start <= i.start < clause_end]
        pairs = _joined([(i.start, i.end) for i in named], text)
        named = [i for i in named if i.start in pairs] if len(pairs) == 2 else []
    if len(figures) != len(named) or len(figures) < 2 or at not in figures:
        return None
    return named[figures.index(at)]


def pairing_words(text: str, end: int) -> str:
    return "by 'respectively'" if RESPECTIVELY.search(text, end) else "in order ('A and B')"


def _joined(spans: Sequence[tuple[int, int]], text: str) -> list[int]:
    """The starts of two spans joined by a bare "and" ("ninth and tenth"), else []."""
    for (s1, e1), (s2, _) in pairwise(spans):
        if re.fullmatch(r"\s+and\s+", text[e1:s2]):
            return [s1, s2]
    return []


def in_brackets(text: str, end: int, at: int) -> bool:
    """Whether position `at` lies inside a bracket that opens right after `end`."""
    opening = re.match(r"\s*\(", text[end:])
    return opening is not None and ")" not in text[end + opening.end() : at]
