"""The questions a live room asks, built from the real cases and quizzes."""

from __future__ import annotations

from leidraad.rooms.questions import WHO, questions_of, quiz_source


def test_every_case_step_asks_a_question_with_its_real_answer(content_model) -> None:
    model = content_model.model
    for scenario in model.scenarios.values():
        questions = questions_of(model, "casus", scenario.id)
        assert questions is not None and len(questions) == len(scenario.steps)
        for step, question in zip(scenario.steps, questions, strict=True):
            assert question.answer is not None and len(question.choices) >= 2, (scenario.id, step.step)
            if step.choices:
                assert question.choices == tuple(c.label for c in step.choices)
                assert step.choices[question.answer].correct
            else:
                assert question.text == WHO
                node = model.resolve_step(step.step)[1]
                assert question.choices[question.answer] == model.organisations[node.org].abbreviation
                assert len(set(question.choices)) == len(question.choices)


def test_a_quiz_room_asks_the_seeded_quiz(content_model) -> None:
    from leidraad.quiz.generator import generate_quiz

    model = content_model.model
    live = questions_of(model, "quiz", quiz_source(42, 5, None, None))
    quiz = generate_quiz(model, seed=42, count=5)
    assert live is not None
    assert [(q.text, q.choices, q.answer) for q in live] == [(q.text, tuple(q.choices), q.answer_index) for q in quiz]
    assert questions_of(model, "casus", "bestaat-niet") is None
