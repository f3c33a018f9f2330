"""The layer rules of ARCHITECTURE.md hold for the whole code base, and the checker catches a breach."""

from __future__ import annotations

from pathlib import Path

from tests.architecture.layers import LAYERS, layer_of, python_files, violations
from tests.conftest import ROOT


def test_no_upward_import_no_cycle_no_streamlit_in_the_core() -> None:
    assert violations(ROOT) == []


def test_every_module_has_a_layer() -> None:
    modules = [p for p in python_files(ROOT, ("leidraad", "components", "views", "app", "serve"))]
    assert len(modules) > 60
    for path in modules:
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        assert layer_of(name) is not None, name


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_planted_upward_import_fails(tmp_path: Path) -> None:
    root = _plant(
        tmp_path,
        {
            "leidraad/__init__.py": "",
            "leidraad/model.py": "",
            "leidraad/drawing/__init__.py": "",
            "leidraad/drawing/render.py": "from leidraad.model import x\n",
            "leidraad/queries/__init__.py": "",
            "leidraad/queries/graph.py": "def f():\n    from leidraad.drawing.render import y\n",
        },
    )
    found = violations(root)
    assert len(found) == 1
    assert "leidraad/queries/graph.py:2" in found[0] and "later layer" in found[0]


def test_a_planted_cycle_and_streamlit_import_fail(tmp_path: Path) -> None:
    root = _plant(
        tmp_path,
        {
            "leidraad/__init__.py": "",
            "leidraad/bpmn/__init__.py": "",
            "leidraad/bpmn/a.py": "from leidraad.bpmn import b\n",
            "leidraad/bpmn/b.py": "from . import a\nimport streamlit as st\n",
        },
    )
    found = violations(root)
    assert any(line.startswith("import cycle:") for line in found)
    assert any("the core imports streamlit" in line for line in found)


def test_layers_name_real_packages() -> None:
    for prefixes in LAYERS:
        for prefix in prefixes:
            path = ROOT.joinpath(*prefix.split("."))
            assert path.is_dir() or path.with_suffix(".py").exists(), prefix
