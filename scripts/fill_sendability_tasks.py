"""Record on each labelled draft the task the advisor gives for it (whom it greets, copies, shares).

    python scripts/fill_sendability_tasks.py evals/sendability/dev/*.yaml [--check]

A draft's task is what the advisor asks of a message of its kind on its day and channel
for its notes: the template engine's drafts of that kind (``advise(..., backend="template")``)
carry it. When several people get one (a panel), the one the draft greets by first name;
when the draft greets none of them, no task is recorded (it would be a guess). A draft
whose day is not recorded, or whose kind the advisor does not send that day, gets none.
Only the embedded model's drafts get one by default (``--sources``): the model was given
exactly that task, while a hand-written draft was written to no task, and a template
draft from an older template version may have done an older one. The labels are never
read or changed. The task goes in as one line after ``source:``, so
that the file's comments and layout stay as they are; an item that has one is left alone
unless ``--refresh`` (after the task gains a field) writes it again.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from followup.advisor import advise
from followup.evals.sendability import load_items
from followup.tone.task import DraftTask

ROOT = Path(__file__).resolve().parents[1]
_GREETING = re.compile(r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))[ \t]+([^\W\d_][\w'-]*)", re.I)


def task_for(notes_key: str, notes: object, kind: str, channel: str, today: date | None, text: str) -> DraftTask | None:
    if today is None:
        return None
    try:
        advice = advise(notes, today=today, channel=channel, backend="template")  # type: ignore[arg-type]
    except ValueError:  # the notes record something after that day: no advice for it
        return None
    drafts = [d for d in advice.drafts if d.kind.value == kind and d.task is not None]
    if len(drafts) == 1:
        return drafts[0].task
    greeted = _GREETING.match(text)
    if greeted is None:
        return None
    first = greeted.group(1).casefold()
    chosen = [d for d in drafts if d.recipient.split()[0].casefold() == first]
    return chosen[0].task if len(chosen) == 1 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only count; write nothing")
    parser.add_argument("--refresh", action="store_true", help="write the task again where one is recorded")
    parser.add_argument("--sources", nargs="+", default=["model"], choices=["model", "template", "hand"])
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    for path in args.files:
        items = load_items([path], ROOT)
        text = path.read_text(encoding="utf-8")
        for item in items:
            d = item.draft
            if d.task is not None and not args.refresh:
                counts["had one"] += 1
                continue
            if d.source not in args.sources:
                counts[f"{d.source}: not filled"] += 1
                continue
            task = task_for(d.notes, item.notes, d.kind.value, d.channel.value, d.today, d.text)
            if task is None:
                counts["none"] += 1
                continue
            counts["filled"] += 1
            line = "  task: " + json.dumps(task.model_dump(exclude_defaults=True), ensure_ascii=False)
            if d.task is not None:  # --refresh: the old line goes
                text = re.sub(
                    rf"(^- id: {re.escape(d.id)}\n(?:  .*\n)*?)  task:.*\n(?:    .*\n)*",
                    r"\1",
                    text,
                    count=1,
                    flags=re.M,
                )
            block = re.compile(rf"(^- id: {re.escape(d.id)}\n(?:  .*\n)*?  source: .*\n)", re.M)
            found = block.search(text)
            if found is None:
                sys.exit(f"{path}: item {d.id}: no 'source:' line to put the task after")
            text = text[: found.end()] + line + "\n" + text[found.end() :]
        if not args.check:
            yaml.safe_load(text)  # still YAML
            path.write_text(text, encoding="utf-8")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
