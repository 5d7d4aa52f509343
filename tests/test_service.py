"""The service layer and the presentation model: what every front end calls and draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from followup import presentation, service
from followup.backends.base import MissingCredentials
from followup.decision import Action
from followup.policy import decide
from followup.reminders import calendar
from followup.store import Store

from .builders import d, make_notes

NORTHWIND = Path(__file__).parent.parent / "examples" / "northwind.yaml"


def test_a_backend_that_cannot_be_set_up_falls_back_to_templates_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    choice = service.choose_backend("openai")
    assert choice.backend is None
    assert choice.fallback_reason is not None
    assert choice.fallback_reason.startswith("the model could not be set up (OPENAI_API_KEY is not set")
    advised = service.advise(make_notes(), d("2026-11-03"), "openai")
    assert advised.fallback_reason == choice.fallback_reason
    assert advised.advice.backend == "template"
    assert [draft.recipient for draft in advised.advice.drafts] == ["Dana Lee", "Sam Ortiz"]


def test_a_backend_failing_while_set_up_is_caught_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name: str | None = None) -> None:
        raise MissingCredentials("no key for you")

    monkeypatch.setattr(service, "get_backend", refuse)
    advised = service.advise(make_notes(), d("2026-11-03"), "auto")
    assert advised.fallback_reason == "the model could not be set up (no key for you)"
    assert advised.advice.drafts


def test_the_template_backend_gives_no_fallback_reason() -> None:
    advised = service.advise(make_notes(), d("2026-11-03"), "template")
    assert advised.fallback_reason is None
    assert advised.view.headline == "Be proactive: today"


def test_saving_twice_updates_one_interview(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        first = service.save(store, make_notes())
        again = service.save(store, make_notes(topics=["something new"], company="  ACME robotics "))
        other = service.save(store, make_notes(interview_date="2026-11-03"))
        assert (first.added, again.added, other.added) == (True, False, True)
        assert again.id == first.id != other.id
        assert [i.notes.topics for i in store.interviews()] == [
            ["something new"],
            ["migrating the job queue to Postgres"],
        ]


def test_recording_in_the_future_is_refused_in_one_place(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        saved = service.save(store, make_notes())
        with pytest.raises(service.FutureDate, match="sent on 2026-11-10 is after today"):
            service.record_sent(store, saved.id, "thank_you", ["Dana Lee"], d("2026-11-10"), d("2026-11-05"))
        with pytest.raises(service.FutureDate, match="the reply on 2026-11-10 is after today"):
            service.record_reply(store, saved.id, d("2026-11-10"), None, d("2026-11-05"))
        notes = service.record_sent(store, saved.id, "thank_you", [], d("2026-11-03"), d("2026-11-05"))
        assert notes.history[0].to == ["Dana Lee", "Sam Ortiz"]  # nobody named: everyone interviewed


def test_the_cli_text_is_drawn_from_the_presentation_model() -> None:
    decision = decide(make_notes(), d("2026-11-03"))
    shown = presentation.view(decision)
    text = presentation.text(decision)
    assert text.splitlines()[:2] == [
        "[BE PROACTIVE] > be interesting > reconnect > take it up > move on",
        shown.headline,
    ]
    assert f"Why: {shown.reason}" in text
    assert [m.first for m in shown.marks] == [True] + [False] * (len(shown.marks) - 1)
    assert shown.marks[0].day == "today"


def test_the_calendar_event_is_the_next_step_with_its_own_date_and_a_stable_uid() -> None:
    from followup import load_notes

    notes = load_notes(NORTHWIND).model_copy(update={"history": [], "interview_date": d("2026-11-25")})
    decision = decide(notes, d("2026-11-26"))
    assert decision.action == Action.be_proactive
    event = presentation.calendar_event(notes, decision, after_today=True)
    assert event is not None
    assert event.title == "Check in with Tom Becker about the Senior Data Analyst role at Northwind Analytics"
    assert event.on == decision.timeline[0].due_on != d("2026-11-26")
    again = presentation.calendar_event(notes, decide(notes, d("2026-11-26")), after_today=True)
    assert again is not None
    assert again.uid == event.uid
    other = notes.model_copy(update={"role": "Staff Data Analyst"})
    other_event = presentation.calendar_event(other, decide(other, d("2026-11-26")), after_today=True)
    assert other_event is not None
    assert other_event.uid != event.uid
    today_event = presentation.calendar_event(notes, decision)
    assert today_event is not None
    assert today_event.on == d("2026-11-26")
    assert today_event.uid != event.uid
    [written] = Calendar.from_ical(calendar([event])).walk("VEVENT")
    assert str(written["summary"]) == event.title
    assert written.decoded("dtstart").date() == event.on
    assert str(written["uid"]) == event.uid


def test_nothing_to_chase_has_no_calendar_event() -> None:
    notes = make_notes(outcome="offer")
    decision = decide(notes, d("2026-11-05"))
    assert presentation.calendar_event(notes, decision) is None
    assert presentation.view(decision).headline == "Nothing to chase"
