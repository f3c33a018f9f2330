"""References across the content: organisations, catalogue entries, processes and steps exist.

Every failed lookup carries what it looked for (`Problem.missing`), so a report can fold it under
the broken file that declares it. Suggestions come only from ids of the same kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from leidraad.checks.context import CheckContext
from leidraad.content.suggest import did_you_mean
from leidraad.model import NODE_CATALOGUE_FIELDS, Model, Node, Process
from leidraad.problems import Place, Problem


def unknown(
    place: Place, rule: str, what: str, value: str, known: Iterable[str] | Mapping[str, str], missing: str
) -> Problem:
    return place.problem(rule, f"{what} '{value}' bestaat niet{did_you_mean(value, known)}", missing=missing)


def org_names(model: Model) -> dict[str, str]:
    return {o.id: o.abbreviation or o.name for o in model.organisations.values()}


def org_ref(model: Model, place: Place, value: str | None, what: str) -> Iterator[Problem]:
    if value and value not in model.organisations:
        yield unknown(place, "unknown-org", f"{what}: organisatie", value, org_names(model), f"org:{value}")


def catalogue_refs(model: Model, place: Place, kind: str, values: Iterable[str], what: str) -> Iterator[Problem]:
    entries = model.catalogues.get(kind, {})
    for value in values:
        if value not in entries:
            names = {e.id: e.name for e in entries.values()}
            yield unknown(
                place, "unknown-catalogue-entry", f"{what} (catalogus {kind})", value, names, f"entry:{kind}/{value}"
            )


def check_organisations(ctx: CheckContext) -> Iterator[Problem]:
    for org in ctx.model.organisations.values():
        yield from org_ref(ctx.model, org.at("part_of"), org.part_of, f"part_of van '{org.id}'")


def check_catalogues(ctx: CheckContext) -> Iterator[Problem]:
    model = ctx.model
    for entries in model.catalogues.values():
        for entry in entries.values():
            for org in entry.participants:
                yield from org_ref(model, entry.at("participants"), org, "deelnemer")
            yield from org_ref(model, entry.at("chair"), entry.chair, "voorzitter (chair)")
            yield from org_ref(model, entry.at("run_by"), entry.run_by, "uitgevoerd door (run_by)")
            yield from catalogue_refs(model, entry.at("target_groups"), "doelgroepen", entry.target_groups, "doelgroep")
            for related in entry.related:
                other_kind, _, other_id = related.partition("/")
                if model.catalogue_entry(other_kind, other_id) is None:
                    yield entry.at("related").problem(
                        "unknown-catalogue-entry",
                        f"verwant item '{related}' bestaat niet "
                        "(schrijf het als 'catalogus/id', bijv. 'begrippen/bvv')",
                        missing=f"entry:{related}",
                    )


def check_process(ctx: CheckContext, process: Process) -> Iterator[Problem]:
    model = ctx.model
    for lane in process.lanes:
        yield from org_ref(model, process.at("lanes"), lane, "baan (lanes)")
    yield from catalogue_refs(model, process.at("target_groups"), "doelgroepen", process.target_groups, "doelgroep")
    for node in process.nodes:
        yield from _node_refs(model, process, node)


def _node_refs(model: Model, process: Process, node: Node) -> Iterator[Problem]:
    where = f"stap '{node.id}'"
    yield from org_ref(model, node.at("org"), node.org, where)
    for inv in node.involved:
        yield from org_ref(model, node.at("involved"), inv.org, f"{where}, betrokken")
    for field_name, kind in NODE_CATALOGUE_FIELDS.items():
        yield from catalogue_refs(model, node.at(field_name), kind, getattr(node, field_name), f"{where}: {field_name}")
    if node.type == "subprocess" and node.calls and node.calls not in model.processes:
        titles = {p.id: p.title for p in model.processes.values()}
        yield unknown(
            node.at("calls"),
            "unknown-process",
            f"{where}: aangeroepen proces",
            node.calls,
            titles,
            f"process:{node.calls}",
        )
    for flow in node.flows:
        yield from _flow_target(model, process, node, flow.target, flow.at("to"))
        if flow.handover and flow.handover.via:
            yield from catalogue_refs(
                model,
                flow.at("handover"),
                "informatie-uitwisseling",
                [flow.handover.via],
                f"overdrachtskanaal (via) van stroom '{flow.id}'",
            )


def _flow_target(model: Model, process: Process, node: Node, target: str, place: Place) -> Iterator[Problem]:
    what = f"stroom vanuit '{node.id}'"
    if "/" in target:
        pid, sid = target.split("/", 1)
        other = model.processes.get(pid)
        if other is None:
            titles = {p.id: p.title for p in model.processes.values()}
            yield unknown(place, "unknown-process", f"{what}: doelproces", pid, titles, f"process:{pid}")
        elif other.node(sid) is None:
            hint = did_you_mean(sid, {n.id: n.label for n in other.nodes})
            yield place.problem(
                "unknown-step",
                f"{what}: doelstap '{sid}' bestaat niet in proces '{pid}'{hint}",
                missing=f"step:{pid}/{sid}",
            )
    elif process.node(target) is None:
        labels = {n.id: n.label for n in process.nodes}
        yield unknown(place, "unknown-step", f"{what}: doelstap", target, labels, f"step:{process.id}/{target}")
