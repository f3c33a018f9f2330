"""Helpers of the accessibility tests: wait until Streamlit is done, choose a theme as a user would."""

from __future__ import annotations

from playwright.sync_api import Page

DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def settle(page: Page, extra_ms: int = 300) -> None:
    """Wait until the script run is over (and stays over a moment): nothing is stale or half drawn."""
    for _ in range(2):
        page.locator(DONE).wait_for(timeout=60_000)
        page.wait_for_timeout(extra_ms)
    page.locator(DONE).wait_for(timeout=60_000)
