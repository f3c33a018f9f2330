"""The room store on SQLite and PostgreSQL: codes, joins, answers, reveal, expiry, migrations, trainer rights."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from leidraad.rooms.codes import ALPHABET, CODE_LENGTH, normalise_code
from leidraad.rooms.migrate import migrate, migrations, schema_version
from leidraad.rooms.questions import questions_of, quiz_source, results_rows, scoreboard
from leidraad.rooms.store import EXPIRY_HOURS, RoomError, clean_nickname


def test_codes_are_short_and_unambiguous(make_store) -> None:
    store = make_store()
    codes = {store.create_room("casus", "x")[0].code for _ in range(40)}
    assert len(codes) == 40
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert not set("0O1IL5S2Z8B") & set(ALPHABET)
    some = next(iter(codes))
    assert normalise_code(f" {some[:3].lower()}-{some[3:]} ") == some
    assert normalise_code("ABC") is None and normalise_code("OOOOOO") is None


def test_migrations_apply_once_and_are_recorded(make_store) -> None:
    store = make_store()
    assert schema_version(store.engine) == len(migrations())
    assert migrate(store.engine) == []  # a second start applies nothing
    make_store()  # nor does another process starting on the same database


def test_answers_count_once_per_participant_and_change_until_reveal(make_store) -> None:
    store = make_store()
    room, trainer = store.create_room("casus", "amv-zeventien")
    tokens = [store.join(room.code, f"p{i}")[1] for i in range(3)]
    store.answer(room.code, tokens[0], 1, 2, 4)
    store.answer(room.code, tokens[0], 1, 2, 4)  # a double tap
    store.answer(room.code, tokens[1], 1, 0, 4)
    store.answer(room.code, tokens[1], 1, 1, 4)  # changed their mind
    tally = store.tally(room.code, 1)
    assert (tally.participants, tally.answered, tally.counts) == (3, 2, {2: 1, 1: 1})
    store.set_position(room.code, trainer, 1, True)
    with pytest.raises(RoomError, match="onthuld"):
        store.answer(room.code, tokens[2], 1, 0, 4)
    with pytest.raises(RoomError, match="andere vraag"):
        store.answer(room.code, tokens[2], 2, 0, 4)
    with pytest.raises(RoomError, match="hoort niet"):
        store.answer(room.code, tokens[2], 1, 9, 4)
    store.set_position(room.code, trainer, 2, False)
    store.answer(room.code, tokens[2], 2, 3, 4)
    assert store.room(room.code).step == 2 and not store.room(room.code).revealed
    store.set_position(room.code, trainer, 1, False)
    assert store.room(room.code).revealed  # a reveal is never taken back


def test_concurrent_answers_are_all_kept(make_store) -> None:
    store = make_store()
    room, _ = store.create_room("quiz", quiz_source(1, 3, None, None))
    tokens = [store.join(room.code)[1] for _ in range(30)]
    errors: list[BaseException] = []

    def tap(token: str, i: int) -> None:
        try:
            for _ in range(3):
                store.answer(room.code, token, 1, i % 4, 4)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=tap, args=(t, i)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.tally(room.code, 1).answered == 30


def test_only_the_trainer_moves_or_closes_the_room(make_store) -> None:
    store = make_store()
    room, trainer = store.create_room("casus", "amv-zeventien")
    _, participant = store.join(room.code)
    for token in (participant, "", "x" * 32):
        assert not store.is_trainer(room.code, token)
        with pytest.raises(RoomError, match="trainer"):
            store.set_position(room.code, token, 2, True)
        with pytest.raises(RoomError, match="trainer"):
            store.close(room.code, token)
    assert store.is_trainer(room.code, trainer)
    assert store.participant(room.code, trainer) is None
    store.close(room.code, trainer)
    with pytest.raises(RoomError, match="gesloten"):
        store.open_room(room.code)
    with pytest.raises(RoomError, match="niet meer open"):
        store.answer(room.code, participant, 1, 0, 4)


def test_unknown_and_expired_codes_get_dutch_messages_and_expired_rooms_go(make_store) -> None:
    clock = [1_000_000.0]
    store = make_store(now=lambda: clock[0])
    with pytest.raises(RoomError, match="geen sessie met de code"):
        store.open_room("ACDEFG")
    with pytest.raises(RoomError, match="6 letters"):
        store.open_room("<script>")
    room, _ = store.create_room("casus", "amv-zeventien")
    _, token = store.join(room.code, "Kim")
    store.answer(room.code, token, 1, 0, 4)
    clock[0] += EXPIRY_HOURS * 3600 + 1
    with pytest.raises(RoomError, match="verlopen"):
        store.open_room(room.code)
    assert store.purge_expired() >= 1
    with store.engine.connect() as conn:
        for table in ("rooms", "participants", "answers"):
            left = conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE {'code' if table == 'rooms' else 'room'} = :c"),
                {"c": room.code},
            ).scalar_one()
            assert left == 0, table


def test_a_participant_keeps_their_answers_with_their_token(make_store) -> None:
    store = make_store()
    room, _ = store.create_room("casus", "amv-zeventien")
    who, token = store.join(room.code, "  <b>Kim</b>\n\x00 ")
    assert who.nickname == "<b>Kim</b>"
    store.answer(room.code, token, 1, 1, 4)
    again = make_store().participant(room.code, token)  # another process, after a reconnect
    assert again == who
    assert store.my_answers(room.code, who.id) == {1: 1}
    assert clean_nickname("x" * 100) == "x" * 24


def test_scoreboard_and_results_on_a_real_quiz(make_store, content_model) -> None:
    store = make_store()
    source = quiz_source(7, 3, None, None)
    questions = questions_of(content_model.model, "quiz", source)
    assert questions and len(questions) == 3
    room, trainer = store.create_room("quiz", source)
    (_, good), (_, bad) = store.join(room.code, "Goed"), store.join(room.code, "")
    for step, question in enumerate(questions, start=1):
        store.set_position(room.code, trainer, step, False)
        store.answer(room.code, good, step, question.answer, len(question.choices))
        store.answer(room.code, bad, step, (question.answer + 1) % len(question.choices), len(question.choices))
        store.set_position(room.code, trainer, step, True)
    board = scoreboard(questions, store.answers(room.code), store.revealed_steps(room.code))
    assert board == [("Goed", 3), ("", 0)]
    rows = results_rows(questions, store.answers(room.code))
    assert sum(r[3] for r in rows) == 6
    assert {(r[0], r[2]) for r in rows if r[3]} >= {(1, questions[0].choices[questions[0].answer])}
