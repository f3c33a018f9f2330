"""A quiz on paper (A4, through the project's one PDF route): the participants' sheet with empty
boxes, and the trainer's with the right answers marked and explained."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from leidraad.exports.images import html_to_pdf
from leidraad.quiz.templates import LETTERS, Question

_CSS = """
@page { size: A4; margin: 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1f2328; }
h1 { font-size: 16pt; margin: 0 0 2mm; } .meta { color: #555; font-size: 9pt; margin: 0 0 5mm; }
.q { break-inside: avoid; margin: 0 0 5mm; } .q p { margin: 0 0 1.5mm; font-weight: bold; }
ul { list-style: none; padding: 0 0 0 4mm; margin: 0; } li { margin: 0 0 1mm; }
li.right { font-weight: bold; } .why { color: #444; font-size: 9.5pt; margin: 1mm 0 0 4mm; }
"""


def quiz_html(questions: Sequence[Question], *, title: str, answers: bool) -> str:
    """`answers=False`: the participants' sheet; `answers=True`: the trainer's, with the key."""
    items = []
    for number, q in enumerate(questions, start=1):
        choices = "".join(
            f"<li class='{'right' if answers and i == q.answer_index else ''}'>"
            f"{'☑' if answers and i == q.answer_index else '☐'} {LETTERS[i]}. {escape(choice)}</li>"
            for i, choice in enumerate(q.choices)
        )
        why = f"<div class='why'>{escape(q.explanation)}</div>" if answers and q.explanation else ""
        items.append(f"<div class='q'><p>{number}. {escape(q.text)}</p><ul>{choices}</ul>{why}</div>")
    version = (
        "Versie voor de trainer, met de antwoorden."
        if answers
        else "Versie voor deelnemers: kruis per vraag één antwoord aan."
    )
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class='meta'>{escape(version)} LTV Procesverkenner; geen officiële publicatie "
        f"van DT&amp;V.</p>{''.join(items)}</body></html>"
    )


def quiz_pdf(questions: Sequence[Question], *, title: str, answers: bool) -> bytes:
    return html_to_pdf(quiz_html(questions, title=title, answers=answers))


__all__ = ["quiz_html", "quiz_pdf"]
