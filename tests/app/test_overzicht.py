"""AppTest: the Overzicht page lists the processes and shows content problems with file:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import CONTENT, FIXTURES, ROOT

APP = str(ROOT / "app.py")


def run_app(monkeypatch: pytest.MonkeyPatch, content: Path) -> AppTest:
    monkeypatch.setenv("LTV_CONTENT", str(content))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [s.value for s in at.subheader] + [e.value for e in at.error] + [i.value for i in at.info]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))  # undo markdown escaping


def test_real_content_lists_every_process(monkeypatch: pytest.MonkeyPatch, content_model) -> None:
    at = run_app(monkeypatch, CONTENT)
    text = all_text(at)
    for process in content_model.model.processes.values():
        assert process.title in text
    count = len(content_model.model.processes)
    assert f"{count} {'proces' if count == 1 else 'processen'}" in text


def test_bad_file_among_good_ones_keeps_the_good_processes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "check" / "base", folder)
    shutil.copy(FIXTURES / "check" / "rules" / "yaml-syntax.yaml", folder)
    at = run_app(monkeypatch, folder)
    text = all_text(at)
    assert "Basis" in text and "Tweede" in text
    assert at.error and "fout" in at.error[0].value
    (table,) = at.dataframe
    rows = table.value
    bad = rows[rows["regel-id"] == "yaml-syntax"]
    assert list(bad["bestand"].str.endswith("yaml-syntax.yaml")) == [True]
    assert list(bad["regel"]) == [3]


def test_edited_content_shows_without_restart(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "check" / "base", folder)
    at = run_app(monkeypatch, folder)
    assert "Basis" in all_text(at)
    path = folder / "basis.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Basis", "title: Gewijzigd"), encoding="utf-8")
    at.run()
    assert "Gewijzigd" in all_text(at)
