"""Overzicht: the processes of the return chain in chronological order, and any content problems."""

from __future__ import annotations

import streamlit as st

from components.content import current_content
from components.problems import problems_panel
from leidraad.graph import handovers


def render() -> None:
    result = current_content()
    model = result.model
    st.title("LTV Procesverkenner")
    st.caption(
        "Verkenner van de Leidraad Terugkeer en Vertrek: welke organisaties zijn betrokken bij welk "
        "proces, wie is wanneer verantwoordelijk, en wat kan elke organisatie doen om vertrek te "
        "ondersteunen. Geen officiële publicatie van DT&V."
    )
    problems_panel(result.problems, result.broken_files)
    processes = model.process_list()
    if not processes:
        st.info("Er zijn (nog) geen processen geladen.")
        return
    counts: dict[str, int] = {}
    for h in handovers(model):
        counts[h.process] = counts.get(h.process, 0) + 1
    st.subheader(f"{len(processes)} {'proces' if len(processes) == 1 else 'processen'}")
    for process in processes:
        with st.container(border=True):
            phase = f"Fase {process.phase:g} · " if process.phase is not None else ""
            st.markdown(f"**{phase}{process.title}**")
            if process.summary:
                st.write(process.summary)
            st.caption(
                f"{len(process.nodes)} stappen · {counts.get(process.id, 0)} overdrachten · bron: {process.place.file}"
            )
