"""The process drawn on the Wijzigingen page: the new version plus its removed steps and flows as
ghosts, so one layout shows them where they were, next to what is new and what changed."""

from __future__ import annotations

from dataclasses import replace

from leidraad.model import Node, Process
from leidraad.versions.diff import Json, find_renames


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
