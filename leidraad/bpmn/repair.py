"""Make an imported draft obey our rules where BPMN is more lenient, and say what was changed.

BPMN allows processes without start or end events (implicit starts and ends), unlabeled outcomes
of a decision, a gateway that only passes through, and boundary events on events. Our checker does
not, so the import adds a start or end where one is needed, labels outcomes after their target,
and turns pass-through gateways into intermediate events. Every change is reported.
"""

from __future__ import annotations

import networkx as nx

from leidraad.bpmn.draft import DraftNode, DraftProcess

HOSTS = ("task", "subprocess")


def repair_process(process: DraftProcess, all_processes: list[DraftProcess]) -> list[str]:
    """Repair `process` in place; returns one message per change."""
    notes: list[str] = []
    where = f"process '{process.id}'"
    _drop_dangling_flows(process, all_processes, notes, where)
    _boundaries(process, notes, where)
    _starts_and_ends(process, notes, where)
    _reachability(process, all_processes, notes, where)
    _gateways(process, notes, where)
    return notes


def _drop_dangling_flows(
    process: DraftProcess, all_processes: list[DraftProcess], notes: list[str], where: str
) -> None:
    steps = {(p.id, n) for p in all_processes for n in p.nodes}
    keep = []
    for flow in process.flows:
        target = tuple(flow.target.split("/", 1)) if flow.crosses else (process.id, flow.target)
        if flow.source in process.nodes and target in steps:
            keep.append(flow)
        else:
            notes.append(f"{where}: flow '{flow.id}' to '{flow.target}' leads nowhere: left out")
    process.flows = keep


def _boundaries(process: DraftProcess, notes: list[str], where: str) -> None:
    for node in list(process.nodes.values()):
        if node.type != "boundary":
            continue
        host = process.nodes.get(node.attached_to or "")
        if host is None:
            notes.append(f"{where}: boundary event '{node.label}' is attached to nothing we imported: left out")
            del process.nodes[node.id]
            process.flows = [f for f in process.flows if f.source != node.id and f.target != node.id]
            continue
        if host.type not in HOSTS:
            notes.append(f"{where}: boundary event '{node.label}' sits on a {host.type}: imported as an event after it")
            node.type, node.attached_to = "event", None
            process.add_flow(host.id, node.id)
            continue
        incoming = process.incoming(node.id)
        if incoming:
            notes.append(f"{where}: flows into boundary event '{node.label}' left out (it starts from its host)")
            process.flows = [f for f in process.flows if f not in incoming]


def _starts_and_ends(process: DraftProcess, notes: list[str], where: str) -> None:
    for node in process.nodes.values():
        if node.type == "start" and process.incoming(node.id):
            notes.append(f"{where}: start event '{node.label}' has incoming flows: imported as an intermediate event")
            node.type = "event"
        elif node.type == "end" and any(not f.crosses for f in process.outgoing(node.id)):
            notes.append(f"{where}: end event '{node.label}' has outgoing flows: imported as an intermediate event")
            node.type = "event"


def _graph(process: DraftProcess) -> nx.DiGraph:
    g: nx.DiGraph = nx.DiGraph()
    g.add_nodes_from(process.nodes)
    for flow in process.flows:
        if not flow.crosses:
            g.add_edge(flow.source, flow.target)
    for node in process.nodes.values():
        if node.type == "boundary" and node.attached_to in process.nodes:
            g.add_edge(node.attached_to, node.id)
    return g


def _generated(process: DraftProcess, kind: str, org: str) -> DraftNode:
    node_id = process.new_node_id(kind)
    label = "Start" if kind == "start" else "Einde"
    node = DraftNode(
        node_id,
        kind,
        label,
        org,
        generated=True,
        description="Toegevoegd bij de import: het BPMN-model had hier geen expliciete "
        f"{'start' if kind == 'start' else 'einde'}.",
    )
    process.nodes[node_id] = node
    return node


def _reachability(process: DraftProcess, all_processes: list[DraftProcess], notes: list[str], where: str) -> None:
    entries = {n.id for n in process.nodes.values() if n.type == "start"}
    for other in all_processes:
        for flow in other.flows:
            if flow.crosses and other is not process and flow.target.split("/", 1)[0] == process.id:
                entries.add(flow.target.split("/", 1)[1])
    start: DraftNode | None = None
    if not any(n.type == "start" for n in process.nodes.values()):
        first = next(iter(process.nodes.values()))
        start = _generated(process, "start", first.org)
        entries.add(start.id)
        notes.append(f"{where}: no start event: one added")
    while True:
        g = _graph(process)
        reached: set[str] = set()
        for entry in entries & set(g):
            reached |= {entry} | nx.descendants(g, entry)
        missing = [n for n in process.nodes.values() if n.id not in reached and n.type != "boundary"]
        if not missing:
            break
        roots = [n for n in missing if g.in_degree(n.id) == 0] or missing[:1]
        if start is None:
            start = _generated(process, "start", roots[0].org)
            entries.add(start.id)
        for root in roots:
            process.add_flow(start.id, root.id)
            notes.append(f"{where}: '{root.label}' could not be reached: a flow from a start event added")
    exits = {n.id for n in process.nodes.values() if n.type == "end" or any(f.crosses for f in process.outgoing(n.id))}
    end: DraftNode | None = None
    while True:
        g = _graph(process)
        finishing: set[str] = set()
        for exit_ in exits & set(g):
            finishing |= {exit_} | nx.ancestors(g, exit_)
        stuck = [n for n in process.nodes.values() if n.id not in finishing]
        if not stuck:
            break
        leaves = [n for n in stuck if g.out_degree(n.id) == 0] or stuck[:1]
        if end is None:
            end = _generated(process, "end", leaves[0].org)
            exits.add(end.id)
        for leaf in leaves:
            if leaf is end:
                continue
            process.add_flow(leaf.id, end.id)
            notes.append(f"{where}: '{leaf.label}' led nowhere: a flow to an end event added")


def _gateways(process: DraftProcess, notes: list[str], where: str) -> None:
    for node in process.nodes.values():
        if node.type not in ("gateway", "parallel"):
            continue
        out = process.outgoing(node.id)
        incoming = process.incoming(node.id)
        if len(out) >= 2:
            if node.type == "gateway" and any(not f.when for f in out):
                for flow in out:
                    if not flow.when:
                        flow.when = _target_label(process, flow.target)
                notes.append(f"{where}: unlabelled outcomes of '{node.label}' named after where they lead")
        elif len(incoming) < 2:
            notes.append(f"{where}: gateway '{node.label}' neither splits nor joins: imported as an intermediate event")
            node.type = "event"
            node.trigger = None


def _target_label(process: DraftProcess, target: str) -> str:
    if "/" in target:
        return f"Naar {target.split('/', 1)[0]}"
    node = process.nodes.get(target)
    return f"Naar: {node.label}" if node else target


__all__ = ["repair_process"]
