"""advise(): the decision and the drafts, composed. The only place that puts the parts together."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from followup.advice import Advice, Draft, Usage
from followup.backends.base import Backend
from followup.backends.choose import get_backend
from followup.config import PolicyConfig
from followup.decision import Action, Decision
from followup.drafting.context import DraftContext, contexts
from followup.drafting.gate import draft_one, too_similar
from followup.drafting.prompts import Prompt, load_prompts
from followup.models import InterviewNotes, Outcome
from followup.policy import decide
from followup.settings import current
from followup.tone.report import Channel


def advise(
    notes: InterviewNotes,
    *,
    today: date | None = None,
    backend: Backend | str | None = None,
    config: PolicyConfig | None = None,
    channel: Channel | str = Channel.email,
    prompts_dir: Path | None = None,
    deadline: float | None = None,
    decision: Decision | None = None,
) -> Advice:
    """Which action applies today, why, and a draft per recipient that passed the tone gate.

    ``backend`` is a name (``auto``, ``openai``, ``local``, ``template``), a backend
    object, or None for FOLLOWUP_BACKEND. Raises pydantic.ValidationError for notes that
    describe the future, and followup.backends.BackendError when the chosen backend
    cannot even be set up (a missing key); a model that fails while drafting gives the
    template draft instead, with the reason on the draft.

    ``deadline`` is the most seconds the drafting may take (default FOLLOWUP_DEADLINE,
    30), retries and slow answers included; a panel's drafts are written side by side
    when the backend allows (``parallel``), and a draft the model has not finished by then
    is the template's, with the reason. ``decision``, when the caller has already decided
    for these notes and ``today``, is used instead of deciding again.
    """
    start = time.perf_counter()
    decision, model, prompts, plan = _prepare(notes, today, backend, config, channel, prompts_dir, decision)
    until = _deadline(deadline) if model is not None else None  # the template engine needs no deadline
    if _parallel(model, plan):
        with ThreadPoolExecutor(max_workers=min(len(plan), _width(model))) as pool:
            first = list(pool.map(lambda ctx: draft_one(ctx, notes, model, prompts, [], until), plan))
        drafts = _without_twins(plan, first, lambda ctx, done: draft_one(ctx, notes, model, prompts, done, until))
    else:
        drafts = []
        for ctx in plan:
            drafts.append(draft_one(ctx, notes, model, prompts, drafts, until))
    return _advice(notes, decision, drafts, model, start)


async def aadvise(
    notes: InterviewNotes,
    *,
    today: date | None = None,
    backend: Backend | str | None = None,
    config: PolicyConfig | None = None,
    channel: Channel | str = Channel.email,
    prompts_dir: Path | None = None,
    deadline: float | None = None,
    decision: Decision | None = None,
) -> Advice:
    """As :func:`advise`, without blocking the event loop (it runs in a worker thread)."""
    return await asyncio.to_thread(
        advise,
        notes,
        today=today,
        backend=backend,
        config=config,
        channel=channel,
        prompts_dir=prompts_dir,
        deadline=deadline,
        decision=decision,
    )


def _deadline(seconds: float | None) -> float:
    """When drafting must be done: ``seconds`` from now, by default FOLLOWUP_DEADLINE."""
    return time.monotonic() + (seconds if seconds is not None else current().deadline)


def _width(model: Backend | None) -> int:
    return max(1, int(getattr(model, "parallel", 1)))


def _parallel(model: Backend | None, plan: list[DraftContext]) -> bool:
    """Draft a panel side by side when a model is asked and can answer several at once."""
    return model is not None and len(plan) > 1 and _width(model) > 1


def _without_twins(
    plan: list[DraftContext], first: list[Draft], redraft: Callable[[DraftContext, list[Draft]], Draft]
) -> list[Draft]:
    """Drafted side by side, the panel's drafts could not see each other: redraft one that
    came out too close to an earlier one, now that the earlier ones are known."""
    drafts: list[Draft] = []
    for ctx, draft in zip(plan, first, strict=True):
        drafts.append(redraft(ctx, drafts) if too_similar(draft.body, ctx, drafts) is not None else draft)
    return drafts


def _prepare(
    notes: InterviewNotes,
    today: date | None,
    backend: Backend | str | None,
    config: PolicyConfig | None,
    channel: Channel | str,
    prompts_dir: Path | None = None,
    decided: Decision | None = None,
) -> tuple[Decision, Backend | None, dict[str, Prompt], list[DraftContext]]:
    today = today or date.today()
    if decided is not None and decided.today != today:
        raise ValueError(f"decision: made for {decided.today}, not for {today}")
    decision = decided or decide(notes, today, config)
    plan = contexts(notes, decision, Channel(channel))
    model = get_backend(backend) if backend is None or isinstance(backend, str) else backend
    prompts = load_prompts(prompts_dir) if model is not None and plan else {}
    return decision, model, prompts, plan


def _advice(
    notes: InterviewNotes,
    decision: Decision,
    drafts: list[Draft],
    model: Backend | None,
    start: float,
) -> Advice:
    return Advice(
        today=decision.today,
        decision=decision,
        drafts=drafts,
        needs=decision.needs,
        reflection=reflection(notes, decision),
        backend=model.name if model is not None else "template",
        model=model.model if model is not None else None,
        usage=sum((d.usage for d in drafts), Usage()),
        latency_s=time.perf_counter() - start,
    )


def reflection(notes: InterviewNotes, decision: Decision) -> list[str]:
    """For move_on: what went well, what to improve, and the next step for the search."""
    if decision.action != Action.move_on:
        return []
    went_well = (
        f"What went well: you had real conversations about {notes.topics[0]}"
        + (f" and {len(notes.topics) - 1} more topic(s)" if len(notes.topics) > 1 else "")
        + "; note what made them work."
        if notes.topics
        else "What went well: note the questions you answered best, while you remember them."
    )
    improve = (
        "What to improve: ask them for feedback once, in your closing note or a month from now; and note "
        "the questions that felt hardest so you can prepare a story for each."
        if notes.outcome == Outcome.rejected
        else "What to improve: next time, ask before leaving when they expect to decide, so you know when to follow up."
        if not notes.asked_next_steps
        else "What to improve: note the questions that felt hardest and prepare a story for each."
    )
    return [
        went_well,
        improve,
        f"Next step: put the time you spent on {notes.company} into two new applications this week.",
    ]
