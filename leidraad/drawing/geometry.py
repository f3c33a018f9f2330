"""The plain-data geometry a layout produces (boxes, nodes, lanes, edges), kept apart from the
Graphviz layout so the SVG renderer, filters and BPMN export can share it without the layout code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True)
class NodeGeom:
    id: str
    type: str  # node type, or 'link' for a link to/from another process
    org: str
    label: str
    lines: tuple[str, ...]
    box: Box  # the shape itself (gateways and events are small; their label sits outside)
    calls: str | None = None
    target: str | None = None  # for links: the 'process/step' they lead to
    interrupting: bool = True
    label_box: Box | None = None  # the external label of an event or gateway (an obstacle like a shape)


@dataclass(frozen=True)
class LaneGeom:
    org: str
    abbreviation: str
    name: str
    box: Box
    known: bool = True  # False when the organisation is not in the organisations file


@dataclass(frozen=True)
class EdgeGeom:
    id: str
    source: str
    target: str
    points: tuple[tuple[float, float], ...]  # orthogonal polyline: its vertices, source to target
    arrow: tuple[float, float] | None  # the arrow tip (the last point); None for connectors without arrow
    from_org: str
    to_org: str
    label: str | None = None
    label_pos: tuple[float, float] | None = None  # centre of label_box
    handover: bool = False
    kind: str = "flow"  # flow | link | boundary
    label_box: Box | None = None
    label_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Geometry:
    process: str
    width: float
    height: float
    lanes: tuple[LaneGeom, ...]
    nodes: tuple[NodeGeom, ...]
    edges: tuple[EdgeGeom, ...]
    direction: str = "horizontal"  # horizontal: lanes are rows, time runs right; vertical: lanes are columns
    label_font_px: float = 10.0  # label text size at scale 1
    header: float = 120.0  # the lane headers: a column this wide (horizontal) or a row this tall (vertical)
    node_index: dict[str, NodeGeom] = field(default_factory=dict, compare=False, repr=False)

    def node(self, node_id: str) -> NodeGeom | None:
        if not self.node_index:
            self.node_index.update({n.id: n for n in self.nodes})
        return self.node_index.get(node_id)

    def way_back(self, from_process: str, entry_step: str) -> list[str]:
        """The 'Van:' box that leads from `from_process` into `entry_step`, then the step: what a cross-process
        link highlights when it lands here (the diagram marks the two and the flow between them)."""
        for edge in self.edges:
            source = self.node(edge.source)
            if (
                edge.target == entry_step
                and source is not None
                and source.type == "link"
                and (source.target or "").split("/")[0] == from_process
            ):
                return [source.id, entry_step]
        return []
