"""Zoeken: across steps, organisations and catalogue entries, case- and accent-insensitive, ranked,
each result with its context and a deep link."""

from __future__ import annotations

import streamlit as st

from components.cache import current_content
from components.navigation import page_link, query_param, step_link
from components.text import md
from leidraad.queries.graph import search

KIND_NAMES = {
    "stap": "Stap",
    "organisatie": "Organisatie",
    "overlegvormen": "Overlegvorm",
    "opvangvormen": "Opvangvorm",
    "informatie-uitwisseling": "Informatie-uitwisseling",
    "doelgroepen": "Doelgroep",
    "begrippen": "Begrip",
}


def render() -> None:
    model = current_content().model
    st.title("Zoeken")
    initial = (query_param("q") or "")[:200]
    query = st.text_input(
        "Zoek in stappen, organisaties en catalogi",
        value=initial,
        key="zoekterm",
        placeholder="bijvoorbeeld: meldplicht, laissez-passer, IND, LKO",
    )
    query = (query or "").strip()[:200]
    if query != (query_param("q") or ""):
        if query:
            st.query_params["q"] = query
        else:
            st.query_params.pop("q", None)
    if not query:
        st.caption("Hoofdletters en accenten maken niet uit: ‘beeindigen’ vindt ook ‘beëindigen’.")
        return
    hits = search(model, query, limit=100)
    st.caption(f"{len(hits)} resultaten voor “{query}”" if hits else "")
    if not hits:
        st.info(f"Niets gevonden voor “{query}”. Probeer een ander of korter woord.")
        return
    for hit in hits:
        with st.container(border=True):
            st.markdown(f"**{md(hit.title)}** · {KIND_NAMES.get(hit.kind, hit.kind)}")
            st.caption(md(hit.context))
            if hit.kind == "stap":
                step_link("Open in het diagram", hit.ref)
            elif hit.kind == "organisatie":
                page_link("organisaties", "Open de organisatie", icon=":material/apartment:", org=hit.ref)
            else:
                kind, _, entry_id = hit.ref.partition("/")
                page_link("catalogi", "Open in de catalogus", icon=":material/menu_book:", soort=kind, id=entry_id)
