"""Turning the facts of every sentence, oldest turn first, into notes: later turns add and correct.

Dates are resolved here, after every turn is read, because their anchors can
change: "sent thank-yous the next day" moves when "actually the interview was
Wednesday" arrives two turns later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from followup.extract.dates import Context, resolve
from followup.extract.facts import Facts, Source, When
from followup.extract.people import PersonMention
from followup.extract.result import Evidence
from followup.models import name_key

_DEFAULT_TITLES = {
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring Manager",
    "panel": "Interviewer",
    "senior": "Director",
}


@dataclass(slots=True)
class _Person:
    name: str
    title: str | None
    role: str
    email: str | None
    source: Source
    senior_only: bool


@dataclass(slots=True)
class Draft:
    """The notes being built, with the source of each fact."""

    today: date
    country: str | None
    known: dict[str, Any]
    scalars: dict[str, tuple[Any, Source | None]] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)
    interview: When | None = None
    promise: When | None = None
    messages: list[tuple[str, When | None, list[str] | None, Source]] = field(default_factory=list)
    replies: list[tuple[When | None, When | None, Source]] = field(default_factory=list)
    topics: list[tuple[str, Source]] = field(default_factory=list)
    articles: list[tuple[str, str, str | None, Source]] = field(default_factory=list)
    personal: list[tuple[str, Source]] = field(default_factory=list)
    email_days: dict[int, When | None] = field(default_factory=dict)
    email_promises: dict[int, When] = field(default_factory=dict)

    _resolving: bool = False

    def interview_day(self) -> date | None:
        if self.interview is not None:
            if self._resolving:  # the interview's own phrase never counts from the interview
                return None
            self._resolving = True
            try:
                return resolve_in(self, self.interview)
            finally:
                self._resolving = False
        known = self.known.get("interview_date")
        return date.fromisoformat(known) if isinstance(known, str) else None

    def resolve(self, when: When, *, reply_on: date | None = None) -> date | None:
        return resolve_in(self, when, reply_on=reply_on)

    def email_day(self, when: When) -> date | None:
        """The day the e-mail holding ``when`` was sent: its own date, else the interview's."""
        email_id = int(when.anchor.split(":")[1]) if when.anchor.startswith("email:") else None
        day_when = self.email_days.get(email_id) if email_id is not None else None
        if day_when is not None:
            return resolve_in(self, day_when)
        return self.interview_day()

    def email_replies(self) -> list[tuple[int, date]]:
        """The pasted e-mails sent after the interview: employer replies."""
        interview = self.interview_day()
        out = []
        for email_id, day_when in self.email_days.items():
            day = resolve_in(self, day_when) if day_when is not None else None
            if day is not None and interview is not None and day > interview:
                out.append((email_id, day))
        return out

    def add(self, facts: Facts, *, email_id: int | None = None) -> None:
        for key, (value, source) in facts.scalars.items():
            if key == "company?":
                if "company" not in self.scalars and not self.known.get("company"):
                    self.scalars["company"] = (value, source)
                continue
            if key == "bare_name":
                if "candidate_name" not in self.scalars and not self.known.get("candidate_name"):
                    self.scalars["candidate_name"] = (value, source)
                continue
            if (
                key == "outcome"
                and self.scalars.get("outcome", ("", None))[0] in ("offer", "withdrawn")
                and value == "rejected"
            ):
                continue  # a later "they went with someone else" about another job does not undo an offer
            self.scalars[key] = (value, source)
        for person, kind, source in facts.people:
            self._person(person, kind == "senior", source)
        for old, new, _ in facts.renames:
            self._rename(old, new)
        if facts.interview is not None and (
            self.interview is None or facts.interview_correction or _later(facts.interview, self.interview, self)
        ):
            self.interview = facts.interview
        if facts.promise is not None:
            if email_id is None:
                self.promise = facts.promise
            else:
                self.email_promises[email_id] = _tagged(facts.promise, email_id)
        self.messages += facts.messages
        self.replies += facts.replies
        self.topics += facts.topics
        self.articles += facts.articles
        self.personal += facts.personal

    def _person(self, mention: PersonMention, senior: bool, source: Source, email: str | None = None) -> None:
        for person in self.people:
            if _same(person.name, mention.name):
                if len(mention.name) > len(person.name):
                    person.name = mention.name
                if mention.title and not person.title:
                    person.title, person.role = mention.title, mention.role
                person.email = person.email or email
                person.senior_only = person.senior_only and senior
                return
        self.people.append(_Person(mention.name, mention.title, mention.role, email, source, senior))

    def add_sender(self, name: str, title: str | None, role: str, email: str | None, source: Source) -> None:
        self._person(PersonMention(name, title, role, source.start, source.end), False, source, email)

    def _rename(self, old: str, new: str) -> None:
        if not old:  # "first name Joan": the person known by a surname only
            single = [p for p in self.people if len(p.name.split()) == 1]
            if single:
                single[-1].name = f"{new} {single[-1].name}"
            return
        for person in self.people:
            if name_key(person.name) == name_key(old) or _same(person.name, old):
                person.name = (
                    new if len(new.split()) > 1 or len(person.name.split()) == 1 else _swap(person.name, old, new)
                )
                return
        if "candidate_name" in self.scalars and _same(str(self.scalars["candidate_name"][0]), old):
            self.scalars["candidate_name"] = (new, self.scalars["candidate_name"][1])
            return
        company = self.scalars.get("company")
        if company is not None and old.casefold() in str(company[0]).casefold():
            words = str(company[0]).split()
            fixed = new if len(new.split()) > 1 else _swap(str(company[0]), old, new)
            self.scalars["company"] = (fixed if words else new, company[1])


def _swap(name: str, old: str, new: str) -> str:
    return " ".join(new if word.casefold() == old.casefold() else word for word in name.split())


def _tagged(when: When, email_id: int) -> When:
    return When(when.mention, when.direction, f"email:{email_id}", when.voice, when.source)


def _same(a: str, b: str) -> bool:
    """'Tom' and 'Tom Ellis' are one person; so are 'tom ellis' and 'Tom Ellis'."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    return (len(wa) == 1 or len(wb) == 1) and wa[0] == wb[0]


def _later(new: When, old: When, draft: Draft) -> bool:
    """Of two interviews (a first and a second round), the notes are about the later one."""
    a, b = draft.resolve(new), draft.resolve(old)
    return a is not None and b is not None and a > b


def _people_data(draft: Draft) -> tuple[list[dict[str, Any]], dict[str, Any] | None, list[Evidence], Evidence | None]:
    interviewers: list[dict[str, Any]] = []
    evidence: list[Evidence] = []
    senior: dict[str, Any] | None = None
    senior_evidence: Evidence | None = None
    for person in draft.people:
        entry: dict[str, Any] = {"name": person.name, "title": person.title or _DEFAULT_TITLES[person.role]}
        if person.email:
            entry["email"] = person.email
        if person.senior_only:
            if senior is None:
                senior = entry
                senior_evidence = _evidence("senior_contact", person.name, person.source)
            continue
        interviewers.append({**entry, "role": person.role})
        evidence.append(_evidence("interviewers", f"{person.name} ({person.role.replace('_', ' ')})", person.source))
    return interviewers, senior, evidence, senior_evidence


def _evidence(field_name: str, value: Any, source: Source) -> Evidence:
    return Evidence(
        field=field_name, value=str(value), phrase=source.phrase, turn=source.turn, start=source.start, end=source.end
    )


def _resolve(draft: Draft, when: When | None) -> date | None:
    return None if when is None else draft.resolve(when)


def build(draft: Draft) -> tuple[dict[str, Any], dict[str, list[Evidence]]]:
    """The notes (``InterviewNotes``' JSON shape, possibly incomplete) and the evidence per field."""
    notes: dict[str, Any] = dict(draft.known)
    evidence: dict[str, list[Evidence]] = {}

    def note(key: str, value: Any, source: Source | None, shown: Any = None) -> None:
        notes[key] = value
        if source is not None:
            evidence.setdefault(key, []).append(_evidence(key, value if shown is None else shown, source))

    for key, (value, source) in draft.scalars.items():
        note(key, value, source)
    interviewers, senior, people_evidence, senior_evidence = _people_data(draft)
    if interviewers:
        notes["interviewers"] = _merge_people(notes.get("interviewers", []), interviewers)
        evidence["interviewers"] = people_evidence
    if senior is not None and not notes.get("senior_contact"):
        notes["senior_contact"] = senior
        evidence["senior_contact"] = [senior_evidence] if senior_evidence else []
    interview = draft.interview_day()
    if interview is not None and draft.interview is not None:
        note("interview_date", interview.isoformat(), draft.interview.source)
    if draft.promise is not None and (promised := _resolve(draft, draft.promise)) is not None:
        note("promised_reply_date", promised.isoformat(), draft.promise.source)
        notes.setdefault("asked_next_steps", True)
    replying = dict(draft.email_replies())
    for email_id, promise in draft.email_promises.items():
        if email_id not in replying and draft.promise is None and (promised := draft.resolve(promise)) is not None:
            note("promised_reply_date", promised.isoformat(), promise.source)
            notes.setdefault("asked_next_steps", True)
    history = list(notes.get("history", []))
    for kind, when, to, source in draft.messages:
        sent = _resolve(draft, when) if when is not None else (interview if kind == "thank_you" else None)
        if sent is None:
            sent = draft.today if kind != "thank_you" else None
        if sent is None:
            continue
        recipients = _recipients(kind, to, notes)
        if not recipients:
            continue
        item = {"kind": kind, "sent_on": sent.isoformat(), "to": recipients}
        if item not in history:
            history.append(item)
            evidence.setdefault("history", []).append(
                _evidence("history", f"{kind.replace('_', '-')} on {sent}", source)
            )
    if history:
        notes["history"] = history
    replies = list(notes.get("employer_replies", []))
    outcome_source = draft.scalars.get("outcome", (None, None))[1]
    for on_when, new_when, source in draft.replies:
        if outcome_source is not None and source.turn == outcome_source.turn and new_when is None:
            continue  # "offer!!! They just called": the call brought the outcome; it is no reply to wait on
        on = _resolve(draft, on_when) or draft.today
        reply: dict[str, Any] = {"on": on.isoformat()}
        if new_when is not None and (new := draft.resolve(new_when, reply_on=on)) is not None and new >= on:
            reply["new_promised_date"] = new.isoformat()
        if reply not in replies:
            replies.append(reply)
            evidence.setdefault("employer_replies", []).append(_evidence("employer_replies", f"reply on {on}", source))
    settled = notes.get("outcome", "pending") != "pending"  # a rejection e-mail is the outcome, not a reply
    for email_id, day in [] if settled else draft.email_replies():
        reply = {"on": day.isoformat()}
        email_promise = draft.email_promises.get(email_id)
        if email_promise is not None and (new := draft.resolve(email_promise)) is not None:
            reply["new_promised_date"] = new.isoformat()
        if reply not in replies:
            replies.append(reply)
    if replies:
        notes["employer_replies"] = replies
    for text, source in draft.topics:
        if text not in notes.setdefault("topics", []) and len(notes["topics"]) < 20:
            notes["topics"].append(text)
            evidence.setdefault("topics", []).append(_evidence("topics", text, source))
    for url, title, topic, source in draft.articles:
        shareables = notes.setdefault("shareables", [])
        if all(s.get("url") != url for s in shareables) and len(shareables) < 10:
            fallback = (notes.get("topics") or ["the conversation"])[0]
            shareables.append({"kind": "article", "title": title[:300], "url": url, "topic": (topic or fallback)[:300]})
            evidence.setdefault("shareables", []).append(_evidence("shareables", url, source))
    if draft.personal:
        texts = [t for t, _ in draft.personal]
        note("personal_updates", " ".join(texts)[:2000], draft.personal[-1][1], shown=texts[-1])
    if draft.country and not notes.get("country"):
        notes["country"] = draft.country
    return notes, evidence


def _merge_people(known: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = [dict(p) for p in known]
    for person in found:
        match = next((p for p in out if _same(p["name"], person["name"])), None)
        if match is None:
            out.append(person)
        else:
            match.update(
                {k: v for k, v in person.items() if k != "title" or match.get("title") in (None, "Interviewer")}
            )
    return out


def _recipients(kind: str, to: list[str] | None, notes: dict[str, Any]) -> list[str]:
    people = notes.get("interviewers", [])
    everyone = [p["name"] for p in people]
    if to == ["*"]:
        return everyone
    if to:
        names = []
        senior = notes.get("senior_contact")
        candidates = everyone + ([senior["name"]] if senior else [])
        for wanted in to:
            match = next((n for n in candidates if _same(n, wanted)), None)
            if match is not None and match not in names:
                names.append(match)
        if names:
            return names
    if kind == "escalation":
        senior = notes.get("senior_contact")
        if senior:
            return [senior["name"]]
        return [p["name"] for p in people if p.get("role") == "senior"][:1] or everyone[:1]
    if kind == "check_in":
        return [p["name"] for p in people if p.get("role") == "recruiter"][:1] or everyone[:1]
    return everyone


def resolve_in(draft: Draft, when: When, *, reply_on: date | None = None) -> date | None:
    """One date phrase read against the right day (kept out of ``Draft`` so the order is visible)."""
    interview = draft.interview_day()
    today = draft.today
    if when.voice == "email" or when.anchor.startswith("email:"):
        email_day = draft.email_day(when)
        if email_day is not None:
            today = email_day
    if when.anchor == "interview":
        anchor = interview or today
    elif when.anchor.startswith("email") and when.direction == "future" and interview is not None:
        anchor = today
    elif when.anchor == "reply":
        anchor = reply_on or today
    elif when.anchor.startswith("email"):
        anchor = today
    else:
        anchor = today
    found = resolve(
        when.mention, Context(today, anchor, draft.country), "future" if when.direction == "future" else "past"
    )
    if found is not None and when.direction == "past" and found > draft.today and when.mention.kind in ("weekday",):
        found -= timedelta(days=7)
    if found is not None and when.before:
        found -= timedelta(days=1)
    return found
