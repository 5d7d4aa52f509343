"""The chat: notes from a free-text description, questions for what is missing, and follow-ups.

Extraction is rule-based (names, company, role, topics) with ``dateparser`` for dates
relative to today ("last Tuesday", "by Friday"). The state is a plain dict, kept by the
UI between turns; every turn returns the reply and the new state.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from followup import service
from followup.errors import describe
from followup.models import InterviewNotes
from followup.tone import evaluate_tone

_NAME = r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)+"
_PERSON = re.compile(
    rf"\b(?:met|meeting|with|spoke to|talked to|interviewed with|interviewed by)\s+(?:with\s+)?(?P<name>{_NAME})"
    r"(?:,\s*(?:the\s+)?(?P<title>[^,;.]+?)(?:\s+(?:at|of)\s+(?P<company>[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*)*))?(?=[,;.]|\s+on\b|\s+for\b|$))?"
)
_COMPANY = re.compile(r"\b(?:at|with the team at|from)\s+(?P<company>[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*)*)")
_ROLE = re.compile(r"\bfor (?:the|a|an)\s+(?P<role>[\w\s\-/&]+?)\s+(?:role|position|job|opening)\b", re.I)
_ME = re.compile(rf"\b(?i:my name is|i am|i'm|this is)\s+(?P<name>{_NAME})")
_BARE_NAME = re.compile(rf"^\s*(?P<name>{_NAME})\s*\.?\s*$")
_WHEN = re.compile(
    r"\b(?P<when>(?:on\s+)?(?:last\s+|this\s+past\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|yesterday|today|(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+|(?:on\s+)?[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d+\s+days?\s+ago)\b",
    re.I,
)
_PROMISE = re.compile(
    r"\b(?:decide|decision|hear(?: back)?|get back(?: to me)?|let me know|news|come back)\w*"
    r"\s+(?:by|before|within|in)\s+(?P<when>[^.;,]+)",
    re.I,
)
_TOPIC = re.compile(r"\b(?:talked|spoke|chatted|discussed|we discussed)(?:\s+about)?\s+(?P<topic>[^.;]+)", re.I)
_REPLIED = re.compile(r"\b(?:they|she|he|recruiter|hiring manager)\s+(?:replied|wrote back|answered|got back)", re.I)
_SENT = re.compile(r"\bi(?:'ve| have)?\s+sent\s+it\b|\bsent it\b", re.I)

REQUIRED = [
    ("candidate_name", "What is your name, to sign the messages?"),
    ("interviewer", "Who did you meet? Their name and title, e.g. 'Priya Shah, Head of Data'."),
    ("company", "Which company was it?"),
    ("role", "Which role did you interview for?"),
    ("interview_date", "When was the interview? ('yesterday', 'last Tuesday', '10 November')"),
]


def new_state() -> dict[str, Any]:
    return {"interviewers": [], "topics": [], "history": [], "employer_replies": [], "draft": None}


def when(text: str, today: date, *, future: bool) -> date | None:
    import dateparser

    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime.combine(today, datetime.min.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    cleaned = re.sub(r"^(on|by|before|within|in)\s+", "", text.strip(), flags=re.I)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        return None
    found: date = parsed.date()
    if future and found < today:
        return None
    if not future and found > today:
        return None
    return found


def extract(message: str, state: dict[str, Any], today: date) -> None:
    """Whatever the message tells, added to the state."""
    if me := _ME.search(message):
        state["candidate_name"] = me.group("name")
    for person in _PERSON.finditer(message):
        name = person.group("name")
        if state.get("candidate_name") == name or any(p["name"] == name for p in state["interviewers"]):
            continue
        title = (person.group("title") or "").strip()
        state["interviewers"].append({"name": name, "title": title or "Interviewer", "role": _role_of(title)})
        if person.group("company"):
            state["company"] = person.group("company")
    if "company" not in state and (company := _COMPANY.search(message)):
        state["company"] = company.group("company")
    if role := _ROLE.search(message):
        state["role"] = " ".join(w if w.isupper() else w.capitalize() for w in role.group("role").split())
    if promise := _PROMISE.search(message):
        promised = when(promise.group("when"), today, future=True)
        if promised:
            state["promised_reply_date"] = promised.isoformat()
    rest = _PROMISE.sub(" ", message)
    if "interview_date" not in state:
        for match in _WHEN.finditer(rest):
            found = when(match.group("when"), today, future=False)
            if found:
                state["interview_date"] = found.isoformat()
                break
    for topic in _TOPIC.finditer(message):
        text = topic.group("topic").strip()
        if text and text not in state["topics"]:
            state["topics"].append(text)


def _role_of(title: str) -> str:
    lowered = title.lower()
    if any(w in lowered for w in ("recruit", "talent", "people partner", "hr ")):
        return "recruiter"
    if any(w in lowered for w in ("head", "manager", "director", "lead")):
        return "hiring_manager"
    if any(w in lowered for w in ("vp", "chief", "cto", "ceo", "president")):
        return "senior"
    return "panel"


def missing(state: dict[str, Any]) -> list[tuple[str, str]]:
    """The fields still needed, each with the question that asks for it."""
    out = []
    for field, question in REQUIRED:
        present = state.get("interviewers") if field == "interviewer" else state.get(field)
        if not present:
            out.append((field, question))
    return out


def notes_from_state(state: dict[str, Any]) -> InterviewNotes:
    data = {k: v for k, v in state.items() if k in InterviewNotes.model_fields and v not in (None, [])}
    data.pop("asked", None)
    data["interviewers"] = state["interviewers"]
    data.setdefault("asked_next_steps", bool(state.get("promised_reply_date")))
    return InterviewNotes.model_validate(data)


def respond(
    message: str, state: dict[str, Any], today: date, backend: str | None = "template"
) -> tuple[str, dict[str, Any]]:
    """One turn: the reply (Markdown) and the new state."""
    state = {**new_state(), **state}
    text = message.strip()
    if not text:
        return "Tell me about your interview: who you met, where, when, and what they said about timing.", state
    lowered = text.lower()
    if state.get("draft") and re.search(r"\bshorter\b", lowered):
        return _shorter(state, today)
    if state.get("draft") and re.search(r"\bformal\b", lowered):
        return _formal(state, today)
    if state.get("draft") and _SENT.search(text):
        draft = state["draft"]
        state["history"].append(
            {"kind": _sent_kind(draft["kind"]), "sent_on": today.isoformat(), "to": [draft["recipient"]]}
        )
        state["draft"] = None
        return _advise(state, today, backend, "Noted: sent today. ")
    if _REPLIED.search(text) and state.get("interview_date"):
        reply: dict[str, Any] = {"on": today.isoformat()}
        rest = re.split(r"replied|wrote back|answered|got back", text, maxsplit=1, flags=re.I)[-1]
        new = (
            when(rest.replace("said", "").replace("and", "").strip(" .,"), today, future=True) if rest.strip() else None
        )
        if new and new > today:
            reply["new_promised_date"] = new.isoformat()
        state["employer_replies"].append(reply)
        state["draft"] = None
        promised = f" and a new date, {reply['new_promised_date']}" if "new_promised_date" in reply else ""
        return _advise(state, today, backend, f"Noted: they replied today{promised}. ")
    if state.get("asked") == "candidate_name" and (bare := _BARE_NAME.match(text)):
        state["candidate_name"] = bare.group("name")
    else:
        extract(text, state, today)
    questions = missing(state)
    if questions:
        field, question = questions[0]
        state["asked"] = field
        known = _summary(state)
        return (f"{known}\n\n" if known else "") + question, state
    state["asked"] = None
    return _advise(state, today, backend, "")


def _advise(state: dict[str, Any], today: date, backend: str | None, prefix: str) -> tuple[str, dict[str, Any]]:
    try:
        notes = notes_from_state(state)
        advised = service.advise(notes, today, backend)
    except ValidationError as exc:
        return prefix + "Something in that doesn't fit: " + safe("; ".join(describe(exc)[:3])), state
    advice, shown = advised.advice, advised.view
    lines = [f"{prefix}**{safe(shown.label)}**: {safe(shown.reason)}"]
    lines += [f"- {safe(m.day)}: {safe(m.summary)}" for m in shown.marks if not m.first]
    for need in shown.needs:
        lines.append(f"\n{safe(need)}")
    if advice.drafts:
        draft = advice.drafts[0]
        state["draft"] = {
            "kind": draft.kind.value,
            "recipient": draft.recipient,
            "subject": draft.subject,
            "body": draft.body,
        }
        writer = (
            f" (the built-in templates wrote it: {safe(advised.fallback_reason)})" if advised.fallback_reason else ""
        )
        lines.append(f"\nHere is a draft to {safe(draft.recipient)} (it passed the tone check){writer}:\n")
        lines.append(f"**Subject:** {safe(draft.subject or '')}\n\n{_quoted(draft.body)}")
        lines.append("\nSay *make it shorter*, *more formal*, *I sent it*, or *they replied and said next week*.")
    return "\n".join(lines), state


_MARKDOWN = re.compile(r"([\\`*_\[\]()#!|~{}])")


def safe(text: str) -> str:
    """Text a person typed, made inert for the chat's Markdown: HTML escaped, Markdown's
    own markup characters backslashed (so ``![x](http://...)`` cannot fetch an image either)."""
    return _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))


def _quoted(body: str) -> str:
    """The draft as a Markdown quote: it wraps, and keeps its blank lines."""
    return "\n".join(f"> {safe(line)}" if line.strip() else ">" for line in body.strip().splitlines())


def _summary(state: dict[str, Any]) -> str:
    bits = []
    if state["interviewers"]:
        bits.append("you met " + ", ".join(f"{p['name']} ({p['title']})" for p in state["interviewers"]))
    if state.get("company"):
        bits.append(f"at {state['company']}")
    if state.get("role"):
        bits.append(f"for the {state['role']} role")
    if state.get("interview_date"):
        bits.append(f"on {state['interview_date']}")
    if state.get("promised_reply_date"):
        bits.append(f"and they'll decide by {state['promised_reply_date']}")
    return safe("Got it: " + " ".join(bits) + ".") if bits else ""


def _sent_kind(kind: str) -> str:
    return {"linkedin_note": "thank_you"}.get(kind, kind)


def _recheck(state: dict[str, Any], body: str, today: date, what: str) -> tuple[str, dict[str, Any]]:
    notes = notes_from_state(state)
    draft = state["draft"]
    report = evaluate_tone(body, kind=draft["kind"], notes=notes)
    if not report.passed:
        problems = "; ".join(f"{f.message}" for f in report.blocking[:2])
        return f"I could not make it {what} without failing the tone check ({problems}); the draft above stands.", state
    state["draft"] = {**draft, "body": body}
    return f"Here it is, {what}:\n\n{_quoted(body)}", state


def _shorter(state: dict[str, Any], today: date) -> tuple[str, dict[str, Any]]:
    body: str = state["draft"]["body"]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if len(paragraphs) <= 3:
        return "It is already as short as it can be while still saying something specific.", state
    kept = (
        [paragraphs[0], paragraphs[1], *paragraphs[-2:]]
        if len(paragraphs) > 4
        else [paragraphs[0], paragraphs[1], paragraphs[-1]]
    )
    return _recheck(state, "\n\n".join(kept) + "\n", today, "shorter")


_FORMAL = [
    (r"^Hi\b", "Dear"), (r"^Hello\b", "Dear"), (r"\bI'm\b", "I am"), (r"\bI'd\b", "I would"), (r"\bI've\b", "I have"),
    (r"\bit's\b", "it is"), (r"\bdon't\b", "do not"), (r"\bcan't\b", "cannot"), (r"\bThanks\b", "Thank you"),
    (r"^Best,$", "Kind regards,"), (r"^Best wishes,$", "Kind regards,"),
]  # fmt: skip


def _formal(state: dict[str, Any], today: date) -> tuple[str, dict[str, Any]]:
    body: str = state["draft"]["body"]
    for pattern, replacement in _FORMAL:
        body = re.sub(pattern, replacement, body, flags=re.M)
    if body == state["draft"]["body"]:
        return "It is already formal: a 'Dear' greeting, no contractions, a 'regards' close.", state
    return _recheck(state, body, today, "more formal")
