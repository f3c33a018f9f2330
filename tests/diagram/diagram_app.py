"""A tiny app around `process_diagram` for the AppTest and browser tests (no other app imports).

Query parameters: `n=<count>` draws a generated diagram with that many steps instead of the
hand-written sample; `node=<id>` is a deep link (passed as `selected`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from components.diagram import process_diagram  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "diagram" / "sample.svg"
PATH = ["start", "intake", "beslis", "opvang", "samen"]
ORGS = ["dtv", "coa", "ind", "kmar"]


@st.cache_data
def big_svg(n: int) -> str:
    """n task steps in four lanes, a chain with a skip every fifth step, in the renderer's conventions."""
    lane_h, step_w = 160, 170
    width, height = 140 + step_w * n, lane_h * len(ORGS)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ltv-diagram" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><style>.ltv-diagram text{{fill:var(--st-text-color);font-size:10px}}'
        ".ltv-diagram .shape{fill:var(--st-background-color);stroke:var(--st-text-color)}"
        '.ltv-diagram .edge path{fill:none;stroke:var(--st-text-color)}</style><g class="lanes">'
    ]
    for i, org in enumerate(ORGS):
        parts.append(
            f'<g class="lane org-{org}" id="lane-{org}"><rect class="lane-band static" x="0" y="{i * lane_h}" '
            f'width="{width}" height="{lane_h}" fill="none"/><text class="static" x="10" y="{i * lane_h + 80}">'
            f"{org.upper()}</text></g>"
        )
    parts.append('</g><g class="edges">')

    def centre(i: int) -> tuple[int, int]:
        return 140 + i * step_w + 60, (i % len(ORGS)) * lane_h + 80

    def edge(a: int, b: int) -> str:
        (x1, y1), (x2, y2) = centre(a), centre(b)
        orgs = f"org-{ORGS[a % len(ORGS)]} org-{ORGS[b % len(ORGS)]}"
        return (
            f'<g class="edge {orgs} handover" id="edge-f{a}-{b}" data-source="s{a}" data-target="s{b}">'
            f'<path d="M{x1 + 60},{y1} C{x1 + 100},{y1} {x2 - 100},{y2} {x2 - 68},{y2}"/>'
            f'<polygon class="arrow" points="{x2 - 60},{y2} {x2 - 68},{y2 - 4} {x2 - 68},{y2 + 4}"/></g>'
        )

    for i in range(n - 1):
        parts.append(edge(i, i + 1))
        if i % 5 == 0 and i + 2 < n:
            parts.append(edge(i, i + 2))
    parts.append('</g><g class="nodes">')
    for i in range(n):
        x, y = centre(i)
        org = ORGS[i % len(ORGS)]
        parts.append(
            f'<g class="node node-task org-{org}" id="s{i}" data-label="Stap {i}: beoordelen en vastleggen">'
            f'<title>Stap {i}</title><rect class="shape" x="{x - 60}" y="{y - 25}" width="120" height="50" '
            f'rx="10"/><text x="{x}" y="{y + 4}" text-anchor="middle">Stap {i}</text></g>'
        )
    parts.append("</g></svg>")
    return "".join(parts)


st.set_page_config(page_title="Diagram", layout="wide")
count = st.query_params.get("n")
svg = big_svg(int(count)) if count else SAMPLE.read_text(encoding="utf-8")
fade = st.checkbox("Vervaag COA", key="fade")
show_path = st.checkbox("Toon pad", key="show_path")
if st.button("Kies einde"):
    st.session_state["pick"] = "einde"
caller = st.session_state.get("pick") or st.query_params.get("node")
log: list[str] = st.session_state.setdefault("select_log", [])
if st.checkbox("Verberg diagram", key="hide"):  # like a page switch: the component's widget state is dropped
    selected = st.session_state.get("diagram.selected")
else:
    selected = process_diagram(
        svg,
        key="diagram",
        selected=caller,
        path=PATH if show_path else (),
        faded=["org-coa"] if fade else (),
        height=480,
        on_select=log.append,
    )
if selected:
    st.query_params["node"] = selected
st.write(f"Geselecteerd: {selected or 'geen'}")
st.write(f"Callbacks: {' '.join(log) or 'geen'}")
