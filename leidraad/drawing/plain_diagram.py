"""A plain Graphviz drawing of one process (one cluster per organisation) for content authors.

It shows what an editor wrote, quickly and without styling; the explorer's swimlane renderer is
the product's picture. DOT is built with `graphviz.Digraph`, which quotes every label.
"""

from __future__ import annotations

import shutil

import graphviz

from leidraad.model import Model, Process

FONT = "DejaVu Sans"  # from Debian's fonts-dejavu-core, installed by `make`
DOT_BINARY = "dot"

_SHAPES = {
    "start": {"shape": "circle", "label": "", "width": "0.35"},
    "end": {"shape": "doublecircle", "label": "", "width": "0.3"},
    "task": {"shape": "box", "style": "rounded"},
    "subprocess": {"shape": "box", "style": "rounded,bold"},
    "gateway": {"shape": "diamond"},
    "parallel": {"shape": "diamond"},
    "event": {"shape": "doublecircle", "width": "0.3"},
    "timer": {"shape": "doublecircle", "width": "0.3"},
    "boundary": {"shape": "doublecircle", "width": "0.3"},
}


class GraphvizMissing(RuntimeError):
    """Graphviz's `dot` is not installed: say how to install it instead of a traceback."""


def require_dot() -> str:
    path = shutil.which(DOT_BINARY)
    if not path:
        raise GraphvizMissing("Graphviz 'dot' was not found: run 'make setup' or 'apt-get install graphviz'")
    return path


def plain_dot(model: Model, process: Process) -> graphviz.Digraph:
    g = graphviz.Digraph(
        process.id,
        graph_attr={"rankdir": "LR", "fontname": FONT, "newrank": "true"},
        node_attr={"fontname": FONT, "fontsize": "10"},
        edge_attr={"fontname": FONT, "fontsize": "9"},
    )
    lanes: dict[str, list] = {}
    for node in process.nodes:
        lanes.setdefault(node.org, []).append(node)
    for org_id, nodes in lanes.items():
        org = model.organisations.get(org_id)
        with g.subgraph(name=f"cluster_{org_id}") as lane:
            lane.attr(label=org.label if org else org_id, id=f"lane-{org_id}")
            for node in nodes:
                attrs = dict(_SHAPES.get(node.type, {}))
                label = attrs.pop("label", node.label)
                if node.type == "gateway":
                    label = f"× {node.label}"
                elif node.type == "parallel":
                    label = "+"
                lane.node(node.id, label=_wrap(label), id=node.id, **attrs)
    external = set()
    for node in process.nodes:
        if node.type == "boundary" and node.attached_to:
            g.edge(node.attached_to, node.id, style="dotted", arrowhead="none")
        for flow in node.flows:
            target = flow.target
            if flow.crosses_process:
                target = "ext__" + flow.target.replace("/", "__")
                if target not in external:
                    external.add(target)
                    g.node(target, label=_wrap(f"→ {flow.target}"), shape="note", id=f"ext-{len(external)}")
            g.edge(node.id, target, label=_wrap(flow.when or "", 20), id=f"edge-{flow.id}")
    return g


def _wrap(text: str, width: int = 24) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) if text else ""


def plain_svg(model: Model, process: Process) -> str:
    require_dot()
    return plain_dot(model, process).pipe(format="svg", encoding="utf-8")
