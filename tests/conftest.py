"""Shared fixtures: a blank English vocab for hand-built Docs and (marked) the real model."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def vocab():
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (tests using it are marked ``model``)."""
    from graphkit.nlp import load_model

    return load_model()
