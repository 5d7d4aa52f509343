"""Calendar reminders: each interview's next step as an iCalendar event with an alarm."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from followup.decision import Status
from followup.store import DueItem
from followup.wording import join_names

#: The step is put in the calendar at 9:00 (local time, wherever the calendar is), 30 minutes
#: long, with a reminder 15 minutes before.
START = time(9, 0)
LENGTH = timedelta(minutes=30)
REMIND_BEFORE = timedelta(minutes=15)


def calendar(items: list[DueItem], today: date) -> tuple[bytes, int]:
    """An .ics file with one event per interview that has a next step, and how many events
    it holds (counted as they are made: text in a company name cannot change the count)."""
    events = 0
    cal = Calendar()
    cal.add("prodid", "-//followup//follow-up advisor//EN")
    cal.add("version", "2.0")
    stamp = datetime.now(UTC)
    for item in items:
        decision = item.decision
        if decision.action is None or decision.status == Status.done:
            continue
        when = decision.due_on if decision.status == Status.scheduled and decision.due_on else today
        summary = f"{decision.action.label}: {item.role} at {item.company}"
        lines = [decision.reason]
        if decision.to:
            lines.append(f"To: {join_names(decision.to)}" + (f" (cc {join_names(decision.cc)})" if decision.cc else ""))
        lines += [f"Needed: {need.question}" for need in decision.needs]
        lines += [f"Then, if you hear nothing: {step.due_on:%a %d %b}: {step.summary}" for step in decision.timeline]
        event = Event()
        event.add("uid", f"followup-{item.id}-{decision.action.value}-{when.isoformat()}@followup.invalid")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(when, START))
        event.add("dtend", datetime.combine(when, START) + LENGTH)
        event.add("summary", summary)
        event.add("description", "\n".join(lines))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
        cal.add_component(event)
        events += 1
    return bytes(cal.to_ical()), events
