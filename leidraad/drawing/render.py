"""Geometry -> SVG: swimlanes with BPMN shapes, in two colourings of the same drawing.

*themed* (for the app): CSS classes and Streamlit's `--st-*` variables, so light and dark themes
both work and highlight/fade are toggled in the browser. *print* (for files): colours, highlight and
fade resolved into the file, so an exported drawing looks the same anywhere.

Ids: a node's group has the step id as `id`; lanes are `lane-<org>`, edges `edge-<flow>`, classes
`org-<org>` and `node-<type>`. All model text is escaped; nothing from the content becomes markup.

`marks` (node id or `edge-<flow>` -> `added` | `changed` | `removed`) marks groups for a comparison:
class `diff-<mark>` and `data-diff="<mark>"`, a colour, and a cue that is not colour: a badge on a
node (circle with +, diamond with !, square with −), a heavier or dashed line, a hatch on removed ones.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from leidraad.drawing.layout import EdgeGeom, Geometry, LaneGeom, NodeGeom
from leidraad.drawing.plain_diagram import FONT
from leidraad.model import name_beyond

# Okabe–Ito: colour-blind-safe colours for the main chain partners; everyone else is neutral.
ORG_COLOURS = {
    "dtv": "#0072B2",
    "ind": "#E69F00",
    "coa": "#009E73",
    "avim": "#56B4E9",
    "kmar": "#D55E00",
    "dji": "#CC79A7",
    "iom": "#C9B800",  # Okabe–Ito yellow (#F0E442), darkened enough to read as a line on white
    "vreemdeling": "#000000",
}
NEUTRAL = "#8C8C8C"

PRINT_THEME = {
    "text": "#1F2328",
    "background": "#FFFFFF",
    "secondary": "#F3F4F6",
    "primary": "#C2185B",
    "edge": "#4B5563",
}


def org_colour(org: str) -> str:
    return ORG_COLOURS.get(org, NEUTRAL)


def themed_org_colour(org: str) -> str:
    """The colour of an organisation in the app: black (the foreign national) follows the theme's text
    colour, so it does not vanish on a dark background."""
    return "var(--st-text-color, #31333F)" if org_colour(org) == "#000000" else org_colour(org)


def _org_css(orgs: Iterable[str], themed: bool) -> str:
    rules = []
    for org in sorted(set(orgs)):
        c = themed_org_colour(org) if themed else org_colour(org)
        cls = f".org-{org}"
        rules.append(
            f".lane{cls} .lane-band{{fill:{c};fill-opacity:.06;stroke:{c};stroke-opacity:.35}}"
            f".lane{cls} .lane-header{{fill:{c};fill-opacity:.16;stroke:{c};stroke-opacity:.5}}"
            f".node{cls} .shape{{stroke:{c}}}.node{cls} .mark{{fill:{c}}}"
        )
    return "".join(rules)


def _base_css(themed: bool) -> str:
    if themed:
        text, bg, sec, primary, edge = (
            "var(--st-text-color, #31333F)",
            "var(--st-background-color, #FFFFFF)",
            "var(--st-secondary-background-color, #F0F2F6)",
            "var(--st-primary-color, #FF4B4B)",
            "var(--st-text-color, #31333F)",
        )
    else:
        text, bg, sec, primary, edge = (PRINT_THEME[k] for k in ("text", "background", "secondary", "primary", "edge"))
    return (
        f"svg.ltv-diagram{{font-family:{quoteattr(FONT)[1:-1]},sans-serif;}}"
        f".ltv-diagram text{{fill:{text};font-size:10px}}"
        f".ltv-diagram .lane-abbr{{font-weight:bold;font-size:12px}}"
        f".ltv-diagram .lane-name{{font-size:9px;opacity:.8}}"
        f".ltv-diagram .lane-header-base{{fill:{bg}}}"
        f".ltv-diagram .shape{{fill:{bg};stroke-width:1.6}}"
        f".ltv-diagram .node-end .shape{{stroke-width:4}}"
        f".ltv-diagram .node-start .shape{{stroke-width:1.6}}"
        f".ltv-diagram .node-link .shape{{fill:{sec};stroke-dasharray:4 3}}"
        f".ltv-diagram .node-boundary .inner.noninterrupting,.ltv-diagram .node-boundary .shape.noninterrupting"
        f"{{stroke-dasharray:3 2}}"
        f".ltv-diagram .mark{{stroke:none}}"
        f".ltv-diagram .edge path{{fill:none;stroke:{edge};stroke-opacity:.75;stroke-width:1.3}}"
        f".ltv-diagram .edge .arrow{{fill:{edge};fill-opacity:.85}}"
        f".ltv-diagram .edge.handover path{{stroke-width:2.2;stroke-dasharray:7 3;stroke-opacity:.95}}"
        f".ltv-diagram .edge.kind-boundary path{{stroke-dasharray:2 2}}"
        f".ltv-diagram .edge-label{{font-size:9px;font-style:italic}}"
        f".ltv-diagram .edge-label-bg{{fill:{bg};fill-opacity:.85}}"
        f".ltv-diagram .node.selected .shape{{stroke:{primary};stroke-width:4}}"
        f".ltv-diagram .node.on-path .shape{{stroke-width:3.2}}"
        f".ltv-diagram .edge.on-path path{{stroke:{primary};stroke-opacity:1;stroke-width:2.6}}"
        f".ltv-diagram .faded{{opacity:.18}}"
        # A faded lane header stays opaque (steps must not show through it); only its tint and text fade.
        f".ltv-diagram .lane-head.faded{{opacity:1}}"
        f".ltv-diagram .lane-head.faded .lane-header,.ltv-diagram .lane-head.faded text{{opacity:.3}}"
    )


# Comparison marks: colour, badge shape and glyph (never colour alone). Colours read on light and dark.
MARKS = {
    "added": ("#1A7F37", "circle", "+"),
    "changed": ("#B35900", "diamond", "!"),
    "removed": ("#CF222E", "square", "−"),
}
_HATCH = (
    '<defs><pattern id="ltv-diff-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="8" height="8" fill="#CF222E" fill-opacity=".06"/>'
    '<line x1="0" y1="0" x2="0" y2="8" stroke="#CF222E" stroke-opacity=".45" stroke-width="2"/></pattern></defs>'
)


def _marks_css() -> str:
    rules = []
    for mark, (colour, _, _) in MARKS.items():
        rules.append(
            f".ltv-diagram .diff-{mark} .shape{{stroke:{colour};stroke-width:3.4}}"
            f".ltv-diagram .edge.diff-{mark} path{{stroke:{colour};stroke-opacity:1;stroke-width:3}}"
            f".ltv-diagram .edge.diff-{mark} .arrow{{fill:{colour};fill-opacity:1}}"
            f".ltv-diagram .diff-badge.diff-{mark} .badge-shape{{fill:{colour}}}"
        )
    rules.append(
        ".ltv-diagram .node.diff-removed .shape{stroke-dasharray:6 4;fill:url(#ltv-diff-hatch)}"
        ".ltv-diagram .node.diff-removed{opacity:.8}"
        ".ltv-diagram .edge.diff-removed path{stroke-dasharray:3 4}"
        ".ltv-diagram .diff-badge .badge-shape{stroke:#FFFFFF;stroke-width:1.5}"
        ".ltv-diagram .diff-badge text{fill:#FFFFFF;font-size:13px;font-weight:bold}"
    )
    return "".join(rules)


def _badge_svg(mark: str, n: NodeGeom) -> str:
    _, shape, glyph = MARKS[mark]
    x, y, r = n.box.x + n.box.w - 2, n.box.y + 2, 9.0
    if shape == "circle":
        outline = f'<circle class="badge-shape" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
    elif shape == "diamond":
        d = r * 1.25
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        outline = f'<polygon class="badge-shape" points="{points}"/>'
    else:
        outline = (
            f'<rect class="badge-shape" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"/>'
        )
    text = f'<text x="{x:.1f}" y="{y + 4.5:.1f}" text-anchor="middle">{glyph}</text>'
    return f'<g class="diff-badge diff-{mark}" aria-hidden="true">{outline}{text}</g>'


def _marked(svg: str, mark: str | None, badge: str = "") -> str:
    """Add a comparison mark to a drawn group (its first <g>); `badge` goes inside it, on top."""
    if mark not in MARKS:
        return svg
    svg = svg.replace('<g class="', f'<g data-diff="{mark}" class="diff-{mark} ', 1)
    return svg[: -len("</g>")] + badge + "</g>" if badge and svg.endswith("</g>") else svg


def _text_lines(
    x: float, y: float, lines: Iterable[str], line_h: float = 12.0, cls: str = "", anchor: str = "middle"
) -> str:
    lines = list(lines)
    top = y - (len(lines) - 1) * line_h / 2
    # A space ends every line but the last: the words of a wrapped label stay apart in its accessible text.
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{top + i * line_h + 3.5:.1f}">{escape(line)}{" " if i < len(lines) - 1 else ""}</tspan>'
        for i, line in enumerate(lines)
    )
    cls_attr = f' class="{cls}"' if cls else ""
    return f'<text text-anchor="{anchor}"{cls_attr}>{spans}</text>'


def _lane_svg(lane: LaneGeom) -> str:
    b = lane.box
    return (
        f'<g class="lane org-{lane.org}" id="lane-{lane.org}">'
        f'<rect class="lane-band static" x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}"/></g>'
    )


def lane_title(lane: LaneGeom) -> str:
    """The lane's tooltip: the name, with the abbreviation in front only when the name does not say it."""
    if not lane.abbreviation or lane.abbreviation.casefold() in lane.name.casefold():
        return lane.name
    return f"{lane.abbreviation} – {lane.name}"


def _lane_header_svg(lane: LaneGeom, header: float, vertical: bool, extra_classes: str = "") -> str:
    """The header of a lane, drawn above everything else so the app can keep it in view while panning:
    a column on the left of a horizontal drawing, a row on top of a vertical one."""
    b = lane.box
    name = name_beyond(lane.abbreviation, lane.name)
    if vertical:
        cx, cy, w, h = b.cx, b.y + header / 2, b.w, header
        name_lines = textwrap.wrap(name, max(12, int(b.w / 5.6)))[:2]
        abbr_lines = textwrap.wrap(lane.abbreviation, max(10, int(b.w / 8)))[:2]
    else:
        cx, cy, w, h = b.x + header / 2, b.cy, header, b.h
        name_lines = textwrap.wrap(name, 20)[:4]
        abbr_lines = textwrap.wrap(lane.abbreviation, 14)[:2]
    block = len(abbr_lines) * 14 + len(name_lines) * 11
    y0 = cy - block / 2 + 7
    abbr = _text_lines(cx, y0 + (len(abbr_lines) - 1) * 7, abbr_lines, 14, "lane-abbr")
    name = (
        _text_lines(cx, y0 + len(abbr_lines) * 14 + (len(name_lines) - 1) * 5.5 + 4, name_lines, 11, "lane-name")
        if name_lines
        else ""
    )
    rect = f'x="{b.x:.1f}" y="{b.y:.1f}" width="{w:.1f}" height="{h:.1f}"'
    return (
        f'<g class="lane lane-head org-{lane.org}{extra_classes}" id="lane-head-{lane.org}">'
        f"<title>{escape(lane_title(lane))}</title>"
        f'<rect class="lane-header-base static" {rect}/><rect class="lane-header static" {rect}/>{abbr}{name}</g>'
    )


def _shape_svg(n: NodeGeom) -> str:
    b = n.box
    cx, cy = b.cx, b.cy
    r = b.w / 2
    t = n.type
    if t in ("start", "end"):
        return f'<circle class="shape" cx="{cx:.1f}" cy="{cy:.1f}" r="{r - (2 if t == "end" else 0.8):.1f}"/>'
    if t in ("event", "timer", "boundary"):
        dash = "" if n.interrupting or t != "boundary" else " noninterrupting"
        out = (
            f'<circle class="shape{dash}" cx="{cx:.1f}" cy="{cy:.1f}" r="{r - 1:.1f}"/>'
            f'<circle class="shape inner{dash}" cx="{cx:.1f}" cy="{cy:.1f}" r="{r - 4.5:.1f}"/>'
        )
        if t == "timer" or t == "boundary":
            rr = r - 8
            out += (
                f'<circle class="shape" cx="{cx:.1f}" cy="{cy:.1f}" r="{rr:.1f}" stroke-width="1"/>'
                f'<path class="shape" d="M{cx:.1f},{cy - rr + 2:.1f} L{cx:.1f},{cy:.1f} L{cx + rr - 3:.1f},'
                f'{cy:.1f}" stroke-width="1" fill="none"/>'
            )
        return out
    if t in ("gateway", "parallel"):
        pts = f"{cx:.1f},{b.y:.1f} {b.x + b.w:.1f},{cy:.1f} {cx:.1f},{b.y + b.h:.1f} {b.x:.1f},{cy:.1f}"
        s = b.w * 0.17
        if t == "gateway":  # × marker
            mark = (
                f'<path class="shape" d="M{cx - s:.1f},{cy - s:.1f} L{cx + s:.1f},{cy + s:.1f} M{cx + s:.1f},'
                f'{cy - s:.1f} L{cx - s:.1f},{cy + s:.1f}" stroke-width="3"/>'
            )
        else:  # + marker
            mark = (
                f'<path class="shape" d="M{cx:.1f},{cy - s * 1.3:.1f} L{cx:.1f},{cy + s * 1.3:.1f} M{cx - s * 1.3:.1f},'
                f'{cy:.1f} L{cx + s * 1.3:.1f},{cy:.1f}" stroke-width="3"/>'
            )
        return f'<polygon class="shape" points="{pts}"/>{mark}'
    rect = (
        f'<rect class="shape" x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
        f'rx="{10 if t != "link" else 4}"/>'
    )
    if t == "subprocess":
        m = 10
        rect += (
            f'<rect class="shape" x="{cx - m / 2:.1f}" y="{b.y + b.h - m - 2:.1f}" width="{m}" height="{m}" '
            f'stroke-width="1"/><path class="shape" d="M{cx:.1f},{b.y + b.h - m:.1f} L{cx:.1f},{b.y + b.h - 4:.1f} '
            f'M{cx - 3:.1f},{b.y + b.h - m / 2 - 2:.1f} L{cx + 3:.1f},{b.y + b.h - m / 2 - 2:.1f}" stroke-width="1"/>'
        )
    return rect


def _node_svg(n: NodeGeom, extra_classes: str = "", lane: str = "", position: tuple[int, int] | None = None) -> str:
    b = n.box
    if n.type in ("task", "subprocess", "link"):
        offset = -5 if n.type == "subprocess" else 0
        label = _text_lines(b.cx, b.cy + offset, n.lines, 12.5)
    elif n.label_box is not None and any(n.lines):
        lb = n.label_box
        label = _text_lines(lb.cx, lb.cy, n.lines, 12)
    else:
        label = ""
    attrs = f" data-label={quoteattr(n.label)}"
    if n.calls:
        attrs += f" data-calls={quoteattr(n.calls)}"
    if n.target:
        attrs += f" data-target={quoteattr(n.target)}"
    if lane:
        attrs += f" data-lane={quoteattr(lane)}"
    if position:
        attrs += f' data-nr="{position[0]}" data-count="{position[1]}"'
    classes = f"node node-{n.type} org-{n.org}{extra_classes}"
    return (
        f'<g class="{classes}" id={quoteattr(n.id)}{attrs}><title>{escape(n.label)}</title>{_shape_svg(n)}{label}</g>'
    )


def arrow_polygon(tip: tuple[float, float], before: tuple[float, float], size: float = 8.0) -> str:
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    px, py = -uy * size * 0.45, ux * size * 0.45
    return (
        f'<polygon class="arrow" points="{tip[0]:.1f},{tip[1]:.1f} {bx + px:.1f},{by + py:.1f} '
        f'{bx - px:.1f},{by - py:.1f}"/>'
    )


def polyline_path(points: Sequence[tuple[float, float]], radius: float = 6.0) -> str:
    """SVG path data of an orthogonal polyline with rounded bends (as BPMN modelers draw flows)."""
    d = f"M{points[0][0]:.1f},{points[0][1]:.1f}"
    for i in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = points[i - 1], points[i], points[i + 1]
        r = min(radius, math.hypot(bx - ax, by - ay) / 2, math.hypot(cx - bx, cy - by) / 2)
        l1 = math.hypot(bx - ax, by - ay) or 1.0
        l2 = math.hypot(cx - bx, cy - by) or 1.0
        p1 = (bx - (bx - ax) / l1 * r, by - (by - ay) / l1 * r)
        p2 = (bx + (cx - bx) / l2 * r, by + (cy - by) / l2 * r)
        d += f" L{p1[0]:.1f},{p1[1]:.1f} Q{bx:.1f},{by:.1f} {p2[0]:.1f},{p2[1]:.1f}"
    return d + f" L{points[-1][0]:.1f},{points[-1][1]:.1f}"


def _edge_svg(e: EdgeGeom, extra_classes: str = "") -> str:
    if e.kind == "boundary" or len(e.points) < 2:
        return ""
    pts = list(e.points)
    arrow = ""
    if e.arrow:
        # the line stops at the arrow's base, so it does not poke through the arrowhead
        (px, py), (tx, ty) = pts[-2], pts[-1]
        length = math.hypot(tx - px, ty - py) or 1.0
        base = min(6.0, length)
        pts[-1] = (tx - (tx - px) / length * base, ty - (ty - py) / length * base)
        arrow = arrow_polygon((tx, ty), (px, py))
    d = polyline_path(pts)
    label = ""
    if e.label and e.label_box:
        lb = e.label_box
        label = (
            f'<rect class="edge-label-bg static" x="{lb.x:.1f}" y="{lb.y:.1f}" width="{lb.w:.1f}" '
            f'height="{lb.h:.1f}" rx="2"/>' + _text_lines(lb.cx, lb.cy, e.label_lines, 11, "edge-label")
        )
    orgs = " ".join(dict.fromkeys(f"org-{o}" for o in (e.from_org, e.to_org) if o))
    classes = f"edge kind-{e.kind} {orgs}{' handover' if e.handover else ''}{extra_classes}"
    title = f"<title>{escape(e.label)}</title>" if e.label else ""
    return (
        f'<g class="{classes}" id={quoteattr("edge-" + e.id)} data-source={quoteattr(e.source)} '
        f'data-target={quoteattr(e.target)}>{title}<path d="{d}"/>{arrow}{label}</g>'
    )


def render_svg(
    geometry: Geometry,
    *,
    title: str = "",
    mode: str = "themed",
    selected: str | None = None,
    path: Iterable[str] = (),
    faded: Iterable[str] = (),
    marks: Mapping[str, str] | None = None,
    numbers: Mapping[str, int] | None = None,
) -> str:
    """Draw a geometry. In print mode, `selected`, `path` and `faded` are resolved into the file.
    `marks` marks steps and flows for a comparison (see the module docstring). `numbers` (step id ->
    position in reading order) gives each step its "stap 3 van 17" for screen readers."""
    marks = marks or {}
    themed = mode == "themed"
    resolve = not themed
    path = list(path)
    on_path_nodes = set(path) if resolve else set()
    on_path_edges = {(a, b) for a, b in itertools.pairwise(path)} if resolve else set()
    faded_set = set(faded) if resolve else set()

    def fade_classes(obj_id: str, classes: Iterable[str]) -> bool:
        return obj_id in faded_set or any(c in faded_set for c in classes)

    orgs = {lane.org for lane in geometry.lanes} | {n.org for n in geometry.nodes}
    css = _base_css(themed) + _org_css(orgs, themed) + (_marks_css() if marks else "")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ltv-diagram ltv-{mode}" '
        f'viewBox="0 0 {geometry.width:.0f} {geometry.height:.0f}" width="{geometry.width:.0f}" '
        f'height="{geometry.height:.0f}" role="img" '
        f"aria-label={quoteattr('Procesdiagram: ' + (title or geometry.process))} "
        f"data-process={quoteattr(geometry.process)} data-direction={quoteattr(geometry.direction)}>",
        f"<title>{escape(title or geometry.process)}</title>",
        f"<style>{css}</style>",
    ]
    if marks:
        parts.append(_HATCH)
    if not themed:
        parts.append(
            f'<rect x="0" y="0" width="{geometry.width:.0f}" height="{geometry.height:.0f}" '
            f'fill="{PRINT_THEME["background"]}"/>'
        )
    parts.append('<g class="lanes">')
    for lane in geometry.lanes:
        svg = _lane_svg(lane)
        if resolve and fade_classes(f"lane-{lane.org}", [f"org-{lane.org}"]):
            svg = svg.replace('class="lane ', 'class="faded lane ', 1)
        parts.append(svg)
    parts.append('</g><g class="edges">')
    for e in geometry.edges:
        extra = ""
        if resolve:
            if (e.source, e.target) in on_path_edges:
                extra += " on-path"
            if (
                fade_classes("edge-" + e.id, [f"org-{e.from_org}", f"org-{e.to_org}"])
                or e.source in faded_set
                or e.target in faded_set
            ):
                extra += " faded"
        parts.append(_marked(_edge_svg(e, extra), marks.get("edge-" + e.id)))
    parts.append('</g><g class="nodes">')
    lane_names = {lane.org: lane.abbreviation for lane in geometry.lanes}
    numbers = numbers or {}
    for n in geometry.nodes:
        extra = ""
        if resolve:
            if n.id == selected:
                extra += " selected"
            if n.id in on_path_nodes:
                extra += " on-path"
            if fade_classes(n.id, [f"org-{n.org}"]):
                extra += " faded"
        nr = numbers.get(n.id)
        node_svg = _node_svg(n, extra, lane_names.get(n.org, n.org), (nr, len(numbers)) if nr else None)
        mark = marks.get(n.id)
        parts.append(_marked(node_svg, mark, _badge_svg(mark, n) if mark in MARKS else ""))
    parts.append('</g><g class="lane-headers">')
    for lane in geometry.lanes:
        faded_lane = resolve and fade_classes(f"lane-{lane.org}", [f"org-{lane.org}"])
        parts.append(
            _lane_header_svg(lane, geometry.header, geometry.direction == "vertical", " faded" if faded_lane else "")
        )
    parts.append("</g></svg>")
    return "".join(parts)
