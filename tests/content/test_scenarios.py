"""The training scenarios: enough cases, each a valid walk through the real model, each decision a real
branch with feedback on every choice, and each case ending where the model ends or hands over."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pytest

from leidraad.checks.folder import SILENT_TYPES
from leidraad.queries.graph import chain_graph, follows
from tests.conftest import CONTENT, ROOT, url_list

SCENARIO_DIR = CONTENT / "scenarios"
KNOWN_SOURCES = ROOT / "tests" / "data" / "sources" / "known-sources.txt"
# Types a scenario may silently pass between two of its steps: never a deciding gateway, never a task.


def _scenarios(content_model):
    return sorted(content_model.model.scenarios.values(), key=lambda s: s.id)


def _ids(content_model):
    return [s.id for s in _scenarios(content_model)]


@pytest.fixture(scope="module")
def graph(content_model) -> nx.MultiDiGraph:
    return chain_graph(content_model.model)


def test_there_are_at_least_six_scenarios(content_model) -> None:
    assert len(content_model.model.scenarios) >= 6
    files = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))
    assert files == sorted(content_model.model.scenarios), "one scenario per file, named after its id"


def test_scenario_files_start_with_the_schema_comment() -> None:
    for path in SCENARIO_DIR.glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "# yaml-language-server: $schema=../../leidraad/schemas/scenario.schema.json", path.name
        assert lines[1] == "kind: scenario", path.name


def test_the_checker_accepts_every_scenario(content_model) -> None:
    problems = [p.format() for p in content_model.problems if "scenarios" in Path(p.file).parts]
    assert problems == []


def test_every_scenario_is_complete(content_model) -> None:
    for scenario in _scenarios(content_model):
        assert scenario.title and scenario.persona and scenario.summary, scenario.id
        assert "fictief" in scenario.persona, f"{scenario.id}: the persona says it is fictional"
        assert len(scenario.learning_goals) >= 2, scenario.id
        assert scenario.target_groups, scenario.id
        assert scenario.sources, scenario.id
        assert len(scenario.steps) >= 8, scenario.id
        for number, step in enumerate(scenario.steps, start=1):
            assert step.narrative.strip(), f"{scenario.id} step {number} has no narrative"
            assert len(step.narrative) <= 450, f"{scenario.id} step {number}: keep the narrative to 1-3 sentences"


def test_scenario_sources_come_from_the_fact_base(content_model) -> None:
    known = "\n".join(url_list(KNOWN_SOURCES))
    assert len(known) > 1000, "the vendored list of known sources"
    model = content_model.model
    known_urls = {url for p in model.processes.values() for n in p.nodes for url in n.sources}
    for scenario in _scenarios(content_model):
        for url in scenario.sources:
            assert url in known or url in known_urls, f"{scenario.id}: {url} is neither in the facts nor cited"


def test_every_step_follows_without_skipping_a_task_or_decision(content_model, graph) -> None:
    for scenario in _scenarios(content_model):
        refs = [s.step for s in scenario.steps]
        for number, (a, b) in enumerate(itertools.pairwise(refs), start=2):
            assert follows(graph, a, b, SILENT_TYPES), f"{scenario.id} step {number}: '{b}' skips a step after '{a}'"


def test_every_decision_is_a_real_branch_with_feedback(content_model, graph) -> None:
    model = content_model.model
    for scenario in _scenarios(content_model):
        for number, step in enumerate(scenario.steps, start=1):
            where = f"{scenario.id} step {number} ({step.step})"
            _, node = model.resolve_step(step.step)
            if node.type != "gateway" or len(node.flows) < 2:
                assert not step.choices, f"{where}: choices belong on a decision"
                continue
            assert step.question, f"{where}: a decision asks a question"
            assert 2 <= len(step.choices) <= 4, f"{where}: give 2-4 choices"
            labels = [c.label for c in step.choices]
            assert len(set(labels)) == len(labels), f"{where}: duplicate choices"
            assert all(c.feedback and c.feedback.strip() for c in step.choices), f"{where}: feedback on every choice"
            assert sum(c.correct for c in step.choices) == 1, f"{where}: exactly one correct choice"
            outcomes = {f.when: f for f in node.flows}
            for label in labels:
                assert label in outcomes, f"{where}: choice '{label}' is not an outcome of the gateway"
            correct = next(c for c in step.choices if c.correct)
            assert number < len(scenario.steps), f"{where}: a scenario does not end at a decision"
            following = scenario.steps[number].step
            target = outcomes[correct.label].target
            target = target if "/" in target else f"{step.process}/{target}"
            assert target == following or follows(graph, target, following, SILENT_TYPES), (
                f"{where}: the correct choice '{correct.label}' leads to '{target}', but the case goes on at "
                f"'{following}'"
            )


def test_every_scenario_ends_where_the_model_ends_or_hands_over(content_model) -> None:
    model = content_model.model
    for scenario in _scenarios(content_model):
        last = scenario.steps[-1].step
        _, node = model.resolve_step(last)
        continues = any(flow.crosses_process for flow in node.flows)
        assert node.type == "end" or continues, f"{scenario.id} ends at '{last}', neither an end nor a handover"


def test_the_cases_the_issue_asks_for_are_there(content_model) -> None:
    scenarios = content_model.model.scenarios.values()
    groups = {g for s in scenarios for g in s.target_groups}
    assert {"gezinnen", "dublinclaimanten", "amv", "vris", "medische-omstandigheden"} <= groups
    processes = {s.step.split("/")[0] for sc in scenarios for s in sc.steps}
    assert {"buiten-schuld", "vreemdelingenbewaring", "gedwongen-vertrek", "alleenstaande-minderjarigen"} <= processes
