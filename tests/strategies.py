"""Hypothesis strategies for valid interview notes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from followup import InterviewNotes

NAMES = ["Dana Lee", "Sam Ortiz", "Priya Shah", "Tom Becker", "Ruth Kim"]
ROLES = ["recruiter", "hiring_manager", "panel", "senior"]
KINDS = ["thank_you", "value_add", "check_in", "escalation", "closing"]
START = date(2025, 12, 1)


@st.composite
def notes_and_today(draw: st.DrawFn) -> tuple[InterviewNotes, date]:
    interview = START + timedelta(days=draw(st.integers(0, 60)))
    count = draw(st.integers(1, 4))
    people = draw(st.permutations(NAMES))[:count]
    interviewers = [{"name": n, "title": "Title", "role": draw(st.sampled_from(ROLES))} for n in people]
    senior = draw(st.sampled_from([None, {"name": "Maria Lopez", "title": "VP"}]))
    reachable = people + (["Maria Lopez"] if senior else [])

    def later(base: date, span: int) -> date:
        return base + timedelta(days=draw(st.integers(0, span)))

    history = [
        {
            "kind": draw(st.sampled_from(KINDS)),
            "sent_on": later(interview, 40).isoformat(),
            "to": draw(st.lists(st.sampled_from(reachable), min_size=1, max_size=2, unique=True)),
        }
        for _ in range(draw(st.integers(0, 5)))
    ]
    replies = []
    for _ in range(draw(st.integers(0, 2))):
        on = later(interview, 40)
        new = draw(st.one_of(st.none(), st.integers(0, 15)))
        replies.append(
            {
                "on": on.isoformat(),
                "new_promised_date": None if new is None else (on + timedelta(days=new)).isoformat(),
            }
        )
    promised = draw(st.one_of(st.none(), st.integers(0, 20)))
    data: dict[str, Any] = {
        "candidate_name": "Alex Morgan",
        "company": "Acme",
        "role": "Engineer",
        "interviewers": interviewers,
        "interview_date": interview.isoformat(),
        "asked_next_steps": draw(st.booleans()),
        "promised_reply_date": None if promised is None else (interview + timedelta(days=promised)).isoformat(),
        "shareables": draw(
            st.sampled_from([[], [{"kind": "contact", "name": "Jo Park", "why": "runs the same migration"}]])
        ),
        "history": history,
        "employer_replies": replies,
        "outcome": draw(st.sampled_from(["pending"] * 6 + ["rejected", "offer", "withdrawn"])),
        "senior_contact": senior,
        "country": draw(st.sampled_from([None, None, "US", "GB", "DE"])),
    }
    notes = InterviewNotes.model_validate(data)
    latest = max(
        [interview]
        + [date.fromisoformat(h["sent_on"]) for h in history]
        + [date.fromisoformat(r["on"]) for r in replies]
    )
    return notes, later(latest, 45)
