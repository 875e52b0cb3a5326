/* Save the current view as PNG (the canvas as drawn, on white, with the title and what is
 * shown) or SVG (vector: the visible actors, arrows and labels in this view). Nothing leaves
 * the machine: the file is made in the page and saved by the browser. */
function viewCaption() {
  var parts = [plural(visibleNodes.size, 'actor') + ', ' + plural(visibleEdges.size, 'relation')];
  if (!isHome()) {
    if (state.cats.size < CAT_KEYS.length) parts.push(Array.from(state.cats).join('/'));
    if (state.kinds.size < KIND_KEYS.length) parts.push(Array.from(state.kinds).map(function (k) { return KIND_LABELS[k].toLowerCase(); }).join('/'));
    if (state.types.size < TYPE_KEYS.length) parts.push(Array.from(state.types).join('/'));
    if (state.minCount > 1) parts.push('stated ≥ ' + state.minCount + '×');
    if (state.community !== null) parts.push('community: ' + communityLabel(state.community));
  }
  if (timeActive()) parts.push(rangeText());
  return parts.join(' · ');
}
function communityLabel(id) {
  var c = (DATA.communities || []).filter(function (x) { return x.id === id; })[0];
  return c ? c.label : '#' + id;
}
function fileName(ext) {
  return (DATA.title || 'graphkit').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) + '.' + ext;
}
function exportPNG() {
  var src = $('gk-network').querySelector('canvas'), ratio = src.width / Math.max(src.clientWidth, 1);
  var out = document.createElement('canvas');
  out.width = src.width; out.height = src.height;
  var ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#0f172a'; ctx.font = '600 15px ' + FONT; ctx.textBaseline = 'top';
  ctx.fillText(DATA.title || 'graphkit', 14, 12);
  ctx.fillStyle = '#64748b'; ctx.font = '12px ' + FONT;
  ctx.fillText(viewCaption(), 14, 32);
  return out.toDataURL('image/png');
}
function xmlText(s) {
  return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; })
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
function num(x) { return (Math.round(x * 10) / 10).toString(); }
function svgShape(shape, x, y, r, fill, stroke) {
  var paint = ' fill="' + fill + '" stroke="' + stroke + '" stroke-width="1.5"';
  var pts = shapePoints(shape, 0, r);
  if (pts) return '<polygon points="' + pts.map(function (p) { return num(x + p[0]) + ',' + num(y + p[1]); }).join(' ') + '"' + paint + '/>';
  if (shape === 'square') return '<rect x="' + num(x - r) + '" y="' + num(y - r) + '" width="' + num(2 * r) + '" height="' + num(2 * r) + '"' + paint + '/>';
  return '<circle cx="' + num(x) + '" cy="' + num(y) + '" r="' + num(r) + '"' + paint + '/>';
}
function svgEdge(it, scale, box) {
  var a = network.canvasToDOM({ x: it.from.x, y: it.from.y }), b = network.canvasToDOM({ x: it.to.x, y: it.to.y });
  var v = it.options.smooth && it.options.smooth.enabled && it.edgeType && it.edgeType.getViaNode ? it.edgeType.getViaNode() : null;
  var via = v && !Array.isArray(v) && isFinite(v.x) ? network.canvasToDOM({ x: v.x, y: v.y }) : null;
  var xs = [a.x, b.x].concat(via ? [via.x] : []), ys = [a.y, b.y].concat(via ? [via.y] : []);
  if (Math.max.apply(null, xs) < 0 || Math.min.apply(null, xs) > box.width || Math.max.apply(null, ys) < 0 || Math.min.apply(null, ys) > box.height) return '';
  var c = via || a, dx = b.x - c.x, dy = b.y - c.y, len = Math.hypot(dx, dy) || 1, cut = ((it.to.options.size || 10) + 2) * scale;
  var end = { x: b.x - dx / len * cut, y: b.y - dy / len * cut };
  var col = it.options.color, colour = col.color || '#94a3b8', width = Math.max((it.options.width || 1) * Math.min(scale, 1.5), 0.6);
  var d = 'M' + num(a.x) + ' ' + num(a.y) + (via ? ' Q' + num(via.x) + ' ' + num(via.y) + ' ' : ' L') + num(end.x) + ' ' + num(end.y);
  var head = Math.max(5, 9 * Math.min(scale, 1.5)), ux = dx / len, uy = dy / len;
  var tip = end, l = { x: tip.x - ux * head - uy * head * 0.55, y: tip.y - uy * head + ux * head * 0.55 },
    r = { x: tip.x - ux * head + uy * head * 0.55, y: tip.y - uy * head - ux * head * 0.55 };
  return '<path d="' + d + '" fill="none" stroke="' + colour + '" stroke-opacity="' + (col.opacity === undefined ? 1 : col.opacity) +
    '" stroke-width="' + num(width) + '"' + (it.options.dashes ? ' stroke-dasharray="4 4"' : '') + '/>' +
    '<polygon points="' + [tip, l, r].map(function (p) { return num(p.x) + ',' + num(p.y); }).join(' ') + '" fill="' + colour + '"/>';
}
function svgText(x, y, text, px, colour, weight) {
  return '<text x="' + num(x) + '" y="' + num(y) + '" font-size="' + num(px) + '"' + (weight ? ' font-weight="' + weight + '"' : '') +
    ' fill="' + colour + '" stroke="#ffffff" stroke-width="' + num(px / 3.5) + '" paint-order="stroke" text-anchor="middle">' + xmlText(text) + '</text>';
}
function exportSVG() {
  var box = canvasBox(), scale = network.getScale(), out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="' + box.width + '" height="' + box.height +
    '" viewBox="0 0 ' + box.width + ' ' + box.height + '" font-family="' + xmlText(FONT) + '">');
  out.push('<title>' + xmlText(DATA.title || 'graphkit') + '</title><rect width="100%" height="100%" fill="#ffffff"/>');
  out.push('<g class="edges">');
  visibleEdges.forEach(function (id) { var it = network.body.edges[id]; if (it) out.push(svgEdge(it, scale, box)); });
  out.push('</g><g class="nodes">');
  var nodeLabels = [];
  visibleNodes.forEach(function (id) {
    var it = network.body.nodes[id]; if (!it) return;
    var d = network.canvasToDOM({ x: it.x, y: it.y }), r = (it.options.size || 10) * scale;
    if (d.x < -r || d.y < -r || d.x > box.width + r || d.y > box.height + r) return;
    out.push(svgShape(it.options.shape, d.x, d.y, r, it.options.color.background, it.options.color.border));
    var px = (labelSize.get(id) || 0) * scale;
    var y = labelLift.get(id) ? d.y - r - px * 0.45 - 2 : d.y + r + px + 2;
    if (px >= options.nodes.scaling.label.drawThreshold) nodeLabels.push(svgText(d.x, y, nodeById.get(id).label, px, it.options.font.color || '#0f172a'));
  });
  out.push('</g><g class="labels">');
  edgeLabels.forEach(function (l) {
    var m = visibleEdges.has(l.id) && edgeLabelPoint(l);
    if (m) out.push(svgText(m.x, m.y + 4, l.text, EDGE_LABEL_PX, '#1e293b'));
  });
  out.push(nodeLabels.join(''));
  out.push('</g><g class="caption"><text x="14" y="26" font-size="15" font-weight="600" fill="#0f172a">' + xmlText(DATA.title || 'graphkit') +
    '</text><text x="14" y="44" font-size="12" fill="#64748b">' + xmlText(viewCaption()) + '</text></g></svg>\n');
  return out.join('\n');
}
function download(kind) {
  var blob = kind === 'svg' ? new Blob([exportSVG()], { type: 'image/svg+xml' })
    : dataBlob(exportPNG());
  var a = h('a', { href: URL.createObjectURL(blob), download: fileName(kind) });
  document.body.appendChild(a); a.click(); document.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 5000);
}
function dataBlob(url) {
  var bin = atob(url.split(',')[1]), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}
