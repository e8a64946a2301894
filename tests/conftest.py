"""Fixtures shared by the whole suite: real stores, the shared material beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from accord.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds-gold.jsonl"
NEGOTIATION = SHARED / "data" / "negotiation"
CAPABILITY = SHARED / "data" / "capability"
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'accord.db'}"


@pytest.fixture
def store_url(sqlite_url: str) -> str:
    """The URL of a fresh, real store. Parametrized over SQLite and PostgreSQL by the postgres plugin."""
    return sqlite_url


@pytest.fixture
def engine(store_url: str) -> Engine:
    return open_store(store_url)
