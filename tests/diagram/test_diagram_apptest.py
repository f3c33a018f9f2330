"""The Python side of the diagram component, without a browser (AppTest runs no JS).

A click is injected the way the browser sends it: the component's trigger list
`[{"event": "click", "value": {"id", "seq"}}]`, so the real `on_click_change` callback runs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from streamlit import config
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from components.diagram import COMPONENT_NAME, CSS, HTML, JS, svg_hash
from tests.conftest import FIXTURES

APP = Path(__file__).resolve().parent / "diagram_app.py"
SAMPLE = (FIXTURES / "diagram" / "sample.svg").read_text(encoding="utf-8")
PATH = ["start", "intake", "beslis", "opvang", "samen"]


def start(**query: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def element(at: AppTest):
    (el,) = at.get("bidi_component")
    return el


def data(at: AppTest) -> dict:
    return json.loads(element(at).proto.json)


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def send(at: AppTest, state: WidgetState) -> AppTest:
    states = at._tree.get_widget_states()
    states.widgets.append(state)
    at._run(states)
    return at


def click(at: AppTest, node: str, seq: int) -> AppTest:
    """What the browser sends for a click: the component's trigger aggregator."""
    events = json.dumps([{"event": "click", "value": {"id": node, "seq": seq}}])
    return send(
        at, WidgetState(id=f"$$STREAMLIT_INTERNAL_KEY_{element(at).proto.id}__events", json_trigger_value=events)
    )


def report_held(at: AppTest, held: str | None) -> AppTest:
    """What the browser sends once it holds a drawing (or lost it): the component's state value."""
    return send(at, WidgetState(id=element(at).proto.id, json_value=json.dumps({"held": held})))


def test_first_run_sends_the_drawing_and_its_hash() -> None:
    at = start()
    assert not at.exception
    el = element(at)
    assert el.proto.component_name == COMPONENT_NAME
    assert el.proto.isolate_styles
    d = data(at)
    assert d["svg"] == SAMPLE
    assert d["hash"] == svg_hash(SAMPLE) == hashlib.sha256(SAMPLE.encode()).hexdigest()
    assert d["held"] is None
    assert d["select"] == {"id": None, "n": 1, "ack": 0}
    assert (d["path"], d["faded"], d["height"]) == ([], [], 480)
    assert "Geselecteerd: geen" in texts(at)


def test_drawing_is_omitted_once_the_browser_holds_it_and_resent_when_lost() -> None:
    at = start()
    digest = data(at)["hash"]
    report_held(at, digest)
    assert "svg" not in data(at)
    assert data(at)["held"] == digest
    at.run()
    assert "svg" not in data(at), "a plain rerun must not resend the drawing"
    report_held(at, None)  # e.g. a drawing the browser had to evict
    assert data(at)["svg"] == SAMPLE
    assert data(at)["held"] is None


def test_click_selects_calls_on_select_once_and_leaves_data_unchanged() -> None:
    at = start()
    report_held(at, data(at)["hash"])
    before = element(at).proto.json
    click(at, "gehoor", 5)
    assert not at.exception
    assert "Geselecteerd: gehoor" in texts(at)
    assert "Callbacks: gehoor" in texts(at)
    assert at.session_state["diagram.selected"] == "gehoor"
    assert at.query_params["node"] == "gehoor"
    # The browser shows the click already: the element stays byte-identical, so Streamlit's message
    # cache sends a reference instead of the element (JS, CSS and all).
    assert element(at).proto.json == before
    at.run()  # the trigger is gone: no second callback, the selection stays
    assert "Callbacks: gehoor" in texts(at)
    assert "Geselecteerd: gehoor" in texts(at)
    assert element(at).proto.json == before


def test_echoing_the_selection_into_the_url_never_undoes_a_newer_click() -> None:
    at = start()
    click(at, "gehoor", 5)  # the app writes ?node=gehoor at the end of this run
    click(at, "opvang", 6)  # ... and passes it as `selected` in this one: an echo, not a new wish
    assert "Geselecteerd: opvang" in texts(at)
    assert at.query_params["node"] == "opvang"
    at.run()
    assert "Geselecteerd: opvang" in texts(at)


def test_deep_link_selects_and_asks_to_centre() -> None:
    at = start(node="beslis")
    assert data(at)["select"] == {"id": "beslis", "n": 1, "ack": 0}
    assert "Geselecteerd: beslis" in texts(at)


def test_caller_wins_when_its_value_changes_and_a_later_click_wins_again() -> None:
    at = start()
    click(at, "gehoor", 7)
    at.button[0].click().run()  # "Kies einde": the app now passes selected="einde"
    assert "Geselecteerd: einde" in texts(at)
    assert data(at)["select"] == {"id": "einde", "n": 2, "ack": 7}, "carries the last click Python saw"
    click(at, "opvang", 8)  # the app keeps passing "einde": unchanged, so the click wins
    assert "Geselecteerd: opvang" in texts(at)
    assert data(at)["select"]["id"] == "einde", "a click does not touch data"
    assert "Callbacks: gehoor opvang" in texts(at)


def test_selection_set_through_session_state() -> None:
    at = start()
    at.session_state["diagram.selected"] = "wacht"
    at.run()
    assert "Geselecteerd: wacht" in texts(at)
    assert data(at)["select"]["id"] == "wacht"
    assert data(at)["select"]["n"] == 2


def test_faded_and_path_are_passed_as_data() -> None:
    at = start()
    at.checkbox(key="fade").check().run()
    assert data(at)["faded"] == ["org-coa"]
    at.checkbox(key="show_path").check().run()
    assert data(at)["path"] == PATH
    at.checkbox(key="fade").uncheck().run()
    assert data(at)["faded"] == []


def test_assets_are_inline_and_parse() -> None:
    # Multi-line strings: Streamlit takes a one-line css/js with "/" or "*" for an asset path.
    assert "\n" in JS.strip() and "\n" in CSS.strip()
    assert "export default function" in JS
    for label in ("Inzoomen", "Uitzoomen", "Passend in de breedte", "Hele tekening"):
        assert f'aria-label="{label}"' in HTML
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (optional: checks the JS parses as a module)")
    result = subprocess.run([node, "--input-type=module", "--check"], input=JS, text=True, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_the_element_is_big_enough_for_streamlits_message_cache() -> None:
    """A click is cheap because the unchanged element is sent as a ~100-byte reference; Streamlit only
    caches messages of at least global.minCachedMessageSize (10 kB). The JS/CSS/HTML make it that big;
    if they ever shrink below, a click costs the whole element (the browser test would notice too)."""
    at = start()
    report_held(at, data(at)["hash"])
    assert "svg" not in data(at)
    size = len(element(at).proto.SerializeToString())
    assert size >= config.get_option("global.minCachedMessageSize") + 1000, size


def test_hidden_and_shown_again_the_browser_is_told_the_selection_but_not_sent_the_drawing_again() -> None:
    at = start()
    report_held(at, data(at)["hash"])
    click(at, "opvang", 9)
    n = data(at)["select"]["n"]
    at.checkbox(key="hide").check().run()
    assert not at.get("bidi_component")
    at.checkbox(key="hide").uncheck().run()
    assert "Geselecteerd: opvang" in texts(at)
    assert data(at)["select"] == {"id": "opvang", "n": n + 1, "ack": 9}, "a fresh mount is told the selection"
    assert "svg" not in data(at), "the page still holds the drawing; the browser says so if it lost it"
