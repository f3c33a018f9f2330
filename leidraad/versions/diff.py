"""The semantic diff of two models: objects matched by id, changed fields with their old and new value.

The result is plain JSON data in the shape documented in docs/diff.md. A step whose id changed while its
label, type and neighbours stayed the same is a rename, not a removal plus an addition; the flows and
handovers of a renamed step are compared under its new id, so a rename alone changes nothing else.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from leidraad.content.load import derive_flow_id
from leidraad.model import CATALOGUE_KINDS, CatalogueEntry, Flow, Model, Node, Organisation, Process
from leidraad.queries.graph import handovers

Json = dict[str, Any]
Change = dict[str, list[Any]]  # field -> [old, new]

PROCESS_FIELDS = (
    "title",
    "phase",
    "summary",
    "reviewed",
    "sources_as_of",
    "lanes",
    "target_groups",
    "sources",
    "unconfirmed",
    "outdated",
)
STEP_FIELDS = (
    "label",
    "type",
    "org",
    "involved",
    "description",
    "legal_basis",
    "time_limit",
    "systems",
    "locations",
    "consultations",
    "target_groups",
    "terms",
    "calls",
    "attached_to",
    "trigger",
    "interrupting",
    "sources",
    "unconfirmed",
    "outdated",
)
FLOW_FIELDS = ("when", "handover.what", "handover.via")
ORGANISATION_FIELDS = tuple(f.name for f in fields(Organisation) if f.name not in ("id", "place", "key_places"))
CATALOGUE_FIELDS = tuple(
    f.name for f in fields(CatalogueEntry) if f.name not in ("catalogue", "id", "place", "key_places")
)


def _plain(value: Any) -> Any:
    """A field value as JSON data; every kind of "not there" ('' , [], {}) becomes None."""
    if isinstance(value, list):
        value = [_plain(v) for v in value]
    elif hasattr(value, "__dataclass_fields__"):
        value = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return None if value in ("", [], {}) else value


def _involved(node: Node) -> dict[str, Any] | None:
    """`involved` as the editor wrote it: org -> role, or org -> {role, how}."""
    out: dict[str, Any] = {i.org: ({"role": i.role, "how": i.how} if i.how else i.role) for i in node.involved}
    return out or None


def _value(obj: Any, name: str) -> Any:
    if isinstance(obj, Node) and name == "involved":
        return _involved(obj)
    if isinstance(obj, Flow) and name.startswith("handover."):
        return _plain(getattr(obj.handover, name.split(".", 1)[1])) if obj.handover else None
    return _plain(getattr(obj, name))


def field_changes(old: Any, new: Any, names: tuple[str, ...]) -> Change:
    changes: Change = {}
    for name in names:
        before, after = _value(old, name), _value(new, name)
        if before != after:
            changes[name] = [before, after]
    return changes


def _table_diff(old: dict[str, Any], new: dict[str, Any], names: tuple[str, ...]) -> Json:
    changed = {key: c for key in sorted(old.keys() & new.keys()) if (c := field_changes(old[key], new[key], names))}
    return {"added": sorted(new.keys() - old.keys()), "removed": sorted(old.keys() - new.keys()), "changed": changed}


def _neighbours(process: Process) -> dict[str, tuple[set[str], set[str]]]:
    """Per step: (steps that lead to it, steps and 'process/step' targets it leads to)."""
    found: dict[str, tuple[set[str], set[str]]] = {n.id: (set(), set()) for n in process.nodes}
    for node in process.nodes:
        for flow in node.flows:
            found[node.id][1].add(flow.target)
            if flow.target in found:
                found[flow.target][0].add(node.id)
        if node.attached_to in found:
            found[node.id][0].add(f"@{node.attached_to}")
    return found


def find_renames(old: Process, new: Process) -> dict[str, str]:
    """Old id -> new id for steps whose id changed while label, type and neighbours stayed the same.

    Repeated until nothing new matches, so two renamed neighbours are both found: each match maps the
    neighbours of the others."""
    old_ids, new_ids = {n.id for n in old.nodes}, {n.id for n in new.nodes}
    gone = [n for n in old.nodes if n.id not in new_ids]
    came = [n for n in new.nodes if n.id not in old_ids]
    old_nb, new_nb = _neighbours(old), _neighbours(new)
    renames: dict[str, str] = {}

    def mapped(ids: set[str]) -> set[str]:
        return {(f"@{renames.get(i[1:], i[1:])}" if i.startswith("@") else renames.get(i, i)) for i in ids}

    progress = True
    while progress:
        progress = False
        for before in gone:
            if before.id in renames:
                continue
            candidates = [
                after
                for after in came
                if after.id not in renames.values()
                and after.label == before.label
                and after.type == before.type
                and mapped(old_nb[before.id][0]) - {before.id} == new_nb[after.id][0] - {after.id}
                and mapped(old_nb[before.id][1]) - {before.id} == new_nb[after.id][1] - {after.id}
            ]
            if len(candidates) == 1:
                renames[before.id] = candidates[0].id
                progress = True
    return renames


def _renamed_flow_id(flow: Flow, renames: dict[str, str]) -> str:
    """The id an old flow has once the renames are applied (derived ids follow their steps)."""
    if flow.explicit_id:
        return flow.id
    base = derive_flow_id(flow.source, flow.target)
    suffix = flow.id[len(base) :] if flow.id.startswith(base) else ""
    target = flow.target if flow.crosses_process else renames.get(flow.target, flow.target)
    return derive_flow_id(renames.get(flow.source, flow.source), target) + suffix


def _step_diff(old: Process, new: Process, renames: dict[str, str]) -> Json:
    old_nodes = {renames.get(n.id, n.id): n for n in old.nodes}
    new_nodes = {n.id: n for n in new.nodes}
    table = _table_diff(old_nodes, new_nodes, STEP_FIELDS)
    return {
        "added": table["added"],
        "removed": sorted(n.id for n in old.nodes if renames.get(n.id, n.id) not in new_nodes),
        "renamed": sorted([a, b] for a, b in renames.items()),
        "changed": table["changed"],
    }


def _flow_diff(old: Process, new: Process, renames: dict[str, str]) -> Json:
    old_flows = {_renamed_flow_id(f, renames): f for f in old.flows}
    new_flows = {f.id: f for f in new.flows}
    table = _table_diff(old_flows, new_flows, FLOW_FIELDS)
    removed = sorted(f.id for key, f in old_flows.items() if key not in new_flows)
    return {"added": table["added"], "removed": removed, "changed": table["changed"]}


def _handovers_by_process(model: Model) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for record in handovers(model):
        found.setdefault(record.process, set()).add((record.from_step, record.to_step))
    return found


def _rename_ref(step_ref: str, renames: dict[str, dict[str, str]]) -> str:
    pid, _, sid = step_ref.partition("/")
    return f"{pid}/{renames.get(pid, {}).get(sid, sid)}"


def diff_models(old: Model, new: Model, old_label: str = "oud", new_label: str = "nieuw") -> Json:
    """The whole diff of two models, as JSON data (docs/diff.md)."""
    common = sorted(old.processes.keys() & new.processes.keys())
    renames = {pid: find_renames(old.processes[pid], new.processes[pid]) for pid in common}
    old_handovers, new_handovers = _handovers_by_process(old), _handovers_by_process(new)
    changed: Json = {}
    for pid in common:
        before, after = old.processes[pid], new.processes[pid]
        old_pairs = {(_rename_ref(a, renames), _rename_ref(b, renames)): (a, b) for a, b in old_handovers.get(pid, ())}
        new_pairs = new_handovers.get(pid, set())
        entry = {
            "fields": field_changes(before, after, PROCESS_FIELDS),
            "steps": _step_diff(before, after, renames[pid]),
            "flows": _flow_diff(before, after, renames[pid]),
            "handovers": {
                "added": sorted([a, b] for a, b in new_pairs - old_pairs.keys()),
                "removed": sorted([*old_pairs[key]] for key in old_pairs.keys() - new_pairs),
            },
        }
        if not is_empty(entry):
            changed[pid] = entry
    return {
        "old": old_label,
        "new": new_label,
        "processes": {
            "added": sorted(new.processes.keys() - old.processes.keys()),
            "removed": sorted(old.processes.keys() - new.processes.keys()),
            "changed": changed,
        },
        "organisations": _table_diff(old.organisations, new.organisations, ORGANISATION_FIELDS),
        "catalogues": {
            kind: _table_diff(old.catalogues.get(kind, {}), new.catalogues.get(kind, {}), CATALOGUE_FIELDS)
            for kind in CATALOGUE_KINDS
        },
    }


def is_empty(value: Any) -> bool:
    """Whether a diff (or any part of one) records no change; the labels 'old'/'new' do not count."""
    if isinstance(value, dict):
        return all(is_empty(v) for k, v in value.items() if k not in ("old", "new"))
    if isinstance(value, list):
        return not value
    return False


def process_marks(diff: Json, process_id: str) -> dict[str, str]:
    """Step and flow ids of one process -> 'added' | 'changed' | 'removed', for marking a drawing.

    Flows are keyed 'edge-<flow id>' as the renderer names their groups. A renamed step counts as
    changed; so does a step whose handover changed on one of its flows."""
    if process_id in diff["processes"]["added"]:
        return {}
    entry = diff["processes"]["changed"].get(process_id)
    if entry is None:
        return {}
    marks: dict[str, str] = {}
    steps, flows = entry["steps"], entry["flows"]
    for sid in steps["changed"]:
        marks[sid] = "changed"
    for _, new_id in steps["renamed"]:
        marks[new_id] = "changed"
    for sid in steps["added"]:
        marks[sid] = "added"
    for sid in steps["removed"]:
        marks[sid] = "removed"
    for fid in flows["changed"]:
        marks[f"edge-{fid}"] = "changed"
    for fid in flows["added"]:
        marks[f"edge-{fid}"] = "added"
    for fid in flows["removed"]:
        marks[f"edge-{fid}"] = "removed"
    return marks
