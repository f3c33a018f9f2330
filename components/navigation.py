"""Where the pages live and how to move between them with the state in the URL."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

PROCES_URL = "proces"


def _page(render: Callable[[], None], title: str, url_path: str, icon: str, default: bool = False) -> st.Page:
    return st.Page(render, title=title, url_path=url_path, icon=icon, default=default)


def pages() -> dict[str, st.Page]:
    """The app's pages by url path; `app.py` hands them to st.navigation."""
    from components.pages import over, overzicht, proces

    return {
        "": _page(overzicht.render, "Overzicht", "overzicht", "🧭", default=True),
        PROCES_URL: _page(proces.render, "Proces", PROCES_URL, "🔀"),
        "over": _page(over.render, "Over", "over", "ℹ️"),
    }


def open_process(process_id: str, step: str | None = None) -> None:
    """Switch to the Proces page showing `process_id` (and `step`), as a link would."""
    params = {"proces": process_id}
    if step:
        params["stap"] = step
    st.session_state["proces.pending"] = (process_id, step)
    st.switch_page(pages()[PROCES_URL], query_params=params)


def query_param(name: str) -> str | None:
    value = st.query_params.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None
