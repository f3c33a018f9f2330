"""Everything the app caches, in one place: the content, loaded and checked once per content version,
and the data derived from it (layouts, drawings, indexes).

Everything is keyed on the content hash (file names, sizes and modification times), so an edited YAML
file shows on the next page load without a restart, and a click (which reruns the script) never
reloads, re-checks or lays out anything.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from collections.abc import Callable
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
from leidraad.model import Model, Process
from leidraad.queries.catalogue_usage import catalogue_usage
from leidraad.queries.index import ModelIndex, build_index
from leidraad.queries.organisation_profile import OrganisationProfile, organisation_profile
from leidraad.queries.reading_order import reading_order
from leidraad.queries.search import SearchIndex, build_search_index
from leidraad.quiz.generator import question_pool
from leidraad.quiz.templates import QuestionTemplate
from leidraad.rooms.config import database_url
from leidraad.rooms.questions import LiveQuestion, questions_of
from leidraad.rooms.store import RoomStore
from leidraad.versions.diff import diff_models
from leidraad.versions.ghosts import Comparison, compare_drawing
from leidraad.versions.git_source import (
    WORKTREE,
    Repository,
    Revision,
    VersionError,
    find_repository,
    last_review_commit,
    load_revision,
    resolve,
    revisions,
    version_stamp,
)

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
def _drawing(version: str, process_id: str, direction: str) -> Drawing | None:
    model = current_content().model
    process = model.processes.get(process_id)
    if process is None:
        return None
    geometry = layout_process(model, process, direction)
    numbers = {n.id: i for i, n in enumerate(reading_order(process), start=1)}
    svg = render_svg(geometry, title=process.title, mode="themed", numbers=numbers)
    return Drawing(geometry, svg, hashlib.sha256(svg.encode()).hexdigest())


def drawing(process_id: str, direction: str = "horizontal") -> Drawing | None:
    """The laid-out, rendered process in one orientation; None when it does not exist or cannot be
    laid out (the page then offers the text view; the cause goes to the log, not to the reader)."""
    try:
        return _drawing(content_version(), process_id, direction)
    except Exception:  # any layout failure must leave the page usable
        logging.getLogger(__name__).exception("layout of %s (%s) failed", process_id, direction)
        return None


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
def _export_bytes(
    version: str, process_id: str, kind: str, selected: str | None, faded: tuple[str, ...], direction: str
) -> bytes:
    model = current_content().model
    options = ExportOptions(selected, faded, direction)
    return export_process_file(model, model.processes[process_id], kind, options)


def export_bytes(
    process_id: str,
    kind: str,
    selected: str | None = None,
    faded: tuple[str, ...] = (),
    direction: str = "horizontal",
) -> bytes:
    """One download of the current content as bytes (see leidraad.exports.registry), cached per version."""
    return _export_bytes(content_version(), process_id, kind, selected, faded, direction)


@st.cache_data(max_entries=8, show_spinner="BPMN importeren…")
def _bpmn_preview(digest: str, _files: tuple[tuple[str, bytes], ...]) -> Preview:
    return import_preview(_files)


def bpmn_preview(digest: str, files: tuple[tuple[str, bytes], ...]) -> Preview:
    """The preview of uploaded BPMN files; `digest` (of their bytes) is the cache key."""
    return _bpmn_preview(digest, files)


# Versions for the Wijzigingen page and the feedback mail. A commit's content never changes, so
# those entries are keyed on commit ids; what git knows (commits, tags) is asked again after 30 s.


@st.cache_data(ttl=30, show_spinner=False)
def _repository(folder: str) -> Repository | None:
    return find_repository(folder)


def repository() -> Repository | None:
    return _repository(str(content_folder()))


@st.cache_data(ttl=30, show_spinner=False)
def _revisions(folder: str) -> tuple[list[Revision], str | None]:
    repo = find_repository(folder)
    if repo is None:
        return [], None
    return revisions(repo), last_review_commit(repo)


def content_revisions() -> tuple[list[Revision], str | None]:
    """Commits that touched the content (newest first) and the last review commit."""
    return _revisions(str(content_folder()))


@st.cache_data(ttl=30, show_spinner=False)
def _resolve(folder: str, rev: str) -> str:
    repo = find_repository(folder)
    if repo is None:
        raise VersionError("geen git-repository")
    return resolve(repo, rev)


def resolve_version(rev: str) -> str:
    """A version name from the URL -> a cache key: a commit id, or 'werkmap:<content version>'."""
    if rev == WORKTREE:
        return f"{WORKTREE}:{content_version()}"
    return _resolve(str(content_folder()), rev)


@st.cache_resource(max_entries=8, show_spinner="Versie uit git laden…")
def _version_model(folder: str, key: str) -> Model:
    if key.startswith(f"{WORKTREE}:"):
        return current_content().model
    repo = find_repository(folder)
    if repo is None:
        raise VersionError("geen git-repository")
    return load_revision(repo, key).model


def version_model(key: str) -> Model:
    return _version_model(str(content_folder()), key)


@st.cache_resource(max_entries=16, show_spinner="Versies vergelijken…")
def _version_diff(folder: str, old_key: str, new_key: str, old_label: str, new_label: str) -> dict:
    return diff_models(version_model(old_key), version_model(new_key), old_label, new_label)


def version_diff(old_key: str, new_key: str, old_label: str, new_label: str) -> dict:
    return _version_diff(str(content_folder()), old_key, new_key, old_label, new_label)


@st.cache_resource(max_entries=32, show_spinner="Diagram met wijzigingen tekenen…")
def _comparison(folder: str, old_key: str, new_key: str, labels: tuple[str, str], pid: str) -> Comparison | None:
    diff = version_diff(old_key, new_key, *labels)
    return compare_drawing(diff, version_model(old_key), version_model(new_key), pid)


def comparison(old_key: str, new_key: str, labels: tuple[str, str], pid: str) -> Comparison | None:
    return _comparison(str(content_folder()), old_key, new_key, labels, pid)


@st.cache_data(ttl=60, show_spinner=False)
def _version_stamp(folder: str, version: str) -> str:
    return version_stamp(folder)


def content_stamp() -> str:
    """'git 97a8ccb, inhoud-hash …' for the feedback mail (asked again after a minute: a commit does
    not change the files' modification times)."""
    return _version_stamp(str(content_folder()), content_version())


@st.cache_resource(max_entries=4, show_spinner=False)
def _search_index(version: str) -> SearchIndex:
    return build_search_index(current_content().model)


def search_index() -> SearchIndex:
    """The search index over every field a reader reads, built once per content version."""
    return _search_index(content_version())


@st.cache_resource(max_entries=256, show_spinner=False)
def _organisation_profile(version: str, org_id: str) -> OrganisationProfile:
    return organisation_profile(current_content().model, org_id, model_index().handovers)


def org_profile(org_id: str) -> OrganisationProfile:
    """An organisation's steps, handovers and catalogue entries, computed once per content version."""
    return _organisation_profile(content_version(), org_id)


@st.cache_resource(max_entries=4, show_spinner=False)
def _quiz_pool(version: str) -> list[QuestionTemplate]:
    return question_pool(current_content().model)


def quiz_pool() -> list[QuestionTemplate]:
    """Every quiz question the content gives, built once per content version (a rerun only picks)."""
    return _quiz_pool(content_version())


@st.cache_resource(max_entries=2, show_spinner=False)
def _room_store(url: str) -> RoomStore:
    return RoomStore(url)


def room_store() -> RoomStore:
    """One database connection pool per server process for the live rooms (schema migrated on first use)."""
    return _room_store(database_url())


@st.cache_resource(max_entries=64, show_spinner=False)
def _room_questions(version: str, kind: str, source: str) -> list[LiveQuestion] | None:
    return questions_of(current_content().model, kind, source)


def room_questions(kind: str, source: str) -> list[LiveQuestion] | None:
    """The questions of a live room, built once per content version (participants poll them often)."""
    return _room_questions(content_version(), kind, source)


@st.cache_resource(max_entries=128, show_spinner=False)
def _step_panels(
    version: str, process_id: str, context: tuple[str, ...], _build: Callable[[Model, Process], dict[str, str]]
) -> dict[str, str]:
    model = current_content().model
    process = model.processes.get(process_id)
    return _build(model, process) if process else {}


def step_panels(
    process_id: str, context: tuple[str, ...], build: Callable[[Model, Process], dict[str, str]]
) -> dict[str, str]:
    """The HTML panel of every step of a process (sent with its drawing, shown on a click at once),
    built by `build` once per content version and `context` (what else the panels show, such as the
    view the feedback mail links to)."""
    return _step_panels(content_version(), process_id, context, build)
