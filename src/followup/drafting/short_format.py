"""The short prompt a fine-tuned model reads: no instructions, no examples, only the facts.

The drafting adapter (``followup/adapters/drafting.gguf``) learned the task from examples,
so it is told only what this message must do, the day it goes out, the fact sheet the
few-shot prompts also carry, and what was sent before; then it writes after the greeting.
The training examples (``training/drafting/``) were written against this same text.
"""

from __future__ import annotations

from followup.drafting.context import DraftContext, data_value
from followup.models import Contact, InterviewNotes, MessageKind
from followup.textdates import spoken
from followup.tone.report import Channel, DraftKind

#: What each kind of message is for, as the model is told.
PURPOSE = {
    DraftKind.thank_you: "a thank-you after the interview",
    DraftKind.value_add: "a short note sharing the article below",
    DraftKind.check_in: "a check-in about the decision",
    DraftKind.escalation: "a polite note to someone more senior, because the check-in went unanswered",
    DraftKind.closing: "a graceful closing note",
}
INTRODUCTION = "a short note offering to introduce the person below"
SENT_KIND = {
    MessageKind.thank_you: "thank-you",
    MessageKind.check_in: "check-in",
    MessageKind.value_add: "note sharing something",
    MessageKind.escalation: "escalation",
}
HEADER = "### Facts"
MESSAGE = "### Message"
END = "### End"


def task(ctx: DraftContext) -> str:
    """'a check-in about the decision, by e-mail' / '..., as a LinkedIn message of at most 300 characters'."""
    kind = ctx.base_kind
    purpose = PURPOSE.get(kind, "a follow-up")
    if kind == DraftKind.value_add and isinstance(ctx.shareable, Contact):
        purpose = INTRODUCTION
    if ctx.channel == Channel.linkedin:
        return f"{purpose}, as a LinkedIn message of at most 300 characters (no subject, no cc)"
    return f"{purpose}, by e-mail"


def model_facts(ctx: DraftContext, notes: InterviewNotes) -> str:
    """What the tuned model reads for one message: its task, the day, the fact sheet, what was sent."""
    lines = [f"Message: {task(ctx)}"]
    if ctx.today is not None:
        lines.append(f"Today: {spoken(ctx.today)}")
    lines.append(ctx.facts())
    sent = [
        f"{SENT_KIND.get(m.kind, m.kind.value.replace('_', ' '))} on {spoken(m.sent_on)} to {', '.join(m.to)}"
        for m in notes.history
    ]
    if sent:
        lines.append(f"Sent so far: {data_value('; '.join(sent))}")
    if notes.employer_replies and not ctx.rejected:
        last = notes.employer_replies[-1]
        said = f"they wrote on {spoken(last.on)}"
        if last.new_promised_date is not None:
            said += f" that a decision would now come by {spoken(last.new_promised_date)}"
        lines.append(f"Their last reply: {said}")
    return "\n".join(lines)


def short_prompt(facts: str, opening: str = "") -> str:
    """The whole completion prompt for the tuned model."""
    return f"{HEADER}\n{facts.strip()}\n{MESSAGE}\n{opening}"
