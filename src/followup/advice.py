"""What advise() returns: the decision, the drafts that passed the gate, and how they were made."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from followup.decision import Decision, Need
from followup.tone.report import Channel, DraftKind, ToneReport
from followup.tone.task import DraftTask


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Usage(_Out):
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class Attempt(_Out):
    """One model attempt at a draft, kept whether it passed or not."""

    number: int
    text: str | None = None
    tone: ToneReport | None = None
    rejected_because: str | None = None
    error: str | None = None
    usage: Usage = Usage()
    latency_s: float = 0.0


class Draft(_Out):
    """A message ready to send: it passed the tone gate."""

    kind: DraftKind
    channel: Channel
    recipient: str
    recipient_title: str
    cc: list[str] = []
    subject: str | None
    body: str
    tone: ToneReport
    task: DraftTask | None = Field(
        None, description="What the tone check held it to beyond its kind: whom it greets, copies, shares."
    )
    source: Literal["model", "template"]
    backend: str
    model: str | None
    prompt_id: str
    prompt_version: int
    prompt_hash: str
    attempts: list[Attempt] = []
    fallback_reason: str | None = None
    usage: Usage = Usage()
    latency_s: float = 0.0
    notes_for_you: list[str] = Field(
        [], description="What the candidate should know before sending: a news item left out, and why."
    )


class Advice(_Out):
    """The advisor's whole answer for one interview on one day."""

    today: date
    decision: Decision
    drafts: list[Draft]
    needs: list[Need] = []
    reflection: list[str] = []
    backend: str
    model: str | None
    usage: Usage = Usage()
    latency_s: float = 0.0
