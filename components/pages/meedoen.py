"""Meedoen: a participant's phone in a live room. Type the code (or scan it), an optional nickname, then the
current question with one button per choice; the screen follows the trainer by itself.

The participant's token sits in their URL (`deelnemer=`), so a dropped connection, a reload or a server
restart brings them back into the same room with their answers. Nothing here shows other participants'
answers, and nothing here can move the room.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from components.cache import room_questions, room_store
from components.guard import guarded
from components.navigation import query_param
from components.text import md
from leidraad.rooms.codes import normalise_code
from leidraad.rooms.limits import RateLimit
from leidraad.rooms.store import MAX_NICKNAME, Participant, RoomError

PARTICIPANT_POLL = timedelta(seconds=2)
TOKEN_PARAM = "deelnemer"
PHONE_CSS = """<style>
.block-container { max-width: 36rem; padding-top: 1.5rem; }
[data-testid="stButton"] button { min-height: 3.2rem; justify-content: flex-start; text-align: left; }
[data-testid="stButton"] button p { font-size: 1.1rem; }
</style>"""


@st.cache_resource(show_spinner=False)
def _limits() -> tuple[RateLimit, RateLimit]:
    """Per client address: 60 joins and 30 wrong codes a minute (a whole class behind one NAT still fits)."""
    return RateLimit(60, 60.0), RateLimit(30, 60.0)


def _client() -> str:
    return st.context.ip_address or "local"


def render() -> None:
    st.html(PHONE_CSS)
    st.title("Meedoen")
    typed = query_param("code")
    if typed is None:
        _code_form()
        return
    joins, misses = _limits()
    try:
        room = room_store().open_room(typed)
    except RoomError as error:
        if not misses.allow(_client()):
            st.error("Te veel pogingen met een onbekende code. Wacht een minuut en probeer het opnieuw.")
            return
        st.error(str(error), icon="🔎")
        _code_form(typed)
        return
    participant = room_store().participant(room.code, query_param(TOKEN_PARAM))
    if participant is None:
        if query_param(TOKEN_PARAM):
            st.warning("Je deelname aan deze sessie is niet gevonden. Meld je opnieuw aan.")
        _join_form(room.code, joins)
        return
    _live(room.code, participant, str(query_param(TOKEN_PARAM)))


def _code_form(typed: str | None = None) -> None:
    with st.form("code"):
        code = st.text_input("Code van de sessie", value=typed or "", max_chars=12, placeholder="bijv. K7MXQ4")
        if st.form_submit_button("Verder", type="primary"):
            st.query_params.clear()
            st.query_params["code"] = normalise_code(code) or code.strip()[:12]
            st.rerun()


def _join_form(code: str, joins: RateLimit) -> None:
    st.markdown(f"Je doet mee aan sessie **{code}**.")
    with st.form("meedoen"):
        nickname = st.text_input(
            "Bijnaam (mag leeg blijven)",
            max_chars=MAX_NICKNAME,
            help="Alleen voor het scorebord. Vul geen echte naam in als je dat niet wilt.",
        )
        if not st.form_submit_button("Meedoen", type="primary"):
            return
    if not joins.allow(_client()):
        st.error("Te veel aanmeldingen vanaf dit adres. Wacht een minuut en probeer het opnieuw.")
        return
    try:
        _, token = room_store().join(code, nickname)
    except RoomError as error:
        st.error(str(error))
        return
    st.query_params.update({"code": code, TOKEN_PARAM: token})
    st.rerun()


def _answer(code: str, token: str, step: int, choice: int, choices: int) -> None:
    try:
        room_store().answer(code, token, step, choice, choices)
    except RoomError as error:
        st.session_state["meedoen.error"] = str(error)


@st.fragment(run_every=PARTICIPANT_POLL)
@guarded("de vraag van de live sessie")
def _live(code: str, participant: Participant, token: str) -> None:
    """Polled every two seconds: the room's current question, this participant's answer, and after the
    reveal whether it was right."""
    store = room_store()
    room = store.room(code)
    if room is None or room.closed:
        st.info("De sessie is afgelopen. Bedankt voor het meedoen!", icon="👋")
        return
    questions = room_questions(room.kind, room.source) or []
    if not 1 <= room.step <= len(questions) or not questions[room.step - 1].choices:
        st.info("Wacht even: de trainer gaat zo verder.")
        return
    question = questions[room.step - 1]
    mine = store.my_answers(code, participant.id).get(room.step)
    if participant.nickname:
        st.caption(f"Je doet mee als {md(participant.nickname)} · sessie {code}")
    st.caption(f"Vraag {room.step} van {len(questions)}")
    st.markdown(f"### {md(question.text)}")
    if error := st.session_state.pop("meedoen.error", None):
        st.warning(error)
    for i, label in enumerate(question.choices):
        st.button(
            label,
            key=f"keuze-{room.step}-{i}",
            on_click=_answer,
            args=(code, token, room.step, i, len(question.choices)),
            type="primary" if mine == i else "secondary",
            disabled=room.revealed,
            width="stretch",
            icon=":material/check_circle:" if mine == i else None,
        )
    if not room.revealed:
        if mine is None:
            st.caption("Tik op je antwoord. Je kunt het wijzigen tot de trainer onthult.")
        else:
            st.success("Je antwoord is binnen. Je kunt het nog wijzigen tot de trainer onthult.")
    elif mine is None:
        st.info("Je hebt deze vraag niet beantwoord.")
    elif question.answer == mine:
        st.success("**Goed!**" + (f" {md(question.explanation)}" if question.explanation else ""))
    else:
        right = question.choices[question.answer] if question.answer is not None else "?"
        st.error(f"**Niet goed.** Het juiste antwoord: **{md(right)}**.")
