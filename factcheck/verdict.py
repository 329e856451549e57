"""Judge: a claim and its readings -> verdict, expected value, explanation, correction.

A stated figure covers what its printed precision allows: reports round or truncate, so
"$301.7 million" covers [301.65, 301.8) million (mirrored for a fall). Hedges widen or bound it
as they say:

    over     actual >= stated, no upper bound ("topped $300 million")
    under    actual < stated
    nearly   stated x (1 - NEARLY_BELOW) <= actual <= stated + step/2
    about    stated +- max(step/2, ABOUT_TOLERANCE x stated), and at least the printed interval
    top      (ranks) every partner named ranks N or better

A reading agrees when its interval (the reference's own precision, a rate window widened by
RATE_TOLERANCE for won) overlaps the claim's. Then:

    supported     some reading from the reference agrees (the article's own figures decide only
                  when the reference has nothing; `Match.every`: all readings must agree)
    ambiguous     a rank the reference allows but cannot settle: placed by the order of the
                  values held, which destinations not broken down could still outsell ("2nd to
                  4th" for "No. 3"); nothing else is called ambiguous
    mismatch      none agrees; `expected` is the best reading (official, known at publication,
                  latest vintage), with a diagnosis where one fits and a correction
    unverifiable  no readings (`Match.reason` says why); always for a claim with no metric

A mismatch names the slip when one fits, first match wins: the sign flipped (growth, share);
a scale slip (the figure 10-10,000 times off; a won correction keeps the article's digits); the
wrong year (the same months of another year hold the figure); won labelled as dollars or
dollars as won; percent and percentage points confused; a digit missing, extra or two swapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from .amounts import QUALIFIERS, Amount, find_amounts, format_like
from .match import YEAR_EARLIER, Match, Reading, match_reference
from .models import Claim, Evidence, JudgedClaim, Period, Verdict
from .precision import claim_step, printed_interval
from .rates import to_won
from .store import VINTAGE_ORDER, Store
from .wording import josa, ordinal, partner_names_ko, period_ko, usd, usd_ko, won, won_ko

#: An "over"/"under" figure printed to this many significant digits or more is a near miss of
#: the true value, not a milestone: the true value lies within THRESHOLD_REACH of it.
PRECISE_DIGITS = 3
THRESHOLD_REACH = Decimal("0.1")
#: "nearly $133 million" allows down to 5% below the stated figure.
NEARLY_BELOW = Decimal("0.05")
#: "about" allows 3% either way (or half the last printed digit, if wider).
ABOUT_TOLERANCE = Decimal("0.03")
#: Outlets convert at their own bank's rate, a little off the ECB reference rate.
RATE_TOLERANCE = Decimal("0.01")
#: A "music exports" figure this close to the album figure is judged as an album figure.
SOFT_RATIO = Decimal("1.4")
#: Scale slips looked for in amounts (not percentages): 10 to 10,000 times too large or small.
SCALE_POWERS = (1, -1, 2, -2, 3, -3, 4, -4)
#: Won amounts printed as dollars: "$168.5 billion" (x1) or "$168.5 million" (x1000).
WON_POWERS = (0, 3, 1, 2, 4, -3)
#: A dropped or extra digit is only called when the longer figure has this many digits (and
#: the shorter one more than one); two swapped digits need two.
MIN_DIGITS = 3
#: Decimals of a computed percentage reported as `expected`.
PERCENT_DECIMALS = Decimal("0.01")


@dataclass(frozen=True)
class Region:
    """The actual values a claim allows: low..high, None where unbounded."""

    low: Decimal | None
    high: Decimal | None
    high_open: bool = False

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    def times(self, factor: Decimal) -> Region:
        low, high = (None if b is None else b * factor for b in (self.low, self.high))
        return Region(low, high, self.high_open) if factor > 0 else Region(high, low)


def claim_region(claim: Claim, stated: Decimal | None = None) -> Region:
    """The values `claim` (or the same claim stating `stated`) allows, hedges included.

    >>> from decimal import Decimal as D
    >>> def claim(stated, step, qualifier=None):
    ...     return Claim(id="c", start=0, end=1, quote="x", sentence="x", kind="value",
    ...                  stated=D(stated), step=D(step), unit="USD", qualifier=qualifier)
    >>> claim_region(claim(301700000, 100000))
    Region(low=Decimal('301650000'), high=Decimal('301800000'), high_open=True)
    >>> claim_region(claim(300000000, 100000000, "over"))
    Region(low=Decimal('300000000'), high=None, high_open=False)
    >>> r = claim_region(claim(133000000, 1000000, "nearly")); r.low, r.high
    (Decimal('126350000.00'), Decimal('133500000'))
    """
    value = claim.stated if stated is None else stated
    step, qualifier = claim_step(claim), claim.qualifier
    low, high = printed_interval(value, step)
    if claim.kind == "rank":
        return Region(Decimal(1), value) if qualifier == "top" else Region(value, value)
    # A round threshold ("topped $300 million") bounds one side only; a precise one ("topped
    # $115.2 million") also says the figure is close to it.
    precise = len(value.normalize().as_tuple().digits) >= PRECISE_DIGITS
    if qualifier in ("over", "under") and value < 0:
        # "fell by over 19%": further below zero than -19, so "over" bounds from above.
        qualifier = "under" if qualifier == "over" else "over"
    if qualifier == "over":
        return Region(value, value + abs(value) * THRESHOLD_REACH if precise else None)
    if qualifier == "under":
        floor = value - abs(value) * THRESHOLD_REACH if precise else None
        return Region(floor, value, high_open=True)
    if qualifier == "nearly":
        below = value * (1 - NEARLY_BELOW)
        return Region(below, value + step / 2) if value >= 0 else Region(value - step / 2, below)
    if qualifier == "about":
        width = max(step / 2, ABOUT_TOLERANCE * abs(value))
        return Region(min(low, value - width), max(high, value + width))
    return Region(low, high, high_open=step > 0 and value >= 0)


def agrees(region: Region, reading: Reading, whole: bool = False) -> bool:
    """Whether the reading's interval meets the region (won conversions widened by
    RATE_TOLERANCE); with `whole`, whether it lies wholly inside (a rank from the order of
    values that could be 2nd to 4th does not settle "No. 2")."""
    low, high = reading.low, reading.high
    if reading.kind == "krw_conversion":
        low, high = low * (1 - RATE_TOLERANCE), high * (1 + RATE_TOLERANCE)
    if whole:
        low, high = high, low
    if region.high is not None and (low >= region.high if region.high_open else low > region.high):
        return False
    return region.low is None or high >= region.low


# -- choosing and showing readings -----------------------------------------------------------


def _rank_key(reading: Reading) -> tuple[bool, bool, Decimal, int]:
    """Prefer the official figure, then the one known at publication, then the most precise,
    then the latest vintage (among those known; else the earliest released after)."""
    order = max((VINTAGE_ORDER[f.vintage] for f in reading.figures), default=0)
    width = reading.high - reading.low
    return reading.official, reading.known, -width, order if reading.known else -order


def _best(readings: list[Reading]) -> Reading:
    return max(readings, key=_rank_key)


def _shown(claim: Claim, reading: Reading) -> Decimal:
    """The reading's value as `expected`: whole dollars and ranks, percent to 0.01."""
    value = reading.value
    if claim.unit in ("USD", "KRW", "count", "rank"):
        return value.quantize(Decimal(1))
    if claim.unit == "percent" and not reading.official:
        return value.quantize(PERCENT_DECIMALS)
    return value


def _decimals(step: Decimal) -> int:
    return max(0, -int(step.normalize().as_tuple().exponent)) if step else 1


def _when(period: str) -> str:
    """'the first half of 2023' for '2023-H1'."""
    parsed = Period.parse(period)
    return parsed.describe() if parsed else period


def _amount(claim: Claim, language: str = "en") -> Amount | None:
    """The figure as printed in the quote, if one can be read there (Korean figures in the
    Korean style: "8,063만 달러")."""
    for lang in dict.fromkeys((language, "en")):
        found = [a for a in find_amounts(claim.quote, lang) if abs(a.value) == abs(claim.stated)]
        if found:
            return found[0]
    return None


def _said(claim: Claim, stated: Decimal | None = None, language: str = "en") -> str:
    """How the claim's figure reads in an explanation: '$3.017 billion', '+4.3%', '1st'."""
    value, ko = claim.stated if stated is None else stated, language == "ko"
    if claim.kind == "rank":
        if ko:
            return f"상위 {value:.0f}위" if claim.qualifier == "top" else f"{int(value)}위"
        return f"within the top {value:.0f}" if claim.qualifier == "top" else ordinal(int(value))
    if claim.unit == "percent":
        text = f"{value:.{_decimals(claim_step(claim))}f}"
        sign = "+" if claim.kind == "growth" and value > 0 else ""
        points = "%p" if ko else " points"
        return sign + text + (points if claim.qualifier == "points" else "%")
    amount = _amount(claim, language) if stated is None else None
    text = amount.text if amount is not None else _plain(claim, value, language)
    if ko:
        return text
    return f"{claim.qualifier} {text}" if claim.qualifier in QUALIFIERS else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_evidence_of = lru_cache(maxsize=4096)(Evidence.of)  # figures are frozen, hence hashable


def _evidence(*readings: Reading | None) -> list[Evidence]:
    """The figures of the readings, each once, in order."""
    figures = (f for reading in readings if reading for f in reading.figures)
    return [_evidence_of(f) for f in dict.fromkeys(figures)]


def _judged(claim: Claim, verdict: Verdict, explanation: str, **fields: object) -> JudgedClaim:
    # claim.__dict__ rather than dict(claim): the same fields, without pydantic's slow iterator
    return JudgedClaim.model_validate(
        {**claim.__dict__, "verdict": verdict, "explanation": explanation, **fields}
    )


# -- the verdict -----------------------------------------------------------------------------


def judge(claim: Claim, match: Match, *, language: str = "en") -> JudgedClaim:
    """The verdict on `claim` given its readings, with expected value, explanation, correction
    and evidence. Unverifiable (with the reason) when there are no readings, and always for a
    claim without a metric: something the store does not hold is never a mismatch.

    A claim whose metric is only likely (`found["soft"]`: "music exports", which may be all
    music rather than albums) is a mismatch only when it is within SOFT_RATIO of the album
    figure; further off, it is taken to be about the larger aggregate: unverifiable.

    `language` "ko" writes the explanation and correction in Korean (English where no Korean
    wording fits).
    """
    judged = _judge(claim, match, language)
    if judged.verdict == "mismatch" and claim.found.get("soft"):
        expected = judged.expected or Decimal(0)
        ratio = abs(claim.stated / expected) if expected and claim.kind == "value" else None
        if ratio is None or not (1 / SOFT_RATIO <= ratio <= SOFT_RATIO):
            if language == "ko":
                text = (
                    f"확인 불가: {josa(_said(claim, language=language), '은/는')} 음반 수치"
                    f"({_shown_number(judged, language)})와 맞지 않아, 저장소에 없는 더 큰 "
                    "집계의 수치로 보입니다."
                )
                return _judged(claim, "unverifiable", text)
            text = (
                f"Not checked: {_said(claim)} does not fit the album figures "
                f"({_shown_number(judged)}), so it is probably about {claim.found['soft']} "
                "as a whole, a larger aggregate the store does not hold."
            )
            return _judged(claim, "unverifiable", text)
    return judged


def judge_claim(
    claim: Claim,
    store: Store,
    *,
    published: date | None,
    claims: Sequence[Claim] = (),
    language: str = "en",
) -> JudgedClaim:
    """Match `claim` to the store and judge it; when the text leaves its product open
    (`found["alternatives"]`: "the export amounts" after albums and videos were both named),
    each possible product is read and the best-supported verdict wins: supported over a
    mismatch over unverifiable."""
    readings = [(claim, match_reference(claim, store, published=published, claims=claims))]
    for metric in filter(None, claim.found.get("alternatives", "").split(",")):
        other = claim.model_copy(update={"metric": metric})
        readings.append((other, match_reference(other, store, published=published, claims=claims)))
    judged = [judge(c, m, language=language) for c, m in readings]
    best = min(judged, key=lambda j: _PREFERENCE[j.verdict])
    if best is not judged[0]:
        note = f" The text does not name the product; the figure is read as {best.metric}."
        if language == "ko" and best.metric in _METRICS_KO:
            note = f" 기사에 품목이 없어 {_METRICS_KO[best.metric]} 수치로 읽었습니다."
        best = best.model_copy(update={"explanation": best.explanation + note})
    return best


_PREFERENCE = {"supported": 0, "mismatch": 1, "ambiguous": 2, "unverifiable": 3}


def _shown_number(judged: JudgedClaim, language: str = "en") -> str:
    expected, ko = judged.expected or Decimal(0), language == "ko"
    if judged.unit == "USD":
        return usd_ko(expected) if ko else usd(expected)
    if judged.unit == "KRW":
        return won_ko(expected) if ko else won(expected)
    return f"{expected}"


def _judge(claim: Claim, match: Match, language: str = "en") -> JudgedClaim:
    ko = language == "ko"
    if claim.metric is None or not match.readings:
        reason = match.reason or "nothing in the reference to compare with"
        if claim.metric is not None and YEAR_EARLIER.search(claim.found.get("period", "")):
            return _misplaced_base(claim, match, reason, language)
        text = f"확인 불가: {_reason_ko(reason)}." if ko else f"Not checked: {reason}."
        return _judged(claim, "unverifiable", text)
    pool = [r for r in match.readings if r.kind != "article"] or match.readings
    region, whole = claim_region(claim), claim.kind == "rank"
    agreeing = [r for r in pool if agrees(region, r, whole)]
    wrong = [r for r in pool if not agrees(region, r)]
    if match.every and not wrong and len(agreeing) == len(pool):
        years = ", ".join(_when(r.period) for r in pool)
        text = f"{_cap(pool[0].description.rsplit(' in ', 1)[0])} in each year held: {years}."
        subject = _ko_subject(claim, pool[0], dated=False) if ko else None
        if subject is not None:
            held = ", ".join(_when_ko(r.period) for r in pool)
            text = f"{josa(subject, '은/는')} 해마다 기사와 맞습니다: {held}."
        return _judged(claim, "supported", text, expected=_shown(claim, pool[0]),
                       evidence=_evidence(*pool))  # fmt: skip
    if agreeing and not match.every:
        return _supported(claim, pool, agreeing, language)
    if wrong and (match.every or len(wrong) == len(pool)):
        return _mismatch(claim, match, wrong, region, language)
    # a rank the values held allow but do not settle (destinations not broken down)
    unsettled = [r for r in pool if r not in agreeing]
    text = f"{_cap(unsettled[0].description)}: that does not settle {_said(claim)}."
    return _judged(claim, "ambiguous", text, evidence=_evidence(*unsettled))


def _misplaced_base(claim: Claim, match: Match, reason: str, language: str = "en") -> JudgedClaim:
    """A figure given as the same period a year earlier, which the store holds for another
    year only: a mismatch even though the period meant is not held."""
    region = claim_region(claim)
    hit = _first(match.alternatives, region) if region.bounded else None
    if hit is None and language == "ko":
        return _judged(claim, "unverifiable", f"확인 불가: {_reason_ko(reason)}.")
    if hit is None:
        return _judged(claim, "unverifiable", f"Not checked: {reason}.")
    if language == "ko":
        said = josa(_said(claim, language=language), "을/를")
        text = (
            f"다른 해의 수치: 기사는 {said} 전년 동기({_when_ko(claim.period or '')}) 수치로 "
            f"적었지만, 이는 {_when_ko(hit.period)} 수치({_figure(hit, language)})입니다."
        )
        return _judged(claim, "mismatch", text, evidence=_evidence(hit))
    text = (
        f"Wrong year: the article gives {_said(claim)} as the same period a year earlier "
        f"({_when(claim.period or '')}), but it is the figure for {_when(hit.period)} "
        f"({_figure(hit)}); {reason}."
    )
    return _judged(claim, "mismatch", text, evidence=_evidence(hit))


def _supported(
    claim: Claim, pool: list[Reading], agreeing: list[Reading], language: str = "en"
) -> JudgedClaim:
    primary = _best(agreeing)
    # a change or share computed from exact values says more than the rounded official row
    # (the contract's example: "... is +3.41%; the official release also gives +3.4%")
    precise = [
        r for r in agreeing
        if r.kind in ("computed_change", "computed_share") and r.high - r.low < claim_step(claim)
    ]  # fmt: skip
    official = [r for r in pool if r.official and r.kind in ("official_change", "share_row")]
    if precise:
        primary = _best(precise)
    text = _cap(primary.description)
    # The official figure that agrees (the first release's +5.6%) before a revision that doesn't.
    official_agreeing = [r for r in official if r in agreeing]
    second = _best(official_agreeing or official) if official and not primary.official else None
    if second is not None:
        number = second.description.rsplit(" is ", 1)[-1]
        text += f"; the official release {'also ' if second in agreeing else ''}gives {number}"
    text += "." + _vintage_note(primary, pool)
    if primary.kind == "article":
        text = "The reference holds nothing to compare with; " + text[0].lower() + text[1:]
    if language == "ko":
        text = _supported_ko(claim, primary, second, second in agreeing, pool) or text
    return _judged(claim, "supported", text, expected=_shown(claim, primary),
                   evidence=_evidence(primary, second))  # fmt: skip


def _vintage_note(primary: Reading, pool: list[Reading]) -> str:
    """' That is the preliminary figure; it was later revised to $231,389,000.'"""
    if primary.vintage is None or primary.kind not in ("value", "krw_conversion"):
        return ""
    for other in pool:
        if other.kind == primary.kind and other.vintage not in (None, primary.vintage):
            shown = usd(sum((f.value for f in other.figures), Decimal(0)))
            if primary.vintage == "preliminary":
                return f" That is the preliminary figure; it was later revised to {shown}."
            return f" That is the revised figure; the first release gave {shown}."
    return ""


# -- mismatches: diagnosis and correction ----------------------------------------------------


def _mismatch(
    claim: Claim, match: Match, pool: list[Reading], region: Region, language: str = "en"
) -> JudgedClaim:
    best, ko = _best(pool), language == "ko"
    derived = [r for r in pool if r.kind in ("computed_change", "computed_share")]
    also = ""
    if best.official and best.kind != "value" and derived:
        value = _best(derived).value
        also = f" (the values give {value:{'+' if claim.kind == 'growth' else ''}.2f}%)"
    text = f"{_cap(best.description)}{also}, not {_said(claim)}."
    if best.kind == "article":
        text = "The reference holds nothing to compare with, but " + text[0].lower() + text[1:]
    subject, number = (_ko_subject(claim, best), _ko_number(claim, best)) if ko else (None, None)
    if subject is not None and number is not None:
        if also:
            sign = "+" if claim.kind == "growth" else ""
            number += f"(수치로 계산하면 {_best(derived).value:{sign}.2f}%)"
        said = josa(_said(claim, language=language), "이/가")
        text = f"{josa(subject, '은/는')} {said} 아니라 {number}입니다."
    expected = _shown(claim, best)
    # an open region ("over $300 million") fits too much to say what slip it was
    found = _diagnose(claim, match, pool, region, best, language) if region.bounded else None
    diagnosis, used, fixed = found or ("", None, None)
    if diagnosis:
        text += " " + diagnosis
    correction = _correction(claim, expected if fixed is None else fixed, language)
    return _judged(claim, "mismatch", text, expected=expected, correction=correction,
                   evidence=_evidence(best, used))  # fmt: skip


def _diagnose(
    claim: Claim,
    match: Match,
    pool: list[Reading],
    region: Region,
    best: Reading,
    language: str = "en",
) -> tuple[str, Reading | None, Decimal | None]:
    """The likely slip behind a mismatch: (sentence, the reading that shows it, the figure a
    correction should print when it is not `expected`); ('', None, None) if none fits."""
    stated, said, ko = claim.stated, _said(claim), language == "ko"
    said_ko = josa(_said(claim, language=language), "은/는")
    if claim.kind == "rank":
        return "", None, None
    hit = _first(pool, claim_region(claim, -stated)) if stated else None
    if hit is not None and claim.unit == "percent":
        if ko:
            return f"부호 반대: 실제 수치는 {_said(claim, hit.value, language)}입니다.", hit, None
        return f"The sign is flipped: it was {_said(claim, hit.value)}, not {said}.", hit, None
    for power in SCALE_POWERS if claim.unit != "percent" else ():
        factor = Decimal(10) ** power
        hit = _first(pool, region.times(factor))
        if hit is not None:
            times = f"{10 ** abs(power):,} times too {'large' if power < 0 else 'small'}"
            if ko:
                times = f"실제보다 {10 ** abs(power):,}배 {'큽' if power < 0 else '작습'}니다"
            # A won figure keeps the article's digits (its rate is the outlet's); a dollar
            # figure is corrected to the reference value ("$8.06 million" -> "$80.63 million").
            return (
                f"단위 오류: {said_ko} {times}." if ko else f"Scale slip: {said} is {times}.",
                hit,
                stated * factor if claim.unit == "KRW" else None,
            )
    hit = _first([r for r in match.alternatives if r.period != claim.period], region)
    if hit is not None:
        text = f"Wrong year: {said} is the figure for {_when(hit.period)} ({_figure(hit)})."
        if ko:
            figure = _figure(hit, language)
            text = f"다른 해의 수치: {said_ko} {_when_ko(hit.period)} 수치({figure})입니다."
        if YEAR_EARLIER.search(claim.found.get("period", "")):
            text += (
                " 기사는 이를 전년 동기 수치로 적었습니다."
                if ko
                else (" The article gives it as the same period a year earlier.")
            )
        return text, hit, None
    if claim.unit == "USD":  # won labelled as dollars
        in_won = [to_won(r, match.published) for r in pool if r.kind == "value"]
        for power in WON_POWERS:
            hit = _first(in_won, region.times(Decimal(10) ** power))
            if hit is not None:
                text = f"Won labelled as dollars: {said} matches the won amount, {won(hit.value)}."
                if ko:
                    amount = josa(won_ko(hit.value), "과/와")
                    text = f"원화를 달러로 표기: {said_ko} 원화 금액 {amount} 맞습니다."
                return text, hit, None
    if claim.unit == "KRW":  # dollars labelled as won
        dollars = [r for r in match.alternatives if r.kind == "value" and r.period == claim.period]
        for power in WON_POWERS:
            hit = _first(dollars, region.times(Decimal(10) ** -power))
            if hit is not None:
                text = f"Dollars labelled as won: {said} matches {usd(hit.value)}."
                if ko:
                    amount = josa(usd_ko(hit.value), "과/와")
                    text = f"달러를 원화로 표기: {said_ko} 달러 금액 {amount} 맞습니다."
                return text, hit, None
    for kind, unit in (("share_points", "percentage points"), ("relative_change", "percent")):
        hit = _first([r for r in match.alternatives if r.kind == kind], region)
        if hit is not None:
            text = f"Percent and percentage points confused: {said} is the change in {unit}"
            if ko:
                unit_ko = "퍼센트포인트" if kind == "share_points" else "퍼센트"
                text = f"퍼센트와 퍼센트포인트 혼동: {said_ko} {unit_ko}로 나타낸 변화입니다."
                return text, hit, None
            return f"{text} ({hit.description}).", hit, None
    return _digit_slip(claim, best.value, language), None, None


def _first(readings: list[Reading], region: Region) -> Reading | None:
    return next((r for r in readings if agrees(region, r)), None)


def _figure(reading: Reading, language: str = "en") -> str:
    value = reading.figures[0].value if reading.figures else reading.value
    if reading.figures and reading.figures[0].unit == "USD":
        return usd_ko(value) if language == "ko" else usd(value)
    return f"{value}"


def _digit_slip(claim: Claim, expected: Decimal, language: str = "en") -> str:
    """'A digit seems missing: 317 for 3017' when the printed digits are the expected ones
    (at the same precision) with one dropped, added or two swapped; '' otherwise."""
    step = claim_step(claim)
    if step <= 0 or expected <= 0 or claim.stated <= 0:
        return ""
    printed = str(int(claim.stated / step))
    ratio = expected / step
    for digits in dict.fromkeys((str(round(ratio)), str(int(ratio)))):
        longer, shorter = sorted((digits, printed), key=len, reverse=True)
        if len(shorter) < MIN_DIGITS - 1 or digits == printed:
            continue
        dropped = {longer[:i] + longer[i + 1 :] for i in range(len(longer))}
        if len(longer) == len(shorter) + 1 and len(longer) >= MIN_DIGITS and shorter in dropped:
            what = "missing" if longer == digits else "extra"
            if language == "ko":
                what = "누락" if what == "missing" else "추가"
                return f"자릿수 {what}: {digits} 대신 {printed}로 적혔습니다."
            return f"A digit seems {what}: {printed} for {digits}."
        swaps = [printed[:i] + printed[i + 1] + printed[i] + printed[i + 2 :]
                 for i in range(len(printed) - 1)]  # fmt: skip
        if len(digits) == len(printed) and digits in swaps:
            if language == "ko":
                return f"숫자 순서 바뀜: {digits} 대신 {printed}로 적혔습니다."
            return f"Two digits seem swapped: {printed} for {digits}."
    return ""


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth")  # fmt: skip


def _correction(claim: Claim, value: Decimal, language: str = "en") -> str | None:
    """The quote with `value` written as the article writes figures; None when that needs
    rewording (a sign carried by a verb, a top-N list) or the quote holds no figure."""
    if claim.kind == "rank":
        return _rank_correction(claim, int(value), language)
    amount = _amount(claim, language)
    if amount is None:
        return _plain(claim, value, language)
    if not amount.style.sign:  # the sign, if any, is in the words ("a 10.2% dip")
        if value and (value < 0) != (claim.stated < 0):
            return None
        value = abs(value)
    like, text = amount, amount.text
    if claim.qualifier in ("over", "under", "nearly"):  # a threshold: print the figure itself
        step = min(like.step, Decimal(1).scaleb(value.adjusted() - 3))
        like = like.model_copy(update={"step": step})
    for _ in range(3):  # print finer until the figure differs from the one printed
        text = format_like(value, like)
        if text != amount.text:
            break
        style = like.style.model_copy(update={"decimals": like.style.decimals + 1})
        like = like.model_copy(update={"step": like.step / 10, "style": style})
    hedged = claim.qualifier in ("over", "under") and amount.hedge_start is not None
    start = amount.hedge_start if hedged and amount.hedge_start is not None else amount.start
    return claim.quote[:start] + text + claim.quote[amount.end :]


def _plain(claim: Claim, value: Decimal, language: str = "en") -> str:
    """A figure in plain English (or Korean), where the quote has no figure to copy the
    style of."""
    if language == "ko" and claim.unit in ("USD", "KRW"):
        return usd_ko(value) if claim.unit == "USD" else won_ko(value)
    if claim.unit == "percent":
        return f"{value:.{_decimals(claim_step(claim))}f}%"
    if claim.unit == "KRW":
        return won(value)
    if claim.unit == "USD" and abs(value) >= 10**9:
        return f"${value / 10**9:,.3f} billion"
    if claim.unit == "USD":
        return f"${value / 10**6:,.{max(0, 6 - _decimals(claim_step(claim)))}f} million"
    return f"{value:,.0f}"


def _rank_correction(claim: Claim, expected: int, language: str = "en") -> str | None:
    """'No. 1' -> 'No. 2', 'ranked first' -> 'ranked second', '3위' -> '2위'; None for a
    top-N claim."""
    if claim.qualifier == "top":
        return None
    stated, quote = int(claim.stated), claim.quote
    if language == "ko":
        place = re.search(rf"(?<!\d){stated}(?=\s*위)", quote)
        if place:
            return quote[: place.start()] + str(expected) + quote[place.end() :]
    number = re.search(rf"\b{stated}(?:st|nd|rd|th)?\b", quote)
    if number:
        digits = str(expected) if number.group().isdigit() else ordinal(expected)
        return quote[: number.start()] + digits + quote[number.end() :]
    if 1 <= stated <= 10 and 1 <= expected <= 10:
        word = re.search(rf"\b{_ORDINAL_WORDS[stated - 1]}\b", quote, re.IGNORECASE)
        if word:
            return quote[: word.start()] + _ORDINAL_WORDS[expected - 1] + quote[word.end() :]
    return None


# -- Korean wording --------------------------------------------------------------------------

_METRICS_KO = {"albums": "음반", "albums_and_videos": "음반류", "videos": "영상물"}
_MEASURES_KO = {
    "value": "수출액",
    "growth": "수출 증감률",
    "share": "수출 비중",
    "rank": "수출 순위",
}


def _when_ko(period: str) -> str:
    """'2023년 상반기' for '2023-H1'."""
    parsed = Period.parse(period)
    return period_ko(parsed) if parsed else period


def _reason_ko(reason: str) -> str:
    """Why a claim is not checked, in Korean where the reason is a common one."""
    if reason == "not an export figure":
        return "수출 통계가 아닌 수치"
    if reason.startswith("no ") and " held " in reason:
        return "해당 기간의 수치가 없음"
    if "with no publication date" in reason:
        return "기사 날짜가 없어 기간을 알 수 없음"
    if reason.startswith("the period"):
        return "기간을 알 수 없음"
    if reason.startswith("the destination"):
        return "수출 대상국을 알 수 없음"
    return reason


def _ko_subject(claim: Claim, reading: Reading, dated: bool = True) -> str | None:
    """'2025년 일본으로의 음반 수출액'; None where a Korean name is missing."""
    metric = _METRICS_KO.get(claim.metric or "")
    measure = _MEASURES_KO.get(claim.kind)
    if metric is None or measure is None or claim.unit == "count" or reading.kind == "article":
        return None
    if reading.kind in ("share_points", "relative_change"):
        measure = "수출 비중 변화"
    where = ""
    if claim.partner != "WORLD":
        names = partner_names_ko(claim.partner or "")
        if names is None:
            return None
        where = josa(names, "으로/로") + "의 "
    when = _when_ko(reading.period) + " " if dated else ""
    return f"{when}{where}{metric} {measure}"


def _ko_number(claim: Claim, reading: Reading) -> str | None:
    """The reading's value as a Korean explanation writes it: '8063만달러', '+3.41%', '2위'."""
    value = _shown(claim, reading)
    if reading.kind == "krw_conversion":
        dollars = sum((f.value for f in reading.figures), Decimal(0))
        return f"{usd_ko(dollars)}(원화 환산 약 {won_ko(value)})"
    if claim.unit == "USD":
        return usd_ko(value)
    if claim.unit == "KRW":
        return won_ko(value)
    if claim.unit == "rank":
        return f"{value}위"
    if claim.unit == "percent":
        if reading.kind == "share_points":
            return f"{value:+.2f}%p"
        return f"{value:+}%" if claim.kind == "growth" else f"{value}%"
    return None


def _supported_ko(
    claim: Claim, primary: Reading, second: Reading | None, agreed: bool, pool: list[Reading]
) -> str | None:
    """'2022년 음반 수출액은 2억3311만3000달러로, 기사와 맞습니다.'; None to keep English."""
    subject, number = _ko_subject(claim, primary), _ko_number(claim, primary)
    if subject is None or number is None:
        return None
    text = f"{josa(subject, '은/는')} {josa(number, '으로/로')}, 기사와 맞습니다."
    official = _ko_number(claim, second) if second is not None else None
    if official is not None:
        text += f" 공식 발표치{'도' if agreed else '는'} {official}입니다."
    for other in pool:
        if primary.vintage is None or primary.kind not in ("value", "krw_conversion"):
            break
        if other.kind == primary.kind and other.vintage not in (None, primary.vintage):
            shown = usd_ko(sum((f.value for f in other.figures), Decimal(0)))
            if primary.vintage == "preliminary":
                return text + f" 잠정치이며, 이후 {josa(shown, '으로/로')} 수정됐습니다."
            return text + f" 수정치이며, 처음 발표된 수치는 {shown}입니다."
    return text


__all__ = ["ABOUT_TOLERANCE", "NEARLY_BELOW", "RATE_TOLERANCE", "agrees", "claim_region", "judge"]
