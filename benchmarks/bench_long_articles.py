"""Memory stays flat in the article length; the size limit keeps a huge file from reaching the parser.

Runs ``graphkit.pipeline.process`` in a fresh process per case and reads its peak RSS:
a one-line article (the baseline, measured in the same run), a 200,000-character
article and an 800,000-character one (``--max-chars 0``, so it is parsed whole, in
chunks). Target: the 800k article peaks within 1.3× the 200k one. A 50 MB file goes
through ingest with the default limit: target within 10× the ingest time of a 1 MB
file (reading it whole would be 50×), the body cut to ``MAX_CHARS`` before any NLP.

    PYTHONPATH=. python benchmarks/bench_long_articles.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASE = """
import resource, sys
from graphkit import nlp, pipeline
from graphkit.records import Article
model = nlp.load_model()
text = ("The regulator fined the company for breaking the rules. " * 40 + "\\n\\n") * {reps}
list(pipeline.process([Article("a", text[:{chars}])], nlp=model))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kb(chars: int) -> int:
    code = CASE.format(reps=chars // 2300 + 1, chars=chars)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def ingest_time(megabytes: int) -> tuple[float, int]:
    from graphkit import sources

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "huge.txt")
        para = "The regulator fined the company for breaking the rules. " * 20 + "\n\n"
        path.write_text(para * (megabytes * 2**20 // len(para) + 1))
        start = time.perf_counter()
        [art] = sources.read_articles([path], sources.ReadOptions(max_chars=0 if megabytes == 1 else 200_000),
                                     on_warning=lambda n: None)
        return time.perf_counter() - start, len(art.text)


def main() -> int:
    base, mid, big = peak_kb(60), peak_kb(200_000), peak_kb(800_000)
    print(f"peak RSS: one line {base / 1024:.0f} MB, 200k chars {mid / 1024:.0f} MB ({mid / base:.2f}x), "
          f"800k chars {big / 1024:.0f} MB ({big / base:.2f}x); 800k/200k = {big / mid:.2f} (target <= 1.3)")
    small, _ = ingest_time(1)
    seconds, kept = ingest_time(50)
    print(f"ingest: 1 MB file {small:.2f}s, 50 MB file {seconds:.2f}s ({seconds / small:.1f}x, target <= 10x); "
          f"body cut to {kept:,} characters before NLP")
    return 0 if big / mid <= 1.3 and seconds / small <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
