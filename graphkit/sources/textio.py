"""Bytes → clean article text: decoding with fallbacks, binary sniffing, sanitising, size limits.

Everything here is pure and bounded: reading stops at a byte cap, regexes are
linear, and every function takes hostile input (random bytes, control
characters, lone surrogates, megabyte-long lines) without raising.
"""

from __future__ import annotations

import codecs
import os
import re
from functools import lru_cache
from pathlib import Path

MAX_CHARS = 200_000  # default per-article limit (characters of body text), --max-chars
LONG_RUN = 2_000  # a run of non-space characters longer than this is not prose (encoded data)
SNIFF_BYTES = 8_192
# Bytes read per allowed character: UTF-8 takes up to 4; HTML pages carry markup and scripts.
TEXT_BYTES_PER_CHAR, HTML_BYTES_PER_CHAR = 4, 50
MIN_READ_BYTES = 4 * 2**20  # never read less than this, so one long junk line does not hide the rest

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))
_MAGIC = (
    (b"%PDF", "a PDF document; extract its text first (e.g. `pdftotext FILE`)"),
    (b"\x89PNG", "a PNG image; images are not read, remove it from the input"),
    (b"\xff\xd8\xff", "a JPEG image; images are not read, remove it from the input"),
    (b"GIF8", "a GIF image; images are not read, remove it from the input"),
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx/.epub are ZIP too); unpack it or save the article as .txt"),
    (b"\x1f\x8b", "a gzip archive; decompress it first (e.g. `gunzip FILE`)"),
    (b"\x7fELF", "a program, not text; remove it from the input"),
    (b"SQLite format 3\x00", "an SQLite database, not text; export the articles to .jsonl or .csv"),
)


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as Windows-1252 (Latin-1 for its gaps)."""
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in bad), exc.end


@lru_cache(maxsize=1)
def _fallback_codec() -> str:
    """The name of the Windows-1252 fallback error handler, registered on first use (not at import)."""
    codecs.register_error("graphkit-cp1252", _cp1252_fallback)
    return "graphkit-cp1252"


def bom_encoding(head: bytes) -> str | None:
    """The encoding announced by a byte-order mark, if any."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(head) >= 4 and b"\x00\x00" in head[:4]:
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like ASCII text stored as UTF-16 without a BOM."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, text, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros) and text.count(0) < 0.05 * len(text):
            return name
    return None


def binary_kind(head: bytes) -> str | None:
    """A one-line description of a binary file (with the fix), or None for text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if bom_encoding(head) or utf16_without_bom(head):
        return None
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13)) + head.count(0x7F)
    if head and controls > 0.05 * len(head):
        return "binary data, not text; remove it or convert it to .txt"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes; returns ``(text, note)``, ``note`` empty when the bytes were clean.

    BOMs are honoured (UTF-8, UTF-16, UTF-32), BOM-less UTF-16 is recognised, and
    bytes that are not UTF-8 are read as Windows-1252, so a stray Latin-1 byte
    never stops a run.
    """
    enc = bom_encoding(data[:4]) or utf16_without_bom(data[:SNIFF_BYTES])
    if enc:
        text = data.decode(enc, errors="replace")
        return text, "" if "\ufffd" not in text else f"damaged {enc.upper()} (undecodable bytes replaced)"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors=_fallback_codec())
        return text, f"not valid UTF-8 (first bad byte at offset {exc.start}); read it as Windows-1252"


def sanitize(text: str) -> tuple[str, list[str]]:
    """Text safe for every later stage; returns ``(text, notes)`` describing what was removed.

    Line endings become ``\\n``, vertical tab and form feed become line breaks,
    other control characters are removed, lone surrogates become U+FFFD, and runs
    of more than ``LONG_RUN`` characters without a space (base64, minified code)
    are dropped.
    """
    notes = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    text, n = _CONTROL.subn("", text)
    if n:
        notes.append(f"removed {n} NUL/control character{'s' * (n > 1)} (corrupt export?)")
    text, n = _SURROGATE.subn("\ufffd", text)
    if n:
        notes.append(f"replaced {n} invalid character{'s' * (n > 1)} (lone surrogates)")
    runs = [len(m.group()) for m in _LONG_RUN.finditer(text)]
    if runs:
        text = _LONG_RUN.sub(" ", text)
        notes.append(f"dropped {len(runs)} run{'s' * (len(runs) > 1)} of {max(runs):,} characters without "
                     "spaces (encoded data?)")
    return text, notes


def clean_field(value: str, limit: int = 2_000) -> str:
    """A metadata value (title, id, url, author) on one line: no control characters or lone surrogates."""
    value = _SURROGATE.sub("\ufffd", _CONTROL.sub("", value[:limit]))
    return " ".join(value.split()) if any(c in value for c in "\n\r\t\x0b\x0c") else value.strip()


def truncate(text: str, limit: int) -> str:
    """The first ``limit`` characters at most, cut at a paragraph, sentence or word boundary."""
    if limit <= 0 or len(text) <= limit:
        return text
    head = text[:limit]
    floor = int(limit * 0.8)
    for sep in ("\n\n", "\n", ". ", " "):
        cut = head.rfind(sep, floor)
        if cut > 0:
            return head[: cut + (1 if sep == ". " else 0)].rstrip()
    return head


def read_head(path: Path, cap: int) -> tuple[bytes, int]:
    """At most ``cap`` bytes of a file (``cap <= 0``: all of it) and the file's full size.

    A cut is moved back to a line break or an ASCII byte so no multi-byte
    character is split (UTF-16 files are cut at an even offset).
    """
    with path.open("rb") as fh:
        size = _size(fh)
        if cap <= 0:
            return fh.read(), size
        data = fh.read(cap + 1)
    if len(data) <= cap:
        return data, max(size, len(data))
    data = data[:cap]
    if bom_encoding(data[:4]) or utf16_without_bom(data[:SNIFF_BYTES]):
        return data[: len(data) - len(data) % 4], max(size, cap + 1)
    nl = data.rfind(b"\n", int(cap * 0.9))
    if nl > 0:
        return data[: nl + 1], max(size, cap + 1)
    end = len(data)
    while end > 0 and data[end - 1] >= 0x80 and len(data) - end < 4:
        end -= 1
    return data[:end], max(size, cap + 1)


def _size(fh) -> int:
    try:
        return os.fstat(fh.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return 0


def byte_cap(max_chars: int, html: bool = False) -> int:
    """How many bytes to read for an article limited to ``max_chars`` characters (0: no cap)."""
    if max_chars <= 0:
        return 0
    return max(MIN_READ_BYTES, max_chars * (HTML_BYTES_PER_CHAR if html else TEXT_BYTES_PER_CHAR))


def raw_cap(max_chars: int) -> int:
    """How much raw text (before boilerplate removal) may be kept for a ``max_chars`` body (0: all)."""
    return 0 if max_chars <= 0 else max(MIN_READ_BYTES // 2, max_chars * TEXT_BYTES_PER_CHAR)
