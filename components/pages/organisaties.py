"""Organisaties: per organisation its role, tasks, powers and what it can do to support departure;
every step it is responsible for or involved in, by process in chronological order; every handover
it gives and receives; the consultations it takes part in and the locations it runs."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from components.cache import current_content, org_profile
from components.navigation import page_link, query_param, step_link, tab_title
from components.panels.step import ROLE_NAMES, org_label, step_label
from components.text import md, md_link
from leidraad.model import Model, Organisation
from leidraad.queries.graph import HandoverRecord
from leidraad.queries.organisation_profile import OrganisationProfile, ordered_organisations

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
    ids = [o.id for o in ordered_organisations(model)]
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
    tab_title(model.organisations[chosen].abbreviation, "Organisaties")
    _organisation(model, model.organisations[chosen])


def _overview(model: Model) -> None:
    by_kind: dict[str, list[Organisation]] = defaultdict(list)
    for org in ordered_organisations(model):
        by_kind[org.kind].append(org)
    for kind, orgs in by_kind.items():
        st.subheader(KIND_NAMES.get(kind, kind))
        for org in orgs:
            page_link("organisaties", org.label, org=org.id)


def _organisation(model: Model, org: Organisation) -> None:
    st.header(org.label)
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

    profile = org_profile(org.id)
    tab_steps, tab_handovers, tab_places = st.tabs(
        [
            f"Stappen ({profile.step_count})",
            f"Overdrachten ({profile.handover_count})",
            "Overleg en locaties",
        ]
    )
    with tab_steps:
        _step_lists(model, profile)
    with tab_handovers:
        _handovers(model, profile)
    with tab_places:
        _consultations_and_locations(profile)


EXPAND_KEY = "organisaties.open"


def _toggle_all() -> None:
    st.session_state[EXPAND_KEY] = not st.session_state.get(EXPAND_KEY, False)


def _step_lists(model: Model, profile: OrganisationProfile) -> None:
    if not profile.processes:
        st.info("Deze organisatie komt in geen enkele stap voor.")
        return
    opened = st.session_state.get(EXPAND_KEY, False)
    st.button(
        "Alles dichtklappen" if opened else "Alles openklappen",
        key="organisaties.toggle",
        on_click=_toggle_all,
        icon=":material/unfold_less:" if opened else ":material/unfold_more:",
        type="tertiary",
    )
    for group in profile.processes:
        process = model.processes[group.process]
        mine, theirs = group.responsible, group.involved
        phase = f"Fase {process.phase:g} · " if process.phase is not None else ""
        # The key holds the open/closed switch: a new key after the control makes every expander follow it.
        with st.expander(
            f"{phase}{process.title} — {len(mine)} verantwoordelijk, {len(theirs)} betrokken",
            expanded=opened,
            key=f"org-steps-{process.id}-{int(opened)}",
        ):
            for s in mine:
                node = process.node(s.step)
                if node is not None:
                    step_link(f"{node.label} (verantwoordelijk)", f"{process.id}/{s.step}")
            for s in theirs:
                node = process.node(s.step)
                if node is None:
                    continue
                how = ROLE_NAMES.get(s.role, s.role) + (f": {s.how}" if s.how else "")
                step_link(f"{node.label} ({how})", f"{process.id}/{s.step}")


def _handovers(model: Model, profile: OrganisationProfile) -> None:
    given, received = profile.given, profile.received
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


def _consultations_and_locations(profile: OrganisationProfile) -> None:
    for title, entries, kind in (
        ("Neemt deel aan overleg", profile.consultations, "overlegvormen"),
        ("Beheert locaties", profile.locations, "opvangvormen"),
        ("Beheert systemen en informatie", profile.systems, "informatie-uitwisseling"),
    ):
        st.subheader(title)
        if not entries:
            st.caption("Geen volgens de bronnen.")
        for entry in entries:
            label = f"{entry.name} ({entry.abbreviation})" if entry.abbreviation else entry.name
            page_link("catalogi", label, soort=kind, id=entry.id)
