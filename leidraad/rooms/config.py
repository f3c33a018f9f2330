"""Where the rooms live: PostgreSQL when LTV_DATABASE_URL names it, else one SQLite file in the data folder."""

from __future__ import annotations

import os
from pathlib import Path

DATABASE_ENV = "LTV_DATABASE_URL"
DATA_DIR_ENV = "LTV_DATA_DIR"
# A git-ignored folder of the checkout, so `make run` needs nothing else.
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SQLITE_FILE = "rooms.sqlite3"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def database_url() -> str:
    """An SQLAlchemy URL; a plain postgresql:// URL gets the psycopg 3 driver."""
    url = (os.environ.get(DATABASE_ENV) or "").strip()
    if not url:
        return f"sqlite:///{data_dir() / SQLITE_FILE}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
