"""The graph: per-article results assembled into one ``networkx.MultiDiGraph``, and views of it.

``build_graph`` makes one node per actor and one edge per (source, relation, target)
with every evidence sentence; ``with_outlets`` counts the outlets behind each edge;
``filter_graph`` and ``collapse`` return new graphs (the input is never changed);
``parse_date`` reads an article date as a period.
"""

from .build import build_graph, with_outlets
from .dates import Period, article_periods, parse_date
from .views import collapse, filter_graph, keyed_edges

__all__ = ["Period", "article_periods", "build_graph", "collapse", "filter_graph", "keyed_edges", "parse_date",
           "with_outlets"]
