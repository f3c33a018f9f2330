"""Tables for spreadsheets: steps, a RACI matrix, handovers and organisations as CSV.

Written for Dutch Excel, which is what trainers open them in: UTF-8 with a byte order mark (without
it Excel reads UTF-8 as Windows-1252 and garbles 'ë'), ';' between fields (Dutch Excel's list
separator: a ',' file opens as one column) and CRLF line ends. Several values in one cell are
joined with ' | '. A cell that starts with '=', '+', '-', '@' or a tab gets a leading apostrophe, so
imported text can never run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from leidraad.model import Model, Node, Process
from leidraad.queries.graph import handovers
from leidraad.queries.reading_order import reading_order

DELIMITER = ";"
JOIN = " | "
TABLES = ("steps", "raci", "handovers", "organisations")
# Node types that are steps someone carries out or decides; start, end and parallel split/join are not.
RACI_TYPES = ("task", "subprocess", "gateway", "event", "timer", "boundary")
RESPONSIBLE = "verantwoordelijk"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = JOIN.join(str(v) for v in value)
    text = " ".join(str(value).split())
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t") else text


def to_csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _processes(model: Model, process_id: str | None) -> list[Process]:
    if process_id is None:
        return model.process_list()
    if process_id not in model.processes:
        raise KeyError(process_id)
    return [model.processes[process_id]]


def _abbr(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.abbreviation if org else org_id


def _involved(model: Model, node: Node) -> list[str]:
    return [f"{_abbr(model, i.org)} ({i.role}{': ' + i.how if i.how else ''})" for i in node.involved]


def steps_table(model: Model, process_id: str | None = None) -> bytes:
    header = [
        "proces_id",
        "proces",
        "fase",
        "stap_id",
        "stap",
        "type",
        "verantwoordelijk",
        "verantwoordelijke_organisatie",
        "betrokken",
        "rechtsgrond",
        "termijn",
        "deelproces",
        "beschrijving",
        "bronnen",
    ]
    rows = []
    for process in _processes(model, process_id):
        for node in reading_order(process):
            org = model.organisations.get(node.org)
            rows.append(
                [
                    process.id,
                    process.title,
                    f"{process.phase:g}" if process.phase is not None else "",
                    node.id,
                    node.label,
                    node.type,
                    _abbr(model, node.org),
                    org.name if org else node.org,
                    _involved(model, node),
                    node.legal_basis,
                    node.time_limit,
                    node.calls,
                    node.description,
                    node.sources,
                ]
            )
    return to_csv(header, rows)


def raci_table(model: Model, process_id: str | None = None) -> bytes:
    """One row per step, one column per organisation: 'verantwoordelijk' for the lane's organisation,
    otherwise its involvement role (uitvoerend, adviserend, geïnformeerd, beslissend)."""
    processes = _processes(model, process_id)
    steps = [(p, n) for p in processes for n in reading_order(p) if n.type in RACI_TYPES]
    used = {n.org for _, n in steps} | {i.org for _, n in steps for i in n.involved}
    orgs = [o for o in model.organisations if o in used] + sorted(used - set(model.organisations))
    header = ["proces_id", "proces", "stap_id", "stap", "type", *(_abbr(model, o) for o in orgs)]
    rows = []
    for process, node in steps:
        roles = {i.org: i.role for i in node.involved}
        roles[node.org] = RESPONSIBLE
        rows.append([process.id, process.title, node.id, node.label, node.type, *(roles.get(o, "") for o in orgs)])
    return to_csv(header, rows)


def handovers_table(model: Model, process_id: str | None = None) -> bytes:
    header = [
        "proces_id",
        "flow_id",
        "van_stap",
        "van",
        "van_organisatie",
        "naar_proces",
        "naar_stap",
        "naar",
        "naar_organisatie",
        "wat",
        "via",
        "wanneer",
        "over_procesgrens",
    ]
    rows = []
    for h in handovers(model):
        if process_id is not None and h.process != process_id:
            continue
        source = model.resolve_step(h.from_step)
        target = model.resolve_step(h.to_step)
        channel = model.catalogue_entry("informatie-uitwisseling", h.via or "")
        rows.append(
            [
                h.process,
                h.flow_id,
                h.from_step,
                source[1].label if source else "",
                _abbr(model, h.from_org),
                h.to_step.split("/", 1)[0],
                h.to_step,
                target[1].label if target else "",
                _abbr(model, h.to_org),
                h.what,
                channel.name if channel else h.via,
                h.when,
                "ja" if h.crosses_process else "nee",
            ]
        )
    return to_csv(header, rows)


def organisations_table(model: Model, process_id: str | None = None) -> bytes:
    processes = _processes(model, process_id)
    responsible: dict[str, int] = {}
    involved: dict[str, int] = {}
    for process in processes:
        for node in process.nodes:
            responsible[node.org] = responsible.get(node.org, 0) + 1
            for inv in node.involved:
                involved[inv.org] = involved.get(inv.org, 0) + 1
    pids = {p.id for p in processes}
    out_count: dict[str, int] = {}
    in_count: dict[str, int] = {}
    for h in handovers(model):
        if h.process in pids:
            out_count[h.from_org] = out_count.get(h.from_org, 0) + 1
            in_count[h.to_org] = in_count.get(h.to_org, 0) + 1
    header = [
        "id",
        "naam",
        "afkorting",
        "soort",
        "onderdeel_van",
        "rol",
        "stappen_verantwoordelijk",
        "stappen_betrokken",
        "overdrachten_uit",
        "overdrachten_in",
        "website",
        "bronnen",
    ]
    rows = []
    for org in model.organisations.values():
        if process_id is not None and org.id not in responsible and org.id not in involved:
            continue
        rows.append(
            [
                org.id,
                org.name,
                org.abbreviation,
                org.kind,
                org.part_of,
                org.role,
                responsible.get(org.id, 0),
                involved.get(org.id, 0),
                out_count.get(org.id, 0),
                in_count.get(org.id, 0),
                org.website,
                org.sources,
            ]
        )
    return to_csv(header, rows)


def table(model: Model, name: str, process_id: str | None = None) -> bytes:
    """One of TABLES as CSV bytes; KeyError for an unknown process."""
    return {
        "steps": steps_table,
        "raci": raci_table,
        "handovers": handovers_table,
        "organisations": organisations_table,
    }[name](model, process_id)


__all__ = ["TABLES", "handovers_table", "organisations_table", "raci_table", "steps_table", "table", "to_csv"]
