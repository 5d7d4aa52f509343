"""Time the chat's handler per turn, offline (template backend), and report medians.

    python benchmarks/bench_chat.py [--repeat N]

Each repeat plays the same conversations through ``followup.ui.chat.respond`` (and the
confirm button's ``confirm``), as the web UI calls them, and times each call. Turns are
grouped by what they do: reading a message (extract_notes over every turn so far, the
facts card drawn), advising (the decision and a template draft, on confirmation or
"I sent it"), and changing the draft ("make it shorter", "more formal").
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from datetime import date

from followup.ui.chat import card, confirm, new_state, respond

TODAY = date(2026, 11, 26)
CONVERSATIONS = [
    [
        "I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role; "
        "she said they'd decide by Friday.",
        "Alex Morgan",
        "actually it was Wednesday",
        "Tom Ellis is the recruiter",
        "<confirm>",
        "more formal",
        "make it shorter",
        "I sent it",
        "they replied today and said next week",
        "yes",
    ],
    [
        "interviewed w/ tom ellis (recruiter) and priya shah at northwind analytics last thurs for the data analyst "
        "role ... sent both of them thank you emails same day",
        "I'm Sam Lee",
        "That's right",
        "Priya emailed me today saying they need another week",
        "<confirm>",
    ],
]


def kind(message: str) -> str:
    if message in ("<confirm>", "yes", "That's right", "I sent it"):
        return "advise"
    if message in ("more formal", "make it shorter"):
        return "draft"
    return "read"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"read": [], "advise": [], "draft": []}
    for _ in range(args.repeat):
        for conversation in CONVERSATIONS:
            state = new_state()
            for message in conversation:
                start = time.perf_counter()
                if message == "<confirm>":
                    _, after = confirm(state, TODAY, "template")
                else:
                    _, after = respond(message, state, TODAY, "template")
                card(after, TODAY)
                times[kind(message)].append(time.perf_counter() - start)
                state = after
    every = [t for ts in times.values() for t in ts]
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {args.repeat} repeats")
    for name, ts in [*times.items(), ("every turn", every)]:
        median, worst = statistics.median(ts) * 1000, max(ts) * 1000
        print(f"{name:>10}: median {median:6.1f} ms, max {worst:6.1f} ms ({len(ts)} turns)")
    print("(the max includes the first calls, which load the word lists and templates)")


if __name__ == "__main__":
    main()
