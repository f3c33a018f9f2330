"""A phone (390x844, touch): the text view first, the diagram one switch away; a one-finger swipe
scrolls the page until the diagram is activated; two fingers pinch-zoom; the panel reads below."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.media import HOST, measure, wait_ready

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def phone(chromium_browser) -> Iterator[Page]:
    context = chromium_browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_UA,
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


# the centre of a step that is wholly in view (inside the diagram's pane and the window)
VISIBLE_STEP = """() => {
  const root = document.querySelector('[data-testid=stBidiComponentIsolated]').shadowRoot;
  const pane = root.querySelector('.ltvd-pane').getBoundingClientRect();
  for (const g of root.querySelectorAll('.ltvd-stage g.node.node-task')) {
    const r = g.getBoundingClientRect();
    if (r.left >= pane.left && r.right <= pane.right && r.top >= Math.max(pane.top, 0)
        && r.bottom <= Math.min(pane.bottom, innerHeight)) return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  }
  return null;
}"""


def touch(page: Page, kind: str, points: list[tuple[float, float]]) -> None:
    cdp = page.context.new_cdp_session(page) if not hasattr(page, "_ltv_cdp") else page._ltv_cdp  # type: ignore[attr-defined]
    page._ltv_cdp = cdp  # type: ignore[attr-defined]
    cdp.send(
        "Input.dispatchTouchEvent",
        {"type": kind, "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]},
    )


def swipe(page: Page, x: float, y0: float, y1: float, steps: int = 8) -> None:
    touch(page, "touchStart", [(x, y0)])
    for i in range(1, steps + 1):
        touch(page, "touchMove", [(x, y0 + (y1 - y0) * i / steps)])
    touch(page, "touchEnd", [])
    page.wait_for_timeout(400)


def test_phone_text_first_swipe_scrolls_tap_activates_pinch_zooms(phone: Page, app_server) -> None:
    page = phone
    page.goto(f"{app_server.url}/proces?proces=vertrektermijn")
    expect(page.get_by_text("Op een smal scherm staat de tekstweergave voorop")).to_be_visible(timeout=30_000)
    assert page.locator(HOST).count() == 0 or page.locator(".ltvd-box").count() == 0
    page.get_by_role("radio", name="Diagram").or_(page.get_by_role("button", name="Diagram")).first.click()
    wait_ready(page)
    page.locator(HOST).first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    f = measure(page)
    assert f["label"] >= 12, f"labels {f['label']:.1f} px on the phone"
    assert f["box"]["bottom"] - f["box"]["top"] <= 0.62 * 844, "the diagram leaves room to scroll past it"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone-diagram.png"))

    # one finger on the diagram, not activated: the page scrolls, the drawing stays
    x = (f["box"]["left"] + f["box"]["right"]) / 2
    y = (f["box"]["top"] + f["box"]["bottom"]) / 2
    before = measure(page)
    swipe(page, x, y + 120, y - 120)
    after = measure(page)
    assert after["scrollY"] > before["scrollY"] + 50, "a swipe over the diagram scrolls the page"
    assert after["transform"] == before["transform"], "... and does not pan the drawing"

    # a tap activates the diagram: now one finger pans it and the page stays
    f = measure(page)
    y = (max(f["box"]["top"], 0) + min(f["box"]["bottom"], f["vh"])) / 2  # the middle of its visible part
    page.touchscreen.tap(x - 60, y)
    page.wait_for_timeout(300)
    active = page.evaluate(f"() => document.querySelector('{HOST}').shadowRoot.querySelector('.ltvd-root').className")
    assert "engaged" in active, f"a tap activates the diagram ({active})"
    before = measure(page)
    swipe(page, x + 80, y, y - 100)
    after = measure(page)
    assert abs(after["scrollY"] - before["scrollY"]) < 5, "an activated diagram keeps the page still"
    assert after["transform"] != before["transform"], "... and pans the drawing"

    # two fingers pinch: the drawing zooms
    before = measure(page)
    touch(page, "touchStart", [(x - 30, y), (x + 30, y)])
    for i in range(1, 7):
        touch(page, "touchMove", [(x - 30 - 12 * i, y), (x + 30 + 12 * i, y)])
    touch(page, "touchEnd", [])
    page.wait_for_timeout(300)
    after = measure(page)
    assert measure(page)["label"] > before["label"] * 1.3, "a pinch zooms in"
    assert abs(after["scrollY"] - before["scrollY"]) < 5

    # a tap on a step: its panel reads below the diagram, full width
    page.get_by_role("button", name="Hele tekening").first.tap()
    page.wait_for_timeout(300)
    target = page.evaluate(VISIBLE_STEP)
    assert target, "a step is in view"
    page.touchscreen.tap(target[0], target[1])
    page.wait_for_timeout(300)
    f = measure(page)
    assert f["panel"] and f["panel"]["top"] >= f["box"]["bottom"], "the panel sits under the diagram"
    assert f["panel"]["right"] - f["panel"]["left"] >= 300
    assert "Verantwoordelijk" in f["panelText"]
    page.locator(f"{HOST} .ltvd-panel").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "phone-panel.png"))
