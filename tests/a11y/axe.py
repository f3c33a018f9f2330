"""axe-core in the page: inject the committed npm copy (package-lock.json) and run the WCAG 2.1 A/AA rules."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from tests.conftest import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.map((n) => ({target: n.target.flat().join(' >>> '), html: n.html.slice(0, 160),
                                 summary: (n.failureSummary || '').split('\\n').slice(0, 3).join(' ')})),
  }));
}"""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    target: str
    html: str
    summary: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) {self.target}: {self.html} | {self.summary}"


def axe_violations(page: Page) -> list[Violation]:
    """Every violating node of the WCAG 2.0/2.1 A and AA rules on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    found = page.evaluate(_RUN, list(TAGS))
    return [Violation(v["id"], v["impact"], n["target"], n["html"], n["summary"]) for v in found for n in v["nodes"]]
