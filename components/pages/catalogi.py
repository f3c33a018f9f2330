"""Catalogi: overlegvormen, opvangvormen, informatie-uitwisseling, doelgroepen and begrippen; each
entry with its facts and every step that refers to it."""

from __future__ import annotations

import streamlit as st

from components.cache import catalogue_usage_index, current_content
from components.navigation import page_link, query_param, step_link
from components.panels.step import org_label
from components.text import md, md_link
from leidraad.model import CATALOGUE_KINDS, NODE_CATALOGUE_FIELDS, CatalogueEntry, Model

KIND_TITLES = {
    "overlegvormen": "Overlegvormen",
    "opvangvormen": "Opvangvormen",
    "informatie-uitwisseling": "Informatie-uitwisseling",
    "doelgroepen": "Doelgroepen",
    "begrippen": "Begrippen",
}
FIELD_OF_KIND = {kind: field for field, kind in NODE_CATALOGUE_FIELDS.items()}


def render() -> None:
    model = current_content().model
    st.title("Catalogi")
    kind = query_param("soort") or "begrippen"
    if kind not in CATALOGUE_KINDS:
        st.warning(f"De catalogus “{kind}” bestaat niet; de begrippenlijst wordt getoond.", icon="🔎")
        kind = "begrippen"
    chosen = st.segmented_control(
        "Catalogus",
        CATALOGUE_KINDS,
        default=kind,
        format_func=lambda k: KIND_TITLES[k],
        label_visibility="collapsed",
        key="catalogus-soort",
    )
    kind = chosen or kind
    if kind != query_param("soort"):
        st.query_params["soort"] = kind
        st.query_params.pop("id", None)
    entries = model.catalogues[kind]
    entry_id = query_param("id")
    if entry_id and entry_id not in entries:
        st.warning(f"“{entry_id}” staat niet in {KIND_TITLES[kind].lower()}.", icon="🔎")
        entry_id = None
    usage = catalogue_usage_index()
    if entry_id:
        _entry(model, entries[entry_id], usage.get(f"{kind}/{entry_id}", []), expanded=True)
        st.divider()
    st.caption(f"{len(entries)} items")
    for entry in sorted(entries.values(), key=lambda e: e.name.casefold()):
        if entry.id != entry_id:
            _entry(model, entry, usage.get(f"{kind}/{entry.id}", []), expanded=False)


def _entry(model: Model, entry: CatalogueEntry, used_in: list[str], expanded: bool) -> None:
    title = f"{entry.name} ({entry.abbreviation})" if entry.abbreviation else entry.name
    with st.expander(title, expanded=expanded):
        parts = []
        if entry.outdated:
            parts.append(f":red-badge[Verouderd] {md(entry.outdated)}")
        if entry.unconfirmed:
            parts.append(f":orange-badge[Niet bevestigd] {md(entry.unconfirmed)}")
        if entry.description:
            parts.append(md(entry.description))
        if entry.facts:
            parts.append("\n".join(f"- {md(f)}" for f in entry.facts))
        meta = []
        if entry.level:
            meta.append(f"**Niveau:** {entry.level}")
        if entry.participants:
            meta.append("**Deelnemers:** " + ", ".join(md(org_label(model, o)) for o in entry.participants))
        if entry.chair:
            meta.append(f"**Voorzitter/regie:** {md(org_label(model, entry.chair))}")
        if entry.frequency:
            meta.append(f"**Frequentie:** {md(entry.frequency)}")
        if entry.run_by:
            meta.append(f"**Beheerd door:** {md(org_label(model, entry.run_by))}")
        if entry.legal_basis:
            meta.append("**Wettelijke basis:** " + "; ".join(md(b) for b in entry.legal_basis))
        if entry.time_limit:
            meta.append(f"**Termijn:** {md(entry.time_limit)}")
        if entry.target_groups:
            names = [model.catalogue_entry("doelgroepen", t) for t in entry.target_groups]
            meta.append(
                "**Doelgroepen:** "
                + ", ".join(md(n.name) if n else md(t) for n, t in zip(names, entry.target_groups, strict=True))
            )
        parts += meta
        if entry.sources:
            parts.append("**Bronnen:** " + ", ".join(md_link(f"[{i}]", u) for i, u in enumerate(entry.sources, 1)))
        st.markdown("\n\n".join(parts))
        for related in entry.related:
            other_kind, _, other_id = related.partition("/")
            other = model.catalogue_entry(other_kind, other_id)
            if other:
                page_link("catalogi", f"Zie ook: {other.name}", icon=":material/link:", soort=other_kind, id=other_id)
        if used_in:
            st.markdown(f"**Komt voor in {len(used_in)} stap{'pen' if len(used_in) != 1 else ''}:**")
            for ref in used_in:
                resolved = model.resolve_step(ref)
                if resolved:
                    process, node = resolved
                    step_link(f"{node.label} · {process.title}", ref)
        else:
            st.caption("Geen stap verwijst (nog) naar dit item.")
