"""Business-day arithmetic: Monday to Friday, minus a country's public holidays.

Each calendar keeps, for a span of whole years, a prefix count of business days
and the list of them, so counting and adding are look-ups, not loops; the span
grows a year at a time when a date outside it is asked about.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple


def calendar_for(country: str | None) -> BusinessCalendar:
    """The shared calendar of ``country`` (built once per process)."""
    return _calendar(country.upper() if country else None)


@lru_cache(maxsize=64)
def _calendar(country: str | None) -> BusinessCalendar:
    return BusinessCalendar(country)


class _Index(NamedTuple):
    first_year: int
    last_year: int
    first: int  # ordinal of 1 January of first_year
    prefix: list[int]  # prefix[i]: business days from `first` up to `first + i`
    business: list[int]  # ordinals of the business days, in order


class BusinessCalendar:
    """Counts and adds business days for one country (or none)."""

    __slots__ = ("_holidays", "_index")

    def __init__(self, country: str | None = None) -> None:
        self._holidays: Container[date] = _holidays(country) if country else frozenset()
        self._index = _Index(0, -1, 0, [], [])

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def add(self, start: date, days: int) -> date:
        """The ``days``-th business day after ``start`` (``start`` itself if ``days`` is 0)."""
        if days < 0:
            raise ValueError("days must not be negative")
        if days == 0:
            return start
        # Ample room: n business days never span more than 2n days plus a holiday season.
        index = self._cover(start.year, date.fromordinal(start.toordinal() + days * 2 + 30).year)
        target = index.prefix[start.toordinal() - index.first] + days
        return date.fromordinal(index.business[target - 1])

    def between(self, start: date, end: date) -> int:
        """Business days elapsed from ``start`` to ``end``: those after start, up to end.

        ``between(d, add(d, n)) == n``; negative when ``end`` is before ``start``.
        """
        index = self._cover(min(start, end).year, max(start, end).year)
        return index.prefix[end.toordinal() - index.first] - index.prefix[start.toordinal() - index.first]

    def holiday_name(self, day: date) -> str | None:
        """The public holiday on ``day``, if any (for explanations)."""
        get: Any = getattr(self._holidays, "get", None)
        return None if get is None else get(day)

    def _cover(self, first_year: int, last_year: int) -> _Index:
        index = self._index
        if index.first_year <= first_year and last_year <= index.last_year:
            return index
        if index.prefix:
            first_year = min(first_year, index.first_year)
            last_year = max(last_year, index.last_year)
        first = date(first_year, 1, 1).toordinal()
        last = date(last_year, 12, 31).toordinal()
        prefix: list[int] = []
        business: list[int] = []
        for ordinal in range(first, last + 1):
            if self.is_business_day(date.fromordinal(ordinal)):
                business.append(ordinal)
            prefix.append(len(business))
        # One assignment, so a concurrent reader sees the old index or the new one.
        self._index = _Index(first_year, last_year, first, prefix, business)
        return self._index


@lru_cache(maxsize=64)
def _holidays(country: str) -> Container[date]:
    import holidays

    return holidays.country_holidays(country)
