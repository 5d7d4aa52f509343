"""Time advise(): its overhead outside the model, and the embedded model's drafts.

    python benchmarks/bench_advise.py            # template and cassette-replay overhead
    python benchmarks/bench_advise.py --local    # also the embedded model over 30+ notes

Overhead: median per advise() call over the labelled set's interviews on several days,
with the template engine, and with the openai backend replaying a recorded answer
(scripts/record_cassettes.py), so no model time is counted. With --local: seconds per
shown draft, first-attempt gate pass rate and fallback rate with the embedded model.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from followup import InterviewNotes, Outcome, decide, load_notes  # noqa: E402
from followup.advisor import advise  # noqa: E402

NOTES_DIR = ROOT / "evals" / "tone" / "notes"


def cases() -> list[tuple[InterviewNotes, date]]:
    """Each interview on the day after it, a week later and three weeks later: 30 (notes, day) pairs."""
    out = []
    for path in sorted(NOTES_DIR.glob("*.yaml")):
        notes = load_notes(path)
        fresh = notes.model_copy(update={"history": [], "employer_replies": [], "outcome": Outcome.pending})
        for offset, variant in ((1, fresh), (7, notes), (21, notes)):
            today = notes.interview_date + timedelta(days=offset)
            try:
                decide(variant, today)
            except ValueError:
                continue
            out.append((variant, today))
    return out


def median_ms(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def overhead(all_cases: list[tuple[InterviewNotes, date]], repeat: int) -> None:
    per_call = [median_ms(lambda n=n, t=t: advise(n, today=t, backend="template"), repeat) for n, t in all_cases]
    print(f"advise() with the template engine: median {statistics.median(per_call):.2f} ms per call "
          f"({len(all_cases)} interviews x days)")  # fmt: skip
    from tests.cassette_config import REPLAY_URL, use

    from followup.backends.openai_backend import OpenAIBackend
    from followup.backends.settings import OpenAISettings

    quill = load_notes(NOTES_DIR / "quill.yaml")
    day = quill.interview_date + timedelta(days=1)
    settings = OpenAISettings(REPLAY_URL, "sk-test", "gemma3-270m-q4-k-m", timeout=10, max_retries=0)
    backend = OpenAIBackend(settings, mode="chat")
    with use("recorded_chat_completion.yaml", repeats=True):
        replay = median_ms(lambda: advise(quill, today=day, backend=backend), repeat)
    print(f"advise() with the openai backend on cassette replay (3 attempts + template): median {replay:.1f} ms")


def local(all_cases: list[tuple[InterviewNotes, date]]) -> None:
    from followup.backends.local import LocalBackend, stop_shared_server

    backend = LocalBackend()
    shown = first_pass = fallback = 0
    seconds = 0.0
    try:
        for notes, today in all_cases:
            start = time.perf_counter()
            advice = advise(notes, today=today, backend=backend, deadline=600)
            seconds += time.perf_counter() - start
            for draft in advice.drafts:
                shown += 1
                first_pass += draft.source == "model" and len(draft.attempts) == 1
                fallback += draft.source == "template"
    finally:
        stop_shared_server()
    print(
        f"embedded model ({len(all_cases)} notes, {shown} shown drafts): {seconds / shown:.1f} s per shown draft, "
        f"first-attempt gate pass rate {first_pass / shown:.0%}, fallback to the template {fallback / shown:.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--local", action="store_true", help="also measure the embedded model")
    args = parser.parse_args()
    all_cases = cases()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    overhead(all_cases, args.repeat)
    if args.local:
        local(all_cases)


if __name__ == "__main__":
    main()
