"""Date phrases as people type them, found in text and resolved against today and the country.

A phrase is found first (:func:`find_dates`) and resolved later (:func:`resolve`),
once the extractor knows what it dates: an event in the past counts back from
today, a promise counts forward from the day it was made, and "same day" counts
from the interview. Numeric dates follow the country's order (11/19 in the US,
19/11 elsewhere) unless one part is over 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from followup.business_days import calendar_for
from followup.extract.lexicon import alternation, lexicon

Direction = Literal["past", "future"]
Tense = Literal["past", "future", "either"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase at ``start:end`` of its sentence; ``parts`` is what resolving needs."""

    phrase: str
    start: int
    end: int
    kind: str
    parts: tuple[str | int | None, ...]
    tense: Tense


@dataclass(frozen=True, slots=True)
class Context:
    """What a phrase is read against: the speaker's today, the anchor day, the country."""

    today: date
    anchor: date
    country: str | None


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], Tense]]:
    lex = lexicon()
    wd = alternation({w for words in lex.weekdays.values() for w in words})
    mon = alternation({w for words in lex.months.values() for w in words})
    rel = alternation(set(lex.relative_days))
    anc = alternation(set(lex.anchored_days))
    num = r"\d{1,2}|" + alternation(set(lex.numbers))
    one = num
    num = rf"(?:{num})(?:\s*(?:-|\u2013|to|or)\s*(?P<n2>{num}))?"  # "1-2 weeks": the later end counts
    unit = r"(?P<biz>business\s+|working\s+|biz\s+|work\s+)?(?P<unit>days?|weeks?|wks?)\b"
    flags = re.IGNORECASE
    table: list[tuple[str, str, Tense]] = [
        (
            "week_of",
            rf"\b(?:w/c|week commencing|(?:the\s+)?week of)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{mon})\b\.?",
            "future",
        ),
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", "either"),
        (
            "numeric",
            r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<y>\d{4}|\d{2}))?\.?(?![\w/]|\.\d)",
            "either",
        ),
        (
            "month_day",
            rf"\b(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?",
            "either",
        ),
        (
            "day_month",
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{mon})\b\.?(?:,?\s+(?P<y>\d{{4}}))?",
            "either",
        ),
        ("ago", rf"\b(?P<n>{one})\s+{unit}\s+ago\b", "past"),
        (
            "within",
            rf"(?:\b(?:in|within)|\bw/in|\b(?:said|told me|promised|quoted|estimated)(?:\s+it'?d be)?)\s+"
            rf"(?:about\s+|around\s+|roughly\s+|maybe\s+|the\s+next\s+)?(?P<n>{num})\s+{unit}",
            "future",
        ),
        ("another", rf"\b(?:another|one\s+more|an\s+extra)\s+(?:(?P<n>{num})\s+)?{unit}", "future"),
        ("more", rf"\b(?P<n>{one})\s+(?:more|extra)\s+{unit}", "future"),
        ("end_next_month", r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+next\s+month\b", "future"),
        ("end_month", r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b", "future"),
        ("end_next_week", r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+next\s+week\b", "future"),
        (
            "end_week",
            r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b|\bby\s+eow\b|\beow\b|\bwithin\s+the\s+week\b",
            "future",
        ),
        ("weekend", r"\b(?:before|b4|by)\s+the\s+weekend\b", "future"),
        ("early_next_week", r"\bearly\s+next\s+week\b", "future"),
        ("mid_next_week", r"\bmid[-\s]+next\s+week\b", "future"),
        ("next_week", r"\b(?:sometime\s+|some\s+time\s+)?next\s+week\b|\b(?:the\s+)?following\s+week\b", "future"),
        ("this_week", r"\b(?:later\s+)?this\s+week\b", "future"),
        ("relative", rf"\b(?P<rel>{rel})\b", "either"),
        ("anchored", rf"\b(?P<anc>{anc})\b", "past"),
        (
            "weekday",
            rf"\b(?:(?P<mod>last|this\s+past|past|this\s+coming|this|next|coming|on|by|b4|before|until|till)\s+)?"
            rf"(?P<wd>{wd})\b\.?",
            "either",
        ),
        ("nth", r"\b(?:the\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)\b", "either"),
    ]
    return [(kind, re.compile(pattern, flags), tense) for kind, pattern, tense in table]


def find_dates(text: str) -> list[DateMention]:
    """Every date phrase in ``text``, left to right, none overlapping (earlier patterns win)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern, tense in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            groups = match.groupdict()
            parts = tuple(
                groups.get(k)
                for k in ("y", "m", "d", "a", "b", "mon", "n", "biz", "unit", "rel", "anc", "mod", "wd", "n2")
            )
            if not _plausible(kind, groups):
                continue
            taken.append((start, end))
            found.append(DateMention(match.group(0), start, end, kind, parts, tense))
    return sorted(found, key=lambda m: m.start)


def _plausible(kind: str, groups: dict[str, str | None]) -> bool:
    if kind == "numeric":
        a, b = int(groups["a"] or 0), int(groups["b"] or 0)
        return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)
    if kind in ("month_day", "day_month", "nth"):
        return 1 <= int(groups["d"] or 0) <= 31
    if kind == "weekday" and (groups.get("wd") or "").lower() in ("sat", "sun"):
        return groups.get("mod") is not None  # "sun" and "sat" are words too: only "last sat", "on sun"
    return True


def _number(text: str | int | None) -> int:
    if text is None:
        return 1
    word = " ".join(str(text).lower().split())
    return int(word) if word.isdigit() else lexicon().numbers.get(word, 1)


def _month(name: str | int | None) -> int:
    word = str(name or "").lower().rstrip(".")
    return next(m for m, names in lexicon().months.items() if word in names)


def _weekday(name: str | int | None) -> int:
    word = str(name or "").lower().rstrip(".")
    return next(d for d, names in lexicon().weekdays.items() if word in names)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _near(month: int, day: int, ctx: Context, direction: Direction) -> date | None:
    """The month/day without a year: the last one up to today, or the next one from the anchor."""
    if direction == "past":
        for year in (ctx.today.year, ctx.today.year - 1):
            found = _safe(year, month, day)
            if found is not None and found <= ctx.today:
                return found
        return None
    for year in (ctx.anchor.year, ctx.anchor.year + 1):
        found = _safe(year, month, day)
        if found is not None and found >= ctx.anchor:
            return found
    return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def resolve(mention: DateMention, ctx: Context, direction: Direction) -> date | None:
    """The day ``mention`` names, or None when it names none (like 31/02)."""
    y, m, d, a, b, mon, n, biz, unit, rel, anc, mod, wd, n2 = mention.parts
    if n2 is not None:
        n = str(max(_number(n), _number(n2)))
    kind = mention.kind
    if kind == "iso":
        return _safe(int(str(y)), int(str(m)), int(str(d)))
    if kind == "numeric":
        first, second = int(str(a)), int(str(b))
        month_first = (ctx.country or "US") in lexicon().month_first_countries
        month, day = (first, second) if month_first else (second, first)
        if month > 12:
            month, day = day, month
        if y is not None:
            year = int(str(y))
            return _safe(year + 2000 if year < 100 else year, month, day)
        return _near(month, day, ctx, direction)
    if kind == "week_of":  # "w/c 9 Nov": by the end of that working week
        start = _near(_month(mon), int(str(d)), ctx, direction)
        return None if start is None else start + timedelta(days=max(0, 4 - start.weekday()))
    if kind in ("month_day", "day_month"):
        if y is not None:
            return _safe(int(str(y)), _month(mon), int(str(d)))
        return _near(_month(mon), int(str(d)), ctx, direction)
    if kind == "nth":
        return _nth(int(str(d)), ctx, direction)
    if kind == "relative":
        return ctx.today + timedelta(days=lexicon().relative_days[" ".join(str(rel).lower().split())])
    if kind == "anchored":
        return ctx.anchor + timedelta(days=lexicon().anchored_days[" ".join(str(anc).lower().split())])
    if kind == "ago":
        return _count(ctx.today, -_number(n), biz, unit, ctx.country)
    if kind in ("within", "another", "more"):
        return _count(ctx.anchor, _number(n), biz, unit, ctx.country)
    if kind == "weekday":
        return _weekday_date(_weekday(wd), str(mod or "").lower(), ctx, direction)
    if kind in ("end_month", "end_next_month"):
        next_month = date(ctx.anchor.year + ctx.anchor.month // 12, ctx.anchor.month % 12 + 1, 1)
        if kind == "end_next_month":
            next_month = date(next_month.year + next_month.month // 12, next_month.month % 12 + 1, 1)
        return next_month - timedelta(days=1)
    return _week_phrase(kind, ctx.anchor)


def _nth(day: int, ctx: Context, direction: Direction) -> date | None:
    base = ctx.today if direction == "past" else ctx.anchor
    for shift in (0, -1, 1) if direction == "past" else (0, 1):
        month = (base.month - 1 + shift) % 12 + 1
        year = base.year + (base.month - 1 + shift) // 12
        found = _safe(year, month, day)
        if found is None:
            continue
        if (direction == "past" and found <= ctx.today) or (direction == "future" and found >= ctx.anchor):
            return found
    return None


def _count(start: date, amount: int, biz: str | int | None, unit: str | int | None, country: str | None) -> date:
    if str(unit).lower().startswith("w"):
        return start + timedelta(days=7 * amount)
    if biz:
        calendar = calendar_for(country)
        if amount >= 0:
            return calendar.add(start, amount)
        day = start
        for _ in range(-amount):  # back a business day at a time; a handful at most
            day -= timedelta(days=1)
            while not calendar.is_business_day(day):
                day -= timedelta(days=1)
        return day
    return start + timedelta(days=amount)


def _weekday_date(weekday: int, mod: str, ctx: Context, direction: Direction) -> date:
    mod = " ".join(mod.split())
    if mod == "next":
        return _monday(ctx.anchor) + timedelta(days=7 + weekday)
    if mod in ("last", "this past", "past") or (direction == "past" and mod not in ("by", "b4", "before", "until")):
        back = (ctx.today.weekday() - weekday) % 7 or 7
        return ctx.today - timedelta(days=back)
    ahead = (weekday - ctx.anchor.weekday()) % 7 or 7
    found = ctx.anchor + timedelta(days=ahead)
    return found - timedelta(days=1) if mod in ("b4", "before") else found


def _week_phrase(kind: str, anchor: date) -> date:
    monday = _monday(anchor)
    next_monday = monday + timedelta(days=7)
    return {
        "end_next_week": next_monday + timedelta(days=4),
        "end_week": monday + timedelta(days=4) if anchor.weekday() < 5 else next_monday + timedelta(days=4),
        "weekend": monday + timedelta(days=4) if anchor.weekday() < 5 else next_monday + timedelta(days=4),
        "early_next_week": next_monday + timedelta(days=1),
        "mid_next_week": next_monday + timedelta(days=2),
        "next_week": next_monday + timedelta(days=4),
        "this_week": monday + timedelta(days=4),
    }[kind]
