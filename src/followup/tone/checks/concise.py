"""Concise: word limits per kind, the LinkedIn note's 300 characters, no run-on sentences."""

from __future__ import annotations

from followup.tone.facts import NotesFacts
from followup.tone.report import Channel, Check, DraftKind, Finding
from followup.tone.scan import BLOCK, WARN
from followup.tone.text import SENTENCE, Draft

C = Check.concise

#: (fewest, most) words per kind. Past 1.5 times the most, or under half the fewest, it is blocked.
WORD_LIMITS: dict[DraftKind, tuple[int, int]] = {
    DraftKind.thank_you: (35, 200),
    DraftKind.value_add: (35, 180),
    DraftKind.check_in: (30, 150),
    DraftKind.escalation: (35, 200),
    DraftKind.closing: (30, 170),
    DraftKind.linkedin_note: (10, 60),
}
LINKEDIN_NOTE_MAX_CHARS = 300
LONG_SENTENCE_WORDS = 45


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    text = draft.work
    if not text.strip():
        return [draft.finding(C, "concise.empty", BLOCK, 0, len(text), "The draft is empty.", "Write the message.")]
    found: list[Finding] = []
    fewest, most = WORD_LIMITS[draft.kind]
    count = draft.word_count
    name = draft.kind.value.replace("_", "-")
    if count > most:
        cut = draft.words[most].start
        severity = BLOCK if count > most * 1.5 else WARN
        found.append(
            draft.finding(
                C, "concise.too_long", severity, cut, len(text),
                f"{count} words is long for a {name} (at most {most}).",
                "Cut to one point per paragraph; keep the thanks, the specific detail and the close.",
            )
        )  # fmt: skip
    elif count < fewest:
        severity = BLOCK if count < max(3, fewest // 2) else WARN
        found.append(
            draft.finding(
                C, "concise.too_short", severity, 0, len(text),
                f"{count} words is short for a {name} (at least {fewest}).",
                "Add the specific detail from the conversation that makes it yours.",
            )
        )  # fmt: skip
    limit = LINKEDIN_NOTE_MAX_CHARS
    if (draft.kind == DraftKind.linkedin_note or draft.channel == Channel.linkedin) and len(text.strip()) > limit:
        found.append(
            draft.finding(
                C, "concise.linkedin_limit", BLOCK, limit, len(text),
                f"A LinkedIn connection note holds {limit} characters; this has {len(text.strip())}.",
                "Keep the greeting, one specific line and your name.",
            )
        )  # fmt: skip
    for match in SENTENCE.finditer(text):
        if len(match.group().split()) > LONG_SENTENCE_WORDS:
            found.append(
                draft.finding(
                    C, "concise.long_sentence", WARN, match.start(), match.end(),
                    f"This sentence runs to {len(match.group().split())} words.",
                    "Split it in two.",
                )
            )  # fmt: skip
    return found
