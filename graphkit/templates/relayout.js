/* Re-layout after a filter (large graphs): the survivors' connected components are laid out
 * again with the same force model as graphkit/layout.py (Fruchterman–Reingold with a weak
 * gravity, starting from where the actors were, deterministic), each turned to lie flat, and
 * packed in shelves around the largest to fill the canvas, so a filtered view is compact enough
 * to read. Back at the unfiltered view the Python
 * layout returns. */
var SPACING = 110, DENSITY = 0.5, GRAVITY = 0.1, POLISH_LIMIT = 900;

function restoreHome() {
  DATA.nodes.forEach(function (n) {
    var p = home.get(n.id), it = network.body.nodes[n.id];
    if (p && it) { it.x = p.x; it.y = p.y; }
  });
  network.body.emitter.emit('_requestRedraw');
}
function components(ids, edgeIds) {
  var parent = new Map();
  ids.forEach(function (id) { parent.set(id, id); });
  function find(x) { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; }
  edgeIds.forEach(function (eid) {
    var e = edgeById.get(eid);
    if (parent.has(e.from) && parent.has(e.to)) { var a = find(e.from), b = find(e.to); if (a !== b) parent.set(a < b ? b : a, a < b ? a : b); }
  });
  var groups = new Map();
  ids.forEach(function (id) { var r = find(id); if (!groups.has(r)) groups.set(r, []); groups.get(r).push(id); });
  return Array.from(groups.values()).sort(function (a, b) { return b.length - a.length || (a[0] < b[0] ? -1 : 1); });
}
function seeded(seed) { var s = seed >>> 0; return function () { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; }; }
function startPositions(comp, edgeIds) {   // unit-square start from the current layout (keeps the mental map)
  var pos = comp.map(function (id) { var p = home.get(id); return p ? [p.x, p.y] : null; });
  var index = new Map(comp.map(function (id, i) { return [id, i]; })), rnd = seeded(comp.length * 7919 + 7);
  comp.forEach(function (id, i) {   // actors with no home position start next to a placed neighbour
    if (pos[i]) return;
    var near = edgesOf(id).filter(function (e) { return edgeIds.has(e.id); })
      .map(function (e) { return pos[index.get(e.from === id ? e.to : e.from)]; }).filter(Boolean)[0];
    pos[i] = near ? [near[0] + (rnd() - 0.5) * 60, near[1] + (rnd() - 0.5) * 60] : [rnd() * 1000, rnd() * 1000];
  });
  var xs = pos.map(function (p) { return p[0]; }), ys = pos.map(function (p) { return p[1]; });
  var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
  var span = Math.max(Math.max.apply(null, xs) - x0, Math.max.apply(null, ys) - y0, 1);
  return pos.map(function (p, i) { return [(p[0] - x0) / span + rnd() * 1e-3, (p[1] - y0) / span + rnd() * 1e-3]; });
}
function forceDirected(pos, links, iterations) {
  var n = pos.length, k2 = 1 / n, k = Math.sqrt(k2), temp = 0.1, cooling = 0.1 / (iterations + 1);
  var dx = new Float64Array(n), dy = new Float64Array(n);
  for (var it = 0; it < iterations; it++) {
    var cx = 0, cy = 0, i, j;
    for (i = 0; i < n; i++) { cx += pos[i][0]; cy += pos[i][1]; dx[i] = 0; dy[i] = 0; }
    cx /= n; cy /= n;
    for (i = 0; i < n; i++) {
      var xi = pos[i][0], yi = pos[i][1];
      for (j = i + 1; j < n; j++) {
        var ddx = xi - pos[j][0], ddy = yi - pos[j][1], d2 = Math.max(ddx * ddx + ddy * ddy, 1e-4), f = k2 / d2;
        dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
      }
    }
    links.forEach(function (l) {
      var ddx = pos[l[0]][0] - pos[l[1]][0], ddy = pos[l[0]][1] - pos[l[1]][1], f = l[2] * Math.sqrt(ddx * ddx + ddy * ddy) / k;
      dx[l[0]] -= ddx * f; dy[l[0]] -= ddy * f; dx[l[1]] += ddx * f; dy[l[1]] += ddy * f;
    });
    for (i = 0; i < n; i++) {
      dx[i] -= GRAVITY * n * k * (pos[i][0] - cx); dy[i] -= GRAVITY * n * k * (pos[i][1] - cy);
      var len = Math.max(Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 1e-2);
      pos[i][0] += dx[i] * temp / len; pos[i][1] += dy[i] * temp / len;
    }
    temp -= cooling;
  }
  return pos;
}
function layoutComponent(comp, edgeIds) {   // positions in pixels, centred on the origin
  if (comp.length === 1) return [[0, 0]];
  var index = new Map(comp.map(function (id, i) { return [id, i]; })), weights = new Map();
  edgeIds.forEach(function (eid) {
    var e = edgeById.get(eid);
    if (!index.has(e.from) || !index.has(e.to) || e.from === e.to) return;
    var key = e.from < e.to ? e.from + '\u0000' + e.to : e.to + '\u0000' + e.from;
    weights.set(key, (weights.get(key) || 0) + (liveCount.get(eid) || e.count));
  });
  var links = Array.from(weights.entries()).map(function (kv) {
    var ends = kv[0].split('\u0000'); return [index.get(ends[0]), index.get(ends[1]), 1 + Math.log(kv[1])];
  });
  var pos = startPositions(comp, edgeIds);
  if (comp.length <= POLISH_LIMIT) pos = forceDirected(pos, links, comp.length > 300 ? 40 : 60);
  var mx = 0, my = 0;
  pos.forEach(function (p) { mx += p[0]; my += p[1]; });
  mx /= pos.length; my /= pos.length;
  var rms = Math.sqrt(pos.reduce(function (s, p) { return s + (p[0] - mx) * (p[0] - mx) + (p[1] - my) * (p[1] - my); }, 0) / pos.length);
  var n = comp.length, tight = 0.8 + 0.2 * Math.min(1, (n - 2) / 18);   // as graphkit.layout._tightness
  var f = SPACING * DENSITY * Math.sqrt(n - 1) * tight / Math.max(rms, 1e-9);
  return pos.map(function (p) { return [(p[0] - mx) * f, (p[1] - my) * f]; });
}
function flatten(pos) {   // turn a centred component so its widest spread lies along x
  if (pos.length < 2) return pos;
  var n = pos.length, sxx = 0, syy = 0, sxy = 0;
  pos.forEach(function (p) { sxx += p[0] * p[0]; syy += p[1] * p[1]; sxy += p[0] * p[1]; });
  var a = 0.5 * Math.atan2(2 * sxy / (n - 1), (sxx - syy) / (n - 1)), c = Math.cos(-a), s = Math.sin(-a);
  return pos.map(function (p) { return [p[0] * c - p[1] * s, p[0] * s + p[1] * c]; });
}
function shelves(boxes, order, width, gx, gy) {   // [centres, height]: beside the middle box, then above and below
  var w0 = boxes[0][0], h0 = boxes[0][1], out = [[0, 0]], k = 0, top = -h0 / 2, bottom = h0 / 2, band = -h0 / 2;
  var segments = [[-width / 2, -w0 / 2 - gx], [w0 / 2 + gx, width / 2]];
  while (k < order.length) {
    var shelf = boxes[order[k]][1], y, lanes;
    if (band + shelf <= h0 / 2 + 1e-9) { y = band; lanes = segments; band += shelf + gy; }
    else if (-top <= bottom) { top -= gy + shelf; y = top; lanes = [[-width / 2, width / 2]]; }
    else { y = bottom + gy; lanes = [[-width / 2, width / 2]]; bottom += gy + shelf; }
    for (var l = 0; l < lanes.length; l++) {
      var x = lanes[l][0];
      while (k < order.length && x + boxes[order[k]][0] <= lanes[l][1] + 1e-9) {
        out[order[k]] = [x + boxes[order[k]][0] / 2, y + shelf / 2];
        x += boxes[order[k]][0] + gx; k++;
      }
    }
  }
  return [out, bottom - top];
}
function packAround(boxes, gx, gy, aspect) {   // the same packing as graphkit.layout.pack_around
  var order = []; for (var i = 1; i < boxes.length; i++) order.push(i);
  order.sort(function (a, b) { return boxes[b][1] - boxes[a][1] || boxes[b][0] - boxes[a][0] || a - b; });
  var area = boxes.reduce(function (s, b) { return s + (b[0] + gx) * (b[1] + gy); }, 0);
  var width = Math.max.apply(null, [Math.sqrt(area * aspect), boxes[0][0]].concat(order.map(function (i) { return boxes[i][0]; })));
  for (;;) {
    var r = shelves(boxes, order, width, gx, gy);
    if (r[1] * aspect <= width * 1.0001) return r[0];
    width *= 1.03;
  }
}
function relayout(ids, edgeIds) {
  var t = performance.now(), comps = components(ids, edgeIds), margin = SPACING / 5, box = canvasBox();
  if (!comps.length) return;
  var placed = comps.map(function (c) { return flatten(layoutComponent(c, edgeIds)); });
  var boxes = placed.map(function (p) {
    var w = 0, hgt = 0;
    p.forEach(function (q) { w = Math.max(w, Math.abs(q[0])); hgt = Math.max(hgt, Math.abs(q[1])); });
    return [2 * w + 2 * margin, 2 * hgt + 2 * margin];
  });
  var centres = packAround(boxes, 2 * margin, margin, Math.max(box.width, 1) / Math.max(box.height, 1));
  comps.forEach(function (comp, ci) {
    comp.forEach(function (id, i) {
      var it = network.body.nodes[id], p = placed[ci][i];
      if (it) { it.x = Math.round(p[0] + centres[ci][0]); it.y = Math.round(p[1] + centres[ci][1]); }
    });
  });
  timings.relayout = performance.now() - t;
  network.body.emitter.emit('_requestRedraw');
}
