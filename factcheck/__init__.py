"""factcheck: check the figures in news articles against verified official statistics.

The public API grows with the pipeline; see README.md, "Code overview".
"""

from .errors import DataError, FactcheckError, InputError, StoreError
from .models import Article, Claim, Evidence, Figure, JudgedClaim, Period, Report, Summary
from .store import Store, build_store, open_store

__all__ = [
    "Article",
    "Claim",
    "DataError",
    "Evidence",
    "FactcheckError",
    "Figure",
    "InputError",
    "JudgedClaim",
    "Period",
    "Report",
    "Store",
    "StoreError",
    "Summary",
    "build_store",
    "open_store",
]
