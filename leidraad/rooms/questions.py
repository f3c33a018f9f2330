"""The question a room asks at each step, built from the real content: for a case step "Wie is nu aan zet?"
with the organisations in play, or the step's decision with its real outcomes; for a quiz, its questions.

Trainer and participants derive the question from the same room source (a case id, or the quiz settings),
so nothing but the step number and the chosen option's index travels through the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from leidraad.model import Model, Scenario
from leidraad.quiz.generator import generate_quiz

WHO = "Wie is nu aan zet?"


@dataclass(frozen=True)
class LiveQuestion:
    text: str
    choices: tuple[str, ...]
    answer: int | None  # the index of the right choice (None if the content has none)
    explanation: str = ""


def quiz_source(seed: int, count: int, process: str | None, org: str | None) -> str:
    return json.dumps({"seed": seed, "aantal": count, "proces": process, "org": org}, sort_keys=True)


def _abbr(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.abbreviation if org else org_id


def case_question(model: Model, scenario: Scenario, nr: int) -> LiveQuestion | None:
    """Step `nr` (1-based) of the case: its decision if it has one, else who acts."""
    if not 1 <= nr <= len(scenario.steps):
        return None
    step = scenario.steps[nr - 1]
    if step.choices:
        right = next((i for i, c in enumerate(step.choices) if c.correct), None)
        feedback = step.choices[right].feedback if right is not None else ""
        return LiveQuestion(
            step.question or "Wat gebeurt er nu?", tuple(c.label for c in step.choices), right, feedback or ""
        )
    resolved = model.resolve_step(step.step)
    if resolved is None:
        return None
    process, node = resolved
    # The organisations in play: the lanes of the process the case is in now, and whoever acts here.
    orgs = list(dict.fromkeys([*process.lanes, *(n.org for n in process.nodes)]))
    if node.org not in orgs:
        orgs.append(node.org)
    return LiveQuestion(WHO, tuple(_abbr(model, o) for o in orgs), orgs.index(node.org), node.label)


def questions_of(model: Model, kind: str, source: str) -> list[LiveQuestion] | None:
    """Every question of a room, in order; None when the source no longer exists in the content."""
    if kind == "casus":
        scenario = model.scenarios.get(source)
        if scenario is None:
            return None
        built = [case_question(model, scenario, nr) for nr in range(1, len(scenario.steps) + 1)]
        return [q or LiveQuestion(WHO, (), None) for q in built]
    settings = json.loads(source)
    quiz = generate_quiz(
        model,
        seed=int(settings["seed"]),
        count=int(settings["aantal"]),
        process=settings.get("proces"),
        org=settings.get("org"),
    )
    return [LiveQuestion(q.text, tuple(q.choices), q.answer_index, q.explanation) for q in quiz] or None


def scoreboard(
    questions: list[LiveQuestion], answers: list[tuple[str, str, int, int]], revealed: set[int]
) -> list[tuple[str, int]]:
    """(nickname, right answers among the revealed steps) per participant, best first, then by join order."""
    scores: dict[str, list] = {}
    for pid, nickname, step, choice in answers:
        entry = scores.setdefault(pid, [nickname, 0])
        if step in revealed and 1 <= step <= len(questions) and questions[step - 1].answer == choice:
            entry[1] += 1
    ranked = sorted(enumerate(scores.values()), key=lambda item: (-item[1][1], item[0]))
    return [(nick, score) for _, (nick, score) in ranked]


def results_rows(questions: list[LiveQuestion], answers: list[tuple[str, str, int, int]]) -> list[list[object]]:
    """step, question, choice, count: every choice of every step, also the ones nobody chose."""
    counts: dict[tuple[int, int], int] = {}
    for _pid, _nick, step, choice in answers:
        counts[(step, choice)] = counts.get((step, choice), 0) + 1
    rows: list[list[object]] = []
    for nr, question in enumerate(questions, start=1):
        for i, label in enumerate(question.choices):
            rows.append([nr, question.text, label, counts.get((nr, i), 0)])
    return rows
