"""Rebuild inputs with the current code and compare ``graph.json`` byte for byte with a reference.

A refactor must not change what graphkit extracts. Record a reference before the change,
then check after every step::

    python scripts/check_identical.py sample_data/ /tmp/ref-sample --save   # before
    python scripts/check_identical.py sample_data/ /tmp/ref-sample          # after each step
    python scripts/check_identical.py corpus/ /tmp/ref-corpus -- --jobs 1   # extra build options

The build runs ``python -m graphkit build SOURCE --out TMP`` with this interpreter (so the
checkout's code is what is measured). Exit code 0 when the bytes are identical, 1 with a
summary of what differs (nodes, edges and articles added, removed or changed) otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(source: str, out: Path, extra: list[str]) -> Path:
    """``graph.json`` of ``source`` built into ``out`` by the graphkit CLI of this interpreter."""
    cmd = [sys.executable, "-m", "graphkit", "build", source, "--out", str(out), "--quiet", *extra]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"build failed ({' '.join(cmd)}):\n{done.stderr.strip()[-2000:]}")
    return out / "graph.json"


def _index(data: dict) -> dict[str, dict]:
    nodes = {f"node {n['id']}": n for n in data.get("nodes", [])}
    edges = {f"edge {e['source']} -> {e['target']} [{e.get('key')}]": e for e in data.get("edges", [])}
    arts = {f"article {a.get('id')}": a for a in data.get("graph", {}).get("articles", [])}
    return {**nodes, **edges, **arts}


def differences(ref: bytes, new: bytes, limit: int = 20) -> list[str]:
    """What differs between two graph.json texts, one line per element (at most ``limit``)."""
    try:
        a, b = _index(json.loads(ref)), _index(json.loads(new))
    except ValueError as exc:
        return [f"not comparable as JSON ({exc})"]
    lines = [f"- {k}" for k in sorted(a.keys() - b.keys())] + [f"+ {k}" for k in sorted(b.keys() - a.keys())]
    for k in sorted(a.keys() & b.keys()):
        if a[k] != b[k]:
            fields = sorted(f for f in a[k].keys() | b[k].keys() if a[k].get(f) != b[k].get(f))
            lines.append(f"~ {k}: {', '.join(fields)}")
    if not lines:
        lines = ["same content, different bytes (key order or formatting)"]
    return lines[:limit] + ([f"… and {len(lines) - limit} more"] if len(lines) > limit else [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="what to build: a folder, file or corpus CSV (as for graphkit build)")
    ap.add_argument("reference", type=Path, help="folder holding the reference graph.json")
    ap.add_argument("--save", action="store_true", help="build and store the reference instead of checking")
    ap.add_argument("--keep", type=Path, help="also keep the new build in this folder")
    argv = sys.argv[1:] if argv is None else argv
    extra = argv[argv.index("--") + 1:] if "--" in argv else []  # after '--': extra `graphkit build` options
    args = ap.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    if args.save:
        args.reference.mkdir(parents=True, exist_ok=True)
        path = build(args.source, args.reference, extra)
        print(f"reference saved: {path} ({path.stat().st_size:,} bytes)")
        return 0
    ref_path = args.reference / "graph.json"
    if not ref_path.is_file():
        sys.exit(f"no reference at {ref_path}; record one first with --save")
    with tempfile.TemporaryDirectory(prefix="graphkit-check-") as tmp:
        new_path = build(args.source, Path(tmp), extra)
        ref, new = ref_path.read_bytes(), new_path.read_bytes()
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy2(new_path, args.keep / "graph.json")
    if ref == new:
        print(f"identical: {args.source} -> graph.json {len(new):,} bytes, same as {ref_path}")
        return 0
    print(f"DIFFERENT: {args.source} -> graph.json {len(new):,} bytes, reference {len(ref):,} bytes ({ref_path})")
    for line in differences(ref, new):
        print("  " + line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
