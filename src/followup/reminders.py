"""Calendar reminders: steps of the plan as iCalendar events with an alarm.

What an event says (its title, day, description and UID) comes from the presentation
model (:func:`followup.presentation.calendar_event`); this module only writes the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from followup.presentation import CalendarEvent

#: The step is put in the calendar at 9:00 (local time, wherever the calendar is), 30 minutes
#: long, with a reminder 15 minutes before.
START = time(9, 0)
LENGTH = timedelta(minutes=30)
REMIND_BEFORE = timedelta(minutes=15)


def calendar(events: Iterable[CalendarEvent]) -> bytes:
    """An .ics file with one event per step, each with a reminder."""
    cal = Calendar()
    cal.add("prodid", "-//followup//follow-up advisor//EN")
    cal.add("version", "2.0")
    stamp = datetime.now(UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(item.on, START))
        event.add("dtend", datetime.combine(item.on, START) + LENGTH)
        event.add("summary", item.title)
        event.add("description", item.description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.title)
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
