"""Steps of a process in reading order: one branch is followed to its end or to its join before the
next branch starts; a join comes once every branch into it has been read; boundary events come right
after their host; anything unreachable comes at the end.

The order is a topological sort (Kahn's algorithm) of the flows without their loops, taking the most
recently readied step first (a stack, not a queue): that is what keeps a branch together.
"""

from __future__ import annotations

from leidraad.model import Node, Process


def _loop_edges(process: Process, by_id: dict[str, Node]) -> set[tuple[str, str]]:
    """Flows that lead back to a step on the way from a start (a loop), found by depth-first search."""
    back: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1: on the path, 2: done
    for start in (n.id for n in process.nodes if n.type == "start"):
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(_targets(by_id[start], by_id)))]
        while stack:
            node_id, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node_id] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node_id, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(_targets(by_id[child], by_id))))
    return back


def _targets(node: Node, by_id: dict[str, Node]) -> list[str]:
    return list(dict.fromkeys(f.target for f in node.flows if not f.crosses_process and f.target in by_id))


def reading_order(process: Process) -> list[Node]:
    by_id = {n.id: n for n in process.nodes}
    boundaries: dict[str, list[Node]] = {}
    for n in process.nodes:
        if n.type == "boundary" and n.attached_to:
            boundaries.setdefault(n.attached_to, []).append(n)
    loops = _loop_edges(process, by_id)
    waiting: dict[str, int] = dict.fromkeys(by_id, 0)  # forward flows into a step not yet read
    for n in process.nodes:
        for target in _targets(n, by_id):
            if (n.id, target) not in loops:
                waiting[target] += 1
    order: list[Node] = []
    seen: set[str] = set()
    ready = [n.id for n in reversed(process.nodes) if n.type == "start"]
    while ready:
        node_id = ready.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        order.append(by_id[node_id])
        targets = _targets(by_id[node_id], by_id)
        # Boundary events first (they are read right after their host), then the flows in written order.
        followers = [b.id for b in boundaries.get(node_id, [])]
        for target in targets:
            if (node_id, target) in loops:
                continue
            waiting[target] -= 1
            if waiting[target] <= 0:
                followers.append(target)
        ready.extend(reversed([f for f in followers if f not in seen]))
        if not ready:
            # A join whose other branch cannot be reached: read it once nothing else is left.
            stuck = [t for n in order for t in _targets(n, by_id) if t not in seen]
            if stuck:
                ready.append(stuck[0])
    order += [n for n in process.nodes if n.id not in seen]
    return order
