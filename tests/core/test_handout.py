"""The A3 handout: one PDF with the diagram and the step table, through WeasyPrint."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from leidraad.cli.main import main
from leidraad.exports.process_handout import handout_html
from tests.conftest import CONTENT, require


def pdf_text(path: Path) -> str:
    require(shutil.which("pdftotext") is not None, "pdftotext (Debian package poppler-utils)")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_handout_is_a3_landscape_with_diagram_and_steps(tmp_path: Path, content_model, dot_available) -> None:
    out = tmp_path / "vertrektermijn.pdf"
    assert main(["export", "handout", "vertrektermijn", "--content", str(CONTENT), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "1190.55 x 841.89 pts (A3)" in info  # landscape: wider than high
    text = pdf_text(out)
    process = content_model.model.processes["vertrektermijn"]
    assert process.title in text and "Stappen" in text
    for node in process.nodes:
        if node.type == "task":
            assert node.label.split()[0] in text
    assert "Verantwoordelijk" in text and "Rechtsgrond" in text


def test_handout_escapes_content(content_model, dot_available) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    original = process.title
    try:
        process.title = "<script>alert(1)</script>"
        html = handout_html(model, process)
    finally:
        process.title = original
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_handout_unknown_process(tmp_path: Path, capsys) -> None:
    assert main(["export", "handout", "bestaat-niet", "--content", str(CONTENT), "-o", str(tmp_path / "x.pdf")]) == 2
