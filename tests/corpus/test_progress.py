"""Progress feedback: rates, ETA and the end-of-run summary."""

from __future__ import annotations

import io

from graphkit.knowledge_graph import BuildReport
from graphkit.corpus.progress import Progress, duration, summary_lines
from graphkit.records import Skipped


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_duration_formats():
    assert [duration(s) for s in (0, 59.4, 75, 3725)] == ["0s", "59s", "1m15s", "1h02m"]


def test_rates_and_eta_exact_once_input_is_read():
    clock, out = Clock(), io.StringIO()
    p = Progress(out, clock=clock, log_every=5)
    for _ in range(4):
        p.read(1000)
    clock.t = 10
    p.advance(2, 2000)
    assert p.rates() == (0.2, 200.0)
    assert p.eta() == "≥10s"  # more input may still come
    p.reading_done()
    assert p.eta() == "10s"
    assert "2/4 articles" in p.status() and "200 words/s" in p.status()
    assert out.getvalue().count("\n") == 1  # logged once: 10 s passed, interval 5 s


def test_disabled_progress_prints_nothing():
    out = io.StringIO()
    p = Progress(out, enabled=False, clock=Clock())
    p.read(10)
    p.advance(1, 10)
    p.close()
    assert out.getvalue() == ""


def test_summary_lists_every_skipped_file_with_its_reason():
    skipped = tuple(Skipped(f"f{i}.pdf", "binary", "binary file, not text") for i in range(3))
    lines = []
    summary_lines(BuildReport(10, 5000, skipped, 2.0, cached=4, duplicates=1, stored=14), echo=lines.append,
                  max_skipped=2)
    text = "\n".join(lines)
    assert "5.0 articles/s" in text and "2,500 words/s" in text
    assert "4 already stored" in text and "1 duplicate" in text and "14 articles in store" in text
    assert "f0.pdf: binary file" in text and "1 more skipped" in text
