// Used by drive.py (see there). Lay out graphs given as JSON on stdin with ELK layered (orthogonal routing); lanes as a
// partitioning along the cross axis is not native to ELK, so each lane is a compound node
// (hierarchy handling INCLUDE_CHILDREN), the closest ELK offers to swimlanes.
const ELK = require('elkjs/lib/elk.bundled.js');
const elk = new ELK();
let input = '';
process.stdin.on('data', d => input += d);
process.stdin.on('end', async () => {
  const graphs = JSON.parse(input);
  const out = [];
  for (const g of graphs) {
    const lanes = {};
    for (const n of g.nodes) (lanes[n.lane] = lanes[n.lane] || []).push({id: n.id, width: n.w, height: n.h});
    const root = {
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered', 'elk.direction': g.direction === 'vertical' ? 'DOWN' : 'RIGHT',
        'elk.edgeRouting': 'ORTHOGONAL', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP', 'elk.randomSeed': String(g.seed || 1),
        'elk.spacing.nodeNode': '16', 'elk.layered.spacing.nodeNodeBetweenLayers': '28',
      },
      children: Object.entries(lanes).map(([lane, children]) => ({id: 'lane_' + lane, children,
        layoutOptions: {'elk.padding': '[top=10,left=10,bottom=10,right=10]'}})),
      edges: g.edges.map(e => ({id: e.id, sources: [e.source], targets: [e.target]})),
    };
    const t0 = process.hrtime.bigint();
    const res = await elk.layout(root);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const pos = {};
    for (const lane of res.children) for (const c of lane.children) pos[c.id] = {x: lane.x + c.x, y: lane.y + c.y, w: c.width, h: c.height};
    const edges = [];
    const offset = {root: [0, 0]};
    for (const lane of res.children) offset[lane.id] = [lane.x, lane.y];
    for (const e of res.edges || []) for (const s of e.sections || []) {
      const [ox, oy] = offset[e.container || 'root'] || [0, 0];
      edges.push({id: e.id, points: [s.startPoint, ...(s.bendPoints || []), s.endPoint].map(p => [p.x + ox, p.y + oy])});
    }
    out.push({name: g.name, ms, width: res.width, height: res.height, pos, edges});
  }
  process.stdout.write(JSON.stringify(out));
});
