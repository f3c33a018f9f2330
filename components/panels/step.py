"""The detail panel of one step: who is responsible, who else is involved and how, what happens,
on which basis, within which limits, what is handed over to whom, and where it comes from."""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from components.cache import model_index
from components.navigation import pages
from components.panels.feedback import feedback_mail
from components.text import md, md_link
from leidraad.model import NODE_CATALOGUE_FIELDS, Model, Node, Process
from leidraad.queries.step_facts import step_facts

TYPE_NAMES = {
    "start": "Startgebeurtenis",
    "end": "Eindgebeurtenis",
    "task": "Taak",
    "subprocess": "Deelproces",
    "gateway": "Beslispunt",
    "parallel": "Parallelle splitsing/samenvoeging",
    "event": "Tussengebeurtenis",
    "timer": "Termijn",
    "boundary": "Grensgebeurtenis",
}
ROLE_NAMES = {
    "uitvoerend": "voert mee uit",
    "adviserend": "adviseert",
    "geïnformeerd": "wordt geïnformeerd",
    "beslissend": "beslist mee",
}
Go = Callable[[str, str | None], None]


def org_label(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.label if org else org_id


def step_label(model: Model, step_ref: str) -> str:
    resolved = model.resolve_step(step_ref)
    if not resolved:
        return step_ref
    process, node = resolved
    return f"{node.label} · {process.title}"


def _step_button(model: Model, step_ref: str, prefix: str, key: str, go: Go) -> None:
    process_id, _, step = step_ref.partition("/")
    st.button(
        f"{prefix} {step_label(model, step_ref)}",
        key=key,
        on_click=go,
        args=(process_id, step),
        type="tertiary",
        width="stretch",
    )


def step_panel(model: Model, process: Process, node: Node, go: Go) -> None:
    """Text in one markdown block (one element to draw per click); navigation as buttons."""
    ref = f"{process.id}/{node.id}"
    index = model_index()
    st.markdown(_panel_text(model, process, node))
    _catalogue_links(model, node, index.abbreviations)
    if node.calls and node.calls in model.processes:
        called = model.processes[node.calls]
        st.button(
            f"Open deelproces: {called.title}",
            key=f"drill-{ref}",
            on_click=go,
            args=(called.id, None),
            type="primary",
            icon=":material/subdirectory_arrow_right:",
        )
    for title, records, counterpart, arrow, prefix in (
        ("Ontvangt van", index.handovers_in.get(ref, []), "from", "←", "in"),
        ("Draagt over aan", index.handovers_out.get(ref, []), "to", "→", "out"),
    ):
        if not records:
            continue
        st.markdown(f"**{title}:**")
        for i, h in enumerate(records):
            org = h.from_org if counterpart == "from" else h.to_org
            what = f" – {h.what}" if h.what else ""
            via = f" via {_entry_name(model, h.via)}" if h.via else ""
            st.caption(md(f"{org_label(model, org)}{what}{via}"))
            _step_button(model, h.from_step if counterpart == "from" else h.to_step, arrow, f"{prefix}-{ref}-{i}", go)

    nexts = [s for s, kind in index.successors.get(ref, []) if kind in ("flow", "boundary", "returns")]
    prevs = [s for s, kind in index.predecessors.get(ref, []) if kind in ("flow", "boundary", "returns")]
    if prevs or nexts:
        with st.expander("Vorige en volgende stappen", expanded=False):
            for i, s in enumerate(prevs):
                _step_button(model, s, "← Vorige:", f"prev-{ref}-{i}", go)
            for i, s in enumerate(nexts):
                _step_button(model, s, "→ Volgende:", f"next-{ref}-{i}", go)

    lines = []
    if node.sources:
        lines.append("**Bronnen:**\n" + "\n".join(f"- {md_link(url, url)}" for url in node.sources))
    lines.append(f"[Wijziging doorgeven]({feedback_mail(process, node)})")
    st.markdown("\n\n".join(lines))


def _panel_text(model: Model, process: Process, node: Node) -> str:
    parts = [f"### {md(node.label)}", f"*{TYPE_NAMES.get(node.type, node.type)} in {md(process.title)}*"]
    if node.unconfirmed:
        parts.append(f":orange-badge[Niet bevestigd] {md(node.unconfirmed)}")
    if node.outdated:
        parts.append(f":red-badge[Verouderd] {md(node.outdated)}")
    parts.append(f"**Verantwoordelijk:** {md(org_label(model, node.org))}")
    if node.involved:
        lines = [
            f"- {md(org_label(model, i.org))}: {ROLE_NAMES.get(i.role, i.role)}" + (f" – {md(i.how)}" if i.how else "")
            for i in node.involved
        ]
        parts.append("**Ook betrokken:**\n" + "\n".join(lines))
    if node.description:
        parts.append(md(node.description))
    if node.type == "gateway" and node.flows:
        outcomes = "\n".join(
            f"- {md(f.when or '(geen label)')} → {md(step_label(model, _ref(process, f.target)))}" for f in node.flows
        )
        parts.append(f"**Uitkomsten:**\n{outcomes}")
    for fact in step_facts(model, node):
        parts.append(f"**{fact.label}:** " + fact.separator.join(md(v) for v in fact.values))
    return "\n\n".join(parts)


def _catalogue_links(model: Model, node: Node, abbreviations: dict[str, tuple[str, str, str]]) -> None:
    """Abbreviations in the step explained inline, and every catalogue entry one click away."""
    text = " ".join([node.label, node.description, *node.legal_basis, node.time_limit or ""])
    found = [
        (abbr, entry)
        for abbr, entry in abbreviations.items()
        if re.search(rf"(?<![\w&/]){re.escape(abbr)}(?![\w&/])", text)
    ]
    if found:
        st.caption("Afkortingen: " + "; ".join(md(f"{abbr} = {name}") for abbr, (_, _, name) in found))
    refs = [(kind, value) for field_name, kind in NODE_CATALOGUE_FIELDS.items() for value in getattr(node, field_name)]
    refs += [(kind, entry_id) for _, (kind, entry_id, _) in found if (kind, entry_id) not in refs]
    refs = [(k, v) for k, v in refs if model.catalogue_entry(k, v)]
    if refs:
        with st.container(horizontal=True, gap="small"):
            for kind, value in refs:
                entry = model.catalogue_entry(kind, value)
                if entry is None:
                    continue
                label = entry.abbreviation or entry.name
                st.page_link(
                    pages()["catalogi"],
                    label=label,
                    query_params={"soort": kind, "id": value},
                    icon=":material/menu_book:",
                    help=entry.name,
                )


def _entry_name(model: Model, entry_id: str) -> str:
    entry = model.catalogue_entry("informatie-uitwisseling", entry_id)
    return entry.name if entry else entry_id


def _ref(process: Process, target: str) -> str:
    return target if "/" in target else f"{process.id}/{target}"
