"""Unlabelled drafts for a sendability test split, from scenarios nobody has tuned on.

    python scripts/harvest_sendability_round.py evals/sendability/notes/r3/scenarios.yaml \\
        --hand /tmp/r3/hand.yaml --prefix test-r3 -o /tmp/r3/items.yaml --blind /tmp/r3/to-label.yaml

Each scenario is a notes file, a day and a channel. For each, the drafts the advisor
writes: the template engine's, and the embedded model's (the bundled drafting adapter
through the real llama.cpp server) first attempt for each message, passed or not, exactly
as the gate saw it, plus its shown draft when a later attempt passed. Each item records
the task the advisor gave the draft (whom it greets, copies, shares). Hand-written drafts
(``--hand``, no labels) join them. Items are shuffled (seeded) and numbered afresh, so
that the id says nothing of the source.

``-o`` gets every item with its source and task and an empty label; ``--blind`` the same
items with only what a reader needs (id, notes file, kind, channel, day, text): no
source, no task, no verdict. Nothing here runs the gate.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from followup.advisor import advise
from followup.backends.local import LocalBackend, LocalServer, adapter_path, model_path
from followup.notes_io import load_notes

ROOT = Path(__file__).resolve().parents[1]


def drafted(scenarios: list[dict[str, Any]]) -> list[dict[str, Any]]:
    server = LocalServer(model_path(), adapter=adapter_path())
    backend = LocalBackend(server)
    items: list[dict[str, Any]] = []
    try:
        for scenario in scenarios:
            notes = load_notes(ROOT / scenario["notes"])
            today = date.fromisoformat(str(scenario["today"]))
            base = {"notes": scenario["notes"], "channel": scenario["channel"], "today": today.isoformat()}
            template = advise(notes, today=today, channel=scenario["channel"], backend="template")
            for draft in template.drafts:
                task = draft.task.model_dump(mode="json", exclude_defaults=True) if draft.task else None
                items.append({**base, "kind": draft.kind.value, "source": "template", "task": task, "text": draft.body})
            model = advise(notes, today=today, channel=scenario["channel"], backend=backend, deadline=600)
            for draft in model.drafts:
                task = draft.task.model_dump(mode="json", exclude_defaults=True) if draft.task else None
                first = draft.attempts[0].text if draft.attempts else None
                if first:
                    items.append({**base, "kind": draft.kind.value, "source": "model", "task": task, "text": first})
                if draft.source == "model" and draft.body != first:
                    items.append(
                        {**base, "kind": draft.kind.value, "source": "model", "task": task, "text": draft.body}
                    )
    finally:
        server.stop()
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenarios", type=Path)
    parser.add_argument("--hand", type=Path, help="hand-written drafts (notes, kind, channel, today, text)")
    parser.add_argument("--prefix", required=True, help="the ids' prefix, e.g. test-r3")
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--blind", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    scenarios = yaml.safe_load(args.scenarios.read_text(encoding="utf-8"))
    items = drafted(scenarios)
    if args.hand:
        for entry in yaml.safe_load(args.hand.read_text(encoding="utf-8")):
            items.append(
                {key: entry[key] for key in ("notes", "channel", "today", "kind", "text")} | {"source": "hand"}
            )
    random.Random(args.seed).shuffle(items)
    full, blind = [], []
    for number, item in enumerate(items, 1):
        shown = {
            "id": f"{args.prefix}-{number:03d}",
            "notes": item["notes"],
            "kind": item["kind"],
            "channel": item["channel"],
            "today": str(item["today"]),
        }
        blind.append({**shown, "label": "", "reason": "", "text": item["text"]})
        task = {"task": dict(item["task"])} if item.get("task") else {}
        full.append({**shown, "source": item["source"], **task, "label": "", "reason": "", "text": item["text"]})
    dump = {"sort_keys": False, "allow_unicode": True, "width": 110}
    args.out.write_text(yaml.safe_dump(full, **dump), encoding="utf-8")  # type: ignore[call-overload]
    args.blind.write_text(yaml.safe_dump(blind, **dump), encoding="utf-8")  # type: ignore[call-overload]
    counts: dict[str, int] = {}
    for item in items:
        counts[item["source"]] = counts.get(item["source"], 0) + 1
    print(json.dumps({"items": len(items), "by_source": counts}))


if __name__ == "__main__":
    main()
