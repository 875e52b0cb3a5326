/* graphkit explorer — core: data, state, filters, highlight, selection, search, URL.
 * The page's scripts (explorer, labels, relayout, panel, timeline, snapshot, start) are
 * concatenated into one function scope by graphkit.outputs.html. Every piece of text from the data
 * is inserted with textContent or as a DOM text node — never as markup — so article text
 * cannot run as code. */
var DATA = JSON.parse(document.getElementById('graphkit-data').textContent);
var THEME = DATA.theme;
var TYPE_KEYS = THEME.type_order, CAT_KEYS = THEME.category_order, KIND_KEYS = ['action', 'statement', 'role'];
var KIND_LABELS = { action: 'Acts', statement: 'Statements', role: 'Roles' };
var DEFAULT_KINDS = DATA.default_kinds || KIND_KEYS;
var COMMUNITY_COLOURS = ['#2563eb', '#ea580c', '#16a34a', '#7c3aed', '#db2777', '#0891b2', '#ca8a04', '#dc2626',
  '#4f46e5', '#059669', '#9333ea', '#b45309'];
var timings = { script: performance.now() };
var DIM_NODE = { background: '#eef2f6', border: '#dfe5ec' };
var DIM_EDGE = 'rgba(203,213,225,0.35)';
var SVG_NS = 'http://www.w3.org/2000/svg';
var big = DATA.layout === 'python';

// ---------- small DOM helpers (text only) ----------
function h(tag, attrs) {
  var el = document.createElement(tag);
  var a = attrs || {};
  Object.keys(a).forEach(function (k) {
    if (a[k] === null || a[k] === undefined || a[k] === false) return;
    if (k === 'text') el.textContent = a[k];
    else if (k === 'class') el.className = a[k];
    else if (k === 'on') Object.keys(a.on).forEach(function (ev) { el.addEventListener(ev, a.on[ev]); });
    else el.setAttribute(k, a[k] === true ? '' : a[k]);
  });
  for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
  return el;
}
function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
  el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
}
function $(id) { return document.getElementById(id); }
function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
function fmt(n) { return Number(n).toLocaleString('en-US'); }
function plural(n, one, many) { return fmt(n) + ' ' + (n === 1 ? one : (many || one + 's')); }
function safeUrl(u) {
  try { var url = new URL(String(u)); return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null; }
  catch (e) { return null; }
}
function fold(s) { return String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
function typeOf(n) { return THEME.types[n.type] ? n.type : 'other'; }
function catOf(e) { return THEME.categories[e.category] ? e.category : 'neutral'; }
function kindOf(e) { return KIND_LABELS[e.kind] ? e.kind : 'action'; }
function svgEl(tag, attrs) {
  var el = document.createElementNS(SVG_NS, tag);
  Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
  return el;
}
function shapePoints(shape, c, r) {   // polygon points around (c, c), or null for circle/square
  if (shape === 'diamond') return [[c, c - r - 1], [c + r + 1, c], [c, c + r + 1], [c - r - 1, c]];
  if (shape === 'triangle') return [[c, c - r], [c + r, c + r * 0.8], [c - r, c + r * 0.8]];
  if (shape === 'hexagon') { var p = []; for (var i = 0; i < 6; i++) { var a = Math.PI / 3 * i; p.push([c + r * Math.cos(a), c + r * Math.sin(a)]); } return p; }
  return null;
}
function shapeIcon(type, size, colour) {
  var t = THEME.types[type] || THEME.types.other, s = size || 14, c = s / 2, r = s / 2 - 1.5, col = colour || t.color;
  var svg = svgEl('svg', { width: s, height: s, viewBox: '0 0 ' + s + ' ' + s, 'aria-hidden': 'true' });
  var pts = shapePoints(t.shape, c, r), el;
  if (pts) el = svgEl('polygon', { points: pts.map(function (p) { return p.join(','); }).join(' ') });
  else if (t.shape === 'square') el = svgEl('rect', { x: 1.5, y: 1.5, width: s - 3, height: s - 3, rx: 1.5 });
  else el = svgEl('circle', { cx: c, cy: c, r: r });
  el.setAttribute('fill', col); el.setAttribute('stroke', shade(col, -0.25)); el.setAttribute('stroke-width', '1');
  svg.appendChild(el);
  return svg;
}
function lineIcon(colour, dashed) {
  var svg = svgEl('svg', { width: 22, height: 10, 'aria-hidden': 'true' });
  svg.appendChild(svgEl('line', { x1: 1, y1: 5, x2: 15, y2: 5, stroke: colour, 'stroke-width': 2.5,
    'stroke-dasharray': dashed ? '3 2' : 'none' }));
  svg.appendChild(svgEl('polygon', { points: '14,1 21,5 14,9', fill: colour }));
  return svg;
}
function shade(hex, amt) {
  var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
  function f(x) { return Math.max(0, Math.min(255, Math.round(amt < 0 ? x * (1 + amt) : x + (255 - x) * amt))); }
  return '#' + ((1 << 24) | (f(r) << 16) | (f(g) << 8) | f(b)).toString(16).slice(1);
}

// ---------- indexes ----------
var nodeById = new Map(), edgeById = new Map(), outE = new Map(), inE = new Map();
DATA.nodes.forEach(function (n) { nodeById.set(n.id, n); outE.set(n.id, []); inE.set(n.id, []); });
DATA.edges.forEach(function (e) { edgeById.set(e.id, e); outE.get(e.from).push(e); inE.get(e.to).push(e); });
function edgesOf(id) { return outE.get(id).concat(inE.get(id)); }
var maxCount = DATA.edges.reduce(function (m, e) { return Math.max(m, e.count); }, 1);
var byName = DATA.nodes.slice().sort(function (a, b) {   // tie-break order: mentions, then label
  return b.mentions - a.mentions || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}).map(function (n) { return n.id; });
var ranked = byName, rankOf = new Map();   // the label rank: weighted degree in the current view
function rerank() {
  var score = new Map();
  visibleEdges.forEach(function (id) {
    var e = edgeById.get(id), c = liveCount.get(id) || e.count;
    score.set(e.from, (score.get(e.from) || 0) + c); score.set(e.to, (score.get(e.to) || 0) + c);
  });
  var order = new Map(byName.map(function (id, i) { return [id, i]; }));
  ranked = byName.slice().sort(function (a, b) { return (score.get(b) || 0) - (score.get(a) || 0) || order.get(a) - order.get(b); });
  rankOf = new Map(ranked.map(function (id, i) { return [id, i]; }));
}
function articleOf(ev) { return ev.article === undefined ? null : DATA.articles[ev.article] || null; }
function periodOf(ev) { var a = articleOf(ev); return a && a.period; }

// ---------- state ----------
var HOME = { types: TYPE_KEYS, cats: CAT_KEYS, kinds: DEFAULT_KINDS, minCount: 1, community: null, from: null, to: null, undated: false };
var state = {
  types: new Set(TYPE_KEYS), cats: new Set(CAT_KEYS), kinds: new Set(DEFAULT_KINDS), minCount: 1,
  community: null, from: null, to: null, undated: false,
  edgeLabels: DATA.edges.length <= 60 ? 'all' : 'auto', sizeBy: 'mentions', colorBy: 'type',
  selected: null, relayout: big
};
var visibleNodes = new Set(), visibleEdges = new Set(), liveCount = new Map();
function timeActive() { return state.from !== null || state.to !== null; }
function inRange(ev) {   // is this evidence sentence inside the date range?
  if (!timeActive()) return true;
  var p = periodOf(ev);
  if (!p) return state.undated;
  return (state.from === null || p[1] >= state.from) && (state.to === null || p[0] <= state.to);
}
function liveEvidence(e) { return timeActive() ? e.evidence.filter(inRange) : e.evidence; }
function isHome() {
  function same(set, list) { return set.size === list.length && list.every(function (k) { return set.has(k); }); }
  return same(state.types, TYPE_KEYS) && same(state.cats, CAT_KEYS) && same(state.kinds, DEFAULT_KINDS) &&
    state.minCount === 1 && state.community === null && !timeActive();
}

// ---------- vis data ----------
function sizeValue(n) {   // area grows with the count, so radius with its square root
  return Math.sqrt(Math.max(1, state.sizeBy === 'degree' ? n.degree : n.mentions));
}
function nodeColour(n) {
  if (state.colorBy === 'community') return n.community < COMMUNITY_COLOURS.length && n.community < (DATA.communities || []).length
    ? COMMUNITY_COLOURS[n.community] : '#94a3b8';
  return THEME.types[typeOf(n)].color;
}
function nodeStyle(n, dim) {
  var col = nodeColour(n);
  return {
    id: n.id,
    color: dim ? { background: DIM_NODE.background, border: DIM_NODE.border, highlight: DIM_NODE, hover: DIM_NODE }
      : { background: col, border: shade(col, -0.25), highlight: { background: shade(col, 0.15), border: '#0f172a' },
          hover: { background: shade(col, 0.15), border: shade(col, -0.35) } },
    font: { color: dim ? '#94a3b8' : '#0f172a' }
  };
}
function edgeColour(e) { return THEME.categories[catOf(e)].color; }
function edgeStyle(e, dim) {
  var col = edgeColour(e);
  return {
    id: e.id,
    color: dim ? { color: DIM_EDGE, highlight: DIM_EDGE, hover: DIM_EDGE } : { color: col, highlight: col, hover: col, opacity: e.kind === 'role' ? 0.6 : 0.85 },
    font: { color: dim ? 'rgba(0,0,0,0)' : '#1e293b', strokeColor: dim ? 'rgba(0,0,0,0)' : '#ffffff' }
  };
}
// Parallel relations between two actors get curves of their own, so their labels never stack.
function curveOf(e, i, k) {
  var offset = (i - (k - 1) / 2) * 0.45;
  if (Math.abs(offset) < 1e-9) return big || k > 1 ? { enabled: false } : { enabled: true, type: 'continuous', roundness: 0.2 };
  var forward = e.from < e.to, cw = (offset > 0) === forward;
  return { enabled: true, type: cw ? 'curvedCW' : 'curvedCCW', roundness: Math.min(Math.abs(offset), 0.9) };
}
var pairs = new Map();
DATA.edges.forEach(function (e) {
  var key = e.from < e.to ? e.from + '\u0000' + e.to : e.to + '\u0000' + e.from;
  if (!pairs.has(key)) pairs.set(key, []);
  pairs.get(key).push(e);
});
var home = new Map();   // the layout of the first view (Python), or after physics (small graphs)
DATA.nodes.forEach(function (n) { if (n.x !== undefined) home.set(n.id, { x: n.x, y: n.y }); });
var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
  var item = nodeStyle(n, false);
  item.label = n.label; item.shape = THEME.types[typeOf(n)].shape; item.value = sizeValue(n);
  item.font = { color: item.font.color, size: 0 };   // labels.js sizes the labels it draws
  var p = home.get(n.id) || { x: 0, y: 0 };
  item.x = p.x; item.y = p.y;
  return item;
}));
var edges = new vis.DataSet([]);
pairs.forEach(function (list) {
  list.forEach(function (e, i) {
    var item = edgeStyle(e, false);
    item.from = e.from; item.to = e.to; item.value = e.count;
    item.dashes = e.kind === 'role' ? [4, 4] : false;
    var curve = curveOf(e, i, list.length);
    if (curve !== undefined) item.smooth = curve;
    edges.add(item);
  });
});
// After creation the DataSets stay as they are: filters, highlight, labels and sizes change
// vis' own node/edge objects (setOptions) and redraw once, which is 20-30x faster than
// DataSet updates on thousands of items (vis-network 9.1.2, the version inside pyvis).
function restyle(kind, updates, structural) {
  var items = kind === 'node' ? network.body.nodes : network.body.edges;
  updates.forEach(function (u) { var it = items[u.id]; if (it) it.setOptions(u); });
  if (structural) network.body.emitter.emit('_dataChanged'); else if (updates.length) network.body.emitter.emit('_requestRedraw');
}

var FONT = getComputedStyle(document.body).fontFamily;
var options = {
  autoResize: true,
  nodes: {
    borderWidth: 1.5, borderWidthSelected: 3,
    scaling: { min: 9, max: 38, label: { enabled: false, drawThreshold: 6, maxVisible: 40 } },
    font: { face: FONT, size: 0, strokeWidth: 4, strokeColor: '#ffffff' }
  },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.55 } },
    scaling: { min: 1.2, max: 7, label: { enabled: false, drawThreshold: 6, maxVisible: 40 } },
    smooth: big ? false : { enabled: true, type: 'continuous', roundness: 0.2 },
    font: { size: 11, face: FONT, strokeWidth: 4, align: 'horizontal' },
    selectionWidth: 2, hoverWidth: 0.8, chosen: { label: false }
  },
  interaction: { hover: false, tooltipDelay: 3600000, hideEdgesOnDrag: DATA.edges.length > 3000,
    multiselect: false, navigationButtons: false, keyboard: false, selectConnectedEdges: false },
  layout: { improvedLayout: false, randomSeed: 7 },
  physics: big ? { enabled: false } : {
    enabled: true, solver: 'forceAtlas2Based',
    forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 110, springConstant: 0.06, avoidOverlap: 0.6 },
    stabilization: { enabled: true, iterations: 150, updateInterval: 25, fit: true },
    minVelocity: 1
  }
};

// ---------- filters ----------
function edgePasses(e) {
  if (!state.cats.has(catOf(e)) || !state.kinds.has(kindOf(e))) return false;
  var a = nodeById.get(e.from), b = nodeById.get(e.to);
  if (!state.types.has(typeOf(a)) || !state.types.has(typeOf(b))) return false;
  return state.community === null || (a.community === state.community && b.community === state.community);
}
function computeVisible() {
  visibleEdges = new Set(); visibleNodes = new Set(); liveCount = new Map();
  DATA.edges.forEach(function (e) {
    if (!edgePasses(e)) return;
    var c = timeActive() ? liveEvidence(e).length : e.count;
    if (c < Math.max(1, state.minCount)) return;
    liveCount.set(e.id, c);
    visibleEdges.add(e.id); visibleNodes.add(e.from); visibleNodes.add(e.to);
  });
  rerank();
  if (state.minCount <= 1 && !timeActive()) {
    DATA.nodes.forEach(function (n) {   // actors kept without any relation stay visible
      if (state.types.has(typeOf(n)) && !edgesOf(n.id).length && (state.community === null || n.community === state.community)) visibleNodes.add(n.id);
    });
  }
}
var hiddenNodes = new Set(), hiddenEdges = new Set();
function applyVisibility() {
  var nu = [], eu = [];
  DATA.nodes.forEach(function (n) {
    var hide = !visibleNodes.has(n.id);
    if (hide !== hiddenNodes.has(n.id)) { nu.push({ id: n.id, hidden: hide }); if (hide) hiddenNodes.add(n.id); else hiddenNodes.delete(n.id); }
  });
  DATA.edges.forEach(function (e) {
    var hide = !visibleEdges.has(e.id);
    if (hide !== hiddenEdges.has(e.id)) { eu.push({ id: e.id, hidden: hide }); if (hide) hiddenEdges.add(e.id); else hiddenEdges.delete(e.id); }
  });
  restyle('node', nu, false); restyle('edge', eu, nu.length + eu.length > 0);
}
/* Apply the filters. opts.reframe === false keeps the view (live slider moves); otherwise the
 * view re-lays out (large graphs) and re-fits to what remains. */
function applyFilters(opts) {
  opts = opts || {};
  computeVisible();
  applyVisibility();
  hideTip();
  $('gk-empty').hidden = visibleNodes.size > 0;
  var sel = state.selected;
  if (sel && !(sel.kind === 'node' ? visibleNodes : visibleEdges).has(sel.id)) deselect({ quiet: true });
  if (opts.reframe !== false) reframe();
  highlight(); refreshPanel();
  renderStats(); syncLegend(); renderTopActors(); syncTimeline();
  updateLabels(); remember();
}
function reframe(animate) {
  if (state.relayout) {
    if (isHome()) restoreHome(); else relayout(Array.from(visibleNodes).sort(), visibleEdges);
  }
  fitTo(Array.from(visibleNodes), { animate: !!animate });
}
function setFilter(f, opts) {
  if (f.types) state.types = new Set(f.types);
  if (f.categories) state.cats = new Set(f.categories);
  if (f.kinds) state.kinds = new Set(f.kinds);
  if (f.minCount !== undefined) state.minCount = Math.max(1, Number(f.minCount) || 1);
  if (f.community !== undefined) state.community = f.community === null ? null : Number(f.community);
  if (f.from !== undefined) state.from = f.from || null;
  if (f.to !== undefined) state.to = f.to || null;
  if (f.undated !== undefined) state.undated = !!f.undated;
  applyFilters(opts);
}
function resetFilters() { setFilter({ types: HOME.types, categories: HOME.cats, kinds: HOME.kinds, minCount: 1, community: null, from: null, to: null }); }

// ---------- view ----------
function canvasBox() { var el = $('gk-network'); return { width: el.clientWidth, height: el.clientHeight }; }
/* Frame the given nodes: computed from positions and node sizes, not from vis' label boxes, so
 * the fitted zoom does not depend on how large the labels happen to be drawn. */
function fitTo(ids, opts) {
  opts = opts || {};
  if (!ids.length) return;
  var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  ids.forEach(function (id) {
    var n = network.body.nodes[id]; if (!n) return;
    var r = (n.options.size || 10) + 4;
    x0 = Math.min(x0, n.x - r); x1 = Math.max(x1, n.x + r); y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r + 18);
  });
  var box = canvasBox(), pad = opts.padding === undefined ? 36 : opts.padding;
  var scale = Math.min((box.width - 2 * pad) / Math.max(x1 - x0, 1), (box.height - 2 * pad) / Math.max(y1 - y0, 1));
  scale = Math.min(scale, opts.maxScale || 1.5);
  if (opts.minScale) scale = Math.max(scale, opts.minScale);
  network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale,
    animation: opts.animate ? { duration: 450, easingFunction: 'easeInOutQuad' } : false });
  if (!opts.animate) updateLabels();
}
function onScreen(id, margin) {
  var p = network.getPositions([id])[id]; if (!p) return false;
  var d = network.canvasToDOM(p), box = canvasBox(), m = margin || 0;
  return d.x >= m && d.y >= m && d.x <= box.width - m && d.y <= box.height - m;
}

// ---------- highlight ----------
var dimmedNodes = new Set(), dimmedEdges = new Set();
function focusSets() {
  var sel = state.selected;
  if (!sel) return null;
  if (sel.kind === 'edge') { var e = edgeById.get(sel.id); return { nodes: new Set([e.from, e.to]), edges: new Set([e.id]) }; }
  var fn = new Set([sel.id]), fe = new Set();
  edgesOf(sel.id).forEach(function (e) { if (visibleEdges.has(e.id)) { fe.add(e.id); fn.add(e.from); fn.add(e.to); } });
  return { nodes: fn, edges: fe };
}
function highlight() {
  var f = focusSets(), nu = [], eu = [];
  DATA.nodes.forEach(function (n) {
    var dim = !!f && !f.nodes.has(n.id);
    if (dim !== dimmedNodes.has(n.id)) { nu.push(nodeStyle(n, dim)); if (dim) dimmedNodes.add(n.id); else dimmedNodes.delete(n.id); }
  });
  DATA.edges.forEach(function (e) {
    var dim = !!f && !f.edges.has(e.id);
    if (dim !== dimmedEdges.has(e.id)) { eu.push(edgeStyle(e, dim)); if (dim) dimmedEdges.add(e.id); else dimmedEdges.delete(e.id); }
  });
  restyle('node', nu, false); restyle('edge', eu, false);
}
function recolour() {   // colour-by changed: restyle every node once
  restyle('node', DATA.nodes.map(function (n) { return nodeStyle(n, dimmedNodes.has(n.id)); }), false);
}

// ---------- selection ----------
function revealNode(id) { if (!visibleNodes.has(id)) resetFilters(); }
function selectNode(id, opts) {
  opts = opts || {};
  if (!nodeById.has(id)) return false;
  revealNode(id);
  state.selected = { kind: 'node', id: id };
  network.selectNodes([id], false);
  highlight(); showNode(id); hideTip();
  var hood = [id];
  edgesOf(id).forEach(function (e) { if (visibleEdges.has(e.id)) hood.push(e.from === id ? e.to : e.from); });
  var framed = opts.focus === false ? false : opts.focus === 'auto' ? hood.some(function (n) { return !onScreen(n, 24); }) : true;
  if (framed) fitTo(hood, { animate: opts.animate !== false, padding: 56, maxScale: 1.4 });
  else updateLabels();
  remember();
  return true;
}
function selectEdge(id, opts) {
  opts = opts || {};
  var e = edgeById.get(id);
  if (!e) return false;
  if (!visibleEdges.has(id)) resetFilters();
  state.selected = { kind: 'edge', id: id };
  network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
  highlight(); showEdge(id); hideTip();
  var framed = opts.focus === false ? false : opts.focus === 'auto' ? !(onScreen(e.from, 24) && onScreen(e.to, 24)) : true;
  if (framed) fitTo([e.from, e.to], { animate: opts.animate !== false, padding: 80, maxScale: 1.4 });
  else updateLabels();
  remember();
  return true;
}
function deselect(opts) {
  state.selected = null;
  network.unselectAll(); highlight(); placeholder();
  if (!opts || !opts.quiet) { updateLabels(); remember(); }
}

// ---------- the URL keeps the view: filters, time range, zoom and selection ----------
function listParam(set, all) {
  return set.size === all.length && all.every(function (k) { return set.has(k); }) ? null : Array.from(set).join(',');
}
function viewParam() {
  var p = network.getViewPosition();
  return [Math.round(p.x), Math.round(p.y), network.getScale().toFixed(4)].join(',');
}
function encodeState() {
  var parts = [], sel = state.selected;
  function put(k, v) { if (v !== null && v !== undefined && v !== '') parts.push(k + '=' + encodeURIComponent(v)); }
  put('types', listParam(state.types, TYPE_KEYS)); put('cats', listParam(state.cats, CAT_KEYS));
  put('kinds', listParam(state.kinds, DEFAULT_KINDS) === null ? null : Array.from(state.kinds).join(',') || 'none');
  if (state.minCount > 1) put('min', state.minCount);
  if (state.community !== null) put('group', state.community);
  put('from', state.from); put('to', state.to); if (state.undated && timeActive()) put('undated', 1);
  if (state.colorBy !== 'type') put('color', state.colorBy);
  if (state.sizeBy !== 'mentions') put('size', state.sizeBy);
  if (state.edgeLabels !== (DATA.edges.length <= 60 ? 'all' : 'auto')) put('labels', state.edgeLabels);
  if (sel && sel.kind === 'node') put('node', sel.id);
  else if (sel) { var e = edgeById.get(sel.id); parts.push('edge=' + [e.from, e.relation, e.to].map(encodeURIComponent).join('|')); }
  if (api && api.ready) put('view', viewParam());
  return parts.join('&');
}
var rememberTimer = null;
function remember() {
  if (!api || !api.ready) return;
  clearTimeout(rememberTimer);
  rememberTimer = setTimeout(function () {
    var hash = encodeState();
    try { history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search); } catch (err) { /* sandboxed iframe */ }
  }, 60);
}
function parseHash(text) {
  var out = {};
  String(text || '').replace(/^#/, '').split('&').forEach(function (kv) {
    var i = kv.indexOf('=');
    if (i <= 0) return;
    var k = kv.slice(0, i), v = kv.slice(i + 1);
    out[k] = k === 'edge' ? v.split('|').map(decodePart) : decodePart(v);
  });
  return out;
}
function decodePart(p) { try { return decodeURIComponent(p); } catch (err) { return p; } }
function restore() {
  var q = parseHash(location.hash);
  if (!Object.keys(q).length) return false;
  function list(v, all) { return v === undefined ? undefined : v === 'none' ? [] : v.split(',').filter(function (k) { return all.indexOf(k) !== -1; }); }
  if (q.color) setColorBy(q.color, { quiet: true });
  if (q.size) setSizeBy(q.size);
  if (q.labels) setEdgeLabels(q.labels, { quiet: true });
  setFilter({ types: list(q.types, TYPE_KEYS), categories: list(q.cats, CAT_KEYS), kinds: list(q.kinds, KIND_KEYS),
    minCount: q.min, community: q.group === undefined ? undefined : q.group, from: q.from, to: q.to, undated: q.undated === '1' });
  var framed = !!q.view;
  if (q.node) selectNode(q.node, { focus: framed ? false : true, animate: false });
  else if (q.edge && q.edge.length === 3) {
    var hit = DATA.edges.filter(function (e) { return e.from === q.edge[0] && e.relation === q.edge[1] && e.to === q.edge[2]; })[0];
    if (hit) selectEdge(hit.id, { focus: framed ? false : true, animate: false });
  }
  if (q.view) {
    var v = q.view.split(',').map(Number);
    if (v.length === 3 && v.every(isFinite) && v[2] > 0) { network.moveTo({ position: { x: v[0], y: v[1] }, scale: v[2] }); updateLabels(); }
  }
  return true;
}

// ---------- search ----------
var searchIndex = DATA.nodes.map(function (n) {
  var names = [n.label].concat(n.aliases.filter(function (a) { return a !== n.label; }));
  return { id: n.id, names: names, folded: names.map(fold) };
});
function search(query, limit) {
  var q = fold(query).trim();
  if (!q) return [];
  var hits = [];
  searchIndex.forEach(function (entry) {
    var best = null;
    entry.folded.forEach(function (name, i) {
      var at = name.indexOf(q);
      if (at === -1) return;
      var score = name === q ? 0 : at === 0 ? 1 : /[\s\-.'’(]/.test(name[at - 1]) ? 2 : 3;
      if (!best || score < best.score) best = { score: score, alias: entry.names[i] };
    });
    if (best) hits.push({ id: entry.id, score: best.score, alias: best.alias });
  });
  hits.sort(function (a, b) {
    var na = nodeById.get(a.id), nb = nodeById.get(b.id);
    return a.score - b.score || nb.mentions - na.mentions || na.label.localeCompare(nb.label);
  });
  return hits.slice(0, limit || 12);
}
