"""`export bpmn` and `import bpmn` on the command line."""

from __future__ import annotations

from pathlib import Path

from leidraad.cli.main import main
from tests.bpmn.conftest import MIWG
from tests.conftest import CONTENT


def test_export_bpmn_all_or_some(tmp_path: Path, capsys, dot_available) -> None:
    assert main(["export", "bpmn", "--content", str(CONTENT), "-o", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.bpmn"))) == 21
    assert "21 BPMN file(s)" in capsys.readouterr().out
    assert (
        main(["export", "bpmn", "vertrektermijn", "beroep", "--content", str(CONTENT), "-o", str(tmp_path / "two")])
        == 0
    )
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["beroep.bpmn", "vertrektermijn.bpmn"]
    assert main(["export", "bpmn", "bestaat-niet", "--content", str(CONTENT), "-o", str(tmp_path / "x")]) == 2


def test_import_bpmn_writes_checked_files(tmp_path: Path, capsys) -> None:
    out = tmp_path / "imported"
    assert main(["import", "bpmn", str(MIWG / "A.4.0.bpmn"), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "check: 0 error(s)" in printed
    assert (out / "organisations.yaml").exists() and len(list(out.glob("*.yaml"))) >= 2
    assert main(["check", str(out)]) == 0
    # a second import into the same folder does not overwrite without --force
    assert main(["import", "bpmn", str(MIWG / "A.4.0.bpmn"), "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["import", "bpmn", str(MIWG / "A.4.0.bpmn"), "-o", str(out), "--force"]) == 0
