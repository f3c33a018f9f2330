"""The process drawn on the Wijzigingen page: the new version plus its removed steps and flows as
ghosts, so one layout shows them where they were, next to what is new and what changed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from leidraad.drawing.geometry import Geometry
from leidraad.drawing.layout import layout_process
from leidraad.drawing.render import render_svg
from leidraad.model import Model, Node, Process
from leidraad.versions.diff import Json, find_renames, process_marks


def ghost_process(diff: Json, old: Process | None, new: Process) -> Process:
    """A copy of `new` with the removed steps of `old` and the removed flows between remaining steps.

    Nothing is mutated: the models may be shared (cached)."""
    entry = diff["processes"]["changed"].get(new.id)
    if old is None or entry is None:
        return new
    renames = find_renames(old, new)
    removed_steps = set(entry["steps"]["removed"])
    removed_flows = set(entry["flows"]["removed"])
    nodes: dict[str, Node] = {n.id: replace(n, flows=list(n.flows)) for n in new.nodes}
    for node in old.nodes:
        if node.id in removed_steps:
            nodes[node.id] = replace(node, flows=[])
    for node in old.nodes:
        source = nodes.get(renames.get(node.id, node.id))
        for flow in node.flows:
            if flow.id not in removed_flows or source is None:
                continue
            target = flow.target if flow.crosses_process else renames.get(flow.target, flow.target)
            if flow.crosses_process or target in nodes:
                source.flows.append(replace(flow, source=source.id, target=target))
    return replace(new, nodes=list(nodes.values()))


@dataclass(frozen=True)
class Comparison:
    """One process of the new version drawn with its changes marked (ghosts included)."""

    geometry: Geometry
    svg: str
    marks: dict[str, str]


def compare_drawing(diff: Json, old: Model, new: Model, process_id: str) -> Comparison | None:
    """The new version of a process with added, changed and removed steps and flows marked, laid out
    once with the removed ones in it; a removed process is drawn as it was, entirely removed."""
    before, after = old.processes.get(process_id), new.processes.get(process_id)
    if after is None and before is None:
        return None
    if after is None or before is None:
        whole = "removed" if after is None else "added"
        process = after or before
        assert process is not None
        geometry = layout_process(new if after else old, process)
        marks = {n.id: whole for n in process.nodes} | {f"edge-{f.id}": whole for f in process.flows}
    else:
        process = ghost_process(diff, before, after)
        geometry = layout_process(new, process)
        marks = process_marks(diff, process_id)
    svg = render_svg(geometry, title=process.title, mode="themed", marks=marks)
    return Comparison(geometry, svg, marks)
