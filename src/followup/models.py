"""The interview notes: what a job seeker tells the advisor about one interview.

Everything a user or a file supplies passes through these pydantic models
(``extra="forbid"``), so a typo in a field name or an impossible value is an
error that names the field, never a silent default.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

# Bounds on every piece of text. They are generous for real notes and keep a
# hostile or accidental paste (a whole web page in a name field) out.
NAME_MAX = 100
TITLE_MAX = 150
COMPANY_MAX = 150
TOPIC_MAX = 300
WHY_MAX = 500
PERSONAL_UPDATES_MAX = 2000
URL_MAX = 2000
EMAIL_MAX = 254
MAX_INTERVIEWERS = 12
MAX_TOPICS = 20
MAX_SHAREABLES = 10
MAX_HISTORY = 100
MAX_REPLIES = 50
MAX_RECIPIENTS = 20
#: The whole notes object, serialised as JSON, must stay under this size.
NOTES_MAX_BYTES = 32 * 1024

_EMAIL_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


_REFUSED_CATEGORIES = ("Cc", "Cf", "Cs")
#: Line and paragraph separators (U+2028, U+2029) break a single line as a newline would.
_LINE_BREAK_CATEGORIES = ("Zl", "Zp")


def _no_control_chars(value: str, *, multiline: bool) -> str:
    """Refuses control characters (and, in a one-line field, line breaks of any kind); the text
    is kept in Unicode's composed form (NFC), so "Zoë" typed either way is one name."""
    allowed = {"\n", "\t", "\r"} if multiline else {"\t"}
    refused = _REFUSED_CATEGORIES if multiline else _REFUSED_CATEGORIES + _LINE_BREAK_CATEGORIES
    for ch in value:
        if ch not in allowed and unicodedata.category(ch) in refused:
            if ch == "\u200d":  # zero-width joiner is part of ordinary text in several scripts
                continue
            raise PydanticCustomError(
                "control_characters",
                "contains a control character ({code}); remove it",
                {"code": f"U+{ord(ch):04X}"},
            )
    return unicodedata.normalize("NFC", value)


def _single_line(value: str) -> str:
    return _no_control_chars(value, multiline=False)


def _multi_line(value: str) -> str:
    return _no_control_chars(value, multiline=True)


def _line(max_length: int) -> tuple[StringConstraints, AfterValidator]:
    return (
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_single_line),
    )


Name = Annotated[str, *_line(NAME_MAX)]
Title = Annotated[str, *_line(TITLE_MAX)]
Company = Annotated[str, *_line(COMPANY_MAX)]
Topic = Annotated[str, *_line(TOPIC_MAX)]
Why = Annotated[str, *_line(WHY_MAX)]
ArticleTitle = Annotated[str, *_line(TITLE_MAX * 2)]


EARLIEST_DATE = date(1990, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def _plausible(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError(
            "date_range",
            "{value} is outside the supported range ({first} to {last})",
            {"value": str(value), "first": str(EARLIEST_DATE), "last": str(LATEST_DATE)},
        )
    return value


_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


def _iso_only(value: Any) -> Any:
    """Only a date written as YYYY-MM-DD (or a ``date``): not a number of seconds, not a
    date and time, which pydantic would otherwise read as a date."""
    if isinstance(value, datetime):
        raise PydanticCustomError("date_iso", "must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value.strip()
    shown = repr(value)[:40] if not isinstance(value, str) else repr(value[:40])
    raise PydanticCustomError("date_iso", "{shown} is not a real date (write it as YYYY-MM-DD)", {"shown": shown})


Day = Annotated[date, BeforeValidator(_iso_only), AfterValidator(_plausible)]


def _check_email(value: str | None) -> str | None:
    if value is not None and not _EMAIL_RE.match(value):
        raise PydanticCustomError("email", "is not an e-mail address like name@example.com")
    return value


def _check_url(value: str) -> str:
    if not _URL_RE.match(value):
        raise PydanticCustomError("url", "must be a web address starting with http:// or https://")
    return value


Email = Annotated[
    str | None,
    StringConstraints(strip_whitespace=True, max_length=EMAIL_MAX),
    AfterValidator(_check_email),
]


class Strict(BaseModel):
    """Base for every user-supplied model: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class InterviewerRole(StrEnum):
    recruiter = "recruiter"
    hiring_manager = "hiring_manager"
    panel = "panel"
    senior = "senior"


class MessageKind(StrEnum):
    """Messages the candidate has sent, in the order they usually happen."""

    thank_you = "thank_you"
    value_add = "value_add"
    check_in = "check_in"
    escalation = "escalation"
    closing = "closing"


class Outcome(StrEnum):
    pending = "pending"
    rejected = "rejected"
    offer = "offer"
    withdrawn = "withdrawn"


class Person(Strict):
    """Someone at the employer the candidate may write to."""

    name: Name
    title: Title
    email: Email = None


class Interviewer(Person):
    role: InterviewerRole = InterviewerRole.panel


class Article(Strict):
    """Something worth reading on a topic discussed in the interview."""

    kind: Literal["article"] = "article"
    title: ArticleTitle
    url: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=URL_MAX),
        AfterValidator(_check_url),
    ]
    topic: Topic


class Contact(Strict):
    """Someone from the candidate's network the interviewer would value meeting."""

    kind: Literal["contact"] = "contact"
    name: Name
    why: Why


Shareable = Annotated[Article | Contact, Field(discriminator="kind")]


class SentMessage(Strict):
    """A message the candidate confirms they sent."""

    kind: MessageKind
    sent_on: Day
    to: Annotated[list[Name], Field(min_length=1, max_length=MAX_RECIPIENTS)]
    shared: ArticleTitle | None = Field(
        None,
        description="A value-add only: the title of the article or the name of the contact it shared, "
        "so the next value-add shares another.",
    )

    @field_validator("to", mode="before")
    @classmethod
    def _one_name_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class EmployerReply(Strict):
    """The employer got back in touch (any reply, even "no news yet")."""

    on: Day
    new_promised_date: Day | None = None


def name_key(name: str) -> str:
    """How two spellings of one name are compared: Unicode form (NFC), case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@cache
def supported_countries() -> frozenset[str]:
    import holidays

    return frozenset(holidays.list_supported_countries())


class InterviewNotes(Strict):
    """Everything the advisor knows about one interview."""

    candidate_name: Name
    company: Company
    role: Title
    interviewers: Annotated[list[Interviewer], Field(min_length=1, max_length=MAX_INTERVIEWERS)]
    interview_date: Day
    asked_next_steps: bool = False
    promised_reply_date: Day | None = None
    topics: Annotated[list[Topic], Field(max_length=MAX_TOPICS)] = []
    shareables: Annotated[list[Shareable], Field(max_length=MAX_SHAREABLES)] = []
    personal_updates: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=PERSONAL_UPDATES_MAX),
        AfterValidator(_multi_line),
    ] = ""
    history: Annotated[list[SentMessage], Field(max_length=MAX_HISTORY)] = []
    employer_replies: Annotated[list[EmployerReply], Field(max_length=MAX_REPLIES)] = []
    outcome: Outcome = Outcome.pending
    senior_contact: Person | None = None
    country: str | None = None

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if code not in supported_countries():
            raise PydanticCustomError(
                "country",
                "{shown} is not a country code with known public holidays (use ISO codes such as US, GB, DE, FR, IN)",
                {"shown": repr(value[:20])},
            )
        return code

    @model_validator(mode="after")
    def _consistent(self) -> InterviewNotes:
        problems = list(self._problems())
        if problems:
            raise ValidationError.from_exception_data(
                "InterviewNotes",
                [
                    InitErrorDetails(
                        type=PydanticCustomError("notes_inconsistent", message),
                        loc=loc,
                        input=value,
                    )
                    for loc, message, value in problems
                ],
            )
        return self

    def _problems(self) -> list[tuple[tuple[str | int, ...], str, Any]]:
        problems: list[tuple[tuple[str | int, ...], str, Any]] = []
        interview = self.interview_date
        if self.promised_reply_date is not None and self.promised_reply_date < interview:
            problems.append(
                (
                    ("promised_reply_date",),
                    f"{self.promised_reply_date} is before the interview on {interview}",
                    self.promised_reply_date,
                )
            )
        seen: set[str] = set()
        for i, person in enumerate(self.interviewers):
            key = name_key(person.name)
            if key in seen:
                problems.append(
                    (
                        ("interviewers", i, "name"),
                        f"{person.name!r} is listed twice; give each interviewer once",
                        person.name,
                    )
                )
            seen.add(key)
        known = self.people()
        for i, message in enumerate(self.history):
            if message.sent_on < interview:
                problems.append(
                    (
                        ("history", i, "sent_on"),
                        f"{message.sent_on} is before the interview on {interview}",
                        message.sent_on,
                    )
                )
            if message.shared is not None:
                labels = {name_key(x.title if x.kind == "article" else x.name) for x in self.shareables}
                if message.kind != MessageKind.value_add:
                    problems.append(
                        (
                            ("history", i, "shared"),
                            "only a value_add message shares an article or a contact; remove 'shared'",
                            message.shared,
                        )
                    )
                elif name_key(message.shared) not in labels:
                    problems.append(
                        (
                            ("history", i, "shared"),
                            f"{message.shared!r} is none of the shareables; use an article's title or a contact's name",
                            message.shared,
                        )
                    )
            for j, name in enumerate(message.to):
                if name_key(name) not in known:
                    problems.append(
                        (
                            ("history", i, "to", j),
                            f"{name!r} is nobody in these notes; use the name of an interviewer or the senior contact",
                            name,
                        )
                    )
        for i, reply in enumerate(self.employer_replies):
            if reply.on < interview:
                problems.append(
                    (
                        ("employer_replies", i, "on"),
                        f"{reply.on} is before the interview on {interview}",
                        reply.on,
                    )
                )
            if reply.new_promised_date is not None and reply.new_promised_date < reply.on:
                problems.append(
                    (
                        ("employer_replies", i, "new_promised_date"),
                        f"{reply.new_promised_date} is before the reply itself ({reply.on})",
                        reply.new_promised_date,
                    )
                )
        size = len(self.model_dump_json().encode())
        if size > NOTES_MAX_BYTES:
            problems.append(
                (
                    (),
                    f"the notes are {size:,} bytes; at most {NOTES_MAX_BYTES:,} are accepted",
                    size,
                )
            )
        return problems

    def people(self) -> dict[str, Person]:
        """Everyone the candidate may write to, keyed by :func:`name_key`."""
        everyone: dict[str, Person] = {name_key(p.name): p for p in self.interviewers}
        if self.senior_contact is not None:
            everyone.setdefault(name_key(self.senior_contact.name), self.senior_contact)
        return everyone
