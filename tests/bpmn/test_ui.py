"""The UI pieces for export and import (the lead wires them into pages): AppTest and direct calls."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.bpmn.conftest import MIWG
from tests.conftest import CONTENT, ROOT


def _panel_app() -> None:
    import os

    from components.panels.export import export_panel
    from leidraad.checks.folder import check_folder

    model = check_folder(os.environ["LTV_CONTENT"]).model
    export_panel(model, model.processes["vertrektermijn"], "v1", selected="vertrekgesprek", faded_orgs=["coa"])


def test_export_panel_offers_every_download(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LTV_CONTENT", str(CONTENT))
    at = AppTest.from_function(_panel_app, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["SVG", "PNG", "PDF", "BPMN", "RACI (CSV)", "Hand-out A3 (PDF)"]


def test_every_registered_export_renders_as_shown(content_model, dot_available) -> None:
    from leidraad.exports.registry import PROCESS_EXPORTS, ExportOptions, export_process_file

    model = content_model.model
    process = model.processes["vertrektermijn"]
    shown = ExportOptions("vertrekgesprek", ("org-coa",))
    for kind in PROCESS_EXPORTS:
        assert export_process_file(model, process, kind, shown), kind
    svg = export_process_file(model, process, "svg", shown).decode()
    assert "selected" in svg and "faded" in svg  # as shown: highlight and fade resolved into the file
    assert export_process_file(model, process, "pdf").startswith(b"%PDF")
    assert export_process_file(model, process, "png").startswith(b"\x89PNG")


def test_import_page_asks_for_a_file() -> None:
    at = AppTest.from_file(str(ROOT / "views" / "bpmn_import.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "BPMN importeren"
    assert any("Kies een of meer" in i.value for i in at.info)


def test_import_preview_of_a_reference_model(dot_available) -> None:
    from leidraad.exports.import_preview import import_preview

    data = (MIWG / "C.2.0.bpmn").read_bytes()
    result = import_preview((("C.2.0.bpmn", data),))
    assert result.error is None and not result.problems
    assert result.counts["processes"] == len(result.pictures) >= 4
    assert all(png.startswith(b"\x89PNG") for _, _, png in result.pictures)
    assert result.zip_bytes.startswith(b"PK")


def test_import_preview_of_a_broken_file() -> None:
    from leidraad.exports.import_preview import import_preview

    result = import_preview((("x.bpmn", b"<!DOCTYPE x><definitions/>"),))
    assert result.error and "DOCTYPE" in result.error and not result.pictures
