"""AppTest: a room whose database cannot be reached never takes the Training or Quiz page down."""

from __future__ import annotations

from tests.app.test_proces import open_page, texts

UNREACHABLE = "postgresql://postgres@127.0.0.1:1/ltv"  # nothing listens on port 1


def test_training_and_quiz_work_without_a_database(monkeypatch, content_model) -> None:
    monkeypatch.setenv("LTV_DATABASE_URL", UNREACHABLE)
    scenario = next(iter(content_model.model.scenarios.values()))
    at = open_page(monkeypatch, "views/training.py", scenario=scenario.id, nr="1")
    assert "Wie is nu aan zet?" in texts(at)
    at.button(key=f"live-casus-{scenario.id}").click().run()
    assert not at.exception
    assert any("kon niet starten" in w.value for w in at.warning)
    assert "Wie is nu aan zet?" in texts(at)
    at = open_page(monkeypatch, "views/quiz.py", seed="4", aantal="2", kamer="ACDEFG", trainer="x")
    assert not at.exception
    assert any("niet bereikbaar" in w.value for w in at.warning)
    assert "Nakijken" in texts(at)
