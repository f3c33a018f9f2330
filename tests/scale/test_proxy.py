"""The proxy of the local cluster: security headers on every answer, a Content-Security-Policy the app
works under in Chromium (no violation on any page, with clicks, a search and an upload), readiness
that follows the database, and the base path /ltv/."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ARGS, ROOT
from tests.scale.conftest import CLUSTER, Cluster

pytestmark = [pytest.mark.scale, pytest.mark.browser]

# Collects every CSP violation the page reports, also those in shadow roots and workers' documents.
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
}, true);
"""


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def expected_headers() -> dict[str, str]:
    out = subprocess.run([sys.executable, str(CLUSTER), "headers"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_security_headers_on_pages_assets_and_health(cluster: Cluster) -> None:
    expected = expected_headers()
    status, _, body = get(cluster.url)
    assert status == 200
    asset = next(part.split('"')[0] for part in body.decode().split('src="')[1:] if part.startswith("./static/"))
    urls = ("", "proces?proces=vertrektermijn", asset[2:], "healthz")
    for url in (cluster.url + u for u in urls):
        status, headers, _ = get(url)
        assert status == 200, url
        for name, value in expected.items():
            assert headers.get(name.lower()) == value, (url, name)
    assert "frame-ancestors 'self'" in expected["Content-Security-Policy"]
    assert "'unsafe-eval'" not in expected["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in expected["Content-Security-Policy"]


def test_base_path_and_sticky_cookie(cluster: Cluster) -> None:
    request = urllib.request.Request(cluster.url.removesuffix("ltv/"))
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(request, timeout=5)
        raise AssertionError("the root should redirect to /ltv/")
    except urllib.error.HTTPError as e:
        assert e.code == 302 and e.headers["Location"] == "/ltv/"
    _, headers, _ = get(cluster.url)
    assert headers["set-cookie"].startswith("LTVREPLICA=r") and "HttpOnly" in headers["set-cookie"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def test_readiness_follows_the_database(cluster: Cluster) -> None:
    status, _, body = get(cluster.url + "healthz")
    state = json.loads(body)
    assert status == 200 and state["content"]["ok"] and state["database"]["detail"] == "PostgreSQL bereikbaar"
    replica = cluster.state["replicas"][0]
    status, _, body = get(f"http://127.0.0.1:{replica['port']}/healthz")
    assert status == 200
    assert cluster.state["pg_password"] not in body.decode()


def bpmn_file(tmp: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "leidraad", "export", "bpmn", "vertrektermijn", "-o", str(tmp)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return next(tmp.glob("*.bpmn"))


def test_no_csp_violation_on_any_page(cluster: Cluster, chromium_path: str, content_model, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    model = content_model.model
    process = model.processes["vertrektermijn"]
    step = next(n for n in process.nodes if n.type == "task")
    scenario = next(iter(model.scenarios.values()))
    console: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(30_000)
        page.add_init_script(WATCH_CSP)
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        checked: dict[str, list[str]] = {}

        def visit(path: str, ready: str) -> None:
            page.goto(cluster.url + path)
            page.locator(ready).first.wait_for()
            page.wait_for_timeout(500)

        def record(path: str) -> None:
            checked[path] = page.evaluate("window.__csp")

        for path in ("", "organisaties?org=dtv", "koppelvlakken", "catalogi", "over", "quiz?seed=1"):
            visit(path, "h1")
            record(path)
        visit(f"training?scenario={scenario.id}&presentatie=1", "h1, h2, h3")
        page.keyboard.press("PageDown")
        page.wait_for_timeout(800)
        record("training (presentatie)")
        visit(f"proces?proces={process.id}", "g.node")
        page.locator(f'g.node[id="{step.id}"]').click()
        expect(page.get_by_role("heading", level=3)).to_have_text(step.label)
        page.get_by_text("Downloaden zoals getoond").click()
        page.locator("[data-testid=stDownloadButton]").first.wait_for()
        record("proces (klik, downloads)")
        visit("zoeken", "h1")
        box = page.get_by_label("Zoek in stappen, organisaties en catalogi")
        box.fill("meldplicht")
        box.press("Enter")
        expect(page.get_by_text("resultaten voor")).to_be_visible()
        record("zoeken")
        visit("bpmn-import", "h1")
        page.locator("input[type=file]").set_input_files(str(bpmn_file(tmp_path)))
        expect(page.get_by_text("YAML-bestanden downloaden (zip)")).to_be_visible(timeout=60_000)
        record("bpmn-import (upload)")
        page.screenshot(path=str(ROOT / "test-artifacts" / "cluster-bpmn-import.png"), full_page=True)
        browser.close()
    print("CSP check through the proxy:", {path: len(v) for path, v in checked.items()})
    assert {path: v for path, v in checked.items() if v} == {}
    assert console == []
    assert errors == []
