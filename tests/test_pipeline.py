"""The per-article glue: the token cache the extraction walks."""

from __future__ import annotations


def test_token_cache_serves_the_same_tokens_and_sentences(vocab):
    from spacy.tokens import Doc

    from graphkit.pipeline import TokenCache

    doc = Doc(vocab, words=["Acme", "sued", "Bob", ".", "He", "left", "."],
              sent_starts=[True, False, False, False, True, False, False])
    view = TokenCache(doc)
    assert [t.text for t in view] == [t.text for t in doc] and len(view) == len(doc)
    assert view[1] is view[1] and view[1].i == 1 and view[-1].text == "."
    assert view[0:2].text == "Acme sued"                      # slices are the Doc's own spans
    assert [s.text for s in view.sents] == [s.text for s in doc.sents]
    assert [s.text for s in view.sents] == ["Acme sued Bob .", "He left ."]  # a fresh iterator each time
    assert view.text == doc.text and view.vocab is doc.vocab


def test_a_country_whose_office_a_role_names_is_its_government():
    from graphkit.pipeline import office_states
    from graphkit.records import Entity, Relation

    ents = [Entity("jane-roe", "Jane Roe", "person"), Entity("united-states-government", "United States government",
            "place"), Entity("denver", "Denver", "place"), Entity("france", "French government", "place")]
    rels = [Relation("jane-roe", "united-states-government", "president of", "president", kind="role"),
            Relation("jane-roe", "denver", "mayor of", "mayor", kind="role"),
            Relation("jane-roe", "france", "visited", "visit")]
    types = {e.key: e.type for e in office_states(ents, rels)}
    assert types == {"jane-roe": "person", "united-states-government": "government", "denver": "place",
                     "france": "place"}  # a city keeps its type; a country only visited stays a place


def test_official_country_name_is_the_country():
    from graphkit.entities.gazetteer import country_of

    assert country_of("Slovak Republic").government == "Slovak government"
