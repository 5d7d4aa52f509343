"""Dates written in free text ("7 to 11 December", "March 25", "25/03"), read the way the
notes' country writes them, and placed in a year near a reference day.

Shared by the tone check (a date in a draft must be one the notes hold) and the template
engine (a personal update whose date has passed is left out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH = "|".join(MONTHS) + "|sept|" + "|".join(_ABBREVIATIONS)
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = r"\s*(?:to|-|\u2013|and|until|till)\s*"

#: Countries that write the month first (3/25 is 25 March); everyone else writes the day first.
MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM", "CA", "BZ"})

_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}}){_ORD}(?:{_RANGE}(\d{{1,2}}){_ORD})?\s+(?:of\s+)?({_MONTH})\b\.?(?:\s+(\d{{4}})\b)?", re.I
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_ORD}\b(?:{_RANGE}(\d{{1,2}}){_ORD}\b)?(?:,?\s+(\d{{4}})\b)?", re.I
)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?(?![\d/]|\.\d)")
_ISO = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b")  # 2026-12-12, and 2026/12/12 as in South Africa
#: Two numeric dates joined by a dash, "12/24-12/28": the second would otherwise look like part of a code.
_NUMERIC_PAIR = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})(\s*[-\u2013]\s*)(\d{1,2})[/.](\d{1,2})(?![\d/]|\.\d)")


#: What stands before a date (a weekday, "by", "on"): "may" after one is the month, in small letters too.
_BEFORE_A_DATE = re.compile(
    r"\b(?:by|on|until|till|before|after|from|since|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    + "|".join(WEEKDAYS)
    + r")\.?,?\s+$",
    re.I,
)

#: A day-month without a year is taken as already past only this many days back.
RECENT_DAYS = 60


@dataclass(frozen=True)
class Mention:
    """One date (or range of dates) written in a text: where, and which day(s) of which month."""

    start: int
    end: int
    day: int
    month: int
    last_day: int  # the range's last day; the same as ``day`` for one date
    year: int | None = None

    def when(self, near: date) -> date | None:
        """The last day of the mention: in its own year, or else the first such day from
        ``RECENT_DAYS`` before ``near`` on (news about December read in March is about the
        coming December; read on 14 December, about the one just past)."""
        years = [self.year] if self.year else [near.year - 1, near.year, near.year + 1]
        found = []
        for year in years:
            try:
                found.append(date(year, self.month, self.last_day))
            except ValueError:
                continue
        if self.year:
            return found[0] if found else None
        recent = [d for d in found if d >= near - timedelta(days=RECENT_DAYS)]
        return min(recent) if recent else None


def month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _ABBREVIATIONS["sept" if word.startswith("sept") else word[:3]]


def mentions(text: str, country: str | None = None) -> list[Mention]:
    """Every date written in ``text``, in order; numbers like 25/03 read in ``country``'s order."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str] | tuple[int, int], day: int, month: int, last: int | None, year: str | None) -> None:
        start, end = m if isinstance(m, tuple) else m.span()
        if any(a < end and start < b for a, b in taken):
            return
        if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= (last or day) <= 31):
            return
        taken.append((start, end))
        found.append(Mention(start, end, day, month, last or day, int(year) if year else None))

    for m in _ISO.finditer(text):
        add(m, int(m.group(4)), int(m.group(3)), None, m.group(1))
    for m in _DAY_MONTH.finditer(text):
        add(m, int(m.group(1)), month_number(m.group(3)), int(m.group(2)) if m.group(2) else None, m.group(4))
    for m in _MONTH_DAY.finditer(text):
        if (
            m.group(1).lower() == "may"
            and not m.group(1)[0].isupper()
            and not _BEFORE_A_DATE.search(text, max(0, m.start() - 14), m.start())
        ):
            continue  # "they may 2x the team"; but "answer by fri may 29" is a date
        add(m, int(m.group(2)), month_number(m.group(1)), int(m.group(3)) if m.group(3) else None, m.group(4))
    month_first = (country or "").upper() in MONTH_FIRST
    for m in _NUMERIC_PAIR.finditer(text):
        (a, b), (c, d) = (int(m.group(1)), int(m.group(2))), (int(m.group(4)), int(m.group(5)))
        if month_first:
            a, b, c, d = b, a, d, c
        if 1 <= b <= 12 and 1 <= d <= 12:
            add((m.start(1), m.end(2)), a, b, None, None)
            add((m.start(4), m.end(5)), c, d, None, None)
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (b, a) if month_first else (a, b)
        year = m.group(3)
        if year and len(year) == 2:
            year = f"20{year}"
        add(m, day, month, None, year)
    return sorted(found, key=lambda x: x.start)


def day_months(text: str, country: str | None = None) -> frozenset[tuple[int, int]]:
    """Every (day, month) written in ``text``, each day of a range included."""
    pairs: set[tuple[int, int]] = set()
    for m in mentions(text, country):
        pairs.add((m.day, m.month))
        pairs.add((m.last_day, m.month))
    return frozenset(pairs)


def spoken(day: date, *, weekday: bool = True) -> str:
    """'Monday 2 November' (or '2 November'): how the drafts write a date."""
    text = f"{day.day} {day:%B}"
    return f"{day:%A} {text}" if weekday else text
