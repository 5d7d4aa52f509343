"""Collect unlabelled drafts for the sendability set (evals/sendability/).

Two sources, written to a YAML file of items without a label, for a person to read and
label (the labels are never computed):

- ``model``: the embedded model's real attempts, replayed from the committed answer
  cache (evals/cache/) through the advisor, so each text is exactly what the gate saw:
  the greeting the advisor wrote, the model's completion, cleaned and signed. Identical
  attempts (cases that share a prompt) are kept once.
- ``template``: the template engine's drafts for the notes files given, on each day
  from the interview to six weeks after it, on both channels. Identical drafts are
  kept once.

No tone verdict is written: the labeller must not see what the gate said.

    python scripts/harvest_sendability.py model -o /tmp/model.yaml
    python scripts/harvest_sendability.py template evals/tone/notes/*.yaml -o /tmp/template.yaml
    python scripts/harvest_sendability.py case-template -o /tmp/case-template.yaml  # each case's own day
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from followup.advisor import advise
from followup.backends.local import BUNDLED
from followup.evals.cache import CachingBackend
from followup.evals.cases import load_cases
from followup.notes_io import load_notes


def _model_items() -> list[dict[str, Any]]:
    identity = {"backend": "local", "endpoint": "local", "model": BUNDLED, "api": "completion"}
    cached = CachingBackend(_no_model, Path("evals/cache"), identity=identity, mode="only")
    items: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for case, notes in load_cases("evals/cases/*.yaml"):
        advice = advise(notes, today=case.today, backend=cached, channel=case.expect.channel)
        source = _case_file(case.id)
        for draft in advice.drafts:
            for attempt in draft.attempts:
                if attempt.text is None:
                    continue
                key = (draft.kind.value, attempt.text)
                if key in seen:
                    continue
                seen.add(key)
                items.append(
                    {
                        "notes": f"{source}#{case.id}",
                        "kind": draft.kind.value,
                        "channel": draft.channel.value,
                        "source": "model",
                        "text": attempt.text,
                    }
                )
    return items


def _case_file(case_id: str) -> str:
    for path in sorted(Path("evals/cases").glob("*.yaml")):
        if f"id: {case_id}\n" in path.read_text(encoding="utf-8"):
            return str(path)
    raise ValueError(case_id)


def _no_model() -> Any:
    raise RuntimeError("cache-only: no model")


def _template_items(files: list[str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in files:
        notes = load_notes(name)
        for offset in range(0, 43):
            today = notes.interview_date + timedelta(days=offset)
            for channel in ("email", "linkedin"):
                try:
                    advice = advise(notes, today=today, backend="template", channel=channel)
                except ValidationError:  # the notes record something after this day
                    continue
                for draft in advice.drafts:
                    text = (f"Subject: {draft.subject}\n\n" if draft.subject else "") + draft.body
                    if text in seen:
                        continue
                    seen.add(text)
                    items.append(
                        {
                            "notes": name,
                            "kind": draft.kind.value,
                            "channel": draft.channel.value,
                            "source": "template",
                            "today": today.isoformat(),
                            "text": draft.body,
                            "subject": draft.subject,
                        }
                    )
    return items


def _case_template_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for case, notes in load_cases("evals/cases/*.yaml"):
        for channel in ("email", "linkedin"):
            advice = advise(notes, today=case.today, backend="template", channel=channel)
            for draft in advice.drafts:
                if draft.body in seen:
                    continue
                seen.add(draft.body)
                items.append(
                    {
                        "notes": f"{_case_file(case.id)}#{case.id}",
                        "kind": draft.kind.value,
                        "channel": draft.channel.value,
                        "source": "template",
                        "text": draft.body,
                        "subject": draft.subject,
                    }
                )
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", choices=["model", "template", "case-template"])
    parser.add_argument("notes", nargs="*", help="notes files (template only)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.source == "model":
        items = _model_items()
    elif args.source == "case-template":
        items = _case_template_items()
    else:
        items = _template_items(args.notes)
    args.output.write_text(yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    print(f"{len(items)} drafts -> {args.output}")


if __name__ == "__main__":
    main()
