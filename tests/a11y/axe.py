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


# The one finding left open (see docs/accessibility.md, "Bekende beperkingen"): axe reports
# label-content-name-mismatch on a link box ("Naar: …") that is on screen, although its accessible name
# starts with exactly its drawn label. axe's visible text for an SVG group includes the <title> and the
# wrapped lines; we have not found which part it misses. Only that rule on link boxes is set aside.
KNOWN_OPEN = ("label-content-name-mismatch", 'class="node node-link')


def known_open(v: Violation) -> bool:
    return v.rule == KNOWN_OPEN[0] and KNOWN_OPEN[1] in v.html


def axe_violations(page: Page) -> list[Violation]:
    """Every violating node of the WCAG 2.0/2.1 A and AA rules on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    found = page.evaluate(_RUN, list(TAGS))
    every = [Violation(v["id"], v["impact"], n["target"], n["html"], n["summary"]) for v in found for n in v["nodes"]]
    for v in every:
        if known_open(v):
            print(f"known open finding: {v}")
    return [v for v in every if not known_open(v)]
