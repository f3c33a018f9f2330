"""Download buttons for one process: the diagram as SVG, PNG and PDF (as shown: with the selected step
and the faded organisations), BPMN 2.0 XML, the RACI table as CSV and the A3 handout.

Nothing is computed until a button is clicked (deferred downloads); results are cached per content
version, so a second click, or another user, gets the file at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from components.cache import export_bytes
from leidraad.exports.registry import PROCESS_EXPORTS
from leidraad.model import Model, Process


def _deferred(
    process_id: str, kind: str, selected: str | None, faded: tuple[str, ...], direction: str
) -> Callable[[], bytes]:
    return lambda: export_bytes(process_id, kind, selected, faded, direction)


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
        for kind, export in PROCESS_EXPORTS.items():
            label = export.label
            st.download_button(
                label,
                data=_deferred(process.id, kind, selected, faded, direction),
                file_name=f"{process.id}{export.suffix}",
                mime=export.mime,
                key=f"export-{process.id}-{kind}",
                on_click="ignore",
                icon=":material/download:",
                help=f"{label} van “{process.title}” downloaden",
            )
