"""Properties of decide() over generated valid notes."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from followup import Decision, InterviewNotes, PolicyConfig, Status, decide
from followup.business_days import BusinessCalendar
from followup.models import name_key

from .strategies import notes_and_today


@given(notes_and_today())
def test_decide_never_raises_and_is_deterministic(case: tuple[InterviewNotes, date]) -> None:
    notes, today = case
    first = decide(notes, today)
    assert decide(notes, today) == first
    assert first.reason.endswith(".")
    if first.status == Status.now:
        assert first.due_on == today
    if first.status == Status.scheduled:
        assert first.due_on is not None
        assert first.due_on > today


@given(notes_and_today(), st.integers(1, 60))
def test_advancing_today_never_moves_down_the_ladder(case: tuple[InterviewNotes, date], days: int) -> None:
    notes, today = case
    before = decide(notes, today)
    after = decide(notes, today + timedelta(days=days))
    if before.action is None:
        assert after.action is None
    else:
        assert after.action is not None
        assert after.action.rank >= before.action.rank, (before.reason, after.reason)


def _messages(notes: InterviewNotes, decision: Decision) -> list[tuple[date, set[str]]]:
    """Every message the plan schedules, as (date, recipients), the decision's own first."""
    planned: list[tuple[date, set[str]]] = []
    if decision.action is not None and decision.status != Status.done and decision.due_on:
        planned.append((decision.due_on, {name_key(n) for n in decision.to + decision.cc}))
    planned += [(s.due_on, {name_key(n) for n in s.to + s.cc}) for s in decision.timeline]
    return planned


@given(notes_and_today())
def test_no_two_messages_to_one_person_within_the_gap(case: tuple[InterviewNotes, date]) -> None:
    notes, today = case
    gap = PolicyConfig().min_gap_same_person
    cal = BusinessCalendar(notes.country)
    decision = decide(notes, today)
    earlier = [(m.sent_on, {name_key(n) for n in m.to}) for m in notes.history]
    for when, people in _messages(notes, decision):
        for sent_on, to in earlier:
            if people & to:
                assert cal.between(sent_on, when) >= gap, (decision.rule, when, sent_on)
        earlier.append((when, people))


@given(notes_and_today())
def test_the_timeline_runs_forward_in_time(case: tuple[InterviewNotes, date]) -> None:
    notes, today = case
    decision = decide(notes, today)
    dates = [s.due_on for s in decision.timeline]
    assert dates == sorted(dates)
    assert all(day >= (decision.due_on or today) for day in dates)
