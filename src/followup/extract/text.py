"""Cutting a turn into sentences (keeping offsets) and tidying names as people type them."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Longest turn read; the rest is reported as unused (a paste of a whole mailbox is not notes).
MAX_TURN_CHARS = 20_000
_BOUNDARY = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*[-*•])|;|\n(?=[A-Z])|(?<=[a-z)])\n")
_NO_BREAK = re.compile(
    r"(?:\b(?:dr|mr|mrs|ms|st|vs|etc|co|inc|ltd|corp|e\.g|i\.e|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|(?<![\d/])\d{1,2}\.\d{1,2})$",
    re.I,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A piece of one turn: its text and where it starts in the turn."""

    turn: int
    start: int
    text: str


def clean(text: str) -> str:
    """The turn with control characters blanked out (same length, so offsets stay true)."""
    return _CONTROL.sub(" ", text[:MAX_TURN_CHARS])


def sentences(turn: int, text: str) -> list[Sentence]:
    """The sentences of ``text`` with their offsets; "19.11." and "Dec." do not end one."""
    out: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        piece = text[start : match.start()]
        if match.group(0).startswith(".") and _NO_BREAK.search(piece):
            continue
        _add(out, turn, text, start, match.end())
        start = match.end()
    _add(out, turn, text, start, len(text))
    return out


def _add(out: list[Sentence], turn: int, text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        out.append(Sentence(turn, start + piece.index(stripped), stripped))


def tidy_name(text: str) -> str:
    """'tom ellis' -> 'Tom Ellis'; 'DeShawn McKay' and "o'connor" keep or gain their capitals."""
    words = []
    for word in text.split():
        if word.islower() or (word.isupper() and len(word) > 3):
            word = "-".join(_cap(part) for part in word.lower().split("-"))
        words.append(word)
    return " ".join(words)


def _cap(part: str) -> str:
    if "'" in part or "\u2019" in part:
        head, _, tail = part.replace("\u2019", "'").partition("'")
        return (head[:1].upper() + head[1:]) + "'" + tail[:1].upper() + tail[1:]
    return part[:1].upper() + part[1:]


def tidy_title(text: str) -> str:
    """A role or company as a person writes it in a form: lower-case words capitalised, acronyms kept."""
    small = {"of", "and", "the", "for", "at", "in", "&"}
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if word.islower() and (i == 0 or word not in small):
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def clauses(sentence: Sentence, starts: re.Pattern[str], has_event: re.Pattern[str]) -> list[Sentence]:
    """A run-on sentence cut where a new event starts, when the words before it hold an event."""
    out: list[Sentence] = []
    begin = 0
    text = sentence.text
    for match in starts.finditer(text):
        if match.start() <= begin or not has_event.search(text[begin : match.start()]):
            continue
        out.append(Sentence(sentence.turn, sentence.start + begin, text[begin : match.start()].rstrip(" ,-")))
        begin = match.start()
    out.append(Sentence(sentence.turn, sentence.start + begin, text[begin:]))
    return [s for s in out if s.text.strip()]
