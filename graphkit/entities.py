"""Entity mentions, typing and alias resolution within one article.

Baseline: spaCy's named entities, typed by label, partial names joined to the
full name. (Issue "Entities" replaces this with the full rule set.)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .records import Article, Entity, Mention

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
               "NORP": "other", "FAC": "place", "PRODUCT": "other", "EVENT": "other",
               "WORK_OF_ART": "other", "LAW": "other"}


def slug(name: str) -> str:
    """The stable node id for a canonical name."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "entity-" + format(abs(hash(name)) % 10**8, "08d")


@dataclass
class DocEntities:
    """The entities of one parsed article and the tokens that refer to them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    token_entity: dict[int, str] = field(default_factory=dict)

    def entity_at(self, i: int) -> str | None:
        """Key of the entity that token ``i`` belongs to, if any."""
        return self.token_entity.get(i)


def resolve(doc: Any, article: Article) -> DocEntities:
    """Find, type and merge the entity mentions of one parsed article."""
    spans = [e for e in doc.ents if e.label_ in LABEL_TYPES]
    full: dict[str, str] = {}
    for e in spans:
        words = e.text.split()
        if len(words) > 1:
            for w in words:
                full.setdefault(w, e.text)
    out = DocEntities()
    types: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for e in spans:
        name = re.sub(r"^(the|The)\s+|['\u2019]s$", "", e.text).strip()
        canon = full.get(name, name) if " " not in name else name
        key = slug(canon)
        labels.setdefault(key, canon)
        types[key][LABEL_TYPES[e.label_]] += 1
        aliases[key].add(name)
        out.mentions.append(Mention(key, e.start_char, e.end_char, e.text))
        for t in e:
            out.token_entity[t.i] = key
    for key, label in labels.items():
        out.entities[key] = Entity(key, label, types[key].most_common(1)[0][0],
                                   tuple(sorted(aliases[key])), sum(types[key].values()))
    return out
