"""Overzicht: the phases of the return process as a clickable chain; each box opens its process."""

from __future__ import annotations

import streamlit as st

from components.cache import current_content, model_index, overview
from components.diagram import process_diagram
from components.navigation import PROCES_URL, open_process, pages
from components.panels.problems import problems_panel
from components.panels.review_flag import review_flag
from components.text import md


def render() -> None:
    result = current_content()
    model = result.model
    st.title("LTV Procesverkenner")
    st.caption(
        "Verkenner van de Leidraad Terugkeer en Vertrek: welke organisaties zijn betrokken bij welk "
        "proces, wie is wanneer verantwoordelijk, en wat kan elke organisatie doen om vertrek te "
        "ondersteunen. Geen officiële publicatie van DT&V."
    )
    problems_panel(result)
    with (
        st.form("zoeken-overzicht", border=False, enter_to_submit=True),
        st.container(horizontal=True, vertical_alignment="bottom"),
    ):
        query = st.text_input(
            "Zoeken", placeholder="Zoek een stap, organisatie of begrip", width=420, label_visibility="collapsed"
        )
        submitted = st.form_submit_button("Zoeken", icon=":material/search:")
    if submitted and query.strip():
        st.switch_page(pages()["zoeken"], query_params={"q": query.strip()[:200]})
    processes = model.process_list()
    if not processes:
        st.info("Er zijn (nog) geen processen geladen.")
        return
    st.subheader(f"{len(processes)} {'proces' if len(processes) == 1 else 'processen'}")
    st.caption(
        "Elke rij is een fase van het terugkeerproces; elke rechthoek opent een proces. Pijlen tonen waar "
        "een proces verdergaat in een ander."
    )
    clicked = process_diagram(overview(), key="overzicht", height=520)
    if clicked and clicked in model.processes:
        st.session_state["overzicht.selected"] = None
        open_process(clicked)

    due = [p for p in processes if review_flag(p)]
    if due:
        st.markdown(
            f":orange-badge[Review nodig] {len(due)} van de {len(processes)} processen zijn niet beoordeeld door de "
            "redactieraad in het afgelopen kwartaal (zie de lijst hieronder en de pagina Wijzigingen)."
        )
    counts: dict[str, int] = {}
    for h in model_index().handovers:
        counts[h.process] = counts.get(h.process, 0) + 1
    with st.expander("Alle processen als lijst", expanded=False):
        for process in processes:
            phase = f"Fase {process.phase:g} · " if process.phase is not None else ""
            st.markdown(f"**{md(phase + process.title)}**")
            if process.summary:
                st.markdown(md(process.summary))
            if flag := review_flag(process):
                st.markdown(flag)
            st.caption(
                f"{len(process.nodes)} stappen · {counts.get(process.id, 0)} overdrachten · bron: {process.place.file}"
            )
            st.page_link(
                pages()[PROCES_URL],
                label=f"Open {process.title}",
                query_params={"proces": process.id},
                icon=":material/open_in_new:",
            )
