"""Time the eval runner: every case against two prompt versions from the cache, and live.

    python benchmarks/bench_evals.py            # from the committed cache (no model)
    python benchmarks/bench_evals.py --live 20  # also N cases live with the embedded model, concurrency 1 and 2

From the cache: the shipped prompts against themselves as baseline (both versions hit
the committed cache of the embedded model's answers), the whole compare as the CLI runs
it. Live: the first N cases, no cache, with the embedded model.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from followup.cli import main as cli  # noqa: E402


def timed(argv: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    code = cli(argv, out=io.StringIO(), err=io.StringIO())
    return time.perf_counter() - start, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--live", type=int, default=0, help="also run this many cases live")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    prompts = ROOT / "src" / "followup" / "prompts"
    seconds, code = timed(["eval", "--backend", "local", "--cache-only", "--baseline", str(prompts)])
    print(f"all cases x 2 prompt versions from the cache: {seconds:.1f} s (exit {code})")
    if code == 2:  # a usage error: the figure would time nothing
        raise SystemExit("the eval did not run; see the line above")
    if args.live:
        import glob
        import tempfile

        import yaml

        cases = []
        for name in sorted(glob.glob(str(ROOT / "evals" / "cases" / "*.yaml"))):
            for case in yaml.safe_load(Path(name).read_text()):
                if case.get("notes"):
                    case["notes"] = str((Path(name).parent / case["notes"]).resolve())
                cases.append(case)
        with tempfile.TemporaryDirectory() as folder:
            subset = Path(folder) / "subset.yaml"
            subset.write_text(yaml.safe_dump(cases[-args.live :], sort_keys=False))
            for concurrency in (1, 2):
                seconds, code = timed(
                    [
                        "eval",
                        "--backend",
                        "local",
                        "--no-cache",
                        "--cases",
                        str(subset),
                        "--concurrency",
                        str(concurrency),
                    ]
                )
                print(f"{args.live} cases live, concurrency {concurrency}: {seconds:.1f} s (exit {code})")


if __name__ == "__main__":
    main()
