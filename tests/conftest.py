"""Shared test helpers. Under CI=true nothing the acceptance depends on may skip: a missing
Chromium or Graphviz fails the run instead."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "processes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, what: str) -> None:
    """Skip locally when a system component is missing; fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing under CI=true: run 'make test' so it gets installed", pytrace=False)
    pytest.skip(f"{what} is missing")


def url_list(path: Path) -> list[str]:
    """The URLs of a vendored list under tests/data/sources: one a line, # comments."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()[:1] not in ("", "#")]


@pytest.fixture(scope="session", autouse=True)
def room_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Live rooms made by tests (and the servers they start) go to a temporary folder, not the checkout's."""
    before = os.environ.get("LTV_DATA_DIR")
    os.environ["LTV_DATA_DIR"] = str(tmp_path_factory.mktemp("ltv-data"))
    yield
    if before is None:
        os.environ.pop("LTV_DATA_DIR", None)
    else:
        os.environ["LTV_DATA_DIR"] = before


@pytest.fixture(scope="session")
def dot_available() -> None:
    require(shutil.which("dot") is not None, "Graphviz ('dot', Debian package graphviz)")


@pytest.fixture(scope="session")
def content_model():
    from leidraad.checks.folder import check_folder

    return check_folder(CONTENT)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """`streamlit run SCRIPT` on a free loopback port, from the repo root (so its config applies)."""

    def __init__(self, script: Path, env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> None:
        self.port = free_port()
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless=true",
            f"--server.port={self.port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
            *args,
        ]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the Streamlit server did not become healthy within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    require(Path(CHROMIUM).exists() and os.access(CHROMIUM, os.X_OK), f"Chromium ({CHROMIUM}, Debian package chromium)")
    require(shutil.which("dot") is not None, "Graphviz ('dot', Debian package graphviz)")
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_driver(chromium_path: str):
    """One Playwright for the whole run (the sync API allows one per thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser_context(playwright_driver, chromium_path: str, tmp_path_factory: pytest.TempPathFactory):
    """One Chromium profile for the whole run."""
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")),
        executable_path=chromium_path,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 900},
    )
    yield context
    context.close()


@pytest.fixture(scope="session")
def chromium_browser(playwright_driver, chromium_path: str):
    """A Chromium for tests that need several separate browser contexts (people on different devices)."""
    browser = playwright_driver.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def patient_expectations() -> None:
    """Browser assertions wait up to 20 s: a first page load checks the whole content, which takes
    well under a second on an idle machine but several seconds on a loaded one. Only a failing test
    waits that long."""
    try:
        from playwright.sync_api import expect
    except ImportError:
        return
    expect.set_options(timeout=20_000)


@pytest.fixture
def page(browser_context) -> Iterator:
    """A fresh tab; a JavaScript error in the page fails the test."""
    errors: list[str] = []
    page = browser_context.new_page()
    page.set_default_timeout(30_000)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


from tests.pg_server import postgres_url  # noqa: E402, F401 (a fixture for every test)


def page_components(at) -> list:
    """The custom components a page itself shows (every page's footer adds the theme switch)."""
    return [e for e in at.get("bidi_component") if "ltv_theme_switch" not in e.proto.component_name]
