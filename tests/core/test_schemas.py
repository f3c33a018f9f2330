"""The JSON Schemas: fully described, and rejecting every structural fixture the checker rejects."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from leidraad.checks.rules import STRUCTURAL_RULES
from leidraad.content.structure import KINDS, validator
from tests.conftest import CONTENT, FIXTURES
from tests.core.test_check_rules import RULE_FIXTURES, expected_markers

SCHEMA_DIR = resources.files("leidraad.schemas")
SCHEMA_NAMES = sorted(p.name for p in SCHEMA_DIR.iterdir() if p.name.endswith(".schema.json"))


def properties_of(schema: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{path}/properties/{name}", sub
        for key, value in schema.items():
            yield from properties_of(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for i, item in enumerate(schema):
            yield from properties_of(item, f"{path}/{i}")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_schema_property_has_a_description(name: str) -> None:
    schema = json.loads(SCHEMA_DIR.joinpath(name).read_text(encoding="utf-8"))
    assert schema.get("description")
    undocumented = [path for path, sub in properties_of(schema) if not sub.get("description")]
    assert undocumented == []


def _kind(path: Path) -> str | None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data.get("kind") if isinstance(data, dict) and data.get("kind") in KINDS else None


STRUCTURAL_FIXTURES = [p for p in RULE_FIXTURES if {r for r, _ in expected_markers(p)} & STRUCTURAL_RULES]


def test_there_are_structural_fixtures() -> None:
    assert {r for p in STRUCTURAL_FIXTURES for r, _ in expected_markers(p)} >= STRUCTURAL_RULES


@pytest.mark.parametrize("fixture", STRUCTURAL_FIXTURES, ids=lambda p: p.stem)
def test_schema_alone_rejects_structural_fixture(fixture: Path) -> None:
    """What an editor sees in VS Code: the schema by itself already rejects the file."""
    kind = _kind(fixture)
    assert kind is not None
    data = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    errors = list(validator(kind).iter_errors(data))
    assert errors, f"the {kind} schema accepts {fixture.name}, which the checker rejects"


VALID_FILES = sorted((FIXTURES / "check" / "base").glob("*.yaml")) + sorted(CONTENT.rglob("*.yaml"))


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_schema_accepts_valid_content(path: Path) -> None:
    kind = _kind(path)
    assert kind is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator(kind).iter_errors(data)] == []


@pytest.mark.parametrize("path", sorted(CONTENT.rglob("*.yaml")), ids=lambda p: p.name)
def test_content_files_reference_their_schema(path: Path) -> None:
    """The first line tells VS Code's YAML extension which schema to use, by a path that exists."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path} does not start with a yaml-language-server schema comment"
    assert (path.parent / match.group(1)).resolve().is_file()
    assert (path.parent / match.group(1)).resolve().name == f"{_kind(path)}.schema.json"
