"""The organisation and target-group lens: which steps of a process match, and what fades.

A step matches an organisation filter when one of the chosen organisations is responsible for it or
involved in it; it matches a target group when it names that group, or names none (then it applies
to everyone; a process's own target groups count for steps that name none)."""

from __future__ import annotations

from collections.abc import Collection

from .layout import Geometry
from .model import Node, Process


def step_matches(process: Process, node: Node, orgs: Collection[str], target_group: str | None) -> bool:
    if orgs and node.org not in orgs and not any(i.org in orgs for i in node.involved):
        return False
    groups = node.target_groups or process.target_groups
    return not target_group or not groups or target_group in groups


def matching_steps(process: Process, orgs: Collection[str], target_group: str | None) -> list[Node]:
    return [n for n in process.nodes if step_matches(process, n, orgs, target_group)]


def faded_ids(process: Process, geometry: Geometry, orgs: Collection[str], target_group: str | None) -> list[str]:
    """Ids for the diagram to fade: steps that do not match, links and lanes of other organisations.
    Flows fade with either end (the diagram does that from the step ids)."""
    if not orgs and not target_group:
        return []
    matching = {n.id for n in matching_steps(process, orgs, target_group)}
    faded = [n.id for n in process.nodes if n.id not in matching]
    if orgs:
        faded += [n.id for n in geometry.nodes if n.type == "link" and n.org not in orgs]
        faded += [f"{prefix}-{lane.org}" for lane in geometry.lanes if lane.org not in orgs
                  for prefix in ("lane", "lane-head")]
    return faded
