"""AppTest: the Proces page for every process, the step panel, deep links and bad parameters."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import CONTENT, ROOT, page_components

APP = str(ROOT / "app.py")


def open_page(
    monkeypatch: pytest.MonkeyPatch, page: str = "views/proces.py", content: Path = CONTENT, **params: str
) -> AppTest:
    monkeypatch.setenv("LTV_CONTENT", str(content))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "warning", "info", "error"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [b.label for b in at.button] + [e.label for e in at.expander]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))  # undo markdown escaping


def diagram_data(at: AppTest) -> dict:
    # the page's one diagram (the footer's theme switch is a component too)
    (element,) = [e for e in at.get("bidi_component") if "diagram" in e.proto.component_name]
    return json.loads(element.proto.json)


def test_every_process_renders_with_its_diagram(monkeypatch, content_model, dot_available) -> None:
    for process in content_model.model.process_list():
        at = open_page(monkeypatch, proces=process.id)
        assert process.title in texts(at)
        data = diagram_data(at)
        svg = data.get("svg") or ""
        assert f'data-process="{process.id}"' in svg


def test_deep_link_selects_the_step_and_fills_the_panel(monkeypatch, content_model, dot_available) -> None:
    process = content_model.model.processes["vertrektermijn"]
    node = next(n for n in process.nodes if n.type == "task" and n.involved)
    at = open_page(monkeypatch, proces=process.id, stap=node.id)
    data = diagram_data(at)
    panel = html.unescape(data["panels"][node.id])  # sent with the drawing, shown on a click at once
    assert node.label in panel
    org = content_model.model.organisations[node.org]
    assert org.abbreviation in panel
    assert data["select"]["id"] == node.id
    assert at.query_params["stap"] == [node.id] or at.query_params["stap"] == node.id
    assert "Wijziging doorgeven" in panel
    assert set(data["panels"]) == {n.id for n in process.nodes} | {""}, "every step's panel comes along"


def test_selecting_a_step_updates_panel_and_url(monkeypatch, content_model, dot_available) -> None:
    process = content_model.model.processes["vertrektermijn"]
    node = next(n for n in process.nodes if n.type == "gateway")
    at = open_page(monkeypatch, proces=process.id)
    at.session_state[f"diagram-{process.id}.selected"] = node.id
    at.run()
    data = diagram_data(at)
    assert data["select"]["id"] == node.id
    assert "Uitkomsten" in data["panels"][node.id]
    stap = at.query_params["stap"]
    assert (stap[0] if isinstance(stap, list) else stap) == node.id


@pytest.mark.parametrize(
    "params",
    [
        {"proces": "bestaat-niet"},
        {"proces": "<script>alert(1)</script>"},
        {"proces": "vertrektermijn", "stap": "bestaat-niet"},
        {"proces": "vertrektermijn", "weergave": "raar"},
        {"proces": "vertrektermijn", "stap": "'; DROP TABLE x; --"},
    ],
)
def test_bad_parameters_give_a_friendly_message(monkeypatch, params, dot_available) -> None:
    at = open_page(monkeypatch, **params)
    assert at.warning or at.info
    assert "Traceback" not in texts(at)


def test_text_view_sends_no_diagram(monkeypatch, content_model) -> None:
    process = content_model.model.processes["vertrektermijn"]
    at = open_page(monkeypatch, proces=process.id, weergave="tekst")
    assert page_components(at) == []
    text = texts(at)
    for node in process.nodes:
        assert node.label in text
    assert "verantwoordelijk:" in text  # the text view names who is responsible for each step


def test_no_process_shows_a_chooser(monkeypatch, content_model) -> None:
    at = open_page(monkeypatch)
    labels = [b.label for b in at.button]
    assert any(content_model.model.process_list()[0].title in label for label in labels)


def test_over_page_states_status_and_feedback(monkeypatch) -> None:
    at = open_page(monkeypatch, page="views/over.py")
    text = texts(at)
    assert "geen officiële publicatie" in text
    assert "redactieraadltv@dtv.minvenj.nl" in text
    assert "2021-10" in text


def test_downloads_as_shown_are_one_toggle_away(monkeypatch, dot_available) -> None:
    at = open_page(monkeypatch, proces="vertrektermijn", stap="vertrekgesprek", org="coa")
    assert at.get("download_button") == []  # not drawn (nor sent) until asked for
    at.toggle(key="diagram-vertrektermijn.downloads").set_value(True).run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["SVG", "PNG", "PDF", "BPMN", "RACI (CSV)", "Hand-out A3 (PDF)"]


def test_richting_draws_the_diagram_vertically_and_back(monkeypatch, dot_available) -> None:
    at = open_page(monkeypatch, proces="vertrektermijn", richting="verticaal")
    assert 'data-direction="vertical"' in (diagram_data(at).get("svg") or "")
    assert at.query_params["richting"] in ("verticaal", ["verticaal"])
    control = next(c for c in at.get("button_group") if "Richting" in c.proto.label)
    assert control.proto.label == "Richting van het diagram"
    at = open_page(monkeypatch, proces="vertrektermijn")
    assert 'data-direction="horizontal"' in (diagram_data(at).get("svg") or "")
    assert "richting" not in at.query_params


def test_unknown_richting_falls_back_to_horizontal(monkeypatch, dot_available) -> None:
    at = open_page(monkeypatch, proces="vertrektermijn", richting="schuin")
    assert "Onbekende richting" in texts(at)
    assert 'data-direction="horizontal"' in (diagram_data(at).get("svg") or "")


def test_a_failing_layout_offers_the_text_view(monkeypatch, dot_available) -> None:
    import components.cache as cache

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("layout broke")

    cache._drawing.clear()
    monkeypatch.setattr(cache, "layout_process", broken)
    try:
        at = open_page(monkeypatch, proces="vertrektermijn")
        assert "kan nu niet getekend worden" in texts(at)
        assert not at.error and not at.exception
        next(b for b in at.button if b.label == "Toon als tekst").click().run()
        assert at.query_params["weergave"] in ("tekst", ["tekst"])
    finally:
        cache._drawing.clear()
