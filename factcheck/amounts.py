"""Grammar of money, percentages and scaled counts in English news text.

    "$301.7 million", "US$291 mln", "168.5 billion won", "3.4%", "233-point-11 million dollars",
    "two-thirds", "about 400 billion won"  ->  Amount (exact Decimal value, unit, printed step)

The grammar is the regular expression below; its words live in `reference/`:
`hedges.csv` (language, phrase, qualifier, position: "more than" -> over, before the figure)
and `number-words-en.csv` (word, value, kind, family: number, scale and fraction words). Both
were written by hand for this project from the phrasings of English-language reports on Korea
Customs Service figures. Korean figures ("2억3천311만달러") are read by `amounts_ko`, through
`find_amounts(text, language="ko")`, into the same `Amount`.

>>> amount = parse_amount("$301.7 million")
>>> amount.value, amount.unit, amount.step
(Decimal('301700000'), 'USD', Decimal('100000'))
>>> [a.text for a in find_amounts("Exports rose 3.4% to $301.7 million (about 440 billion won).")]
['3.4%', '$301.7 million', '440 billion won']
>>> format_like(Decimal(291800000), parse_amount("$2.918 billion"))
'$291.8 million'
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from factcheck.errors import DataError
from factcheck.reference import read_rows, reference_dir

AmountUnit = Literal["USD", "KRW", "percent", "count"]

QUALIFIERS = ("about", "nearly", "over", "under")
WORD_KINDS = ("digit", "teen", "tens", "hundred", "scale", "letter", "fraction", "fractions")
# Spoken fractions are loose: "two-thirds" is said of anything from about 62 to 70 percent.
FRACTION_STEP = Decimal(5)
# Scales a correction may move to; "thousand" only when the original was written in thousands.
MIN_CHOSEN_SCALE = 1_000_000


class KoreanStyle(BaseModel):
    """How a Korean figure laid out its groups of four digits ("2억3천311만", "8,574만 9천")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kilo: bool = False  # 천 as a word inside the groups of 만 and above: "2억3천311만"
    kilo_tail: bool = False  # 천 as a word in the part below 만: "8,574만 9천"
    group_gap: str = ""  # between the groups of 조, 억 and 만: "2억 9180만"
    tail_gap: str = ""  # before the part below 만: "8,574만 9천"
    thousand_unit: bool = False  # the number counts thousands: "13만2934천 달러"


class AmountStyle(BaseModel):
    """How a figure was written, so that another value can be written the same way."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prefix: str = ""  # currency before the number as written: "$", "US$", "USD ", "KRW ", "₩"
    suffix: str = ""  # after the scale as written: " dollars", " U.S. dollars", " won", "%"
    gap: str = ""  # between number and scale word: " ", "" ("301.7million", "$1.2bn") or "-"
    decimals: int = 0
    mark: str = "."  # decimal mark: ".", "-point-" or " point " (broadcast style)
    thousands: bool = False  # "48,523,000"
    sign: str = ""  # sign as printed: "-", "−", "–" or "+"
    words: bool = False  # number spelled out: "forty-eight million dollars"
    fraction: bool = False  # "two-thirds", "a fifth of"
    points: bool = False  # "percentage points", "% points", "%p": a difference of two shares
    korean: KoreanStyle | None = None  # a figure in Korean groups: "2억3천311만달러"


class Amount(BaseModel):
    """A figure found in text: its span, exact value in `unit`, and how precisely it was printed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    text: str
    value: Decimal  # USD whole dollars, KRW won, percent points (3.4% -> 3.4), or a count
    unit: AmountUnit
    step: Decimal  # place value of the last significant printed digit, in `unit`
    qualifier: str | None = None  # "about", "nearly", "over" or "under"
    hedge_start: int | None = None  # start of the hedge words ("more than") before the figure
    hedge_end: int | None = None  # end of the hedge words after it ("3천억 원에 육박")
    scale: str | None = None  # scale word as written: "million", "mln", "bn", "M"
    style: AmountStyle = AmountStyle()


# -- vocabulary ---------------------------------------------------------------------------------


def _load_hedges(language: str) -> dict[str, str]:
    """Hedge phrase (lower case, single spaces) -> qualifier."""
    path = reference_dir() / "hedges.csv"
    hedges = {}
    for line, row in read_rows(path, ("language", "phrase", "qualifier")):
        if row["qualifier"] not in QUALIFIERS:
            raise DataError(
                f"unknown qualifier '{row['qualifier']}', expected one of {', '.join(QUALIFIERS)}",
                path=str(path),
                line=line,
            )
        if row["language"] == language:
            hedges[" ".join(row["phrase"].lower().split())] = row["qualifier"]
    return hedges


def _load_words() -> list[tuple[str, int, str, str]]:
    """(word, value, kind, family) rows of number-words-en.csv, in file order."""
    path = reference_dir() / "number-words-en.csv"
    rows = []
    for line, row in read_rows(path, ("word", "value", "kind", "family")):
        kind, family = row["kind"], row["family"]
        if not row["value"].isdigit():
            raise DataError(
                f"value '{row['value']}' is not a whole number", path=str(path), line=line
            )
        if kind not in WORD_KINDS or (kind in ("scale", "letter")) != bool(family):
            raise DataError(
                f"kind '{kind}', family '{family}': expected a kind in {', '.join(WORD_KINDS)} "
                "and a family (long, mln, mn, letter, lower) for scale and letter words only",
                path=str(path),
                line=line,
            )
        rows.append((row["word"], int(row["value"]), kind, family))
    return rows


def _alternatives(phrases: list[str]) -> str:
    """A regex that matches any of `phrases`, longest first, any blanks between words.

    Written as a trie ("t(?:en|w(?:o|enty))") so that the regex engine tests each letter once:
    these alternations are tried at every word start of an article.
    """
    tree: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = tree
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict[str, Any]]) -> str:
        arms = [(r"\s+" if c == " " else re.escape(c)) + branch(n) for c, n in node.items() if c]
        if not arms:
            return ""
        if len(arms) == 1 and "" not in node:
            return arms[0]
        return "(?:" + "|".join(arms) + (")?" if "" in node else ")")  # longer tried first

    return branch(tree)


def _cased(words: list[str]) -> str:
    """Alternation of words as written and Capitalized, matched case-sensitively.

    Number words are tried at every word start of an article; a case-sensitive alternation
    lets the regex engine reject most of them on the first letter, (?i) would not.
    """
    return _alternatives(words + [word.capitalize() for word in words])


_HEDGES = _load_hedges("en")
_WORD_ROWS = _load_words()
_NUMBER_WORDS = {w: v for w, v, kind, _ in _WORD_ROWS if kind in ("digit", "teen", "tens")}
# Read backwards so that the first row of a word written twice ("bn") wins.
_SCALE_VALUES = {w: v for w, v, kind, _ in reversed(_WORD_ROWS) if kind in ("scale", "letter")}
_SCALE_FAMILY = {w: f for w, _, kind, f in reversed(_WORD_ROWS) if kind in ("scale", "letter")}
_SCALE_WORD = {(f, v): w for w, v, kind, f in reversed(_WORD_ROWS) if kind in ("scale", "letter")}
_DENOMINATORS = {w: (v, kind == "fractions") for w, v, kind, _ in _WORD_ROWS if "fraction" in kind}


def _words_of(*kinds: str) -> list[str]:
    return [w for w, _, kind, _ in _WORD_ROWS if kind in kinds]


_DIGIT = _cased(_words_of("digit"))
_BELOW_100 = (
    rf"(?:{_cased(_words_of('tens'))})(?:[-\s](?:{_DIGIT}))?(?!\w)"
    rf"|(?:{_cased(_words_of('teen'))})(?!\w)|(?:{_DIGIT})(?!\w)"
)
_HUNDRED = _cased(_words_of("hundred"))
_WORD_INT = rf"""(?:
    (?:{_cased(_words_of("tens"))})(?:[-\s](?:{_DIGIT}))?(?!\w)       # "forty-eight"
  | (?:{_cased(_words_of("digit", "teen"))})(?!\w)                     # "two", "twelve"
    (?:[-\s]{_HUNDRED}(?!\w)(?:(?:\s+and)?[-\s](?:{_BELOW_100}))?)?     # "hundred and ten"
)"""
# Every figure starts with a digit, a sign, a currency or the first letters of a number word.
_STARTS = _cased(sorted({w[:3] for w in _words_of("digit", "teen", "tens")} | {"hal"}))
_SCALE_WORDS = _alternatives(_words_of("scale"))
_LETTERS = _alternatives(_words_of("letter"))
_NUMERATOR = _cased(["a", *_words_of("digit")])
_DENOMINATOR = _cased(_words_of("fraction", "fractions"))
# "U.S. $64 million" is a partner and a figure ("China $69.7 million and the U.S. $64 million")
_PREFIX = r"(?:US\s?\$|U\.S\.\$|USD\s?\$|USD\s?|KRW\s?|\$|₩\s?)"

_FIGURE = re.compile(
    rf"""
    (?<![\w.,$₩£€¥])                        # not inside a word or number, nor after "NT$" or "€"
    (?=[\d$₩]|[-−–+]\d|U[S.]|KRW|[aA]\s|{_STARTS})  # a quick test that most word starts fail
    (?<![^\W\d_]-)                          # nor hyphenated to a word: "mid-70%", "COVID-19"
    (?:
        (?P<pre>{_PREFIX})?                 # currency first: "$", "US$", "USD ", "KRW ", "₩"
        (?:                                 # low end of a range: "$60-70 million"
            (?P<lo>(?!(?:19|20|21)\d\d(?![\d.,]))\d+(?:\.\d+)?)   # not a year: "from 2023 to"
            (?:\s?[-–—]\s?|\s+(?:to|and|or)\s+)
            (?P<pre2>{_PREFIX})?            # "$3 to $4 billion"
        )?
        (?P<sign>(?<!\w)[-−–+](?=\d))?      # sign as printed: "-2.0%", "−10.2%"
        (?:
            (?P<int>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)   # "48,523,000" or "301"
            (?:\.(?P<dec>\d+))?                         # ".7"
          | (?<!-)(?P<wint>{_WORD_INT})     # "forty-eight"; never the "two" of "twenty-two"
        )
        (?(dec)|(?:                         # broadcast decimals: "233-point-11", "two-point-five"
            (?P<mark>-point-|\s+point\s+)
            (?P<pdec>\d+|(?:{_DIGIT})(?:[-\s](?:{_DIGIT}))*)(?!\w)
        )?)
        (?:
            (?P<gap>[\s-]?)(?P<scale>(?i:{_SCALE_WORDS}))(?!\w)   # "million", "mln", "bn"
          | (?(pre)(?P<letter>{_LETTERS})(?!\w)|(?!))        # "$560M", only after a currency
        )?
        (?(pre)|(?P<suf>                    # unit after the number, unless a currency came first
            (?P<pct>\s?%(?:\s?points?(?!\w)|p(?!\w))?     # "3.4%", "3% points", "3.8%p"
              | (?i:[\s-]?(?:percent(?:age)?[\s-]points?|percent|per\s?cent|pct))(?!\w))
          | (?i:[\s-]?(?P<cur>U\.?\s?S\.?\s?dollars?|dollars?|USD|(?:Korean\s+)?won|KRW))(?!\w)
        )?)
        (?(pre)|(?(pre2)|(?(scale)|(?(suf)|(?!)))))     # a bare number ("2023", "top 10") is none
      |                                     # or a spoken fraction: "two-thirds", "a fifth of"
        (?<!-)(?P<frac>
            (?P<fnum>{_NUMERATOR})(?P<joint>[-\s])(?P<fden>{_DENOMINATOR})
          | (?P<half>half|Half)
        )(?![\w-])
    )
    """,
    re.VERBOSE,
)
# An article writes its figures in a handful of styles: build each once.
_style = lru_cache(maxsize=512)(AmountStyle)
_HEDGE = re.compile(rf"(?<![\w-])(?P<hedge>{_cased(list(_HEDGES))})\s+\Z")  # blanks, then figure
_DOLLAR = re.compile(r"\$|USD|dollar", re.IGNORECASE)
# "a fifth" or "half" is a fraction only before "of": not in "a fifth straight year".
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
# ... and not when it names part of a year: "the first half of 2023", "three quarters of last year".
_OF_YEAR = re.compile(
    r"\s+of\s+(?:(?:the|this|last|next|that|a|each|every)\s+)?(?:year|fiscal|\d{4})",
    re.IGNORECASE,
)
_ORDINAL_BEFORE = re.compile(r"(?:first|second|latter|former|other|back)\s+\Z", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:19|20|21)\d\d")


# -- reading ------------------------------------------------------------------------------------


LANGUAGES = ("en", "ko")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}': expected one of {', '.join(LANGUAGES)}")


def qualifier_of(hedge: str, language: str = "en") -> str | None:
    """The qualifier a hedge phrase stands for ("more than" -> "over"), or None.

    >>> qualifier_of("More than"), qualifier_of("exactly"), qualifier_of("육박해", "ko")
    ('over', None, 'nearly')
    """
    if language != "en":
        _check_language(language)
        from factcheck.amounts_ko import qualifier_of_ko  # it builds on this module

        return qualifier_of_ko(hedge)
    return _HEDGES.get(" ".join(hedge.lower().split()))


def find_amounts(text: str, language: str = "en") -> list[Amount]:
    """Every money, percent and scaled-count figure in `text`, in order and non-overlapping.

    Bare numbers are not amounts: years, ranks and counts without a scale word give nothing,
    and so does text without figures (the result is then `[]`). Both ends of a range come back.
    `language="ko"` reads Korean figures ("2억3천311만달러", "약 2,895억 원"): see `amounts_ko`.

    >>> [(a.text, a.value, a.unit) for a in find_amounts("from 2023 to $60-70 million")]
    [('$60', Decimal('60000000'), 'USD'), ('70 million', Decimal('70000000'), 'USD')]
    >>> [(a.text, a.qualifier) for a in find_amounts("nearly two-thirds of it, top 10")]
    [('two-thirds', 'nearly')]
    >>> find_amounts("K-pop album exports hit a record in 2025.")
    []
    """
    if language != "en":
        _check_language(language)
        from factcheck.amounts_ko import find_amounts_ko  # it builds on this module

        return find_amounts_ko(text)
    found: list[Amount] = []
    for match in _FIGURE.finditer(text):
        found.extend(_read_fraction(text, match) if match["frac"] else _read_figure(text, match))
    if "-" in text or " range" in text:
        found = sorted(found + _read_bands(text, found), key=lambda a: a.start)
    return found


#: "the mid-70% range": where in the band of ten the figure lies, and how wide that is.
BAND_OFFSET = {"low": Decimal(2), "mid": Decimal(5), "high": Decimal(8)}
BAND_STEP = Decimal(5)
_BAND = re.compile(
    r"""(?<![\w-])(?P<where>low|mid|high)[\s-]+   # low-, mid-, high-
        (?P<n>\d{1,2})(?:\s?%|\s+percent)        # 70%
        (?:\s+range)?                            # range""",
    re.VERBOSE | re.IGNORECASE,
)


def _read_bands(text: str, found: list[Amount]) -> list[Amount]:
    """Percent bands ("the mid-30% range": about 35%), where no other figure was read.

    >>> [(a.text, a.value, a.qualifier) for a in find_amounts("in the mid-70% range")]
    [('mid-70% range', Decimal('75'), 'about')]
    """
    bands = []
    for m in _BAND.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in found):
            continue
        n = Decimal(m["n"])
        # Only a round ten is a band ("mid-30%"); "mid-34%" can only mean about 34%.
        offset, step = (BAND_OFFSET[m["where"].lower()], BAND_STEP) if n % 10 == 0 else (0, 1)
        style = AmountStyle(suffix="%")
        band = _amount(text, m.start(), m.end(), n + offset, "percent", Decimal(step), None, style)
        bands.append(band.model_copy(update={"qualifier": "about"}))
    return bands


def parse_amount(text: str, language: str = "en") -> Amount | None:
    """The one amount that is the whole of `text` (hedge words included), else None.

    Offsets point into `text` as given, surrounding blanks included.

    >>> a = parse_amount(" about 400 billion won ")
    >>> a.value, a.unit, a.qualifier, a.step, (a.hedge_start, a.start, a.end)
    (Decimal('400000000000'), 'KRW', 'about', Decimal('100000000000'), (1, 7, 22))
    >>> parse_amount("2023") is None, parse_amount("$300 million and $4 million") is None
    (True, True)
    >>> a = parse_amount("3천억 원에 육박", "ko")
    >>> a.value, a.qualifier, a.text
    (Decimal('300000000000'), 'nearly', '3천억 원')
    """
    found = find_amounts(text, language)
    if len(found) != 1:
        return None
    amount = found[0]
    first = len(text) - len(text.lstrip())
    begin = amount.start if amount.hedge_start is None else amount.hedge_start
    end = amount.end if amount.hedge_end is None else amount.hedge_end
    return amount if begin == first and end == len(text.rstrip()) else None


def _read_figure(text: str, m: re.Match[str]) -> list[Amount]:
    """The amount (or both ends of the range) that a figure match stands for; [] if none."""
    g = m.groupdict("")
    currency, scale, suffix = g["pre"] or g["pre2"] or g["cur"], g["scale"] or g["letter"], g["suf"]
    written_scale = scale or None
    unit: AmountUnit
    if g["pct"]:
        unit = "percent"
    elif currency:
        unit = "USD" if _DOLLAR.search(currency) else "KRW"
    else:
        unit = "count"
    if g["cur"] and not scale and not g["dec"] and _YEAR_LIKE.fullmatch(g["int"]):
        return []  # "in 2020 won a prize", "in 2019 dollars": a year, not an amount
    whole = g["int"].replace(",", "") if g["int"] else str(_word_int(g["wint"]))
    fraction = g["dec"] or (g["pdec"] and _digit_string(g["pdec"]))
    mult = Decimal(_multiplier(scale))
    style = _style(
        prefix=g["pre2"] or g["pre"],
        suffix=suffix,
        gap=g["gap"],
        decimals=len(fraction),
        mark=g["mark"] if g["pdec"] else ".",
        thousands="," in g["int"],
        sign=g["sign"],
        words=bool(g["wint"]) or any(c.isalpha() for c in g["pdec"]),
        points="point" in suffix.lower() or suffix.endswith("p"),
    )
    amounts = []
    start = m.start()
    if g["lo"]:
        # The low end of "$60-70 million" spans "$60" and shares the scale and unit of the
        # high end, which spans its own number.
        lo_whole, _, lo_fraction = g["lo"].partition(".")
        lo_style = _style(prefix=g["pre"], suffix=suffix, gap=g["gap"], decimals=len(lo_fraction))
        step = _step(lo_whole, lo_fraction, unit) * mult
        lo_value = Decimal(g["lo"]) * mult
        amounts.append(
            _amount(text, start, m.end("lo"), lo_value, unit, step, written_scale, lo_style)
        )
        start = m.start("pre2") if g["pre2"] else m.start("sign" if g["sign"] else "int")
    number = Decimal(f"{whole}.{fraction}" if fraction else whole)
    if g["sign"] in ("-", "−", "–"):
        number = -number
    step = _step(whole, fraction, unit) * mult
    amounts.append(_amount(text, start, m.end(), number * mult, unit, step, written_scale, style))
    return amounts


def _step(whole: str, fraction: str, unit: AmountUnit) -> Decimal:
    """Place value of the last significant digit of `whole`.`fraction`, before scaling."""
    if fraction:
        return Decimal(1).scaleb(-len(fraction))
    if unit == "percent":
        return Decimal(1)  # "60%" means 60 give or take one, not 50 to 70
    # Trailing zeros of a whole number are not significant: "$300 million" is rounded to the
    # hundred million, "48,523,000 dollars" to the thousand.
    return Decimal(10) ** (len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0)


def _amount(
    text: str,
    start: int,
    end: int,
    value: Decimal,
    unit: AmountUnit,
    step: Decimal,
    scale: str | None,
    style: AmountStyle,
) -> Amount:
    """The Amount at text[start:end], with the hedge words just before it if there are any."""
    hedge = None
    if start and text[start - 1].isspace():  # the hedge is followed by blanks
        hedge = _HEDGE.search(text, max(0, start - 40), start)
    return Amount(
        start=start,
        end=end,
        text=text[start:end],
        value=value if unit == "percent" else _tidy(value),
        unit=unit,
        step=_tidy(step),
        qualifier=_HEDGES[" ".join(hedge["hedge"].lower().split())] if hedge else None,
        hedge_start=hedge.start() if hedge else None,
        scale=scale,
        style=style,
    )


def _read_fraction(text: str, m: re.Match[str]) -> list[Amount]:
    """The share a spoken fraction stands for, in percent; [] when it is not a fraction here."""
    if m["half"]:
        numerator, denominator, plural, hyphenated = 1, 2, False, False
        if _ORDINAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return []  # "the second half" is a period
    else:
        word = m["fnum"].lower()
        numerator = 1 if word == "a" else _NUMBER_WORDS[word]
        denominator, plural = _DENOMINATORS[m["fden"].lower()]
        hyphenated = m["joint"] == "-"
        if numerator == 0 or plural != (numerator > 1):
            return []  # "one thirds", "two third": not English fractions
    needs_of = not hyphenated and (numerator == 1 or denominator == 4)
    if (needs_of and not _OF.match(text, m.end())) or _OF_YEAR.match(text, m.end()):
        return []
    value = (Decimal(100) * numerator / denominator).quantize(Decimal("0.01"))
    style = _style(words=True, fraction=True)
    return [_amount(text, m.start(), m.end(), value, "percent", FRACTION_STEP, None, style)]


def _word_int(words: str) -> int:
    """0-999 written in words: "two hundred and thirty-three" -> 233."""
    total = 0
    for word in re.split(r"[-\s]+", words.lower()):
        if word == "hundred":
            total *= 100
        elif word != "and":
            total += _NUMBER_WORDS[word]
    return total


def _digit_string(digits: str) -> str:
    """Decimal places after a spoken "point": "11" -> "11", "two four" -> "24"."""
    if digits.isdigit():
        return digits
    return "".join(str(_NUMBER_WORDS[w]) for w in re.split(r"[-\s]+", digits.lower()))


def _multiplier(scale: str | None) -> int:
    """The value of a scale word as written ("M" is not "m"; "Million" is "million"); 1 if none."""
    if not scale:
        return 1
    return _SCALE_VALUES[scale] if scale in _SCALE_VALUES else _SCALE_VALUES[scale.lower()]


def _tidy(number: Decimal) -> Decimal:
    """Whole numbers without exponent or trailing ".0": 301700000.0 -> 301700000."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


# -- writing ------------------------------------------------------------------------------------


def format_like(value: Decimal, like: Amount) -> str:
    """`value` (in the unit of `like`) written as `like` was: same currency form, scale family
    and precision, at the scale that reads naturally. Spelled-out numbers come back as digits,
    fractions as whole percents.

    >>> format_like(Decimal(64000000), parse_amount("US$64.0 million"))
    'US$64.0 million'
    >>> format_like(Decimal("3.41"), parse_amount("3.4%"))
    '3.4%'
    >>> format_like(Decimal(-15), parse_amount("−10.2%"))
    '−15.0%'
    >>> format_like(Decimal(233113000), parse_amount("85-point-74 million dollars"))
    '233-point-11 million dollars'
    >>> format_like(Decimal(80630000), parse_amount("806만 달러", "ko"))
    '8,063만 달러'
    """
    if not value.is_finite():
        raise ValueError(f"cannot write {value} as an amount; expected a finite Decimal")
    style = like.style
    if style.korean is not None:
        from factcheck.amounts_ko import format_like_ko  # it builds on this module

        return format_like_ko(value, like)
    if like.unit == "percent":
        if style.fraction:
            return _digits(value, Decimal(1), style) + "%"
        return (
            style.prefix + _digits(value, Decimal(1).scaleb(-style.decimals), style) + style.suffix
        )
    if like.scale is None:
        quantum = Decimal(1).scaleb(-style.decimals) if style.decimals else like.step
        if value:
            quantum = min(quantum, Decimal(10) ** abs(value).adjusted())  # keep a digit
        number = _digits(value, quantum, style)
        if not style.prefix and _YEAR_LIKE.fullmatch(number):
            number = f"{int(number):,}"  # "2,019 dollars": "2019 dollars" would read as a year
        return style.prefix + number + style.suffix
    like_mult = _multiplier(like.scale)
    family = _SCALE_FAMILY.get(like.scale) or _SCALE_FAMILY[like.scale.lower()]
    printed, printed_step = abs(like.value) / like_mult, like.step / like_mult
    significant = max(1, printed.adjusted() - printed_step.adjusted() + 1) if printed else 1
    scales = sorted(
        v for (f, v) in _SCALE_WORD if f == family and (v >= MIN_CHOSEN_SCALE or v == like_mult)
    )
    mult = max((s for s in scales if abs(value) >= s), default=scales[0])
    while True:
        scaled = value / mult
        quantum = _quantum(scaled, significant, style.decimals if mult == like_mult else 0)
        bigger = [s for s in scales if s > mult]
        if abs(_round(scaled, quantum)) < 1000 or not bigger:
            break
        mult = bigger[0]  # 999.96 million rounds to 1000.0 million: say 1.000 billion
    word = _SCALE_WORD[(family, mult)]
    return f"{style.prefix}{_digits(scaled, quantum, style)}{style.gap}{word}{style.suffix}"


def _quantum(number: Decimal, significant: int, decimals: int) -> Decimal:
    """The rounding unit that prints `number` with `significant` digits, and at least
    `decimals` decimals; whole digits are never rounded away."""
    if not number:
        return Decimal(1).scaleb(-decimals)
    places = max(decimals, significant - abs(number).adjusted() - 1, 0)
    if _round(number, Decimal(1).scaleb(-places)).adjusted() > number.adjusted():
        places = max(decimals, places - 1, 0)  # 0.99996 rounds up to 1.000, not 1.0000
    return Decimal(1).scaleb(-places)


def _round(number: Decimal, quantum: Decimal) -> Decimal:
    return (number / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum


def _digits(number: Decimal, quantum: Decimal, style: AmountStyle) -> str:
    """`number` rounded to `quantum`, with the sign, separators and decimal mark of `style`."""
    rounded = _round(number, quantum)
    decimals = max(0, -quantum.adjusted())  # quantum is a power of ten
    body = f"{abs(rounded):{',' if style.thousands else ''}.{decimals}f}"
    if style.mark != ".":
        body = body.replace(".", style.mark)
    if rounded < 0:
        return (style.sign if style.sign in ("-", "−", "–") else "-") + body
    return ("+" if style.sign == "+" else "") + body
