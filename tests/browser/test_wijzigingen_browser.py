"""The Wijzigingen page in a real browser on a fixture pair committed to a temporary git repository:
the marked steps and flows are in the SVG (data-diff / diff-* classes) and every change links on."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page

from tests.versions.conftest import make_repo

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_marked_steps_in_the_svg(page: Page, server_factory, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    server = server_factory(content=repo.content)
    page.goto(f"{server.url}/wijzigingen?van=v2026-Q1&naar=v2026-Q2&proces=hoofd")
    page.locator("g.node.diff-added").first.wait_for(timeout=60_000)
    marked = page.eval_on_selector_all(
        "svg.ltv-diagram [data-diff]", "els => els.map(e => [e.id, e.dataset.diff, e.getAttribute('class')])"
    )
    by_id = {element_id: (mark, classes) for element_id, mark, classes in marked}
    assert by_id["controleren"][0] == "added" and "diff-added" in by_id["controleren"][1]
    assert by_id["archiveren"][0] == "removed" and "diff-removed" in by_id["archiveren"][1]
    assert by_id["intake"][0] == "changed" and "diff-changed" in by_id["intake"][1]
    assert by_id["aanvraag_beoordelen"][0] == "changed"  # the rename
    assert by_id["edge-besluit__controleren"][0] == "added"
    assert by_id["edge-besluit__afwijzen"][0] == "removed"
    assert by_id["edge-besluit__eind"][0] == "changed"
    assert "start" not in by_id and "eind" not in by_id
    # Colour is not the only cue: each marked step carries a badge of its own shape.
    assert page.locator("g.node.diff-added .diff-badge circle").count() == 1
    assert page.locator("g.node.diff-changed .diff-badge polygon").count() == 3
    assert page.locator("g.node.diff-removed .diff-badge rect").count() == 1
    dash = page.eval_on_selector("g.node.diff-removed .shape", "e => getComputedStyle(e).strokeDasharray")
    assert dash not in ("", "none")
    # The summary, the legend and the field-level list with links to the steps.
    body = page.locator("body")
    assert "Samenvatting per proces" in body.inner_text()
    assert "vervallen" in body.inner_text() and "Binnen twee weken." in body.inner_text()
    link = page.locator('a[href*="proces?proces=hoofd&stap=controleren"]').first
    assert link.count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    diagram = page.locator("svg.ltv-diagram").first
    diagram.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "wijzigingen.png"))
    link.click()
    page.wait_for_url("**/proces?proces=hoofd&stap=controleren*")
    page.get_by_role("heading", name="Afwijzing controleren").first.wait_for()
    # The feedback mail of that step names it, the content version and links back to this exact view.
    mail = unquote(page.locator('a:has-text("Wijziging doorgeven")').first.get_attribute("href") or "")
    assert "Stap: Afwijzing controleren (controleren)" in mail
    assert f"Inhoudsversie: git {repo.new[:7]}" in mail
    assert f"Weergave: {server.url}/proces?proces=hoofd&stap=controleren" in mail
