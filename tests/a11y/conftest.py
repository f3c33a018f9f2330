"""Helpers of the accessibility tests: wait until Streamlit is done, choose a theme as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import app_server, server_factory  # noqa: F401  (the app in a real server)

DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# What the theme switch (components/chrome/theme.js) stores; set before the page loads.
CHOOSE_THEME = """localStorage.setItem('stActiveTheme-' + location.pathname + '-v2', JSON.stringify(%s));"""
# The relative luminance of the app's background: < 0.2 is dark.
BACKGROUND_LUMINANCE = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const c = getComputedStyle(app).backgroundColor.match(/[\\d.]+/g).map(Number);
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}"""


def settle(page: Page, extra_ms: int = 300) -> None:
    """Wait until the script run is over (and stays over a moment): nothing is stale or half drawn."""
    for _ in range(2):
        page.locator(DONE).wait_for(timeout=60_000)
        page.wait_for_timeout(extra_ms)
    page.locator(DONE).wait_for(timeout=60_000)
    # a fragment that polls (a live room) reruns on its own: wait until nothing is shown as stale
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)


def themed_page(context, theme: str) -> Page:
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.add_init_script(CHOOSE_THEME % f'"{theme}"')
    return page


@pytest.fixture
def dark_page(browser_context) -> Iterator[Page]:
    page = themed_page(browser_context, "Dark")
    yield page
    page.close()
