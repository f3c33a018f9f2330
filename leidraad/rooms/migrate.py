"""Versioned schema: the numbered SQL files in migrations/ (0001_*.sql, 0002_*.sql, ...) are applied in order
at start-up, each once, in one transaction with its record in schema_migrations. Several app processes may
start at once: PostgreSQL serialises them with an advisory lock, SQLite with BEGIN IMMEDIATE."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_LOCK_ID = 160_016  # any constant: the advisory lock of the room schema


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def migrations(folder: Path = MIGRATIONS) -> list[Migration]:
    found: list[Migration] = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"{path.name}: a migration is named NNNN_words.sql")
        body = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("--"))
        statements = tuple(s.strip() for s in body.split(";") if s.strip())
        found.append(Migration(int(match.group(1)), path.stem, statements))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations must be numbered 1, 2, 3, ... without gaps; found {versions}")
    return found


def _applied(conn: Connection) -> set[int]:
    return {row[0] for row in conn.execute(text("SELECT version FROM schema_migrations"))}


def migrate(engine: Engine, folder: Path = MIGRATIONS) -> list[str]:
    """Apply what is missing; returns the names applied now (empty when the schema was up to date)."""
    done: list[str] = []
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            )
        )
        applied = _applied(conn)
        for migration in migrations(folder):
            if migration.version in applied:
                continue
            for statement in migration.statements:
                conn.execute(text(statement))
            conn.execute(
                text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                {"v": migration.version, "n": migration.name, "t": int(time.time() * 1000)},
            )
            done.append(migration.name)
    return done


def schema_version(engine: Engine) -> int:
    with engine.connect() as conn:
        return max(_applied(conn), default=0)
