/* Start: the sidebar (legend = filters, time, communities, top actors, display), the network,
 * pointer and keyboard handling, window.graphkit for scripts and tests. */
var network = null;

function renderStats() {
  var el = $('gk-stats'); clear(el);
  var filtered = visibleNodes.size !== DATA.nodes.length || visibleEdges.size !== DATA.edges.length;
  var text = filtered
    ? fmt(visibleNodes.size) + ' of ' + plural(DATA.nodes.length, 'actor') + ' · ' + fmt(visibleEdges.size) + ' of ' + plural(DATA.edges.length, 'relation')
    : plural(DATA.nodes.length, 'actor') + ' · ' + plural(DATA.edges.length, 'relation') + ' · ' + plural(DATA.total_articles, 'article');
  append(el, [text, timeActive() ? h('span', { class: 'gk-range', text: ' · ' + rangeText() }) : null]);
  el.title = text;
}
function legendRow(kind, key, label, icon, count) {
  var box = h('input', { type: 'checkbox', 'data-kind': kind, 'data-key': key });
  box.checked = true;
  box.addEventListener('change', function () {
    var set = kind === 'type' ? state.types : kind === 'kind' ? state.kinds : state.cats;
    if (box.checked) set.add(key); else set.delete(key);
    applyFilters();
  });
  var only = h('button', { type: 'button', class: 'gk-only', text: 'only', title: 'Show only ' + label.toLowerCase(),
    on: { click: function (ev) { ev.preventDefault(); ev.stopPropagation(); setOnly(kind, key); } } });
  return h('label', { 'data-key': key, 'data-kind': kind }, box, icon, h('span', { class: 'gk-name', text: label }),
    h('span', { class: 'gk-count', text: fmt(count) }), only);
}
function setOnly(kind, key) {
  var f = {};
  f[kind === 'type' ? 'types' : kind === 'kind' ? 'kinds' : 'categories'] = [key];
  setFilter(f);
}
function buildSidebar() {
  var tc = {}, cc = {}, kc = {};
  DATA.nodes.forEach(function (n) { tc[typeOf(n)] = (tc[typeOf(n)] || 0) + 1; });
  DATA.edges.forEach(function (e) { cc[catOf(e)] = (cc[catOf(e)] || 0) + 1; kc[kindOf(e)] = (kc[kindOf(e)] || 0) + 1; });
  TYPE_KEYS.forEach(function (t) { $('gk-types').appendChild(legendRow('type', t, THEME.types[t].label, shapeIcon(t), tc[t] || 0)); });
  CAT_KEYS.forEach(function (c) { $('gk-cats').appendChild(legendRow('category', c, THEME.categories[c].label, lineIcon(THEME.categories[c].color), cc[c] || 0)); });
  KIND_KEYS.forEach(function (k) { $('gk-kinds').appendChild(legendRow('kind', k, KIND_LABELS[k], lineIcon('#64748b', k === 'role'), kc[k] || 0)); });
  if (DEFAULT_KINDS.length < KIND_KEYS.length && kc.role) {
    $('gk-kind-note').hidden = false;
    $('gk-kind-note').textContent = 'Roles (“X, chief of Y”) start hidden in a graph this large: tick them to show ' + plural(kc.role, 'role') + '.';
  }
  var range = $('gk-min');
  range.max = String(maxCount); range.disabled = maxCount <= 1;
  range.addEventListener('input', function () { state.minCount = Number(range.value); $('gk-min-out').textContent = range.value; applyFilters({ reframe: false }); });
  range.addEventListener('change', function () { setFilter({ minCount: Number(range.value) }); });
  $('gk-labels').value = state.edgeLabels;
  $('gk-labels').addEventListener('change', function () { setEdgeLabels($('gk-labels').value); });
  $('gk-size').addEventListener('change', function () { setSizeBy($('gk-size').value); });
  $('gk-colour').addEventListener('change', function () { setColorBy($('gk-colour').value); });
  $('gk-relayout').checked = state.relayout;
  $('gk-relayout').addEventListener('change', function () { state.relayout = $('gk-relayout').checked; reframe(true); });
  $('gk-fit').addEventListener('click', function () { fitTo(Array.from(visibleNodes), { animate: true }); });
  $('gk-reset').addEventListener('click', resetFilters);
  $('gk-png').addEventListener('click', function () { download('png'); });
  $('gk-svg').addEventListener('click', function () { download('svg'); });
  $('gk-top-by').addEventListener('change', function () { topBy = $('gk-top-by').value; renderTopActors(); });
  $('gk-menu').addEventListener('click', function () { document.body.classList.toggle('gk-side-open'); });
  buildCommunities();
  if (DATA.omitted) buildOmitted(DATA.omitted);
  if (window.innerHeight < 520) Array.prototype.forEach.call(document.querySelectorAll('.gk-side details[data-fold]'), function (d) { d.open = false; });
}
function buildCommunities() {
  var list = DATA.communities || [], el = $('gk-groups');
  if (!list.length) { $('gk-groups-section').hidden = true; $('gk-colour').querySelector('[value=community]').disabled = true; return; }
  list.forEach(function (c) {
    el.appendChild(h('li', { 'data-id': c.id }, h('button', { type: 'button', class: 'gk-link', 'data-id': c.id,
      on: { click: function () { setFilter({ community: state.community === c.id ? null : c.id }); } } },
      h('i', { class: 'gk-swatch', style: 'background:' + COMMUNITY_COLOURS[c.id % COMMUNITY_COLOURS.length] }), c.label),
      h('span', { class: 'gk-n', text: fmt(c.size) })));
  });
}
function syncLegend() {
  document.querySelectorAll('.gk-legend input').forEach(function (box) {
    var kind = box.getAttribute('data-kind'), set = kind === 'type' ? state.types : kind === 'kind' ? state.kinds : state.cats;
    box.checked = set.has(box.getAttribute('data-key'));
    box.parentNode.classList.toggle('gk-off', !box.checked);
  });
  $('gk-min').value = String(state.minCount); $('gk-min-out').textContent = String(state.minCount);
  document.querySelectorAll('#gk-groups li').forEach(function (li) { li.classList.toggle('gk-on', Number(li.getAttribute('data-id')) === state.community); });
  $('gk-reset').disabled = isHome();
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
function setSizeBy(by) {
  state.sizeBy = by === 'degree' ? 'degree' : 'mentions'; $('gk-size').value = state.sizeBy;
  restyle('node', DATA.nodes.map(function (n) { return { id: n.id, value: sizeValue(n) }; }), true);
  updateLabels(); remember();
}
function setColorBy(by, opts) {
  state.colorBy = by === 'community' && (DATA.communities || []).length ? 'community' : 'type'; $('gk-colour').value = state.colorBy;
  document.body.classList.toggle('gk-by-community', state.colorBy === 'community');
  recolour(); renderTopActors();
  if (state.selected && state.selected.kind === 'node') showNode(state.selected.id);
  if (!opts || !opts.quiet) remember();
}

// ---------- search box ----------
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
  var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((document.activeElement || {}).tagName || '');
  if (ev.key === '/' && !typing) { ev.preventDefault(); box.focus(); }
  else if (ev.key === 'Escape' && document.activeElement !== box) deselect();
});

// ---------- start ----------
document.title = DATA.title;
$('gk-title').textContent = DATA.title;
buildSidebar(); buildTimeline(); computeVisible(); renderStats(); syncLegend(); placeholder(); renderTopActors();
$('gk-empty').hidden = visibleNodes.size > 0;
if (!DATA.nodes.length) $('gk-empty').textContent = 'This graph has no actors: no relation was found in the articles.';
network = new vis.Network($('gk-network'), { nodes: nodes, edges: edges }, options);
applyVisibility();
var api = window.graphkit = {
  network: network, data: DATA, timings: timings, ready: false,
  selectNode: selectNode, selectEdge: selectEdge, deselect: deselect, search: search,
  setFilter: setFilter, resetFilters: resetFilters, setTime: setTime, setEdgeLabels: setEdgeLabels,
  setLabels: function (on) { setEdgeLabels(on ? 'all' : 'auto'); }, setSizeBy: setSizeBy, setColorBy: setColorBy,
  fit: function () { fitTo(Array.from(visibleNodes)); }, exportPNG: exportPNG, exportSVG: exportSVG, download: download,
  drawnLabels: drawnLabels, topActors: topActors,
  relationLabels: function () {   // the relation labels drawn now, where (for tests and export)
    return edgeLabels.filter(function (l) { return visibleEdges.has(l.id); }).map(function (l) {
      var p = edgeLabelPoint(l); return { id: l.id, relation: l.text, x: p.x, y: p.y };
    });
  }, hitTest: hitTest, isHome: isHome,
  state: function () { return { types: Array.from(state.types).sort(), categories: Array.from(state.cats).sort(),
    kinds: Array.from(state.kinds).sort(), minCount: state.minCount, community: state.community, from: state.from, to: state.to,
    undated: state.undated, edgeLabels: state.edgeLabels, colorBy: state.colorBy, sizeBy: state.sizeBy }; },
  visibleNodeIds: function () { return Array.from(visibleNodes).sort(); },
  visibleEdgeIds: function () { return Array.from(visibleEdges).sort(); },
  liveEvidence: function (id) { return liveEvidence(edgeById.get(id)).map(function (ev) { return ev.sentence; }); },
  selection: function () { return state.selected; },
  domPosition: function (id) { var p = network.getPositions([id])[id]; return p ? network.canvasToDOM(p) : null; },
  edgeDomPosition: function (id) {   // the middle of the drawn (possibly curved) edge
    var e = network.body.edges[id];
    return e && e.edgeType ? network.canvasToDOM(e.edgeType.getPoint(0.5)) : null;
  }
};
function markReady() {
  if (api.ready) return;
  if (!big) DATA.nodes.forEach(function (n) { var p = network.body.nodes[n.id]; if (p) home.set(n.id, { x: p.x, y: p.y }); });
  var restored = false;
  api.ready = true;   // remember() writes the URL from now on
  try { restored = restore(); } catch (err) { console.warn('graphkit: could not restore the view from the address', err); }
  if (!restored) fitTo(Array.from(visibleNodes));
  timings.interactive = performance.now();
  remember();
  document.body.setAttribute('data-ready', 'true');
  document.dispatchEvent(new CustomEvent('graphkit:ready'));
}
network.once('afterDrawing', function () {
  timings.firstRender = performance.now();
  if (big || DATA.nodes.length === 0) { fitTo(Array.from(visibleNodes)); requestAnimationFrame(markReady); }
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
network.on('afterDrawing', drawEdgeLabels);
network.on('click', function (p) {
  var hit = hitTest(p.pointer.DOM);
  if (!hit) deselect();
  else if (hit.kind === 'node') selectNode(hit.id, { focus: 'auto' });
  else selectEdge(hit.id, { focus: 'auto' });
});
network.on('doubleClick', function (p) { var hit = hitTest(p.pointer.DOM); if (hit && hit.kind === 'node') selectNode(hit.id); });
var viewTimer = null;
function viewChanged() {
  hideTip();
  clearTimeout(viewTimer);
  viewTimer = setTimeout(function () { updateLabels(); remember(); }, 90);
}
network.on('zoom', viewChanged);
network.on('dragEnd', viewChanged);
network.on('animationFinished', function () { updateLabels(); remember(); });
network.on('dragStart', function () { hideTip(); setHovered(null); });
var moveFrame = null, lastMove = null;
$('gk-network').addEventListener('pointermove', function (ev) {
  var r = $('gk-network').getBoundingClientRect();
  lastMove = { x: ev.clientX - r.left, y: ev.clientY - r.top, buttons: ev.buttons };
  if (moveFrame !== null) return;
  moveFrame = requestAnimationFrame(function () {
    moveFrame = null;
    if (!api.ready || lastMove.buttons) return;
    var hit = hitTest(lastMove);
    setHovered(hit);
    if (hit) showTip(hit, lastMove); else hideTip();
  });
});
$('gk-network').addEventListener('pointerleave', function () { hideTip(); setHovered(null); });
window.addEventListener('resize', function () { clearTimeout(viewTimer); viewTimer = setTimeout(updateLabels, 150); });
