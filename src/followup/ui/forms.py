"""The form's values, as Gradio hands them over, turned into notes (and back)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from followup.models import InterviewNotes

INTERVIEWER_COLUMNS = ["name", "title", "email", "role"]
SHAREABLE_COLUMNS = ["kind", "title or name", "url", "topic or why"]
HISTORY_COLUMNS = ["kind", "sent on", "to (names, separated by ;)"]
REPLY_COLUMNS = ["on", "new promised date"]


def rows(value: Any) -> list[list[str]]:
    """A Dataframe's value (pandas, list of lists or None) as rows of stripped strings, blank rows dropped."""
    if value is None:
        return []
    if hasattr(value, "values") and hasattr(value, "columns"):
        value = value.values.tolist()
    out = []
    for row in value:
        cells = ["" if cell is None or str(cell) == "nan" else str(cell).strip() for cell in row]
        if any(cells):
            out.append(cells)
    return out


def day(value: Any) -> str | None:
    """A date input's value (a timestamp, a datetime or a string) as YYYY-MM-DD, or None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC).date().isoformat()
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip().split(" ")[0].split("T")[0] or None


def notes_from_form(
    candidate_name: str,
    company: str,
    role: str,
    interviewers: Any,
    interview_date: Any,
    asked_next_steps: bool,
    promised_reply_date: Any,
    topics: str,
    shareables: Any,
    personal_updates: str,
    history: Any,
    replies: Any,
    outcome: str,
    senior_name: str,
    senior_title: str,
    country: str,
) -> InterviewNotes:
    """Notes from the form; raises pydantic.ValidationError naming the field, like any notes."""
    data: dict[str, Any] = {
        "candidate_name": candidate_name,
        "company": company,
        "role": role,
        "interviewers": [
            {"name": r[0], "title": r[1], **({"email": r[2]} if r[2] else {}), "role": r[3] or "panel"}
            for r in (_pad(row, 4) for row in rows(interviewers))
        ],
        "interview_date": day(interview_date),
        "asked_next_steps": bool(asked_next_steps),
        "promised_reply_date": day(promised_reply_date),
        "topics": [line.strip() for line in (topics or "").splitlines() if line.strip()],
        "shareables": [_shareable(_pad(row, 4)) for row in rows(shareables)],
        "personal_updates": personal_updates or "",
        "history": [
            {"kind": r[0], "sent_on": day(r[1]), "to": [n.strip() for n in r[2].split(";") if n.strip()]}
            for r in (_pad(row, 3) for row in rows(history))
        ],
        "employer_replies": [
            {"on": day(r[0]), **({"new_promised_date": day(r[1])} if r[1] else {})}
            for r in (_pad(row, 2) for row in rows(replies))
        ],
        "outcome": outcome or "pending",
        "country": country.strip() or None if country else None,
    }
    if (senior_name or "").strip() or (senior_title or "").strip():
        data["senior_contact"] = {"name": senior_name, "title": senior_title}
    return InterviewNotes.model_validate(data)


def form_from_notes(notes: InterviewNotes) -> list[Any]:
    """The form's values for ``notes``, in the order notes_from_form takes them."""
    senior = notes.senior_contact
    return [
        notes.candidate_name,
        notes.company,
        notes.role,
        [[p.name, p.title, p.email or "", p.role.value] for p in notes.interviewers],
        notes.interview_date.isoformat(),
        notes.asked_next_steps,
        notes.promised_reply_date.isoformat() if notes.promised_reply_date else None,
        "\n".join(notes.topics),
        [
            [s.kind, s.title, s.url, s.topic] if s.kind == "article" else [s.kind, s.name, "", s.why]
            for s in notes.shareables
        ],
        notes.personal_updates,
        [[m.kind.value, m.sent_on.isoformat(), "; ".join(m.to)] for m in notes.history],
        [
            [r.on.isoformat(), r.new_promised_date.isoformat() if r.new_promised_date else ""]
            for r in notes.employer_replies
        ],
        notes.outcome.value,
        senior.name if senior else "",
        senior.title if senior else "",
        notes.country or "",
    ]


def _pad(row: list[str], width: int) -> list[str]:
    return (row + [""] * width)[:width]


def _shareable(row: list[str]) -> dict[str, str]:
    kind = (row[0] or ("article" if row[2] else "contact")).lower()
    if kind == "article":
        return {"kind": "article", "title": row[1], "url": row[2], "topic": row[3]}
    return {"kind": kind, "name": row[1], "why": row[3]}
