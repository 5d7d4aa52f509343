"""The candidate's news, read as data: one sentence per item, past items left out, and a
note for the candidate about every item that is not used.

"I will be travelling from 7 to 11 December." is kept until 11 December has passed;
"Another offer, deadline 25/03" becomes "I have another offer, with a deadline of 25
March." (25/03 read in the notes' country's order); an item that is neither a sentence
in the candidate's voice nor one of the known terse forms (``updates.yaml``) is left out
rather than pasted raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from followup.textdates import Mention, mentions
from followup.tone.facts import points_back, told_in_confidence
from followup.tone.topics import foreign_small_words

_ITEMS = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n+|;\s*")


@dataclass(frozen=True)
class Updates:
    sentences: tuple[str, ...]
    left_out: tuple[str, ...]


@dataclass(frozen=True)
class _Rewrite:
    pattern: re.Pattern[str]
    sentence: str


@dataclass(frozen=True)
class _Rules:
    voice: re.Pattern[str]  # an item in the candidate's own voice
    rewrites: tuple[_Rewrite, ...]  # terse items turned into sentences
    examples: tuple[_Rewrite, ...]  # the example in a note about an item left out
    internal: re.Pattern[str]  # the news says the candidate already works there
    private: re.Pattern[str]  # a note to self in the candidate's voice ("I prefer Salt & Ember")


@cache
def _data() -> _Rules:
    raw: dict[str, Any] = yaml.safe_load(files("followup.drafting").joinpath("updates.yaml").read_text("utf-8"))
    return _Rules(
        re.compile(r"^(?:" + "|".join(raw["own_voice"]) + r")\b", re.I),
        tuple(_Rewrite(re.compile(r["pattern"], re.I), r["sentence"]) for r in raw["rewrites"]),
        tuple(
            _Rewrite(re.compile(rf"\b(?:{e['words']})" if e["words"] else "", re.I), e["example"])
            for e in raw["examples"]
        ),
        re.compile(raw["internal_candidate"], re.I),
        re.compile(raw["private"], re.I),
    )


def internal_candidate(text: str) -> bool:
    """Whether the news says the candidate already works for the employer."""
    return _data().internal.search(text or "") is not None


def _example(item: str) -> str:
    """A sentence like the one ``item`` could become: the note's example fits what the item is about."""
    return next(e.sentence for e in _data().examples if e.pattern.search(item))


def prepare(text: str, today: date, country: str | None = None) -> Updates:
    """The news in ``text`` as it may go into a message sent on ``today``."""
    sentences: list[str] = []
    left_out: list[str] = []
    items = [i.strip().rstrip(".").strip() for i in _ITEMS.split(text or "")]
    private = {i for i, item in enumerate(items) if told_in_confidence(item)}
    # "I took the break because of ...; I would rather not mention that": what "that" points back at goes too
    private |= {i - 1 for i in private if i and points_back(items[i])}
    for index, item in enumerate(items):
        if not item:
            continue
        if index in private:
            left_out.append(f'"{item}" was left out: your notes say to keep it private.')
            continue
        dates = mentions(item, country)
        ends = [d for m in dates if (d := m.when(today)) is not None]
        if ends and max(ends) < today:
            left_out.append(f'"{item}" was left out: {max(ends).day} {max(ends):%B} has passed.')
            continue
        if ends and max(ends) == today and len(dates) == 1 and dates[0].day == dates[0].last_day:
            # A one-day event on the day the message is sent is no longer news for their planning.
            left_out.append(f'"{item}" was left out: it is today.')
            continue
        if _data().private.match(item):
            left_out.append(f'"{item}" was left out: it reads as a note to yourself, not news for the employer.')
            continue
        sentence = _sentence(item, dates, today)
        if sentence is None:
            left_out.append(
                f'"{item}" was left out: write it as a sentence in your own words (for example '
                f'"{_example(item)}") to have it in your messages.'
            )
            continue
        foreign = foreign_small_words(item) if _data().voice.match(item) else []  # a rewrite writes its own words
        if foreign:
            quoted = ", ".join(f'"{w}"' for w in foreign)
            verb = "is" if len(foreign) == 1 else "are"
            left_out.append(
                f'"{item}" was left out: {quoted} {verb} not English; write it in English to have it in your messages.'
            )
            continue
        sentences.append(sentence)
    return Updates(tuple(sentences), tuple(left_out))


def _sentence(item: str, dates: list[Mention], today: date) -> str | None:
    """``item`` as a sentence in the candidate's voice, its dates written out; None if it cannot be."""
    rules = _data()
    if rules.voice.match(item):  # the candidate's own sentence: its dates spelled out, one by one, as they wrote them
        text = _spell_dates(item, dates, today, ranges=False)
        # a note to self goes: "(my wife's family is there)", "no matter what", "either way"
        kept = _ASIDE.sub("", text).strip(" ,")
        if "(" in text and "(" not in kept:  # "(family in Cork), signal is patchy there": "there" has lost its place
            kept = _THERE.sub("", kept)
        return kept[0].upper() + kept[1:] + "."
    text = _spell_dates(item, dates, today)
    for rewrite in rules.rewrites:
        m = rewrite.pattern.search(text)
        if m is not None:
            parts = {k: v.strip() for k, v in m.groupdict().items() if v}
            if "what" in parts:  # "Away 22-29 May": "I will be away from ...", not "I will be Away"
                parts["what"] = parts["what"][:1].lower() + parts["what"][1:]
            sentence = rewrite.sentence.format(**parts)
            # "My notice period is 1 month": a small count in words
            sentence = _SMALL_COUNT.sub(lambda c: f"{_COUNT_WORDS[int(c.group(1))]} {c.group(2)}", sentence)
            return re.sub(r"\s+", " ", sentence)
    return None


_SMALL_COUNT = re.compile(r"\b([1-9]|1[0-2]) (days?|weeks?|months?)\b")
_COUNT_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
_ASIDE = re.compile(r"\s*\([^)]*\)|,?\s+(?:no matter what|either way|anyway|regardless)\b(?! of)", re.I)
#: A clause spliced on with a comma that only says something of "there" ("signal is patchy there").
_THERE = re.compile(r",\s+(?!(?:and|but|so)\b)(?![^,]*\b(?:I|I'm|I'll|we)\b)[^,]*\bthere\s*$")
_JOINED = re.compile(r"\s*(?:-|\u2013|\u2014|to|until|till)\s*$", re.I)


def _spell_dates(item: str, dates: list[Mention], today: date, *, ranges: bool = True) -> str:
    """'25/03' and 'March 25' as '25 March', so every draft writes a date one way; with
    ``ranges``, two dates joined by a dash or "to" as one range ("23/12 - 02/01": "23 December
    to 2 January"; "12/12 to 20/12": "12 to 20 December") for the terse forms to read."""
    spans: list[tuple[int, int, str]] = []
    for m in dates:
        when = m.when(today)
        if when is None:
            continue
        first = f"{m.day} to " if m.last_day != m.day else ""
        spelled = f"{first}{when.day} {when:%B}"
        if ranges and spans and _JOINED.fullmatch(item[spans[-1][1] : m.start]) and " to " not in spans[-1][2]:
            start, _, earlier = spans.pop()
            day, month = earlier.split(" ", 1)
            spelled = f"{day} to {spelled}" if spelled.endswith(month) else f"{earlier} to {spelled}"
            spans.append((start, m.end, spelled))
            continue
        spans.append((m.start, m.end, spelled))
    out, last = [], 0
    for start, end, spelled in spans:
        out += [item[last:start], spelled]
        last = end
    # "on 14.03., new address": the date's own full stop goes with it
    return re.sub(r"(?<=[a-z])\.(?=,)", "", "".join(out) + item[last:]) if spans else item
