"""Hand-built graphs following the graph.json contract, for the page tests and the benchmark."""

from __future__ import annotations

import itertools
import random

import networkx as nx

TYPES = ("person", "organization", "government", "place", "other")
CATEGORIES = ("cooperation", "conflict", "statement", "neutral")
XSS_SCRIPT = "<script>console.log('XSS-MARKER-1');window.__xss=1</script>"
XSS_IMG = "<img src=x onerror=\"console.log('XSS-MARKER-2');alert(2)\">"


def _node(G, key, label, typ, aliases=(), mentions=1, articles=("a1",)):
    G.add_node(key, label=label, type=typ, aliases=sorted({label, *aliases}), mentions=mentions,
               articles=sorted(articles))


def _edge(G, s, t, relation, category, evidence, *, predicate=None, kind="action", polarity=0):
    G.add_edge(s, t, key=relation, relation=relation, predicate=predicate or relation.split()[0],
               kind=kind, category=category, polarity=polarity, count=len(evidence), evidence=evidence)


def _ev(article, sentence, **extra):
    return {"article": article, "sentence": sentence, "start": 0, "end": len(sentence), **extra}


def sample_graph() -> nx.MultiDiGraph:
    """Five actors, parallel and reverse edges, aliases, two articles."""
    G = nx.MultiDiGraph()
    G.graph["articles"] = [
        {"id": "a1", "title": "Ministry sanctions Acme Corp", "url": "https://news.example/a1", "date": "2024-03-01"},
        {"id": "a2", "title": "Acme responds", "url": "https://news.example/a2", "date": "2024-03-02"},
    ]
    _node(G, "ministry-of-defence", "Ministry of Defence", "government", ["MoD", "the ministry"], 6, ["a1", "a2"])
    _node(G, "acme-corp", "Acme Corp", "organization", ["Acme", "Acme Corporation"], 9, ["a1", "a2"])
    _node(G, "jane-doe", "Jane Doe", "person", ["Doe"], 3, ["a2"])
    _node(G, "geneva", "Geneva", "place", ["Genève"], 1, ["a2"])
    _node(G, "zed-union", "Zed Union", "organization", ["ZU"], 2, ["a2"])
    _edge(G, "ministry-of-defence", "acme-corp", "sanctioned", "conflict", [
        _ev("a1", "The MoD sanctioned Acme on Monday.", source_text="MoD", target_text="Acme"),
        _ev("a2", "Acme Corporation was sanctioned by the ministry last week.")], polarity=-1)
    _edge(G, "ministry-of-defence", "acme-corp", "praised", "cooperation", [
        _ev("a1", "Earlier, the ministry praised Acme Corp for its work.")], polarity=1)
    _edge(G, "acme-corp", "ministry-of-defence", "criticised", "statement", [
        _ev("a2", "Acme criticised the MoD decision.", reported_by="Jane Doe")], kind="statement")
    _edge(G, "jane-doe", "acme-corp", "leads", "neutral", [_ev("a2", "Jane Doe leads Acme.")], kind="role")
    _edge(G, "zed-union", "acme-corp", "partnered with", "cooperation", [
        _ev("a2", "Zed Union partnered with Acme in Geneva.")], polarity=1)
    return G


def xss_graph() -> nx.MultiDiGraph:
    """Markup and script in names, aliases, sentences, titles and a javascript: URL."""
    G = nx.MultiDiGraph()
    G.graph["articles"] = [{"id": "evil", "title": "Breaking " + XSS_SCRIPT, "url": "javascript:alert(3)",
                            "date": "2024-01-01" + XSS_IMG}]
    _node(G, "script-actor", XSS_SCRIPT, "person", [XSS_IMG, "Scripty"], 2, ["evil"])
    _node(G, "img-actor", XSS_IMG, "organization", ["</script><script>alert(4)</script>"], 2, ["evil"])
    _edge(G, "script-actor", "img-actor", "attacked " + XSS_IMG, "conflict", [
        _ev("evil", f"Witnesses said {XSS_SCRIPT} attacked {XSS_IMG} at dawn.", reported_by=XSS_IMG)])
    return G


def synthetic_graph(n_nodes: int, n_edges: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A news-like random graph: few hubs, many small actors, every edge with evidence."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_articles = max(1, n_edges // 10)
    G.graph["articles"] = [{"id": f"art{i}", "title": f"Article {i}", "url": f"https://news.example/{i}",
                            "date": f"2024-01-{1 + i % 28:02d}"} for i in range(n_articles)]
    keys = [f"actor-{i}" for i in range(n_nodes)]
    for i, key in enumerate(keys):
        _node(G, key, f"Actor {i}", TYPES[rng.randrange(5)], [f"A{i}"], rng.randint(1, 40),
              [f"art{rng.randrange(n_articles)}"])
    cum = list(itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(n_nodes)))   # low indices are hubs
    made = 0
    while made < n_edges:
        s, t = rng.choices(keys, cum_weights=cum)[0], keys[rng.randrange(n_nodes)]
        rel = f"rel{rng.randrange(12)}"
        if s == t or G.has_edge(s, t, rel):
            continue
        art = f"art{rng.randrange(n_articles)}"
        ev = [_ev(art, f"{G.nodes[s]['label']} did {rel} to {G.nodes[t]['label']}.")
              for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        _edge(G, s, t, rel, CATEGORIES[rng.randrange(4)], ev)
        made += 1
    return G
