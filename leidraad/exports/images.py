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
    """One landscape page: the title and the drawing scaled to fit."""
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><style>"
        "@page{size:A3 landscape;margin:12mm}body{font-family:'DejaVu Sans',sans-serif;margin:0}"
        "h1{font-size:16pt;margin:0 0 2mm}p{font-size:9pt;color:#555;margin:0 0 4mm}"
        ".drawing svg{width:100%;height:auto;max-height:245mm}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(subtitle)}</p><div class='drawing'>{svg}</div></body></html>"
    )


def svg_to_pdf(svg: str, title: str, subtitle: str = "") -> bytes:
    return html_to_pdf(diagram_page_html(title, svg, subtitle))
