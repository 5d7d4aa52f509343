"""Measure the embedded model with and without the drafting adapter on the held-out examples.

    python scripts/measure_adapter.py --out /tmp/measure            # both: tuned and bare base
    python scripts/measure_adapter.py --which tuned --out /tmp/measure

The held-out examples are those of ``training/adapter.yaml``'s held-out companies: their
notes, day and channel go through :func:`followup.advise` exactly as a user's would, on the
embedded server with the adapter (``tuned``) or without it (``base``, the few-shot
prompts). For each message: whether the model's first attempt passed the gate, whether the
draft shown is the model's or the template's (a fallback), the seconds per shown draft and
the prompt tokens per request. Writes ``metrics.json`` and ``drafts.yaml`` (every shown
draft and every first attempt, for reading) into ``--out``, and ``blind.yaml`` /
``blind-key.yaml``: each tuned draft beside the template's for the same message, in a
seeded random order, for a reader who must not know which is which.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from followup.advisor import advise
from followup.backends.local import LocalBackend, LocalServer, adapter_path, model_path
from followup.models import InterviewNotes

ROOT = Path(__file__).resolve().parents[1]


def held_out_items() -> list[dict[str, Any]]:
    """Every held-out example (one per recipient), in file order."""
    config = yaml.safe_load((ROOT / "training" / "adapter.yaml").read_text(encoding="utf-8"))
    held = set(config["held_out_companies"])
    return [
        item
        for path in sorted(ROOT.glob(config["data"]))
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if item["notes"]["company"] in held
    ]


def held_out() -> list[dict[str, Any]]:
    """One scenario per held-out (notes, day, channel), in file order."""
    seen: set[str] = set()
    out = []
    for item in held_out_items():
        key = json.dumps([item["notes"], item["today"], item["channel"]], sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def run(which: str, scenarios: list[dict[str, Any]]) -> list[dict[str, Any]]:
    adapter = adapter_path() if which == "tuned" else None
    if which == "tuned" and adapter is None:
        raise SystemExit("no adapter: train one (scripts/train_adapter.py) or set FOLLOWUP_LOCAL_ADAPTER")
    server = LocalServer(model_path(), adapter=adapter)
    backend = LocalBackend(server)
    rows = []
    try:
        for item in scenarios:
            notes = InterviewNotes.model_validate(item["notes"])
            result = advise(notes, today=date.fromisoformat(item["today"]), backend=backend,
                            channel=item["channel"], deadline=600)  # fmt: skip
            for draft in result.drafts:
                first = draft.attempts[0] if draft.attempts else None
                rows.append(
                    {
                        "id": item["id"],
                        "kind": draft.kind.value,
                        "channel": draft.channel.value,
                        "recipient": draft.recipient,
                        "source": draft.source,
                        "first_passed": bool(first and first.rejected_because is None and first.error is None),
                        "first_rejected_because": first.rejected_because if first else None,
                        "first_text": first.text if first else None,
                        "attempts": len(draft.attempts),
                        "latency_s": round(draft.latency_s, 2),
                        "prompt_tokens": [a.usage.prompt_tokens for a in draft.attempts],
                        "body": draft.body,
                        "fallback_reason": draft.fallback_reason,
                    }
                )
                print(f"{which} {item['id']} {draft.kind.value} {draft.source} {draft.latency_s:.1f}s", flush=True)
    finally:
        server.stop()
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    model_drafts = [r for r in rows if r["source"] == "model"]
    tokens = [t for r in rows for t in r["prompt_tokens"]]
    return {
        "messages": len(rows),
        "first_attempt_pass": round(sum(r["first_passed"] for r in rows) / max(1, len(rows)), 3),
        "fallback": round(sum(r["source"] == "template" for r in rows) / max(1, len(rows)), 3),
        "median_seconds_per_shown_model_draft": round(statistics.median(r["latency_s"] for r in model_drafts), 2)
        if model_drafts
        else None,
        "median_prompt_tokens_per_request": statistics.median(tokens) if tokens else None,
    }


def blind(rows: list[dict[str, Any]], scenarios: list[dict[str, Any]], out: Path, seed: int = 7) -> None:
    """Pairs of the tuned model's shown draft and the template's, sides drawn at random."""
    by_id = {s["id"]: s for s in scenarios}
    everyone = held_out_items()
    rng = random.Random(seed)
    pairs, key = [], []
    for number, row in enumerate(r for r in rows if r["source"] == "model"):
        item = by_id[row["id"]]
        notes = InterviewNotes.model_validate(item["notes"])
        template = advise(notes, today=date.fromisoformat(item["today"]), channel=item["channel"], backend="template")
        match = [d for d in template.drafts if d.recipient == row["recipient"]]
        if not match:
            continue
        sides = [("tuned", row["body"]), ("template", match[0].body)]
        rng.shuffle(sides)
        # the fact sheet of this recipient (a panel's scenario holds one per member)
        same = [
            i for i in everyone
            if i["notes"] == item["notes"] and i["today"] == item["today"] and i["channel"] == item["channel"]
        ]  # fmt: skip
        facts = next((i["facts"] for i in same if f"Writing to: {row['recipient']}," in i["facts"]), item["facts"])
        pairs.append({"pair": number + 1, "facts": facts, "A": sides[0][1], "B": sides[1][1]})
        key.append({"pair": number + 1, "A": sides[0][0], "B": sides[1][0]})
    (out / "blind.yaml").write_text(yaml.safe_dump(pairs, sort_keys=False, allow_unicode=True, width=110))
    (out / "blind-key.yaml").write_text(yaml.safe_dump(key, sort_keys=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--which", choices=["both", "tuned", "base"], default="both")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0, help="only the first N scenarios")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scenarios = held_out()
    if args.limit:
        scenarios = scenarios[: args.limit]
    metrics: dict[str, Any] = {"scenarios": len(scenarios)}
    for which in ("tuned", "base") if args.which == "both" else (args.which,):
        rows = run(which, scenarios)
        metrics[which] = summary(rows)
        (args.out / f"drafts-{which}.yaml").write_text(
            yaml.safe_dump(rows, sort_keys=False, allow_unicode=True, width=110)
        )
        if which == "tuned":
            blind(rows, scenarios, args.out)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
