"""The detail panel of one step: who is responsible, who else is involved and how, what happens,
on which basis, within which limits, what is handed over to whom, and where it comes from."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.explorer_data import model_index
from components.text import mailto, md, md_link
from leidraad.model import NODE_CATALOGUE_FIELDS, Model, Node, Process

FEEDBACK_ADDRESS = "redactieraadltv@dtv.minvenj.nl"
TYPE_NAMES = {
    "start": "Startgebeurtenis", "end": "Eindgebeurtenis", "task": "Taak", "subprocess": "Deelproces",
    "gateway": "Beslispunt", "parallel": "Parallelle splitsing/samenvoeging", "event": "Tussengebeurtenis",
    "timer": "Termijn", "boundary": "Grensgebeurtenis",
}
ROLE_NAMES = {"uitvoerend": "voert mee uit", "adviserend": "adviseert", "geïnformeerd": "wordt geïnformeerd",
              "beslissend": "beslist mee"}
CATALOGUE_LABELS = {"consultations": "Overleg", "systems": "Systemen en informatie", "locations": "Locaties",
                    "target_groups": "Doelgroepen", "terms": "Begrippen"}

Go = Callable[[str, str | None], None]


def org_label(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return f"{org.abbreviation} ({org.name})" if org and org.name != org.abbreviation else (
        org.abbreviation if org else org_id)


def step_label(model: Model, step_ref: str) -> str:
    resolved = model.resolve_step(step_ref)
    if not resolved:
        return step_ref
    process, node = resolved
    return f"{node.label} · {process.title}"


def _step_button(model: Model, step_ref: str, prefix: str, key: str, go: Go) -> None:
    process_id, _, step = step_ref.partition("/")
    st.button(f"{prefix} {step_label(model, step_ref)}", key=key, on_click=go, args=(process_id, step),
              type="tertiary", width="stretch")


def step_panel(model: Model, process: Process, node: Node, go: Go) -> None:
    ref = f"{process.id}/{node.id}"
    index = model_index()
    st.markdown(f"### {md(node.label)}")
    st.caption(f"{TYPE_NAMES.get(node.type, node.type)} in *{md(process.title)}*")
    if node.unconfirmed:
        st.markdown(f":orange-badge[Niet bevestigd] {md(node.unconfirmed)}")
    if node.outdated:
        st.markdown(f":red-badge[Verouderd] {md(node.outdated)}")

    st.markdown(f"**Verantwoordelijk:** {md(org_label(model, node.org))}")
    if node.involved:
        lines = [f"- {md(org_label(model, i.org))}: {ROLE_NAMES.get(i.role, i.role)}"
                 + (f" – {md(i.how)}" if i.how else "") for i in node.involved]
        st.markdown("**Ook betrokken:**\n" + "\n".join(lines))
    if node.description:
        st.markdown(md(node.description))
    if node.type == "gateway" and node.flows:
        outcomes = "\n".join(f"- {md(f.when or '(geen label)')} → {md(step_label(model, _ref(process, f.target)))}"
                             for f in node.flows)
        st.markdown(f"**Uitkomsten:**\n{outcomes}")
    if node.legal_basis:
        st.markdown("**Wettelijke basis:** " + "; ".join(md(b) for b in node.legal_basis))
    if node.time_limit:
        st.markdown(f"**Termijn:** {md(node.time_limit)}")
    for field_name, kind in NODE_CATALOGUE_FIELDS.items():
        values = getattr(node, field_name)
        if values:
            names = []
            for value in values:
                entry = model.catalogue_entry(kind, value)
                names.append(md(f"{entry.name} ({entry.abbreviation})" if entry and entry.abbreviation
                                else entry.name if entry else value))
            st.markdown(f"**{CATALOGUE_LABELS[field_name]}:** " + ", ".join(names))

    if node.calls and node.calls in model.processes:
        called = model.processes[node.calls]
        st.button(f"Open deelproces: {called.title}", key=f"drill-{ref}", on_click=go, args=(called.id, None),
                  type="primary", icon=":material/subdirectory_arrow_right:")

    received = index.handovers_in.get(ref, [])
    given = index.handovers_out.get(ref, [])
    if received:
        st.markdown("**Ontvangt van:**")
        for i, h in enumerate(received):
            what = f" – {h.what}" if h.what else ""
            via = f" via {_entry_name(model, h.via)}" if h.via else ""
            st.caption(md(f"{org_label(model, h.from_org)}{what}{via}"))
            _step_button(model, h.from_step, "←", f"in-{ref}-{i}", go)
    if given:
        st.markdown("**Draagt over aan:**")
        for i, h in enumerate(given):
            what = f" – {h.what}" if h.what else ""
            via = f" via {_entry_name(model, h.via)}" if h.via else ""
            st.caption(md(f"{org_label(model, h.to_org)}{what}{via}"))
            _step_button(model, h.to_step, "→", f"out-{ref}-{i}", go)

    nexts = [s for s, kind in index.successors.get(ref, []) if kind in ("flow", "boundary", "returns")]
    prevs = [s for s, kind in index.predecessors.get(ref, []) if kind in ("flow", "boundary", "returns")]
    if prevs or nexts:
        with st.expander("Vorige en volgende stappen", expanded=False):
            for i, s in enumerate(prevs):
                _step_button(model, s, "← Vorige:", f"prev-{ref}-{i}", go)
            for i, s in enumerate(nexts):
                _step_button(model, s, "→ Volgende:", f"next-{ref}-{i}", go)

    if node.sources:
        st.markdown("**Bronnen:**\n" + "\n".join(f"- {md_link(url, url)}" for url in node.sources))
    subject = f"LTV Procesverkenner: {process.title} / {node.label} ({ref})"
    st.markdown(f"[Wijziging doorgeven]({mailto(FEEDBACK_ADDRESS, subject)})")


def _entry_name(model: Model, entry_id: str) -> str:
    entry = model.catalogue_entry("informatie-uitwisseling", entry_id)
    return entry.name if entry else entry_id


def _ref(process: Process, target: str) -> str:
    return target if "/" in target else f"{process.id}/{target}"
