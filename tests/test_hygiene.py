"""graphkit behaves as a library: importing it changes nothing process-wide, its logger stays
quiet unless the application configures logging, and cached tables cannot be changed by a caller."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

IMPORT_EVERYTHING = """
import codecs, csv, os, sys
limit, mask = csv.field_size_limit(), os.umask(0o022)
os.umask(mask)
import graphkit, graphkit.api, graphkit.cli, graphkit.info
from graphkit import corpus, entities, graph, nlp, outputs, pipeline, relations, sources
assert csv.field_size_limit() == limit, "csv.field_size_limit changed at import"
assert os.umask(mask) == mask, "umask changed at import"
try:
    codecs.lookup_error("graphkit-cp1252")
except LookupError:
    pass
else:
    sys.exit("a codec error handler was registered at import")
"""


def test_importing_graphkit_changes_no_process_wide_state():
    done = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr or done.stdout


def test_reading_a_csv_raises_the_field_limit_only_then(tmp_path):
    import csv

    from graphkit.sources import read_articles

    big = "The ministry fined Acme Corporation on Tuesday. " * 4000  # 196 kB: over csv's default 128 kB
    path = tmp_path / "rows.csv"
    path.write_text(f'text\n"{big}"\n', encoding="utf-8")
    [art] = read_articles([path])
    assert art.text.startswith("The ministry fined") and csv.field_size_limit() > 128 * 1024


def test_the_graphkit_logger_has_a_null_handler():
    import graphkit  # noqa: F401

    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("graphkit").handlers)


def test_cached_tables_are_handed_out_read_only():
    from graphkit.data import load_json, load_lines
    from graphkit.entities import tables
    from graphkit.relations.labels import event_nouns, verb_classes

    countries = load_json("countries.json")
    with pytest.raises(TypeError):
        countries["countries"] = []
    with pytest.raises(AttributeError):
        countries["countries"].append({})
    assert isinstance(load_lines("skip_files.txt"), tuple)
    for mapping in (tables().countries, tables().titles, verb_classes(), event_nouns()):
        with pytest.raises(TypeError):
            mapping["invented"] = None
