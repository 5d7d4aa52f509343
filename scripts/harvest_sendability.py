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
    python scripts/harvest_sendability.py spread evals/tone/notes/*.yaml evals/sendability/notes/*.yaml \
        examples/*.yaml -o /tmp/spread.yaml  # about 90 varied drafts from the current templates

``spread`` runs the template engine over the notes files given (every fourth day from the
interview to six weeks after it) and every eval case (its own day), on both channels, drops
near-duplicates (the same candidate, company, kind and channel, and more than three quarters
of the words in common once dates and numbers are masked: a reworded opening, or two cases
with nearly the same notes, is not a new draft), then picks ``--count`` drafts round-robin
over (action, kind, channel), two e-mails for each LinkedIn message, each set of notes'
first draft before any one's second, at most ``--per-notes`` from one set of notes and two
of one group from one set of notes, so that every action and every kind appears. No tone
verdict is written here either.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
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


def _template_drafts(notes: Any, today: date) -> Iterator[tuple[str, Any]]:
    """The action and each template draft for ``notes`` on ``today``, by e-mail and on LinkedIn
    (none when the notes record something after that day)."""
    for channel in ("email", "linkedin"):
        try:
            advice = advise(notes, today=today, backend="template", channel=channel)
        except ValidationError:  # the notes record something after this day
            return
        action = advice.decision.action.value if advice.decision.action else "none"
        yield from ((action, draft) for draft in advice.drafts)


def _item(notes: str, draft: Any, today: date | None = None) -> dict[str, Any]:
    """A template draft as an unlabelled item."""
    item: dict[str, Any] = {"notes": notes, "kind": draft.kind.value, "channel": draft.channel.value}
    item["source"] = "template"
    if today is not None:
        item["today"] = today.isoformat()
    return {**item, "text": draft.body, "subject": draft.subject}


def _template_items(files: list[str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in files:
        notes = load_notes(name)
        for offset in range(0, 43):
            today = notes.interview_date + timedelta(days=offset)
            for _, draft in _template_drafts(notes, today):
                text = (f"Subject: {draft.subject}\n\n" if draft.subject else "") + draft.body
                if text in seen:
                    continue
                seen.add(text)
                items.append(_item(name, draft, today))
    return items


def _case_template_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for case, notes in load_cases("evals/cases/*.yaml"):
        for _, draft in _template_drafts(notes, case.today):
            if draft.body in seen:
                continue
            seen.add(draft.body)
            items.append(_item(f"{_case_file(case.id)}#{case.id}", draft))
    return items


_DATES = re.compile(
    r"\d+|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b"
)


_PER_GROUP = 2  # at most this many drafts of one action, kind and channel from one set of notes
_NEAR = 0.75  # two drafts sharing more of their words than this (dates and numbers masked) are one


def _spread_items(files: list[str], count: int, per_notes: int) -> list[dict[str, Any]]:
    runs: list[tuple[str, Any, date]] = []
    for name in files:
        notes = load_notes(name)
        runs += [(name, notes, notes.interview_date + timedelta(days=d)) for d in range(0, 43, 4)]
    for case, notes in load_cases("evals/cases/*.yaml"):
        runs.append((f"{_case_file(case.id)}#{case.id}", notes, case.today))
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    seen: dict[tuple[str, str, str, str], list[frozenset[str]]] = {}
    texts: set[str] = set()
    for name, notes, today in runs:
        for action, draft in _template_drafts(notes, today):
            words = frozenset(_DATES.sub("#", draft.body).lower().split())
            kept = seen.setdefault((notes.company, notes.candidate_name, draft.kind.value, draft.channel.value), [])
            if draft.body in texts or any(len(words & w) / len(words | w) > _NEAR for w in kept):
                continue
            kept.append(words)
            texts.add(draft.body)
            groups.setdefault((action, draft.kind.value, draft.channel.value), []).append(_item(name, draft, today))
    picked: list[dict[str, Any]] = []
    taken: Counter[str] = Counter()  # drafts picked per notes, and per notes and group
    queues = [(group, _interleaved(g)) for group, g in sorted(groups.items())]
    while len(picked) < count and any(queue for _, queue in queues):
        for group, queue in queues:  # each round: two e-mails and one LinkedIn message per action
            for _ in range(1 if group[2] == "linkedin" else 2):
                while queue and (
                    taken[queue[0]["notes"]] >= per_notes or taken[f"{queue[0]['notes']} {group}"] >= _PER_GROUP
                ):
                    queue.pop(0)
                if queue and len(picked) < count:
                    item = queue.pop(0)
                    taken.update([item["notes"], f"{item['notes']} {group}"])
                    picked.append(item)
    return picked


def _interleaved(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each set of notes' first draft, then each one's second, and so on: breadth before depth."""
    rank: Counter[str] = Counter()
    keyed = []
    for position, item in enumerate(items):
        rank[item["notes"]] += 1
        keyed.append((rank[item["notes"]], position, item))
    return [item for _, _, item in sorted(keyed, key=lambda k: k[:2])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", choices=["model", "template", "case-template", "spread"])
    parser.add_argument("notes", nargs="*", help="notes files (template and spread)")
    parser.add_argument("--count", type=int, default=90, help="drafts to pick (spread only)")
    parser.add_argument("--per-notes", type=int, default=6, help="at most this many from one set of notes (spread)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.source == "model":
        items = _model_items()
    elif args.source == "case-template":
        items = _case_template_items()
    elif args.source == "spread":
        items = _spread_items(args.notes, args.count, args.per_notes)
    else:
        items = _template_items(args.notes)
    args.output.write_text(yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    print(f"{len(items)} drafts -> {args.output}")


if __name__ == "__main__":
    main()
