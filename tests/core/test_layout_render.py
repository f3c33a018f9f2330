"""Geometry and SVG for every real process, and for a hostile one."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from leidraad.checks.folder import check_folder
from leidraad.drawing.layout import layout_process, wrap_label
from leidraad.drawing.overview import overview_svg
from leidraad.drawing.render import render_svg
from tests.conftest import CONTENT, FIXTURES

SVG_NS = "{http://www.w3.org/2000/svg}"


def _content_ids() -> list[str]:
    return sorted(check_folder(CONTENT).model.processes)


@pytest.fixture(scope="module")
def model():
    return check_folder(CONTENT).model


def _groups(svg: str) -> dict[str, ElementTree.Element]:
    root = ElementTree.fromstring(svg)
    return {g.get("id"): g for g in root.iter(f"{SVG_NS}g") if g.get("id")}


@pytest.mark.parametrize("direction", ["horizontal", "vertical"])
@pytest.mark.parametrize("process_id", _content_ids())
def test_geometry_and_svg_of_every_process(model, process_id: str, direction: str, dot_available) -> None:
    process = model.processes[process_id]
    geometry = layout_process(model, process, direction)
    vertical = direction == "vertical"
    assert geometry.direction == direction
    # every node is placed inside its own lane band, and lanes follow the declared order
    lanes = {lane.org: lane for lane in geometry.lanes}
    declared = [lane for lane in process.lanes if lane in lanes]
    assert [lane.org for lane in geometry.lanes][: len(declared)] == declared
    tops = [lane.box.x if vertical else lane.box.y for lane in geometry.lanes]
    assert tops == sorted(tops)
    for node in geometry.nodes:
        if node.type == "boundary":  # sits on the lower edge of its host, wherever the host is
            host = geometry.node(process.node(node.id).attached_to)
            assert abs(node.box.cy - (host.box.y + host.box.h)) < 1, node.id
            continue
        band = lanes[node.org].box
        if vertical:
            assert band.x - 1 <= node.box.cx <= band.x + band.w + 1, node.id
        else:
            assert band.y - 1 <= node.box.cy <= band.y + band.h + 1, node.id
    assert {n.id for n in process.nodes} <= {n.id for n in geometry.nodes}
    routed = {e.id for e in geometry.edges}
    assert {f.id for f in process.flows} <= routed
    # the SVG carries step ids on node groups, prefixed lane and edge ids, and org classes on edges
    groups = _groups(render_svg(geometry, title=process.title))
    for node in process.nodes:
        assert "node" in groups[node.id].get("class").split()
    for lane in geometry.lanes:
        assert f"lane-{lane.org}" in groups
        assert f"lane-head-{lane.org}" in groups
    for flow in process.flows:
        edge = groups[f"edge-{flow.id}"]
        assert edge.get("data-source") == flow.source
        assert "org-" in edge.get("class")


def test_hostile_labels_are_escaped_and_wrapped(dot_available) -> None:
    result = check_folder(FIXTURES / "hostile")
    assert [p for p in result.problems if p.is_error] == []
    model = result.model
    process = model.processes["vijandig"]
    geometry = layout_process(model, process)
    assert [lane.org for lane in geometry.lanes] == ["b", "a"]
    long_node = geometry.node("lang")
    assert len(long_node.lines) <= 5 and long_node.lines[-1].endswith("…")
    for mode in ("themed", "print"):
        svg = render_svg(geometry, title=process.title, mode=mode, selected="keuze", faded=["org-b"])
        root = ElementTree.fromstring(svg)  # well-formed XML despite the labels
        assert not list(root.iter(f"{SVG_NS}script")) and not list(root.iter("script"))
        assert not list(root.iter(f"{SVG_NS}img")) and "onerror=" not in svg.replace("onerror=alert", "")
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG_NS}tspan"))
        assert "<b>Nee</b>" in texts or "Nee</b>" in texts  # shown as text, not markup
        assert _groups(svg)["start"].get("data-label").startswith('Start "}"')


def test_print_mode_resolves_highlight_and_fade(model, dot_available) -> None:
    process = model.processes["vertrektermijn"]
    geometry = layout_process(model, process)
    first_task = next(n for n in process.nodes if n.type == "task")
    org = first_task.org
    svg = render_svg(geometry, mode="print", selected=first_task.id, faded=[f"org-{org}"])
    groups = _groups(svg)
    assert "selected" in groups[first_task.id].get("class").split()
    assert "faded" in groups[f"lane-{org}"].get("class").split()
    themed = render_svg(geometry, mode="themed", selected=first_task.id, faded=[f"org-{org}"])
    assert "selected" not in _groups(themed)[first_task.id].get("class").split()  # the browser toggles it
    assert "var(--st-text-color" in themed and "var(--st-" not in svg


def test_wrap_label_keeps_short_labels() -> None:
    assert wrap_label("Kort", 24) == ("Kort",)


def test_overview_has_one_clickable_box_per_process(model, dot_available) -> None:
    groups = _groups(overview_svg(model))
    for process in model.processes.values():
        assert "node-subprocess" in groups[process.id].get("class")
