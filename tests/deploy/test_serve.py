"""The production entry point: readiness says 503 when the database or the content is missing and
why, never the database password; logs are one JSON object per line on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from components.health import database_check
from tests.conftest import ROOT, free_port

SECRET = "s3cr3t-password"


def test_database_check_kinds(tmp_path: Path) -> None:
    assert database_check("").ok
    assert database_check(f"sqlite:///{tmp_path}/rooms.db").ok
    assert not database_check(f"sqlite:///{tmp_path}/missing/rooms.db").ok
    assert not database_check("mysql://x@127.0.0.1/y").ok
    closed = f"postgresql+psycopg://ltv:{SECRET}@127.0.0.1:{free_port()}/ltv"
    started = time.monotonic()
    check = database_check(closed)
    assert not check.ok and SECRET not in check.detail and "niet bereikbaar" in check.detail
    assert time.monotonic() - started < 10


def serve(env: dict[str, str]) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "serve.py"],
        cwd=ROOT,
        env={**os.environ, "LTV_ADDRESS": "127.0.0.1", "LTV_PORT": str(port), "LTV_BASE_URL_PATH": "ltv", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, port


def readiness(port: int, path: str = "/healthz") -> tuple[int, dict]:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            body = json.loads(e.read())
            if "geladen" not in body["content"]["detail"] or time.monotonic() > deadline:
                return e.code, body
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def test_readiness_fails_without_database_or_content_and_logs_json(tmp_path: Path) -> None:
    no_db, db_port = serve({"LTV_DATABASE_URL": f"postgresql://ltv:{SECRET}@127.0.0.1:{free_port()}/ltv"})
    empty = tmp_path / "leeg"
    empty.mkdir()
    no_content, content_port = serve({"LTV_CONTENT": str(empty)})
    try:
        status, body = readiness(db_port, "/ltv/healthz")
        assert status == 503 and body["content"]["ok"] and not body["database"]["ok"]
        assert SECRET not in json.dumps(body)
        status, body = readiness(content_port)
        assert status == 503 and not body["content"]["ok"] and body["database"]["ok"]
        assert "geen processen" in body["content"]["detail"]
        with urllib.request.urlopen(f"http://127.0.0.1:{content_port}/ltv/_stcore/health", timeout=5) as r:
            assert r.status == 200  # liveness: the server is up even without content
    finally:
        for proc in (no_db, no_content):
            proc.terminate()
    out, _ = no_db.communicate(timeout=20)
    no_content.communicate(timeout=20)
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert any(e["logger"] == "ltv.health" and e["message"].startswith("readiness unavailable") for e in events)
    assert any(e["logger"] == "ltv.health" and e["message"].startswith("content loaded: ") for e in events)
    assert all({"time", "level", "logger", "message"} <= set(e) for e in events)
    assert not any(line.startswith("{") is False and "Traceback" in line for line in out.splitlines())
    assert SECRET not in out
