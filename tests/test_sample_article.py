"""End to end on the sample web page in sample_data/: the relations it states, and no
boilerplate (bylines, captions, related links, "more from" stories) in the graph."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit
from graphkit.sources import files

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "seed_article.txt"
# Names that occur only in the page's furniture: bylines, newsletter prompt, related links
# and the "more from" stories after the article body.
FURNITURE = ["Lily Jamali", "Kali Hays", "Tech Decoded", "OpenAI", "Danny Cahalane", "Plymouth",
             "RMT", "RAF Fairford", "Toronto", "Oslo", "Tehran", "Share Save"]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def kg(nlp):
    return graphkit.build([SAMPLE], nlp=nlp)


def edges(kg):
    label = {n: d["label"].lower() for n, d in kg.G.nodes(data=True)}
    return {(label[s], d["relation"], label[t]) for s, t, d in kg.G.edges(data=True)}


def has(kg, source: str, words: str, target: str) -> bool:
    return any(source in s and target in t and any(w in rel for w in words.split("|"))
               for s, rel, t in edges(kg))


@pytest.mark.parametrize("source,words,target", [
    ("khan", "invit", "anthropic"),
    ("defense", "designated", "anthropic"),
    ("bbc", "contact", "anthropic"),
    ("trump", "order|stop", "anthropic"),
    ("microsoft", "embed", "anthropic"),
    ("amodei", "boss|ceo|head", "anthropic"),
    ("hegseth", "secretary", "defense"),
])
def test_the_article_s_acts_and_roles_are_edges(kg, source, words, target):
    assert has(kg, source, words, target), sorted(edges(kg))


def test_each_actor_is_one_node_under_all_its_names(kg):
    by_alias = {}
    for n, d in kg.G.nodes(data=True):
        for a in d["aliases"]:
            by_alias.setdefault(a, set()).add(n)
    for name in ("Pentagon", "Department of Defense", "Department of War"):
        assert len(by_alias.get(name, ())) == 1, name
    assert by_alias["Pentagon"] == by_alias["Department of Defense"] == by_alias["Department of War"]
    khan = next(n for n, d in kg.G.nodes(data=True) if "Sadiq Khan" in d["aliases"])
    assert kg.G.nodes[khan]["type"] == "person"


def test_no_boilerplate_name_becomes_a_node(kg):
    names = {a.lower() for _, d in kg.G.nodes(data=True) for a in [d["label"], *d["aliases"]]}
    for furniture in FURNITURE:
        assert not any(furniture.lower() in n for n in names), furniture


def test_bylines_become_authors_not_actors():
    art = next(a for a in files.read_articles([SAMPLE]) if isinstance(a, graphkit.Article))
    assert art.authors == ("Lily Jamali", "Kali Hays")
    assert art.title.startswith("London mayor courts")
    assert "MORE FROM" not in art.text and "Sign up" not in art.text


def test_every_edge_has_evidence_that_slices_the_article(kg):
    art = next(a for a in files.read_articles([SAMPLE]) if isinstance(a, graphkit.Article))
    for _, _, d in kg.G.edges(data=True):
        assert d["evidence"], d
        for ev in d["evidence"]:
            assert art.text[ev["start"]:ev["end"]] == ev["sentence"]
