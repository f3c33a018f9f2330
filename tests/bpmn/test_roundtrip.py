"""Export -> import -> export gives the same graph, for every real process."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from leidraad.bpmn.export import export_process
from leidraad.bpmn.importer import import_bpmn_files
from leidraad.bpmn.xml import LTV, MODEL
from leidraad.checks.folder import check_folder
from leidraad.drawing.layout import layout_process
from leidraad.model import Model, Process

M = f"{{{MODEL}}}"


def model_graph(model: Model, process: Process) -> tuple:
    nodes = sorted((n.id, n.type, n.org, n.calls, n.attached_to, n.interrupting, n.trigger) for n in process.nodes)
    flows = sorted((f.id, f.source, f.target, f.when, f.handover.what if f.handover else None) for f in process.flows)
    lanes = [lane.org for lane in layout_process(model, process).lanes]
    return nodes, flows, lanes


def xml_graph(data: bytes) -> tuple:
    """What a BPMN tool sees: elements by id and type, lanes and their members, flows and their ends."""
    root = etree.fromstring(data)
    nodes = sorted(
        (el.get("id"), etree.QName(el).localname, el.get("name"), el.get(f"{{{LTV}}}target"))
        for proc in root.findall(f"{M}process")
        for el in proc
        if el.get("id") and etree.QName(el).localname not in ("laneSet", "sequenceFlow")
    )
    lanes = [
        (lane.get("id"), sorted(r.text for r in lane.findall(f"{M}flowNodeRef"))) for lane in root.iter(f"{M}lane")
    ]
    flows = sorted(
        (el.get("id"), etree.QName(el).localname, el.get("sourceRef"), el.get("targetRef"), el.get("name"))
        for el in root.iter(f"{M}sequenceFlow", f"{M}messageFlow")
    )
    pools = sorted((p.get("id"), p.get("processRef")) for p in root.iter(f"{M}participant"))
    return nodes, lanes, flows, pools


@pytest.fixture(scope="session")
def reimported(exported: dict[str, Path], tmp_path_factory):
    folder = tmp_path_factory.mktemp("bpmn-reimport")
    result = import_bpmn_files(list(exported.values()))
    result.write(folder)
    return result, check_folder(folder)


def test_reimport_of_all_exports_passes_the_check(reimported) -> None:
    result, checked = reimported
    assert not [p.format() for p in checked.problems if p.is_error]
    # Only the handover channels (ids in our catalogues, which an import does not carry) are reported.
    assert all("handover channel" in w for w in result.warnings), result.warnings


def test_round_trip_gives_the_same_graph(content_model, reimported) -> None:
    model = content_model.model
    again = reimported[1].model
    assert sorted(again.processes) == sorted(model.processes)
    for process in model.process_list():
        copy = again.processes[process.id]
        assert model_graph(again, copy) == model_graph(model, process), process.id
        assert xml_graph(export_process(again, copy)) == xml_graph(export_process(model, process)), process.id
        assert copy.title == process.title and copy.phase == process.phase
        for node in process.nodes:
            twin = copy.node(node.id)
            assert (twin.label, twin.legal_basis, twin.time_limit, twin.sources) == (
                node.label,
                node.legal_basis,
                node.time_limit,
                node.sources,
            ), (process.id, node.id)
            assert twin.description.startswith(node.description)
    for org_id in {n.org for p in model.processes.values() for n in p.nodes}:
        assert again.organisations[org_id].name == model.organisations[org_id].name
        assert again.organisations[org_id].abbreviation == model.organisations[org_id].abbreviation


def test_one_exported_process_alone_imports_and_checks(exported: dict[str, Path], tmp_path: Path) -> None:
    """Without the processes it links to, its links stay as start and end events (and are reported)."""
    result = import_bpmn_files([exported["vertrektermijn"]])
    result.write(tmp_path)
    checked = check_folder(tmp_path)
    assert not [p.format() for p in checked.problems if p.is_error]
    assert any("not part of this import: kept as an end event" in w for w in result.warnings)
    assert any("not part of this import: kept as a start event" in w for w in result.warnings)
    process = checked.model.processes["vertrektermijn"]
    assert any(n.label.startswith("Naar: ") and n.type == "end" for n in process.nodes)
