"""Entity resolution: the actors of one parsed article, found, typed and merged.

``resolve(doc, article)`` runs the stages (``names`` → ``aliases`` → ``typing_rules`` →
``coref``/``collectives``) and returns a ``DocEntities``: the entities, their mentions and
which token names which actor. ``slug`` makes a canonical name a node key; the
``gazetteer`` holds the country, body and title tables the rules consult.
"""

from .gazetteer import Body, Country, body_of, country_hint, country_of, fold, norm, tables
from .keys import slug
from .resolve import DocEntities, main_country, resolve

__all__ = ["Body", "Country", "DocEntities", "body_of", "country_hint", "country_of", "fold", "main_country", "norm",
           "resolve", "slug", "tables"]
