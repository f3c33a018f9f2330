"""networkx views of the model and the queries the UI and exports need.

Graph nodes are step references 'process/step'. Edge kinds: 'flow' (a sequence flow, also across
processes), 'boundary' (host -> attached boundary event), 'calls' (subprocess -> called start) and
'returns' (called end -> what follows the subprocess).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import islice

import networkx as nx

from leidraad.model import Model, Process


def ref(process_id: str, step_id: str) -> str:
    return f"{process_id}/{step_id}"


def target_ref(process: Process, target: str) -> str:
    return target if "/" in target else ref(process.id, target)


@dataclass(frozen=True)
class HandoverRecord:
    """A flow whose ends belong to different organisations (a koppelvlak)."""

    process: str
    flow_id: str
    from_step: str
    to_step: str
    from_org: str
    to_org: str
    what: str | None
    via: str | None
    when: str | None

    @property
    def crosses_process(self) -> bool:
        return self.from_step.split("/")[0] != self.to_step.split("/")[0]


def process_graph(process: Process) -> nx.DiGraph:
    """Only this process's own nodes; flows leaving the process are left out."""
    g: nx.DiGraph = nx.DiGraph()
    for node in process.nodes:
        g.add_node(node.id, node=node)
    for node in process.nodes:
        if node.type == "boundary" and node.attached_to and node.attached_to in g:
            g.add_edge(node.attached_to, node.id, kind="boundary")
        for flow in node.flows:
            if not flow.crosses_process and flow.target in g:
                g.add_edge(node.id, flow.target, kind="flow", flow=flow)
    return g


def chain_graph(model: Model) -> nx.MultiDiGraph:
    """The whole chain: every process's nodes, linked by flows, calls and returns."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for process in model.processes.values():
        for node in process.nodes:
            g.add_node(ref(process.id, node.id), process=process.id, node=node)
    for process in model.processes.values():
        for node in process.nodes:
            here = ref(process.id, node.id)
            if node.type == "boundary" and node.attached_to:
                host = ref(process.id, node.attached_to)
                if host in g:
                    g.add_edge(host, here, kind="boundary")
            for flow in node.flows:
                there = target_ref(process, flow.target)
                if there in g:
                    g.add_edge(here, there, kind="flow", flow=flow)
            called = model.processes.get(node.calls or "")
            if node.type == "subprocess" and called:
                followers = [target_ref(process, f.target) for f in node.flows]
                for inner in called.nodes:
                    if inner.type == "start":
                        g.add_edge(here, ref(called.id, inner.id), kind="calls")
                    if inner.type == "end" and not inner.flows:
                        for follower in followers:
                            if follower in g:
                                g.add_edge(ref(called.id, inner.id), follower, kind="returns")
    return g


def follows(graph: nx.MultiDiGraph, a: str, b: str, through: Collection[str]) -> bool:
    """Whether `b` follows `a` in the chain graph directly or only via nodes of the types in `through`.
    A step that is not in the graph (its file did not load) follows nothing and is followed by nothing."""
    if a not in graph:
        return False
    seen, frontier = {a}, [a]
    while frontier:
        current = frontier.pop()
        for succ in graph.successors(current):
            if succ == b:
                return True
            node = graph.nodes[succ].get("node")
            if succ not in seen and node is not None and node.type in through:
                seen.add(succ)
                frontier.append(succ)
    return False


def handovers(model: Model) -> list[HandoverRecord]:
    result = []
    for process in model.process_list():
        for node in process.nodes:
            for flow in node.flows:
                resolved = model.resolve_step(flow.target, process.id)
                if not resolved:
                    continue
                target = resolved[1]
                if target.org and node.org and target.org != node.org:
                    result.append(
                        HandoverRecord(
                            process=process.id,
                            flow_id=flow.id,
                            from_step=ref(process.id, node.id),
                            to_step=ref(resolved[0].id, target.id),
                            from_org=node.org,
                            to_org=target.org,
                            what=flow.handover.what if flow.handover else None,
                            via=flow.handover.via if flow.handover else None,
                            when=flow.when,
                        )
                    )
    return result


def handovers_between(model: Model, from_org: str | None = None, to_org: str | None = None) -> list[HandoverRecord]:
    """Handovers from one organisation to another (either side may be left open)."""
    return [
        h
        for h in handovers(model)
        if (from_org is None or h.from_org == from_org) and (to_org is None or h.to_org == to_org)
    ]


@dataclass(frozen=True)
class StepInvolvement:
    process: str
    step: str
    role: str  # 'verantwoordelijk' or one of the involvement roles
    how: str | None = None


def steps_of_org(model: Model, org: str) -> list[StepInvolvement]:
    """Every step an organisation is responsible for or involved in, in chronological order."""
    result = []
    for process in model.process_list():
        for node in process.nodes:
            if node.org == org:
                result.append(StepInvolvement(process.id, node.id, "verantwoordelijk"))
            for inv in node.involved:
                if inv.org == org:
                    result.append(StepInvolvement(process.id, node.id, inv.role, inv.how))
    return result


def next_steps(model: Model, step_ref: str) -> list[str]:
    g = chain_graph(model)
    return list(dict.fromkeys(g.successors(step_ref))) if step_ref in g else []


def previous_steps(model: Model, step_ref: str) -> list[str]:
    g = chain_graph(model)
    return list(dict.fromkeys(g.predecessors(step_ref))) if step_ref in g else []


def paths(process: Process, limit: int = 50) -> list[list[str]]:
    """Simple paths from each start to each end of one process, at most `limit` of them."""
    g = process_graph(process)
    starts = [n.id for n in process.nodes if n.type == "start"]
    ends = [n.id for n in process.nodes if n.type == "end" or any(f.crosses_process for f in n.flows)]

    def generate() -> Iterator[list[str]]:
        for s in starts:
            for e in ends:
                if s == e:
                    yield [s]
                else:
                    yield from nx.all_simple_paths(g, s, e)

    return list(islice(generate(), limit))
