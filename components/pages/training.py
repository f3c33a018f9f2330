"""Training: walk a room through a case, step by step. The diagram follows the case across processes;
the trainer can first ask "wie is nu aan zet?" and reveal with one key; at decisions the room
chooses and sees the consequence; presentation mode enlarges everything and hides the app chrome."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.cache import current_content, drawing
from components.diagram import process_diagram
from components.navigation import page_link, pages, query_param
from components.panels.room import case_room_panel, case_room_sync
from components.panels.step import ROLE_NAMES, TYPE_NAMES, org_label
from components.presenter import presenter_keys
from components.text import md
from leidraad.exports.case_handout import scenario_pdf
from leidraad.model import Model, Node, Process, Scenario, ScenarioStep

PRESENTATION_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none; }
.block-container { padding-top: 1rem; max-width: 100%; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1.5rem 0; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.35rem; line-height: 1.45; }
[data-testid="stMarkdownContainer"] h3 { font-size: 1.8rem; padding: 0; }
[data-testid="stCaptionContainer"] p { font-size: 1rem; }
[data-testid="stButton"] button p { font-size: 1.1rem; }
</style>"""


def _state(scenario_id: str) -> dict:
    return st.session_state.setdefault(f"training.{scenario_id}", {"revealed": set(), "answers": {}})


def _go_to(nr: int) -> None:
    st.query_params["nr"] = str(nr)


def _act(action: str, scenario: Scenario, nr: int) -> None:
    """One step of the walkthrough: reveal, or go on, or back, or a choice at a decision (buttons and
    clicker keys alike)."""
    state = _state(scenario.id)
    total = len(scenario.steps)
    if action.startswith("choice-"):
        index = int(action.removeprefix("choice-")) - 1
        if 0 <= index < len(scenario.steps[nr - 1].choices):
            _answer(scenario, nr, index)
        return
    if action == "reveal":
        state["revealed"].add(nr)
    elif action == "next":
        if nr not in state["revealed"]:
            state["revealed"].add(nr)
        elif nr < total:
            _go_to(nr + 1)
    elif action == "prev" and nr > 1:
        _go_to(nr - 1)


def _restart(scenario: Scenario) -> None:
    st.session_state[f"training.{scenario.id}"] = {"revealed": set(), "answers": {}}
    _go_to(1)


def _answer(scenario: Scenario, nr: int, choice: int) -> None:
    _state(scenario.id)["answers"][nr] = choice


def render() -> None:
    model = current_content().model
    presenting = query_param("presentatie") == "1"
    if presenting:
        st.html(PRESENTATION_CSS)
    scenario_id = query_param("scenario")
    if not model.scenarios:
        st.title("Training")
        st.info("Er zijn nog geen casussen (kind: scenario) in de inhoud.")
        return
    if scenario_id is None:
        _choose(model)
        return
    scenario = model.scenarios.get(scenario_id)
    if scenario is None:
        st.warning(f"De casus “{scenario_id}” bestaat niet. Kies hieronder een casus.", icon=":material/search:")
        _choose(model)
        return
    _walkthrough(model, scenario, presenting)


def _choose(model: Model) -> None:
    st.title("Training: casussen")
    st.caption(
        "Loop met een groep een casus door, stap voor stap. Vraag bij elke stap: wie is nu aan zet? "
        "Toetsen: PageDown of spatie = onthullen/volgende, PageUp = vorige."
    )
    for scenario in model.scenarios.values():
        with st.container(border=True):
            st.markdown(f"**{md(scenario.title)}**")
            if scenario.persona:
                st.markdown(md(scenario.persona))
            if scenario.learning_goals:
                st.markdown("Leerdoelen:\n" + "\n".join(f"- {md(g)}" for g in scenario.learning_goals))
            processes = list(dict.fromkeys(s.process for s in scenario.steps))
            st.caption(f"{len(scenario.steps)} stappen door {len(processes)} processen")
            with st.container(horizontal=True):
                page_link("training", "Start", icon=":material/play_arrow:", scenario=scenario.id, nr="1")
                page_link(
                    "training",
                    "Start in presentatiemodus",
                    icon=":material/slideshow:",
                    scenario=scenario.id,
                    nr="1",
                    presentatie="1",
                )
                page_link(
                    "quiz",
                    "Quiz over deze processen",
                    icon=":material/quiz:",
                    seed="1",
                    proces=scenario.steps[0].process,
                )
                for participant, label, name in (
                    (False, "Hand-out trainer (PDF)", "trainer"),
                    (True, "Hand-out deelnemers (PDF)", "deelnemers"),
                ):
                    st.download_button(
                        label,
                        data=partial(scenario_pdf, model, scenario, participant),
                        file_name=f"casus-{scenario.id}-{name}.pdf",
                        mime="application/pdf",
                        on_click="ignore",
                        key=f"handout-{scenario.id}-{name}",
                        icon=":material/picture_as_pdf:",
                    )


KEYS_HELP = (
    "Toetsen (ook op een presenter-clicker): PageDown of spatie = onthullen, daarna volgende · "
    "PageUp = vorige · O = onthullen · 1–9 = keuze bij een beslissing · F = volledig scherm"
)


def _walkthrough(model: Model, scenario: Scenario, presenting: bool) -> None:
    total = len(scenario.steps)
    raw = query_param("nr") or "1"
    nr = int(raw) if raw.isdigit() else 1
    if not 1 <= nr <= total:
        st.info(f"Stap {raw} bestaat niet in deze casus (1 tot en met {total}); de casus begint bij stap 1.")
        nr = 1
        _go_to(1)
    step = scenario.steps[nr - 1]
    resolved = model.resolve_step(step.step)
    state = _state(scenario.id)
    room = case_room_sync(scenario.id, nr, state["revealed"])
    revealed = nr in state["revealed"]

    presenter_keys(key="presenter", on_action=lambda action: _act(action, scenario, nr))
    if presenting:
        # A slim header: the case, step n/N and the question or the answer; the diagram fills the rest.
        # The page's heading, set small (page.css, .st-key-slim-header): a screen reader finds it too.
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key="slim-header"):
            st.title(f"{md(scenario.title)} · Stap {nr} van {total}", anchor=False, width="content")
            _controls(scenario, nr, revealed, presenting)
    else:
        st.markdown(f"# {md(scenario.title)}")
        st.progress(nr / total, text=f"Stap {nr} van {total}")
        _controls(scenario, nr, revealed, presenting)
    case_room_panel(room, scenario.id, nr, revealed, presenting)
    st.caption(KEYS_HELP)
    if resolved is None:
        st.error(f"De stap “{step.step}” bestaat niet (meer) in de inhoud.")
        return
    process, node = resolved
    _headline(model, process, node, revealed)
    art = drawing(process.id)
    left, right = st.columns([2.6, 1], gap="medium")
    with right:
        # Story, decisions and feedback stand beside the diagram, so they never push it down.
        if nr == 1 and scenario.persona:
            st.markdown(f"*{md(scenario.persona)}*")
        if step.narrative:
            st.markdown(md(step.narrative))
        if step.choices:
            _decision(scenario, nr, step)
        if nr >= total and revealed:
            st.success("Einde van de casus.")
        if not presenting:
            page_link(
                "proces",
                "Bekijk deze stap in de verkenner",
                icon=":material/open_in_new:",
                proces=process.id,
                stap=node.id,
            )
    with left:
        if art is not None:
            # Before the reveal the way so far is shown, not the step itself (that would give the answer away).
            walked = scenario.steps[:nr] if revealed else scenario.steps[: nr - 1]
            path = [s.node for s in walked if s.process == process.id]
            process_diagram(
                art.svg,
                key=f"training-{process.id}",
                selected=node.id if revealed else None,
                path=path,
                height=900 if presenting else 560,
                mode="present" if presenting else "explore",
                fill=presenting,
            )


def _headline(model: Model, process: Process, node: Node, revealed: bool) -> None:
    """The question, or the revealed answer, in one line above the diagram."""
    if not revealed:
        st.info(
            "**Wie is nu aan zet?** Laat de groep antwoorden en onthul dan (spatie of PageDown).",
            icon=":material/help:",
        )
        return
    who = org_label(model, node.org)
    involved = "; ".join(f"{org_label(model, i.org)} ({ROLE_NAMES.get(i.role, i.role)})" for i in node.involved)
    st.markdown(
        f"### {md(who)}\n\n**{md(node.label)}** · {TYPE_NAMES.get(node.type, node.type)} in "
        f"*{md(process.title)}*" + (f" · ook betrokken: {md(involved)}" if involved else "")
    )


def _decision(scenario: Scenario, nr: int, step: ScenarioStep) -> None:
    answers = _state(scenario.id)["answers"]
    st.markdown(f"**{md(step.question or 'Wat gebeurt er nu?')}**")
    with st.container(horizontal=True):
        for i, choice in enumerate(step.choices):
            st.button(
                choice.label,
                key=f"keuze-{scenario.id}-{nr}-{i}",
                on_click=_answer,
                args=(scenario, nr, i),
                type="primary" if answers.get(nr) == i else "secondary",
            )
    if nr in answers:
        chosen = step.choices[answers[nr]]
        if chosen.correct:
            st.success(f"**Klopt.** {md(chosen.feedback)}")
        else:
            right = next((c for c in step.choices if c.correct), None)
            st.error(f"**Niet in deze casus.** {md(chosen.feedback)}")
            if right:
                st.info(
                    f"**Wat er echt gebeurt: {md(right.label)}.** {md(right.feedback)} De casus gaat verder "
                    "langs deze route."
                )


def _controls(scenario: Scenario, nr: int, revealed: bool, presenting: bool) -> None:
    total = len(scenario.steps)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "Vorige",
            key="vorige",
            on_click=_act,
            args=("prev", scenario, nr),
            disabled=nr <= 1,
            icon=":material/arrow_back:",
        )
        st.button(
            "Onthul",
            key="onthul",
            on_click=_act,
            args=("reveal", scenario, nr),
            disabled=revealed,
            icon=":material/visibility:",
        )
        st.button(
            "Volgende",
            key="volgende",
            on_click=_act,
            args=("next", scenario, nr),
            disabled=revealed and nr >= total,
            type="primary",
            icon=":material/arrow_forward:",
        )
        st.button("Opnieuw", key="opnieuw", on_click=_restart, args=(scenario,), icon=":material/replay:")
        if presenting:
            st.page_link(
                pages()["training"],
                label="Presentatiemodus uit",
                icon=":material/close_fullscreen:",
                query_params={"scenario": scenario.id, "nr": str(nr)},
            )
        else:
            st.page_link(
                pages()["training"],
                label="Presentatiemodus",
                icon=":material/slideshow:",
                query_params={"scenario": scenario.id, "nr": str(nr), "presentatie": "1"},
            )
