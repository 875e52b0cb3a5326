"""Article dates as periods: a full date is one day, ``2019-07`` the month, ``2019`` the year.

Used by the GEXF writer (spells for Gephi's timeline), the knowledge graph's evidence
order and ``graphkit stats`` (how many articles are dated).
"""

from __future__ import annotations

import calendar
import re

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
