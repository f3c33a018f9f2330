"""`leidraad bench`: performance figures printed, never asserted (load, check, search index and
queries, layout cold and cached per process, render, export)."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from leidraad.checks.folder import check_model
from leidraad.content.load import load_folder
from leidraad.drawing import layout
from leidraad.drawing.render import render_svg
from leidraad.queries.search import build_search_index

T = TypeVar("T")


def _time(fn: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    """The median wall time of `repeat` calls in ms, and the last call's result."""
    times = []
    for _ in range(repeat - 1):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    result = fn()
    times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def run_bench(folder: str | Path, repeat: int = 5) -> str:
    lines = []
    load_ms, result = _time(lambda: load_folder(folder), repeat)
    model = result.model
    check_ms, problems = _time(lambda: check_model(model), repeat)
    lines.append(f"load      {load_ms:8.1f} ms  ({len(result.files)} files, median of {repeat})")
    lines.append(f"check     {check_ms:8.1f} ms  ({len(problems)} problems)")
    index_ms, index = _time(partial(build_search_index, model), repeat)
    queries = ("ind", "laissez-passer aanvragen", "beroepstermijn", "vertrektermjin", "meldplicht")
    query_ms, _ = _time(lambda: [index.search(q) for q in queries], repeat)
    per_query = query_ms / len(queries)
    lines.append(f"search    {index_ms:8.1f} ms  ({len(index.documents)} documents; {per_query:.1f} ms per query)")
    lines.append("")
    lines.append(f"{'process':36} {'nodes':>5} {'cold ms':>8} {'cached ms':>9} {'render ms':>9} {'svg KiB':>8}")
    totals = [0.0, 0.0, 0.0]
    for process in model.process_list():
        cold, geometry = _time(partial(layout.layout_process, model, process))
        cached, _ = _time(partial(layout.layout_process, model, process), repeat)
        render_ms, svg = _time(partial(render_svg, geometry, title=process.title), repeat)
        totals[0] += cold
        totals[1] += cached
        totals[2] += render_ms
        lines.append(
            f"{process.id[:36]:36} {len(process.nodes):5d} {cold:8.1f} {cached:9.1f} {render_ms:9.1f} "
            f"{len(svg.encode()) / 1024:8.1f}"
        )
    lines.append(f"{'total':36} {'':5} {totals[0]:8.1f} {totals[1]:9.1f} {totals[2]:9.1f}")
    # Memory in a pass of its own: tracing slows everything down, so it must not touch the timings.
    tracemalloc.start()
    traced = load_folder(folder)
    check_model(traced.model)
    for process in traced.model.process_list():
        render_svg(layout.layout_process(traced.model, process))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    lines.append("")
    lines.append(f"peak traced Python memory (load, check, lay out and draw everything) {peak / 1024 / 1024:.1f} MiB")
    return "\n".join(lines)
