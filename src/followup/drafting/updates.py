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

_ITEMS = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n+|;\s*")


@dataclass(frozen=True)
class Updates:
    sentences: tuple[str, ...]
    left_out: tuple[str, ...]


@dataclass(frozen=True)
class _Rewrite:
    pattern: re.Pattern[str]
    sentence: str


@cache
def _data() -> tuple[re.Pattern[str], tuple[_Rewrite, ...]]:
    raw: dict[str, Any] = yaml.safe_load(files("followup.drafting").joinpath("updates.yaml").read_text("utf-8"))
    voice = re.compile(r"^(?:" + "|".join(raw["own_voice"]) + r")\b", re.I)
    rewrites = tuple(_Rewrite(re.compile(r["pattern"], re.I), r["sentence"]) for r in raw["rewrites"])
    return voice, rewrites


def prepare(text: str, today: date, country: str | None = None) -> Updates:
    """The news in ``text`` as it may go into a message sent on ``today``."""
    sentences: list[str] = []
    left_out: list[str] = []
    for item in (i.strip().rstrip(".").strip() for i in _ITEMS.split(text or "")):
        if not item:
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
        sentence = _sentence(item, dates, today)
        if sentence is None:
            left_out.append(
                f'"{item}" was left out: write it as a sentence in your own words (for example '
                '"I have another offer, with a deadline of 25 March.") to have it in your messages.'
            )
            continue
        sentences.append(sentence)
    return Updates(tuple(sentences), tuple(left_out))


def _sentence(item: str, dates: list[Mention], today: date) -> str | None:
    """``item`` as a sentence in the candidate's voice, its dates written out; None if it cannot be."""
    text = _spell_dates(item, dates, today)
    voice, rewrites = _data()
    if voice.match(text):
        return text[0].upper() + text[1:] + "."
    for rewrite in rewrites:
        m = rewrite.pattern.search(text)
        if m is not None:
            parts = {k: v.strip() for k, v in m.groupdict().items() if v}
            if "what" in parts:  # "Away 22-29 May": "I will be away from ...", not "I will be Away"
                parts["what"] = parts["what"][:1].lower() + parts["what"][1:]
            sentence = rewrite.sentence.format(**parts)
            return re.sub(r"\s+", " ", sentence)
    return None


def _spell_dates(item: str, dates: list[Mention], today: date) -> str:
    """'25/03' and 'March 25' as '25 March', so every draft writes a date one way."""
    out, last = [], 0
    for m in dates:
        when = m.when(today)
        if when is None:
            continue
        first = f"{m.day} to " if m.last_day != m.day else ""
        out += [item[last : m.start], f"{first}{when.day} {when:%B}"]
        last = m.end
    return "".join(out) + item[last:]
