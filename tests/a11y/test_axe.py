"""axe-core (from the npm lockfile) finds no WCAG 2.0/2.1 A or AA violation on any page or state, in the
light and the dark theme; and it does find a contrast defect planted on purpose."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.a11y.axe import axe_violations
from tests.a11y.conftest import BACKGROUND_LUMINANCE, settle, themed_page
from tests.a11y.states import STATES, State
from tests.conftest import require

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_available() -> None:
    from tests.a11y.axe import AXE_JS

    require(AXE_JS.exists(), "axe-core (node_modules, from 'npm ci')")


def visit(page: Page, server, state: State) -> None:
    page.goto(server.url + state.path)
    settle(page)
    state.prepare(page)
    settle(page)


@pytest.mark.parametrize("theme", ["Light", "Dark"])
@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_no_violations(browser_context, app_server, axe_available, state: State, theme: str) -> None:
    page = themed_page(browser_context, theme)
    try:
        visit(page, app_server, state)
        dark = page.evaluate(BACKGROUND_LUMINANCE) < 0.2
        assert dark == (theme == "Dark"), f"the {theme} theme did not apply"
        violations = axe_violations(page)
        print(f"{theme} {state.name}: {len(violations)} violations")
        assert not violations, "\n".join(str(v) for v in violations)
    finally:
        page.close()


# The captions as Streamlit draws them by default (#828180 on white, 3.9:1): the defect the app fixes.
PLANTED = """() => {
  const style = document.createElement('style');
  style.textContent = '.stApp [data-testid="stCaptionContainer"] { color: #9A9A9A !important; opacity: 1 !important; }';
  document.head.appendChild(style);
}"""


def test_a_planted_contrast_defect_fails(browser_context, app_server, axe_available) -> None:
    page = themed_page(browser_context, "Light")
    try:
        visit(page, app_server, STATES[0])
        assert not axe_violations(page)
        page.evaluate(PLANTED)
        found = axe_violations(page)
        assert found and {v.rule for v in found} == {"color-contrast"}, found
        assert all("stCaptionContainer" in v.target for v in found)
    finally:
        page.close()
