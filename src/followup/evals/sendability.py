"""The sendability measure: hand-labelled drafts, and how well the gate agrees with them.

Each draft under ``evals/sendability/{dev,test}/`` was read as the hiring manager who
would receive it and labelled ``sendable`` (as it is), ``small_edit`` (sendable after a
small edit) or ``not_sendable``, with the reason in one sentence. The gate is right when
it blocks the not-sendable drafts and lets the sendable ones through; small-edit drafts
are reported, blocked or passed, and not scored as errors.

``followup sendability-eval [--split dev|test|all] [--mistakes]`` prints the figures.
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from followup.drafting.address import addressed_as
from followup.errors import InputError, one_line
from followup.evals.cases import CaseError, load_cases
from followup.models import InterviewNotes, name_key
from followup.notes_io import YamlLoader, load_notes
from followup.tone import Channel, DraftKind, ToneReport, evaluate_tone
from followup.tone.task import DraftTask

#: The labelled set, found from where the command runs (a checkout's root), as ``followup eval`` finds its cases.
DEFAULT_SET = Path("evals") / "sendability"
SPLITS = {"dev": ("dev",), "test": ("test",), "all": ("dev", "test")}

Label = Literal["sendable", "small_edit", "not_sendable"]
Source = Literal["template", "model", "hand"]
LABELS: tuple[Label, ...] = ("sendable", "small_edit", "not_sendable")
SOURCES: tuple[Source, ...] = ("template", "model", "hand")

_Text = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]


class SendabilityError(InputError):
    """A labelled file that cannot be used; the message names the file, the item and the field."""


class LabelledDraft(BaseModel):
    """One draft, who wrote it, for which notes, and what the person receiving it would say."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80)]
    notes: _Text = Field(
        description="A notes file, relative to the checkout's root; or a case file and a case id, "
        "'evals/cases/policy.yaml#case-id', for that case's notes."
    )
    kind: DraftKind
    channel: Channel = Channel.email
    source: Source
    today: date | None = Field(None, description="The day the draft was written for, when it matters.")
    subject: str | None = Field(None, description="The subject line shown with the draft (the gate reads the body).")
    task: DraftTask | None = Field(
        None, description="What the advisor asked of the draft (whom it greets, copies, shares), when known."
    )
    label: Label
    reason: Annotated[str, StringConstraints(min_length=1, max_length=400)] = Field(
        description="One sentence, as the hiring manager would say it."
    )
    text: _Text


@dataclass(frozen=True)
class Item:
    draft: LabelledDraft
    notes: InterviewNotes
    file: Path


def load_items(files: Iterable[Path], root: Path = Path()) -> list[Item]:
    """Every labelled draft in ``files``, with its notes loaded (paths relative to ``root``).

    Raises SendabilityError naming the file, the item and the field for anything malformed:
    an unknown or missing field, a bad label or kind, notes that cannot be found, an id used twice.
    """
    items: list[Item] = []
    seen: dict[str, Path] = {}
    notes_cache: dict[str, InterviewNotes] = {}
    cases: dict[Path, dict[str, InterviewNotes]] = {}
    for path in files:
        for index, entry in enumerate(_entries(path)):
            name = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
            where = f"{path}: item {name}"
            try:
                draft = LabelledDraft.model_validate(entry)
            except ValidationError as exc:
                raise SendabilityError(f"{where}: {one_line(exc)}") from None
            if draft.id in seen:
                raise SendabilityError(f"{where}: id: {draft.id!r} is used twice (also in {seen[draft.id]})")
            seen[draft.id] = path
            if draft.notes not in notes_cache:
                notes_cache[draft.notes] = _notes(draft.notes, root, where, cases)
            items.append(Item(draft, notes_cache[draft.notes], path))
    return items


def _entries(path: Path) -> list[Any]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YamlLoader)
    except yaml.YAMLError as exc:
        raise SendabilityError(f"{path}: is not valid YAML ({' '.join(str(exc).split())[:120]})") from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise SendabilityError(f"{path}: must hold a list of labelled drafts")
    return raw


def _notes(reference: str, root: Path, where: str, cases: dict[Path, dict[str, InterviewNotes]]) -> InterviewNotes:
    """A notes file's notes, or (``FILE#case-id``) an eval case's; ``cases`` keeps each case file read once."""
    file, _, case_id = reference.partition("#")
    path = root / file
    if not path.is_file():
        raise SendabilityError(f"{where}: notes: {file!r} is not a file under {root.resolve()}")
    try:
        if not case_id:
            return load_notes(path)
        if path not in cases:
            cases[path] = {case.id: notes for case, notes in load_cases(str(path))}
    except (CaseError, InputError, ValidationError, ValueError) as exc:
        detail = one_line(exc) if isinstance(exc, ValidationError) else str(exc)
        raise SendabilityError(f"{where}: notes: {reference!r} cannot be read: {detail}") from None
    if case_id not in cases[path]:
        raise SendabilityError(f"{where}: notes: {file} has no case {case_id!r}")
    return cases[path][case_id]


def split_files(root: Path, split: str) -> list[Path]:
    """The YAML files of a split (``dev``, ``test`` or ``all``) under the set's folder."""
    return [f for part in SPLITS[split] for f in sorted((root / part).glob("*.yaml"))]


# --- running the gate --------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    item: Item
    report: ToneReport

    @property
    def blocked(self) -> bool:
        return not self.report.passed

    @property
    def let_through(self) -> bool:
        """A not-sendable draft the gate would show."""
        return self.item.draft.label == "not_sendable" and not self.blocked

    @property
    def wrongly_blocked(self) -> bool:
        """A draft sendable as it is that the gate would not show."""
        return self.item.draft.label == "sendable" and self.blocked


def run(items: Iterable[Item]) -> list[Outcome]:
    """The gate's verdict on each draft: ``evaluate_tone`` with the item's notes, kind, channel,
    day and task (those the item records)."""
    # A gate that reads the date (a weekday, a date described as coming) gets the draft's day.
    accepts = inspect.signature(evaluate_tone).parameters
    outcomes = []
    for item in items:
        d = item.draft
        extra: dict[str, Any] = {"today": d.today} if "today" in accepts and d.today is not None else {}
        if "task" in accepts and d.task is not None:
            extra["task"] = _with_title(d.task, item.notes)
        report = evaluate_tone(d.text, kind=d.kind, notes=item.notes, channel=d.channel, **extra)
        outcomes.append(Outcome(item, report))
    return outcomes


def _with_title(task: DraftTask, notes: InterviewNotes | None) -> DraftTask:
    """The task as the advisor gives it now: with the title the notes give the recipient
    ("Dr Adeyemi"), which items harvested before the task carried one do not record."""
    if task.addressed or not task.recipient or notes is None:
        return task
    person = notes.people().get(name_key(task.recipient))
    addressed = addressed_as(person.name, person.title, notes) if person is not None else None
    return task.model_copy(update={"addressed": addressed}) if addressed else task


@dataclass(frozen=True)
class Tally:
    """Counts for one group of outcomes (all, one source, one kind)."""

    drafts: int
    by_label: dict[str, int]
    blocked_by_label: dict[str, int]

    @property
    def let_through(self) -> int:
        return self.by_label["not_sendable"] - self.blocked_by_label["not_sendable"]

    @property
    def wrongly_blocked(self) -> int:
        return self.blocked_by_label["sendable"]

    @property
    def small_edit_blocked(self) -> int:
        return self.blocked_by_label["small_edit"]

    @property
    def small_edit_passed(self) -> int:
        return self.by_label["small_edit"] - self.blocked_by_label["small_edit"]


def tally(outcomes: Sequence[Outcome]) -> Tally:
    return Tally(
        drafts=len(outcomes),
        by_label={label: sum(o.item.draft.label == label for o in outcomes) for label in LABELS},
        blocked_by_label={label: sum(o.item.draft.label == label and o.blocked for o in outcomes) for label in LABELS},
    )


# --- the report ----------------------------------------------------------------------------


def render(outcomes: Sequence[Outcome], title: str, *, mistakes: bool = False) -> str:
    """The figures as Markdown: the verdict, tables by label, source and kind, and the errors."""
    total = tally(outcomes)
    lines = [
        f"### {title}",
        "",
        f"{total.drafts} drafts ({total.by_label['sendable']} sendable, {total.by_label['small_edit']} "
        f"after a small edit, {total.by_label['not_sendable']} not sendable). "
        f"Not-sendable drafts let through: {total.let_through} of {total.by_label['not_sendable']}. "
        f"Sendable drafts blocked: {total.wrongly_blocked} of {total.by_label['sendable']}. "
        f"Small-edit drafts: {total.small_edit_blocked} blocked, {total.small_edit_passed} passed.",
        "",
        "| label | drafts | blocked | passed |",
        "|---|---|---|---|",
    ]
    for label in LABELS:
        n, b = total.by_label[label], total.blocked_by_label[label]
        lines.append(f"| {label} | {n} | {b} | {n - b} |")
    groups: list[tuple[str, list[str]]] = [
        ("source", list(SOURCES)),
        ("kind", [k.value for k in DraftKind]),
    ]
    for name, values in groups:
        lines += [
            "",
            f"| {name} | drafts | not sendable let through | sendable blocked | small edit blocked / passed |",
            "|---|---|---|---|---|",
        ]
        for value in values:
            part = [o for o in outcomes if _field(o, name) == value]
            if not part:
                continue
            t = tally(part)
            lines.append(
                f"| {value} | {t.drafts} | {t.let_through} of {t.by_label['not_sendable']} | "
                f"{t.wrongly_blocked} of {t.by_label['sendable']} | {t.small_edit_blocked} / {t.small_edit_passed} |"
            )
    lines += _listing("Not-sendable drafts let through", [o for o in outcomes if o.let_through], mistakes)
    lines += _listing("Sendable drafts blocked", [o for o in outcomes if o.wrongly_blocked], mistakes)
    if mistakes:
        small = [o for o in outcomes if o.item.draft.label == "small_edit"]
        lines += _listing("Small-edit drafts (blocked or passed, not errors)", small, mistakes)
    return "\n".join(lines) + "\n"


def _field(outcome: Outcome, name: str) -> str:
    d = outcome.item.draft
    return d.source if name == "source" else d.kind.value


def _listing(title: str, outcomes: Sequence[Outcome], full: bool) -> list[str]:
    lines = ["", f"{title}: {len(outcomes)}"]
    for o in outcomes:
        d = o.item.draft
        verdict = "blocked: " + ", ".join(sorted({f.code for f in o.report.blocking})) if o.blocked else "passed"
        lines.append(f"- {d.id} ({d.source}, {d.kind.value}; {verdict}): {d.reason}")
        if full:
            lines += ["", *(f"      {line}" for line in d.text.rstrip().splitlines()), ""]
    return lines


# --- the command -----------------------------------------------------------------------------


def register(commands: Any) -> None:
    """Add ``sendability-eval`` to the ``followup`` command's subcommands."""
    parser = commands.add_parser(
        "sendability-eval", help="measure the gate against the hand-labelled drafts (sendable or not)"
    )
    parser.add_argument("--split", choices=list(SPLITS), default="test")
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help=f"the labelled set's folder ({DEFAULT_SET})")
    parser.add_argument("--mistakes", action="store_true", help="also show each mistake's text and the small edits")
    parser.set_defaults(handler=command)


def command(args: argparse.Namespace, out: TextIO) -> int:
    files = split_files(args.set, args.split)
    if not files:
        raise SendabilityError(f"{args.set}: no labelled drafts under {' or '.join(SPLITS[args.split])}/")
    outcomes = run(load_items(files))
    out.write(render(outcomes, f"Sendability: {args.split} ({len(files)} files)", mistakes=args.mistakes))
    return 0
