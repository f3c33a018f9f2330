"""The koppelvlakken between organisations: the sender × receiver matrix of handovers and the chain
map (organisations as nodes, handovers as weighted edges), both as data and as clickable SVG.

The SVGs follow the diagram conventions (`g.node` with an id, `g.edge` with data-source/target,
themed colours through Streamlit's CSS variables) so the app's diagram component can show them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from leidraad.drawing.graphviz_run import dot_quote, graphviz_json, parse_floats, parse_spline
from leidraad.drawing.plain_diagram import FONT
from leidraad.drawing.render import arrow_polygon, themed_org_colour
from leidraad.model import Model
from leidraad.queries.graph import HandoverRecord, handovers


@dataclass(frozen=True)
class Matrix:
    orgs: tuple[str, ...]  # organisations that send or receive at least one handover, in file order
    counts: dict[tuple[str, str], int]  # (from_org, to_org) -> number of handovers

    @property
    def maximum(self) -> int:
        return max(self.counts.values(), default=0)

    def top_pairs(self, n: int = 3) -> list[tuple[str, str, int]]:
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(a, b, c) for (a, b), c in ranked[:n]]


def handover_matrix(model: Model, records: list[HandoverRecord] | None = None) -> Matrix:
    records = handovers(model) if records is None else records
    counts = Counter((h.from_org, h.to_org) for h in records)
    involved = {o for pair in counts for o in pair}
    order = [o for o in model.organisations if o in involved] + sorted(involved - set(model.organisations))
    return Matrix(tuple(order), dict(counts))


def cell_id(from_org: str, to_org: str) -> str:
    return f"cel--{from_org}--{to_org}"


def parse_cell_id(value: str) -> tuple[str, str] | None:
    parts = value.split("--")
    return (parts[1], parts[2]) if len(parts) == 3 and parts[0] == "cel" else None


_THEMED = {
    "text": "var(--st-text-color, #31333F)",
    "bg": "var(--st-background-color, #FFFFFF)",
    "grid": "var(--st-secondary-background-color, #F0F2F6)",
    "shade": "var(--st-primary-color, #FF4B4B)",
}


def matrix_svg(model: Model, matrix: Matrix, cell: float = 34.0) -> str:
    """Rows are senders (van), columns receivers (naar); darker cells have more handovers."""
    abbr = {o: (model.organisations[o].abbreviation if o in model.organisations else o) for o in matrix.orgs}
    head = max((len(a) for a in abbr.values()), default=4) * 6.5 + 16
    n = len(matrix.orgs)
    width, height = head * 1.6 + n * cell + 8, head + n * cell + 8  # room for the slanted last labels
    peak = matrix.maximum or 1
    t = _THEMED
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ltv-diagram ltv-matrix" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-label="Overdrachten tussen organisaties: rijen geven over, kolommen ontvangen">',
        f"<style>.ltv-matrix text{{font-family:{FONT},sans-serif;font-size:11px;fill:{t['text']}}}"
        f".ltv-matrix .cell rect{{stroke:{t['grid']};stroke-width:1}}"
        f".ltv-matrix .cell text{{font-weight:bold;text-anchor:middle}}"
        f".ltv-matrix .cell text.dark{{fill:#FFFFFF}}"
        f".ltv-matrix .empty{{fill:{t['bg']};stroke:{t['grid']}}}"
        f".ltv-matrix .node.selected rect{{stroke:{t['text']};stroke-width:3}}</style>",
        f'<text x="{head - 6:.0f}" y="12" text-anchor="end" class="static">van ↓ · naar →</text>',
    ]
    for j, org in enumerate(matrix.orgs):
        x = head + j * cell + cell / 2
        parts.append(
            f'<text class="static" transform="translate({x:.1f},{head - 6:.1f}) rotate(-60)">{escape(abbr[org])}</text>'
        )
    for i, src in enumerate(matrix.orgs):
        y = head + i * cell
        parts.append(
            f'<text class="static" x="{head - 6:.1f}" y="{y + cell / 2 + 4:.1f}" text-anchor="end">'
            f"{escape(abbr[src])}</text>"
        )
        for j, dst in enumerate(matrix.orgs):
            x = head + j * cell
            count = matrix.counts.get((src, dst), 0)
            if not count:
                parts.append(f'<rect class="empty static" x="{x:.1f}" y="{y:.1f}" width="{cell}" height="{cell}"/>')
                continue
            share = count / peak
            opacity = 0.12 + 0.78 * share
            label = f"{abbr[src]} → {abbr[dst]}: {count} overdracht{'en' if count != 1 else ''}"
            dark = ' class="dark"' if opacity > 0.55 else ""
            parts.append(
                f'<g class="node cell" id="{cell_id(src, dst)}" data-label={quoteattr(label)}>'
                f"<title>{escape(label)}</title>"
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell}" height="{cell}" fill="{t["shade"]}" '
                f'fill-opacity="{opacity:.2f}"/>'
                f'<text x="{x + cell / 2:.1f}" y="{y + cell / 2 + 4:.1f}"{dark}>'
                f"{count}</text></g>"
            )
    parts.append("</svg>")
    return "".join(parts)


def chain_map_svg(model: Model, matrix: Matrix) -> str:
    """Organisations as nodes, handovers as edges whose width grows with their number."""
    if not matrix.orgs:
        return '<svg xmlns="http://www.w3.org/2000/svg" class="ltv-diagram" viewBox="0 0 10 10"></svg>'
    lines = [
        "digraph K {",
        f"graph [layout=circo mindist=0.9 fontname={dot_quote(FONT)}];",
        'node [shape=box style=rounded fixedsize=true width=1.1 height=0.45 label=""]; edge [label=""];',
    ]
    for org in matrix.orgs:
        lines.append(f"{dot_quote(org)};")
    pairs = sorted(matrix.counts.items())
    for i, ((a, b), count) in enumerate(pairs):
        if a != b:
            lines.append(f'{dot_quote(a)} -> {dot_quote(b)} [id="e{i}" label="{count}"];')
    lines.append("}")
    out = json.loads(graphviz_json("circo", "\n".join(lines)))
    x0, y0, x1, y1 = parse_floats(out["bb"])
    height = y1 - y0
    t = _THEMED
    peak = matrix.maximum or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ltv-diagram ltv-chain" viewBox="{x0:.0f} {-8:.0f} '
        f'{x1 - x0:.0f} {height + 16:.0f}" width="{x1 - x0:.0f}" height="{height + 16:.0f}" role="img" '
        f'aria-label="Ketenkaart: organisaties en de overdrachten tussen hen">',
        f"<style>.ltv-chain text{{font-family:{FONT},sans-serif;font-size:11px;fill:{t['text']}}}"
        f".ltv-chain .edge path{{fill:none;stroke:{t['text']};stroke-opacity:.45}}"
        f".ltv-chain .edge .arrow{{fill:{t['text']};fill-opacity:.6}}"
        f".ltv-chain .edge text{{font-size:9px}}"
        f".ltv-chain .node rect{{fill:{t['bg']};stroke-width:2}}"
        f".ltv-chain .node text{{font-weight:bold;text-anchor:middle}}</style>",
    ]
    edges = []
    for e in out.get("edges", []):
        idx = int(str(e.get("id", "e-1"))[1:])
        (a, b), count = pairs[idx]
        points, arrow = parse_spline(e["pos"], height)
        if not points:
            continue
        d = f"M{points[0][0]:.1f},{points[0][1]:.1f}" + "".join(
            f" C{p1[0]:.1f},{p1[1]:.1f} {p2[0]:.1f},{p2[1]:.1f} {p3[0]:.1f},{p3[1]:.1f}"
            for p1, p2, p3 in zip(points[1::3], points[2::3], points[3::3], strict=False)
        )
        tip = ""
        if arrow:
            d += f" L{arrow[0]:.1f},{arrow[1]:.1f}"
            tip = arrow_polygon(arrow, points[-1])
        label = ""
        if "lp" in e:
            lx, ly = parse_floats(e["lp"])
            label = f'<text x="{lx:.1f}" y="{height - ly + 3:.1f}" text-anchor="middle">{count}</text>'
        edges.append(
            f'<g class="edge org-{a} org-{b}" id="edge-{a}--{b}" data-source="{a}" data-target="{b}">'
            f"<title>{count} overdracht(en)</title>"
            f'<path d="{d}" stroke-width="{1 + 5 * count / peak:.1f}"/>'
            f"{tip}{label}</g>"
        )
    parts += edges
    for obj in out.get("objects", []):
        org = obj.get("name")
        if org not in matrix.orgs or "pos" not in obj:
            continue
        x, y = parse_floats(obj["pos"])
        y = height - y
        w, h = 79.2, 32.4
        entity = model.organisations.get(org)
        abbr = entity.abbreviation if entity else org
        name = entity.name if entity else org
        parts.append(
            f'<g class="node org-{org}" id={quoteattr(org)} data-label={quoteattr(name)}>'
            f"<title>{escape(name)}</title>"
            f'<rect x="{x - w / 2:.1f}" y="{y - h / 2:.1f}" width="{w}" height="{h}" rx="8" '
            f'stroke="{themed_org_colour(org)}"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}">{escape(abbr[:14])}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
