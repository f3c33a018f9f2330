"""A training case as a printable handout (HTML, and PDF through the project's one PDF route):
the persona and learning goals, every step with the responsible organisation and the decisions,
and a print-coloured diagram of each process the case crosses with the case's path highlighted.

Two versions: the trainer's (who acts, the right choices and the feedback, the path in the
diagrams) and the participants' (the same case with those answers left blank to fill in). The text
and the diagrams are A4 landscape. Each diagram shows the part of its process the case walks
through (leidraad/drawing/window.py: whole lanes, no shape or label cut), tiled at a readable size
(text >= 8 pt) on pages of its own that the tiles fill, so a trainer can hand out the text and
each process's sheets apart; only the last page of the text and of each drawing can be part-empty."""

from __future__ import annotations

from html import escape

from leidraad.drawing.layout import layout_process
from leidraad.drawing.render import render_svg
from leidraad.drawing.window import steps_window, within
from leidraad.exports.images import html_to_pdf
from leidraad.exports.tiling import A4_LANDSCAPE, TILE_CSS, Page, tiles_html
from leidraad.model import Model, Scenario

_CSS = """
@page { size: A4 landscape; margin: 14mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1f2328; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; }
.meta { color: #555; font-size: 9pt; } .persona { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 1.5mm; vertical-align: top; }
th { background: #f3f4f6; text-align: left; } td.nr { width: 8mm; text-align: right; }
.choice.correct { font-weight: bold; }
.drawing { break-before: page; }
.drawing h2 { break-after: avoid; font-size: 11pt; line-height: 14pt; margin: 0 0 1mm; }
.blank { color: #888; }
"""


# Each process's drawing starts on a page of its own, its heading (see .drawing h2: a 14 pt line and
# 1 mm) above the first tile; the tiles are planned for the page less that heading.
_HEADING_PT = 18.0
_TILE_PAGE = Page(A4_LANDSCAPE.width, A4_LANDSCAPE.height - _HEADING_PT)


def scenario_html(model: Model, scenario: Scenario, with_diagrams: bool = True, participant: bool = False) -> str:
    """The case as HTML; `participant` leaves out who acts, the right choices and the feedback."""
    rows = []
    for nr, step in enumerate(scenario.steps, start=1):
        resolved = model.resolve_step(step.step)
        if resolved:
            process, node = resolved
            org = model.organisations.get(node.org)
            who = org.label if org else node.org
            where = f"{escape(node.label)}<br><span class='meta'>{escape(process.title)}</span>"
        else:
            who, where = "?", escape(step.step)
        if participant:
            who = ""
        decision = ""
        if step.choices and participant:
            items = "".join(f"<li>☐ {escape(c.label)}</li>" for c in step.choices)
            decision = f"<p><b>{escape(step.question or 'Beslissing')}</b></p><ul>{items}</ul>"
        elif step.choices:
            items = "".join(
                f"<li class='choice{' correct' if c.correct else ''}'>{escape(c.label)}"
                f"{' ✓' if c.correct else ''}{' – ' + escape(c.feedback) if c.feedback else ''}</li>"
                for c in step.choices
            )
            decision = f"<p><b>{escape(step.question or 'Beslissing')}</b></p><ul>{items}</ul>"
        rows.append(
            f"<tr><td class='nr'>{nr}</td><td>{where}</td>"
            f"<td>{escape(who) if who else '<span class=blank>…………</span>'}</td>"
            f"<td>{escape(step.narrative)}{decision}</td></tr>"
        )
    goals = "".join(f"<li>{escape(g)}</li>" for g in scenario.learning_goals)
    parts = [
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>",
        f"<title>{escape(scenario.title)}</title><style>{_CSS}{TILE_CSS}</style></head><body>",
        f"<h1>{escape(scenario.title)}</h1>",
        "<p class='meta'>"
        + (
            "Versie voor deelnemers: vul per stap in wie aan zet is."
            if participant
            else "Versie voor de trainer, met de antwoorden."
        )
        + "</p>",
        "<p class='meta'>Casus bij de Leidraad Terugkeer en Vertrek (LTV Procesverkenner). Geen officiële publicatie "
        "van DT&amp;V.</p>",
    ]
    if scenario.persona:
        parts.append(f"<p class='persona'>{escape(scenario.persona)}</p>")
    if scenario.summary:
        parts.append(f"<p>{escape(scenario.summary)}</p>")
    if goals:
        parts.append(f"<h2>Leerdoelen</h2><ul>{goals}</ul>")
    parts.append(
        "<h2>Verloop</h2><table><tr><th>#</th><th>Stap</th><th>Aan zet</th><th>Wat er gebeurt</th></tr>"
        + "".join(rows)
        + "</table>"
    )
    if with_diagrams:
        for process_id in dict.fromkeys(s.process for s in scenario.steps):
            shown = model.processes.get(process_id)
            if shown is None:
                continue
            walked = [s.node for s in scenario.steps if s.process == process_id]
            geometry = layout_process(model, shown)
            # Only the part the case walks through (whole lanes, no shape or label cut), readable.
            window = steps_window(geometry, walked)
            drawn = within(geometry, window) if window else geometry
            svg = render_svg(drawn, title=shown.title, mode="print", path=[] if participant else walked)
            tiles = tiles_html(svg, _TILE_PAGE, shown.title, window=window)
            parts.append(f"<div class='drawing'><h2>{escape(shown.title)}</h2>{tiles}</div>")
    if scenario.sources:
        parts.append("<h2>Bronnen</h2><ul>" + "".join(f"<li>{escape(u)}</li>" for u in scenario.sources) + "</ul>")
    parts.append("</body></html>")
    return "".join(parts)


def scenario_pdf(model: Model, scenario: Scenario, participant: bool = False) -> bytes:
    return html_to_pdf(scenario_html(model, scenario, participant=participant))
