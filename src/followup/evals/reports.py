"""The eval's reports: Markdown for the terminal and pull requests, static HTML, JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followup.evals import html_report
from followup.evals.chat import ChatRun
from followup.evals.compare import Comparison
from followup.evals.runner import METRICS, CaseResult, as_json, by_prompt, failure_reason, metrics


def _fmt(metric: str, value: float) -> str:
    if metric.endswith(("rate", "accuracy", "coverage", "compliance")):
        return f"{value:.1%}"
    return f"{value:.2f}"


def markdown(candidate: list[CaseResult], info: dict[str, Any], comparison: Comparison | None = None,
             baseline: list[CaseResult] | None = None) -> str:  # fmt: skip
    cases = len({r.case_id for r in candidate})
    lines = [
        "# Eval report",
        "",
        f"{cases} cases x {info['repeat']} repeat(s); backend `{info['backend']}`"
        + (f", model `{info['model']}`" if info.get("model") else "")
        + f"; prompts `{info['prompts']}`"
        + (f" against baseline `{info['baseline']}`" if baseline is not None else "")
        + ".",
        "",
    ]
    cand = metrics(candidate)
    if comparison is None or baseline is None:
        lines += ["| metric | value |", "|---|---|"]
        lines += [f"| {m} | {_fmt(m, cand[m])} |" for m in METRICS]
    else:
        lines += ["| metric | baseline | candidate | delta (95% interval) |", "|---|---|---|---|"]
        for d in comparison.deltas:
            flag = " **worse**" if d.worse else ""
            lines.append(
                f"| {d.metric} | {_fmt(d.metric, d.base)} | {_fmt(d.metric, d.candidate)} | "
                f"{d.mean:+.3f} [{d.low:+.3f}, {d.high:+.3f}]{flag} |"
            )
        lines += ["", f"**Verdict: {'REGRESSION' if comparison.regressed else 'no regression'}.**", ""]
        if comparison.newly_failing:
            lines.append("Cases that now fail (pass -> fail): " + ", ".join(f"`{c}`" for c in comparison.newly_failing))
        for drop in comparison.first_attempt_drops:
            lines.append(
                f"First attempts worse for prompt `{drop.prompt}`: {drop.what} {drop.base:.2f} -> {drop.candidate:.2f} "
                f"(95% interval of the change [{drop.low:+.2f}, {drop.high:+.2f}])"
            )
        if comparison.newly_passing:
            lines.append("Cases that now pass (fail -> pass): " + ", ".join(f"`{c}`" for c in comparison.newly_passing))
        if info["repeat"] > 1:
            lines.append(
                f"pass@{info['repeat']}: baseline {comparison.pass_at_k.get('baseline', 0):.1%}, "
                f"candidate {comparison.pass_at_k.get('candidate', 0):.1%}"
            )
        if comparison.flaky:
            lines.append(
                "Flaky cases: " + ", ".join(f"`{c}` ({'/'.join(s)})" for c, s in sorted(comparison.flaky.items()))
            )
    lines += ["", "Per prompt (candidate):", ""]
    lines += ["| prompt | drafts first-attempt pass | final pass | fallback | mentions |", "|---|---|---|---|---|"]
    for prompt, m in by_prompt(candidate).items():
        lines.append(
            f"| {prompt} | {m['first_attempt_pass_rate']:.1%} | {m['final_pass_rate']:.1%} | "
            f"{m['fallback_rate']:.1%} | {m['mention_coverage']:.1%} |"
        )
    failing = [r for r in candidate if not r.passed]
    if failing:
        lines += ["", "Failing cases (candidate):", ""]
        for r in failing[:40]:
            lines.append(f"- `{r.case_id}` (repeat {r.repeat}): {failure_reason(r)}")
    return "\n".join(lines) + "\n"


def write(directory: Path, candidate: list[CaseResult], baseline: list[CaseResult] | None, summary_md: str,
          info: dict[str, Any], comparison: Comparison | None = None, chat: ChatRun | None = None) -> None:  # fmt: skip
    """summary.md, report.html and results.json, all from the same results."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "summary.md").write_text(summary_md, encoding="utf-8")
    page = html_report.render(candidate, baseline, comparison, info, chat)
    (directory / "report.html").write_text(page, encoding="utf-8")
    data = {"info": info, "candidate": as_json(candidate), "baseline": as_json(baseline) if baseline else None}
    if chat is not None:
        data["chat"] = chat.as_json()
    (directory / "results.json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
