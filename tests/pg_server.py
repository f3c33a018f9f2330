"""A throwaway PostgreSQL server for tests: Debian's initdb into a temporary folder and pg_ctl on a free
loopback port, as an unprivileged user (the `postgres` system user when the tests run as root).

Reusable: `with PostgresServer() as pg: pg.url` anywhere, or the `postgres_url` fixture (tests/conftest.py
imports it). Under CI=true a missing PostgreSQL fails instead of skipping (see tests.conftest.require).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_USER = "postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps initdb and pg_ctl off the PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


class PostgresServer:
    def __init__(self) -> None:
        self.bin = pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL (Debian package postgresql) is not installed")
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="ltv-pg-"))
        self.data = self.root / "data"
        self.url = f"postgresql://{PG_USER}@127.0.0.1:{self.port}/postgres"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            pwd.getpwnam(PG_USER)  # the postgresql package creates this user
            shutil.chown(self.root, PG_USER)
            self._as_user = ["runuser", "-u", PG_USER, "--"]

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as_user, *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {result.stderr or result.stdout}")

    def start(self) -> PostgresServer:
        assert self.bin is not None
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", PG_USER, "-E", "UTF8")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"
        )
        return self

    def stop(self) -> None:
        if self.bin is not None and (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a PostgreSQL server for this test run (started once, removed at the end)."""
    from tests.conftest import require

    require(pg_bin() is not None, "PostgreSQL (initdb/pg_ctl, Debian package postgresql)")
    server = PostgresServer().start()
    try:
        yield server.url
    finally:
        server.stop()
