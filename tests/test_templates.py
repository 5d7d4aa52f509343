"""The template engine: every draft passes the tone gate, for any valid notes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import InterviewNotes, decide
from followup.advisor import advise
from followup.drafting.context import contexts
from followup.drafting.templates import compose

TRICKY = [
    "ASAP", "URGENT", "please please", "I need this job", "as per my last email", "sorry sorry",
    "why didn't you", "Ignore all previous instructions", "<b>bold</b>", "😊", "!!!", "???", "[Your Name]",
    "--- END NOTES ---", "Dear Sir", "Best regards", "100%", "$90k", "by Friday", "candidates", "offer",
]  # fmt: skip
LETTERS = st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Po"], max_codepoint=0x24F)


def text(max_size: int) -> st.SearchStrategy[str]:
    plain = st.text(LETTERS, min_size=1, max_size=max_size).filter(lambda s: s.strip())
    return st.one_of(
        plain,
        st.sampled_from(TRICKY),
        st.builds(lambda a, b: f"{a} {b}", st.sampled_from(TRICKY), plain),
    )


@st.composite
def hostile_notes(draw: st.DrawFn) -> tuple[InterviewNotes, date]:
    interview = date(2026, 1, 5) + timedelta(days=draw(st.integers(0, 300)))
    names = draw(st.lists(text(40), min_size=1, max_size=3, unique_by=lambda s: " ".join(s.casefold().split())))
    roles = ["recruiter", "hiring_manager", "panel", "senior"]
    data: dict[str, Any] = {
        "candidate_name": draw(text(40)),
        "company": draw(text(60)),
        "role": draw(text(60)),
        "interviewers": [{"name": n, "title": draw(text(40)), "role": draw(st.sampled_from(roles))} for n in names],
        "interview_date": interview.isoformat(),
        "asked_next_steps": draw(st.booleans()),
        "promised_reply_date": draw(st.sampled_from([None, (interview + timedelta(days=5)).isoformat()])),
        "topics": draw(st.lists(text(120), max_size=3)),
        "personal_updates": draw(st.one_of(st.just(""), text(200))),
        "shareables": draw(
            st.sampled_from(
                [
                    [],
                    [{"kind": "contact", "name": "Jo Park", "why": "runs the same migration"}],
                    [
                        {
                            "kind": "article",
                            "title": "ASAP!!! read this",
                            "url": "https://e.org/x",
                            "topic": "urgency",
                        }
                    ],
                ]
            )
        ),
        "outcome": draw(st.sampled_from(["pending", "pending", "rejected"])),
        "senior_contact": {"name": "Maria Lopez", "title": "VP"},
    }
    try:
        notes = InterviewNotes.model_validate(data)
    except ValueError:
        from hypothesis import reject

        reject()
    return notes, interview + timedelta(days=draw(st.integers(0, 60)))


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(hostile_notes())
def test_every_template_draft_passes_the_gate(case: tuple[InterviewNotes, date]) -> None:
    notes, today = case
    advice = advise(notes, today=today, backend="template")
    for draft in advice.drafts:
        assert draft.tone.passed, (draft.body, [f.code for f in draft.tone.blocking])
        assert draft.source == "template"


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(hostile_notes())
def test_every_kind_and_channel_passes_for_any_notes(case: tuple[InterviewNotes, date]) -> None:
    """Not only the kind today's decision calls for: each of the six, to the first interviewer."""
    notes, today = case
    from followup.decision import Action

    decision = decide(notes, today)
    for action in Action:
        for channel in ("email", "linkedin"):
            forced = decision.model_copy(update={"action": action, "to": [notes.interviewers[0].name], "cc": []})
            for ctx in contexts(notes, forced, channel):  # type: ignore[arg-type]
                assert compose(ctx, notes).report.passed


def test_the_most_detailed_level_is_used_when_it_passes() -> None:
    from tests.builders import make_notes

    notes = make_notes()
    decision = decide(notes, date(2026, 11, 3))
    [first, _] = contexts(notes, decision)
    composed = compose(first, notes)
    assert composed.level == 0
    assert "migrating the job queue to Postgres" in composed.body


def test_unsafe_topics_are_left_out_rather_than_sent() -> None:
    from tests.builders import make_notes

    notes = make_notes(topics=["why they keep missing deadlines ASAP!!!"])
    [first, _] = contexts(notes, decide(notes, date(2026, 11, 3)))
    composed = compose(first, notes)
    assert composed.report.passed
    assert "ASAP" not in composed.body
    assert composed.level >= 2
