"""factcheck: check the figures in news articles against verified official statistics.

The public API grows with the pipeline; see README.md, "Code overview".
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import DataError, FactcheckError, InputError, StoreError

if TYPE_CHECKING:
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

# Imported on first use: `factcheck --help` need not load pydantic and sqlite-utils.
_LAZY = {
    **dict.fromkeys(
        ("Article", "Claim", "Evidence", "Figure", "JudgedClaim", "Period", "Report", "Summary"),
        ".models",
    ),
    **dict.fromkeys(("Store", "build_store", "open_store"), ".store"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
