"""Shows content problems with their file and line, so editors see what to fix and where."""

from __future__ import annotations

import streamlit as st

from leidraad.problems import Problem


def problems_panel(problems: list[Problem], broken_files: set[str]) -> None:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if not problems:
        return
    if errors:
        st.error(
            f"De inhoud bevat {len(errors)} fout(en) in {len(broken_files) or 'enkele'} bestand(en). "
            "De rest van de inhoud is wel beschikbaar.",
            icon=":material/warning:",
        )
    with st.expander(
        f"Meldingen voor redacteuren ({len(errors)} fouten, {len(warnings)} waarschuwingen)", expanded=bool(errors)
    ):
        st.dataframe(
            [
                {
                    "bestand": p.file,
                    "regel": p.line,
                    "kolom": p.col,
                    "soort": "fout" if p.is_error else "waarschuwing",
                    "regel-id": p.rule_id,
                    "melding": p.message,
                }
                for p in problems
            ],
            hide_index=True,
            width="stretch",
        )
