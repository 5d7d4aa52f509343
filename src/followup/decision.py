"""What the policy answers: the action for today, why, and the steps after it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Action(StrEnum):
    """The five actions, in ladder order: each one only follows the ones before it."""

    be_proactive = "be_proactive"
    be_interesting = "be_interesting"
    reconnect = "reconnect"
    take_it_up = "take_it_up"
    move_on = "move_on"

    @property
    def rank(self) -> int:
        return _LADDER.index(self)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LADDER = list(Action)
_LABELS = {
    Action.be_proactive: "Be proactive",
    Action.be_interesting: "Be interesting",
    Action.reconnect: "Reconnect",
    Action.take_it_up: "Take it up",
    Action.move_on: "Move on",
}


class Status(StrEnum):
    now = "now"  # do it today
    scheduled = "scheduled"  # do it on due_on, if nothing changes before then
    done = "done"  # nothing left to chase


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Need(_Out):
    """A piece of information the advisor needs and will not invent."""

    field: str
    question: str


class Step(_Out):
    """A later step of the plan, assuming the employer stays silent."""

    action: Action
    due_on: date
    to: list[str]
    cc: list[str] = []
    rule: str
    summary: str
    needs: list[Need] = []


class Decision(_Out):
    """The policy's answer for one interview on one day."""

    action: Action | None
    status: Status
    due_on: date | None
    rule: str
    reason: str
    needs: list[Need] = []
    timeline: list[Step] = []
    to: list[str] = []
    cc: list[str] = []
    today: date
