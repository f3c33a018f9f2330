"""Presentation mode on a projector-size screen (1920x1080), walked through a whole case with the
clicker keys only: every revealed step is in view at >= 16 CSS px, the diagram stays on the screen
(also under decision feedback) and the page never needs scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.media import measure, on_screen, wait_ready

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def press(page: Page, key: str) -> None:
    page.wait_for_timeout(200)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=20_000)
    page.keyboard.press(key)
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=20_000)


def check_view(page: Page, what: str) -> dict:
    wait_ready(page)
    f = measure(page)
    assert f["label"] >= 16, f"{what}: labels {f['label']:.1f} px"
    assert f["box"]["top"] >= 0 and f["box"]["bottom"] <= f["vh"] + 1, f"{what}: the diagram is not wholly on screen"
    assert f["scrollY"] < 2, f"{what}: the page had to scroll"
    return f


def test_a_whole_case_with_the_keyboard_on_a_projector(page: Page, app_server, content_model) -> None:
    model = content_model.model
    with_choices = [s for s in model.scenarios.values() if any(step.choices for step in s.steps)]
    scenario = min(with_choices, key=lambda s: len(s.steps))
    total = len(scenario.steps)
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_server.url}/training?scenario={scenario.id}&nr=1&presentatie=1")
    expect(page.get_by_text(f"Stap 1 van {total}")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("PageDown of spatie")).to_be_visible()  # the clicker keys are on the page
    expect(page.get_by_role("button", name="Volledig scherm")).to_be_visible()  # the key listener is there
    page.wait_for_timeout(500)
    labels = []
    for nr, step in enumerate(scenario.steps, start=1):
        expect(page.get_by_text(f"Stap {nr} van {total}")).to_be_visible(timeout=20_000)
        press(page, "PageDown")  # reveal
        node = model.resolve_step(step.step)[1]
        who = model.organisations[node.org].label
        expect(page.get_by_role("heading", level=3).first).to_contain_text(who, timeout=20_000)
        f = check_view(page, f"step {nr}")
        assert f["selected"] and on_screen(f["selected"], f), f"step {nr} ({node.id}) is not in view"
        labels.append(round(f["label"], 1))
        if step.choices:
            press(page, "1")
            expect(page.get_by_text("Klopt.").or_(page.get_by_text("Niet in deze casus.")).first).to_be_visible()
            f = check_view(page, f"step {nr} with feedback")
            assert f["selected"] and on_screen(f["selected"], f), f"step {nr}: the feedback pushed the step away"
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "presentation-decision.png"))
        if nr < total:
            press(page, "PageDown")
    expect(page.get_by_text("Einde van de casus.")).to_be_visible()
    print(f"\npresentation 1920x1080, {scenario.id}: smallest label per step (px): {labels}")
