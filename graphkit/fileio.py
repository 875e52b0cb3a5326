"""Files written whole or not at all: the one atomic writer of every output and cache.

The data goes to a temporary file in the target's folder, which is then renamed over
the target: an interrupted run or a full disk leaves the old file (or none), never half
of one. The temporary file is created with the permissions ``open`` would give (0o666
less the umask), so nothing reads or changes the process-wide umask.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def atomic_write(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder (text as UTF-8;
    characters UTF-8 cannot hold, such as lone surrogates, become ``?``)."""
    path = Path(path)
    payload = data.encode("utf-8", "replace") if isinstance(data, str) else data  # never invalid UTF-8
    tmp, fd = _create(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _create(path: Path, attempts: int = 20) -> tuple[Path, int]:
    """A new, exclusively created temporary file beside ``path`` and its descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(attempts):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {path}")
