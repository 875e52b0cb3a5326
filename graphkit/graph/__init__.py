"""The graph: per-article results assembled into one ``networkx.MultiDiGraph``, and views of it."""
