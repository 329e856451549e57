"""The pipeline, written out once: read -> extract -> resolve -> match -> judge -> report.

>>> from factcheck.articles import article_from_text
>>> from factcheck.store import open_store
>>> article = article_from_text("In 2025 album exports rose 3.4% to $301.7 million.")
>>> with open_store() as store:
...     report = check_article(article, store)
>>> [(c.quote, c.verdict) for c in report.claims]
[('3.4%', 'supported'), ('$301.7 million', 'supported')]
"""

from __future__ import annotations

from .aliases import known_metrics
from .extract import extract_claims
from .models import Article, Claim, Report
from .report import build_report
from .resolve import infer_context, resolve_claims
from .store import Store
from .verdict import judge_claim


def find_claims(article: Article, store: Store | None = None) -> list[Claim]:
    """Every figure in the article and what it is about (metric, partner, period); [] if none.

    With a store, an undated article is placed in time by its own precise figures.
    """
    claims = extract_claims(article)
    context = None
    if article.published is None and store is not None:
        # Only the products articles name count: a larger store may hold other goods.
        metrics = known_metrics()
        context = infer_context(
            claims, lambda low, high: store.periods_holding(low, high, "USD", metrics)
        )
    return resolve_claims(article, claims, context)


def check_article(article: Article, store: Store) -> Report:
    """The report on every figure of `article`, judged against `store`."""
    claims = find_claims(article, store)
    judged = [
        judge_claim(
            claim,
            store,
            published=article.published,
            claims=claims,
            language=article.language,
        )
        for claim in claims
    ]
    return build_report(article, judged)
