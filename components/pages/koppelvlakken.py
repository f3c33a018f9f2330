"""Koppelvlakken: who hands over to whom. A sender × receiver matrix of handover counts (click a
cell for the handovers behind it) and a chain map of the organisations."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.cache import current_content, handover_drawings, model_index
from components.diagram import process_diagram
from components.navigation import page_link, pages, query_param, step_link
from components.panels.step import step_label
from components.text import md
from leidraad.drawing.handover_map import cell_id, parse_cell_id
from leidraad.exports.csv_tables import table
from leidraad.model import Model


def render() -> None:
    model = current_content().model
    st.title("Koppelvlakken")
    st.caption(
        "Waar organisaties elkaar iets overdragen: een dossier, een persoon, een document of informatie. "
        "Elke stroom in een proces tussen twee organisaties telt als overdracht."
    )
    matrix, matrix_drawing, chain_drawing = handover_drawings()
    if not matrix.orgs:
        st.info("Er zijn geen overdrachten in de inhoud.")
        return
    van, naar = query_param("van"), query_param("naar")
    for name, value in (("van", van), ("naar", naar)):
        if value and value not in model.organisations:
            st.warning(
                f"De organisatie “{value}” (parameter {name}) bestaat niet; het filter is weggelaten.", icon="🔎"
            )
    van = van if van in model.organisations else None
    naar = naar if naar in model.organisations else None

    top = ", ".join(f"{_short(model, a)} → {_short(model, b)} ({c})" for a, b, c in matrix.top_pairs(3))
    st.markdown(f"**Meeste overdrachten:** {md(top)}")
    tab_matrix, tab_map = st.tabs(["Matrix", "Ketenkaart"])
    with tab_matrix:
        st.caption("Rijen geven over, kolommen ontvangen. Klik op een cel voor de overdrachten erachter.")
        # The list sits beside the matrix, so a click (or a shared ?van=&naar=) shows it in view.
        left, right = st.columns([3, 2], gap="medium")
        with left:
            # The URL's pair is the selection: a deep link and Back highlight its cell.
            wanted = cell_id(van, naar) if van and naar else None
            clicked = process_diagram(
                matrix_drawing, key="matrix", selected=wanted, height=min(760, 140 + 34 * len(matrix.orgs))
            )
        cell = parse_cell_id(clicked) if clicked else None
        if cell and cell != (van, naar) and clicked != wanted:
            van, naar = cell
            st.query_params["van"], st.query_params["naar"] = van, naar
        with right, st.container(key="koppelvlak-lijst"):
            _list(model, van, naar)
    with tab_map:
        st.caption(
            "Organisaties met hun overdrachten; hoe dikker de lijn, hoe meer overdrachten. Klik op een "
            "organisatie voor haar pagina."
        )
        org = process_diagram(chain_drawing, key="ketenkaart", height=620)
        if org and org in model.organisations:
            st.session_state["ketenkaart.selected"] = None
            st.switch_page(pages()["organisaties"], query_params={"org": org})
    _downloads(model)


def _side(model: Model, step_ref: str, org_id: str) -> str:
    """One side of a handover: the step, who does it, and its time limit when it has one."""
    resolved = model.resolve_step(step_ref)
    limit = f" · termijn: {resolved[1].time_limit}" if resolved and resolved[1].time_limit else ""
    return f"{step_label(model, step_ref)} ({_short(model, org_id)}){limit}"


def _downloads(model: Model) -> None:
    st.subheader("Tabellen voor de hele keten")
    st.caption("CSV met puntkomma's, zoals Nederlandse Excel ze verwacht.")
    with st.container(horizontal=True, gap="small"):
        for name, label in (
            ("handovers", "Overdrachten"),
            ("raci", "RACI-tabel"),
            ("steps", "Stappen"),
            ("organisations", "Organisaties"),
        ):
            st.download_button(
                label,
                data=partial(table, model, name),
                file_name=f"ltv-{name}.csv",
                mime="text/csv",
                on_click="ignore",
                key=f"csv-{name}",
                icon=":material/download:",
            )


def _short(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.abbreviation if org else org_id


def _list(model: Model, van: str | None, naar: str | None) -> None:
    if not van and not naar:
        st.info(
            "Klik op een cel van de matrix: hier verschijnen de overdrachten erachter, met de stap aan beide kanten."
        )
        return
    records = [
        h for h in model_index().handovers if (van is None or h.from_org == van) and (naar is None or h.to_org == naar)
    ]
    title = f"Van {_short(model, van) if van else 'iedereen'} aan {_short(model, naar) if naar else 'iedereen'}"
    st.subheader(f"{title} ({len(records)})")
    if not records:
        st.info("Geen overdrachten in deze richting.")
    for h in records:
        process = model.processes[h.process]
        details = []
        if h.what:
            details.append(f"wat: {h.what}")
        if h.via:
            entry = model.catalogue_entry("informatie-uitwisseling", h.via)
            details.append(f"via: {entry.name if entry else h.via}")
        if h.when:
            details.append(f"als: {h.when}")
        with st.container(border=True):
            giver, taker = _side(model, h.from_step, h.from_org), _side(model, h.to_step, h.to_org)
            st.markdown(f"**Van:** {md(giver)}  \n**Aan:** {md(taker)}")
            st.caption(md(f"{process.title}" + (" · " + " · ".join(details) if details else "")))
            step_link("Open de overdragende stap", h.from_step)
            step_link("Open de ontvangende stap", h.to_step)
    with st.container(horizontal=True):
        for org in (van, naar):
            if org:
                page_link(
                    "organisaties",
                    f"Organisatie {model.organisations[org].abbreviation}",
                    icon=":material/apartment:",
                    org=org,
                )
