"""A seeded quiz as a live room: the projector shows one question at a time, participants answer on their
phones, the trainer reveals and goes on with the buttons or the clicker keys (see room.py for the rest)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.cache import room_questions, room_store
from components.navigation import query_param
from components.panels.room import (
    Held,
    choice_list,
    held_room,
    join_block,
    live_answers,
    start_button,
    trainer_tools,
    unreachable,
)
from components.presenter import presenter_keys
from components.text import md
from leidraad.quiz.templates import Question
from leidraad.rooms.questions import quiz_source
from leidraad.rooms.store import RoomError


def _act(held: Held, action: str, total: int) -> None:
    store = room_store()
    room = store.room(held.code)
    if room is None:
        return
    try:
        if action == "reveal" or (action == "next" and not room.revealed):
            store.set_position(held.code, held.token, room.step, True)
        elif action == "next" and room.step < total:
            store.set_position(held.code, held.token, room.step + 1, False)
        elif action == "prev" and room.step > 1:
            store.set_position(held.code, held.token, room.step - 1, False)
    except RoomError as error:
        st.session_state["room.error"] = str(error)


def live_quiz(questions: list[Question], seed: int, count: int, process: str | None, org: str | None) -> bool:
    """The live quiz when this trainer runs one for these settings (True: the page shows nothing else);
    otherwise the button that starts one (False)."""
    source = quiz_source(seed, count, process, org)
    try:
        held = held_room("quiz", source)
    except SQLAlchemyError:
        unreachable()
        return False
    if held is None:
        start_button("quiz", source, 1, f"quiz-{seed}")
        return False
    room = room_store().room(held.code)
    if room is None:
        return False
    total = len(questions)
    nr = min(max(room.step, 1), total)
    presenter_keys(key="presenter-quiz", on_action=lambda action: _act(held, action, total))
    if error := st.session_state.pop("room.error", None):
        st.error(error)
    join_block(held, query_param("presentatie") == "1")
    st.progress(nr / total, text=f"Vraag {nr} van {total}")
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "Vorige",
            key="quiz-vorige",
            on_click=_act,
            args=(held, "prev", total),
            disabled=nr <= 1,
            icon=":material/arrow_back:",
        )
        st.button(
            "Onthul",
            key="quiz-onthul",
            on_click=_act,
            args=(held, "reveal", total),
            disabled=room.revealed,
            icon=":material/visibility:",
        )
        st.button(
            "Volgende",
            key="quiz-volgende",
            on_click=_act,
            args=(held, "next", total),
            disabled=room.revealed and nr >= total,
            type="primary",
            icon=":material/arrow_forward:",
        )
    question = (room_questions("quiz", source) or [])[nr - 1]
    st.markdown(f"### {md(question.text)}")
    st.markdown(choice_list(question, room.revealed))
    if room.revealed and question.explanation:
        st.caption(md(question.explanation))
    live_answers(held.code, "quiz", source, nr, room.revealed)
    trainer_tools(held, "quiz", source)
    if room.revealed and nr >= total:
        st.success("Einde van de quiz. Bekijk het scorebord.")
    return True
