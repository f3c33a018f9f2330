"""Every rule has a fixture that breaks it; each test asserts the exact rule id and line.

Given the good base content plus one rule fixture, when the folder is checked, then the fixture's
problems are exactly those marked `# expect: rule-id` on their lines, and the base stays clean.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from leidraad.checks.folder import check_folder
from leidraad.checks.rules import RULES
from tests.conftest import FIXTURES

BASE = FIXTURES / "check" / "base"
RULE_FIXTURES = sorted((FIXTURES / "check" / "rules").glob("*.yaml"))
MARKER = re.compile(r"#\s*expect:\s*([a-z0-9, -]+)")
GENERATED_RULES = {"file-too-large", "not-utf8", "no-content", "internal"}  # made by the tests below, not files


def expected_markers(path: Path) -> set[tuple[str, int]]:
    found = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            found.update((rule.strip(), number) for rule in match.group(1).split(","))
    return found


def check_with(tmp_path: Path, *extra: Path):
    folder = tmp_path / "content"
    shutil.copytree(BASE, folder)
    for path in extra:
        shutil.copy(path, folder / path.name)
    return folder, check_folder(folder)


def test_base_fixture_is_clean(tmp_path: Path) -> None:
    _, result = check_with(tmp_path)
    assert result.problems == []


def test_every_rule_has_a_fixture() -> None:
    covered = {rule for path in RULE_FIXTURES for rule, _ in expected_markers(path)} | GENERATED_RULES
    assert set(RULES) - covered == set()


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=lambda p: p.stem)
def test_rule_fixture_reports_exactly_its_markers(tmp_path: Path, fixture: Path) -> None:
    _folder, result = check_with(tmp_path, fixture)
    expected = expected_markers(fixture)
    assert fixture.stem in {rule for rule, _ in expected}, "the fixture is named after the rule it breaks"
    found = {(p.rule_id, p.line) for p in result.problems if Path(p.file).name == fixture.name}
    assert found == expected
    others = [p for p in result.problems if Path(p.file).name != fixture.name]
    assert others == [], "one broken file must not produce problems in the others"
    for problem in result.problems:
        assert problem.rule_id in RULES
        assert problem.severity == RULES[problem.rule_id][0]
        assert problem.col >= 1


def test_file_too_large_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_text("kind: organisations\norganisations: []\n# " + "x" * (1024 * 1024) + "\n")
    _, result = check_with(tmp_path, big)
    assert [(p.rule_id, p.line, Path(p.file).name) for p in result.problems] == [("file-too-large", 1, "groot.yaml")]


def test_non_utf8_file_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("kind: organisations\norganisations: []\n# Beëindigen\n".encode("latin-1"))
    _, result = check_with(tmp_path, bad)
    assert [(p.rule_id, p.line) for p in result.problems] == [("not-utf8", 3)]


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    result = check_folder(tmp_path / "bestaat-niet")
    assert [p.rule_id for p in result.problems] == ["no-content"]


def test_broken_file_keeps_the_rest_of_the_content(tmp_path: Path) -> None:
    """A YAML syntax error in one file: the other processes are still loaded and checked."""
    _, result = check_with(
        tmp_path, FIXTURES / "check" / "rules" / "yaml-syntax.yaml", FIXTURES / "check" / "rules" / "unreachable.yaml"
    )
    assert {"basis", "tweede", "onbereikbaar"} <= set(result.model.processes)
    rules = {p.rule_id for p in result.problems}
    assert {"yaml-syntax", "unreachable"} <= rules


def test_messages_name_the_object_and_suggest_a_fix(tmp_path: Path) -> None:
    _, result = check_with(tmp_path, FIXTURES / "check" / "rules" / "unknown-key.yaml")
    (problem,) = result.problems
    assert "lable" in problem.message and "bedoelde u 'label'" in problem.message
    assert "stap 'start'" in problem.message


def test_every_rule_is_documented_for_editors() -> None:
    doc = (FIXTURES.parent.parent / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert [rule for rule in RULES if f"`{rule}`" not in doc] == []
