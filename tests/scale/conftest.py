"""A real local cluster (HAProxy, two replicas of serve.py, PostgreSQL) for the scale, fault and
security-header tests; started once per run through deploy/local/cluster.py, as `make cluster` does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, require

CLUSTER = ROOT / "deploy" / "local" / "cluster.py"


@dataclass
class Cluster:
    dir: Path
    state: dict

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.state['proxy_port']}/ltv/"

    @property
    def database_url(self) -> str:
        s = self.state
        return f"postgresql://ltv:{s['pg_password']}@127.0.0.1:{s['pg_port']}/ltv"

    def replica(self, name: str) -> dict:
        return next(r for r in self.state["replicas"] if r["name"] == name)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(CLUSTER), *args, "--dir", str(self.dir)], capture_output=True, text=True, timeout=180
        )

    def haproxy_log(self) -> list[str]:
        return (self.dir / "logs" / "haproxy.log").read_text(errors="replace").splitlines()


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    require(shutil.which("haproxy") is not None, "HAProxy (Debian package haproxy)")
    require(bool(list(Path("/usr/lib/postgresql").glob("*/bin/postgres"))), "PostgreSQL (Debian package postgresql)")
    folder = ROOT / ".cluster" / f"test-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    cluster = Cluster(folder, {})
    started = cluster.run("start", "--port", "0", "--replicas", "2")
    print(started.stdout, started.stderr)
    assert started.returncode == 0, started.stdout + started.stderr
    cluster.state = json.loads((folder / "cluster.json").read_text())
    yield cluster
    print(cluster.run("stop").stdout)
    # the proxy's and the replicas' logs outlive the run, for reading after a failure
    kept = ROOT / "test-artifacts" / "cluster-logs"
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(folder / "logs", kept, dirs_exist_ok=True)
    moved = folder / "postgres-location"
    if moved.exists():
        shutil.rmtree(Path(moved.read_text()).parent, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
