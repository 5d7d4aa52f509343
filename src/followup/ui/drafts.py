"""The drafts as the page keeps them between events: plain dicts (Gradio state is copied
and serialised), one per recipient, each with its text as the person last left it.

Pure functions of their inputs, so the rules are tested without a browser: an edited
draft survives *Advise me* (re-checked against the new notes) until the person asks
for fresh drafts, and the page showing a draft it already holds is not an edit.
"""

from __future__ import annotations

from typing import Any

from followup.advice import Draft
from followup.models import InterviewNotes, name_key
from followup.service import Advised, recheck
from followup.ui import render

PageDraft = dict[str, Any]


def from_advice(advised: Advised, notes: InterviewNotes, old: list[PageDraft], *, keep_edits: bool) -> list[PageDraft]:
    """The page's drafts for new advice; with ``keep_edits`` a draft the person edited (same
    recipient, same kind of message) keeps their text."""
    rule = advised.advice.decision.rule
    kept = {(o["recipient"], o["kind"]): o for o in old if o.get("edited")} if keep_edits else {}
    return [_one(draft, notes, advised.fallback_reason, rule, kept) for draft in advised.advice.drafts]


def _one(
    draft: Draft,
    notes: InterviewNotes,
    fallback: str | None,
    rule: str,
    kept: dict[tuple[str, str], PageDraft],
) -> PageDraft:
    mine = kept.get((draft.recipient, draft.kind.value))
    text, subject = (mine["body"], mine["subject"]) if mine else (draft.body, draft.subject or "")
    tone = recheck(text, draft.kind.value, notes, draft.channel.value, draft.task) if mine else draft.tone
    person = notes.people().get(name_key(draft.recipient))
    details = {
        "rule": rule,
        "written by": f"{draft.backend} {draft.model}" if draft.source == "model" else "the built-in templates",
        "prompt": f"{draft.prompt_id} v{draft.prompt_version} #{draft.prompt_hash}",
    }
    return {
        "recipient": draft.recipient,
        "kind": draft.kind.value,
        "channel": draft.channel.value,
        "task": draft.task.model_dump() if draft.task else None,
        "subject": subject,
        "body": text,
        "edited": mine is not None,
        "header": render.draft_header(draft, fallback, person.email if person else None),
        "details": details,
        "tone": render.tone_summary(tone, text, details),
    }


def edited(
    drafts: list[PageDraft], index: int, text: str, subject: str, notes: InterviewNotes
) -> list[PageDraft] | None:
    """The drafts with draft ``index`` edited to ``text`` and ``subject`` and checked again, or
    None when that is what the draft already holds (the page showing it, not the person editing)."""
    current = drafts[index]
    if (text, subject) == (current["body"], current["subject"]):
        return None
    report = recheck(text, current["kind"], notes, current["channel"], current.get("task"))
    changed = {
        **current,
        "body": text,
        "subject": subject,
        "edited": True,
        "tone": render.tone_summary(report, text, current["details"]),
    }
    return [*drafts[:index], changed, *drafts[index + 1 :]]
