"""Typed records of the content: organisations, catalogue entries, processes, nodes, flows, scenarios.

Every record keeps the place it was written, so any later check or UI message can point to file:line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leidraad.problems import Place

NODE_TYPES = ("start", "end", "task", "subprocess", "gateway", "parallel", "event", "timer", "boundary")
CATALOGUE_KINDS = ("overlegvormen", "opvangvormen", "informatie-uitwisseling", "doelgroepen", "begrippen")
ROLES = ("uitvoerend", "adviserend", "geïnformeerd", "beslissend")

# Which node field refers to which catalogue.
NODE_CATALOGUE_FIELDS = {
    "systems": "informatie-uitwisseling",
    "locations": "opvangvormen",
    "consultations": "overlegvormen",
    "target_groups": "doelgroepen",
    "terms": "begrippen",
}


@dataclass
class Located:
    """Keeps the place of each key an editor wrote, so a problem can point at the exact line."""

    def at(self, key: str) -> Place:
        places: dict[str, Place] = getattr(self, "key_places", {})
        own: Place = getattr(self, "place")  # noqa: B009  # a field of every subclass, not of this base
        return places.get(key, own)


@dataclass
class JobTitle:
    title: str
    description: str = ""


def name_beyond(abbreviation: str, name: str) -> str:
    """What a name adds to its abbreviation, to show under it without repeating it: 'Herkomstland
    (diplomatieke vertegenwoordiging en autoriteiten)' under 'Herkomstland' adds the part in brackets;
    'De vreemdeling' under 'Vreemdeling' and 'Rechtbank' under 'Rechtbank' add nothing."""
    if not abbreviation or abbreviation.casefold() not in name.casefold():
        return name
    if name.casefold().startswith(abbreviation.casefold()):
        return name[len(abbreviation) :].strip(" –-,:()")
    return ""


@dataclass
class Organisation(Located):
    id: str
    name: str
    abbreviation: str
    kind: str
    place: Place
    part_of: str | None = None
    role: str = ""
    tasks: list[str] = field(default_factory=list)
    powers: list[str] = field(default_factory=list)
    departure_support: list[str] = field(default_factory=list)
    job_titles: list[JobTitle] = field(default_factory=list)
    website: str | None = None
    sources: list[str] = field(default_factory=list)
    unconfirmed: str | None = None
    outdated: str | None = None
    key_places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    @property
    def label(self) -> str:
        """Abbreviation and name, without saying a name twice: 'IND (Immigratie- en Naturalisatiedienst)',
        but 'Rechtbank', 'De vreemdeling', 'Herkomstland (diplomatieke vertegenwoordiging en autoriteiten)'."""
        if not self.abbreviation or self.abbreviation.casefold() in self.name.casefold():
            return self.name
        return f"{self.abbreviation} ({self.name})"


@dataclass
class CatalogueEntry(Located):
    catalogue: str
    id: str
    name: str
    place: Place
    abbreviation: str | None = None
    description: str = ""
    facts: list[str] = field(default_factory=list)
    level: str | None = None
    participants: list[str] = field(default_factory=list)
    chair: str | None = None
    frequency: str | None = None
    run_by: str | None = None
    legal_basis: list[str] = field(default_factory=list)
    time_limit: str | None = None
    target_groups: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    unconfirmed: str | None = None
    outdated: str | None = None
    key_places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ref(self) -> str:
        return f"{self.catalogue}/{self.id}"


@dataclass
class Involvement:
    org: str
    role: str
    how: str | None = None


@dataclass
class Handover:
    what: str | None = None
    via: str | None = None


@dataclass
class Flow(Located):
    """A sequence flow. `target` is as written; `target_process`/`target_step` are resolved halves."""

    source: str
    target: str
    id: str
    place: Place
    when: str | None = None
    handover: Handover | None = None
    explicit_id: bool = False
    key_places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    @property
    def target_process(self) -> str | None:
        return self.target.split("/", 1)[0] if "/" in self.target else None

    @property
    def target_step(self) -> str:
        return self.target.split("/", 1)[1] if "/" in self.target else self.target

    @property
    def crosses_process(self) -> bool:
        return "/" in self.target


@dataclass
class Node(Located):
    id: str
    type: str
    label: str
    org: str
    place: Place
    involved: list[Involvement] = field(default_factory=list)
    description: str = ""
    legal_basis: list[str] = field(default_factory=list)
    time_limit: str | None = None
    systems: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    consultations: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    calls: str | None = None
    attached_to: str | None = None
    trigger: str | None = None
    interrupting: bool = True
    sources: list[str] = field(default_factory=list)
    unconfirmed: str | None = None
    outdated: str | None = None
    flows: list[Flow] = field(default_factory=list)
    key_places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Process(Located):
    id: str
    title: str
    place: Place
    phase: float | None = None
    summary: str = ""
    reviewed: str | None = None
    sources_as_of: str | None = None
    lanes: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    unconfirmed: str | None = None
    outdated: str | None = None
    nodes: list[Node] = field(default_factory=list)
    key_places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    @property
    def flows(self) -> list[Flow]:
        return [f for n in self.nodes for f in n.flows]


@dataclass
class Choice:
    label: str
    correct: bool = False
    feedback: str | None = None


@dataclass
class ScenarioStep(Located):
    step: str
    place: Place
    narrative: str = ""
    question: str | None = None
    choices: list[Choice] = field(default_factory=list)
    key_places: dict[str, Place] = field(default_factory=dict, repr=False, compare=False)

    @property
    def process(self) -> str:
        return self.step.split("/", 1)[0]

    @property
    def node(self) -> str:
        return self.step.split("/", 1)[-1]


@dataclass
class Scenario:
    id: str
    title: str
    place: Place
    persona: str = ""
    summary: str = ""
    learning_goals: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    steps: list[ScenarioStep] = field(default_factory=list)


@dataclass
class Model:
    """Everything loaded from one content folder."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    catalogues: dict[str, dict[str, CatalogueEntry]] = field(
        default_factory=lambda: {kind: {} for kind in CATALOGUE_KINDS}
    )
    processes: dict[str, Process] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)

    def process_list(self) -> list[Process]:
        """Processes in chronological order (phase, then title)."""
        return sorted(self.processes.values(), key=lambda p: (p.phase if p.phase is not None else 999, p.title))

    def catalogue_entry(self, kind: str, entry_id: str) -> CatalogueEntry | None:
        return self.catalogues.get(kind, {}).get(entry_id)

    def resolve_step(self, ref: str, context_process: str | None = None) -> tuple[Process, Node] | None:
        """A 'process/step' (or 'step' within `context_process`) -> (process, node), or None."""
        if "/" in ref:
            pid, sid = ref.split("/", 1)
        else:
            pid, sid = context_process or "", ref
        process = self.processes.get(pid)
        node = process.node(sid) if process else None
        return (process, node) if process and node else None
