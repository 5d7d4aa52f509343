"""The eval's reports: Markdown for the terminal and pull requests, static HTML, JSON."""

from __future__ import annotations

import difflib
import json
from html import escape
from pathlib import Path
from typing import Any

from followup.evals.compare import Comparison
from followup.evals.runner import METRICS, CaseResult, as_json, by_prompt, metrics


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
            why = r.error or ("wrong action: expected " + r.expected + ", got " + r.got if not r.action_ok else _why(r))
            lines.append(f"- `{r.case_id}` (repeat {r.repeat}): {why}")
    return "\n".join(lines) + "\n"


def _why(result: CaseResult) -> str:
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


def html(candidate: list[CaseResult], baseline: list[CaseResult] | None, summary_md: str) -> str:
    """A self-contained page: the summary, then each case's drafts side by side with differences marked."""
    base = {(r.case_id, r.repeat): r for r in baseline or []}
    parts = [
        "<!doctype html><meta charset='utf-8'><title>Eval report</title><style>"
        "body{font:14px system-ui;margin:2em;max-width:1400px}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}pre{white-space:pre-wrap;margin:0}"
        "ins{background:#d7f7dc;text-decoration:none}del{background:#ffd7d5}.fail{color:#b42318}.pass{color:#1a7f37}"
        "</style>",
        f"<pre>{escape(summary_md)}</pre>",
    ]
    for result in candidate:
        other = base.get((result.case_id, result.repeat))
        verdict = "pass" if result.passed else "fail"
        parts.append(f"<h3 class='{verdict}'>{escape(result.case_id)} · repeat {result.repeat} · {verdict}</h3>")
        parts.append(f"<p>expected {escape(result.expected)}, got {escape(result.got)}</p><table><tr>")
        parts.append("<th>baseline</th><th>candidate</th></tr>" if other else "<th>candidate</th></tr>")
        for i, draft in enumerate(result.drafts):
            old = other.drafts[i] if other and i < len(other.drafts) else None
            findings = escape(", ".join(draft.findings) or "no findings")
            diff = _diff(old.body if old else None, draft.body)
            cell = f"<td><b>{escape(draft.recipient)}</b> ({escape(draft.source)}; {findings})<pre>{diff}</pre></td>"
            left = f"<td><pre>{escape(old.body)}</pre><i>{escape(', '.join(old.findings))}</i></td>" if old else ""
            parts.append(f"<tr>{left}{cell}</tr>")
        parts.append("</table>")
    return "".join(parts)


def _diff(old: str | None, new: str) -> str:
    if old is None:
        return escape(new)
    out = []
    a, b = old.split(" "), new.split(" ")
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(b[j1:j2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def write(directory: Path, candidate: list[CaseResult], baseline: list[CaseResult] | None, summary_md: str,
          info: dict[str, Any]) -> None:  # fmt: skip
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "summary.md").write_text(summary_md, encoding="utf-8")
    (directory / "report.html").write_text(html(candidate, baseline, summary_md), encoding="utf-8")
    data = {"info": info, "candidate": as_json(candidate), "baseline": as_json(baseline) if baseline else None}
    (directory / "results.json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
