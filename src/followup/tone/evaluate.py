"""evaluate_tone: run every check on a draft and say whether it may be shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from followup.models import InterviewNotes
from followup.tone.checks import (
    concise,
    courteous,
    desperate,
    faithful,
    irritated,
    kind_specific,
    meaning,
    professional,
    pushy,
    specific,
)
from followup.tone.checks import task as task_checks
from followup.tone.courtesy import courtesy_score
from followup.tone.facts import NotesFacts
from followup.tone.report import (
    DIMENSIONS,
    Channel,
    Check,
    DraftKind,
    Finding,
    Severity,
    ToneReport,
)
from followup.tone.task import DraftTask
from followup.tone.text import Draft

CheckFn = Callable[[Draft, NotesFacts | None], list[Finding]]

CHECKS: dict[Check, CheckFn] = {
    Check.courteous: courteous.check,
    Check.not_desperate: desperate.check,
    Check.not_irritated: irritated.check,
    Check.not_pushy: pushy.check,
    Check.concise: concise.check,
    Check.professional: professional.check,
    Check.faithful: faithful.check,
    Check.specific: specific.check,
    Check.kind_specific: kind_specific.check,
}

#: Texts longer than this are judged on their length alone, beyond a first slice that
#: the other checks read: nobody sends a 100,000-character follow-up.
MAX_CHECKED_CHARS = 20_000


def evaluate_tone(
    text: str,
    *,
    kind: DraftKind | str,
    notes: InterviewNotes | None = None,
    channel: Channel | str = Channel.email,
    today: date | None = None,
    task: DraftTask | None = None,
) -> ToneReport:
    """Check a draft the way a careful career coach would.

    Pure and offline. ``passed`` is false when any finding blocks. With ``notes``,
    faithfulness and specificity are checked against them; without, those checks
    that need the notes are skipped (``notes_checked`` says which happened). ``today``
    (default: the latest day the notes show has passed) tells which dates are past.
    ``task`` (whom it is to, whom it copies, what it shares), when given, is checked too.
    """
    kind = DraftKind(kind)
    channel = Channel(channel)
    facts = facts_for(notes) if notes is not None else None
    return evaluate_with_facts(text, kind=kind, channel=channel, facts=facts, today=today, task=task)


_FACTS: dict[str, NotesFacts] = {}


def facts_for(notes: InterviewNotes) -> NotesFacts:
    """The notes' facts, computed once per distinct notes (the UI re-checks on every edit)."""
    key = notes.model_dump_json()
    facts = _FACTS.get(key)
    if facts is None:
        if len(_FACTS) >= 64:
            _FACTS.clear()
        facts = _FACTS[key] = NotesFacts.from_notes(notes)
    return facts


def evaluate_with_facts(
    text: str,
    *,
    kind: DraftKind,
    channel: Channel,
    facts: NotesFacts | None,
    today: date | None = None,
    task: DraftTask | None = None,
) -> ToneReport:
    """As :func:`evaluate_tone`, with the notes' facts already computed (for many drafts)."""
    full = Draft(text, kind, channel)
    sliced = full if len(text) <= MAX_CHECKED_CHARS else Draft(text[:MAX_CHECKED_CHARS], kind, channel)
    findings: list[Finding] = []
    for check, run in CHECKS.items():
        findings += run(full if check == Check.concise else sliced, facts)
    findings += meaning.check(sliced, facts, today)
    if task is not None:
        findings = task_checks.settled(findings + task_checks.check(sliced, facts, task), task)
    findings += irritated.negative_tone(sliced, findings, facts)
    findings.sort(key=lambda f: (f.start, f.end, f.check.value))
    return ToneReport(
        passed=not any(f.severity == Severity.block for f in findings),
        kind=kind,
        channel=channel,
        findings=findings,
        scores=_scores(sliced.work, findings),
        words=full.word_count,
        notes_checked=facts is not None,
    )


def _scores(text: str, findings: list[Finding]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for check, dimension in DIMENSIONS.items():
        mine = [f for f in findings if f.check == check]
        blocks = sum(f.severity == Severity.block for f in mine)
        warns = len(mine) - blocks
        scores[dimension] = round(max(0.0, 1.0 - 0.5 * blocks - 0.15 * warns), 3)
    lexical = courtesy_score(text)
    scores["courtesy"] = round(min(lexical, scores["courtesy"]) if text.strip() else 0.0, 3)
    return scores
