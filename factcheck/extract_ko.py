"""Extract, Korean: the claims in one sentence of a Korean article.

    claims_in_ko(sentence, money) -> [Claim, ...]     as `extract` reads an English sentence

Korean writes the direction of a change after its figure ("5.6% 증가했다", "10.2% 감소한"),
a share with its cue before or after it ("비중은 16.7%", "36.2%를 차지"), and a place as a
number and 위 ("2위를 차지", "수출액 2위", "10위권"). Amounts come from
`find_amounts(text, "ko")`, with the hedges written before or after them ("약 2,895억 원",
"3천억 원에 육박"); a count of copies ("9천837만장") is a value in unit `count`.

The grammar is here; the words are the `ko` rows of reference/claim-words.csv (direction
words and rate nouns, `up` or `down`; comparisons, `change`; share cues; `base`: what right
after a percent makes it a level compared with or reached, "13.5%에 비해", "36%로") and of
reference/rank-words.csv (위 and the words around it, superlatives, ordinals, the nouns of a
market ranking, `record` words that make 최대 a record rather than a place, `lead` words that
a place's quote takes in: "수출액 2위").

>>> from factcheck.articles import article_from_text
>>> from factcheck.extract import extract_claims
>>> text = "지난해 음반 수출액은 2억3천311만달러로 전년 대비 5.6% 증가했다.중국이 2위였다."
>>> article = article_from_text(text, language="ko")
>>> [(c.quote, c.kind, str(c.stated)) for c in extract_claims(article)]
[('2억3천311만달러', 'value', '233110000'), ('5.6% 증가', 'growth', '5.6'), ('2위', 'rank', '2')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from .aliases import find_partners, find_topics
from .amounts import Amount, find_amounts
from .amounts_ko import particles, qualifier_of_ko
from .extract import CUE_REACH, Sentence, claim_at
from .models import Claim, Kind, Unit
from .reference import vocabulary

LANGUAGE = "ko"
#: How far (in characters) after 가장 the noun of a market ranking may stand: "가장 많이
#: 수입해 간 국가는".
NOUN_REACH = 20

# Between a percent and the word that says what it is: a particle ("5.6%나 늘었다", "36.2%를
# 차지", "5.6%의 증가율") and an adverb ("5.6% 더 늘었다").
_PARTICLE = r"(?:이나|나|가|이|의|를|을|씩)(?![가-힣])"
_ADVERB = r"(?:더|각각|또|소폭|대폭|크게|급격히|무려)"
_CLAUSE_END = re.compile(r"[,;()]")
_WORD_REST = re.compile(r"(?![하한해했할함되된됐])[가-힣]+")
# Between the figures of a list: "일본 36%, 중국 22%", "중국은 22%, 미국은 17%".
_LIST_GAP = re.compile(r"\s*(?:,|와|과|및)\s*(?:[가-힣]+\s*)?")
_OTHER_FIGURE = re.compile(r"\d\s?(?:%|퍼센트)")
_DESTINATIONS = re.compile(
    r"""
    (?<![\d.,~∼〜-])(?P<n>\d{1,3})   # a small bare number: "110", "78"
    (?P<over>여)?\s?개\s?             # 여: "110여 개국" is over 110
    (?:국가|국|나라)                  # countries
    """,
    re.VERBOSE,
)


# -- vocabulary --------------------------------------------------------------------------------


@cache
def _claim_words() -> list[tuple[str, str]]:
    """(phrase, meaning) of the Korean rows of claim-words.csv: up, down, change, share, base."""
    rows = vocabulary("claim-words.csv", ("language", "phrase", "meaning"))
    return [(r["phrase"], r["meaning"]) for r in rows if r["language"] == LANGUAGE]


@cache
def _meanings() -> dict[str, str]:
    return {_squeezed(phrase): meaning for phrase, meaning in _claim_words()}


@cache
def _rank_words() -> dict[str, dict[str, str]]:
    """{kind: {phrase: value}} of the Korean rows of rank-words.csv."""
    by_kind: dict[str, dict[str, str]] = {}
    for row in vocabulary("rank-words.csv", ("language", "phrase", "kind", "value")):
        if row["language"] == LANGUAGE:
            by_kind.setdefault(row["kind"], {})[row["phrase"]] = row["value"]
    return by_kind


def _squeezed(phrase: str) -> str:
    return "".join(phrase.lower().split())


def _alt(words: Iterable[str]) -> str:
    """Any of `words`, longest first; a blank in a word matches any blanks or none."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(r"\s*".join(map(re.escape, w.split())) for w in ordered) + ")"


def _words(*meanings: str) -> str:
    return _alt(phrase for phrase, meaning in _claim_words() if meaning in meanings)


def _meaning(word: str) -> str:
    return _meanings()[_squeezed(word)]


@cache
def _after_percent() -> re.Pattern[str]:
    """The word right after a percent that says what it is: "5.6% 증가", "36.2%를 차지"."""
    word = _words("up", "down", "share")
    return re.compile(rf"\s*(?:{_PARTICLE}\s*)?(?:{_ADVERB}\s+)?(?P<word>{word})")


@cache
def _level_after() -> re.Pattern[str]:
    """After a percent, words that make it a level: "13.5%에 비해", "13.5%에서", "36%로"."""
    return re.compile(rf"\s*{_words('base')}(?![가-힣])")


@cache
def _cues() -> re.Pattern[str]:
    """Any change, share or direction word, at the start of a word."""
    return re.compile(rf"(?<![가-힣])(?P<word>{_words('up', 'down', 'change', 'share')})")


@cache
def _rank_pattern() -> re.Pattern[str]:
    words = _rank_words()
    lead, top = _alt(words["lead"]), _alt(words["top"])
    within, inside = _alt(words["within"]), _alt(words["inside"])
    counter, group, noun = _alt(words["counter"]), _alt(words["group"]), _alt(words["noun"])
    ordinal, superlative = _alt(words["ordinal"]), _alt(words["superlative"])
    # A place ends its word, or a particle or copula follows: "2위를", "1위였다"; not "1위안"
    # (one yuan).
    ends = rf"(?:{_alt(particles('particle', 'copula'))})?(?![가-힣])"
    countries = r"\s?개\s?(?:국가|국|나라)"
    return re.compile(
        rf"""
        (?:(?P<lead>{lead})\s*)?                            # 수출액 2위, 제치고 2위
          (?<![\d.,~∼〜-])(?P<n>\d{{1,3}})\s?{counter}      # 2위
          (?P<within>{within}|\s{inside})?                  # 10위권, 10위 안에: the top 10
          (?={ends})
      | (?P<top>{top})\s?(?P<topn>\d{{1,3}})                # 톱 10, 상위 10개국, 상위 10위
          (?:{countries}|\s?{counter}(?:{within})?)?
          (?![\d.,%]|\s?[조억만천백십%]|\s?개(?!\s?(?:국|나라)))  # not 상위 10%, 상위 5개 품목
      | (?<![\d.,])(?P<groupn>\d{{1,2}})\s?{group}\s?       # 3대 시장, 5대 수출국
          (?:(?:음반|k팝|케이팝)\s?)?(?:{noun})
      | (?P<ord>{ordinal})(?:으?로)?                         # 두 번째로 큰 시장
          (?P<ordtail>\s?(?:많|큰|크|컸|높)[가-힣]*(?:\s?(?:{noun}))?|\s?(?:{noun}))?
      | (?P<sup>{superlative})[가-힣]*                       # 가장 많았다, 최대
        """,
        re.VERBOSE | re.IGNORECASE,
    )


@cache
def _noun_after() -> re.Pattern[str]:
    """The noun of a market ranking, and the partner it names: "국가는 일본"."""
    noun = _alt(_rank_words()["noun"])
    return re.compile(rf"(?P<noun>{noun})(?P<topic>(?:은|는|이|가|으로|로)?\s*)")


@cache
def _record_before() -> re.Pattern[str]:
    """ "역대 최대", "사상 최대": a record, not a place."""
    return re.compile(rf"{_alt(_rank_words()['record'])}\s*\Z")


# -- claims ------------------------------------------------------------------------------------


def claims_in_ko(sentence: Sentence, money: Unit | None) -> list[Claim]:
    """The claims of a Korean sentence, in order; [] if it has no figure.

    `money` is the currency of the last money figure before the sentence: a figure with a
    scale word and no unit ("3천억") is taken to be in it.
    """
    text = sentence.text
    found: list[Claim] = []
    amounts = find_amounts(text, LANGUAGE)
    counted = bool(amounts) and any(t.code == "copies" for t in find_topics(text, LANGUAGE))
    undecided: list[int] = []  # percents that no word beside them says the kind of
    for amount in amounts:
        if amount.unit == "percent":
            claim, decided = _percent_claim(sentence, amount)
            if not decided:
                undecided.append(len(found))
        elif amount.unit == "count" and amount.scale is None:
            continue  # "5개 품목", "3명": a bare count, as English leaves "five items"
        else:
            claim = _value_claim(sentence, amount)
            if claim.unit == "count" and money and not counted and not amount.style.suffix:
                how = {"unit": f"no unit written: {money}, as the money figure before it"}
                claim = claim.model_copy(update={"unit": money, "found": how})
        if claim.unit in ("USD", "KRW"):
            money = claim.unit
        found.append(claim)
    for index in reversed(undecided):
        # "중국은 22%, 미국은 17%를 차지했다": a list takes the kind of its last figure.
        if index + 1 == len(found) or found[index + 1].unit != "percent":
            continue
        claim, later = found[index], found[index + 1]
        if _LIST_GAP.fullmatch(text, claim.end - sentence.start, later.start - sentence.start):
            found[index] = claim.model_copy(update={"kind": later.kind})
    taken = [(c.start - sentence.start, c.end - sentence.start) for c in found]
    for match in _rank_pattern().finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        rank = _rank_claim(sentence, match)
        if rank is not None:
            found.append(rank)
            taken.append((rank.start - sentence.start, rank.end - sentence.start))
    for claim in _multiples(sentence, taken):
        found.append(claim)
        taken.append((claim.start - sentence.start, claim.end - sentence.start))
    for match in _DESTINATIONS.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        qualifier = "over" if match["over"] else None
        count = claim_at(sentence, match.start(), match.end(), "value", Decimal(match["n"]),
                         "count", qualifier=qualifier)  # fmt: skip
        found.append(count.model_copy(update={"found": {"count": "destination countries"}}))
    return sorted(found, key=lambda c: c.start)


def _span(amount: Amount) -> tuple[int, int]:
    """Where the figure stands with its hedge words: "약 2,895억 원", "3천억 원에 육박"."""
    start = amount.hedge_start if amount.hedge_start is not None else amount.start
    return start, amount.hedge_end if amount.hedge_end is not None else amount.end


def _value_claim(sentence: Sentence, amount: Amount) -> Claim:
    start, end = _span(amount)
    return claim_at(
        sentence, start, end, "value", amount.value, amount.unit,
        qualifier=amount.qualifier, step=amount.step,
    )  # fmt: skip


def _percent_claim(sentence: Sentence, amount: Amount) -> tuple[Claim, bool]:
    """A change ("5.6% 증가", its direction word quoted with it) or a share ("비중은 16.7%"),
    and whether a word in its clause said which (else it is a change, up)."""
    text = sentence.text
    start, end = _span(amount)
    direct = _after_percent().match(text, end)
    meaning = _meaning(direct["word"]) if direct else None
    kind: Kind = "growth"
    qualifier, decided = amount.qualifier, True
    if amount.style.points:  # "3.8%p 높아졌다": a share moved
        kind, qualifier = "share", "points"
        sign = _sign(text, start, end) or 1
    elif meaning in ("up", "down"):
        sign = -1 if meaning == "down" else 1
    elif meaning == "share" or _is_share(text, start, end):
        kind, sign = "share", 1
    else:
        sign = _sign(text, start, end)
        decided = bool(sign) or bool(_level_after().match(text, end))
    if direct and meaning in ("up", "down"):
        # The quote takes the verb in ("16.6% 늘어난", "0.55% 늘어나는"), a noun without 하다
        # ("5.6% 증가", not "5.6% 증가했습니다").
        rest = _WORD_REST.match(text, direct.end())
        end = direct.end() if rest is None else rest.end()
    value = amount.value if amount.value < 0 else (sign or 1) * amount.value
    claim = claim_at(sentence, start, end, kind, value, "percent", qualifier=qualifier,
                     step=amount.step)  # fmt: skip
    return claim, decided


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause around text[start:end], before and after it, up to another percent."""
    before = _CLAUSE_END.split(text[max(0, start - CUE_REACH) : start])[-1]
    after = _CLAUSE_END.split(text[end : end + CUE_REACH])[0]
    before = _OTHER_FIGURE.split(before)[-1]
    after = _OTHER_FIGURE.split(after)[0]
    return before, after


def _is_share(text: str, start: int, end: int) -> bool:
    """A share cue in the clause ("비중은 16.7%"); for a level ("13.5%에 비해", "36%로"), in
    the sentence before it."""
    if _level_after().match(text, end):
        return any(_meaning(m["word"]) == "share" for m in _cues().finditer(text, 0, start))
    before, after = _clause(text, start, end)
    return any(_meaning(m["word"]) == "share" for m in _cues().finditer(before + " " + after))


def _sign(text: str, start: int, end: int) -> int:
    """-1 or 1 as the clause says down or up: the first direction word after the figure
    ("10.2%로 감소"), else the nearest before it ("감소율은 10.2%"); 0 if it says neither
    (but 1 for a comparison: "전년 대비 -11.6%")."""
    before, after = _clause(text, start, end)
    later = [_meaning(m["word"]) for m in _cues().finditer(after)]
    earlier = [_meaning(m["word"]) for m in _cues().finditer(before)]
    moves = [m for m in later if m in ("up", "down")] or [
        m for m in reversed(earlier) if m in ("up", "down")
    ]
    if moves:
        return -1 if moves[0] == "down" else 1
    return 1 if "change" in earlier + later else 0


@cache
def _multiple_pattern() -> re.Pattern[str]:
    """ "두 배", "2배", "3.5배": a change of +100%, +200%, +250% with a word for up after it."""
    words = _alt(phrase for phrase, meaning in _claim_words() if meaning.startswith("x"))
    return re.compile(
        rf"""
        (?:(?<![\d.,])(?P<n>\d{{1,2}}(?:\.\d)?)\s?배|(?<![가-힣])(?P<word>{words}))
        (?=(?:로|나|가|이|씩)?(?![가-힣]))     # "두 배로", "2배나"
        (?P<hedge>\s[가-힣]+)?                  # "2배 가까이", "두 배 이상"
        """,
        re.VERBOSE,
    )


def _multiples(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Claim]:
    """ "음반 수출이 2배 가까이 늘었다": a change of about +100%, given or taken as hedged."""
    text, claims = sentence.text, []
    for match in _multiple_pattern().finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        hedge = qualifier_of_ko(match["hedge"]) if match["hedge"] else None
        end = match.end() if hedge else match.end("word") if match["word"] else match.end("n") + 1
        _, after = _clause(text, match.start(), end)
        moves = [_meaning(m["word"]) for m in _cues().finditer(after)]
        if next((m for m in moves if m in ("up", "down")), None) != "up":
            continue  # "두 배" of something else, or "절반으로 줄었다"
        factor = Decimal(match["n"] or _meaning(match["word"])[1:])
        change = (factor - 1) * 100
        change = change.quantize(Decimal(1)) if change == change.to_integral_value() else change
        claims.append(claim_at(sentence, match.start(), end, "growth", change, "percent",
                               qualifier=hedge or "about", step=Decimal(1)))  # fmt: skip
    return claims


def _rank_claim(sentence: Sentence, match: re.Match[str]) -> Claim | None:
    text, qualifier = sentence.text, None
    start, end = match.start(), match.end()
    if match["n"]:
        position = int(match["n"])
        qualifier = "top" if match["within"] else None
    elif match["topn"]:
        position, qualifier = int(match["topn"]), "top"
    elif match["groupn"]:
        position, qualifier = int(match["groupn"]), "top"
    elif match["ord"]:
        if not match["ordtail"]:
            return None  # "첫째, ...": a list, not a place
        ordinals = {_squeezed(p): v for p, v in _rank_words()["ordinal"].items()}
        position = int(ordinals[_squeezed(match["ord"])])
    else:
        found = _superlative(text, match)
        if found is None:
            return None
        position, end = 1, found
    if not 1 <= position <= 250:
        return None
    return claim_at(sentence, start, end, "rank", Decimal(position), "rank", qualifier=qualifier)


def _superlative(text: str, match: re.Match[str]) -> int | None:
    """Where the quote of a superlative place ends, or None if it is no place: "최대
    수출국", "가장 많이 수입해 간 국가는 일본", "일본이 ... 가장 많았다"; not "역대 최대",
    "가장 많이 팔린 앨범", "가장 큰 폭으로"."""
    start, end = match.start(), match.end()
    if _record_before().search(text, 0, start):
        return None
    following = len(text) - len(text[end:].lstrip())
    move = _cues().match(text, following)
    if text.startswith("폭", following) or (move and _meaning(move["word"]) in ("up", "down")):
        return None  # the largest change, not the largest market
    before = re.split(r"[,;]", text[:start])[-1]
    if any(_meaning(m["word"]) in ("up", "down") for m in _cues().finditer(before)):
        return None  # "중국의 증가율이 가장 높았다": the fastest growth
    clause = _CLAUSE_END.split(text[end : end + NOUN_REACH])[0]
    noun = _noun_after().search(clause)
    if not match["sup"].startswith(("가장", "제일")):
        # 최대, 최다: the noun right after it ("최대 수출국")
        return end + noun.end("noun") if noun and not clause[: noun.start()].strip() else None
    if noun is not None:
        at = end + noun.end()
        partner = next((p for p in find_partners(text, LANGUAGE) if p.start == at), None)
        return partner.end if partner else end + noun.end("noun")
    # The partner leads the clause, maybe past a bracketed figure: "일본이 ...(약 927억 원)로".
    return end if find_partners(before, LANGUAGE) else None
