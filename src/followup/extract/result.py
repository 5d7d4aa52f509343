"""What :func:`followup.extract_notes` returns: the notes so far, what is missing, unused, and why."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

#: The fields the advisor cannot decide or draft without, in the order the chat asks for them.
REQUIRED = ("interview_date", "interviewers", "company", "role", "candidate_name")


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
        return not self.missing and not self.problems
