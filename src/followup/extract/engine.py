"""``extract_notes``: free text, in one or several turns, to interview notes with their evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from followup.errors import one_line
from followup.extract.assemble import Draft, build
from followup.extract.dates import find_dates
from followup.extract.email import PastedEmail, find_email
from followup.extract.facts import Source, When
from followup.extract.lexicon import any_event, triggers
from followup.extract.reading import read_sentence
from followup.extract.result import REQUIRED, ExtractResult
from followup.extract.text import MAX_TURN_CHARS, Sentence, clauses, clean, sentences
from followup.models import InterviewNotes, supported_countries

#: At most this many turns are read (the newest ones): a chat is short.
MAX_TURNS = 50
BACKENDS = ("rules", "openai", "local")


class ExtractError(ValueError):
    """The arguments themselves are wrong (not a string, no date): one line saying which."""


def extract_notes(
    turns: str | Sequence[str],
    *,
    today: date,
    backend: str | None = None,
    known: InterviewNotes | dict[str, Any] | None = None,
    country: str | None = None,
) -> ExtractResult:
    """What the text says about one interview, as notes, with what is missing and why each fact was set.

    ``turns`` is a string or a list of strings, oldest first; later turns add to and
    correct earlier ones. ``known`` holds notes already confirmed (from the form or
    the tracker) that the text updates. ``backend`` is ``"rules"`` (the default,
    offline and deterministic), ``"openai"`` (a chat model through the ``openai``
    client, configured as for drafting) or ``"local"`` (the embedded model filling
    the same schema under llama.cpp's grammar). ``country`` (else ``known``'s) sets the
    order of numeric dates and the business-day calendar.
    """
    texts = _turns(turns)
    if not isinstance(today, date):
        raise ExtractError("today must be a date (YYYY-MM-DD)")
    base = _known(known)
    country = _country(country or base.get("country"))
    name = backend or "rules"
    if name not in BACKENDS:
        raise ExtractError(f"unknown extraction backend {name!r}: use one of {', '.join(BACKENDS)}")
    if name in ("openai", "local"):
        from followup.backends.base import BackendError
        from followup.extract.model_engine import ModelAnswerError, extract_with_model

        try:
            return extract_with_model(texts, today=today, known=base, country=country, embedded=name == "local")
        except ModelAnswerError as exc:
            raise ExtractError(str(exc)) from None
        except BackendError as exc:  # the embedded model is not installed or did not start
            raise ExtractError(exc.reason) from None
    return extract_rules(texts, today=today, known=base, country=country)


def extract_rules(texts: list[str], *, today: date, known: dict[str, Any], country: str | None) -> ExtractResult:
    """The deterministic engine: sentence by sentence, with the word lists of ``data/``."""
    draft = Draft(today=today, country=country, known=known)
    unused: list[str] = []
    for number, raw in enumerate(texts):
        text = clean(raw)
        if len(raw) > MAX_TURN_CHARS:
            unused.append(
                f"(turn {number + 1}: {len(raw) - MAX_TURN_CHARS:,} characters past the first "
                f"{MAX_TURN_CHARS:,} were not read)"
            )
        email = find_email(text)
        if email is None:
            _read(draft, number, sentences(number, text), "user", unused)
        else:
            _read_with_email(draft, number, text, email, unused)
    notes, evidence = build(draft)
    missing = [f for f in REQUIRED if not notes.get(f)]
    problems: list[str] = []
    if not missing:
        try:
            InterviewNotes.model_validate(notes)
        except ValidationError as exc:
            problems.append(one_line(exc))
    return ExtractResult(
        notes=notes, missing=missing, unused=unused, evidence=evidence, engine="rules", problems=problems
    )


def _read(
    draft: Draft, turn: int, pieces: list[Sentence], voice: str, unused: list[str], email_id: int | None = None
) -> None:
    starts, events = triggers()["clause_start"], any_event()
    for sentence in (c for s in pieces for c in clauses(s, starts, events)):
        names = [p.name for p in draft.people]
        facts = read_sentence(sentence, voice=voice, known_names=names)
        if facts.empty():
            unused.append(sentence.text)
        draft.add(facts, email_id=email_id)


def _read_with_email(draft: Draft, turn: int, text: str, email: PastedEmail, unused: list[str]) -> None:
    email_id = len(draft.email_days)
    lead = sentences(turn, text[: email.lead_end])
    day: When | None = None
    if email.date_header:
        header_dates = find_dates(email.date_header)
        if header_dates:
            at = text.find(email.date_header)
            mention = header_dates[0]
            day = When(
                mention, "past", "today", "user", Source(turn, at + mention.start, at + mention.end, mention.phrase)
            )
    if day is None and lead:
        last = lead[-1]
        dates = find_dates(last.text)
        if dates:
            mention = dates[-1]
            anchor = "interview" if mention.kind == "anchored" else "today"
            day = When(
                mention,
                "past",
                anchor,
                "user",
                Source(turn, last.start + mention.start, last.start + mention.end, mention.phrase),
            )
    draft.email_days[email_id] = day
    for sentence in lead:
        facts = read_sentence(sentence, voice="user", known_names=[p.name for p in draft.people])
        if sentence is lead[-1]:
            facts.replies = []  # "Tom emailed me yesterday:" is the e-mail itself, counted once
            facts.messages = []
        if facts.empty() and sentence is not lead[-1]:
            unused.append(sentence.text)
        draft.add(facts)
    body = [s for s in sentences(turn, text[: email.body_end]) if s.start >= email.body_start]
    _read(draft, turn, body, "email", unused, email_id=email_id)
    sig = email.signature
    if sig is not None:
        source = Source(turn, sig.start, sig.end, text[sig.start : sig.end])
        draft.add_sender(sig.name, sig.title, sig.role, sig.email, source)
        if sig.company and "company" not in draft.scalars:
            draft.scalars["company"] = (sig.company, source)
    if email.greeting_name and "candidate_name" not in draft.scalars and not draft.known.get("candidate_name"):
        at = text.find(email.greeting_name, email.lead_end)
        draft.scalars["candidate_name"] = (
            email.greeting_name,
            Source(turn, at, at + len(email.greeting_name), email.greeting_name),
        )
    rest = text[sig.end if sig else email.body_end :].strip()
    if rest and len(rest) > 3:
        _read(
            draft,
            turn,
            [s for s in sentences(turn, text) if s.start >= (sig.end if sig else email.body_end)],
            "user",
            unused,
        )


def _country(value: object) -> str | None:
    if value is None or value == "":
        return None
    code = str(value).strip().upper()
    if code not in supported_countries():
        raise ExtractError(
            f"{value!r} is not a country code with known public holidays (use ISO codes such as US, GB, DE)"
        )
    return code


def _turns(turns: object) -> list[str]:
    if isinstance(turns, str):
        return [turns]
    if isinstance(turns, Sequence) and all(isinstance(t, str) for t in turns):
        return list(turns)[-MAX_TURNS:]
    raise ExtractError("turns must be a string or a list of strings, oldest first")


def _known(known: InterviewNotes | dict[str, Any] | None) -> dict[str, Any]:
    if known is None:
        return {}
    if isinstance(known, InterviewNotes):
        return known.model_dump(mode="json", exclude_none=True)
    if isinstance(known, dict):
        return {k: v for k, v in known.items() if v not in (None, "", [])}
    raise ExtractError("known must be InterviewNotes or a dict of notes")
