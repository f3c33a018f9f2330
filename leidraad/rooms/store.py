"""Rooms, participants and answers in the database (see engine.py and migrate.py).

Only hashes of the trainer's and the participants' tokens are stored, and no personal data beyond an optional
nickname. A room expires EXPIRY_HOURS after it was made and is then deleted with everything in it. Every
change to a room bumps its version, so a screen that polls can tell cheaply whether anything moved.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from leidraad.rooms.codes import new_code, new_token, normalise_code, token_hash
from leidraad.rooms.engine import make_engine
from leidraad.rooms.migrate import migrate

EXPIRY_HOURS = 24
MAX_NICKNAME = 24
MAX_PARTICIPANTS = 300
KINDS = ("casus", "quiz")


class RoomError(Exception):
    """Something a person did that cannot be done; the message is Dutch and meant for them."""


@dataclass(frozen=True)
class Room:
    code: str
    kind: str
    source: str
    step: int
    version: int
    created_at: int
    expires_at: int
    closed: bool
    revealed: bool  # the current step


@dataclass(frozen=True)
class Participant:
    id: str
    room: str
    nickname: str


@dataclass(frozen=True)
class Tally:
    """What the trainer's screen shows for one step."""

    participants: int
    answered: int  # distinct participants who answered this step
    counts: dict[int, int]  # choice -> number of answers


def clean_nickname(text: str | None) -> str:
    """One line of at most MAX_NICKNAME characters; control characters dropped (the UI escapes the rest)."""
    kept = "".join(c for c in (text or "") if c.isprintable())
    return " ".join(kept.split())[:MAX_NICKNAME]


class RoomStore:
    def __init__(self, url: str, now: Callable[[], float] = time.time) -> None:
        self.engine: Engine = make_engine(url)
        self._now = now
        migrate(self.engine)
        self.purge_expired()  # on every start-up, and whenever a room is made

    # ------------------------------------------------------------------------------------------ plumbing

    def _ms(self) -> int:
        return int(self._now() * 1000)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def _room(self, conn: Connection, code: str) -> Room | None:
        row = conn.execute(
            text(
                "SELECT r.code, r.kind, r.source, r.step, r.version, r.created_at, r.expires_at, r.closed_at, "
                "(SELECT COUNT(*) FROM revealed_steps s WHERE s.room = r.code AND s.step = r.step) "
                "FROM rooms r WHERE r.code = :code"
            ),
            {"code": code},
        ).first()
        if row is None or row[6] <= self._ms():
            return None
        return Room(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] is not None, bool(row[8]))

    def _trainer(self, conn: Connection, code: str, token: str) -> Room:
        hashed = conn.execute(text("SELECT trainer_hash FROM rooms WHERE code = :code"), {"code": code}).scalar()
        room = self._room(conn, code)
        if room is None or hashed is None or not secrets.compare_digest(hashed, token_hash(token)):
            raise RoomError("Alleen de trainer van deze sessie kan dit doen.")
        return room

    def _bump(self, conn: Connection, code: str) -> None:
        conn.execute(text("UPDATE rooms SET version = version + 1 WHERE code = :code"), {"code": code})

    # ------------------------------------------------------------------------------------------ trainer

    def create_room(self, kind: str, source: str, step: int = 1) -> tuple[Room, str]:
        """A new room and its trainer token (shown once, kept by the trainer's page in its URL)."""
        if kind not in KINDS:
            raise ValueError(kind)
        self.purge_expired()
        token = new_token()
        now = self._ms()
        with self._write() as conn:
            for _ in range(20):
                code = new_code()
                if conn.execute(text("SELECT 1 FROM rooms WHERE code = :c"), {"c": code}).first() is None:
                    break
            else:
                raise RoomError("Er kon geen vrije code worden gevonden; probeer het opnieuw.")
            conn.execute(
                text(
                    "INSERT INTO rooms (code, trainer_hash, kind, source, step, version, created_at, expires_at) "
                    "VALUES (:code, :hash, :kind, :source, :step, 0, :now, :expires)"
                ),
                {
                    "code": code,
                    "hash": token_hash(token),
                    "kind": kind,
                    "source": source,
                    "step": step,
                    "now": now,
                    "expires": now + EXPIRY_HOURS * 3600 * 1000,
                },
            )
            room = self._room(conn, code)
        assert room is not None
        return room, token

    def is_trainer(self, code: str, token: str | None) -> bool:
        if not token:
            return False
        try:
            with self._read() as conn:
                self._trainer(conn, code, token)
        except RoomError:
            return False
        return True

    def set_position(self, code: str, token: str, step: int, revealed: bool) -> Room:
        """Move the room to `step`; `revealed` reveals it (a reveal is never taken back)."""
        with self._write() as conn:
            room = self._trainer(conn, code, token)
            if room.closed:
                raise RoomError("Deze sessie is gesloten.")
            if room.step == step and (room.revealed or not revealed):
                return room
            if room.step != step:
                conn.execute(text("UPDATE rooms SET step = :s WHERE code = :c"), {"s": step, "c": code})
            if revealed:
                conn.execute(
                    text(
                        "INSERT INTO revealed_steps (room, step, revealed_at) VALUES (:c, :s, :t) "
                        "ON CONFLICT (room, step) DO NOTHING"
                    ),
                    {"c": code, "s": step, "t": self._ms()},
                )
            self._bump(conn, code)
            moved = self._room(conn, code)
        assert moved is not None
        return moved

    def close(self, code: str, token: str) -> None:
        with self._write() as conn:
            self._trainer(conn, code, token)
            conn.execute(
                text("UPDATE rooms SET closed_at = :t, version = version + 1 WHERE code = :c AND closed_at IS NULL"),
                {"t": self._ms(), "c": code},
            )

    def _count_participants(self, conn: Connection, code: str) -> int:
        count: int = conn.execute(text("SELECT COUNT(*) FROM participants WHERE room = :c"), {"c": code}).scalar_one()
        return count

    def count_participants(self, code: str) -> int:
        with self._read() as conn:
            return self._count_participants(conn, code)

    def tally(self, code: str, step: int) -> Tally:
        """The trainer's polling path: two small indexed queries in one connection."""
        with self._read() as conn:
            participants = self._count_participants(conn, code)
            counts = {
                row[0]: row[1]
                for row in conn.execute(
                    text("SELECT choice, COUNT(*) FROM answers WHERE room = :c AND step = :s GROUP BY choice"),
                    {"c": code, "s": step},
                )
            }
        return Tally(participants, sum(counts.values()), counts)

    def answers(self, code: str) -> list[tuple[str, str, int, int]]:
        """(participant id, nickname, step, choice) for every answer in the room, by join order."""
        with self._read() as conn:
            rows = conn.execute(
                text(
                    "SELECT p.id, p.nickname, a.step, a.choice FROM answers a JOIN participants p "
                    "ON p.id = a.participant WHERE a.room = :c ORDER BY p.joined_at, p.id, a.step"
                ),
                {"c": code},
            )
            return [(r[0], r[1], r[2], r[3]) for r in rows]

    def participants(self, code: str) -> list[Participant]:
        with self._read() as conn:
            rows = conn.execute(
                text("SELECT id, room, nickname FROM participants WHERE room = :c ORDER BY joined_at, id"),
                {"c": code},
            )
            return [Participant(r[0], r[1], r[2]) for r in rows]

    def revealed_steps(self, code: str) -> set[int]:
        with self._read() as conn:
            return {r[0] for r in conn.execute(text("SELECT step FROM revealed_steps WHERE room = :c"), {"c": code})}

    # ------------------------------------------------------------------------------------------ participants

    def room(self, code: str) -> Room | None:
        """The room, or None when the code is unknown or the room has expired."""
        with self._read() as conn:
            return self._room(conn, code)

    def open_room(self, typed: str | None) -> Room:
        """The open room for what a participant typed, or a RoomError that says why not."""
        code = normalise_code(typed)
        if code is None:
            raise RoomError("Een code bestaat uit 6 letters en cijfers, zoals op het scherm van de trainer.")
        with self._read() as conn:
            room = self._room(conn, code)
            known = conn.execute(text("SELECT 1 FROM rooms WHERE code = :c"), {"c": code}).first() is not None
        if room is None:
            if known:
                raise RoomError("Deze sessie is verlopen. Vraag de trainer om een nieuwe code.")
            raise RoomError(f"Er is geen sessie met de code {code}. Controleer de code op het scherm van de trainer.")
        if room.closed:
            raise RoomError("Deze sessie is gesloten door de trainer.")
        return room

    def join(self, code: str, nickname: str | None = None) -> tuple[Participant, str]:
        """A new participant and their token (kept in the participant's URL, so they can rejoin)."""
        token = new_token()
        participant = Participant(secrets.token_hex(8), code, clean_nickname(nickname))
        with self._write() as conn:
            room = self._room(conn, code)
            if room is None or room.closed:
                raise RoomError("Deze sessie is niet meer open.")
            if self._count_participants(conn, code) >= MAX_PARTICIPANTS:
                raise RoomError(f"Deze sessie is vol ({MAX_PARTICIPANTS} deelnemers).")
            conn.execute(
                text(
                    "INSERT INTO participants (id, room, token_hash, nickname, joined_at) "
                    "VALUES (:id, :room, :hash, :nick, :now)"
                ),
                {
                    "id": participant.id,
                    "room": code,
                    "hash": token_hash(token),
                    "nick": participant.nickname,
                    "now": self._ms(),
                },
            )
            self._bump(conn, code)
        return participant, token

    def participant(self, code: str, token: str | None) -> Participant | None:
        if not token:
            return None
        with self._read() as conn:
            row = conn.execute(
                text("SELECT id, room, nickname FROM participants WHERE token_hash = :h AND room = :c"),
                {"h": token_hash(token), "c": code},
            ).first()
        return Participant(row[0], row[1], row[2]) if row else None

    def answer(self, code: str, token: str, step: int, choice: int, choices: int) -> None:
        """Record (or change) the participant's answer to the current step; a second tap changes nothing."""
        if not 0 <= choice < choices:
            raise RoomError("Dit antwoord hoort niet bij deze vraag.")
        with self._write() as conn:
            room = self._room(conn, code)
            who = conn.execute(
                text("SELECT id FROM participants WHERE token_hash = :h AND room = :c"),
                {"h": token_hash(token), "c": code},
            ).scalar()
            if room is None or room.closed:
                raise RoomError("Deze sessie is niet meer open.")
            if who is None:
                raise RoomError("Je doet niet (meer) mee aan deze sessie. Meld je opnieuw aan met de code.")
            if room.step != step:
                raise RoomError("De trainer is al naar een andere vraag gegaan.")
            if room.revealed:
                raise RoomError("Het antwoord is al onthuld; je kunt niet meer kiezen.")
            conn.execute(
                text(
                    "INSERT INTO answers (room, step, participant, choice, answered_at) "
                    "VALUES (:c, :s, :p, :choice, :t) "
                    "ON CONFLICT (room, step, participant) DO UPDATE SET choice = excluded.choice, "
                    "answered_at = excluded.answered_at"
                ),
                {"c": code, "s": step, "p": who, "choice": choice, "t": self._ms()},
            )

    def my_answers(self, code: str, participant_id: str) -> dict[int, int]:
        with self._read() as conn:
            rows = conn.execute(
                text("SELECT step, choice FROM answers WHERE room = :c AND participant = :p"),
                {"c": code, "p": participant_id},
            )
            return {r[0]: r[1] for r in rows}

    # ------------------------------------------------------------------------------------------ upkeep

    def purge_expired(self) -> int:
        """Delete expired rooms with their participants and answers; returns how many rooms went."""
        now = self._ms()
        with self._write() as conn:
            gone = [r[0] for r in conn.execute(text("SELECT code FROM rooms WHERE expires_at <= :t"), {"t": now})]
            for table in ("answers", "revealed_steps", "participants"):
                conn.execute(
                    text(f"DELETE FROM {table} WHERE room IN (SELECT code FROM rooms WHERE expires_at <= :t)"),
                    {"t": now},
                )
            conn.execute(text("DELETE FROM rooms WHERE expires_at <= :t"), {"t": now})
        return len(gone)
