"""GraphML output loads back with networkx, with typed scalar attributes."""

from __future__ import annotations

import networkx as nx

from graphkit.outputs import write_graphml
from graphkit.graph import build_graph
from support.helpers import result


def test_graphml_reads_back_with_scalar_attributes(tmp_path):
    r = result("a1", "Acme sued Bob Smith.", [("acme", "Acme", "organization"), ("bob", "Bob Smith", "person")],
               [("acme", "sued", "bob")])
    path = write_graphml(build_graph([r]), tmp_path / "g.graphml")
    H = nx.read_graphml(path)
    assert H.nodes["bob"]["type"] == "person"
    (_, _, d), = H.edges(data=True)
    assert d["relation"] == "sued" and d["weight"] == 1.0 and d["count"] == 1
    assert all(not isinstance(v, (list, dict)) and v is not None for v in d.values())


def test_outputs_get_ordinary_file_permissions(tmp_path):
    import os
    import stat

    from graphkit.fileio import atomic_write

    path = atomic_write(tmp_path / "x.json", "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
