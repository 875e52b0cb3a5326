"""Hand-built graphs following the graph.json contract, for the page tests and the benchmark."""

from __future__ import annotations

import datetime
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


_SYLLABLES = ("al", "bar", "cor", "dan", "el", "fen", "gar", "hol", "is", "jor", "kel", "lun", "mar", "nor", "or",
              "pel", "quin", "ros", "sal", "tor", "ul", "vin", "wes", "yar", "zel")
_ROLES = ("chief executive of", "minister of", "spokesperson for", "president of", "member of", "leader of")
_ACTS = {"cooperation": ("signed a deal with", "met with", "praised", "backed", "funded"),
         "conflict": ("sued", "sanctioned", "attacked", "accused", "fined"),
         "neutral": ("visited", "hired", "called", "replaced", "reported on")}
_SAYS = ("criticised", "warned", "said of", "urged")


def _name(rng: random.Random, typ: str) -> str:
    word = lambda n: "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()   # noqa: E731
    if typ == "person":
        return f"{word(rng.randint(1, 2))} {word(rng.randint(1, 3))}"
    if typ == "government":
        return f"{word(2)} government"
    if typ == "place":
        return word(rng.randint(2, 3))
    return f"{word(rng.randint(1, 3))} {rng.choice(('Group', 'Corp', 'Party', 'Union', 'Council', 'News'))}"


def corpus_graph(n_actors: int = 1200, n_relations: int = 1200, *, seed: int = 3) -> nx.MultiDiGraph:
    """A corpus-like graph (invented names): one large component around hubs, hundreds of small
    components and pairs, roles a third of the relations, two years of dated articles (a few
    undated). Deterministic for a seed; exactly ``n_actors`` actors and ``n_relations`` relations."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_articles = max(10, n_relations // 4)
    start = 17897   # 2019-01-01 as a day number
    G.graph["articles"] = [{"id": f"news-{i:04d}", "title": f"Report {i} on {_name(rng, 'place')}",
                            "url": f"https://news.example/{i}",
                            "date": "" if i % 37 == 5 else
                            (datetime.date(1970, 1, 1) + datetime.timedelta(days=start + rng.randrange(730))).isoformat()}
                           for i in range(n_articles)]
    types = rng.choices(TYPES[:4], weights=(52, 30, 13, 5), k=n_actors)
    keys = [f"actor-{i}" for i in range(n_actors)]
    for key, typ in zip(keys, types):
        label = _name(rng, typ)
        _node(G, key, label, typ, [label.split()[-1]], rng.randint(1, 60), [f"news-{rng.randrange(n_articles):04d}"])
    pairs: list[tuple[str, str]] = []
    main = n_actors // 2
    degree = [1] * main
    for i in range(1, main):   # the large component: preferential attachment around hubs
        j = rng.choices(range(i), weights=degree[:i])[0]
        pairs.append((keys[i], keys[j]) if rng.random() < 0.5 else (keys[j], keys[i]))
        degree[i] += 1
        degree[j] += 1
    i = main
    while i < n_actors:   # small components: mostly pairs, some stars of 3 to 6
        size = min(rng.choice((2, 2, 2, 2, 3, 4, 6)), n_actors - i)
        if n_actors - i - size == 1:   # never leave one actor without a relation
            size += 1
        for k in range(1, size):
            pairs.append((keys[i], keys[i + k]))
        i += size
    while len(pairs) < n_relations:   # parallel and reverse relations, mostly between hubs
        a, b = rng.sample(pairs[: main - 1], 1)[0]
        pairs.append((b, a) if rng.random() < 0.5 else (a, b))
    for s, t in pairs[:n_relations]:
        _relation(G, rng, s, t, n_articles)
    for key in keys:   # mentions grow with the relations an actor takes part in, as in news
        G.nodes[key]["mentions"] = sum(d["count"] for *_, d in G.edges(key, data=True)) + \
            sum(d["count"] for *_, d in G.in_edges(key, data=True)) + rng.randint(0, 3)
    return G


def _relation(G: nx.MultiDiGraph, rng: random.Random, s: str, t: str, n_articles: int) -> None:
    kind = rng.choices(("role", "statement", "action"), weights=(36, 15, 49))[0]
    if kind == "role":
        rel, category = rng.choice(_ROLES), "neutral"
    elif kind == "statement":
        rel, category = rng.choice(_SAYS), "statement"
    else:
        category = rng.choices(("cooperation", "conflict", "neutral"), weights=(35, 20, 45))[0]
        rel = rng.choice(_ACTS[category])
    while G.has_edge(s, t, rel):
        rel += " again"
    arts = [f"news-{rng.randrange(n_articles):04d}" for _ in range(rng.choice((1, 1, 1, 2, 3, 5)))]
    ev = [_ev(a, f"{G.nodes[s]['label']} {rel} {G.nodes[t]['label']} in report {a}.") for a in arts]
    _edge(G, s, t, rel, category, ev, kind=kind, polarity={"conflict": -1, "cooperation": 1}.get(category, 0))
