"""Unlabelled drafts for the sendability set's round-2 test split, from the adapter's held-out examples.

    python scripts/measure_adapter.py --which tuned --out /tmp/measure-tuned
    python scripts/harvest_heldout_sendability.py /tmp/measure-tuned/drafts-tuned.yaml \\
        --notes evals/sendability/notes/r2 -o /tmp/r2.yaml

For each held-out scenario of ``training/adapter.yaml`` (companies never trained on): its
notes as a file under ``--notes``, and for each message the template engine's draft and
the tuned model's first attempt (passed or not, exactly as the gate saw it). No verdict is
written: the labeller must not see what the gate said. Items are shuffled (seeded) so that
a reader meets the two sources mixed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from followup.advisor import advise
from followup.models import InterviewNotes

sys.path.insert(0, str(Path(__file__).parent))
from measure_adapter import held_out

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("drafts", type=Path, help="drafts-tuned.yaml from scripts/measure_adapter.py")
    parser.add_argument("--notes", type=Path, required=True, help="folder for the notes files")
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    rows = yaml.safe_load(args.drafts.read_text(encoding="utf-8"))
    scenarios = {s["id"]: s for s in held_out()}
    args.notes.mkdir(parents=True, exist_ok=True)
    items: list[dict[str, Any]] = []
    for scenario_id, scenario in scenarios.items():
        notes_path = args.notes / f"{scenario_id.removeprefix('train-draft-')}.yaml"
        notes_path.write_text(
            "# Notes of a held-out scenario of the drafting adapter (training/adapter.yaml).\n"
            + yaml.safe_dump(scenario["notes"], sort_keys=False, allow_unicode=True, width=110),
            encoding="utf-8",
        )
        notes = InterviewNotes.model_validate(scenario["notes"])
        today = date.fromisoformat(scenario["today"])
        template = advise(notes, today=today, channel=scenario["channel"], backend="template")
        relative = str(notes_path.resolve().relative_to(ROOT))
        base = {"notes": relative, "channel": scenario["channel"], "today": scenario["today"]}
        for draft in template.drafts:
            items.append({**base, "kind": draft.kind.value, "source": "template", "text": draft.body})
        for row in rows:
            if row["id"] == scenario_id and row["first_text"]:
                items.append({**base, "kind": row["kind"], "source": "model", "text": row["first_text"]})
    random.Random(args.seed).shuffle(items)
    out = []
    for number, item in enumerate(items, 1):
        out.append(
            {
                "id": f"test-r2-{number:03d}",
                "notes": item["notes"],
                "kind": item["kind"],
                "channel": item["channel"],
                "source": item["source"],
                "today": item["today"],
                "label": "",
                "reason": "",
                "text": item["text"],
            }
        )
    args.out.write_text(yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
    print(json.dumps({"items": len(out), "notes_files": len(scenarios)}))


if __name__ == "__main__":
    main()
