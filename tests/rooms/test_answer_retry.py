"""A tap while the room database is away: tried again, then reported as not saved; never a silent loss."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from components.pages import meedoen


class FlakyStore:
    """The real store's answer() signature; fails `failures` times like a database that is away."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.saved: list[tuple[Any, ...]] = []

    def answer(self, *args: Any) -> None:
        if self.failures:
            self.failures -= 1
            raise OperationalError("INSERT", {}, ConnectionError("server closed the connection"))
        self.saved.append(args)


@pytest.fixture
def state(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    session: dict[str, str] = {}
    monkeypatch.setattr(meedoen.st, "session_state", session)
    monkeypatch.setattr(meedoen, "ANSWER_RETRY_PAUSES", (0.0, 0.0, 0.0))
    return session


def test_a_short_outage_is_bridged_by_retrying(monkeypatch: pytest.MonkeyPatch, state: dict[str, str]) -> None:
    store = FlakyStore(failures=2)
    monkeypatch.setattr(meedoen, "room_store", lambda: store)
    meedoen._answer("ABCDEF", "token", 1, 2, 4)
    assert store.saved == [("ABCDEF", "token", 1, 2, 4)]
    assert "meedoen.error" not in state


def test_a_longer_outage_is_reported_as_not_saved(monkeypatch: pytest.MonkeyPatch, state: dict[str, str]) -> None:
    store = FlakyStore(failures=10)
    monkeypatch.setattr(meedoen, "room_store", lambda: store)
    meedoen._answer("ABCDEF", "token", 1, 2, 4)
    assert store.saved == []
    assert state["meedoen.error"] == meedoen.ANSWER_NOT_SAVED
    assert store.failures == 10 - (len(meedoen.ANSWER_RETRY_PAUSES) + 1)
