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
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from leidraad.checks.folder import check_folder
from leidraad.content.load import LoadResult, content_hash
from leidraad.drawing.handover_map import Matrix, chain_map_svg, handover_matrix, matrix_svg
from leidraad.drawing.layout import Geometry, layout_process
from leidraad.drawing.overview import overview_svg
from leidraad.drawing.render import render_svg
from leidraad.exports.import_preview import Preview, import_preview
from leidraad.exports.registry import ExportOptions, export_process_file
from leidraad.queries.catalogue_usage import catalogue_usage
from leidraad.queries.index import ModelIndex, build_index
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


@st.cache_resource(max_entries=4, show_spinner=False)
def _index(version: str) -> ModelIndex:
    return build_index(current_content().model)


def model_index() -> ModelIndex:
    return _index(content_version())


@st.cache_resource(max_entries=4, show_spinner=False)
def _catalogue_usage(version: str) -> dict[str, list[str]]:
    return catalogue_usage(current_content().model)


def catalogue_usage_index() -> dict[str, list[str]]:
    """'catalogue/id' -> the steps ('process/step') that refer to it."""
    return _catalogue_usage(content_version())


@st.cache_resource(max_entries=4, show_spinner=False)
def _handover_drawings(version: str) -> tuple[Matrix, str, str]:
    model = current_content().model
    matrix = handover_matrix(model)
    return matrix, matrix_svg(model, matrix), chain_map_svg(model, matrix)


def handover_drawings() -> tuple[Matrix, str, str]:
    """The handover matrix of the chain, its SVG and the chain map."""
    return _handover_drawings(content_version())


@st.cache_data(max_entries=64, show_spinner=False)
def _export_bytes(version: str, process_id: str, kind: str, selected: str | None, faded: tuple[str, ...]) -> bytes:
    model = current_content().model
    return export_process_file(model, model.processes[process_id], kind, ExportOptions(selected, faded))


def export_bytes(process_id: str, kind: str, selected: str | None = None, faded: tuple[str, ...] = ()) -> bytes:
    """One download of the current content as bytes (see leidraad.exports.registry), cached per version."""
    return _export_bytes(content_version(), process_id, kind, selected, faded)


@st.cache_data(max_entries=8, show_spinner="BPMN importeren…")
def _bpmn_preview(digest: str, _files: tuple[tuple[str, bytes], ...]) -> Preview:
    return import_preview(_files)


def bpmn_preview(digest: str, files: tuple[tuple[str, bytes], ...]) -> Preview:
    """The preview of uploaded BPMN files; `digest` (of their bytes) is the cache key."""
    return _bpmn_preview(digest, files)
