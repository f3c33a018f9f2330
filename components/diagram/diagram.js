// LTV process diagram: pan/zoom, keyboard navigation and selection on a renderer SVG.
// Streamlit 1.67 calls the default export again whenever `data` or the theme changes, WITHOUT calling
// the cleanup the previous call returned (only the last one runs, on unmount). So every call first
// drops the listeners of the one before (m.ac) and everything here is idempotent.

// shadow root -> view state that survives reruns (pan, zoom, click sequence, indexes)
const MEMO = new WeakMap();
// sha256 hex -> svg text, shared by every diagram on this page; Python omits the SVG when held
const DRAWINGS = new Map();
const KEEP = 8;
const KMIN = 0.05;
const KMAX = 8;
const DRAG = 4;
const PAD = 12;
const NODE = 'g.node:not(.static)';
// drawing hash -> {id, seq} of the last click, for a component React mounts afresh
const CLICKS = new Map();

function hold(hash, svg) {
  if (svg) DRAWINGS.set(hash, svg);
  const held = DRAWINGS.get(hash);
  if (held === undefined) return null;
  DRAWINGS.delete(hash);
  DRAWINGS.set(hash, held);
  while (DRAWINGS.size > KEEP) DRAWINGS.delete(DRAWINGS.keys().next().value);
  return held;
}

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
    g.setAttribute('aria-label', describe(g));
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
}

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

// "Dossier controleren en regievoerder toewijzen, taak, DT&V, stap 3 van 17": the visible label first
// (WCAG 2.5.3), then the role, the organisation (lane) and the position in reading order.
function describe(g) {
  const label = labelOf(g);
  const seen = shownText(g);
  const parts = [!seen || label.startsWith(seen.replace(/\s*…$/, '')) ? label : seen + ' (' + label + ')'];
  const role = ROLES[kindOf(g)];
  if (role) parts.push(role);
  if (g.getAttribute('data-lane')) parts.push(g.getAttribute('data-lane'));
  if (g.getAttribute('data-nr')) parts.push('stap ' + g.getAttribute('data-nr') + ' van ' + g.getAttribute('data-count'));
  return parts.join(', ');
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
  const box = root.querySelector('.ltvd-root');
  const vp = root.querySelector('.ltvd-viewport');
  const stage = root.querySelector('.ltvd-stage');
  const live = root.querySelector('.ltvd-live');
  if (!box || !vp || !stage) return undefined;
  let m = MEMO.get(root);
  if (!m) {
    const c = CLICKS.get(d.hash) || { id: null, seq: 0 };
    m = { k: 1, x: 0, y: 0, seq: c.seq, sel: c.id, hash: null, report: null, ptr: 0, nodes: new Map() };
    MEMO.set(root, m);
  }
  box.style.height = (d.height || 560) + 'px';

  // -- the drawing, by content hash ------------------------------------------------------
  const svg = d.hash ? hold(d.hash, d.svg) : null;
  // the drawing on the stage is still good even if the store has evicted its text
  const have = svg !== null || (!!d.hash && m.hash === d.hash);
  if (m.hash !== (have ? d.hash : null)) {
    // a new drawing; or one this browser does not hold (evicted): empty until Python resends it
    draw(m, stage, svg || '');
    m.hash = have ? d.hash : null;
  }
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

  const apply = () => {
    stage.style.transform = 'translate(' + m.x + 'px,' + m.y + 'px) scale(' + m.k + ')';
    // Lane headers stay in view when the drawing is panned: to the left (lanes as rows) or up
    // (a vertical drawing, lanes as columns).
    const heads = stage.querySelector('g.lane-headers');
    if (heads) {
      const svgEl = stage.querySelector('svg');
      const vertical = svgEl && svgEl.getAttribute('data-direction') === 'vertical';
      const shift = vertical ? '0,' + Math.max(0, -m.y / m.k) : Math.max(0, -m.x / m.k) + ',0';
      heads.setAttribute('transform', 'translate(' + shift + ')');
    }
  };
  const zoomAt = (f, cx, cy) => {
    const k = Math.max(KMIN, Math.min(KMAX, m.k * f));
    m.x = cx - ((cx - m.x) * k) / m.k;
    m.y = cy - ((cy - m.y) * k) / m.k;
    m.k = k;
    apply();
  };
  const zoomCentre = (f) => zoomAt(f, vp.clientWidth / 2, vp.clientHeight / 2);
  // initial: fit, but never further out than 0.6x (or in beyond 1x), top-left aligned; button: whole drawing, centred
  const fit = (initial) => {
    const W = vp.clientWidth;
    const H = vp.clientHeight;
    let k = Math.min((W - 2 * PAD) / m.w, (H - 2 * PAD) / m.h);
    k = initial ? Math.max(0.6, Math.min(1, k)) : Math.max(KMIN, Math.min(2, k));
    m.k = k;
    m.x = initial ? PAD : (W - m.w * k) / 2;
    m.y = !initial && m.h * k <= H - 2 * PAD ? (H - m.h * k) / 2 : PAD;
    apply();
  };
  const centre = (g) => {
    if (!g) return;
    const a = g.getBoundingClientRect();
    const b = vp.getBoundingClientRect();
    m.x += b.left + b.width / 2 - (a.left + a.width / 2);
    m.y += b.top + b.height / 2 - (a.top + a.height / 2);
    apply();
  };

  // -- selection: the step, its direct neighbours and connecting flows, at once -------------
  const highlight = (id) => {
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
  };
  // Python's selection arrives as a numbered `select`; a click does not change `data` at all. Apply a
  // new number only if Python had seen this browser's latest click (ack >= seq): a rerun that
  // started before a click must not undo it.
  const t = d.select || {};
  if (t.n !== m.n) {
    m.n = t.n;
    if ((t.ack || 0) >= m.seq) {
      m.sel = t.id === undefined ? null : t.id;
      if (m.sel) m.wantCentre = m.sel;
    }
  }
  if (m.lit !== m.sel || m.litIn !== m.hash) {
    m.lit = m.sel;
    m.litIn = m.hash;
    highlight(m.sel);
  }

  // -- path and organisation filter: classes only, nothing moves ------------------------------
  for (const e of m.pathEls || []) e.classList.remove('on-path');
  m.pathEls = [];
  const path = Array.isArray(d.path) ? d.path : [];
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
  const fade = new Set(Array.isArray(d.faded) ? d.faded : []);
  for (const g of m.fadeables || []) {
    let f = fade.has(g.id);
    if (!f) for (const c of g.classList) if (fade.has(c)) f = true;
    if (!f && g.classList.contains('edge')) {
      f = fade.has(g.getAttribute('data-source')) || fade.has(g.getAttribute('data-target'));
    }
    g.classList.toggle('faded', f);
  }

  // -- layout once the viewport has a size; centre a selection Python made -------------------
  const layout = () => {
    if (!m.nodes.size && !m.w) return true;
    if (!vp.clientWidth || !vp.clientHeight) return false;
    if (!m.fitted) {
      fit(true);
      m.fitted = true;
    }
    if (m.wantCentre) {
      centre(m.nodes.get(m.wantCentre));
      m.wantCentre = null;
    }
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
    highlight(g.id);
    setTriggerValue('click', { id: g.id, seq: m.seq });
  };
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

  on(vp, 'pointerdown', (e) => {
    m.ptr = performance.now();
    m.dragged = false;
    if (e.button !== 0) return;
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
    const g = e.target.closest(NODE);
    if (g && m.nodes.get(g.id) === g) pick(g);
  });
  on(vp, 'wheel', (e) => {
    e.preventDefault();
    const r = vp.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  // focus() may scroll even an overflow:hidden box; the transform is the only offset we use
  on(vp, 'scroll', () => {
    vp.scrollTop = 0;
    vp.scrollLeft = 0;
  });
  on(vp, 'focusin', (e) => {
    const g = e.target.closest(NODE);
    // centre on keyboard focus only: a pointer focus must not move the step from under the pointer
    if (g && !(m.ptr && performance.now() - m.ptr < 500)) {
      vp.scrollTop = 0;
      vp.scrollLeft = 0;
      centre(g);
    }
  });
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
      apply();
    } else if (k === '+' || k === '=') zoomCentre(1.25);
    else if (k === '-' || k === '_') zoomCentre(0.8);
    else if (k === '0') fit(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  for (const b of root.querySelectorAll('.ltvd-toolbar button')) {
    on(b, 'click', () => {
      const act = b.getAttribute('data-act');
      if (act === 'in') zoomCentre(1.25);
      else if (act === 'out') zoomCentre(0.8);
      else fit(false);
    });
  }

  return () => {
    ac.abort();
    if (m.ro) m.ro.disconnect();
  };
}
