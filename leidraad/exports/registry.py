"""One registry of the files a process can be exported to, shared by the CLI and the app.

Each format renders bytes from the model, a process and the options of what is shown (the selected
step, the faded organisations), so a download in the app and `leidraad export` give the same file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from leidraad.model import Model, Process


@dataclass(frozen=True)
class ExportOptions:
    selected: str | None = None  # the step shown as selected
    faded: tuple[str, ...] = ()  # element ids drawn faded, e.g. "org-coa" for an organisation
    direction: str = "horizontal"  # the drawing's orientation: horizontal (lanes as rows) or vertical


@dataclass(frozen=True)
class ProcessExport:
    kind: str
    label: str  # as on the app's download button (Dutch)
    suffix: str  # appended to the process id for the file name
    mime: str
    render: Callable[[Model, Process, ExportOptions], bytes]


def _svg(model: Model, process: Process, options: ExportOptions) -> str:
    from leidraad.exports.images import print_svg

    return print_svg(model, process, selected=options.selected, faded=options.faded, direction=options.direction)


def _png(model: Model, process: Process, options: ExportOptions) -> bytes:
    from leidraad.exports.images import svg_to_png

    return svg_to_png(_svg(model, process, options))


def _pdf(model: Model, process: Process, options: ExportOptions) -> bytes:
    from leidraad.exports.images import svg_to_pdf

    subtitle = f"Leidraad Terugkeer en Vertrek, versie {process.sources_as_of or 'onbekend'}"
    return svg_to_pdf(_svg(model, process, options), process.title, subtitle)


def _bpmn(model: Model, process: Process, options: ExportOptions) -> bytes:
    from leidraad.bpmn.export import export_process

    return export_process(model, process, direction=options.direction)


def _raci(model: Model, process: Process, options: ExportOptions) -> bytes:
    from leidraad.exports.csv_tables import raci_table

    return raci_table(model, process.id)


def _handout(model: Model, process: Process, options: ExportOptions) -> bytes:
    from leidraad.exports.process_handout import handout_pdf

    return handout_pdf(model, process, selected=options.selected, faded=options.faded, direction=options.direction)


PROCESS_EXPORTS: dict[str, ProcessExport] = {
    e.kind: e
    for e in (
        ProcessExport("svg", "SVG", ".svg", "image/svg+xml", lambda m, p, o: _svg(m, p, o).encode("utf-8")),
        ProcessExport("png", "PNG", ".png", "image/png", _png),
        ProcessExport("pdf", "PDF", ".pdf", "application/pdf", _pdf),
        ProcessExport("bpmn", "BPMN", ".bpmn", "application/xml", _bpmn),
        ProcessExport("raci", "RACI (CSV)", "-raci.csv", "text/csv", _raci),
        ProcessExport("handout", "Hand-out A3 (PDF)", "-hand-out.pdf", "application/pdf", _handout),
    )
}


def export_process_file(model: Model, process: Process, kind: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of one export of `process`; `kind` is a key of PROCESS_EXPORTS."""
    return PROCESS_EXPORTS[kind].render(model, process, options or ExportOptions())
