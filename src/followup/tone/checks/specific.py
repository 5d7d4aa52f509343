"""Specific: a thank-you or value-add mentions the role or something discussed; no cliches."""

from __future__ import annotations

from followup.tone.facts import NotesFacts, content_words, stems, tokens
from followup.tone.report import Check, DraftKind, Finding
from followup.tone.scan import WARN, Rule, rule, scan
from followup.tone.text import Draft

C = Check.specific


def _cliche(alternatives: list[str], suggestion: str) -> Rule:
    return rule(
        "specific.cliche",
        WARN,
        alternatives,
        "This stock phrase says little and is easy to skim past.",
        suggestion,
    )


CLICHES = [
    _cliche(["just checking in", "checking in to see", "just following up", "just wanted to follow up", "quick follow-up"],
            "Say why you are writing: 'You mentioned you hoped to decide by Friday, so I wanted to ask ...'"),
    _cliche(["touching base", "touch base"], "Name the reason: 'I wanted to share ...' or 'I wanted to ask ...'."),
    _cliche(["circling back", "circle back", "loop(ing)? back", "bump(ing)? this"], "Say plainly what you are asking about."),
    _cliche(["i hope this (e-?mail|message|note) finds you well", "hope this finds you well"],
            "Open with something specific: 'Thank you again for Tuesday's conversation about ...'"),
    _cliche(["reaching out"], "Start with the point itself."),
    _cliche(["(as )?per our (conversation|call|discussion|chat)", "as discussed"],
            "Name what was discussed: 'When we talked about ...'"),
    _cliche(["any updates\\?", "any update\\?"], "Ask something specific and easy to answer."),
    _cliche(["team player", "hit the ground running", "think outside the box", "synergy", "go-getter",
             "value[- ]add"], "Replace the buzzword with a concrete example."),
]  # fmt: skip


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = scan(draft, C, CLICHES)
    if facts is None or draft.kind not in (DraftKind.thank_you, DraftKind.value_add):
        return found
    words = stems(tokens(draft.work))
    role_words = facts.role_stems
    role = role_words and len(role_words & words) >= max(1, (len(role_words) + 1) // 2)
    topic = any(t and len(t & words) >= min(2, len(t)) for t in facts.topic_stems)
    shared = any(url.split("/")[0] in draft.lower for url in facts.urls) or any(
        content_words(c) <= words for c in facts.contacts
    )
    if not (role or topic or (draft.kind == DraftKind.value_add and shared)):
        end = min(len(draft.work), 80)
        found.append(
            draft.finding(
                C, "specific.generic", WARN, 0, end,
                "Nothing here is specific to this interview: neither the role nor anything you discussed.",
                "Mention the role and one thing from the conversation, e.g. a topic from your notes.",
            )
        )  # fmt: skip
    return found
