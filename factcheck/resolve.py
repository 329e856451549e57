"""Resolve: what each claim is about — its metric, partner and period — and how that was found.

    resolve_claims(article, claims, context=None) -> [Claim, ...]   metric, partner, period, found

A figure takes its period from, in order: a period right after it ("$40 million in 2017"); one
in its clause; one that opens its sentence ("Last year, ..."); the sentence before it in the
same paragraph; else the article's main period (a year in the headline, else the period of its
first export figure). Its partner comes from its clause, else the sentence before the figure,
else the sentence before when the text refers back ("Its imports ..."), else WORLD. A won amount
in brackets after a dollar amount is the same figure converted, and takes everything from it.
"..., respectively" pairs figures with periods or partners in order.

Figures about things the store does not hold (copies sold, chart places, music-industry
revenue, forecasts) resolve to no metric, so they are never judged against export figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .aliases import Mention, find_partners, find_totals
from .clauses import (
    BRACKETED,
    clause_span,
    in_brackets,
    paired_item,
    pairing_words,
)
from .extract import Sentence, split_sentences
from .metrics import MetricContext, metric_of
from .models import Article, Claim, Period
from .periods import PeriodPhrase, base_of, find_periods, resolve_period

#: A period phrase this close after a figure (characters, no other figure between) is its own.
FOLLOWING_REACH = 30
#: An undated article is placed in the period its precise dollar figures point to when at least
#: this many of them do (and more than point anywhere else).
CONTEXT_VOTES = 2

#: Causes and circumstances: their partners are not the figure's ("fell due to the growth of
#: the Chinese market"), but their dates may be its.
_BRACKET_BEFORE = re.compile(r"\(\s*(?:or\s+|equivalent\s+to\s+)?$", re.IGNORECASE)
_LINKED_START = re.compile(
    r"^(?:it|its|this|that|these|they|their|the\s+(?:country|figure|market|nation|amount))\b",
    re.IGNORECASE,
)
_TOGETHER = re.compile(
    r"\b(?:together|combined|jointly|the\s+(?:three|top\s+three|big\s+3|two))\b", re.IGNORECASE
)
_OUTRANKED = re.compile(
    r"(?:surpass\w*|overt(?:ook|ake|aking|aken)|outpac\w*|beat\w*|than|after|behind|ahead\s+of"
    r"|followed\s+by|over)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\b(from|to)\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|currently|today|these\s+days)\b[^,;]*$", re.IGNORECASE)
_ATTACHED = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:in|to|from|for)\s+(?:the\s+)?$", re.IGNORECASE)
_THERE = re.compile(r"\b(?:there|that\s+market|that\s+country)\b", re.IGNORECASE)
_COUNT_WORDS = {"two": 2, "three": 3, "3": 3, "four": 4}
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_ASIDE = re.compile(r"\s*(?:which|who|whose)\b", re.IGNORECASE)
_OVERTAKEN = re.compile(
    r"(?:surpass\w*|overt(?:ook|ake|aking|aken)|outpac\w*|beat\w*|than|ahead\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass
class _State:
    """What the text has established so far."""

    published: date | None
    language: str = "en"
    main: Period | None = None
    main_how: str = ""
    paragraph: int = -1
    period: Period | None = None  # the last period of the current paragraph
    carry: bool = True  # whether the sentence's last figure lends its period to the next
    last_explicit: Period | None = None  # the last period a phrase in the sentence gave
    last_explicit_how: str = ""
    sentence_period: Period | None = None  # the period of the sentence's last figure
    period_how: str = ""
    partner: str | None = None
    recent: list[str] = field(default_factory=list)  # partners named so far, in order
    products: MetricContext = field(default_factory=MetricContext)
    by_id: dict[str, Claim] = field(default_factory=dict)


def resolve_claims(
    article: Article, claims: Sequence[Claim], context: Period | None = None
) -> list[Claim]:
    """The claims with metric, partner and period filled in where the text says them.

    `context` is the period the article is about when its text does not say (for an undated
    article, inferred from its figures by the caller). Fields stay None when the text does
    not say: a period that needs a date the article lacks, a figure about something the store
    does not hold. `found` says how each field was decided.
    """
    sentences = split_sentences(article.text, article.body_start)
    main, how = _title_period(article, sentences, context)
    first = _pass(article, sentences, claims, main, how)
    if main is None:
        # The main period is the period of the article's first export figure.
        lead = next((c for c in first if c.metric and c.period and c.kind == "value"), None)
        if lead is not None and lead.period:
            main, how = Period.parse(lead.period), f"the period of {lead.quote!r}"
            return _pass(article, sentences, claims, main, how)
    return first


def infer_context(
    claims: Sequence[Claim], periods_holding: Callable[[Decimal, Decimal], set[str]]
) -> Period | None:
    """The period an undated article's precise dollar figures point to, or None.

    Each unhedged dollar figure printed to three or more significant digits votes for the
    periods whose reference values it matches ($233.113 million: 2022); the period with the
    most votes wins if it has at least CONTEXT_VOTES and no other has as many. It places the
    article in time, as a reader would from its figures; the figures are still judged one by
    one afterwards.
    """
    votes: Counter[str] = Counter()
    for claim in claims:
        if claim.kind != "value" or claim.unit != "USD" or claim.qualifier:
            continue
        digits = len(claim.stated.normalize().as_tuple().digits)
        if claim.step <= 0 or digits < 3 or claim.repeat_of:
            continue
        low, high = claim.stated - claim.step / 2, claim.stated + claim.step
        votes.update(periods_holding(low, high))
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < CONTEXT_VOTES:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return Period.parse(ranked[0][0])


def _title_period(
    article: Article, sentences: Sequence[Sentence], context: Period | None
) -> tuple[Period | None, str]:
    heads = [("title", article.title or "")] + [("opening line", s.text) for s in sentences[:1]]
    for where, text in heads:
        for phrase in find_periods(text, article.language):
            if phrase.role == "period" and phrase.year is not None:
                period, _ = resolve_period(phrase, article.published, None)
                if period is not None:
                    return period, f"the {where}'s {phrase.text!r}"
    if context is not None:
        return context, f"no date: the period the article's own figures point to, {context}"
    return None, ""


def _pass(
    article: Article,
    sentences: Sequence[Sentence],
    claims: Sequence[Claim],
    main: Period | None,
    main_how: str,
) -> list[Claim]:
    state = _State(article.published, article.language, main=main, main_how=main_how)
    heads = [article.title or ""] + [s.text for s in sentences[:4]]
    texts = [article.title or ""] + [s.text for s in sentences]
    state.products = MetricContext.of(heads, texts, article.language)
    pending = sorted(claims, key=lambda c: c.start)
    resolved: list[Claim] = []
    index = 0
    for sentence in sentences:
        if sentence.paragraph != state.paragraph:
            state.paragraph, state.period, state.period_how = sentence.paragraph, None, ""
        inside: list[Claim] = []
        while index < len(pending) and pending[index].start < sentence.end:
            inside.append(pending[index])
            index += 1
        phrases = [p for p in find_periods(sentence.text, state.language) if p.role != "other"]
        state.sentence_period, state.last_explicit, state.carry = None, None, True
        for claim in inside:
            done = _resolve(claim, sentence, inside, phrases, state)
            state.by_id[done.id] = done
            resolved.append(done)
        if not inside:
            _advance(state, phrases)
        elif state.last_explicit is not None:
            # "... the top buyers last year. The three markets together took 71 percent."
            state.period, state.period_how = state.last_explicit, state.last_explicit_how
        named = find_partners(sentence.text, state.language)
        state.recent += [m.code for m in named]
        if not inside and len({m.code for m in named}) == 1:
            state.partner = named[0].code  # "China gained ground. Shipments there rose ..."
    return resolved


def _advance(state: _State, phrases: Sequence[PeriodPhrase]) -> None:
    """A sentence with no figure may still set the period of its paragraph ("Last year, ...")."""
    for phrase in phrases:
        if phrase.role == "period":
            period, how = resolve_period(phrase, state.published, state.main)
            if period is not None:
                state.period, state.period_how = period, how
                return


# -- one claim ---------------------------------------------------------------------------------


def _resolve(
    claim: Claim,
    sentence: Sentence,
    siblings: Sequence[Claim],
    phrases: Sequence[PeriodPhrase],
    state: _State,
) -> Claim:
    source = _converted_from(claim, siblings, sentence, state)
    if source is not None:
        how = source.found | {"converted": f"in brackets after {source.quote!r}: the same figure"}
        update = {"metric": source.metric, "partner": source.partner, "period": source.period}
        return claim.model_copy(update=update | {"found": how})
    spans = [(c.start - sentence.start, c.end - sentence.start) for c in siblings]
    at, end = claim.start - sentence.start, claim.end - sentence.start
    found: dict[str, str] = {}
    period, base = _period(claim, sentence.text, at, end, spans, phrases, state, found)
    partner = _partner(claim, sentence.text, at, end, spans, siblings, state, found)
    metric = metric_of(claim, sentence.text, at, end, state.products, found)
    return claim.model_copy(
        update={
            "metric": metric,
            "partner": partner,
            "period": str(period) if period else None,
            "base_period": str(base) if base else None,
            "found": claim.found | found,
        }
    )


def _converted_from(
    claim: Claim, siblings: Sequence[Claim], sentence: Sentence, state: _State
) -> Claim | None:
    """The figure a bracketed conversion follows: "$132.93 million (about 168.5 billion won)"."""
    if claim.kind != "value" or claim.unit not in ("USD", "KRW"):
        return None
    before = [c for c in siblings if c.end <= claim.start and c.kind == "value"]
    if not before or before[-1].unit == claim.unit or before[-1].unit not in ("USD", "KRW"):
        return None
    source = before[-1]
    between = sentence.text[source.end - sentence.start : claim.start - sentence.start]
    if not _BRACKET_BEFORE.search(between):
        return None
    return state.by_id.get(source.id)


# -- period ------------------------------------------------------------------------------------


def _period(
    claim: Claim,
    text: str,
    at: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    phrases: Sequence[PeriodPhrase],
    state: _State,
    found: dict[str, str],
) -> tuple[Period | None, Period | None]:
    """The claim's period and, for a change, the period it is compared with (None: a year
    earlier). A phrase that opens a sentence sets the paragraph's running period."""
    running = state.sentence_period or state.period or state.main
    main = state.main or running
    periods = [p for p in phrases if p.role == "period"]
    clause_start, clause_end = clause_span(text, at, end)
    in_clause = [p for p in periods if clause_start <= p.start and p.end <= clause_end]
    # A phrase right after another figure is that figure's ("rose to $69.7 million from $59.8
    # million in 2024"): a value never borrows it, and a change only from a figure it rose to.
    korean = state.language == "ko"
    for s, e in spans:
        owned = _own(phrases, s, e, spans, text, korean) if s != at else None
        paired = re.match(r"\s*to\s+", text[end:s])  # "from $1 million to $20 million in ..."
        if (
            owned in in_clause
            and not paired
            and (claim.kind == "value" or _FROM_BEFORE.search(text, 0, s))
        ):
            in_clause.remove(owned)
    own = _own(phrases, at, end, spans, text, korean)
    chosen, why, base_phrase = None, "", own if own is not None and own.role == "base" else None
    aside = False
    place = paired_item(text, at, end, spans, periods)
    if place is not None:
        chosen, why = place, f" (paired {pairing_words(text, end)})"
    elif _is_change(claim) and len(after := _after(in_clause, end)) >= 2:
        # "rose 3.8 points from 71.7% in 2021 to 75.5% last year": the change is to the last.
        chosen, base_phrase, why = after[-1], after[0], " (the end of 'from ... to ...')"
    elif claim.unit == "count" and (end_of_pair := _pair_end(text, at, end, phrases)):
        chosen, why = end_of_pair
    elif own is not None and own.role == "period":
        chosen = own
    elif in_clause:
        chosen = min(in_clause, key=lambda p: abs(p.start - at))
        strict_start, strict_end = clause_span(text, at, end, causes=True)
        # A date in "due to the growth of the Chinese market in 2016" dates this figure, but
        # lends nothing to the next one.
        aside = not strict_start <= chosen.start < strict_end
    elif phrases and spans and phrases[0].end <= spans[0][0]:
        chosen, why = phrases[0], " (opens the sentence)"  # "Last year, ..."
    if chosen is not None and chosen.end <= at and _NOW.search(text[chosen.end : at]):
        chosen = None  # "In 2012 ... 2.2 percent, now it's above 17"
    period: Period | None
    if chosen is None and _NOW.search(text[:at]) and state.main is not None:
        # "In 2012 its share stood at 2.2 percent; now it's above 17": the article's time.
        period, how = state.main, f"'now': the article's main period: {state.main_how}"
    elif chosen is None and state.sentence_period is not None and state.carry:
        period, how = state.sentence_period, "the period of the figure before it in the sentence"
    elif chosen is not None:
        # "the next year" counts from the figure before; "last year" from the article's time.
        relative = chosen.context_offset is not None or chosen.same_months
        period, how = resolve_period(chosen, state.published, running if relative else main)
        if chosen.role == "base" and claim.unit == "count" and chosen.year and not chosen.months:
            period, how = Period.year(chosen.year), f"{chosen.text!r} -> {chosen.year}"
        how += why
        period, how = _end_of_range(period, how, text, at, claim)
        if why == " (opens the sentence)" and period is not None:
            state.period, state.period_how = period, how
    elif state.period is not None:
        period, how = state.period, f"from earlier in the paragraph: {state.period_how}"
    elif state.main is not None:
        period, how = state.main, f"the article's main period: {state.main_how}"
    else:
        period, how = None, "no period in the sentence and none earlier in the text"
    base = None
    if base_phrase is None and claim.kind == "growth":
        base_phrase = next((p for p in phrases if p.role == "base" and p.start >= end), None)
    if base_phrase is not None and period is not None:
        resolved, base_how = resolve_period(base_phrase, state.published, period)
        if claim.kind in ("growth", "share"):
            if resolved is not None and resolved != base_of(period):
                base = resolved
                found["base_period"] = base_how
        elif resolved is not None:
            # A value followed by "a year earlier" / "the same period last year" is the base.
            period, how = resolved, base_how
    found["period"] = how
    state.sentence_period = period  # "... in 2020 and 200 million the next year"
    # A figure in an aside ("Indonesia, which was ranked fourth in 2021, ...") lends its
    # period to nothing after it.
    # Nor does a base ("up from $291.8 million in 2024, an increase of 9.9 percent").
    base_figure = _FROM_BEFORE.search(text, 0, at)
    state.carry = not (aside or base_figure or _ASIDE.match(text[clause_start:at]))
    if chosen is not None and state.carry and period is not None:
        state.last_explicit, state.last_explicit_how = period, how
    return period, base


def _pair_end(
    text: str, at: int, end: int, periods: Sequence[PeriodPhrase]
) -> tuple[PeriodPhrase, str] | None:
    """ "from 78 to 114": with two periods in the sentence, the first number is the earlier."""
    if len(periods) < 2:
        return None
    earlier, later = periods[0], periods[-1]
    if earlier.year is None and later.year is not None:
        earlier, later = later, earlier  # "this year, compared with the 2017 data"
    if re.match(r"\s+to\s+\d", text[end:]):
        return earlier, " (the first of 'from ... to ...')"
    if re.search(r"\d\s+to\s+$", text[:at]):
        return later, " (the second of 'from ... to ...')"
    return None


def _is_change(claim: Claim) -> bool:
    return claim.kind == "growth" or claim.qualifier == "points"


def _after(phrases: Sequence[PeriodPhrase], end: int) -> list[PeriodPhrase]:
    return [p for p in phrases if p.start >= end]


def _end_of_range(
    period: Period | None, how: str, text: str, at: int, claim: Claim
) -> tuple[Period | None, str]:
    """ "from $1 million to $20 million between 2017 and 2019": each end takes its own year."""
    if period is None or claim.kind != "value" or period.start_year == period.end_year:
        return period, how
    if period.kind != "range" or period.start_month != 1 or period.end_month != 12:
        return period, how
    word = _FROM_TO.search(text, 0, at)
    if word is None:
        return period, how
    year = period.start_year if word.group(1).lower() == "from" else period.end_year
    return Period.year(year), f"{how}; '{word.group(1)}' end of the range -> {year}"


def _own(
    phrases: Sequence[PeriodPhrase],
    at: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    text: str,
    korean: bool,
) -> PeriodPhrase | None:
    """The period phrase that belongs to the figure at text[at:end]: right after it in English
    ("$40 million in 2017"), right before it in Korean ("2017년 4418만2000달러")."""
    return _preceding(phrases, at, spans, text) if korean else _following(phrases, end, spans, text)


def _preceding(
    phrases: Sequence[PeriodPhrase], at: int, spans: Sequence[tuple[int, int]], text: str
) -> PeriodPhrase | None:
    for phrase in reversed(phrases):
        if phrase.end > at:
            continue
        gap = text[phrase.end : at]
        if len(gap) > FOLLOWING_REACH or re.search(r"[;()]", gap):
            return None
        if any(phrase.end <= s < at for s, _ in spans):
            return None
        return phrase
    return None


def _following(
    phrases: Sequence[PeriodPhrase], end: int, spans: Sequence[tuple[int, int]], text: str
) -> PeriodPhrase | None:
    """A period phrase right after the figure ("$40 million in 2017"), with no figure between."""
    for phrase in phrases:
        if phrase.start < end:
            continue
        # "48,523,000 dollars (about 61.5 billion won) in the first half": skip the conversion.
        gap = BRACKETED.sub("", text[end : phrase.start])
        if len(gap) > FOLLOWING_REACH or re.search(r"[;()]", gap):
            return None
        if any(end <= s < phrase.start and not in_brackets(text, end, s) for s, _ in spans):
            return None
        return phrase
    return None


# -- partner -----------------------------------------------------------------------------------


def _partner(
    claim: Claim,
    text: str,
    at: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    siblings: Sequence[Claim],
    state: _State,
    found: dict[str, str],
) -> str:
    # "64.40 million U.S. dollars": a currency's country is no partner.
    found_here = find_partners(text, state.language)
    money = [
        (c.start - claim.start + at, c.end - claim.start + at)
        for c in siblings
        if c.unit in ("USD", "KRW")
    ]
    mentions = [m for m in found_here if not any(s <= m.start < e for s, e in money)]
    group = _group(claim, text, at, spans, mentions, state)
    if group:
        found["partner"] = "partners named together: " + ", ".join(m.code for m in group)
        return "+".join(dict.fromkeys(m.code for m in group))
    paired = paired_item(text, at, end, spans, mentions)
    if isinstance(paired, Mention):
        found["partner"] = f"{text[paired.start : paired.end]!r}, paired {pairing_words(text, end)}"
        state.partner = paired.code
        return paired.code
    clause_start, clause_end = clause_span(text, at, end, causes=True)
    in_clause = [m for m in mentions if clause_start <= m.start and m.end <= clause_end]
    # "China overtook the U.S. to rank second with $69.7 million": the U.S. is not the subject.
    outranked = _OUTRANKED if claim.kind == "rank" else _OVERTAKEN
    subjects = [m for m in in_clause if not outranked.search(text[: m.start])]
    in_clause = subjects or in_clause
    if not in_clause and find_totals(text[clause_start:clause_end], state.language):
        found["partner"] = "a word for all destinations in its clause: WORLD"
        state.partner = "WORLD"
        return "WORLD"
    pick = _inclause_span(in_clause, text, at, end)
    if pick is None and claim.kind == "share" and mentions:
        # "The share of Japan was 69%, but it fell to the mid-40% range": the subject's share.
        pick = mentions[0] if mentions[0].end <= at else None
    pick = pick or _closest_before(mentions, at)
    if pick is not None:
        where = "its clause" if pick in in_clause else "the sentence"
        found["partner"] = f"{text[pick.start : pick.end]!r} ({pick.form}) in {where}"
        state.partner = pick.code
        return pick.code
    linked = _LINKED_START.match(text) or _THERE.search(text, 0, at)
    if not mentions and state.partner not in (None, "WORLD") and linked:
        found["partner"] = f"the sentence refers back to the one before: {state.partner}"
        return state.partner or "WORLD"
    found["partner"] = "no partner named before the figure or in its clause: WORLD"
    state.partner = "WORLD"
    return "WORLD"


def _group(
    claim: Claim,
    text: str,
    at: int,
    spans: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    state: _State,
) -> list[Mention]:
    """Several partners a claim is about together: a combined share, a top-N list."""
    if claim.kind == "rank" and claim.qualifier == "top":
        # "Taiwan, the Netherlands and France rounded out the top 10": the list before it,
        # after any earlier figure of the sentence.
        since = max((e for _, e in spans if e <= at), default=0)
        named = [m for m in mentions if since <= m.start and m.end <= at] or [
            m for m in mentions if m.start >= at
        ]
        return named if len({m.code for m in named}) > 1 else []
    together = _TOGETHER.search(text)
    if claim.kind in ("share", "value") and together:
        named = [m for m in mentions if m.end <= at] or list(mentions)
        wanted = _COUNT_WORDS.get(together.group(0).split()[-1].lower(), 2)
        if len({m.code for m in named}) < wanted:
            # "The three countries together ...": the last three named before this sentence.
            codes = list(dict.fromkeys(reversed(state.recent)))[:wanted]
            found_codes = list(reversed(codes))
            return [Mention(at, at, code, "named earlier") for code in found_codes]
        return named if len({m.code for m in named}) > 1 else []
    return []


def _inclause_span(mentions: Sequence[Mention], text: str, at: int, end: int) -> Mention | None:
    """The partner a figure's clause gives it: one attached after it ("$25.5 million in the
    United States"), else the last named before it ("China came second at $51.3 million and
    the U.S. third"), else the first named after it."""
    after = [m for m in mentions if m.start >= end]
    if after and _ATTACHED.match(text, end, after[0].start):
        return after[0]
    before = [m for m in mentions if m.end <= at]
    return before[-1] if before else (after[0] if after else None)


def _closest_before(mentions: Sequence[Mention], at: int) -> Mention | None:
    before = [m for m in mentions if m.end <= at]
    return before[-1] if before else None


# -- metric ------------------------------------------------------------------------------------
