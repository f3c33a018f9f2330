"""The text view of a process: every step in reading order with who is responsible, decisions with
their outcomes and handovers. Plain headings and lists: readable by a screen reader, printable and
usable on a phone."""

from __future__ import annotations

import streamlit as st

from components.cache import model_index
from components.panels.step import TYPE_NAMES, org_label, step_label
from components.text import md
from leidraad.model import Model, Process
from leidraad.queries.reading_order import reading_order
from leidraad.queries.step_facts import step_facts


def text_view(model: Model, process: Process) -> None:
    index = model_index()
    if process.summary:
        st.markdown(md(process.summary))
    numbers = {n.id: i for i, n in enumerate(reading_order(process), start=1)}
    lines: list[str] = []
    for node in reading_order(process):
        ref = f"{process.id}/{node.id}"
        lines.append(f"#### {numbers[node.id]}. {md(node.label)}")
        meta = f"*{TYPE_NAMES.get(node.type, node.type)}* · **Verantwoordelijk:** {md(org_label(model, node.org))}"
        if node.involved:
            meta += " · **Ook betrokken:** " + ", ".join(md(org_label(model, i.org)) for i in node.involved)
        lines.append(meta)
        if node.description:
            lines.append(md(node.description))
        for fact in step_facts(model, node):
            lines.append(f"**{fact.label}:** " + fact.separator.join(md(v) for v in fact.values))
        if node.unconfirmed:
            lines.append(f"**Niet bevestigd:** {md(node.unconfirmed)}")
        if node.outdated:
            lines.append(f"**Verouderd:** {md(node.outdated)}")
        flows = []
        for flow in node.flows:
            target = flow.target if "/" in flow.target else f"{process.id}/{flow.target}"
            where = f"stap {numbers[flow.target]}" if flow.target in numbers else ""
            label = step_label(model, target)
            prefix = f"{md(flow.when)}: " if flow.when else ""
            flows.append(f"- {prefix}verder naar {md(label)}" + (f" ({where})" if where else ""))
        for h in index.handovers_out.get(ref, []):
            what = f": {h.what}" if h.what else ""
            flows.append(f"- Overdracht aan {md(org_label(model, h.to_org))}{md(what)}")
        if flows:
            lines.append("\n".join(flows))
    st.markdown("\n\n".join(lines))
