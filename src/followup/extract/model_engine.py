"""The model engine: a chat model fills a pydantic schema of facts; code resolves the dates and builds the notes.

One call per ``extract_notes`` (so one per chat turn), with a JSON-schema
``response_format``; an answer that fails validation goes back to the model once
with the errors. Dates come back as the words the person wrote plus the model's
reading; the words are resolved by :mod:`followup.extract.dates` against today
and the country, exactly as the rules engine does, and the model's reading is
kept only where the words cannot be resolved. The notes are then assembled by
the same code as the rules engine's, so both engines answer in the same shape.

``instructor`` would wrap the same retry loop; it is not used because the
project already holds one narrow ``openai`` client configuration and this is
one call with one retry (see the README).
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from followup.errors import one_line
from followup.extract.assemble import Draft, finish
from followup.extract.dates import DateMention, find_dates
from followup.extract.facts import Facts, Source, When
from followup.extract.people import PersonMention, role_of
from followup.extract.result import ExtractResult
from followup.models import MessageKind, Outcome

Role = Literal["recruiter", "hiring_manager", "panel", "senior"]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SaidDate(_Schema):
    phrase: str = Field(description="the words the person wrote for this date, copied exactly (e.g. 'last thurs')")
    reading: date | None = Field(None, description="your reading of the phrase as YYYY-MM-DD, or null")


class SaidPerson(_Schema):
    name: str = Field(description="the person's name, capitalised")
    title: str | None = Field(None, description="their job title if given")
    role: Role | None = Field(None, description="recruiter (also HR, talent), hiring_manager, senior (VP, director)")


class SaidMessage(_Schema):
    kind: MessageKind = Field(description="a message the candidate says they SENT")
    date: SaidDate | None = None
    to: list[str] = Field(default=[], description="names it went to; empty if not said")


class SaidReply(_Schema):
    date: SaidDate | None = Field(None, description="when the employer got in touch")
    new_promised_date: SaidDate | None = Field(None, description="a new date they gave, if any")


class SaidArticle(_Schema):
    title: str
    url: str
    topic: str


class ModelFacts(_Schema):
    """What the model must fill: only facts the text states; null or empty lists otherwise."""

    candidate_name: str | None = Field(None, description="the candidate's own name ('I'm ...'), never an interviewer")
    company: str | None = Field(None, description="the employer's name; never 'HR' or a team")
    role: str | None = Field(None, description="the job applied for")
    interviewers: list[SaidPerson] = Field(default=[], description="people met in the interview")
    senior_contact: SaidPerson | None = Field(None, description="someone senior NOT met in the interview")
    interview_date: SaidDate | None = Field(None, description="the latest interview round")
    promised_reply_date: SaidDate | None = Field(None, description="when they said they would reply")
    messages: list[SaidMessage] = []
    replies: list[SaidReply] = []
    outcome: Outcome = Outcome.pending
    topics: list[str] = []
    shareables: list[SaidArticle] = []
    personal_updates: str = Field("", description="other offers' deadlines, travel, and the like")


#: Enough for the facts of a long chat; a model that rambles past it fails validation and is retried once.
MAX_TOKENS = 900


class ModelAnswerError(Exception):
    """The model's answer could not be used, even after one retry."""


def _prompt() -> str:
    return resources.files("followup.extract").joinpath("data/model_prompt.md").read_text(encoding="utf-8")


def ask_model(
    client: Any, model: str, texts: list[str], today: date, country: str | None, *, embedded: bool = False
) -> ModelFacts:
    """One structured call, and one retry with the validation errors when the answer does not fit.

    OpenAI and most servers take ``{"type": "json_schema", ...}``; the embedded llama.cpp server
    (llama-cpp-python) takes ``{"type": "json_object", "schema": ...}`` and turns it into a grammar.
    """
    turns = "\n\n".join(f"Turn {i + 1}:\n{text}" for i, text in enumerate(texts))
    messages: list[dict[str, str]] = [
        {"role": "system", "content": _prompt()},
        {
            "role": "user",
            "content": f"Today is {today.isoformat()} ({today:%A}); country: {country or 'unknown'}.\n\n{turns}",
        },
    ]
    schema = {"name": "interview_facts", "schema": ModelFacts.model_json_schema()}
    response_format: dict[str, Any] = (
        {"type": "json_object", "schema": schema["schema"]}
        if embedded
        else {"type": "json_schema", "json_schema": schema}
    )
    last_error = ""
    for _attempt in range(2):
        response = client.chat.completions.create(
            model=model,
            messages=messages,
            temperature=0,
            response_format=response_format,
            max_tokens=MAX_TOKENS,
        )
        content = response.choices[0].message.content or ""
        try:
            return ModelFacts.model_validate_json(content)
        except ValidationError as exc:
            last_error = one_line(exc, limit=8)
            messages += [
                {"role": "assistant", "content": content},
                {
                    "role": "user",
                    "content": f"That answer does not fit the schema: {last_error}. Answer again, JSON only.",
                },
            ]
    raise ModelAnswerError(f"the model's answer did not fit the schema twice ({last_error})")


def _locate(texts: list[str], phrase: str) -> Source:
    for turn in range(len(texts) - 1, -1, -1):
        at = texts[turn].casefold().find(phrase.casefold())
        if at >= 0:
            return Source(turn, at, at + len(phrase), texts[turn][at : at + len(phrase)])
    return Source(len(texts) - 1, 0, 0, phrase)


def _when(said: SaidDate | None, texts: list[str], direction: str, anchor: str) -> When | None:
    if said is None:
        return None
    source = _locate(texts, said.phrase)
    mentions = find_dates(said.phrase)
    if mentions:
        return When(mentions[0], direction, anchor, "user", source)
    if said.reading is None:
        return None
    r = said.reading  # the phrase cannot be resolved: keep the model's reading, as a fixed date
    fixed = DateMention(
        said.phrase, 0, len(said.phrase), "iso", (str(r.year), str(r.month), str(r.day)) + (None,) * 11, "either"
    )
    return When(fixed, direction, anchor, "user", source)


def facts_of(said: ModelFacts, texts: list[str]) -> Facts:
    """The model's answer as the rules engine's facts, so both engines share the assembly."""
    facts = Facts()
    whole = Source(len(texts) - 1, 0, len(texts[-1]), texts[-1][:200])
    for key in ("candidate_name", "company", "role"):
        value = getattr(said, key)
        if value:
            facts.scalars[key] = (value, _locate(texts, value))
    if said.outcome != Outcome.pending:
        facts.scalars["outcome"] = (said.outcome.value, whole)
    for person in said.interviewers:
        role = person.role or role_of(person.title)
        source = _locate(texts, person.name)
        facts.people.append(
            (PersonMention(person.name, person.title, role, source.start, source.end), "interviewer", source)
        )
    if said.senior_contact is not None:
        source = _locate(texts, said.senior_contact.name)
        mention = PersonMention(said.senior_contact.name, said.senior_contact.title, "senior", source.start, source.end)
        facts.people.append((mention, "senior", source))
    facts.interview = _when(said.interview_date, texts, "past", "today")
    facts.promise = _when(said.promised_reply_date, texts, "future", "interview")
    for message in said.messages:
        to = message.to or None
        facts.messages.append((message.kind.value, _when(message.date, texts, "past", "interview"), to, whole))
    for reply in said.replies:
        facts.replies.append(
            (_when(reply.date, texts, "past", "today"), _when(reply.new_promised_date, texts, "future", "reply"), whole)
        )
    facts.topics = [(t, _locate(texts, t)) for t in said.topics]
    facts.articles = [(a.url, a.title, a.topic, _locate(texts, a.url)) for a in said.shareables]
    if said.personal_updates:
        facts.personal = [(said.personal_updates, _locate(texts, said.personal_updates))]
    return facts


def extract_with_model(
    texts: list[str],
    *,
    today: date,
    known: dict[str, Any],
    country: str | None,
    client: Any = None,
    model: str | None = None,
    embedded: bool = False,
) -> ExtractResult:
    """The model engine behind :func:`followup.extract_notes` (``backend="openai"`` or ``"local"``)."""
    import openai

    if client is None and embedded:
        from followup.backends.local import shared_server

        server = shared_server(drafting=False)  # the drafting adapter was not trained to fill the schema
        client = openai.OpenAI(api_key="local", base_url=server.base_url, timeout=300, max_retries=0)
        model = server.alias
    if client is None:
        from followup.backends.settings import openai_settings

        settings = openai_settings()
        client = openai.OpenAI(
            api_key=settings.api_key,
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=settings.max_retries,
        )
        model = model or settings.model
    import openai

    try:
        said = ask_model(client, model or "default", texts, today, country, embedded=embedded)
    except openai.APIConnectionError:
        raise ModelAnswerError("the model server could not be reached: check OPENAI_BASE_URL") from None
    except openai.APIStatusError as exc:
        raise ModelAnswerError(f"the model server answered with an error (HTTP {exc.status_code})") from None
    except openai.OpenAIError as exc:
        raise ModelAnswerError(f"the model could not be used ({type(exc).__name__})") from None
    draft = Draft(today=today, country=country, known=known)
    draft.add(facts_of(said, texts))
    return finish(draft, engine="local" if embedded else "openai", unused=[])


def schema_json() -> str:
    """The JSON schema the model fills (for llama.cpp's ``json_schema`` constraint, or to read)."""
    return json.dumps(ModelFacts.model_json_schema(), indent=2)
