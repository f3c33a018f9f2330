"""Training cases: every scenario step exists, follows the previous one, and its choices are real outcomes."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from leidraad.checks.context import CheckContext
from leidraad.checks.references import catalogue_refs
from leidraad.content.suggest import did_you_mean
from leidraad.model import Model, Node, Scenario, ScenarioStep
from leidraad.problems import Problem
from leidraad.queries.graph import follows

# A scenario tells every task and decision; it may pass silently only through these.
SILENT_TYPES = ("start", "end", "parallel", "event", "timer", "boundary")


def check_scenario(ctx: CheckContext, scenario: Scenario) -> Iterator[Problem]:
    model = ctx.model
    yield from catalogue_refs(model, scenario.place, "doelgroepen", scenario.target_groups, "doelgroep")
    previous: str | None = None
    for number, step in enumerate(scenario.steps, start=1):
        where = f"scenario '{scenario.id}' stap {number}"
        resolved = model.resolve_step(step.step)
        if resolved is None:
            yield step.at("step").problem(
                "scenario-unknown-step",
                f"{where}: '{step.step}' bestaat niet{_step_hint(model, step.step)}",
                missing=f"step:{step.step}",
            )
            previous = None
            continue
        process, node = resolved
        if previous and not follows(ctx.chain, previous, step.step, SILENT_TYPES):
            yield step.place.problem(
                "scenario-route",
                f"{where}: '{step.step}' volgt niet met een stroom op '{previous}' "
                "(zonder een taak of beslispunt over te slaan)",
            )
        yield from _choices(where, step, node)
        following = scenario.steps[number].step if number < len(scenario.steps) else None
        yield from _outcomes(where, step, process.id, node, following, ctx.chain)
        previous = step.step


def _step_hint(model: Model, ref: str) -> str:
    pid, _, sid = ref.rpartition("/")
    process = model.processes.get(pid)
    if process is not None:
        return did_you_mean(sid, {n.id: n.label for n in process.nodes})
    return did_you_mean(pid, {p.id: p.title for p in model.processes.values()}) if pid else ""


def _outcomes(
    where: str, step: ScenarioStep, process_id: str, node: Node, following: str | None, graph: nx.MultiDiGraph
) -> Iterator[Problem]:
    """The choices at a decision are its real outcomes, and the correct one leads to the next step."""
    if node.type != "gateway" or not step.choices:
        return
    outcomes = {f.when: f.target if "/" in f.target else f"{process_id}/{f.target}" for f in node.flows if f.when}
    for choice in step.choices:
        if choice.label not in outcomes:
            yield step.place.problem(
                "scenario-choice",
                f"{where}: keuze '{choice.label}' is geen uitkomst van '{node.label}' "
                f"(uitkomsten: {', '.join(outcomes) or 'geen'}){did_you_mean(choice.label, outcomes)}",
            )
    correct = next((c for c in step.choices if c.correct), None)
    if correct is None or correct.label not in outcomes or not following:
        return
    target = outcomes[correct.label]
    if target not in graph or following not in graph:
        return  # a step that did not load: reported where it is named, not judged here
    if target != following and not follows(graph, target, following, SILENT_TYPES):
        yield step.place.problem(
            "scenario-choice",
            f"{where}: de juiste keuze '{correct.label}' leidt naar '{target}', "
            f"maar de casus gaat verder bij '{following}'",
        )


def _choices(where: str, step: ScenarioStep, node: Node) -> Iterator[Problem]:
    if node.type == "gateway" and len(node.flows) >= 2 and not step.choices:
        yield step.place.problem(
            "scenario-decision", f"{where} is een beslissing ('{node.label}'): geef de groep keuzes, elk met feedback"
        )
    if not step.choices:
        return
    if len(step.choices) < 2:
        yield step.place.problem("scenario-decision", f"{where}: een beslissing heeft twee of meer keuzes nodig")
    if sum(c.correct for c in step.choices) != 1:
        yield step.place.problem("scenario-decision", f"{where}: precies één keuze moet 'correct: true' hebben")
    for choice in step.choices:
        if not choice.feedback:
            yield step.place.problem("scenario-feedback", f"{where}: keuze '{choice.label}' heeft geen feedback")
