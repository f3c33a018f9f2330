"""A layered (Sugiyama) swimlane layout with orthogonal channel routing, in abstract axes.

The engine knows nothing of BPMN or of the drawing's orientation: it works on a *main* axis (time:
ranks follow each other along it) and a *cross* axis (lanes are bands along it). The caller maps
(main, cross) to (x, y) for a horizontal drawing or to (y, x) for a vertical one.

Steps: break cycles (DFS), rank by longest path, split long flows into chains of dummy items (one
per rank they pass; a labelled flow's label is a dummy of its own, so it gets room like a shape),
order every rank lane by lane with barycentre sweeps and restarts (lanes stay bands), give each lane
the height its fullest rank needs, place items inside their band with weighted isotonic regression
(straight chains where the order allows), and route every flow through its chain: straight through
a rank column, with its bend on a track of its own in the channel between two columns. Nothing is
drawn inside a column except a flow through its own item, so no flow can cut a shape or a label.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass
class Item:
    """A shape to place. `before`/`after` are its cross-axis extents around its anchor line (an
    external label makes one side longer); `main` its size along the main axis."""

    id: str
    lane: int
    main: float
    before: float
    after: float
    tip: bool = False  # ports at the tips (gateways, events) instead of spread along a side
    port_span: float = 0.0  # how far from the anchor a side port may sit
    main_half: float = 0.0  # anchor to the side the ports sit on, along the main axis


@dataclass
class Link:
    id: str
    source: str
    target: str
    label: tuple[float, float, float] | None = None  # (main, before, after) room for the flow's label
    source_offset: float | None = None  # a fixed port (cross offset from the source's anchor)


@dataclass
class Spacing:
    cross_start: float = 0.0
    main_start: float = 0.0
    lane_pad: float = 10.0
    lane_min: float = 72.0
    node_gap: float = 16.0
    edge_gap: float = 10.0
    track: float = 9.0
    channel_min: float = 28.0
    port_step: float = 12.0


@dataclass
class Placement:
    anchors: dict[str, Point]  # item id -> (main, cross) of its anchor
    lanes: list[tuple[float, float]]  # per lane: cross start, size
    main_length: float
    cross_length: float
    routes: dict[str, list[Point]]  # link id -> polyline (main, cross), source to target
    labels: dict[str, Point] = field(default_factory=dict)  # link id -> (column centre, line) of its label
    crossings: int = 0  # what the ordering left (adjacent-rank pairs, lane-major order)


@dataclass
class _Vertex:
    lane: int
    main: float
    before: float
    after: float
    item: Item | None  # None for a dummy
    rank: int = 0
    up: list[int] = field(default_factory=list)
    down: list[int] = field(default_factory=list)
    weight: float = 1.0


@dataclass
class _Chain:
    link: Link
    vertices: list[int]
    reversed: bool
    label_at: int | None = None  # index in vertices of the label dummy


FLIP_LIMIT = 160  # items and dummies up to which each long flow also tries the other lane


def layout(
    items: list[Item], links: list[Link], lane_count: int, sp: Spacing, restarts: int = 8, dummy_lane: str = "source"
) -> Placement:
    """Lay out the items. A long flow between two lanes runs in the lane of its source
    (`dummy_lane="source"`) or of its target ("target") until it turns into the other lane; for
    small graphs each such flow then tries the other lane and keeps it when that removes crossings."""
    index = {it.id: i for i, it in enumerate(items)}
    usable = [lk for lk in links if lk.source in index and lk.target in index and lk.source != lk.target]
    pairs = [(index[lk.source], index[lk.target]) for lk in usable]
    back = _feedback(len(items), pairs)
    ranks = _ranks(len(items), pairs, back, [2 if lk.label else 1 for lk in usable])
    in_target = [dummy_lane == "target"] * len(usable)
    verts, chains = _build(items, usable, pairs, back, ranks, in_target)
    layers = _order(verts, lane_count, restarts)
    crossings = _total_crossings(layers, verts, _positions(layers))
    if crossings and len(verts) < FLIP_LIMIT:
        movable = [
            k
            for k, (s, t) in enumerate(pairs)
            if items[s].lane != items[t].lane and abs(ranks[s] - ranks[t]) > (2 if usable[k].label else 1)
        ]
        flipped = False
        for _round in range(2):
            improved = False
            for k in movable:
                in_target[k] = not in_target[k]
                trial_verts, trial_chains = _build(items, usable, pairs, back, ranks, in_target)
                trial = _order(trial_verts, lane_count, 1, sift=False)
                count = _total_crossings(trial, trial_verts, _positions(trial))
                if count < crossings:
                    verts, chains, layers, crossings, improved = trial_verts, trial_chains, trial, count, True
                    flipped = True
                else:
                    in_target[k] = not in_target[k]
            if not improved or not crossings:
                break
        if flipped:
            layers = _order(verts, lane_count, restarts)
            crossings = _total_crossings(layers, verts, _positions(layers))
    cross, lanes = _cross_coordinates(layers, verts, lane_count, sp)
    _straighten(chains, layers, verts, cross, lanes, sp)
    return _route(items, verts, layers, chains, cross, lanes, sp, crossings)


def _build(
    items: list[Item],
    usable: list[Link],
    pairs: list[tuple[int, int]],
    back: set[int],
    ranks: list[int],
    in_target: list[bool],
) -> tuple[list[_Vertex], list[_Chain]]:
    """The layered graph: every item, and a chain of dummies for every flow longer than one rank."""
    verts = [_Vertex(it.lane, it.main, it.before, it.after, it, ranks[i], weight=1.0) for i, it in enumerate(items)]
    chains = []
    for k, (lk, (s, t)) in enumerate(zip(usable, pairs, strict=True)):
        rev = k in back
        a, b = (t, s) if rev else (s, t)
        lane = items[t].lane if in_target[k] else items[s].lane
        chain = [a]
        label_rank = (ranks[a] + 1) if not rev else (ranks[b] - 1)
        label_at = None
        for r in range(ranks[a] + 1, ranks[b]):
            if lk.label and r == label_rank:
                m, bf, af = lk.label
                verts.append(_Vertex(items[s].lane, m, bf, af, None, r, weight=6.0))
                label_at = len(chain)
            else:
                verts.append(_Vertex(lane, 0.0, 0.0, 0.0, None, r, weight=4.0))
            chain.append(len(verts) - 1)
        chain.append(b)
        for u, v in itertools.pairwise(chain):
            verts[u].down.append(v)
            verts[v].up.append(u)
        chains.append(_Chain(lk, chain, rev, label_at))
    return verts, chains


# -- ranks -----------------------------------------------------------------------------------------


def _feedback(n: int, pairs: list[tuple[int, int]]) -> set[int]:
    """Indices of flows that close a cycle (found by a DFS from the sources, in content order)."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    indeg = [0] * n
    for k, (s, t) in enumerate(pairs):
        out[s].append((t, k))
        indeg[t] += 1
    state = [0] * n  # 0 new, 1 on stack, 2 done
    back: set[int] = set()
    roots = [v for v in range(n) if indeg[v] == 0] + list(range(n))
    for root in roots:
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            v, i = stack[-1]
            if i < len(out[v]):
                stack[-1] = (v, i + 1)
                t, k = out[v][i]
                if state[t] == 1:
                    back.add(k)
                elif state[t] == 0:
                    state[t] = 1
                    stack.append((t, 0))
            else:
                state[v] = 2
                stack.pop()
    return back


def _ranks(n: int, pairs: list[tuple[int, int]], back: set[int], minlen: list[int]) -> list[int]:
    """Longest path from the sources; sources are then pulled next to their first successor."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    inc: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for k, (s, t) in enumerate(pairs):
        a, b = (t, s) if k in back else (s, t)
        out[a].append((b, minlen[k]))
        inc[b].append((a, minlen[k]))
    indeg = [len(inc[v]) for v in range(n)]
    queue = [v for v in range(n) if indeg[v] == 0]
    rank = [0] * n
    topo = []
    while queue:
        v = queue.pop()
        topo.append(v)
        for t, m in out[v]:
            rank[t] = max(rank[t], rank[v] + m)
            indeg[t] -= 1
            if indeg[t] == 0:
                queue.append(t)
    for v in topo:
        if not inc[v] and out[v]:
            rank[v] = max(rank[v], min(rank[t] - m for t, m in out[v]))
    return rank


# -- order -----------------------------------------------------------------------------------------


def _positions(layers: list[list[int]]) -> dict[int, int]:
    return {v: i for layer in layers for i, v in enumerate(layer)}


def _crossings_between(upper: list[int], verts: list[_Vertex], pos: dict[int, int]) -> int:
    """Crossing pairs of segments between two adjacent ranks (pairs with a shared end do not count)."""
    segs = sorted((pos[u], pos[v]) for u in upper for v in verts[u].down)
    if len(segs) < 2:
        return 0
    size = max(b for _, b in segs) + 2
    tree = [0] * (size + 1)
    total = 0
    seen = 0
    i = 0
    while i < len(segs):
        j = i
        while j < len(segs) and segs[j][0] == segs[i][0]:
            j += 1
        for _, b in segs[i:j]:  # count earlier segments ending strictly below b
            k = b + 1
            below = 0
            while k > 0:
                below += tree[k]
                k -= k & -k
            total += seen - below
        for _, b in segs[i:j]:
            k = b + 1
            while k <= size:
                tree[k] += 1
                k += k & -k
            seen += 1
        i = j
    return total


def _total_crossings(layers: list[list[int]], verts: list[_Vertex], pos: dict[int, int]) -> int:
    return sum(_crossings_between(layer, verts, pos) for layer in layers[:-1])


def _sweep(layers: list[list[int]], verts: list[_Vertex], pos: dict[int, int], downward: bool) -> None:
    order = range(1, len(layers)) if downward else range(len(layers) - 2, -1, -1)
    for r in order:
        layer = layers[r]
        keys = {}
        for v in layer:
            nbrs = verts[v].up if downward else verts[v].down
            keys[v] = sum(pos[u] for u in nbrs) / len(nbrs) if nbrs else pos[v]
        layer.sort(key=lambda v: (verts[v].lane, keys[v], pos[v]))
        for i, v in enumerate(layer):
            pos[v] = i


def _transpose(layers: list[list[int]], verts: list[_Vertex], pos: dict[int, int]) -> None:
    """Swap neighbours in a lane while that removes crossings with both adjacent ranks."""

    def pair_cost(a: int, b: int) -> int:
        cost = 0
        for side in ("up", "down"):
            na, nb = getattr(verts[a], side), getattr(verts[b], side)
            for x in na:
                for y in nb:
                    if pos[x] > pos[y]:
                        cost += 1
        return cost

    improved = True
    rounds = 0
    while improved and rounds < 6:
        improved = False
        rounds += 1
        for layer in layers:
            for i in range(len(layer) - 1):
                a, b = layer[i], layer[i + 1]
                if verts[a].lane != verts[b].lane:
                    continue
                if pair_cost(b, a) < pair_cost(a, b):
                    layer[i], layer[i + 1] = b, a
                    pos[a], pos[b] = i + 1, i
                    improved = True


SIFT_LIMIT = 400  # items and dummies up to which every item is also tried at every place in its lane


def _sift(layers: list[list[int]], verts: list[_Vertex], pos: dict[int, int]) -> None:
    """Move each item to the place in its lane (same rank) with the fewest crossings around it."""

    def local(r: int) -> int:
        count = 0
        if r > 0:
            count += _crossings_between(layers[r - 1], verts, pos)
        if r + 1 < len(layers):
            count += _crossings_between(layers[r], verts, pos)
        return count

    for _round in range(3):
        improved = False
        for r, layer in enumerate(layers):
            if len(layer) < 3:
                continue
            for v in list(layer):
                lane = verts[v].lane
                same = [i for i, u in enumerate(layer) if verts[u].lane == lane]
                if len(same) < 2:
                    continue
                best_cost, best_at = local(r), layer.index(v)
                start = best_at
                for at in same:
                    if at == start:
                        continue
                    trial = [u for u in layer if u != v]
                    trial.insert(at, v)
                    layer[:] = trial
                    for i, u in enumerate(layer):
                        pos[u] = i
                    cost = local(r)
                    if cost < best_cost:
                        best_cost, best_at = cost, at
                    layer[:] = [u for u in layer if u != v]
                    layer.insert(start, v)
                    for i, u in enumerate(layer):
                        pos[u] = i
                if best_at != start:
                    layer.remove(v)
                    layer.insert(best_at, v)
                    for i, u in enumerate(layer):
                        pos[u] = i
                    start = best_at
                    improved = True
        if not improved:
            break


def _order(verts: list[_Vertex], lane_count: int, restarts: int, sift: bool = True) -> list[list[int]]:
    depth = max((v.rank for v in verts), default=0) + 1
    layers: list[list[int]] = [[] for _ in range(depth)]
    for i, v in enumerate(verts):
        layers[v.rank].append(i)
    for layer in layers:
        layer.sort(key=lambda i: verts[i].lane)
    size = len(verts)
    sweeps = 10 if size < 400 else 4
    tries = max(1, restarts if size < 400 else (2 if size < 1500 else 1))
    rng = random.Random(12)
    best: list[list[int]] | None = None
    best_count = -1
    for attempt in range(tries):
        trial = [list(layer) for layer in layers]
        if attempt:
            for layer in trial:
                rng.shuffle(layer)
                layer.sort(key=lambda i: verts[i].lane)
        pos = _positions(trial)
        count = _total_crossings(trial, verts, pos)
        local_best = [list(layer) for layer in trial]
        local_count = count
        stale = 0
        for it in range(sweeps):
            _sweep(trial, verts, pos, downward=it % 2 == 0)
            count = _total_crossings(trial, verts, pos)
            if count < local_count:
                local_best, local_count, stale = [list(layer) for layer in trial], count, 0
            else:
                stale += 1
                if stale > 3:
                    break
        if size < 600:
            pos = _positions(local_best)
            _transpose(local_best, verts, pos)
            local_count = _total_crossings(local_best, verts, pos)
        if best is None or local_count < best_count:
            best, best_count = local_best, local_count
        if best_count == 0:
            break
    assert best is not None
    if sift and size < SIFT_LIMIT and best_count:
        pos = _positions(best)
        _sift(best, verts, pos)
        _transpose(best, verts, pos)
    return best


# -- cross coordinates -----------------------------------------------------------------------------


def _gap(a: _Vertex, b: _Vertex, sp: Spacing) -> float:
    return sp.node_gap if a.item is not None and b.item is not None else sp.edge_gap


def _groups(layers: list[list[int]], verts: list[_Vertex]) -> list[list[int]]:
    groups = []
    for layer in layers:
        start = 0
        for i in range(1, len(layer) + 1):
            if i == len(layer) or verts[layer[i]].lane != verts[layer[start]].lane:
                groups.append(layer[start:i])
                start = i
    return groups


def _cross_coordinates(
    layers: list[list[int]], verts: list[_Vertex], lane_count: int, sp: Spacing
) -> tuple[dict[int, float], list[tuple[float, float]]]:
    groups = _groups(layers, verts)
    need = [0.0] * lane_count
    for g in groups:
        stack = sum(verts[v].before + verts[v].after for v in g) + sum(
            _gap(verts[a], verts[b], sp) for a, b in itertools.pairwise(g)
        )
        lane = verts[g[0]].lane
        need[lane] = max(need[lane], stack)
    lanes = []
    top = sp.cross_start
    for lane in range(lane_count):
        size = max(sp.lane_min, need[lane] + 2 * sp.lane_pad)
        lanes.append((top, size))
        top += size
    cross: dict[int, float] = {}
    for g in groups:  # start centred in the band
        lane_top, size = lanes[verts[g[0]].lane]
        stack = sum(verts[v].before + verts[v].after for v in g) + sum(
            _gap(verts[a], verts[b], sp) for a, b in itertools.pairwise(g)
        )
        c = lane_top + (size - stack) / 2
        for i, v in enumerate(g):
            if i:
                c += _gap(verts[g[i - 1]], verts[v], sp)
            cross[v] = c + verts[v].before
            c += verts[v].before + verts[v].after
    by_rank: list[list[_Group]] = [[] for _ in layers]
    for g in groups:
        by_rank[verts[g[0]].rank].append(_group(g, verts, lanes, sp))
    passes = 16 if len(verts) < 300 else (8 if len(verts) < 1500 else 4)
    for p in range(passes):
        downward = p % 2 == 0
        ranks = range(len(layers)) if downward else range(len(layers) - 1, -1, -1)
        for r in ranks:
            for group in by_rank[r]:
                _place_group(group, verts, cross, "both" if p == passes - 1 else ("up" if downward else "down"))
    return cross, lanes


@dataclass
class _Group:
    """The items of one lane in one rank, in order, with what placing them needs that does not change."""

    vertices: list[int]
    offsets: list[float]
    lo: float
    hi: float
    dummy_chain: list[bool]  # a dummy whose neighbours are dummies too: keep it straight harder


def _group(g: list[int], verts: list[_Vertex], lanes: list[tuple[float, float]], sp: Spacing) -> _Group:
    offsets = [0.0]
    for i in range(1, len(g)):
        a, b = verts[g[i - 1]], verts[g[i]]
        offsets.append(offsets[-1] + a.after + _gap(a, b, sp) + b.before)
    lane_top, size = lanes[verts[g[0]].lane]
    lo = lane_top + sp.lane_pad + verts[g[0]].before
    hi = lane_top + size - sp.lane_pad - verts[g[-1]].after - offsets[-1]
    chain = [verts[v].item is None and all(verts[u].item is None for u in verts[v].up + verts[v].down) for v in g]
    return _Group(g, offsets, lo, hi, chain)


def _place_group(gr: _Group, verts: list[_Vertex], cross: dict[int, float], side: str) -> None:
    targets, weights = [], []
    for v, off, chain in zip(gr.vertices, gr.offsets, gr.dummy_chain, strict=True):
        vx = verts[v]
        nbrs = vx.up if side == "up" else vx.down if side == "down" else vx.up + vx.down
        if len(nbrs) == 1:
            want, w = cross[nbrs[0]], vx.weight * (2.0 if chain else 1.0)
        elif nbrs:
            values = sorted(cross[u] for u in nbrs)
            mid = len(values) // 2
            want = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
            w = vx.weight * (2.0 if chain else 1.0)
        else:
            want, w = cross[v], 0.05
        targets.append(want - off)
        weights.append(w)
    lo, hi = gr.lo, gr.hi
    for v, z, off in zip(gr.vertices, _isotonic(targets, weights), gr.offsets, strict=True):
        cross[v] = min(max(z, lo), hi) + off


def _straighten(
    chains: list[_Chain],
    layers: list[list[int]],
    verts: list[_Vertex],
    cross: dict[int, float],
    lanes: list[tuple[float, float]],
    sp: Spacing,
) -> None:
    """Put the dummies of a long flow on one line where their neighbours leave room: a flow that
    jogs at every rank is hard to follow."""
    pos = _positions(layers)

    def room(v: int) -> tuple[float, float]:
        layer = layers[verts[v].rank]
        i = pos[v]
        vx = verts[v]
        lane_top, size = lanes[vx.lane]
        lo, hi = lane_top + sp.lane_pad + vx.before, lane_top + size - sp.lane_pad - vx.after
        if i > 0 and verts[layer[i - 1]].lane == vx.lane:
            p = verts[layer[i - 1]]
            lo = max(lo, cross[layer[i - 1]] + p.after + _gap(p, vx, sp) + vx.before)
        if i + 1 < len(layer) and verts[layer[i + 1]].lane == vx.lane:
            n = verts[layer[i + 1]]
            hi = min(hi, cross[layer[i + 1]] - n.before - _gap(vx, n, sp) - vx.after)
        return lo, hi

    def run(inner: list[int], level: float) -> tuple[int, list[float]]:
        """Follow the chain keeping its line where it is as long as there is room; jog only when forced."""
        out, jogs = [], 0
        for v in inner:
            lo, hi = room(v)
            if lo > hi + 0.01:
                return len(inner) + 1, []
            if not lo - 0.01 <= level <= hi + 0.01:
                level = min(max(level, lo), hi)
                jogs += 1
            out.append(level)
        return jogs, out

    for ch in sorted(chains, key=lambda c: -len(c.vertices)):
        inner = ch.vertices[1:-1]
        if not inner:
            continue
        values = sorted(cross[v] for v in inner)
        best: tuple[int, list[float]] | None = None
        for level in (cross[ch.vertices[0]], cross[ch.vertices[-1]], values[len(values) // 2]):
            for order in (inner, inner[::-1]):
                jogs, levels = run(order, level)
                if order is not inner:
                    levels = levels[::-1]
                if levels and (best is None or jogs < best[0]):
                    best = (jogs, levels)
        current = sum(abs(cross[a] - cross[b]) > 0.5 for a, b in itertools.pairwise(inner))
        if best is not None and best[0] <= current:
            for v, c in zip(inner, best[1], strict=True):
                cross[v] = c


def _isotonic(values: list[float], weights: list[float]) -> list[float]:
    """Weighted least-squares non-decreasing fit (pool adjacent violators)."""
    blocks: list[list[float]] = []  # weight, weighted sum, count
    for v, w in zip(values, weights, strict=True):
        blocks.append([w, w * v, 1])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][0] > blocks[-1][1] / blocks[-1][0]:
            w2, s2, n2 = blocks.pop()
            blocks[-1][0] += w2
            blocks[-1][1] += s2
            blocks[-1][2] += n2
    out: list[float] = []
    for w, s, n in blocks:
        out += [s / w] * int(n)
    return out


# -- routing ---------------------------------------------------------------------------------------


def _route(
    items: list[Item],
    verts: list[_Vertex],
    layers: list[list[int]],
    chains: list[_Chain],
    cross: dict[int, float],
    lanes: list[tuple[float, float]],
    sp: Spacing,
    crossings: int,
) -> Placement:
    # Ports: where each chain leaves its first and enters its last item, on the cross axis.
    out_ports: dict[int, list[int]] = {}
    in_ports: dict[int, list[int]] = {}
    for k, ch in enumerate(chains):
        out_ports.setdefault(ch.vertices[0], []).append(k)
        in_ports.setdefault(ch.vertices[-1], []).append(k)
    start_c: dict[int, float] = {}
    end_c: dict[int, float] = {}
    for ports, target, nbr in ((out_ports, start_c, 1), (in_ports, end_c, -2)):
        for v, ks in ports.items():
            item = verts[v].item
            assert item is not None
            fixed = [k for k in ks if nbr == 1 and chains[k].link.source_offset is not None and not chains[k].reversed]
            for k in fixed:
                target[k] = cross[v] + (chains[k].link.source_offset or 0.0)
            free = sorted((k for k in ks if k not in fixed), key=lambda k: (cross[chains[k].vertices[nbr]], k))
            if item.tip or len(free) < 2:
                for k in free:
                    target[k] = cross[v]
                continue
            step = min(sp.port_step, 2 * item.port_span / (len(free) - 1)) if item.port_span > 0 else 0.0
            for i, k in enumerate(free):
                target[k] = cross[v] + (i - (len(free) - 1) / 2) * step
    _separate_stubs(chains, verts, cross, start_c, end_c, sp)
    # Channel tracks between rank r and r + 1.
    depth = len(layers)
    segments: list[list[tuple[tuple[float, ...], float, float, int, int]]] = [[] for _ in range(depth)]
    levels: list[list[float]] = []  # per chain: the cross coordinate of its line at each vertex
    for k, ch in enumerate(chains):
        vs = ch.vertices
        cs = [start_c[k]]
        for j in range(1, len(vs)):
            c = end_c[k] if j == len(vs) - 1 else cross[vs[j]]
            cs.append(cs[-1] if abs(c - cs[-1]) < 0.5 else c)
        levels.append(cs)
        for j in range(len(vs) - 1):
            c1, c2 = cs[j], cs[j + 1]
            if c1 == c2:
                continue
            key = (0.0, -c1, -c2) if c2 > c1 else (1.0, c1, c2)
            segments[verts[vs[j]].rank].append((key, min(c1, c2), max(c1, c2), k, j))
    tracks: dict[tuple[int, int], int] = {}
    track_count = [0] * depth
    for r in range(depth):
        placed: list[list[tuple[float, float]]] = []
        for _key, lo, hi, k, j in sorted(segments[r]):
            t = 0
            for level in range(len(placed) - 1, -1, -1):
                if any(lo <= b + sp.track * 0.8 and a <= hi + sp.track * 0.8 for a, b in placed[level]):
                    t = level + 1
                    break
            if t == len(placed):
                placed.append([])
            placed[t].append((lo, hi))
            tracks[(k, j)] = t
        track_count[r] = len(placed)
    # Main-axis coordinates: columns and channels.
    column_start, column_size, channel_start, channel_size = [], [], [], []
    m = sp.main_start
    for r, layer in enumerate(layers):
        size = max((verts[v].main for v in layer), default=0.0)
        column_start.append(m)
        column_size.append(size)
        m += size
        width = max(sp.channel_min, (track_count[r] + 1) * sp.track) if r < depth - 1 else 0.0
        channel_start.append(m)
        channel_size.append(width)
        m += width
    main_length = m
    centre = [column_start[r] + column_size[r] / 2 for r in range(depth)]

    def track_main(r: int, t: int) -> float:
        n = track_count[r]
        return channel_start[r] + channel_size[r] / 2 + (t - (n - 1) / 2) * sp.track

    routes: dict[str, list[Point]] = {}
    labels: dict[str, Point] = {}
    for k, ch in enumerate(chains):
        vs = ch.vertices
        first, last = verts[vs[0]], verts[vs[-1]]
        assert first.item is not None and last.item is not None
        cs = levels[k]
        pts: list[Point] = [(centre[first.rank] + first.item.main_half, cs[0])]
        for j in range(len(vs) - 1):
            if (k, j) in tracks:
                tm = track_main(verts[vs[j]].rank, tracks[(k, j)])
                pts += [(tm, cs[j]), (tm, cs[j + 1])]
        pts.append((centre[last.rank] - last.item.main_half, cs[-1]))
        pts = _simplify(pts)
        if ch.reversed:
            pts.reverse()
        routes[ch.link.id] = pts
        if ch.label_at is not None:
            v = vs[ch.label_at]
            labels[ch.link.id] = (centre[verts[v].rank], levels[k][ch.label_at])
    anchors = {it.id: (centre[verts[i].rank], cross[i]) for i, it in enumerate(items)}
    cross_length = (lanes[-1][0] + lanes[-1][1]) if lanes else sp.cross_start
    return Placement(anchors, lanes, main_length, cross_length, routes, labels, crossings)


def _separate_stubs(
    chains: list[_Chain],
    verts: list[_Vertex],
    cross: dict[int, float],
    start_c: dict[int, float],
    end_c: dict[int, float],
    sp: Spacing,
) -> None:
    """Two flows that turn in the same channel must not run on one line: when a flow enters a side
    at the height another one leaves the facing column, move its port along the side (within the
    side), so the two cross instead of lying on top of each other."""
    leaving: dict[int, list[tuple[float, int]]] = {}  # rank -> (cross, chain) of lines leaving into its channel
    for k, ch in enumerate(chains):
        vs = ch.vertices
        c0 = start_c[k]
        c1 = end_c[k] if len(vs) == 2 else cross[vs[1]]
        if abs(c0 - c1) >= 0.5:
            leaving.setdefault(verts[vs[0]].rank, []).append((c0, k))
        for j in range(1, len(vs) - 1):
            nxt = end_c[k] if j == len(vs) - 2 else cross[vs[j + 1]]
            if abs(cross[vs[j]] - nxt) >= 0.5:
                leaving.setdefault(verts[vs[j]].rank, []).append((cross[vs[j]], k))
    for k, ch in enumerate(chains):
        vs = ch.vertices
        last = verts[vs[-1]]
        item = last.item
        if item is None or item.tip or item.port_span <= 0:
            continue
        before = start_c[k] if len(vs) == 2 else cross[vs[-2]]
        c = end_c[k]
        if abs(before - c) < 0.5:
            continue
        others = [oc for oc, ok in leaving.get(last.rank - 1, []) if ok != k]
        if not any(abs(oc - c) < 2 for oc in others):
            continue
        anchor = cross[vs[-1]]
        for shift in (sp.port_step / 2, -sp.port_step / 2, sp.port_step, -sp.port_step):
            moved = c + (shift if before < c else -shift)
            if abs(moved - anchor) <= item.port_span and not any(abs(oc - moved) < 2 for oc in others):
                end_c[k] = moved
                break


def _simplify(pts: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in pts:
        if out and abs(out[-1][0] - p[0]) < 0.01 and abs(out[-1][1] - p[1]) < 0.01:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < 0.01 and abs(b[0] - p[0]) < 0.01) or (
                abs(a[1] - b[1]) < 0.01 and abs(b[1] - p[1]) < 0.01
            ):
                out[-1] = p
                continue
        out.append(p)
    return out
