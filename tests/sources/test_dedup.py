"""Cross-outlet deduplication: copies of one story become one article with several sources."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from support.loopback import COUNCIL_STORY, PORT_STORY, STRIKE_STORY

from graphkit.graph import with_outlets
from graphkit.sources.dedup import Deduplicator, jaccard, normalise, outlet, shingles
from graphkit.records import Article

PORT = " ".join(PORT_STORY)


def art(id: str, text: str) -> Article:
    return Article(id=id, text=text, url=id)


def test_exact_copy_modulo_case_and_punctuation_is_merged():
    d = Deduplicator()
    assert d.add(art("https://a.test/1", PORT)) is None
    shouted = PORT.upper().replace(",", "").replace(".", " . ")
    assert d.add(art("https://b.test/9", shouted)) == "https://a.test/1"
    assert d.sources == {"https://a.test/1": ["https://a.test/1", "https://b.test/9"]}
    assert d.duplicates() == {"https://a.test/1": ("https://a.test/1", "https://b.test/9")}


def test_wire_copy_with_byline_and_dateline_is_merged():
    copy = "EASTMERE (Northern Wire) - " + PORT + " Reporting by Ana Ruiz; editing by Bo Li."
    assert jaccard(shingles(normalise(PORT)), shingles(normalise(copy))) >= 0.9
    d = Deduplicator()
    d.add(art("https://a.test/1", PORT))
    assert d.add(art("https://b.test/2", copy)) == "https://a.test/1"


def test_rewritten_or_different_stories_stay_apart():
    d = Deduplicator()
    d.add(art("https://a.test/1", PORT))
    rewrite = " ".join(PORT_STORY[:3]) + " " + " ".join(COUNCIL_STORY[:2])  # shares three paragraphs of five
    assert d.add(art("https://a.test/2", rewrite)) is None
    assert d.add(art("https://a.test/3", " ".join(STRIKE_STORY))) is None
    assert d.duplicates() == {}


def test_threshold_is_an_option():
    half = " ".join(PORT_STORY[:4]) + " " + COUNCIL_STORY[0]
    strict, loose = Deduplicator(threshold=0.95), Deduplicator(threshold=0.5)
    for d in (strict, loose):
        d.add(art("https://a.test/1", PORT))
    assert strict.add(art("https://b.test/1", half)) is None
    assert loose.add(art("https://b.test/1", half)) == "https://a.test/1"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(PORT.split() + STRIKE_STORY[0].split()), min_size=1, max_size=80))
def test_any_text_duplicates_itself_and_signatures_are_stable(words):
    text = " ".join(words)
    d1, d2 = Deduplicator(), Deduplicator()
    d1.add(art("x", text))
    assert d1.find(text)[0] == "x"
    assert (d1.find(text)[3] == d2.find(text)[3]).all()


def test_outlet_ignores_www_and_keeps_port():
    assert outlet("https://www.Example.com/a") == "example.com"
    assert outlet("http://127.0.0.1:8080/x") == "127.0.0.1:8080"


def graph_with(evidence_articles: list[str]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["articles"] = [{"id": "https://a.test/1", "title": "", "url": "https://a.test/1", "date": ""},
                           {"id": "https://www.a.test/2", "title": "", "url": "https://www.a.test/2", "date": ""}]
    G.add_node("x", label="X")
    G.add_node("y", label="Y")
    G.add_edge("x", "y", key="fined", count=len(evidence_articles),
               evidence=[{"article": a, "sentence": "s", "start": 0, "end": 1} for a in evidence_articles])
    return G


def test_with_outlets_counts_distinct_outlets_behind_the_evidence():
    G = graph_with(["https://a.test/1", "https://www.a.test/2"])
    assert with_outlets(G, {}).edges["x", "y", "fined"]["outlets"] == 1  # two articles, one outlet
    sources = {"https://a.test/1": ("https://a.test/1", "https://b.test/copy", "https://c.test/copy")}
    H = with_outlets(G, sources)
    assert H.edges["x", "y", "fined"]["outlets"] == 3
    assert H.graph["articles"][0]["sources"] == list(sources["https://a.test/1"])
    assert "sources" not in H.graph["articles"][1]
    assert "outlets" not in G.edges["x", "y", "fined"] and "sources" not in G.graph["articles"][0]
