"""BPMN export: valid against the OMG schema, every reference resolves, and it says what we say."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import pytest
from lxml import etree

from leidraad.bpmn.export import export_process, flow_xml_id
from leidraad.bpmn.xml import BPMNDI, DC, DI, LTV, MODEL, ncname
from leidraad.drawing.layout import layout_process

M = f"{{{MODEL}}}"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# Attributes and elements that hold a reference to an id in the same file.
REF_ATTRIBUTES = (
    "sourceRef",
    "targetRef",
    "attachedToRef",
    "processRef",
    "calledElement",
    "bpmnElement",
    "default",
    "messageRef",
)
REF_ELEMENTS = ("flowNodeRef", "incoming", "outgoing")


def _tree(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def test_every_export_validates_against_the_omg_schema(exported: dict[str, Path], bpmn_schema) -> None:
    invalid = {
        pid: str(bpmn_schema.error_log.last_error)
        for pid, path in exported.items()
        if not bpmn_schema.validate(_tree(path))
    }
    assert not invalid, invalid
    assert len(exported) == 21


def test_every_id_reference_resolves(exported: dict[str, Path]) -> None:
    for pid, path in exported.items():
        root = _tree(path).getroot()
        ids = [el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")]
        assert len(ids) == len(set(ids)), f"{pid}: duplicate ids"
        assert all(NCNAME.match(i) for i in ids), pid
        known = set(ids)
        missing = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in REF_ATTRIBUTES:
                value = el.get(attr)
                if value is not None and value.rsplit(":", 1)[-1] not in known:
                    missing.append((el.get("id"), attr, value))
            local = etree.QName(el).localname
            if local in REF_ELEMENTS and (el.text or "").strip() not in known:
                missing.append((el.getparent().get("id"), local, el.text))
        assert not missing, f"{pid}: unresolved references {missing[:5]}"


def test_export_carries_lanes_nodes_flows_and_documentation(content_model, exported: dict[str, Path]) -> None:
    model = content_model.model
    for process in model.process_list():
        root = _tree(exported[process.id]).getroot()
        proc = root.find(f"{M}process[@id='Process_{process.id}']")
        assert proc is not None
        lanes = {lane.get("id"): {r.text for r in lane.findall(f"{M}flowNodeRef")} for lane in proc.iter(f"{M}lane")}
        for node in process.nodes:
            el = proc.find(f"*[@id='{ncname(node.id)}']")
            assert el is not None, (process.id, node.id)
            assert el.get("name") == node.label
            assert ncname(node.id) in lanes[f"Lane_{node.org}"], (process.id, node.id)
            docs = " ".join(d.text for d in el.findall(f"{M}documentation"))
            if node.description:
                assert node.description in docs
            for source in node.sources:
                assert source in docs
            for basis in node.legal_basis:
                assert basis in docs
            if node.type == "subprocess":
                assert etree.QName(el).localname == "callActivity"
                assert el.get("calledElement") == f"Process_{node.calls}"
            if node.type == "boundary":
                assert el.get("attachedToRef") == ncname(node.attached_to)
                assert el.get("cancelActivity") == ("true" if node.interrupting else "false")
            if node.type == "timer":
                assert el.find(f"{M}timerEventDefinition") is not None
        for flow in process.flows:
            el = root.find(f".//*[@id='{flow_xml_id(flow.id)}']")
            assert el is not None, (process.id, flow.id)
            if flow.when:
                assert el.get("name") == flow.when
            if flow.crosses_process:  # into another process: directly, or through a 'Naar:' message end event
                target = el.get(f"{{{LTV}}}target") or root.find(f".//*[@id='{el.get('targetRef')}']").get(
                    f"{{{LTV}}}target"
                )
                assert target == flow.target


def test_diagram_interchange_comes_from_our_layout(content_model, exported: dict[str, Path], direction: str) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    geometry = layout_process(model, process, direction)
    root = _tree(exported["vertrektermijn"]).getroot()
    plane = root.find(f".//{{{BPMNDI}}}BPMNPlane")
    assert plane.get("bpmnElement") == "Collaboration_vertrektermijn"
    shapes = {s.get("bpmnElement"): s.find(f"{{{DC}}}Bounds") for s in plane.iter(f"{{{BPMNDI}}}BPMNShape")}
    for node in geometry.nodes:
        if node.type == "link":
            continue
        bounds = shapes[ncname(node.id)]
        assert float(bounds.get("x")) == pytest.approx(node.box.x, abs=0.1)
        assert float(bounds.get("y")) == pytest.approx(node.box.y, abs=0.1)
        assert float(bounds.get("width")) == pytest.approx(node.box.w, abs=0.1)
    horizontal = direction == "horizontal"
    lane_shapes = {s.get("bpmnElement"): s for s in plane.iter(f"{{{BPMNDI}}}BPMNShape")}
    for lane in geometry.lanes:
        # lanes are rows (isHorizontal) or columns; their breadth is the layout's lane band
        assert lane_shapes[f"Lane_{lane.org}"].get("isHorizontal") == ("true" if horizontal else "false")
        breadth = "height" if horizontal else "width"
        assert float(shapes[f"Lane_{lane.org}"].get(breadth)) == pytest.approx(
            lane.box.h if horizontal else lane.box.w, abs=0.1
        )
    assert lane_shapes["Participant_vertrektermijn"].get("isHorizontal") == ("true" if horizontal else "false")
    edges = {e.get("bpmnElement"): e.findall(f"{{{DI}}}waypoint") for e in plane.iter(f"{{{BPMNDI}}}BPMNEdge")}
    for flow in process.flows:
        assert len(edges[flow_xml_id(flow.id)]) >= 2, flow.id
    routed = next(e for e in geometry.edges if e.kind == "flow" and not e.target.startswith("link"))
    waypoints = [(float(w.get("x")), float(w.get("y"))) for w in edges[flow_xml_id(routed.id)]]
    assert waypoints == [pytest.approx(p, abs=0.1) for p in routed.points]
    for flow in process.flows:  # BPMN edges are orthogonal polylines, as the explorer draws them
        points = [(float(w.get("x")), float(w.get("y"))) for w in edges[flow_xml_id(flow.id)]]
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            assert abs(x1 - x2) < 0.2 or abs(y1 - y2) < 0.2, flow.id


def test_flows_into_other_processes_are_message_flows_to_their_pools(exported: dict[str, Path]) -> None:
    root = _tree(exported["vertrektermijn"]).getroot()
    collaboration = root.find(f"{M}collaboration")
    pools = {p.get("id"): p for p in collaboration.findall(f"{M}participant")}
    assert pools["Participant_vertrektermijn"].get("processRef") == "Process_vertrektermijn"
    black_boxes = [p for p in pools.values() if p.get("processRef") is None]
    assert black_boxes and all(p.get(f"{{{LTV}}}process") for p in black_boxes)
    for message_flow in collaboration.findall(f"{M}messageFlow"):
        ends = {message_flow.get("sourceRef"), message_flow.get("targetRef")}
        assert ends & {p.get("id") for p in black_boxes}, message_flow.get("id")


def test_flow_ids_are_stable(content_model) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    assert export_process(model, process) == export_process(model, process)


def test_exporting_every_process_is_quick(content_model, dot_available, tmp_path: Path) -> None:
    from leidraad.bpmn.export import export_processes

    model = content_model.model
    started = time.perf_counter()
    paths = export_processes(model, [p.id for p in model.process_list()], tmp_path)
    elapsed = time.perf_counter() - started
    size = sum(p.stat().st_size for p in paths)
    print(f"exported {len(paths)} processes in {elapsed:.2f} s, {size / 1024:.0f} KiB")
    assert elapsed < 30
