"""Writers and readers of every output format: graph.json, GraphML, GEXF, CSV, Cypher, HTML."""
