"""The quiz: generated from the model and the scenarios, the same for the same seed, honest choices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from leidraad.content.load import load_folder
from leidraad.quiz.generator import (
    KINDS,
    Question,
    _consultation_label,
    _pool,
    answer_key,
    count_distinct_questions,
    generate_quiz,
    gives_away,
    question_pool,
)
from tests.conftest import CONTENT, ROOT


@pytest.fixture(scope="module")
def model(content_model):
    return content_model.model


@pytest.fixture(scope="module")
def big_quiz(model) -> list[Question]:
    return [t.realise(11) for t in question_pool(model)]


def _snapshot(questions: list[Question]) -> list[tuple]:
    return [(q.id, q.kind, q.text, tuple(q.choices), q.answer_index, q.explanation, q.step_ref) for q in questions]


def test_the_real_content_gives_many_distinct_questions(model) -> None:
    assert count_distinct_questions(model) > 50


def test_every_kind_occurs(model) -> None:
    kinds = Counter(t.kind for t in _pool(model))
    assert set(kinds) == set(KINDS)
    assert kinds["casus"] >= 6 * 2, "every scenario contributes decisions"


def test_same_inputs_give_the_same_quiz(model) -> None:
    first = generate_quiz(model, seed=42, count=20)
    again = generate_quiz(model, seed=42, count=20)
    reloaded = generate_quiz(load_folder(CONTENT).model, seed=42, count=20)
    assert len(first) == 20
    assert _snapshot(first) == _snapshot(again) == _snapshot(reloaded)


def test_the_quiz_does_not_depend_on_the_hash_seed() -> None:
    """A URL given to a room must show every participant the same quiz, in any server process."""
    script = (
        "import json; from leidraad.content.load import load_folder; "
        "from leidraad.quiz.generator import generate_quiz; "
        f"qs = generate_quiz(load_folder({str(CONTENT)!r}).model, seed=7, count=15, org='coa'); "
        "print(json.dumps([[q.id, q.choices, q.answer_index] for q in qs]))"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 15


def test_different_seeds_give_a_different_quiz(model) -> None:
    a = [q.id for q in generate_quiz(model, seed=1, count=15)]
    b = [q.id for q in generate_quiz(model, seed=2, count=15)]
    assert a != b
    assert set(a) != set(b), "a different seed picks different questions, not only another order"


def test_a_question_looks_the_same_whatever_else_was_picked(model) -> None:
    everything = {q.id: q for q in (t.realise(5) for t in question_pool(model))}
    for q in generate_quiz(model, seed=5, count=10, process="vertrektermijn"):
        assert _snapshot([q]) == _snapshot([everything[q.id]])


def test_count_is_respected(model) -> None:
    assert generate_quiz(model, seed=3, count=0) == []
    assert len(generate_quiz(model, seed=3, count=1)) == 1
    pool = count_distinct_questions(model)
    everything = generate_quiz(model, seed=3, count=pool + 100)
    steps = {t.step_ref for t in question_pool(model)}
    assert len(everything) == len(steps), "as many questions as steps with a question, one per step"
    assert len({q.step_ref for q in everything}) == len(everything)


def test_no_two_questions_about_the_same_step(model) -> None:
    for seed in range(20):
        quiz = generate_quiz(model, seed=seed, count=30)
        assert len({q.step_ref for q in quiz}) == len(quiz) == 30, seed


def test_no_prompt_contains_its_answer(big_quiz) -> None:
    """Every question the content gives: the prompt never names its answer, and no yes/no case decision
    (its narrative states the fact) is asked."""
    assert len(big_quiz) > 300
    for q in big_quiz:
        assert not gives_away(q.text, q.answer), f"{q.id}: {q.text!r} gives away {q.answer!r}"
        assert not (q.kind == "casus" and set(q.choices) <= {"Ja", "Nee"}), q.id
    assert gives_away("Wie is verantwoordelijk in ‘Vertrek met IOM’?", "IOM")
    assert not gives_away("Wie beslist over de vraag?", "IOM")
    assert gives_away("in het proces ‘Gemeenten en LVV’?", "Gemeente")
    assert not gives_away("Wie moet het verzoek indienen?", "IND")


def test_review_feedback_belongs_to_the_answer_given(big_quiz) -> None:
    cases = [q for q in big_quiz if q.kind == "casus" and len(q.feedback) == len(q.choices)]
    assert cases
    for q in cases:
        for choice in q.choices:
            assert q.feedback_for(choice) == q.feedback[choice]
        wrong = next(c for c in q.choices if c != q.answer)
        assert q.feedback_for(wrong) != q.feedback[q.answer]
    model_question = next(q for q in big_quiz if q.kind == "verantwoordelijk")
    wrong = next(c for c in model_question.choices if c != model_question.answer)
    assert model_question.answer in model_question.feedback_for(wrong)
    assert model_question.feedback_for(None).startswith("Het goede antwoord")


def test_choices_are_honest(big_quiz) -> None:
    for q in big_quiz:
        assert len(set(q.choices)) == len(q.choices), f"{q.id}: duplicate choices {q.choices}"
        assert all(c.strip() for c in q.choices), q.id
        assert 0 <= q.answer_index < len(q.choices), q.id
        assert q.choices[q.answer_index] == q.answer
        if q.kind == "casus":
            assert 2 <= len(q.choices) <= 4, q.id
        else:
            assert 3 <= len(q.choices) <= 4, q.id
        assert q.text.strip() and q.explanation.strip(), q.id
        assert q.id.startswith(f"{q.kind}:"), q.id


def test_every_step_ref_resolves(model, big_quiz) -> None:
    for q in big_quiz:
        assert model.resolve_step(q.step_ref) is not None, f"{q.id}: {q.step_ref}"
        assert q.step_ref.split("/")[0] in q.processes, q.id


def test_ids_are_stable_and_unique(model, big_quiz) -> None:
    ids = [q.id for q in big_quiz]
    assert len(ids) == len(set(ids))
    assert "verantwoordelijk:vertrektermijn/vertrekgesprek" in ids
    assert "casus:gezin-afgewezen-aa/7" in ids


def test_responsibility_answers_and_distractors(model, big_quiz) -> None:
    for q in big_quiz:
        if q.kind != "verantwoordelijk":
            continue
        _, node = model.resolve_step(q.step_ref)
        org = model.organisations[node.org]
        assert q.answer == org.abbreviation
        involved = {model.organisations[i.org].abbreviation for i in node.involved}
        wrong = set(q.choices) - {q.answer}
        assert not wrong & involved, f"{q.id}: an involved organisation is offered as wrong"


def test_handover_answers_follow_a_real_flow(model, big_quiz) -> None:
    labels = {o.abbreviation: o.id for o in model.organisations.values()}
    for q in big_quiz:
        if not q.kind.startswith("overdracht"):
            continue
        _, node = model.resolve_step(q.step_ref)
        from_org, to_org = q.orgs
        if q.kind == "overdracht-aan":
            assert node.org == from_org and labels[q.answer] == to_org, q.id
        else:
            assert node.org == to_org and labels[q.answer] == from_org, q.id


def test_time_limit_and_legal_basis_answers_come_from_the_step(model, big_quiz) -> None:
    for q in big_quiz:
        _, node = model.resolve_step(q.step_ref)
        if q.kind == "termijn":
            assert q.answer == node.time_limit
            others = set(q.choices) - {q.answer}
            assert node.time_limit not in others
        elif q.kind == "grondslag":
            assert q.answer in node.legal_basis
            assert not (set(q.choices) - {q.answer}) & set(node.legal_basis), q.id
        elif q.kind == "overleg":
            labels = {_consultation_label(model, c) for c in node.consultations}
            assert q.answer in labels, q.id
            assert len(set(q.choices) & labels) == 1, f"{q.id}: another consultation of the step is offered as wrong"


def test_scenario_questions_use_the_scenario_choices(model, big_quiz) -> None:
    for q in big_quiz:
        if q.kind != "casus":
            continue
        scenario_id, number = q.id.removeprefix("casus:").rsplit("/", 1)
        step = model.scenarios[scenario_id].steps[int(number) - 1]
        assert step.step == q.step_ref
        assert sorted(q.choices) == sorted(c.label for c in step.choices)
        correct = next(c for c in step.choices if c.correct)
        assert q.answer == correct.label and q.explanation == correct.feedback


def test_process_filter(model) -> None:
    questions = generate_quiz(model, seed=9, count=1_000, process="gedwongen-vertrek")
    assert len(questions) >= 10
    assert all("gedwongen-vertrek" in q.processes for q in questions)
    assert {q.kind for q in questions} >= {"verantwoordelijk", "casus"}
    pool = [t for t in question_pool(model) if "gedwongen-vertrek" in t.processes]
    assert len(pool) == count_distinct_questions(model, process="gedwongen-vertrek")
    assert len(questions) == len({t.step_ref for t in pool})
    assert generate_quiz(model, seed=9, count=10, process="bestaat-niet") == []


def test_org_filter(model) -> None:
    questions = generate_quiz(model, seed=9, count=1_000, org="coa")
    assert len(questions) >= 10
    assert all("coa" in q.orgs for q in questions)
    with_parts = generate_quiz(model, seed=9, count=1_000, org="ind")
    assert any("bma" in q.orgs and "ind" not in q.orgs for q in with_parts), "the IND filter includes the BMA"
    both = generate_quiz(model, seed=9, count=1_000, process="vertrektermijn", org="coa")
    assert both and all("vertrektermijn" in q.processes and "coa" in q.orgs for q in both)
    assert generate_quiz(model, seed=9, count=10, org="bestaat-niet") == []


def test_answer_key(model) -> None:
    questions = generate_quiz(model, seed=4, count=8)
    key = answer_key(questions)
    assert key.startswith("# Antwoordsleutel")
    for number, q in enumerate(questions, start=1):
        assert f"**{number}. {'ABCD'[q.answer_index]}** — {q.answer}" in key
        assert f"`{q.step_ref}`" in key
    assert answer_key([]).startswith("# Antwoordsleutel")
