"""Fixture versions and a temporary git repository holding them as two commits."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, require

OLD = FIXTURES / "versions" / "old"
NEW = FIXTURES / "versions" / "new"


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Run git in `repo` without the user's configuration; `date` sets author and committer date."""
    env = {
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@example.org",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": "/usr/bin:/bin",
        **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}),
    }
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout.strip()


def put(source: Path, content: Path) -> None:
    """Make `content` hold exactly the files of `source`."""
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(source, content)


@dataclass
class Repo:
    root: Path
    content: Path
    old: str  # commit of the old version (tagged v2026-Q1)
    new: str  # commit of the new version (tagged v2026-Q2)


def make_repo(root: Path) -> Repo:
    require(shutil.which("git") is not None, "git (Debian package git)")
    content = root / "processes"
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    (root / "README.md").write_text("Testrepository\n", encoding="utf-8")
    put(OLD, content)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Old version", date="2026-02-01T10:00:00")
    git(root, "tag", "v2026-Q1")
    put(NEW, content)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "New version", date="2026-05-01T10:00:00")
    git(root, "tag", "-a", "v2026-Q2", "-m", "Tweede kwartaal")
    return Repo(root, content, git(root, "rev-parse", "v2026-Q1"), git(root, "rev-parse", "v2026-Q2^{commit}"))


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "repo")
