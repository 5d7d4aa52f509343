"""A courtesy score for any English text, learned from how people rate real requests.

The text is read for the politeness strategies of Danescu-Niculescu-Mizil et al. (ACL 2013):
gratitude, deference, greetings, apologies, "please" and where it stands, hedges, indirect
and subjunctive requests ("could you"), first-person plural, "by the way"; and for what
lowers politeness: direct questions, starting with "so" or "you", factuality ("in fact"),
orders, insults, shouting. The strategies live in ``courtesy_strategies.yaml``; how much
each counts was learned by ``scripts/train_courtesy.py`` from the Stanford Politeness
Corpus and lives in ``courtesy_weights.json``. Strategies rather than a corpus's own
vocabulary, so that the score carries over to e-mails it was never trained on.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from followup.tone.checks.irritated import NEUTRAL_HERE
from followup.tone.scan import _first_keys as first_keys
from followup.tone.scan import _key
from followup.tone.text import phrases

#: Curly quotes and apostrophes read as straight ones (same length: offsets hold).
_SAME_LENGTH = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

STRATEGIES_FILE = "courtesy_strategies.yaml"
WEIGHTS_FILE = "courtesy_weights.json"

#: A word, and its index key as ``followup.tone.scan`` makes it: the first three word
#: characters before any apostrophe.
_TOKEN = re.compile(r"(?<![\w'])(\w{1,3})[\w']*")
#: The first word of a sentence: of the text, of a line, or after ".", "!", "?", ";" or ":",
#: past any quotes, brackets or list marks, and past an "@name" that addresses someone.
_SENTENCE_START = re.compile(r"(?:\A|[.!?;:\n])[^\w@]*(?:@[\w']+[^\w@]*)?([\w']+)")


class StrategySpec(BaseModel):
    """One strategy as written in the strategies file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z_]+$")
    paper: str
    sign: Literal["polite", "impolite", "either"]
    at_least: float = Field(0.0, ge=0.0, description="A hand-set floor on the weight's size, on its sign's side.")
    where: Literal["anywhere", "sentence_start"] = "anywhere"
    phrases: list[str] = []
    regex: str | None = None
    needs: list[str] = Field([], description="A regex is tried only on a text holding one of these (for speed).")
    lexicon: Literal["positive", "negative"] | None = None
    words_below: int | None = Field(None, ge=1)
    match: list[str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_way_to_match(self) -> StrategySpec:
        ways = (
            bool(self.phrases) + (self.regex is not None) + (self.lexicon is not None) + (self.words_below is not None)
        )
        if ways != 1:
            raise ValueError(f"{self.name}: give exactly one of phrases, regex, lexicon or words_below")
        if self.at_least and self.sign == "either":
            raise ValueError(f"{self.name}: a floor (at_least) needs a sign")
        return self


class CourtesyModel(BaseModel):
    """The learned weights: a logistic model over the strategies present in a text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    intercept: float
    weights: dict[str, float]
    strategies_sha256: str = Field(description="The strategies file the weights were learned for.")
    trained_on: dict[str, object]
    evaluation: dict[str, object]


@dataclass(frozen=True)
class Strategy:
    name: str
    pattern: re.Pattern[str] | None  # None: a lexicon or length strategy
    lexicon: Literal["positive", "negative"] | None
    words_below: int | None
    at_sentence_start: bool
    needs: tuple[str, ...]
    #: The keys of the words the phrases can start with; None: search the whole text.
    keys: frozenset[str] | None


@dataclass(frozen=True)
class _Tokens:
    """The text's words once, so that each strategy tries only where it could start."""

    words: frozenset[str]  # lower case
    count: int
    anywhere: dict[str, list[int]]  # key -> offsets of the words with that key
    sentence_start: dict[str, list[int]]

    @classmethod
    def of(cls, text: str) -> _Tokens:
        lower = text.lower()
        if len(lower) != len(text):  # "İ" lowers to two characters: keep offsets into the text
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        anywhere: dict[str, list[int]] = {}
        words: list[str] = []
        for match in _TOKEN.finditer(lower):
            anywhere.setdefault(match.group(1), []).append(match.start())
            words.append(match.group())
        starts: dict[str, list[int]] = {}
        for match in _SENTENCE_START.finditer(lower):
            starts.setdefault(_key(match.group(1)), []).append(match.start(1))
        return cls(frozenset(words), len(words), anywhere, starts)


def _read(name: str) -> str:
    return resources.files("followup.tone").joinpath(name).read_text(encoding="utf-8")


@cache
def strategy_specs() -> tuple[StrategySpec, ...]:
    """The strategies, as written in the strategies file, in its order."""
    specs = TypeAdapter(list[StrategySpec]).validate_python(yaml.safe_load(_read(STRATEGIES_FILE)))
    names = [s.name for s in specs]
    if len(set(names)) != len(names):
        raise ValueError(f"{STRATEGIES_FILE}: a strategy name is used twice")
    return tuple(specs)


@cache
def _strategies() -> tuple[Strategy, ...]:
    return tuple(
        Strategy(s.name, _compile(s), s.lexicon, s.words_below, s.where == "sentence_start", tuple(s.needs), _keys(s))
        for s in strategy_specs()
    )


def _compile(spec: StrategySpec) -> re.Pattern[str] | None:
    if spec.regex is not None:
        return re.compile(spec.regex)
    return phrases(*spec.phrases) if spec.phrases else None


def _keys(spec: StrategySpec) -> frozenset[str] | None:
    keys: set[str] = set()
    for alternative in spec.phrases:
        first = first_keys(alternative)
        if first is None:
            if spec.where == "sentence_start":
                raise ValueError(f"{spec.name}: a sentence-start phrase must begin with a plain word: {alternative}")
            return None
        keys |= first
    return frozenset(keys) if spec.phrases else None


@cache
def _lexicons() -> dict[str, frozenset[str]]:
    """VADER's sentiment words, less those that in a request name its subject, not a feeling."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    positive: set[str] = set()
    negative: set[str] = set()
    for line in text.splitlines():
        word, valence, *_ = line.split("\t")
        # NEUTRAL_HERE: "error", "failed", "problem" name the subject of a request, not a feeling.
        if not word.isalpha() or word in NEUTRAL_HERE or word in _NOT_SENTIMENT:
            continue
        if float(valence) >= LEXICON_THRESHOLD:
            positive.add(word)
        elif float(valence) <= -LEXICON_THRESHOLD:
            negative.add(word)
    return {"positive": frozenset(positive), "negative": frozenset(negative)}


#: A word counts as positive or negative when VADER's mean rating is at least this far from 0
#: (its scale runs from -4 to 4); weaker words are mostly noise.
LEXICON_THRESHOLD = 1.0
#: Words VADER rates that are, in a request, almost never about feelings, or that a strategy
#: of their own already covers.
_NOT_SENTIMENT = frozenset("like no yes ok okay please thanks thank help want sure certain free".split())


@cache
def model() -> CourtesyModel:
    """The weights shipped with the package."""
    return CourtesyModel.model_validate(json.loads(_read(WEIGHTS_FILE)))


def strategies_in(text: str) -> frozenset[str]:
    """The names of the strategies the text uses."""
    text = text.translate(_SAME_LENGTH)
    tokens = _Tokens.of(text)
    lexicons = _lexicons()
    found: set[str] = set()
    for strategy in _strategies():
        if strategy.keys is not None:
            offsets = tokens.sentence_start if strategy.at_sentence_start else tokens.anywhere
            pattern = strategy.pattern
            assert pattern is not None
            if any(pattern.match(text, at) for key in strategy.keys for at in offsets.get(key, ())):
                found.add(strategy.name)
        elif strategy.pattern is not None:
            if (not strategy.needs or any(n in text for n in strategy.needs)) and strategy.pattern.search(text):
                found.add(strategy.name)
        elif strategy.lexicon is not None:
            if not tokens.words.isdisjoint(lexicons[strategy.lexicon]):
                found.add(strategy.name)
        elif strategy.words_below is not None and tokens.count < strategy.words_below:
            found.add(strategy.name)
    return frozenset(found)


def courtesy_logit(text: str) -> float:
    """The model's log-odds that a reader finds the text polite rather than impolite."""
    weights = model().weights
    return model().intercept + sum(weights.get(name, 0.0) for name in strategies_in(text))


def courtesy_score(text: str) -> float:
    """0 (rude) to 1 (very polite): how polite a reader would find the text.

    The probability, under the learned model, that the text is among the more polite
    requests rather than the less polite ones; a text with no strategy either way scores
    the model's baseline (see the README's tone-check section for the figures).
    """
    return round(1.0 / (1.0 + math.exp(-courtesy_logit(text))), 3)
