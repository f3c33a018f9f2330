"""Content being edited never takes the checker down: partial models, hostile YAML, failing rules.

Given the good base content (or the real content) with one file broken, when the folder is checked,
then nothing raises, the cause comes first and the errors that only follow from it are folded.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import leidraad.checks.folder as folder_module
from leidraad.checks.folder import check_folder
from leidraad.checks.report import build_report
from leidraad.content.suggest import closest, did_you_mean
from leidraad.content.yaml_source import parse_yaml
from tests.conftest import CONTENT, FIXTURES

BASE = FIXTURES / "check" / "base"
ROBUST = FIXTURES / "robust"


def folder_with(tmp_path: Path, *files: Path, base: Path = BASE) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(base, folder)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def test_alias_bomb_is_reported_in_under_a_second(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, ROBUST / "alias-bomb.yaml")
    started = time.perf_counter()
    result = check_folder(folder)
    elapsed = time.perf_counter() - started
    print(f"alias bomb (10 levels x 9 aliases) checked in {elapsed * 1000:.1f} ms")
    assert elapsed < 1.0
    bomb = [p for p in result.problems if p.file.endswith("alias-bomb.yaml")]
    assert {p.rule_id for p in bomb} == {"yaml-anchor"}
    assert "alias-bomb.yaml" not in {Path(name).name for name in result.documents}, "its tree is never built"
    assert {"basis", "tweede"} <= set(result.model.processes)


@pytest.mark.parametrize(
    "value",
    [
        "!!binary aGFsbG8=",
        "!!python/object:os.system ls",
        "!!python/object/apply:os.system [ls]",
        "!eigen x",
        "!!set {a}",
    ],
)
def test_unsafe_or_unknown_tags_are_an_error_with_their_line(value: str) -> None:
    doc, problems = parse_yaml(f"kind: process\nid: x\ntitle: {value}\n", "f.yaml")
    assert doc is None
    assert [(p.rule_id, p.line) for p in problems] == [("yaml-tag", 3)]
    assert "niet toegestaan" in problems[0].message


def test_tag_fixture_costs_only_its_own_file(tmp_path: Path) -> None:
    result = check_folder(folder_with(tmp_path, ROBUST / "tags.yaml"))
    assert [(p.rule_id, p.line, Path(p.file).name) for p in result.problems] == [("yaml-tag", 5, "tags.yaml")]


def test_plain_str_tag_and_deep_nesting() -> None:
    doc, problems = parse_yaml("a: !!str 5\n", "f.yaml")
    assert problems == [] and doc.data == {"a": "5"}
    doc, problems = parse_yaml("a: " + "[" * 200 + "]" * 200 + "\n", "f.yaml")
    assert doc is None and [p.rule_id for p in problems] == ["yaml-syntax"]


def test_broken_organisations_file_folds_every_follow_on(tmp_path: Path) -> None:
    result = check_folder(folder_with(tmp_path, ROBUST / "organisations.yaml"))
    report = build_report(result)
    assert [(p.rule_id, p.line) for p in report.causes] == [("yaml-syntax", 5)]
    assert "springt verder in" in report.causes[0].message
    assert report.own == {}, "every other error only follows from the broken file"
    (group,) = report.follow_ons
    assert group.problems and {p.rule_id for p in group.problems} == {"unknown-org"}
    assert group.summary() == f"{len(group.problems)} meldingen volgen uit de fout in {report.causes[0].file}:5"
    assert report.errors == len(result.problems) and report.files_with_errors[0].endswith("basis.yaml")


def test_broken_scenario_target_is_folded_not_crashed(tmp_path: Path) -> None:
    result = check_folder(folder_with(tmp_path, ROBUST / "tweede.yaml", ROBUST / "route.yaml"))
    report = build_report(result)
    assert [Path(p.file).name for p in report.causes] == ["tweede.yaml"]
    assert report.own == {}
    folded = {(p.rule_id, Path(p.file).name) for p in report.follow_ons[0].problems}
    assert folded == {("unknown-process", "basis.yaml"), ("scenario-unknown-step", "route.yaml")}
    assert result.unloaded_process("tweede") is not None and result.unloaded_process("basis") is None


def test_real_content_with_gedwongen_vertrek_broken(tmp_path: Path) -> None:
    """The issue's case: one line of gedwongen-vertrek.yaml indented too far crashed `check`."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    path = folder / "gedwongen-vertrek.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line == "  - id: lp_opdracht") + 3
    assert lines[index] == "    org: dtv"
    lines[index] = "      org: dtv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_folder(folder)
    report = build_report(result)
    assert [(Path(p.file).name, p.line, p.rule_id) for p in report.causes] == [
        ("gedwongen-vertrek.yaml", index + 1, "yaml-syntax")
    ]
    assert report.own == {}, [p.format() for ps in report.own.values() for p in ps]
    assert len(result.model.processes) == len(list(CONTENT.glob("*.yaml"))) - 2  # all but it (and organisations)
    unloaded = result.unloaded_process("gedwongen-vertrek")
    assert unloaded is not None and unloaded.cause.line == index + 1


def test_a_failing_rule_becomes_one_internal_problem(tmp_path: Path, monkeypatch) -> None:
    def broken(ctx, process):
        raise KeyError("bug")
        yield  # pragma: no cover

    monkeypatch.setitem(folder_module.PROCESS_RULES, "reachability", broken)
    result = check_folder(folder_with(tmp_path, FIXTURES / "check" / "rules" / "unknown-org.yaml"))
    internal = [p for p in result.problems if p.rule_id == "internal"]
    assert len(internal) == 1 and "'reachability'" in internal[0].message and "KeyError" in internal[0].message
    assert "unknown-org" in {p.rule_id for p in result.problems}, "the other rules still ran"


def test_suggestions_count_transpositions_and_stay_within_their_kind() -> None:
    orgs = {"dtv": "DT&V", "dvo": "DV&O", "ind": "IND", "coa": "COA"}
    assert closest("dvt", orgs) == ["dtv"]
    assert did_you_mean("dvt", orgs) == "; bedoelde u 'dtv' (DT&V)?"
    assert closest("c", ["a", "b"]) == []  # ids under three letters get no guess
    assert closest("lp_opdarcht", ["lp_opdracht", "opdracht"]) == ["lp_opdracht"]


def test_real_content_suggests_dtv_for_dvt(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    path = folder / "gedwongen-vertrek.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    org: dtv\n", "    org: dvt\n", 1), encoding="utf-8")
    (problem,) = [p for p in check_folder(folder).problems if p.rule_id == "unknown-org"]
    assert "'dvt' bestaat niet; bedoelde u 'dtv' (DT&V)?" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("a:\n  b: 1\n    c: 2\n", 3, "springt verder in"),
        ("a:\n  when: Nee: niet nodig\n", 2, 'when: "Nee: niet nodig"'),
        ("a:\n\tb: 1\n", 2, "tab"),
        ('a: "niet gesloten\nb: 2\n', 3, "aanhalingsteken"),
        ("a: [1, 2\nb: 3\n", 2, "niet goed gesloten"),
        ("a:\n  - b\n c: 1\n", 3, "springt anders in"),
    ],
)
def test_yaml_syntax_errors_get_a_dutch_hint(text: str, line: int, hint: str) -> None:
    doc, problems = parse_yaml(text, "f.yaml")
    assert doc is None
    (problem,) = problems
    assert problem.rule_id == "yaml-syntax" and problem.message.startswith("YAML-syntaxfout: ")
    assert hint in problem.message and "Tip" in problem.message, problem.message
    assert problem.line == line


def test_a_loader_bug_costs_one_file(tmp_path: Path, monkeypatch) -> None:
    import leidraad.content.load as load_module

    real = load_module._parse_and_validate.__wrapped__

    def flaky(name: str, raw: bytes):
        if name.endswith("tweede.yaml"):
            raise RecursionError("bug")
        return real(name, raw)

    monkeypatch.setattr(load_module, "_parse_and_validate", flaky)
    result = check_folder(folder_with(tmp_path))
    internal = [p for p in result.problems if p.rule_id == "internal"]
    assert [Path(p.file).name for p in internal] == ["tweede.yaml"] and "RecursionError" in internal[0].message
    assert "basis" in result.model.processes
    assert build_report(result).causes == internal


def test_cli_prints_the_cause_first_and_folds_the_rest(tmp_path: Path, capsys) -> None:
    from leidraad.cli.main import main

    folder = folder_with(tmp_path, ROBUST / "organisations.yaml")
    assert main(["check", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "error yaml-syntax: YAML-syntaxfout:" in lines[0] and lines[0].split(":")[1] == "5"
    assert (
        lines[1].endswith("organisations.yaml:5 (--all toont ze)") and " meldingen volgen uit de fout in " in lines[1]
    )
    assert len(lines) == 3 and "daarvan volgen uit 1 oorzaak" in lines[2]
    assert main(["check", str(folder), "--all"]) == 1
    listed = capsys.readouterr().out.splitlines()
    folded = [line for line in listed if line.startswith("  ")]
    assert folded and all("error unknown-org:" in line for line in folded)
    assert int(lines[1].split()[0]) == len(folded)
