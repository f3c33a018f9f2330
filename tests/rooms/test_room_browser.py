"""A live room in real browsers: one trainer and three participants on phones, against SQLite and against a
real PostgreSQL server. The trainer runs a case (with the clicker keys, in presentation mode) and a quiz:
join by code, answer, "Antwoorden: 3" on the trainer's screen, reveal, next step."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from leidraad.rooms.questions import questions_of, quiz_source
from tests.conftest import ROOT, StreamlitServer

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}
NICKNAMES = ("Sam", "<b>Kim</b><script>x", "")


def room_env(database: str, data_dir: Path, request: pytest.FixtureRequest) -> dict[str, str]:
    url = request.getfixturevalue("postgres_url") if database == "postgresql" else ""
    return {"LTV_DATA_DIR": str(data_dir), "LTV_DATABASE_URL": url}


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Two cores shared with other work: give a screen that polls every 1-2 s room to catch up."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture(params=["sqlite", "postgresql"])
def room_server(request: pytest.FixtureRequest, tmp_path: Path, chromium_path: str) -> Iterator[StreamlitServer]:
    server = StreamlitServer(ROOT / "app.py", env=room_env(request.param, tmp_path / "data", request))
    yield server
    server.stop()


@pytest.fixture
def phones(chromium_browser: Browser) -> Iterator[list[BrowserContext]]:
    """Three participants, each on a phone of their own (separate browser contexts)."""
    contexts = [chromium_browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True) for _ in range(3)]
    yield contexts
    for context in contexts:
        context.close()


@pytest.fixture
def trainer(chromium_browser: Browser) -> Iterator[Page]:
    context = chromium_browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def start_room(trainer: Page) -> str:
    trainer.get_by_role("button", name="Live sessie starten").click()
    expect(trainer).to_have_url(re.compile(r"kamer=[A-Z0-9]{6}&trainer="))
    code = re.search(r"kamer=([A-Z0-9]{6})", trainer.url).group(1)  # type: ignore[union-attr]
    expect(trainer.get_by_text(re.compile(rf"/meedoen\?code={code}$")).first).to_be_visible()
    expect(trainer.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    expect(trainer.get_by_text("Deelnemers: 0 · Antwoorden: 0")).to_be_visible()
    return code


def join(phones: list[BrowserContext], server: StreamlitServer, code: str) -> list[Page]:
    pages = []
    for context, nickname in zip(phones, NICKNAMES, strict=True):
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{server.url}/meedoen?code={code.lower()}")  # typed in lower case: still the room
        expect(page.get_by_text(f"Je doet mee aan sessie {code}")).to_be_visible()
        assert "trainer=" not in page.url
        page.get_by_role("textbox", name="Bijnaam (mag leeg blijven)").fill(nickname)
        page.get_by_role("button", name="Meedoen").click()
        expect(page).to_have_url(re.compile("deelnemer="))
        pages.append(page)
    expect(pages[1].get_by_text("Je doet mee als <b>Kim</b><script>x")).to_be_visible()  # text, not markup
    assert pages[1].locator("b", has_text="Kim").count() == 0
    return pages


def tap(page: Page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    expect(page.get_by_text("Je antwoord is binnen.")).to_be_visible()


def test_a_trainer_runs_a_case_and_a_quiz_with_three_phones(
    room_server: StreamlitServer, trainer: Page, phones: list[BrowserContext], content_model
) -> None:
    model = content_model.model
    # A case whose second step is a decision, so both kinds of question come by.
    scenario = next(s for s in model.scenarios.values() if s.steps[1].choices and not s.steps[0].choices)
    questions = questions_of(model, "casus", scenario.id)
    assert questions is not None
    first, second = questions[0], questions[1]
    trainer.goto(f"{room_server.url}/training?scenario={scenario.id}&nr=1&presentatie=1")
    code = start_room(trainer)
    people = join(phones, room_server, code)
    expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 0")).to_be_visible()

    # Step 1, "Wie is nu aan zet?": the organisations in play as buttons.
    right, wrong = first.choices[first.answer], first.choices[(first.answer + 1) % len(first.choices)]
    for page in people:
        expect(page.get_by_text("Wie is nu aan zet?")).to_be_visible()
        expect(page.get_by_role("button", name=right, exact=True)).to_be_visible()
    tap(people[0], right)
    tap(people[1], wrong)
    tap(people[2], wrong)
    tap(people[2], right)  # changed their mind
    tap(people[2], right)  # and tapped twice
    expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 3")).to_be_visible()
    expect(trainer.get_by_text("De verdeling verschijnt bij het onthullen.")).to_be_visible()
    for page in people:  # no participant sees what the others chose
        expect(page.get_by_text("Antwoorden")).to_have_count(0)
        expect(page.get_by_role("progressbar")).to_have_count(0)

    trainer.reload()  # the trainer stays the trainer, with the answers
    expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 3")).to_be_visible()
    people[0].reload()  # a participant who dropped out comes back with their answer
    expect(people[0].get_by_text("Je antwoord is binnen.")).to_be_visible()

    trainer.keyboard.press("PageDown")  # the clicker reveals
    expect(trainer.get_by_text(f"{right} ✓: 2")).to_be_visible()
    expect(people[0].get_by_text("Goed!")).to_be_visible()
    expect(people[1].get_by_text("Niet goed.")).to_be_visible()
    expect(people[2].get_by_text("Goed!")).to_be_visible()
    expect(people[1].get_by_role("button", name=right, exact=True)).to_be_disabled()
    ARTIFACTS.mkdir(exist_ok=True)
    trainer.screenshot(path=str(ARTIFACTS / "room-trainer-case.png"), full_page=True)
    people[1].screenshot(path=str(ARTIFACTS / "room-phone-case.png"), full_page=True)

    trainer.keyboard.press("PageDown")  # the clicker goes on; the phones follow by themselves
    expect(trainer.get_by_text(f"Stap 2 van {len(scenario.steps)}")).to_be_visible()
    for page in people:
        expect(page.get_by_text(second.text)).to_be_visible()
        for label in second.choices:
            expect(page.get_by_role("button", name=label, exact=True)).to_be_enabled()
    for page in people:
        tap(page, second.choices[second.answer])
    expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 3")).to_be_visible()

    # Someone with the room code but not the token cannot act as the trainer.
    intruder = phones[0].new_page()
    intruder.goto(f"{room_server.url}/training?scenario={scenario.id}&nr=1&kamer={code}&trainer=raden")
    expect(intruder.get_by_text("Deze link hoort niet bij een open sessie")).to_be_visible()
    expect(intruder.get_by_text("Antwoorden:")).to_have_count(0)
    intruder.close()

    with trainer.expect_download() as download:
        trainer.get_by_role("button", name="Resultaten (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["stap", "vraag", "keuze", "aantal"]
    assert ["1", first.text, right, "2"] in rows and ["1", first.text, wrong, "1"] in rows
    assert ["2", second.text, second.choices[second.answer], "3"] in rows

    trainer.get_by_role("button", name="Sessie sluiten").click()
    expect(trainer.get_by_role("button", name="Live sessie starten")).to_be_visible()
    expect(people[0].get_by_text("De sessie is afgelopen.")).to_be_visible()
    people[1].goto(f"{room_server.url}/meedoen?code={code}")
    expect(people[1].get_by_text("Deze sessie is gesloten door de trainer.")).to_be_visible()
    people[1].goto(f"{room_server.url}/meedoen?code=ACDEFG")
    expect(people[1].get_by_text("Er is geen sessie met de code ACDEFG.")).to_be_visible()

    for page in people:
        page.close()

    # A seeded quiz: the same three phones.
    seed, count = 11, 2
    quiz = questions_of(model, "quiz", quiz_source(seed, count, None, None))
    assert quiz is not None
    trainer.goto(f"{room_server.url}/quiz?seed={seed}&aantal={count}")
    code = start_room(trainer)
    people = join(phones, room_server, code)
    q1 = quiz[0]
    for i, page in enumerate(people):
        expect(page.get_by_text(q1.text)).to_be_visible()
        tap(page, q1.choices[q1.answer if i < 2 else (q1.answer + 1) % len(q1.choices)])
    expect(trainer.get_by_text("Deelnemers: 3 · Antwoorden: 3")).to_be_visible()
    trainer.get_by_role("button", name="Onthul").click()
    expect(people[0].get_by_text("Goed!")).to_be_visible()
    expect(people[2].get_by_text("Niet goed.")).to_be_visible()
    trainer.get_by_text("Scorebord").click()
    board = trainer.get_by_test_id("stExpander").filter(has_text="Scorebord").get_by_role("listitem")
    expect(board).to_have_text(["Sam: 1", "<b>Kim</b><script>x: 1", "Deelnemer 3: 0"])
    trainer.get_by_text("Anoniem tonen").click()
    expect(board).to_have_text(["Deelnemer 1: 1", "Deelnemer 2: 1", "Deelnemer 3: 0"])
    trainer.screenshot(path=str(ARTIFACTS / "room-trainer-quiz.png"), full_page=True)
    trainer.get_by_role("button", name="Volgende").click()
    expect(trainer.get_by_text(f"Vraag 2 van {count}")).to_be_visible()
    for page in people:
        expect(page.get_by_text(quiz[1].text)).to_be_visible()
    people[2].screenshot(path=str(ARTIFACTS / "room-phone-quiz.png"), full_page=True)
