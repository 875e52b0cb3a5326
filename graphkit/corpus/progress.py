"""Feedback on long runs: articles/s, words/s and an ETA on one status line."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def duration(seconds: float) -> str:
    """``75`` → ``1m15s``; ``3725`` → ``1h02m``."""
    s = int(round(max(0.0, seconds)))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class Progress:
    """Counts what was read and what was processed; prints a status line now and then.

    On a terminal the line is redrawn in place about once a second; in a log
    (not a terminal) a line is written every ``log_every`` seconds. The ETA is
    exact once the whole input has been read, a lower bound (``≥``) before.
    """

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True, interval: float = 1.0,
                 log_every: float = 15.0, clock=time.perf_counter) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = interval if self.tty else log_every
        self.clock = clock
        self.started = clock()
        self.last = self.started
        self.read_articles = self.read_words = 0
        self.done_articles = self.done_words = 0
        self.input_complete = False
        self._drawn = 0

    def read(self, words: int) -> None:
        """One more article queued for processing."""
        self.read_articles += 1
        self.read_words += words

    def reading_done(self) -> None:
        """The whole input has been read: totals are final."""
        self.input_complete = True

    def advance(self, articles: int, words: int) -> None:
        """Articles finished; redraw when due."""
        self.done_articles += articles
        self.done_words += words
        now = self.clock()
        if self.enabled and now - self.last >= self.every:
            self.last = now
            self._draw(self.status())

    def rates(self) -> tuple[float, float]:
        """Articles per second and words per second so far."""
        secs = max(self.clock() - self.started, 1e-9)
        return self.done_articles / secs, self.done_words / secs

    def eta(self) -> str:
        aps, wps = self.rates()
        if wps <= 0:
            return "?"
        left = duration((self.read_words - self.done_words) / wps)
        return left if self.input_complete else f"≥{left}"

    def status(self) -> str:
        aps, wps = self.rates()
        total = f"/{self.read_articles:,}" if self.input_complete else ""
        return (f"{self.done_articles:,}{total} articles · {aps:,.1f} articles/s · {wps:,.0f} words/s · "
                f"ETA {self.eta()}")

    def _draw(self, line: str) -> None:
        if self.tty:
            self.stream.write("\r" + line.ljust(self._drawn))
            self._drawn = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the status line (the caller prints the summary)."""
        if self.enabled and self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
        self._drawn = 0


def summary_lines(report, *, echo, max_skipped: int = 20) -> None:
    """Rates, store counts and every skipped input with its reason (the end-of-run summary)."""
    if report.seconds > 0 and report.articles:
        echo(f"  {report.articles / report.seconds:,.1f} articles/s, {report.words / report.seconds:,.0f} words/s")
    if report.stored or report.cached or report.duplicates:
        echo(f"  store: {report.articles} new, {report.cached} already stored, "
             f"{report.duplicates} duplicate texts (recorded as extra sources); {report.stored} articles in store")
    for item in report.skipped[:max_skipped]:  # a missing dependency's fix was printed once, above
        echo(f"  skipped {item.source}: a dependency is missing (see the warning above)"
             if item.reason == "missing-dependency" else f"  skipped {item}")
    if len(report.skipped) > max_skipped:
        echo(f"  … and {len(report.skipped) - max_skipped} more skipped")
