"""Time evaluate_tone: a 150-word draft, and long texts to show the cost grows linearly.

    python benchmarks/bench_tone.py [--repeat N]

Reports the median of N calls each (after a warm-up that loads the word lists).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from followup import load_notes
from followup.tone import evaluate_tone
from followup.tone.task import DraftTask

NOTES = load_notes(Path(__file__).parent.parent / "examples" / "northwind.yaml")
DRAFT = """Dear Priya,

Thank you for taking the time to meet with me on Tuesday about the Senior Data Analyst role. I
especially enjoyed our conversation about moving the weekly revenue dashboard from spreadsheets
to dbt; it is exactly the kind of project I would love to help with, and I have been thinking
since about how to test the new models against the old spreadsheets before switching over.

I was also glad to hear how the team runs A/B tests on pricing pages. The care you put into
experiment design came through clearly, and it made me even more excited about joining
Northwind Analytics and learning from the team. I also appreciated hearing how the team shares
what it learns with the rest of the company.

Thank you again for a generous and open conversation. I look forward to hearing from you about
the next steps.

Best regards,
Alex Morgan
"""


#: What the advisor passes besides the text: the day and the draft's task (whom it greets, copies, shares).
AS_THE_ADVISOR_CALLS = {"today": date(2026, 11, 10), "task": DraftTask(recipient="Priya Shah")}


def median_ms(text: str, repeat: int, **extra: Any) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        evaluate_tone(text, kind="thank_you", notes=NOTES, **extra)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    evaluate_tone(DRAFT, kind="thank_you", notes=NOTES)  # warm-up: word lists, VADER
    words = len(DRAFT.split())
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{words}-word draft: median {median_ms(DRAFT, args.repeat):.2f} ms per call")
    with_task = median_ms(DRAFT, args.repeat, **AS_THE_ADVISOR_CALLS)
    print(f"{words}-word draft, with its day and task as the advisor checks it: median {with_task:.2f} ms per call")
    long_repeat = max(3, args.repeat // 20)
    for size in (25_000, 50_000, 100_000):
        text = (DRAFT * (size // len(DRAFT) + 1))[:size]
        print(f"{size:,}-character text: median {median_ms(text, long_repeat):.1f} ms per call")


if __name__ == "__main__":
    main()
