"""The explorer in a real browser: click, keyboard, deep link, drill-down and back, links across
processes, the dark theme. Also records click latency and bytes per click (figures, not asserts)."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


# In the browser: the time from the click event to the panel heading (an h3, in the diagram's shadow
# root or in the page) showing the step's label.
WATCH_PANEL = """(label) => {
  window.__ltvClicked = null; window.__ltvShown = null;
  document.addEventListener('click', () => { window.__ltvClicked ??= performance.now(); },
                            {capture: true, once: true});
  const hosts = () => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot);
  const roots = () => [document, ...hosts().map((e) => e.shadowRoot)];
  const heads = (r) => [...r.querySelectorAll('h3')];
  const seen = () => roots().some((r) => heads(r).some((h) => h.textContent.trim() === label));
  const observer = new MutationObserver(() => {
    if (window.__ltvClicked !== null && seen()) { window.__ltvShown = performance.now(); observer.disconnect(); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  for (const r of roots().slice(1)) observer.observe(r, {subtree: true, childList: true, characterData: true});
}"""


def largest_process(model):
    return max(model.processes.values(), key=lambda p: len(p.nodes))


def panel_heading(page: Page):
    return page.get_by_role("heading", level=3)


def open_process(page: Page, server, process_id: str, step: str | None = None) -> None:
    url = f"{server.url}/proces?proces={process_id}" + (f"&stap={step}" if step else "")
    page.goto(url)
    page.locator("g.node").first.wait_for(timeout=30_000)


def test_click_fills_panel_and_url(page: Page, app_server, content_model) -> None:
    model = content_model.model
    process = largest_process(model)
    open_process(page, app_server, process.id)
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    page.reload()
    page.locator("g.node").first.wait_for(timeout=30_000)
    tasks = [n for n in process.nodes if n.type in ("task", "subprocess", "gateway")][:10]
    latencies, costs = [], []
    for node in tasks:
        page.wait_for_timeout(300)
        before = sum(frames)
        target = page.locator(f'g.node[id="{node.id}"]')
        target.focus()  # keyboard focus pans the node into view, as a user would scroll to it
        page.wait_for_timeout(400)
        page.evaluate(WATCH_PANEL, node.label)
        target.click()
        expect(panel_heading(page)).to_have_text(node.label)
        latencies.append(page.evaluate("() => window.__ltvShown - window.__ltvClicked"))
        page.wait_for_timeout(400)  # let the rerun's trailing messages arrive
        costs.append(sum(frames) - before)
        expect(page).to_have_url(re.compile(rf"stap={re.escape(node.id)}(&|$)"))
        assert "selected" in (page.locator(f'g.node[id="{node.id}"]').get_attribute("class") or "")
    ARTIFACTS.mkdir(exist_ok=True)
    figures = {
        "process": process.id,
        "nodes": len(process.nodes),
        "clicks": len(latencies),
        "click_to_panel_ms_median": round(statistics.median(latencies), 1),
        "click_to_panel_ms_all": [round(v) for v in latencies],
        "bytes_per_click_median": int(statistics.median(costs)),
        "bytes_per_click_max": max(costs),
    }
    (ARTIFACTS / "click-figures.json").write_text(json.dumps(figures, indent=2))
    print(figures)
    page.screenshot(path=str(ARTIFACTS / "proces-light.png"), full_page=True)


def test_keyboard_selects_a_step(page: Page, app_server, content_model) -> None:
    process = content_model.model.processes["vertrektermijn"]
    open_process(page, app_server, process.id)
    first = page.locator("g.node").first
    first.focus()
    page.keyboard.press("Enter")
    first_id = first.get_attribute("id")
    label = process.node(first_id).label
    expect(panel_heading(page)).to_have_text(label)
    page.keyboard.press("ArrowRight")  # focus moves to a connected step in the browser
    focused = page.evaluate(
        "() => { const r = document.activeElement; "
        "const el = (r && r.shadowRoot && r.shadowRoot.activeElement) || r; return el && el.id; }"
    )
    successors = {f.target for f in process.node(first_id).flows}
    if focused:
        assert focused in successors or focused.startswith("link-")


def test_deep_link_restores_the_selection(page: Page, app_server, content_model) -> None:
    process = content_model.model.processes["vertrektermijn"]
    node = next(n for n in process.nodes if n.type == "gateway")
    open_process(page, app_server, process.id, node.id)
    expect(panel_heading(page)).to_have_text(node.label)
    assert "selected" in (page.locator(f'g.node[id="{node.id}"]').get_attribute("class") or "")


def test_drill_down_and_back(page: Page, app_server, content_model) -> None:
    model = content_model.model
    parent, node = next(
        (p, n) for p in model.process_list() for n in p.nodes if n.type == "subprocess" and n.calls in model.processes
    )
    child = model.processes[node.calls]
    open_process(page, app_server, parent.id, node.id)
    page.get_by_role("link", name=f"Open deelproces: {child.title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(child.title)
    expect(page).to_have_url(re.compile(rf"proces={re.escape(child.id)}(&|$)"))
    page.get_by_role("button", name="Terug").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(parent.title)
    expect(page).to_have_url(re.compile(rf"proces={re.escape(parent.id)}(&|$)"))


def test_link_node_leads_into_the_next_process(page: Page, app_server, content_model) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    flow = next(f for f in process.flows if f.crosses_process and f.target_process in model.processes)
    target = model.processes[flow.target_process]
    open_process(page, app_server, process.id)
    page.locator(f'g.node.node-link[data-target="{flow.target}"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(target.title)


def test_overview_opens_a_process(page: Page, app_server, content_model) -> None:
    process = content_model.model.process_list()[0]
    page.goto(app_server.url)
    page.locator(f'g.node[id="{process.id}"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(process.title)
    expect(page).to_have_url(re.compile(rf"/proces\?.*proces={re.escape(process.id)}(&|$)"))


def test_unknown_ids_give_a_friendly_message(page: Page, app_server) -> None:
    page.goto(f"{app_server.url}/proces?proces=%3Cscript%3Ealert(1)%3C/script%3E")
    expect(page.get_by_text("bestaat niet")).to_be_visible()
    expect(page.get_by_text("Traceback")).to_have_count(0)
    page.goto(f"{app_server.url}/proces?proces=vertrektermijn&stap=nergens")
    expect(page.get_by_text("bestaat niet in dit proces")).to_be_visible()


def test_dark_theme_labels_are_readable(page: Page, server_factory, content_model) -> None:
    server = server_factory(theme="dark")
    process = largest_process(content_model.model)
    open_process(page, server, process.id)
    page.wait_for_timeout(500)
    text = page.locator("g.node-task text").first.evaluate("el => getComputedStyle(el).fill")
    background = page.locator(".stApp").evaluate("el => getComputedStyle(el).backgroundColor")

    def luminance(css: str) -> float:
        r, g, b = [int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    assert luminance(text) > 0.6 and luminance(background) < 0.3, (text, background)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "proces-dark.png"), full_page=True)
