"""Organisaties: per organisation its role, tasks, powers and what it can do to support departure;
every step it is responsible for or involved in, by process in chronological order; every handover
it gives and receives; the consultations it takes part in and the locations it runs."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from components.cache import current_content, model_index
from components.navigation import page_link, query_param, step_link
from components.panels.step import ROLE_NAMES, org_label, step_label
from components.text import md, md_link
from leidraad.model import Model, Organisation
from leidraad.queries.graph import HandoverRecord, steps_of_org
from leidraad.queries.reading_order import reading_order

KIND_NAMES = {"ketenpartner": "Ketenpartner", "samenwerkingspartner": "Samenwerkingspartner", "overig": "Overig"}


def render() -> None:
    model = current_content().model
    st.title("Organisaties")
    if not model.organisations:
        st.info("Er zijn geen organisaties geladen.")
        return
    wanted = query_param("org")
    if wanted and wanted not in model.organisations:
        st.warning(f"De organisatie “{wanted}” bestaat niet. Kies hieronder een organisatie.", icon="🔎")
        wanted = None
    ids = list(model.organisations)
    chosen = st.selectbox(
        "Organisatie",
        ids,
        index=ids.index(wanted) if wanted else None,
        format_func=lambda o: org_label(model, o),
        placeholder="Kies een organisatie",
    )
    if chosen is None:
        _overview(model)
        return
    st.query_params["org"] = chosen
    _organisation(model, model.organisations[chosen])


def _overview(model: Model) -> None:
    by_kind: dict[str, list[Organisation]] = defaultdict(list)
    for org in model.organisations.values():
        by_kind[org.kind].append(org)
    for kind, orgs in by_kind.items():
        st.subheader(KIND_NAMES.get(kind, kind))
        for org in orgs:
            page_link("organisaties", f"{org.abbreviation} – {org.name}", org=org.id)


def _organisation(model: Model, org: Organisation) -> None:
    st.header(f"{org.abbreviation} – {org.name}" if org.name != org.abbreviation else org.name)
    meta = KIND_NAMES.get(org.kind, org.kind)
    if org.part_of and org.part_of in model.organisations:
        meta += f" · onderdeel van {model.organisations[org.part_of].abbreviation}"
    st.caption(meta)
    if org.outdated:
        st.markdown(f":red-badge[Verouderd] {md(org.outdated)}")
    if org.unconfirmed:
        st.markdown(f":orange-badge[Niet bevestigd] {md(org.unconfirmed)}")
    text = []
    if org.role:
        text.append(md(org.role))
    for title, items in (
        ("Taken", org.tasks),
        ("Bevoegdheden", org.powers),
        ("Wat deze organisatie kan doen om vertrek te ondersteunen", org.departure_support),
    ):
        if items:
            text.append(f"**{title}**\n" + "\n".join(f"- {md(i)}" for i in items))
    if org.job_titles:
        text.append(
            "**Functies**\n"
            + "\n".join(
                f"- **{md(j.title)}**" + (f": {md(j.description)}" if j.description else "") for j in org.job_titles
            )
        )
    links = []
    if org.website:
        links.append(md_link("Website", org.website))
    if org.sources:
        links.append("Bronnen: " + ", ".join(md_link(f"[{i}]", url) for i, url in enumerate(org.sources, 1)))
    if links:
        text.append(" · ".join(links))
    st.markdown("\n\n".join(text))

    responsible, involved = _steps(model, org.id)
    tab_steps, tab_handovers, tab_places = st.tabs(
        [
            f"Stappen ({len(responsible) + len(involved)})",
            f"Overdrachten ({sum(1 for h in model_index().handovers if org.id in (h.from_org, h.to_org))})",
            "Overleg en locaties",
        ]
    )
    with tab_steps:
        _step_lists(model, responsible, involved)
    with tab_handovers:
        _handovers(model, org.id)
    with tab_places:
        _consultations_and_locations(model, org.id)


def _steps(model: Model, org_id: str) -> tuple[dict[str, list], dict[str, list]]:
    responsible: dict[str, list] = defaultdict(list)
    involved: dict[str, list] = defaultdict(list)
    for s in steps_of_org(model, org_id):
        (responsible if s.role == "verantwoordelijk" else involved)[s.process].append(s)
    return responsible, involved


def _ordered(model: Model, process_id: str, steps: list) -> list:
    order = {n.id: i for i, n in enumerate(reading_order(model.processes[process_id]))}
    return sorted(steps, key=lambda s: order.get(s.step, 0))


def _step_lists(model: Model, responsible: dict[str, list], involved: dict[str, list]) -> None:
    if not responsible and not involved:
        st.info("Deze organisatie komt in geen enkele stap voor.")
        return
    for process in model.process_list():
        mine, theirs = responsible.get(process.id, []), involved.get(process.id, [])
        if not mine and not theirs:
            continue
        phase = f"Fase {process.phase:g} · " if process.phase is not None else ""
        with st.expander(f"{phase}{process.title} — {len(mine)} verantwoordelijk, {len(theirs)} betrokken"):
            for s in _ordered(model, process.id, mine):
                node = process.node(s.step)
                if node is not None:
                    step_link(f"{node.label} (verantwoordelijk)", f"{process.id}/{s.step}")
            for s in _ordered(model, process.id, theirs):
                node = process.node(s.step)
                if node is None:
                    continue
                how = ROLE_NAMES.get(s.role, s.role) + (f": {s.how}" if s.how else "")
                step_link(f"{node.label} ({how})", f"{process.id}/{s.step}")


def _handovers(model: Model, org_id: str) -> None:
    given = [h for h in model_index().handovers if h.from_org == org_id]
    received = [h for h in model_index().handovers if h.to_org == org_id]
    left, right = st.columns(2)
    with left:
        st.subheader(f"Geeft over ({len(given)})")
        _handover_list(model, given, "to")
    with right:
        st.subheader(f"Ontvangt ({len(received)})")
        _handover_list(model, received, "from")


def _handover_list(model: Model, records: list[HandoverRecord], side: str) -> None:
    if not records:
        st.caption("Geen.")
        return
    by_counterpart: dict[str, list[HandoverRecord]] = defaultdict(list)
    for h in records:
        by_counterpart[h.to_org if side == "to" else h.from_org].append(h)
    for counterpart, items in sorted(by_counterpart.items(), key=lambda kv: -len(kv[1])):
        st.markdown(f"**{'aan' if side == 'to' else 'van'} {md(org_label(model, counterpart))}** ({len(items)})")
        for h in items:
            here, there = (h.from_step, h.to_step) if side == "to" else (h.to_step, h.from_step)
            what = f" – {h.what}" if h.what else ""
            st.caption(md(f"{step_label(model, here)} → {step_label(model, there)}{what}"))
            step_link(f"Open: {step_label(model, there)}", there)


def _consultations_and_locations(model: Model, org_id: str) -> None:
    consultations = [
        e for e in model.catalogues["overlegvormen"].values() if org_id in e.participants or e.chair == org_id
    ]
    locations = [e for e in model.catalogues["opvangvormen"].values() if e.run_by == org_id]
    systems = [e for e in model.catalogues["informatie-uitwisseling"].values() if e.run_by == org_id]
    for title, entries, kind in (
        ("Neemt deel aan overleg", consultations, "overlegvormen"),
        ("Beheert locaties", locations, "opvangvormen"),
        ("Beheert systemen en informatie", systems, "informatie-uitwisseling"),
    ):
        st.subheader(title)
        if not entries:
            st.caption("Geen volgens de bronnen.")
        for entry in entries:
            label = f"{entry.name} ({entry.abbreviation})" if entry.abbreviation else entry.name
            page_link("catalogi", label, soort=kind, id=entry.id)
