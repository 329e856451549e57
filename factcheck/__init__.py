"""factcheck: check the figures in news articles against verified official statistics.

    from factcheck import check_text, check_file, open_store

    with open_store() as store:               # once; one store serves many threads
        report = check_file("article.md", store=store)
        report = check_text(text, published=date(2025, 7, 20), store=store)

Both return `Report`, the contract in ../shared/report-schema.md. See README.md, "Three ways in"
and "Code overview".
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import DataError, FactcheckError, InputError, StoreError

if TYPE_CHECKING:
    from .api import check_file, check_text
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
    "check_file",
    "check_text",
    "open_store",
]

# Imported on first use: `factcheck --help` need not load pydantic and sqlite-utils.
_LAZY = {
    **dict.fromkeys(
        ("Article", "Claim", "Evidence", "Figure", "JudgedClaim", "Period", "Report", "Summary"),
        ".models",
    ),
    **dict.fromkeys(("Store", "build_store", "open_store"), ".store"),
    **dict.fromkeys(("check_file", "check_text"), ".api"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
