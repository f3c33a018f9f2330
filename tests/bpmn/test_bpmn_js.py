"""Every export opens in bpmn-js (the viewer inside Camunda Modeler) without import warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, require

VIEWER = ROOT / "node_modules" / "bpmn-js" / "dist" / "bpmn-viewer.production.min.js"
ARTIFACTS = ROOT / "test-artifacts"

IMPORT = """async (xml) => {
  document.body.innerHTML = '<div id="canvas" style="width:1600px;height:900px"></div>';
  const viewer = new BpmnJS({container: '#canvas'});
  try {
    const result = await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    const registry = viewer.get('elementRegistry');
    return {warnings: result.warnings.map(w => w.message), elements: registry.getAll().length,
            types: [...new Set(registry.getAll().map(e => e.type))]};
  } catch (err) {
    return {error: String(err && err.message || err), warnings: (err.warnings || []).map(w => w.message)};
  }
}"""


@pytest.mark.browser
def test_every_export_opens_in_bpmn_js_without_warnings(page, exported: dict[str, Path]) -> None:
    require(VIEWER.exists(), f"bpmn-js ({VIEWER.relative_to(ROOT)}; 'make test' runs npm ci)")
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(VIEWER))
    problems = {}
    for process_id, path in exported.items():
        result = page.evaluate(IMPORT, path.read_text(encoding="utf-8"))
        if result.get("error") or result["warnings"]:
            problems[process_id] = result
            continue
        assert result["elements"] > 5, process_id
        assert "bpmn:Lane" in result["types"] and "bpmn:SequenceFlow" in result["types"], process_id
    assert not problems, problems
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate(IMPORT, exported["vertrektermijn"].read_text(encoding="utf-8"))
    page.screenshot(path=str(ARTIFACTS / "bpmn-js-vertrektermijn.png"))
