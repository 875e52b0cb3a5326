/* Labels that read at any zoom, the pointer's target and the tooltip.
 *
 * Actor labels: after every fit, zoom or pan the page picks, in rank order (the selection and
 * its neighbours first, then by weighted degree in the current view), the labels that fit on
 * screen, under their actor or else over it, without overlapping one another, and draws them at
 * a fixed on-screen size (12-15 px) whatever the zoom; every other label is not drawn. Relation labels: those of the selection and of the
 * edge under the pointer (or, when asked, every visible one that has room), 11 px, drawn by the
 * page where they cover no other label. */
var LABEL_PX = { top: 15, focus: 14, rest: 12 }, EDGE_LABEL_PX = 11, LABEL_LIMIT = 220;
var labelSize = new Map(), labelLift = new Map(), edgeLabelOn = new Map(), hovered = null;

function labelBox(x, y, text, px) {   // screen box of a label centred under (x, y)
  var w = Math.min(text.length, 42) * px * 0.56 + 8, hgt = px * 1.3;
  return { x0: x - w / 2, x1: x + w / 2, y0: y, y1: y + hgt };
}
function Grid(cell) { this.cell = cell; this.cells = new Map(); }
Grid.prototype.keys = function (b) {
  var out = [], c = this.cell;
  for (var i = Math.floor(b.x0 / c); i <= Math.floor(b.x1 / c); i++)
    for (var j = Math.floor(b.y0 / c); j <= Math.floor(b.y1 / c); j++) out.push(i + ',' + j);
  return out;
};
Grid.prototype.free = function (b) {
  var cells = this.cells;
  return this.keys(b).every(function (k) {
    return !(cells.get(k) || []).some(function (o) { return b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0; });
  });
};
Grid.prototype.add = function (b) {
  var cells = this.cells;
  this.keys(b).forEach(function (k) { if (!cells.has(k)) cells.set(k, []); cells.get(k).push(b); });
};

function labelOrder(focus) {
  var first = focus ? Array.from(focus.nodes).sort(function (a, b) { return a === state.selected.id ? -1 : b === state.selected.id ? 1 : rankOf.get(a) - rankOf.get(b); }) : [];
  var rest = ranked.filter(function (id) { return visibleNodes.has(id) && !(focus && focus.nodes.has(id)) && !dimmedNodes.has(id); });
  return first.concat(rest);
}
function updateLabels() {
  if (!network) return;
  var scale = network.getScale(), box = canvasBox(), grid = new Grid(80), focus = focusSets();
  var chosen = new Map(), placed = 0, top = Math.max(5, Math.round(visibleNodes.size * 0.02));
  labelOrder(focus).forEach(function (id, i) {
    if (placed >= LABEL_LIMIT || !visibleNodes.has(id)) return;
    var n = network.body.nodes[id]; if (!n) return;
    var d = network.canvasToDOM({ x: n.x, y: n.y });
    if (d.x < -40 || d.y < -40 || d.x > box.width + 40 || d.y > box.height + 40) return;
    var px = focus && focus.nodes.has(id) ? LABEL_PX.focus : i < top ? LABEL_PX.top : LABEL_PX.rest;
    var r = (n.options.size || 10) * scale, text = n.options.label || '';
    var below = labelBox(d.x, d.y + r + 2, text, px), above = labelBox(d.x, d.y - r - 2 - px * 1.3, text, px);
    function fits(l) { return l.x0 >= 2 && l.x1 <= box.width - 2 && l.y0 >= 2 && l.y1 <= box.height - 2 && grid.free(l); }
    var b = fits(below) ? below : fits(above) ? above : null;   // under the actor, else over it, never cut
    if (!b) return;
    grid.add(b); grid.add({ x0: d.x - 3, x1: d.x + 3, y0: d.y - 3, y1: d.y + 3 });
    chosen.set(id, { size: px / scale, lift: b === above ? -(2 * r + px * 1.3 + 4) / scale : 0 });
    placed++;
  });
  var updates = [];
  DATA.nodes.forEach(function (n) {
    var c = chosen.get(n.id) || { size: 0, lift: 0 }, was = labelSize.get(n.id) || 0, lift = labelLift.get(n.id) || 0;
    if (Math.abs(was - c.size) > 1e-6 * Math.max(c.size, 1) || Math.abs(lift - c.lift) > 1e-6 * Math.max(Math.abs(c.lift), 1)) {
      labelSize.set(n.id, c.size); labelLift.set(n.id, c.lift);
      updates.push({ id: n.id, font: { size: c.size, vadjust: c.lift } });
    }
  });
  restyle('node', updates, false);
  updateEdgeLabels(grid);
}
function edgeLabelCandidates(focus) {
  var list = [];
  if (hovered && hovered.kind === 'edge' && visibleEdges.has(hovered.id)) list.push(hovered.id);
  if (focus) focus.edges.forEach(function (id) { if (list.indexOf(id) === -1) list.push(id); });
  if (state.edgeLabels === 'all') {
    DATA.edges.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (e) {
      if (visibleEdges.has(e.id) && !dimmedEdges.has(e.id) && list.indexOf(e.id) === -1) list.push(e.id);
    });
  }
  return state.edgeLabels === 'none' ? list.slice(0, hovered && hovered.kind === 'edge' ? 1 : 0) : list;
}
/* Relation labels are drawn by the page itself (after vis has drawn the graph): each goes to the
 * first spot along its curve (the middle, then a little towards either end) where it does not
 * cover another label, so parallel relations between two actors never stack their labels. */
var EDGE_SPOTS = [0.5, 0.38, 0.62, 0.28, 0.72], edgeLabels = [];
function updateEdgeLabels(grid) {
  var box = canvasBox(), focus = focusSets(), placed = [];
  grid = grid || nodeLabelGrid();
  edgeLabelCandidates(focus).forEach(function (id) {
    var e = network.body.edges[id]; if (!e || !e.edgeType || !visibleEdges.has(id)) return;
    var text = edgeById.get(id).relation, spot = null;
    var must = (hovered && hovered.id === id) || (state.selected && state.selected.kind === 'edge' && state.selected.id === id);
    (must ? [0, -EDGE_LABEL_PX * 1.5, EDGE_LABEL_PX * 1.5] : [0]).some(function (dy) {   // the selected one may step aside
      return EDGE_SPOTS.some(function (t) {
        var p = network.canvasToDOM(e.edgeType.getPoint(t));
        if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) return false;
        var b = labelBox(p.x, p.y + dy - EDGE_LABEL_PX * 0.65, text, EDGE_LABEL_PX);
        if (!grid.free(b)) return false;
        spot = { t: t, dy: dy, b: b }; return true;
      });
    });
    if (!spot && must) spot = { t: 0.5, dy: 0, b: null };
    if (!spot) return;
    if (spot.b) grid.add(spot.b);
    placed.push({ id: id, t: spot.t, dy: spot.dy, text: text });
  });
  edgeLabels = placed;
  edgeLabelOn = new Map(placed.map(function (l) { return [l.id, l]; }));
  network.body.emitter.emit('_requestRedraw');
}
function nodeLabelGrid() {   // the boxes of the actor labels drawn now (for a relation-label-only update)
  var grid = new Grid(80), scale = network.getScale();
  labelSize.forEach(function (size, id) {
    var n = network.body.nodes[id];
    if (!size || !n || !visibleNodes.has(id)) return;
    var d = network.canvasToDOM({ x: n.x, y: n.y }), r = (n.options.size || 10) * scale, px = size * scale;
    grid.add(labelBox(d.x, labelLift.get(id) ? d.y - r - 2 - px * 1.3 : d.y + r + 2, n.options.label || '', px));
  });
  return grid;
}
function edgeLabelPoint(l) {
  var e = network.body.edges[l.id];
  if (!e || !e.edgeType) return null;
  var p = network.canvasToDOM(e.edgeType.getPoint(l.t));
  return { x: p.x, y: p.y + (l.dy || 0) };
}
function drawEdgeLabels(ctx) {
  if (!edgeLabels.length) return;
  var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = EDGE_LABEL_PX + 'px ' + FONT; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round'; ctx.lineWidth = 4; ctx.strokeStyle = '#ffffff'; ctx.fillStyle = '#1e293b';
  edgeLabels.forEach(function (l) {
    if (!visibleEdges.has(l.id)) return;
    var p = edgeLabelPoint(l); if (!p) return;
    ctx.strokeText(l.text, p.x, p.y); ctx.fillText(l.text, p.x, p.y);
  });
  ctx.restore();
}
function setEdgeLabels(mode, opts) {
  state.edgeLabels = mode === 'all' || mode === 'none' ? mode : 'auto';
  var box = $('gk-labels'); if (box) box.value = state.edgeLabels;
  if (!opts || !opts.quiet) { updateLabels(); remember(); }
}
function drawnLabels() {   // actor labels drawn now: on-screen size and box (for tests and export)
  var scale = network.getScale(), out = [];
  visibleNodes.forEach(function (id) {
    var size = labelSize.get(id) || 0, px = size * scale, n = network.body.nodes[id];
    if (px < options.nodes.scaling.label.drawThreshold || !onScreen(id)) return;
    var d = network.canvasToDOM({ x: n.x, y: n.y }), r = (n.options.size || 10) * scale, text = n.options.label || '';
    out.push({ id: id, label: nodeById.get(id).label, px: px,
      box: labelBox(d.x, labelLift.get(id) ? d.y - r - 2 - px * 1.3 : d.y + r + 2, text, px) });
  });
  return out.sort(function (a, b) { return b.px - a.px || rankOf.get(a.id) - rankOf.get(b.id); });
}

// ---------- what is under the pointer: an actor wins over a relation ----------
function hitTest(dom) {
  var id = network.getNodeAt(dom);
  if (id !== undefined && visibleNodes.has(id)) return { kind: 'node', id: id };
  var c = network.DOMtoCanvas(dom), scale = network.getScale(), best = null, bestD = Infinity;
  visibleNodes.forEach(function (nid) {
    var n = network.body.nodes[nid]; if (!n) return;
    var d = Math.hypot(n.x - c.x, n.y - c.y) * scale, reach = (n.options.size || 10) * scale + 8;
    if (d <= reach && d < bestD) { best = nid; bestD = d; }
  });
  if (best !== null) return { kind: 'node', id: best };
  var eid = network.getEdgeAt(dom);
  return eid !== undefined && visibleEdges.has(eid) ? { kind: 'edge', id: eid } : null;
}

// ---------- tooltip: plain text, never over the selection, gone with its element ----------
function tipText(hit) {
  if (hit.kind === 'node') {
    var n = nodeById.get(hit.id), t = THEME.types[typeOf(n)];
    return n.label + '\n' + t.label + ' · ' + plural(n.mentions, 'mention') + ' · ' + plural(n.degree, 'relation');
  }
  var e = edgeById.get(hit.id), c = liveCount.get(e.id) || e.count;
  return nodeById.get(e.from).label + ' → ' + e.relation + ' → ' + nodeById.get(e.to).label + (c > 1 ? '  (' + c + '×)' : '');
}
function selectionRect() {   // screen box of the selected actor or relation, with its label
  var sel = state.selected; if (!sel) return null;
  var ids = sel.kind === 'node' ? [sel.id] : [edgeById.get(sel.id).from, edgeById.get(sel.id).to];
  var scale = network.getScale(), r = null;
  ids.forEach(function (id) {
    var n = network.body.nodes[id], d = network.canvasToDOM({ x: n.x, y: n.y }), s = (n.options.size || 10) * scale;
    var w = Math.max(s, (n.options.label || '').length * 4.5 + 8);
    var b = { x0: d.x - w, x1: d.x + w, y0: d.y - s - 4, y1: d.y + s + 24 };
    r = r ? { x0: Math.min(r.x0, b.x0), x1: Math.max(r.x1, b.x1), y0: Math.min(r.y0, b.y0), y1: Math.max(r.y1, b.y1) } : b;
  });
  return r;
}
function showTip(hit, dom) {
  var tip = $('gk-tip'), box = canvasBox();
  tip.textContent = tipText(hit);
  tip.hidden = false;
  var w = tip.offsetWidth, ht = tip.offsetHeight, avoid = selectionRect();
  var spots = [[14, 16], [-w - 14, 16], [14, -ht - 14], [-w - 14, -ht - 14]], pick = null;
  spots.forEach(function (s) {
    if (pick) return;
    var b = { x0: dom.x + s[0], y0: dom.y + s[1], x1: dom.x + s[0] + w, y1: dom.y + s[1] + ht };
    var inside = b.x0 >= 0 && b.y0 >= 0 && b.x1 <= box.width && b.y1 <= box.height;
    var covers = avoid && b.x0 < avoid.x1 && b.x1 > avoid.x0 && b.y0 < avoid.y1 && b.y1 > avoid.y0;
    if (inside && !covers) pick = b;
  });
  if (!pick) { tip.hidden = true; return; }
  tip.style.left = pick.x0 + 'px'; tip.style.top = pick.y0 + 'px';
  tip.setAttribute('data-kind', hit.kind); tip.setAttribute('data-id', hit.id);
}
function hideTip() { var tip = $('gk-tip'); if (tip) tip.hidden = true; }
function setHovered(hit) {
  var before = hovered ? hovered.kind + hovered.id : '', after = hit ? hit.kind + hit.id : '';
  hovered = hit;
  $('gk-network').style.cursor = hit ? 'pointer' : '';
  if (before !== after) updateEdgeLabels();
}
