"""The template engine: messages good enough to send, with no model at all.

Each kind is composed from the notes at several levels of detail. The first level
whose text passes the tone gate is used: with the topic, the candidate's news and
the names; then without the news; without the topic; and finally a plain message
that names nothing the notes could have made unsafe (a company called "ASAP
Logistics", a topic full of capitals). So a template draft passes the gate for any
valid notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from followup.drafting.context import DraftContext
from followup.models import Article, Contact, InterviewNotes
from followup.tone import ToneReport, evaluate_tone
from followup.tone.report import DraftKind
from followup.wording import join_names


@dataclass(frozen=True)
class Composed:
    subject: str | None
    body: str
    report: ToneReport
    level: int


def compose(ctx: DraftContext, notes: InterviewNotes) -> Composed:
    """The most detailed template message for ``ctx`` that passes the tone gate."""
    last: Composed | None = None
    for level, variant in enumerate(_levels(ctx)):
        body = _WRITERS[ctx.kind](variant)
        report = evaluate_tone(body, kind=ctx.kind, notes=notes, channel=ctx.channel)
        last = Composed(subject(variant), body, report, level)
        if report.passed:
            return last
    assert last is not None
    return last  # pragma: no cover - the plain level always passes (tested with hypothesis)


def subject(ctx: DraftContext) -> str | None:
    """A plain subject line; LinkedIn notes have none."""
    if ctx.kind == DraftKind.linkedin_note:
        return None
    role = ctx.role if ctx.extra.get("plain") != "yes" else "my interview"
    return {
        DraftKind.thank_you: f"Thank you: {role} interview",
        DraftKind.value_add: (
            f"An introduction: {ctx.shareable.name}"
            if isinstance(ctx.shareable, Contact) and ctx.extra.get("plain") != "yes"
            else "Something you may find useful"
        ),
        DraftKind.check_in: f"{role}: next steps",
        DraftKind.escalation: f"{role}: a question about timing",
        DraftKind.closing: f"Thank you: {role}",
    }[ctx.kind]


def _levels(ctx: DraftContext) -> Iterator[DraftContext]:
    yield ctx
    yield replace(ctx, personal_updates="")
    yield replace(ctx, personal_updates="", topics=())
    yield replace(ctx, personal_updates="", topics=(), extra={"plain": "yes"})
    yield replace(ctx, personal_updates="", topics=(), extra={"plain": "yes", "unsigned": "yes"})


# --- the pieces ---------------------------------------------------------------------------


def _plain(ctx: DraftContext) -> bool:
    return ctx.extra.get("plain") == "yes"


def _greeting(ctx: DraftContext) -> str:
    return "Hello," if _plain(ctx) else f"Dear {ctx.first_name},"


def _sign(ctx: DraftContext, close: str) -> str:
    return close if ctx.extra.get("unsigned") == "yes" else f"{close}\n{ctx.candidate}"


def _role(ctx: DraftContext) -> str:
    return "the role" if _plain(ctx) else f"the {ctx.role} role"


def _company(ctx: DraftContext) -> str:
    return "your team" if _plain(ctx) else ctx.company


def _when(ctx: DraftContext) -> str:
    if _plain(ctx):
        return "recently"
    return f"on {ctx.interview_date:%A}"


def _day(ctx: DraftContext) -> str:
    d = ctx.promised or ctx.interview_date
    return f"{d:%A} {d.day} {d:%B}"


def _pick(options: list[str], ctx: DraftContext) -> str:
    return options[ctx.index % len(options)]


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


# --- the kinds ----------------------------------------------------------------------------


def _thank_you(ctx: DraftContext) -> str:
    opening = _pick(
        [
            f"Thank you for taking the time to meet with me {_when(ctx)} about {_role(ctx)}.",
            f"Thank you for our conversation {_when(ctx)} about {_role(ctx)}.",
            f"I really appreciated the time you gave me {_when(ctx)} to talk about {_role(ctx)}.",
            f"Many thanks for meeting with me {_when(ctx)}; I enjoyed learning more about {_role(ctx)}.",
        ],
        ctx,
    )
    if ctx.topics:
        detail = _pick(
            [
                f"I especially enjoyed our discussion of {ctx.topics[0]}, and it made me even more "
                f"interested in the work of the team at {_company(ctx)}.",
                f"Our conversation about {ctx.topics[0]} stayed with me, and it confirmed how much I "
                f"would enjoy contributing to {_company(ctx)}.",
                f"I was glad to hear more about {ctx.topics[0]}; it is exactly the kind of work I hope to "
                f"do at {_company(ctx)}.",
            ],
            ctx,
        )
    else:
        detail = (
            f"I enjoyed learning how the team works, and the conversation made me even more interested "
            f"in joining {_company(ctx)}."
        )
    ask = (
        "If you are able to share it, I would be grateful to know what the timeline for the next steps looks like."
        if ctx.ask_timeline
        else ""
    )
    close = _pick(
        [
            "Thank you again for your time, and I look forward to hearing from you.",
            "Thank you again for a thoughtful conversation; I look forward to hearing from you.",
            "With thanks again for your time, I look forward to hearing from you.",
        ],
        ctx,
    )
    return _paragraphs(_greeting(ctx), f"{opening} {detail}", ask, _sign(ctx, f"{close}\n\nBest regards,"))


def _value_add(ctx: DraftContext) -> str:
    about = f"our conversation about {ctx.topics[0]}" if ctx.topics else "our recent conversation"
    item = ctx.shareable
    if isinstance(item, Article) and not _plain(ctx):
        share = (
            f'Since {about}, I thought you might find this useful: "{item.title}" ({item.url}). '
            f"It looks closely at {item.topic}, which seemed relevant to the work we discussed."
        )
    elif isinstance(item, Contact) and not _plain(ctx):
        share = (
            f"Thinking back to {about}, I thought of {_introduce(item)}. If it would be helpful, "
            "I would be glad to introduce you."
        )
    else:
        share = (
            "I wanted to share something I came across that relates to our recent conversation, in case "
            "it is useful to you and the team."
        )
    return _paragraphs(
        _greeting(ctx),
        f"I hope you are well. {share}",
        f"No need to reply; I simply thought it might be useful. Thank you again for the time you gave me "
        f"to talk about {_role(ctx)}.",
        _sign(ctx, "Best regards,"),
    )


def _introduce(contact: Contact) -> str:
    """'Ravi Menon, who led ...' or 'Kofi Mensah, a structural engineer who ...'."""
    why = contact.why.rstrip(".")
    first = why.split()[0].lower() if why.split() else ""
    if first in ("a", "an", "the", "my", "our", "one"):
        return f"{contact.name}, {why}"
    return f"{contact.name}, who {why}"


def _check_in(ctx: DraftContext) -> str:
    if ctx.promised and not _plain(ctx):
        ask = (
            f"You mentioned the team hoped to reach a decision by {_day(ctx)}, so I wanted to ask whether "
            f"there is any news on {_role(ctx)}."
        )
    else:
        ask = f"I wanted to ask whether there is any news on {_role(ctx)} since our conversation."
    thanks = f"Thank you again for the time you gave me {_when(ctx)}." if ctx.missed_thank_you else ""
    interest = f"I remain very interested in joining {_company(ctx)}"
    interest += f", and I enjoyed our conversation about {ctx.topics[0]}." if ctx.topics else "."
    news = (
        f"In case it is helpful for your planning: {ctx.personal_updates.rstrip('.')}." if ctx.personal_updates else ""
    )
    return _paragraphs(
        _greeting(ctx),
        f"I hope you are well. {ask}",
        " ".join(p for p in (thanks, interest, news) if p),
        _sign(ctx, "Thank you for your help,"),
    )


def _escalation(ctx: DraftContext) -> str:
    contacts = [p.name for p in ctx.cc]
    if _plain(ctx) or not contacts:
        loop = "and I have copied my contact in the process, who has kindly helped me throughout."
    else:
        verb = "has" if len(contacts) == 1 else "have"
        loop = f"and I have copied {join_names(contacts)}, who {verb} kindly been my contact throughout."
    when = "recently" if _plain(ctx) else f"on {ctx.interview_date.day} {ctx.interview_date:%B}"
    interest = f"I remain very interested in joining {_company(ctx)}"
    interest += f", and I enjoyed discussing {ctx.topics[0]}." if ctx.topics else "."
    return _paragraphs(
        _greeting(ctx),
        f"I hope you do not mind my writing. I interviewed for {_role(ctx)} {when}, {loop}",
        f"I know how busy hiring periods can be, and I wanted to ask whether there is any news on the role. {interest}",
        _sign(ctx, "Thank you for your time,"),
    )


def _closing(ctx: DraftContext) -> str:
    if ctx.rejected:
        opening = (
            f"Thank you for letting me know about {_role(ctx)}. I am grateful for the time everyone gave me "
            "during the process."
        )
    else:
        opening = (
            f"Thank you for your help during the process for {_role(ctx)}. As I have not heard back, I will "
            "assume the team has moved forward, and I completely understand."
        )
    enjoyed = f"I enjoyed our conversation about {ctx.topics[0]}" if ctx.topics else "I enjoyed meeting the team"
    return _paragraphs(
        _greeting(ctx),
        opening,
        f"{enjoyed}, and I would be glad to be considered for future roles at {_company(ctx)}. I wish you "
        "and the team all the best.",
        _sign(ctx, "Kind regards,"),
    )


def _linkedin_note(ctx: DraftContext) -> str:
    about = f"our conversation about {ctx.topics[0]}" if ctx.topics else f"our conversation about {_role(ctx)}"
    greeting = "Hello," if _plain(ctx) else f"Hi {ctx.first_name},"
    name = "" if ctx.extra.get("unsigned") == "yes" else f" {ctx.candidate.split()[0]}"
    return f"{greeting} thank you for {about}. I enjoyed it and would be glad to stay connected. Best,{name}\n"


_WRITERS: dict[DraftKind, Callable[[DraftContext], str]] = {
    DraftKind.thank_you: _thank_you,
    DraftKind.value_add: _value_add,
    DraftKind.check_in: _check_in,
    DraftKind.escalation: _escalation,
    DraftKind.closing: _closing,
    DraftKind.linkedin_note: _linkedin_note,
}
