"""AppTest for issue 14 on the real content: the Proces filter offers everyone in a step, Organisaties
counts steps, Koppelvlakken shows a deep-linked pair beside the matrix, links between processes land
with the way back lit, and the quiz shows its number, its key and a participant version."""

from __future__ import annotations

from leidraad.drawing.handover_map import cell_id
from leidraad.queries.filters import organisations_in
from leidraad.queries.graph import handovers_between, steps_of_org
from leidraad.quiz.generator import generate_quiz
from tests.app.test_proces import diagram_data, open_page, texts


def _multiselect(at, label: str):
    return next(m for m in at.multiselect if m.label == label)


def test_filter_offers_every_organisation_in_a_step(monkeypatch, content_model) -> None:
    model = content_model.model
    process = model.processes["gedwongen-vertrek"]
    involved_only = {i.org for n in process.nodes for i in n.involved} - {n.org for n in process.nodes}
    assert "avim" in involved_only  # involved in a step, no lane of its own
    at = open_page(monkeypatch, proces=process.id, org="avim")
    options = _multiselect(at, "Organisaties").options
    assert len(options) == len(organisations_in(process, model.organisations))
    assert model.organisations["avim"].abbreviation in options
    faded = set(diagram_data(at)["faded"])
    avim_steps = {n.id for n in process.nodes if any(i.org == "avim" for i in n.involved)}
    assert avim_steps and not (avim_steps & faded)
    assert {b.label for b in at.button} >= {"Alles", "Niets"}
    next(b for b in at.button if b.label == "Alles").click().run()
    assert len(_multiselect(at, "Organisaties").value) == len(options)


def test_list_toggle_is_in_the_url_and_an_absent_organisation_is_explained(monkeypatch, content_model) -> None:
    model = content_model.model
    process = model.processes["gedwongen-vertrek"]
    at = open_page(monkeypatch, proces=process.id, org="dtv", lijst="1")
    assert next(t for t in at.toggle if t.label.startswith("Passende stappen")).value
    assert "Passende stappen" in texts(at)
    absent = next(o for o in model.organisations if o not in organisations_in(process, model.organisations))
    at = open_page(monkeypatch, proces=process.id, org=absent)
    assert any("komt in dit proces niet voor" in w.value for w in at.warning)


def test_organisation_steps_count_steps_and_chain_partners_come_first(monkeypatch, content_model) -> None:
    model = content_model.model
    at = open_page(monkeypatch, "views/organisaties.py", org="coa")
    distinct = {(s.process, s.step) for s in steps_of_org(model, "coa")}
    assert any(t.label == f"Stappen ({len(distinct)})" for t in at.tabs)
    assert not any(e.proto.expanded for e in at.expander)
    next(b for b in at.button if b.label == "Alles openklappen").click().run()
    assert at.expander and all(e.proto.expanded for e in at.expander)
    next(b for b in at.button if b.label == "Alles dichtklappen").click().run()
    assert not any(e.proto.expanded for e in at.expander)
    overview = open_page(monkeypatch, "views/organisaties.py")
    first = str(overview.get("page_link")[0].proto.label)
    assert model.organisations["dtv"].label in first


def test_koppelvlakken_deep_link_selects_the_cell_and_lists_both_sides(monkeypatch, content_model) -> None:
    model = content_model.model
    at = open_page(monkeypatch, "views/koppelvlakken.py", van="coa", naar="dtv")
    matrix = next(e for e in at.get("bidi_component") if '"cel--' in e.proto.json or "cel--" in e.proto.json)
    assert f'"{cell_id("coa", "dtv")}"' in matrix.proto.json
    text = texts(at)
    assert "Van:" in text and "Aan:" in text
    pairs = handovers_between(model, "coa", "dtv")
    assert pairs and f"({len(pairs)})" in text
    limits = [model.resolve_step(h.to_step)[1].time_limit for h in pairs] + [
        model.resolve_step(h.from_step)[1].time_limit for h in pairs
    ]
    for limit in filter(None, limits):
        assert limit in text


def test_a_link_to_another_process_lands_on_its_entry_with_the_way_back(monkeypatch, content_model) -> None:
    at = open_page(monkeypatch, proces="gedwongen-vertrek", stap="alsnog_meewerken")
    # The step panel comes with the drawing; its links to other steps come back through Python.
    assert "zelfstandig-vertrek/" in diagram_data(at)["panels"]["alsnog_meewerken"]
    at.session_state["proces.go"] = "zelfstandig-vertrek/start"
    at.run()
    assert at.query_params["proces"] in (["zelfstandig-vertrek"], "zelfstandig-vertrek")
    data = diagram_data(at)
    assert data["select"]["id"] == "start"
    assert len(data["path"]) == 2 and data["path"][1] == "start" and data["path"][0].startswith("link-in-")


def test_quiz_number_key_and_participant_version(monkeypatch, content_model) -> None:
    model = content_model.model
    at = open_page(monkeypatch, "views/quiz.py", seed="5", aantal="4")
    assert "Quiznummer 5" in texts(at)
    assert any(n.label == "Quiznummer invullen" for n in at.number_input)
    key = open_page(monkeypatch, "views/quiz.py", seed="5", aantal="4", versie="sleutel")
    questions = generate_quiz(model, seed=5, count=4)
    assert any("quiznummer 5" in s.value for s in key.subheader)
    assert any("@media print" in str(h.proto) for h in key.get("html"))
    assert all(q.answer in texts(key) for q in questions)
    sheet = open_page(monkeypatch, "views/quiz.py", seed="5", aantal="4", versie="deelnemer")
    body = "\n".join(m.value for m in sheet.markdown)
    assert all(q.text.split()[0] in body for q in questions)
    assert "**A." not in body and "Toelichting" not in body  # no answer marked, no explanations


def test_quiz_review_shows_the_feedback_of_the_answer_given(monkeypatch, content_model) -> None:
    model = content_model.model
    seed = next(s for s in range(200) if generate_quiz(model, seed=s, count=1)[0].kind == "casus")
    (question,) = generate_quiz(model, seed=seed, count=1)
    wrong = next(c for c in question.choices if c != question.answer)
    at = open_page(monkeypatch, "views/quiz.py", seed=str(seed), aantal="1")
    at.radio[0].set_value(wrong)
    next(b for b in at.button if b.label == "Nakijken").click().run()
    review = texts(at)
    assert question.feedback_for(wrong) in review
    if question.feedback.get(question.answer):
        assert question.feedback[question.answer] not in review
