"""Lookups over the whole chain that the pages need on every rerun: handovers by step, the
neighbours of each step across processes, and the abbreviations the catalogues explain."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from leidraad.model import Model
from leidraad.queries.graph import HandoverRecord, chain_graph, handovers


@dataclass
class ModelIndex:
    """Lookups the step panel needs, built once per content version."""

    handovers: list[HandoverRecord] = field(default_factory=list)
    handovers_out: dict[str, list[HandoverRecord]] = field(default_factory=lambda: defaultdict(list))
    handovers_in: dict[str, list[HandoverRecord]] = field(default_factory=lambda: defaultdict(list))
    successors: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    predecessors: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    abbreviations: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # abbr -> (kind, id, name)


def build_index(model: Model) -> ModelIndex:
    """The lookups of the whole chain, built once per content version by the caller."""
    index = ModelIndex(handovers=handovers(model))
    for h in index.handovers:
        index.handovers_out[h.from_step].append(h)
        index.handovers_in[h.to_step].append(h)
    g = chain_graph(model)
    for a, b, data in g.edges(data=True):
        kind = data.get("kind", "flow")
        if (b, kind) not in index.successors[a]:
            index.successors[a].append((b, kind))
        if (a, kind) not in index.predecessors[b]:
            index.predecessors[b].append((a, kind))
    # Glossary first, so an abbreviation explained there wins over the same one elsewhere.
    for kind in ("begrippen", *[k for k in model.catalogues if k != "begrippen"]):
        for entry in model.catalogues[kind].values():
            if entry.abbreviation and entry.abbreviation.casefold() != entry.name.casefold():
                index.abbreviations.setdefault(entry.abbreviation, (kind, entry.id, entry.name))
    return index
