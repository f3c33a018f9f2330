"""The diff, review status and changelog on real git revisions in a repository made by the test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from leidraad.cli.main import main
from leidraad.versions.git_source import REVIEW, VersionError, find_repository, load_spec, resolve, revisions
from tests.versions.conftest import Repo, git
from tests.versions.test_diff import EXPECTED


@pytest.fixture
def in_repo(fixture_repo: Repo):
    cwd = os.getcwd()
    os.chdir(fixture_repo.root)
    yield fixture_repo
    os.chdir(cwd)


def test_diff_of_two_tags_equals_the_folder_diff(in_repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "v2026-Q1", "v2026-Q2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {**EXPECTED, "old": "v2026-Q1", "new": "v2026-Q2"}


def test_diff_of_commits_and_of_the_worktree(in_repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", in_repo.old[:10], "HEAD"]) == 0
    assert "~ stap hernoemd: beoordelen → aanvraag_beoordelen (Aanvraag beoordelen)" in capsys.readouterr().out
    assert main(["diff", "HEAD", "werkmap"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Geen wijzigingen."
    hoofd = in_repo.content / "hoofd.yaml"
    hoofd.write_text(hoofd.read_text(encoding="utf-8").replace("Intake afnemen", "Intake houden"), encoding="utf-8")
    assert main(["diff", "HEAD", "processes", "--markdown"]) == 0
    assert "  - `label`: Intake afnemen → Intake houden" in capsys.readouterr().out.splitlines()


def test_revisions_and_bad_names(in_repo: Repo) -> None:
    repo = find_repository(in_repo.content)
    assert repo is not None and repo.prefix == "processes/"
    found = revisions(repo)
    assert [r.sha for r in found] == [in_repo.new, in_repo.old]
    assert found[0].tags == ("v2026-Q2",) and found[1].date == "2026-02-01"
    for bad in ("--output=/tmp/x", "v9999", "HEAD..HEAD~1", REVIEW):
        with pytest.raises(VersionError):
            resolve(repo, bad)
    with pytest.raises(VersionError, match="bestaat niet"):
        load_spec("nergens", in_repo.content)


def test_plain_folder_without_git(tmp_path: Path) -> None:
    assert find_repository(tmp_path) is None
    with pytest.raises(VersionError, match="niet in een git-repository"):
        load_spec("HEAD", tmp_path)


def test_review_status_and_last_review(in_repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review-status", "--json"]) == 0
    rows = {r["process"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["hoofd"]["reviewed"] is None and rows["hoofd"]["review_due"] is True
    assert rows["hoofd"]["changes_since_review"] == 2  # both commits changed hoofd.yaml
    assert rows["erbij"]["changes_since_review"] == 1
    assert main(["review", "hoofd", "--date", "2026-05-02"]) == 0
    capsys.readouterr()
    git(in_repo.root, "commit", "-q", "-am", "Review hoofd", date="2026-05-02T10:00:00")
    hoofd = in_repo.content / "hoofd.yaml"
    hoofd.write_text(hoofd.read_text(encoding="utf-8").replace("Intake afnemen", "Intake houden"), encoding="utf-8")
    git(in_repo.root, "commit", "-q", "-am", "Edit after the review")
    assert main(["review-status", "--json"]) == 0
    rows = {r["process"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["hoofd"]["reviewed"] == "2026-05-02" and rows["hoofd"]["next_review"] == "2026-08-02"
    assert rows["hoofd"]["changes_since_review"] == 1
    assert main(["review-status"]) == 0
    table = capsys.readouterr().out
    assert "hoofd" in table and "2026-05-02" in table and "REVIEW NODIG" in table
    assert main(["diff", REVIEW, "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "label: Intake afnemen → Intake houden" in out and "reviewed" not in out


def test_changelog_per_tag(in_repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changelog"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("## Wijzigingen van `v2026-Q1` naar `v2026-Q2`")
    assert "- ~ stap hernoemd: `beoordelen` → `aanvraag_beoordelen` (Aanvraag beoordelen)" in text
    hoofd = in_repo.content / "hoofd.yaml"
    hoofd.write_text(hoofd.read_text(encoding="utf-8").replace("Intake afnemen", "Intake houden"), encoding="utf-8")
    assert main(["changelog", "--since", "v2026-Q2", "-o", "log.md"]) == 0
    log = (in_repo.root / "log.md").read_text(encoding="utf-8")
    assert log.startswith("## Wijzigingen van `v2026-Q2` naar `werkmap`") and "Intake houden" in log
    assert "v2026-Q1" not in log


def test_changelog_without_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changelog", "--content", str(tmp_path)]) == 2
    assert "leest de versies uit git" in capsys.readouterr().err
