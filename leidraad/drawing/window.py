"""The part of a drawing around some steps, for paper: a window that holds those steps with some
room around them, covers whole lanes, and cuts through no shape and no label.

The case hand-out prints only the part of each process a case walks through. Cutting the drawing
at the walked steps' own boxes cut through the labels of their neighbours (a label under an event
or a gateway is wider than its shape), so the window grows until no box straddles its edges."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from leidraad.drawing.geometry import Box, Geometry

MARGIN = 60.0  # drawing units of context beside the first and the last of the steps


def _boxes(geometry: Geometry) -> list[Box]:
    """Everything a cut must not pass through: shapes, external labels and flow labels."""
    out = [n.box for n in geometry.nodes]
    out += [n.label_box for n in geometry.nodes if n.label_box]
    out += [e.label_box for e in geometry.edges if e.label_box]
    return out


def _grow(lo: float, hi: float, spans: list[tuple[float, float]]) -> tuple[float, float]:
    """Widen [lo, hi] until no span straddles one of its ends (a span may be wholly in or out)."""
    changed = True
    while changed:
        changed = False
        for a, b in spans:
            if a < lo < b:
                lo, changed = a, True
            if a < hi < b:
                hi, changed = b, True
    return lo, hi


def steps_window(geometry: Geometry, step_ids: Iterable[str], margin: float = MARGIN) -> Box | None:
    """The window (drawing units) around `step_ids`: along the flow from the first to the last of
    them plus `margin`; across it, the whole lanes from the first to the last lane they are in. The
    edges pass through no shape and no label. None when none of the steps is in the drawing."""
    wanted = set(step_ids)
    shown = [n for n in geometry.nodes if n.id in wanted]
    if not shown:
        return None
    vertical = geometry.direction == "vertical"
    # along the flow: x when horizontal, y when vertical; across it: the other axis
    along_of, across_of = (_y_span, _x_span) if vertical else (_x_span, _y_span)
    own = [along_of(n.box) for n in shown] + [along_of(n.label_box) for n in shown if n.label_box]
    walked_orgs = {n.org for n in shown}
    lanes = [across_of(lane.box) for lane in geometry.lanes if lane.org in walked_orgs]
    every = [across_of(lane.box) for lane in geometry.lanes]
    boxes = _boxes(geometry)
    along = _grow(min(a for a, _ in own) - margin, max(b for _, b in own) + margin, [along_of(b) for b in boxes])
    across = _grow(min(a for a, _ in lanes), max(b for _, b in lanes), [across_of(b) for b in boxes])
    size_along, size_across = (geometry.height, geometry.width) if vertical else (geometry.width, geometry.height)
    # the drawing's own border belongs to the outermost lanes
    lo_across = 0.0 if across[0] <= min(a for a, _ in every) else across[0]
    hi_across = size_across if across[1] >= max(b for _, b in every) else across[1]
    lo_along, hi_along = max(0.0, along[0]), min(size_along, along[1])
    if vertical:
        return Box(lo_across, lo_along, hi_across - lo_across, hi_along - lo_along)
    return Box(lo_along, lo_across, hi_along - lo_along, hi_across - lo_across)


def _x_span(box: Box) -> tuple[float, float]:
    return box.x, box.x + box.w


def _y_span(box: Box) -> tuple[float, float]:
    return box.y, box.y + box.h


def _inside(box: Box, window: Box) -> bool:
    return (
        box.x >= window.x - 0.5
        and box.y >= window.y - 0.5
        and box.x + box.w <= window.x + window.w + 0.5
        and box.y + box.h <= window.y + window.h + 0.5
    )


def within(geometry: Geometry, window: Box) -> Geometry:
    """The drawing with only what lies inside `window`: the steps (with their labels), the flow
    labels and the lanes in it. Flows stay whole (the window clips their lines), so the cut shows
    where the process goes on; no text outside the window is left to print, hidden, on paper."""
    nodes = tuple(
        n for n in geometry.nodes if _inside(n.box, window) and (n.label_box is None or _inside(n.label_box, window))
    )
    edges = tuple(
        e
        if e.label_box is None or _inside(e.label_box, window)
        else replace(e, label=None, label_pos=None, label_box=None, label_lines=())
        for e in geometry.edges
    )

    def overlaps(lane: Box) -> bool:
        if geometry.direction == "vertical":
            return lane.x + lane.w > window.x and lane.x < window.x + window.w
        return lane.y + lane.h > window.y and lane.y < window.y + window.h

    lanes = tuple(lane for lane in geometry.lanes if overlaps(lane.box))
    return replace(geometry, nodes=nodes, edges=edges, lanes=lanes, node_index={})


__all__ = ["MARGIN", "steps_window", "within"]
