"""Article dates as periods: a full date is one day, ``2019-07`` the month, ``2019`` the year.

A node or edge spans the periods of its articles (``date_span``). Used by the date
filters, the flat formats' ``first_date``/``last_date`` columns, the GEXF writer
(spells for Gephi's timeline), the page's timeline, the knowledge graph's evidence
order and ``graphkit stats`` (how many articles are dated).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

import networkx as nx

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z]*)?\s*$")
Period = tuple[str, str]


def parse_date(text: str) -> Period | None:
    """``(start, end)`` ISO days covered by an article date, or ``None`` if it has no usable date.

    ``2019-07-10`` and ``2019-07-10T12:00Z`` give one day, ``2019-07`` the month, ``2019`` the year.
    """
    m = _DATE.match(text or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            iso = f"{year:04d}-{int(month):02d}-{int(day):02d}"
            calendar.weekday(year, int(month), int(day))  # validates the day
            return iso, iso
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return f"{year:04d}-{int(month):02d}-01", f"{year:04d}-{int(month):02d}-{last:02d}"
    except ValueError:
        return None
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def article_periods(G: nx.Graph) -> dict[str, Period | None]:
    """Article id → the period of its date (``None`` when undated), from ``G.graph['articles']``."""
    return {str(a.get("id")): parse_date(str(a.get("date") or "")) for a in G.graph.get("articles") or []}


def date_span(articles: Iterable, periods: dict[str, Period | None]) -> Period | None:
    """``(first day, last day)`` over the dated ones of ``articles``, or ``None`` if none is dated."""
    spans = [p for p in (periods.get(str(a)) for a in articles) if p]
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def node_articles(d: dict) -> list[str]:
    """The article ids a node appears in."""
    return [str(a) for a in d.get("articles") or []]


def edge_articles(d: dict) -> list[str]:
    """The article ids behind an edge's evidence, sorted."""
    return sorted({str(e["article"]) for e in d.get("evidence") or [] if isinstance(e, dict) and "article" in e})
