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
from pathlib import Path

from lxml import etree

from leidraad.bpmn.diagram_interchange import draw_diagram, draw_edge, draw_shape, event_box, pool_box
from leidraad.bpmn.export_document import ExportDoc, LinkEvent, flow_xml_id, sub
from leidraad.bpmn.xml import BPMNDI, DOC_LABELS, EXPORTER, LTV, MODEL, NSMAP, TARGET_NAMESPACE, ncname, q
from leidraad.drawing.layout import HORIZONTAL, Box, Geometry, layout_process
from leidraad.model import Flow, Model, Node, Process

EXPORTER_VERSION = "1"
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


def _m(tag: str) -> str:
    return q(MODEL, tag)


def _documentation(parent: etree._Element, paragraphs: Iterable[str]) -> None:
    for text in paragraphs:
        if text:
            sub(parent, _m("documentation"), text=text)


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


def export_process(
    model: Model, process: Process, geometry: Geometry | None = None, direction: str = HORIZONTAL
) -> bytes:
    """The BPMN 2.0 XML of one process (UTF-8 bytes); its diagram in the given orientation."""
    geometry = geometry or layout_process(model, process, direction)
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
        stub = sub(
            root,
            _m("process"),
            {
                "id": f"Process_{called}",
                "name": other.title if other else called,
                "isExecutable": "false",
                q(LTV, "external"): "true",
            },
        )
        _documentation(stub, [f"Uitgewerkt in een eigen bestand: {called}.bpmn"])
    collaboration = sub(root, _m("collaboration"), {"id": f"Collaboration_{pid}"})
    proc_attrs = {"id": f"Process_{pid}", "name": process.title, "isExecutable": "false"}
    if process.phase is not None:
        proc_attrs[q(LTV, "phase")] = f"{process.phase:g}"
    proc = sub(root, _m("process"), proc_attrs)
    _documentation(
        proc, [process.summary, *([f"{DOC_LABELS['sources']}: {' '.join(process.sources)}"] if process.sources else [])]
    )
    sub(
        collaboration,
        _m("participant"),
        {"id": f"Participant_{pid}", "name": process.title, "processRef": f"Process_{pid}"},
    )
    diagram = sub(root, q(BPMNDI, "BPMNDiagram"), {"id": f"BPMNDiagram_{pid}", "name": process.title})
    plane = sub(diagram, q(BPMNDI, "BPMNPlane"), {"id": f"BPMNPlane_{pid}", "bpmnElement": f"Collaboration_{pid}"})
    doc = ExportDoc(model, process, geometry, root, collaboration, proc, plane)
    links = _links(doc)
    _lanes(doc, links)
    _flow_nodes(doc, links)
    _sequence_flows(doc, links)
    draw_diagram(doc, links)
    _message_flows(doc, links)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def _links(doc: ExportDoc) -> dict[str, LinkEvent]:
    """Link nodes of the layout that become message events (a flow out of an end event needs none:
    the end event itself becomes a message end event)."""
    nodes = {n.id: n for n in doc.process.nodes}
    flows = {f.id: f for f in doc.process.flows}
    links: dict[str, LinkEvent] = {}
    for geom in doc.geometry.nodes:
        if geom.type != "link" or not geom.target:
            continue
        other = geom.target.split("/", 1)[0]
        outgoing = not geom.id.startswith("link-in-")
        xml_id = ("LinkIn_" + geom.id.removeprefix("link-in-")) if not outgoing else ("Link_" + geom.id[5:])
        link = LinkEvent(geom, xml_id, other, outgoing)
        if outgoing:
            for edge in doc.geometry.edges:
                flow = flows.get(edge.id)
                if edge.target == geom.id and flow and nodes[flow.source].type != "end":
                    link.flows.append(flow)
            if not link.flows:
                continue
        links[geom.id] = link
    return links


def _partner(doc: ExportDoc, other_id: str) -> str:
    """The collapsed pool of another process (one per process, created on first use)."""
    if other_id not in doc.partners:
        other = doc.model.processes.get(other_id)
        xml_id = f"Participant_{other_id}"
        # Participants come before message flows in a collaboration.
        first_message_flow = doc.collaboration.find(_m("messageFlow"))
        el = etree.Element(
            _m("participant"), {"id": xml_id, "name": other.title if other else other_id, q(LTV, "process"): other_id}
        )
        if first_message_flow is not None:
            first_message_flow.addprevious(el)
        else:
            doc.collaboration.append(el)
        doc.partners[other_id] = xml_id
    return doc.partners[other_id]


def _lanes(doc: ExportDoc, links: dict[str, LinkEvent]) -> None:
    lane_set = sub(doc.proc, _m("laneSet"), {"id": f"LaneSet_{doc.process.id}"})
    members: dict[str, list[str]] = {lane.org: [] for lane in doc.geometry.lanes}
    for node in doc.process.nodes:
        members.setdefault(node.org, []).append(ncname(node.id))
    for link in links.values():
        members.setdefault(link.geom.org, []).append(link.xml_id)
    for lane in doc.geometry.lanes:
        org = doc.model.organisations.get(lane.org)
        el = sub(
            lane_set,
            _m("lane"),
            {"id": f"Lane_{lane.org}", "name": lane.name, q(LTV, "abbreviation"): org.abbreviation if org else None},
        )
        for ref in members.get(lane.org, []):
            sub(el, _m("flowNodeRef"), text=ref)


def _event_definition(parent: etree._Element, trigger: str | None, owner: str) -> None:
    tag = EVENT_DEFINITIONS.get(trigger or "")
    if tag:
        el = sub(parent, _m(tag), {"id": f"Def_{owner}"})
        if tag == "conditionalEventDefinition":
            sub(el, _m("condition"))


def _flow_nodes(doc: ExportDoc, links: dict[str, LinkEvent]) -> None:
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
        el = sub(doc.proc, _m(tag), attrs)
        _documentation(el, node_paragraphs(doc.model, node))
        doc.flow_elements[xml_id] = el
        if tag.endswith("Event"):
            doc.definitions[xml_id] = trigger
    for link in links.values():
        tag = "endEvent" if link.outgoing else "startEvent"
        marker = q(LTV, "target") if link.outgoing else q(LTV, "source")
        el = sub(doc.proc, _m(tag), {"id": link.xml_id, "name": link.geom.label, marker: link.geom.target})
        doc.flow_elements[link.xml_id] = el
        doc.definitions[link.xml_id] = "message"


def _sequence_flows(doc: ExportDoc, links: dict[str, LinkEvent]) -> None:
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
            el = sub(
                doc.proc,
                _m("sequenceFlow"),
                {
                    "id": xml_id,
                    "name": flow.when,
                    "sourceRef": ncname(node.id),
                    "targetRef": target,
                    **_handover_attrs(flow),
                },
            )
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
        el = sub(
            doc.proc, _m("sequenceFlow"), {"id": xml_id, "sourceRef": link.xml_id, "targetRef": ncname(edge.target)}
        )
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


def _message_flows(doc: ExportDoc, links: dict[str, LinkEvent]) -> None:
    """Collapsed pools below our pool, one per other process, and the message flows to and from them."""
    pool = pool_box(doc)
    geoms = {n.id: n for n in doc.geometry.nodes}
    flows: list[tuple[str, str, str, Box, dict[str, str | None], str | None, bool]] = []
    for link in links.values():
        box = event_box(link.geom)
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
                flows.append(
                    (flow_xml_id(flow.id), ncname(node.id), partner, geoms[node.id].box, attrs, flow.when, True)
                )
    tops: dict[str, float] = {}
    for i, xml_id in enumerate(doc.partners.values()):
        top = pool.y + pool.h + BLACK_BOX_GAP + i * (BLACK_BOX_H + BLACK_BOX_GAP / 2)
        tops[xml_id] = top
        draw_shape(doc, xml_id, Box(pool.x, top, pool.w, BLACK_BOX_H), isHorizontal="true")
    for xml_id, source, target, box, attrs, name, outgoing in flows:
        sub(
            doc.collaboration,
            _m("messageFlow"),
            {"id": xml_id, "name": name, "sourceRef": source, "targetRef": target, **attrs},
        )
        top = tops[target if outgoing else source]
        x = box.cx
        points = [(x, box.y + box.h), (x, top)] if outgoing else [(x, top), (x, box.y + box.h)]
        draw_edge(doc, xml_id, points)


def export_processes(
    model: Model, process_ids: Sequence[str], out_dir: str | Path, direction: str = HORIZONTAL
) -> list[Path]:
    """Write `<process>.bpmn` for each process into `out_dir`; returns the paths written."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for pid in process_ids:
        path = folder / f"{pid}.bpmn"
        path.write_bytes(export_process(model, model.processes[pid], direction=direction))
        written.append(path)
    return written


__all__ = ["export_process", "export_processes", "flow_xml_id", "node_paragraphs"]
