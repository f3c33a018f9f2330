"""Every rule a model must obey beyond its structure: references, reachability, gateways, policy.

Structural rules (unknown keys, types, required keys) come from the JSON Schemas via `schema.py`;
this module adds what a schema cannot express. Problems are values with a place and a rule id.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from leidraad.content.load import LoadResult, load_folder
from leidraad.model import NODE_CATALOGUE_FIELDS, Model, Node, Process, ScenarioStep
from leidraad.problems import Place, Problem, Severity
from leidraad.queries.graph import chain_graph, follows, process_graph

WARN = Severity.WARNING
SOURCED_TYPES = ("task", "subprocess", "gateway", "parallel", "event", "timer", "boundary")
DESCRIBED_TYPES = ("task", "subprocess")
# A scenario tells every task and decision; it may pass silently only through these.
SILENT_TYPES = ("start", "end", "parallel", "event", "timer", "boundary")


def check_folder(folder: str | Path) -> LoadResult:
    """Load a folder and run every rule; `result.problems` holds load, schema and model problems."""
    result = load_folder(folder)
    result.problems = sorted(set(result.problems) | set(check_model(result.model)))
    return result


def check_model(model: Model) -> list[Problem]:
    problems: list[Problem] = []
    _check_organisations(model, problems)
    _check_catalogues(model, problems)
    for process in model.processes.values():
        _check_process(model, process, problems)
    _check_scenarios(model, problems)
    return sorted(set(problems))


def _unknown(place: Place, rule: str, what: str, value: str, known: Iterable[str]) -> Problem:
    import difflib

    hint = difflib.get_close_matches(value, list(known), n=1)
    suffix = f"; did you mean '{hint[0]}'?" if hint else ""
    return place.problem(rule, f"{what} '{value}' does not exist{suffix}")


def _check_org_ref(model: Model, place: Place, value: str | None, what: str, problems: list[Problem]) -> None:
    if value and value not in model.organisations:
        problems.append(_unknown(place, "unknown-org", what, value, model.organisations))


def _check_catalogue_refs(
    model: Model, place: Place, kind: str, values: Iterable[str], what: str, problems: list[Problem]
) -> None:
    for value in values:
        if value not in model.catalogues[kind]:
            problems.append(
                _unknown(place, "unknown-catalogue-entry", f"{what} ({kind})", value, model.catalogues[kind])
            )


def _check_organisations(model: Model, problems: list[Problem]) -> None:
    for org in model.organisations.values():
        _check_org_ref(model, org.at("part_of"), org.part_of, f"part_of of '{org.id}': organisation", problems)
        if not org.sources:
            problems.append(org.place.problem("missing-source", f"organisation '{org.id}' names no source", WARN))


def _check_catalogues(model: Model, problems: list[Problem]) -> None:
    for kind, entries in model.catalogues.items():
        for entry in entries.values():
            for org in entry.participants:
                _check_org_ref(model, entry.at("participants"), org, "participant", problems)
            _check_org_ref(model, entry.at("chair"), entry.chair, "chair", problems)
            _check_org_ref(model, entry.at("run_by"), entry.run_by, "run_by", problems)
            _check_catalogue_refs(
                model, entry.at("target_groups"), "doelgroepen", entry.target_groups, "target group", problems
            )
            for related in entry.related:
                other_kind, _, other_id = related.partition("/")
                if other_kind not in model.catalogues or other_id not in model.catalogues[other_kind]:
                    problems.append(
                        entry.at("related").problem(
                            "unknown-catalogue-entry",
                            f"related entry '{related}' does not exist "
                            "(write it as 'catalogue/id', e.g. 'begrippen/bvv')",
                        )
                    )
            if not entry.sources:
                problems.append(
                    entry.place.problem("missing-source", f"{kind} entry '{entry.id}' names no source", WARN)
                )
            if not entry.description:
                problems.append(
                    entry.place.problem("missing-description", f"{kind} entry '{entry.id}' has no description", WARN)
                )


def _check_process(model: Model, process: Process, problems: list[Problem]) -> None:
    for lane in process.lanes:
        _check_org_ref(model, process.at("lanes"), lane, "lane organisation", problems)
    _check_catalogue_refs(
        model, process.at("target_groups"), "doelgroepen", process.target_groups, "target group", problems
    )
    if not process.summary:
        problems.append(process.place.problem("missing-summary", f"process '{process.id}' has no summary", WARN))
    incoming = _incoming_counts(process)
    for node in process.nodes:
        _check_node(model, process, node, incoming.get(node.id, 0), problems)
    _check_start_end(process, problems)
    _check_reachability(model, process, problems)


def _incoming_counts(process: Process) -> dict[str, int]:
    counts: dict[str, int] = {}
    for flow in process.flows:
        if not flow.crosses_process:
            counts[flow.target] = counts.get(flow.target, 0) + 1
    return counts


def _check_node(model: Model, process: Process, node: Node, incoming: int, problems: list[Problem]) -> None:
    where = f"step '{node.id}'"
    if node.org:
        _check_org_ref(model, node.at("org"), node.org, f"{where}: organisation", problems)
    for inv in node.involved:
        _check_org_ref(model, node.at("involved"), inv.org, f"{where}: involved organisation", problems)
    for field_name, kind in NODE_CATALOGUE_FIELDS.items():
        _check_catalogue_refs(
            model, node.at(field_name), kind, getattr(node, field_name), f"{where}: {field_name}", problems
        )

    if node.type == "subprocess":
        if not node.calls:
            problems.append(
                node.place.problem("missing-calls", f"subprocess '{node.id}' must say which process it 'calls'")
            )
        elif node.calls not in model.processes:
            problems.append(
                _unknown(node.at("calls"), "unknown-process", f"{where} calls process", node.calls, model.processes)
            )
    elif node.calls:
        problems.append(
            node.at("calls").problem("misplaced-key", f"'calls' belongs on a subprocess, not on a {node.type}")
        )

    if node.type == "boundary":
        host = process.node(node.attached_to) if node.attached_to else None
        if not node.attached_to:
            problems.append(node.place.problem("boundary-host", f"boundary event '{node.id}' needs 'attached_to'"))
        elif host is None:
            problems.append(
                _unknown(
                    node.at("attached_to"),
                    "boundary-host",
                    f"{where}: attached_to step",
                    node.attached_to,
                    [n.id for n in process.nodes],
                )
            )
        elif host.type not in ("task", "subprocess"):
            problems.append(
                node.at("attached_to").problem(
                    "boundary-host",
                    f"boundary event '{node.id}' is attached to a {host.type}; attach it to a task or subprocess",
                )
            )
        if incoming:
            problems.append(
                node.place.problem(
                    "boundary-incoming",
                    f"boundary event '{node.id}' cannot have incoming flows: it starts from its host",
                )
            )
    elif node.attached_to:
        problems.append(
            node.at("attached_to").problem(
                "misplaced-key", f"'attached_to' belongs on a boundary event, not on a {node.type}"
            )
        )

    for flow in node.flows:
        _check_flow_target(model, process, node, flow.target, flow.at("to"), problems)
        if flow.handover and flow.handover.via:
            _check_catalogue_refs(
                model,
                flow.at("handover"),
                "informatie-uitwisseling",
                [flow.handover.via],
                f"handover channel of flow '{flow.id}'",
                problems,
            )

    if node.type == "start" and incoming:
        problems.append(
            node.place.problem(
                "start-incoming",
                f"start event '{node.id}' has incoming flows in its "
                "own process; only other processes may lead into a start",
            )
        )
    if node.type == "end" and any(not f.crosses_process for f in node.flows):
        problems.append(
            node.place.problem(
                "end-outgoing",
                f"end event '{node.id}' has an outgoing flow; only a flow into another process may leave an end",
            )
        )
    if node.type in ("gateway", "parallel"):
        _check_gateway(node, incoming, problems)

    if node.type in SOURCED_TYPES and not node.sources:
        problems.append(node.place.problem("missing-source", f"{where} names no source", WARN))
    if node.type in DESCRIBED_TYPES and not node.description:
        problems.append(node.place.problem("missing-description", f"{where} has no description", WARN))


def _check_flow_target(
    model: Model, process: Process, node: Node, target: str, place: Place, problems: list[Problem]
) -> None:
    if "/" in target:
        pid, sid = target.split("/", 1)
        other = model.processes.get(pid)
        if other is None:
            problems.append(
                _unknown(place, "unknown-process", f"flow from '{node.id}' goes to process", pid, model.processes)
            )
        elif other.node(sid) is None:
            problems.append(
                _unknown(
                    place,
                    "unknown-step",
                    f"flow from '{node.id}' goes to step '{pid}/{sid}': step",
                    sid,
                    [n.id for n in other.nodes],
                )
            )
    elif process.node(target) is None:
        problems.append(
            _unknown(
                place, "unknown-step", f"flow from '{node.id}' goes to step", target, [n.id for n in process.nodes]
            )
        )


def _check_gateway(node: Node, incoming: int, problems: list[Problem]) -> None:
    out = len(node.flows)
    kind = "exclusive gateway" if node.type == "gateway" else "parallel gateway"
    if out >= 2:
        if node.type == "gateway":
            for flow in node.flows:
                if not flow.when:
                    problems.append(
                        flow.place.problem(
                            "gateway-condition",
                            f"flow '{flow.id}' leaves deciding gateway '{node.id}' without a "
                            "'when' (label every outcome)",
                        )
                    )
    elif incoming < 2:
        problems.append(
            node.place.problem(
                "gateway-degenerate",
                f"{kind} '{node.id}' has {out} outgoing and {incoming} incoming flow(s): a split "
                "needs two or more outgoing flows, a join two or more incoming",
            )
        )


def _check_start_end(process: Process, problems: list[Problem]) -> None:
    types = {n.type for n in process.nodes}
    if "start" not in types:
        problems.append(process.place.problem("no-start", f"process '{process.id}' has no start event"))
    leaves = any(f.crosses_process for f in process.flows)
    if "end" not in types and not leaves:
        problems.append(process.place.problem("no-end", f"process '{process.id}' has no end event"))


def _entries_and_exits(model: Model, process: Process) -> tuple[set[str], set[str]]:
    entries = {n.id for n in process.nodes if n.type == "start"}
    for other in model.processes.values():
        for node in other.nodes:
            for flow in node.flows:
                if flow.crosses_process and flow.target_process == process.id and other.id != process.id:
                    entries.add(flow.target_step)
    exits = {n.id for n in process.nodes if n.type == "end" or any(f.crosses_process for f in n.flows)}
    return entries, exits


def _check_reachability(model: Model, process: Process, problems: list[Problem]) -> None:
    g = process_graph(process)
    entries, exits = _entries_and_exits(model, process)
    reachable: set[str] = set()
    for entry in entries & set(g):
        reachable |= {entry} | nx.descendants(g, entry)
    can_finish: set[str] = set()
    for exit_ in exits & set(g):
        can_finish |= {exit_} | nx.ancestors(g, exit_)
    for node in process.nodes:
        if node.type == "boundary" and process.node(node.attached_to or "") is None:
            continue  # already reported as boundary-host
        if entries and node.id not in reachable:
            problems.append(
                node.place.problem("unreachable", f"step '{node.id}' cannot be reached from a start of '{process.id}'")
            )
        if exits and node.id not in can_finish:
            problems.append(
                node.place.problem(
                    "dead-end", f"step '{node.id}' cannot reach an end of '{process.id}' (add a flow onwards)"
                )
            )


def _check_scenarios(model: Model, problems: list[Problem]) -> None:
    graph = chain_graph(model) if model.scenarios else None
    for scenario in model.scenarios.values():
        _check_catalogue_refs(model, scenario.place, "doelgroepen", scenario.target_groups, "target group", problems)
        previous: str | None = None
        for number, step in enumerate(scenario.steps, start=1):
            resolved = model.resolve_step(step.step)
            if resolved is None:
                problems.append(
                    step.at("step").problem(
                        "scenario-unknown-step", f"scenario '{scenario.id}' step {number}: '{step.step}' does not exist"
                    )
                )
                previous = None
                continue
            node = resolved[1]
            if previous and graph is not None and not follows(graph, previous, step.step, SILENT_TYPES):
                problems.append(
                    step.place.problem(
                        "scenario-route",
                        f"scenario '{scenario.id}' step {number}: '{step.step}' does not follow "
                        f"'{previous}' by a flow (without skipping a task or decision)",
                    )
                )
            _check_choices(scenario.id, number, step, node, problems)
            following = scenario.steps[number].step if number < len(scenario.steps) else None
            if graph is not None:
                _check_outcomes(scenario.id, number, step, resolved[0].id, node, following, graph, problems)
            previous = step.step


def _check_outcomes(
    scenario_id: str,
    number: int,
    step: ScenarioStep,
    process_id: str,
    node: Node,
    following: str | None,
    graph: nx.MultiDiGraph,
    problems: list[Problem],
) -> None:
    """The choices at a decision are its real outcomes, and the correct one leads to the next step."""
    if node.type != "gateway" or not step.choices:
        return
    where = f"scenario '{scenario_id}' step {number}"
    outcomes = {f.when: f.target if "/" in f.target else f"{process_id}/{f.target}" for f in node.flows if f.when}
    for choice in step.choices:
        if choice.label not in outcomes:
            problems.append(
                step.place.problem(
                    "scenario-choice",
                    f"{where}: choice '{choice.label}' is not an outcome of '{node.label}' "
                    f"(outcomes: {', '.join(outcomes)})",
                )
            )
    correct = next((c for c in step.choices if c.correct), None)
    if (
        correct
        and correct.label in outcomes
        and following
        and outcomes[correct.label] != following
        and not follows(graph, outcomes[correct.label], following, SILENT_TYPES)
    ):
        problems.append(
            step.place.problem(
                "scenario-choice",
                f"{where}: the correct choice '{correct.label}' leads to "
                f"'{outcomes[correct.label]}', but the case goes on at '{following}'",
            )
        )


def _check_choices(scenario_id: str, number: int, step: ScenarioStep, node: Node, problems: list[Problem]) -> None:
    where = f"scenario '{scenario_id}' step {number}"
    if node.type == "gateway" and len(node.flows) >= 2 and not step.choices:
        problems.append(
            step.place.problem(
                "scenario-decision",
                f"{where} is a decision ('{node.label}'): give the room choices, each with feedback",
            )
        )
    if step.choices:
        if len(step.choices) < 2:
            problems.append(step.place.problem("scenario-decision", f"{where}: a decision needs two or more choices"))
        if sum(c.correct for c in step.choices) != 1:
            problems.append(
                step.place.problem("scenario-decision", f"{where}: exactly one choice must be 'correct: true'")
            )
        for choice in step.choices:
            if not choice.feedback:
                problems.append(
                    step.place.problem("scenario-feedback", f"{where}: choice '{choice.label}' has no feedback")
                )
