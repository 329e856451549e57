"""Printed precision: the values a figure printed to a given digit can stand for.

Reports round or truncate ("$301.7 million" for 301,744,000), and so do the reference rows
(291,800,000 was printed as "$291.8 million"): a figure is compared as the interval its last
printed digit allows, on both sides of the comparison.
"""

from __future__ import annotations

from decimal import Decimal

from .models import Claim, Figure

__all__ = ["claim_step", "printed_interval", "row_step"]

#: KCS publishes values in thousands of dollars: a row whose last non-zero digit is at most the
#: thousands is exact; one printed rounder ("$291.8 million") stands for a range, at most a
#: million wide ("$60 million" is read as rounded to the million, not to ten million).
KCS_UNIT, ROW_MAX_STEP = 1000, 1_000_000


def printed_interval(value: Decimal, step: Decimal) -> tuple[Decimal, Decimal]:
    """The values a figure printed as `value`, last digit at `step`, can stand for when it was
    rounded or truncated: [value - step/2, value + step], mirrored below zero.

    >>> printed_interval(Decimal("301.7"), Decimal("0.1"))
    (Decimal('301.65'), Decimal('301.8'))
    >>> printed_interval(Decimal("-10.2"), Decimal("0.1"))
    (Decimal('-10.3'), Decimal('-10.15'))
    """
    if value >= 0:
        return value - step / 2, value + step
    return value - step, value + step / 2


def claim_step(claim: Claim) -> Decimal:
    """The claim's printed precision: its `step`, or where that was left 0, the place of the
    last non-zero digit of `stated` (301700000 -> 100000, 3.4 -> 0.1); 0 for a rank.

    >>> claim_step(Claim(id="c", start=0, end=1, quote="x", sentence="x", kind="share",
    ...                  stated=Decimal("48.60"), unit="percent"))
    Decimal('0.1')
    """
    if claim.step > 0 or claim.kind == "rank" or not claim.stated:
        return claim.step
    exponent = int(claim.stated.normalize().as_tuple().exponent)
    return Decimal(1).scaleb(exponent)


def row_step(figure: Figure) -> Decimal:
    """The printed precision of a reference row; 0 when it is exact.

    Percentages keep their printed decimals ("-2.0", "69"); dollar values are exact to KCS's
    thousand-dollar unit unless printed rounder (291,800,000: step 100,000).
    """
    if figure.measure in ("yoy_pct", "share_pct"):
        return Decimal(1).scaleb(int(figure.value.as_tuple().exponent))
    if figure.measure != "value" or not figure.value:
        return Decimal(0)
    whole, step = abs(int(figure.value)), 1
    while whole % (step * 10) == 0:
        step *= 10
    return Decimal(min(step, ROW_MAX_STEP)) if step > KCS_UNIT else Decimal(0)
