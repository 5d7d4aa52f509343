"""Running the cases: each through aadvise(), then what every draft did at the gate."""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from followup.advice import Advice
from followup.advisor import aadvise
from followup.backends.base import Backend
from followup.evals.cases import Case
from followup.models import InterviewNotes
from followup.tone.checks.concise import WORD_LIMITS
from followup.tone.report import Check, ToneReport


@dataclass
class Mark:
    """A tone finding's span in a text: what the HTML report marks, as the web UI does."""

    code: str
    severity: str
    start: int
    end: int
    message: str


@dataclass
class RejectedAttempt:
    """One of the model's attempts that was not shown, and why."""

    number: int
    text: str | None
    reason: str
    marks: list[Mark] = field(default_factory=list)


@dataclass
class DraftResult:
    recipient: str
    prompt_id: str
    source: str
    attempts: int
    first_pass: bool
    final_pass: bool
    faithfulness_violations: int
    mention_coverage: float
    forbidden_found: list[str]
    length_ok: bool
    tokens: int
    latency_s: float  # model time only; cache hits count as 0 and are left out
    cached: bool
    body: str
    findings: list[str]
    fallback_reason: str | None
    marks: list[Mark] = field(default_factory=list)  # the shown draft's findings, spans in ``body``
    rejected: list[RejectedAttempt] = field(default_factory=list)
    # What the model wrote first, whatever was shown in the end: how many blocking findings.
    first_blocks: int = 0


@dataclass
class CaseResult:
    case_id: str
    repeat: int
    tags: list[str]
    action_ok: bool
    expected: str
    got: str
    drafts: list[DraftResult] = field(default_factory=list)
    drafts_ok: bool = True
    error: str | None = None

    @property
    def passed(self) -> bool:
        """The case's own verdict: right action, right drafts, every draft clean."""
        return (
            self.error is None
            and self.action_ok
            and self.drafts_ok
            and all(
                d.final_pass and d.mention_coverage == 1.0 and not d.forbidden_found and d.length_ok
                for d in self.drafts
            )
        )


def failure_reason(result: CaseResult) -> str:
    """Why a case failed, in one line."""
    if result.error:
        return result.error
    if not result.action_ok:
        return f"wrong action: expected {result.expected}, got {result.got}"
    if not result.drafts_ok:
        return f"{len(result.drafts)} draft(s), not the number expected"
    reasons = []
    for d in result.drafts:
        if d.mention_coverage < 1:
            reasons.append(f"draft to {d.recipient} misses an expected mention")
        if d.forbidden_found:
            reasons.append(f"draft to {d.recipient} says {', '.join(d.forbidden_found)}")
        if not d.length_ok:
            reasons.append(f"draft to {d.recipient} is outside the length bounds")
    return "; ".join(reasons) or "a draft failed the gate"


async def run_cases(
    cases: list[tuple[Case, InterviewNotes]],
    backend_for: Any,
    *,
    prompts_dir: Path | None,
    repeat: int = 1,
    concurrency: int = 1,
    progress: bool = True,
) -> list[CaseResult]:
    """Every case ``repeat`` times; ``backend_for(r)`` gives the backend for repeat ``r``."""
    gate = asyncio.Semaphore(max(1, concurrency))
    jobs = [(case, notes, r) for r in range(repeat) for case, notes in cases]
    done = 0

    async def one(case: Case, notes: InterviewNotes, r: int) -> CaseResult:
        nonlocal done
        async with gate:
            result = await _run(case, notes, backend_for(r), prompts_dir, r)
        done += 1
        if progress and sys.stderr.isatty():
            width = 30
            filled = int(width * done / len(jobs))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{len(jobs)} cases")
            sys.stderr.flush()
        return result

    results = await asyncio.gather(*(one(c, n, r) for c, n, r in jobs))
    if progress and sys.stderr.isatty():
        sys.stderr.write("\n")
    return list(results)


#: Evals measure what the model writes, not how fast it writes on a busy machine: a model run
#: queued behind other cases must not fall back to the template because of the web UI's deadline.
EVAL_DEADLINE_S = 900.0


async def _run(
    case: Case, notes: InterviewNotes, backend: Backend | None, prompts_dir: Path | None, r: int
) -> CaseResult:
    expected = case.expect.action.value if case.expect.action else "none"
    try:
        advice = await aadvise(
            notes,
            today=case.today,
            backend=backend or "template",
            channel=case.expect.channel,
            prompts_dir=prompts_dir,
            deadline=EVAL_DEADLINE_S,
        )
    except Exception as exc:  # an eval reports every failure as a result, never stops
        return CaseResult(case.id, r, case.tags, False, expected, "error", error=f"{type(exc).__name__}: {exc}")
    decision = advice.decision
    got = decision.action.value if decision.action else "none"
    result = CaseResult(
        case.id,
        r,
        case.tags,
        action_ok=(decision.action == case.expect.action and decision.status == case.expect.status),
        expected=f"{expected} ({case.expect.status.value})",
        got=f"{got} ({decision.status.value})",
    )
    result.drafts = [_draft(case, notes, advice, i) for i in range(len(advice.drafts))]
    if case.expect.drafts is not None:
        result.drafts_ok = len(advice.drafts) == case.expect.drafts
    return result


def _draft(case: Case, notes: InterviewNotes, advice: Advice, index: int) -> DraftResult:
    draft = advice.drafts[index]
    lowered = draft.body.lower()
    wanted = case.expect.mentions
    coverage = sum(w.lower() in lowered for w in wanted) / len(wanted) if wanted else 1.0
    words = len(draft.body.split())
    low, high = case.expect.words or WORD_LIMITS[draft.kind]
    attempts = draft.attempts
    model_latency = sum(a.latency_s for a in attempts)
    first_pass = draft.source == "model" and len(attempts) == 1 if attempts else draft.tone.passed
    faithful = sum(
        1 for a in attempts if a.tone for f in a.tone.findings if f.check == Check.faithful and f.severity == "block"
    )
    return DraftResult(
        recipient=draft.recipient,
        prompt_id=_prompt_of(draft.prompt_id, notes),
        source=draft.source,
        attempts=len(attempts),
        first_pass=first_pass,
        final_pass=draft.tone.passed,
        faithfulness_violations=faithful,
        mention_coverage=coverage,
        forbidden_found=[w for w in case.expect.must_not_mention if w.lower() in lowered],
        length_ok=low <= words <= high,
        tokens=draft.usage.prompt_tokens + draft.usage.completion_tokens,
        latency_s=model_latency,
        cached=bool(attempts) and all(a.latency_s == 0.0 and a.error is None for a in attempts),
        body=draft.body,
        findings=sorted({f.code for a in attempts if a.tone for f in a.tone.findings}),
        fallback_reason=draft.fallback_reason,
        marks=_marks(draft.tone),
        rejected=[
            RejectedAttempt(a.number, a.text, a.rejected_because or a.error or "not used", _marks(a.tone))
            for a in attempts
            if a.rejected_because is not None or a.error is not None
        ],
        first_blocks=len(attempts[0].tone.blocking) if attempts and attempts[0].tone else 0,
    )


def _marks(report: ToneReport | None) -> list[Mark]:
    if report is None:
        return []
    return [Mark(f.code, f.severity.value, f.start, f.end, f.message) for f in report.findings]


def _prompt_of(prompt_id: str, notes: InterviewNotes) -> str:
    """The prompt file a draft belongs to, also when the template engine wrote it."""
    kind = prompt_id.removeprefix("template.")
    if kind == "value_add" and notes.shareables and notes.shareables[0].kind == "contact":
        return "introduction"
    return kind


# --- metrics -----------------------------------------------------------------------------

METRICS = [
    "case_pass_rate",
    "action_accuracy",
    "first_attempt_pass_rate",
    "final_pass_rate",
    "fallback_rate",
    "faithfulness_violations_per_draft",
    "mention_coverage",
    "length_compliance",
    "attempts_per_shown_draft",
    "tokens_per_draft",
    "latency_s_per_draft",
]
#: For these, lower is better.
LOWER_IS_BETTER = {"fallback_rate", "faithfulness_violations_per_draft", "attempts_per_shown_draft", "tokens_per_draft",
                   "latency_s_per_draft"}  # fmt: skip


def metrics(results: list[CaseResult]) -> dict[str, float]:
    drafts = [d for r in results for d in r.drafts]
    live = [d for d in drafts if not d.cached and d.attempts]

    def mean(values: list[float]) -> float:
        return statistics.fmean(values) if values else 0.0

    return {
        "case_pass_rate": mean([r.passed for r in results]),
        "action_accuracy": mean([r.action_ok for r in results]),
        "first_attempt_pass_rate": mean([d.first_pass for d in drafts]),
        "final_pass_rate": mean([d.final_pass for d in drafts]),
        "fallback_rate": mean([d.source == "template" and d.attempts > 0 for d in drafts]),
        "faithfulness_violations_per_draft": mean([d.faithfulness_violations for d in drafts]),
        "mention_coverage": mean([d.mention_coverage for d in drafts]),
        "length_compliance": mean([d.length_ok for d in drafts]),
        "attempts_per_shown_draft": mean([d.attempts for d in drafts]),
        "tokens_per_draft": mean([d.tokens for d in drafts]),
        "latency_s_per_draft": mean([d.latency_s for d in live]),
    }


def by_prompt(results: list[CaseResult]) -> dict[str, dict[str, float]]:
    prompts = sorted({d.prompt_id for r in results for d in r.drafts})
    out = {}
    for prompt in prompts:
        subset = [
            CaseResult(
                r.case_id,
                r.repeat,
                r.tags,
                r.action_ok,
                r.expected,
                r.got,
                [d for d in r.drafts if d.prompt_id == prompt],
            )
            for r in results
        ]
        out[prompt] = metrics([r for r in subset if r.drafts])
    return out


def bootstrap_delta(
    base: list[float], candidate: list[float], *, rounds: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """The mean paired difference (candidate - base) and its 95% bootstrap interval."""
    pairs = list(zip(base, candidate, strict=True))
    if not pairs:
        return 0.0, 0.0, 0.0
    diffs = [c - b for b, c in pairs]
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(diffs, k=len(diffs))) for _ in range(rounds))
    return statistics.fmean(diffs), means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def per_case_scores(results: list[CaseResult], metric: str) -> dict[tuple[str, int], float]:
    """One value per (case, repeat) for a metric, for paired comparison."""
    out = {}
    for r in results:
        values = metrics([r]) if r.drafts or metric in ("case_pass_rate", "action_accuracy") else None
        if values is not None:
            out[(r.case_id, r.repeat)] = values[metric]
    return out


def as_json(results: list[CaseResult]) -> list[dict[str, Any]]:
    return [{**asdict(r), "passed": r.passed} for r in results]
