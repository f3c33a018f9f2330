"""Measure elkjs (ELK layered, orthogonal routing, one compound node per lane) on the same graphs and
node sizes as our layout, with the same metrics (docs/layout.md). Not part of the app or the tests:

    mkdir -p /tmp/elk && (cd /tmp/elk && npm install --no-save elkjs@0.12.1)
    ELK_DIR=/tmp/elk .venv/bin/python scripts/elk-compare/drive.py
"""

import json
import os
import statistics
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from leidraad.checks.folder import check_folder  # noqa: E402 - after the path set-up above
from leidraad.drawing.geometry import Box  # noqa: E402 - after the path set-up above
from leidraad.drawing.layout import layout_process  # noqa: E402 - after the path set-up above
from leidraad.drawing.quality import _cross, _cuts, _on_top  # noqa: E402 - after the path set-up above
from leidraad.drawing.synthetic import synthetic_process  # noqa: E402 - after the path set-up above


def graph(model, process, direction, seed=1):
    g = layout_process(model, process, direction)
    nodes = []
    for n in g.nodes:
        if n.type == "boundary":
            continue
        b = n.box
        if n.label_box:
            lb = n.label_box
            x0, y0 = min(b.x, lb.x), min(b.y, lb.y)
            x1, y1 = max(b.x + b.w, lb.x + lb.w), max(b.y + b.h, lb.y + lb.h)
        else:
            x0, y0, x1, y1 = b.x, b.y, b.x + b.w, b.y + b.h
        nodes.append({"id": n.id, "lane": n.org, "w": x1 - x0, "h": y1 - y0})
    boundary = {n.id: p for n in process.nodes if n.type == "boundary" for p in [n.attached_to]}
    edges = [
        {"id": e.id, "source": boundary.get(e.source, e.source), "target": e.target}
        for e in g.edges
        if e.kind != "boundary"
    ]
    return {"name": process.id, "direction": direction, "seed": seed, "nodes": nodes, "edges": edges}


def measure(inp, res):
    ends = {e["id"]: {e["source"], e["target"]} for e in inp["edges"]}
    segs = {
        e["id"]: list(zip(map(tuple, e["points"]), map(tuple, e["points"][1:]), strict=False)) for e in res["edges"]
    }
    cross = ontop = 0
    for a, b in combinations(segs, 2):
        if ends[a] & ends[b]:
            continue
        pairs = [(s, t) for s in segs[a] for t in segs[b]]
        cross += any(_cross(s, t) for s, t in pairs)
        ontop += any(_on_top(s, t) for s, t in pairs)
    boxes = {k: Box(v["x"], v["y"], v["w"], v["h"]) for k, v in res["pos"].items()}
    through = sum(any(any(_cuts(s, bx) for s in segs[e]) for k, bx in boxes.items() if k not in ends[e]) for e in segs)
    return cross, through, ontop


def run(graphs):
    p = subprocess.run(
        ["node", str(HERE / "run.js")],
        input=json.dumps(graphs).encode(),
        capture_output=True,
        check=True,
        env={**os.environ, "NODE_PATH": os.path.join(os.environ.get("ELK_DIR", "/tmp/elk"), "node_modules")},
    )
    return json.loads(p.stdout)


m = check_folder(HERE.parent.parent / "processes").model
for direction in ("horizontal", "vertical"):
    inputs = [graph(m, p, direction) for p in m.process_list()]
    t = time.perf_counter()
    results = run(inputs)
    wall = time.perf_counter() - t
    tot = [0, 0, 0]
    sizes = []
    for inp, res in zip(inputs, results, strict=False):
        c = measure(inp, res)
        tot = [a + b for a, b in zip(tot, c, strict=False)]
        sizes.append((res["width"], res["height"]))
    best = 0
    per_seed = []
    for seed in (1, 2, 3, 4, 5):
        rs = run([dict(i, seed=seed) for i in inputs])
        per_seed.append([measure(i, r)[0] for i, r in zip(inputs, rs, strict=False)])
    best = sum(min(col) for col in zip(*per_seed, strict=False))
    median = (statistics.median(w for w, h in sizes), statistics.median(h for w, h in sizes))
    print(
        f"elk {direction}: crossings {tot[0]} (best of 5 seeds per process {best}), "
        f"through a foreign shape or label footprint {tot[1]}, on top {tot[2]}, "
        f"median {median[0]:.0f} x {median[1]:.0f}, node+elk {wall:.2f} s, "
        f"elk {sum(r['ms'] for r in results):.0f} ms"
    )
for n in (200, 2000):  # 2,000 took over two minutes here
    sm, sp = synthetic_process(n)
    inp = graph(sm, sp, "horizontal")
    t = time.perf_counter()
    res = run([inp])
    wall = time.perf_counter() - t
    print(f"elk synthetic {n}: elk {res[0]['ms']:.0f} ms, with node start {wall:.2f} s")
