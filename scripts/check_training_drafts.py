"""Check hand-written training drafts: each must start with its greeting and pass the advisor's own gate.

    python scripts/check_training_drafts.py training/drafting/batch_*.yaml [--quiet]

Prints each item whose message is missing, does not start with the greeting the advisor
gives the model, or fails the tone check (with the findings), then a count. Exit 1 if any.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from followup.models import InterviewNotes
from followup.tone import evaluate_tone


def problems(item: dict[str, Any]) -> list[str]:
    message = (item.get("message") or "").strip()
    if not message:
        return ["no message yet"]
    out = []
    if not (message + "\n").startswith(item["opening"].rstrip(" ")):
        out.append(f"does not start with the greeting {item['opening']!r}")
    notes = InterviewNotes.model_validate(item["notes"])
    report = evaluate_tone(
        message + "\n", kind=item["kind"], notes=notes, channel=item["channel"], today=date.fromisoformat(item["today"])
    )
    out += [f"{f.code}: {f.message} [{f.quote[:70]!r}]" for f in report.blocking]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--quiet", action="store_true", help="only the count")
    args = parser.parse_args()
    total = bad = 0
    for path in args.files:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            total += 1
            found = problems(item)
            if found:
                bad += 1
                if not args.quiet:
                    print(f"{path.name} {item['id']} ({item['prompt']}, {item['channel']}):")
                    for line in found:
                        print(f"  - {line}")
    print(f"{total - bad} of {total} pass")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
