"""Proces: one process as a clickable swimlane diagram (or as text) with the step detail panel.

The URL always reflects the process, the selected step and the view, so a trainer can share
exactly what is on the screen; opening such a URL restores it.
"""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from components.cache import content_version, current_content, drawing, model_index, step_panels
from components.diagram import process_diagram
from components.guard import guarded
from components.navigation import query_param, tab_title
from components.panels.export import export_panel
from components.panels.feedback import feedback_context, feedback_mail
from components.panels.problems import problems_panel, process_problems_banner, unloaded_process_notice
from components.panels.review_flag import review_flag
from components.panels.step import process_panels
from components.panels.text_view import text_view
from components.text import md
from leidraad.drawing.fading import faded_ids
from leidraad.model import Model, Process
from leidraad.queries.filters import matching_steps, organisations_in, step_matches
from leidraad.queries.reading_order import reading_order

TRAIL_KEY = "proces.trail"
ARRIVED_KEY = "proces.arrived"  # (process, entry step, process it came from) after a cross-process link
GO_KEY = "proces.go"
VIEWS = {"diagram": "Diagram", "tekst": "Tekst"}
# ?richting=: the diagram's orientation (URL value -> layout direction, label of the control)
DIRECTIONS = {"horizontaal": ("horizontal", "Horizontaal"), "verticaal": ("vertical", "Verticaal")}
DEFAULT_DIRECTION = "horizontaal"
# The diagram box grows with the drawing up to this height (and never beyond the window).
MAX_DIAGRAM_HEIGHT = 900
# Less room above the title and a smaller title: the diagram starts in the upper half of the screen.
COMPACT_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2rem; padding: 0.25rem 0 0.5rem; }
</style>"""


def go(process_id: str, step: str | None = None) -> None:
    """Show another process and/or step (a callback: runs before the rerun)."""
    current = st.query_params.get("proces")
    trail: list[str] = st.session_state.setdefault(TRAIL_KEY, [])
    if current and current != process_id:
        if process_id in trail:
            del trail[trail.index(process_id) :]
        else:
            trail.append(current)
    st.query_params["proces"] = process_id
    # Arriving from another process at a step: the diagram highlights the way back (the 'Van:' box).
    st.session_state[ARRIVED_KEY] = (process_id, step, current) if current and current != process_id else None
    if step:
        st.query_params["stap"] = step
        st.session_state[f"diagram-{process_id}.selected"] = step
    elif "stap" in st.query_params:
        del st.query_params["stap"]


def render() -> None:
    result = current_content()
    model = result.model
    process_id = query_param("proces")
    if not model.processes:
        st.warning("Er zijn geen processen geladen.")
        problems_panel(result)
        return
    if process_id is None:
        _choose_process(model)
        return
    process = model.processes.get(process_id)
    if process is None:
        if not unloaded_process_notice(result, process_id):
            st.warning(
                f"Het proces “{process_id}” bestaat niet (meer). Kies hieronder een proces.", icon=":material/search:"
            )
        _choose_process(model)
        return
    tab_title(process.title)
    st.html(COMPACT_CSS)
    _breadcrumbs(model, process)
    st.title(process.title)
    _header(process)
    process_problems_banner(result, process)

    default_view = "tekst" if _narrow_screen() else "diagram"
    view = query_param("weergave") or default_view
    if view not in VIEWS:
        st.info(f"Onbekende weergave “{view}”: het diagram wordt getoond.")
        view = "diagram"
    direction = query_param("richting") or DEFAULT_DIRECTION
    if direction not in DIRECTIONS:
        st.info(f"Onbekende richting “{direction}”: het diagram wordt {DEFAULT_DIRECTION} getekend.")
        direction = DEFAULT_DIRECTION
    # Filters and the view switches share one row, so the diagram starts high on the screen.
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        orgs, target_group, as_list = _filter(model, process)
        chosen = st.segmented_control(
            "Weergave",
            list(VIEWS),
            format_func=lambda v: VIEWS[v],
            default=view,
            key=f"view-{process.id}",
            width="content",
        )
    _filter_notes(model, process, orgs, target_group)
    view = chosen or view
    if as_list:
        _matching_list(model, process, orgs, target_group)
    if view == default_view:
        st.query_params.pop("weergave", None)
    else:
        st.query_params["weergave"] = view
    if view == "diagram":
        # One slim row above the drawing: its orientation and the skip link past its tab stops.
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            direction = (
                st.segmented_control(
                    "Richting van het diagram",
                    list(DIRECTIONS),
                    format_func=lambda d: DIRECTIONS[d][1],
                    default=direction,
                    key=f"richting-{process.id}",
                    help="Horizontaal: organisaties als rijen, de tijd loopt naar rechts. "
                    "Verticaal: organisaties als kolommen, de tijd loopt naar beneden.",
                    label_visibility="collapsed",
                    width="content",
                )
                or direction
            )
            _skip_to_text(process.id)
        if direction == DEFAULT_DIRECTION:
            st.query_params.pop("richting", None)
        else:
            st.query_params["richting"] = direction
        _diagram_view(process.id, tuple(orgs), target_group, DIRECTIONS[direction][0])
    else:
        if default_view == "tekst":
            st.caption("Op een smal scherm staat de tekstweergave voorop; kies *Diagram* hierboven voor de tekening.")
        text_view(model, process)


def _narrow_screen() -> bool:
    """A phone or another small touch screen, by its user agent: below about 600 px the text view
    reads better, and the diagram is one switch away."""
    agent = str(st.context.headers.get("User-Agent") or "")
    return "Mobi" in agent or ("Android" in agent and "Tablet" not in agent)


@st.fragment
@guarded("het diagram van dit proces")
def _diagram_view(
    process_id: str, orgs: tuple[str, ...] = (), target_group: str | None = None, direction: str = "horizontal"
) -> None:
    """Diagram and panel rerun on their own when a step is clicked: the rest of the page is not
    rebuilt or re-sent. Anything that changes the process reruns the whole page."""
    model = current_content().model
    process = model.processes.get(process_id)
    if process is None or st.query_params.get("proces") != process_id:
        st.rerun(scope="app")
    step = query_param("stap")
    if step and process.node(step) is None:
        st.warning(
            f"De stap “{step}” bestaat niet in dit proces; het proces wordt zonder selectie getoond.",
            icon=":material/search:",
        )
        st.query_params.pop("stap", None)
        step = None
    art = drawing(process.id, direction)
    if art is None:
        st.warning("Het diagram van dit proces kan nu niet getekend worden. De stappen staan wel in de tekstweergave.")
        st.button("Toon als tekst", key=f"as-text-{process.id}", on_click=_show_text, args=(process.id,))
        return
    key = f"diagram-{process.id}"
    # Hand the diagram the URL's step only when the URL changed from outside (a deep link, a link in
    # the panel): the step this page itself wrote after a click must not undo the next click.
    written = st.session_state.get(f"{key}.written")
    if step != written:
        st.session_state[f"{key}.requested"] = step
    requested = st.session_state.get(f"{key}.requested")
    go_to = st.session_state.pop(GO_KEY, None)
    if go_to:  # a link in the step panel
        target_process, _, target_step = go_to.partition("/")
        go(target_process, target_step or None)
        if target_process != process_id:
            st.rerun(scope="app")
        step = target_step or None
        st.session_state[f"{key}.requested"] = requested = step
    arrived = st.session_state.get(ARRIVED_KEY)
    way_back: list[str] = []
    if arrived and arrived[0] == process.id and arrived[1] == step:
        way_back = art.geometry.way_back(arrived[2], arrived[1])
    faded = faded_ids(process, art.geometry, orgs, target_group)
    selected = process_diagram(
        art.svg,
        key=key,
        selected=requested,
        path=way_back,
        faded=faded,
        height=MAX_DIAGRAM_HEIGHT,
        panels=step_panels(process.id, feedback_context(), _build_panels),
        on_go=_remember_go,
    )
    if selected and selected.startswith("link-"):
        link = art.geometry.node(selected)
        st.session_state[f"{key}.selected"] = step
        if link and link.target:
            # Land on the entry step, selected, with the way back from here highlighted.
            target_process, _, target_step = link.target.partition("/")
            go(target_process, target_step)
            st.rerun(scope="app")
        return
    if selected and process.node(selected) and selected != step:
        st.query_params["stap"] = selected
        st.session_state[f"{key}.written"] = selected
    elif step and step == selected:
        st.session_state[f"{key}.written"] = step
    # The buttons are drawn only when asked for: a click on a step then stays cheap to send.
    if st.toggle("Downloaden zoals getoond (diagram, BPMN, RACI-tabel, hand-out)", key=f"{key}.downloads"):
        lanes = {lane.org for lane in art.geometry.lanes}
        export_panel(
            model,
            process,
            content_version(),
            selected=selected if process.node(selected or "") else None,
            faded_orgs=sorted(lanes - set(orgs)) if orgs else (),
            direction=direction,
        )


def _build_panels(model: Model, process: Process) -> dict[str, str]:
    return process_panels(model, process, model_index(), feedback_mail)


def _remember_go(ref: str) -> None:
    """A link in the step panel (a callback): the fragment follows it on its rerun."""
    st.session_state[GO_KEY] = ref


def _show_text(process_id: str) -> None:
    st.query_params["weergave"] = "tekst"
    st.session_state[f"view-{process_id}"] = "tekst"


FILTER_KEYS = {"orgs": "filter-orgs", "group": "filter-doelgroep", "list": "filter-lijst"}


def _select_orgs(orgs: list[str]) -> None:
    st.session_state[FILTER_KEYS["orgs"]] = list(orgs)


def _filter(model: Model, process: Process) -> tuple[list[str], str | None, bool]:
    """The organisation and target-group filter: in the URL (org=dtv,coa&doelgroep=amv), kept when
    switching processes, applied in the browser by fading (no new layout, nothing moves)."""
    url_orgs = [o for o in (query_param("org") or "").split(",") if o]
    url_group = query_param("doelgroep")
    unknown = [o for o in url_orgs if o not in model.organisations]
    if unknown:
        st.warning(
            "Onbekende organisatie in het filter: " + ", ".join(unknown) + ". Die is weggelaten.",
            icon=":material/search:",
        )
    if url_group and url_group not in model.catalogues["doelgroepen"]:
        st.warning(f"Onbekende doelgroep “{url_group}”; het doelgroepfilter is weggelaten.", icon=":material/search:")
        url_group = None
    url_orgs = [o for o in url_orgs if o in model.organisations]
    state = st.session_state
    written = state.get("filter.written")
    if (url_orgs, url_group) != written:
        if (
            not url_orgs
            and not url_group
            and written
            and "org" not in st.query_params
            and "doelgroep" not in st.query_params
        ):
            url_orgs, url_group = written  # a link without the filter: keep the one in use
        state[FILTER_KEYS["orgs"]] = url_orgs
        state[FILTER_KEYS["group"]] = url_group
    present = organisations_in(process, model.organisations)
    options = present + [o for o in url_orgs if o not in present]
    if FILTER_KEYS["list"] not in state:
        state[FILTER_KEYS["list"]] = query_param("lijst") == "1"
    groups = list(model.catalogues["doelgroepen"])
    # (inside the caller's row, next to the view switch)
    orgs = st.multiselect(
        "Organisaties",
        options,
        key=FILTER_KEYS["orgs"],
        width=340,
        format_func=lambda o: model.organisations[o].abbreviation,
        placeholder="Alle organisaties",
        select_all=False,
    )
    st.button(
        "Alles",
        key="filter-alles",
        type="tertiary",
        on_click=_select_orgs,
        args=(present,),
        help="Alle organisaties kiezen",
    )
    st.button(
        "Niets", key="filter-niets", type="tertiary", on_click=_select_orgs, args=([],), help="Geen organisatie kiezen"
    )
    group = st.selectbox(
        "Doelgroep",
        groups,
        key=FILTER_KEYS["group"],
        width=220,
        index=None,
        format_func=lambda g: model.catalogues["doelgroepen"][g].name,
        placeholder="Alle doelgroepen",
    )
    as_list = st.toggle("Passende stappen als lijst", key=FILTER_KEYS["list"])
    if as_list:
        st.query_params["lijst"] = "1"
    else:
        st.query_params.pop("lijst", None)
    if orgs:
        st.query_params["org"] = ",".join(orgs)
    else:
        st.query_params.pop("org", None)
    if group:
        st.query_params["doelgroep"] = group
    else:
        st.query_params.pop("doelgroep", None)
    state["filter.written"] = (list(orgs), group)
    return list(orgs), group, as_list


def _filter_notes(model: Model, process: Process, orgs: list[str], group: str | None) -> None:
    """Below the filter row: organisations without a step here, and how many steps match."""
    present = organisations_in(process, model.organisations)
    absent = [model.organisations[o].abbreviation for o in orgs if o not in present]
    if absent:
        st.warning(
            f"{' en '.join(absent)} {'komt' if len(absent) == 1 else 'komen'} in dit proces niet voor: "
            "geen stap waarvoor die verantwoordelijk of waarbij die betrokken is. Kies een andere organisatie "
            "of haal het filter weg.",
            icon=":material/search:",
        )
    if orgs or group:
        count = len(matching_steps(process, orgs, group))
        st.caption(f"{count} van de {len(process.nodes)} stappen passen bij het filter; de rest is vervaagd.")


def _matching_list(model: Model, process: Process, orgs: list[str], group: str | None) -> None:
    steps = [n for n in reading_order(process) if step_matches(process, n, orgs, group)]
    with st.container(border=True):
        st.markdown(f"**Passende stappen ({len(steps)})**")
        for node in steps:
            who = model.organisations[node.org].abbreviation if node.org in model.organisations else node.org
            st.button(
                f"{node.label} · {who}",
                key=f"match-{process.id}-{node.id}",
                on_click=go,
                args=(process.id, node.id),
                type="tertiary",
            )


def _skip_to_text(process_id: str) -> None:
    """The skip link before the diagram: its many tab stops can be passed over to the text view."""

    def to_text() -> None:
        st.session_state[f"view-{process_id}"] = "tekst"

    st.button(
        "Diagram overslaan: naar de tekstweergave",
        key=f"skip-{process_id}",
        on_click=to_text,
        type="tertiary",
        icon=":material/format_list_numbered:",
    )


def _header(process: Process) -> None:
    """One compact line that opens the summary, the version and the banners (the diagram stays high)."""
    bits = [f"Leidraad-versie {process.sources_as_of}"] if process.sources_as_of else []
    flag = review_flag(process)
    if process.outdated:
        bits.append("verouderd")
    if process.unconfirmed:
        bits.append("niet bevestigd")
    if flag:
        bits.append("review nodig")
    icon = ":material/warning:" if process.outdated or process.unconfirmed or flag else ":material/info:"
    with st.expander("Over dit proces" + (" · " + " · ".join(bits) if bits else ""), icon=icon):
        if process.summary:
            st.markdown(md(process.summary))
        st.caption(
            f"redactioneel beoordeeld op {process.reviewed}"
            if process.reviewed
            else "nog niet beoordeeld door de redactieraad"
        )
        if flag:
            st.markdown(flag)
        if process.outdated:
            st.markdown(f":red-badge[Verouderd] {md(process.outdated)}")
        if process.unconfirmed:
            st.markdown(f":orange-badge[Niet bevestigd] {md(process.unconfirmed)}")


def _breadcrumbs(model: Model, process: Process) -> None:
    trail = [p for p in st.session_state.get(TRAIL_KEY, []) if p in model.processes and p != process.id]
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.page_link(_overview_page(), label="Overzicht", icon=":material/home:")
        for pid in trail:
            st.button(
                f"› {model.processes[pid].title}", key=f"crumb-{pid}", on_click=go, args=(pid, None), type="tertiary"
            )
        st.markdown(f"› **{md(process.title)}**", width="content")
        if trail:
            st.button("Terug", key="crumb-back", on_click=go, args=(trail[-1], None), icon=":material/arrow_back:")


def _overview_page() -> StreamlitPage:
    from components.navigation import pages

    return pages()[""]


def _choose_process(model: Model) -> None:
    st.subheader("Kies een proces")
    for p in model.process_list():
        phase = f"Fase {p.phase:g} · " if p.phase is not None else ""
        st.button(f"{phase}{p.title}", key=f"choose-{p.id}", on_click=go, args=(p.id, None), type="tertiary")
