"""Graph queries on the fixture content: handovers, steps per organisation, paths."""

from __future__ import annotations

import pytest

from leidraad.checks.folder import check_folder
from leidraad.queries.graph import (
    chain_graph,
    handovers,
    handovers_between,
    next_steps,
    paths,
    previous_steps,
    steps_of_org,
)
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def model():
    result = check_folder(FIXTURES / "check" / "base")
    assert result.problems == []
    return result.model


def test_handovers_are_derived_from_flows_between_organisations(model) -> None:
    found = {(h.from_step, h.to_step, h.from_org, h.to_org, h.what, h.via) for h in handovers(model)}
    assert found == {("basis/taak", "basis/keuze", "a", "b", "Dossier", "kanaal")}


def test_handovers_between_filters_by_direction(model) -> None:
    assert len(handovers_between(model, "a", "b")) == 1
    assert handovers_between(model, "b", "a") == []


def test_cross_process_flow_and_calls_link_the_chain(model) -> None:
    g = chain_graph(model)
    assert g.has_edge("basis/keuze", "tweede/start")
    kinds = {d["kind"] for _, _, d in g.out_edges("tweede/sub", data=True)}
    assert "calls" in kinds
    assert "tweede/eind" in next_steps(model, "basis/eind")  # returns from the called process
    assert previous_steps(model, "basis/keuze") == ["basis/taak"]


def test_steps_of_org_lists_responsible_steps_in_order(model) -> None:
    steps = [(s.process, s.step, s.role) for s in steps_of_org(model, "a")]
    assert steps == [("basis", "start", "verantwoordelijk"), ("basis", "taak", "verantwoordelijk")]


def test_paths_from_start_to_end(model) -> None:
    # 'keuze' also leaves the process (to 'tweede'), so the path up to it counts too
    assert sorted(paths(model.processes["basis"])) == [["start", "taak", "keuze"], ["start", "taak", "keuze", "eind"]]
