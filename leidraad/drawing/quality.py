"""Layout quality of a geometry, measured the same way for the tests, `leidraad bench --layout` and
docs/layout.md: crossing pairs, flows through a foreign shape or a label, label overlaps, flows on
top of each other, orthogonality, size and the scale a screen needs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import combinations

from leidraad.drawing.geometry import Box, EdgeGeom, Geometry

Segment = tuple[tuple[float, float], tuple[float, float]]
EPS = 0.5  # px: touching within this is not a cut
SCREENS = (1366, 1920)


@dataclass(frozen=True)
class Quality:
    crossings: int  # pairs of flows without a shared end whose lines cross
    through_shape: int  # flows that run through a shape that is not one of their ends
    through_label: int  # flows that run through an external label or another flow's label
    label_overlaps: int  # flow labels that overlap a shape or another label
    overlapping_flows: int  # pairs of flows without a shared end drawn on top of each other
    not_orthogonal: int  # flows with a segment that is neither horizontal nor vertical
    width: float
    height: float
    scale_1366: float
    scale_1920: float
    label_px_1366: float
    label_px_1920: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def segments(edge: EdgeGeom) -> list[Segment]:
    return list(zip(edge.points, edge.points[1:], strict=False))


def _cuts(seg: Segment, box: Box, eps: float = EPS) -> bool:
    """Does an axis-parallel (or any, by its bounding box) segment enter the inside of the box?"""
    (x1, y1), (x2, y2) = seg
    lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
    return lo_x < box.x + box.w - eps and hi_x > box.x + eps and lo_y < box.y + box.h - eps and hi_y > box.y + eps


def _boxes_overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w - EPS and b.x < a.x + a.w - EPS and a.y < b.y + b.h - EPS and b.y < a.y + a.h - EPS


def _cross(s: Segment, t: Segment) -> bool:
    (ax1, ay1), (ax2, ay2) = s
    (bx1, by1), (bx2, by2) = t
    s_h, t_h = abs(ay1 - ay2) < 0.01, abs(by1 - by2) < 0.01
    if s_h == t_h:
        return False
    if not s_h:
        (ax1, ay1), (ax2, ay2), (bx1, by1), (bx2, by2) = (bx1, by1), (bx2, by2), (ax1, ay1), (ax2, ay2)
    # s horizontal at ay1, t vertical at bx1
    return min(ax1, ax2) + EPS < bx1 < max(ax1, ax2) - EPS and min(by1, by2) + EPS < ay1 < max(by1, by2) - EPS


def _on_top(s: Segment, t: Segment) -> bool:
    (ax1, ay1), (ax2, ay2) = s
    (bx1, by1), (bx2, by2) = t
    if abs(ay1 - ay2) < 0.01 and abs(by1 - by2) < 0.01 and abs(ay1 - by1) < 1.0:
        return min(max(ax1, ax2), max(bx1, bx2)) - max(min(ax1, ax2), min(bx1, bx2)) > 1.0
    if abs(ax1 - ax2) < 0.01 and abs(bx1 - bx2) < 0.01 and abs(ax1 - bx1) < 1.0:
        return min(max(ay1, ay2), max(by1, by2)) - max(min(ay1, ay2), min(by1, by2)) > 1.0
    return False


def measure(geometry: Geometry) -> Quality:
    flows = [e for e in geometry.edges if e.kind != "boundary" and len(e.points) >= 2]
    segs = {e.id: segments(e) for e in flows}
    crossings = overlapping = 0
    for a, b in combinations(flows, 2):
        if {a.source, a.target} & {b.source, b.target}:
            continue
        if _bbox_apart(a, b):
            continue
        pairs = [(s, t) for s in segs[a.id] for t in segs[b.id]]
        if any(_cross(s, t) for s, t in pairs):
            crossings += 1
        if any(_on_top(s, t) for s, t in pairs):
            overlapping += 1
    through_shape = through_label = 0
    node_labels = [n.label_box for n in geometry.nodes if n.label_box is not None]
    for e in flows:
        ends = {e.source, e.target}
        if any(
            n.id not in ends and n.type != "boundary" and any(_cuts(s, n.box) for s in segs[e.id])
            for n in geometry.nodes
        ):
            through_shape += 1
        other_labels = [o.label_box for o in flows if o.id != e.id and o.label_box is not None]
        if any(any(_cuts(s, box) for s in segs[e.id]) for box in node_labels + other_labels):
            through_label += 1
    label_overlaps = 0
    edge_labels = [e.label_box for e in flows if e.label_box is not None]
    for i, box in enumerate(edge_labels):
        others = node_labels + edge_labels[:i] + edge_labels[i + 1 :] + [n.box for n in geometry.nodes]
        if any(_boxes_overlap(box, o) for o in others):
            label_overlaps += 1
    not_orthogonal = sum(
        any(abs(x1 - x2) > 0.05 and abs(y1 - y2) > 0.05 for (x1, y1), (x2, y2) in segs[e.id]) for e in flows
    )
    s1366, s1920 = (min(1.0, screen / geometry.width) if geometry.width else 1.0 for screen in SCREENS)
    font = geometry.label_font_px
    return Quality(
        crossings,
        through_shape,
        through_label,
        label_overlaps,
        overlapping,
        not_orthogonal,
        geometry.width,
        geometry.height,
        round(s1366, 3),
        round(s1920, 3),
        round(font * s1366, 1),
        round(font * s1920, 1),
    )


def _bbox_apart(a: EdgeGeom, b: EdgeGeom) -> bool:
    ax = [p[0] for p in a.points]
    ay = [p[1] for p in a.points]
    bx = [p[0] for p in b.points]
    by = [p[1] for p in b.points]
    return max(ax) < min(bx) or max(bx) < min(ax) or max(ay) < min(by) or max(by) < min(ay)
