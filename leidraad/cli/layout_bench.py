"""`leidraad bench --layout [--json]`: layout quality of every process in both orientations, the
totals, and layout time and peak memory over a synthetic series. Printed, never asserted."""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any

from leidraad.checks.folder import check_folder
from leidraad.drawing.layout import DIRECTIONS, layout_process
from leidraad.drawing.quality import measure
from leidraad.drawing.synthetic import synthetic_process

SYNTHETIC_SIZES = (50, 200, 500, 2000)
COUNTS = ("crossings", "through_shape", "through_label", "label_overlaps", "overlapping_flows", "not_orthogonal")


def layout_figures(folder: str | Path, sizes: tuple[int, ...] = SYNTHETIC_SIZES) -> dict[str, Any]:
    model = check_folder(folder).model
    processes: list[dict[str, Any]] = []
    totals: dict[str, dict[str, float]] = {}
    for direction in DIRECTIONS:
        rows: list[dict[str, Any]] = []
        for process in model.process_list():
            started = time.perf_counter()
            geometry = layout_process(model, process, direction)
            ms = (time.perf_counter() - started) * 1000
            row: dict[str, Any] = {
                "process": process.id,
                "direction": direction,
                "layout_ms": round(ms, 1),
                **measure(geometry).as_dict(),
            }
            rows.append(row)
        processes += rows
        total: dict[str, float] = {key: sum(r[key] for r in rows) for key in COUNTS}
        for key in ("width", "height", "scale_1366", "scale_1920", "label_px_1366", "label_px_1920"):
            total[f"median_{key}"] = statistics.median(r[key] for r in rows)
        total["under_5px_1366"] = sum(r["label_px_1366"] < 5 for r in rows)
        total["layout_ms"] = round(sum(r["layout_ms"] for r in rows), 1)
        totals[direction] = total
    synthetic = []
    for size in sizes:
        synthetic_model, process = synthetic_process(size)
        for direction in DIRECTIONS:
            times, cpu = [], []
            for _ in range(3 if size <= 500 else 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                geometry = layout_process(synthetic_model, process, direction)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            tracemalloc.start()
            layout_process(synthetic_model, process, direction)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            synthetic.append(
                {
                    "nodes": size,
                    "flows": len(process.flows),
                    "direction": direction,
                    "layout_s": round(statistics.median(times), 3),
                    "cpu_s": round(statistics.median(cpu), 3),
                    "peak_mib": round(peak / 1024 / 1024, 1),
                    "width": geometry.width,
                    "height": geometry.height,
                }
            )
    return {"processes": processes, "totals": totals, "synthetic": synthetic}


def format_figures(figures: dict[str, Any]) -> str:
    head = (
        f"{'process':30} {'dir':4} {'cross':>5} {'shape':>5} {'label':>5} {'l-ovl':>5} {'size':>13} "
        f"{'fit1366':>7} {'px':>4} {'fit1920':>7} {'px':>4} {'ms':>6}"
    )
    lines = [head]
    for r in figures["processes"]:
        lines.append(
            f"{r['process'][:30]:30} {r['direction'][:4]:4} {r['crossings']:5d} {r['through_shape']:5d} "
            f"{r['through_label']:5d} {r['label_overlaps']:5d} {r['width']:6.0f}×{r['height']:<6.0f} "
            f"{r['scale_1366']:7.2f} {r['label_px_1366']:4.1f} {r['scale_1920']:7.2f} {r['label_px_1920']:4.1f} "
            f"{r['layout_ms']:6.1f}"
        )
    lines.append("")
    for direction, t in figures["totals"].items():
        lines.append(
            f"total {direction:10}: {t['crossings']:.0f} crossing pairs, {t['through_shape']:.0f} through a shape, "
            f"{t['through_label']:.0f} through a label, {t['label_overlaps']:.0f} label overlaps, "
            f"{t['overlapping_flows']:.0f} flows on top of each other, {t['not_orthogonal']:.0f} not orthogonal; "
            f"median {t['median_width']:.0f} × {t['median_height']:.0f} px, fit 1366 px {t['median_scale_1366']:.2f} "
            f"→ {t['median_label_px_1366']:.1f} px labels ({t['under_5px_1366']:.0f} under 5 px), fit 1920 px "
            f"{t['median_scale_1920']:.2f} → {t['median_label_px_1920']:.1f} px; {t['layout_ms']:.0f} ms for all"
        )
    lines.append("")
    lines.append(
        f"{'synthetic':>9} {'flows':>6} {'dir':10} {'layout s':>8} {'cpu s':>6} {'peak MiB':>8} {'size':>17}"
        "   (wall-clock and CPU time of this process: other load on the machine shows as the difference)"
    )
    for s in figures["synthetic"]:
        lines.append(
            f"{s['nodes']:9d} {s['flows']:6d} {s['direction']:10} {s['layout_s']:8.3f} {s['cpu_s']:6.3f} "
            f"{s['peak_mib']:8.1f} "
            f"{s['width']:8.0f}×{s['height']:<8.0f}"
        )
    return "\n".join(lines)


def run_layout_bench(folder: str | Path, as_json: bool = False) -> str:
    figures = layout_figures(folder)
    return json.dumps(figures, indent=1) if as_json else format_figures(figures)
