"""Shared test helpers. Under CI=true nothing the acceptance depends on may skip: a missing
Chromium or Graphviz fails the run instead."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "processes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, what: str) -> None:
    """Skip locally when a system component is missing; fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing under CI=true: run 'make test' so it gets installed", pytrace=False)
    pytest.skip(f"{what} is missing")


@pytest.fixture(scope="session")
def dot_available() -> None:
    require(shutil.which("dot") is not None, "Graphviz ('dot', Debian package graphviz)")


@pytest.fixture(scope="session")
def content_model():
    from leidraad.check import check_folder

    return check_folder(CONTENT)
