"""A broken content file in a real browser: every page still serves, the cause is named with file:line,
the other processes open, and content full of HTML next to the broken file stays plain text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from components.navigation import pages
from tests.conftest import CONTENT

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HOSTILE = '<script>window.__ltvPwned=1</script><img src=x onerror="window.__ltvPwned=2"><b>vet</b> & {x}'


def broken_copy(tmp_path: Path) -> tuple[Path, int]:
    """The real content with one line of gedwongen-vertrek.yaml indented too far (the issue's typo)."""
    folder = tmp_path / "processes"
    shutil.copytree(CONTENT, folder)
    path = folder / "gedwongen-vertrek.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line == "  - id: lp_opdracht") + 3
    lines[index] = "  " + lines[index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, index + 1


def wait_rendered(page: Page) -> None:
    """Until the script run is over and the page has its heading."""
    page.locator("h1, h2, h3").first.wait_for(timeout=30_000)
    page.locator('[data-test-script-state="notRunning"]').first.wait_for(timeout=30_000)
    page.wait_for_timeout(300)


def assert_no_crash(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("Er ging iets mis")).to_have_count(0)
    expect(page.get_by_text("Traceback")).to_have_count(0)


def test_broken_process_file_keeps_every_page_serving(page: Page, server_factory, tmp_path: Path) -> None:
    folder, line = broken_copy(tmp_path)
    server = server_factory(content=folder)
    where = f"gedwongen-vertrek.yaml:{line}"

    for url_path in [p for p in pages() if p]:  # every page but the overview (checked below)
        page.goto(f"{server.url}/{url_path}")
        wait_rendered(page)
        assert_no_crash(page)

    page.goto(server.url)
    wait_rendered(page)
    assert_no_crash(page)
    expect(page.get_by_role("alert").filter(has_text=where)).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "broken-overzicht.png"), full_page=True)

    page.goto(f"{server.url}/proces?proces=vertrektermijn")
    page.locator("g.node").first.wait_for(timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Vertrektermijn"))
    assert_no_crash(page)

    page.goto(f"{server.url}/proces?proces=gedwongen-vertrek")
    notice = page.get_by_role("alert").filter(has_text="kon niet worden geladen")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(where)
    expect(notice).to_contain_text("springt verder in")
    expect(page.get_by_text("bestaat niet (meer)")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "broken-proces.png"), full_page=True)


def test_html_in_a_label_next_to_a_broken_file_stays_text(page: Page, server_factory, tmp_path: Path) -> None:
    folder, _line = broken_copy(tmp_path)
    path = folder / "vertrektermijn.yaml"
    text = path.read_text(encoding="utf-8")
    label = re.search(r"^  - id: (\w+)\n    type: task\n    label: (.+)$", text, re.M)
    assert label is not None
    step, old = label.group(1), label.group(2)
    path.write_text(text.replace(f"    label: {old}\n", f"    label: '{HOSTILE}'\n", 1), encoding="utf-8")
    server = server_factory(content=folder)

    page.goto(f"{server.url}/proces?proces=vertrektermijn&stap={step}")
    page.locator("g.node").first.wait_for(timeout=30_000)
    expect(page.get_by_role("heading", level=3).filter(has_text="<script>")).to_be_visible()
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__ltvPwned") is None, "a script or handler from the content ran"
    expect(page.locator("b", has_text="vet")).to_have_count(0)
    expect(page.locator("img[src=x]")).to_have_count(0)
    expect(page.locator(f'g.node[id="{step}"]')).to_contain_text("<script>")
    assert_no_crash(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile-label.png"), full_page=True)
