"""Time decide() over 10,000 generated notes and report the median per call.

    python benchmarks/bench_decide.py [--count N] [--seed S]

Notes are generated with a fixed seed (valid, varied: panels, promises, replies,
histories, outcomes, US/GB/DE holidays), validated once up front; only decide()
is timed, one call at a time, after a warm-up pass.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from datetime import date, timedelta
from typing import Any

from followup import InterviewNotes, decide

NAMES = ["Dana Lee", "Sam Ortiz", "Priya Shah", "Tom Becker", "Ruth Kim"]
ROLES = ["recruiter", "hiring_manager", "panel", "senior"]
KINDS = ["thank_you", "value_add", "check_in", "escalation", "closing"]


def generate(rng: random.Random) -> tuple[InterviewNotes, date]:
    interview = date(2025, 12, 1) + timedelta(days=rng.randint(0, 300))
    people = rng.sample(NAMES, rng.randint(1, 4))
    history = [
        {
            "kind": rng.choice(KINDS[:4] * 3 + KINDS[4:]),
            "sent_on": (interview + timedelta(days=rng.randint(0, 30))).isoformat(),
            "to": rng.sample(people, 1),
        }
        for _ in range(rng.randint(0, 4))
    ]
    replies = [
        {"on": (interview + timedelta(days=rng.randint(0, 30))).isoformat()} for _ in range(rng.choice([0, 0, 0, 1]))
    ]
    data: dict[str, Any] = {
        "candidate_name": "Alex Morgan",
        "company": "Acme",
        "role": "Engineer",
        "interviewers": [{"name": n, "title": "Title", "role": rng.choice(ROLES)} for n in people],
        "interview_date": interview.isoformat(),
        "promised_reply_date": rng.choice([None, (interview + timedelta(days=rng.randint(1, 14))).isoformat()]),
        "shareables": rng.choice([[], [{"kind": "contact", "name": "Jo Park", "why": "same migration"}]]),
        "history": history,
        "employer_replies": replies,
        "outcome": rng.choice(["pending"] * 8 + ["rejected", "offer"]),
        "country": rng.choice([None, None, "US", "GB", "DE"]),
    }
    today = interview + timedelta(days=rng.randint(31, 60))
    return InterviewNotes.model_validate(data), today


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [generate(rng) for _ in range(args.count)]
    for notes, today in cases[:500]:  # warm-up: imports, holiday tables
        decide(notes, today)
    timings = []
    for notes, today in cases:
        start = time.perf_counter_ns()
        decide(notes, today)
        timings.append(time.perf_counter_ns() - start)
    timings.sort()
    median = statistics.median(timings) / 1000
    p90 = timings[int(len(timings) * 0.9)] / 1000
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"decide() over {len(cases):,} notes: median {median:.1f} us, p90 {p90:.1f} us per call")


if __name__ == "__main__":
    main()
