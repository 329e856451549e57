"""Shared fixtures: a store built once per session from the packaged reference data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.store import Store, build_store, open_store


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never touch the user's cache or a store named in the environment."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "reference.db")


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = open_store(store_path, readonly=True)
    yield opened
    opened.close()
