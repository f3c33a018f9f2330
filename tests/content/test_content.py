"""The real content: strict-valid, every Leidraad page cited, every step sourced and owned, every
organisation playing a part, the chain walkable for the cases a trainer would show."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pytest

from leidraad.queries.graph import chain_graph, handovers
from leidraad.queries.stats import model_stats
from tests.conftest import ROOT, url_list

LEIDRAAD_PAGES = ROOT / "tests" / "data" / "sources" / "leidraad-pages.txt"
LEIDRAAD_PREFIX = "https://www.dienstterugkeerenvertrek.nl/over-dtv/leidraad-terugkeer-en-vertrek/"


def test_content_is_strict_valid(content_model) -> None:
    assert [p.format() for p in content_model.problems] == []


def test_counts_meet_the_minimum(content_model) -> None:
    stats = model_stats(content_model.model)
    assert stats["processes"] >= 12
    assert stats["nodes"] >= 150
    assert stats["handovers"] >= 50
    assert stats["organisations"] >= 20
    assert stats["catalogue_entries"]["begrippen"] >= 40
    assert all(count > 0 for count in stats["catalogue_entries"].values())


def _all_cited(model) -> set[str]:
    cited: set[str] = set()
    for org in model.organisations.values():
        cited.update(org.sources)
    for entries in model.catalogues.values():
        for entry in entries.values():
            cited.update(entry.sources)
    for process in model.processes.values():
        cited.update(process.sources)
        for node in process.nodes:
            cited.update(node.sources)
    for scenario in model.scenarios.values():
        cited.update(scenario.sources)
    return {url.rstrip("/") for url in cited}


def test_every_leidraad_page_is_cited(content_model) -> None:
    pages = set(url_list(LEIDRAAD_PAGES))
    assert len(pages) > 30, "the vendored list of Leidraad pages"
    assert sorted(pages - _all_cited(content_model.model)) == []


def test_every_step_has_a_source_and_a_responsible_organisation(content_model) -> None:
    model = content_model.model
    missing = [
        f"{p.id}/{n.id}"
        for p in model.processes.values()
        for n in p.nodes
        if n.type not in ("start", "end") and not n.sources
    ]
    assert missing == []
    unowned = [f"{p.id}/{n.id}" for p in model.processes.values() for n in p.nodes if n.org not in model.organisations]
    assert unowned == []


def test_every_organisation_owns_or_is_involved_in_a_step(content_model) -> None:
    model = content_model.model
    playing = {n.org for p in model.processes.values() for n in p.nodes}
    playing |= {i.org for p in model.processes.values() for n in p.nodes for i in n.involved}
    assert sorted(set(model.organisations) - playing) == []


def test_processes_are_not_reviewed_yet(content_model) -> None:
    """No editorial-board review has happened: `reviewed` stays null, never today's date."""
    for process in content_model.model.processes.values():
        assert process.reviewed is None
        assert process.sources_as_of


def _walk(model, start: str, goal_processes: set[str], via: set[str] = frozenset()) -> list[str] | None:
    """A route from `start` through the start of every `via` process to an end in a goal process."""
    g = chain_graph(model)
    waypoints = [start, *(f"{v}/start" for v in sorted(via))]
    route: list[str] = [start]
    for a, b in itertools.pairwise(waypoints):
        try:
            route += nx.shortest_path(g, a, b)[1:]
        except nx.NetworkXNoPath:
            return None
    for target in g.nodes:
        if target.split("/")[0] in goal_processes and g.nodes[target]["node"].type == "end":
            try:
                return route + nx.shortest_path(g, route[-1], target)[1:]
            except nx.NetworkXNoPath:
                continue
    return None


@pytest.mark.parametrize(
    ("name", "start", "goal", "via"),
    [
        (
            "afgewezen asielaanvraag naar zelfstandig vertrek",
            "asielprocedure-col/start",
            {"zelfstandig-vertrek"},
            {"vertrektermijn"},
        ),
        (
            "afgewezen asielaanvraag naar gedwongen vertrek",
            "asielprocedure-col/start",
            {"gedwongen-vertrek"},
            {"vertrektermijn"},
        ),
        (
            "Dublinclaimant naar overdracht",
            "asielprocedure-col/start",
            {"gedwongen-vertrek"},
            {"behandelsporen-dublin"},
        ),
        (
            "alleenstaande minderjarige naar vertrek",
            "alleenstaande-minderjarigen/start",
            {"gedwongen-vertrek", "zelfstandig-vertrek", "alleenstaande-minderjarigen"},
            set(),
        ),
    ],
)
def test_the_chain_is_walkable(content_model, name: str, start: str, goal: set[str], via: set[str]) -> None:
    assert _walk(content_model.model, start, goal, via) is not None, name


def test_families_have_their_own_route(content_model) -> None:
    """Steps for families with minor children exist and lie on the chain from the asylum procedure."""
    model = content_model.model
    family_steps = [
        f"{p.id}/{n.id}" for p in model.processes.values() for n in p.nodes if "gezinnen" in n.target_groups
    ]
    assert family_steps
    g = chain_graph(model)
    reachable = nx.descendants(g, "asielprocedure-col/start")
    assert any(step in reachable for step in family_steps)


def test_handovers_cross_between_the_main_partners(content_model) -> None:
    pairs = {(h.from_org, h.to_org) for h in handovers(content_model.model)}
    assert ("ind", "dtv") in pairs  # the overdrachtsdossier: the Leidraad's first koppelvlak
    assert len(pairs) >= 15


def test_content_files_are_utf8_and_small() -> None:
    for path in Path(ROOT / "processes").rglob("*.yaml"):
        assert path.stat().st_size < 1024 * 1024
        path.read_text(encoding="utf-8")
