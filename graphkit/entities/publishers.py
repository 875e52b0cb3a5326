"""Publishers are not actors of the stories they report.

Another outlet that only reports ("Reuters reported that ...", "cited by AP") is the source of
the text, not a party: those edges are dropped, so an outlet that does nothing else leaves the
graph. Its acts keep their edges, and so do statements made to it ("the BBC contacted X", "X told
the BBC", "a reporter for CNN"): a reader of a BBC story sees the BBC contact a company. The site an article
was published on (its URL) is never an actor of that article: "Wikinews interviewed X" in a Wikinews
article is the publisher speaking about its own work.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from ..data import load_json
from ..records import Article, Entity, Relation
from .gazetteer import fold

_HOST_PARTS = {"www", "en", "m", "mobile", "news", "edition", "amp", "co", "com", "org", "net", "uk", "us", "int"}


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset, frozenset, frozenset]:
    data = load_json("news_outlets.json")
    return frozenset(data["outlets"]), frozenset(data["name_words"]), frozenset(data["first_words"])


@lru_cache(maxsize=1)
def _reporting_predicates() -> frozenset:
    return frozenset(load_json("news_outlets.json")["reporting_predicates"])


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(text).lower())


def site_name(url: str) -> str:
    """The publisher's name in a URL, compacted: "https://en.wikinews.org/wiki/..." -> "wikinews"."""
    host = urlparse(url).netloc.lower().split(":")[0] if url else ""
    parts = [p for p in host.split(".") if p and p not in _HOST_PARTS]
    return _compact(parts[-1]) if parts else ""


def is_outlet(ent: Entity) -> bool:
    """Whether an organisation is a news outlet: the table, or a name like "... News", "Daily ..."."""
    if ent.type != "organization":
        return False
    outlets, last_words, first_words = _table()
    names = {ent.label, *ent.aliases}
    if any(re.sub(r"\s+", " ", n.lower()).strip() in outlets for n in names):
        return True
    words = ent.label.lower().split()
    return len(words) > 1 and (words[-1] in last_words or words[0] in first_words)


def _own(ent: Entity, site: str) -> bool:
    if not site:
        return False
    forms = {_compact(ent.label), *(_compact(a) for a in ent.aliases)}
    first = _compact(ent.label.split()[0]) if ent.label.split() else ""
    return site in forms or (first == site and is_outlet(ent))


def _reporting(rel: Relation, outlets: set[str]) -> bool:
    """An edge where an outlet only reports ("Reuters reported ...")."""
    return rel.kind != "role" and rel.source in outlets and rel.predicate in _reporting_predicates()


def drop_publishers(article: Article, entities: list[Entity], relations: list[Relation]
                    ) -> tuple[list[Entity], list[Relation]]:
    """The entities and relations of one article without its own publisher (the site of its URL), and
    without the edges where another news outlet only reports."""
    site = site_name(article.url)
    own = {e.key for e in entities if _own(e, site)} if site else set()
    sources = {r.source for r in relations if r.kind != "role"}
    outlets = {e.key for e in entities if e.key in sources and e.key not in own and is_outlet(e)}
    kept = [r for r in relations if r.source not in own and r.target not in own and not _reporting(r, outlets)]
    return [e for e in entities if e.key not in own], kept
