"""The organisation and target-group lens: which steps of a process match (drawing.fading fades the rest).

A step matches an organisation filter when one of the chosen organisations is responsible for it or
involved in it; it matches a target group when it names that group, or names none (then it applies
to everyone; a process's own target groups count for steps that name none)."""

from __future__ import annotations

from collections.abc import Collection

from leidraad.model import Node, Process


def step_matches(process: Process, node: Node, orgs: Collection[str], target_group: str | None) -> bool:
    if orgs and node.org not in orgs and not any(i.org in orgs for i in node.involved):
        return False
    groups = node.target_groups or process.target_groups
    return not target_group or not groups or target_group in groups


def matching_steps(process: Process, orgs: Collection[str], target_group: str | None) -> list[Node]:
    return [n for n in process.nodes if step_matches(process, n, orgs, target_group)]


def organisations_in(process: Process, known: Collection[str]) -> list[str]:
    """Every organisation responsible for or involved in a step of the process: the lanes first, in
    their order, then the involved ones in the order of `known` (the model's organisations)."""
    present = {n.org for n in process.nodes} | {i.org for n in process.nodes for i in n.involved}
    lanes = [o for o in process.lanes if o in present]
    return lanes + [o for o in known if o in present and o not in lanes]
