"""Running Graphviz and reading its JSON output: DOT quoting, the cached engine call and the
parsers for positions and splines, shared by the process layout and the koppelvlakken overview."""

from __future__ import annotations

import json
import subprocess
from functools import lru_cache

from leidraad.drawing.plain_diagram import require_dot


def dot_quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as \\n."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _run(engine: str, dot_source: str, *args: str) -> dict:
    require_dot()
    out = subprocess.run(
        [engine, "-Tjson", *args], input=dot_source.encode("utf-8"), capture_output=True, check=True, timeout=60
    )
    return json.loads(out.stdout)


def parse_floats(text: str) -> list[float]:
    return [float(v) for v in text.replace("!", "").split(",")]


@lru_cache(maxsize=256)
def graphviz_json(engine: str, source: str, args: tuple[str, ...] = ()) -> str:
    return json.dumps(_run(engine, source, *args))


def parse_spline(
    text: str, height: float, dx: float = 0.0, dy: float = 0.0
) -> tuple[tuple[tuple[float, float], ...], tuple[float, float] | None]:
    """Graphviz 'e,x,y x0,y0 x1,y1 …' -> Bezier points (y flipped) and the arrow tip."""
    arrow = None
    points = []
    for part in text.split(";")[0].split():
        if part.startswith("e,"):
            x, y = parse_floats(part[2:])
            arrow = (round(x + dx, 1), round(height - (y + dy), 1))
        elif part.startswith("s,"):
            continue
        else:
            x, y = parse_floats(part)
            points.append((round(x + dx, 1), round(height - (y + dy), 1)))
    return tuple(points), arrow
