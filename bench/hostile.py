"""Time and peak memory of parsing hostile input, largest first.

    python bench/hostile.py
"""
from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.errors import NewswireError  # noqa: E402
from service.formats import parse  # noqa: E402
from tests.unit.test_hostile_input import MB, hostile_inputs  # noqa: E402


def main() -> None:
    rows = []
    for name, raw in sorted(hostile_inputs().items(), key=lambda kv: -len(kv[1])):
        tracemalloc.start()
        start = time.perf_counter()
        try:
            article = parse(raw, max_bytes=16 * MB)
            outcome = f"parsed, body {len(article.body_text):,} chars"
        except NewswireError as exc:
            outcome = f"{exc.error_type}: {exc.reason[:60]}"
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append((name, len(raw), elapsed, peak, outcome))
    print(f"{'input':24} {'size':>10} {'seconds':>8} {'peak MB':>8}  outcome")
    for name, size, elapsed, peak, outcome in rows:
        print(f"{name:24} {size / MB:9.2f}M {elapsed:8.3f} {peak / MB:8.1f}  {outcome}")
    print(f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
