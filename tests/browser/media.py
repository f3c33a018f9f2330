"""Measurements the media tests share: what the reader sees of the diagram, read in the browser."""

from __future__ import annotations

from playwright.sync_api import Page

HOST = "[data-testid=stBidiComponentIsolated]"

# Per visible diagram: the effective size of the smallest step label (its font size times the SVG's
# screen transform), the box's top in the document, and where the selected step is on the screen.
MEASURE = """() => {
  const hosts = [...document.querySelectorAll('[data-testid=stBidiComponentIsolated]')];
  const root = hosts.map((h) => h.shadowRoot).find((r) => r && r.querySelector('.ltvd-box[data-view=ready]'));
  if (!root) return null;
  const box = root.querySelector('.ltvd-box').getBoundingClientRect();
  // Streamlit scrolls its main section, not the window
  const main = document.querySelector('[data-testid=stMain]');
  const scrolled = scrollY + (main ? main.scrollTop : 0);
  let label = Infinity;
  for (const t of root.querySelectorAll('.ltvd-stage g.node text')) {
    const m = t.getScreenCTM();
    const f = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (f < label) label = f;
  }
  const rect = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  };
  const stage = root.querySelector('.ltvd-stage');
  return {
    label,
    top: box.top + scrolled,
    box: rect(root.querySelector('.ltvd-box')),
    pane: rect(root.querySelector('.ltvd-pane')),
    selected: rect(root.querySelector('.ltvd-stage g.node.selected')),
    // the flow's start: the start event furthest up-stream (leftmost)
    start: rect([...root.querySelectorAll('.ltvd-stage g.node.node-start')]
      .sort((a, b) => a.getBBox().x - b.getBBox().x)[0]),
    panel: rect(root.querySelector('.ltvd-panel:not([hidden])')),
    panelText: (root.querySelector('.ltvd-panel') || {}).textContent || '',
    transform: stage.style.transform,
    scrollY: scrolled,
    vw: innerWidth,
    vh: innerHeight,
  };
}"""


def wait_ready(page: Page) -> None:
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid=stBidiComponentIsolated]')]
            .some((h) => h.shadowRoot && h.shadowRoot.querySelector('.ltvd-box[data-view=ready]'))""",
        timeout=30_000,
    )
    page.wait_for_timeout(300)  # the held-drawing handshake and the last resize settle


def measure(page: Page) -> dict:
    figures = page.evaluate(MEASURE)
    assert figures is not None, "a diagram is shown"
    return figures


def inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return (
        inner["left"] >= outer["left"] - slack
        and inner["top"] >= outer["top"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["bottom"] <= outer["bottom"] + slack
    )


def on_screen(rect: dict, figures: dict) -> bool:
    window = {"left": 0, "top": 0, "right": figures["vw"], "bottom": figures["vh"]}
    return inside(rect, window) and inside(rect, figures["pane"] or figures["box"])
