"""Load a folder and run every rule on the model, each rule on its own.

Structural rules (unknown keys, types, required keys) come from the JSON Schemas during loading;
the rules here add what a schema cannot express, one module per concern: `references`, `flows`,
`scenarios`, `policy`. The runner gives each rule the model as far as it loaded: a rule that raises
becomes one `internal` problem naming it, and every other rule still runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from leidraad.checks import flows, policy, references, scenarios
from leidraad.checks.context import CheckContext
from leidraad.checks.scenarios import SILENT_TYPES
from leidraad.content.load import LoadResult, load_folder
from leidraad.content.salvage import Unloaded
from leidraad.model import Model
from leidraad.problems import Place, Problem

__all__ = ["MODEL_RULES", "PROCESS_RULES", "SCENARIO_RULES", "SILENT_TYPES", "check_folder", "check_model"]

log = logging.getLogger(__name__)

ModelRule = Callable[[CheckContext], Iterable[Problem]]
MODEL_RULES: dict[str, ModelRule] = {
    "organisation-references": references.check_organisations,
    "catalogue-references": references.check_catalogues,
    "sources-and-descriptions": policy.check_organisations_and_catalogues,
}
PROCESS_RULES: dict[str, Callable[[CheckContext, Any], Iterable[Problem]]] = {
    "process-references": references.check_process,
    "step-shapes": flows.check_nodes,
    "start-and-end": flows.check_start_end,
    "reachability": flows.check_reachability,
    "editorial-policy": policy.check_process,
}
SCENARIO_RULES: dict[str, Callable[[CheckContext, Any], Iterable[Problem]]] = {
    "scenario-route": scenarios.check_scenario,
}


def check_folder(folder: str | Path) -> LoadResult:
    """Load a folder and run every rule; `result.problems` holds load, schema and model problems.
    Nothing raises: whatever goes wrong becomes a problem with a place."""
    try:
        result = load_folder(folder)
    except Exception as exc:  # reading the folder itself failed (permissions, a vanished file, ...)
        log.exception("loading %s failed", folder)
        result = LoadResult(Model())
        result.problems.append(_internal(Place(str(folder)), "het lezen van de map", exc))
        return result
    result.problems = sorted(set(result.problems) | set(check_model(result.model, result.unloaded)))
    return result


def check_model(model: Model, unloaded: dict[str, Unloaded] | None = None) -> list[Problem]:
    ctx = CheckContext(model, dict(unloaded or {}))
    problems: list[Problem] = []
    failed: set[str] = set()

    def run(name: str, place: Place, rule: Callable[..., Iterable[Problem]], *args: Any) -> None:
        try:
            problems.extend(rule(ctx, *args))
        except Exception as exc:
            log.exception("rule %s failed", name)
            if name not in failed:
                failed.add(name)
                problems.append(_internal(place, f"de controle '{name}'", exc))

    for name, model_rule in MODEL_RULES.items():
        run(name, Place("<controle>"), model_rule)
    for process in list(model.processes.values()):
        for name, process_rule in PROCESS_RULES.items():
            run(name, process.place, process_rule, process)
    for scenario in list(model.scenarios.values()):
        for name, scenario_rule in SCENARIO_RULES.items():
            run(name, scenario.place, scenario_rule, scenario)
    return sorted(set(problems))


def _internal(place: Place, what: str, exc: Exception) -> Problem:
    return place.problem(
        "internal",
        f"interne fout in {what} ({type(exc).__name__}); de andere controles zijn wel uitgevoerd. "
        "Meld dit aan de beheerders van de Procesverkenner (de details staan in het logboek).",
    )
