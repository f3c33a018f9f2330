"""What the Organisaties page shows about one organisation, computed once: its steps by process (in
reading order), how many distinct steps that is, the handovers it gives and receives, and the
consultations, locations and systems it takes part in or runs."""

from __future__ import annotations

from dataclasses import dataclass, field

from leidraad.model import CatalogueEntry, Model, Organisation
from leidraad.queries.graph import HandoverRecord, StepInvolvement, steps_of_org
from leidraad.queries.reading_order import reading_order

KIND_ORDER = ("ketenpartner", "samenwerkingspartner", "overig")


@dataclass(frozen=True)
class ProcessSteps:
    process: str
    responsible: list[StepInvolvement]
    involved: list[StepInvolvement]


@dataclass(frozen=True)
class OrganisationProfile:
    org: str
    processes: list[ProcessSteps] = field(default_factory=list)
    given: list[HandoverRecord] = field(default_factory=list)
    received: list[HandoverRecord] = field(default_factory=list)
    consultations: list[CatalogueEntry] = field(default_factory=list)
    locations: list[CatalogueEntry] = field(default_factory=list)
    systems: list[CatalogueEntry] = field(default_factory=list)

    @property
    def step_count(self) -> int:
        """Distinct steps: one the organisation is both responsible for and involved in counts once."""
        return len({(p.process, s.step) for p in self.processes for s in [*p.responsible, *p.involved]})

    @property
    def handover_count(self) -> int:
        return len({id(h) for h in [*self.given, *self.received]})


def ordered_organisations(model: Model) -> list[Organisation]:
    """Chain partners first, then cooperation partners, then the others; content order within each."""
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(model.organisations.values(), key=lambda o: rank.get(o.kind, len(KIND_ORDER)))


def organisation_profile(model: Model, org_id: str, handovers: list[HandoverRecord]) -> OrganisationProfile:
    by_process: dict[str, tuple[list[StepInvolvement], list[StepInvolvement]]] = {}
    for s in steps_of_org(model, org_id):
        mine, theirs = by_process.setdefault(s.process, ([], []))
        (mine if s.role == "verantwoordelijk" else theirs).append(s)
    processes = []
    for process in model.process_list():
        if process.id not in by_process:
            continue
        order = {n.id: i for i, n in enumerate(reading_order(process))}
        mine, theirs = by_process[process.id]
        processes.append(
            ProcessSteps(
                process.id,
                sorted(mine, key=lambda s: order.get(s.step, 0)),
                sorted(theirs, key=lambda s: order.get(s.step, 0)),
            )
        )
    catalogues = model.catalogues
    return OrganisationProfile(
        org_id,
        processes,
        given=[h for h in handovers if h.from_org == org_id],
        received=[h for h in handovers if h.to_org == org_id],
        consultations=[
            e for e in catalogues["overlegvormen"].values() if org_id in e.participants or e.chair == org_id
        ],
        locations=[e for e in catalogues["opvangvormen"].values() if e.run_by == org_id],
        systems=[e for e in catalogues["informatie-uitwisseling"].values() if e.run_by == org_id],
    )
