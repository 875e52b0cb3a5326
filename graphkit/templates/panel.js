/* The side panel (an actor, or a relation with its evidence) and the "top actors" list.
 * Evidence is in one order everywhere (as kg.evidence()): newest article first, undated last,
 * in text order within an article; grouped by article with a count, collapsible, searchable. */
var panel = $('gk-panel');
var panelState = { allTime: false, query: '' };

function placeholder() {
  clear(panel);
  panel.classList.remove('gk-open');
  append(panel, h('div', { class: 'gk-placeholder' }, h('strong', { text: 'Who did what to whom?' }),
    'Click an actor to see its relations, or an arrow to read every sentence that supports it. Search by any name above.'));
}
function closeButton() {
  return h('button', { class: 'gk-close', type: 'button', 'aria-label': 'Close', title: 'Close (Esc)', text: '×',
    on: { click: function () { deselect(); } } });
}
function nodeLink(id) {
  var n = nodeById.get(id);
  return h('button', { class: 'gk-link', type: 'button', text: n.label, on: { click: function () { selectNode(id); } } });
}
function edgeLink(e, text) {
  return h('button', { class: 'gk-link gk-rel', type: 'button', text: text, on: { click: function () { selectEdge(e.id); } } });
}
function articleLine(index) {
  var a = DATA.articles[index] || {}, url = safeUrl(a.url), title = a.title || 'untitled article';
  var t = url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: title }) : h('span', { text: title });
  return [t, a.date ? h('span', { class: 'gk-date', text: a.date }) : null];
}
function newestFirst(a, b) {   // article indices: dated newest first, undated last
  var pa = (DATA.articles[a] || {}).period, pb = (DATA.articles[b] || {}).period;
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a - b;
  return pa[0] > pb[0] ? -1 : pa[0] < pb[0] ? 1 : a - b;
}
function relationList(title, list, outgoing) {
  if (!list.length) return null;
  var sorted = list.slice().sort(function (a, b) {
    return visibleEdges.has(b.id) - visibleEdges.has(a.id) || (liveCount.get(b.id) || b.count) - (liveCount.get(a.id) || a.count) ||
      a.relation.localeCompare(b.relation);
  });
  return [h('h3', { text: title + ' (' + list.length + ')' }), h('ul', { class: 'gk-list' }, sorted.map(function (e) {
    var other = outgoing ? e.to : e.from, c = liveCount.get(e.id) || e.count;
    return h('li', { 'data-edge': e.id, class: visibleEdges.has(e.id) ? null : 'gk-hidden-rel', title: visibleEdges.has(e.id) ? null : 'hidden by the filters' },
      h('span', { class: 'gk-dot', style: 'background:' + edgeColour(e) }),
      outgoing ? [edgeLink(e, e.relation), nodeLink(other)] : [nodeLink(other), edgeLink(e, e.relation)],
      h('span', { class: 'gk-n', text: c > 1 ? c + '×' : '' }));
  }))];
}
function showNode(id) {
  var n = nodeById.get(id), t = THEME.types[typeOf(n)];
  clear(panel); panel.classList.add('gk-open');
  var arts = n.articles.slice().sort(newestFirst);
  var community = (DATA.communities || []).filter(function (c) { return c.id === n.community; })[0];
  append(panel, [
    h('div', { class: 'gk-head' }, shapeIcon(typeOf(n), 16, nodeColour(n)), h('h2', { text: n.label }), closeButton()),
    h('div', { class: 'gk-badges' },
      h('span', { class: 'gk-badge' }, h('i', { style: 'background:' + t.color }), t.label),
      h('span', { class: 'gk-badge', text: plural(n.mentions, 'mention') }),
      h('span', { class: 'gk-badge', text: plural(n.articles.length, 'article') }),
      community ? h('button', { class: 'gk-badge gk-link', type: 'button', title: 'Show only this community', text: 'community: ' + community.label,
        on: { click: function () { setFilter({ community: community.id }); } } }) : null),
    n.aliases.length ? [h('h3', { text: 'Also called' }), h('div', { class: 'gk-chips' }, n.aliases.map(function (a) { return h('span', { class: 'gk-chip', text: a }); }))] : null,
    relationList('Acts on', outE.get(id), true),
    relationList('Acted on by', inE.get(id), false),
    arts.length ? [h('h3', { text: 'Articles (' + arts.length + ')' }), h('ul', { class: 'gk-list' },
      arts.map(function (a) { return h('li', {}, articleLine(a)); }))] : null
  ]);
  panel.scrollTop = 0;
}
function highlightSentence(sentence, groups) {
  var low = fold(sentence), ranges = [];
  // fold() can change length for rare characters; only trust it when lengths agree
  if (low.length !== sentence.length) low = sentence.toLowerCase();
  if (low.length !== sentence.length) return [sentence];
  groups.forEach(function (g) {
    g.terms.filter(Boolean).map(fold).filter(function (t) { return t.length > (g.loose ? 0 : 1); })
      .sort(function (a, b) { return b.length - a.length; }).forEach(function (term) {
        var from = 0, at;
        while ((at = low.indexOf(term, from)) !== -1) {
          var end = at + term.length;
          var wordStart = g.loose || at === 0 || !/[\p{L}\p{N}]/u.test(low[at - 1]);
          var wordEnd = g.loose || end >= low.length || !/[\p{L}\p{N}]/u.test(low[end]);
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
/* Evidence grouped by article: [{article, items}] newest article first, undated last, sentences
 * in text order within an article. */
function evidenceGroups(evidence) {
  var byArticle = new Map();
  evidence.forEach(function (ev, i) {
    var key = ev.article === undefined ? -1 : ev.article;
    if (!byArticle.has(key)) byArticle.set(key, []);
    byArticle.get(key).push({ ev: ev, i: i });
  });
  var keys = Array.from(byArticle.keys()).sort(function (a, b) { return a === -1 ? 1 : b === -1 ? -1 : newestFirst(a, b); });
  return keys.map(function (k) {
    var items = byArticle.get(k).sort(function (a, b) { return (a.ev.start || 0) - (b.ev.start || 0) || a.i - b.i; });
    return { article: k, items: items.map(function (x) { return x.ev; }) };
  });
}
function evidenceBlock(ev, src, tgt, query) {
  var groups = [
    { cls: 'gk-src', terms: ev.source_text ? [ev.source_text] : [src.label].concat(src.aliases) },
    { cls: 'gk-tgt', terms: ev.target_text ? [ev.target_text] : [tgt.label].concat(tgt.aliases) }];
  if (query) groups.unshift({ cls: 'gk-hit', terms: [query], loose: true });
  return h('div', { class: 'gk-evidence' },
    h('blockquote', {}, highlightSentence(String(ev.sentence || ''), groups)),
    ev.reported_by ? h('div', { class: 'gk-source', text: 'reported by ' + ev.reported_by }) : null,
    ev.modality ? h('div', { class: 'gk-source gk-modality', text: ev.modality }) : null);
}
function renderEvidence(e, box) {
  var src = nodeById.get(e.from), tgt = nodeById.get(e.to), q = fold(panelState.query).trim();
  var pool = panelState.allTime ? e.evidence : liveEvidence(e);
  var shown = q ? pool.filter(function (ev) { return fold(ev.sentence || '').indexOf(q) !== -1; }) : pool;
  var groups = evidenceGroups(shown), many = shown.length > 10;
  clear(box);
  var note = [plural(shown.length, 'sentence')];
  if (q) note.push('match “' + panelState.query.trim() + '”');
  if (pool.length < e.evidence.length) note.push('(' + fmt(e.evidence.length - pool.length) + ' outside the date range)');
  append(box, h('p', { class: 'gk-help gk-ev-count', text: note.join(' ') }));
  if (!e.evidence.length) append(box, h('p', { class: 'gk-help', text: 'No sentence recorded for this relation.' }));
  groups.forEach(function (g, gi) {
    var head = g.article === -1 ? [h('span', { text: 'No article' })] : articleLine(g.article);
    append(box, h('details', { class: 'gk-group', open: !many || gi < 3 ? true : null, 'data-article': g.article },
      h('summary', {}, head, h('span', { class: 'gk-n', text: plural(g.items.length, 'sentence') })),
      g.items.map(function (ev) { return evidenceBlock(ev, src, tgt, q); })));
  });
}
function showEdge(id) {
  var e = edgeById.get(id), c = THEME.categories[catOf(e)];
  clear(panel); panel.classList.add('gk-open');
  panelState.query = ''; panelState.allTime = false;
  var box = h('div', { class: 'gk-ev-list' });
  var tools = e.evidence.length > 3 ? h('div', { class: 'gk-ev-tools' },
    h('input', { type: 'search', id: 'gk-ev-search', placeholder: 'Search these sentences…', 'aria-label': 'Search the evidence',
      on: { input: function (ev) { panelState.query = ev.target.value; renderEvidence(e, box); } } }),
    h('button', { type: 'button', class: 'gk-mini', text: 'Expand all', on: { click: function () { toggleGroups(box, true); } } }),
    h('button', { type: 'button', class: 'gk-mini', text: 'Collapse all', on: { click: function () { toggleGroups(box, false); } } })) : null;
  var outside = timeActive() && liveEvidence(e).length < e.evidence.length;
  append(panel, [
    h('div', { class: 'gk-head' }, h('div', { class: 'gk-triple' }, nodeLink(e.from), h('span', { class: 'gk-arrow', text: '→' }),
      h('span', { class: 'gk-rel', text: e.relation }), h('span', { class: 'gk-arrow', text: '→' }), nodeLink(e.to)), closeButton()),
    h('div', { class: 'gk-badges' },
      h('span', { class: 'gk-badge' }, h('i', { style: 'background:' + c.color }), c.label),
      e.kind ? h('span', { class: 'gk-badge', text: (KIND_LABELS[e.kind] || e.kind).replace(/s$/, '').toLowerCase() }) : null,
      e.predicate ? h('span', { class: 'gk-badge', text: 'verb: ' + e.predicate }) : null,
      h('span', { class: 'gk-badge', text: plural(e.count, 'time') })),
    h('h3', { text: 'Evidence (' + e.evidence.length + ')' }),
    outside ? h('label', { class: 'gk-check gk-small' }, h('input', { type: 'checkbox', id: 'gk-ev-all',
      on: { change: function (ev) { panelState.allTime = ev.target.checked; renderEvidence(e, box); } } }), 'Show sentences outside the date range') : null,
    tools, box
  ]);
  renderEvidence(e, box);
  panel.scrollTop = 0;
}
function toggleGroups(box, open) { box.querySelectorAll('details').forEach(function (d) { d.open = open; }); }
function refreshPanel() {   // filters or the time range changed: redraw what the panel shows
  var sel = state.selected;
  if (sel && sel.kind === 'node') showNode(sel.id);
  else if (sel) showEdge(sel.id);
}

// ---------- top actors: in the current view (filters and time range) ----------
var topBy = 'degree';
function topActors(by, limit) {   // by weighted degree or by articles, in the current view
  var score = new Map(), arts = new Map();
  visibleEdges.forEach(function (id) {
    var e = edgeById.get(id), c = liveCount.get(id) || e.count;
    [e.from, e.to].forEach(function (n) {
      score.set(n, (score.get(n) || 0) + c);
      if (!arts.has(n)) arts.set(n, new Set());
      liveEvidence(e).forEach(function (ev) { if (ev.article !== undefined) arts.get(n).add(ev.article); });
    });
  });
  var list = Array.from(score.keys()).map(function (id) { return { id: id, degree: score.get(id), articles: arts.get(id).size }; });
  list.sort(function (a, b) { return (by === 'articles' ? b.articles - a.articles || b.degree - a.degree : b.degree - a.degree || b.articles - a.articles) ||
    rankOf.get(a.id) - rankOf.get(b.id); });
  return list.slice(0, limit || 10);
}
function renderTopActors() {
  var el = $('gk-top'); if (!el) return;
  clear(el);
  var list = topActors(topBy, 10);
  if (!list.length) { append(el, h('li', { class: 'gk-help', text: 'No actor in this view.' })); return; }
  list.forEach(function (a, i) {
    var n = nodeById.get(a.id);
    append(el, h('li', { 'data-id': a.id },
      h('span', { class: 'gk-rank', text: String(i + 1) }), shapeIcon(typeOf(n), 12, nodeColour(n)),
      h('button', { class: 'gk-link', type: 'button', text: n.label, on: { click: function () { selectNode(a.id); } } }),
      h('span', { class: 'gk-n', text: topBy === 'articles' ? plural(a.articles, 'article') : fmt(a.degree) })));
  });
}
