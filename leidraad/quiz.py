"""Quiz questions generated from the model and the training scenarios.

Every question is built from the content itself: who is responsible for a step, who hands what over to whom,
which time limit or legal basis applies, which consultation decides, and the decisions of the scenarios.
Wrong options are drawn from the model (organisations of the same process, time limits and legal bases of
other steps, other consultations) and never repeat the answer.

Deterministic: the same model, seed, count and filters give the same quiz, so a trainer can hand a whole room
one link. The seed picks the questions (`random.Random(seed)`); each question's wrong options and their order
come from `random.Random(f"{seed}:{question id}")`, so a question looks the same whatever else was picked.
"""

from __future__ import annotations

import difflib
import functools
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .graph import handovers, ref
from .model import Model, Node, Process

CHOICES = 4  # the answer and up to three wrong options
MIN_CHOICES = 3  # a model question without two plausible wrong options is left out
FALLBACK_WINDOW = 6  # wrong options from elsewhere in the model come from the most common few
LETTERS = "ABCDEFGHIJ"

KIND_LABELS = {
    "verantwoordelijk": "Wie is verantwoordelijk?",
    "overdracht-aan": "Aan wie wordt overgedragen?",
    "overdracht-van": "Van wie komt de overdracht?",
    "termijn": "Welke termijn geldt?",
    "grondslag": "Welke wettelijke grondslag?",
    "overleg": "Welk overleg beslist?",
    "casus": "Beslissing in een casus",
}
KINDS = tuple(KIND_LABELS)


@dataclass
class Question:
    """One multiple-choice question. `step_ref` ('process/step') is the step to review after a wrong answer."""

    id: str
    kind: str
    text: str
    choices: list[str]
    answer_index: int
    explanation: str
    step_ref: str
    processes: tuple[str, ...] = ()  # the processes the question is about (for the process filter)
    orgs: tuple[str, ...] = ()  # the organisations the question is about (for the organisation filter)

    @property
    def answer(self) -> str:
        return self.choices[self.answer_index]

    @property
    def answer_letter(self) -> str:
        return LETTERS[self.answer_index]


@dataclass
class _Template:
    """A question before the seed has chosen its wrong options and their order."""

    id: str
    kind: str
    text: str
    answer: str
    explanation: str
    step_ref: str
    processes: tuple[str, ...]
    orgs: tuple[str, ...]
    preferred: list[str] = field(default_factory=list)  # plausible wrong options, drawn first
    fallback: list[str] = field(default_factory=list)  # most plausible first; only when the preferred run out
    fixed: list[str] | None = None  # a scenario decision brings its own options

    def usable(self) -> bool:
        if self.fixed is not None:
            return len(self.fixed) >= 2 and self.answer in self.fixed
        return len(self.preferred) + len(self.fallback) >= MIN_CHOICES - 1

    def realise(self, seed: int) -> Question:
        rng = random.Random(f"{seed}:{self.id}")
        if self.fixed is not None:
            choices = list(self.fixed)
        else:
            wanted = CHOICES - 1
            wrong = rng.sample(self.preferred, min(wanted, len(self.preferred)))
            rest = wanted - len(wrong)
            if rest:
                window = self.fallback[: max(FALLBACK_WINDOW, rest)]
                wrong += rng.sample(window, min(rest, len(window)))
            choices = [self.answer, *wrong]
        rng.shuffle(choices)
        return Question(
            id=self.id,
            kind=self.kind,
            text=self.text,
            choices=choices,
            answer_index=choices.index(self.answer),
            explanation=self.explanation,
            step_ref=self.step_ref,
            processes=self.processes,
            orgs=self.orgs,
        )


# ---------------------------------------------------------------------------------------------- public API


def generate_quiz(
    model: Model, seed: int, count: int, process: str | None = None, org: str | None = None
) -> list[Question]:
    """`count` questions (fewer if the pool is smaller), chosen and shuffled by `seed`.

    `process` keeps questions about that process; `org` keeps questions about that organisation (or one of its
    parts, e.g. 'ind' includes the BMA). An unknown process or organisation gives an empty quiz.
    """
    pool = [t for t in _pool(model) if _matches(model, t, process, org)]
    if count <= 0 or not pool:
        return []
    chosen = random.Random(seed).sample(pool, min(count, len(pool)))
    return [t.realise(seed) for t in chosen]


def count_distinct_questions(model: Model, process: str | None = None, org: str | None = None) -> int:
    """How many different questions the model (and its scenarios) can produce, optionally filtered."""
    return sum(1 for t in _pool(model) if _matches(model, t, process, org))


def answer_key(questions: Iterable[Question], title: str = "Antwoordsleutel") -> str:
    """A printable answer key in Markdown: per question the letter, the answer and why."""
    lines = [f"# {title}", ""]
    for number, q in enumerate(questions, start=1):
        lines.append(f"**{number}. {q.answer_letter}** — {q.answer}  ")
        lines.append(f"{q.text}  ")
        if q.explanation:
            lines.append(f"*Toelichting:* {q.explanation}  ")
        lines.append(f"Stap: `{q.step_ref}`")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------- the pool


def _pool(model: Model) -> list[_Template]:
    templates: list[_Template] = []
    templates += _responsibility(model)
    templates += _handover_questions(model)
    templates += _time_limits(model)
    templates += _legal_bases(model)
    templates += _consultations(model)
    templates += _scenario_decisions(model)
    return _unambiguous(t for t in templates if t.usable())


def _unambiguous(templates: Iterable[_Template]) -> list[_Template]:
    """One question per id; a question text that has two different answers is left out altogether."""
    by_id: dict[str, _Template] = {}
    for t in templates:
        by_id.setdefault(t.id, t)
    by_text: dict[tuple[str, str], list[_Template]] = {}
    for t in sorted(by_id.values(), key=lambda t: t.id):
        by_text.setdefault((t.kind, t.text), []).append(t)
    kept = [group[0] for group in by_text.values() if len({t.answer for t in group}) == 1]
    return sorted(kept, key=lambda t: t.id)


def _matches(model: Model, t: _Template, process: str | None, org: str | None) -> bool:
    if process and process not in t.processes:
        return False
    if org:
        wanted = {org} | {o.id for o in model.organisations.values() if o.part_of == org}
        if not wanted & set(t.orgs):
            return False
    return True


# ---------------------------------------------------------------------------------------------- helpers


def _org_label(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return (org.abbreviation or org.name) if org else org_id


def _org_subject(model: Model, org_id: str) -> str:
    """How an organisation opens a sentence: 'De vreemdeling', 'DT&V'."""
    return "De vreemdeling" if org_id == "vreemdeling" else _org_label(model, org_id)


def _org_full(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    if not org:
        return org_id
    return org.name if not org.abbreviation or org.abbreviation == org.name else f"{org.abbreviation} ({org.name})"


def _family(model: Model, org_id: str) -> set[str]:
    """An organisation with the organisation it is part of and its own parts (IND and BMA, DJI and DV&O)."""
    org = model.organisations.get(org_id)
    family = {org_id}
    if org and org.part_of:
        family.add(org.part_of)
    family |= {o.id for o in model.organisations.values() if o.part_of == org_id}
    return family


def _process_orgs(process: Process) -> set[str]:
    orgs = set(process.lanes) | {n.org for n in process.nodes if n.org}
    orgs |= {i.org for n in process.nodes for i in n.involved}
    return orgs


def _node_orgs(node: Node) -> tuple[str, ...]:
    return tuple(dict.fromkeys([node.org, *(i.org for i in node.involved)]))


def _mentions(model: Model, text: str, org_id: str) -> bool:
    """Does the text already name the organisation (which would give the answer away)?"""
    org = model.organisations.get(org_id)
    names = {org_id}
    if org:
        names |= {org.name, *org.abbreviation.split("/")}
    for name in names:
        if name and re.search(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text, flags=re.IGNORECASE):
            return True
    return False


def _org_options(
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
    return [_org_label(model, o) for o in preferred], [_org_label(model, o) for o in fallback]


def _org_weight(model: Model) -> dict[str, int]:
    """How often an organisation is responsible for or involved in a step: common ones make likelier options."""
    weight = dict.fromkeys(model.organisations, 0)
    for _, node in _steps(model):
        for org_id in _node_orgs(node):
            if org_id in weight:
                weight[org_id] += 1
    return weight


def _quote(text: str) -> str:
    return f"‘{text.strip()}’"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip(" .")


_NUMBERS = {
    "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7",
    "acht": "8", "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "veertien": "14", "achttien": "18",
}
_UNITS = {
    "uur": "uur", "dag": "dag", "dagen": "dag", "werkdag": "werkdag", "werkdagen": "werkdag", "week": "week",
    "weken": "week", "maand": "maand", "maanden": "maand", "jaar": "jaar",
}
_DURATION = re.compile(rf"\b(\d+|{'|'.join(_NUMBERS)})\s+({'|'.join(_UNITS)})\b", re.IGNORECASE)


def _durations(text: str) -> set[tuple[str, str]]:
    """The periods a text names, as ('12', 'week'): 'twaalf weken' and '12 weken' are the same."""
    return {(_NUMBERS.get(n.casefold(), n), _UNITS[u.casefold()]) for n, u in _DURATION.findall(text)}


@functools.lru_cache(maxsize=4096)
def _similar(a: str, b: str, threshold: float) -> bool:
    """Nearly the same wording (normalised texts); cached, since the same few texts are compared often."""
    if a == b or a in b or b in a:
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and (
        matcher.ratio() >= threshold
    )


def _distinct(options: Iterable[str], answer: str, similar: float = 0.6) -> list[str]:
    """Options that differ from the answer and from each other: not the same wording, not nearly the same,
    and not naming a period the answer names (two texts about 'twaalf weken' could both be right)."""
    kept: list[str] = []
    seen = [_norm(answer)]
    periods = _durations(answer)
    for option in options:
        n = _norm(option)
        if periods & _durations(option):
            continue
        if any(_similar(n, s, similar) for s in seen):
            continue
        seen.append(n)
        kept.append(option)
    return kept


def _steps(model: Model) -> Iterable[tuple[Process, Node]]:
    for process in model.process_list():
        for node in process.nodes:
            yield process, node


# ---------------------------------------------------------------------------------------------- the kinds


def _responsibility(model: Model) -> list[_Template]:
    """Who is responsible for a task or subprocess, and who decides at a decision point."""
    weight = _org_weight(model)
    result = []
    for process, node in _steps(model):
        deciding = node.type == "gateway" and len(node.flows) >= 2
        if node.type not in ("task", "subprocess") and not deciding:
            continue
        if not node.org or node.org not in model.organisations or _mentions(model, node.label, node.org):
            continue
        where = f"in het proces {_quote(process.title)}"
        if deciding:
            text = f"Wie beslist over de vraag {_quote(node.label)} {where}?"
            why = f"{_org_full(model, node.org)} beslist over {_quote(node.label)}."
        else:
            text = f"Wie is verantwoordelijk voor de stap {_quote(node.label)} {where}?"
            why = f"{_org_full(model, node.org)} is verantwoordelijk voor {_quote(node.label)}."
        if node.involved:
            others = ", ".join(f"{_org_label(model, i.org)} ({i.role})" for i in node.involved)
            why += f" Ook betrokken: {others}."
        preferred, fallback = _org_options(
            model, node.org, {i.org for i in node.involved}, _process_orgs(process), weight
        )
        result.append(
            _Template(
                id=f"verantwoordelijk:{ref(process.id, node.id)}",
                kind="verantwoordelijk",
                text=text,
                answer=_org_label(model, node.org),
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=_node_orgs(node),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def _handover_questions(model: Model) -> list[_Template]:
    """Given a handover with what is handed over: to whom does X hand it, and from whom does Y receive it."""
    records = [h for h in handovers(model) if h.what]
    weight = _org_weight(model)
    targets: dict[tuple[str, str], set[str]] = {}
    sources: dict[tuple[str, str], set[str]] = {}
    for h in records:
        targets.setdefault((h.from_org, _norm(h.what or "")), set()).add(h.to_org)
        sources.setdefault((h.to_org, _norm(h.what or "")), set()).add(h.from_org)
    result = []
    for h in records:
        what = h.what or ""
        from_node = model.resolve_step(h.from_step)
        to_node = model.resolve_step(h.to_step)
        if not from_node or not to_node:
            continue
        (from_process, from_step), (to_process, to_step) = from_node, to_node
        near = _process_orgs(from_process) | _process_orgs(to_process)
        channel = model.catalogue_entry("informatie-uitwisseling", h.via or "")
        via = f" via {channel.name}" if channel else ""
        why = (
            f"{_org_subject(model, h.from_org)} draagt {_quote(what)} na {_quote(from_step.label)} over aan "
            f"{_org_full(model, h.to_org)}{via}, voor de stap {_quote(to_step.label)}."
        )
        processes = tuple(dict.fromkeys([from_process.id, to_process.id]))
        orgs = (h.from_org, h.to_org)
        flow_ref = f"{h.process}/{h.flow_id}"

        text = (
            f"{_org_subject(model, h.from_org)} draagt {_quote(what)} over na de stap {_quote(from_step.label)}. "
            "Aan welke organisatie?"
        )
        if not _mentions(model, text, h.to_org):
            exclude = {h.from_org, *_node_orgs(to_step)} | targets[(h.from_org, _norm(what))]
            preferred, fallback = _org_options(model, h.to_org, exclude, near, weight)
            result.append(
                _Template(
                    f"overdracht-aan:{flow_ref}", "overdracht-aan", text, _org_label(model, h.to_org), why,
                    h.from_step, processes, orgs, preferred, fallback,
                )
            )

        text = (
            f"{_org_subject(model, h.to_org)} ontvangt {_quote(what)} voor de stap {_quote(to_step.label)}. "
            "Van welke organisatie?"
        )
        if not _mentions(model, text, h.from_org):
            exclude = {h.to_org, *_node_orgs(from_step)} | sources[(h.to_org, _norm(what))]
            preferred, fallback = _org_options(model, h.from_org, exclude, near, weight)
            result.append(
                _Template(
                    f"overdracht-van:{flow_ref}", "overdracht-van", text, _org_label(model, h.from_org), why,
                    h.to_step, processes, orgs, preferred, fallback,
                )
            )
    return result


def _time_limits(model: Model) -> list[_Template]:
    """Which time limit applies to a step; wrong options are the time limits of other steps."""
    steps = [(p, n) for p, n in _steps(model) if n.time_limit]
    result = []
    for process, node in steps:
        answer = node.time_limit or ""
        if _durations(node.label) & _durations(answer):
            continue  # 'Twaalf weken vbl verstreken' already gives the answer away
        same = [n.time_limit or "" for p, n in steps if p.id == process.id and n is not node]
        other = sorted({n.time_limit or "" for p, n in steps if p.id != process.id})
        preferred = _distinct(same, answer)
        fallback = [o for o in _distinct(preferred + other, answer) if o not in preferred]
        why = f"Bij {_quote(node.label)} geldt: {answer}"
        if node.unconfirmed:
            why += f" Let op: {node.unconfirmed}"
        result.append(
            _Template(
                id=f"termijn:{ref(process.id, node.id)}",
                kind="termijn",
                text=f"Welke termijn geldt bij de stap {_quote(node.label)} in het proces {_quote(process.title)}?",
                answer=answer,
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=_node_orgs(node),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def _article_key(basis: str) -> str:
    """'art. 54 lid 1 Vw 2000' and 'art. 54 Vw 2000' are one article for a quiz, and so are 'art. 59',
    'art. 59a' and 'art. 59b' (a wrong option from the same family could be argued to be right)."""
    key = re.sub(r"\blid \d+( en \d+)?\b", "", basis)
    key = re.sub(r"\bsub [a-z]\b", "", key)
    key = re.sub(r"\b(art\.\s*\d+(?:\.\d+)?)[a-z]\b", r"\1", key)
    return _norm(key)


def _legal_bases(model: Model) -> list[_Template]:
    """Which legal basis belongs to a step; wrong options are the bases of other steps."""
    steps = [(p, n) for p, n in _steps(model) if n.legal_basis]
    all_bases: dict[str, str] = {}
    uses: dict[str, int] = {}
    for _, n in steps:
        for basis in n.legal_basis:
            all_bases.setdefault(_article_key(basis), basis)
            uses[_article_key(basis)] = uses.get(_article_key(basis), 0) + 1
    result = []
    for process, node in steps:
        answer = node.legal_basis[0]
        article = re.match(r"art\.\s*[\w.]+", answer)
        if article and article.group(0).casefold() in node.label.casefold():
            continue  # the label already names the article
        own = {_article_key(b) for b in node.legal_basis}
        same = {
            _article_key(b) for p, n in steps if p.id == process.id for b in n.legal_basis
        } - own
        preferred = sorted(all_bases[k] for k in same)
        others = sorted((k for k in all_bases if k not in own and k not in same), key=lambda k: (-uses[k], k))
        fallback = [all_bases[k] for k in others]
        why = f"{_quote(node.label)} steunt op {', '.join(node.legal_basis)}."
        result.append(
            _Template(
                id=f"grondslag:{ref(process.id, node.id)}",
                kind="grondslag",
                text=(
                    f"Welke wettelijke grondslag hoort bij de stap {_quote(node.label)} "
                    f"in het proces {_quote(process.title)}?"
                ),
                answer=answer,
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=_node_orgs(node),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def _consultation_label(model: Model, entry_id: str) -> str:
    entry = model.catalogue_entry("overlegvormen", entry_id)
    if not entry:
        return entry_id
    return f"{entry.name} ({entry.abbreviation})" if entry.abbreviation and entry.abbreviation != entry.name else (
        entry.name
    )


def _mask_consultations(model: Model, text: str) -> str:
    """Hide the names of consultations in a question so it does not give the answer away."""
    for entry in model.catalogues["overlegvormen"].values():
        for name in sorted({entry.name, entry.abbreviation or ""}, key=len, reverse=True):
            if name:
                text = re.sub(rf"(?<![\w&]){re.escape(name)}(?![\w&])", "…", text, flags=re.IGNORECASE)
    return text


def _consultations(model: Model) -> list[_Template]:
    """Which consultation decides at a decision point."""
    overleg = model.catalogues["overlegvormen"]
    result = []
    for process, node in _steps(model):
        if node.type != "gateway" or len(node.flows) < 2:
            continue
        known = [c for c in node.consultations if c in overleg]
        if not known:
            continue
        answer = known[0]
        in_process = {c for n in process.nodes for c in n.consultations if c in overleg} - set(known)
        preferred = [_consultation_label(model, c) for c in sorted(in_process)]
        fallback = [
            _consultation_label(model, c) for c in sorted(overleg) if c not in known and c not in in_process
        ]
        entry = overleg[answer]
        why = f"Over {_quote(node.label)} beslist dit overleg: {_consultation_label(model, answer)}."
        if entry.description:
            why += f" {entry.description.split('. ')[0].rstrip('.')}."
        participants = set(entry.participants) | ({entry.chair} if entry.chair else set())
        result.append(
            _Template(
                id=f"overleg:{ref(process.id, node.id)}",
                kind="overleg",
                text=(
                    f"Welk overleg beslist over de vraag {_quote(_mask_consultations(model, node.label))} "
                    f"in het proces {_quote(process.title)}?"
                ),
                answer=_consultation_label(model, answer),
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=tuple(dict.fromkeys([*_node_orgs(node), *sorted(participants)])),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def _scenario_decisions(model: Model) -> list[_Template]:
    """The decisions of the training scenarios, with their own options and feedback."""
    result = []
    for scenario in sorted(model.scenarios.values(), key=lambda s: s.id):
        for number, step in enumerate(scenario.steps, start=1):
            correct = [c for c in step.choices if c.correct]
            if len(step.choices) < 2 or len(correct) != 1:
                continue
            resolved = model.resolve_step(step.step)
            if resolved is None:
                continue
            node = resolved[1]
            labels = list(dict.fromkeys(c.label for c in step.choices))
            context = f" {step.narrative.strip()}" if step.narrative.strip() else ""
            result.append(
                _Template(
                    id=f"casus:{scenario.id}/{number}",
                    kind="casus",
                    text=f"Casus {_quote(scenario.title)}.{context} {step.question or node.label}",
                    answer=correct[0].label,
                    explanation=correct[0].feedback or "",
                    step_ref=step.step,
                    processes=(step.process,),
                    orgs=_node_orgs(node),
                    fixed=labels,
                )
            )
    return result


__all__ = [
    "KINDS",
    "KIND_LABELS",
    "Question",
    "answer_key",
    "count_distinct_questions",
    "generate_quiz",
]
