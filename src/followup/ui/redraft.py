"""The chat's changes to a draft it showed: shorter, more formal; each re-checked for tone.

Each returns the reply (Markdown) and the new draft, or the same draft when the change
could not be made (already short or formal, or the changed text fails the tone check).
"""

from __future__ import annotations

import re
from typing import Any

from followup.models import InterviewNotes
from followup.service import recheck
from followup.ui.markdown import quoted

_FORMAL = [
    (r"^Hi\b", "Dear"), (r"^Hello\b", "Dear"), (r"\bI'm\b", "I am"), (r"\bI'd\b", "I would"), (r"\bI've\b", "I have"),
    (r"\bit's\b", "it is"), (r"\bdon't\b", "do not"), (r"\bcan't\b", "cannot"), (r"\bThanks\b", "Thank you"),
    (r"^Best,$", "Kind regards,"), (r"^Best wishes,$", "Kind regards,"),
]  # fmt: skip


def shorter(draft: dict[str, Any], notes: InterviewNotes) -> tuple[str, dict[str, Any]]:
    """The draft without its middle paragraphs, when it has more than three."""
    paragraphs = [p for p in draft["body"].split("\n\n") if p.strip()]
    if len(paragraphs) <= 3:
        return "It is already as short as it can be while still saying something specific.", draft
    kept = (
        [paragraphs[0], paragraphs[1], *paragraphs[-2:]]
        if len(paragraphs) > 4
        else [paragraphs[0], paragraphs[1], paragraphs[-1]]
    )
    return _recheck(draft, "\n\n".join(kept) + "\n", notes, "shorter")


def formal(draft: dict[str, Any], notes: InterviewNotes) -> tuple[str, dict[str, Any]]:
    """The draft with a 'Dear' greeting, no contractions and a 'regards' close."""
    body: str = draft["body"]
    for pattern, replacement in _FORMAL:
        body = re.sub(pattern, replacement, body, flags=re.M)
    if body == draft["body"]:
        return "It is already formal: a 'Dear' greeting, no contractions, a 'regards' close.", draft
    return _recheck(draft, body, notes, "more formal")


def _recheck(draft: dict[str, Any], body: str, notes: InterviewNotes, what: str) -> tuple[str, dict[str, Any]]:
    report = recheck(body, draft["kind"], notes, draft.get("channel", "email"), draft.get("task"))
    if not report.passed:
        problems = "; ".join(f.message for f in report.blocking[:2])
        return f"I could not make it {what} without failing the tone check ({problems}); the draft above stands.", draft
    return f"Here it is, {what}:\n\n{quoted(body)}", {**draft, "body": body}
