"""The text view of a process: one ordered list of the steps in reading order (the numbers the
diagram's steps announce), each with who is responsible, what happens, and where it leads: a decision
as a nested list of its outcomes, every handover named with the organisation that receives it.
Plain lists: readable by a screen reader, printable and usable on a phone."""

from __future__ import annotations

import streamlit as st

from components.cache import model_index
from components.panels.step import TYPE_NAMES, org_label, step_label
from components.text import md
from leidraad.model import Model, Node, Process
from leidraad.queries.graph import HandoverRecord
from leidraad.queries.reading_order import reading_order
from leidraad.queries.step_facts import step_facts


def text_view(model: Model, process: Process) -> None:
    if process.summary:
        st.markdown(md(process.summary))
    order = reading_order(process)
    numbers = {n.id: i for i, n in enumerate(order, start=1)}
    st.markdown(f"**{len(order)} stappen**, in de volgorde van het proces.")
    st.markdown("\n".join(_item(model, process, node, numbers) for node in order))


def _item(model: Model, process: Process, node: Node, numbers: dict[str, int]) -> str:
    marker = f"{numbers[node.id]}. "
    pad = " " * len(marker)
    meta = f"*{TYPE_NAMES.get(node.type, node.type)}* · verantwoordelijk: {md(org_label(model, node.org))}"
    if node.involved:
        meta += " · ook betrokken: " + ", ".join(md(org_label(model, i.org)) for i in node.involved)
    details = [meta]
    if node.description:
        details.append(md(node.description))
    for fact in step_facts(model, node):
        details.append(f"{fact.label}: " + fact.separator.join(md(v) for v in fact.values))
    if node.unconfirmed:
        details.append(f"Niet bevestigd: {md(node.unconfirmed)}")
    if node.outdated:
        details.append(f"Verouderd: {md(node.outdated)}")
    lines = [f"{marker}**{md(node.label)}**"] + [f"{pad}- {d}" for d in details]
    outcomes = _outcomes(model, process, node, numbers)
    if outcomes:
        head = (
            "Uitkomsten" if node.type == "gateway" else "Gelijktijdig verder" if node.type == "parallel" else "Daarna"
        )
        lines.append(f"{pad}- {head}:")
        lines += [f"{pad}    - {o}" for o in outcomes]
    return "\n".join(lines)


def _outcomes(model: Model, process: Process, node: Node, numbers: dict[str, int]) -> list[str]:
    handovers: dict[str, HandoverRecord] = {
        h.flow_id: h for h in model_index().handovers_out.get(f"{process.id}/{node.id}", [])
    }
    out = []
    for flow in node.flows:
        local = process.node(flow.target) if "/" not in flow.target else None
        where = local.label if local else step_label(model, flow.target)
        text = (f"{md(flow.when)}: " if flow.when else "") + f"naar {md(where)}"
        if flow.target in numbers:
            text += f" (stap {numbers[flow.target]})"
        h = handovers.get(flow.id)
        if h:
            text += f" — overdracht aan {md(org_label(model, h.to_org))}" + (f": {md(h.what)}" if h.what else "")
        out.append(text)
    return out
