"""Process -> geometry (lane bands, node boxes, edge splines, label positions) through Graphviz.

Two passes, because one `dot` pass cannot keep swimlanes in a chosen order: `dot -Tjson` ranks the
nodes and orders them inside each lane cluster; the lanes are then stacked as rigid bands in the
declared order, and `neato -n2` routes the edges between the fixed positions. The geometry is plain
data, independent of SVG: the renderer draws it and the BPMN export reuses it for diagram interchange.
Coordinates are points, origin top-left, y pointing down.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

from leidraad.drawing.geometry import Box, EdgeGeom, Geometry, LaneGeom, NodeGeom
from leidraad.drawing.graphviz_run import dot_quote, graphviz_json, parse_floats, parse_spline
from leidraad.drawing.plain_diagram import FONT
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


def _footprint(node_type: str, lines: tuple[str, ...]) -> tuple[float, float]:
    """Room a node needs in the layout: small shapes carry their label below them."""
    w, h = _shape_size(node_type, lines)
    if node_type in _SMALL and any(lines):
        label_w = max(len(line) for line in lines) * 5.6 + 8
        return max(w, label_w), h + 2 * (len(lines) * 12 + 4)
    return w, h


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


def _pass1_dot(lanes: list[str], items: list[_Item], links: list[_Link]) -> str:
    out = [
        "digraph L {",
        f"graph [rankdir=LR newrank=true nodesep=0.3 ranksep=0.5 fontname={dot_quote(FONT)}];",
        'node [shape=box fixedsize=true label=""];',
    ]
    for i, lane in enumerate(lanes):
        out.append(f"subgraph cluster_{i} {{ margin=10;")
        for item in items:
            if item.org == lane:
                w, h = _footprint(item.type, item.lines)
                out.append(f"{dot_quote(item.id)} [width={w / 72:.3f} height={h / 72:.3f}];")
        out.append("}")
    for link in links:
        if link.kind == "boundary":
            out.append(f"{dot_quote(link.source)} -> {dot_quote(link.target)} [weight=4 minlen=0];")
        else:
            out.append(f"{dot_quote(link.source)} -> {dot_quote(link.target)} [label={dot_quote(link.label or '')}];")
    out.append("}")
    return "\n".join(out)


def layout_process(model: Model, process: Process) -> Geometry:
    lanes, items, links = _collect(model, process)
    item_by_id = {i.id: i for i in items}
    pass1 = json.loads(graphviz_json("dot", _pass1_dot(lanes, items, links)))
    pos: dict[str, tuple[float, float]] = {}
    clusters: dict[int, tuple[float, float, float, float]] = {}
    for obj in pass1.get("objects", []):
        if obj["name"].startswith("cluster_"):
            clusters[int(obj["name"].split("_")[1])] = tuple(parse_floats(obj["bb"]))  # type: ignore[assignment]
        elif "pos" in obj:
            x, y = parse_floats(obj["pos"])
            pos[obj["name"]] = (x, y)
    min_x = min((clusters[i][0] for i in clusters), default=0.0)
    max_x = max((clusters[i][2] for i in clusters), default=0.0)
    # Stack the lane bands in declared order; y grows downwards from here on.
    lane_boxes: list[LaneGeom] = []
    top = MARGIN
    new_pos: dict[str, tuple[float, float]] = {}
    width = HEADER_W + (max_x - min_x) + 2 * MARGIN
    for i, lane in enumerate(lanes):
        _x0, _y0, _x1, y1 = clusters.get(i, (min_x, 0.0, min_x, LANE_MIN_H))
        members = [item for item in items if item.org == lane and item.id in pos]
        tops = _compact_lane(members, pos, y1)
        used = max((tops[m.id] + _footprint(m.type, m.lines)[1] for m in members if m.id in tops), default=0.0)
        height = max(LANE_MIN_H, used + 2 * LANE_PAD)
        for item in members:
            x, _ = pos[item.id]
            cy = top + LANE_PAD + tops.get(item.id, 0.0) + _footprint(item.type, item.lines)[1] / 2
            new_pos[item.id] = (MARGIN + HEADER_W + (x - min_x), cy)
        org = model.organisations.get(lane)
        lane_boxes.append(
            LaneGeom(
                lane,
                org.abbreviation if org else lane,
                org.name if org else lane,
                Box(MARGIN, top, width - 2 * MARGIN, height),
                known=org is not None,
            )
        )
        top += height
    height_total = top + MARGIN
    _place_boundaries(items, new_pos)
    nodes = []
    for item in items:
        if item.id not in new_pos:
            continue
        cx, cy = new_pos[item.id]
        w, h = _shape_size(item.type, item.lines)
        nodes.append(
            NodeGeom(
                item.id,
                item.type,
                item.org,
                item.label,
                item.lines,
                Box(cx - w / 2, cy - h / 2, w, h),
                item.calls,
                item.target,
                item.interrupting,
            )
        )
    edges = _route(nodes, links, item_by_id, height_total)
    return Geometry(process.id, round(width, 1), round(height_total, 1), tuple(lane_boxes), tuple(nodes), edges)


def _compact_lane(members: list[_Item], pos: dict[str, tuple[float, float]], cluster_top: float) -> dict[str, float]:
    """Lift every node as high in its lane as it can go without touching a node above it that shares
    its column: dot leaves lanes taller than they need to be. Vertical order among overlapping nodes
    is kept; horizontal positions (the ranks) do not change."""
    h_gap, v_gap = 10.0, 14.0
    placed: list[tuple[float, float, float, float]] = []  # x, width, top, height
    tops: dict[str, float] = {}
    for item in sorted((m for m in members if m.type != "boundary"), key=lambda m: cluster_top - pos[m.id][1]):
        x = pos[item.id][0]
        w, h = _footprint(item.type, item.lines)
        top = 0.0
        for px, pw, ptop, ph in placed:
            if abs(px - x) < (pw + w) / 2 + h_gap:
                top = max(top, ptop + ph + v_gap)
        tops[item.id] = top
        placed.append((x, w, top, h))
    return tops


def _place_boundaries(items: list[_Item], new_pos: dict[str, tuple[float, float]]) -> None:
    """Boundary events sit on the lower edge of their host, spread along it."""
    per_host: dict[str, int] = {}
    for item in items:
        if item.type != "boundary" or item.attached_to not in new_pos:
            continue
        host = next(i for i in items if i.id == item.attached_to)
        hw, hh = _shape_size(host.type, host.lines)
        hx, hy = new_pos[host.id]
        n = per_host.get(host.id, 0)
        per_host[host.id] = n + 1
        new_pos[item.id] = (hx + hw / 2 - 22 - n * 34, hy + hh / 2)


def _route(nodes: list[NodeGeom], links: list[_Link], items: dict[str, _Item], height: float) -> tuple[EdgeGeom, ...]:
    """Second pass: `neato -n2` routes splines between the fixed node positions."""
    by_id = {n.id: n for n in nodes}
    lines = [
        "digraph R {",
        f'graph [splines=true overlap=true sep="+6" fontname={dot_quote(FONT)}];',
        'node [shape=box fixedsize=true label=""]; edge [fontsize=9];',
    ]
    for n in nodes:
        w, h = n.box.w, n.box.h
        if n.type in ("gateway", "parallel"):
            shape = "diamond"
        elif n.type in _SMALL:
            shape = "circle"
        else:
            shape = "box"
        lines.append(
            f'{dot_quote(n.id)} [pos="{n.box.cx:.2f},{height - n.box.cy:.2f}!" width={w / 72:.3f} '
            f"height={h / 72:.3f} shape={shape}];"
        )
    routed = [link for link in links if link.source in by_id and link.target in by_id and link.kind != "boundary"]
    for i, link in enumerate(routed):
        label = dot_quote(" ".join(wrap_label(link.label, 18, 3))) if link.label else '""'
        lines.append(f'{dot_quote(link.source)} -> {dot_quote(link.target)} [id="e{i}" label={label}];')
    lines.append("}")
    out = json.loads(graphviz_json("neato", "\n".join(lines), ("-n2",)))
    # neato translates its drawing; measure the shift on the nodes and undo it on the edges.
    dx = dy = 0.0
    for obj in out.get("objects", []):
        if obj.get("name") in by_id and "pos" in obj:
            x, y = parse_floats(obj["pos"])
            node = by_id[obj["name"]]
            dx, dy = node.box.cx - x, (height - node.box.cy) - y
            break
    result = []
    for e in out.get("edges", []):
        idx = int(e.get("id", "e-1")[1:]) if str(e.get("id", "")).startswith("e") else -1
        if not (0 <= idx < len(routed)) or "pos" not in e:
            continue
        link = routed[idx]
        points, arrow = parse_spline(e["pos"], height, dx, dy)
        label_pos = None
        if link.label and "lp" in e:
            lx, ly = parse_floats(e["lp"])
            label_pos = (round(lx + dx, 1), round(height - (ly + dy), 1))
        result.append(
            EdgeGeom(
                link.id,
                link.source,
                link.target,
                points,
                arrow,
                link.from_org,
                link.to_org,
                link.label,
                label_pos,
                link.handover,
                link.kind,
            )
        )
    for link in links:
        if link.kind == "boundary" and link.source in by_id and link.target in by_id:
            b = by_id[link.target].box
            result.append(
                EdgeGeom(
                    link.id,
                    link.source,
                    link.target,
                    ((b.cx, b.cy),),
                    None,
                    link.from_org,
                    link.to_org,
                    kind="boundary",
                )
            )
    return tuple(result)


def layout_all(model: Model) -> dict[str, Geometry]:
    return {p.id: layout_process(model, p) for p in model.process_list()}


__all__ = ["Box", "EdgeGeom", "Geometry", "LaneGeom", "NodeGeom", "layout_all", "layout_process", "wrap_label"]
