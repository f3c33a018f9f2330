"""BPMN diagram interchange (BPMNDI) drawn from our own layout geometry: pool, lane, node and edge
shapes, so a BPMN tool shows the picture the explorer draws. The process elements are in bpmn_export."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from leidraad.bpmn.export_document import ExportDoc, LinkEvent, flow_xml_id, sub
from leidraad.bpmn.xml import BPMNDI, DC, DI, ncname, q
from leidraad.drawing.layout import Box, EdgeGeom, NodeGeom

POOL_HEADER = 30.0  # the band on the left of a pool that holds its name in BPMN tools
EVENT_SIZE = 36.0


def _bounds(parent: etree._Element, box: Box) -> None:
    sub(parent, q(DC, "Bounds"), {"x": _f(box.x), "y": _f(box.y), "width": _f(box.w), "height": _f(box.h)})


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def draw_shape(doc: ExportDoc, element: str, box: Box, label: Box | None = None, **attrs: str) -> None:
    shape = sub(doc.plane, q(BPMNDI, "BPMNShape"), {"id": f"DI_{element}", "bpmnElement": element, **attrs})
    _bounds(shape, box)
    if label is not None:
        _bounds(sub(shape, q(BPMNDI, "BPMNLabel")), label)


def _label_below(box: Box, lines: Sequence[str]) -> Box:
    width = max(60.0, max((len(line) for line in lines), default=0) * 5.6 + 8)
    return Box(box.cx - width / 2, box.y + box.h + 4, width, max(1, len(lines)) * 12.0 + 2)


def pool_box(doc: ExportDoc) -> Box:
    lanes = doc.geometry.lanes
    if doc.geometry.direction == "vertical":
        left, right = lanes[0].box.x, lanes[-1].box.x + lanes[-1].box.w
        return Box(left, lanes[0].box.y, right - left, lanes[0].box.h)
    top, bottom = lanes[0].box.y, lanes[-1].box.y + lanes[-1].box.h
    return Box(lanes[0].box.x, top, lanes[0].box.w, bottom - top)


def is_horizontal(doc: ExportDoc) -> str:
    """BPMN DI's isHorizontal of pools and lanes: "false" for a drawing whose lanes are columns."""
    return "false" if doc.geometry.direction == "vertical" else "true"


def draw_diagram(doc: ExportDoc, links: dict[str, LinkEvent]) -> None:
    pool = pool_box(doc)
    horizontal = is_horizontal(doc)
    draw_shape(doc, f"Participant_{doc.process.id}", pool, isHorizontal=horizontal)
    for lane in doc.geometry.lanes:
        b = lane.box
        # the pool's name band: on the left of a horizontal pool, on top of a vertical one
        inner = (
            Box(b.x + POOL_HEADER, b.y, b.w - POOL_HEADER, b.h)
            if horizontal == "true"
            else Box(b.x, b.y + POOL_HEADER, b.w, b.h - POOL_HEADER)
        )
        draw_shape(doc, f"Lane_{lane.org}", inner, isHorizontal=horizontal)
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
        label = g.label_box or (_label_below(g.box, g.lines) if small and any(g.lines) else None)
        draw_shape(doc, ncname(node.id), g.box, label, **extra)
    for link in links.values():
        draw_shape(doc, link.xml_id, event_box(link.geom), _label_below(event_box(link.geom), link.geom.lines))
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
        draw_edge(doc, xml_id, _waypoints(edge, geoms, links), edge)


def event_box(geom: NodeGeom) -> Box:
    return Box(geom.box.cx - EVENT_SIZE / 2, geom.box.cy - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE)


def draw_edge(
    doc: ExportDoc, element: str, points: Sequence[tuple[float, float]], edge: EdgeGeom | None = None
) -> None:
    el = sub(doc.plane, q(BPMNDI, "BPMNEdge"), {"id": f"DI_{element}", "bpmnElement": element})
    for x, y in points:
        sub(el, q(DI, "waypoint"), {"x": _f(x), "y": _f(y)})
    if edge is not None and edge.label and edge.label_box:
        _bounds(sub(el, q(BPMNDI, "BPMNLabel")), edge.label_box)


def _waypoints(edge: EdgeGeom, geoms: dict[str, NodeGeom], links: dict[str, LinkEvent]) -> list[tuple[float, float]]:
    """The layout's orthogonal polyline, source to target (BPMN edges are polylines too)."""
    out = list(edge.points)
    # A link drawn as a box in our layout is a small event here: run the line on to the event's side.
    if len(out) >= 2 and edge.target in links:
        out[-1:] = _onto_event(out[-1], out[-2], event_box(geoms[edge.target]))
    if len(out) >= 2 and edge.source in links:
        out[:1] = reversed(_onto_event(out[0], out[1], event_box(geoms[edge.source])))
    cleaned: list[tuple[float, float]] = []
    for x, y in out:
        point = (round(x, 1), round(y, 1))
        if not cleaned or abs(cleaned[-1][0] - point[0]) + abs(cleaned[-1][1] - point[1]) > 0.05:
            cleaned.append(point)
    if len(cleaned) == 1:
        cleaned.append((cleaned[0][0] + 1, cleaned[0][1]))
    return cleaned


def _onto_event(end: tuple[float, float], before: tuple[float, float], box: Box) -> list[tuple[float, float]]:
    """The end of an axis-parallel last segment moved onto the side of the (smaller) event it meets;
    with a jog (still orthogonal) when the line would miss the event."""
    if abs(end[1] - before[1]) < 0.01:  # horizontal: enter from the left or right
        side = box.x if before[0] < box.cx else box.x + box.w
        if box.y <= end[1] <= box.y + box.h:
            return [(side, end[1])]
        mid = (before[0] + side) / 2
        return [(mid, end[1]), (mid, box.cy), (side, box.cy)]
    side = box.y if before[1] < box.cy else box.y + box.h
    if box.x <= end[0] <= box.x + box.w:
        return [(end[0], side)]
    mid = (before[1] + side) / 2
    return [(end[0], mid), (box.cx, mid), (box.cx, side)]
