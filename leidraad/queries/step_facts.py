"""The labelled facts a reader sees for a step, in one order everywhere: legal basis, time limit and
the catalogue entries it refers to (by name). The step panel and the text view show these; the
exports keep their own labels, which other tools read back."""

from __future__ import annotations

from dataclasses import dataclass

from leidraad.model import NODE_CATALOGUE_FIELDS, Model, Node

CATALOGUE_LABELS = {
    "consultations": "Overleg",
    "systems": "Systemen en informatie",
    "locations": "Locaties",
    "target_groups": "Doelgroepen",
    "terms": "Begrippen",
}


@dataclass(frozen=True)
class Fact:
    label: str  # Dutch, as the reader sees it
    values: tuple[str, ...]
    separator: str = ", "  # how the values are joined in running text


def entry_name(model: Model, kind: str, entry_id: str) -> str:
    """A catalogue entry as a reader names it: 'Name (ABBR)', its name, or the id when unknown."""
    entry = model.catalogue_entry(kind, entry_id)
    if entry is None:
        return entry_id
    return f"{entry.name} ({entry.abbreviation})" if entry.abbreviation else entry.name


def step_facts(model: Model, node: Node) -> list[Fact]:
    facts: list[Fact] = []
    if node.legal_basis:
        facts.append(Fact("Wettelijke basis", tuple(node.legal_basis), "; "))
    if node.time_limit:
        facts.append(Fact("Termijn", (node.time_limit,)))
    for field_name, kind in NODE_CATALOGUE_FIELDS.items():
        values = getattr(node, field_name)
        if values:
            facts.append(Fact(CATALOGUE_LABELS[field_name], tuple(entry_name(model, kind, v) for v in values)))
    return facts
