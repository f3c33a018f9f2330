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
    top, bottom = lanes[0].box.y, lanes[-1].box.y + lanes[-1].box.h
    return Box(lanes[0].box.x, top, lanes[0].box.w, bottom - top)


def draw_diagram(doc: ExportDoc, links: dict[str, LinkEvent]) -> None:
    pool = pool_box(doc)
    draw_shape(doc, f"Participant_{doc.process.id}", pool, isHorizontal="true")
    for lane in doc.geometry.lanes:
        b = lane.box
        draw_shape(doc, f"Lane_{lane.org}", Box(b.x + POOL_HEADER, b.y, b.w - POOL_HEADER, b.h), isHorizontal="true")
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
        label = _label_below(g.box, g.lines) if small and any(g.lines) else None
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
    if edge is not None and edge.label and edge.label_pos:
        x, y = edge.label_pos
        w = min(18, max(len(edge.label), 4)) * 5.0 + 6
        lines = max(1, min(3, -(-len(edge.label) // 18)))
        _bounds(sub(el, q(BPMNDI, "BPMNLabel")), Box(x - w / 2, y - lines * 5.5, w, lines * 11.0))


Point = tuple[float, float]


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> tuple[float, float]:
    u = 1 - t
    return (
        u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
        u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
    )


def _waypoints(edge: EdgeGeom, geoms: dict[str, NodeGeom], links: dict[str, LinkEvent]) -> list[tuple[float, float]]:
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
        out[-1] = _clip_to_circle(out[-1], event_box(geoms[edge.target]))
    if out and edge.source in links:
        out[0] = _clip_to_circle(out[0], event_box(geoms[edge.source]))
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
