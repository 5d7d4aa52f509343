"""Builders for valid notes, shared by the tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from followup import InterviewNotes


def d(text: str) -> date:
    return date.fromisoformat(text)


DANA = {"name": "Dana Lee", "title": "Recruiter", "email": "dana@acme.example", "role": "recruiter"}
SAM = {"name": "Sam Ortiz", "title": "Engineering Manager", "role": "hiring_manager"}
ARTICLE = {
    "kind": "article",
    "title": "Feature flags at scale",
    "url": "https://example.org/flags",
    "topic": "feature flags",
}


def notes_data(**overrides: Any) -> dict[str, Any]:
    """Valid notes for an interview on Mon 2 Nov 2026 with a recruiter and a hiring manager."""
    data: dict[str, Any] = {
        "candidate_name": "Alex Morgan",
        "company": "Acme Robotics",
        "role": "Backend Engineer",
        "interviewers": [DANA, SAM],
        "interview_date": "2026-11-02",
        "asked_next_steps": True,
        "topics": ["migrating the job queue to Postgres"],
    }
    data.update(overrides)
    return data


def make_notes(**overrides: Any) -> InterviewNotes:
    return InterviewNotes.model_validate(notes_data(**overrides))


def sent(kind: str, on: str, *to: str) -> dict[str, Any]:
    return {"kind": kind, "sent_on": on, "to": list(to)}
