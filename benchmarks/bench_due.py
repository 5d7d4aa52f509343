"""Time the tracker's 'what is due' over 10,000 stored interviews, and its peak memory.

    python benchmarks/bench_due.py [--count N] [--repeat R]

Fills a fresh tracker file in a temporary folder with generated interviews (the same
generator as bench_decide.py), then times Store.due() R times; peak memory is what
tracemalloc sees during one call.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_decide import generate
from followup.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(11)
    today = date(2026, 11, 26)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.sqlite3") as store:
        start = time.perf_counter()
        for _ in range(args.count):
            notes, _day = generate(rng)
            store.add(notes)
        filled = time.perf_counter() - start
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            items = store.due(today)
            timings.append(time.perf_counter() - start)
        tracemalloc.start()
        store.due(today)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = (Path(folder) / "bench.sqlite3").stat().st_size
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"filled {args.count:,} interviews in {filled:.1f} s (one transaction each); file {size / 1e6:.1f} MB")
    print(
        f"due() over {args.count:,} interviews ({len(items):,} decided): median {statistics.median(timings):.2f} s, "
        f"peak memory {peak / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
