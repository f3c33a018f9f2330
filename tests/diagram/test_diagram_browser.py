"""The diagram component in a real browser (Debian's Chromium via Playwright) against its test app."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HOST = "[data-testid=stBidiComponentIsolated]"
TRANSFORM = re.compile(r"translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)")


def open_app(page: Page, url: str, query: str = "") -> None:
    page.goto(url + query)
    page.locator("g.node").first.wait_for()
    expect(page.get_by_text("Geselecteerd:")).to_be_visible()


def node(page: Page, node_id: str):
    return page.locator(f'g.node[id="{node_id}"]')


def classes(page: Page, element_id: str) -> set[str]:
    return set((page.locator(f'[id="{element_id}"]').get_attribute("class") or "").split())


def transform(page: Page) -> tuple[float, float, float]:
    match = TRANSFORM.fullmatch(page.locator(".ltvd-stage").evaluate("el => el.style.transform"))
    assert match, "the stage has a translate/scale transform"
    x, y, k = (float(v) for v in match.groups())
    return x, y, k


def focused(page: Page) -> str | None:
    return page.evaluate(f"() => document.querySelector('{HOST}').shadowRoot.activeElement?.id ?? null")


def in_view(page: Page, node_id: str) -> bool:
    """The step lies wholly inside the drawing's pane (beside the lane-header strip)."""
    return page.evaluate(
        f"""() => {{
            const root = document.querySelector('{HOST}').shadowRoot;
            const a = root.getElementById('{node_id}').getBoundingClientRect();
            const b = root.querySelector('.ltvd-pane').getBoundingClientRect();
            return a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
        }}"""
    )


def centre_offset(page: Page, node_id: str) -> float:
    """Distance between a step's centre and the diagram viewport's centre, in px (as the JS measures)."""
    return page.evaluate(
        f"""() => {{
            const root = document.querySelector('{HOST}').shadowRoot;
            const a = root.getElementById('{node_id}').getBoundingClientRect();
            const b = root.querySelector('.ltvd-viewport').getBoundingClientRect();
            return Math.abs(a.left + a.width / 2 - b.left - b.width / 2)
                + Math.abs(a.top + a.height / 2 - b.top - b.height / 2);
        }}"""
    )


def wait_quiet(frames: list, seconds: float = 0.8, limit: float = 20) -> None:
    """Wait until no websocket frame arrived for `seconds` (reruns and the held-drawing handshake done)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        count = len(frames)
        time.sleep(seconds)
        if len(frames) == count:
            return
    raise AssertionError("the websocket never went quiet")


def test_click_reaches_python_and_highlights_neighbours_at_once(page: Page, diagram_server) -> None:
    open_app(page, diagram_server.url)
    expect(page.get_by_text("Geselecteerd: geen")).to_be_visible()
    # Synchronously after the click event, before any rerun can answer:
    now = page.evaluate(
        """() => {
            const root = document.querySelector('[data-testid=stBidiComponentIsolated]').shadowRoot;
            root.getElementById('gehoor').dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
            return [...root.querySelectorAll('.selected, .neighbour, .active')].map((e) => e.id + ':'
                + ['selected', 'neighbour', 'active'].filter((c) => e.classList.contains(c)).join());
        }"""
    )
    assert sorted(now) == ["beslis:neighbour", "edge-f3:active", "edge-f5:active", "gehoor:selected", "samen:neighbour"]
    expect(page.get_by_text("Geselecteerd: gehoor")).to_be_visible()
    expect(page.get_by_text("Callbacks: gehoor")).to_be_visible()
    expect(page).to_have_url(re.compile(r"node=gehoor"))

    node(page, "link-terugkeer").click()
    expect(page.get_by_text("Geselecteerd: link-terugkeer")).to_be_visible()
    assert "selected" in classes(page, "link-terugkeer")
    assert "selected" not in classes(page, "gehoor") and "neighbour" not in classes(page, "samen")
    assert {"neighbour"} <= classes(page, "melding") and {"neighbour"} <= classes(page, "einde")
    assert "active" in classes(page, "edge-f11") and "active" not in classes(page, "edge-f3")
    assert node(page, "start").get_attribute("role") == "button"
    # the name is the visible label (<title>), the role follows as its description (<desc>; this
    # fixture drawing names no lane and no position)
    assert node(page, "intake").get_attribute("aria-label") is None
    assert node(page, "intake").locator(":scope > title").text_content() == "Intake aanvraag"
    assert node(page, "intake").locator(":scope > desc").text_content() == "taak"
    assert node(page, "intake").get_attribute("tabindex") == "0"
    assert page.locator(".lane-band").first.get_attribute("tabindex") is None
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "diagram-component.png"))


def test_keyboard_tab_enter_and_arrows_follow_the_flows_without_a_rerun(page: Page, diagram_server) -> None:
    sent: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(len(payload))))
    open_app(page, diagram_server.url)
    page.locator(".ltvd-viewport").focus()
    page.keyboard.press("Tab")
    assert focused(page) == "start"
    page.keyboard.press("Tab")
    assert focused(page) == "intake"
    assert in_view(page, "intake"), "keyboard focus centres the step"
    page.keyboard.press("Enter")
    expect(page.get_by_text("Geselecteerd: intake")).to_be_visible()

    time.sleep(0.5)
    before = len(sent)
    steps = []
    for key in [
        "ArrowRight",
        "ArrowRight",
        "ArrowDown",
        "ArrowDown",
        "ArrowRight",
        "ArrowLeft",
        "ArrowLeft",
        "ArrowUp",
        "ArrowRight",
    ]:
        page.keyboard.press(key)
        steps.append(focused(page))
    assert steps == ["beslis", "gehoor", "opvang", "gehoor", "samen", "gehoor", "beslis", "intake", "beslis"]
    assert in_view(page, "beslis")
    time.sleep(0.3)
    assert len(sent) == before, "moving the focus sends nothing to Python"

    node(page, "samen").focus()
    page.keyboard.press("ArrowLeft")  # predecessors, top one first
    assert focused(page) == "gehoor"
    page.keyboard.press("ArrowUp")  # the other predecessor of "samen"
    assert focused(page) == "opvang"
    page.keyboard.press("ArrowUp")
    assert focused(page) == "gehoor"
    page.keyboard.press(" ")
    expect(page.get_by_text("Geselecteerd: gehoor")).to_be_visible()
    assert "selected" in classes(page, "gehoor")


def test_drag_pans_without_selecting_and_a_tiny_move_still_clicks(page: Page, diagram_server) -> None:
    open_app(page, diagram_server.url)
    x0, y0, k0 = transform(page)
    box = node(page, "intake").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx - 30, cy - 10, steps=3)
    page.mouse.move(cx - 80, cy - 40, steps=5)
    page.mouse.up()
    x1, y1, k1 = transform(page)
    assert (round(x1 - x0), round(y1 - y0), k1) == (-80, -40, k0)
    time.sleep(0.5)
    expect(page.get_by_text("Geselecteerd: geen")).to_be_visible()
    assert "selected" not in classes(page, "intake")

    box = node(page, "intake").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 2, cy + 1, steps=2)  # below the 4 px threshold
    page.mouse.up()
    expect(page.get_by_text("Geselecteerd: intake")).to_be_visible()
    assert transform(page)[:2] == (x1, y1)


def test_wheel_buttons_and_keys_zoom_and_the_view_survives_reruns(page: Page, diagram_server) -> None:
    open_app(page, diagram_server.url)
    x0, y0, k0 = transform(page)
    assert 10 * k0 >= 12, "the initial view shows the 10 px labels at 12 px or more"
    vp = page.locator(".ltvd-viewport").bounding_box()
    px, py = vp["x"] + 300, vp["y"] + 200
    page.mouse.move(px, py)
    page.mouse.wheel(0, -200)
    page.wait_for_function(
        f"() => !document.querySelector('{HOST}').shadowRoot"
        f".querySelector('.ltvd-stage').style.transform.endsWith('scale({k0})')"
    )
    x1, y1, k1 = transform(page)
    assert k1 > k0
    # zoom about the cursor: the drawing point under it stays put
    assert abs((300 - x0) / k0 - (300 - x1) / k1) < 0.5 and abs((200 - y0) / k0 - (200 - y1) / k1) < 0.5

    page.get_by_role("button", name="Inzoomen").click()
    assert transform(page)[2] == pytest.approx(k1 * 1.25, rel=1e-4)
    page.get_by_role("button", name="Uitzoomen").click()
    page.get_by_role("button", name="Uitzoomen").click()
    assert transform(page)[2] == pytest.approx(k1 * 0.8, rel=1e-4)
    page.get_by_role("button", name="Hele tekening").click()
    stage = page.locator(".ltvd-stage svg").bounding_box()
    assert stage["x"] >= vp["x"] - 1 and stage["x"] + stage["width"] <= vp["x"] + vp["width"] + 1
    assert stage["y"] >= vp["y"] - 1 and stage["y"] + stage["height"] <= vp["y"] + vp["height"] + 1

    page.locator(".ltvd-viewport").focus()
    k = transform(page)[2]
    page.keyboard.press("+")
    assert transform(page)[2] == pytest.approx(k * 1.25, rel=1e-4)
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert transform(page)[2] == pytest.approx(k * 0.8, rel=1e-4)
    page.keyboard.press("0")
    assert transform(page)[2] == pytest.approx(k, rel=1e-4)

    page.keyboard.press("+")
    view = transform(page)
    page.get_by_text("Toon pad").click()  # a rerun with new data: the JS runs again
    expect(page.locator('[id="edge-f4"].on-path')).to_have_count(1)
    on_path = set(page.locator(".ltvd-stage .on-path").evaluate_all("els => els.map((e) => e.id)"))
    assert on_path == {"start", "intake", "beslis", "opvang", "samen", "edge-f1", "edge-f2", "edge-f4", "edge-f6"}
    assert transform(page) == view


def test_four_rapid_clicks_end_on_the_last_one(page: Page, diagram_server) -> None:
    open_app(page, diagram_server.url)
    page.evaluate(
        """async () => {
            const root = document.querySelector('[data-testid=stBidiComponentIsolated]').shadowRoot;
            for (const id of ['intake', 'gehoor', 'opvang', 'vertrek']) {
                root.getElementById(id).dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
                await new Promise((r) => setTimeout(r, 25));
            }
        }"""
    )
    expect(page.get_by_text("Geselecteerd: vertrek")).to_be_visible()
    time.sleep(1.0)  # let every rerun land
    expect(page.get_by_text("Geselecteerd: vertrek")).to_be_visible()
    assert page.locator("g.node.selected").evaluate_all("els => els.map((e) => e.id)") == ["vertrek"]


def test_org_filter_fades_without_moving_anything(page: Page, diagram_server) -> None:
    open_app(page, diagram_server.url)
    boxes = page.locator("g.node").evaluate_all(
        "els => els.map((e) => { const b = e.getBBox(); return [e.id, b.x, b.y, b.width, b.height]; })"
    )
    view = transform(page)
    page.get_by_text("Vervaag COA").click()
    expect(page.locator('[id="lane-coa"].faded')).to_have_count(1)
    faded = set(page.locator(".ltvd-stage .faded").evaluate_all("els => els.map((e) => e.id)"))
    assert faded == {"lane-coa", "opvang", "edge-f4", "edge-f6"}
    assert (
        page.locator("g.node").evaluate_all(
            "els => els.map((e) => { const b = e.getBBox(); return [e.id, b.x, b.y, b.width, b.height]; })"
        )
        == boxes
    )
    assert transform(page) == view
    page.get_by_text("Vervaag COA").click()
    expect(page.locator(".ltvd-stage .faded")).to_have_count(0)


def test_deep_link_and_programmatic_selection_are_centred(page: Page, diagram_server) -> None:
    open_app(page, diagram_server.url, "/?node=wacht")
    expect(page.get_by_text("Geselecteerd: wacht")).to_be_visible()
    expect(node(page, "wacht")).to_have_class(re.compile(r"\bselected\b"))
    assert in_view(page, "wacht")
    page.get_by_role("button", name="Kies einde").click()
    expect(page.get_by_text("Geselecteerd: einde")).to_be_visible()
    expect(node(page, "einde")).to_have_class(re.compile(r"\bselected\b"))
    assert "selected" not in classes(page, "wacht")
    assert in_view(page, "einde")
    # a pointer click does not pan (the step must stay under the pointer)
    view = transform(page)
    node(page, "melding").click()
    expect(page.get_by_text("Geselecteerd: melding")).to_be_visible()
    assert transform(page) == view


def test_a_click_on_a_400_step_diagram_costs_under_10_kib(page: Page, diagram_server) -> None:
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    open_app(page, diagram_server.url, "/?n=400")
    expect(page.locator("g.node")).to_have_count(400)
    # the handshake: Python has heard that this browser holds the drawing and stopped sending it
    expect(page.locator(".ltvd-box")).to_have_attribute("data-held", re.compile(r"^[0-9a-f]{64}$"))
    wait_quiet(frames, 0.5)
    assert sum(frames) > 150_000, "the drawing itself was sent (once)"
    costs, latencies = [], []
    for step in ("s3", "s6", "s9", "s12"):
        frames.clear()
        t0 = time.monotonic()
        node(page, step).click()
        expect(page.get_by_text(f"Geselecteerd: {step}")).to_be_visible()
        latencies.append(time.monotonic() - t0)
        wait_quiet(frames, 0.5)
        costs.append(sum(frames))
    print(
        f"\nbytes per click (websocket, received): {costs}; click->Python (Playwright): "
        f"{[round(t * 1000) for t in latencies]} ms"
    )
    assert max(costs) < 10 * 1024


def test_shown_again_it_keeps_the_selection_without_resending_the_drawing(page: Page, diagram_server) -> None:
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    open_app(page, diagram_server.url, "/?n=400")
    expect(page.locator(".ltvd-box")).to_have_attribute("data-held", re.compile(r"^[0-9a-f]{64}$"))
    node(page, "s5").click()
    expect(page.get_by_text("Geselecteerd: s5")).to_be_visible()
    page.get_by_text("Verberg diagram").click()  # the component unmounts, like on a page switch
    expect(page.locator("g.node")).to_have_count(0)
    frames.clear()
    page.get_by_text("Verberg diagram").click()
    expect(page.locator("g.node")).to_have_count(400)
    expect(node(page, "s5")).to_have_class(re.compile(r"\bselected\b"))
    expect(page.get_by_text("Geselecteerd: s5")).to_be_visible()
    assert in_view(page, "s5"), "a fresh mount centres the selection"
    wait_quiet(frames, 0.5)
    # the element carries the component's own code (JS, CSS, HTML) on a fresh mount; the drawing is ~10x that
    from components.diagram import CSS, HTML, JS

    code = len(JS) + len(CSS) + len(HTML)
    assert sum(frames) < code + 12_000, "the drawing came from the browser's own store, not again over the wire"
