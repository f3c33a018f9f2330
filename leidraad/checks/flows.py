"""The shape of each process: node types and their keys, gateways, starts and ends, reachability."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from leidraad.checks.context import CheckContext
from leidraad.checks.references import unknown
from leidraad.model import Node, Process
from leidraad.problems import Problem
from leidraad.queries.graph import process_graph


def incoming_counts(process: Process) -> dict[str, int]:
    counts: dict[str, int] = {}
    for flow in process.flows:
        if not flow.crosses_process:
            counts[flow.target] = counts.get(flow.target, 0) + 1
    return counts


def check_nodes(ctx: CheckContext, process: Process) -> Iterator[Problem]:
    incoming = incoming_counts(process)
    for node in process.nodes:
        yield from _keys_of_type(node)
        yield from _boundary(process, node, incoming.get(node.id, 0))
        yield from _start_end_flows(node, incoming.get(node.id, 0))
        if node.type in ("gateway", "parallel"):
            yield from _gateway(node, incoming.get(node.id, 0))


def _keys_of_type(node: Node) -> Iterator[Problem]:
    if node.type == "subprocess" and not node.calls:
        yield node.place.problem(
            "missing-calls", f"deelproces '{node.id}' moet met 'calls' zeggen welk proces het aanroept"
        )
    elif node.type != "subprocess" and node.calls:
        yield node.at("calls").problem(
            "misplaced-key", f"'calls' hoort bij een deelproces (subprocess), niet bij een {node.type}"
        )
    if node.type != "boundary" and node.attached_to:
        yield node.at("attached_to").problem(
            "misplaced-key", f"'attached_to' hoort bij een randgebeurtenis (boundary), niet bij een {node.type}"
        )


def _boundary(process: Process, node: Node, incoming: int) -> Iterator[Problem]:
    if node.type != "boundary":
        return
    host = process.node(node.attached_to) if node.attached_to else None
    if not node.attached_to:
        yield node.place.problem(
            "boundary-host",
            f"randgebeurtenis '{node.id}' heeft 'attached_to' nodig: de taak of het deelproces waaraan zij vastzit",
        )
    elif host is None:
        labels = {n.id: n.label for n in process.nodes}
        yield unknown(
            node.at("attached_to"),
            "boundary-host",
            f"stap '{node.id}': attached_to-stap",
            node.attached_to,
            labels,
            f"step:{process.id}/{node.attached_to}",
        )
    elif host.type not in ("task", "subprocess"):
        yield node.at("attached_to").problem(
            "boundary-host",
            f"randgebeurtenis '{node.id}' zit vast aan een {host.type}; maak haar vast aan een taak of deelproces",
        )
    if incoming:
        yield node.place.problem(
            "boundary-incoming",
            f"randgebeurtenis '{node.id}' kan geen inkomende stromen hebben: zij begint vanuit haar taak",
        )


def _start_end_flows(node: Node, incoming: int) -> Iterator[Problem]:
    if node.type == "start" and incoming:
        yield node.place.problem(
            "start-incoming",
            f"startgebeurtenis '{node.id}' heeft inkomende stromen uit het eigen proces; "
            "alleen andere processen mogen naar een start leiden",
        )
    if node.type == "end" and any(not f.crosses_process for f in node.flows):
        yield node.place.problem(
            "end-outgoing",
            f"eindgebeurtenis '{node.id}' heeft een uitgaande stroom; alleen een stroom naar een ander proces "
            "mag een einde verlaten",
        )


def _gateway(node: Node, incoming: int) -> Iterator[Problem]:
    out = len(node.flows)
    if out >= 2:
        if node.type == "gateway":
            for flow in node.flows:
                if not flow.when:
                    yield flow.place.problem(
                        "gateway-condition",
                        f"stroom '{flow.id}' verlaat beslispunt '{node.id}' zonder 'when' "
                        "(geef elke uitkomst een label)",
                    )
    elif incoming < 2:
        kind = "beslispunt" if node.type == "gateway" else "parallelle splitsing"
        yield node.place.problem(
            "gateway-degenerate",
            f"{kind} '{node.id}' heeft {out} uitgaande en {incoming} inkomende stroom/stromen: een splitsing "
            "heeft twee of meer uitgaande stromen nodig, een samenvoeging twee of meer inkomende",
        )


def check_start_end(ctx: CheckContext, process: Process) -> Iterator[Problem]:
    types = {n.type for n in process.nodes}
    if "start" not in types:
        yield process.place.problem("no-start", f"proces '{process.id}' heeft geen startgebeurtenis (type: start)")
    leaves = any(f.crosses_process for f in process.flows)
    if "end" not in types and not leaves:
        yield process.place.problem(
            "no-end",
            f"proces '{process.id}' heeft geen eindgebeurtenis (type: end) en geen stroom naar een ander proces",
        )


def _entries_and_exits(ctx: CheckContext, process: Process) -> tuple[set[str], set[str]]:
    entries = {n.id for n in process.nodes if n.type == "start"} | ctx.entries_from_elsewhere.get(process.id, set())
    exits = {n.id for n in process.nodes if n.type == "end" or any(f.crosses_process for f in n.flows)}
    return entries, exits


def check_reachability(ctx: CheckContext, process: Process) -> Iterator[Problem]:
    g = process_graph(process)
    entries, exits = _entries_and_exits(ctx, process)
    reachable: set[str] = set()
    for entry in entries & set(g):
        reachable |= {entry} | nx.descendants(g, entry)
    can_finish: set[str] = set()
    for exit_ in exits & set(g):
        can_finish |= {exit_} | nx.ancestors(g, exit_)
    for node in process.nodes:
        if node.type == "boundary" and process.node(node.attached_to or "") is None:
            continue  # already reported as boundary-host
        if entries and node.id not in reachable:
            yield node.place.problem(
                "unreachable", f"stap '{node.id}' is niet bereikbaar vanaf een start van '{process.id}'"
            )
        if exits and node.id not in can_finish:
            yield node.place.problem(
                "dead-end",
                f"stap '{node.id}' leidt niet naar een einde van '{process.id}' (voeg een stroom verder toe)",
            )
