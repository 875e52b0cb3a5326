"""One article per story: identical or near-identical texts from several outlets are merged.

A wire story republished by several sites differs only in a byline, a dateline
or a closing line. ``Deduplicator`` keeps the first copy (its canonical URL
stays the article id) and records every copy's URL in ``sources``. Exact copies
are found by a hash of the normalised text; near copies by MinHash signatures
of word 5-gram shingles (LSH bands give candidates, the exact shingle Jaccard
decides, default threshold 0.9).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np

from ..records import Article

_WORD = re.compile(r"\w+")
_MASK32 = np.uint64(0xFFFFFFFF)


def normalise(text: str) -> list[str]:
    """Lower-cased words of ``text`` without punctuation or accents."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _WORD.findall(text)


def shingles(words: list[str], k: int = 5) -> frozenset[int]:
    """64-bit hashes of the word ``k``-grams (the whole text when it is shorter)."""
    grams = [" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))]
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
                     for g in grams)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def outlet(url: str) -> str:
    """The outlet a URL belongs to: its host (and port), without ``www.``."""
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


@dataclass
class Deduplicator:
    """Streaming near-duplicate detection; ``add`` says whether an article is a copy."""

    threshold: float = 0.9
    k: int = 5
    bands: int = 16
    rows: int = 4
    sources: dict[str, list[str]] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict, repr=False)
    _shingles: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _buckets: dict[tuple[int, bytes], list[str]] = field(default_factory=lambda: defaultdict(list), repr=False)

    def __post_init__(self) -> None:
        rng = np.random.default_rng(0x6B67)  # fixed: the same article gives the same signature in every run
        n = self.bands * self.rows
        self._a = rng.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, 2**63, size=n, dtype=np.uint64)

    def _signature(self, sh: frozenset[int]) -> np.ndarray:
        h = np.fromiter(sh, dtype=np.uint64, count=len(sh))
        with np.errstate(over="ignore"):
            mixed = (np.outer(h, self._a) + self._b) >> np.uint64(32)  # multiply-shift hashing mod 2**64
        return (mixed & _MASK32).min(axis=0)

    def find(self, text: str) -> tuple[str | None, str, frozenset[int], np.ndarray]:
        """The id of an earlier article ``text`` copies (or ``None``), with its hash, shingles, signature."""
        words = normalise(text)
        digest = hashlib.sha256(" ".join(words).encode()).hexdigest()
        sh = shingles(words, self.k)
        sig = self._signature(sh)
        if digest in self._exact:
            return self._exact[digest], digest, sh, sig
        seen: set[str] = set()
        for band in range(self.bands):
            for other in self._buckets.get((band, sig[band * self.rows:(band + 1) * self.rows].tobytes()), ()):
                if other not in seen:
                    seen.add(other)
                    if jaccard(sh, self._shingles[other]) >= self.threshold:
                        return other, digest, sh, sig
        return None, digest, sh, sig

    def add(self, article: Article) -> str | None:
        """Register ``article``; returns the id of the article it duplicates, else ``None``."""
        url = article.url or article.source or article.id
        original, digest, sh, sig = self.find(article.text)
        if original is not None:
            self.sources[original].append(url)
            return original
        self._exact[digest] = article.id
        self._shingles[article.id] = sh
        for band in range(self.bands):
            self._buckets[(band, sig[band * self.rows:(band + 1) * self.rows].tobytes())].append(article.id)
        self.sources[article.id] = [url]
        return None

    def duplicates(self) -> dict[str, tuple[str, ...]]:
        """Articles read from more than one URL: id → every URL (the kept one first)."""
        return {k: tuple(v) for k, v in self.sources.items() if len(v) > 1}
