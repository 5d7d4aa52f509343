"""Eval cases: notes, a day, and what the advice must be. YAML files under evals/cases/."""

from __future__ import annotations

import glob
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from followup.decision import Action, Status
from followup.errors import one_line
from followup.models import InterviewNotes
from followup.notes_io import YamlLoader, load_notes
from followup.tone.report import Channel


class CaseError(ValueError):
    """A case file that cannot be used; the message names the file, the case and the field."""


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action | None
    status: Status
    mentions: list[str] = Field([], description="Every shown draft must contain each (case-insensitive).")
    must_not_mention: list[str] = []
    channel: Channel = Channel.email
    words: tuple[int, int] | None = Field(None, description="Bounds on each draft's word count.")
    drafts: int | None = Field(None, description="How many drafts (one per recipient).")


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    notes: str | None = Field(None, description="A notes file, relative to the case file's folder.")
    notes_inline: dict[str, Any] | None = None
    overrides: dict[str, Any] = {}
    today: date
    expect: Expect
    tags: list[str] = []


def load_cases(pattern: str) -> list[tuple[Case, InterviewNotes]]:
    """Every case in the files matching ``pattern``, with its notes loaded and validated."""
    files = sorted(glob.glob(pattern, recursive=True))
    if not files:
        raise CaseError(f"{pattern}: no case files match")
    out: list[tuple[Case, InterviewNotes]] = []
    seen: set[str] = set()
    for name in files:
        path = Path(name)
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YamlLoader) or []
        except yaml.YAMLError:
            raise CaseError(f"{path}: is not valid YAML") from None
        if not isinstance(raw, list):
            raise CaseError(f"{path}: must hold a list of cases")
        for index, entry in enumerate(raw):
            label = f"{path}: case {entry.get('id', index) if isinstance(entry, dict) else index}"
            try:
                case = Case.model_validate(entry)
            except ValidationError as exc:
                raise CaseError(f"{label}: {one_line(exc)}") from None
            if case.id in seen:
                raise CaseError(f"{label}: the id is used twice")
            seen.add(case.id)
            out.append((case, _notes(case, path, label)))
    return out


def _notes(case: Case, path: Path, label: str) -> InterviewNotes:
    if (case.notes is None) == (case.notes_inline is None):
        raise CaseError(f"{label}: give either notes (a file) or notes_inline")
    try:
        if case.notes is not None:
            base = load_notes(path.parent / case.notes).model_dump(mode="json")
        else:
            base = dict(case.notes_inline or {})
        return InterviewNotes.model_validate({**base, **case.overrides})
    except (ValidationError, ValueError) as exc:
        detail = one_line(exc) if isinstance(exc, ValidationError) else str(exc)
        raise CaseError(f"{label}: notes: {detail}") from None
