"""Process -> geometry (lane bands, node boxes, orthogonal flows, label boxes) in either orientation.

The content is turned into engine items (shape sizes, external labels, lanes in declared order) and
laid out by `leidraad.drawing.layered` (ranks, lane-aware ordering, orthogonal channel routing) in
abstract main/cross axes; this module maps them to x/y: *horizontal* (lanes are rows, time runs to
the right) or *vertical* (lanes are columns, time runs down). The geometry is plain data: the SVG
renderer, the BPMN diagram interchange and `leidraad export geometry` all read it. Coordinates are
points, origin top-left, y pointing down. See docs/layout.md.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache

from leidraad.drawing.geometry import Box, EdgeGeom, Geometry, LaneGeom, NodeGeom
from leidraad.drawing.layered import Item, Link, Spacing
from leidraad.drawing.layered import layout as layered_layout
from leidraad.model import Model, Process
from leidraad.queries.graph import ref

HEADER_W = 120.0  # lane header column
LANE_MIN_H = 72.0
LANE_PAD = 10.0
MARGIN = 16.0
MAX_LABEL_LINES = 5

# Shape sizes in points (width, height of the shape itself).
_TASK_W, _TASK_LINE_H, _TASK_MIN_H = 150.0, 13.0, 54.0
_SMALL = {"start": 30.0, "end": 30.0, "event": 32.0, "timer": 32.0, "boundary": 28.0, "gateway": 42.0, "parallel": 42.0}
_WRAP = {"task": 24, "subprocess": 24, "link": 22}
_SMALL_WRAP = 22


def wrap_label(text: str, width: int, max_lines: int = MAX_LABEL_LINES) -> tuple[str, ...]:
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], textwrap.shorten(" ".join(lines[max_lines - 1 :]), width, placeholder="…")]
    return tuple(lines)


def _shape_size(node_type: str, lines: tuple[str, ...]) -> tuple[float, float]:
    if node_type in _SMALL:
        return _SMALL[node_type], _SMALL[node_type]
    return _TASK_W, max(_TASK_MIN_H, len(lines) * _TASK_LINE_H + 18)


@dataclass
class _Item:
    id: str
    type: str
    org: str
    label: str
    lines: tuple[str, ...]
    calls: str | None = None
    target: str | None = None
    attached_to: str | None = None
    interrupting: bool = True


@dataclass
class _Link:
    id: str
    source: str
    target: str
    label: str | None
    from_org: str
    to_org: str
    handover: bool
    kind: str = "flow"


def _collect(model: Model, process: Process) -> tuple[list[str], list[_Item], list[_Link]]:
    items: list[_Item] = []
    links: list[_Link] = []
    for node in process.nodes:
        wrap = _WRAP.get(node.type, _SMALL_WRAP)
        items.append(
            _Item(
                node.id,
                node.type,
                node.org,
                node.label,
                wrap_label(node.label, wrap),
                node.calls,
                attached_to=node.attached_to,
                interrupting=node.interrupting,
            )
        )
    org_of = {n.id: n.org for n in process.nodes}
    outgoing_links: dict[str, str] = {}
    for node in process.nodes:
        if node.type == "boundary" and node.attached_to in org_of:
            links.append(
                _Link(f"attach-{node.id}", node.attached_to, node.id, None, node.org, node.org, False, "boundary")
            )
        for flow in node.flows:
            target_id = flow.target
            to_org = org_of.get(flow.target, "")
            if flow.crosses_process:
                resolved = model.resolve_step(flow.target)
                if flow.target not in outgoing_links:
                    link_id = f"link-{len(outgoing_links) + 1}"
                    outgoing_links[flow.target] = link_id
                    other = model.processes.get(flow.target_process or "")
                    title = other.title if other else flow.target_process or flow.target
                    step_label = resolved[1].label if resolved else flow.target_step
                    label = (
                        f"Naar: {title}"
                        if resolved and resolved[1].type == "start"
                        else f"Naar: {title} – {step_label}"
                    )
                    org = resolved[1].org if resolved else node.org
                    items.append(
                        _Item(link_id, "link", org, label, wrap_label(label, _WRAP["link"], 4), target=flow.target)
                    )
                target_id = outgoing_links[flow.target]
                to_org = resolved[1].org if resolved else node.org
            handover = bool(to_org and node.org and to_org != node.org)
            links.append(_Link(flow.id, node.id, target_id, flow.when, node.org, to_org, handover))
    # Links in from other processes, one per (source process, source organisation, target step).
    incoming: dict[tuple[str, str, str], str] = {}
    for other in model.process_list():
        if other.id == process.id:
            continue
        for node in other.nodes:
            for flow in node.flows:
                if flow.target_process != process.id or flow.target_step not in org_of:
                    continue
                key = (other.id, node.org, flow.target_step)
                if key not in incoming:
                    link_id = f"link-in-{len(incoming) + 1}"
                    incoming[key] = link_id
                    label = f"Van: {other.title}"
                    items.append(
                        _Item(
                            link_id,
                            "link",
                            node.org,
                            label,
                            wrap_label(label, _WRAP["link"], 4),
                            target=ref(other.id, node.id),
                        )
                    )
                    to_org = org_of[flow.target_step]
                    links.append(
                        _Link(
                            f"in-{link_id}",
                            link_id,
                            flow.target_step,
                            None,
                            node.org,
                            to_org,
                            node.org != to_org,
                            "link",
                        )
                    )
    lanes = _lane_order(model, process, {i.org for i in items})
    return lanes, items, links


def _lane_order(model: Model, process: Process, used: set[str]) -> list[str]:
    order = [lane for lane in process.lanes if lane in used]
    order += [org for org in model.organisations if org in used and org not in order]
    order += sorted(org for org in used if org not in order)
    return order


HORIZONTAL, VERTICAL = "horizontal", "vertical"
DIRECTIONS = (HORIZONTAL, VERTICAL)
HEADER_H = 64.0  # lane header row of a vertical drawing
LANE_MIN_W = 132.0  # a vertical lane is at least as wide as its header text needs
LABEL_GAP = 4.0
EDGE_LABEL_WRAP = 18
_BOUNDARY_R = 14.0
DUMMY_LANES = ("source", "target")  # where long flows run; the layout keeps the one with fewer crossings
VARIANT_LIMIT = 80  # shapes up to which both are tried


@lru_cache(maxsize=4096)
def edge_label_lines(text: str) -> tuple[str, ...]:
    return wrap_label(text, EDGE_LABEL_WRAP, 3)


def _label_size(lines: tuple[str, ...]) -> tuple[float, float]:
    """Box of an external label of an event or gateway (10 px text, 12 px lines)."""
    return max(len(line) for line in lines) * 5.6 + 8, len(lines) * 12.0 + 2


def _edge_label_size(lines: tuple[str, ...]) -> tuple[float, float]:
    return max(len(line) for line in lines) * 5.0 + 6, len(lines) * 11.0 + 2


def _has_label(item: _Item) -> bool:
    return item.type in _SMALL and item.type != "boundary" and any(item.lines)


def _engine_item(item: _Item, lane: int, vertical: bool, boundaries: list[_Item]) -> Item:
    w, h = _shape_size(item.type, item.lines)
    lw, lh = _label_size(item.lines) if _has_label(item) else (0.0, 0.0)
    tip = item.type in _SMALL
    if not vertical:
        after = h / 2 + (LABEL_GAP + lh if lh else 0.0)
        if boundaries:  # stubs of the boundary flows, then the boundary labels, below the host
            after = h / 2 + 20 + 8 * (len(boundaries) - 1) + 4
            after += sum(_label_size(b.lines)[1] + 2 for b in boundaries if any(b.lines))
        return Item(item.id, lane, max(w, lw), h / 2, after, tip, 0.0 if tip else h / 2 - 8, w / 2)
    main = max(h, lh)
    after = w / 2 + (LABEL_GAP + lw if lw else 0.0)
    span = 0.0 if tip else w / 2 - 14
    if boundaries:
        labels = [_label_size(b.lines) for b in boundaries if any(b.lines)]
        main = h + 2 * max(_BOUNDARY_R, sum(lb[1] + 2 for lb in labels) + 2)
        after = max(after, w / 2 + LABEL_GAP + max((lb[0] for lb in labels), default=0.0))
        span = w / 2 - 44
    return Item(item.id, lane, main, w / 2, after, tip, max(span, 0.0), h / 2)


def layout_process(model: Model, process: Process, direction: str = HORIZONTAL) -> Geometry:
    """Lay out one process: lanes in declared order, time along x (horizontal) or y (vertical)."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r} (expected one of {', '.join(DIRECTIONS)})")
    vertical = direction == VERTICAL
    lanes, items, links = _collect(model, process)
    lane_index = {org: i for i, org in enumerate(lanes)}
    boundaries: dict[str, list[_Item]] = {}
    for item in items:
        if item.type == "boundary" and item.attached_to:
            boundaries.setdefault(item.attached_to, []).append(item)
    boundary_of = {b.id: (host, i) for host, bs in boundaries.items() for i, b in enumerate(bs)}
    engine_items = [
        _engine_item(item, lane_index[item.org], vertical, boundaries.get(item.id, []))
        for item in items
        if item.type != "boundary" or item.id not in boundary_of
    ]
    by_id = {i.id: i for i in items}
    engine_links = []
    for link in links:
        if link.kind == "boundary":
            continue
        source, offset = link.source, None
        if link.source in boundary_of:
            host_id, j = boundary_of[link.source]
            source = host_id
            hw, hh = _shape_size(by_id[host_id].type, by_id[host_id].lines)
            offset = (hw / 2 - 22 - j * 34) if vertical else (hh / 2 + 20 + 8 * j)
        label = None
        if link.label:
            lw, lh = _edge_label_size(edge_label_lines(link.label))
            label = (lh + 8, 3.0, lw + 5) if vertical else (lw + 8, lh + 3, 3.0)
        engine_links.append(Link(link.id, source, link.target, label, offset))
    header = HEADER_H if vertical else HEADER_W
    spacing = Spacing(
        cross_start=MARGIN,
        main_start=MARGIN + header + 18,
        lane_pad=LANE_PAD,
        lane_min=LANE_MIN_W if vertical else LANE_MIN_H,
    )
    placed = min(
        (
            layered_layout(engine_items, engine_links, len(lanes), spacing, 8, where)
            for where in (DUMMY_LANES if len(engine_items) <= VARIANT_LIMIT else DUMMY_LANES[:1])
        ),
        key=lambda p: p.crossings,
    )

    def xy(p: tuple[float, float]) -> tuple[float, float]:
        return (round(p[1], 1), round(p[0], 1)) if vertical else (round(p[0], 1), round(p[1], 1))

    main_total = placed.main_length + 18 + MARGIN
    cross_total = placed.cross_length + MARGIN
    width, height = (cross_total, main_total) if vertical else (main_total, cross_total)
    lane_boxes = []
    for org, (start, size) in zip(lanes, placed.lanes, strict=True):
        org_rec = model.organisations.get(org)
        box = (
            Box(start, MARGIN, size, height - 2 * MARGIN) if vertical else Box(MARGIN, start, width - 2 * MARGIN, size)
        )
        lane_boxes.append(
            LaneGeom(
                org,
                org_rec.abbreviation if org_rec else org,
                org_rec.name if org_rec else org,
                box,
                known=org_rec is not None,
            )
        )
    nodes: list[NodeGeom] = []
    centres: dict[str, tuple[float, float]] = {i: xy(p) for i, p in placed.anchors.items()}
    for item in items:
        if item.id in boundary_of:
            host_id, j = boundary_of[item.id]
            if host_id not in centres:
                continue
            hx, hy = centres[host_id]
            hw, hh = _shape_size(by_id[host_id].type, by_id[host_id].lines)
            centres[item.id] = (hx + hw / 2 - 22 - j * 34, hy + hh / 2)
        if item.id not in centres:
            continue
        cx, cy = centres[item.id]
        w, h = _shape_size(item.type, item.lines)
        label_box = None
        if _has_label(item):
            lw, lh = _label_size(item.lines)
            label_box = (
                Box(cx + w / 2 + LABEL_GAP, cy - lh / 2, lw, lh)
                if vertical
                else Box(cx - lw / 2, cy + h / 2 + LABEL_GAP, lw, lh)
            )
        elif item.id in boundary_of and any(item.lines):
            label_box = _boundary_label(item, boundary_of, by_id, centres, vertical)
        nodes.append(
            NodeGeom(
                item.id,
                item.type,
                item.org,
                item.label,
                item.lines,
                Box(round(cx - w / 2, 1), round(cy - h / 2, 1), w, h),
                item.calls,
                item.target,
                item.interrupting,
                label_box,
            )
        )
    edges: list[EdgeGeom] = []
    for link in links:
        if link.kind == "boundary":
            if link.source in centres and link.target in centres:
                cx, cy = centres[link.target]
                edges.append(
                    EdgeGeom(
                        link.id,
                        link.source,
                        link.target,
                        ((cx, cy),),
                        None,
                        link.from_org,
                        link.to_org,
                        kind="boundary",
                    )
                )
            continue
        route = placed.routes.get(link.id)
        if not route:
            continue
        points = [xy(p) for p in route]
        if link.source in boundary_of:
            bx, by = centres[link.source]
            if vertical:
                points[0] = (bx, round(by + _BOUNDARY_R, 1))
            else:
                points = [(bx, round(by + _BOUNDARY_R, 1)), (bx, points[0][1]), *points]
        label_box = label_pos = None
        lines: tuple[str, ...] = ()
        if link.label and link.id in placed.labels:
            lines = edge_label_lines(link.label)
            lw, lh = _edge_label_size(lines)
            m, c = placed.labels[link.id]
            label_box = (
                Box(round(c + 4, 1), round(m - lh / 2, 1), lw, lh)
                if vertical
                else Box(round(m - lw / 2, 1), round(c - 3 - lh, 1), lw, lh)
            )
            label_pos = (round(label_box.cx, 1), round(label_box.cy, 1))
        edges.append(
            EdgeGeom(
                link.id,
                link.source,
                link.target,
                tuple(_dedupe(points)),
                points[-1],
                link.from_org,
                link.to_org,
                link.label,
                label_pos,
                link.handover,
                link.kind,
                label_box,
                lines,
            )
        )
    return Geometry(
        process.id,
        round(width, 1),
        round(height, 1),
        tuple(lane_boxes),
        tuple(nodes),
        tuple(edges),
        direction=direction,
        header=header,
    )


def _boundary_label(
    item: _Item,
    boundary_of: dict[str, tuple[str, int]],
    by_id: dict[str, _Item],
    centres: dict[str, tuple[float, float]],
    vertical: bool,
) -> Box:
    """Labels of boundary events sit below the host (under the flow stubs), stacked; vertically, to its right."""
    host_id, j = boundary_of[item.id]
    host = by_id[host_id]
    hx, hy = centres[host_id]
    hw, hh = _shape_size(host.type, host.lines)
    siblings = [b for b, (h, _) in boundary_of.items() if h == host_id]
    stacked = sum(_label_size(by_id[b].lines)[1] + 2 for b in siblings[:j] if any(by_id[b].lines))
    lw, lh = _label_size(item.lines)
    if vertical:
        return Box(hx + hw / 2 + LABEL_GAP, hy + hh / 2 + 2 + stacked, lw, lh)
    cx = centres[item.id][0]
    top = hy + hh / 2 + 20 + 8 * (len(siblings) - 1) + 4 + stacked
    return Box(max(hx - hw / 2, min(cx - lw / 2, hx + hw / 2 - lw)), top, lw, lh)


def _dedupe(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    return out


def layout_all(model: Model, direction: str = HORIZONTAL) -> dict[str, Geometry]:
    return {p.id: layout_process(model, p, direction) for p in model.process_list()}


__all__ = [
    "DIRECTIONS",
    "HORIZONTAL",
    "VERTICAL",
    "Box",
    "EdgeGeom",
    "Geometry",
    "LaneGeom",
    "NodeGeom",
    "edge_label_lines",
    "layout_all",
    "layout_process",
    "wrap_label",
]
