"""One presentation model of a decision: what every front end shows, in plain words.

The policy answers with a :class:`~followup.decision.Decision` (an action, a rule id,
dates). People read something else: a headline ("Be proactive: today"), the reason,
who it goes to, the steps as dated marks on a line, and, for a calendar, one event
titled as a task ("Check in with Tom Becker about the Senior Data Analyst role at
Northwind Analytics"). :func:`view` and :func:`calendar_event` build that once; the
command line, the HTML card, the chat and the ``.ics`` writer only lay it out.
"""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import BaseModel, ConfigDict

from followup.decision import Action, Decision, Status, Step
from followup.models import InterviewNotes
from followup.store import interview_identity
from followup.wording import day, join_names

#: Each action as a task on a calendar; ``{who}`` is the recipients. The event's title
#: adds "about the <role> role at <company>".
_TASKS = {
    Action.be_proactive: "Send a thank-you note to {who}",
    Action.be_interesting: "Share something useful with {who}",
    Action.reconnect: "Check in with {who}",
    Action.take_it_up: "Write to {who}",
    Action.move_on: "Close the loop with {who}",
}
_SHORT = {
    Action.be_proactive: "Thank-you",
    Action.be_interesting: "Share something",
    Action.reconnect: "Check-in",
    Action.take_it_up: "Someone senior",
    Action.move_on: "Move on",
}
_NOBODY = "someone more senior (to be named)"


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rung(_View):
    """One of the five actions on the ladder; ``current`` for the one that applies."""

    action: str
    label: str
    current: bool


class Mark(_View):
    """A dated point of the plan: the decision itself, or a later step if nothing is heard."""

    action: str
    label: str
    short: str
    on: date
    day: str
    summary: str
    first: bool


class DecisionView(_View):
    """A decision as a person reads it; every renderer draws only this."""

    action: str | None
    status: str
    label: str
    headline: str
    reason: str
    to: str | None
    needs: list[str]
    ladder: list[Rung]
    marks: list[Mark]
    rule: str
    today: date
    today_label: str


class CalendarEvent(_View):
    """One step as a calendar event: a task title, its own day, and a UID stable per interview and step."""

    uid: str
    task: str
    title: str
    on: date
    description: str


def view(decision: Decision) -> DecisionView:
    """The presentation model of ``decision``."""
    today = decision.today
    if decision.action is None:
        label, headline = "Nothing to chase", "Nothing to chase"
    else:
        label = decision.action.label
        when = {
            Status.now: "today",
            Status.scheduled: f"on {day(decision.due_on or today, today)}",
            Status.done: "done",
        }[decision.status]
        headline = f"{label}: {when}"
    to = None
    if decision.to or decision.cc:
        to = (join_names(decision.to) or _NOBODY) + (f" (cc {join_names(decision.cc)})" if decision.cc else "")
    return DecisionView(
        action=decision.action.value if decision.action else None,
        status=decision.status.value,
        label=label,
        headline=headline,
        reason=decision.reason,
        to=to,
        needs=[need.question for need in decision.needs],
        ladder=[Rung(action=a.value, label=a.label, current=a == decision.action) for a in Action],
        marks=_marks(decision),
        rule=decision.rule,
        today=today,
        today_label=day(today, today),
    )


def _marks(decision: Decision) -> list[Mark]:
    today = decision.today
    marks = []
    if decision.action is not None and decision.status != Status.done:
        on = decision.due_on if decision.status == Status.scheduled and decision.due_on else today
        who = join_names(decision.to) or _NOBODY
        marks.append(
            Mark(
                action=decision.action.value,
                label=decision.action.label,
                short=_SHORT[decision.action],
                on=on,
                day="today" if on == today else day(on, today),
                summary=f"{decision.action.label}: {who}",
                first=True,
            )
        )
    for step in decision.timeline:
        marks.append(
            Mark(
                action=step.action.value,
                label=step.action.label,
                short=_SHORT[step.action],
                on=step.due_on,
                day=day(step.due_on, today),
                summary=step.summary,
                first=False,
            )
        )
    return marks


def text(decision: Decision) -> str:
    """The decision as the command line prints it: the ladder, the action, why, and what follows."""
    shown = view(decision)
    ladder = " > ".join(f"[{r.label.upper()}]" if r.current else r.label.lower() for r in shown.ladder)
    lines = [ladder, "Nothing to chase." if shown.action is None else shown.headline, f"Why: {shown.reason}"]
    if shown.to:
        lines.append(f"To: {shown.to}")
    lines += [f"Needed: {need}" for need in shown.needs]
    later = [m for m in shown.marks if not m.first]
    if later:
        lines.append("Then, if you hear nothing:")
        lines.extend(f"  {m.day:<12} {m.summary}" for m in later)
    lines.append(f"(rule {shown.rule})")
    return "\n".join(lines) + "\n"


def interview_uid(notes: InterviewNotes) -> str:
    """A short stable id of one interview: candidate, company, role and date, ignoring case and spacing."""
    identity = "|".join(str(part) for part in interview_identity(notes))
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def calendar_event(notes: InterviewNotes, decision: Decision, *, after_today: bool = False) -> CalendarEvent | None:
    """The calendar event for the decision's step, or with ``after_today`` for the step after
    today's (what the person does next once they have sent today's message).

    None when there is nothing to put in a calendar (nothing to chase, or no later step).
    """
    if decision.action is None or decision.status == Status.done:
        return None
    today = decision.today
    if decision.status == Status.now and after_today:
        if not decision.timeline:
            return None
        step: Step = decision.timeline[0]
        action, on, to, cc, first = step.action, step.due_on, step.to, step.cc, step.summary
        needs = [need.question for need in step.needs]
    else:
        action = decision.action
        on = decision.due_on if decision.status == Status.scheduled and decision.due_on else today
        to, cc, first = decision.to, decision.cc, decision.reason
        needs = [need.question for need in decision.needs]
    task = _TASKS[action].format(who=join_names(to) or _NOBODY)
    title = f"{task} about the {notes.role} role at {notes.company}"
    shown = view(decision)
    lines = [first]
    if to or cc:
        lines.append(f"To: {join_names(to) or _NOBODY}" + (f" (cc {join_names(cc)})" if cc else ""))
    lines += [f"Needed: {need}" for need in needs]
    lines += [f"Then, if you hear nothing: {m.day}: {m.summary}" for m in shown.marks if not m.first and m.on > on]
    return CalendarEvent(
        uid=f"followup-{interview_uid(notes)}-{action.value}-{on.isoformat()}@followup.invalid",
        task=task,
        title=title,
        on=on,
        description="\n".join(lines),
    )


def event_label(event: CalendarEvent, today: date) -> str:
    """What a button that downloads ``event`` says: the step and its day."""
    when = "today" if event.on == today else day(event.on, today)
    return f"Add to calendar: {event.task}, {when}"
