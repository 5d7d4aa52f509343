"""The chat cases of ``evals/chat/``: turns as people type them, the gold notes, the expected action.

The gold holds the facts the text states; :func:`complete` fills what the text
need not state (placeholder names, titles) so the policy can decide from the gold
alone, independently of any extractor.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from followup.decision import Action, Status
from followup.errors import one_line
from followup.models import EmployerReply, InterviewerRole, InterviewNotes, Outcome, SentMessage, Shareable
from followup.notes_io import YamlLoader


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldPerson(_Strict):
    """A person as the text gives them: the title only when the text says it."""

    name: str
    role: InterviewerRole = InterviewerRole.panel
    title: str | None = None


class ChatGold(_Strict):
    """The facts a case's turns state. Fields left out are not scored, except those with defaults."""

    candidate_name: str | None = None
    company: str | None = None
    role: str | None = None
    interviewers: Annotated[list[GoldPerson], Field(min_length=1)]
    interview_date: date
    promised_reply_date: date | None = None
    history: list[SentMessage] = []
    employer_replies: list[EmployerReply] = []
    outcome: Outcome = Outcome.pending
    senior_contact: GoldPerson | None = None
    shareables: list[Shareable] = []


class Expected(_Strict):
    action: Action | None
    status: Status


class ChatCase(_Strict):
    """One conversation: oldest turn first."""

    id: str
    turns: Annotated[list[str], Field(min_length=1)]
    today: date
    country: str | None = None
    gold: ChatGold
    expected: Expected
    tags: list[str] = []


class ChatCaseError(ValueError):
    """A case file that cannot be read: one line naming the file and the problem."""


_DEFAULT_TITLES = {
    InterviewerRole.recruiter: "Recruiter",
    InterviewerRole.hiring_manager: "Hiring Manager",
    InterviewerRole.panel: "Interviewer",
    InterviewerRole.senior: "Director",
}


def complete(gold: ChatGold, country: str | None = None) -> InterviewNotes:
    """The gold as full notes: placeholders where the text need not say (name, company, role, titles)."""
    data: dict[str, Any] = gold.model_dump(mode="json")
    data["candidate_name"] = data["candidate_name"] or "Candidate"
    data["company"] = data["company"] or "Company"
    data["role"] = data["role"] or "Role"
    data["interviewers"] = [_person(p) for p in data["interviewers"]]
    if data["senior_contact"]:
        senior = _person(data["senior_contact"])
        senior.pop("role")
        data["senior_contact"] = senior
    data["country"] = country
    data["asked_next_steps"] = data["promised_reply_date"] is not None
    return InterviewNotes.model_validate(data)


def _person(person: dict[str, Any]) -> dict[str, Any]:
    role = InterviewerRole(person["role"])
    return {"name": person["name"], "role": role.value, "title": person["title"] or _DEFAULT_TITLES[role]}


def load_chat_cases(paths: list[Path]) -> list[ChatCase]:
    """Every case in ``paths`` (YAML files holding a list of cases); ids must be unique."""
    cases: list[ChatCase] = []
    for path in paths:
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YamlLoader)  # 'on:' and 'NO' stay text
        except (OSError, yaml.YAMLError) as exc:
            raise ChatCaseError(f"{path}: cannot be read as YAML ({type(exc).__name__})") from None
        if not isinstance(raw, list):
            raise ChatCaseError(f"{path}: must hold a list of cases")
        for i, item in enumerate(raw):
            try:
                cases.append(ChatCase.model_validate(item))
            except ValidationError as exc:
                raise ChatCaseError(f"{path}: case {i + 1}: {one_line(exc)}") from None
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise ChatCaseError(f"case id {case.id!r} appears twice")
        seen.add(case.id)
    return cases
