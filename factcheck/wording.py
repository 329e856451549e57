"""How explanations write numbers, partners and periods: '$301,744,000', '168.5 billion won',
'+3.41%', '2nd', 'Japan, China and the United States', 'the first half of 2023'.

Partner names come from `reference/aliases-en.csv` (the rows of form `name`).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from .models import Period
from .reference import vocabulary

__all__ = ["ordinal", "partner_names", "percent", "period_words", "usd", "won"]


def usd(value: Decimal) -> str:
    """'$301,744,000'."""
    return f"${value:,.0f}"


def won(value: Decimal) -> str:
    """'168.5 billion won' (four significant digits)."""
    scale, word = (10**12, "trillion") if abs(value) >= 10**12 else (10**9, "billion")
    if abs(value) < 10**9:
        scale, word = 10**6, "million"
    number = value / scale
    decimals = max(0, 3 - number.adjusted()) if number else 0
    return f"{number:,.{decimals}f} {word} won"


def percent(value: Decimal, signed: bool = True, decimals: int = 2) -> str:
    """'+3.41%' (or '48.60%' unsigned)."""
    return f"{value:{'+' if signed else ''}.{decimals}f}%"


def ordinal(n: int) -> str:
    """'1st', '2nd', '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def period_words(period: Period) -> str:
    """'2023 full-year', 'the first half of 2023': how a reason names a period."""
    return f"{period.start_year} full-year" if period.kind == "year" else period.describe()


@lru_cache(maxsize=1)
def _partner_names() -> dict[str, str]:
    """Partner code -> the name explanations use ('the Netherlands'), from aliases-en.csv."""
    names: dict[str, str] = {}
    for row in vocabulary("aliases-en.csv", ("partner", "alias", "form")):
        if row["form"] == "name":
            first = names.setdefault(row["partner"], row["alias"])
            if row["alias"] == f"the {first}":
                names[row["partner"]] = row["alias"]
    return names


def partner_names(partner: str) -> str:
    """'Japan'; 'Japan, China and the United States' for 'JP+CN+US'."""
    names = [_partner_names().get(code, code) for code in partner.split("+")]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
