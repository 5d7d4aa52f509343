"""The extractor's word lists, read once from ``data/lexicon.yaml`` (package data)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from followup.notes_io import YamlLoader


class Lexicon(BaseModel):
    """The lists of ``lexicon.yaml``; unknown keys are errors so a typo cannot go unnoticed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weekdays: dict[int, list[str]]
    months: dict[int, list[str]]
    relative_days: dict[str, int]
    anchored_days: dict[str, int]
    numbers: dict[str, int]
    month_first_countries: list[str]
    roles: dict[str, list[str]]
    title_words: list[str]
    not_names: list[str]
    not_after_im: list[str]


@cache
def lexicon() -> Lexicon:
    text = resources.files("followup.extract").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    data: Any = yaml.load(text, Loader=YamlLoader)  # on, no, yes stay words
    return Lexicon.model_validate(data)


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of literal phrases, longest first so "thurs" wins over "thu"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(title words, words never in a name, words never after "I'm"), all lower-case."""
    lex = lexicon()
    return frozenset(lex.title_words), frozenset(lex.not_names), frozenset(lex.not_after_im)


class Triggers(BaseModel):
    """The regular expressions of ``triggers.yaml``, one list per kind of sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interview: list[str]
    thank_you: list[str]
    sent_words: list[str]
    check_in: list[str]
    escalation: list[str]
    value_add: list[str]
    reply: list[str]
    reply_received: list[str]
    promise: list[str]
    rejected: list[str]
    offer: list[str]
    other_offer: list[str]
    withdrawn: list[str]
    personal: list[str]
    topic: list[str]
    asked: list[str]
    correction: list[str]
    clause_start: list[str]


@cache
def triggers() -> dict[str, re.Pattern[str]]:
    """Each kind's patterns as one compiled alternation."""
    text = resources.files("followup.extract").joinpath("data/triggers.yaml").read_text(encoding="utf-8")
    data = Triggers.model_validate(yaml.load(text, Loader=YamlLoader))
    return {kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.I) for kind, patterns in data}


@cache
def any_event() -> re.Pattern[str]:
    """Any trigger of an event: what makes a piece of a run-on sentence worth its own clause."""
    kinds: tuple[str, ...] = (
        "interview",
        "thank_you",
        "check_in",
        "escalation",
        "value_add",
        "reply",
        "reply_received",
        "promise",
    )
    kinds += ("rejected", "offer", "withdrawn", "topic")
    return re.compile("|".join(triggers()[k].pattern for k in kinds), re.I)
