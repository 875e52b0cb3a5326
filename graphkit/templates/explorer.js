/* graphkit explorer. Every piece of text from the data is inserted with textContent
 * or as a DOM text node — never as markup — so article text cannot run as code. */
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('graphkit-data').textContent);
  var THEME = DATA.theme;
  var TYPE_KEYS = THEME.type_order, CAT_KEYS = THEME.category_order;
  var timings = { script: performance.now() };
  var DIM_NODE = { background: '#eef2f6', border: '#dfe5ec' };
  var DIM_EDGE = 'rgba(203,213,225,0.35)';
  var SVG = 'http://www.w3.org/2000/svg';
  var big = DATA.layout === 'python';

  // ---------- small DOM helpers (text only) ----------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      if (a[k] === null || a[k] === undefined) return;
      if (k === 'text') el.textContent = a[k];
      else if (k === 'class') el.className = a[k];
      else if (k === 'on') Object.keys(a.on).forEach(function (ev) { el.addEventListener(ev, a.on[ev]); });
      else el.setAttribute(k, a[k]);
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
  function fold(s) {
    return String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function typeOf(n) { return THEME.types[n.type] ? n.type : 'other'; }
  function catOf(e) { return THEME.categories[e.category] ? e.category : 'neutral'; }
  function shapeIcon(type, size) {
    var t = THEME.types[type] || THEME.types.other, s = size || 14, c = s / 2, r = s / 2 - 1.5;
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', s); svg.setAttribute('height', s); svg.setAttribute('viewBox', '0 0 ' + s + ' ' + s);
    svg.setAttribute('aria-hidden', 'true');
    var el, pts = null;
    if (t.shape === 'dot') { el = document.createElementNS(SVG, 'circle'); el.setAttribute('cx', c); el.setAttribute('cy', c); el.setAttribute('r', r); }
    else if (t.shape === 'square') { el = document.createElementNS(SVG, 'rect'); el.setAttribute('x', 1.5); el.setAttribute('y', 1.5); el.setAttribute('width', s - 3); el.setAttribute('height', s - 3); el.setAttribute('rx', 1.5); }
    else if (t.shape === 'diamond') pts = [[c, 0.5], [s - 0.5, c], [c, s - 0.5], [0.5, c]];
    else if (t.shape === 'triangle') pts = [[c, 1], [s - 0.5, s - 1.5], [0.5, s - 1.5]];
    else { pts = []; for (var i = 0; i < 6; i++) { var a = Math.PI / 3 * i; pts.push([c + r * Math.cos(a), c + r * Math.sin(a)]); } }
    if (pts) { el = document.createElementNS(SVG, 'polygon'); el.setAttribute('points', pts.map(function (p) { return p.join(','); }).join(' ')); }
    el.setAttribute('fill', t.color); el.setAttribute('stroke', shade(t.color, -0.25)); el.setAttribute('stroke-width', '1');
    svg.appendChild(el);
    return svg;
  }
  function lineIcon(cat) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', 22); svg.setAttribute('height', 10); svg.setAttribute('aria-hidden', 'true');
    var col = THEME.categories[cat].color;
    var l = document.createElementNS(SVG, 'line');
    l.setAttribute('x1', 1); l.setAttribute('y1', 5); l.setAttribute('x2', 15); l.setAttribute('y2', 5);
    l.setAttribute('stroke', col); l.setAttribute('stroke-width', 2.5);
    var p = document.createElementNS(SVG, 'polygon');
    p.setAttribute('points', '14,1 21,5 14,9'); p.setAttribute('fill', col);
    svg.appendChild(l); svg.appendChild(p);
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
  var maxCount = DATA.edges.reduce(function (m, e) { return Math.max(m, e.count); }, 1);

  // ---------- state ----------
  var state = {
    types: new Set(TYPE_KEYS), cats: new Set(CAT_KEYS),
    minCount: 1, labels: DATA.edges.length <= 250, sizeBy: 'mentions', selected: null
  };
  var visibleNodes = new Set(), visibleEdges = new Set();

  // ---------- vis data ----------
  function sizeValue(n) {   // area grows with the count, so radius with its square root
    return Math.sqrt(Math.max(1, state.sizeBy === 'degree' ? n.degree : n.mentions));
  }
  function nodeStyle(n, dim) {
    var col = THEME.types[typeOf(n)].color;
    return {
      id: n.id, value: sizeValue(n),
      color: dim ? { background: DIM_NODE.background, border: DIM_NODE.border, highlight: DIM_NODE, hover: DIM_NODE }
        : { background: col, border: shade(col, -0.25), highlight: { background: shade(col, 0.15), border: '#0f172a' },
            hover: { background: shade(col, 0.15), border: shade(col, -0.35) } },
      font: { color: dim ? '#cbd5e1' : '#0f172a' }
    };
  }
  function edgeStyle(e, dim) {
    var col = THEME.categories[catOf(e)].color;
    return {
      id: e.id, label: state.labels ? e.relation : undefined,
      color: dim ? { color: DIM_EDGE, highlight: DIM_EDGE, hover: DIM_EDGE } : { color: col, highlight: col, hover: col, opacity: 0.85 },
      font: { color: dim ? 'rgba(0,0,0,0)' : '#334155', strokeColor: dim ? 'rgba(0,0,0,0)' : '#ffffff' }
    };
  }
  var pairIndex = new Map();
  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var t = THEME.types[typeOf(n)];
    var item = nodeStyle(n, false);
    item.label = n.label; item.shape = t.shape;
    item.title = n.label + '\n' + t.label + ' · ' + plural(n.mentions, 'mention') + ' · ' + plural(n.degree, 'relation');
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    var item = edgeStyle(e, false);
    item.from = e.from; item.to = e.to; item.value = e.count;
    item.title = nodeById.get(e.from).label + ' → ' + e.relation + ' → ' + nodeById.get(e.to).label +
      (e.count > 1 ? '  (' + e.count + '×)' : '');
    var key = e.from < e.to ? e.from + '\u0000' + e.to : e.to + '\u0000' + e.from;
    var i = pairIndex.get(key) || 0;
    pairIndex.set(key, i + 1);
    if (i > 0 || !big) item.smooth = { enabled: true, type: 'curvedCW', roundness: Math.min(0.12 + 0.1 * i, 0.6) };
    return item;
  }));
  // After creation the DataSets stay as they are: filters, highlight, labels and sizes change
  // vis' own node/edge objects (setOptions) and redraw once, which is 20-30x faster than
  // DataSet updates on thousands of items (vis-network 9.1.2, the version inside pyvis).
  function restyle(kind, updates, structural) {
    var items = kind === 'node' ? network.body.nodes : network.body.edges;
    updates.forEach(function (u) { var it = items[u.id]; if (it) it.setOptions(u); });
    if (structural) network.body.emitter.emit('_dataChanged'); else if (updates.length) network.body.emitter.emit('_requestRedraw');   // one redraw per frame
  }

  var options = {
    autoResize: true,
    nodes: {
      borderWidth: 1.5, borderWidthSelected: 3,
      scaling: { min: 9, max: 38, label: { enabled: true, min: 12, max: 22, drawThreshold: big ? 7 : 5, maxVisible: 26 } },
      font: { face: getComputedStyle(document.body).fontFamily, size: 13, strokeWidth: 4, strokeColor: '#ffffff' }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      scaling: { min: 1.2, max: 7, label: { enabled: false } },
      smooth: big ? false : { enabled: true, type: 'continuous', roundness: 0.2 },
      font: { size: 11, face: getComputedStyle(document.body).fontFamily, strokeWidth: 3, align: 'horizontal' },
      selectionWidth: 2, hoverWidth: 0.8, chosen: { label: false }
    },
    interaction: { hover: !big, tooltipDelay: 250, hideEdgesOnDrag: DATA.edges.length > 3000,
      multiselect: false, navigationButtons: false, keyboard: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: big ? { enabled: false } : {
      enabled: true, solver: 'forceAtlas2Based',
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 110, springConstant: 0.06, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: 150, updateInterval: 25, fit: true },
      minVelocity: 1
    }
  };

  // ---------- filters ----------
  function computeVisible() {
    visibleEdges = new Set(); visibleNodes = new Set();
    DATA.edges.forEach(function (e) {
      if (!state.cats.has(catOf(e)) || e.count < state.minCount) return;
      if (!state.types.has(typeOf(nodeById.get(e.from))) || !state.types.has(typeOf(nodeById.get(e.to)))) return;
      visibleEdges.add(e.id); visibleNodes.add(e.from); visibleNodes.add(e.to);
    });
    DATA.nodes.forEach(function (n) {   // actors kept without any relation stay visible
      if (state.types.has(typeOf(n)) && outE.get(n.id).length === 0 && inE.get(n.id).length === 0 && state.minCount <= 1) visibleNodes.add(n.id);
    });
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
  function applyFilters() {
    computeVisible();
    applyVisibility();
    $('gk-empty').hidden = visibleNodes.size > 0;
    if (state.selected && !(state.selected.kind === 'node' ? visibleNodes : visibleEdges).has(state.selected.id)) deselect();
    else if (state.selected) highlight();
    renderStats(); syncLegend();
  }
  function renderStats() {
    var el = $('gk-stats'); clear(el);
    var filtered = visibleNodes.size !== DATA.nodes.length || visibleEdges.size !== DATA.edges.length;
    append(el, filtered
      ? fmt(visibleNodes.size) + ' of ' + plural(DATA.nodes.length, 'actor') + ' · ' + fmt(visibleEdges.size) + ' of ' + plural(DATA.edges.length, 'relation')
      : plural(DATA.nodes.length, 'actor') + ' · ' + plural(DATA.edges.length, 'relation') + ' · ' + plural(DATA.total_articles, 'article'));
  }
  function legendRow(kind, key, label, icon, count) {
    var box = h('input', { type: 'checkbox', 'data-kind': kind, 'data-key': key });
    box.checked = true;
    box.addEventListener('change', function () {
      var set = kind === 'type' ? state.types : state.cats;
      if (box.checked) set.add(key); else set.delete(key);
      applyFilters();
    });
    return h('label', { 'data-key': key }, box, icon, h('span', { class: 'gk-name', text: label }), h('span', { class: 'gk-count', text: fmt(count) }));
  }
  function buildSidebar() {
    var tc = {}, cc = {};
    DATA.nodes.forEach(function (n) { tc[typeOf(n)] = (tc[typeOf(n)] || 0) + 1; });
    DATA.edges.forEach(function (e) { cc[catOf(e)] = (cc[catOf(e)] || 0) + 1; });
    TYPE_KEYS.forEach(function (t) {
      $('gk-types').appendChild(legendRow('type', t, THEME.types[t].label, shapeIcon(t), tc[t] || 0));
    });
    CAT_KEYS.forEach(function (c) {
      $('gk-cats').appendChild(legendRow('category', c, THEME.categories[c].label, lineIcon(c), cc[c] || 0));
    });
    var range = $('gk-min');
    range.max = String(maxCount); range.disabled = maxCount <= 1;
    range.addEventListener('input', function () { state.minCount = Number(range.value); $('gk-min-out').textContent = range.value; applyFilters(); });
    $('gk-labels').checked = state.labels;
    $('gk-labels').addEventListener('change', function () { setLabels($('gk-labels').checked); });
    $('gk-size').addEventListener('change', function () { setSizeBy($('gk-size').value); });
    $('gk-fit').addEventListener('click', function () { network.fit({ animation: { duration: 400 } }); });
    $('gk-reset').addEventListener('click', function () { setFilter({ types: TYPE_KEYS, categories: CAT_KEYS, minCount: 1 }); });
    if (DATA.omitted) buildOmitted(DATA.omitted);
  }
  function syncLegend() {
    document.querySelectorAll('.gk-legend input').forEach(function (box) {
      var set = box.getAttribute('data-kind') === 'type' ? state.types : state.cats;
      box.checked = set.has(box.getAttribute('data-key'));
      box.parentNode.classList.toggle('gk-off', !box.checked);
    });
    $('gk-min').value = String(state.minCount); $('gk-min-out').textContent = String(state.minCount);
  }
  function buildOmitted(o) {
    var el = $('gk-omitted');
    append(el, [h('strong', { text: 'Showing the ' + fmt(DATA.nodes.length) + ' top-ranked of ' + plural(o.total_nodes, 'actor') + '.' }), ' ',
      'Left out: ' + plural(o.nodes, 'actor') + ' and ' + plural(o.edges, 'relation') + ' (ranked by how often they take part in relations).']);
    if (o.examples.length) {
      var list = h('ol');
      o.examples.forEach(function (name) { list.appendChild(h('li', { text: name })); });
      if (o.nodes > o.examples.length) list.appendChild(h('li', { text: '… and ' + fmt(o.nodes - o.examples.length) + ' more' }));
      el.appendChild(h('details', {}, h('summary', { text: 'Actors left out' }), list));
    }
    el.hidden = false;
  }
  function setLabels(on) {
    state.labels = !!on; $('gk-labels').checked = state.labels;
    DATA.edges.forEach(function (e) {   // vis keeps an edge's label unless options.label changes too
      var it = network.body.edges[e.id], label = state.labels ? e.relation : undefined;
      it.options.label = label; it.setOptions({ label: label });
    });
    network.body.emitter.emit('_requestRedraw');
  }
  function setSizeBy(by) {
    state.sizeBy = by === 'degree' ? 'degree' : 'mentions'; $('gk-size').value = state.sizeBy;
    restyle('node', DATA.nodes.map(function (n) { return { id: n.id, value: sizeValue(n) }; }), true);
  }
  function setFilter(f) {
    if (f.types) state.types = new Set(f.types);
    if (f.categories) state.cats = new Set(f.categories);
    if (f.minCount !== undefined) state.minCount = Math.max(1, Number(f.minCount));
    applyFilters();
  }

  // ---------- highlight ----------
  var dimmedNodes = new Set(), dimmedEdges = new Set();
  function highlight() {
    var focusN = null, focusE = null, sel = state.selected;
    if (sel && sel.kind === 'node') {
      focusN = new Set([sel.id]); focusE = new Set();
      outE.get(sel.id).concat(inE.get(sel.id)).forEach(function (e) {
        if (visibleEdges.has(e.id)) { focusE.add(e.id); focusN.add(e.from); focusN.add(e.to); }
      });
    } else if (sel && sel.kind === 'edge') {
      var e = edgeById.get(sel.id);
      focusN = new Set([e.from, e.to]); focusE = new Set([e.id]);
    }
    var nu = [], eu = [];
    DATA.nodes.forEach(function (n) {
      var dim = !!focusN && !focusN.has(n.id);
      if (dim !== dimmedNodes.has(n.id)) { nu.push(nodeStyle(n, dim)); if (dim) dimmedNodes.add(n.id); else dimmedNodes.delete(n.id); }
    });
    DATA.edges.forEach(function (e) {
      var dim = !!focusE && !focusE.has(e.id);
      if (dim !== dimmedEdges.has(e.id)) { eu.push(edgeStyle(e, dim)); if (dim) dimmedEdges.add(e.id); else dimmedEdges.delete(e.id); }
    });
    restyle('node', nu, false); restyle('edge', eu, false);
  }

  // ---------- side panel ----------
  var panel = $('gk-panel');
  function placeholder() {
    clear(panel);
    append(panel, h('div', { class: 'gk-placeholder' }, h('strong', { text: 'Who did what to whom?' }),
      'Click an actor to see its relations, or an arrow to read every sentence that supports it. Search by any name above.'));
  }
  function nodeLink(id) {
    var n = nodeById.get(id);
    return h('button', { class: 'gk-link', type: 'button', text: n.label, on: { click: function () { selectNode(id); } } });
  }
  function edgeLink(e, text) {
    return h('button', { class: 'gk-link gk-rel', type: 'button', text: text, on: { click: function () { selectEdge(e.id); } } });
  }
  function articleLine(id) {
    var a = DATA.articles[id] || {}, url = safeUrl(a.url), title = a.title || id;
    var t = url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: title }) : h('span', { text: title });
    return [t, a.date ? h('span', { class: 'gk-date', text: a.date }) : null];
  }
  function relationList(title, list, outgoing) {
    if (!list.length) return null;
    var sorted = list.slice().sort(function (a, b) { return b.count - a.count || a.relation.localeCompare(b.relation); });
    return [h('h3', { text: title + ' (' + list.length + ')' }), h('ul', { class: 'gk-list' }, sorted.map(function (e) {
      var other = outgoing ? e.to : e.from;
      return h('li', { 'data-edge': e.id, class: visibleEdges.has(e.id) ? null : 'gk-hidden-rel' },
        h('span', { class: 'gk-dot', style: 'background:' + THEME.categories[catOf(e)].color }),
        outgoing ? [edgeLink(e, e.relation), nodeLink(other)] : [nodeLink(other), edgeLink(e, e.relation)],
        h('span', { class: 'gk-n', text: e.count > 1 ? e.count + '×' : '' }));
    }))];
  }
  function showNode(id) {
    var n = nodeById.get(id), t = THEME.types[typeOf(n)];
    clear(panel);
    var aliases = n.aliases.filter(function (a) { return a !== n.label; });
    append(panel, [
      h('div', { class: 'gk-head' }, shapeIcon(typeOf(n), 16), h('h2', { text: n.label })),
      h('div', { class: 'gk-badges' },
        h('span', { class: 'gk-badge' }, h('i', { style: 'background:' + t.color }), t.label),
        h('span', { class: 'gk-badge', text: plural(n.mentions, 'mention') }),
        h('span', { class: 'gk-badge', text: plural(n.articles.length, 'article') })),
      aliases.length ? [h('h3', { text: 'Also called' }), h('div', { class: 'gk-chips' }, aliases.map(function (a) { return h('span', { class: 'gk-chip', text: a }); }))] : null,
      relationList('Acts on', outE.get(id), true),
      relationList('Acted on by', inE.get(id), false),
      n.articles.length ? [h('h3', { text: 'Articles (' + n.articles.length + ')' }), h('ul', { class: 'gk-list' },
        n.articles.map(function (a) { return h('li', {}, articleLine(a)); }))] : null
    ]);
    panel.scrollTop = 0;
  }
  function highlightSentence(sentence, groups) {
    var low = fold(sentence), ranges = [];
    // fold() can change length for rare characters; only trust it when lengths agree
    if (low.length !== sentence.length) low = sentence.toLowerCase();
    if (low.length !== sentence.length) return [sentence];
    groups.forEach(function (g) {
      g.terms.filter(Boolean).map(fold).filter(function (t) { return t.length > 1; })
        .sort(function (a, b) { return b.length - a.length; }).forEach(function (term) {
          var from = 0, at;
          while ((at = low.indexOf(term, from)) !== -1) {
            var end = at + term.length;
            var wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(low[at - 1]);
            var wordEnd = end >= low.length || !/[\p{L}\p{N}]/u.test(low[end]);
            if (wordStart && wordEnd && !ranges.some(function (r) { return at < r[1] && end > r[0]; })) ranges.push([at, end, g.cls]);
            from = at + 1;
          }
        });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var out = [], pos = 0;
    ranges.forEach(function (r) {
      if (r[0] > pos) out.push(sentence.slice(pos, r[0]));
      out.push(h('mark', { class: r[2], text: sentence.slice(r[0], r[1]) }));
      pos = r[1];
    });
    if (pos < sentence.length) out.push(sentence.slice(pos));
    return out;
  }
  function chronological(evidence) {   // oldest article first; stable within an article
    return evidence.map(function (ev, i) { return [ev, i]; }).sort(function (a, b) {
      var da = (DATA.articles[a[0].article] || {}).date || '', db = (DATA.articles[b[0].article] || {}).date || '';
      return da < db ? -1 : da > db ? 1 : a[1] - b[1];
    }).map(function (p) { return p[0]; });
  }
  function showEdge(id) {
    var e = edgeById.get(id), src = nodeById.get(e.from), tgt = nodeById.get(e.to), c = THEME.categories[catOf(e)];
    clear(panel);
    append(panel, [
      h('div', { class: 'gk-triple' }, nodeLink(e.from), h('span', { class: 'gk-arrow', text: '→' }),
        h('span', { class: 'gk-rel', text: e.relation }), h('span', { class: 'gk-arrow', text: '→' }), nodeLink(e.to)),
      h('div', { class: 'gk-badges' },
        h('span', { class: 'gk-badge' }, h('i', { style: 'background:' + c.color }), c.label),
        e.kind ? h('span', { class: 'gk-badge', text: e.kind }) : null,
        e.predicate ? h('span', { class: 'gk-badge', text: 'verb: ' + e.predicate }) : null,
        h('span', { class: 'gk-badge', text: plural(e.count, 'time') })),
      h('h3', { text: 'Evidence (' + e.evidence.length + ')' }),
      e.evidence.length ? null : h('p', { class: 'gk-help', text: 'No sentence recorded for this relation.' }),
      chronological(e.evidence).map(function (ev) {
        var groups = [
          { cls: 'gk-src', terms: ev.source_text ? [ev.source_text] : [src.label].concat(src.aliases) },
          { cls: 'gk-tgt', terms: ev.target_text ? [ev.target_text] : [tgt.label].concat(tgt.aliases) }];
        return h('div', { class: 'gk-evidence' },
          h('blockquote', {}, highlightSentence(String(ev.sentence || ''), groups)),
          h('div', { class: 'gk-source' }, ev.article ? articleLine(ev.article) : null,
            ev.reported_by ? h('span', { text: 'reported by ' + ev.reported_by }) : null,
            ev.modality ? h('span', { class: 'gk-modality', text: ev.modality }) : null));
      })
    ]);
    panel.scrollTop = 0;
  }

  // ---------- selection ----------
  function revealNode(id) {
    if (visibleNodes.has(id)) return;
    setFilter({ types: TYPE_KEYS, categories: CAT_KEYS, minCount: 1 });
  }
  function selectNode(id, opts) {
    if (!nodeById.has(id)) return false;
    revealNode(id);
    state.selected = { kind: 'node', id: id };
    network.selectNodes([id], false);
    highlight(); showNode(id); remember();
    if (!opts || opts.focus !== false) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 450, easingFunction: 'easeInOutQuad' } });
    }
    return true;
  }
  function selectEdge(id, opts) {
    var e = edgeById.get(id);
    if (!e) return false;
    if (!visibleEdges.has(id)) setFilter({ types: TYPE_KEYS, categories: CAT_KEYS, minCount: 1 });
    state.selected = { kind: 'edge', id: id };
    network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    highlight(); showEdge(id); remember();
    if (!opts || opts.focus !== false) {
      network.fit({ nodes: [e.from, e.to], maxZoomLevel: Math.max(network.getScale(), 0.9), animation: { duration: 450, easingFunction: 'easeInOutQuad' } });
    }
    return true;
  }
  function deselect() {
    state.selected = null;
    network.unselectAll(); highlight(); placeholder(); remember();
  }
  // The selection lives in the URL (#node=ID or #edge=SOURCE|RELATION|TARGET) so a view can be bookmarked.
  function remember() {
    var sel = state.selected, hash = '';
    if (sel && sel.kind === 'node') hash = '#node=' + encodeURIComponent(sel.id);
    else if (sel) { var e = edgeById.get(sel.id); hash = '#edge=' + [e.from, e.relation, e.to].map(encodeURIComponent).join('|'); }
    try { history.replaceState(null, '', hash || location.pathname + location.search); } catch (err) { /* sandboxed iframe */ }
  }
  function restore() {
    var m = /^#(node|edge)=(.*)$/.exec(location.hash || '');
    if (!m) return;
    var parts = m[2].split('|').map(function (p) { try { return decodeURIComponent(p); } catch (err) { return p; } });
    if (m[1] === 'node') { selectNode(parts[0]); return; }
    var hit = DATA.edges.filter(function (e) { return e.from === parts[0] && e.relation === parts[1] && e.to === parts[2]; })[0];
    if (hit) selectEdge(hit.id);
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
  var box = $('gk-search'), results = $('gk-results'), active = -1, current = [];
  function renderResults() {
    clear(results);
    current = search(box.value);
    active = current.length ? 0 : -1;
    if (!box.value.trim()) { results.hidden = true; return; }
    if (!current.length) results.appendChild(h('li', { class: 'gk-none', text: 'No actor matches “' + box.value.trim() + '”' }));
    current.forEach(function (hit, i) {
      var n = nodeById.get(hit.id);
      results.appendChild(h('li', { role: 'option', 'data-id': hit.id, 'aria-selected': i === active ? 'true' : 'false',
        on: { mousedown: function (ev) { ev.preventDefault(); choose(i); } } },
        shapeIcon(typeOf(n), 12), h('span', { text: n.label }),
        hit.alias !== n.label ? h('span', { class: 'gk-alias', text: hit.alias }) : null));
    });
    results.hidden = false;
  }
  function choose(i) {
    var hit = current[i];
    if (!hit) return;
    results.hidden = true; box.value = nodeById.get(hit.id).label; box.blur();
    selectNode(hit.id);
  }
  function moveActive(d) {
    if (!current.length) return;
    active = (active + d + current.length) % current.length;
    Array.prototype.forEach.call(results.children, function (li, i) { li.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    results.children[active].scrollIntoView({ block: 'nearest' });
  }
  box.addEventListener('input', renderResults);
  box.addEventListener('focus', function () { if (box.value.trim()) renderResults(); });
  box.addEventListener('blur', function () { results.hidden = true; });
  box.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); moveActive(1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); moveActive(-1); }
    else if (ev.key === 'Enter') { ev.preventDefault(); choose(Math.max(active, 0)); }
    else if (ev.key === 'Escape') { results.hidden = true; box.blur(); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === '/' && document.activeElement !== box) { ev.preventDefault(); box.focus(); }
    else if (ev.key === 'Escape' && document.activeElement !== box) deselect();
  });

  // ---------- start ----------
  document.title = DATA.title;
  $('gk-title').textContent = DATA.title;
  buildSidebar(); computeVisible(); renderStats(); syncLegend(); placeholder();
  $('gk-empty').hidden = visibleNodes.size > 0;
  if (!DATA.nodes.length) $('gk-empty').textContent = 'This graph has no actors: no relation was found in the articles.';
  var network = new vis.Network($('gk-network'), { nodes: nodes, edges: edges }, options);
  applyVisibility();
  var api = window.graphkit = {
    network: network, data: DATA, timings: timings, ready: false,
    selectNode: selectNode, selectEdge: selectEdge, deselect: deselect, search: search,
    setFilter: setFilter, setLabels: setLabels, setSizeBy: setSizeBy,
    visibleNodeIds: function () { return Array.from(visibleNodes).sort(); },
    visibleEdgeIds: function () { return Array.from(visibleEdges).sort(); },
    selection: function () { return state.selected; },
    domPosition: function (id) { var p = network.getPositions([id])[id]; return p ? network.canvasToDOM(p) : null; },
    edgeDomPosition: function (id) {   // the middle of the drawn (possibly curved) edge
      var e = network.body.edges[id];
      return e ? network.canvasToDOM(e.edgeType.getPoint(0.5)) : null;
    }
  };
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    timings.interactive = performance.now();
    restore();
    document.body.setAttribute('data-ready', 'true');
    document.dispatchEvent(new CustomEvent('graphkit:ready'));
  }
  network.on('afterDrawing', function () {
    if (timings.firstRender === undefined) {
      timings.firstRender = performance.now();
      if (big || DATA.nodes.length === 0) requestAnimationFrame(markReady);
    }
  });
  if (!big) {
    var progress = $('gk-progress'), bar = $('gk-bar');
    if (DATA.nodes.length > 60) progress.hidden = false;
    network.on('stabilizationProgress', function (p) { bar.style.width = Math.round(100 * p.iterations / p.total) + '%'; });
    network.once('stabilizationIterationsDone', function () {
      progress.hidden = true;
      network.setOptions({ physics: { enabled: false } });
      timings.stabilized = performance.now();
      requestAnimationFrame(markReady);
    });
  }
  network.on('click', function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], { focus: false });
    else if (p.edges.length) selectEdge(p.edges[0], { focus: false });
    else deselect();
  });
  network.on('doubleClick', function (p) { if (p.nodes.length) selectNode(p.nodes[0]); });
})();
