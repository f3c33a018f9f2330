"""Steps of a process in reading order: breadth-first along the flows from the starts, boundary
events right after their host, anything left over at the end."""

from __future__ import annotations

from collections import deque

from leidraad.model import Node, Process


def reading_order(process: Process) -> list[Node]:
    by_id = {n.id: n for n in process.nodes}
    boundaries: dict[str, list[Node]] = {}
    for n in process.nodes:
        if n.type == "boundary" and n.attached_to:
            boundaries.setdefault(n.attached_to, []).append(n)
    order: list[Node] = []
    seen: set[str] = set()
    queue = deque(n.id for n in process.nodes if n.type == "start")
    while queue:
        node_id = queue.popleft()
        if node_id in seen or node_id not in by_id:
            continue
        seen.add(node_id)
        node = by_id[node_id]
        order.append(node)
        for b in boundaries.get(node_id, []):
            queue.appendleft(b.id)
        queue.extend(f.target for f in node.flows if not f.crosses_process)
    order += [n for n in process.nodes if n.id not in seen]
    return order
