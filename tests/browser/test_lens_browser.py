"""The organisation lens in a real browser: the filter fades steps and their flows without moving
anything, and a click on a matrix cell lists the handovers behind it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from leidraad.drawing.handover_map import cell_id, handover_matrix
from leidraad.queries.filters import matching_steps

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

POSITIONS = """() => {
  const root = document.querySelector('[data-testid=stBidiComponentIsolated]').shadowRoot;
  return Object.fromEntries([...root.querySelectorAll('g.node')].map((g) => {
    const b = g.getBBox(); return [g.id, [b.x, b.y, b.width, b.height]]; }));
}"""


def classes(page: Page, element_id: str) -> set[str]:
    return set((page.locator(f'[id="{element_id}"]').first.get_attribute("class") or "").split())


def test_filter_fades_steps_and_their_flows_without_moving_them(page: Page, app_server, content_model) -> None:
    model = content_model.model
    process = model.processes["vertrektermijn"]
    page.goto(f"{app_server.url}/proces?proces={process.id}")
    page.locator("g.node").first.wait_for()
    before = page.evaluate(POSITIONS)
    page.get_by_label("Organisaties").click()
    page.get_by_role("option", name="COA", exact=True).click()
    page.keyboard.press("Escape")
    matching = {n.id for n in matching_steps(process, ["coa"], None)}
    faded_step = next(n for n in process.nodes if n.id not in matching)
    kept_step = next(iter(sorted(matching)))
    expect(page.locator(f'g.node[id="{faded_step.id}"]')).to_have_class(re.compile(r"\bfaded\b"))
    assert "faded" not in classes(page, kept_step)
    # a flow with a faded end fades too; a flow between two kept steps does not
    for flow in process.flows:
        edge = f"edge-{flow.id}"
        if page.locator(f'[id="{edge}"]').count() == 0 or flow.crosses_process:
            continue
        both_kept = flow.source in matching and flow.target in matching
        assert ("faded" in classes(page, edge)) == (not both_kept), edge
    assert "faded" in classes(page, "lane-dtv") and "faded" not in classes(page, "lane-coa")
    assert page.evaluate(POSITIONS) == before  # nothing moved: no new layout
    expect(page).to_have_url(re.compile(r"org=coa(&|$)"))
    expect(page.get_by_text(f"{len(matching)} van de {len(process.nodes)} stappen")).to_be_visible()
    # the filter survives switching to another process
    page.goto(f"{app_server.url}/proces?proces=toezicht-maatregelen&org=coa")
    page.locator("g.node").first.wait_for()
    assert "faded" in classes(page, "lane-dtv")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "filter-coa.png"), full_page=True)


def test_clicking_a_matrix_cell_lists_its_handovers(page: Page, app_server, content_model) -> None:
    model = content_model.model
    a, b, count = handover_matrix(model).top_pairs(1)[0]
    page.goto(f"{app_server.url}/koppelvlakken")
    cell = page.locator(f'g.node[id="{cell_id(a, b)}"]')
    cell.wait_for()
    cell.focus()
    page.wait_for_timeout(400)
    cell.click()
    heading = f"Van {model.organisations[a].abbreviation}"
    expect(page.get_by_role("heading", level=3).filter(has_text=heading)).to_contain_text(f"({count})")
    expect(page).to_have_url(re.compile(rf"van={a}&naar={b}(&|$)"))
    expect(page.get_by_role("link", name="Open de overdragende stap")).to_have_count(count)
    page.get_by_role("link", name="Open de ontvangende stap").first.click()
    expect(page).to_have_url(re.compile(r"/proces\?.*stap="))
    expect(page.locator("g.node.selected")).to_have_count(1)


def test_chain_map_opens_an_organisation(page: Page, app_server, content_model) -> None:
    page.goto(f"{app_server.url}/koppelvlakken")
    page.get_by_role("tab", name="Ketenkaart").click()
    node = page.locator('g.node[id="ind"]')
    node.wait_for()
    node.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2)).to_contain_text("IND")
    expect(page).to_have_url(re.compile(r"/organisaties\?org=ind(&|$)"))
