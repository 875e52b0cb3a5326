"""The graph: per-article results assembled into one ``networkx.MultiDiGraph``, and views of it.

``build_graph`` makes one node per actor and one edge per (source, relation, target)
with every evidence sentence; ``with_outlets`` counts the outlets behind each edge;
``filter_graph`` and ``collapse`` return new graphs (the input is never changed);
``parse_date`` reads an article date as a period and ``date_span`` spans a node's or an
edge's articles; ``evidence_order`` and ``relation_matches`` serve evidence queries.
"""

from .build import build_graph, with_outlets
from .dates import Period, article_periods, date_span, edge_articles, node_articles, parse_date
from .queries import evidence_order, fold_name, relation_matches
from .views import (articles_between, check_values, collapse, filter_graph, iso_day, keyed_edges, own_articles,
                    whole_number)

__all__ = ["Period", "article_periods", "articles_between", "build_graph", "check_values", "collapse", "date_span",
           "edge_articles", "evidence_order", "filter_graph", "fold_name", "iso_day", "keyed_edges", "node_articles",
           "own_articles", "parse_date", "relation_matches", "whole_number", "with_outlets"]
