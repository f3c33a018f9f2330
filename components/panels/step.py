"""The detail panel of one step: who is responsible, who else is involved and how, what happens,
on which basis, within which limits, what is handed over to whom, and where it comes from.

Built as HTML for every step of a process at once (cached per content version, see
``components.cache.step_panels``) and sent with the drawing: the browser shows it on a click without
waiting for Python."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from urllib.parse import urlencode
from xml.sax.saxutils import quoteattr

from leidraad.model import NODE_CATALOGUE_FIELDS, Model, Node, Process
from leidraad.queries.index import ModelIndex
from leidraad.queries.step_facts import step_facts

Mail = Callable[[Process, Node], str]
TYPE_NAMES = {
    "start": "Startgebeurtenis",
    "end": "Eindgebeurtenis",
    "task": "Taak",
    "subprocess": "Deelproces",
    "gateway": "Beslispunt",
    "parallel": "Parallelle splitsing/samenvoeging",
    "event": "Tussengebeurtenis",
    "timer": "Termijn",
    "boundary": "Grensgebeurtenis",
}
ROLE_NAMES = {
    "uitvoerend": "voert mee uit",
    "adviserend": "adviseert",
    "geïnformeerd": "wordt geïnformeerd",
    "beslissend": "beslist mee",
}


def org_label(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.label if org else org_id


def step_label(model: Model, step_ref: str) -> str:
    resolved = model.resolve_step(step_ref)
    if not resolved:
        return step_ref
    process, node = resolved
    return f"{node.label} · {process.title}"


def _go_link(model: Model, step_ref: str, prefix: str) -> str:
    """A link to a step (possibly in another process): the browser hands it to Python's `go`."""
    return f'<a data-go={quoteattr(step_ref)} href="#">{escape(prefix)} {escape(step_label(model, step_ref))}</a>'


def step_panel_html(model: Model, process: Process, node: Node, index: ModelIndex, mail: Mail) -> str:
    """The panel of one step as trusted HTML (everything from the content escaped). It travels with the
    drawing, so the browser shows it the moment a step is clicked."""
    ref = f"{process.id}/{node.id}"
    parts = [_panel_text(model, process, node), _catalogue_links(model, node, index.abbreviations)]
    if node.calls and node.calls in model.processes:
        called = model.processes[node.calls]
        parts.append(
            f"<p><a class='primary' data-go={quoteattr(called.id + '/')} href='#'>Open deelproces: "
            f"{escape(called.title)}</a></p>"
        )
    for title, records, counterpart, arrow in (
        ("Ontvangt van", index.handovers_in.get(ref, []), "from", "←"),
        ("Draagt over aan", index.handovers_out.get(ref, []), "to", "→"),
    ):
        if not records:
            continue
        items = []
        for h in records:
            org = h.from_org if counterpart == "from" else h.to_org
            what = f" – {h.what}" if h.what else ""
            via = f" via {_entry_name(model, h.via)}" if h.via else ""
            step_ref = h.from_step if counterpart == "from" else h.to_step
            items.append(
                f"<li><span class='muted'>{escape(org_label(model, org) + what + via)}</span>"
                f"{_go_link(model, step_ref, arrow)}</li>"
            )
        parts.append(f"<p><b>{title}:</b></p><ul>{''.join(items)}</ul>")
    nexts = [s for s, kind in index.successors.get(ref, []) if kind in ("flow", "boundary", "returns")]
    prevs = [s for s, kind in index.predecessors.get(ref, []) if kind in ("flow", "boundary", "returns")]
    if prevs or nexts:
        links = [_go_link(model, s, "← Vorige:") for s in prevs] + [_go_link(model, s, "→ Volgende:") for s in nexts]
        parts.append(f"<details><summary>Vorige en volgende stappen</summary>{''.join(links)}</details>")
    if node.sources:
        sources = "".join(f"<li>{_http_link(url)}</li>" for url in node.sources)
        parts.append(f"<p><b>Bronnen:</b></p><ul>{sources}</ul>")
    parts.append(f"<p><a href={quoteattr(mail(process, node))}>Wijziging doorgeven</a></p>")
    return "".join(parts)


def no_selection_html() -> str:
    return (
        "<p>Klik op een stap in het diagram (of gebruik Tab en Enter) om te zien wie wat doet.</p>"
        f"<p class='muted'>{escape(LEGEND)}</p>"
    )


LEGEND = (
    "Legenda · dunne cirkel: start · dikke cirkel: einde · afgeronde rechthoek: taak · "
    "rechthoek met +: deelproces (klik en open) · ruit met ×: beslispunt · ruit met +: parallel · "
    "dubbele cirkel: gebeurtenis of termijn · gestreepte dikke pijl: overdracht tussen organisaties · "
    "gestreepte grijze rechthoek: verder in een ander proces"
)


def process_panels(model: Model, process: Process, index: ModelIndex, mail: Mail) -> dict[str, str]:
    """Every step's panel, and the one shown without a selection (key ""). `mail` gives a step's
    "Wijziging doorgeven" link."""
    panels = {node.id: step_panel_html(model, process, node, index, mail) for node in process.nodes}
    panels[""] = no_selection_html()
    return panels


def _http_link(url: str) -> str:
    if not re.match(r"^https?://[^\s<>()]+$", url):
        return escape(url)
    return f"<a href={quoteattr(url)} target='_blank' rel='noopener noreferrer'>{escape(url)}</a>"


def _panel_text(model: Model, process: Process, node: Node) -> str:
    parts = [
        f"<h3>{escape(node.label)}</h3>",
        f"<p class='muted'><i>{escape(TYPE_NAMES.get(node.type, node.type))} in {escape(process.title)}</i></p>",
    ]
    if node.unconfirmed:
        parts.append(f"<p><span class='badge orange'>Niet bevestigd</span> {escape(node.unconfirmed)}</p>")
    if node.outdated:
        parts.append(f"<p><span class='badge red'>Verouderd</span> {escape(node.outdated)}</p>")
    parts.append(f"<p><b>Verantwoordelijk:</b> {escape(org_label(model, node.org))}</p>")
    if node.involved:
        lines = "".join(
            f"<li>{escape(org_label(model, i.org))}: {escape(ROLE_NAMES.get(i.role, i.role))}"
            + (f" – {escape(i.how)}" if i.how else "")
            + "</li>"
            for i in node.involved
        )
        parts.append(f"<p><b>Ook betrokken:</b></p><ul>{lines}</ul>")
    if node.description:
        parts.append(f"<p>{escape(node.description)}</p>")
    if node.type == "gateway" and node.flows:
        outcomes = "".join(
            f"<li>{escape(f.when or '(geen label)')} → {escape(step_label(model, _ref(process, f.target)))}</li>"
            for f in node.flows
        )
        parts.append(f"<p><b>Uitkomsten:</b></p><ul>{outcomes}</ul>")
    for fact in step_facts(model, node):
        parts.append(f"<p><b>{escape(fact.label)}:</b> " + escape(fact.separator.join(fact.values)) + "</p>")
    return "".join(parts)


def _catalogue_links(model: Model, node: Node, abbreviations: dict[str, tuple[str, str, str]]) -> str:
    """Abbreviations in the step explained inline, and every catalogue entry one click away."""
    text = " ".join([node.label, node.description, *node.legal_basis, node.time_limit or ""])
    found = [
        (abbr, entry)
        for abbr, entry in abbreviations.items()
        if re.search(rf"(?<![\w&/]){re.escape(abbr)}(?![\w&/])", text)
    ]
    out = ""
    if found:
        out += (
            "<p class='muted'>Afkortingen: "
            + escape("; ".join(f"{abbr} = {name}" for abbr, (_, _, name) in found))
            + "</p>"
        )
    refs = [(kind, value) for field_name, kind in NODE_CATALOGUE_FIELDS.items() for value in getattr(node, field_name)]
    refs += [(kind, entry_id) for _, (kind, entry_id, _) in found if (kind, entry_id) not in refs]
    chips = []
    shown: set[str] = set()
    for kind, value in refs:
        entry = model.catalogue_entry(kind, value)
        if entry is None or (entry.abbreviation or entry.name) in shown:
            continue
        shown.add(entry.abbreviation or entry.name)
        href = "catalogi?" + urlencode({"soort": kind, "id": value})
        chips.append(
            f"<a href={quoteattr(href)} target='_self' title={quoteattr(entry.name)}>"
            f"{escape(entry.abbreviation or entry.name)}</a>"
        )
    if chips:
        out += f"<p class='chips'>{' '.join(chips)}</p>"
    return out


def _entry_name(model: Model, entry_id: str) -> str:
    entry = model.catalogue_entry("informatie-uitwisseling", entry_id)
    return entry.name if entry else entry_id


def _ref(process: Process, target: str) -> str:
    return target if "/" in target else f"{process.id}/{target}"
