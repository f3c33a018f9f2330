"""Loading the content for the app: once per content version, so an edited YAML file shows on the
next page load without a restart, and a click never reloads or re-checks anything."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import streamlit as st

from leidraad.check import check_folder
from leidraad.load import LoadResult, content_hash

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
