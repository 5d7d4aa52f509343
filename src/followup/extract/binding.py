"""Triggers and dates in one sentence: which date goes with which event.

Each date phrase goes to the nearest trigger before it that can take it (else
the nearest after it): "interviewed ... last thurs", "sent thank-yous same day",
"Yesterday I had an interview", "hear back by Friday".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.extract.dates import DateMention
from followup.extract.lexicon import lexicon, triggers


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int
    end: int


def find_triggers(text: str) -> list[Trigger]:
    found: list[Trigger] = []
    for kind in ("interview", "thank_you", "check_in", "escalation", "value_add", "reply", "reply_received", "promise"):
        for match in triggers()[kind].finditer(text):
            found.append(Trigger("reply" if kind == "reply_received" else kind, match.start(), match.end()))
    found = [t for t in found if not _subsumed(t, found, text)]
    return sorted(found, key=lambda t: t.start)


def _subsumed(trigger: Trigger, found: list[Trigger], text: str) -> bool:
    """Drop readings that a stronger one covers: "I emailed a thank you" is no reply."""
    if trigger.kind == "promise" and any(
        t.kind != "promise" and t.start <= trigger.start and trigger.end <= t.end for t in found
    ):
        return True  # "reply" inside "got a reply"
    before = text[max(0, trigger.start - 12) : trigger.start].lower()
    if trigger.kind == "reply" and not text[trigger.start :].lower().startswith(("heard", "got", "reply", "response")):
        if re.search(r"\bi\s+(?:\w+\s+)?$", before) or re.search(r"(?:^|[.,;]\s*)$", before):
            return True
        if any(t.kind in ("thank_you", "check_in", "escalation", "value_add") for t in found) and re.search(
            r"\bi\b", text[: trigger.start], re.I
        ):
            return True
    if trigger.kind == "check_in" and re.search(r"\b(?:they|he|she|\w+ from hr)\s+$", before):
        return True
    return (
        trigger.kind == "interview"
        and any(t.kind == "thank_you" for t in found)
        and "met" in text[trigger.start : trigger.end]
    )


def negated_date(text: str, mention: DateMention) -> bool:
    return bool(re.search(r"\bnot\s+(?:on\s+|the\s+)?$", text[max(0, mention.start - 10) : mention.start], re.I))


def _compatible(kind: str, mention: DateMention, text: str) -> bool:
    tense = _tense(mention)
    if kind == "promise":
        if tense == "either":  # "by Friday", "on Nov 3": a bare date is a promise only after such a word
            before = text[max(0, mention.start - 12) : mention.start]
            return mention.kind != "relative" and bool(
                re.search(
                    r"\b(?:by|before|b4|until|till|on|for|said|says|told me|hear|know|decide|decision|answer|back)\s*$",
                    before,
                    re.I,
                )
                or re.match(r"(?i)(?:by|on|b4)\b", mention.phrase)
            )
        return tense != "past"
    return tense != "future"


def _tense(mention: DateMention) -> str:
    if mention.kind == "weekday":
        mod = str(mention.parts[11] or "").lower()
        if mod in ("by", "b4", "before", "until", "till", "next", "this coming", "coming"):
            return "future"
        if mod in ("last", "this past", "past"):
            return "past"
    if mention.kind == "relative":
        return (
            "future" if lexicon().relative_days.get(" ".join(str(mention.parts[9]).lower().split()), 0) > 0 else "past"
        )
    if mention.kind in ("month_day", "day_month", "numeric", "iso") and re.match(r"(?i)by\b", mention.phrase):
        return "future"
    return mention.tense


def bind_dates(found: list[Trigger], dates: list[DateMention], text: str) -> dict[int, list[DateMention]]:
    """Which date goes with which trigger (by the trigger's index)."""
    bound: dict[int, list[DateMention]] = {}
    previous: tuple[DateMention, int] | None = None
    for mention in dates:
        if previous is not None and re.fullmatch(r"[\s,]*(?:the\s+)?", text[previous[0].end : mention.start]):
            bound[previous[1]].append(mention)  # "Wednesday, December 2" is one date
            continue
        previous = None
        if mention.kind in ("another", "more"):
            target = next((i for i, t in enumerate(found) if t.kind == "promise"), None)
            if target is None:
                target = next((i for i, t in enumerate(found) if t.kind == "reply"), None)
            if target is not None:
                bound.setdefault(target, []).append(mention)
            continue
        before = [i for i, t in enumerate(found) if t.start <= mention.start and _compatible(t.kind, mention, text)]
        after = [i for i, t in enumerate(found) if t.start > mention.start and _compatible(t.kind, mention, text)]
        free_before = [i for i in before if i not in bound]
        free_after = [i for i in after if i not in bound]
        # A date right before its trigger ("Yesterday I had an interview") or right after it.
        choice = free_before[-1] if free_before else free_after[0] if free_after else None
        between = text[mention.end : found[free_after[0]].start] if free_after else ","
        close_after = bool(free_after) and (
            not free_before
            or (
                not re.search(r"[,.;:]", between) and len(between) < 4 < _gap(mention.start, found[free_before[-1]].end)
            )
        )
        if close_after and (found[free_after[0]].kind != "promise" or _tense(mention) == "future"):
            choice = free_after[0]
        if choice is None and (before or after):
            choice = before[-1] if before else after[0]
        if choice is not None:
            bound.setdefault(choice, []).append(mention)
            previous = (mention, choice)
    return bound


def _gap(a: int, b: int) -> int:
    return abs(a - b)


def most_precise(mentions: list[DateMention]) -> DateMention:
    """Of several phrases for one event, the most precise ("Thursday, November 19" -> November 19)."""
    order = ["iso", "month_day", "day_month", "numeric", "nth"]
    for kind in order:
        for mention in mentions:
            if mention.kind == kind:
                return mention
    return mentions[0]
