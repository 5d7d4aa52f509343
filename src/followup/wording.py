"""Small helpers that put dates, counts and names into plain English."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def day(when: date, today: date) -> str:
    """``Fri 20 Nov``, with the year only when it is not this year."""
    text = f"{when:%a} {when.day} {when:%b}"
    return text if when.year == today.year else f"{text} {when.year}"


def days_phrase(count: int) -> str:
    return "1 business day" if count == 1 else f"{count} business days"


def join_names(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
