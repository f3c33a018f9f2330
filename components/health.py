"""Readiness of one app process: is the content loaded and is the database reachable?

Streamlit's own ``/_stcore/health`` only says that the server is up. A replica that cannot show the
content or cannot reach the shared database must not get traffic, so the production entry point
(``serve.py``) serves this check on ``/healthz`` for the proxy, Kubernetes and Docker.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from components.cache import content_folder, current_content

DATABASE_ENV = "LTV_DATABASE_URL"
CONNECT_TIMEOUT_S = 2
LOG = logging.getLogger("ltv.health")


@dataclass
class Check:
    ok: bool
    detail: str


@dataclass
class Readiness:
    content: Check
    database: Check
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.content.ok and self.database.ok

    def as_json(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "unavailable",
            "content": {"ok": self.content.ok, "detail": self.content.detail},
            "database": {"ok": self.database.ok, "detail": self.database.detail},
            **self.extra,
        }


class _Warmup:
    """Loads the content once per process in the background, so the first visitor does not wait and
    the health check can answer quickly while the load is still running."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started = False
        self.done = threading.Event()
        self.error: str | None = None

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="ltv-content-warmup", daemon=True).start()

    def _run(self) -> None:
        try:
            result = current_content()
            LOG.info("content loaded: %d processes from %s", len(result.model.processes), content_folder())
        except Exception as exc:  # reported by the health check, never raised into the server
            self.error = f"{type(exc).__name__}: {exc}"
            LOG.exception("content could not be loaded from %s", content_folder())
        finally:
            self.done.set()


WARMUP = _Warmup()


def content_check() -> Check:
    if not WARMUP.done.is_set():
        return Check(False, "inhoud wordt nog geladen")
    try:
        result = current_content()
    except Exception as exc:
        return Check(False, f"inhoud kon niet geladen worden: {type(exc).__name__}")
    count = len(result.model.processes)
    if count == 0:
        return Check(False, f"geen processen geladen uit {content_folder()}")
    broken = len(result.broken_files)
    return Check(True, f"{count} processen" + (f", {broken} onleesbare bestanden" if broken else ""))


def database_url() -> str | None:
    return os.environ.get(DATABASE_ENV) or None


def database_check(url: str | None = None) -> Check:
    """A plain connection and ``SELECT 1``; never shows the URL (it may hold a password)."""
    url = url if url is not None else database_url()
    if not url:
        return Check(True, "geen LTV_DATABASE_URL: ingebouwde SQLite")
    scheme = urlsplit(url).scheme.split("+")[0]
    try:
        if scheme in ("postgresql", "postgres"):
            import psycopg

            with psycopg.connect(_libpq_url(url), connect_timeout=CONNECT_TIMEOUT_S) as conn:
                conn.execute("SELECT 1")
            return Check(True, "PostgreSQL bereikbaar")
        if scheme == "sqlite":
            path = url.split(":///", 1)[-1]
            if path and path != ":memory:" and not Path(path).parent.is_dir():
                return Check(False, "map van de SQLite-database bestaat niet")
            with sqlite3.connect(path or ":memory:", timeout=CONNECT_TIMEOUT_S) as conn:
                conn.execute("SELECT 1")
            return Check(True, "SQLite bereikbaar")
    except Exception as exc:
        return Check(False, f"database niet bereikbaar ({type(exc).__name__})")
    return Check(False, f"onbekend soort database-URL ({scheme or 'geen schema'})")


def _libpq_url(url: str) -> str:
    """``postgresql+psycopg://`` (SQLAlchemy style) as the plain ``postgresql://`` libpq reads."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme.split('+')[0]}{sep}{rest}"


_last_ok: bool | None = None


def readiness() -> Readiness:
    global _last_ok
    state = Readiness(content_check(), database_check())
    if state.ok != _last_ok:
        # One line per change, not per probe: a platform's log stays readable.
        LOG.log(
            logging.INFO if state.ok else logging.WARNING,
            "readiness %s: content=%s; database=%s",
            "ok" if state.ok else "unavailable",
            state.content.detail,
            state.database.detail,
        )
        _last_ok = state.ok
    return state
