"""A training case as a handout PDF: its steps, decisions and responsible organisations."""

from __future__ import annotations

import shutil
import subprocess

from leidraad.exports.case_handout import scenario_html, scenario_pdf
from tests.conftest import require


def test_case_handout_lists_steps_decisions_and_who_acts(content_model, dot_available) -> None:
    model = content_model.model
    scenario = next(s for s in model.scenarios.values() if any(step.choices for step in s.steps))
    html = scenario_html(model, scenario)
    assert scenario.title in html and "<svg" in html
    correct = next(c for step in scenario.steps for c in step.choices if c.correct)
    assert f"{correct.label}" in html and "✓" in html
    pdf = scenario_pdf(model, scenario)
    assert pdf.startswith(b"%PDF-")
    require(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext)")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Leerdoelen" in text and "Aan zet" in text
    first = model.resolve_step(scenario.steps[0].step)[1]
    assert model.organisations[first.org].abbreviation in text
