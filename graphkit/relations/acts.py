"""What the verb and noun patterns yield: an ``Act`` (one candidate edge), and what both read.

An ``Act`` names its source and target actors, the label parts and the tokens it was
read from; ``extract`` turns the acts that survive its checks (denials, questions,
conditionals, commands) into ``Relation`` records. ``negated`` and ``word_table`` are
shared by the verb patterns and the noun patterns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data import load_json
from .labels import LabelParts


@dataclass(frozen=True)
class Act:
    """One candidate edge before it becomes a record."""

    source: str
    target: str
    parts: LabelParts
    anchor: Any  # the verb or noun the act was read from
    source_tok: Any
    target_tok: Any


def negated(tok: Any) -> bool:
    """Whether ``tok`` carries a negation ("not", "never")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children)


def word_table(name: str) -> dict[str, str]:
    """A word → verb table from ``data/relation_words.json`` (``directive_nouns``, ``intention_nouns``)."""
    return load_json("relation_words.json")[name]
