"""Quiz questions generated from the model and the training scenarios.

Every question is built from the content itself: who is responsible for a step, who hands what over to whom,
which time limit or legal basis applies, which consultation decides, and the decisions of the scenarios.
Wrong options are drawn from the model (organisations of the same process, time limits and legal bases of
other steps, other consultations) and never repeat the answer.

Deterministic: the same model, seed, count and filters give the same quiz, so a trainer can hand a whole room
one link. The seed picks the questions (`random.Random(seed)`); each question's wrong options and their order
come from `random.Random(f"{seed}:{question id}")`, so a question looks the same whatever else was picked.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

from leidraad.model import Model
from leidraad.queries.search import stem, words
from leidraad.quiz.kinds import consultation_label as _consultation_label  # noqa: F401 (tests import it from here)
from leidraad.quiz.kinds import (
    consultation_questions,
    handover_questions,
    legal_basis_questions,
    responsibility_questions,
    scenario_questions,
    time_limit_questions,
)
from leidraad.quiz.templates import Question, QuestionTemplate

KIND_LABELS = {
    "verantwoordelijk": "Wie is verantwoordelijk?",
    "overdracht-aan": "Aan wie wordt overgedragen?",
    "overdracht-van": "Van wie komt de overdracht?",
    "termijn": "Welke termijn geldt?",
    "grondslag": "Welke wettelijke grondslag?",
    "overleg": "Welk overleg beslist?",
    "casus": "Beslissing in een casus",
}
KINDS = tuple(KIND_LABELS)


# ---------------------------------------------------------------------------------------------- public API


def generate_quiz(
    model: Model,
    seed: int,
    count: int,
    process: str | None = None,
    org: str | None = None,
    pool: Sequence[QuestionTemplate] | None = None,
) -> list[Question]:
    """`count` questions (fewer if the pool is smaller), chosen and shuffled by `seed`, at most one per step.

    `process` keeps questions about that process; `org` keeps questions about that organisation (or one of its
    parts, e.g. 'ind' includes the BMA). An unknown process or organisation gives an empty quiz. `pool` is
    `question_pool(model)`, passed in by a caller that keeps it (the app builds it once per content version).
    """
    candidates = [t for t in (question_pool(model) if pool is None else pool) if _matches(model, t, process, org)]
    if count <= 0 or not candidates:
        return []
    chosen: list[QuestionTemplate] = []
    steps: set[str] = set()
    for t in random.Random(seed).sample(candidates, len(candidates)):
        if t.step_ref in steps:
            continue
        steps.add(t.step_ref)
        chosen.append(t)
        if len(chosen) == count:
            break
    return [t.realise(seed) for t in chosen]


def count_distinct_questions(model: Model, process: str | None = None, org: str | None = None) -> int:
    """How many different questions the model (and its scenarios) can produce, optionally filtered."""
    return sum(1 for t in question_pool(model) if _matches(model, t, process, org))


def question_pool(model: Model) -> list[QuestionTemplate]:
    """Every question the model and its scenarios give, before a seed picks; pure, so it can be cached."""
    return _pool(model)


def gives_away(text: str, answer: str) -> bool:
    """Whether a prompt contains its answer as a whole phrase, case and punctuation aside, also in another
    form of the same Dutch word ('Gemeenten' in the prompt gives away the answer 'Gemeente')."""
    return any(
        bool(phrase) and re.search(rf"(?<!\S){re.escape(phrase)}(?!\S)", prompt) is not None
        for phrase, prompt in ((_words(answer), _words(text)), (_stems(answer), _stems(text)))
    )


def _words(text: str) -> str:
    return " ".join(words(text))


def _stems(text: str) -> str:
    return " ".join(stem(w) for w in words(text))


def answer_key(questions: Iterable[Question], title: str = "Antwoordsleutel") -> str:
    """A printable answer key in Markdown: per question the letter, the answer and why."""
    lines = [f"# {title}", ""]
    for number, q in enumerate(questions, start=1):
        lines.append(f"**{number}. {q.answer_letter}** — {q.answer}  ")
        lines.append(f"{q.text}  ")
        if q.explanation:
            lines.append(f"*Toelichting:* {q.explanation}  ")
        lines.append(f"Stap: `{q.step_ref}`")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------- the pool


def _pool(model: Model) -> list[QuestionTemplate]:
    templates: list[QuestionTemplate] = []
    templates += responsibility_questions(model)
    templates += handover_questions(model)
    templates += time_limit_questions(model)
    templates += legal_basis_questions(model)
    templates += consultation_questions(model)
    templates += scenario_questions(model)
    return _unambiguous(t for t in templates if t.usable() and not _answered_by_prompt(t))


def _answered_by_prompt(t: QuestionTemplate) -> bool:
    """A prompt that names its answer, or a yes/no case decision: the case's narrative states the fact the
    decision turns on ('the 28 days are over, the family still lives there'), so in a quiz it tests nothing.
    Those decisions stay in the case walkthrough (Training)."""
    if gives_away(t.text, t.answer):
        return True
    return t.kind == "casus" and {c.casefold() for c in t.fixed or []} <= {"ja", "nee"}


def _unambiguous(templates: Iterable[QuestionTemplate]) -> list[QuestionTemplate]:
    """One question per id; a question text that has two different answers is left out altogether."""
    by_id: dict[str, QuestionTemplate] = {}
    for t in templates:
        by_id.setdefault(t.id, t)
    by_text: dict[tuple[str, str], list[QuestionTemplate]] = {}
    for t in sorted(by_id.values(), key=lambda t: t.id):
        by_text.setdefault((t.kind, t.text), []).append(t)
    kept = [group[0] for group in by_text.values() if len({t.answer for t in group}) == 1]
    return sorted(kept, key=lambda t: t.id)


def _matches(model: Model, t: QuestionTemplate, process: str | None, org: str | None) -> bool:
    if process and process not in t.processes:
        return False
    if org:
        wanted = {org} | {o.id for o in model.organisations.values() if o.part_of == org}
        if not wanted & set(t.orgs):
            return False
    return True


__all__ = [
    "KINDS",
    "KIND_LABELS",
    "Question",
    "answer_key",
    "count_distinct_questions",
    "generate_quiz",
    "gives_away",
    "question_pool",
]
