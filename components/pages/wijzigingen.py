"""Wijzigingen: what changed between two versions of the content, per process on the diagram (added
green with +, changed amber with !, removed as red dashed, hatched ghosts with −) and as a list of
fields with their old and new value; every change links to its step.

`/wijzigingen?van=REV&naar=REV&proces=PID`: REV is a tag, a commit, `laatste-review` or `werkmap`
(the files as the app shows them). Without git the page explains what it needs.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from components.cache import (
    comparison,
    content_folder,
    content_revisions,
    repository,
    resolve_version,
    version_diff,
    version_model,
)
from components.diagram import process_diagram
from components.navigation import PROCES_URL, pages, query_param
from components.text import md
from leidraad.model import Model
from leidraad.versions.diff import Json, is_empty
from leidraad.versions.git_source import REVIEW, WORKTREE, Revision, VersionError
from leidraad.versions.report import Names, format_markdown, show

URL = "wijzigingen"
LEGEND = (
    ":green-badge[+ nieuw] groene dikke rand met een rond +-teken · "
    ":orange-badge[! gewijzigd] oranje dikke rand met een ruit met ! (ook: hernoemd) · "
    ":red-badge[− vervallen] rode gestreepte, gearceerde rand met een vierkant met −, op de plek waar de stap stond · "
    "stromen: dik groen (nieuw), dik oranje (gewijzigd), rood gestippeld (vervallen)"
)


def render() -> None:
    st.title("Wijzigingen")
    st.caption(
        "Wat is er veranderd tussen twee versies van de inhoud? Per proces op het diagram en als lijst van "
        "velden met hun oude en nieuwe waarde. De redactieraad beoordeelt alle wijzigingen eens per kwartaal."
    )
    if repository() is None:
        _without_git()
        return
    revs, review = content_revisions()
    if not revs:
        _without_git()
        return
    options, names = _options(revs, review)
    default_old = REVIEW if review else (_name(revs[1]) if len(revs) > 1 else _name(revs[0]))
    with st.container(horizontal=True, vertical_alignment="bottom"):
        old = _pick("Van versie", "van", options, names, default_old)
        new = _pick("Naar versie", "naar", options, names, WORKTREE)
    try:
        old_key, new_key = resolve_version(old), resolve_version(new)
        diff = version_diff(old_key, new_key, old, new)
        old_model, new_model = version_model(old_key), version_model(new_key)
    except VersionError as exc:
        st.error(f"Deze versies kunnen niet vergeleken worden: {exc}")
        return
    if is_empty(diff):
        st.success(f"Geen wijzigingen tussen {names.get(old, old)} en {names.get(new, new)}.", icon="✅")
        return
    _summary(diff, old_model, new_model, old, new)
    _process_section(diff, old_model, new_model, (old_key, new_key), (old, new))
    with st.expander("Alle wijzigingen als markdown (voor de changelog) en als JSON", expanded=False):
        text = format_markdown(diff, old_model, new_model)
        st.code(text, language="markdown")
        st.download_button(
            "JSON downloaden",
            json.dumps(diff, indent=2, ensure_ascii=False),
            file_name=f"wijzigingen-{old}-{new}.json".replace("/", "-"),
            mime="application/json",
        )


def _name(rev: Revision) -> str:
    return rev.tags[0] if rev.tags else rev.short


def _options(revs: list[Revision], review: str | None) -> tuple[list[str], dict[str, str]]:
    names = {WORKTREE: "Huidige inhoud (zoals de app hem toont)"}
    if review:
        names[REVIEW] = f"Laatste review ({review[:7]})"
    for rev in revs:
        names[_name(rev)] = rev.title
    return list(names), names


def _pick(label: str, param: str, options: list[str], names: dict[str, str], default: str) -> str:
    """A version chooser bound to the URL parameter `param`; an unknown value is reported, not guessed."""
    wanted = query_param(param) or default
    if wanted not in options:
        try:
            resolve_version(wanted)
            names[wanted] = f"{wanted} (opgegeven in de link)"
            options.insert(0, wanted)
        except VersionError as exc:
            st.warning(f"Versie “{wanted}” is onbekend ({exc}); “{names[default]}” wordt getoond.", icon="🔎")
            wanted = default
    key = f"wijzigingen-{param}"
    if st.session_state.get(f"{key}.url") != wanted:
        st.session_state[key] = wanted
        st.session_state[f"{key}.url"] = wanted
    chosen = st.selectbox(label, options, key=key, format_func=lambda o: names.get(o, o), width=420)
    st.query_params[param] = chosen
    st.session_state[f"{key}.url"] = chosen
    return str(chosen)


def _counts(entry: Json) -> str:
    steps, flows, handovers = entry["steps"], entry["flows"], entry["handovers"]
    bits = []
    for count, word in (
        (len(steps["added"]), "nieuw"),
        (len(steps["removed"]), "vervallen"),
        (len(steps["renamed"]), "hernoemd"),
        (len(steps["changed"]), "gewijzigd"),
    ):
        if count:
            bits.append(f"{count} {word}")
    parts = [f"stappen: {', '.join(bits)}"] if bits else []
    flow_bits = [
        f"{sign}{n}"
        for sign, n in (("+", len(flows["added"])), ("−", len(flows["removed"])), ("~", len(flows["changed"])))
        if n
    ]
    if flow_bits:
        parts.append("stromen " + " ".join(flow_bits))
    handover_bits = [
        f"{sign}{n}" for sign, n in (("+", len(handovers["added"])), ("−", len(handovers["removed"]))) if n
    ]
    if handover_bits:
        parts.append("overdrachten " + " ".join(handover_bits))
    if entry["fields"]:
        parts.append("procesvelden: " + ", ".join(entry["fields"]))
    return " · ".join(parts)


def _summary(diff: Json, old: Model, new: Model, van: str, naar: str) -> None:
    processes = diff["processes"]
    names = Names(old, new)
    st.subheader("Samenvatting per proces")
    rows: list[tuple[str, str, str]] = []
    rows += [(pid, "nieuw proces", "") for pid in processes["added"]]
    rows += [(pid, "vervallen proces", "") for pid in processes["removed"]]
    rows += [(pid, "gewijzigd", _counts(entry)) for pid, entry in processes["changed"].items()]
    if not rows:
        st.markdown("Geen procesinhoud gewijzigd.")
    for pid, what, counts in rows:
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.page_link(
                pages()[URL],
                label=f"{names.process(pid)} – {what}",
                query_params={"van": van, "naar": naar, "proces": pid},
                icon=":material/difference:",
            )
            if counts:
                st.caption(md(counts))
    rest = {**diff, "processes": {"added": [], "removed": [], "changed": {}}}
    if not is_empty(rest):
        text = format_markdown(rest, old, new, level=3)
        st.markdown(text.split("\n", 2)[2])


def _process_section(diff: Json, old: Model, new: Model, keys: tuple[str, str], labels: tuple[str, str]) -> None:
    processes = diff["processes"]
    changed = [*processes["changed"], *processes["added"], *processes["removed"]]
    if not changed:
        return
    pid = query_param("proces")
    if pid is not None and pid not in changed:
        known = pid in new.processes or pid in old.processes
        st.info(
            f"Het proces “{pid}” is tussen deze versies niet gewijzigd."
            if known
            else f"Het proces “{pid}” bestaat in geen van beide versies.",
            icon="🔎",
        )
        pid = None
    pid = pid or changed[0]
    names = Names(old, new)
    st.subheader(f"Proces: {names.process(pid)}")
    if pid in processes["added"]:
        st.markdown(":green-badge[+ nieuw proces] Alles in dit proces is nieuw.")
    if pid in processes["removed"]:
        st.markdown(":red-badge[− vervallen proces] Dit proces bestaat niet meer; zo zag het eruit.")
    art = comparison(keys[0], keys[1], labels, pid)
    if art is not None:
        clicked = process_diagram(
            art.svg, key=f"wijzigingen-{pid}", height=int(min(640, max(320, art.geometry.height * 0.6 + 48)))
        )
        st.caption(LEGEND)
        if clicked and clicked in art.marks:
            st.info(f"Geselecteerd: {md(names.step(pid, clicked))} – zie de lijst hieronder.", icon="👆")
    entry = processes["changed"].get(pid)
    if entry is not None:
        _field_list(pid, entry, names)
    if labels[1] != WORKTREE:
        st.caption("De links openen de stap in de huidige inhoud; die kan afwijken van de versie “naar”.")


def _step_link(pid: str, sid: str | None, label: str) -> None:
    params = {"proces": pid, **({"stap": sid} if sid else {})}
    st.page_link(pages()[PROCES_URL], label=label, query_params=params, icon=":material/arrow_forward:")


def _table(changes: dict[str, list[Any]]) -> str:
    def cell(value: Any) -> str:
        return md(show(value)).replace("\n", " ")

    rows = [f"| {md(field)} | {cell(old)} | {cell(new)} |" for field, (old, new) in changes.items()]
    return "| veld | oud | nieuw |\n|---|---|---|\n" + "\n".join(rows)


def _flow(names: Names, pid: str, fid: str) -> str:
    """A flow as 'from → to (when)', found in the new version first; its id as code."""
    for model in names.models:
        process = model.processes.get(pid)
        flow = next((f for f in process.flows if f.id == fid), None) if process else None
        if flow is not None:
            target = names.step_ref(flow.target if flow.crosses_process else f"{pid}/{flow.target}", pid)
            when = f" ({flow.when})" if flow.when else ""
            return f"**{md(names.label(pid, flow.source))} → {md(target)}{md(when)}** `{fid.replace('`', '')}`"
    return f"`{fid.replace('`', '')}`"


def _field_list(pid: str, entry: Json, names: Names) -> None:
    st.markdown("#### Wijzigingen in de lijst")
    steps, flows = entry["steps"], entry["flows"]
    if entry["fields"]:
        st.markdown("**Procesvelden**\n\n" + _table(entry["fields"]))
    for sid in steps["added"]:
        st.markdown(f":green-badge[+ nieuw] stap **{md(names.step(pid, sid))}**")
        _step_link(pid, sid, "Open de stap")
    renamed = {new: old for old, new in steps["renamed"]}
    for sid in sorted(set(steps["changed"]) | set(renamed)):
        note = f" (hernoemd: {md(renamed[sid])} → {md(sid)})" if sid in renamed else ""
        st.markdown(f":orange-badge[! gewijzigd] stap **{md(names.step(pid, sid))}**{note}")
        if sid in steps["changed"]:
            st.markdown(_table(steps["changed"][sid]))
        _step_link(pid, sid, "Open de stap")
    for sid in steps["removed"]:
        st.markdown(f":red-badge[− vervallen] stap **{md(names.step(pid, sid))}**")
        _step_link(pid, None, "Open het proces")
    for key, badge in (("added", ":green-badge[+ nieuw]"), ("removed", ":red-badge[− vervallen]")):
        for fid in flows[key]:
            st.markdown(f"{badge} stroom {_flow(names, pid, fid)}")
            _step_link(pid, fid.split("__", 1)[0] if key == "added" else None, "Open de stap waar de stroom begint")
    for fid, changes in flows["changed"].items():
        st.markdown(f":orange-badge[! gewijzigd] stroom {_flow(names, pid, fid)}\n\n" + _table(changes))
        _step_link(pid, fid.split("__", 1)[0], "Open de stap waar de stroom begint")
    for key, word in (("added", "nieuwe overdracht"), ("removed", "vervallen overdracht")):
        for a, b in entry["handovers"][key]:
            st.markdown(f"- {word}: {md(names.step_ref(a, pid))} → {md(names.step_ref(b, pid))}")


def _without_git() -> None:
    folder = content_folder()
    st.info(
        "Deze pagina vergelijkt versies uit **git**, maar de inhoud staat hier in een gewone map "
        f"(`{md(str(folder))}`) zonder git-geschiedenis, of git is niet geïnstalleerd.\n\n"
        "Nodig: git (`apt-get install git`) en de map `processes/` in een git-repository, bijvoorbeeld een "
        "`git clone` van de Procesverkenner. Tags per kwartaal (`v2026-Q3`) en de review-datums maken de "
        "versies herkenbaar.\n\n"
        "Zonder git kun je twee mappen vergelijken op de opdrachtregel: `leidraad diff OUDE_MAP NIEUWE_MAP` "
        "(ook `--markdown` of `--json`).",
        icon="ℹ️",
    )
