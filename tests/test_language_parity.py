"""The same article written in Korean and in English gets the same verdicts.

Each pair below tells one story with the same figures, once as Korean wire copy and once as
English wire copy, both written for the project with real figures from
reference/kcs-album-exports.csv. The two reports must hold the same claims: the same kind, partner,
period, stated figure and verdict, whatever the language (explanations may differ in wording).
The pairs live here, not in examples/, so the golden set holds no duplicate stories.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import NamedTuple

import pytest

from factcheck.articles import article_from_text
from factcheck.check import check_article
from factcheck.models import Report
from factcheck.store import Store


class Pair(NamedTuple):
    """One story in two languages, published on the same day."""

    ko: str
    en: str
    published: date
    mismatches: int  # planted slips, the same in both


PAIRS = {
    "2025 annual, correct": Pair(
        ko=(
            "지난해 K팝 음반 수출액이 3억 달러를 처음 넘어섰다. 관세청에 따르면 2025년 음반 "
            "수출액은 3억174만 달러로 전년 대비 3.4% 증가했다. 일본이 8063만 달러로 1위였지만 "
            "일본 수출은 10.2% 줄었다. 중국은 6972만 달러로 16.6% 늘며 2위를 차지했고, 미국은 "
            "6397만 달러로 3위였다."
        ),
        en=(
            "South Korea's album exports topped $300 million for the first time last year. "
            "Album exports reached $301.74 million in 2025, up 3.4 percent on-year, according "
            "to the Korea Customs Service. Japan ranked first at $80.63 million, though "
            "shipments there fell 10.2 percent. China came second with $69.72 million, up 16.6 "
            "percent, and the United States was third at $63.97 million."
        ),
        published=date(2026, 1, 16),
        mismatches=0,
    ),
    "2025 first half, correct": Pair(
        ko=(
            "올해 상반기 음반 수출액이 1억1443만 달러로 전년 동기 대비 11.6% 감소했다. "
            "관세청에 따르면 1∼6월 일본 수출은 3910만 달러로 15.0% 줄었지만 1위를 지켰다. "
            "중국은 2010만 달러로 9.3% 증가해 2위에 올랐고, 미국은 1945만 달러로 3위였다."
        ),
        en=(
            "Album exports fell 11.6 percent on-year to $114.43 million in the first half of "
            "this year, customs data showed. Shipments to Japan dropped 15.0 percent to $39.1 "
            "million in January-June, keeping it in first place. China was second with $20.1 "
            "million, up 9.3 percent, and the United States was third at $19.45 million."
        ),
        published=date(2025, 7, 15),
        mismatches=0,
    ),
    "2024 annual, a sign flip and a dropped digit": Pair(
        ko=(
            "지난해 음반 수출액은 2억9180만 달러로 전년 대비 0.55% 증가했다고 관세청이 밝혔다. "
            "일본은 898만 달러로 1위를 지켰지만 24.7% 감소했다. 미국은 6029만 달러로 2위, "
            "중국은 5979만 달러로 3위였으며 중국 수출은 76.4% 감소했다."
        ),
        en=(
            "Album exports reached $291.8 million last year, up 0.55 percent from a year "
            "earlier, the Korea Customs Service said. Japan stayed in first place at $8.98 "
            "million, though it fell 24.7 percent. The United States was second at $60.29 "
            "million and China third at $59.79 million, with exports to China down 76.4 "
            "percent."
        ),
        published=date(2025, 1, 15),
        mismatches=2,
    ),
}


def _report(text: str, fmt: str, published: date, store: Store) -> Report:
    return check_article(article_from_text(text, fmt=fmt, published=published), store)


def _verdicts(report: Report) -> Counter[tuple[object, ...]]:
    """The claims of `report` as a multiset of (kind, partner, period, verdict, stated)."""
    return Counter(
        (c.kind, c.partner, c.period, c.verdict, None if c.stated is None else float(c.stated))
        for c in report.claims
    )


#: Pairs whose verdicts do not agree yet, and why: strict xfails, which fail once fixed (the pair
#: then moves up to PAIRS).
PENDING = {
    "2025 annual, 'stayed first'": (
        Pair(
            ko="지난해 음반 수출액은 3억174만 달러였다. 일본은 8063만 달러로 1위를 지켰다.",
            en=(
                "Album exports came to $301.74 million last year. Japan stayed first at $80.63 "
                "million."
            ),
            published=date(2026, 1, 16),
            mismatches=0,
        ),
        "English 'stayed first' / 'remained first' gives no rank claim, while Korean "
        "'1위를 지켰다' does (English 'was first' and 'stayed in first place' do)",
    ),
}
PARITY_CASES = [pytest.param(pair, id=name) for name, pair in PAIRS.items()] + [
    pytest.param(
        pair, id=name, marks=pytest.mark.xfail(raises=AssertionError, strict=True, reason=why)
    )
    for name, (pair, why) in PENDING.items()
]


@pytest.mark.parametrize("pair", PARITY_CASES)
def test_korean_and_english_get_the_same_verdicts(pair: Pair, store: Store) -> None:
    ko = _report(pair.ko, "txt", pair.published, store)
    en = _report(pair.en, "md", pair.published, store)
    assert (ko.language, en.language) == ("ko", "en")
    assert ko.claims, "no claim found in the Korean article"
    only_ko, only_en = _verdicts(ko) - _verdicts(en), _verdicts(en) - _verdicts(ko)
    assert not only_ko and not only_en, f"Korean only: {only_ko}\nEnglish only: {only_en}"


@pytest.mark.parametrize("pair", list(PAIRS.values()), ids=list(PAIRS))
def test_planted_slips_are_caught_in_both_languages(pair: Pair, store: Store) -> None:
    for text, fmt in ((pair.ko, "txt"), (pair.en, "md")):
        report = _report(text, fmt, pair.published, store)
        assert report.summary.mismatch == pair.mismatches, [
            (c.quote, c.verdict) for c in report.claims
        ]
