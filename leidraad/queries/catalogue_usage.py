"""Which steps refer to each catalogue entry: the Catalogi page lists them under the entry."""

from __future__ import annotations

from collections import defaultdict

from leidraad.model import NODE_CATALOGUE_FIELDS, Model


def catalogue_usage(model: Model) -> dict[str, list[str]]:
    """'catalogue/id' -> the steps ('process/step') that refer to it, handover channels included."""
    used: dict[str, list[str]] = defaultdict(list)
    for process in model.process_list():
        for node in process.nodes:
            ref = f"{process.id}/{node.id}"
            for field, kind in NODE_CATALOGUE_FIELDS.items():
                for value in getattr(node, field):
                    used[f"{kind}/{value}"].append(ref)
            for flow in node.flows:
                if flow.handover and flow.handover.via:
                    key = f"informatie-uitwisseling/{flow.handover.via}"
                    if ref not in used[key]:
                        used[key].append(ref)
    return dict(used)
