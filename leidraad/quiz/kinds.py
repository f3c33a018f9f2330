"""The kinds of quiz question, each built from the content: responsibility, handovers, time limits,
legal bases, consultations and the decisions of the training scenarios."""

from __future__ import annotations

import re

from leidraad.model import Model
from leidraad.queries.graph import handovers, ref
from leidraad.quiz.distractors import (
    all_steps,
    distinct_options,
    durations,
    mentions,
    node_orgs,
    norm_text,
    org_full,
    org_label,
    org_options,
    org_subject,
    org_weight,
    process_orgs,
    quote,
)
from leidraad.quiz.templates import QuestionTemplate


def responsibility_questions(model: Model) -> list[QuestionTemplate]:
    """Who is responsible for a task or subprocess, and who decides at a decision point."""
    weight = org_weight(model)
    result = []
    for process, node in all_steps(model):
        deciding = node.type == "gateway" and len(node.flows) >= 2
        if node.type not in ("task", "subprocess") and not deciding:
            continue
        if not node.org or node.org not in model.organisations or mentions(model, node.label, node.org):
            continue
        where = f"in het proces {quote(process.title)}"
        if deciding:
            text = f"Wie beslist over de vraag {quote(node.label)} {where}?"
            why = f"{org_full(model, node.org)} beslist over {quote(node.label)}."
        else:
            text = f"Wie is verantwoordelijk voor de stap {quote(node.label)} {where}?"
            why = f"{org_full(model, node.org)} is verantwoordelijk voor {quote(node.label)}."
        if node.involved:
            others = ", ".join(f"{org_label(model, i.org)} ({i.role})" for i in node.involved)
            why += f" Ook betrokken: {others}."
        preferred, fallback = org_options(
            model, node.org, {i.org for i in node.involved}, process_orgs(process), weight
        )
        result.append(
            QuestionTemplate(
                id=f"verantwoordelijk:{ref(process.id, node.id)}",
                kind="verantwoordelijk",
                text=text,
                answer=org_label(model, node.org),
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=node_orgs(node),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def handover_questions(model: Model) -> list[QuestionTemplate]:
    """Given a handover with what is handed over: to whom does X hand it, and from whom does Y receive it."""
    records = [h for h in handovers(model) if h.what]
    weight = org_weight(model)
    targets: dict[tuple[str, str], set[str]] = {}
    sources: dict[tuple[str, str], set[str]] = {}
    for h in records:
        targets.setdefault((h.from_org, norm_text(h.what or "")), set()).add(h.to_org)
        sources.setdefault((h.to_org, norm_text(h.what or "")), set()).add(h.from_org)
    result = []
    for h in records:
        what = h.what or ""
        from_node = model.resolve_step(h.from_step)
        to_node = model.resolve_step(h.to_step)
        if not from_node or not to_node:
            continue
        (from_process, from_step), (to_process, to_step) = from_node, to_node
        near = process_orgs(from_process) | process_orgs(to_process)
        channel = model.catalogue_entry("informatie-uitwisseling", h.via or "")
        via = f" via {channel.name}" if channel else ""
        why = (
            f"{org_subject(model, h.from_org)} draagt {quote(what)} na {quote(from_step.label)} over aan "
            f"{org_full(model, h.to_org)}{via}, voor de stap {quote(to_step.label)}."
        )
        processes = tuple(dict.fromkeys([from_process.id, to_process.id]))
        orgs = (h.from_org, h.to_org)
        flow_ref = f"{h.process}/{h.flow_id}"

        text = (
            f"{org_subject(model, h.from_org)} draagt {quote(what)} over na de stap {quote(from_step.label)}. "
            "Aan welke organisatie?"
        )
        if not mentions(model, text, h.to_org):
            exclude = {h.from_org, *node_orgs(to_step)} | targets[(h.from_org, norm_text(what))]
            preferred, fallback = org_options(model, h.to_org, exclude, near, weight)
            result.append(
                QuestionTemplate(
                    f"overdracht-aan:{flow_ref}",
                    "overdracht-aan",
                    text,
                    org_label(model, h.to_org),
                    why,
                    h.from_step,
                    processes,
                    orgs,
                    preferred,
                    fallback,
                )
            )

        text = (
            f"{org_subject(model, h.to_org)} ontvangt {quote(what)} voor de stap {quote(to_step.label)}. "
            "Van welke organisatie?"
        )
        if not mentions(model, text, h.from_org):
            exclude = {h.to_org, *node_orgs(from_step)} | sources[(h.to_org, norm_text(what))]
            preferred, fallback = org_options(model, h.from_org, exclude, near, weight)
            result.append(
                QuestionTemplate(
                    f"overdracht-van:{flow_ref}",
                    "overdracht-van",
                    text,
                    org_label(model, h.from_org),
                    why,
                    h.to_step,
                    processes,
                    orgs,
                    preferred,
                    fallback,
                )
            )
    return result


def time_limit_questions(model: Model) -> list[QuestionTemplate]:
    """Which time limit applies to a step; wrong options are the time limits of other steps."""
    steps = [(p, n) for p, n in all_steps(model) if n.time_limit]
    result = []
    for process, node in steps:
        answer = node.time_limit or ""
        if durations(node.label) & durations(answer):
            continue  # 'Twaalf weken vbl verstreken' already gives the answer away
        same = [n.time_limit or "" for p, n in steps if p.id == process.id and n is not node]
        other = sorted({n.time_limit or "" for p, n in steps if p.id != process.id})
        preferred = distinct_options(same, answer)
        fallback = [o for o in distinct_options(preferred + other, answer) if o not in preferred]
        why = f"Bij {quote(node.label)} geldt: {answer}"
        if node.unconfirmed:
            why += f" Let op: {node.unconfirmed}"
        result.append(
            QuestionTemplate(
                id=f"termijn:{ref(process.id, node.id)}",
                kind="termijn",
                text=f"Welke termijn geldt bij de stap {quote(node.label)} in het proces {quote(process.title)}?",
                answer=answer,
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=node_orgs(node),
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
    return norm_text(key)


def legal_basis_questions(model: Model) -> list[QuestionTemplate]:
    """Which legal basis belongs to a step; wrong options are the bases of other steps."""
    steps = [(p, n) for p, n in all_steps(model) if n.legal_basis]
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
        same = {_article_key(b) for p, n in steps if p.id == process.id for b in n.legal_basis} - own
        preferred = sorted(all_bases[k] for k in same)
        others = sorted((k for k in all_bases if k not in own and k not in same), key=lambda k: (-uses[k], k))
        fallback = [all_bases[k] for k in others]
        why = f"{quote(node.label)} steunt op {', '.join(node.legal_basis)}."
        result.append(
            QuestionTemplate(
                id=f"grondslag:{ref(process.id, node.id)}",
                kind="grondslag",
                text=(
                    f"Welke wettelijke grondslag hoort bij de stap {quote(node.label)} "
                    f"in het proces {quote(process.title)}?"
                ),
                answer=answer,
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=node_orgs(node),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def consultation_label(model: Model, entry_id: str) -> str:
    entry = model.catalogue_entry("overlegvormen", entry_id)
    if not entry:
        return entry_id
    return (
        f"{entry.name} ({entry.abbreviation})"
        if entry.abbreviation and entry.abbreviation != entry.name
        else (entry.name)
    )


def _mask_consultations(model: Model, text: str) -> str:
    """Hide the names of consultations in a question so it does not give the answer away."""
    for entry in model.catalogues["overlegvormen"].values():
        for name in sorted({entry.name, entry.abbreviation or ""}, key=len, reverse=True):
            if name:
                text = re.sub(rf"(?<![\w&]){re.escape(name)}(?![\w&])", "…", text, flags=re.IGNORECASE)
    return text


def consultation_questions(model: Model) -> list[QuestionTemplate]:
    """Which consultation decides at a decision point."""
    overleg = model.catalogues["overlegvormen"]
    result = []
    for process, node in all_steps(model):
        if node.type != "gateway" or len(node.flows) < 2:
            continue
        known = [c for c in node.consultations if c in overleg]
        if not known:
            continue
        answer = known[0]
        in_process = {c for n in process.nodes for c in n.consultations if c in overleg} - set(known)
        preferred = [consultation_label(model, c) for c in sorted(in_process)]
        fallback = [consultation_label(model, c) for c in sorted(overleg) if c not in known and c not in in_process]
        entry = overleg[answer]
        why = f"Over {quote(node.label)} beslist dit overleg: {consultation_label(model, answer)}."
        if entry.description:
            why += f" {entry.description.split('. ')[0].rstrip('.')}."
        participants = set(entry.participants) | ({entry.chair} if entry.chair else set())
        result.append(
            QuestionTemplate(
                id=f"overleg:{ref(process.id, node.id)}",
                kind="overleg",
                text=(
                    f"Welk overleg beslist over de vraag {quote(_mask_consultations(model, node.label))} "
                    f"in het proces {quote(process.title)}?"
                ),
                answer=consultation_label(model, answer),
                explanation=why,
                step_ref=ref(process.id, node.id),
                processes=(process.id,),
                orgs=tuple(dict.fromkeys([*node_orgs(node), *sorted(participants)])),
                preferred=preferred,
                fallback=fallback,
            )
        )
    return result


def scenario_questions(model: Model) -> list[QuestionTemplate]:
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
                QuestionTemplate(
                    id=f"casus:{scenario.id}/{number}",
                    kind="casus",
                    text=f"Casus {quote(scenario.title)}.{context} {step.question or node.label}",
                    answer=correct[0].label,
                    explanation=correct[0].feedback or "",
                    step_ref=step.step,
                    processes=(step.process,),
                    orgs=node_orgs(node),
                    fixed=labels,
                    feedback={c.label: c.feedback for c in step.choices if c.feedback},
                )
            )
    return result
