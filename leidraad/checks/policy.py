"""Editorial policy (warnings): every step, organisation and entry names a source; tasks are described."""

from __future__ import annotations

from collections.abc import Iterator

from leidraad.checks.context import CheckContext
from leidraad.model import Process
from leidraad.problems import Problem, Severity

WARN = Severity.WARNING
SOURCED_TYPES = ("task", "subprocess", "gateway", "parallel", "event", "timer", "boundary")
DESCRIBED_TYPES = ("task", "subprocess")


def check_organisations_and_catalogues(ctx: CheckContext) -> Iterator[Problem]:
    for org in ctx.model.organisations.values():
        if not org.sources:
            yield org.place.problem("missing-source", f"organisatie '{org.id}' noemt geen bron (sources)", WARN)
    for kind, entries in ctx.model.catalogues.items():
        for entry in entries.values():
            if not entry.sources:
                yield entry.place.problem(
                    "missing-source", f"item '{entry.id}' van {kind} noemt geen bron (sources)", WARN
                )
            if not entry.description:
                yield entry.place.problem(
                    "missing-description", f"item '{entry.id}' van {kind} heeft geen beschrijving (description)", WARN
                )


def check_process(ctx: CheckContext, process: Process) -> Iterator[Problem]:
    if not process.summary:
        yield process.place.problem("missing-summary", f"proces '{process.id}' heeft geen samenvatting (summary)", WARN)
    for node in process.nodes:
        if node.type in SOURCED_TYPES and not node.sources:
            yield node.place.problem("missing-source", f"stap '{node.id}' noemt geen bron (sources)", WARN)
        if node.type in DESCRIBED_TYPES and not node.description:
            yield node.place.problem(
                "missing-description", f"stap '{node.id}' heeft geen beschrijving (description)", WARN
            )
