"""Presenter controls: clicker keys (PageDown/PageUp, space) and a Fullscreen button, as a small
`st.components.v2` component. Returns the action of the key pressed in this run, if any."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

_HERE = Path(__file__).resolve().parent
_component = st.components.v2.component(
    "ltv_presenter_keys",
    html=(_HERE / "presenter.html").read_text(encoding="utf-8"),
    css=(_HERE / "presenter.css").read_text(encoding="utf-8"),
    js=(_HERE / "presenter.js").read_text(encoding="utf-8"),
    isolate_styles=True,
)


def presenter_keys(*, key: str, on_action: Callable[[str], None]) -> None:
    """Listen for clicker keys on the whole page; `on_action('next'|'prev'|'reveal')` runs before the rerun."""

    def _on_key() -> None:
        value = (st.session_state.get(key) or {}).get("key")
        if not (isinstance(value, dict) and value.get("action") in ("next", "prev", "reveal")):
            return
        # One key press, one action: a fragment that reruns on a timer (a live room) can send the same
        # trigger again before the full rerun has cleared it.
        seen = f"{key}.seq"
        if value.get("seq") is not None and st.session_state.get(seen) == value["seq"]:
            return
        st.session_state[seen] = value.get("seq")
        on_action(value["action"])

    _component(key=key, data={}, on_key_change=_on_key, height="content")
