"""Plain records that flow between the pipeline stages.

Every stage hands the next one frozen dataclasses holding text and character
offsets, never live spaCy objects, so results can be pickled to and from worker
processes, stored in SQLite and compared in tests. Beside them: the one hash of an
article's text and the one tie-break for an actor's type.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

ENTITY_TYPES = ("person", "organization", "government", "place", "other")
# Which type an actor gets when its mentions are split evenly between two types, first wins.
TYPE_PRIORITY = ("government", "organization", "person", "place", "other")
_RANK = {t: i for i, t in enumerate(TYPE_PRIORITY)}
EDGE_KINDS = ("action", "role", "statement")
CATEGORIES = ("cooperation", "conflict", "statement", "neutral")


def dominant_type(votes: Mapping[str, int]) -> str:
    """The type with the most votes (mentions); an even split goes to the type first in ``TYPE_PRIORITY``.

    The one tie-break for an actor typed differently in several places: the articles of a
    corpus, or the pieces of a long article.
    """
    return min(votes.items(), key=lambda kv: (-kv[1], _RANK.get(kv[0], len(_RANK)), kv[0]))[0]


def text_hash(text: str) -> str:
    """The one hash of an article's text (SHA-256 of its UTF-8, hex): the corpus store's key, and the
    stable id (``sha256:`` and its first 16 digits) of an article that has no other."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article after ingest: cleaned body text plus metadata.

    ``text`` is the body graphkit analyses (boilerplate removed); every character
    offset elsewhere points into it. ``source`` names where it was read from
    (a path, ``path:line`` for JSONL/CSV rows, a URL or ``<stdin>``).
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    date: str = ""
    authors: tuple[str, ...] = ()
    source: str = ""

    def meta(self) -> dict:
        """The metadata kept in ``graph.json`` (``graph['articles']``)."""
        return {"id": self.id, "title": self.title, "url": self.url, "date": self.date}


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, with a one-line reason and fix.

    ``reason`` is a short code used to count skips in the summary (``empty``,
    ``binary``, ``unreadable``, ``not-found``, ``malformed``, ...); ``message`` is
    the full one-line explanation shown to the user.
    """

    source: str
    reason: str
    message: str
    detail: str = ""  # the traceback of an unexpected error (shown with --debug)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"

    @classmethod
    def error(cls, source: str, exc: BaseException, doing: str = "processing") -> "Skipped":
        """An unexpected exception while ``doing`` one input: reason ``error``, its one-line summary,
        the traceback kept in ``detail``."""
        import traceback

        first = (str(exc).strip().splitlines() or [""])[0][:160]
        summary = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        return cls(source, "error", f"{doing} failed ({summary}); the input was skipped, rerun with --debug "
                   "for the traceback", detail="".join(traceback.format_exception(exc)))


@dataclass(frozen=True)
class Entity:
    """A resolved actor within one article (becomes a graph node).

    ``key`` is the stable node id (a slug of the canonical name); the same key in
    two articles means the same node.
    """

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True)
class Mention:
    """One place in the article text that refers to an entity.

    ``kind`` is ``name`` for a proper name, ``pronoun`` for a resolved pronoun and
    ``nominal`` for a resolved definite description ("the company").
    """

    entity: str
    start: int
    end: int
    text: str
    kind: str = "name"


@dataclass(frozen=True)
class Evidence:
    """Where a relation is stated: the sentence and its offsets in the article.

    ``reported_by`` is the key of the entity whose speech reports the act
    ("X said that Y banned Z"), empty otherwise. ``source_text``/``target_text``
    are the surface mentions the relation was read from (a pronoun or "the
    company" when coreference resolved it). ``modality`` says how the sentence
    holds the act when it does not simply assert it: ``alleged`` ("allegedly",
    "accused of"), ``reported`` ("reportedly", "according to reports") or
    ``intended`` (a plan or a future: "will sell", "to sell" in a headline).
    """

    article: str
    sentence: str
    start: int
    end: int
    reported_by: str = ""
    source_text: str = ""
    target_text: str = ""
    modality: str = ""

    def as_dict(self) -> dict:
        d = {"article": self.article, "sentence": self.sentence, "start": self.start, "end": self.end}
        if self.reported_by:
            d["reported_by"] = self.reported_by
        if self.source_text:
            d["source_text"] = self.source_text
        if self.target_text:
            d["target_text"] = self.target_text
        if self.modality:
            d["modality"] = self.modality
        return d


@dataclass(frozen=True)
class Relation:
    """A directed act, role or statement between two entities of one article."""

    source: str
    target: str
    relation: str
    predicate: str
    kind: str = "action"
    category: str = "neutral"
    polarity: int = 0
    evidence: Evidence | None = None


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article: the unit workers and the store exchange."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Notice:
    """A warning about an input that was used but changed or only partly read.

    ``reason`` is a short code counted in the summary (``truncated``, ``encoding``,
    ``control-chars``, ``long-run``, ``duplicate-id``); ``message`` says what
    happened and what to do. ``--strict`` turns any notice into a failing exit code.
    """

    source: str
    reason: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
