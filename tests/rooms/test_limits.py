"""The join and code look-up rate limit."""

from __future__ import annotations

from leidraad.rooms.limits import RateLimit


def test_a_client_over_the_limit_waits_for_the_window_others_do_not() -> None:
    clock = [0.0]
    limit = RateLimit(3, 60.0, now=lambda: clock[0])
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limit.allow("b")
    clock[0] = 59.0
    assert not limit.allow("a")
    clock[0] = 61.0
    assert limit.allow("a")
