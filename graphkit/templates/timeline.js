/* The time control: a histogram of evidence sentences over article dates, with a range (two
 * sliders, or drag across the bars) that filters evidence, relations and actors live. */
var bins = [], undatedCount = 0;

function dayNumber(iso) { return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5); }
function isoDay(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }
function binUnit(spanDays) { return spanDays <= 62 ? 'day' : spanDays <= 550 ? 'week' : 'month'; }
function binStart(iso, unit) {
  if (unit === 'month') return iso.slice(0, 7) + '-01';
  if (unit === 'week') { var d = dayNumber(iso); return isoDay(d - ((d + 3) % 7)); }   // weeks start on Monday
  return iso;
}
function binEnd(start, unit) {
  if (unit === 'month') { var y = +start.slice(0, 4), m = +start.slice(5, 7); return isoDay(Math.floor(Date.UTC(y, m, 1) / 864e5) - 1); }
  return unit === 'week' ? isoDay(dayNumber(start) + 6) : start;
}
function nextStart(start, unit) {
  if (unit === 'month') { var y = +start.slice(0, 4), m = +start.slice(5, 7); return isoDay(Math.floor(Date.UTC(y, m, 1) / 864e5)); }
  return isoDay(dayNumber(start) + (unit === 'week' ? 7 : 1));
}
function buildBins() {
  var days = [];
  DATA.edges.forEach(function (e) { e.evidence.forEach(function (ev) { var p = periodOf(ev); if (p) days.push(p[0]); else undatedCount++; }); });
  if (!days.length) return [];
  days.sort();
  var unit = binUnit(dayNumber(days[days.length - 1]) - dayNumber(days[0])), counts = new Map();
  days.forEach(function (d) { var s = binStart(d, unit); counts.set(s, (counts.get(s) || 0) + 1); });
  var out = [], s = binStart(days[0], unit), last = binStart(days[days.length - 1], unit);
  while (s <= last && out.length < 2000) { out.push({ start: s, end: binEnd(s, unit), count: counts.get(s) || 0, unit: unit }); s = nextStart(s, unit); }
  return out;
}
function rangeIndex() {   // [from bin, to bin] of the current range
  var i = 0, j = bins.length - 1;
  if (state.from !== null) while (i < bins.length - 1 && bins[i].end < state.from) i++;
  if (state.to !== null) while (j > 0 && bins[j].start > state.to) j--;
  return [i, Math.max(i, j)];
}
function rangeText() {
  if (!timeActive()) return '';
  var lo = state.from || (bins[0] && bins[0].start) || '…', hi = state.to || (bins.length && bins[bins.length - 1].end) || '…';
  return lo === hi ? lo : lo + ' – ' + hi;
}
function buildTimeline() {
  var section = $('gk-time-section');
  bins = buildBins();
  if (!bins.length) { section.hidden = true; return; }
  section.hidden = false;
  var svg = $('gk-hist'), max = Math.max.apply(null, bins.map(function (b) { return b.count; })), w = 228, ht = 46;
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + ht);
  var bw = w / bins.length;
  bins.forEach(function (b, i) {
    var bh = b.count ? Math.max(2, Math.round((ht - 2) * Math.sqrt(b.count / max))) : 0;
    var bar = svgEl('rect', { x: (i * bw + 0.3).toFixed(2), y: ht - bh, width: Math.max(bw - 0.6, 0.6).toFixed(2), height: bh, 'data-i': i });
    var tip = svgEl('title', {}); tip.textContent = (b.start === b.end ? b.start : b.start + ' – ' + b.end) + ': ' + plural(b.count, 'sentence');
    bar.appendChild(tip); svg.appendChild(bar);
  });
  ['gk-from', 'gk-to'].forEach(function (id) {
    var r = $(id); r.min = '0'; r.max = String(bins.length - 1); r.step = '1';
    r.addEventListener('input', function () { fromSliders(false); });
    r.addEventListener('change', function () { fromSliders(true); });
  });
  $('gk-from').value = '0'; $('gk-to').value = String(bins.length - 1);
  $('gk-time-all').addEventListener('click', function () { setTime(null, null); });
  if (undatedCount) {
    $('gk-undated-row').hidden = false;
    $('gk-undated-n').textContent = fmt(undatedCount);
    $('gk-undated').addEventListener('change', function () { setFilter({ undated: $('gk-undated').checked }); });
  }
  brush(svg, bw);
  syncTimeline();
}
function brush(svg, bw) {   // drag across the bars to pick a range
  var start = null;
  function at(ev) { var r = svg.getBoundingClientRect(); return Math.max(0, Math.min(bins.length - 1, Math.floor((ev.clientX - r.left) / r.width * bins.length))); }
  svg.addEventListener('pointerdown', function (ev) { start = at(ev); svg.setPointerCapture(ev.pointerId); ev.preventDefault(); });
  svg.addEventListener('pointermove', function (ev) { if (start !== null) setRangeIndex(Math.min(start, at(ev)), Math.max(start, at(ev)), false); });
  svg.addEventListener('pointerup', function (ev) {
    if (start === null) return;
    var a = Math.min(start, at(ev)), b = Math.max(start, at(ev));
    start = null;
    if (a === 0 && b === bins.length - 1) setTime(null, null); else setRangeIndex(a, b, true);
  });
}
var pendingTime = null;
function fromSliders(done) {
  var a = Number($('gk-from').value), b = Number($('gk-to').value);
  if (a > b) { var t = a; a = b; b = t; }
  setRangeIndex(a, b, done);
}
function setRangeIndex(a, b, done) {
  var full = a === 0 && b === bins.length - 1;
  var from = full ? null : bins[a].start, to = full ? null : bins[b].end;
  if (done) { setTime(from, to); return; }
  state.from = from; state.to = to;   // live: filter without re-framing, once per frame
  if (pendingTime === null) pendingTime = requestAnimationFrame(function () { pendingTime = null; applyFilters({ reframe: false }); });
}
function setTime(from, to) {
  if (pendingTime !== null) { cancelAnimationFrame(pendingTime); pendingTime = null; }
  setFilter({ from: from, to: to });
}
function syncTimeline() {
  if (!bins.length) return;
  var r = rangeIndex();
  if (document.activeElement !== $('gk-from') && document.activeElement !== $('gk-to')) {
    $('gk-from').value = String(r[0]); $('gk-to').value = String(r[1]);
  }
  Array.prototype.forEach.call($('gk-hist').querySelectorAll('rect'), function (bar) {
    var i = Number(bar.getAttribute('data-i'));
    bar.setAttribute('class', timeActive() && (i < r[0] || i > r[1]) ? 'gk-out' : '');
  });
  $('gk-time-label').textContent = timeActive() ? rangeText() : 'All dates: ' + bins[0].start + ' – ' + bins[bins.length - 1].end;
  $('gk-time-all').disabled = !timeActive();
  $('gk-undated').checked = state.undated;
  $('gk-time-unit').textContent = 'bars: sentences by ' + bins[0].unit;
}
