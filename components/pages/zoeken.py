"""Zoeken: one ranked search over steps, processes, organisations and catalogue entries; each result
shows its kind, where it lives and the passage that matched, with a deep link. The query is in the URL."""

from __future__ import annotations

import streamlit as st

from components.cache import search_index
from components.navigation import page_link, query_param, step_link, tab_title
from components.text import md
from leidraad.queries.search import SearchHit, result_count

LIMIT = 100
MAX_QUERY = 200


def render() -> None:
    st.title("Zoeken")
    from_url = (query_param("q") or "")[:MAX_QUERY]
    state = st.session_state
    # The URL sets the field only when it changed from outside (a link, Back); not the query this page wrote.
    if state.get("zoeken.written") != from_url:
        state["zoekterm"] = from_url
        state["zoeken.written"] = from_url
    with st.form("zoekformulier", border=False, enter_to_submit=True):
        field, button = st.columns([5, 1], vertical_alignment="bottom")
        typed = field.text_input(
            "Zoek in stappen, processen, organisaties en catalogi",
            key="zoekterm",
            placeholder="bijvoorbeeld: meldplicht, laissez-passer aanvragen, IND, LKO",
        )
        button.form_submit_button("Zoeken", icon=":material/search:", type="primary", width="stretch")
    query = " ".join((typed or "").split())[:MAX_QUERY]
    if query != (query_param("q") or ""):
        if query:
            st.query_params["q"] = query
        else:
            st.query_params.pop("q", None)
    state["zoeken.written"] = query
    if not query:
        st.caption(
            "Hoofdletters en accenten maken niet uit, en één tikfout per woord ook niet. "
            "‘aanvragen’ vindt ook ‘aanvraag’."
        )
        return
    tab_title(f"“{query}”", "Zoeken")
    result = search_index().search(query, limit=LIMIT)
    if not result.hits:
        st.info(f"Niets gevonden voor “{md(query)}”. Probeer een ander of korter woord.")
        return
    count = result_count(len(result.hits), result.total)
    st.caption(f"{count[0].upper()}{count[1:]} voor “{md(query)}”")
    for number, hit in enumerate(result.hits):
        _hit(hit, number)


def _hit(hit: SearchHit, number: int) -> None:
    with st.container(border=True, key=f"zoekresultaat-{number}"):
        st.markdown(f"**{md(hit.title)}**  \n{md(hit.kind_name)} · {md(hit.where)}")
        if hit.passage:
            st.markdown(
                f'<span class="zoek-passage">{md(hit.passage.field)}: {hit.passage.html()}</span>',
                unsafe_allow_html=True,
            )
        if hit.kind == "stap":
            step_link("Open in het diagram", hit.ref)
        elif hit.kind == "proces":
            page_link("proces", "Open het proces", icon=":material/account_tree:", proces=hit.ref)
        elif hit.kind == "organisatie":
            page_link("organisaties", "Open de organisatie", icon=":material/apartment:", org=hit.ref)
        else:
            kind, _, entry_id = hit.ref.partition("/")
            page_link("catalogi", "Open in de catalogus", icon=":material/menu_book:", soort=kind, id=entry_id)
