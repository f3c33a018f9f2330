"""Reflow and zoom (WCAG 1.4.10) and text spacing (1.4.12): every page at 320 CSS px wide and at 200 %
and 400 % browser zoom of a 1280 × 800 window, with and without the text-spacing overrides, has no
horizontal scrolling and no text sticking out of the window, except inside the diagram's own frame."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.a11y.conftest import settle
from tests.a11y.states import STATES

pytestmark = pytest.mark.browser

# Browser zoom is a smaller CSS viewport (on more device pixels, which do not change the layout):
# 200 % of a 1280 × 800 window is 640 × 400 CSS px, 400 % is 320 × 200.
SIZES = {
    "320px": ({"width": 320, "height": 640}, 1),
    "zoom200": ({"width": 640, "height": 400}, 2),
    "zoom400": ({"width": 320, "height": 200}, 4),
}
# The WCAG 1.4.12 test values.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
# What scrolls sideways, and which visible text reaches past the right edge (diagrams and tables,
# two-dimensional content, may scroll inside their own frame).
OVERFLOW = """() => {
  const w = document.documentElement.clientWidth;
  const problems = [];
  for (const el of [document.documentElement, document.body, ...document.querySelectorAll(
      '[data-testid=stMain], [data-testid=stAppViewContainer], [data-testid=stMainBlockContainer]')]) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push('scrolls: ' + (el.dataset.testid || el.tagName) +
      ' ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  const exempt = '[data-testid=stBidiComponentIsolated], [data-testid=stDataFrame], [data-testid=stTable], pre, code';
  for (const el of document.querySelectorAll('p, li, h1, h2, h3, h4, label, button, a, input')) {
    if (el.closest(exempt)) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden') continue;
    if (r.right > w + 1) problems.push('sticks out: ' + el.tagName + ' "' + (el.innerText || '').slice(0, 50) +
      '" right=' + Math.round(r.right) + ' > ' + w);
  }
  return problems;
}"""


PAGES = [s for s in STATES if s.name not in ("proces", "proces-filter", "proces-kiezen", "organisaties", "quiz")]


def problems_at_each_size(page: Page) -> list[str]:
    found = []
    for name, (viewport, _scale) in SIZES.items():
        page.set_viewport_size(viewport)
        page.wait_for_timeout(400)  # Streamlit and the diagram re-lay out on resize
        found += [f"{name}: {p}" for p in page.evaluate(OVERFLOW)]
    return found


@pytest.mark.parametrize("state", PAGES, ids=[s.name for s in PAGES])
def test_no_horizontal_scrolling(page: Page, app_server, state) -> None:
    page.set_viewport_size(SIZES["320px"][0])
    page.goto(app_server.url + state.path)
    settle(page)
    state.prepare(page)
    settle(page)
    found = problems_at_each_size(page)
    page.add_style_tag(content=TEXT_SPACING)
    found += [f"text spacing, {p}" for p in problems_at_each_size(page)]
    page.set_viewport_size({"width": 1400, "height": 900})
    assert not found, "\n".join(found[:30])
