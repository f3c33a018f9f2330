"""AppTest: the case walkthrough and the quiz, with good and bad parameters."""

from __future__ import annotations

import json

import pytest

from tests.app.test_proces import open_page, texts
from tests.conftest import page_components


@pytest.fixture(scope="module")
def scenario(content_model):
    model = content_model.model
    assert model.scenarios
    return next(s for s in model.scenarios.values() if any(step.choices for step in s.steps))


def test_chooser_lists_every_case(monkeypatch, content_model) -> None:
    at = open_page(monkeypatch, "views/training.py")
    text = texts(at)
    for scenario in content_model.model.scenarios.values():
        assert scenario.title in text


def test_walkthrough_hides_who_acts_until_revealed(monkeypatch, content_model, scenario) -> None:
    model = content_model.model
    at = open_page(monkeypatch, "views/training.py", scenario=scenario.id, nr="1")
    first = model.resolve_step(scenario.steps[0].step)[1]
    org = model.organisations[first.org]
    assert "Wie is nu aan zet?" in texts(at)
    diagram = json.loads(page_components(at)[1].proto.json)
    assert diagram["select"]["id"] is None and first.id not in diagram["path"], "the diagram does not tell yet"
    at.button(key="onthul").click().run()
    assert org.abbreviation in texts(at)
    diagram = json.loads(page_components(at)[1].proto.json)
    assert diagram["select"]["id"] == first.id
    at.button(key="volgende").click().run()
    nr = at.query_params["nr"]
    assert (nr[0] if isinstance(nr, list) else nr) == "2"
    assert "Stap 2 van" in texts(at) or any("Stap 2 van" in str(p.proto) for p in at.get("progress"))


def test_decision_shows_feedback_and_the_real_route(monkeypatch, scenario) -> None:
    nr = next(i for i, step in enumerate(scenario.steps, start=1) if step.choices)
    step = scenario.steps[nr - 1]
    wrong = next(i for i, c in enumerate(step.choices) if not c.correct)
    at = open_page(monkeypatch, "views/training.py", scenario=scenario.id, nr=str(nr))
    at.button(key=f"keuze-{scenario.id}-{nr}-{wrong}").click().run()
    assert at.error and "Niet in deze casus" in at.error[0].value
    assert at.info and "Wat er echt gebeurt" in " ".join(i.value for i in at.info)
    right = next(i for i, c in enumerate(step.choices) if c.correct)
    at.button(key=f"keuze-{scenario.id}-{nr}-{right}").click().run()
    assert at.success and "Klopt" in at.success[0].value


@pytest.mark.parametrize(
    "params", [{"scenario": "bestaat-niet"}, {"nr": "999"}, {"nr": "abc"}, {"presentatie": "1", "nr": "-1"}]
)
def test_bad_walkthrough_parameters(monkeypatch, scenario, params) -> None:
    params = {"scenario": scenario.id, **params}
    at = open_page(monkeypatch, "views/training.py", **params)
    assert at.warning or at.info


def test_presentation_mode_enlarges_and_keeps_controls(monkeypatch, scenario) -> None:
    at = open_page(monkeypatch, "views/training.py", scenario=scenario.id, nr="1", presentatie="1")
    assert any("font-size" in str(h.proto) for h in at.get("html"))
    assert {b.key for b in at.button} >= {"vorige", "onthul", "volgende"}


def _questions(at) -> list[str]:
    return [r.label for r in at.radio]


def test_same_quiz_url_gives_the_same_questions(monkeypatch) -> None:
    first = _questions(open_page(monkeypatch, "views/quiz.py", seed="42", aantal="8"))
    second = _questions(open_page(monkeypatch, "views/quiz.py", seed="42", aantal="8"))
    other = _questions(open_page(monkeypatch, "views/quiz.py", seed="43", aantal="8"))
    assert len(first) == 8 and first == second
    assert other != first


def test_quiz_scores_and_reviews_wrong_answers(monkeypatch) -> None:
    at = open_page(monkeypatch, "views/quiz.py", seed="7", aantal="3")
    for radio in at.radio:
        radio.set_value(radio.options[0])
    next(b for b in at.button if b.label == "Nakijken").click().run()
    assert any("Score:" in s.value for s in at.subheader)


def test_quiz_filters_and_answer_key(monkeypatch, content_model) -> None:
    at = open_page(monkeypatch, "views/quiz.py", seed="5", aantal="5", proces="vertrektermijn", sleutel="1")
    assert any("Antwoordsleutel" in s.value for s in at.subheader)
    at = open_page(monkeypatch, "views/quiz.py", seed="x", aantal="1000", proces="nope", org="nope")
    assert len(at.warning) >= 2
