"""What the diagram fades for an organisation or target-group filter: the steps that do not match,
and the links and lanes of other organisations."""

from __future__ import annotations

from collections.abc import Collection

from leidraad.drawing.geometry import Geometry
from leidraad.model import Process
from leidraad.queries.filters import matching_steps


def faded_ids(process: Process, geometry: Geometry, orgs: Collection[str], target_group: str | None) -> list[str]:
    """Ids for the diagram to fade: steps that do not match, links and lanes of other organisations.
    Flows fade with either end (the diagram does that from the step ids)."""
    if not orgs and not target_group:
        return []
    matching = {n.id for n in matching_steps(process, orgs, target_group)}
    faded = [n.id for n in process.nodes if n.id not in matching]
    if orgs:
        faded += [n.id for n in geometry.nodes if n.type == "link" and n.org not in orgs]
        faded += [
            f"{prefix}-{lane.org}"
            for lane in geometry.lanes
            if lane.org not in orgs
            for prefix in ("lane", "lane-head")
        ]
    return faded
