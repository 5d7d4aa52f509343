"""What one sentence states, before any date is resolved: the extractor's intermediate facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from followup.extract.dates import DateMention
from followup.extract.people import PersonMention


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact came from: the turn, the span in it, and the words."""

    turn: int
    start: int
    end: int
    phrase: str


@dataclass(frozen=True, slots=True)
class When:
    """A date phrase and how to read it.

    ``anchor`` names the day relative phrases count from: "interview", "reply"
    (the reply the phrase belongs to), "email" (the pasted e-mail's day) or
    "today"; ``voice`` is "email" inside a pasted e-mail, whose "today" is its own day.
    """

    mention: DateMention
    direction: str
    anchor: str
    voice: str
    source: Source
    before: bool = False  # "before 20/11": the day before the date named


@dataclass(slots=True)
class Facts:
    """Everything one sentence (or one pasted e-mail) says."""

    scalars: dict[str, tuple[str | bool, Source]] = field(default_factory=dict)
    people: list[tuple[PersonMention, str, Source]] = field(default_factory=list)  # (person, "interviewer"|"senior")
    interview: When | None = None
    interview_correction: bool = False
    promise: When | None = None
    messages: list[tuple[str, When | None, list[str] | None, Source]] = field(default_factory=list)
    replies: list[tuple[When | None, When | None, Source]] = field(default_factory=list)
    topics: list[tuple[str, Source]] = field(default_factory=list)
    articles: list[tuple[str, str, str | None, Source]] = field(default_factory=list)  # (url, title, topic)
    personal: list[tuple[str, Source]] = field(default_factory=list)
    renames: list[tuple[str, str, Source]] = field(default_factory=list)
    email_day: When | None = None

    def empty(self) -> bool:
        return not (
            self.scalars
            or self.people
            or self.interview
            or self.promise
            or self.messages
            or self.replies
            or self.topics
            or self.articles
            or self.personal
            or self.renames
        )


#: Makes the Source of a span of the sentence being read (start, end offsets in that sentence).
SourceOf = Callable[[int, int], Source]
