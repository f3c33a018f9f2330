"""The whole resolved model as one JSON-ready dict: the contract for every tool outside the app.

See docs/export-json.md for the documented shape. Keys are stable; new keys may be added.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from leidraad.model import Model
from leidraad.queries.graph import handovers

FORMAT_VERSION = 1


def _without_place(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k != "place"}


def model_to_dict(model: Model) -> dict[str, Any]:
    all_handovers = handovers(model)
    processes = []
    for process in model.process_list():
        nodes = []
        for node in process.nodes:
            nodes.append(
                {
                    "id": node.id,
                    "type": node.type,
                    "label": node.label,
                    "org": node.org,
                    "involved": [{"org": i.org, "role": i.role, "how": i.how} for i in node.involved],
                    "description": node.description,
                    "legal_basis": node.legal_basis,
                    "time_limit": node.time_limit,
                    "systems": node.systems,
                    "locations": node.locations,
                    "consultations": node.consultations,
                    "target_groups": node.target_groups,
                    "terms": node.terms,
                    "calls": node.calls,
                    "attached_to": node.attached_to,
                    "trigger": node.trigger,
                    "sources": node.sources,
                    "unconfirmed": node.unconfirmed,
                    "outdated": node.outdated,
                    "source_file": node.place.file,
                    "source_line": node.place.line,
                }
            )
        flows = [
            {
                "id": f.id,
                "from": f.source,
                "to": f.target,
                "when": f.when,
                "handover": ({"what": f.handover.what, "via": f.handover.via} if f.handover else None),
            }
            for f in process.flows
        ]
        processes.append(
            {
                "id": process.id,
                "title": process.title,
                "phase": process.phase,
                "summary": process.summary,
                "reviewed": process.reviewed,
                "sources_as_of": process.sources_as_of,
                "lanes": process.lanes,
                "target_groups": process.target_groups,
                "sources": process.sources,
                "unconfirmed": process.unconfirmed,
                "outdated": process.outdated,
                "source_file": process.place.file,
                "nodes": nodes,
                "flows": flows,
                "handovers": [
                    {
                        "flow": h.flow_id,
                        "from": h.from_step,
                        "to": h.to_step,
                        "from_org": h.from_org,
                        "to_org": h.to_org,
                        "what": h.what,
                        "via": h.via,
                        "when": h.when,
                    }
                    for h in all_handovers
                    if h.process == process.id
                ],
            }
        )
    return {
        "format_version": FORMAT_VERSION,
        "organisations": [
            {**_without_place(asdict(org)), "job_titles": [asdict(j) for j in org.job_titles]}
            for org in model.organisations.values()
        ],
        "catalogues": {
            kind: [_without_place(asdict(e)) for e in entries.values()] for kind, entries in model.catalogues.items()
        },
        "processes": processes,
        "scenarios": [
            {
                **_without_place(asdict(s)),
                "steps": [{**_without_place(asdict(st)), "choices": [asdict(c) for c in st.choices]} for st in s.steps],
            }
            for s in model.scenarios.values()
        ],
    }
