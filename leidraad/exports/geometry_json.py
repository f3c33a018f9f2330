"""The laid-out drawing as JSON (`leidraad export geometry`): the public geometry contract of
docs/layout.md. Coordinates are the drawing's own units (points at scale 1), origin top-left, y down."""

from __future__ import annotations

from typing import Any

from leidraad.drawing.geometry import Box, Geometry

FORMAT_VERSION = 1


def _box(box: Box | None) -> dict[str, float] | None:
    if box is None:
        return None
    return {"x": round(box.x, 1), "y": round(box.y, 1), "w": round(box.w, 1), "h": round(box.h, 1)}


def geometry_to_dict(geometry: Geometry) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "process": geometry.process,
        "direction": geometry.direction,
        "width": geometry.width,
        "height": geometry.height,
        "label_font_px": geometry.label_font_px,
        "lanes": [{"org": lane.org, **(_box(lane.box) or {})} for lane in geometry.lanes],
        "nodes": [
            {"id": n.id, "type": n.type, "org": n.org, **(_box(n.box) or {}), "label": _box(n.label_box)}
            for n in geometry.nodes
        ],
        "edges": [
            {
                "id": e.id,
                "source": e.source,
                "target": e.target,
                "kind": e.kind,
                "points": [[round(x, 1), round(y, 1)] for x, y in e.points],
                "label": _box(e.label_box),
            }
            for e in geometry.edges
            if e.kind != "boundary"
        ],
    }
