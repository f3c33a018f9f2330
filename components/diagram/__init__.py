"""Clickable process diagram: a Streamlit custom component (``st.components.v2``, no iframe, no build).

Self-contained on purpose: it imports nothing from the rest of the app, so it can be tested alone.
The browser side (``diagram.js``/``.css``/``.html``, read from disk at import) pans, zooms, moves the
keyboard focus along the flows and highlights the selection at once; Python learns the clicked id.

Data sent to the browser (JSON)::

    {"hash": sha256 hex of the svg and panels, "svg": only while the browser does not report holding
     that hash, "panels": {step id: html, "": html without a selection} (sent with the svg),
     "held": the hash Python believes the browser holds,
     "select": {"id": step id or null, "n": number, "ack": seq of the last click Python had seen},
     "path": [ids], "faded": [ids or classes], "height": px (at most), "fill": bool,
     "mode": "explore" | "present", "panel": bool}

Sent back: state ``held`` (the drawing's hash once the browser holds it, null when it lost it),
trigger ``click`` ``{"id", "seq"}`` (``seq`` grows with every click) and trigger ``go``
``{"ref": "process/step", "seq"}`` for a link in the panel.

The step panel is HTML that comes with the drawing (``panels``, built and escaped by the caller), so a
click shows it in the browser at once; Python only learns the click to keep the URL true.

View: the initial zoom makes the smallest step label 12.5 CSS px (16.5 in ``mode="present"``), the
box is only as tall as the drawing needs at that zoom (within ``height`` and the window), the lane
headers sit in a strip of their own, and a minimap shows the visible area when the drawing is larger
than its box.

Why ``select`` is not simply "the current selection": a click must not change ``data``. Then the
element of a click's rerun is byte-identical to the previous one, and Streamlit's ForwardMsg cache
(messages of >= 10 kB; the JS/CSS ride along in every element) sends a reference of ~100 bytes
instead of the element; the browser does not even re-run the JS. The browser already shows what was
clicked. ``select`` changes only when Python sets the selection (deep link, ``selected`` argument,
``session_state``) or the component is mounted afresh; the browser applies a new ``n`` only when
``ack`` >= its latest click's ``seq``, so a rerun that started before a click never undoes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import streamlit as st

__all__ = ["COMPONENT_NAME", "process_diagram", "svg_hash"]

COMPONENT_NAME = "ltv_process_diagram"
_HERE = Path(__file__).resolve().parent


def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


# Inline strings, sent with the element on every rerun that changes `data` (a click does not). They
# must stay multi-line: Streamlit takes a one-line css/js string with "/" or "*" in it for an asset path.
JS = _asset("diagram.js")
CSS = _asset("diagram.css")
HTML = _asset("diagram.html")

_component = st.components.v2.component(COMPONENT_NAME, html=HTML, css=CSS, js=JS, isolate_styles=True)


def svg_hash(svg: str, panels: Mapping[str, str] | None = None) -> str:
    """The content hash the browser keeps a drawing under (sha256 hex of the SVG text and panels)."""
    digest = hashlib.sha256(svg.encode("utf-8"))
    if panels:
        digest.update(json.dumps(dict(panels), sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def process_diagram(
    svg: str,
    *,
    key: str,
    selected: str | None = None,
    path: Sequence[str] = (),
    faded: Sequence[str] = (),
    height: int = 560,
    on_select: Callable[[str], None] | None = None,
    panels: Mapping[str, str] | None = None,
    on_go: Callable[[str], None] | None = None,
    mode: str = "explore",
    fill: bool = False,
) -> str | None:
    """Show a clickable process diagram and return the selected step id (or None).

    The selection lives in the plain session key ``f"{key}.selected"`` (it survives page switches).
    ``selected`` wins when it differs from what the caller passed last time (deep links, programmatic
    selection) and from what this function returned last run (an echo, e.g. through ``?node=``, may
    arrive after a newer click), unless a click arrived in this very run (the browser sent the address
    it had then together with the click); otherwise the last click wins. ``on_select(id)`` runs in
    the click callback, before the rerun. ``path`` marks steps and the flows between consecutive
    ones (class ``on-path``);
    ``faded`` fades every lane/step/flow whose id or one of whose classes is listed (``org-coa``),
    plus flows from or to a listed step id. Nothing is laid out again: only classes change.
    ``panels`` (step id -> trusted HTML) are shown beside or below the drawing on a click, without a
    round trip; a link ``<a data-go="process/step">`` in them calls ``on_go(ref)``. ``mode="present"``
    enlarges the initial view for a projector and brings ``path`` and the selection into view on
    every change; ``fill`` makes the box reach the bottom of the window.
    """
    state = st.session_state
    sel_key = f"{key}.selected"
    caller_key, returned_key = f"{key}._caller", f"{key}._returned"
    shown_key, select_key = f"{key}._shown", f"{key}._select"
    ack_key, held_key = f"{key}._ack", f"{key}._held"
    clicked_key = f"{key}._clicked"

    clicked_now = state.pop(clicked_key, False)
    if sel_key not in state:
        state[sel_key] = selected
    elif clicked_now:
        # A click in this run is newer than anything the caller passes: the browser sent its address
        # (where a caller keeps the selection) together with the click, so it predates the click. With
        # rapid clicks that address can even be two runs old.
        pass
    elif selected != state.get(caller_key) and selected != state.get(returned_key):
        # A new wish of the caller. Passing back what we returned last run (echoing the selection
        # into a query parameter, say) is not one: it may arrive after a newer click.
        state[sel_key] = selected
    state[caller_key] = selected
    current = state[sel_key]

    # Widget state is dropped when the component was not shown in the previous run (page switch): the
    # browser then mounts it afresh and must be told the selection again.
    mounted = key in state
    select = state.get(select_key)
    if select is None or not mounted or current != state.get(shown_key):
        select = {"id": current, "n": (select or {}).get("n", 0) + 1, "ack": state.get(ack_key, 0)}
        state[select_key] = select
        state[shown_key] = current

    def _on_click() -> None:
        clicked = (state.get(key) or {}).get("click")
        if not isinstance(clicked, dict) or not isinstance(clicked.get("id"), str):
            return
        state[sel_key] = state[shown_key] = clicked["id"]
        state[clicked_key] = True
        state[ack_key] = max(int(clicked.get("seq") or 0), state.get(ack_key, 0))
        if on_select is not None:
            on_select(clicked["id"])

    def _on_go() -> None:
        target = (state.get(key) or {}).get("go")
        if on_go is not None and isinstance(target, dict) and isinstance(target.get("ref"), str):
            on_go(target["ref"])

    def _on_held() -> None:
        state[held_key] = (state.get(key) or {}).get("held")

    digest = svg_hash(svg, panels)
    held = state.get(held_key)
    data: dict[str, object] = {
        "hash": digest,
        "held": held,
        "select": select,
        "path": list(path),
        "faded": sorted(set(faded)),
        "height": int(height),
        "fill": bool(fill),
        "mode": mode,
        "panel": panels is not None,
    }
    if held != digest:
        data["svg"] = svg
        data["panels"] = dict(panels or {})
    _component(key=key, data=data, on_click_change=_on_click, on_held_change=_on_held, on_go_change=_on_go)
    state[returned_key] = state[sel_key]
    return state[sel_key]
