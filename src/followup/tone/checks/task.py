"""Task: the draft does the job it was written for.

Given the task (``followup.tone.task.DraftTask``): the greeting names the person the
message is to, not someone else from the notes; an introduction names the person it
introduces; a shared article comes with its link; and whoever the draft says it copies
is someone it copies (elsewhere than an e-mail escalation, ``faithful.cc`` already blocks
any copy). Without a task, nothing here runs.
"""

from __future__ import annotations

import re

from followup.tone.checks.kind_specific import JOBS, does_its_job
from followup.tone.facts import NotesFacts, normalise_url
from followup.tone.report import Channel, Check, DraftKind, Finding
from followup.tone.scan import BLOCK
from followup.tone.task import DraftTask
from followup.tone.text import Draft, greeting_of, phrases

C = Check.kind_specific

#: Saying someone is in copy (or in the loop): the sentence around it must name only those copied.
_COPY = phrases(
    "(i('ve| have)|i am|i'm|i) (also )?(copied|cc'?d|cc'?ed|cc'?ing|copying|looped in)",
    "whom i('ve| have)? (copied|cc'?d|included)",
    "who (is|is also) (copied|in copy|cc'?d)",
    "(copied|cc'?d) (here|on this|in this)",
    "in copy",
    "cc:",
)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")
_NAME = re.compile(r"\b[^\W\d_][\w'-]*\b")


def check(draft: Draft, facts: NotesFacts | None, task: DraftTask) -> list[Finding]:
    found: list[Finding] = []
    if task.recipient and facts is not None:
        found += _recipient(draft, facts, task.recipient)
    if task.recipient and task.addressed:
        found += _title(draft, task.recipient, task.addressed)
    if task.recipient:
        found += _reader_in_the_third_person(draft, task.recipient)
    if task.introduces:
        found += _introduction(draft, task.introduces)
    if task.article_url:
        found += _article(draft, task.article_url, task.article_title or "the article")
    if facts is not None:
        found += _copied(draft, facts, task)
    if draft.kind == DraftKind.linkedin_note and task.action in JOBS:
        found += does_its_job(draft, task.action)  # a LinkedIn note does its action's job
    return found


def settled(findings: list[Finding], task: DraftTask) -> list[Finding]:
    """The findings less those the task answers: an escalation that copies nobody (the task
    says so) has nobody to keep in the loop."""
    if task.copied:
        return findings
    return [f for f in findings if f.code != "kind.escalation_bypass"]


def _parts(name: str) -> set[str]:
    return {part.casefold() for part in _NAME.findall(name)}


def _recipient(draft: Draft, facts: NotesFacts, recipient: str) -> list[Finding]:
    match = greeting_of(draft.work)
    if match is None:
        return []
    greeted = match.group(1).casefold()
    if greeted in _parts(recipient):
        return []
    others = {part for name in facts.people for part in _parts(name)} | facts.candidate
    if greeted not in others - _parts(recipient):
        return []  # a title ("Dear Hiring Manager") or a name the notes do not hold (faithful's business)
    return [
        draft.finding(
            C, "task.recipient", BLOCK, match.start(1), match.end(1),
            f"This greets {match.group(1)}, but the message is to {recipient}.",
            f"Greet {recipient.split()[0]}, the person it is to.",
        )
    ]  # fmt: skip


def _title(draft: Draft, recipient: str, addressed: str) -> list[Finding]:
    """A greeting by name alone where the notes give the person a title ("Dear Babatunde" to
    the one the notes call Dr Adeyemi): too familiar where titles are the custom."""
    match = greeting_of(draft.work)
    if match is None:
        return []
    end = draft.work.find("\n", match.start())
    line = draft.work[match.start() : end if end >= 0 else None]
    plain = line.casefold().replace(".", "")
    if addressed.casefold().replace(".", "") in plain:
        return []
    if not any(re.search(rf"\b{re.escape(part)}", plain) for part in _parts(recipient) if len(part) > 1):
        return []  # "Dear Hiring Manager": no name to leave the title off
    return [
        draft.finding(
            C, "task.title", BLOCK, match.start(1), match.end(1),
            f"This greets {recipient} by name alone, but your notes call them {addressed}.",
            f"Greet them as {addressed}.",
        )
    ]  # fmt: skip


def _reader_in_the_third_person(draft: Draft, recipient: str) -> list[Finding]:
    """The reader spoken of as someone else ("our conversation with Riaan about hoist training",
    in a message to Riaan): the draft was written about them, not to them."""
    names = [re.escape(p) for p in recipient.split() if len(p) > 2 and p[:1].isupper()]
    if not names:
        return []
    who = "|".join(names)
    pattern = re.compile(
        rf"\b(?:with|from|by|and|told|asked|thanked)\s+(?:{who})\b(?!\s*,\s*$)"
        rf"|\b(?:{who})\s+(?:said|mentioned|asked|told|explained|wants|wanted|suggested|described)\b"
        rf"|\b(?:{who})['\u2019]s\b"
    )
    begin = 0
    greeting = greeting_of(draft.work)
    if greeting is not None:  # past the greeting ("Dear Dana and Sam,"); a LinkedIn note goes on after its comma
        line_end = draft.work.find("\n", greeting.end())
        line_end = line_end if line_end >= 0 else len(draft.work)
        comma = draft.work.find(",", greeting.end(), line_end)
        begin = comma + 1 if comma >= 0 else line_end
    found = []
    for m in pattern.finditer(draft.work, begin):
        found.append(
            draft.finding(
                C, "task.third_person", BLOCK, m.start(), m.end(),
                f"This speaks of {recipient} as someone else, in a message to {recipient}.",
                "Speak to them as 'you': 'our conversation about ...', 'you mentioned ...'.",
            )
        )  # fmt: skip
    return found


def _introduction(draft: Draft, contact: str) -> list[Finding]:
    if any(re.search(rf"\b{re.escape(part)}\b", draft.work, re.I) for part in _parts(contact) if len(part) > 1):
        return []
    return [
        draft.opening_finding(
            C, "task.introduction_unnamed", BLOCK,
            f"This offers an introduction but never names {contact}.",
            f"Say who {contact} is and why the two of you might talk.",
        )
    ]  # fmt: skip


def _article(draft: Draft, url: str, title: str) -> list[Finding]:
    if normalise_url(url) in re.sub(r"https?://(www\.)?", "", draft.lower):
        return []
    return [
        draft.opening_finding(
            C, "task.article_link", BLOCK, f'This shares "{title}" without its link.', f"Include the link: {url}"
        )
    ]


def _copied(draft: Draft, facts: NotesFacts, task: DraftTask) -> list[Finding]:
    found: list[Finding] = []
    if _COPY.search(draft.work) is None:
        return found  # the common case: no copy is mentioned, decided in one pass
    allowed = {part for name in task.copied for part in _parts(name)}
    allowed |= _parts(task.recipient or "")
    known = {part for name in facts.people for part in _parts(name)}
    for sentence in _SENTENCE.finditer(draft.work):
        text = sentence.group()
        said = _COPY.search(text)
        if said is None:
            continue
        wrong = [m for m in _NAME.finditer(text) if m.group()[0].isupper() and m.group().casefold() in known - allowed]
        if wrong or (not task.copied and draft.kind == DraftKind.escalation and draft.channel == Channel.email):
            at = wrong[0] if wrong else said
            start = sentence.start() + at.start()
            who = ", ".join(task.copied) or "nobody"
            found.append(
                draft.finding(
                    C, "task.copied", BLOCK, start, sentence.start() + at.end(),
                    f"This says {at.group()} is in copy, but the message copies {who}.",
                    "Name only the people the message really copies, or leave the copy out.",
                )
            )  # fmt: skip
    return found
