"""A drawing on paper at a readable size: cut into tiles that each fit a page, with overlap marks.

The print SVG is drawn at `PT_PER_PX` points per drawing unit, so its smallest text (9 units: lane
names and flow labels) prints at 8.1 pt and step labels (10 units) at 9 pt. A drawing wider or taller
than a page is cut into a grid of equal tiles that overlap by `OVERLAP_PX` (across) and
`OVERLAP_Y_PX` (down); each tile repeats the
strip its neighbour starts with, marked by a dashed line and the neighbour's number, so the sheets
can be laid side by side. Tiles flow like paragraphs, so short tiles share a page instead of each
leaving most of a page blank.

WeasyPrint clips text that has `opacity` to a box it computes before applying `text-anchor`, which
cut the start off centred labels ("Dienst Terugkeer en Vertrek" printed as "ugkeer en / trek");
`print_fixes` replaces that opacity by a solid grey.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

from leidraad.drawing.geometry import Box

PT_PER_PX = 0.9
OVERLAP_PX = 200.0  # wider than a step's label: each label is whole on at least one tile
OVERLAP_Y_PX = 130.0  # taller than a step with its label under it (108 units in today's drawings)
LABEL_PT = 18.0  # the line under each tile ("deel 1 van 3 ...") and what rounding leaves
MM = 72 / 25.4

_ROOT = re.compile(r"<svg\b[^>]*>")
# Solid colours for what the screen drawing fades with opacity (see the module docstring).
_PRINT_FIXES = ".ltv-diagram .lane-name{opacity:1;fill:#4B5563}.ltv-diagram .edge-label{opacity:1}"


@dataclass(frozen=True)
class Page:
    """The printable area of a page in pt (below any running header, above any footer)."""

    width: float
    height: float


A3_LANDSCAPE = Page((420 - 24) * MM, (297 - 26) * MM - 2)  # margins 14 mm top, 12 mm elsewhere
A4_LANDSCAPE = Page((297 - 28) * MM, (210 - 28) * MM - 2)  # margins 14 mm
MAX_PT_PER_PX = 1.3
MAX_ROWS = 8
MAX_COLS = 12


@dataclass(frozen=True)
class Plan:
    cols: int
    rows: int
    scale: float  # pt per drawing unit
    per_page: int  # tiles stacked on one page

    @property
    def pages(self) -> int:
        return math.ceil(self.cols * self.rows / self.per_page)


def print_fixes(svg: str) -> str:
    """The print SVG with WeasyPrint's clipping of semi-transparent text avoided."""
    return svg.replace("</style>", f"{_PRINT_FIXES}</style>", 1) if "</style>" in svg else svg


def _size(svg: str) -> tuple[float, float]:
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    if not match:
        raise ValueError("the drawing has no viewBox")
    return float(match.group(1)), float(match.group(2))


def plan(width: float, height: float, page: Page, lead: float = 0.0) -> Plan:
    """How to cut a drawing: the fewest pages, then the fewest cuts, then the largest text.

    For each grid of rows and columns, the scale is the largest at which a tile fits the page's
    width (with `lead`, the lane-header strip printed beside every tile that does not start at the
    drawing's left edge) and at which `per_page` tiles stack in its height, never below PT_PER_PX
    (text >= 8 pt). Tiles flow like paragraphs, so a page holds as many as fit; a tile of more than
    half a page fills more than half of its own, so no full page is mostly blank."""
    best: Plan | None = None
    best_cost: tuple[float, float] | None = None
    for rows in range(1, MAX_ROWS + 1):
        tile_px = (height + (rows - 1) * OVERLAP_Y_PX) / rows
        for cols in range(1, MAX_COLS + 1):
            widest = width if cols == 1 else (width - lead + (cols - 1) * OVERLAP_PX) / cols + lead
            fit_width = page.width / widest
            for per_page in range(1, 5):
                scale = min(MAX_PT_PER_PX, fit_width, (page.height / per_page - LABEL_PT) / tile_px)
                if scale < PT_PER_PX:
                    continue
                stacked = max(1, int(page.height // (tile_px * scale + LABEL_PT)))
                candidate = Plan(cols, rows, scale, stacked)
                cost = (candidate.pages + 0.1 * cols * rows, -scale)
                if best_cost is None or cost < best_cost:
                    best, best_cost = candidate, cost
    if best is None:  # larger than MAX_ROWS x MAX_COLS pages even at the smallest size
        rows = MAX_ROWS
        while (height + (rows - 1) * OVERLAP_Y_PX) / rows * PT_PER_PX > page.height - LABEL_PT:
            rows += 1
        cols = MAX_COLS
        while ((width - lead + (cols - 1) * OVERLAP_PX) / cols + lead) * PT_PER_PX > page.width:
            cols += 1
        best = Plan(cols, rows, PT_PER_PX, 1)
    return best


def _spans(start: float, total: float, count: int) -> list[tuple[float, float]]:
    """`count` equal rows over `total` from `start` that overlap by OVERLAP_Y_PX: (start, length)."""
    if count == 1:
        return [(start, total)]
    length = (total + (count - 1) * OVERLAP_Y_PX) / count
    return [(start + i * (length - OVERLAP_Y_PX), length) for i in range(count)]


def _marks(x: float, y: float, w: float, h: float, col: int, row: int, cols: int, rows: int) -> str:
    """Dashed lines where the neighbouring tiles start, with their numbers, in drawing units."""

    def number(c: int, r: int) -> int:
        return r * cols + c + 1

    style = 'stroke="#C2185B" stroke-width="1.6" stroke-dasharray="6 4"'
    text = 'fill="#C2185B" font-size="11" font-weight="bold" font-family="DejaVu Sans, sans-serif"'
    out = []
    if col < cols - 1:
        at = x + w - OVERLAP_PX
        out.append(f'<line x1="{at:.1f}" y1="{y:.1f}" x2="{at:.1f}" y2="{y + h:.1f}" {style}/>')
        out.append(f'<text x="{at + 4:.1f}" y="{y + 14:.1f}" {text}>→ deel {number(col + 1, row)}</text>')
    if col > 0:
        at = x + OVERLAP_PX
        out.append(f'<line x1="{at:.1f}" y1="{y:.1f}" x2="{at:.1f}" y2="{y + h:.1f}" {style}/>')
        out.append(
            f'<text x="{at - 4:.1f}" y="{y + 14:.1f}" text-anchor="end" {text}>deel {number(col - 1, row)} ←</text>'
        )
    if row < rows - 1:
        at = y + h - OVERLAP_Y_PX
        out.append(f'<line x1="{x:.1f}" y1="{at:.1f}" x2="{x + w:.1f}" y2="{at:.1f}" {style}/>')
        out.append(f'<text x="{x + 6:.1f}" y="{at + 14:.1f}" {text}>↓ deel {number(col, row + 1)}</text>')
    if row > 0:
        at = y + OVERLAP_Y_PX
        out.append(f'<line x1="{x:.1f}" y1="{at:.1f}" x2="{x + w:.1f}" y2="{at:.1f}" {style}/>')
        out.append(f'<text x="{x + 6:.1f}" y="{at - 5:.1f}" {text}>↑ deel {number(col, row - 1)}</text>')
    return "".join(out)


def _lead_strip(head: str, body: str) -> tuple[str, float]:
    """The lane headers as a drawing of their own, to print beside tiles that do not start at the
    left edge (they never cover the drawing), and their width in drawing units."""
    heads = re.search(r'<g class="lane-headers">.*</g>\s*$', body, flags=re.S)
    rects = re.findall(r'<rect class="lane-header-base[^"]*" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', body)
    style = re.search(r"<style>.*?</style>", body, flags=re.S)
    if not heads or not rects:
        return "", 0.0
    lead = max(float(x) + float(w) for x, w in rects)
    return f"{style.group(0) if style else ''}{heads.group(0)}", lead


def _root(head: str, x: float, y: float, w: float, h: float, scale: float) -> str:
    tile = re.sub(r'viewBox="[^"]*"', f'viewBox="{x:.1f} {y:.1f} {w:.1f} {h:.1f}"', head, count=1)
    tile = re.sub(r'width="[^"]*"', f'width="{w * scale:.1f}pt"', tile, count=1)
    return re.sub(r'height="[^"]*"', f'height="{h * scale:.1f}pt"', tile, count=1)


def tiles_html(svg: str, page: Page, title: str = "", window: Box | None = None) -> str:
    """The drawing as tiles (HTML blocks), each fitting `page`, at the scale `plan` chooses.
    `window` limits the tiles to a part of the drawing (drawing units; see drawing/window.py). The
    lane headers stay at the left: a window that does not start there gets them printed beside it."""
    svg = print_fixes(svg)
    width, height = _size(svg)
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("not an SVG drawing")
    head, body = root.group(0), svg[root.end() :]
    # ids would repeat once per tile; nothing on paper refers to them
    body = re.sub(r'\sid="[^"]*"', "", body[: body.rfind("</svg>")])
    strip, lead = _lead_strip(head, body)
    x0, y0, x1, y1 = (window.x, window.y, window.x + window.w, window.y + window.h) if window else (0, 0, width, height)
    x0 = 0.0 if x0 <= lead + OVERLAP_PX else x0
    x1, y0, y1 = min(width, x1), max(0.0, y0), min(height, y1)
    chosen = plan(x1 - x0 + (lead if x0 else 0.0), y1 - y0, page, lead)
    cols, rows, scale = chosen.cols, chosen.rows, chosen.scale
    parts = []
    total = cols * rows
    for r, (y, h) in enumerate(_spans(y0, y1 - y0, rows)):
        for c, (x, w) in enumerate(_column_spans(x0, x1, cols, lead)):
            tile = _root(head, x, y, w, h, scale)
            marks = _marks(x, y, w, h, c, r, cols, rows) if total > 1 else ""
            beside = f"{_root(head, 0, y, lead, h, scale)}{strip}</svg>" if x > 0 and strip else ""
            where = ""
            if total > 1:
                rows_note = f", rij {r + 1} van {rows}" if rows > 1 else ""
                where = (
                    f" · deel {r * cols + c + 1} van {total} (kolom {c + 1} van {cols}{rows_note}); "
                    "de gestreepte lijnen tonen waar het volgende deel aansluit"
                )
            label = f"<p class='tile-label'>{escape(title)}{where}</p>"
            parts.append(
                f"<div class='tile'><div class='tile-row'>{beside}{tile}{body}{marks}</svg></div>{label}</div>"
            )
    return "".join(parts)


def _column_spans(x0: float, x1: float, cols: int, lead: float) -> list[tuple[float, float]]:
    """Columns over [x0, x1] of the drawing, overlapping by OVERLAP_PX and showing equal parts. A column
    that starts at the drawing's left edge shows the drawing's own lane headers (`lead` wide); the
    others get a copy printed beside them."""
    own = lead if x0 == 0 else 0.0
    if cols == 1:
        return [(x0, x1 - x0)]
    inner = (x1 - x0 - own + (cols - 1) * OVERLAP_PX) / cols
    spans = [(x0, own + inner)]
    for c in range(1, cols):
        start = x0 + own + c * (inner - OVERLAP_PX)
        spans.append((start, min(inner, x1 - start)))
    return spans


TILE_CSS = (
    ".tile{break-inside:avoid;page-break-inside:avoid;margin:0}"
    ".tile-row{display:flex;align-items:flex-start}.tile svg{display:block;flex:none}"
    ".tile-label{font-size:8pt;line-height:10pt;color:#555;margin:1mm 0 0;height:14pt;overflow:hidden}"
)

__all__ = ["A3_LANDSCAPE", "A4_LANDSCAPE", "PT_PER_PX", "TILE_CSS", "Page", "Plan", "plan", "print_fixes", "tiles_html"]
