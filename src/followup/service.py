"""The one service layer under the command line, the web UI and the chat.

Front ends lay out and wire; everything they *do* goes through here, so the rules are
in one place: which backend writes the drafts and what happens when it cannot be set
up (the template engine, with the reason), advising, recording what was sent, a reply
or an outcome (never in the future), and saving an interview to the tracker as an
upsert (one interview per candidate, company, role and interview date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from followup.advice import Advice
from followup.advisor import advise as _advise
from followup.backends.base import Backend, BackendError
from followup.backends.choose import get_backend
from followup.decision import Decision
from followup.drafting.prompts import PromptError
from followup.models import InterviewNotes, MessageKind, Outcome
from followup.policy import decide
from followup.presentation import DecisionView, view
from followup.store import Store, StoreError
from followup.tone import evaluate_tone
from followup.tone.report import Channel, ToneReport
from followup.tone.task import DraftTask


class FutureDate(StoreError):
    """Something recorded as happened on a day after today."""


class NotTracked(StoreError):
    """No interview with that id in the tracker."""


@dataclass(frozen=True)
class BackendChoice:
    """The backend that will write the drafts (None: the template engine) and, when the
    one asked for could not be set up, why not, in words for the person."""

    backend: Backend | None
    fallback_reason: str | None = None


@dataclass(frozen=True)
class Advised:
    """What advising gives a front end: the advice, and why the template engine wrote the
    drafts when another backend was asked for and could not be set up."""

    advice: Advice
    fallback_reason: str | None = None

    @property
    def view(self) -> DecisionView:
        return view(self.advice.decision)


@dataclass(frozen=True)
class Saved:
    """An interview saved to the tracker: its id, and whether it was new or an update."""

    id: int
    added: bool


@dataclass(frozen=True)
class Tracked:
    """One interview in the tracker with today's decision (None when its notes describe
    something after today and cannot be decided yet)."""

    id: int
    notes: InterviewNotes
    decision: Decision | None


def choose_backend(name: str | None = None) -> BackendChoice:
    """The backend named (``auto``, ``openai``, ``local``, ``template``; None: FOLLOWUP_BACKEND),
    or the template engine with the reason when it cannot be set up (a missing key, a
    missing package)."""
    try:
        return BackendChoice(get_backend(name))
    except BackendError as exc:
        return BackendChoice(None, f"the model could not be set up ({exc.reason})")
    except (ImportError, OSError, ValueError) as exc:
        return BackendChoice(None, f"the model could not be set up ({exc})")


def plan(notes: InterviewNotes, today: date) -> Decision:
    """Which action applies today, why, and the steps after it (no drafts)."""
    return decide(notes, today)


def advise(
    notes: InterviewNotes,
    today: date,
    backend: str | None = None,
    *,
    channel: Channel | str = Channel.email,
    fallback: bool = True,
    decision: Decision | None = None,
) -> Advised:
    """The decision and the drafts. A backend that cannot be set up, or prompt files that
    cannot be read, never stop the advice: the template engine writes, and says why.
    With ``fallback=False`` (the command line, where a named backend is a promise) the
    BackendError is raised instead. ``decision`` is the one already made for these notes
    and ``today`` (the web UI shows it first), so that nothing decides twice."""
    if not fallback:
        return Advised(_advise(notes, today=today, backend=backend, channel=channel, decision=decision))
    choice = choose_backend(backend)
    if choice.backend is not None:
        try:
            return Advised(_advise(notes, today=today, backend=choice.backend, channel=channel, decision=decision))
        except (BackendError, PromptError, OSError) as exc:
            reason = exc.reason if isinstance(exc, BackendError) else str(exc)
            choice = BackendChoice(None, f"the model could not be set up ({reason})")
    return Advised(
        _advise(notes, today=today, backend="template", channel=channel, decision=decision), choice.fallback_reason
    )


def recheck(
    text: str, kind: str, notes: InterviewNotes, channel: str, task: DraftTask | dict[str, Any] | None = None
) -> ToneReport:
    """The tone check of a draft the person edited, against the notes it was written from
    and, when known, the task it was written for (whom it greets, copies, shares)."""
    held_to = DraftTask.model_validate(task) if isinstance(task, dict) else task
    return evaluate_tone(text, kind=kind, notes=notes, channel=channel, task=held_to)


def not_future(on: date, today: date, what: str) -> date:
    """``on``, or FutureDate when it is after ``today``: only what has happened is recorded."""
    if on > today:
        raise FutureDate(f"{what} {on} is after today; record it once it has happened")
    return on


def record_sent(
    store: Store, interview_id: int, kind: MessageKind | str, to: list[str], on: date, today: date
) -> InterviewNotes:
    """A message the person confirms they sent (drafts are never recorded as sent); sent to
    ``to``, or with no names to everyone interviewed."""
    on = not_future(on, today, "sent on")
    names = to or [p.name for p in _notes(store, interview_id).interviewers]
    return store.record_sent(interview_id, kind, names, on)


def record_reply(
    store: Store, interview_id: int, on: date, new_promised_date: date | None, today: date
) -> InterviewNotes:
    """The employer replied on ``on``, perhaps with a new date to decide by."""
    on = not_future(on, today, "the reply on")
    _notes(store, interview_id)
    return store.record_reply(interview_id, on, new_promised_date)


def set_outcome(store: Store, interview_id: int, outcome: Outcome | str) -> InterviewNotes:
    """The outcome: pending, rejected, offer or withdrawn."""
    _notes(store, interview_id)
    return store.set_outcome(interview_id, outcome)


def _notes(store: Store, interview_id: int) -> InterviewNotes:
    try:
        return store.get(interview_id).notes
    except StoreError:
        raise NotTracked(f"no interview with id {interview_id} in the tracker") from None


def save(store: Store, notes: InterviewNotes) -> Saved:
    """Save ``notes`` to the tracker: a new interview, or an update of the one with the same
    candidate, company, role and interview date (saving twice never makes two)."""
    interview_id, added = store.upsert(notes)
    return Saved(interview_id, added)


def tracked(store: Store, today: date) -> list[Tracked]:
    """Every interview with today's decision: the most urgent first, as ``due`` orders them."""
    decisions = {item.id: item.decision for item in store.due(today)}
    interviews = store.interviews()
    order = {interview_id: rank for rank, interview_id in enumerate(decisions)}
    ranked = sorted(interviews, key=lambda i: (order.get(i.id, len(order)), i.id))
    return [Tracked(i.id, i.notes, decisions.get(i.id)) for i in ranked]
