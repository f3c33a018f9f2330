"""Issue 14 in a real browser: search ranks the IND first for 'ind' and finds the laissez-passer
application; a shared Koppelvlakken link highlights its cell and shows its list in view (and Back
brings it back); the Proces filter offers Politie/AVIM in gedwongen-vertrek and keeps its step lit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from leidraad.drawing.handover_map import cell_id

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def result_titles(page: Page) -> list[str]:
    cards = page.locator('[class*="st-key-zoekresultaat-"]')
    cards.first.wait_for()
    return [cards.nth(i).locator("strong").first.inner_text() for i in range(min(cards.count(), 5))]


def search(page: Page, query: str) -> None:
    field = page.get_by_label("Zoek in stappen, processen, organisaties en catalogi")
    field.fill(query)
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"q=" + re.escape(query.split()[0])))
    expect(page.get_by_text(re.compile(r"voor “" + re.escape(query) + "”"))).to_be_visible(timeout=30_000)


def test_search_ranks_the_ind_first_and_finds_the_laissez_passer_application(page: Page, app_server) -> None:
    page.goto(f"{app_server.url}/zoeken")
    search(page, "ind")
    titles = result_titles(page)
    assert titles[0].startswith("IND"), titles
    expect(page).to_have_title(re.compile(r"^“ind” · Zoeken · LTV Procesverkenner$"))
    search(page, "laissez-passer aanvragen")
    titles = result_titles(page)
    assert any(t.startswith("Laissez-passer-aanvraag indienen") for t in titles[:3]), titles
    expect(page.locator("mark").first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "zoeken-laissez-passer.png"), full_page=True)


def test_shared_koppelvlak_link_highlights_the_cell_and_shows_its_list(page: Page, app_server) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{app_server.url}/koppelvlakken?van=coa&naar=dtv")
    cell = page.locator(f'g.node[id="{cell_id("coa", "dtv")}"]')
    cell.wait_for()
    expect(cell).to_have_class(re.compile(r"\bselected\b"))
    heading = page.get_by_role("heading", level=3).filter(has_text="Van COA")
    expect(heading).to_be_in_viewport()
    expect(page.get_by_text("Aan:").first).to_be_in_viewport()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "koppelvlakken-coa-dtv.png"))
    # Back from a step restores the pair
    page.get_by_role("link", name="Open de ontvangende stap").first.click()
    expect(page).to_have_url(re.compile(r"/proces\?"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"van=coa&naar=dtv"))
    expect(page.locator(f'g.node[id="{cell_id("coa", "dtv")}"]')).to_have_class(re.compile(r"\bselected\b"))
    expect(page.get_by_role("heading", level=3).filter(has_text="Van COA")).to_be_visible()


def test_gedwongen_vertrek_filtered_on_avim(page: Page, app_server, content_model) -> None:
    process = content_model.model.processes["gedwongen-vertrek"]
    avim_steps = [n.id for n in process.nodes if any(i.org == "avim" for i in n.involved)]
    page.goto(f"{app_server.url}/proces?proces={process.id}")
    page.locator("g.node").first.wait_for()
    expect(page).to_have_title(f"{process.title} · LTV Procesverkenner")
    page.get_by_label("Organisaties").click()
    page.get_by_role("option", name="Politie/AVIM", exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"org=avim(&|$)"))
    step = page.locator(f'g.node[id="{avim_steps[0]}"]')
    expect(step).not_to_have_class(re.compile(r"\bfaded\b"))
    expect(page.locator('g.node[id="boeken"]')).to_have_class(re.compile(r"\bfaded\b"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "gedwongen-vertrek-avim.png"))


def test_answer_key_prints_with_its_number_and_without_trainer_controls(page: Page, app_server) -> None:
    page.goto(f"{app_server.url}/quiz?seed=5&aantal=4&versie=sleutel")
    heading = page.get_by_role("heading", name="Antwoordsleutel bij quiznummer 5")
    heading.wait_for(timeout=60_000)
    expect(page.get_by_role("link", name="Terug naar de quiz")).to_be_visible()
    page.emulate_media(media="print")
    expect(heading).to_be_visible()
    expect(page.get_by_role("link", name="Terug naar de quiz")).to_be_hidden()
    expect(page.get_by_role("button", name="Antwoordsleutel downloaden (tekst)")).to_be_hidden()
    expect(page.get_by_role("navigation")).to_be_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "quiz-5-sleutel.pdf"), format="A4")
