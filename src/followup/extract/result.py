"""What :func:`followup.extract_notes` returns: the notes so far, what is missing, unused, and why."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

#: The fields the advisor cannot decide or draft without, in the order the chat asks for them.
REQUIRED = ("interview_date", "interviewers", "company", "role", "candidate_name")
#: How the chat asks for each, one at a time, in plain words.
QUESTIONS = {
    "interview_date": "When was the interview?",
    "interviewers": "Who did you meet (name and title)?",
    "company": "Which company was it?",
    "role": "Which role did you interview for?",
    "candidate_name": "What is your name, to sign the messages?",
}


class Evidence(BaseModel):
    """One fact and the words it came from: ``turn`` (0 = oldest) and ``start:end`` in that turn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    value: str
    phrase: str
    turn: int
    start: int
    end: int


class ExtractResult(BaseModel):
    """The extractor's answer.

    ``notes`` has ``InterviewNotes``' JSON shape (``model_dump(mode="json")``) but may lack
    required fields, which ``missing`` names; ``unused`` quotes the sentences nothing was
    taken from; ``evidence`` maps each top-level field set to the phrases it came from.
    """

    model_config = ConfigDict(extra="forbid")

    notes: dict[str, Any]
    missing: list[str]
    unused: list[str]
    evidence: dict[str, list[Evidence]]
    engine: str = "rules"
    problems: list[str] = []

    @property
    def complete(self) -> bool:
        """Every required fact is known and the notes validate: the advisor can decide from them."""
        return not self.missing and not self.problems

    @property
    def question(self) -> str | None:
        """The one question to ask next, in plain words (None when nothing is missing)."""
        return QUESTIONS[self.missing[0]] if self.missing else None
