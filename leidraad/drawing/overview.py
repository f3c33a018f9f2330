"""The phase overview as a diagram: one row per phase, one box per process, arrows where a process
continues in or calls another. Built as a small synthetic model so it reuses the swimlane layout and
renderer (and so looks and behaves like every other diagram)."""

from __future__ import annotations

from dataclasses import replace

from leidraad.drawing.layout import Geometry, layout_process
from leidraad.drawing.render import render_svg
from leidraad.model import Flow, Model, Node, Organisation, Process
from leidraad.problems import Place

_PLACE = Place("<overzicht>")


def phase_lane(phase: float | None) -> str:
    return f"fase-{phase:g}".replace(".", "-") if phase is not None else "fase-overig"


def overview_model(model: Model) -> tuple[Model, Process]:
    synthetic = Model()
    process = Process(id="overzicht", title="Overzicht van het terugkeerproces", place=_PLACE)
    for p in model.process_list():
        lane = phase_lane(p.phase)
        if lane not in synthetic.organisations:
            label = f"Fase {p.phase:g}" if p.phase is not None else "Overig"
            synthetic.organisations[lane] = Organisation(lane, label, label, "overig", _PLACE)
        node = Node(id=p.id, type="subprocess", label=p.title, org=lane, place=_PLACE, calls=p.id)
        targets: list[str] = []
        for n in p.nodes:
            targets += [f.target_process for f in n.flows if f.crosses_process and f.target_process]
            if n.calls:
                targets.append(n.calls)
        for target in dict.fromkeys(targets):
            if target in model.processes and target != p.id:
                node.flows.append(Flow(p.id, target, f"{p.id}__{target}", _PLACE))
        process.nodes.append(node)
    synthetic.processes[process.id] = process
    return synthetic, process


def overview_geometry(model: Model) -> Geometry:
    synthetic, process = overview_model(model)
    geometry = layout_process(synthetic, process)
    # Phases are not organisations: a flow between two rows is no handover.
    return replace(geometry, edges=tuple(replace(e, handover=False) for e in geometry.edges))


def focus_css(geometry: Geometry) -> str:
    """CSS that makes the arrows of the hovered, keyboard-focused or selected process stand out and
    fades the others (pure CSS with :has(), so it works wherever the SVG is shown; the diagram sets
    `.selected`). Keyboard focus counts like a hover, so the effect is not for mouse users only."""
    rules = []
    for node in geometry.nodes:
        ident = node.id.replace("\\", "").replace('"', "")
        for state in (":hover", ":focus-visible", ".selected"):
            focus = f'svg.ltv-diagram:has(g.node[id="{ident}"]{state})'
            mine = f'[data-source="{ident}"],{focus} g.edge[data-target="{ident}"]'
            rules.append(
                f"{focus} g.edge{{opacity:.15}}{focus} g.edge{mine}"
                f'{{opacity:1}}{focus} g.edge[data-source="{ident}"] path{{stroke-width:2.6}}'
            )
    return "".join(rules)


def overview_svg(model: Model, mode: str = "themed") -> str:
    geometry = overview_geometry(model)
    numbers = {p.id: i for i, p in enumerate(model.process_list(), start=1)}
    svg = render_svg(geometry, title="Overzicht van het terugkeerproces", mode=mode, numbers=numbers)
    return svg.replace("</style>", focus_css(geometry) + "</style>", 1)
