"""notebooks/explore.ipynb executes top to bottom (so it cannot rot) and is committed clean."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphkit import load
from graphkit.outputs import read_graphml

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert NOTEBOOK.stat().st_size < 50_000


@pytest.mark.model
@pytest.mark.slow
def test_notebook_executes(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    # The kernel is this interpreter ("python3" → sys.executable) with this checkout importable.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("GRAPHKIT_OUT", str(tmp_path))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert sum("<iframe" in h for h in html) == 2  # the whole graph and the ego network
    assert any("<table" in h and "sentence" in h for h in html)  # evidence as a DataFrame
    kg = load(tmp_path / "graph.json")
    assert len(kg) > 0
    H = read_graphml(tmp_path / "graph.graphml")
    assert set(H.nodes) == set(kg.G.nodes) and set(H.edges(keys=True)) == set(kg.G.edges(keys=True))
    C = read_graphml(tmp_path / "graph.collapsed.graphml")
    assert set(C.edges) == {(s, t) for s, t, _ in kg.G.edges(keys=True)}
    assert (tmp_path / "graph.gexf").stat().st_size > 0
