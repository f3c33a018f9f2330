"""Synthetic processes for measuring the layout at sizes the content does not reach yet: N steps over
8 lanes, a decision every few steps (two or three outcomes, one of them a handover to another lane),
joins, now and then a loop back. Seeded, so every run measures the same graph."""

from __future__ import annotations

import random

from leidraad.model import Flow, Model, Node, Organisation, Process
from leidraad.problems import Place

_PLACE = Place("<synthetisch>")
LANES = 8


def synthetic_process(size: int, seed: int = 7) -> tuple[Model, Process]:
    rng = random.Random(seed)
    model = Model()
    for i in range(LANES):
        org = f"org{i}"
        model.organisations[org] = Organisation(org, f"Organisatie {i}", f"O{i}", "overig", _PLACE)
    process = Process(id=f"synthetisch-{size}", title=f"Synthetisch proces ({size} stappen)", place=_PLACE)
    process.lanes = [f"org{i}" for i in range(LANES)]
    nodes: list[Node] = []
    lane = 0
    for i in range(size):
        if i == 0:
            kind = "start"
        elif i == size - 1:
            kind = "end"
        else:
            kind = "gateway" if rng.random() < 0.22 else "task"
        if rng.random() < 0.3:
            lane = rng.randrange(LANES)
        label = f"Beslissing {i}?" if kind == "gateway" else f"Stap {i} van het synthetische proces"
        nodes.append(Node(id=f"n{i}", type=kind, label=label, org=f"org{lane}", place=_PLACE))

    def flow(a: int, b: int, when: str | None = None) -> None:
        nodes[a].flows.append(Flow(nodes[a].id, nodes[b].id, f"f{a}_{b}", _PLACE, when=when))

    for i, node in enumerate(nodes[:-1]):
        flow(i, i + 1, "Ja" if node.type == "gateway" else None)
        if node.type == "gateway":
            for k in range(rng.choice((1, 2))):
                target = min(size - 1, i + 2 + rng.randrange(6))
                if target != i + 1 and all(f.target != nodes[target].id for f in node.flows):
                    flow(i, target, "Nee" if k == 0 else "Anders")
            if i > 6 and rng.random() < 0.15:
                back = i - 2 - rng.randrange(4)
                if nodes[back].type == "task":
                    flow(i, back, "Opnieuw")
    process.nodes = nodes
    model.processes[process.id] = process
    return model, process
