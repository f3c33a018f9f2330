"""The trainer's side of a live room, for the Training page (a case) and the Quiz page (a seeded quiz):
start it, show the code, the join URL and its QR code, the answers as they come in, the reveal, a
scoreboard for a quiz, the CSV export, and close it.

The trainer's secret token travels in the trainer's own URL (`kamer=CODE&trainer=TOKEN`, so a reload keeps
the trainer the trainer) and in the session; the join URL carries only the code.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import timedelta

import segno
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.cache import room_questions, room_store
from components.guard import guarded
from components.navigation import query_param
from components.text import md
from leidraad.exports.csv_tables import to_csv
from leidraad.rooms.codes import normalise_code
from leidraad.rooms.questions import LiveQuestion, results_rows, scoreboard
from leidraad.rooms.store import RoomError

log = logging.getLogger("ltv.rooms")
TRAINER_POLL = timedelta(seconds=1)
JOIN_PATH = "meedoen"
CODE_PARAM = "kamer"
TOKEN_PARAM = "trainer"
LETTERS = "ABCDEFGHIJ"


@dataclass(frozen=True)
class Held:
    """A room this session is the trainer of."""

    code: str
    token: str


def _key(kind: str, source: str) -> str:
    return f"room.{kind}.{source}"


def held_room(kind: str, source: str) -> Held | None:
    """The open room this trainer runs for this case or quiz: from the URL after a reload, else the session.
    Keeps the URL in step, so a reload (or presentation mode) keeps the room."""
    key = _key(kind, source)
    code, token = normalise_code(query_param(CODE_PARAM)), query_param(TOKEN_PARAM)
    if not (code and token) and key not in st.session_state:
        _forget_url()
        return None  # no room here: the page needs no database
    store = room_store()
    if code and token:
        room = store.room(code)
        if room is not None and room.kind == kind and room.source == source and store.is_trainer(code, token):
            st.session_state[key] = Held(code, token)
        elif key not in st.session_state:
            st.warning("Deze link hoort niet bij een open sessie waarvan jij de trainer bent.", icon="🔒")
    held: Held | None = st.session_state.get(key)
    if held is None:
        _forget_url()
        return None
    room = store.room(held.code)
    if room is None or room.closed:
        del st.session_state[key]
        _forget_url()
        return None
    if query_param(CODE_PARAM) != held.code or query_param(TOKEN_PARAM) != held.token:
        st.query_params.update({CODE_PARAM: held.code, TOKEN_PARAM: held.token})
    return held


def _forget_url() -> None:
    for name in (CODE_PARAM, TOKEN_PARAM):
        if name in st.query_params:
            del st.query_params[name]


def start_button(kind: str, source: str, step: int, label_key: str) -> None:
    def _start() -> None:
        try:
            room, token = room_store().create_room(kind, source, step)
        except SQLAlchemyError:
            log.exception("could not make a room")
            st.session_state["room.error"] = "De live sessie kon niet starten: de database is niet bereikbaar."
            return
        st.session_state[_key(kind, source)] = Held(room.code, token)

    if error := st.session_state.pop("room.error", None):
        st.warning(error, icon="📡")

    st.button(
        "Live sessie starten",
        key=f"live-{label_key}",
        on_click=_start,
        icon=":material/cell_tower:",
        help="Deelnemers doen mee op hun telefoon met een code; hun antwoorden verschijnen hier.",
    )


def sync_position(held: Held, step: int, revealed: bool) -> bool:
    """Bring the room to the trainer's step; returns whether the step is revealed (the room remembers a
    reveal across a reload, the page's own state does not)."""
    try:
        room = room_store().set_position(held.code, held.token, step, revealed)
    except RoomError as error:
        st.error(str(error))
        return revealed
    return room.revealed


def join_url(code: str) -> str:
    """The participants' URL next to this page's: /meedoen?code=CODE (behind any base path)."""
    page = (st.context.url or "").split("?", 1)[0].rstrip("/")
    base = page.rsplit("/", 1)[0] if page.count("/") > 2 else page
    return f"{base}/{JOIN_PATH}?code={code}"


def _qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def join_block(held: Held, presenting: bool) -> None:
    """The code, the join URL and its QR code; folded away (the code stays in view) once people are in."""
    url = join_url(held.code)
    nobody_yet = room_store().count_participants(held.code) == 0
    label = f"Meedoen: code {held.code} · /{JOIN_PATH}?code={held.code}"
    with (
        st.expander(label, expanded=nobody_yet),
        st.container(horizontal=True, vertical_alignment="center"),
    ):
        st.image(_qr_png(url), width=220 if presenting else 150, alt=f"QR-code voor {url}")
        with st.container():
            st.markdown(f"**Doe mee op je telefoon** met code **{held.code}**")
            st.markdown(f"`{url}`")
            st.caption("Scan de QR-code of typ het adres; een bijnaam is niet nodig.")


@st.fragment(run_every=TRAINER_POLL)
@guarded("de antwoorden van de live sessie")
def live_answers(code: str, kind: str, source: str, step: int, revealed: bool) -> None:
    """Polled every second: the number of participants and answers and, if wanted, their distribution."""
    questions = room_questions(kind, source) or []
    question = questions[step - 1] if 1 <= step <= len(questions) else None
    tally = room_store().tally(code, step)
    st.markdown(f"#### Deelnemers: {tally.participants} · Antwoorden: {tally.answered}")
    if question is None or not question.choices:
        return
    if not revealed and st.session_state.get("room.hide-chart", True):
        st.caption("De verdeling verschijnt bij het onthullen.")
        return
    most = max(tally.counts.values(), default=0) or 1
    columns = st.columns(2 if len(question.choices) > 3 else 1)
    for i, label in enumerate(question.choices):
        count = tally.counts.get(i, 0)
        mark = " ✓" if revealed and question.answer == i else ""
        columns[i % len(columns)].progress(count / most, text=f"{md(label)}{mark}: **{count}**")


def trainer_tools(held: Held, kind: str, source: str) -> None:
    """Hide the chart until the reveal, the scoreboard (quiz), the CSV export and closing the room."""
    store = room_store()
    questions = room_questions(kind, source) or []
    with st.container(horizontal=True, vertical_alignment="center"):
        st.toggle("Verdeling pas tonen na onthullen", value=True, key="room.hide-chart")
        st.download_button(
            "Resultaten (CSV)",
            data=lambda: results_csv(held.code, questions),
            file_name=f"sessie-{held.code}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"csv-{held.code}",
        )
        if st.button("Sessie sluiten", key=f"sluiten-{held.code}", icon=":material/stop_circle:"):
            store.close(held.code, held.token)
            st.session_state.pop(_key(kind, source), None)
            _forget_url()
            st.rerun()
    if kind == "quiz":
        _scoreboard(held.code, questions)


def results_csv(code: str, questions: list[LiveQuestion]) -> bytes:
    rows = results_rows(questions, room_store().answers(code))
    return to_csv(["stap", "vraag", "keuze", "aantal"], rows)


def _scoreboard(code: str, questions: list[LiveQuestion]) -> None:
    store = room_store()
    with st.expander("Scorebord"):
        anonymous = st.toggle("Anoniem tonen", key=f"anoniem-{code}")
        board = scoreboard(questions, store.answers(code), store.revealed_steps(code))
        if not board:
            st.caption("Nog geen antwoorden.")
            return
        lines = [
            f"{place}. {'Deelnemer ' + str(place) if anonymous or not nick else md(nick)}: {score}"
            for place, (nick, score) in enumerate(board, start=1)
        ]
        st.markdown("\n".join(lines))


def case_room_sync(scenario_id: str, nr: int, revealed_steps: set[int]) -> Held | None:
    """For the Training page, before it draws the step: the room this trainer runs for the case, moved to
    step `nr`; a reveal the room remembers is added to the page's revealed steps."""
    try:
        held = held_room("casus", scenario_id)
        if held is not None and sync_position(held, nr, nr in revealed_steps):
            revealed_steps.add(nr)
    except SQLAlchemyError:
        unreachable()
        return None
    return held


def unreachable() -> None:
    log.exception("the room database is unreachable")
    st.warning("De live sessie is nu niet bereikbaar (database). De rest van de pagina werkt gewoon.", icon="📡")


def case_room_panel(held: Held | None, scenario_id: str, nr: int, revealed: bool, presenting: bool) -> None:
    """For the Training page, under its controls: start a room, or the running room's code and answers."""
    if held is None:
        start_button("casus", scenario_id, nr, f"casus-{scenario_id}")
        return
    try:
        join_block(held, presenting)
    except SQLAlchemyError:
        unreachable()
        return
    live_answers(held.code, "casus", scenario_id, nr, revealed)
    trainer_tools(held, "casus", scenario_id)


def choice_list(question: LiveQuestion, revealed: bool) -> str:
    """The choices as the projector shows them: A, B, C ... and after the reveal the right one marked."""
    return "\n".join(
        f"- **{LETTERS[i]}.** {md(c)}" + (" ✓ **goed**" if revealed and question.answer == i else "")
        for i, c in enumerate(question.choices)
    )
