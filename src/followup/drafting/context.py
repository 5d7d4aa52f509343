"""What one message needs to know: who it is to, about what, and which facts it may use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from followup.decision import Action, Decision
from followup.models import (
    Article,
    Contact,
    InterviewerRole,
    InterviewNotes,
    MessageKind,
    Outcome,
    Person,
    name_key,
)
from followup.policy import promised_date
from followup.tone.report import Channel, DraftKind

#: Which message each action sends.
KIND_OF_ACTION = {
    Action.be_proactive: DraftKind.thank_you,
    Action.be_interesting: DraftKind.value_add,
    Action.reconnect: DraftKind.check_in,
    Action.take_it_up: DraftKind.escalation,
    Action.move_on: DraftKind.closing,
}

# Sequences that could close or open the data block of a prompt: neutralised in values.
_DELIMITERS = re.compile(r"-{3,}|={3,}|#{3,}|<{2,}|>{2,}|`{3,}|\b(?:BEGIN|END)\s+NOTES\b", re.I)


def data_value(text: str) -> str:
    """A notes value as it may appear inside the prompt's data block: one line, no delimiters."""
    return _DELIMITERS.sub(" ", " ".join(text.split()))


@dataclass(frozen=True)
class DraftContext:
    """Everything one draft may say, taken from the notes and the decision."""

    kind: DraftKind
    channel: Channel
    candidate: str
    company: str
    role: str
    recipient: Person
    recipient_role: str
    cc: tuple[Person, ...]
    interview_date: date
    topics: tuple[str, ...]
    shareable: Article | Contact | None
    personal_updates: str
    promised: date | None
    ask_timeline: bool
    missed_thank_you: bool
    rejected: bool = False  # the employer said no (a closing note thanks them for letting you know)
    index: int = 0  # this recipient's place among several of one action (varies the wording)
    prompt_id: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def first_name(self) -> str:
        return self.recipient.name.split()[0]

    def facts(self) -> str:
        """The fact sheet a model sees, one 'label: value' line each, values neutralised."""
        lines = [
            ("Candidate, who signs the message", self.candidate),
            (
                "Writing to",
                f"{self.recipient.name}, {self.recipient.title} ({self.recipient_role})",
            ),
            ("Company", self.company),
            ("Role applied for", self.role),
            (
                "Interview date",
                f"{self.interview_date:%A} {self.interview_date.day} {self.interview_date:%B}",
            ),
        ]
        if self.cc:
            lines.append(("In copy", ", ".join(f"{p.name}, {p.title}" for p in self.cc)))
        if self.topics:
            lines.append(("Discussed", "; ".join(self.topics)))
        if self.promised:
            lines.append(
                (
                    "They said a decision would come by",
                    f"{self.promised:%A} {self.promised.day} {self.promised:%B}",
                )
            )
        if isinstance(self.shareable, Article):
            lines.append(
                (
                    "Article to share",
                    f'"{self.shareable.title}" {self.shareable.url} (on {self.shareable.topic})',
                )
            )
        elif isinstance(self.shareable, Contact):
            lines.append(("Person to introduce", f"{self.shareable.name}, who {self.shareable.why}"))
        if self.personal_updates:
            lines.append(("Candidate's news", self.personal_updates))
        if self.ask_timeline:
            lines.append(("Also", "ask once, politely, about the timeline for next steps"))
        if self.missed_thank_you:
            lines.append(("Also", "no thank-you was sent after the interview: thank them briefly"))
        return "\n".join(f"{label}: {data_value(value)}" for label, value in lines)


def contexts(notes: InterviewNotes, decision: Decision, channel: Channel = Channel.email) -> list[DraftContext]:
    """One context per message the decision calls for (none when there is nothing to send,
    or when the message needs someone the notes do not name)."""
    if decision.action is None or decision.status.value == "done" or not decision.to:
        return []
    kind = KIND_OF_ACTION[decision.action]
    people = notes.people()
    cc = tuple(people[name_key(n)] for n in decision.cc)
    thanked = any(m.kind == MessageKind.thank_you for m in notes.history)
    shareable = notes.shareables[0] if notes.shareables and kind == DraftKind.value_add else None
    out = []
    for index, name in enumerate(decision.to):
        person = people[name_key(name)]
        role = person.role.value if hasattr(person, "role") else InterviewerRole.senior.value
        out.append(
            DraftContext(
                kind=DraftKind.linkedin_note if channel == Channel.linkedin else kind,
                channel=channel,
                candidate=notes.candidate_name,
                company=notes.company,
                role=notes.role,
                recipient=person,
                recipient_role=role.replace("_", " "),
                cc=cc,
                interview_date=notes.interview_date,
                topics=_rotate(tuple(notes.topics), index),
                shareable=shareable,
                personal_updates=notes.personal_updates,
                promised=promised_date(notes),
                ask_timeline=kind == DraftKind.thank_you and not notes.asked_next_steps,
                missed_thank_you=kind == DraftKind.check_in and not thanked,
                rejected=notes.outcome == Outcome.rejected,
                index=index,
            )
        )
    return out


def _rotate(topics: tuple[str, ...], index: int) -> tuple[str, ...]:
    """Each member of a panel hears first about a different topic."""
    if not topics:
        return topics
    shift = index % len(topics)
    return topics[shift:] + topics[:shift]
