"""The server dies in the middle of a room (SIGKILL, no chance to flush anything) and starts again: the room,
its participants and their answers are all there, the trainer is still the trainer, a phone rejoins."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from leidraad.rooms.questions import questions_of
from leidraad.rooms.store import RoomStore
from tests.conftest import ROOT, StreamlitServer
from tests.rooms.test_room_browser import PHONE, room_env

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_room_survives_a_server_restart(
    database: str, tmp_path: Path, request: pytest.FixtureRequest, chromium_browser: Browser, content_model
) -> None:
    expect.set_options(timeout=20_000)
    env = room_env(database, tmp_path / "data", request)
    url = env["LTV_DATABASE_URL"] or f"sqlite:///{tmp_path / 'data' / 'rooms.sqlite3'}"
    scenario = next(iter(content_model.model.scenarios.values()))
    first = (questions_of(content_model.model, "casus", scenario.id) or [])[0]
    trainer = chromium_browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    phone = chromium_browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    server = StreamlitServer(ROOT / "app.py", env=env)
    store: RoomStore | None = None
    try:
        trainer.goto(f"{server.url}/training?scenario={scenario.id}&nr=1")
        trainer.get_by_role("button", name="Live sessie starten").click()
        expect(trainer).to_have_url(re.compile(r"kamer=[A-Z0-9]{6}&trainer="))
        code = re.search(r"kamer=([A-Z0-9]{6})", trainer.url).group(1)  # type: ignore[union-attr]
        phone.goto(f"{server.url}/meedoen?code={code}")
        phone.get_by_role("textbox", name="Bijnaam (mag leeg blijven)").fill("Telefoon")
        phone.get_by_role("button", name="Meedoen").click()
        phone.get_by_role("button", name=first.choices[0], exact=True).click()
        expect(phone.get_by_text("Je antwoord is binnen.")).to_be_visible()
        store = RoomStore(url.replace("postgresql://", "postgresql+psycopg://", 1))  # two more, from elsewhere
        for nickname, choice in (("Twee", first.answer or 0), ("Drie", 1)):
            _, token = store.join(code, nickname)
            store.answer(code, token, 1, choice, len(first.choices))
        expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 3")).to_be_visible()

        server.proc.kill()  # mid-room, without a clean shutdown
        server.proc.wait(timeout=10)
        started = time.monotonic()
        server = StreamlitServer(ROOT / "app.py", env=env)
        print(f"\n[{database}] server restarted in {time.monotonic() - started:.1f} s")

        new_base = server.url
        trainer.goto(re.sub(r"^http://127\.0\.0\.1:\d+", new_base, trainer.url))
        expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 3")).to_be_visible()
        expect(trainer.get_by_text(f"Meedoen: code {code}")).to_be_visible()
        phone.goto(re.sub(r"^http://127\.0\.0\.1:\d+", new_base, phone.url))
        expect(phone.get_by_text("Je doet mee als Telefoon")).to_be_visible()
        expect(phone.get_by_text("Je antwoord is binnen.")).to_be_visible()
        phone.get_by_role("button", name=first.choices[1], exact=True).click()  # still changes their answer
        trainer.keyboard.press("PageDown")  # and the trainer still reveals
        expect(phone.get_by_text("Niet goed.").or_(phone.get_by_text("Goed!"))).to_be_visible()
        answers = store.answers(code)
        assert sorted((nick, step) for _, nick, step, _ in answers) == [("Drie", 1), ("Telefoon", 1), ("Twee", 1)]
        assert store.tally(code, 1).answered == 3 and store.room(code).revealed  # type: ignore[union-attr]
    finally:
        expect.set_options(timeout=5_000)
        if store is not None:
            store.engine.dispose()
        server.stop()
        trainer.context.close()
        phone.context.close()
