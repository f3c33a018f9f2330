"""A small sliding-window rate limit for joins and code look-ups, per client address and per process.
(Every app replica keeps its own; the room's participant cap in the store holds across replicas.)"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimit:
    def __init__(self, limit: int, window_s: float, now: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window_s = window_s
        self._now = now
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count one attempt for `key`; False when it is over the limit in the window."""
        now = self._now()
        with self._lock:
            if len(self._hits) > 10_000:  # forget idle keys so the table cannot grow without bound
                self._hits = {k: v for k, v in self._hits.items() if v and v[-1] > now - self.window_s}
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window_s:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            return True
