"""Extract: every figure in an article, as claims with spans — before knowing what each is about.

    extract_claims(article) -> [Claim, ...]     kind, stated, unit, qualifier, quote, sentence

Amounts and percentages come from `amounts.find_amounts`; this module decides what kind of
claim each is (a value, a change, a share), finds ranks ("No. 2", "second-largest market",
"the biggest importer", "in the top 10") and counts of destination countries, and splits the
text into sentences. `resolve.resolve_claims` then says what each claim is about. Korean
articles take the same sentences (a sentence end followed by Hangul is one more boundary) and
`extract_ko` for the claims in them.

The words live in reference/claim-words.csv (change verbs with their direction, share cues)
and reference/rank-words.csv (ordinals, superlatives, the nouns of a market ranking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from .aliases import find_partners, find_topics
from .amounts import Amount, find_amounts, qualifier_of
from .models import Article, Claim, Kind, Unit
from .reference import vocabulary

#: How far (in characters) a change or share word may stand from a percentage and still apply.
CUE_REACH = 60
#: A repeated sentence must be at least this long to count as a page repeating its body.
REPEAT_MIN_LENGTH = 40


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a headline line) of the text: `text[start:end]`."""

    start: int
    end: int
    text: str
    paragraph: int = 0


# -- sentences ---------------------------------------------------------------------------------

# Words whose full stop ends no sentence ("No. 2", "the U.S. list", "Jan. 16").
_ABBREVIATIONS = frozenset(
    ("no", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
     "nov", "dec", "mr", "ms", "mrs", "dr", "st", "co", "inc", "ltd", "corp", "vs", "approx",
     "est", "gov", "dept", "fig", "e.g", "i.e")
)  # fmt: skip
_BOUNDARY = re.compile(
    r"""
    (?<=[.!?])            # a full stop, question or exclamation mark
    ["”’)\]]*             # closing quotes or brackets stay with the sentence
    (?:\s+               # the gap,
      |(?<=[a-z][.!?])(?=[A-Z][a-z])  # or none in run-together copy: "K-pop.According"
      |(?<=다[.!?])(?=[가-힣]))       #   or "증가했다.일본은" (다: a Korean sentence's end)
    (?=["“‘(\[]?[A-Z0-9$₩가-힣])  # the next starts with a capital, digit, currency or Hangul
    """,
    re.VERBOSE,
)
_LAST_WORD = re.compile(r"([\w.]+)[.!?][\"”’)\]]*$")
_LINE = re.compile(r"[^\r\n]+")


@lru_cache(maxsize=64)  # extract and resolve both split the same article
def _split(text: str, start: int) -> tuple[Sentence, ...]:
    return tuple(_split_sentences(text, start))


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """The sentences of `text[start:]`: each paragraph is split at sentence ends; [] for blank
    text. A line that breaks off mid-sentence (the next starts in lower case) runs on.

    >>> text = "Exports hit $301.7 million. Japan was No. 1 on the U.S. list."
    >>> [s.text for s in split_sentences(text)]
    ['Exports hit $301.7 million.', 'Japan was No. 1 on the U.S. list.']
    >>> [s.text for s in split_sentences("Its profits\\ngrew to $18 million.")]
    ['Its profits\\ngrew to $18 million.']
    """
    return list(_split(text, start))


def _split_sentences(text: str, start: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    blocks: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start):
        body = line.group(0)
        runs_on = blocks and _runs_on(
            text[max(blocks[-1][0], blocks[-1][1] - 20) : blocks[-1][1]], body.lstrip()
        )
        if runs_on:
            blocks[-1] = (blocks[-1][0], line.end())
        elif body.strip():
            blocks.append((line.start(), line.end()))
    for paragraph, (first, last) in enumerate(blocks):
        begin = first
        for gap in _BOUNDARY.finditer(text, first, last):
            candidate = text[begin : gap.start()]
            word = _LAST_WORD.search(candidate)
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            _add(sentences, text, begin, gap.start(), paragraph)
            begin = gap.end()
        _add(sentences, text, begin, last, paragraph)
    return sentences


def _runs_on(previous: str, line: str) -> bool:
    """Whether `line` continues the sentence `previous` broke off (hard-wrapped copy): it
    starts in lower case, with a figure, or after a line ending in a word like "to"."""
    if not previous or previous.rstrip()[-1:] in '.!?:"”':
        return False
    return line[:1].islower() or line[:1] in "$₩0123456789" or bool(_DANGLING.search(previous))


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], paragraph))


# -- vocabulary --------------------------------------------------------------------------------


@cache
def _claim_words() -> dict[str, str]:
    rows = vocabulary("claim-words.csv", ("language", "phrase", "meaning"))
    return {r["phrase"]: r["meaning"] for r in rows if r["language"] == "en"}


@cache
def _cue_pattern() -> re.Pattern[str]:
    words = sorted(_claim_words(), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


@cache
def _multiple_pattern() -> re.Pattern[str]:
    """ "doubled", "more than tripled": a change of +100%, +200%, ..."""
    verbs = [w for w, meaning in _claim_words().items() if meaning.startswith("x")]
    alternation = "|".join(re.escape(w) for w in sorted(verbs, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?P<more>more\s+than\s+)?(?P<verb>{alternation})(?![\w-])", re.IGNORECASE
    )


@cache
def _rank_words() -> dict[str, list[tuple[str, str]]]:
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for row in vocabulary("rank-words.csv", ("language", "phrase", "kind", "value")):
        if row["language"] == "en":
            by_kind.setdefault(row["kind"], []).append((row["phrase"], row["value"]))
    return by_kind


def _alt(kind: str) -> str:
    phrases = sorted((p for p, _ in _rank_words()[kind]), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@cache
def _rank_hint() -> re.Pattern[str]:
    """A cheap first look: a sentence with none of these words holds no rank."""
    words = [p for kind in ("ordinal", "superlative") for p, _ in _rank_words()[kind]]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"no\.|\b(?:number|most|{alternation}|\d+(?:st|nd|rd|th))\b")


@cache
def _rank_pattern() -> re.Pattern[str]:
    ordinal, cardinal = _alt("ordinal"), _alt("cardinal")
    superlative, noun, position = _alt("superlative"), _alt("noun"), _alt("position")
    single = "|".join(re.escape(p) for p, _ in _rank_words()["noun"] if not p.endswith("s"))
    numbered = rf"(?:{ordinal}|\d{{1,2}}(?:st|nd|rd|th))"
    return re.compile(
        rf"""
        (?<![\w-])(?:
            no\.\s?(?P<no>\d{{1,2}})(?:\s+(?:{position}))?          # No. 2, No.1 spot
          | number\s+(?P<number>{cardinal})(?:\s+(?:{position}))?  # number two spot
          | (?P<nth>{numbered})[\s-]+(?:(?:{superlative}|most)[\s-]+)?  # second-largest
                (?:[\w-]+\s+){{0,3}}?(?:{noun}|{position})          #   ... market / place
          | (?P<top>top)[\s-]+(?P<topn>\d{{1,2}}|{cardinal})(?![\w-]|[,.]\d)  # top 10, top three
                (?:\s+(?:[\w-]+\s+){{0,2}}?(?:{noun}))?
          | (?:the\s+)?(?:world'?s\s+)?(?P<sup>{superlative})\s+    # the biggest
                (?!\d|(?:{cardinal})\b)                              #   (not "top 3")
                (?:[\w-]+\s+){{0,3}}?(?:{single})(?!s)             #   ... importer (not "-s")
          | (?:ranked|ranking|ranks|took|taking|claimed|came|finished|placed|was|were
             |(?:fell|rose|moved|climbed|slipped|dropped|jumped)(?:\s+up|\s+back)?\s+to
             |(?<=\bin\s))\s*(?:the\s+)?                            # ranked fourth, fell to
                (?P<ranked>{numbered})(?:\s+(?:{position}))?         #   third, in fifth place
                (?!\s+(?:(?:time|half|quarter|month|year|week|day|decade)s?|of|k-pop|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|[\s-]+(?:largest|biggest))
          | (?:the\s+)?(?P<topspot>top)\s+(?:{position})             # kept the top spot
          | imported\s+the\s+most(?:\s+(?:[\w-]+\s+){{0,2}}?albums)? # imported the most albums
        )(?![\w-])
        """,
        re.VERBOSE,  # run on lowered text
    )


def _number_word(word: str) -> int | None:
    word = word.lower()
    if word[:-2].isdigit():
        return int(word[:-2])
    if word.isdigit():
        return int(word)
    for kind in ("ordinal", "cardinal"):
        for phrase, value in _rank_words()[kind]:
            if phrase == word:
                return int(value)
    return None


# -- claims ------------------------------------------------------------------------------------

_DESTINATIONS = re.compile(
    r"""
    (?<![\w$₩.,/-])(?P<n>\d{1,3})   # a small bare number: 78, 114
    (?![\w.,%/-]|\s*(?:percent|per\s+cent|million|billion))  # not an amount
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LEVEL_BEFORE = re.compile(
    r"\b(?:from|to|at)\s+(?:the\s+)?(?:about\s+|around\s+|nearly\s+)?$", re.IGNORECASE
)
_BAND_TEXT = re.compile(r"(?:low|mid|high)[\s-]", re.IGNORECASE)
# A line ending in a word that cannot end a sentence runs on: "rose to", "the United".
_DANGLING = re.compile(
    r"\b(?:to|the|of|and|or|at|from|by|in|on|with|for|a|an|than|as|United|South|per)\s*$"
)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)
# Words after a number that do not name what is counted ("120 million in 2023").
_CONTINUATIONS = frozenset(
    ("in", "last", "this", "from", "to", "by", "for", "and", "or", "at", "on", "as", "a", "the")
)
# A number with nothing after it that names a unit: "up just 0.55", "now it's above 17."
_BARE_NUMBER = re.compile(
    r"(?<![\w$₩.,-])(?:(?P<hedge>above|below|over|under|about|nearly)\s+)?"
    r"(?P<n>\d{1,3}(?:\.\d+)?)(?=\s*(?:[.;,]?\s*$|[.;,]\s))"
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|grew|gained|dropped|increased|decreased)\s+(?:by\s+)?"
    r"(?:just\s+|only\s+|nearly\s+|about\s+)?$",
    re.IGNORECASE,
)
_LEVEL_WORD = re.compile(r"\b(?:now|to|at|is|it's|was|stood)\b[^.]*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;()]")
_AND_ORDINAL = re.compile(r"\s+and\s+(?P<nth>\w+)(?![\w-])")
_NEXT_WORD = re.compile(r"\s+([A-Za-z-]+)")
_COUNTRY_WORDS = re.compile(r"\b(?:countries|destinations|nations)\b", re.IGNORECASE)


def extract_claims(article: Article) -> list[Claim]:
    """Every figure in the article's body (front matter left out), in order; [] if none.
    A Korean article (`article.language == "ko"`) is read by `extract_ko.claims_in_ko`.

    Each claim has its kind, stated value, unit, qualifier, rounding step and span; metric,
    partner and period are left for `resolve.resolve_claims`. A sentence a page repeats
    word for word yields claims marked `repeat_of` the first occurrence's.
    """
    text = article.text
    claims: list[Claim] = []
    seen: dict[str, list[Claim]] = {}
    money: Unit | None = None  # the currency of the last money figure, for "the 100 million mark"
    claims_in = _claims_in
    if article.language == "ko":
        from .extract_ko import claims_in_ko  # it builds on this module

        claims_in = claims_in_ko
    for sentence in split_sentences(text, article.body_start):
        found = claims_in(sentence, money)
        money = next((c.unit for c in reversed(found) if c.unit in ("USD", "KRW")), money)
        key = " ".join(sentence.text.split())
        earlier = seen.get(key) if len(key) >= REPEAT_MIN_LENGTH else None
        for index, claim in enumerate(found):
            ident = f"c{len(claims) + 1}"
            repeat = earlier[index].id if earlier and index < len(earlier) else None
            claims.append(claim.model_copy(update={"id": ident, "repeat_of": repeat}))
        if key not in seen:
            seen[key] = claims[len(claims) - len(found) :]
    return claims


def _claims_in(sentence: Sentence, money: Unit | None) -> list[Claim]:
    found: list[Claim] = []
    amounts = find_amounts(sentence.text)
    counted = any(t.code == "copies" for t in find_topics(sentence.text))
    for amount in amounts:
        claim = _amount_claim(sentence, amount)
        if claim is None:
            continue
        if claim.unit == "count" and money and not counted and _bare(sentence.text, amount.end):
            # "... $136 million. It could pass the 200 million mark": still dollars.
            how = {"unit": f"no unit written: {money}, as the money figure before it"}
            claim = claim.model_copy(update={"unit": money, "found": how})
        if claim.unit in ("USD", "KRW"):
            money = claim.unit
        found.append(claim)
    taken = [(a.hedge_start if a.hedge_start is not None else a.start, a.end) for a in amounts]
    # The rank grammar runs on lowered text: Python's IGNORECASE is slow on big alternations.
    lowered = sentence.text.lower()
    hinted = len(lowered) == len(sentence.text) and _rank_hint().search(lowered)
    ranks = _rank_pattern().finditer(lowered) if hinted else ()
    for match in ranks:
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        rank = _rank_claim(sentence, match)
        if rank is not None:
            found.append(rank)
            taken.append((match.start(), match.end()))
            # "in ninth and tenth": the second place is a claim of its own.
            more = _AND_ORDINAL.match(lowered, match.end())
            position = _number_word(more["nth"]) if more else None
            if more and position:
                found.append(claim_at(sentence, more.start("nth"), more.end("nth"), "rank",
                                       Decimal(position), "rank"))  # fmt: skip
                taken.append((more.start("nth"), more.end("nth")))
    for claim in _elliptical_ranks(sentence, lowered, taken):
        found.append(claim)
        taken.append((claim.start - sentence.start, claim.end - sentence.start))
    for claim in _implied_percents(sentence, found, taken):
        found.append(claim)
        taken.append((claim.start - sentence.start, claim.end - sentence.start))
    multiples = _multiple_pattern().finditer(sentence.text) if "ed" in sentence.text else ()
    for match in multiples:
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        factor = Decimal(_meaning(match["verb"])[1:])
        hedge = "over" if match["more"] else "about"  # "doubled": give or take
        change = (factor - 1) * 100
        found.append(claim_at(sentence, match.start(), match.end(), "growth", change, "percent",
                               qualifier=hedge, step=Decimal(1)))  # fmt: skip
        taken.append((match.start(), match.end()))
    if _COUNTRY_WORDS.search(sentence.text):
        for match in _DESTINATIONS.finditer(sentence.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if _MONTH_BEFORE.search(sentence.text, 0, match.start()):
                continue  # "July 18": a date, not a count
            count = claim_at(
                sentence, match.start(), match.end(), "value", Decimal(match["n"]), "count"
            )
            found.append(count.model_copy(update={"found": {"count": "destination countries"}}))
    return sorted(found, key=lambda c: c.start)


def claim_at(
    sentence: Sentence,
    start: int,
    end: int,
    kind: Kind,
    stated: Decimal,
    unit: Unit,
    *,
    qualifier: str | None = None,
    step: Decimal = Decimal(1),
) -> Claim:
    """A claim on `sentence.text[start:end]`, its offsets in the article's text."""
    return Claim(
        id="c0",
        start=sentence.start + start,
        end=sentence.start + end,
        quote=sentence.text[start:end],
        sentence=sentence.text,
        kind=kind,
        stated=stated,
        unit=unit,
        qualifier=qualifier,
        step=step,
    )


def _elliptical_ranks(
    sentence: Sentence, lowered: str, taken: list[tuple[int, int]]
) -> list[Claim]:
    """Places named right after a destination, the verb left out: "and Taiwan fifth",
    "the Netherlands seventh, France eighth"."""
    if len(lowered) != len(sentence.text):
        return []
    ranks = []
    ends = {m.end for m in find_partners(sentence.text)}
    for m in _ordinal_pattern().finditer(lowered):
        if m.start() - 1 not in ends or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        position = _number_word(m.group(0))
        if position:
            ranks.append(claim_at(sentence, m.start(), m.end(), "rank", Decimal(position), "rank"))
    return ranks


@cache
def _ordinal_pattern() -> re.Pattern[str]:
    words = [p for p, _ in _rank_words()["ordinal"]]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # Followed by a figure, a break or the end: not "Japan first bought ..." mid-clause.
    return re.compile(rf"\b(?:{alternation})\b(?=\s+(?:at|with|on)\b|\s*(?:[,.;]|and\b|$))")


def _implied_percents(
    sentence: Sentence, found: list[Claim], taken: list[tuple[int, int]]
) -> list[Claim]:
    """Percentages printed without their sign: "up just 0.55" at the end of a clipped
    excerpt, or "2.2 percent ... now it's above 17" (the unit of the figure before)."""
    text, implied = sentence.text, []
    percents = [c for c in found if c.unit == "percent"]
    for m in _BARE_NUMBER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        before = text[: m.start()]
        change = _CHANGE_BEFORE.search(before)
        earlier = [c for c in percents if c.end - sentence.start <= m.start()]
        near = bool(earlier) and m.start() - (earlier[-1].end - sentence.start) < CUE_REACH
        level = near and _LEVEL_WORD.search(before)
        if not (change or level) or Decimal(m["n"]) > 1000:
            continue
        start = m.start() if not m["hedge"] else m.start("hedge")
        kind: Kind = "growth" if change else earlier[-1].kind
        qualifier = qualifier_of(m["hedge"]) if m["hedge"] else None
        decimals = len(m["n"].split(".")[1]) if "." in m["n"] else 0
        claim = claim_at(sentence, start, m.end(), kind, Decimal(m["n"]), "percent",
                          qualifier=qualifier, step=Decimal(1).scaleb(-decimals))  # fmt: skip
        note = "the change word before it" if change else f"{earlier[-1].quote!r} before it"
        implied.append(claim.model_copy(update={"found": {"unit": f"percent, from {note}"}}))
    return implied


def _bare(text: str, end: int) -> bool:
    """Nothing counted follows a number: "the 100 million mark", "120 million in 2023"."""
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return True
    word = after.group(1).lower()
    return _meaning(word) == "milestone" or word in _CONTINUATIONS


def _amount_claim(sentence: Sentence, amount: Amount) -> Claim | None:
    start = amount.hedge_start if amount.hedge_start is not None else amount.start
    if amount.unit != "percent":
        return claim_at(
            sentence, start, amount.end, "value", amount.value, amount.unit,
            qualifier=amount.qualifier, step=amount.step,
        )  # fmt: skip
    kind, sign, qualifier = _percent_kind(sentence.text, amount)
    value = amount.value if amount.value < 0 else sign * amount.value
    end = amount.end
    # Quote the change word with its figure when it follows at once ("3.4% increase").
    if kind == "growth":
        after = _NEXT_WORD.match(sentence.text, end)
        if after and _meaning(after.group(1)) in ("up", "down"):
            end = after.end()
    return claim_at(
        sentence, start, end, kind, value, "percent",
        qualifier=qualifier or amount.qualifier, step=amount.step,
    )  # fmt: skip


def _percent_kind(text: str, amount: Amount) -> tuple[Kind, int, str | None]:
    """growth or share, the sign a change word gives (+1/-1), and "points" for a share change."""
    if amount.style.points:
        return "share", _direction(text, amount), "points"
    if _BAND_TEXT.match(amount.text):
        return "share", 1, None  # "the mid-30% range" is a level, never a change
    window_start = max(0, amount.start - CUE_REACH)
    window = text[window_start : amount.end + CUE_REACH]
    at = amount.start - window_start
    best: tuple[int, str] | None = None
    share_near = False
    for cue in _cue_pattern().finditer(window):
        meaning = _meaning(cue.group(0))
        if meaning == "points":
            continue
        # A cue on the other side of a clause break or another figure belongs elsewhere.
        after = at + (amount.end - amount.start)
        between = window[cue.end() : at] if cue.end() <= at else window[after : cue.start()]
        if re.search(r"[,;()]|\d%|\d\s*percent", between):
            continue
        distance = abs(cue.start() - at)
        if meaning == "share":
            share_near = share_near or distance <= CUE_REACH
            continue
        # A verb's direction outranks a neutral "on-year" nearer the figure.
        rank = (meaning == "change", distance)
        if best is None or rank < (best[1] == "change", best[0]):
            best = (distance, meaning)
    following = text[amount.end : amount.end + 12].lower()
    if share_near and (best is None or best[0] > 25):
        return "share", 1, None
    # "The share ... rose by 3.8 points from 71.7% in 2021 to 75.5%": the levels are shares.
    level = _LEVEL_BEFORE.search(text[: amount.start])
    earlier = [_meaning(c.group(0)) for c in _cue_pattern().finditer(text[: amount.start])]
    if level and "share" in earlier:
        return "share", 1, None
    if best is not None:
        return "growth", -1 if best[1] == "down" else 1, None
    if following.lstrip().startswith("of "):
        return "share", 1, None
    return "growth", 1, None


def _direction(text: str, amount: Amount) -> int:
    """-1 when the nearest direction word in the clause says down ("fell 4.05 points")."""
    clause = _CLAUSE_END.split(text[max(0, amount.start - CUE_REACH) : amount.start])[-1]
    clause += _CLAUSE_END.split(text[amount.end : amount.end + CUE_REACH])[0]
    moves = [_meaning(c.group(0)) for c in _cue_pattern().finditer(clause)]
    moves = [m for m in moves if m in ("up", "down")]
    return -1 if moves and moves[-1] == "down" else 1


def _meaning(cue: str) -> str:
    words = _claim_words()
    folded = " ".join(cue.lower().split())
    return (
        words.get(folded)
        or words.get(folded.replace(" ", "-"))
        or words.get(folded.replace("-", " "), "change")
    )


def _rank_claim(sentence: Sentence, match: re.Match[str]) -> Claim | None:
    qualifier = None
    if match["no"]:
        position = int(match["no"])
    elif match["number"]:
        position = _number_word(match["number"]) or 0
    elif match["nth"]:
        position = _number_word(match["nth"]) or 0
    elif match["ranked"]:
        position = _number_word(match["ranked"]) or 0
    elif match["topspot"]:
        position = 1
    elif match["top"]:
        position, qualifier = _number_word(match["topn"]) or 0, "top"
    else:
        position = 1  # a superlative, or "imported the most"
    if not 1 <= position <= 250:
        return None
    return claim_at(
        sentence, match.start(), match.end(), "rank", Decimal(position), "rank",
        qualifier=qualifier,
    )  # fmt: skip
