"""Wrong options (distractors) for quiz questions and the naming helpers the question kinds share:
plausible organisations first, and texts that differ from the answer so no distractor is arguably right."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

from leidraad.model import Model, Node, Process


def org_label(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return (org.abbreviation or org.name) if org else org_id


def org_subject(model: Model, org_id: str) -> str:
    """How an organisation opens a sentence: 'De vreemdeling', 'DT&V'."""
    return "De vreemdeling" if org_id == "vreemdeling" else org_label(model, org_id)


def org_full(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    if not org:
        return org_id
    return org.label


def _family(model: Model, org_id: str) -> set[str]:
    """An organisation with the organisation it is part of and its own parts (IND and BMA, DJI and DV&O)."""
    org = model.organisations.get(org_id)
    family = {org_id}
    if org and org.part_of:
        family.add(org.part_of)
    family |= {o.id for o in model.organisations.values() if o.part_of == org_id}
    return family


def process_orgs(process: Process) -> set[str]:
    orgs = set(process.lanes) | {n.org for n in process.nodes if n.org}
    orgs |= {i.org for n in process.nodes for i in n.involved}
    return orgs


def node_orgs(node: Node) -> tuple[str, ...]:
    return tuple(dict.fromkeys([node.org, *(i.org for i in node.involved)]))


def mentions(model: Model, text: str, org_id: str) -> bool:
    """Does the text already name the organisation (which would give the answer away)?"""
    org = model.organisations.get(org_id)
    names = {org_id}
    if org:
        names |= {org.name, *org.abbreviation.split("/")}
    for name in names:
        if name and re.search(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text, flags=re.IGNORECASE):
            return True
    return False


def org_options(
    model: Model, answer: str, exclude: set[str], near: set[str], weight: dict[str, int]
) -> tuple[list[str], list[str]]:
    """Wrong organisation options: those in `near` (the same process) first, then the most common others."""
    excluded = set(exclude) | _family(model, answer)
    for org_id in list(excluded):
        excluded |= _family(model, org_id)
    preferred = sorted(o for o in near if o in model.organisations and o not in excluded)
    fallback = sorted(
        (o for o in model.organisations if o not in excluded and o not in preferred), key=lambda o: (-weight[o], o)
    )
    return [org_label(model, o) for o in preferred], [org_label(model, o) for o in fallback]


def org_weight(model: Model) -> dict[str, int]:
    """How often an organisation is responsible for or involved in a step: common ones make likelier options."""
    weight = dict.fromkeys(model.organisations, 0)
    for _, node in all_steps(model):
        for org_id in node_orgs(node):
            if org_id in weight:
                weight[org_id] += 1
    return weight


def quote(text: str) -> str:
    return f"‘{text.strip()}’"


def norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip(" .")


_NUMBERS = {
    "een": "1",
    "één": "1",
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "tien": "10",
    "elf": "11",
    "twaalf": "12",
    "veertien": "14",
    "achttien": "18",
}
_UNITS = {
    "uur": "uur",
    "dag": "dag",
    "dagen": "dag",
    "werkdag": "werkdag",
    "werkdagen": "werkdag",
    "week": "week",
    "weken": "week",
    "maand": "maand",
    "maanden": "maand",
    "jaar": "jaar",
}
_DURATION = re.compile(rf"\b(\d+|{'|'.join(_NUMBERS)})\s+({'|'.join(_UNITS)})\b", re.IGNORECASE)


def durations(text: str) -> set[tuple[str, str]]:
    """The periods a text names, as ('12', 'week'): 'twaalf weken' and '12 weken' are the same."""
    return {(_NUMBERS.get(n.casefold(), n), _UNITS[u.casefold()]) for n, u in _DURATION.findall(text)}


@functools.lru_cache(maxsize=4096)
def _similar(a: str, b: str, threshold: float) -> bool:
    """Nearly the same wording (normalised texts); cached, since the same few texts are compared often."""
    if a == b or a in b or b in a:
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and (matcher.ratio() >= threshold)
    )


def distinct_options(options: Iterable[str], answer: str, similar: float = 0.6) -> list[str]:
    """Options that differ from the answer and from each other: not the same wording, not nearly the same,
    and not naming a period the answer names (two texts about 'twaalf weken' could both be right)."""
    kept: list[str] = []
    seen = [norm_text(answer)]
    periods = durations(answer)
    for option in options:
        n = norm_text(option)
        if periods & durations(option):
            continue
        if any(_similar(n, s, similar) for s in seen):
            continue
        seen.append(n)
        kept.append(option)
    return kept


def all_steps(model: Model) -> Iterable[tuple[Process, Node]]:
    for process in model.process_list():
        for node in process.nodes:
            yield process, node
