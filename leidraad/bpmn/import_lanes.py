"""Pools and lanes of a BPMN import -> our organisations: one per lane (nested lanes flattened), or
one per pool for a process without lanes, unique by id and by name across all imported files."""

from __future__ import annotations

from lxml import etree

from leidraad.bpmn.draft import DraftOrganisation, DraftProcess, one_line
from leidraad.bpmn.import_elements import ImportFile, ref_id, short_name
from leidraad.bpmn.import_state import ImportState
from leidraad.bpmn.xml import LTV, MODEL, q, sanitize_id


def _organisation(
    importer: ImportState, file: ImportFile, key: str, raw_id: str, name: str, abbreviation: str | None, role: str
) -> str:
    if (file.name, key) in importer.organisations:
        return importer.organisations[(file.name, key)].id
    if file.ours and raw_id and any(o.id == raw_id for o in importer.organisations.values()):
        org = next(o for o in importer.organisations.values() if o.id == raw_id)
    else:
        org_id = sanitize_id(raw_id, importer.org_ids, fallback="organisatie", sep="-")
        unique_name = name if name not in importer.org_names else f"{name} ({org_id})"
        importer.org_names.add(unique_name)
        org = DraftOrganisation(org_id, unique_name, abbreviation or short_name(unique_name), role)
    importer.organisations[(file.name, key)] = org
    return org.id


def pool_org(importer: ImportState, file: ImportFile, process_el: etree._Element, title: str) -> str:
    participant = file.participants.get(process_el.get("id", ""))
    key = f"pool:{process_el.get('id')}"
    what = f"pool '{participant.get('name')}'" if participant is not None else f"process '{title}'"
    return _organisation(importer, file, key, title, title, None, f"Overgenomen uit {file.name}: {what}.")


def lane_orgs(
    importer: ImportState, file: ImportFile, process_el: etree._Element, proc: DraftProcess, title: str
) -> dict[str, str]:
    """flowNodeRef -> organisation id; nested lanes are flattened (the deepest lane wins)."""
    lane_of: dict[str, str] = {}
    nested = False

    def walk(lane_set: etree._Element, depth: int) -> None:
        nonlocal nested
        for lane in lane_set.findall(q(MODEL, "lane")):
            child = lane.find(q(MODEL, "childLaneSet"))
            refs = [ref_id(r.text) for r in lane.findall(q(MODEL, "flowNodeRef"))]
            if child is not None and child.findall(q(MODEL, "lane")):
                nested = True
                for ref in refs:
                    lane_of.setdefault(ref, "")  # placeholder: a child lane should claim it
                walk(child, depth + 1)
                for ref in refs:
                    if not lane_of.get(ref):
                        lane_of[ref] = _lane_org(importer, file, lane, title)
                        proc.lanes.append(lane_of[ref])
                continue
            org = _lane_org(importer, file, lane, title)
            proc.lanes.append(org)
            for ref in refs:
                lane_of[ref] = org

    for lane_set in process_el.findall(q(MODEL, "laneSet")):
        walk(lane_set, 0)
    if nested:
        importer.warn(file, f"process '{title}': nested lanes flattened; every innermost lane is an organisation")
    proc.lanes = list(dict.fromkeys(proc.lanes))
    return lane_of


def _lane_org(importer: ImportState, file: ImportFile, lane: etree._Element, title: str) -> str:
    lane_id = lane.get("id", "")
    name = one_line(lane.get("name")) or lane_id
    raw = lane_id.removeprefix("Lane_") if file.ours and lane_id.startswith("Lane_") else name
    return _organisation(
        importer,
        file,
        f"lane:{lane_id}",
        raw,
        name,
        lane.get(q(LTV, "abbreviation")),
        f"Overgenomen uit {file.name}: lane '{name}' van '{title}'.",
    )
