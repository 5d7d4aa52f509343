"""Baseline prompts against candidate prompts: flips, deltas with intervals, pass@k, flaky cases."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from followup.evals.runner import LOWER_IS_BETTER, METRICS, CaseResult, DraftResult, bootstrap_delta, metrics


@dataclass
class Delta:
    metric: str
    base: float
    candidate: float
    mean: float
    low: float
    high: float

    @property
    def worse(self) -> bool:
        """Significantly worse: the whole 95% interval is on the bad side of zero."""
        if self.metric in LOWER_IS_BETTER:
            return self.low > 0
        return self.high < 0


@dataclass
class PromptDrop:
    """One prompt whose first attempts got worse: fewer pass the gate, or they carry more
    blocking findings (seen even when the template hides them from the final drafts)."""

    prompt: str
    what: str  # "first-attempt gate pass" or "blocking findings per first attempt"
    base: float
    candidate: float
    low: float
    high: float


@dataclass
class Comparison:
    deltas: list[Delta]
    newly_failing: list[str] = field(default_factory=list)
    newly_passing: list[str] = field(default_factory=list)
    flaky: dict[str, list[str]] = field(default_factory=dict)  # case -> which side(s)
    pass_at_k: dict[str, float] = field(default_factory=dict)
    first_attempt_drops: list[PromptDrop] = field(default_factory=list)

    @property
    def regressed(self) -> bool:
        significant = {"case_pass_rate", "first_attempt_pass_rate", "final_pass_rate", "action_accuracy",
                       "faithfulness_violations_per_draft", "fallback_rate"}  # fmt: skip
        return bool(self.newly_failing or self.first_attempt_drops) or any(
            d.worse for d in self.deltas if d.metric in significant
        )


def by_case(results: list[CaseResult]) -> dict[str, list[CaseResult]]:
    grouped: dict[str, list[CaseResult]] = defaultdict(list)
    for result in results:
        grouped[result.case_id].append(result)
    return grouped


def pass_at_k(results: list[CaseResult]) -> float:
    grouped = by_case(results)
    return sum(any(r.passed for r in runs) for runs in grouped.values()) / len(grouped) if grouped else 0.0


def flaky(results: list[CaseResult]) -> list[str]:
    return sorted(case for case, runs in by_case(results).items() if len({r.passed for r in runs}) > 1)


def compare(base: list[CaseResult], candidate: list[CaseResult]) -> Comparison:
    base_cases, cand_cases = by_case(base), by_case(candidate)
    shared = sorted(set(base_cases) & set(cand_cases))
    deltas = []
    base_m, cand_m = metrics(base), metrics(candidate)
    for metric in METRICS:
        pairs_b, pairs_c = [], []
        for case in shared:
            for b, c in zip(base_cases[case], cand_cases[case], strict=False):
                pairs_b.append(metrics([b])[metric])
                pairs_c.append(metrics([c])[metric])
        mean, low, high = bootstrap_delta(pairs_b, pairs_c)
        deltas.append(Delta(metric, base_m[metric], cand_m[metric], mean, low, high))
    comparison = Comparison(deltas)
    for case in shared:
        was = sum(r.passed for r in base_cases[case]) / len(base_cases[case])
        now = sum(r.passed for r in cand_cases[case]) / len(cand_cases[case])
        if was == 1.0 and now < 1.0:
            comparison.newly_failing.append(case)
        elif was < 1.0 and now == 1.0:
            comparison.newly_passing.append(case)
    comparison.first_attempt_drops = first_attempt_drops(base, candidate)
    for side, results in (("baseline", base), ("candidate", candidate)):
        for case in flaky(results):
            comparison.flaky.setdefault(case, []).append(side)
        comparison.pass_at_k[side] = pass_at_k(results)
    return comparison


#: A prompt needs at least this many paired drafts before its own drop is called a regression.
MIN_PROMPT_PAIRS = 3


def _drafts_by_prompt(results: list[CaseResult]) -> dict[str, dict[tuple[str, int, int], DraftResult]]:
    out: dict[str, dict[tuple[str, int, int], DraftResult]] = defaultdict(dict)
    for r in results:
        for index, d in enumerate(r.drafts):
            out[d.prompt_id][(r.case_id, r.repeat, index)] = d
    return out


def first_attempt_drops(base: list[CaseResult], candidate: list[CaseResult]) -> list[PromptDrop]:
    """Prompts whose first attempts are significantly worse in ``candidate``: the paired
    difference's whole 95% interval on the bad side of zero, per prompt. A model whose
    drafts always fall back to the template shows no change in what users see; what it
    wrote first still does."""
    drops = []
    before, after = _drafts_by_prompt(base), _drafts_by_prompt(candidate)
    for prompt in sorted(set(before) & set(after)):
        keys = sorted(set(before[prompt]) & set(after[prompt]))
        pairs = [(before[prompt][k], after[prompt][k]) for k in keys if before[prompt][k].attempts]
        if len(pairs) < MIN_PROMPT_PAIRS:
            continue
        passed = bootstrap_delta([float(b.first_pass) for b, _ in pairs], [float(c.first_pass) for _, c in pairs])
        blocks = bootstrap_delta([float(b.first_blocks) for b, _ in pairs], [float(c.first_blocks) for _, c in pairs])
        n = len(pairs)
        if passed[2] < 0:
            was, now = sum(b.first_pass for b, _ in pairs) / n, sum(c.first_pass for _, c in pairs) / n
            drops.append(PromptDrop(prompt, "first-attempt gate pass", was, now, passed[1], passed[2]))
        elif blocks[1] > 0:
            was, now = sum(b.first_blocks for b, _ in pairs) / n, sum(c.first_blocks for _, c in pairs) / n
            drops.append(PromptDrop(prompt, "blocking findings per first attempt", was, now, blocks[1], blocks[2]))
    return drops
