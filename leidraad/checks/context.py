"""What every rule gets: the model, and what is known about the files that did not load."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from leidraad.content.salvage import Unloaded
from leidraad.model import Model
from leidraad.queries.graph import chain_graph


@dataclass
class CheckContext:
    model: Model
    unloaded: dict[str, Unloaded] = field(default_factory=dict)

    @cached_property
    def entered_from_unloaded(self) -> frozenset[str]:
        """Steps ('process/step') that a file which did not load leads into: they may well be reached."""
        return frozenset(target for u in self.unloaded.values() for target in u.flows_into)

    @cached_property
    def missing(self) -> frozenset[str]:
        """Everything the broken files declare that the model lacks ('process:x', 'step:x/y', ...)."""
        return frozenset(ref for u in self.unloaded.values() for ref in u.declares)

    @cached_property
    def entries_from_elsewhere(self) -> dict[str, set[str]]:
        """Per process, the steps that flows of other processes (loaded or, as written, not) lead into."""
        entries: dict[str, set[str]] = {}
        for process in self.model.processes.values():
            for node in process.nodes:
                for flow in node.flows:
                    target = flow.target_process
                    if target is not None and target != process.id:
                        entries.setdefault(target, set()).add(flow.target_step)
        for ref in self.entered_from_unloaded:
            pid, _, sid = ref.partition("/")
            entries.setdefault(pid, set()).add(sid)
        return entries

    @cached_property
    def chain(self) -> nx.MultiDiGraph:
        return chain_graph(self.model)
