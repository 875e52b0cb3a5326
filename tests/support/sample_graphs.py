"""Hand-built graphs following the graph.json contract (no model needed)."""

from __future__ import annotations

import networkx as nx

NASTY = "Ctrl\x01char, lone \ud800 surrogate, quotes ' \" back\\slash | pipe\nnewline <&> tab\t end"


def _ev(article: str, sentence: str, start: int, **extra) -> dict:
    return {"article": article, "sentence": sentence, "start": start, "end": start + len(sentence), **extra}


def contract_graph(*, nasty: bool = False) -> nx.MultiDiGraph:
    """Five actors, parallel edges, dated / month-only / undated / badly dated articles.

    ``nasty=True`` puts control characters, a lone surrogate, quotes, backslashes,
    pipes and newlines into labels, aliases and sentences (not JSON-safe: keep in memory).
    """
    G = nx.MultiDiGraph()
    G.graph["articles"] = [
        {"id": "a1", "title": "Harbour fines", "url": "https://example.org/a1", "date": "2021-03-04"},
        {"id": "a2", "title": "Second round", "url": "https://example.org/a2", "date": "2021-05"},
        {"id": "a3", "title": "Undated note", "url": "", "date": ""},
        {"id": "a4", "title": "Odd date", "url": "", "date": "last Tuesday"},
    ]
    label = "Acme | Shipping" if nasty else "Acme Shipping"
    nodes = {
        "ministry-of-harbours": ("Ministry of Harbours", "government", ["Harbours Ministry", "Ministry of Harbours"],
                                 7, ["a1", "a2"]),
        "acme-shipping": (label, "organization", ["Acme", label], 9, ["a1", "a2", "a3"]),
        "dana-ortiz": ("Dana Ortiz", "person", ["Dana Ortiz", "Ortiz"], 3, ["a2"]),
        "port-union": ("Port Union", "organization", ["Port Union", "the union"], 4, ["a2", "a3"]),
        "riverton": ("Riverton", "place", ["Riverton"], 2, ["a4"]),
    }
    for key, (lab, typ, aliases, mentions, arts) in nodes.items():
        G.add_node(key, label=lab, type=typ, aliases=sorted(aliases), mentions=mentions, articles=arts)
    s1 = NASTY if nasty else "The Harbours Ministry fined Acme on Monday."

    def edge(s, t, rel, pred, kind, cat, pol, ev):
        G.add_edge(s, t, key=rel, relation=rel, predicate=pred, kind=kind, category=cat, polarity=pol,
                   count=len(ev), evidence=ev)

    edge("acme-shipping", "port-union", "signed deal with", "sign", "action", "cooperation", 1,
         [_ev("a3", "Acme signed a deal with the union.", 40)])
    edge("dana-ortiz", "port-union", "criticised", "criticise", "statement", "statement", -1,
         [_ev("a2", "Ortiz criticised the union, \"loudly\", in a speech.", 5, reported_by="ministry-of-harbours")])
    edge("ministry-of-harbours", "acme-shipping", "fined", "fine", "action", "conflict", -1,
         [_ev("a1", s1, 0, source_text="The Harbours Ministry", target_text="Acme"),
          _ev("a2", "The ministry fined Acme again.", 120)])
    edge("ministry-of-harbours", "acme-shipping", "met with", "meet", "action", "cooperation", 0,
         [_ev("a2", "Ministry officials met with Acme.", 300)])
    edge("riverton", "port-union", "hosted", "host", "action", "neutral", 0,
         [_ev("a4", "Riverton hosted the union congress.", 10)])
    return G
