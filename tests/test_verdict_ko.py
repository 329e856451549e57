"""Korean articles get Korean explanations and corrections in the article's own style."""

from __future__ import annotations

import re
from datetime import date

import pytest

from factcheck.articles import article_from_text
from factcheck.check import check_article
from factcheck.store import Store

HANGUL = re.compile("[가-힣]")

# (text, published, quote, verdict, words the explanation holds, correction)
CASES = [
    pytest.param(
        "관세청에 따르면 2022년 음반 수출액은 2억3311만3000달러로 집계됐다.",
        date(2023, 1, 20), "2억3311만3000달러", "supported",
        ("2억3311만3000달러", "기사와 맞습니다"), None, id="supported-value",
    ),
    pytest.param(
        "관세청에 따르면 2022년 음반 수출액은 2.915억 원이었다.",
        date(2023, 1, 20), "2.915억 원", "mismatch",
        ("단위 오류", "1,000배", "2,878억 원"), "2,915억 원", id="scale-slip-won",
    ),
    pytest.param(
        "관세청에 따르면 2025년 일본으로의 음반 수출액은 806만 달러였다.",
        date(2026, 1, 20), "806만 달러", "mismatch",
        ("806만 달러가 아니라", "8063만달러", "단위 오류"), "8,063만 달러", id="dropped-digit",
    ),
    pytest.param(
        "관세청에 따르면 2025년 음반 수출액은 전년 대비 -3.4%를 기록했다.",
        date(2026, 1, 20), "-3.4%", "mismatch",
        ("부호 반대", "+3.4%"), "3.4%", id="sign-flip",
    ),
    pytest.param(
        "지난해 음반 판매량은 1억2000만 장이었다.",
        date(2026, 1, 20), "1억2000만 장", "unverifiable",
        ("확인 불가", "수출 통계가 아닌 수치"), None, id="copies-unverifiable",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "quote", "verdict", "words", "correction"), CASES)
def test_korean_explanations(
    store: Store,
    text: str,
    published: date,
    quote: str,
    verdict: str,
    words: tuple[str, ...],
    correction: str | None,
) -> None:
    article = article_from_text(text, published=published)
    assert article.language == "ko"
    claims = {c.quote: c for c in check_article(article, store).claims}
    claim = claims[quote]
    assert claim.verdict == verdict
    assert HANGUL.search(claim.explanation)
    for word in words:
        assert word in claim.explanation
    assert claim.correction == correction


def test_english_explanations_unchanged(store: Store) -> None:
    article = article_from_text(
        "Album exports to Japan in 2025 were $8.06 million.", published=date(2026, 1, 20)
    )
    (claim,) = check_article(article, store).claims
    assert claim.verdict == "mismatch"
    assert not HANGUL.search(claim.explanation)
    assert claim.explanation.startswith("Album exports to Japan in 2025 were $80,630,000")


def test_korean_particles_and_money() -> None:
    from decimal import Decimal

    from factcheck.wording import josa, usd_ko, won_ko

    assert usd_ko(Decimal(233113000)) == "2억3311만3000달러"
    assert won_ko(Decimal(289500000000)) == "2,895억 원"
    assert (
        josa("2억달러(원화 환산 약 2,878억 원)", "으로/로") == "2억달러(원화 환산 약 2,878억 원)로"
    )
    assert josa("2,895억 원", "이/가") == "2,895억 원이"
