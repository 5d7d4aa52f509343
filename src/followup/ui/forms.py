"""The form's values, as Gradio hands them over, turned into notes (and back), and
validation errors turned into plain words under the field they are about.

The form is flat: its components are listed in :data:`LAYOUT` order, interviewers as
:data:`INTERVIEWER_ROWS` rows of (name, title, e-mail, role) and messages already sent
as one (sent?, on, to) row per kind, so the app passes ``*values`` and this module
knows what each one is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from followup.errors import describe
from followup.models import InterviewerRole, InterviewNotes, MessageKind

INTERVIEWER_ROWS = 6
ROLE_CHOICES = [
    ("Hiring manager", InterviewerRole.hiring_manager.value),
    ("Recruiter", InterviewerRole.recruiter.value),
    ("Panel member", InterviewerRole.panel.value),
    ("Someone senior (e.g. a VP)", InterviewerRole.senior.value),
]
SENT_KINDS = [
    (MessageKind.thank_you.value, "Thank-you note"),
    (MessageKind.value_add.value, "Something useful (an article or a contact)"),
    (MessageKind.check_in.value, "Check-in"),
    (MessageKind.escalation.value, "Note to someone more senior"),
    (MessageKind.closing.value, "Closing note"),
]
SHAREABLE_COLUMNS = ["kind (article or contact)", "title or name", "web address", "topic or why"]
REPLY_COLUMNS = ["on", "new date they gave"]
OUTCOMES = [("Still waiting", "pending"), ("Rejected", "rejected"), ("Offer", "offer"), ("I withdrew", "withdrawn")]

#: Where each error is shown: the slot under the field it is about ("more" is the
#: accordion of less common fields).
SLOTS = ["candidate_name", "company", "role", "interviewers", "interview_date", "promised_reply_date", "topics", "more"]
LABELS = {
    "candidate_name": "Your name",
    "company": "Company",
    "role": "Role",
    "interviewers": "Interviewers",
    "interview_date": "Interview date",
    "promised_reply_date": "They said they'd decide by",
    "topics": "What you discussed",
    "shareables": "Things to share",
    "personal_updates": "Your news",
    "history": "Messages you sent",
    "employer_replies": "Replies from the employer",
    "outcome": "Outcome",
    "senior_contact": "Someone more senior",
    "country": "Country",
}
_PARTS = {
    "name": "name",
    "title": "title",
    "email": "e-mail",
    "role": "role",
    "url": "web address",
    "topic": "topic",
    "why": "why",
    "sent_on": "sent on",
    "to": "sent to",
    "on": "date",
    "new_promised_date": "new date",
}


@dataclass(frozen=True)
class FormValues:
    """The form's values, split into their parts."""

    candidate_name: Any
    company: Any
    role: Any
    interviewers: list[list[Any]]
    interview_date: Any
    asked_next_steps: Any
    promised_reply_date: Any
    topics: Any
    shareables: Any
    personal_updates: Any
    sent: list[list[Any]]
    replies: Any
    outcome: Any
    senior_name: Any
    senior_title: Any
    country: Any


#: How many component values each part takes, in the order the app lists the components.
LAYOUT: list[tuple[str, int]] = [
    ("candidate_name", 1), ("company", 1), ("role", 1), ("interviewers", 4 * INTERVIEWER_ROWS),
    ("interview_date", 1), ("asked_next_steps", 1), ("promised_reply_date", 1), ("topics", 1),
    ("shareables", 1), ("personal_updates", 1), ("sent", 3 * len(SENT_KINDS)), ("replies", 1),
    ("outcome", 1), ("senior_name", 1), ("senior_title", 1), ("country", 1),
]  # fmt: skip
SIZE = sum(n for _, n in LAYOUT)


def split(values: Sequence[Any]) -> FormValues:
    """The flat list of component values as named parts."""
    if len(values) != SIZE:
        raise ValueError(f"the form has {SIZE} values, got {len(values)}")
    parts: dict[str, Any] = {}
    position = 0
    for name, count in LAYOUT:
        chunk = list(values[position : position + count])
        position += count
        if name == "interviewers":
            parts[name] = [chunk[i : i + 4] for i in range(0, count, 4)]
        elif name == "sent":
            parts[name] = [chunk[i : i + 3] for i in range(0, count, 3)]
        else:
            parts[name] = chunk[0]
    return FormValues(**parts)


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


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def data_from_form(form: FormValues) -> dict[str, Any]:
    """The notes as a dict, before validation; empty fields are left out, so they read as missing."""
    people = [
        {
            "name": _text(name),
            "title": _text(title),
            **({"email": _text(email)} if _text(email) else {}),
            "role": _role(role),
        }
        for name, title, email, role in form.interviewers
        if _text(name) or _text(title) or _text(email)
    ]
    everyone = [p["name"] for p in people if p["name"]]
    senior = _text(form.senior_name)
    data: dict[str, Any] = {
        "candidate_name": _text(form.candidate_name),
        "company": _text(form.company),
        "role": _text(form.role),
        "interviewers": people,
        "interview_date": day(form.interview_date),
        "asked_next_steps": bool(form.asked_next_steps),
        "promised_reply_date": day(form.promised_reply_date),
        "topics": [line.strip() for line in _text(form.topics).splitlines() if line.strip()],
        "shareables": [_shareable(_pad(row, 4)) for row in rows(form.shareables)],
        "personal_updates": _text(form.personal_updates),
        "history": [
            {
                "kind": kind,
                "sent_on": day(on),
                "to": _names(to) or ([senior] if kind == "escalation" and senior else everyone),
            }
            for (kind, _), (checked, on, to) in zip(SENT_KINDS, form.sent, strict=True)
            if checked
        ],
        "employer_replies": [
            {"on": day(r[0]), **({"new_promised_date": day(r[1])} if r[1] else {})}
            for r in (_pad(row, 2) for row in rows(form.replies))
        ],
        "outcome": _text(form.outcome) or "pending",
        "country": _text(form.country).upper() or None,
    }
    if senior or _text(form.senior_title):
        data["senior_contact"] = {"name": senior, "title": _text(form.senior_title)}
    return {k: v for k, v in data.items() if v is not None}


def notes_from_form(values: Sequence[Any]) -> InterviewNotes:
    """Notes from the form; raises pydantic.ValidationError naming the field, like any notes."""
    return InterviewNotes.model_validate(data_from_form(split(values)))


def form_from_notes(notes: InterviewNotes) -> list[Any]:
    """The form's values for ``notes``, in :data:`LAYOUT` order (the latest message of each kind)."""
    return form_from_data(notes.model_dump(mode="json"))


def form_from_data(data: dict[str, Any]) -> list[Any]:
    """The form's values for notes in their JSON shape, possibly incomplete (the chat's reading):
    what is missing stays empty, for the person to fill in."""
    found = data.get("interviewers") or []
    people = [
        [p.get("name", ""), p.get("title", ""), p.get("email") or "", p.get("role", InterviewerRole.panel.value)]
        for p in found[:INTERVIEWER_ROWS]
    ]
    people += [["", "", "", InterviewerRole.panel.value]] * (INTERVIEWER_ROWS - len(people))
    everyone = [p.get("name") for p in found]
    sent: list[Any] = []
    for kind, _ in SENT_KINDS:
        latest = [m for m in data.get("history") or [] if m.get("kind") == kind][-1:]
        if latest:
            to = "" if latest[0].get("to") == everyone else "; ".join(latest[0].get("to") or [])
            sent += [True, latest[0].get("sent_on"), to]
        else:
            sent += [False, None, ""]
    senior = data.get("senior_contact") or {}
    return [
        data.get("candidate_name") or "",
        data.get("company") or "",
        data.get("role") or "",
        *(cell for row in people for cell in row),
        data.get("interview_date"),
        bool(data.get("asked_next_steps")),
        data.get("promised_reply_date"),
        "\n".join(data.get("topics") or []),
        [
            [s.get("kind"), s.get("title"), s.get("url"), s.get("topic")]
            if s.get("kind") == "article"
            else [s.get("kind"), s.get("name"), "", s.get("why")]
            for s in data.get("shareables") or []
        ],
        data.get("personal_updates") or "",
        *sent,
        [[r.get("on"), r.get("new_promised_date") or ""] for r in data.get("employer_replies") or []],
        data.get("outcome") or "pending",
        senior.get("name", ""),
        senior.get("title", ""),
        data.get("country") or "",
    ]


def errors_by_slot(exc: ValidationError, data: dict[str, Any] | None = None) -> dict[str, list[str]]:
    """Each problem in plain words with the form's own labels, grouped by where it is shown."""
    out: dict[str, list[str]] = {}
    for error, line in zip(exc.errors(), describe(exc), strict=True):
        loc = tuple(error["loc"])
        top = str(loc[0]) if loc else ""
        slot = top if top in SLOTS else "more"
        message = _plain(line.split(": ", 1)[1] if ": " in line else line)
        out.setdefault(slot, []).append(f"{_label(loc, data or {})}: {message}")
    return out


def _label(loc: tuple[Any, ...], data: dict[str, Any]) -> str:
    if not loc:
        return "The notes"
    top = str(loc[0])
    label = LABELS.get(top, top.replace("_", " ").capitalize())
    if len(loc) >= 2 and isinstance(loc[1], int):
        if top == "history":
            kind = (data.get("history") or [{}] * (loc[1] + 1))[loc[1]].get("kind", "")
            label = f"{label}, {dict(SENT_KINDS).get(kind, 'message').lower()}"
        else:
            label = f"{label}, row {loc[1] + 1}"
        rest = [p for p in loc[2:] if isinstance(p, str) and p not in ("article", "contact")]
        if rest:
            label += f", {_PARTS.get(rest[0], rest[0])}"
    elif len(loc) >= 2:
        label += f", {_PARTS.get(str(loc[1]), str(loc[1]))}"
    return label


def _plain(message: str) -> str:
    return {
        "is required": "please fill this in",
        "must not be empty": "please fill this in",
        "needs at least 1 entry": "add at least one",
        "Input should be a valid list": "please fill this in",
    }.get(message, message)


def _role(value: Any) -> str:
    """A role as typed or chosen: "Recruiter", "hiring manager" and "hiring_manager" all work."""
    text = _text(value).lower().replace(" ", "_").replace("-", "_")
    return text or InterviewerRole.panel.value


def _names(text: Any) -> list[str]:
    return [n.strip() for n in _text(text).replace(",", ";").split(";") if n.strip()]


def _pad(row: list[str], width: int) -> list[str]:
    return (row + [""] * width)[:width]


def _shareable(row: list[str]) -> dict[str, str]:
    kind = (row[0] or ("article" if row[2] else "contact")).lower()
    if kind == "article":
        return {"kind": "article", "title": row[1], "url": row[2], "topic": row[3]}
    return {"kind": kind, "name": row[1], "why": row[3]}


def example_notes(notes: InterviewNotes, today: date) -> InterviewNotes:
    """The example interview as a first-time user has it on ``today``: two days ago, nothing sent
    yet, a reply promised in five days. (How many steps its plan has depends on the weekday.)"""
    return notes.model_copy(
        update={
            "interview_date": today - timedelta(days=2),
            "promised_reply_date": today + timedelta(days=5),
            "history": [],
            "employer_replies": [],
        }
    )
