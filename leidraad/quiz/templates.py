"""A quiz question before and after the seed picks its wrong options: `QuestionTemplate` is what the
question kinds build from the content, `Question` is what a quiz shows (see quiz.py for the API)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

CHOICES = 4  # the answer and up to three wrong options
MIN_CHOICES = 3  # a model question without two plausible wrong options is left out
FALLBACK_WINDOW = 6  # wrong options from elsewhere in the model come from the most common few
LETTERS = "ABCDEFGHIJ"


@dataclass
class Question:
    """One multiple-choice question. `step_ref` ('process/step') is the step to review after a wrong answer."""

    id: str
    kind: str
    text: str
    choices: list[str]
    answer_index: int
    explanation: str
    step_ref: str
    processes: tuple[str, ...] = ()  # the processes the question is about (for the process filter)
    orgs: tuple[str, ...] = ()  # the organisations the question is about (for the organisation filter)
    feedback: dict[str, str] = field(default_factory=dict)  # per choice, when the content gives it (cases)

    @property
    def answer(self) -> str:
        return self.choices[self.answer_index]

    def feedback_for(self, choice: str | None) -> str:
        """What to tell someone who chose `choice`: that choice's own feedback when the content has one,
        else the explanation of the right answer (never the right answer's 'Juist.' for a wrong one)."""
        if choice is not None and self.feedback.get(choice):
            return self.feedback[choice]
        return self.explanation if choice == self.answer else self.explanation_of_answer

    @property
    def explanation_of_answer(self) -> str:
        return f"Het goede antwoord is ‘{self.answer}’." + (f" {self.explanation}" if self.explanation else "")

    @property
    def answer_letter(self) -> str:
        return LETTERS[self.answer_index]


@dataclass
class QuestionTemplate:
    """A question before the seed has chosen its wrong options and their order."""

    id: str
    kind: str
    text: str
    answer: str
    explanation: str
    step_ref: str
    processes: tuple[str, ...]
    orgs: tuple[str, ...]
    preferred: list[str] = field(default_factory=list)  # plausible wrong options, drawn first
    fallback: list[str] = field(default_factory=list)  # most plausible first; only when the preferred run out
    fixed: list[str] | None = None  # a scenario decision brings its own options
    feedback: dict[str, str] = field(default_factory=dict)  # per option, for a scenario decision

    def usable(self) -> bool:
        if self.fixed is not None:
            return len(self.fixed) >= 2 and self.answer in self.fixed
        return len(self.preferred) + len(self.fallback) >= MIN_CHOICES - 1

    def realise(self, seed: int) -> Question:
        rng = random.Random(f"{seed}:{self.id}")
        if self.fixed is not None:
            choices = list(self.fixed)
        else:
            wanted = CHOICES - 1
            wrong = rng.sample(self.preferred, min(wanted, len(self.preferred)))
            rest = wanted - len(wrong)
            if rest:
                window = self.fallback[: max(FALLBACK_WINDOW, rest)]
                wrong += rng.sample(window, min(rest, len(window)))
            choices = [self.answer, *wrong]
        rng.shuffle(choices)
        return Question(
            id=self.id,
            kind=self.kind,
            text=self.text,
            choices=choices,
            answer_index=choices.index(self.answer),
            explanation=self.explanation,
            step_ref=self.step_ref,
            processes=self.processes,
            orgs=self.orgs,
            feedback=dict(self.feedback),
        )
