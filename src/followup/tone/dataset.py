"""The labelled drafts under ``evals/tone/``: loading them and measuring the checks on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from followup.models import InterviewNotes
from followup.notes_io import load_notes
from followup.tone.evaluate import evaluate_with_facts
from followup.tone.facts import NotesFacts
from followup.tone.report import Channel, Check, DraftKind, Severity, ToneReport


class LabelledDraft(BaseModel):
    """One draft and what a careful reader says of it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: DraftKind
    channel: Channel = Channel.email
    notes: str = Field(description="The name of a notes file in the set's notes/ folder.")
    label: Literal["good", "bad"]
    text: str | None = None
    base: str | None = Field(None, description="Another draft's id, edited by replace/append.")
    replace: list[tuple[str, str]] = []
    append: str = ""
    checks: list[Check] = Field([], description="Every check that should fire (block or warn).")


_DRAFTS = TypeAdapter(list[LabelledDraft])


@dataclass(frozen=True)
class Example:
    draft: LabelledDraft
    text: str
    notes: InterviewNotes


def load_split(path: Path, notes_dir: Path | None = None) -> list[Example]:
    """A YAML file of labelled drafts, with ``base`` drafts expanded and notes loaded.

    Notes are read from ``notes_dir``, by default the ``notes`` folder beside the
    file's own folder (``evals/tone/notes`` for ``evals/tone/dev/part1.yaml``).
    """
    notes_dir = notes_dir or path.parent.parent / "notes"
    drafts = _DRAFTS.validate_python(yaml.safe_load(path.read_text(encoding="utf-8")))
    by_id: dict[str, LabelledDraft] = {}
    notes_cache: dict[str, InterviewNotes] = {}
    examples: list[Example] = []
    for draft in drafts:
        if draft.id in by_id:
            raise ValueError(f"{path}: {draft.id}: the id is used twice")
        by_id[draft.id] = draft
        text = _text(draft, by_id, path)
        if draft.notes not in notes_cache:
            notes_cache[draft.notes] = load_notes(notes_dir / f"{draft.notes}.yaml")
        examples.append(Example(draft, text, notes_cache[draft.notes]))
    return examples


def _text(draft: LabelledDraft, by_id: dict[str, LabelledDraft], path: Path) -> str:
    if (draft.text is None) == (draft.base is None):
        raise ValueError(f"{path}: {draft.id}: give either text or base")
    if draft.text is not None:
        return draft.text
    assert draft.base is not None
    if draft.base not in by_id:
        raise ValueError(f"{path}: {draft.id}: base {draft.base!r} must come earlier in the file")
    text = _text(by_id[draft.base], by_id, path)
    for old, new in draft.replace:
        if old not in text:
            raise ValueError(f"{path}: {draft.id}: {old!r} is not in {draft.base}")
        text = text.replace(old, new, 1)
    return text + draft.append


@dataclass(frozen=True)
class Outcome:
    example: Example
    report: ToneReport

    @property
    def blocked(self) -> bool:
        return not self.report.passed

    @property
    def fired(self) -> set[Check]:
        return {f.check for f in self.report.findings}

    @property
    def correct(self) -> bool:
        return self.blocked == (self.example.draft.label == "bad")


def run(examples: Iterable[Example]) -> list[Outcome]:
    facts: dict[int, NotesFacts] = {}
    outcomes = []
    for example in examples:
        key = id(example.notes)
        if key not in facts:
            facts[key] = NotesFacts.from_notes(example.notes)
        report = evaluate_with_facts(
            example.text, kind=example.draft.kind, channel=example.draft.channel, facts=facts[key]
        )
        outcomes.append(Outcome(example, report))
    return outcomes


@dataclass(frozen=True)
class CheckScore:
    check: Check
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass(frozen=True)
class Summary:
    drafts: int
    good: int
    bad: int
    good_blocked: int
    bad_blocked: int
    accuracy: float
    per_check: list[CheckScore]


def summarise(outcomes: list[Outcome]) -> Summary:
    good = [o for o in outcomes if o.example.draft.label == "good"]
    bad = [o for o in outcomes if o.example.draft.label == "bad"]
    per_check = []
    for check in Check:
        tp = sum(check in o.fired and check in o.example.draft.checks for o in outcomes)
        fp = sum(check in o.fired and check not in o.example.draft.checks for o in outcomes)
        fn = sum(check not in o.fired and check in o.example.draft.checks for o in outcomes)
        per_check.append(CheckScore(check, tp, fp, fn))
    return Summary(
        drafts=len(outcomes),
        good=len(good),
        bad=len(bad),
        good_blocked=sum(o.blocked for o in good),
        bad_blocked=sum(o.blocked for o in bad),
        accuracy=sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0,
        per_check=per_check,
    )


def render(summary: Summary, title: str) -> str:
    """The summary as a Markdown table, as the README shows it."""
    lines = [
        f"### {title}",
        "",
        f"{summary.drafts} drafts ({summary.good} good, {summary.bad} bad). "
        f"Accuracy (blocked exactly the bad ones): {summary.accuracy:.1%}. "
        f"Good drafts blocked: {summary.good_blocked} of {summary.good}. "
        f"Bad drafts blocked: {summary.bad_blocked} of {summary.bad} "
        f"({summary.bad_blocked / summary.bad if summary.bad else 0:.1%}).",
        "",
        "| check | precision | recall | TP | FP | FN |",
        "|---|---|---|---|---|---|",
    ]
    for s in summary.per_check:
        lines.append(
            f"| {s.check.value} | {s.precision:.2f} | {s.recall:.2f} | "
            f"{s.true_positives} | {s.false_positives} | {s.false_negatives} |"
        )
    return "\n".join(lines) + "\n"


def mistakes(outcomes: list[Outcome]) -> list[str]:
    """One line per wrong verdict or wrong check, for tuning."""
    lines = []
    for o in outcomes:
        d = o.example.draft
        expected = set(d.checks)
        if not o.correct or o.fired != expected:
            blocks = sorted({f.code for f in o.report.findings if f.severity == Severity.block})
            extra = sorted(c.value for c in o.fired - expected)
            missing = sorted(c.value for c in expected - o.fired)
            verdict = "BLOCKED" if o.blocked else "passed"
            lines.append(f"{d.id} ({d.label}, {verdict}): extra={extra} missing={missing} blocks={blocks}")
    return lines
