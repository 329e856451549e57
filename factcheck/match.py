"""Match: a resolved claim -> the readings of the reference store it can be compared with.

A `Reading` is one way of comparing a claim with the reference: a published row (a value, a
year-on-year change, a share, a rank), a figure derived from rows (a change or a share computed
from values, a rank from the order of values, a won amount converted from dollars), or the
article's own figures (a growth rate against the two values the article prints). Each reading
gives the expected value in the claim's unit as an interval `low..high`, because the reference
rows carry printed precision too (291,800,000 was printed as "$291.8 million"; "36%" as a
share) and a conversion depends on the day's rate. `verdict.judge` decides; nothing here does.

    match_reference(claim, store, published=..., claims=...)  -> Match(readings, reason, ...)

`Match.alternatives` hold readings a slip would produce (the same figure for another year, the
won amount of a dollar figure, a change in share points), so the judge can say what went wrong.

Store queries are memoized per store (`_Lookup`): an article asks for the same world total many
times. The memo is dropped whenever the store's connection has written anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import product
from typing import Any, Literal
from weakref import WeakKeyDictionary

from pydantic import BaseModel, ConfigDict, Field

from .models import Claim, Figure, Measure, Period, Vintage
from .precision import claim_step, printed_interval, row_step
from .rates import to_won
from .store import Store, Total, choose_vintage
from .wording import ordinal, partner_names, percent, period_words, usd

ReadingKind = Literal[
    "value",  # a value (or destination count) row, or the sum of monthly rows
    "official_change",  # a published yoy_pct row
    "computed_change",  # (current / earlier - 1) x 100 from value rows
    "share_row",  # a published share_pct row (summed for a combined share)
    "computed_share",  # partner value(s) / world value x 100
    "share_points",  # share in the period minus share in the base period
    "relative_change",  # share in the period / share in the base period, as a percent change
    "rank_row",  # a published rank row
    "value_order",  # a position in the order of the values held
    "krw_conversion",  # a dollar value at the USD/KRW rates of the days it may have been converted
    "article",  # the article's own figures
]

#: Vintage combinations per derived reading; the store holds at most two vintages a figure.
MAX_COMBINATIONS = 16
#: Memoized queries and matches per store before the memo starts afresh (a long-running
#: server sees ever new publication dates).
MEMO_LIMIT = 10_000
#: Words in `Claim.found["period"]` saying that the figure is the base of a comparison.
YEAR_EARLIER = re.compile(
    r"same (?:period|months?|time)|year[- ]earlier|year before|year ago|on-year"
    r"|전년 동기|작년 동기|지난해 같은 기간",
    re.IGNORECASE,
)
#: Relative period words that need a publication date ('"last year" with no publication date').
RELATIVE = re.compile(r"\b(?:last|this|next|previous|past) (?:year|month|quarter|half)\b", re.I)


class Reading(BaseModel):
    """One comparison: the reference value in the claim's unit, and where it comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ReadingKind
    value: Decimal = Field(description="Best single value (what `expected` reports)")
    low: Decimal = Field(description="Lowest value the reference allows (printed precision, rates)")
    high: Decimal
    description: str = Field(description="A clause with the numbers, for explanations")
    period: str = Field(description="Period the reading is about (another one for alternatives)")
    figures: tuple[Figure, ...] = ()
    vintage: Vintage | None = Field(default=None, description="Of its figures, when they agree")
    known: bool = Field(default=True, description="Every figure was out by the publication date")
    official: bool = Field(default=False, description="A published row, not derived")


class Match(BaseModel):
    """What a claim can be compared with; `reason` says why when `readings` is empty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    readings: list[Reading] = Field(default_factory=list)
    reason: str | None = None
    alternatives: list[Reading] = Field(
        default_factory=list, description="Readings a slip would produce, for diagnostics"
    )
    every: bool = Field(
        default=False, description="The claim holds for each reading's period: all must agree"
    )
    published: date | None = None


def _known(figures: Iterable[Figure], published: date | None) -> bool:
    return published is None or all(f.released is None or f.released <= published for f in figures)


# -- memoized store queries ------------------------------------------------------------------


class _Lookup:
    """Store queries, each asked once per store until the store is written to."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.changes = store.conn.total_changes
        self.memo: dict[tuple[Any, ...], Any] = {}

    def __call__(self, query: str, *args: Any) -> Any:
        key = (query, *args)
        if key not in self.memo:
            self.memo[key] = getattr(self.store, query)(*args)
        return self.memo[key]


_LOOKUPS: WeakKeyDictionary[Store, _Lookup] = WeakKeyDictionary()


def _lookup(store: Store) -> _Lookup:
    found = _LOOKUPS.get(store)
    stale = found is not None and len(found.memo) > MEMO_LIMIT
    if found is None or stale or found.changes != store.conn.total_changes:
        found = _LOOKUPS[store] = _Lookup(store)
    return found


# -- reference amounts -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Amount:
    """A value (a row, a sum, a ratio) with the interval printed precision allows, and the
    figures it comes from."""

    value: Decimal
    low: Decimal
    high: Decimal
    figures: tuple[Figure, ...] = ()

    @classmethod
    def of(cls, figures: Sequence[Figure]) -> _Amount:
        value = low = high = Decimal(0)
        for figure in figures:
            a, b = printed_interval(figure.value, row_step(figure))
            value, low, high = value + figure.value, low + a, high + b
        return cls(value, low, high, tuple(figures))

    @classmethod
    def read(cls, r: Reading) -> _Amount:
        return cls(r.value, r.low, r.high, r.figures)

    def ratio(self, b: _Amount, minus: int) -> _Amount:
        """(self / b - minus) x 100: a change (minus=1) or a share (minus=0), with interval."""
        hundred, a = Decimal(100), self
        value, low = (a.value / b.value - minus) * hundred, (a.low / b.high - minus) * hundred
        return _Amount(value, low, (a.high / b.low - minus) * hundred, a.figures + b.figures)


def _pairs(first: Sequence[Any], second: Sequence[Any]) -> list[tuple[Any, Any]]:
    return list(product(first, second))[:MAX_COMBINATIONS]


#: Readings of one published row as it stands (a sum or a ratio of rows is not one).
OFFICIAL = ("value", "official_change", "share_row", "rank_row")
#: The row an alternative reading of another year comes from, per kind of claim.
_ROW_OF: dict[str, tuple[Measure, ReadingKind]] = {
    "value": ("value", "value"),
    "growth": ("yoy_pct", "official_change"),
    "share": ("share_pct", "share_row"),
    "count": ("destinations", "value"),
}


class _Matcher:
    """The readings of one claim, whose metric, partner and period are known."""

    def __init__(
        self, lk: _Lookup, claim: Claim, partner: str, period: Period, published: date | None
    ) -> None:
        self.lk, self.claim, self.partner, self.period = lk, claim, partner, period
        self.metric, self.published = claim.metric or "", published
        self.base = Period.parse(claim.base_period or "") or period.year_earlier()
        name = {m["id"]: m["name"] for m in lk("metrics")}.get(self.metric, self.metric)
        to = "world " if partner == "WORLD" else ""
        self.subject = f"{to}{name}" + ("" if to else f" to {partner_names(partner)}")

    def read(self, kind: ReadingKind, a: _Amount, text: str, at: Period | None = None) -> Reading:
        """A Reading of `a`. model_construct: every field is built here from checked values,
        and validating would cost more than the rest of matching."""
        vintages = {f.vintage for f in a.figures}
        return Reading.model_construct(
            kind=kind,
            value=a.value,
            low=min(a.low, a.high),
            high=max(a.low, a.high),
            description=text,
            period=str(at or self.period),
            figures=a.figures,
            vintage=vintages.pop() if len(vintages) == 1 else None,
            known=_known(a.figures, self.published),
            official=kind in OFFICIAL and len(a.figures) == 1,
        )

    def amounts(self, partner: str, period: Period, measure: Measure = "value") -> list[_Amount]:
        """The value (or share, ...) in every vintage held, else the sum of the monthly values
        known then and now; summed over the partners of a combined partner."""
        parts = []
        for code in partner.split("+"):
            rows: list[Figure] = self.lk("vintages", self.metric, code, period, measure)
            if rows or measure != "value" or period.length == 1:
                parts.append([_Amount.of([row]) for row in rows])
                continue
            sums = [self.lk("total", self.metric, code, period, d) for d in {self.published, None}]
            parts.append([_Amount.of(f) for f in {t.figures for t in sums if t is not None}])
        if len(parts) == 1:
            return parts[0]
        combos = list(product(*parts))[:MAX_COMBINATIONS]
        return [_Amount.of([f for a in combo for f in a.figures]) for combo in combos]

    # -- values

    def values(self) -> tuple[list[Reading], str]:
        """Value rows (every vintage) or monthly sums; for won, the dollars converted."""
        subject, when = self.subject, self.period.describe()
        reason = f"no {period_words(self.period)} figure is held for {subject}"
        if self.claim.unit == "count":
            counts = self.amounts(self.partner, self.period, "destinations")
            text = f"{subject} in {when} went to {{}} destinations"
            reason = reason.replace("figure", "count of destinations")
            return [self.read("value", a, text.format(a.value)) for a in counts], reason
        amounts = self.amounts(self.partner, self.period)
        if self.claim.unit == "KRW":
            return [to_won(self.dollars(a), self.published) for a in amounts], reason
        return [self.dollars(a) for a in amounts], reason

    def dollars(self, a: _Amount) -> Reading:
        text = f"{self.subject} in {self.period.describe()} were {usd(a.value)}"
        if len(a.figures) > 1:
            text += f" (the sum of {len(a.figures)} monthly figures)"
        return self.read("value", a, text)

    # -- changes and shares

    def growth(self) -> tuple[list[Reading], str]:
        """The official yoy row (every vintage) and the change computed from values."""
        period, base, subject = self.period, self.base, self.subject
        readings = []
        if base == period.year_earlier() and "+" not in self.partner:
            for row in self.amounts(self.partner, period, "yoy_pct"):
                text = f"the official change for {subject} in {period.describe()} is "
                readings.append(self.read("official_change", row, text + f"{row.value:+}%"))
        now, then = (self.amounts(self.partner, p) for p in (period, base))
        for cur, prev in _pairs(now, then):
            if prev.low > 0:
                change = cur.ratio(prev, 1)
                text = f"{subject} of {usd(cur.value)} in {period.describe()} against "
                text += f"{usd(prev.value)} in {base.describe()} is {percent(change.value)}"
                readings.append(self.read("computed_change", change, text))
        missing = f"{period_words(base)} figure is held for {subject} (the base)" if now else ""
        return readings, f"no {missing or f'{period_words(period)} figure is held for {subject}'}"

    def shares(self, period: Period) -> list[Reading]:
        """Published share rows (summed for a combined partner) and value / world value."""
        names, when, readings = partner_names(self.partner), period.describe(), []
        for a in self.amounts(self.partner, period, "share_pct"):
            text = f"the published share of {names} in {when} is {a.value}%"
            readings.append(self.read("share_row", a, text, period))
        world = self.amounts("WORLD", period)
        for part, total in _pairs(self.amounts(self.partner, period), world):
            share = part.ratio(total, 0)
            text = f"{names} took {usd(part.value)} of {usd(total.value)} in {when}, "
            readings.append(self.read("computed_share", share, text + percent(share.value, False)))
        return readings

    def share_change(self, relative: bool) -> list[Reading]:
        """Share in the period against share in the base: in points, or (`relative`) as a
        percent change, which is what a writer who confused the two would have printed."""
        readings = []
        for cur, prev in _pairs(self.shares(self.period), self.shares(self.base)):
            a, b = _Amount.read(cur), _Amount.read(prev)
            if relative:
                change, kind = a.ratio(b, 1), "relative_change"
                said = percent(change.value)
            else:
                change = _Amount(a.value - b.value, a.low - b.high, a.high - b.low, a.figures)
                change, kind = replace(change, figures=a.figures + b.figures), "share_points"
                said = f"{change.value:+.2f} percentage points"
            text = f"the share of {partner_names(self.partner)} went from {b.value:.2f}% in "
            text += f"{self.base.describe()} to {a.value:.2f}% in {self.period.describe()}, "
            readings.append(self.read(kind, change, text + said))  # type: ignore[arg-type]
        return readings

    # -- ranks

    def rank_of(self, code: str, period: Period) -> Reading | None:
        """The partner's rank row (known at publication, else latest), else its place in the
        order of the values held, which destinations not held could still push down."""
        name, published, when = partner_names(code), self.published, period.describe()
        rows = self.lk("vintages", self.metric, code, period, "rank")
        row = choose_vintage(rows, published) or choose_vintage(rows)
        if row is not None:
            text = f"{name} ranks {ordinal(int(row.value))} in {when}"
            return self.read("rank_row", _Amount.of([row]), text, period)
        ranking: list[tuple[str, Total]] = self.lk("ranking", self.metric, period, published)
        codes = [c for c, _ in ranking]
        world = self.amounts("WORLD", period)
        if code not in codes or not world:
            return None
        place, own = codes.index(code) + 1, ranking[codes.index(code)][1].value
        rest = world[-1].value - sum(t.value for _, t in ranking)
        # the destinations not held share `rest`: each that could outsell this one may rank above
        below = int(rest // own) if rest > 0 and own > 0 else 0
        text = f"by the values held, {name} is {ordinal(place)} in {when}"
        if below:
            text += f" (or as low as {ordinal(place + below)}: {usd(rest)} is not broken down)"
        figures = tuple(f for _, t in ranking for f in t.figures) + world[-1].figures
        order = _Amount(Decimal(place), Decimal(place), Decimal(place + below), figures)
        return self.read("value_order", order, text, period)

    def ranks(self) -> tuple[list[Reading], bool, str]:
        """(readings, every, reason) for a rank, a top-N membership or a rank every year."""
        codes, period, names = self.partner.split("+"), self.period, partner_names(self.partner)
        reason = f"no {period.describe()} rank or value is held for {names}"
        if "WORLD" in codes:
            return [], False, "a rank needs a destination, not the world total"
        if self.claim.qualifier == "top":
            ranks = {code: self.rank_of(code, period) for code in codes}
            found = [r for r in ranks.values() if r is not None]
            if len(found) < len(codes):
                missing = partner_names("+".join(c for c, r in ranks.items() if r is None))
                return [], False, f"no {period.describe()} rank or value is held for {missing}"
            # every one must be within the top N: the worst placed decides
            value, low, high = (max(getattr(r, k) for r in found) for k in ("value", "low", "high"))
            figures = tuple(f for r in found for f in r.figures)
            places = [f"{partner_names(c)} {ordinal(int(r.value))}" for c, r in ranks.items() if r]
            kind: ReadingKind = "rank_row" if all(r.official for r in found) else "value_order"
            text = f"in {period.describe()}: {', '.join(places)}"
            return [self.read(kind, _Amount(value, low, high, figures), text)], False, ""
        if len(codes) > 1:
            return [], False, "a rank is of one destination (or a top N of several)"
        own = self.rank_of(self.partner, period)
        if own is not None or period.start_year == period.end_year:
            return ([own] if own else []), False, reason
        # "every year since 2012": each whole year's rank row (and the range's last part-year)
        found = []
        for year in range(period.start_year, period.end_year + 1):
            part = Period(max(period.first, year * 12), min(period.last, year * 12 + 11))
            whole = part.kind == "year" or part.last == period.last
            if whole and self.lk("vintages", self.metric, self.partner, part, "rank"):
                found += [r for r in [self.rank_of(self.partner, part)] if r]
        return found, True, reason

    # -- alternatives: what a slip would produce

    def other_years(self) -> list[Reading]:
        """The same metric, partner and months in other years (value, yoy or share rows)."""
        claim, period = self.claim, self.period
        if claim.unit == "KRW" or claim.kind == "rank" or "+" in self.partner:
            return []
        measure, kind = _ROW_OF["count" if claim.unit == "count" else claim.kind]
        found = []
        for row in self.lk("figures", self.metric, self.partner, None, measure):
            other = Period.parse(row.period)
            shifted = other and (other.first - period.first) % 12 == 0 and other != period
            if other and shifted and other.length == period.length and claim.qualifier != "points":
                shown = usd(row.value) if measure == "value" else f"{row.value}"
                text = f"the {other.describe()} figure is {shown}"
                found.append(self.read(kind, _Amount.of([row]), text, other))
        return found

    def alternatives(self) -> list[Reading]:
        # (won labelled as dollars is looked for by the judge: the rates load only if needed)
        claim, found = self.claim, self.other_years()
        if claim.kind == "value" and claim.unit == "KRW":  # dollars labelled as won
            found += [self.dollars(a) for a in self.amounts(self.partner, self.period)]
        elif claim.kind == "growth" and "+" not in self.partner and self.partner != "WORLD":
            found += self.share_change(relative=False)  # points printed as percent
        elif claim.kind == "share" and claim.qualifier == "points":
            found += self.share_change(relative=True)  # percent printed as points
        return found

    def match(self) -> Match:
        claim, every = self.claim, False
        names, when = partner_names(self.partner), period_words(self.period)
        if claim.kind == "value" and claim.unit in ("USD", "KRW", "count"):
            readings, reason = self.values()
        elif claim.kind == "growth":
            readings, reason = self.growth()
        elif claim.kind == "share" and self.partner == "WORLD":
            readings, reason = [], "a share of the world total needs a destination"
        elif claim.kind == "share" and claim.qualifier == "points":
            readings = self.share_change(relative=False)
            reason = f"no shares of {names} are held for {self.period} and {self.base}"
        elif claim.kind == "share":
            readings = self.shares(self.period)
            reason = f"no {when} share or value is held for {names}"
        elif claim.kind == "rank":
            readings, every, reason = self.ranks()
        else:
            readings, reason = [], f"a {claim.kind} claim in {claim.unit} cannot be compared"
        alternatives = self.alternatives()
        return Match.model_construct(
            readings=readings, reason=None if readings else reason, alternatives=alternatives,
            every=every, published=self.published,
        )  # fmt: skip


# -- the article's own figures ---------------------------------------------------------------


def _article_readings(
    claim: Claim, claims: Sequence[Claim], partner: str, period: Period
) -> list[Reading]:
    """A growth rate (or a share) recomputed from the two values the article itself prints."""

    def own(partner: str, period: Period) -> list[Claim]:
        return [
            c for c in claims
            if c.id != claim.id and c.kind == "value" and c.unit in ("USD", "KRW")
            and c.metric == claim.metric and c.partner == partner and c.period == str(period)
            and c.qualifier is None and c.stated > 0
        ]  # fmt: skip

    if claim.kind == "growth":
        base = Period.parse(claim.base_period or "") or period.year_earlier()
        pairs = _pairs(own(partner, period), own(partner, base))
    elif claim.kind == "share" and claim.qualifier != "points" and "+" not in partner:
        pairs = _pairs(own(partner, period), own("WORLD", period))
    else:
        return []
    readings = []
    signed = claim.kind == "growth"
    for a, b in pairs:
        if a.unit == b.unit:
            x, y = (_Amount(c.stated, *printed_interval(c.stated, claim_step(c))) for c in (a, b))
            r = x.ratio(y, int(signed))
            text = f"the article's own figures, {a.quote} against {b.quote}, give "
            text += f"{percent(r.low, signed)} to {percent(r.high, signed)}"
            fields = {"value": r.value, "low": r.low, "high": r.high, "description": text}
            readings.append(Reading(kind="article", period=str(period), **fields))
    return readings


# -- the entry point -------------------------------------------------------------------------


_parse = lru_cache(maxsize=1024)(Period.parse)


def _period_reason(claim: Claim, published: date | None) -> str:
    how = claim.found.get("period", "")
    relative = RELATIVE.search(how)
    if relative and published is None:
        return f'"{relative.group().lower()}" with no publication date'
    return f"the period is not known ({how})" if how else "the period is not known"


def match_reference(
    claim: Claim, store: Store, *, published: date | None, claims: Sequence[Claim] = ()
) -> Match:
    """The readings `claim` can be judged by: reference rows and figures derived from them,
    and for a growth rate or share the article's own figures (`claims`: all of its claims).

    Empty `readings` come with a `reason`: "not an export figure" for a claim without a
    metric, an unknown period or partner, or the figure the store does not hold.
    """
    if claim.metric is None:
        return Match(reason="not an export figure")
    if claim.period is None:
        return Match(reason=_period_reason(claim, published))
    period = _parse(claim.period)
    if period is None:
        return Match(reason=f"the period '{claim.period}' is not one the store can hold")
    if claim.partner is None:
        return Match(reason="the destination (or the world total) is not known")
    lk = _lookup(store)
    key: tuple[Any, ...] = (claim.kind, claim.unit, claim.qualifier, claim.base_period)
    key += (claim.metric, claim.partner, period, published)
    cached: Match | None = lk.memo.get(key)
    if cached is None:
        cached = lk.memo[key] = _Matcher(lk, claim, claim.partner, period, published).match()
    own = _article_readings(claim, claims, claim.partner, period) if claims else []
    if not own:
        return cached
    return cached.model_copy(update={"readings": [*cached.readings, *own], "reason": None})


__all__ = [
    "Match",
    "Reading",
    "match_reference",
]
