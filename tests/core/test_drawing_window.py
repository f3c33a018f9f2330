"""The window the case hand-out prints of each walked process: it holds the walked steps, cuts no
shape or label, covers whole lanes, and the drawing inside it keeps nothing from outside."""

from __future__ import annotations

import pytest

from leidraad.drawing.geometry import Box, Geometry
from leidraad.drawing.layout import layout_process
from leidraad.drawing.window import steps_window, within


def boxes(geometry: Geometry) -> list[Box]:
    out = [n.box for n in geometry.nodes]
    out += [n.label_box for n in geometry.nodes if n.label_box]
    out += [e.label_box for e in geometry.edges if e.label_box]
    return out


def straddles(box: Box, window: Box) -> bool:
    def cut(lo: float, hi: float, at: float) -> bool:
        return lo + 0.01 < at < hi - 0.01

    return any(
        [
            cut(box.x, box.x + box.w, window.x) and box.y < window.y + window.h and box.y + box.h > window.y,
            cut(box.x, box.x + box.w, window.x + window.w) and box.y < window.y + window.h and box.y + box.h > window.y,
            cut(box.y, box.y + box.h, window.y) and box.x < window.x + window.w and box.x + box.w > window.x,
            cut(box.y, box.y + box.h, window.y + window.h) and box.x < window.x + window.w and box.x + box.w > window.x,
        ]
    )


def walks(model) -> list[tuple[str, str, list[str]]]:
    return [
        (scenario.id, process, [s.node for s in scenario.steps if s.process == process])
        for scenario in model.scenarios.values()
        for process in dict.fromkeys(s.process for s in scenario.steps)
    ]


@pytest.mark.parametrize("direction", ["horizontal", "vertical"])
def test_every_walk_of_every_case_gets_a_clean_window(content_model, direction: str) -> None:
    model = content_model.model
    assert walks(model)
    for scenario, process_id, walked in walks(model):
        geometry = layout_process(model, model.processes[process_id], direction=direction)
        window = steps_window(geometry, walked)
        assert window is not None, (scenario, process_id)
        where = f"{scenario} / {process_id} ({direction})"
        for n in geometry.nodes:
            if n.id in walked:
                assert window.x <= n.box.x and n.box.x + n.box.w <= window.x + window.w, where
                assert window.y <= n.box.y and n.box.y + n.box.h <= window.y + window.h, where
        assert not [b for b in boxes(geometry) if straddles(b, window)], where
        # whole lanes across the flow: every lane a walked step is in lies in the window whole
        walked_orgs = {n.org for n in geometry.nodes if n.id in walked}
        for lane in geometry.lanes:
            if lane.org in walked_orgs:
                if direction == "vertical":
                    assert window.x <= lane.box.x and lane.box.x + lane.box.w <= window.x + window.w, where
                else:
                    assert window.y <= lane.box.y and lane.box.y + lane.box.h <= window.y + window.h, where
        inside = within(geometry, window)
        assert {n.id for n in inside.nodes} >= set(walked), where
        assert all(not straddles(n.box, window) for n in inside.nodes), where
        assert len(inside.nodes) < len(geometry.nodes) or window.w >= geometry.width - 1, where


def test_no_window_for_steps_that_are_not_drawn(content_model) -> None:
    model = content_model.model
    geometry = layout_process(model, model.processes["vris"])
    assert steps_window(geometry, ["not-a-step"]) is None
