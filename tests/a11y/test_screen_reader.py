"""The diagram for someone who cannot see it, read from Chromium's accessibility tree: each step's name
(visible label, role, lane, position), the announcements while following the flows with the arrow
keys, the K key on a decision, the skip link and the text view as a structured list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y.conftest import settle
from tests.a11y.states import PROCESS

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LIVE = ".ltvd-live"


def live_text(page: Page) -> str:
    region = page.locator(LIVE).first
    expect(region).not_to_have_text("")
    return region.inner_text().strip()


def focused_in_tree(page: Page) -> tuple[str, str]:
    """The name and description of the focused element in Chromium's own accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    try:
        for n in reversed(cdp.send("Accessibility.getFullAXTree")["nodes"]):
            # the document itself counts as focused too: the innermost focused element comes last
            if n.get("role", {}).get("value") in ("RootWebArea", "WebArea"):
                continue
            if any(p["name"] == "focused" and p["value"]["value"] for p in n.get("properties", [])):
                return n.get("name", {}).get("value", ""), n.get("description", {}).get("value", "")
    finally:
        cdp.detach()
    return "", ""


def open_diagram(page: Page, server) -> None:
    page.goto(f"{server.url}/proces?proces={PROCESS}")
    settle(page)
    page.locator("g.node").first.wait_for()


def test_step_names_start_with_the_visible_label(page: Page, app_server, content_model) -> None:
    from leidraad.queries.reading_order import reading_order

    process = content_model.model.processes[PROCESS]
    order = reading_order(process)
    open_diagram(page, app_server)
    for nr, node in enumerate(order, start=1):
        g = page.locator(f'g.node[id="{node.id}"]')
        if g.count() == 0:
            continue
        # the name comes from the step's <title>, the rest from its <desc>; no aria-label repeats them
        assert g.get_attribute("aria-label") is None
        name = g.locator(":scope > title").text_content() or ""
        description = g.locator(":scope > desc").text_content() or ""
        abbr = content_model.model.organisations[node.org].abbreviation
        assert name.startswith(node.label), name
        assert description.endswith(f"{abbr}, stap {nr} van {len(order)}"), description
        shown = re.sub(r"\s+", " ", g.locator("text").first.text_content() or "").strip().rstrip("…").strip()
        assert name.startswith(shown), (name, shown)


def test_following_the_flows_is_announced(page: Page, app_server, content_model) -> None:
    model = content_model.model
    process = model.processes[PROCESS]
    open_diagram(page, app_server)
    # a flow from a step with one way out into a step of another organisation: a handover
    flow = next(
        f
        for n in process.nodes
        for f in n.flows
        if not f.crosses_process
        and process.node(f.target) is not None
        and process.node(f.target).org != n.org
        and len(n.flows) == 1
    )
    source, target = process.node(flow.source), process.node(flow.target)
    page.locator(f'g.node[id="{source.id}"]').focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(f'g.node[id="{target.id}"]')).to_be_focused()
    abbr = model.organisations[target.org].abbreviation
    said = live_text(page)
    assert said.startswith(f"van {source.label} naar {target.label}"), said
    assert said.endswith(f"overdracht aan {abbr}"), said
    page.keyboard.press("ArrowLeft")
    expect(page.locator(f'g.node[id="{source.id}"]')).to_be_focused()
    assert live_text(page).startswith(f"terug van {target.label} naar {source.label}")


def test_k_reads_a_decisions_choices(page: Page, app_server, content_model) -> None:
    process = content_model.model.processes[PROCESS]
    gateway = next(n for n in process.nodes if n.type == "gateway" and len(n.flows) > 1)
    open_diagram(page, app_server)
    page.locator(f'g.node[id="{gateway.id}"]').focus()
    page.keyboard.press("k")
    said = live_text(page)
    assert said.startswith(f"{gateway.label}: {len(gateway.flows)} keuzes: "), said
    for flow in gateway.flows:
        if flow.when and not flow.crosses_process:
            assert f"naar {process.node(flow.target).label}, bij {flow.when}" in said, said


def test_skip_link_and_structured_text_view(page: Page, app_server, content_model) -> None:
    process = content_model.model.processes[PROCESS]
    gateway = next(n for n in process.nodes if n.type == "gateway" and len(n.flows) > 1)
    open_diagram(page, app_server)
    skip = page.get_by_role("button", name="Diagram overslaan: naar de tekstweergave")
    skip.focus()
    page.keyboard.press("Enter")
    settle(page)
    expect(page).to_have_url(re.compile(r"weergave=tekst"))
    steps = page.locator('[data-testid="stMarkdownContainer"] > ol > li')
    expect(steps).to_have_count(len(process.nodes))
    from leidraad.queries.reading_order import reading_order

    item = steps.nth([n.id for n in reading_order(process)].index(gateway.id))
    expect(item).to_contain_text(gateway.label)
    outcomes = item.locator("ul ul > li")
    expect(outcomes).to_have_count(len(gateway.flows))
    assert "overdracht aan" in page.locator('[data-testid="stMarkdownContainer"] > ol').inner_text()


def test_listen_to_one_process(page: Page, app_server, content_model) -> None:
    """What a screen-reader user hears along one path: the accessibility tree's names and the live region."""
    from leidraad.queries.reading_order import reading_order

    process = content_model.model.processes[PROCESS]
    open_diagram(page, app_server)
    first = reading_order(process)[0]
    page.locator(f'g.node[id="{first.id}"]').focus()
    heard = []
    for _ in range(6):
        name, description = focused_in_tree(page)
        heard.append(f"focus: {name}" + (f" ({description})" if description else ""))
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(150)
        heard.append(f"live: {page.locator(LIVE).first.inner_text().strip()}")
    # Chromium's accessibility tree as Playwright reads it (ARIA snapshot, through the shadow root)
    tree = page.locator('[data-testid="stMain"]').aria_snapshot()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "screen-reader-path.txt").write_text("\n".join(heard) + "\n\n" + tree + "\n", encoding="utf-8")
    print("\n".join(heard))
    assert all(h.split(": ", 1)[1] for h in heard)
    assert f'button "{first.label}"' in tree, tree[:2000]
    assert heard[0].startswith(f"focus: {first.label} (startgebeurtenis, "), heard[0]
    assert 'region "Procesdiagram.' in tree
