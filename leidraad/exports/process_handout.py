"""An A3-landscape PDF handout of one process: the diagram in print colours, then its step table.

Through the project's one PDF route (`export_image.html_to_pdf`, WeasyPrint). All content text is
escaped; nothing from the content becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from leidraad.exports.images import html_to_pdf, print_svg
from leidraad.model import Model, Node, Process
from leidraad.queries.reading_order import reading_order

TYPE_NAMES = {
    "start": "start",
    "end": "einde",
    "task": "taak",
    "subprocess": "deelproces",
    "gateway": "beslissing",
    "parallel": "parallel",
    "event": "gebeurtenis",
    "timer": "termijn",
    "boundary": "onderbreking",
}

CSS = (
    "@page{size:A3 landscape;margin:12mm;@bottom-right{content:'pagina ' counter(page) ' van ' counter(pages);"
    "font-size:8pt;color:#555}@bottom-left{content:string(title);font-size:8pt;color:#555}}"
    "body{font-family:'DejaVu Sans',sans-serif;margin:0;color:#1F2328}"
    "h1{font-size:18pt;margin:0 0 2mm;string-set:title content()}h2{font-size:13pt;margin:0 0 3mm}"
    ".meta{font-size:9pt;color:#555;margin:0 0 2mm}.summary{font-size:10pt;margin:0 0 4mm;max-width:300mm}"
    ".drawing{page-break-after:always}.drawing svg{width:100%;height:auto;max-height:215mm}"
    "table{border-collapse:collapse;width:100%;font-size:8pt}thead{display:table-header-group}"
    "th{background:#F3F4F6;text-align:left}th,td{border:0.4pt solid #9CA3AF;padding:1.2mm 1.6mm;vertical-align:top}"
    "tr{page-break-inside:avoid}td.n{width:8mm;text-align:right}.type{color:#555}"
    ".badge{font-size:7pt;border:0.5pt solid #B45309;color:#B45309;padding:0 1mm;border-radius:1mm}"
)


def _abbr(model: Model, org_id: str) -> str:
    org = model.organisations.get(org_id)
    return org.abbreviation if org else org_id


def _cell(lines: Iterable[str]) -> str:
    return "<br>".join(escape(line) for line in lines if line)


def _row(model: Model, number: int, node: Node) -> str:
    involved = [f"{_abbr(model, i.org)}: {i.role}{' – ' + i.how if i.how else ''}" for i in node.involved]
    what = [node.description]
    if node.calls:
        called = model.processes.get(node.calls)
        what.append(f"Opent: {called.title if called else node.calls}")
    badges = ""
    if node.unconfirmed:
        badges += f" <span class='badge'>niet bevestigd</span> {escape(node.unconfirmed)}"
    if node.outdated:
        badges += f" <span class='badge'>verouderd</span> {escape(node.outdated)}"
    return (
        f"<tr><td class='n'>{number}</td><td><b>{escape(node.label)}</b><br>"
        f"<span class='type'>{escape(TYPE_NAMES.get(node.type, node.type))}</span></td>"
        f"<td>{escape(_abbr(model, node.org))}</td><td>{_cell(involved)}</td>"
        f"<td>{_cell(what)}{badges}</td><td>{_cell(node.legal_basis)}</td>"
        f"<td>{_cell([node.time_limit or ''])}</td></tr>"
    )


def handout_html(
    model: Model,
    process: Process,
    *,
    selected: str | None = None,
    faded: Iterable[str] = (),
    direction: str = "horizontal",
) -> str:
    svg = print_svg(model, process, selected=selected, faded=faded, direction=direction)
    steps = [n for n in reading_order(process) if n.type not in ("start", "end", "parallel")]
    rows = "".join(_row(model, i, node) for i, node in enumerate(steps, start=1))
    reviewed = f"beoordeeld op {process.reviewed}" if process.reviewed else "nog niet beoordeeld door de redactieraad"
    meta = f"Leidraad Terugkeer en Vertrek, versie {process.sources_as_of or 'onbekend'} · {reviewed}"
    return (
        f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>{escape(process.title)}</title>"
        f"<style>{CSS}</style></head><body>"
        f"<h1>{escape(process.title)}</h1><p class='meta'>{escape(meta)}</p>"
        f"<p class='summary'>{escape(process.summary)}</p><div class='drawing'>{svg}</div>"
        f"<h2>Stappen</h2><table><thead><tr><th>#</th><th>Stap</th><th>Verantwoordelijk</th><th>Betrokken</th>"
        f"<th>Wat gebeurt er</th><th>Rechtsgrond</th><th>Termijn</th></tr></thead><tbody>{rows}</tbody></table>"
        "<p class='meta'>Geen officiële publicatie van de Dienst Terugkeer en Vertrek. Wijzigingen in de Leidraad: "
        "redactieraadltv@dtv.minvenj.nl.</p></body></html>"
    )


def handout_pdf(
    model: Model,
    process: Process,
    *,
    selected: str | None = None,
    faded: Iterable[str] = (),
    direction: str = "horizontal",
) -> bytes:
    return html_to_pdf(handout_html(model, process, selected=selected, faded=faded, direction=direction))


__all__ = ["handout_html", "handout_pdf"]
