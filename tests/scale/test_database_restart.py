"""PostgreSQL taken away and brought back under a live cluster: readiness turns 503 on every
replica and back to 200, the proxy keeps serving the explorer from the replicas that are up (no 503
page for everyone), and a browser session open through it all keeps working."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import CHROMIUM_ARGS
from tests.scale.conftest import Cluster

pytestmark = [pytest.mark.scale, pytest.mark.browser]


def status(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, json.loads(r.read() or b"{}") if url.endswith("healthz") else {}
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}") if url.endswith("healthz") else {}


def wait_until(condition, timeout: float = 60) -> float:
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "timed out"
        time.sleep(0.2)
    return time.monotonic() - started


def test_database_restart_under_a_live_session(cluster: Cluster, chromium_path: str, content_model) -> None:
    from playwright.sync_api import expect, sync_playwright

    process = content_model.model.processes["vertrektermijn"]
    steps = [n for n in process.nodes if n.type == "task"][:2]
    replicas = [f"http://127.0.0.1:{r['port']}/healthz" for r in cluster.state["replicas"]]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{cluster.url}proces?proces={process.id}")
        page.locator("g.node").first.wait_for()

        stopped = cluster.run("db-stop")
        assert stopped.returncode == 0, stopped.stderr
        noticed = wait_until(lambda: all(status(u)[0] == 503 for u in replicas))
        code, body = status(cluster.url + "healthz")
        assert code == 503 and body["content"]["ok"] and not body["database"]["ok"]
        assert status(cluster.url)[0] == 200, "the proxy answered the page with an error while the database was away"
        page.locator(f'g.node[id="{steps[0].id}"]').click()
        expect(page.get_by_role("heading", level=3)).to_have_text(steps[0].label)

        started = cluster.run("db-start")
        assert started.returncode == 0, started.stderr
        recovered = wait_until(lambda: all(status(u)[0] == 200 for u in replicas))
        wait_until(lambda: status(cluster.url + "healthz")[0] == 200, timeout=10)
        page.locator(f'g.node[id="{steps[1].id}"]').click()
        expect(page.get_by_role("heading", level=3)).to_have_text(steps[1].label)
        browser.close()
    lines = [line for line in cluster.haproxy_log() if " 503 " in line and "/healthz" not in line]
    print(f"\ndatabase away: every replica unready after {noticed:.1f} s; ready again {recovered:.1f} s after start")
    assert lines == [], lines[:3]
