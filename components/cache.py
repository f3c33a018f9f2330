"""Everything the app caches, in one place: the content, loaded and checked once per content version,
and the data derived from it (layouts, drawings, indexes).

Everything is keyed on the content hash (file names, sizes and modification times), so an edited YAML
file shows on the next page load without a restart, and a click (which reruns the script) never
reloads, re-checks or lays out anything.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from leidraad.checks.folder import check_folder
from leidraad.content.load import LoadResult, content_hash
from leidraad.drawing.layout import Geometry, layout_process
from leidraad.drawing.overview import overview_svg
from leidraad.drawing.render import render_svg
from leidraad.queries.graph import HandoverRecord, chain_graph, handovers
from leidraad.queries.reading_order import reading_order

CONTENT_ENV = "LTV_CONTENT"
DEFAULT_CONTENT = Path(__file__).resolve().parent.parent / "processes"


def content_folder() -> Path:
    return Path(os.environ.get(CONTENT_ENV) or DEFAULT_CONTENT)


@st.cache_resource(max_entries=4, show_spinner="Inhoud laden en controleren…")
def _load(folder: str, version: str) -> LoadResult:
    # `version` is only part of the cache key: a new hash means new content.
    result = check_folder(folder)
    # The model lives as long as this content version: keep the garbage collector from walking it
    # again on every click (a full collection over it paused reruns for tens of milliseconds).
    gc.collect()
    gc.freeze()
    return result


def current_content() -> LoadResult:
    folder = content_folder()
    return _load(str(folder), content_hash(folder))


def content_version() -> str:
    return content_hash(content_folder())


@dataclass(frozen=True)
class Drawing:
    geometry: Geometry
    svg: str
    digest: str


@st.cache_resource(max_entries=128, show_spinner=False)
def _drawing(version: str, process_id: str) -> Drawing | None:
    model = current_content().model
    process = model.processes.get(process_id)
    if process is None:
        return None
    geometry = layout_process(model, process)
    numbers = {n.id: i for i, n in enumerate(reading_order(process), start=1)}
    svg = render_svg(geometry, title=process.title, mode="themed", numbers=numbers)
    return Drawing(geometry, svg, hashlib.sha256(svg.encode()).hexdigest())


def drawing(process_id: str) -> Drawing | None:
    return _drawing(content_version(), process_id)


@st.cache_resource(max_entries=4, show_spinner=False)
def _overview(version: str) -> str:
    return overview_svg(current_content().model)


def overview() -> str:
    return _overview(content_version())


@dataclass
class ModelIndex:
    """Lookups the step panel needs, built once per content version."""

    handovers: list[HandoverRecord] = field(default_factory=list)
    handovers_out: dict[str, list[HandoverRecord]] = field(default_factory=lambda: defaultdict(list))
    handovers_in: dict[str, list[HandoverRecord]] = field(default_factory=lambda: defaultdict(list))
    successors: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    predecessors: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    abbreviations: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # abbr -> (kind, id, name)


@st.cache_resource(max_entries=4, show_spinner=False)
def _index(version: str) -> ModelIndex:
    model = current_content().model
    index = ModelIndex(handovers=handovers(model))
    for h in index.handovers:
        index.handovers_out[h.from_step].append(h)
        index.handovers_in[h.to_step].append(h)
    g = chain_graph(model)
    for a, b, data in g.edges(data=True):
        kind = data.get("kind", "flow")
        if (b, kind) not in index.successors[a]:
            index.successors[a].append((b, kind))
        if (a, kind) not in index.predecessors[b]:
            index.predecessors[b].append((a, kind))
    # Glossary first, so an abbreviation explained there wins over the same one elsewhere.
    for kind in ("begrippen", *[k for k in model.catalogues if k != "begrippen"]):
        for entry in model.catalogues[kind].values():
            if entry.abbreviation and entry.abbreviation.casefold() != entry.name.casefold():
                index.abbreviations.setdefault(entry.abbreviation, (kind, entry.id, entry.name))
    return index


def model_index() -> ModelIndex:
    return _index(content_version())
