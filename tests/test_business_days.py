from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.business_days import BusinessCalendar

from .builders import d


def test_weekends_are_skipped() -> None:
    cal = BusinessCalendar()
    assert cal.add(d("2026-11-06"), 1) == d("2026-11-09")  # Fri -> Mon
    assert cal.add(d("2026-11-07"), 1) == d("2026-11-09")  # Sat -> Mon
    assert cal.between(d("2026-11-06"), d("2026-11-09")) == 1
    assert cal.between(d("2026-11-02"), d("2026-11-02")) == 0


def test_public_holidays_of_the_country_are_skipped() -> None:
    us = BusinessCalendar("US")
    assert not us.is_business_day(d("2026-11-26"))  # Thanksgiving
    assert us.add(d("2026-11-25"), 1) == d("2026-11-27")
    assert us.holiday_name(d("2026-11-26")) == "Thanksgiving Day"
    gb = BusinessCalendar("GB")
    assert gb.is_business_day(d("2026-11-26"))
    assert not gb.is_business_day(d("2026-12-28"))  # Boxing Day (substitute)


@given(
    st.dates(date(2020, 1, 1), date(2030, 1, 1)),
    st.integers(0, 40),
    st.sampled_from([None, "US", "DE"]),
)
def test_add_and_between_agree(start: date, days: int, country: str | None) -> None:
    cal = BusinessCalendar(country)
    end = cal.add(start, days)
    assert cal.between(start, end) == days
    assert cal.between(end, start) == -days
    assert days == 0 or cal.is_business_day(end)
    assert end - start <= timedelta(days=days * 2 + 10)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        BusinessCalendar().add(d("2026-11-02"), -1)
