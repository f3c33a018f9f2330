"""Room stores on both databases: SQLite in a temporary folder and the throwaway PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from leidraad.rooms.store import RoomStore

DATABASES = ("sqlite", "postgresql")


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An SQLAlchemy URL for each database (a fresh SQLite file; the session's PostgreSQL server)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    url = request.getfixturevalue("postgres_url")
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture
def make_store(database_url: str) -> Iterator[Callable[..., RoomStore]]:
    made: list[RoomStore] = []

    def make(**kwargs) -> RoomStore:
        store = RoomStore(database_url, **kwargs)
        made.append(store)
        return store

    yield make
    for store in made:
        store.engine.dispose()
