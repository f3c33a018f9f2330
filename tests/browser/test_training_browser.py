"""A trainer walks a whole case with the clicker keys only, in presentation mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def press(page: Page, key: str) -> None:
    """A trainer's click: after the previous step has settled (the app is idle again)."""
    page.wait_for_timeout(250)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.keyboard.press(key)


def test_walk_a_case_to_its_end_with_the_keyboard(page: Page, app_server, content_model) -> None:
    model = content_model.model
    scenario = min(model.scenarios.values(), key=lambda s: len(s.steps))
    total = len(scenario.steps)
    page.goto(f"{app_server.url}/training?scenario={scenario.id}&nr=1&presentatie=1")
    expect(page.get_by_text(f"Stap 1 van {total}")).to_be_visible()
    expect(page.get_by_text("Wie is nu aan zet?")).to_be_visible()
    expect(page.locator("[data-testid=stNavSectionHeader], [data-testid=stTopNavLinkContainer]")).to_have_count(0)
    for nr in range(1, total + 1):
        press(page, "PageDown")  # reveal who acts
        first = model.resolve_step(scenario.steps[nr - 1].step)[1]
        expect(page.get_by_role("heading", level=3).first).to_contain_text(model.organisations[first.org].label)
        if nr == 2:
            press(page, "PageUp")
            expect(page.get_by_text(f"Stap 1 van {total}")).to_be_visible()
            press(page, "PageDown")  # step 1 was revealed already: straight on to step 2
            expect(page.get_by_text(f"Stap 2 van {total}")).to_be_visible()
        if nr < total:
            press(page, " ")  # space also goes on
            expect(page.get_by_text(f"Stap {nr + 1} van {total}")).to_be_visible()
    expect(page.get_by_text("Einde van de casus.")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"nr={total}(&|$)"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "training-end.png"), full_page=True)


def test_clicker_keys_leave_text_fields_alone(page: Page, app_server, content_model) -> None:
    scenario = next(iter(content_model.model.scenarios.values()))
    page.goto(f"{app_server.url}/quiz?seed=3&aantal=2")
    expect(page.get_by_text("Nakijken")).to_be_visible()
    page.goto(f"{app_server.url}/training?scenario={scenario.id}&nr=1")
    expect(page.get_by_text("Wie is nu aan zet?")).to_be_visible()
    page.evaluate("() => { const i = document.createElement('input'); i.id = 'probe'; document.body.append(i); }")
    page.locator("#probe").focus()
    page.keyboard.press("PageDown")
    page.wait_for_timeout(800)
    assert "nr=1" in page.url
    expect(page.get_by_text("Wie is nu aan zet?")).to_be_visible()
