"""One process -> BPMN 2.0 XML: a collaboration, the process with one lane per organisation, and
diagram interchange taken from our own layout, so the file opens looking like the explorer.

Mapping (see docs/bpmn.md): nodes keep their ids (made NCName-safe), flows become sequence flows
`Flow_<flow id>` named after their condition. A flow into another process ends in a message end
event "Naar: …" whose message flow goes to that process's collapsed pool; a flow from another
process starts at a message start event "Van: …" fed by a message flow from that pool. Our own
`ltv:` attributes mark these links so an import restores the flows between processes exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .bpmn_xml import BPMNDI, DC, DI, EXPORTER, LTV, MODEL, NSMAP, TARGET_NAMESPACE, ncname, q
from .layout import Box, EdgeGeom, Geometry, NodeGeom, layout_process
from .model import Flow, Model, Node, Process

EXPORTER_VERSION = "1"
POOL_HEADER = 30.0  # the band on the left of a pool that holds its name in BPMN tools
EVENT_SIZE = 36.0
BLACK_BOX_H = 60.0
BLACK_BOX_GAP = 30.0

# trigger -> BPMN event definition element
EVENT_DEFINITIONS = {
    "timer": "timerEventDefinition",
    "message": "messageEventDefinition",
    "signal": "signalEventDefinition",
    "error": "errorEventDefinition",
    "escalation": "escalationEventDefinition",
    "conditional": "conditionalEventDefinition",
}
CATCHING_TRIGGERS = ("timer", "message", "signal", "conditional")

# Labels of the extra documentation paragraphs; the import reads them back.
DOC_LABELS = {
    "legal_basis": "Rechtsgrond",
    "time_limit": "Termijn",
    "involved": "Betrokken",
    "sources": "Bronnen",
    "unconfirmed": "Niet bevestigd",
    "outdated": "Verouderd",
    "handover": "Overdracht",
}


def _m(tag: str) -> str:
    return q(MODEL, tag)


def flow_xml_id(flow_id: str) -> str:
    return f"Flow_{flow_id}"


def _sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None):
    el = etree.SubElement(parent, tag, {k: v for k, v in (attrib or {}).items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _documentation(parent: etree._Element, paragraphs: Iterable[str]) -> None:
    for text in paragraphs:
        if text:
            _sub(parent, _m("documentation"), text=text)


def node_paragraphs(model: Model, node: Node) -> list[str]:
    """Description first, then labelled paragraphs: legal basis, time limit, who else, sources."""
    out = [node.description]
    if node.legal_basis:
        out.append(f"{DOC_LABELS['legal_basis']}: {'; '.join(node.legal_basis)}")
    if node.time_limit:
        out.append(f"{DOC_LABELS['time_limit']}: {node.time_limit}")
    if node.involved:
        parts = []
        for inv in node.involved:
            org = model.organisations.get(inv.org)
            name = org.abbreviation if org else inv.org
            parts.append(f"{name} ({inv.role}{': ' + inv.how if inv.how else ''})")
        out.append(f"{DOC_LABELS['involved']}: {'; '.join(parts)}")
    if node.sources:
        out.append(f"{DOC_LABELS['sources']}: {' '.join(node.sources)}")
    if node.unconfirmed:
        out.append(f"{DOC_LABELS['unconfirmed']}: {node.unconfirmed}")
    if node.outdated:
        out.append(f"{DOC_LABELS['outdated']}: {node.outdated}")
    return out


def _handover_paragraph(model: Model, flow: Flow) -> str:
    if not flow.handover or not (flow.handover.what or flow.handover.via):
        return ""
    channel = model.catalogue_entry("informatie-uitwisseling", flow.handover.via or "")
    via = f"via {channel.name if channel else flow.handover.via}" if flow.handover.via else ""
    what = flow.handover.what or ""
    return f"{DOC_LABELS['handover']}: {what} ({via})" if what and via else f"{DOC_LABELS['handover']}: {what or via}"


def _handover_attrs(flow: Flow) -> dict[str, str | None]:
    if not flow.handover:
        return {}
    return {q(LTV, "what"): flow.handover.what, q(LTV, "via"): flow.handover.via}


@dataclass
class _Link:
    """A link node of the layout: a message end event (to) or message start event (from)."""

    geom: NodeGeom
    xml_id: str
    other: str  # the other process id
    outgoing: bool
    flows: list[Flow] = field(default_factory=list)  # outgoing: the non-end flows that end in it


@dataclass
class _Doc:
    model: Model
    process: Process
    geometry: Geometry
    root: etree._Element
    collaboration: etree._Element
    proc: etree._Element
    plane: etree._Element
    partners: dict[str, str] = field(default_factory=dict)  # other process id -> participant xml id
    flow_elements: dict[str, etree._Element] = field(default_factory=dict)  # xml id -> element
    definitions: dict[str, str | None] = field(default_factory=dict)  # event xml id -> trigger


def export_process(model: Model, process: Process, geometry: Geometry | None = None) -> bytes:
    """The BPMN 2.0 XML of one process (UTF-8 bytes)."""
    geometry = geometry or layout_process(model, process)
    pid = process.id
    root = etree.Element(
        _m("definitions"),
        {
            "id": f"Definitions_{pid}",
            "name": process.title,
            "targetNamespace": TARGET_NAMESPACE,
            "exporter": EXPORTER,
            "exporterVersion": EXPORTER_VERSION,
        },
        nsmap=NSMAP,
    )
    for called in dict.fromkeys(n.calls for n in process.nodes if n.type == "subprocess" and n.calls):
        other = model.processes.get(called)
        stub = _sub(
            root,
            _m("process"),
            {"id": f"Process_{called}", "name": other.title if other else called, "isExecutable": "false",
             q(LTV, "external"): "true"},
        )
        _documentation(stub, [f"Uitgewerkt in een eigen bestand: {called}.bpmn"])
    collaboration = _sub(root, _m("collaboration"), {"id": f"Collaboration_{pid}"})
    proc_attrs = {"id": f"Process_{pid}", "name": process.title, "isExecutable": "false"}
    if process.phase is not None:
        proc_attrs[q(LTV, "phase")] = f"{process.phase:g}"
    proc = _sub(root, _m("process"), proc_attrs)
    _documentation(proc, [process.summary, *([f"{DOC_LABELS['sources']}: {' '.join(process.sources)}"]
                                             if process.sources else [])])
    _sub(collaboration, _m("participant"), {"id": f"Participant_{pid}", "name": process.title,
                                             "processRef": f"Process_{pid}"})
    diagram = _sub(root, q(BPMNDI, "BPMNDiagram"), {"id": f"BPMNDiagram_{pid}", "name": process.title})
    plane = _sub(diagram, q(BPMNDI, "BPMNPlane"), {"id": f"BPMNPlane_{pid}", "bpmnElement": f"Collaboration_{pid}"})
    doc = _Doc(model, process, geometry, root, collaboration, proc, plane)
    links = _links(doc)
    _lanes(doc, links)
    _flow_nodes(doc, links)
    _sequence_flows(doc, links)
    _diagram(doc, links)
    _message_flows(doc, links)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def _links(doc: _Doc) -> dict[str, _Link]:
    """Link nodes of the layout that become message events (a flow out of an end event needs none:
    the end event itself becomes a message end event)."""
    nodes = {n.id: n for n in doc.process.nodes}
    flows = {f.id: f for f in doc.process.flows}
    links: dict[str, _Link] = {}
    for geom in doc.geometry.nodes:
        if geom.type != "link" or not geom.target:
            continue
        other = geom.target.split("/", 1)[0]
        outgoing = not geom.id.startswith("link-in-")
        xml_id = ("LinkIn_" + geom.id.removeprefix("link-in-")) if not outgoing else ("Link_" + geom.id[5:])
        link = _Link(geom, xml_id, other, outgoing)
        if outgoing:
            for edge in doc.geometry.edges:
                flow = flows.get(edge.id)
                if edge.target == geom.id and flow and nodes[flow.source].type != "end":
                    link.flows.append(flow)
            if not link.flows:
                continue
        links[geom.id] = link
    return links


def _partner(doc: _Doc, other_id: str) -> str:
    """The collapsed pool of another process (one per process, created on first use)."""
    if other_id not in doc.partners:
        other = doc.model.processes.get(other_id)
        xml_id = f"Participant_{other_id}"
        # Participants come before message flows in a collaboration.
        first_message_flow = doc.collaboration.find(_m("messageFlow"))
        el = etree.Element(_m("participant"), {"id": xml_id, "name": other.title if other else other_id,
                                               q(LTV, "process"): other_id})
        if first_message_flow is not None:
            first_message_flow.addprevious(el)
        else:
            doc.collaboration.append(el)
        doc.partners[other_id] = xml_id
    return doc.partners[other_id]


def _lanes(doc: _Doc, links: dict[str, _Link]) -> None:
    lane_set = _sub(doc.proc, _m("laneSet"), {"id": f"LaneSet_{doc.process.id}"})
    members: dict[str, list[str]] = {lane.org: [] for lane in doc.geometry.lanes}
    for node in doc.process.nodes:
        members.setdefault(node.org, []).append(ncname(node.id))
    for link in links.values():
        members.setdefault(link.geom.org, []).append(link.xml_id)
    for lane in doc.geometry.lanes:
        org = doc.model.organisations.get(lane.org)
        el = _sub(lane_set, _m("lane"), {"id": f"Lane_{lane.org}", "name": lane.name,
                                         q(LTV, "abbreviation"): org.abbreviation if org else None})
        for ref in members.get(lane.org, []):
            _sub(el, _m("flowNodeRef"), text=ref)


def _event_definition(parent: etree._Element, trigger: str | None, owner: str) -> None:
    tag = EVENT_DEFINITIONS.get(trigger or "")
    if tag:
        el = _sub(parent, _m(tag), {"id": f"Def_{owner}"})
        if tag == "conditionalEventDefinition":
            _sub(el, _m("condition"))


def _flow_nodes(doc: _Doc, links: dict[str, _Link]) -> None:
    for node in doc.process.nodes:
        xml_id = ncname(node.id)
        trigger = node.trigger
        attrs: dict[str, str | None] = {"id": xml_id, "name": node.label}
        if node.type == "start":
            tag = "startEvent"
        elif node.type == "end":
            tag = "endEvent"
            if any(f.crosses_process for f in node.flows):
                trigger = "message"
        elif node.type == "task":
            tag = "task"
        elif node.type == "subprocess":
            tag = "callActivity"
            attrs["calledElement"] = f"Process_{node.calls}" if node.calls else None
        elif node.type == "gateway":
            tag = "exclusiveGateway"
        elif node.type == "parallel":
            tag = "parallelGateway"
        elif node.type == "timer":
            tag, trigger = "intermediateCatchEvent", "timer"
        elif node.type == "boundary":
            tag = "boundaryEvent"
            attrs["attachedToRef"] = ncname(node.attached_to) if node.attached_to else None
            attrs["cancelActivity"] = "true" if node.interrupting else "false"
        else:  # an intermediate event: catching when it waits for something, throwing otherwise
            tag = "intermediateCatchEvent" if trigger in CATCHING_TRIGGERS else "intermediateThrowEvent"
        el = _sub(doc.proc, _m(tag), attrs)
        _documentation(el, node_paragraphs(doc.model, node))
        doc.flow_elements[xml_id] = el
        if tag.endswith("Event"):
            doc.definitions[xml_id] = trigger
    for link in links.values():
        tag = "endEvent" if link.outgoing else "startEvent"
        marker = q(LTV, "target") if link.outgoing else q(LTV, "source")
        el = _sub(doc.proc, _m(tag), {"id": link.xml_id, "name": link.geom.label, marker: link.geom.target})
        doc.flow_elements[link.xml_id] = el
        doc.definitions[link.xml_id] = "message"


def _sequence_flows(doc: _Doc, links: dict[str, _Link]) -> None:
    link_of_flow = {f.id: link for link in links.values() for f in link.flows}
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for node in doc.process.nodes:
        for flow in node.flows:
            if flow.crosses_process:
                link = link_of_flow.get(flow.id)
                if link is None:
                    continue  # out of an end event: a message flow (see _message_flows)
                target = link.xml_id
            else:
                target = ncname(flow.target)
            xml_id = flow_xml_id(flow.id)
            el = _sub(doc.proc, _m("sequenceFlow"), {"id": xml_id, "name": flow.when, "sourceRef": ncname(node.id),
                                                     "targetRef": target, **_handover_attrs(flow)})
            _documentation(el, [_handover_paragraph(doc.model, flow)])
            doc.flow_elements[xml_id] = el
            outgoing.setdefault(ncname(node.id), []).append(xml_id)
            incoming.setdefault(target, []).append(xml_id)
    for link in links.values():
        if link.outgoing:
            continue
        edge = next((e for e in doc.geometry.edges if e.source == link.geom.id), None)
        if edge is None:
            continue
        xml_id = "FlowIn_" + link.xml_id.removeprefix("LinkIn_")
        el = _sub(doc.proc, _m("sequenceFlow"), {"id": xml_id, "sourceRef": link.xml_id,
                                                 "targetRef": ncname(edge.target)})
        doc.flow_elements[xml_id] = el
        outgoing.setdefault(link.xml_id, []).append(xml_id)
        incoming.setdefault(ncname(edge.target), []).append(xml_id)
    # incoming/outgoing go first in a flow node (after documentation), event definitions last.
    for xml_id, el in list(doc.flow_elements.items()):
        if el.tag == _m("sequenceFlow"):
            continue
        anchor = len(el.findall(_m("documentation")))
        refs = [("incoming", r) for r in incoming.get(xml_id, [])] + [("outgoing", r) for r in outgoing.get(xml_id, [])]
        for offset, (tag, ref) in enumerate(refs):
            child = etree.Element(_m(tag))
            child.text = ref
            el.insert(anchor + offset, child)
        _event_definition(el, doc.definitions.get(xml_id), xml_id)


# --- diagram interchange -------------------------------------------------------------------


def _bounds(parent: etree._Element, box: Box) -> None:
    _sub(parent, q(DC, "Bounds"), {"x": _f(box.x), "y": _f(box.y), "width": _f(box.w), "height": _f(box.h)})


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _shape(doc: _Doc, element: str, box: Box, label: Box | None = None, **attrs: str) -> None:
    shape = _sub(doc.plane, q(BPMNDI, "BPMNShape"), {"id": f"DI_{element}", "bpmnElement": element, **attrs})
    _bounds(shape, box)
    if label is not None:
        _bounds(_sub(shape, q(BPMNDI, "BPMNLabel")), label)


def _label_below(box: Box, lines: Sequence[str]) -> Box:
    width = max(60.0, max((len(line) for line in lines), default=0) * 5.6 + 8)
    return Box(box.cx - width / 2, box.y + box.h + 4, width, max(1, len(lines)) * 12.0 + 2)


def _pool_box(doc: _Doc) -> Box:
    lanes = doc.geometry.lanes
    top, bottom = lanes[0].box.y, lanes[-1].box.y + lanes[-1].box.h
    return Box(lanes[0].box.x, top, lanes[0].box.w, bottom - top)


def _diagram(doc: _Doc, links: dict[str, _Link]) -> None:
    pool = _pool_box(doc)
    _shape(doc, f"Participant_{doc.process.id}", pool, isHorizontal="true")
    for lane in doc.geometry.lanes:
        b = lane.box
        _shape(doc, f"Lane_{lane.org}", Box(b.x + POOL_HEADER, b.y, b.w - POOL_HEADER, b.h), isHorizontal="true")
    geoms = {n.id: n for n in doc.geometry.nodes}
    for node in doc.process.nodes:
        g = geoms.get(node.id)
        if g is None:
            continue
        extra = {}
        if node.type == "gateway":
            extra["isMarkerVisible"] = "true"
        if node.type == "subprocess":
            extra["isExpanded"] = "false"
        small = node.type not in ("task", "subprocess")
        _shape(doc, ncname(node.id), g.box, _label_below(g.box, g.lines) if small and any(g.lines) else None, **extra)
    for link in links.values():
        _shape(doc, link.xml_id, _event_box(link.geom), _label_below(_event_box(link.geom), link.geom.lines))
    link_ids = {link.geom.id: link.xml_id for link in links.values()}
    for edge in doc.geometry.edges:
        if edge.kind == "boundary":
            continue
        if edge.kind == "link":
            xml_id = "FlowIn_" + edge.source.removeprefix("link-in-")
            if edge.source not in links:
                continue
        elif edge.target in link_ids and flow_xml_id(edge.id) in doc.flow_elements:
            xml_id = flow_xml_id(edge.id)
        elif edge.target.startswith("link-"):
            continue  # a flow out of an end event: drawn as a message flow
        else:
            xml_id = flow_xml_id(edge.id)
        _edge(doc, xml_id, _waypoints(edge, geoms, links), edge)


def _event_box(geom: NodeGeom) -> Box:
    return Box(geom.box.cx - EVENT_SIZE / 2, geom.box.cy - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE)


def _edge(doc: _Doc, element: str, points: Sequence[tuple[float, float]], edge: EdgeGeom | None = None) -> None:
    el = _sub(doc.plane, q(BPMNDI, "BPMNEdge"), {"id": f"DI_{element}", "bpmnElement": element})
    for x, y in points:
        _sub(el, q(DI, "waypoint"), {"x": _f(x), "y": _f(y)})
    if edge is not None and edge.label and edge.label_pos:
        x, y = edge.label_pos
        w = min(18, max(len(edge.label), 4)) * 5.0 + 6
        lines = max(1, min(3, -(-len(edge.label) // 18)))
        _bounds(_sub(el, q(BPMNDI, "BPMNLabel")), Box(x - w / 2, y - lines * 5.5, w, lines * 11.0))


def _bezier(p0, p1, p2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    return (
        u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
        u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
    )


def _waypoints(edge: EdgeGeom, geoms: dict[str, NodeGeom], links: dict[str, _Link]) -> list[tuple[float, float]]:
    """The layout's Bezier spline as a polyline (BPMN edges are polylines), ending at the arrow tip."""
    pts = list(edge.points)
    out = [pts[0]] if pts else []
    for i in range(1, len(pts) - 2, 3):
        for t in (0.25, 0.5, 0.75, 1.0):
            out.append(_bezier(pts[i - 1], pts[i], pts[i + 1], pts[i + 2], t))
    if edge.arrow:
        out.append(edge.arrow)
    # A link drawn as a box in our layout is a small event here: end the line on the event.
    if out and edge.target in links:
        out[-1] = _clip_to_circle(out[-1], _event_box(geoms[edge.target]))
    if out and edge.source in links:
        out[0] = _clip_to_circle(out[0], _event_box(geoms[edge.source]))
    cleaned: list[tuple[float, float]] = []
    for x, y in out:
        point = (round(x, 1), round(y, 1))
        if not cleaned or abs(cleaned[-1][0] - point[0]) + abs(cleaned[-1][1] - point[1]) > 0.5:
            cleaned.append(point)
    if len(cleaned) == 1:
        cleaned.append((cleaned[0][0] + 1, cleaned[0][1]))
    return cleaned


def _clip_to_circle(outside: tuple[float, float], box: Box) -> tuple[float, float]:
    dx, dy = outside[0] - box.cx, outside[1] - box.cy
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    r = box.w / 2
    return (box.cx + dx / length * r, box.cy + dy / length * r)


def _message_flows(doc: _Doc, links: dict[str, _Link]) -> None:
    """Collapsed pools below our pool, one per other process, and the message flows to and from them."""
    pool = _pool_box(doc)
    geoms = {n.id: n for n in doc.geometry.nodes}
    flows: list[tuple[str, str, str, Box, dict[str, str | None], str | None, bool]] = []
    for link in links.values():
        box = _event_box(link.geom)
        partner = _partner(doc, link.other)
        number = link.xml_id.split("_", 1)[1]
        if link.outgoing:
            flows.append((f"MessageFlow_{number}", link.xml_id, partner, box, {}, None, True))
        else:
            flows.append((f"MessageFlowIn_{number}", partner, link.xml_id, box, {}, None, False))
    for node in doc.process.nodes:
        if node.type != "end":
            continue
        for flow in node.flows:
            if flow.crosses_process and flow.target_process:
                partner = _partner(doc, flow.target_process)
                attrs = {q(LTV, "target"): flow.target, **_handover_attrs(flow)}
                flows.append((flow_xml_id(flow.id), ncname(node.id), partner, geoms[node.id].box, attrs, flow.when,
                              True))
    tops: dict[str, float] = {}
    for i, xml_id in enumerate(doc.partners.values()):
        top = pool.y + pool.h + BLACK_BOX_GAP + i * (BLACK_BOX_H + BLACK_BOX_GAP / 2)
        tops[xml_id] = top
        _shape(doc, xml_id, Box(pool.x, top, pool.w, BLACK_BOX_H), isHorizontal="true")
    for xml_id, source, target, box, attrs, name, outgoing in flows:
        _sub(doc.collaboration, _m("messageFlow"), {"id": xml_id, "name": name, "sourceRef": source,
                                                    "targetRef": target, **attrs})
        top = tops[target if outgoing else source]
        x = box.cx
        points = [(x, box.y + box.h), (x, top)] if outgoing else [(x, top), (x, box.y + box.h)]
        _edge(doc, xml_id, points)


def export_processes(model: Model, process_ids: Sequence[str], out_dir: str | Path) -> list[Path]:
    """Write `<process>.bpmn` for each process into `out_dir`; returns the paths written."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for pid in process_ids:
        path = folder / f"{pid}.bpmn"
        path.write_bytes(export_process(model, model.processes[pid]))
        written.append(path)
    return written


__all__ = ["export_process", "export_processes", "flow_xml_id", "node_paragraphs"]
