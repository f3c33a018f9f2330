"""The command line: output format, exit codes, stats and exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from leidraad.cli.main import main
from tests.conftest import FIXTURES

BASE = FIXTURES / "check" / "base"
RULES = FIXTURES / "check" / "rules"


def test_check_valid_folder_exits_zero(capsys) -> None:
    assert main(["check", str(BASE), "--strict"]) == 0
    assert "0 fout(en), 0 waarschuwing(en)" in capsys.readouterr().out


def test_check_prints_path_line_col_severity_rule(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "c"
    shutil.copytree(BASE, folder)
    shutil.copy(RULES / "unknown-org.yaml", folder)
    shutil.copy(RULES / "yaml-syntax.yaml", folder)
    assert main(["check", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(
        line.endswith("unknown-org.yaml:9:10: error unknown-org: stap 'start': organisatie 'c' bestaat niet")
        for line in lines
    )
    assert any("yaml-syntax.yaml:3:" in line and "error yaml-syntax" in line for line in lines)
    assert lines[-1].startswith("7 bestanden, 3 processen gecontroleerd")


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(BASE, folder)
    shutil.copy(RULES / "missing-summary.yaml", folder)
    assert main(["check", str(folder)]) == 0
    assert main(["check", str(folder), "--strict"]) == 1


def test_usage_errors_exit_two(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["chekc"])
    assert exc.value.code == 2
    assert main(["check", "/bestaat/niet"]) == 2


def test_stats_json(capsys) -> None:
    assert main(["stats", "--json", "--content", str(BASE)]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["processes"] == 2 and stats["handovers"] == 1 and stats["organisations"] == 2
    assert stats["nodes_by_type"]["gateway"] == 1
    assert stats["catalogue_entries"]["overlegvormen"] == 1


def test_export_json_shape(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    assert main(["export", "json", "-o", str(out), "--content", str(BASE)]) == 0
    data = json.loads(out.read_text())
    assert {o["id"] for o in data["organisations"]} == {"a", "b"}
    basis = next(p for p in data["processes"] if p["id"] == "basis")
    taak = next(n for n in basis["nodes"] if n["id"] == "taak")
    assert taak["org"] == "a" and taak["consultations"] == ["overleg"]
    assert {"from": "keuze", "to": "tweede/start", "when": "Nee"}.items() <= next(
        f for f in basis["flows"] if f["to"] == "tweede/start"
    ).items()
    assert basis["handovers"] == [
        {
            "flow": "taak__keuze",
            "from": "basis/taak",
            "to": "basis/keuze",
            "from_org": "a",
            "to_org": "b",
            "what": "Dossier",
            "via": "kanaal",
            "when": None,
        }
    ]
    assert data["catalogues"]["informatie-uitwisseling"][0]["id"] == "kanaal"


def test_export_svg_draws_every_step(tmp_path: Path, dot_available) -> None:
    out = tmp_path / "basis.svg"
    assert main(["export", "svg", "basis", "--plain", "-o", str(out), "--content", str(BASE)]) == 0
    ids = {el.get("id") for el in ElementTree.parse(out).iter()}
    assert {"start", "taak", "keuze", "eind", "lane-a", "lane-b", "edge-taak__keuze"} <= ids


def test_export_svg_unknown_process_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["export", "svg", "nope", "-o", str(tmp_path / "x.svg"), "--content", str(BASE)]) == 2


def test_python_dash_m_runs(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "leidraad", "check", str(BASE)], capture_output=True, text=True)
    assert run.returncode == 0 and "0 fout(en)" in run.stdout


def test_export_png_and_pdf_of_a_real_process(tmp_path: Path, dot_available) -> None:
    from tests.conftest import require

    png, pdf = tmp_path / "v.png", tmp_path / "v.pdf"
    assert main(["export", "png", "vertrektermijn", "-o", str(png), "--select", "vertrekgesprek"]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert main(["export", "pdf", "vertrektermijn", "-o", str(pdf), "--fade", "coa"]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext)")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Vertrektermijn en vertrekgesprekken" in text  # the title, as text in the PDF
    assert "DT&V" in text  # lane headers come through as text too


def test_export_svg_is_the_print_colouring(tmp_path: Path, dot_available) -> None:
    out = tmp_path / "v.svg"
    assert main(["export", "svg", "vertrektermijn", "-o", str(out), "--select", "vertrekgesprek"]) == 0
    svg = out.read_text()
    assert "ltv-print" in svg and "var(--st-" not in svg
    root = ElementTree.parse(out).getroot()
    selected = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id") == "vertrekgesprek"]
    assert "selected" in selected[0].get("class").split()


def test_bench_prints_figures(capsys, dot_available) -> None:
    assert main(["bench", "--content", str(BASE), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "load" in out and "basis" in out and "cold ms" in out
