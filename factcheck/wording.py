"""How explanations write numbers, partners and periods: '$301,744,000', '168.5 billion won',
'+3.41%', '2nd', 'Japan, China and the United States', 'the first half of 2023'.

Partner names come from `reference/aliases-en.csv` (the rows of form `name`).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from .models import Period
from .reference import vocabulary

__all__ = [
    "josa",
    "ordinal",
    "partner_names",
    "partner_names_ko",
    "percent",
    "period_ko",
    "period_words",
    "usd",
    "usd_ko",
    "won",
    "won_ko",
]


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


# -- Korean ----------------------------------------------------------------------------------

#: Digits read with a final consonant (일, 삼, 육, 칠, 팔, 영/공): "3이", "2가"; 1, 7, 8 end in ㄹ.
_DIGIT_BATCHIM = {"0": 21, "1": 8, "3": 16, "6": 1, "7": 8, "8": 8}
_RIEUL = 8


def _batchim(word: str) -> int:
    """The final consonant (jongseong index, 0 for none) of how `word` ends when read aloud;
    a closing parenthetical is skipped ("2억달러(약 2,878억 원)" ends in "러")."""
    if word.endswith(")") and "(" in word:
        word = word[: word.rindex("(")]
    last = word.rstrip(" .")[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28
    return _DIGIT_BATCHIM.get(last, 0)  # "%" (퍼센트), "p" (포인트): none


def josa(word: str, particle: str) -> str:
    """`word` with the particle that fits its last sound: 이/가, 은/는, 을/를, 과/와, 으로/로.

    >>> josa("806만 달러", "이/가"), josa("2,895억 원", "으로/로"), josa("독일", "으로/로")
    ('806만 달러가', '2,895억 원으로', '독일로')
    """
    with_final, without = particle.split("/")
    final = _batchim(word)
    if with_final == "으로":
        return word + ("으로" if final not in (0, _RIEUL) else "로")
    return word + (with_final if final else without)


def usd_ko(value: Decimal) -> str:
    """'2억3311만3000달러' (whole dollars in 억/만 groups)."""
    number = abs(int(value.quantize(Decimal(1))))
    eok, rest = divmod(number, 10**8)
    man, one = divmod(rest, 10**4)
    body = "".join(f"{n}{w}" for n, w in ((eok, "억"), (man, "만"), (one, "")) if n) or "0"
    return ("-" if value < 0 else "") + body + "달러"


def won_ko(value: Decimal) -> str:
    """'2,895억 원', '1조2,000억 원' (to the 억 from 1억 up), '8,063만 원' below."""
    number = abs(value)
    if number >= 10**8:
        eok = int((number / 10**8).quantize(Decimal(1)))
        jo, eok = divmod(eok, 10**4)
        body = (f"{jo:,}조" if jo else "") + (f"{eok:,}억" if eok else "")
    else:
        body = f"{int((number / 10**4).quantize(Decimal(1))):,}만"
    return ("-" if value < 0 else "") + body + " 원"


def period_ko(period: Period) -> str:
    """'2023년', '2023년 상반기', '2023년 1분기', '2023년 7월', '2023년 1~10월'."""
    y1, m1, y2, m2 = period.start_year, period.start_month, period.end_year, period.end_month
    kind = period.kind
    if kind == "year":
        return f"{y1}년"
    if kind == "half":
        return f"{y1}년 {'상' if m1 == 1 else '하'}반기"
    if kind == "quarter":
        return f"{y1}년 {(m1 + 2) // 3}분기"
    if kind == "month":
        return f"{y1}년 {m1}월"
    if y1 == y2:
        return f"{y1}년 {m1}~{m2}월"
    return f"{y1}년 {m1}월~{y2}년 {m2}월"


@lru_cache(maxsize=1)
def _partner_names_ko() -> dict[str, str]:
    """Partner code -> its first Korean name ('일본'), from aliases-ko.csv."""
    names: dict[str, str] = {}
    for row in vocabulary("aliases-ko.csv", ("partner", "alias", "form")):
        if row["form"] == "name":
            names.setdefault(row["partner"], row["alias"])
    return names


def partner_names_ko(partner: str) -> str | None:
    """'일본'; '일본·중국·미국' for 'JP+CN+US'; None if a name is not known."""
    names = [_partner_names_ko().get(code) for code in partner.split("+")]
    return None if None in names else "·".join(n for n in names if n)
