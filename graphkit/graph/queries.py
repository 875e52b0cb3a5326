"""Queries on the graph's evidence: names compared loosely, relations matched, rows ordered."""

from __future__ import annotations

import re

from .dates import parse_date


def fold_name(text: str) -> str:
    """A name for comparison: case-folded, punctuation and underscores as single spaces."""
    return re.sub(r"[\W_]+", " ", str(text).casefold()).strip()


def relation_matches(query: str, relation: str, predicate: str) -> bool:
    """``relation="kill"`` finds "killed", "killed in" and the verb lemma "kill", not "skill"."""
    q = fold_name(query)
    return q in (fold_name(relation), fold_name(predicate)) or re.search(rf"(?:^|\s){re.escape(q)}", fold_name(relation)) is not None


def evidence_order(rows: list[dict]) -> list[dict]:
    """Rows newest first by article date, undated last; within an article by position."""
    rows = sorted(rows, key=lambda r: (str(r["article"]), r["start"] or 0, r["relation"]))
    periods = {r["article"]: parse_date(r["date"]) for r in rows}
    dated = sorted((r for r in rows if periods[r["article"]]), key=lambda r: periods[r["article"]], reverse=True)
    return dated + [r for r in rows if not periods[r["article"]]]
