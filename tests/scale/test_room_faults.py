"""A live room through the proxy of the cluster (PostgreSQL shared by both replicas), with faults:
the participant's replica is killed with SIGKILL, then PostgreSQL is stopped (as a tap is on its way)
and started again.

Asserted: after the kill the phone reconnects through the proxy to the other replica, its URL brings it
back into the room as the same participant, its answer is still counted and a new tap is saved; a
tap as the database goes away is retried and the phone says whether it was saved, and what it says
is what the database holds (nothing is silently lost); while the database is away the phone shows a
Dutch message instead of a question. Printed: the reconnect time."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from leidraad.rooms.questions import questions_of
from tests.conftest import CHROMIUM_ARGS
from tests.scale.conftest import CLUSTER, Cluster
from tests.scale.test_proxy import WATCH_CSP

pytestmark = [pytest.mark.scale, pytest.mark.browser]
PHONE = {"width": 390, "height": 844}


def stored_choice(cluster: Cluster, code: str) -> list[int]:
    with psycopg.connect(cluster.database_url, connect_timeout=5) as conn:
        return [row[0] for row in conn.execute("SELECT choice FROM answers WHERE room = %s", (code,))]


def test_a_live_room_survives_a_killed_replica_and_a_database_restart(
    cluster: Cluster, chromium_path: str, content_model
) -> None:
    from playwright.sync_api import expect, sync_playwright

    model = content_model.model
    scenario = next(s for s in model.scenarios.values() if not s.steps[0].choices)
    question = (questions_of(model, "casus", scenario.id) or [])[0]
    right = question.choices[question.answer or 0]
    wrong = next(c for c in question.choices if c != right)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        trainer = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        phone_context = browser.new_context(viewport=PHONE)
        phone = phone_context.new_page()
        for page in (trainer, phone):
            page.set_default_timeout(60_000)
            page.add_init_script(WATCH_CSP)  # the room's QR code and polling run under the proxy's CSP too
        opened: list[float] = []
        heard: list[float] = []

        def on_ws(ws) -> None:  # type: ignore[no-untyped-def]
            opened.append(time.monotonic())
            ws.on("framereceived", lambda _: len(heard) < len(opened) and heard.append(time.monotonic()))

        phone.on("websocket", on_ws)

        def chosen(label: str):  # type: ignore[no-untyped-def]
            return phone.locator("[data-testid=stBaseButton-primary]", has_text=label)

        def tap(label: str, then: str = "Je antwoord is binnen.") -> None:
            phone.get_by_role("button", name=label, exact=True).click()
            expect(phone.get_by_text(then)).to_be_visible()
            if then == "Je antwoord is binnen.":
                expect(chosen(label)).to_be_visible()

        trainer.goto(f"{cluster.url}training?scenario={scenario.id}&nr=1")
        trainer.get_by_role("button", name="Live sessie starten").click()
        expect(trainer).to_have_url(re.compile(r"kamer=[A-Z0-9]{6}&trainer="))
        code = re.search(r"kamer=([A-Z0-9]{6})", trainer.url).group(1)  # type: ignore[union-attr]
        phone.goto(f"{cluster.url}meedoen?code={code}")
        phone.get_by_role("textbox", name="Bijnaam (mag leeg blijven)").fill("Sam")
        phone.get_by_role("button", name="Meedoen").click()
        expect(phone).to_have_url(re.compile("deelnemer="))
        tap(wrong)
        expect(trainer.get_by_text("Deelnemers: 1 · Antwoorden: 1")).to_be_visible()

        # The phone's replica dies.
        victim = next(c["value"] for c in phone_context.cookies() if c["name"] == "LTVREPLICA")
        before = len(heard)
        os.kill(cluster.replica(victim)["pid"], signal.SIGKILL)
        killed_at = time.monotonic()
        deadline = killed_at + 90
        while len(heard) == before and time.monotonic() < deadline:
            phone.wait_for_timeout(100)
        assert len(heard) > before, "the phone did not reconnect"
        reconnect_s = heard[-1] - killed_at
        expect(phone.get_by_text(f"Je doet mee als Sam · sessie {code}")).to_be_visible()
        expect(chosen(wrong)).to_be_visible()  # the answer given before the kill, read back from the database
        tap(right)
        assert stored_choice(cluster, code) == [question.choices.index(right)]
        expect(trainer.get_by_text("Deelnemers: 1 · Antwoorden: 1")).to_be_visible()

        # The database goes away just as the participant taps: the save is tried again for a few
        # seconds, then the phone says whether it was saved. What it says must be what was stored.
        stopping = subprocess.Popen(
            [sys.executable, str(CLUSTER), "db-stop", "--dir", str(cluster.dir)], stdout=subprocess.DEVNULL
        )
        tapped_at = time.monotonic()
        phone.get_by_role("button", name=wrong, exact=True).click()
        saved, not_saved = chosen(wrong), phone.get_by_text("niet opgeslagen")
        expect(saved.or_(not_saved)).to_be_visible(timeout=60_000)
        outcome = "reported as not saved" if not_saved.is_visible() else "saved"
        reported_s = time.monotonic() - tapped_at
        assert stopping.wait(timeout=60) == 0
        # While the database is away the phone shows no question to tap, only a Dutch message.
        expect(phone.get_by_text("Er ging iets mis bij het tonen van").first).to_be_visible(timeout=30_000)
        away_text = phone.get_by_text("Er ging iets mis bij het tonen van").first.inner_text()
        assert cluster.run("db-start").returncode == 0
        expected = wrong if outcome == "saved" else right
        assert stored_choice(cluster, code) == [question.choices.index(expected)], outcome
        expect(phone.get_by_role("button", name=wrong, exact=True)).to_be_enabled(timeout=30_000)
        tap(wrong)  # the participant taps again, as the message asks
        assert stored_choice(cluster, code) == [question.choices.index(wrong)]
        expect(trainer.get_by_text("Deelnemers: 1 · Antwoorden: 1")).to_be_visible()
        phone.screenshot(path="test-artifacts/cluster-room-phone.png")
        violations = trainer.evaluate("window.__csp") + phone.evaluate("window.__csp")
        assert violations == [], violations
        browser.close()
    restarted = cluster.run("start-replica", victim)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    print(
        f"\nlive room: replica {victim} killed, phone reconnected after {reconnect_s:.1f} s and kept its answer; "
        f"a tap as the database stopped was {outcome} after {reported_s:.1f} s; while it was away the phone "
        f"showed: {away_text!r}; after the restart a new tap was saved"
    )
