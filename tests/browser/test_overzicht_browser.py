"""In a real browser: the app starts, lists the real processes, and reports a broken file with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_overzicht_lists_real_processes(page, app_server, content_model) -> None:
    page.goto(app_server.url)
    expect(page.get_by_role("heading", name="LTV Procesverkenner")).to_be_visible()
    for process in content_model.model.process_list():
        expect(page.locator(f'g.node[id="{process.id}"]')).to_have_count(1)
    count = len(content_model.model.processes)
    expect(page.get_by_text(f"{count} {'proces' if count == 1 else 'processen'}", exact=True)).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overzicht.png"), full_page=True)


def test_broken_file_is_shown_and_the_rest_served(page, server_factory, tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "check" / "base", folder)
    shutil.copy(FIXTURES / "check" / "rules" / "yaml-syntax.yaml", folder)
    server = server_factory(content=folder)
    page.goto(server.url)
    expect(page.locator('g.node[id="basis"]')).to_be_visible()
    expect(page.locator('g.node[id="tweede"]')).to_be_visible()
    expect(page.get_by_text("De inhoud bevat 1 fout(en)")).to_be_visible()
    expect(page.get_by_text("Traceback")).to_have_count(0)


def _opacity(locator) -> float:
    return float(locator.evaluate("e => getComputedStyle(e).opacity"))


def _wait_faded(page, locator) -> None:
    # the fade is a short CSS transition: wait for it to settle
    page.wait_for_function(
        "e => parseFloat(getComputedStyle(e).opacity) < 0.5", arg=locator.element_handle(), timeout=10_000
    )


def _in_view(node) -> bool:
    """Whether the node's middle is inside the diagram's visible box (the viewer pans a drawing
    that is larger than its box, so a step can be laid out but out of sight)."""
    return bool(
        node.evaluate(
            """n => { const v = n.closest('.ltvd-viewport').getBoundingClientRect();
                      const r = n.getBoundingClientRect(); const x = r.x + r.width / 2, y = r.y + r.height / 2;
                      return x > v.left && x < v.right && y > v.top && y < v.bottom; }"""
        )
    )


def test_overview_arrows_of_the_hovered_process_stand_out(page, app_server) -> None:
    page.goto(app_server.url)
    expect(page.locator("g.node").first).to_be_visible(timeout=90_000)  # a fresh server lays out the overview
    # a process the first view shows, as a reader would point at it
    node = page.locator('g.node[id="asielprocedure-col"]')
    assert _in_view(node)
    own = page.locator('g.edge[data-source="asielprocedure-col"]').first
    other = page.locator('g.edge:not([data-source="asielprocedure-col"]):not([data-target="asielprocedure-col"])').first
    assert _opacity(other) == 1.0
    node.hover()
    _wait_faded(page, other)
    assert _opacity(own) == 1.0
    page.mouse.move(1, 1)
    page.wait_for_function(
        "e => parseFloat(getComputedStyle(e).opacity) == 1", arg=other.element_handle(), timeout=10_000
    )


def test_overview_keyboard_focus_brings_a_process_into_view_and_fades_the_others(page, app_server) -> None:
    page.goto(app_server.url)
    expect(page.locator("g.node").first).to_be_visible(timeout=90_000)
    # far to the right of the first view at 1366 px: keyboard focus pans it into sight
    node = page.locator('g.node[id="vertrektermijn"]')
    assert not _in_view(node)
    own = page.locator('g.edge[data-source="vertrektermijn"]').first
    other = page.locator('g.edge:not([data-source="vertrektermijn"]):not([data-target="vertrektermijn"])').first
    page.locator('g.node[id="instroom"]').focus()
    page.keyboard.press("Tab")  # a real key press, so the browser counts the focus as keyboard focus
    for _ in range(30):
        if node.evaluate("n => n.matches(':focus')"):
            break
        page.keyboard.press("Tab")
    assert node.evaluate("n => n.matches(':focus-visible')")
    expect(node).to_be_in_viewport()
    assert _in_view(node)
    _wait_faded(page, other)
    assert _opacity(own) == 1.0
