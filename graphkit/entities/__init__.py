"""Entity resolution: the actors of one parsed article, found, typed and merged.

``resolve(doc, article)`` runs the stages (``names`` → ``aliases`` → ``typing_rules`` →
``coref``/``collectives``) and returns a ``DocEntities``: the entities, their mentions and
which token names which actor. ``slug`` makes a canonical name a node key; the
``gazetteer`` holds the country, body and title tables the rules consult. ``drop_publishers`` takes
an article's own publisher and outlets that only report out of its results; ``match_form``,
``surname_only`` and the name particles serve identity across a corpus (``graph.identity``).
"""

from .aliases import ARTICLE_PREFIX, match_form, surname_only
from .gazetteer import Body, Country, body_of, country_hint, country_of, fold, given_names, norm, tables, word_lemmas
from .keys import slug
from .names import PARTICLES
from .non_names import is_title
from .publishers import drop_publishers, is_outlet
from .resolve import DocEntities, main_country, resolve

__all__ = ["ARTICLE_PREFIX", "Body", "Country", "DocEntities", "PARTICLES", "body_of", "country_hint", "country_of",
           "drop_publishers", "fold", "given_names", "is_outlet", "is_title", "main_country", "match_form", "norm",
           "resolve", "slug", "surname_only", "tables", "word_lemmas"]
