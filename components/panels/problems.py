"""Shows content problems with their file and line, cause first, so editors see what to fix and where.

The errors that only follow from a file that did not load (a lane naming 'coa' while the
organisations file is broken) are counted under their cause and listed only on request.
"""

from __future__ import annotations

import streamlit as st

from components.text import md
from leidraad.checks.report import build_report
from leidraad.content.load import LoadResult
from leidraad.model import Process
from leidraad.problems import Problem

SHOWN_CAUSES = 3
SHOWN_IN_BANNER = 5


def _rows(problems: list[Problem], cause: Problem | None = None) -> list[dict[str, object]]:
    return [
        {
            "bestand": p.file,
            "regel": p.line,
            "kolom": p.col,
            "soort": "fout" if p.is_error else "waarschuwing",
            "regel-id": p.rule_id,
            "melding": p.message,
            **({"volgt uit": f"{cause.file}:{cause.line}"} if cause else {}),
        }
        for p in problems
    ]


def problems_panel(result: LoadResult) -> None:
    report = build_report(result)
    if not report.all_problems:
        return
    if report.errors:
        files = report.files_with_errors
        lines = [f"De inhoud bevat {report.errors} fout(en) in {len(files)} bestand(en)."]
        if report.causes:
            places = ", ".join(f"{p.file}:{p.line}" for p in report.causes[:SHOWN_CAUSES])
            more = f" en nog {len(report.causes) - SHOWN_CAUSES}" if len(report.causes) > SHOWN_CAUSES else ""
            lines.append(f"Eerst herstellen, niet (helemaal) geladen: {places}{more}.")
        if report.folded:
            lines.append(f"{report.folded} melding(en) volgen alleen uit die fout(en).")
        lines.append("De rest van de inhoud is wel beschikbaar.")
        st.error(md(" ".join(lines)), icon="⚠️")
    with st.expander(
        f"Meldingen voor redacteuren ({report.errors} fouten, {report.warnings} waarschuwingen)",
        expanded=bool(report.errors),
    ):
        shown = report.shown()
        if shown:
            st.dataframe(_rows(shown), hide_index=True, width="stretch")
        for number, group in enumerate(report.follow_ons):
            st.caption(md(group.summary()))
            if st.toggle("Toon ze", key=f"problems.follow-ons.{number}"):
                st.dataframe(_rows(group.problems, group.cause), hide_index=True, width="stretch")


def process_problems_banner(result: LoadResult, process: Process) -> None:
    """What is wrong in the file of the process on screen: file:line and rule of each problem."""
    own = [p for p in result.problems if p.file == process.place.file]
    if not own:
        return
    errors = sum(p.is_error for p in own)
    causes = {p: g.cause for g in build_report(result).follow_ons for p in g.problems}

    def line(p: Problem) -> str:
        cause = causes.get(p)
        after = f" (volgt uit de fout in {cause.file}:{cause.line})" if cause else ""
        return f"- {md(f'{p.file}:{p.line}')} · `{p.rule_id}` · {md(p.message + after)}"

    lines = [line(p) for p in own[:SHOWN_IN_BANNER]]
    if len(own) > SHOWN_IN_BANNER:
        lines.append(f"- … en nog {len(own) - SHOWN_IN_BANNER} (zie de meldingen op het overzicht)")
    head = f"Dit proces heeft {errors} fout(en) en {len(own) - errors} waarschuwing(en) in de inhoud:"
    (st.error if errors else st.warning)("\n".join([head, "", *lines]), icon=":material/build:")


def unloaded_process_notice(result: LoadResult, process_id: str) -> bool:
    """When the process in the URL did not load because its file is broken, say so; True if shown."""
    unloaded = result.unloaded_process(process_id)
    if unloaded is None:
        return False
    cause = unloaded.cause
    st.error(
        md(f"Het proces “{process_id}” kon niet worden geladen: het bestand {unloaded.file} bevat een fout. ")
        + f"Eerste fout, {md(f'{cause.file}:{cause.line}')} (`{cause.rule_id}`): {md(cause.message)}",
        icon=":material/build:",
    )
    st.caption(
        "Herstel de fout en sla het bestand op: bij de volgende keer laden toont deze pagina het proces weer. "
        "De andere processen werken gewoon."
    )
    return True
