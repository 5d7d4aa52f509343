"""The chat's facts card: what it understood, each fact with the words it came from, what it
still needs and what it did not use. Pure HTML from the chat's reading; every piece of text
a person typed (values and phrases alike) is escaped, so typed markup shows as text.

The card lists every fact in the notes, not only those with evidence: the advice is
decided from exactly these notes, so nothing it uses is left off the card.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any

from followup.wording import day, join_names

#: The card's rows in the order a person reads their interview, each with a plain label.
LABELS = {
    "candidate_name": "Your name",
    "interviewers": "Who you met",
    "company": "Company",
    "role": "Role",
    "interview_date": "Interview",
    "promised_reply_date": "They'll decide by",
    "asked_next_steps": "You asked about next steps",
    "topics": "What you discussed",
    "history": "What you sent",
    "employer_replies": "Their replies",
    "outcome": "Outcome",
    "senior_contact": "Someone more senior",
    "shareables": "Things to share",
    "personal_updates": "Your news",
    "country": "Country",
}
#: Where a fact with no phrase of its own came from.
_UNQUOTED = {"asked_next_steps": "they gave you a date", "history": "what you told me you sent"}
_ROLES = {"hiring_manager": "hiring manager", "recruiter": "recruiter", "panel": "panel", "senior": "senior"}
_KINDS = {
    "thank_you": "thank-you",
    "value_add": "something useful",
    "check_in": "check-in",
    "escalation": "note to someone senior",
    "closing": "closing note",
}
_OUTCOMES = {"pending": "still waiting", "rejected": "rejected", "offer": "an offer", "withdrawn": "you withdrew"}
_HEADINGS = {
    "needs": "What I understood so far",
    "check": "Is this right?",
    "confirmed": "The facts you confirmed",
}
_STATUS = {
    "check": "If this is right, press <b>These are right: advise me</b> (or say “yes”). "
    "If not, tell me what to change (“actually it was Wednesday”) or edit it in the form.",
    "confirmed": "The advice above comes from these facts. Tell me if anything changes.",
}


def facts_card(reading: dict[str, Any] | None, *, status: str, today: date, changed: Iterable[str] = ()) -> str:
    """The card for the chat's current reading (``ExtractResult`` as JSON) and its status:
    ``needs`` (a required fact is missing), ``check`` (complete, not yet confirmed),
    ``confirmed``; ``changed`` names the fields the last message changed."""
    if reading is None:
        return ""
    notes: dict[str, Any] = reading["notes"]
    evidence: dict[str, list[dict[str, Any]]] = reading.get("evidence", {})
    moved = set(changed)
    rows = [
        _row(field, value, phrases, field in moved)
        for field in LABELS
        if (value := _value(field, notes.get(field), today)) is not None
        for phrases in [[e["phrase"] for e in evidence.get(field, [])]]
    ]
    parts = [
        f'<div class="facts-card" data-status="{status}">',
        f"<h3>{_HEADINGS.get(status, _HEADINGS['check'])}</h3>",
        f'<ul class="facts">{"".join(rows)}</ul>' if rows else '<p class="none">Nothing yet.</p>',
    ]
    if reading.get("question"):
        parts.append(f'<p class="needs"><b>Still needed:</b> {escape(reading["question"])}</p>')
    for problem in reading.get("problems", []):
        parts.append(f'<p class="needs"><b>Something does not fit:</b> {escape(problem)}</p>')
    if reading.get("unused"):
        quoted = "".join(f"<li><q>{escape(text)}</q></li>" for text in reading["unused"])
        parts.append(f'<div class="unused"><b>Not used</b> (I could not read a fact in it):<ul>{quoted}</ul></div>')
    if status in _STATUS:
        parts.append(f'<p class="status">{_STATUS[status]}</p>')
    parts.append("</div>")
    return "".join(parts)


def _row(field: str, value: str, phrases: list[str], changed: bool) -> str:
    quotes = ", ".join(f"<q>{escape(p.strip())}</q>" for p in phrases) or _UNQUOTED.get(field, "the notes")
    source = f'<span class="from">from {quotes}</span>'
    flag = ' <span class="changed">changed</span>' if changed else ""
    return (
        f'<li data-field="{field}"{" data-changed" if changed else ""}>'
        f'<span class="label">{LABELS[field]}</span> <b class="value">{escape(value)}</b>{flag} {source}</li>'
    )


def _value(field: str, value: Any, today: date) -> str | None:
    """The fact in plain words, or None when there is nothing to show."""
    if value in (None, "", [], {}) or (field == "outcome" and value == "pending"):
        return None
    if field in ("interview_date", "promised_reply_date"):
        return _day(value, today)
    if field == "asked_next_steps":
        return "yes" if value else None
    if field == "interviewers":
        return "; ".join(f"{p['name']}, {p.get('title', '')} ({_ROLES.get(p.get('role', ''), 'panel')})" for p in value)
    if field == "topics":
        return "; ".join(value)
    if field == "history":
        return "; ".join(
            f"{_KINDS.get(m['kind'], m['kind'])} to {join_names(m.get('to', []))} on {_day(m['sent_on'], today)}"
            for m in value
        )
    if field == "employer_replies":
        return "; ".join(_reply(r, today) for r in value)
    if field == "outcome":
        return _OUTCOMES.get(value, str(value))
    if field == "senior_contact":
        return f"{value.get('name', '')}, {value.get('title', '')}"
    if field == "shareables":
        return "; ".join(" ".join(str(s.get(k) or "") for k in ("title", "name", "url")).strip() for s in value)
    return str(value)


def _reply(reply: dict[str, Any], today: date) -> str:
    new = reply.get("new_promised_date")
    return f"on {_day(reply['on'], today)}" + (f", new date {_day(new, today)}" if new else "")


def _day(value: str, today: date) -> str:
    try:
        return day(date.fromisoformat(value), today)
    except (TypeError, ValueError):
        return str(value)
