"""All 21 reference models of the OMG BPMN MIWG import, pass the check and render."""

from __future__ import annotations

from pathlib import Path

import pytest

from leidraad.bpmn.importer import import_bpmn_files
from leidraad.bpmn.xml import OUR_ID
from leidraad.checks.folder import check_folder
from leidraad.drawing.layout import layout_process
from leidraad.drawing.render import render_svg
from tests.bpmn.conftest import MIWG, miwg_files

FILES = miwg_files()


def test_the_reference_models_are_there() -> None:
    assert len(FILES) == 21, f"the 21 BPMN MIWG reference models in {MIWG}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_reference_model_imports_checks_and_renders(path: Path, tmp_path: Path, dot_available) -> None:
    result = import_bpmn_files([path])
    written = result.write(tmp_path)
    for file in written:
        text = file.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../leidraad/schemas/")
        assert text.splitlines()[1].startswith("kind: ")
    checked = check_folder(tmp_path)
    assert not [p.format() for p in checked.problems if p.is_error]
    assert checked.model.processes
    for process in checked.model.processes.values():
        assert OUR_ID.match(process.id)
        for node in process.nodes:
            assert OUR_ID.match(node.id) and OUR_ID.match(node.org)
        svg = render_svg(layout_process(checked.model, process), mode="print")
        assert svg.startswith("<svg") and "<script" not in svg


def test_lanes_and_pools_become_organisations_named_after_them(tmp_path: Path) -> None:
    result = import_bpmn_files([MIWG / "C.2.0.bpmn"])
    names = {o.name for o in result.organisations}
    assert {"Carrier", "Credit Card Company", "Customer"} <= names  # pools without lanes
    assert "Picker" in names  # a lane of the pool 'Amazon'
    assert "Amazon" in {p.title for p in result.processes}
    # message flows between the pools became flows between processes, so handovers
    cross = [f for p in result.processes for f in p.flows if f.crosses]
    assert len(cross) >= 4


def test_what_has_no_place_is_reported() -> None:
    result = import_bpmn_files([MIWG / "B.2.0.bpmn"])
    text = "\n".join(result.warnings)
    for expected in (
        "dataObjectReference",
        "textAnnotation",
        "inclusiveGateway",
        "multiInstanceLoopCharacteristics",
        "imported as its own process",
        "link event",
    ):
        assert expected in text, expected


def test_event_sub_processes_become_processes_of_their_own() -> None:
    result = import_bpmn_files([MIWG / "C.6.0.bpmn"])
    assert any("event sub-process" in w and "imported as its own process" in w for w in result.warnings)
    assert len(result.processes) >= 2
