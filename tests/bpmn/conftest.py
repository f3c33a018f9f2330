"""Fixtures for the BPMN tests: every real process exported once, the OMG schema, the MIWG models."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
XSD = DATA / "bpmn-xsd" / "BPMN20.xsd"
MIWG = DATA / "bpmn-miwg"


@pytest.fixture(scope="session", params=["horizontal", "vertical"])
def direction(request) -> str:
    """Every test of the exports runs for both orientations of the diagram interchange."""
    return request.param


@pytest.fixture(scope="session")
def exported(content_model, dot_available, tmp_path_factory, direction: str) -> dict[str, Path]:
    """process id -> its exported .bpmn file, for every real process."""
    from leidraad.bpmn.export import export_processes

    model = content_model.model
    folder = tmp_path_factory.mktemp(f"bpmn-export-{direction}")
    paths = export_processes(model, [p.id for p in model.process_list()], folder, direction)
    return {p.stem: p for p in paths}


@pytest.fixture(scope="session")
def bpmn_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(XSD)))


def miwg_files() -> list[Path]:
    return sorted(MIWG.glob("*.bpmn"))
