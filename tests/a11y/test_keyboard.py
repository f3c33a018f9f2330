"""Keyboard only: open a process from the overview, select a step, follow a handover into another
process, filter, search, walk a training case and answer a quiz, with key presses and typing alone
(an address typed into the browser's address bar counts as keyboard use)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.a11y.conftest import settle

pytestmark = pytest.mark.browser

# The focused element, through shadow roots (the diagram lives in one): tag, id, role and name.
FOCUSED = """() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  if (!a) return '';
  // a diagram step is named by its SVG <title> (see components/diagram/diagram.js, nameStep)
  const title = a.querySelector(':scope > title');
  const name = a.getAttribute('aria-label') || (title && title.textContent)
    || a.getAttribute('placeholder') || a.innerText || '';
  return [a.tagName.toLowerCase(), a.id || '', a.getAttribute('role') || '', name.trim().slice(0, 120)].join('|');
}"""


def tab_to(page: Page, pattern: str, limit: int = 120, back: bool = False) -> str:
    """Press Tab (or Shift+Tab) until the focused element's description matches `pattern`."""
    wanted = re.compile(pattern)
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = page.evaluate(FOCUSED)
        if wanted.search(now):
            return now
    raise AssertionError(f"no element matching {pattern!r} within {limit} Tab presses (last: {now!r})")


def test_keyboard_only_tour(page: Page, app_server, content_model) -> None:
    model = content_model.model
    # 1. open a process: the overview's chain of processes is a diagram of buttons
    page.goto(app_server.url + "/")
    settle(page)
    page.locator("g.node").first.wait_for()
    tab_to(page, r"^g\|vertrektermijn\|button\|")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/proces\?proces=vertrektermijn"), timeout=30_000)
    settle(page)
    page.locator("g.node").first.wait_for()

    # 2. select a step: Tab into the diagram, follow the flow with the arrow keys, Enter
    tab_to(page, r"^g\|start\|button\|")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    step = page.evaluate(FOCUSED).split("|")[1]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"stap={step}(&|$)"))
    expect(page.get_by_role("heading", level=3)).to_have_text(model.processes["vertrektermijn"].node(step).label)

    # 3. follow a handover into another process: a "Naar: …" box of the diagram, Enter
    target = tab_to(page, r"^g\|link-\d+\|button\|Naar: ")
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"proces=vertrektermijn(&|$)"), timeout=30_000)
    settle(page)
    assert "Naar: " in target

    # 4. filter: the organisation filter, typed and chosen with Enter
    page.goto(app_server.url + "/proces?proces=vertrektermijn")
    settle(page)
    tab_to(page, r"^input\|.*\|combobox\|", back=False)
    page.keyboard.type("COA")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"org=coa(&|$)"), timeout=30_000)
    settle(page)
    expect(page.get_by_text(re.compile(r"\d+ van de \d+ stappen passen bij het filter"))).to_be_visible()

    # 5. search from the overview's search field
    page.goto(app_server.url + "/")
    settle(page)
    tab_to(page, r"^input\|[^|]*\|[^|]*\|(Zoeken|Zoek een stap)")
    page.keyboard.type("vertrekgesprek")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/zoeken\?q=vertrekgesprek"), timeout=30_000)
    settle(page)
    expect(page.get_by_text(re.compile(r"resulta"))).to_be_visible()

    # 6. walk a training case: the clicker keys reveal and go on; a decision is a button, Enter chooses
    scenario = next(s for s in model.scenarios.values() if any(st.choices for st in s.steps))
    nr = next(i for i, s in enumerate(scenario.steps, start=1) if s.choices)
    page.goto(f"{app_server.url}/training?scenario={scenario.id}&nr=1")
    settle(page)
    page.keyboard.press("o")
    settle(page)
    expect(page.get_by_role("button", name="Onthul")).to_be_disabled()
    for _ in range(2 * (nr - 1)):
        page.keyboard.press("PageDown")
        settle(page, 150)
    expect(page.get_by_text(f"Stap {nr} van {len(scenario.steps)}")).to_be_visible()
    choice = scenario.steps[nr - 1].choices[0]
    tab_to(page, rf"^button\|.*{re.escape(choice.label[:40])}")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_text(re.compile(r"^(Klopt\.|Niet in deze casus\.)")).first).to_be_visible()

    # 7. answer a quiz: arrow keys choose within a question, Tab to the next, Enter submits
    page.goto(f"{app_server.url}/quiz?seed=7&aantal=2")
    settle(page)
    for _ in range(2):
        tab_to(page, r"^input\|.*\|radio\||^input\|\|\|")
        page.keyboard.press("Space")
    tab_to(page, r"^button\|.*Nakijken")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_text(re.compile(r"Score: \d van 2"))).to_be_visible()
