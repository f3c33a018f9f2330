"""Diagrams as files: SVG (print colouring), PNG and PDF.

One PDF route for the whole project: WeasyPrint turns an HTML page holding the print-coloured SVG
(and, for handouts, tables) into PDF. PNG comes from CairoSVG. Both read the same print SVG, so every
exported picture looks the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from leidraad.drawing.layout import HORIZONTAL, layout_process
from leidraad.drawing.render import render_svg
from leidraad.model import Model, Process

MAX_PNG_SIDE = 16000  # px; wider drawings are scaled down to stay within image limits


def print_svg(
    model: Model,
    process: Process,
    *,
    selected: str | None = None,
    path: Iterable[str] = (),
    faded: Iterable[str] = (),
    direction: str = HORIZONTAL,
) -> str:
    geometry = layout_process(model, process, direction)
    return render_svg(geometry, title=process.title, mode="print", selected=selected, path=path, faded=faded)


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    import re

    import cairosvg

    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    if match:
        longest = max(float(match.group(1)), float(match.group(2)))
        scale = min(scale, MAX_PNG_SIDE / longest)
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def diagram_page_html(title: str, svg: str, subtitle: str = "") -> str:
    """The drawing on A3 landscape at a readable size (text >= 8 pt), over as many pages as it needs."""
    from leidraad.exports.tiling import A3_LANDSCAPE, TILE_CSS, tiles_html

    # The title runs along the top of every page, so the tiles fill whole pages.
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><style>"
        "@page{size:A3 landscape;margin:14mm 12mm 12mm;@top-left{content:element(head);vertical-align:bottom}"
        "@bottom-right{content:counter(page) ' / ' counter(pages);font-size:8pt;color:#555}}"
        "body{font-family:'DejaVu Sans',sans-serif;margin:0}"
        f".head{{position:running(head);font-size:9pt;color:#555}}.head b{{font-size:12pt;color:#1F2328}}{TILE_CSS}"
        f"</style></head><body><div class='head'><b>{escape(title)}</b> · {escape(subtitle)}</div>"
        f"{tiles_html(svg, A3_LANDSCAPE, title)}</body></html>"
    )


def svg_to_pdf(svg: str, title: str, subtitle: str = "") -> bytes:
    return html_to_pdf(diagram_page_html(title, svg, subtitle))
