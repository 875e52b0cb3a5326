"""The per-article glue: the token cache the extraction walks."""

from __future__ import annotations


def test_token_cache_serves_the_same_tokens_and_sentences(vocab):
    from spacy.tokens import Doc

    from graphkit.extract import TokenCache

    doc = Doc(vocab, words=["Acme", "sued", "Bob", ".", "He", "left", "."],
              sent_starts=[True, False, False, False, True, False, False])
    view = TokenCache(doc)
    assert [t.text for t in view] == [t.text for t in doc] and len(view) == len(doc)
    assert view[1] is view[1] and view[1].i == 1 and view[-1].text == "."
    assert view[0:2].text == "Acme sued"                      # slices are the Doc's own spans
    assert [s.text for s in view.sents] == [s.text for s in doc.sents]
    assert [s.text for s in view.sents] == ["Acme sued Bob .", "He left ."]  # a fresh iterator each time
    assert view.text == doc.text and view.vocab is doc.vocab
