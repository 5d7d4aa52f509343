"""The chat: free text read by :func:`followup.extract_notes`, a facts card to confirm or
correct, and only then the decision and a draft.

Every message the person types about the interview is a turn; all turns are read again,
oldest first, after each one, so "actually it was Wednesday" corrects the earlier reading.
What the chat understood is shown on the facts card (:mod:`followup.ui.facts`), and the
advice is decided only from notes the person confirmed as shown there: "These are right"
(the button, or "yes") copies the card's notes to ``confirmed``; any later change to the
reading has to be confirmed again. "I sent it" records the draft shown as sent today.

The state is a plain JSON-able dict kept by the UI between turns; each function here
takes it and returns the reply (Markdown) and the new state, without touching the old one.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

from pydantic import ValidationError

from followup import service
from followup.errors import describe
from followup.extract import ExtractResult, extract_notes
from followup.models import InterviewNotes
from followup.ui import facts, redraft
from followup.ui.markdown import quoted, safe

__all__ = ["can_confirm", "card", "confirm", "form_notes", "new_state", "respond", "safe", "status"]

GREETING = "Tell me about your interview: who you met, where, when, and what they said about timing."
_AGREE = (
    r"(?:yes|yep|yeah|yup|y|ok|okay|sure|correct|right|confirm(?:ed)?|all good|looks (?:good|right)"
    r"|(?:that's|thats|that is|these are|they are|it's|all) (?:all )?(?:right|correct|good)|advise me)"
)
#: "yes", "That's right!", "yes, that's all correct, thanks": a confirmation, not a fact to read.
_YES = re.compile(rf"{_AGREE}(?: {_AGREE})*(?: please| thanks| thank you)?")
_SENT = re.compile(r"\bi(?:'ve| have)?\s+(?:just\s+)?sent\s+it\b|^\s*sent( it)?\s*[.!]*\s*$", re.I)
_SHORTER = re.compile(r"\bshorter\b", re.I)
_FORMAL = re.compile(r"\bformal\b", re.I)
_SENT_KIND = {"linkedin_note": "thank_you"}
#: How the answer to each question reads as a sentence the extractor knows.
_FRAMES = {
    "interview_date": "the interview was {}",
    "interviewers": "I met {}",
    "company": "at {}",
    "role": "for the {} role",
    "candidate_name": "I'm {}",
}
_LEAD = re.compile(r"^(?:it was|it's|its|the (?:company|role|job|position) (?:is|was)|(?:company|role)\s*:)\s+", re.I)
_SHORT_ANSWER = 8  # words: longer messages are read as they are


def new_state() -> dict[str, Any]:
    """An empty conversation: no turns, nothing read, nothing confirmed, no draft."""
    return {"turns": [], "sent": [], "reading": None, "changed": [], "confirmed": None, "draft": None}


def status(state: dict[str, Any]) -> str:
    """``empty`` (nothing read yet), ``needs`` (a required fact is missing or does not fit),
    ``check`` (complete and not yet confirmed) or ``confirmed`` (advice shown from it)."""
    reading = state.get("reading")
    if reading is None:
        return "empty"
    if reading["missing"] or reading["problems"]:
        return "needs"
    return "confirmed" if state.get("confirmed") == reading["notes"] else "check"


def can_confirm(state: dict[str, Any]) -> bool:
    """Whether "These are right: advise me" can be pressed: a complete reading not yet confirmed."""
    return status(state) == "check"


def card(state: dict[str, Any], today: date) -> str:
    """The facts card for the current reading (empty before the first message)."""
    return facts.facts_card(state.get("reading"), status=status(state), today=today, changed=state.get("changed", []))


def form_notes(state: dict[str, Any]) -> dict[str, Any]:
    """The notes as the card shows them, for the form (possibly incomplete)."""
    reading = state.get("reading")
    return copy.deepcopy(reading["notes"]) if reading else {}


def respond(
    message: str, state: dict[str, Any], today: date, backend: str | None = "template"
) -> tuple[str, dict[str, Any]]:
    """One message: a confirmation, a change to the draft shown, or more about the interview."""
    state = {**new_state(), **copy.deepcopy(state)}
    text = message.strip()
    if not text:
        return GREETING, state
    if _YES.fullmatch(_bare(text)) and state["reading"] is not None:
        return confirm(state, today, backend)
    if state["draft"] and status(state) == "confirmed":
        if _SHORTER.search(text):
            return _redraft(redraft.shorter, state)
        if _FORMAL.search(text):
            return _redraft(redraft.formal, state)
        if _SENT.search(text):
            return _sent(state, today, backend)
    return _read(text, state, today)


def confirm(state: dict[str, Any], today: date, backend: str | None = "template") -> tuple[str, dict[str, Any]]:
    """The person says the card is right: the decision and a draft, from exactly the card's notes."""
    state = {**new_state(), **copy.deepcopy(state)}
    now = status(state)
    if now == "empty":
        return GREETING, state
    if now == "needs":
        return "Not yet: " + _ask(state["reading"]), state
    state["confirmed"] = copy.deepcopy(state["reading"]["notes"])
    state["changed"] = []
    return _advise(state, today, backend, "")


def _bare(text: str) -> str:
    """'Yes, that's right!' as "yes that's right", for matching confirmations."""
    return " ".join(re.sub(r"[^\w' ]+", " ", text.lower().replace("\u2019", "'")).split())


def _read(text: str, state: dict[str, Any], today: date) -> tuple[str, dict[str, Any]]:
    """The message as one more turn: every turn read again, the card's changes noted."""
    before = state["reading"]["notes"] if state["reading"] else {}
    asked = state["reading"]["missing"][0] if state["reading"] and state["reading"]["missing"] else None
    turns, result = _extract([*state["turns"], text], state, today)
    if asked and asked in result.missing and len(text.split()) <= _SHORT_ANSWER:
        # "data analyst" in answer to "Which role...?": read as the answer to the question asked
        framed, answered = _extract([*state["turns"], _answer(asked, text)], state, today)
        if asked not in answered.missing:
            turns, result = framed, answered
    reading = result.model_dump(mode="json")
    reading["question"] = result.question
    state.update(turns=turns, reading=reading, changed=_changed(before, result.notes) if before else [])
    if state["changed"]:
        state["draft"] = None  # a draft from facts that are no longer the card's
    return _after_reading(text, state), state


def _extract(turns: list[str], state: dict[str, Any], today: date) -> tuple[list[str], ExtractResult]:
    known = {"history": state["sent"]} if state["sent"] else None
    return turns, extract_notes(turns, today=today, known=known)


def _answer(field: str, text: str) -> str:
    """A short answer put as the sentence it answers: "acme" -> "at acme"."""
    bare = _LEAD.sub("", text.strip()).strip(" .!")
    return _FRAMES[field].format(bare)


def _after_reading(text: str, state: dict[str, Any]) -> str:
    reading, now = state["reading"], status(state)
    if not state["changed"] and len(state["turns"]) > 1:
        lead = f"I found no new fact in “{safe(text)}”: say it another way, or edit the facts in the form. "
        if now == "confirmed":
            return lead + "The advice above still stands."
        return lead + (_ask(reading) if now == "needs" else "Please check the facts below.")
    if now == "needs":
        return ("Thanks: what I understood is below. " if len(state["turns"]) == 1 else "Noted. ") + _ask(reading)
    changed = ", ".join(facts.LABELS.get(f, f).lower() for f in state["changed"])
    lead = f"Changed: {safe(changed)}. " if state["changed"] else ""
    return (
        f"{lead}Please check the facts below. If they are right, say *yes* or press *These are right: advise me*; "
        "if not, tell me what to change."
    )


def _ask(reading: dict[str, Any]) -> str:
    if reading["problems"]:
        return "Something does not fit: " + safe(reading["problems"][0])
    return str(reading["question"])


def _changed(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [f for f in facts.LABELS if before.get(f) != after.get(f)]


def _sent(state: dict[str, Any], today: date, backend: str | None) -> tuple[str, dict[str, Any]]:
    """The draft shown was sent today: recorded in the notes the chat holds, then advice again."""
    draft = state["draft"]
    record = {
        "kind": _SENT_KIND.get(draft["kind"], draft["kind"]),
        "sent_on": today.isoformat(),
        "to": [draft["recipient"]],
    }
    state["sent"] = [*state["sent"], record]
    notes = state["reading"]["notes"]
    notes["history"] = [*notes.get("history", []), record]
    state["confirmed"] = copy.deepcopy(notes)
    state["changed"] = ["history"]
    return _advise(state, today, backend, f"Noted: sent to {safe(draft['recipient'])} today. ")


def _redraft(change: Any, state: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    notes = InterviewNotes.model_validate(state["confirmed"])
    reply, state["draft"] = change(state["draft"], notes)
    return reply, state


def _advise(state: dict[str, Any], today: date, backend: str | None, prefix: str) -> tuple[str, dict[str, Any]]:
    """The decision and the first draft, from the confirmed notes only."""
    try:
        notes = InterviewNotes.model_validate(state["confirmed"])
    except ValidationError as exc:
        state["confirmed"] = None
        return prefix + "Something in that doesn't fit: " + safe("; ".join(describe(exc)[:3])), state
    advised = service.advise(notes, today, backend)
    shown = advised.view
    lines = [f"{prefix}**{safe(shown.label)}**: {safe(shown.reason)}"]
    lines += [f"- {safe(m.day)}: {safe(m.summary)}" for m in shown.marks if not m.first]
    lines += [f"\n{safe(need)}" for need in shown.needs]
    state["draft"] = None
    if advised.advice.drafts:
        draft = advised.advice.drafts[0]
        state["draft"] = {
            "kind": draft.kind.value,
            "channel": draft.channel.value,
            "task": draft.task.model_dump() if draft.task else None,
            "recipient": draft.recipient,
            "subject": draft.subject,
            "body": draft.body,
        }
        writer = (
            f" (the built-in templates wrote it: {safe(advised.fallback_reason)})" if advised.fallback_reason else ""
        )
        lines.append(f"\nHere is a draft to {safe(draft.recipient)} (it passed the tone check){writer}:\n")
        lines.append(f"**Subject:** {safe(draft.subject or '')}\n\n{quoted(draft.body)}")
        lines.append("\nSay *make it shorter*, *more formal*, *I sent it*, or tell me what happened next.")
    return "\n".join(lines), state
