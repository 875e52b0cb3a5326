"""Shared fixtures: a blank English vocab for hand-built Docs and (marked) the real model.

Tests marked ``slow`` are skipped unless ``--runslow`` is given (as networkx does); CI passes it.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the tests marked slow (SIGKILL restarts, hostile inputs, 1,000-file corpora)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def vocab():
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (tests using it are marked ``model``)."""
    from graphkit.nlp import load_model

    return load_model()
