"""Scoring an extractor on the chat cases: fields, actions, decisions from wrong facts, latency.

A field is right when it equals the gold after normalising (names by case and
spacing, interviewers by name and role, messages by kind, day and recipients).
The action is the policy's decision on the extracted notes, compared with the
expected one (itself decided from the gold notes). A decision needs the
interview date and the people; the name, company and role only shape drafts,
so placeholders stand in for them here as the chat would ask for them later.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from followup.extract.cases import ChatCase
from followup.extract.result import ExtractResult
from followup.models import InterviewNotes, name_key
from followup.policy import decide

#: Fields whose error changes a decision: a decision shown from any of them wrong is counted.
DECISION_FIELDS = ("interview_date", "promised_reply_date", "history", "employer_replies", "outcome", "interviewers")
SCORED = ("candidate_name", "company", "role", *DECISION_FIELDS, "senior_contact", "shareables")

Extractor = Callable[[ChatCase, list[str]], ExtractResult]


@dataclass
class CaseScore:
    id: str
    fields: dict[str, bool]
    action: str
    expected: str
    wrong_facts: list[str]
    latencies: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def action_right(self) -> bool:
        return self.action == self.expected


def _key(value: Any, kind: str) -> Any:
    if kind in ("candidate_name", "company", "role"):
        return name_key(value) if isinstance(value, str) else None
    if kind in ("interview_date", "promised_reply_date", "outcome"):
        return None if value is None else str(value)
    if kind == "interviewers":
        return sorted((name_key(p["name"]), p.get("role", "panel")) for p in value or [])
    if kind == "history":
        return sorted((m["kind"], str(m["sent_on"]), tuple(sorted(name_key(n) for n in m["to"]))) for m in value or [])
    if kind == "employer_replies":
        return sorted((str(r["on"]), str(r.get("new_promised_date"))) for r in value or [])
    if kind == "senior_contact":
        return None if not value else name_key(value["name"])
    if kind == "shareables":
        return sorted(s.get("url") or name_key(s.get("name", "")) for s in value or [])
    raise ValueError(kind)


def score_fields(case: ChatCase, notes: dict[str, Any]) -> dict[str, bool]:
    gold = case.gold.model_dump(mode="json")
    out: dict[str, bool] = {}
    for name in SCORED:
        if name in ("candidate_name", "company", "role") and gold.get(name) is None:
            continue
        want = gold.get(name)
        got = notes.get(name, "pending" if name == "outcome" else None)
        out[name] = _key(want, name) == _key(got, name)
    return out


def decision_of(case: ChatCase, notes: dict[str, Any]) -> str:
    """'action/status' decided from the extracted notes, or 'no decision (...)' when they cannot be used."""
    data = dict(notes)
    if not data.get("interview_date") or not data.get("interviewers"):
        return "no decision (missing facts)"
    data.setdefault("candidate_name", "Candidate")
    data.setdefault("company", "Company")
    data.setdefault("role", "Role")
    data["country"] = case.country
    try:
        decision = decide(InterviewNotes.model_validate(data), case.today)
    except ValidationError:
        return "no decision (invalid notes)"
    return f"{decision.action.value if decision.action else 'none'}/{decision.status.value}"


def run(cases: Iterable[ChatCase], extractor: Extractor) -> list[CaseScore]:
    """Score every case; each turn prefix is timed as the chat would call it after each message."""
    scores = []
    for case in cases:
        latencies = []
        result: ExtractResult | None = None
        error = None
        try:
            for n in range(1, len(case.turns) + 1):
                start = time.perf_counter()
                result = extractor(case, case.turns[:n])
                latencies.append(time.perf_counter() - start)
        except Exception as exc:  # an extractor bug must show as a failed case, not stop the run
            error = f"{type(exc).__name__}: {exc}"
        notes = result.notes if result is not None and error is None else {}
        fields = score_fields(case, notes)
        action = decision_of(case, notes)
        expected = f"{case.expected.action.value if case.expected.action else 'none'}/{case.expected.status.value}"
        wrong = [f for f in DECISION_FIELDS if not fields.get(f, True)]
        scores.append(
            CaseScore(
                case.id, fields, action, expected, wrong if not action.startswith("no ") else [], latencies, error
            )
        )
    return scores


def summary(scores: list[CaseScore]) -> dict[str, Any]:
    per_field: dict[str, list[bool]] = {}
    for s in scores:
        for name, right in s.fields.items():
            per_field.setdefault(name, []).append(right)
    all_fields = [r for rights in per_field.values() for r in rights]
    latencies = [t for s in scores for t in s.latencies]
    return {
        "cases": len(scores),
        "field_accuracy": sum(all_fields) / len(all_fields) if all_fields else 0.0,
        "per_field": {k: sum(v) / len(v) for k, v in per_field.items()},
        "action_accuracy": sum(s.action_right for s in scores) / len(scores) if scores else 0.0,
        "decided_from_wrong_facts": sum(1 for s in scores if s.wrong_facts),
        "no_decision": sum(1 for s in scores if s.action.startswith("no ")),
        "median_turn_seconds": statistics.median(latencies) if latencies else 0.0,
        "max_turn_seconds": max(latencies) if latencies else 0.0,
        "errors": sum(1 for s in scores if s.error),
    }


def render(result: dict[str, Any], title: str) -> str:
    lines = [
        f"Chat extraction, {title}: {result['cases']} cases",
        f"  fields right:   {result['field_accuracy']:.1%}",
        f"  actions right:  {result['action_accuracy']:.1%}",
        f"  decisions from a wrong required fact: {result['decided_from_wrong_facts']}",
        f"  no decision (facts missing or invalid): {result['no_decision']}",
        f"  per turn: median {result['median_turn_seconds'] * 1000:.1f} ms, "
        f"max {result['max_turn_seconds'] * 1000:.1f} ms",
        "  per field:",
    ]
    lines += [f"    {name:<20} {value:.1%}" for name, value in result["per_field"].items()]
    if result["errors"]:
        lines.append(f"  extractor errors: {result['errors']}")
    return "\n".join(lines) + "\n"


def mistakes(scores: list[CaseScore]) -> list[str]:
    out = []
    for s in scores:
        wrong = [k for k, v in s.fields.items() if not v]
        if wrong or not s.action_right or s.error:
            out.append(
                f"{s.id}: fields {', '.join(wrong) or '-'}; action {s.action} (expected {s.expected})"
                + (f" {s.error}" if s.error else "")
            )
    return out
