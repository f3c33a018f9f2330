"""The theme switch in the footer: a user's choice holds on every page and after a reload; the
document is Dutch; print colours ignore the theme; the dark-mode defects of the diagram stay fixed."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from components.pages.toegankelijkheid import AXE_VERSION
from tests.a11y.conftest import BACKGROUND_LUMINANCE, settle
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DIAGRAM_TEXT_FILL = """() => {
  const root = document.querySelector('[data-testid=stBidiComponentIsolated]').shadowRoot;
  return getComputedStyle(root.querySelector('g.node text')).fill;
}"""


def luminance(page: Page) -> float:
    return page.evaluate(BACKGROUND_LUMINANCE)


def choose(page: Page, label: str) -> None:
    radio = page.get_by_role("radio", name=label)
    radio.focus()
    page.keyboard.press("Space")  # a keyboard user's way; the page reloads with the new theme
    page.wait_for_load_state()
    settle(page)


def test_theme_switch_is_kept_on_every_page(browser_context, app_server) -> None:
    # A context of its own: the themes other tests stored in the shared context must not count here.
    context = browser_context.browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(app_server.url + "/over")
        settle(page)
        assert page.evaluate("document.documentElement.lang") == "nl"
        choose(page, "Donker")
        assert luminance(page) < 0.2
        expect(page.get_by_role("radio", name="Donker")).to_be_checked()
        for path in ("/proces?proces=vertrektermijn", "/", "/toegankelijkheid"):
            page.goto(app_server.url + path)
            settle(page)
            assert luminance(page) < 0.2, path
            assert page.evaluate("document.documentElement.lang") == "nl", path
        choose(page, "Licht")
        assert luminance(page) > 0.8
        page.goto(app_server.url + "/koppelvlakken")
        settle(page)
        assert luminance(page) > 0.8
    finally:
        page.close()
        context.close()


def test_every_page_links_the_accessibility_statement(page: Page, app_server) -> None:
    page.goto(app_server.url + "/zoeken?q=coa")
    settle(page)
    link = page.locator(".st-key-ltv-footer").get_by_role("link", name="Toegankelijkheid")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/toegankelijkheid$"))
    expect(page.get_by_role("heading", name="Toegankelijkheidsverklaring")).to_be_visible()
    for heading in (
        "Standaard en status",
        "Wat is getest, hoe en wanneer",
        "Bekende beperkingen",
        "Een probleem melden",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("link", name="redactieraadltv@dtv.minvenj.nl")).to_be_visible()


def test_statement_names_the_axe_version_of_the_lockfile() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/axe-core"]["version"] == AXE_VERSION


def test_print_ignores_the_dark_theme(dark_page: Page, app_server) -> None:
    dark_page.goto(app_server.url + "/proces?proces=vertrektermijn")
    settle(dark_page)
    dark_page.locator("g.node").first.wait_for()
    assert luminance(dark_page) < 0.2
    on_screen = dark_page.evaluate(DIAGRAM_TEXT_FILL)
    dark_page.emulate_media(media="print")
    title = dark_page.get_by_role("heading", level=1)
    assert title.evaluate("(h) => getComputedStyle(h).color") == "rgb(31, 35, 40)"
    assert dark_page.evaluate(DIAGRAM_TEXT_FILL) == "rgb(31, 35, 40)" != on_screen
    assert luminance(dark_page) > 0.9
    dark_page.emulate_media(media="screen")


def test_faded_lane_headers_stay_opaque_in_the_dark(dark_page: Page, app_server) -> None:
    dark_page.goto(app_server.url + "/proces?proces=vertrektermijn&org=coa")
    settle(dark_page)
    dark_page.locator("g.node").first.wait_for()
    head = dark_page.locator('g.lane-head[id="lane-head-dtv"]')
    expect(head).to_have_class(re.compile(r"\bfaded\b"))
    assert head.evaluate("(g) => getComputedStyle(g).opacity") == "1"
    base = head.locator(".lane-header-base")
    assert base.evaluate("(r) => getComputedStyle(r).opacity") == "1"
    assert float(head.locator("text").first.evaluate("(t) => getComputedStyle(t).opacity")) < 0.5


def test_the_foreign_national_is_visible_in_the_dark_chain_map(dark_page: Page, app_server) -> None:
    dark_page.goto(app_server.url + "/koppelvlakken")
    settle(dark_page)
    dark_page.get_by_role("tab", name=re.compile("Ketenkaart")).click()
    settle(dark_page)
    box = dark_page.locator('g.node[id="vreemdeling"] rect')
    box.wait_for()
    stroke = box.evaluate("(r) => getComputedStyle(r).stroke")
    channels = [int(v) for v in re.findall(r"\d+", stroke)[:3]]
    assert min(channels) > 150, stroke  # light on the dark background, not black
