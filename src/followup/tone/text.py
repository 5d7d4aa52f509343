"""The draft as the checks see it: offsets into the original text, words, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from followup.tone.report import Channel, Check, DraftKind, Finding, Severity

# Same-length substitutions, so every offset found in the working copy is an offset
# into the text the user sees.
_SAME_LENGTH = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_LETTER = r"[^\W\d_]"  # a letter in any script: names like Tomás or Łukasz are words too
_WORD = re.compile(rf"{_LETTER}+(?:['\-]{_LETTER}+)*")
_SENTENCE_BREAK = re.compile(r"[.!?:\n]")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "st"})
_SPACE = r"[ \t\r\n]+"
#: A sentence, or a line that ends without a full stop: what lies between ".", "!", "?" and line breaks.
SENTENCE = re.compile(r"[^.!?\n]+")
#: The greeting at the top of a draft and the name it uses, past a title ("Dear Dr Tessaro": "Tessaro").
GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))[ \t]+"
    r"(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?[ \t]+)?([^\W\d_][\w'-]*)",
    re.I,
)
#: A subject line written into the body ("Subject: Thank you"), one line.
SUBJECT_LINE = re.compile(r"(?im)^[ \t]*subject[ \t]*:.*$")
_GREETING_HERE = re.compile(GREETING.pattern.removeprefix("^"), re.I)


def greeting_of(text: str) -> re.Match[str] | None:
    """The greeting at the top of ``text``, past a subject line written into the body
    ("Subject: Thank you" and then "Hi Tanya,"); its positions are in ``text``."""
    found = GREETING.match(text)
    if found is None and (subject := SUBJECT_LINE.match(text)) is not None:
        found = _GREETING_HERE.match(text, subject.end())
    return found


_KEYED = re.compile(r"(?<![\w'])[\w']+")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    sentence_start: bool  # first word of a sentence, a line or the text


@dataclass
class Draft:
    """One draft under review. ``work`` has the same length as ``original``."""

    original: str
    kind: DraftKind
    channel: Channel
    work: str = field(init=False)

    def __post_init__(self) -> None:
        self.work = self.original.translate(_SAME_LENGTH)

    @cached_property
    def words(self) -> list[Word]:
        words: list[Word] = []
        previous_end = 0
        for match in _WORD.finditer(self.work):
            gap = self.work[previous_end : match.start()]
            starts = not words or _SENTENCE_BREAK.search(gap) is not None
            if starts and words and gap.strip() == "." and words[-1].text.lower() in _HONORIFICS:
                starts = False  # 'Ms. Shah' is one name, not two sentences
            words.append(Word(match.group(), match.start(), match.end(), starts))
            previous_end = match.end()
        return words

    @cached_property
    def starts_by_key(self) -> dict[str, list[int]]:
        """Where the words start, by their index key (see ``followup.tone.scan``), in text order."""
        found: dict[str, list[int]] = {}
        for m in _KEYED.finditer(self.work):
            found.setdefault(m.group().lower().split("'")[0][:3], []).append(m.start())
        return found

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def lower(self) -> str:
        """The text in small letters, position for position ("İ" would lower to two characters: kept)."""
        low = self.work.lower()
        if len(low) == len(self.work):
            return low
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in self.work)

    def sentence_span(self, position: int) -> tuple[int, int]:
        """The sentence (or line) around ``position``, without surrounding space."""
        start = position
        while start > 0 and self.work[start - 1] not in ".!?\n":
            start -= 1
        end = position
        while end < len(self.work) and self.work[end] not in ".!?\n":
            end += 1
        end = min(end + 1, len(self.work)) if end < len(self.work) and self.work[end] != "\n" else end
        while start < end and self.work[start].isspace():
            start += 1
        return start, end

    def find(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(self.work)

    def finding(
        self,
        check: Check,
        code: str,
        severity: Severity,
        start: int,
        end: int,
        message: str,
        suggestion: str,
    ) -> Finding:
        return Finding(
            check=check,
            code=code,
            severity=severity,
            start=start,
            end=end,
            quote=self.original[start:end],
            message=message,
            suggestion=suggestion,
        )

    def opening_finding(self, check: Check, code: str, severity: Severity, message: str, suggestion: str) -> Finding:
        """A finding about the draft as a whole (something it never does), quoting its opening."""
        return self.finding(check, code, severity, 0, min(len(self.work), 80), message, suggestion)


#: How a message is signed off, longest first so "best regards" wins over "best". Shared by
#: the courtesy check (is there a polite close?) and the faithfulness check (what follows it
#: is the signature).
CLOSINGS = sorted(
    (
        "best regards", "kind regards", "warm regards", "warmest regards", "regards", "best wishes",
        "all the best", "sincerely", "yours sincerely", "yours truly", "respectfully", "with thanks",
        "with gratitude", "with appreciation", "with best wishes", "many thanks", "thank you", "thanks", "best",
        "warmly", "cheers", "thanks again", "thank you again", "warm wishes", "with warm wishes",
        "with warmest wishes", "with kind regards",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
CLOSING_ALTERNATIVES = "|".join(CLOSINGS)


def phrases(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern of whole-word alternatives; a space matches any spacing."""
    body = "|".join("(?:" + a.replace(" ", _SPACE) + ")" for a in alternatives)
    return re.compile(rf"(?<!{_LETTER})(?:{body})(?!{_LETTER})", re.IGNORECASE)
