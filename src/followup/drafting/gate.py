"""The gate: a model draft is shown only if it passes the tone check.

A draft that fails is redrafted with the findings as feedback, at most twice more;
then the template draft is used, and the result says why. Failed attempts are kept
on the draft (for the evals and the curious), never shown as the draft.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import time
from collections.abc import Sequence
from pathlib import Path

from followup.advice import Attempt, Draft, Usage
from followup.backends.base import Backend, BackendError
from followup.backends.deadline import deadline_at
from followup.drafting.address import called
from followup.drafting.context import DraftContext
from followup.drafting.prompts import Prompt
from followup.drafting.short_format import model_facts
from followup.drafting.templates import compose, notes_for_you, subject
from followup.models import Article, Contact, InterviewNotes
from followup.tone import ToneReport, evaluate_tone
from followup.tone.report import DraftKind
from followup.tone.text import CLOSING_ALTERNATIVES

MAX_ATTEMPTS = 3
#: An attempt's text is kept for the evals and the curious up to this length; a server that
#: answers with megabytes must not make every result that size.
MAX_KEPT_CHARS = 4_000
#: Two drafts to members of one panel may not be more alike than this (difflib ratio,
#: with the recipients' names masked).
MAX_PANEL_SIMILARITY = 0.85
TEMPLATE_HASH = hashlib.sha256((Path(__file__).parent / "templates.py").read_bytes()).hexdigest()[:12]
_SUBJECT_LINE = re.compile(r"^\s*subject:.*\n+", re.I)
_ANY_SUBJECT_LINE = re.compile(r"^[ \t]*subject[ \t]*:", re.I | re.M)


def prompt_id(ctx: DraftContext) -> str:
    if ctx.kind == DraftKind.value_add and isinstance(ctx.shareable, Contact):
        return "introduction"
    if ctx.kind == DraftKind.value_add and not isinstance(ctx.shareable, Article):
        return "value_add"
    return ctx.kind.value


def draft_one(
    ctx: DraftContext,
    notes: InterviewNotes,
    backend: Backend | None,
    prompts: dict[str, Prompt],
    earlier: Sequence[Draft] = (),
    deadline: float | None = None,
) -> Draft:
    """One recipient's draft: the model's if it passes the gate, else the template's.

    ``deadline`` (``time.monotonic()``) bounds the model's work: no attempt starts after
    it, and the backend cancels a request still running when it passes."""
    start = time.perf_counter()
    if backend is None:
        return _template(ctx, notes, "template", None, [], None, start)
    with deadline_at(deadline):
        return _draft_with_model(ctx, notes, backend, prompts, earlier, deadline, start)


def _draft_with_model(
    ctx: DraftContext,
    notes: InterviewNotes,
    backend: Backend,
    prompts: dict[str, Prompt],
    earlier: Sequence[Draft],
    deadline: float | None,
    start: float,
) -> Draft:
    prompt = prompts[prompt_id(ctx)]
    attempts: list[Attempt] = []
    feedback: list[str] = []
    reason = None
    mode = getattr(backend, "mode", "chat")
    base_model = mode in ("completion", "short")
    facts = model_facts(ctx, notes) if mode == "short" else ctx.facts()
    task = ctx.task()
    for number in range(1, MAX_ATTEMPTS + 1):
        if deadline is not None and time.monotonic() >= deadline:
            reason = f"{reason}; no time was left for another attempt" if reason else "no time was left for the model"
            break
        try:
            generation = backend.generate(prompt, facts, feedback, opening(ctx) if base_model else "")
        except BackendError as exc:
            attempts.append(Attempt(number=number, error=exc.reason))
            reason = f"the model could not be used: {exc.reason}"
            break
        body = clean(generation.text)
        if base_model:
            body = signed(body, ctx)
        report = evaluate_tone(body, kind=ctx.kind, notes=notes, channel=ctx.channel, today=ctx.today, task=task)
        usage = Usage(prompt_tokens=generation.prompt_tokens, completion_tokens=generation.completion_tokens)
        twin = too_similar(body, ctx, earlier)
        rejected = None
        if not report.passed:
            rejected = "; ".join(sorted({f.code for f in report.blocking}))
        elif twin is not None:
            rejected = f"too similar to the draft for {twin.recipient}"
        attempts.append(
            Attempt(
                number=number, text=kept(body), tone=report, rejected_because=rejected,
                usage=usage, latency_s=generation.latency_s,
            )
        )  # fmt: skip
        if rejected is None:
            return Draft(
                kind=ctx.kind, channel=ctx.channel, recipient=ctx.recipient.name,
                recipient_title=ctx.recipient.title, cc=[p.name for p in ctx.cc],
                subject=subject(ctx), body=body, tone=report, task=task, source="model",
                backend=backend.name, model=generation.model, prompt_id=prompt.id,
                prompt_version=prompt.spec.version, prompt_hash=prompt.hash, attempts=attempts,
                usage=_total(attempts), latency_s=time.perf_counter() - start, notes_for_you=notes_for_you(ctx),
            )  # fmt: skip
        feedback = _feedback(report, twin)
        reason = f"the model's drafts did not pass the tone check ({rejected})"
    return _template(ctx, notes, backend.name, backend.model, attempts, reason, start)


def kept(text: str) -> str:
    """An attempt's text as it is kept: whole up to MAX_KEPT_CHARS, then cut with a note."""
    if len(text) <= MAX_KEPT_CHARS:
        return text
    return text[:MAX_KEPT_CHARS] + f"\n[... {len(text) - MAX_KEPT_CHARS:,} more characters not kept]"


def clean(text: str) -> str:
    """The model's text as a draft: no subject line, no stray prompt markers, trimmed."""
    for marker in ("### End", "### Facts", "END NOTES", "### Message"):
        text = text.split(marker)[0]
    text = text.strip() + "\n"
    if len(_ANY_SUBJECT_LINE.findall(text)) == 1:
        # One subject line is the model's idea of a subject: dropped. Two stay, for the tone
        # check to block: a body that starts with a second "Subject:" is not a message.
        text = _SUBJECT_LINE.sub("", text, count=1)
    return text.strip() + "\n"


def opening(ctx: DraftContext) -> str:
    """Where a base model starts writing: the greeting, with the right name."""
    if ctx.kind == DraftKind.linkedin_note:
        return f"Hi {ctx.first_name},"
    return f"Dear {ctx.first_name},\n\n"


_SIGN_OFF = re.compile(rf"^[ \t]*(?i:{CLOSING_ALTERNATIVES})[ \t]*[,.!]?[ \t]*$", re.M)


def signed(body: str, ctx: DraftContext) -> str:
    """A base model's draft with the advisor's own sign-off: what follows the model's last
    closing line becomes the candidate's name (small models sign with any name they saw)."""
    if ctx.kind == DraftKind.linkedin_note:
        return body
    closings = list(_SIGN_OFF.finditer(body))
    if closings:
        return body[: closings[-1].end()].rstrip() + f"\n{ctx.candidate}\n"
    return body.rstrip() + f"\n\nBest regards,\n{ctx.candidate}\n"


def similarity(a: str, b: str, names: tuple[str, str]) -> float:
    for name in names:
        a = a.replace(name, "NAME")
        b = b.replace(name, "NAME")
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def too_similar(body: str, ctx: DraftContext, earlier: Sequence[Draft]) -> Draft | None:
    """The earlier draft of the same kind that ``body`` nearly repeats (names masked), if any."""
    for other in earlier:
        if other.kind != ctx.kind:
            continue
        names = (ctx.first_name, called(other.recipient, ctx.country))
        if similarity(body, other.body, names) > MAX_PANEL_SIMILARITY:
            return other
    return None


def _feedback(report: ToneReport, twin: Draft | None) -> list[str]:
    items = [f'"{f.quote[:80]}": {f.message} {f.suggestion}' for f in report.blocking[:6]]
    if twin is not None:
        items.append(f"It is almost the same as the message to {twin.recipient}; write it differently.")
    return items


def _total(attempts: list[Attempt]) -> Usage:
    return sum((a.usage for a in attempts), Usage())


def _template(
    ctx: DraftContext,
    notes: InterviewNotes,
    backend: str,
    model: str | None,
    attempts: list[Attempt],
    reason: str | None,
    start: float,
) -> Draft:
    composed = compose(ctx, notes)
    return Draft(
        kind=ctx.kind, channel=ctx.channel, recipient=ctx.recipient.name,
        recipient_title=ctx.recipient.title, cc=[p.name for p in ctx.cc],
        subject=composed.subject, body=composed.body, tone=composed.report, task=ctx.task(), source="template",
        backend=backend, model=model, prompt_id=f"template.{ctx.kind.value}", prompt_version=1,
        prompt_hash=TEMPLATE_HASH, attempts=attempts, fallback_reason=reason,
        usage=_total(attempts), latency_s=time.perf_counter() - start,
        notes_for_you=notes_for_you(ctx, composed.level),
    )  # fmt: skip
