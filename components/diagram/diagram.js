// LTV process diagram: pan/zoom, keyboard navigation and selection on a renderer SVG.
// Streamlit 1.67 calls the default export again whenever `data` or the theme changes, WITHOUT calling
// the cleanup the previous call returned (only the last one runs, on unmount). So every call first
// drops the listeners of the one before (m.ac) and everything here is idempotent.
//
// Sections (kept apart so parallel work merges easily): drawing store and index; lane-header strip;
// view (zoom, pan, clamp, initial view, fit); minimap; selection and the step panel; path and fade;
// box height; pointer, touch and keyboard events.

// shadow root -> view state that survives reruns (pan, zoom, click sequence, indexes)
const MEMO = new WeakMap();
// sha256 hex -> {svg, panels} shared by every diagram on this page; Python omits them when held
const DRAWINGS = new Map();
const KEEP = 8;
const KMIN = 0.05;
const KMAX = 8;
const DRAG = 4;
const PAD = 12;
const NODE = 'g.node:not(.static)';
// Smallest label size at the initial view, in CSS px: 12 to read at a desk, 16 on a projector.
const LABEL_PX = { explore: 12.5, present: 16.5 };
// Never zoom in further than this at the initial view, however small the drawing.
const KINIT_MAX = 2.2;
const MINI_W = 180;
const MINI_H = 110;
// drawing hash -> {id, seq} of the last click, for a component React mounts afresh
const CLICKS = new Map();

function hold(hash, svg, panels) {
  if (svg) DRAWINGS.set(hash, { svg, panels: panels || {} });
  const held = DRAWINGS.get(hash);
  if (held === undefined) return null;
  DRAWINGS.delete(hash);
  DRAWINGS.set(hash, held);
  while (DRAWINGS.size > KEEP) DRAWINGS.delete(DRAWINGS.keys().next().value);
  return held;
}

// -- drawing store and index ---------------------------------------------------------------

// Put a drawing on the stage and index it: focusable nodes, successors, predecessors, edges per node.
function draw(m, stage, svg) {
  stage.innerHTML = svg;
  const el = stage.querySelector('svg');
  m.nodes = new Map();
  m.succ = new Map();
  m.pred = new Map();
  m.edgesOf = new Map();
  m.hl = [];
  m.pathEls = [];
  m.fadeables = [];
  m.rot = {};
  m.came = null;
  m.fitted = false;
  m.w = 0;
  m.h = 0;
  m.font = 10;
  m.strip = { axis: 'x', size: 0 };
  if (!el) return;
  const vb = el.viewBox.baseVal;
  if (!el.getAttribute('width') && vb && vb.width) el.setAttribute('width', vb.width);
  if (!el.getAttribute('height') && vb && vb.height) el.setAttribute('height', vb.height);
  m.w = el.width.baseVal.value || (vb && vb.width) || 1;
  m.h = el.height.baseVal.value || (vb && vb.height) || 1;
  // role=img would hide the focusable steps from assistive technology
  el.setAttribute('role', 'group');
  for (const s of el.querySelectorAll('.static')) {
    s.removeAttribute('tabindex');
    s.setAttribute('aria-hidden', 'true');
  }
  for (const g of el.querySelectorAll(NODE)) {
    if (!g.id) continue;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    nameStep(g);
    m.nodes.set(g.id, g);
  }
  const add = (map, key, value) => {
    const list = map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else {
      map.set(key, [value]);
    }
  };
  for (const e of el.querySelectorAll('g.edge')) {
    const a = e.getAttribute('data-source');
    const b = e.getAttribute('data-target');
    if (!a || !b) continue;
    add(m.edgesOf, a, e);
    add(m.edgesOf, b, e);
    if (m.nodes.has(a) && m.nodes.has(b)) {
      add(m.succ, a, b);
      add(m.pred, b, a);
    }
  }
  m.fadeables = [...el.querySelectorAll('g.lane, g.node, g.edge')];
  m.font = labelFont(el);
}

// The smallest font size of a step label, in drawing units (what the initial zoom must enlarge).
function labelFont(el) {
  let min = Infinity;
  for (const t of el.querySelectorAll('g.node text')) {
    const f = parseFloat(getComputedStyle(t).fontSize);
    if (f > 0 && f < min) min = f;
  }
  return Number.isFinite(min) ? min : 10;
}

// -- lane-header strip: the headers live in a reserved strip beside (or above) the drawing ------

// Move the drawing's lane headers into their own strip. Content is clipped at the strip's edge, so a
// header never lies over a box or a label, whatever the pan.
function buildStrip(m, heads, pane) {
  heads.innerHTML = '';
  const el = m.stage.querySelector('svg');
  const group = el && el.querySelector('g.lane-headers');
  m.strip = { axis: 'x', size: 0 };
  if (!group) return;
  const b = group.getBBox();
  if (!b.width || !b.height) return;
  const vertical = b.width > b.height * 1.5; // headers in a row along the top: lanes are columns
  m.strip = vertical ? { axis: 'y', size: b.y + b.height } : { axis: 'x', size: b.x + b.width };
  const svg = el.cloneNode(false);
  svg.removeAttribute('id');
  svg.setAttribute('aria-hidden', 'true');
  const style = el.querySelector('style');
  if (style) svg.appendChild(style.cloneNode(true));
  const copy = group.cloneNode(true);
  for (const n of copy.querySelectorAll('[id]')) n.removeAttribute('id');
  copy.removeAttribute('id');
  svg.appendChild(copy);
  heads.appendChild(svg);
  group.setAttribute('visibility', 'hidden');
  m.fadeables.push(...copy.querySelectorAll('g.lane'));
  heads.dataset.axis = m.strip.axis;
  pane.dataset.axis = m.strip.axis;
}

// The strip's size on screen at the current zoom.
function stripPx(m) {
  return m.strip.size * m.k;
}

// -- view: zoom, pan, clamp, initial view, fit -----------------------------------------------------

function applyView(m, vp, heads, pane) {
  const s = stripPx(m);
  const ox = m.strip.axis === 'x' ? s : 0;
  const oy = m.strip.axis === 'y' ? s : 0;
  pane.style.left = ox + 'px';
  pane.style.top = oy + 'px';
  m.stage.style.transform = 'translate(' + (m.x - ox) + 'px,' + (m.y - oy) + 'px) scale(' + m.k + ')';
  if (m.strip.axis === 'x') {
    heads.style.width = s + 'px';
    heads.style.height = '';
  } else {
    heads.style.height = s + 'px';
    heads.style.width = '';
  }
  const svg = heads.firstElementChild;
  if (svg) {
    const tx = m.strip.axis === 'x' ? 0 : m.x;
    const ty = m.strip.axis === 'x' ? m.y : 0;
    svg.style.transform = 'translate(' + tx + 'px,' + ty + 'px) scale(' + m.k + ')';
  }
  drawMiniView(m, vp);
}

// Keep the drawing covering the box: no empty band beside it while there is drawing to show.
// On screen (relative to the viewport) a drawing point X lies at m.x + k * X; the strip covers the
// drawing's own header area, so the content starts right beside it when m.x is 0.
function clampView(m, vp) {
  const axis = (pos, size, room) => {
    const lo = room - m.k * size;
    if (lo >= 0) return 0; // smaller than the box: top/left aligned
    return Math.min(0, Math.max(lo, pos));
  };
  m.x = axis(m.x, m.w, vp.clientWidth);
  m.y = axis(m.y, m.h, vp.clientHeight);
}

function zoomAt(m, f, cx, cy) {
  const k = Math.max(KMIN, Math.min(KMAX, m.k * f));
  m.x = cx - ((cx - m.x) * k) / m.k;
  m.y = cy - ((cy - m.y) * k) / m.k;
  m.k = k;
}

// Union of the drawing-space boxes of some elements (independent of the current view).
function extent(els) {
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let d = -Infinity;
  for (const g of els) {
    if (!g) continue;
    const a = g.getBBox();
    l = Math.min(l, a.x);
    t = Math.min(t, a.y);
    r = Math.max(r, a.x + a.width);
    d = Math.max(d, a.y + a.height);
  }
  return Number.isFinite(l) ? { l, t, r, d } : null;
}

// The content area beside the strip, in viewport px.
function room(m, vp) {
  const s = stripPx(m);
  const x0 = m.strip.axis === 'x' ? s : 0;
  const y0 = m.strip.axis === 'y' ? s : 0;
  return { x0, y0, w: vp.clientWidth - x0, h: vp.clientHeight - y0 };
}

// Bring a drawing-space box to the middle of the content area.
function centreOn(m, vp, e) {
  if (!e) return;
  const r = room(m, vp);
  m.x = r.x0 + r.w / 2 - (m.k * (e.l + e.r)) / 2;
  m.y = r.y0 + r.h / 2 - (m.k * (e.t + e.d)) / 2;
}

// The first step of the flow: the start event furthest up-stream (leftmost, or topmost when vertical).
function flowStart(m) {
  let best = null;
  let bestPos = Infinity;
  for (const g of m.nodes.values()) {
    if (!g.classList.contains('node-start')) continue;
    const b = g.getBBox();
    const pos = m.strip.axis === 'x' ? b.x : b.y;
    if (pos < bestPos) {
      bestPos = pos;
      best = g;
    }
  }
  return best || m.nodes.values().next().value || null;
}

// The zoom that makes the smallest label `px` CSS px tall.
function readableK(m, mode) {
  return (LABEL_PX[mode] || LABEL_PX.explore) / (m.font || 10);
}

// Initial view: labels at least LABEL_PX at once (zoom in further only to fill the box with a small
// drawing), then the selection (or the walked path) in the middle, or the flow's start at the top left.
function initialView(m, vp, mode, focus) {
  const fitAll = Math.min((vp.clientWidth - PAD) / m.w, (vp.clientHeight - PAD) / m.h);
  m.k = Math.max(readableK(m, mode), Math.min(KINIT_MAX, fitAll));
  m.x = 0;
  m.y = 0;
  const ids = focus.filter((id) => m.nodes.has(id));
  if (ids.length) {
    showIds(m, vp, ids);
  } else {
    const start = flowStart(m);
    if (start) {
      // the drawing's leading edge (where the flow starts, with the links that lead into it), and
      // the start event in the middle across the flow
      centreOn(m, vp, extent([start]));
      if (m.strip.axis === 'x') m.x = 0;
      else m.y = 0;
    }
  }
  clampView(m, vp);
}

// Show the given steps: the last one (the current) always, the others as far as they fit.
function showIds(m, vp, ids) {
  const els = ids.map((id) => m.nodes.get(id)).filter(Boolean);
  const all = extent(els);
  const cur = extent([els[els.length - 1]]);
  if (!all || !cur) return;
  const r = room(m, vp);
  const wide = m.k * (all.r - all.l) > r.w - 2 * PAD;
  const tall = m.k * (all.d - all.t) > r.h - 2 * PAD;
  if (!wide && !tall) {
    centreOn(m, vp, all);
    return;
  }
  // too much to show at a readable size: the current step in view, and as much of the way that led
  // to it (up-stream: left or above) as fits
  centreOn(m, vp, cur);
  const half = (span, size) => Math.max(0, span / 2 - (m.k * size) / 2 - PAD);
  if (wide) m.x += Math.min(m.k * Math.max(0, cur.l - all.l), half(r.w, cur.r - cur.l));
  else centreOn(m, vp, { l: all.l, r: all.r, t: cur.t, d: cur.d });
  if (tall) m.y += Math.min(m.k * Math.max(0, cur.t - all.t), half(r.h, cur.d - cur.t));
}

// "Fit width": the drawing as wide as the box. "Fit all": the whole drawing in the box.
function fitTo(m, vp, how) {
  const kw = (vp.clientWidth - PAD) / m.w;
  const kh = (vp.clientHeight - PAD) / m.h;
  m.k = Math.max(KMIN, Math.min(KMAX, how === 'width' ? kw : Math.min(kw, kh)));
  m.x = 0;
  m.y = 0;
  clampView(m, vp);
}

// -- minimap: the whole drawing small, with the visible area marked --------------------------------

function buildMini(m, mini) {
  mini.innerHTML = '';
  m.miniScale = 0;
  const el = m.stage.querySelector('svg');
  if (!el || !m.w || !m.h) return;
  const s = Math.min(MINI_W / m.w, MINI_H / m.h);
  m.miniScale = s;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(Math.round(m.w * s)));
  svg.setAttribute('height', String(Math.round(m.h * s)));
  svg.setAttribute('viewBox', '0 0 ' + m.w + ' ' + m.h);
  svg.setAttribute('aria-hidden', 'true');
  const rect = (b, cls) => {
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('x', b.x);
    r.setAttribute('y', b.y);
    r.setAttribute('width', b.width);
    r.setAttribute('height', b.height);
    r.setAttribute('class', cls);
    svg.appendChild(r);
    return r;
  };
  for (const band of el.querySelectorAll('g.lane .lane-band')) rect(band.getBBox(), 'mini-lane');
  for (const g of m.nodes.values()) rect(g.getBBox(), 'mini-node');
  m.miniView = rect({ x: 0, y: 0, width: 1, height: 1 }, 'mini-view');
  mini.appendChild(svg);
}

function drawMiniView(m, vp) {
  const mini = m.mini;
  if (!mini || !m.miniView) return;
  const bigger = m.w * m.k > vp.clientWidth + 1 || m.h * m.k > vp.clientHeight + 1;
  mini.hidden = !bigger;
  if (!bigger) return;
  const r = room(m, vp);
  const x = Math.max(0, (r.x0 - m.x) / m.k);
  const y = Math.max(0, (r.y0 - m.y) / m.k);
  m.miniView.setAttribute('x', x);
  m.miniView.setAttribute('y', y);
  m.miniView.setAttribute('width', Math.max(1, Math.min(m.w - x, r.w / m.k)));
  m.miniView.setAttribute('height', Math.max(1, Math.min(m.h - y, r.h / m.k)));
}

// A point on the minimap (client coordinates) becomes the middle of the view.
function miniJump(m, vp, mini, cx, cy) {
  const svg = mini.querySelector('svg');
  if (!svg || !m.miniScale) return;
  const r = svg.getBoundingClientRect();
  const X = (cx - r.left) / m.miniScale;
  const Y = (cy - r.top) / m.miniScale;
  centreOn(m, vp, { l: X, r: X, t: Y, d: Y });
  clampView(m, vp);
}

// -- selection and the step panel ----------------------------------------------------------------

function highlight(m, id) {
  for (const e of m.hl || []) {
    e.classList.remove('selected', 'neighbour', 'active');
    e.removeAttribute('aria-current');
  }
  m.hl = [];
  const g = id ? m.nodes.get(id) : null;
  if (!g) return;
  g.classList.add('selected');
  g.setAttribute('aria-current', 'true');
  m.hl.push(g);
  for (const e of m.edgesOf.get(id) || []) {
    e.classList.add('active');
    m.hl.push(e);
    const a = e.getAttribute('data-source');
    const other = m.nodes.get(a === id ? e.getAttribute('data-target') : a);
    if (other && other !== g) {
      other.classList.add('neighbour');
      m.hl.push(other);
    }
  }
}

// The panel's HTML came with the drawing (built and escaped in Python): a click shows it at once.
function showPanel(m, panel, id) {
  if (!panel || !m.panels) return;
  const html = (id && m.panels[id]) || m.panels[''] || '';
  if (panel.dataset.showing === (id || '') && panel.innerHTML) return;
  panel.innerHTML = html;
  panel.dataset.showing = id || '';
  panel.scrollTop = 0;
}

// -- path and organisation filter: classes only, nothing moves ---------------------------------------

function markPath(m, path) {
  for (const e of m.pathEls || []) e.classList.remove('on-path');
  m.pathEls = [];
  path.forEach((id, i) => {
    const g = m.nodes.get(id);
    if (g) m.pathEls.push(g);
    const next = path[i + 1];
    if (next === undefined) return;
    for (const e of m.edgesOf.get(id) || []) {
      if (e.getAttribute('data-source') === id && e.getAttribute('data-target') === next) m.pathEls.push(e);
    }
  });
  for (const e of m.pathEls) e.classList.add('on-path');
}

function markFaded(m, faded) {
  const fade = new Set(faded);
  for (const g of m.fadeables || []) {
    let f = fade.has(g.id);
    if (!f) for (const c of g.classList) if (fade.has(c)) f = true;
    if (!f && g.classList.contains('edge')) {
      f = fade.has(g.getAttribute('data-source')) || fade.has(g.getAttribute('data-target'));
    }
    g.classList.toggle('faded', f);
  }
}

// -- box height: as tall as the drawing needs, within the screen -------------------------------------

// How far the page is scrolled (Streamlit scrolls a section of its own, not the window).
function pageScroll(el) {
  let total = window.scrollY;
  let node = el;
  while (node) {
    if (node instanceof Element && node.scrollTop) total += node.scrollTop;
    node = node.parentNode || node.host || null;
  }
  return total;
}

// `fill`: down to the bottom of the window (presentation). Otherwise as tall as the drawing at the
// initial zoom, at most `height` and never taller than the window below the box's top.
function sizeBox(m, box, d) {
  const top = box.getBoundingClientRect().top + pageScroll(box);
  const room = Math.max(260, window.innerHeight - Math.min(top, window.innerHeight * 0.5) - 16);
  let h;
  if (d.fill) {
    h = Math.max(300, window.innerHeight - Math.max(0, top) - 12);
  } else {
    const k = readableK(m, d.mode);
    const need = m.h ? m.h * k + 2 : d.height || 560;
    h = Math.min(d.height || 560, room, Math.max(220, need));
    if (window.innerWidth < 600) h = Math.min(h, Math.round(window.innerHeight * 0.6));
  }
  box.style.height = Math.round(h) + 'px';
}

// -- the component ------------------------------------------------------------------------------------


// -- for screen-reader and keyboard users: names, announcements, a decision's choices --------------
// Kept apart from pan/zoom: draw() names the steps, the key handler announces moves and choices.
const ROLES = {
  start: 'startgebeurtenis',
  end: 'eindgebeurtenis',
  task: 'taak',
  subprocess: 'deelproces',
  gateway: 'beslispunt',
  parallel: 'parallelle splitsing',
  event: 'tussengebeurtenis',
  timer: 'termijn',
  boundary: 'grensgebeurtenis',
  link: 'verwijzing naar een ander proces',
};

function kindOf(g) {
  for (const c of g.classList) if (c.startsWith('node-')) return c.slice(5);
  return '';
}

// the label as drawn (wrapped lines joined; a shortened one ends in …)
function shownText(g) {
  const t = g.querySelector(':scope > text');
  return t ? t.textContent.replace(/\s+/g, ' ').trim() : '';
}

function labelOf(g) {
  return (g && (g.getAttribute('data-label') || shownText(g) || g.id)) || '';
}

// A step's accessible name is its visible label, from the SVG <title> (WCAG 2.5.3: the name starts
// with what is drawn); its description, from <desc>, is the role, the organisation (lane) and the
// position in reading order: "Dossier controleren", then "taak, DT&V, stap 3 van 17". No aria-label:
// a name that repeats the drawn words would not match them while the viewer's edge cuts a box.
function nameOf(g) {
  const label = labelOf(g);
  const seen = shownText(g);
  return !seen || label.startsWith(seen.replace(/\s*…$/, '')) ? label : seen + ' (' + label + ')';
}

function detailsOf(g) {
  const parts = [];
  const role = ROLES[kindOf(g)];
  if (role) parts.push(role);
  if (g.getAttribute('data-lane')) parts.push(g.getAttribute('data-lane'));
  if (g.getAttribute('data-nr')) parts.push('stap ' + g.getAttribute('data-nr') + ' van ' + g.getAttribute('data-count'));
  return parts.join(', ');
}

function childOf(g, tag, after) {
  let el = g.querySelector(':scope > ' + tag);
  if (!el) {
    el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    if (after) after.after(el);
    else g.prepend(el);
  }
  return el;
}

function nameStep(g) {
  g.removeAttribute('aria-label');
  const title = childOf(g, 'title', null);
  title.textContent = nameOf(g);
  const details = detailsOf(g);
  if (details) childOf(g, 'desc', title).textContent = details;
  // the drawn lines are the name already (from <title>): not read a second time
  for (const t of g.querySelectorAll(':scope > text')) t.setAttribute('aria-hidden', 'true');
}

function edgeFrom(m, a, b) {
  return (m.edgesOf.get(a) || []).find((e) => e.getAttribute('data-source') === a && e.getAttribute('data-target') === b);
}

function edgeText(m, e) {
  if (!e) return '';
  const t = e.querySelector(':scope > title');
  let text = t && t.textContent.trim() ? ', bij ' + t.textContent.trim() : '';
  if (e.classList.contains('handover')) {
    const to = m.nodes.get(e.getAttribute('data-target'));
    text += ', overdracht aan ' + ((to && to.getAttribute('data-lane')) || 'een andere organisatie');
  }
  return text;
}

// "van Dossier controleren naar Vertrekgesprek, overdracht aan COA" (backwards: "terug van … naar …")
function moveText(m, from, to, fwd) {
  const e = fwd ? edgeFrom(m, from, to) : edgeFrom(m, to, from);
  return (fwd ? 'van ' : 'terug van ') + labelOf(m.nodes.get(from)) + ' naar ' + labelOf(m.nodes.get(to)) + edgeText(m, e);
}

// The K key: what can follow this step, with the condition of each flow.
function choicesText(m, g) {
  const next = m.succ.get(g.id) || [];
  if (!next.length) return labelOf(g) + ': hier eindigt de stroom.';
  const items = next.map((id) => 'naar ' + labelOf(m.nodes.get(id)) + edgeText(m, edgeFrom(m, g.id, id)));
  const head = next.length === 1 ? 'één vervolg' : next.length + (kindOf(g) === 'parallel' ? ' gelijktijdige vervolgen' : ' keuzes');
  return labelOf(g) + ': ' + head + ': ' + items.join('; ') + '.';
}

function announce(live, text) {
  if (!live) return;
  // cleared first, so the same sentence twice is announced twice
  live.textContent = '';
  requestAnimationFrame(() => {
    live.textContent = text;
  });
}

export default function (component) {
  const { data, parentElement: root, setStateValue, setTriggerValue } = component;
  const d = data || {};
  const outer = root.querySelector('.ltvd-root');
  const box = root.querySelector('.ltvd-box');
  const vp = root.querySelector('.ltvd-viewport');
  const pane = root.querySelector('.ltvd-pane');
  const stage = root.querySelector('.ltvd-stage');
  const heads = root.querySelector('.ltvd-heads');
  const mini = root.querySelector('.ltvd-mini');
  const panel = root.querySelector('.ltvd-panel');
  const live = root.querySelector('.ltvd-live');
  if (!outer || !box || !vp || !stage || !pane || !heads) return undefined;
  let m = MEMO.get(root);
  if (!m) {
    const c = CLICKS.get(d.hash) || { id: null, seq: 0 };
    m = { k: 1, x: 0, y: 0, seq: c.seq, sel: c.id, hash: null, report: null, ptr: 0, nodes: new Map() };
    MEMO.set(root, m);
  }
  m.stage = stage;
  m.mini = mini;
  const mode = d.mode === 'present' ? 'present' : 'explore';
  outer.dataset.mode = mode;
  outer.classList.toggle('with-panel', !!d.panel);
  if (panel) panel.hidden = !d.panel;

  // -- the drawing, by content hash ------------------------------------------------------
  const held_ = d.hash ? hold(d.hash, d.svg, d.panels) : null;
  // the drawing on the stage is still good even if the store has evicted its text
  const have = held_ !== null || (!!d.hash && m.hash === d.hash);
  if (m.hash !== (have ? d.hash : null)) {
    // a new drawing; or one this browser does not hold (evicted): empty until Python resends it
    draw(m, stage, held_ ? held_.svg : '');
    buildStrip(m, heads, pane);
    if (mini) buildMini(m, mini);
    m.hash = have ? d.hash : null;
    if (panel) panel.dataset.showing = '\u0000';
  }
  if (held_) m.panels = held_.panels;
  // Tell Python which drawing this browser holds: once per change, so reruns cannot loop.
  const holding = have ? d.hash : null;
  const held = d.held === undefined ? null : d.held;
  box.setAttribute('data-held', held || '');
  if (holding !== held) {
    const tag = held + '>' + holding;
    if (m.report !== tag) {
      m.report = tag;
      setStateValue('held', holding);
    }
  } else {
    m.report = null;
  }
  sizeBox(m, box, d);

  const apply = () => applyView(m, vp, heads, pane);
  const zoomCentre = (f) => {
    zoomAt(m, f, vp.clientWidth / 2, vp.clientHeight / 2);
    clampView(m, vp);
    apply();
  };
  const centre = (g) => {
    if (!g) return;
    centreOn(m, vp, extent([g]));
    clampView(m, vp);
    apply();
  };

  // Python's selection arrives as a numbered `select`; a click does not change `data` at all. Apply a
  // new number only if Python had seen this browser's latest click (ack >= seq): a rerun that
  // started before a click must not undo it.
  const t = d.select || {};
  if (t.n !== m.n) {
    m.n = t.n;
    if ((t.ack || 0) >= m.seq) {
      m.sel = t.id === undefined ? null : t.id;
      m.wantFocus = true;
    }
  }
  if (m.lit !== m.sel || m.litIn !== m.hash) {
    m.lit = m.sel;
    m.litIn = m.hash;
    highlight(m, m.sel);
  }
  showPanel(m, panel, m.sel);

  const path = Array.isArray(d.path) ? d.path : [];
  markPath(m, path);
  markFaded(m, Array.isArray(d.faded) ? d.faded : []);

  // -- layout once the viewport has a size; bring Python's selection (and path) into view ------------
  const layout = () => {
    if (!m.nodes.size && !m.w) return true;
    if (!vp.clientWidth || !vp.clientHeight) return false;
    const focus = [...path.filter((id) => id !== m.sel), ...(m.sel ? [m.sel] : [])];
    if (!m.fitted) {
      initialView(m, vp, mode, focus);
      m.fitted = true;
      m.wantFocus = false;
    } else if (m.wantFocus) {
      m.wantFocus = false;
      if (mode === 'present') initialView(m, vp, mode, focus);
      else if (m.sel) centre(m.nodes.get(m.sel));
    }
    apply();
    box.dataset.view = m.nodes.size ? 'ready' : '';
    return true;
  };
  apply();
  if (m.ro) m.ro.disconnect();
  m.ro = null;
  if (!layout()) {
    const ro = new ResizeObserver(() => {
      if (layout()) ro.disconnect();
    });
    ro.observe(vp);
    m.ro = ro;
  }

  // -- events: re-attached on every call, after dropping the previous call's ------------------
  if (m.ac) m.ac.abort();
  const ac = new AbortController();
  m.ac = ac;
  const on = (target, type, fn, opts) => target.addEventListener(type, fn, { signal: ac.signal, ...opts });
  const pick = (g) => {
    m.seq = Math.max(Date.now(), m.seq + 1);
    m.sel = m.lit = g.id;
    CLICKS.set(m.hash, { id: g.id, seq: m.seq });
    highlight(m, g.id);
    showPanel(m, panel, g.id);
    setTriggerValue('click', { id: g.id, seq: m.seq });
  };
  attachPointer(m, vp, on, pick, apply, outer);
  attachTouch(m, vp, on, apply, outer);
  attachKeys(m, vp, box, on, pick, apply, zoomCentre, centre, outer, live);
  attachToolbar(m, root, vp, on, apply, zoomCentre, outer);
  if (mini) attachMini(m, vp, mini, on, apply);
  if (panel) attachPanel(panel, on, setTriggerValue);
  on(window, 'resize', () => {
    sizeBox(m, box, d);
    clampView(m, vp);
    apply();
  });

  return () => {
    ac.abort();
    if (m.ro) m.ro.disconnect();
  };
}

// -- pointer (mouse and pen): drag pans, a click selects, the wheel zooms ---------------------------

function attachPointer(m, vp, on, pick, apply, outer) {
  on(vp, 'pointerdown', (e) => {
    m.ptr = performance.now();
    m.dragged = false;
    if (e.pointerType === 'touch' || e.button !== 0) return;
    m.drag = { x: e.clientX, y: e.clientY, ox: m.x, oy: m.y, moved: false };
  });
  on(vp, 'pointermove', (e) => {
    const g = m.drag;
    if (!g) return;
    const dx = e.clientX - g.x;
    const dy = e.clientY - g.y;
    if (!g.moved) {
      if (Math.hypot(dx, dy) < DRAG) return;
      g.moved = true;
      vp.classList.add('dragging');
      vp.setPointerCapture(e.pointerId);
    }
    m.x = g.ox + dx;
    m.y = g.oy + dy;
    clampView(m, vp);
    apply();
  });
  const up = () => {
    if (m.drag && m.drag.moved) m.dragged = true;
    m.drag = null;
    vp.classList.remove('dragging');
  };
  on(vp, 'pointerup', up);
  on(vp, 'pointercancel', up);
  on(vp, 'click', (e) => {
    if (m.dragged) {
      m.dragged = false;
      return;
    }
    activate(m, outer, true);
    const g = e.target.closest(NODE);
    if (g && m.nodes.get(g.id) === g) pick(g);
  });
  on(vp, 'wheel', (e) => {
    e.preventDefault();
    const r = vp.getBoundingClientRect();
    zoomAt(m, Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    clampView(m, vp);
    apply();
  }, { passive: false });
  // focus() may scroll even an overflow:hidden box; the transform is the only offset we use
  for (const el of [vp, vp.querySelector('.ltvd-pane')]) {
    if (!el) continue;
    on(el, 'scroll', () => {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    });
  }
  on(vp, 'focusin', (e) => {
    const g = e.target.closest(NODE);
    // centre on keyboard focus only: a pointer focus must not move the step from under the pointer
    if (g && !(m.ptr && performance.now() - m.ptr < 500)) {
      vp.scrollTop = 0;
      vp.scrollLeft = 0;
      centreOn(m, vp, extent([g]));
      clampView(m, vp);
      apply();
    }
  });
}

// -- touch: one finger scrolls the page until the diagram is activated; two fingers pinch-zoom -------

// An activated diagram takes one-finger drags for itself (touch-action: none); a tap outside it,
// Escape or the "klaar" button hands the page its scrolling back.
function activate(m, outer, on_) {
  if (m.active === on_) return;
  m.active = on_;
  outer.classList.toggle('engaged', on_);
}

function attachTouch(m, vp, on, apply, outer) {
  const touches = (e) => [...e.touches].map((t) => ({ x: t.clientX, y: t.clientY }));
  on(vp, 'touchstart', (e) => {
    const p = touches(e);
    m.touch = { p, x: m.x, y: m.y, k: m.k, moved: false };
  }, { passive: true });
  on(vp, 'touchmove', (e) => {
    const g = m.touch;
    if (!g) return;
    const p = touches(e);
    const r = vp.getBoundingClientRect();
    if (p.length >= 2 && g.p.length >= 2) {
      // pinch: zoom about the midpoint of the two fingers, and follow it
      e.preventDefault();
      const dist = (q) => Math.hypot(q[0].x - q[1].x, q[0].y - q[1].y) || 1;
      const mid = (q) => ({ x: (q[0].x + q[1].x) / 2 - r.left, y: (q[0].y + q[1].y) / 2 - r.top });
      const a = mid(g.p);
      const b = mid(p);
      const k = Math.max(KMIN, Math.min(KMAX, (g.k * dist(p)) / dist(g.p)));
      m.x = b.x - ((a.x - g.x) * k) / g.k;
      m.y = b.y - ((a.y - g.y) * k) / g.k;
      m.k = k;
      g.moved = true;
      activate(m, outer, true);
      clampView(m, vp);
      apply();
    } else if (p.length >= 2) {
      e.preventDefault();
      m.touch = { p, x: m.x, y: m.y, k: m.k, moved: true };
    } else if (m.active && p.length === 1) {
      e.preventDefault();
      m.x = g.x + p[0].x - g.p[0].x;
      m.y = g.y + p[0].y - g.p[0].y;
      g.moved = true;
      clampView(m, vp);
      apply();
    }
  }, { passive: false });
  on(vp, 'touchend', (e) => {
    if (!e.touches.length) m.touch = null;
    else m.touch = { p: touches(e), x: m.x, y: m.y, k: m.k, moved: true };
  }, { passive: true });
  on(document, 'pointerdown', (e) => {
    if (m.active && !e.composedPath().includes(outer)) activate(m, outer, false);
  });
}

// -- keyboard: Tab and arrows along the flows, +/- zoom, 0 fit, W fit width ---------------------------

function attachKeys(m, vp, box, on, pick, apply, zoomCentre, centre, outer, live) {
  const order = (ids) => {
    const c = (id) => {
      const r = m.nodes.get(id).getBoundingClientRect();
      return [r.top + r.height / 2, r.left + r.width / 2];
    };
    return ids.map((id) => [c(id), id]).sort((p, q) => p[0][0] - q[0][0] || p[0][1] - q[0][1]).map((p) => p[1]);
  };
  // Right/Down: successors, Left/Up: predecessors. Moving on from the same step again takes the next
  // one, so repeated visits cycle. Down/Up right after a move cycle among the siblings of that move
  // (when there are several); the opposite direction right after a move goes back where it came from.
  const move = (g, fwd, sibling) => {
    const id = g.id;
    const c = m.came && m.came.at === id ? m.came : null;
    const links = fwd ? m.succ : m.pred;
    let from = id;
    let to;
    if (c && c.fwd !== fwd) {
      to = c.from;
    } else {
      if (sibling && c && (links.get(c.from) || []).length > 1) from = c.from;
      const list = order(links.get(from) || []);
      if (!list.length) return;
      const key = (fwd ? '>' : '<') + from;
      const i = from === id ? m.rot[key] || 0 : list.indexOf(id) + 1;
      to = list[i % list.length];
      m.rot[key] = (list.indexOf(to) + 1) % list.length;
    }
    m.came = { from, at: to, fwd };
    const t = m.nodes.get(to);
    if (t) t.focus({ preventScroll: true });
    announce(live, moveText(m, id, to, fwd));
  };
  const pan = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
  on(box, 'keydown', (e) => {
    m.ptr = 0;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const g = e.target.closest && e.target.closest(NODE);
    const k = e.key;
    if (g && (k === 'Enter' || k === ' ')) pick(g);
    else if (g && (k === 'ArrowRight' || k === 'ArrowDown')) move(g, true, k === 'ArrowDown');
    else if (g && (k === 'ArrowLeft' || k === 'ArrowUp')) move(g, false, k === 'ArrowUp');
    else if (g && (k === 'k' || k === 'K')) announce(live, choicesText(m, g));
    else if (!g && e.target === vp && pan[k]) {
      m.x += pan[k][0];
      m.y += pan[k][1];
      clampView(m, vp);
      apply();
    } else if (k === '+' || k === '=') zoomCentre(1.25);
    else if (k === '-' || k === '_') zoomCentre(0.8);
    else if (k === '0') {
      fitTo(m, vp, 'all');
      apply();
    } else if (k === 'w' || k === 'W') {
      fitTo(m, vp, 'width');
      apply();
    } else if (k === 'Escape' && m.active) activate(m, outer, false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  void centre;
}

// -- toolbar: zoom in/out, fit width, fit all, done (touch) ---------------------------------------------

function attachToolbar(m, root, vp, on, apply, zoomCentre, outer) {
  for (const b of root.querySelectorAll('.ltvd-toolbar button')) {
    on(b, 'click', () => {
      const act = b.getAttribute('data-act');
      if (act === 'done') {
        activate(m, outer, false);
        return;
      }
      activate(m, outer, true);
      if (act === 'in') zoomCentre(1.25);
      else if (act === 'out') zoomCentre(0.8);
      else {
        fitTo(m, vp, act === 'width' ? 'width' : 'all');
        apply();
      }
    });
  }
}

function attachMini(m, vp, mini, on, apply) {
  const jump = (e) => {
    miniJump(m, vp, mini, e.clientX, e.clientY);
    apply();
  };
  on(mini, 'pointerdown', (e) => {
    e.stopPropagation();
    m.miniDrag = true;
    mini.setPointerCapture(e.pointerId);
    jump(e);
  });
  on(mini, 'pointermove', (e) => {
    if (m.miniDrag) jump(e);
  });
  const stop = () => {
    m.miniDrag = false;
  };
  on(mini, 'pointerup', stop);
  on(mini, 'pointercancel', stop);
}

// Links in the panel to another step or process go through Python (the page's navigation and trail).
function attachPanel(panel, on, setTriggerValue) {
  on(panel, 'click', (e) => {
    const a = e.target.closest && e.target.closest('[data-go]');
    if (!a) return;
    e.preventDefault();
    setTriggerValue('go', { ref: a.getAttribute('data-go'), seq: Date.now() });
  });
}
