"""What the tone check answers: findings with their exact spans, and scores."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class DraftKind(StrEnum):
    thank_you = "thank_you"
    value_add = "value_add"
    check_in = "check_in"
    escalation = "escalation"
    closing = "closing"
    linkedin_note = "linkedin_note"


class Channel(StrEnum):
    email = "email"
    linkedin = "linkedin"


class Severity(StrEnum):
    block = "block"  # the draft is not shown
    warn = "warn"  # shown, with the finding


class Check(StrEnum):
    """The checks, each with the score dimension it feeds."""

    courteous = "courteous"
    not_desperate = "not_desperate"
    not_irritated = "not_irritated"
    not_pushy = "not_pushy"
    concise = "concise"
    professional = "professional"
    faithful = "faithful"
    specific = "specific"
    kind_specific = "kind_specific"


DIMENSIONS: dict[Check, str] = {
    Check.courteous: "courtesy",
    Check.not_desperate: "composure",
    Check.not_irritated: "calm",
    Check.not_pushy: "restraint",
    Check.concise: "concision",
    Check.professional: "professionalism",
    Check.faithful: "faithfulness",
    Check.specific: "specificity",
    Check.kind_specific: "fit",
}


class Finding(BaseModel):
    """One problem, where it is, why it matters and what to write instead."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    check: Check
    code: str = Field(description="A stable id of the rule inside the check, e.g. 'pushy.asap'.")
    severity: Severity
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    message: str
    suggestion: str


class ToneReport(BaseModel):
    """The verdict on one draft: passed when no finding blocks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    passed: bool
    kind: DraftKind
    channel: Channel
    findings: list[Finding]
    scores: dict[str, float]
    words: int
    notes_checked: bool = Field(description="Whether faithfulness was checked against notes.")

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.block]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.warn]
