"""Download buttons for one process: the diagram as SVG, PNG and PDF (as shown: with the selected step
and the faded organisations), BPMN 2.0 XML, the RACI table as CSV and the A3 handout.

Nothing is computed until a button is clicked (deferred downloads); results are cached per content
version, so a second click, or another user, gets the file at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from leidraad.model import Model, Process

# kind -> (button label, file suffix, mime type)
DOWNLOADS = {
    "svg": ("SVG", ".svg", "image/svg+xml"),
    "png": ("PNG", ".png", "image/png"),
    "pdf": ("PDF", ".pdf", "application/pdf"),
    "bpmn": ("BPMN", ".bpmn", "application/xml"),
    "raci": ("RACI (CSV)", "-raci.csv", "text/csv"),
    "handout": ("Hand-out A3 (PDF)", "-hand-out.pdf", "application/pdf"),
}


@st.cache_data(max_entries=64, show_spinner=False)
def export_bytes(
    version: str,
    process_id: str,
    kind: str,
    selected: str | None,
    faded: tuple[str, ...],
    _model: Model,
    direction: str = "horizontal",
) -> bytes:
    """One download as bytes; `version` (the content hash) and the arguments are the cache key."""
    process = _model.processes[process_id]
    if kind == "bpmn":
        from leidraad.bpmn.export import export_process

        return export_process(_model, process, direction=direction)
    if kind == "raci":
        from leidraad.exports.csv_tables import raci_table

        return raci_table(_model, process_id)
    if kind == "handout":
        from leidraad.exports.process_handout import handout_pdf

        return handout_pdf(_model, process, selected=selected, faded=faded, direction=direction)
    from leidraad.exports.images import print_svg, svg_to_pdf, svg_to_png

    svg = print_svg(_model, process, selected=selected, faded=faded, direction=direction)
    if kind == "svg":
        return svg.encode("utf-8")
    if kind == "png":
        return svg_to_png(svg)
    subtitle = f"Leidraad Terugkeer en Vertrek, versie {process.sources_as_of or 'onbekend'}"
    return svg_to_pdf(svg, process.title, subtitle)


def _deferred(
    version: str,
    process_id: str,
    kind: str,
    selected: str | None,
    faded: tuple[str, ...],
    model: Model,
    direction: str = "horizontal",
) -> Callable[[], bytes]:
    return lambda: export_bytes(version, process_id, kind, selected, faded, model, direction)


def export_panel(
    model: Model,
    process: Process,
    version: str,
    *,
    selected: str | None = None,
    faded_orgs: Sequence[str] = (),
    direction: str = "horizontal",
) -> None:
    """A row of download buttons for `process`; `faded_orgs` are organisation ids shown faded."""
    faded = tuple(f"org-{org}" for org in sorted(faded_orgs))
    with st.container(horizontal=True, gap="small"):
        for kind, (label, suffix, mime) in DOWNLOADS.items():
            st.download_button(
                label,
                data=_deferred(version, process.id, kind, selected, faded, model, direction),
                file_name=f"{process.id}{suffix}",
                mime=mime,
                key=f"export-{process.id}-{kind}",
                on_click="ignore",
                icon=":material/download:",
                help=f"{label} van “{process.title}” downloaden",
            )
