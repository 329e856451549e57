"""Grammar of money, percentages and scaled counts in Korean news text.

    "2억3천311만달러", "8,574만 9천 달러", "약 2,895억 원", "3천억 원에 육박", "4.8%"
        ->  Amount (exact Decimal value, unit, printed step), as `amounts` reads English

A Korean figure is written in groups of four digits named by 조, 억 and 만; inside a group 천, 백
and 십 may name a digit ("3천311만" is 33,110,000). A 천 after a number of two digits or more is
the statisticians' unit of a thousand ("13만2934천 달러": 132,934 thousand dollars). A figure
whose words are out of order or overflow their group ("3천1311만", "5만3억"), or whose last group
follows 억 with no word of its own ("3억5000달러"), is skipped, never guessed; a decimal point
is taken as written ("2.915억 원" is 291,500,000 won).

Hedges stand before a figure ("약 4100억원"), after it, past a particle ("4,000만 달러를 넘긴",
"1억 달러 돌파": `Amount.hedge_end` marks the end of the inflected word), or attached to it
("2억여 달러", "3천억원대"). Figures joined by 와/과/및 share the hedge after the last one:
in "1억 달러와 2억 달러를 돌파" both are thresholds.

The words are data in `reference/`: `number-words-ko.csv` (word, kind, meaning: scale and place
words with their values, currencies with their unit, percent signs, counters), the `ko` rows
of `hedges.csv` (with the hedge's position) and `particles-ko.csv` (the particles that may stand
between a figure and a hedge after it). Figures in English form inside Korean text
("US$301.7 million") are read by the English grammar.

>>> a = find_amounts_ko("지난해 음반 수출액은 2억3천311만달러로 집계됐다.")[0]
>>> a.text, a.value, a.unit, a.step
('2억3천311만달러', Decimal('233110000'), 'USD', Decimal('10000'))
>>> [(a.text, a.qualifier) for a in find_amounts_ko("음반 수출액이 3천억 원에 육박했다.")]
[('3천억 원', 'nearly')]
>>> from factcheck.amounts import parse_amount
>>> format_like_ko(Decimal(80630000), parse_amount("806만 달러", "ko"))
'8,063만 달러'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import NamedTuple

from factcheck.amounts import (
    QUALIFIERS,
    Amount,
    AmountStyle,
    AmountUnit,
    KoreanStyle,
    find_amounts,
)
from factcheck.errors import DataError
from factcheck.reference import read_rows, reference_dir

WORDS_FILE = "number-words-ko.csv"
PARTICLES_FILE = "particles-ko.csv"
WORD_KINDS = ("scale", "place", "currency", "percent", "counter")
POSITIONS = ("before", "after", "attached")
#: A group of four digits: what 만, 억 and 조 count, and what the part below 만 must stay under.
GROUP = 10_000
#: The statisticians' unit: a 천 after a number of two digits or more ("2934천").
THOUSAND = 1_000
#: Where a hedge before a figure may start: "대략 " is the longest.
HEDGE_REACH = 8


# -- vocabulary ---------------------------------------------------------------------------------


class _Words(NamedTuple):
    scales: dict[str, int]  # 조, 억, 만
    places: dict[str, int]  # 천, 백, 십
    currencies: dict[str, str]  # 달러 -> USD, 원 -> KRW, 엔 -> other (a figure not ours)
    percents: dict[str, str]  # % -> percent, %p -> points
    counters: dict[str, str]  # 장 -> copies


def _load_words() -> _Words:
    """The rows of number-words-ko.csv by kind; DataError for a bad row."""
    path = reference_dir() / WORDS_FILE
    scales: dict[str, int] = {}
    places: dict[str, int] = {}
    named: dict[str, dict[str, str]] = {"currency": {}, "percent": {}, "counter": {}}
    for line, row in read_rows(path, ("word", "kind", "meaning")):
        word, kind, meaning = row["word"], row["kind"], row["meaning"]
        numeric = kind in ("scale", "place")
        if kind not in WORD_KINDS or (numeric and not (len(word) == 1 and meaning.isdigit())):
            raise DataError(
                f"word '{word}', kind '{kind}', meaning '{meaning}': expected a kind in "
                f"{', '.join(WORD_KINDS)}; a scale or place word is one character with a "
                "whole-number value (억,scale,100000000)",
                path=str(path),
                line=line,
            )
        if numeric:
            (scales if kind == "scale" else places)[word] = int(meaning)
        else:
            named[kind][word] = meaning
    return _Words(scales, places, named["currency"], named["percent"], named["counter"])


def _load_hedges() -> dict[str, dict[str, str]]:
    """{position: {hedge: qualifier}} from the `ko` rows of hedges.csv."""
    path = reference_dir() / "hedges.csv"
    hedges: dict[str, dict[str, str]] = {position: {} for position in POSITIONS}
    for line, row in read_rows(path, ("language", "phrase", "qualifier", "position")):
        if row["language"] != "ko":
            continue
        if row["qualifier"] not in QUALIFIERS or row["position"] not in POSITIONS:
            raise DataError(
                f"qualifier '{row['qualifier']}', position '{row['position']}': expected a "
                f"qualifier in {', '.join(QUALIFIERS)} and a position in {', '.join(POSITIONS)}",
                path=str(path),
                line=line,
            )
        hedges[row["position"]][row["phrase"]] = row["qualifier"]
    return hedges


def particles(*kinds: str) -> list[str]:
    """The Korean particles of `kinds` (particle, copula, suffix) in particles-ko.csv."""
    path = reference_dir() / PARTICLES_FILE
    return [
        row["particle"] for _, row in read_rows(path, ("particle", "kind")) if row["kind"] in kinds
    ]


def _alternation(words: list[str] | dict[str, str] | dict[str, int]) -> str:
    """A regex for any of `words`, longest first; a blank in a word matches an optional one."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(r"\s?".join(map(re.escape, w.split(" "))) for w in ordered) + ")"


_WORDS = _load_words()
_HEDGES = _load_hedges()
_UNITS = {**_WORDS.scales, **_WORDS.places}
_UNIT_CLASS = "[" + "".join(_UNITS) + "]"
# A particle must end its word: "원에" and "원으로" do, "원칙" does not.
_PARTICLE_END = rf"(?:{_alternation(particles('particle'))})?(?![가-힣])"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"  # "2,895", "6029", "2.915"
_ATTACHED = rf"{_alternation(_HEDGES['attached'])}(?={_PARTICLE_END})"  # "3천억원대의"
# ... or a unit follows it: "2억여원"
_ATTACHED_BEFORE_UNIT = rf"""{_alternation(_HEDGES["attached"])}(?={_PARTICLE_END}|\s?(?:
    {_alternation(_WORDS.currencies)}|{_alternation(_WORDS.counters)}))"""
# A currency or a counter ends its word, or a particle or hedge follows: "원으로", "원대",
# "달러가량"; not "3원칙" (three principles).
_WORD_END = rf"""(?=(?![가-힣])|{_alternation(particles("particle", "copula"))}
    |{_alternation(_HEDGES["attached"])}|{_alternation(_HEDGES["after"])})"""

_FIGURE = re.compile(
    rf"""
    (?<![0-9A-Za-z_.,])(?<!제)                  # not inside a number or word, nor "제1조"
    (?P<pre>US\$|\$|₩)?                          # currency first, as a few papers write it
    (?P<sign>(?<![\w)])[-−–+](?=\d))?            # sign as printed: "-2.0%", "−10.2%"
    (?P<num>
        {_NUMBER}{_UNIT_CLASS}+                  # "2억", "3천억", "2.915억"
        (?:[ ]?{_NUMBER}{_UNIT_CLASS}+)*         # "3천" "311만"; a blank may come before a group
        (?:{_NUMBER}(?![\d{"".join(_UNITS)}]))?  # the digits below 만, written on: "2083만6000"
      | {_NUMBER}                                # or a plain number: "4.8", "1,000"
    )
    (?P<approx>{_ATTACHED_BEFORE_UNIT})?         # "2억여 달러"
    (?:
        (?P<pct>\s?{_alternation(_WORDS.percents)})                        # "4.8%", "3.1%p"
      | (?P<cur>\s?{_alternation(_WORDS.currencies)}){_WORD_END}          # " 달러", "원"
      | (?P<cnt>\s?{_alternation(_WORDS.counters)}){_WORD_END}            # "9천837만장"
    )?
    (?(approx)|(?P<approx2>{_ATTACHED})?)        # "3천억원대"
    """,
    re.VERBOSE,
)
_CHUNK = re.compile(rf"(?P<blank>[ ]?)(?P<n>{_NUMBER})(?P<units>{_UNIT_CLASS}*)")
_HEDGE_BEFORE = re.compile(rf"(?<![\w])(?P<hedge>{_alternation(_HEDGES['before'])})\s*\Z")
# A hedge after the figure, maybe past a particle: "를 넘긴", "에 육박", " 돌파"; the rest of
# its word ("넘긴", "돌파하며") belongs to it.
_HEDGE_AFTER = re.compile(
    rf"""[ \t]*(?:{_alternation(particles("particle"))}[ \t]*)?
         (?P<hedge>{_alternation(_HEDGES["after"])})[가-힣]*""",
    re.VERBOSE,
)
_RANGE = re.compile(r"[ ]?[~∼〜\-–][ ]?")  # "3억~4억 달러", "1~2%"
_JOINED = re.compile(r"\s*(?:와|과|및|또는|,)\s*")  # "1억 달러와 2억 달러를 돌파"
_YEAR_LIKE = re.compile(r"(?:19|20|21)\d\d")
_LATIN = re.compile(r"[A-Za-z$₩]")  # what every figure the English grammar reads holds


# -- reading ------------------------------------------------------------------------------------


def qualifier_of_ko(hedge: str) -> str | None:
    """The qualifier a Korean hedge word stands for, inflected or not ("넘긴" -> over), or None.

    >>> qualifier_of_ko("약"), qualifier_of_ko("돌파하며"), qualifier_of_ko("증가")
    ('about', 'over', None)
    """
    word = " ".join(hedge.split())
    for table in _HEDGES.values():
        if word in table:
            return table[word]
    after = _HEDGE_AFTER.fullmatch(word)
    return _AFTER_QUALIFIER[after["hedge"].replace(" ", "")] if after else None


_AFTER_QUALIFIER = {phrase.replace(" ", ""): q for phrase, q in _HEDGES["after"].items()}
_ATTACHED_QUALIFIER = _HEDGES["attached"]


class Reading(NamedTuple):
    """What the words of a Korean number add up to, and how they were laid out."""

    value: Decimal
    step: Decimal  # place value of the last significant printed digit
    scale: str | None  # the largest scale or place word written: "억" in "2억3천311만"
    decimals: int
    thousands: bool  # digits grouped by commas, or no group of four digits says otherwise
    layout: KoreanStyle


@lru_cache(maxsize=4096)  # an article repeats its figures in its headline, lead and body
def read_number(number: str) -> Reading | None:
    """The value of a Korean number ("2억3천311만", "13만2934천", "2.915억"), or None when its
    words are out of order or overflow a group: such a number is skipped, not guessed.

    >>> read_number("2억3,311만 3천").value, read_number("13만2934천").value
    (Decimal('233113000'), Decimal('132934000'))
    >>> read_number("3천1311만") is None, read_number("3억5000") is None
    (True, True)
    """
    chunks = [(c["blank"], c["n"], c["units"]) for c in _CHUNK.finditer(number)]
    if not chunks or "".join(b + n + u for b, n, u in chunks) != number:
        return None
    scaled = [bool(units) and units[-1] in _WORDS.scales for _, _, units in chunks]
    total = group = Decimal(0)
    scale: int | None = None  # the last scale word passed (만, 억, 조)
    place: int | None = None  # the last place written in the current group (천, 백, 십 or 1)
    step = Decimal(1)
    # Whether 천 is written as a word in the groups above 만 / in the part below it:
    # True or False when a group shows it, None when none does.
    kilo: dict[bool, bool | None] = {False: None, True: None}
    thousand_unit = False
    gaps = {False: "", True: ""}
    commas = plain = False
    for index, (blank, digits, units) in enumerate(chunks):
        whole, _, fraction = digits.replace(",", "").partition(".")
        if fraction and len(chunks) > 1:
            return None  # "3.5억2000만": a decimal point only in a figure of one group
        n = Decimal(digits.replace(",", ""))
        commas |= "," in digits
        plain |= "," not in digits and not fraction and n >= THOUSAND
        place_word = units[:1] if units[:1] in _WORDS.places else ""
        scale_word = units[len(place_word) :]
        if scale_word and scale_word not in _WORDS.scales:
            return None  # "3만억"
        tail = not any(scaled[index:])  # in the part below the last scale word
        if blank:
            gaps[tail] = blank
        if place_word == "천" and not scale_word and len(whole) > 1 and index == len(chunks) - 1:
            # "13만2934천": a 천 after two digits or more counts everything before it in thousands
            if place is not None or (scale is not None and (scale != GROUP or n >= GROUP)):
                return None
            total, step, thousand_unit = (total + n) * THOUSAND, _step(whole, "") * THOUSAND, True
            break
        multiplier = 1
        if place_word:
            value = _WORDS.places[place_word]
            if (place is not None and value >= place) or not 1 <= n < 10:
                return None  # "3백2천", "15천만"
            group, place, multiplier = group + n * value, value, value
            if value == THOUSAND:
                kilo[tail] = True
        else:
            if place is not None and n >= place:
                return None  # "3천1311만": 1311 does not fit below 천
            group, place = group + n, 1
            if not fraction and n >= THOUSAND and kilo[tail] is None:
                kilo[tail] = False  # "8,574만": a group in digits
        if scale_word:
            value = _WORDS.scales[scale_word]
            if scale is not None and (value >= scale or group >= GROUP):
                return None  # "5만3억", "2억12000만"
            total, multiplier = total + group * value, multiplier * value
            group, place, scale = Decimal(0), None, value
        if n:
            step = _step(whole, fraction) * multiplier
    else:
        if group and scale is not None and (scale != GROUP or group >= GROUP):
            return None  # "3억5000", "2억3천": digits right after 억 are a slip; "2083만16000"
        total += group
    groups, below = kilo[False], kilo[True]
    layout = KoreanStyle(
        kilo=bool(groups if groups is not None else below),
        kilo_tail=bool(below if below is not None else groups),
        group_gap=gaps[False],
        tail_gap=gaps[True],
        thousand_unit=thousand_unit,
    )
    largest = max((c for *_, units in chunks for c in units), key=_UNITS.__getitem__, default=None)
    decimals = len(chunks[0][1].partition(".")[2])
    return Reading(total, step, largest, decimals, commas or not plain, layout)


def _step(whole: str, fraction: str) -> Decimal:
    """Place value of the last significant digit of `whole`.`fraction`: trailing zeros of a
    whole number are not significant ("2억2000만" is rounded to the ten million)."""
    if fraction:
        return Decimal(1).scaleb(-len(fraction))
    return Decimal(10) ** (len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0)


def find_amounts_ko(text: str) -> list[Amount]:
    """Every money, percent and scaled-count figure in Korean `text`, in order; [] if none.

    Bare numbers ("2023년", "10개국", "1위") are not amounts, nor are figures in other
    currencies ("1억 엔") or numbers that cannot be read ("3천1311만 달러").

    >>> [(a.text, a.value, a.qualifier) for a in find_amounts_ko("1억 달러와 2억 달러를 돌파했다")]
    [('1억 달러', Decimal('100000000'), 'over'), ('2억 달러', Decimal('200000000'), 'over')]
    >>> find_amounts_ko("음반 수출 대상국 톱 10에 2023년 처음 올랐다.")
    []
    """
    return list(_find(text))


@lru_cache(maxsize=8192)  # each sentence is read by several stages
def _find(text: str) -> tuple[Amount, ...]:
    found: list[Amount] = []
    previous: tuple[re.Match[str], Amount | None] | None = None  # a range's low end, maybe
    for m in _FIGURE.finditer(text):
        amount = _read(text, m)
        if previous is not None and amount is not None and amount.unit != "count":
            low = _low_end(text, previous, m, amount)
            if low is not None:
                if found and previous[1] is not None and found[-1] is previous[1]:
                    found.pop()
                found.append(low)
        if amount is not None:
            found.append(amount)
        previous = (m, amount) if amount is None or not (m["pct"] or m["cur"]) else None
    found = _share_hedges(text, found)
    if _LATIN.search(text):  # "US$301.7 million": a figure in English form
        spans = [_span(a) for a in found]
        english = [a for a in find_amounts(text) if not _covered(_span(a), spans)]
        found = sorted(found + english, key=lambda a: a.start)
    return tuple(found)


def _read(text: str, m: re.Match[str]) -> Amount | None:
    """The amount a figure match stands for, with its hedges; None if it is none of ours."""
    g = m.groupdict("")
    number, currency = g["num"], g["cur"].strip()
    unit: AmountUnit
    if g["pct"]:
        unit = "percent"
    elif currency:
        code = _WORDS.currencies[_spelled(currency, _WORDS.currencies)]
        if code not in ("USD", "KRW"):
            return None  # "1억 엔": a figure in another currency
        unit = "USD" if code == "USD" else "KRW"
    elif g["cnt"] or _UNIT_CLASS_RE.search(number):
        unit = "count"
    else:
        return None  # a bare number: a year, a rank, a count of countries
    if currency and not _UNIT_CLASS_RE.search(number) and _YEAR_LIKE.fullmatch(number):
        return None  # "2020원": more likely a year than an amount
    reading = read_number(number)
    if reading is None:
        return None
    step = reading.step
    if unit == "percent" and "." not in number:
        step = Decimal(1)  # "60%" means 60 give or take one, not 50 to 70
    value = -reading.value if g["sign"] in ("-", "−", "–") else reading.value
    suffix = g["pct"] or g["cur"] or g["cnt"]
    style = _style(
        prefix=g["pre"],
        suffix=suffix,
        decimals=reading.decimals,
        thousands=reading.thousands,
        sign=g["sign"],
        points=bool(g["pct"])
        and _WORDS.percents[_spelled(g["pct"].strip(), _WORDS.percents)] == "points",
        korean=None if unit == "percent" else reading.layout,
    )
    amount = Amount(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        value=value if unit == "percent" else _tidy(value),
        unit=unit,
        step=_tidy(step),
        scale=reading.scale,
        style=style,
    )
    return _hedged(text, amount, g["approx"] or g["approx2"])


_UNIT_CLASS_RE = re.compile(_UNIT_CLASS)
_style = lru_cache(maxsize=512)(AmountStyle)


def _spelled(written: str, table: dict[str, str]) -> str:
    """The row of `table` that `written` matched, its optional blanks aside ("% 포인트")."""
    if written in table:
        return written
    return next(word for word in table if word.replace(" ", "") == written.replace(" ", ""))


def _hedged(text: str, amount: Amount, attached: str) -> Amount:
    """`amount` with the hedge before, after or attached to it, if there is one."""
    update: dict[str, object] = {}
    if attached:
        update["qualifier"] = _ATTACHED_QUALIFIER[attached]
    before = _HEDGE_BEFORE.search(text, max(0, amount.start - HEDGE_REACH), amount.start)
    if before is not None:
        update.update(qualifier=_HEDGES["before"][before["hedge"]], hedge_start=before.start())
    after = _HEDGE_AFTER.match(text, amount.end)
    if after is not None and not attached:
        update.update(
            qualifier=_AFTER_QUALIFIER[after["hedge"].replace(" ", "")], hedge_end=after.end()
        )
    return amount.model_copy(update=update) if update else amount


def _low_end(
    text: str, previous: tuple[re.Match[str], Amount | None], m: re.Match[str], high: Amount
) -> Amount | None:
    """The low end of a range ("3억~4억 달러", "1~2%"), in the unit of its high end."""
    low_match, low = previous
    if not _RANGE.fullmatch(text, low_match.end(), m.start()):
        return None
    if any(low_match[name] for name in ("sign", "pre", "pct", "cur", "cnt")):
        return None
    number = low_match["num"]
    reading = read_number(number)
    if reading is None:
        return None
    value, step = reading.value, reading.step
    if not _UNIT_CLASS_RE.search(number):
        # "3~4억 달러": the low end shares the scale of a high end of one group
        chunks = _CHUNK.findall(m["num"])
        if len(chunks) != 1:
            return None
        units = chunks[0][2]
        multiplier = 1
        for c in units:
            multiplier *= _UNITS[c]
        value, step = value * multiplier, step * multiplier
    if high.unit == "percent" and "." not in number:
        step = Decimal(1)
    style = (
        high.style if low is None else high.style.model_copy(update={"korean": low.style.korean})
    )
    amount = Amount(
        start=low_match.start(),
        end=low_match.end(),
        text=low_match.group(),
        value=value if high.unit == "percent" else _tidy(value),
        unit=high.unit,
        step=_tidy(step),
        scale=reading.scale or high.scale,
        style=style,
    )
    return _hedged(text, amount, "")  # "약 3억~4억 달러": the hedge before the range


def _share_hedges(text: str, found: list[Amount]) -> list[Amount]:
    """Figures joined by 와/과/및 take the hedge after the last: "1억 달러와 2억 달러를 돌파"."""
    for i in range(len(found) - 2, -1, -1):
        first, then = found[i], found[i + 1]
        hedged = then.hedge_end is not None and first.qualifier is None
        if hedged and first.unit == then.unit and _JOINED.fullmatch(text, first.end, then.start):
            found[i] = first.model_copy(update={"qualifier": then.qualifier})
    return found


def _span(amount: Amount) -> tuple[int, int]:
    """Where an amount stands in its text, its hedge words included."""
    start = amount.start if amount.hedge_start is None else amount.hedge_start
    return start, amount.end if amount.hedge_end is None else amount.hedge_end


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` overlaps any of `spans`, which are in order and apart."""
    at = bisect_right(spans, (span[1],))  # the spans that start before `span` ends
    return at > 0 and spans[at - 1][1] > span[0]


def _tidy(number: Decimal) -> Decimal:
    """Whole numbers without exponent or trailing ".0": 291500000.000 -> 291500000."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


# -- writing ------------------------------------------------------------------------------------


def format_like_ko(value: Decimal, like: Amount) -> str:
    """`value` written as the Korean figure `like` was: its currency, blanks, commas and 천.

    The last place printed stays that of `like` ("806만 달러" for 80,630,000 is "8,063만
    달러"), finer where a smaller value needs it to keep as many digits; a figure written with
    a decimal point keeps it while the number stays under ten ("2.9억 원").

    >>> from factcheck.amounts import parse_amount
    >>> format_like_ko(Decimal(291800000), parse_amount("2억3천311만달러", "ko"))
    '2억9천180만달러'
    >>> format_like_ko(Decimal(85749000), parse_amount("2억3,311만 3천 달러", "ko"))
    '8,574만 9천 달러'
    """
    if not value.is_finite():
        raise ValueError(f"cannot write {value} as an amount; expected a finite Decimal")
    style, layout = like.style, like.style.korean or KoreanStyle()
    if value < 0:
        sign = style.sign if style.sign in ("-", "−", "–") else "-"
    else:
        sign = "+" if style.sign == "+" else ""
    number = abs(value)
    significant = 1
    if like.value:
        significant = max(1, abs(like.value).adjusted() - like.step.adjusted() + 1)
    body = None
    if style.decimals and like.scale in _WORDS.scales:
        body = _decimal_form(number, significant, like.scale, style.thousands)
    if body is None:
        quantum = like.step
        if number:
            quantum = min(quantum, Decimal(10) ** (number.adjusted() - significant + 1))
        if style.decimals:  # a decimal slip ("2.915억"): keep its digits, not its step
            quantum = Decimal(10) ** max(0, number.adjusted() - significant + 1)
        rounded = _round(number, max(quantum, Decimal(1)))
        if rounded >= GROUP**2 and rounded // GROUP % GROUP == 0 and rounded % GROUP:
            # "3억5000" reads as a slip for 3억5000만: print to the 만 rather than skip it
            rounded = _round(number, Decimal(GROUP))
        body = _groups(rounded, layout, style.thousands)
        if _YEAR_LIKE.fullmatch(body):
            body = f"{int(body):,}"  # "1,900달러": "1900달러" would read as a year
    return f"{style.prefix}{sign}{body}{style.suffix}"


def _decimal_form(number: Decimal, significant: int, scale: str, thousands: bool) -> str | None:
    """ "2.9억": `number` with a decimal point at the largest scale it reaches, if under ten."""
    scales = sorted(_WORDS.scales.items(), key=lambda item: item[1], reverse=True)
    word, size = next(((w, s) for w, s in scales if number >= s), (scale, _WORDS.scales[scale]))
    scaled = number / size
    if scaled >= 10:
        return None
    places = max(0, significant - (scaled.adjusted() if scaled else 0) - 1)
    rounded = _round(scaled, Decimal(1).scaleb(-places))
    if rounded >= 10:
        return None
    return f"{rounded:{',' if thousands else ''}.{places}f}{word}"


def _groups(number: Decimal, layout: KoreanStyle, thousands: bool) -> str:
    """A whole number in groups of four digits: "2억9천180만", "8,574만 9천", "13만2934천"."""
    whole = int(number)
    thousands_of, rest = divmod(whole, THOUSAND)
    # "13만2934천" only reads back as thousands with two digits or more right before 천, and
    # those right after 만 or alone
    below, groups = thousands_of % GROUP, thousands_of // GROUP
    if layout.thousand_unit and not rest and below >= 10 and (groups % GROUP or not groups):
        plain = KoreanStyle(group_gap=layout.group_gap)
        return _groups(Decimal(thousands_of), plain, thousands) + "천"
    parts = []
    for word, size in sorted(_WORDS.scales.items(), key=lambda item: item[1], reverse=True):
        count, whole = divmod(whole, size)
        if count:
            parts.append(_group(count, layout.kilo, thousands) + word)
    text = layout.group_gap.join(parts)
    if whole or not parts:
        tail = _group(whole, layout.kilo_tail, thousands)
        gap = layout.tail_gap if "천" in tail else ""  # "8,574만 9천", "8,574만 3천500", "5만1"
        text = f"{text}{gap}{tail}" if parts else tail
    return text


def _group(count: int, kilo: bool, thousands: bool) -> str:
    """One group: "3천311" (천 as a word), "3,311" or "3311"."""
    if kilo and THOUSAND <= count < GROUP:
        high, rest = divmod(count, THOUSAND)
        return f"{high}천{rest or ''}"
    return f"{count:,}" if thousands else str(count)


def _round(number: Decimal, quantum: Decimal) -> Decimal:
    return (number / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum
