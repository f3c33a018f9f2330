"""The quarterly-review flag ("review nodig", with the date of the last review) for the overview and
the process page."""

from __future__ import annotations

from components.text import md
from leidraad.model import Process
from leidraad.versions.review import next_review, review_due


def review_flag(process: Process) -> str | None:
    """Markdown for a process not reviewed in the last quarter; None when it is current."""
    if not review_due(process.reviewed):
        return None
    when = (
        f"laatste review: {md(process.reviewed)} (de volgende was uiterlijk {next_review(process.reviewed)})"
        if process.reviewed
        else "laatste review: nooit (de redactieraad beoordeelt elk proces eens per kwartaal)"
    )
    return f":orange-badge[Review nodig] {when}"
