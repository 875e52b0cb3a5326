"""The Dask engine on a loopback LocalCluster gives the single-process graph."""

from __future__ import annotations

import json

import pytest

distributed = pytest.importorskip("distributed")

from graphkit import api, pipeline  # noqa: E402
from graphkit.corpus import dask_engine as engine_dask, work  # noqa: E402
from graphkit.outputs import to_json_data  # noqa: E402

from support.scale_fakes import corpus, fake_extract  # noqa: E402


def graph_bytes(kg) -> str:
    return json.dumps(to_json_data(kg.G), sort_keys=True)


def cluster(processes: bool):
    """Two single-thread workers on loopback (in-process workers talk over inproc://)."""
    net = {"host": "127.0.0.1", "worker_dashboard_address": None} if processes else {}
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=processes,
                                    dashboard_address=None, **net)


def test_dask_engine_merges_to_the_single_process_graph(monkeypatch, tmp_path):
    """Two in-process workers with the model-free extraction; store written by the client."""
    import spacy

    blank = spacy.blank("en")
    monkeypatch.setattr(pipeline, "extract", fake_extract)
    monkeypatch.setattr(work, "CHUNK_WORDS", 40)
    texts = corpus(16)
    local = api.build(texts, nlp=blank, jobs=1)
    work.MODELS.put(None, blank)  # the in-process workers find it in the model cache both engines use
    try:
        with cluster(processes=False) as c:
            kg = api.build(texts, engine="dask", scheduler=c.scheduler_address, store=tmp_path / "s.db")
    finally:
        work.MODELS.drop(None)
    assert kg.report.articles == 16
    assert graph_bytes(kg) == graph_bytes(local)


def test_missing_or_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(engine_dask.DaskError, match="needs --scheduler"):
        engine_dask.open_engine(None)
    with pytest.raises(engine_dask.DaskError, match="cannot reach dask scheduler"):
        engine_dask.open_engine("tcp://127.0.0.1:9", timeout=1)


@pytest.mark.model
@pytest.mark.slow
def test_real_model_on_two_worker_processes(monkeypatch):
    """Worker processes load the real model once each and return plain records."""
    monkeypatch.setattr(work, "CHUNK_WORDS", 20)
    texts = ["The European Union fined Google on Monday. Google said it would appeal.",
             "Microsoft acquired GitHub in 2018. GitHub employees met Satya Nadella in Seattle.",
             "Russia accused Ukraine of shelling the plant. Ukraine denied the accusation."]
    single = api.build(texts, jobs=1)
    with cluster(processes=True) as c:
        kg = api.build(texts, engine="dask", scheduler=c.scheduler_address)
    assert graph_bytes(kg) == graph_bytes(single)
