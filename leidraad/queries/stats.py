"""Counts of what the content holds (`leidraad stats`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from leidraad.model import NODE_TYPES, Model
from leidraad.queries.graph import handovers


def model_stats(model: Model) -> dict[str, Any]:
    nodes = [n for p in model.processes.values() for n in p.nodes]
    by_type = Counter(n.type for n in nodes)
    sources: set[str] = set()
    for n in nodes:
        sources.update(n.sources)
    for p in model.processes.values():
        sources.update(p.sources)
    for o in model.organisations.values():
        sources.update(o.sources)
    for entries in model.catalogues.values():
        for e in entries.values():
            sources.update(e.sources)
    return {
        "processes": len(model.processes),
        "nodes": len(nodes),
        "nodes_by_type": {t: by_type.get(t, 0) for t in NODE_TYPES},
        "flows": sum(len(p.flows) for p in model.processes.values()),
        "handovers": len(handovers(model)),
        "organisations": len(model.organisations),
        "sources": len(sources),
        "scenarios": len(model.scenarios),
        "catalogue_entries": {kind: len(entries) for kind, entries in model.catalogues.items()},
        "unconfirmed": sum(1 for n in nodes if n.unconfirmed),
        "outdated": sum(1 for n in nodes if n.outdated),
    }


def format_stats(stats: dict[str, Any]) -> str:
    lines = [
        f"processes      {stats['processes']}",
        f"nodes          {stats['nodes']}  ("
        + ", ".join(f"{t} {c}" for t, c in stats["nodes_by_type"].items() if c)
        + ")",
        f"flows          {stats['flows']}",
        f"handovers      {stats['handovers']}",
        f"organisations  {stats['organisations']}",
        f"sources        {stats['sources']}",
        f"scenarios      {stats['scenarios']}",
        "catalogues     " + ", ".join(f"{k} {v}" for k, v in stats["catalogue_entries"].items()),
        f"marked         {stats['unconfirmed']} unconfirmed, {stats['outdated']} outdated steps",
    ]
    return "\n".join(lines)
