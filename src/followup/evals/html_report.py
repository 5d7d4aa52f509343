"""The eval report as one self-contained HTML page: the prompt-change viewer.

One file, no network: the styles and the script (``assets/report.css`` and
``assets/report.js``, package data) are inlined, so it opens from disk and from a CI
artifact. Everything is rendered here, from the same results as summary.md and
results.json; the script only filters, folds and jumps.

The page, top to bottom: the verdict and the metrics with their deltas; a picture per
prompt (first-attempt pass, fallback, final pass, baseline against candidate); the
matrix of cases by version with filters; then each case with the two versions' drafts
side by side, words that changed marked, tone findings marked as the web UI marks them
(``followup.ui.render.marked``), the rejected attempts folded under each draft, and
the case's JSON record. Each part is one function of a ``View`` listed in ``SECTIONS``,
with its link in the navigation bar: a later part (the chat cases' field accuracy)
joins as one more entry there.

All text from cases, notes and models goes through ``escape``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from importlib import resources
from typing import Any

from followup.evals.chat import ChatRun
from followup.evals.chat import html as chat_html
from followup.evals.compare import Comparison, Delta, compare
from followup.evals.runner import (
    LOWER_IS_BETTER,
    METRICS,
    CaseResult,
    DraftResult,
    Mark,
    as_json,
    by_prompt,
    failure_reason,
    metrics,
)

LABELS = {
    "case_pass_rate": "case pass rate",
    "action_accuracy": "action accuracy",
    "first_attempt_pass_rate": "first-attempt gate pass",
    "final_pass_rate": "final gate pass",
    "fallback_rate": "fallback to the template",
    "faithfulness_violations_per_draft": "faithfulness violations / draft",
    "mention_coverage": "mention coverage",
    "length_compliance": "length compliance",
    "attempts_per_shown_draft": "attempts / shown draft",
    "tokens_per_draft": "tokens / draft",
    "latency_s_per_draft": "model seconds / draft",
}
CHANGES = {
    "pass-fail": "pass → fail",
    "fail-pass": "fail → pass",
    "text": "draft text changed",
    "attempts": "rejected attempts changed",
    "same": "same",
    "": "",
}
#: A prompt "moved" when one of its three rates changed by this much (5 points).
MOVED = 0.05
_WORD = re.compile(r"\S+")
MINUS, TIMES, DASH = "\u2212", "\u00d7", "\u2013"
_MAX_MARK = 400  # as the web UI: longer spans (a whole-text finding) are listed, not marked


def _asset(name: str) -> str:
    return (resources.files("followup.evals") / "assets" / name).read_text(encoding="utf-8")


def _is_rate(metric: str) -> bool:
    return metric.endswith(("rate", "accuracy", "coverage", "compliance"))


def _digits(value: float) -> int:
    return 2 if value == 0 or abs(value) >= 1 else 3


def _value(metric: str, value: float) -> str:
    return f"{value:.1%}" if _is_rate(metric) else f"{value:.{_digits(value)}f}"


def _signed(metric: str, value: float) -> str:
    """A delta: points for rates, the metric's own unit otherwise, with a real minus sign."""
    text = f"{value * 100:+.1f}" if _is_rate(metric) else f"{value:+.{_digits(value)}f}"
    return text.replace("-", MINUS)


def _delta(metric: str, value: float) -> str:
    return _signed(metric, value) + (" pts" if _is_rate(metric) else "")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "case"


def status(result: CaseResult) -> str:
    """pass, fallback (passed, with a draft the template engine wrote after the model failed), fail or error."""
    if result.error:
        return "error"
    if not result.passed:
        return "fail"
    if any(d.source == "template" and d.attempts > 0 for d in result.drafts):
        return "fallback"
    return "pass"


def _attempt_texts(draft: DraftResult) -> dict[int, str]:
    """Every model attempt's text by number: the rejected ones and the one shown."""
    texts = {a.number: a.text for a in draft.rejected if a.text is not None}
    if draft.source == "model" and draft.attempts:
        texts[draft.attempts] = draft.body
    return texts


def change(base: CaseResult | None, cand: CaseResult) -> str:
    """How a case moved between the versions: pass-fail, fail-pass, text, attempts, same ('' with no baseline)."""
    if base is None:
        return ""
    if base.passed != cand.passed:
        return "pass-fail" if base.passed else "fail-pass"
    if [(d.recipient, d.body) for d in base.drafts] != [(d.recipient, d.body) for d in cand.drafts]:
        return "text"
    if [_attempt_texts(d) for d in base.drafts] != [_attempt_texts(d) for d in cand.drafts]:
        return "attempts"
    return "same"


@dataclass
class Row:
    """One case (and repeat) in both versions."""

    cand: CaseResult
    base: CaseResult | None
    index: int  # in results.json's candidate list
    base_index: int | None  # in its baseline list
    anchor: str
    change: str = ""
    repeated: bool = False  # the eval ran each case more than once

    @property
    def failed(self) -> bool:
        return not self.cand.passed or (self.base is not None and not self.base.passed)

    @property
    def prompts(self) -> list[str]:
        return sorted({d.prompt_id for r in (self.base, self.cand) if r for d in r.drafts})

    @property
    def label(self) -> str:
        return self.cand.case_id + (f" · r{self.cand.repeat}" if self.repeated else "")


@dataclass
class View:
    """What the sections render from."""

    candidate: list[CaseResult]
    baseline: list[CaseResult] | None
    comparison: Comparison | None
    info: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    chat: ChatRun | None = None

    def __post_init__(self) -> None:
        base = {(r.case_id, r.repeat): (i, r) for i, r in enumerate(self.baseline or [])}
        repeats = len({r.repeat for r in self.candidate}) > 1
        seen: set[str] = set()
        for i, cand in enumerate(self.candidate):
            j, other = base.get((cand.case_id, cand.repeat), (None, None))
            anchor = f"case-{_slug(cand.case_id)}" + (f"-r{cand.repeat}" if repeats else "")
            while anchor in seen:
                anchor += "-"
            seen.add(anchor)
            self.rows.append(Row(cand, other, i, j, anchor, change(other, cand), repeats))

    @property
    def compared(self) -> bool:
        return self.baseline is not None and self.comparison is not None

    @cached_property
    def prompt_ids(self) -> list[str]:
        return sorted({p for row in self.rows for p in row.prompts})

    @cached_property
    def tags(self) -> list[str]:
        return sorted({t for row in self.rows for t in row.cand.tags})


def render(
    candidate: list[CaseResult],
    baseline: list[CaseResult] | None,
    comparison: Comparison | None,
    info: dict[str, Any],
    chat: ChatRun | None = None,
) -> str:
    """The whole page."""
    if baseline is not None and comparison is None:
        comparison = compare(baseline, candidate)
    view = View(candidate, baseline, comparison if baseline is not None else None, info, chat=chat)
    verdict = _verdict_word(view)
    sections = [s for s in SECTIONS if s[0] != "chat" or chat is not None]
    nav = "".join(f'<a href="#{anchor}">{escape(title)}</a>' for anchor, title, _ in sections)
    body = "".join(section(view) for _, _, section in sections)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Eval report · {escape(verdict)}</title><style>{_asset('report.css')}</style></head><body>"
        f'<nav class="bar"><b>followup eval</b>{nav}<a href="results.json">results.json</a>'
        '<a href="summary.md">summary.md</a></nav>'
        f"{body}<script>{_asset('report.js')}</script></body></html>\n"
    )


# --- the overview: verdict, metrics, a picture per prompt ---------------------------------


def _verdict_word(view: View) -> str:
    if not view.compared:
        return "candidate only"
    assert view.comparison is not None
    return "REGRESSION" if view.comparison.regressed else "no regression"


def _better(delta: Delta) -> bool:
    if delta.metric in LOWER_IS_BETTER:
        return delta.high < 0
    return delta.low > 0


def overview(view: View) -> str:
    return (
        '<section id="overview"><header class="head">'
        f"{_verdict(view)}{_info(view)}</header>"
        f'<div class="overview">{_metrics_table(view)}{_per_prompt(view)}</div></section>'
    )


def _info(view: View) -> str:
    info = view.info
    cases = len({r.case_id for r in view.candidate})
    parts = [f"{cases} cases {TIMES} {info.get('repeat', 1)} repeat(s)"]
    if info.get("backend"):
        parts.append(f"backend <code>{escape(str(info['backend']))}</code>")
    if info.get("model"):
        parts.append(f"model <code>{escape(str(info['model']))}</code>")
    if info.get("prompts"):
        parts.append(f"prompts <code>{escape(str(info['prompts']))}</code>")
    if view.compared:
        parts.append(f"baseline <code>{escape(str(info.get('baseline') or 'given'))}</code>")
    return f'<p class="info">{" · ".join(parts)}</p>'


def _verdict(view: View) -> str:
    word = _verdict_word(view)
    if not view.compared:
        rate = metrics(view.candidate)["case_pass_rate"]
        return (
            f'<div id="verdict" class="verdict neutral" data-verdict="none"><strong>{escape(word)}</strong>'
            f"<span>case pass rate {rate:.1%}; run with --baseline to compare</span></div>"
        )
    assert view.comparison is not None
    comparison = view.comparison
    why = []
    if comparison.newly_failing:
        why.append(f"{len(comparison.newly_failing)} case(s) now fail")
    worse = [d for d in comparison.deltas if d.worse]
    if worse:
        said = (f"{LABELS.get(d.metric, d.metric)} {_delta(d.metric, d.mean)}" for d in worse)
        why.append("worse: " + ", ".join(said))
    if comparison.newly_passing:
        why.append(f"{len(comparison.newly_passing)} case(s) now pass")
    changed = sum(row.change != "same" for row in view.rows)
    why.append(f"{changed} of {len(view.rows)} cases changed")
    kind = "regression" if comparison.regressed else "ok"
    return (
        f'<div id="verdict" class="verdict {kind}" data-verdict="{kind}"><strong>{escape(word)}</strong>'
        f"<span>{escape('; '.join(why))}</span></div>"
    )


def _metrics_table(view: View) -> str:
    cand = metrics(view.candidate)
    if not view.compared:
        rows = "".join(
            f'<tr data-metric="{m}"><th scope="row">{escape(LABELS.get(m, m))}</th><td>{_value(m, cand[m])}</td></tr>'
            for m in METRICS
        )
        head = "<thead><tr><th>metric</th><th>candidate</th></tr></thead>"
        return f'<table id="metrics">{head}<tbody>{rows}</tbody></table>'
    assert view.comparison is not None
    out = []
    for d in view.comparison.deltas:
        mark = "worse" if d.worse else "better" if _better(d) else ""
        badge = f' <span class="badge {mark}">{mark}</span>' if mark else ""
        out.append(
            f'<tr data-metric="{d.metric}" class="{mark}"><th scope="row" title="{d.metric}">'
            f"{escape(LABELS.get(d.metric, d.metric))}</th><td>{_value(d.metric, d.base)}</td>"
            f"<td>{_value(d.metric, d.candidate)}</td><td class='delta'>{_delta(d.metric, d.mean)}{badge}</td>"
            f"<td class='ci'>[{_signed(d.metric, d.low)}, {_signed(d.metric, d.high)}]</td></tr>"
        )
    return (
        '<table id="metrics"><thead><tr><th>metric</th><th>baseline</th><th>candidate</th><th>delta</th>'
        f"<th>95% interval</th></tr></thead><tbody>{''.join(out)}</tbody></table>"
    )


_BARS = (("first_attempt_pass_rate", "1st try"), ("fallback_rate", "fallback"), ("final_pass_rate", "final"))


def _per_prompt(view: View) -> str:
    cand = by_prompt(view.candidate)
    base = by_prompt(view.baseline) if view.compared and view.baseline is not None else {}
    counts: dict[str, int] = {}
    for r in view.candidate:
        for d in r.drafts:
            counts[d.prompt_id] = counts.get(d.prompt_id, 0) + 1
    panels = "".join(_panel(p, base.get(p), cand.get(p), counts.get(p, 0), view.compared) for p in view.prompt_ids)
    legend = (
        '<span class="key base"></span>baseline <span class="key cand"></span>candidate'
        if view.compared
        else '<span class="key cand"></span>candidate'
    )
    return (
        f'<section id="per-prompt"><h2>Per prompt <small>% of drafts · {legend}</small></h2>'
        f'<div class="panels">{panels}</div></section>'
    )


def _panel(prompt: str, base: dict[str, float] | None, cand: dict[str, float] | None, drafts: int, two: bool) -> str:
    width, height, floor, tall = 150, 92, 72, 58
    group = width // 3
    bars, aria, moves = [], [], []
    for g, (metric, label) in enumerate(_BARS):
        values = [("base", base[metric] if base else None)] if two else []
        values.append(("cand", cand[metric] if cand else None))
        bar_w = 19 if two else 26
        x0 = g * group + (group - bar_w * len(values) - 2 * (len(values) - 1)) / 2
        for k, (side, value) in enumerate(values):
            x = x0 + k * (bar_w + 2)
            v = value or 0.0
            h = max(1.0, v * tall) if value is not None else 0.0
            said = DASH if value is None else f"{v * 100:.0f}"
            bars.append(
                f'<rect class="{side}" x="{x:.1f}" y="{floor - h:.1f}" width="{bar_w}" height="{h:.1f}"/>'
                f'<text x="{x + bar_w / 2:.1f}" y="{floor - h - 3:.1f}">{said}</text>'
            )
        bars.append(f'<text class="label" x="{g * group + group / 2:.1f}" y="{floor + 13}">{label}</text>')
        said = ", ".join(f"{'baseline' if s == 'base' else 'candidate'} {0 if v is None else v:.0%}" for s, v in values)
        aria.append(f"{label}: {said}")
        if two and base and cand:
            delta = cand[metric] - base[metric]
            bad = delta >= MOVED if metric == "fallback_rate" else delta <= -MOVED
            good = delta <= -MOVED if metric == "fallback_rate" else delta >= MOVED
            if bad or good:
                moves.append((abs(delta), bad, f"{label} {delta * 100:+.0f} pts".replace("-", MINUS)))
    moves.sort(reverse=True)
    kind = "worse" if any(bad for _, bad, _ in moves) else "better" if moves else ""
    caption = ", ".join(text for _, _, text in moves[:2]) or ("no move" if two else "")
    svg = (
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(prompt)}: {escape("; ".join(aria))}">'
        f'<line x1="0" x2="{width}" y1="{floor}" y2="{floor}"/>{"".join(bars)}</svg>'
    )
    return (
        f'<figure class="panel {kind}" data-prompt="{escape(prompt)}" '
        f'title="show the cases with a {escape(prompt)} draft">'
        f"<figcaption><b>{escape(prompt)}</b> <small>{drafts} drafts</small></figcaption>{svg}"
        f'<p class="moved">{escape(caption)}</p></figure>'
    )


# --- the matrix and its filters -----------------------------------------------------------


def _options(values: Iterable[str], everything: str) -> str:
    return f'<option value="">{everything}</option>' + "".join(
        f'<option value="{escape(v)}">{escape(v)}</option>' for v in values
    )


def matrix(view: View) -> str:
    changed = sum(row.change not in ("same", "") for row in view.rows)
    failed = sum(row.failed for row in view.rows)
    disabled = "" if view.compared else " disabled"
    filters = (
        '<form id="filters" class="filters" onsubmit="return false">'
        f'<label><input type="checkbox" id="f-changed"{disabled}> changed only ({changed})</label>'
        '<label title="failing in either version"><input type="checkbox" id="f-failed">'
        f" failures only ({failed})</label>"
        f'<label>prompt <select id="f-prompt">{_options(view.prompt_ids, "all")}</select></label>'
        f'<label>tag <select id="f-tag">{_options(view.tags, "all")}</select></label>'
        '<label><input type="search" id="f-search" placeholder="search ids, tags, drafts…"></label>'
        f'<span id="shown">{len(view.rows)} of {len(view.rows)} cases</span>'
        '<button type="button" id="expand">open all</button><button type="button" id="collapse">close all</button>'
        "</form>"
    )
    heads = "<th>baseline</th><th>candidate</th><th>change</th>" if view.compared else "<th>candidate</th>"
    rows = "".join(_matrix_row(row, view.compared) for row in view.rows)
    return (
        f'<section id="cases-matrix"><h2>Cases <small>cases {TIMES} versions; a square per draft: '
        '<i class="chip first"></i>first try <i class="chip retry"></i>later try <i class="chip fallback"></i>fallback '
        '<i class="chip template"></i>template only <i class="chip bad"></i>failed</small></h2>'
        f'{filters}<table id="matrix"><thead><tr><th>case</th><th>tags</th>{heads}</tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _data(row: Row) -> str:
    """The attributes the filters read, on the matrix row and on the case."""
    return (
        f'data-case="{escape(row.cand.case_id)}" data-repeat="{row.cand.repeat}" data-change="{row.change}" '
        f'data-changed="{int(row.change not in ("same", ""))}" data-failed="{int(row.failed)}" '
        f'data-prompts="{escape(" ".join(row.prompts))}" data-tags="{escape(" ".join(row.cand.tags))}"'
    )


def _chip(draft: DraftResult) -> str:
    clean = draft.mention_coverage == 1.0 and not draft.forbidden_found and draft.length_ok
    if not draft.final_pass or not clean:
        kind, said = "bad", "failed"
    elif draft.source == "model":
        kind, said = ("first", "first try") if draft.attempts == 1 else ("retry", f"attempt {draft.attempts}")
    else:
        kind, said = ("fallback", "fallback to the template") if draft.attempts else ("template", "template only")
    return f'<i class="chip {kind}" title="{escape(draft.prompt_id)} to {escape(draft.recipient)}: {said}"></i>'


def _cell(result: CaseResult | None) -> str:
    if result is None:
        return f'<td class="cell missing">{DASH}</td>'
    state = status(result)
    chips = "".join(_chip(d) for d in result.drafts)
    return f'<td class="cell {state}"><span class="state">{state}</span>{chips}</td>'


def _matrix_row(row: Row, compared: bool) -> str:
    tags = "".join(f'<span class="tag">{escape(t)}</span>' for t in row.cand.tags)
    cells = (
        f"{_cell(row.base)}{_cell(row.cand)}<td class='change {row.change}'>{CHANGES[row.change]}</td>"
        if compared
        else _cell(row.cand)
    )
    return (
        f'<tr {_data(row)} data-target="{row.anchor}"><td><a href="#{row.anchor}">{escape(row.label)}</a></td>'
        f"<td>{tags}</td>{cells}</tr>"
    )


# --- each case, side by side -----------------------------------------------------------------


def cases(view: View) -> str:
    return f'<section id="cases">{"".join(_case(row, view.compared) for row in view.rows)}</section>'


def _case(row: Row, compared: bool) -> str:
    cand, base = row.cand, row.base
    opened = " open" if row.change not in ("same", "") or row.failed else ""
    change_badge = f'<span class="change {row.change}">{CHANGES[row.change]}</span>' if compared else ""
    states = "".join(
        f'<span class="state {status(r)}">{who} {status(r)}</span>'
        for who, r in (("baseline", base), ("candidate", cand))
        if r is not None and (compared or who == "candidate")
    )
    decision = [f"expected <b>{escape(cand.expected)}</b>"]
    for who, r in (("baseline", base), ("candidate", cand)):
        if r is not None and (compared or who == "candidate"):
            ok = "ok" if r.action_ok else "wrong"
            decision.append(f'{who} got <b class="{ok}">{escape(r.got)}</b>')
    reasons = "".join(
        f'<p class="why">{who} fails: {escape(failure_reason(r))}</p>'
        for who, r in (("baseline", base), ("candidate", cand))
        if r is not None and not r.passed
    )
    drafts = "".join(_pair(b, c, compared) for b, c in _paired(base if compared else None, cand))
    record = {"candidate": as_json([cand])[0], "baseline": as_json([base])[0] if base else None}
    where = f"results.json: candidate[{row.index}]" + (f", baseline[{row.base_index}]" if base else "")
    tags = "".join(f'<span class="tag">{escape(t)}</span>' for t in cand.tags)
    return (
        f'<details class="case" id="{row.anchor}" {_data(row)}{opened}><summary>'
        f'<b class="case-id">{escape(row.label)}</b> '
        f"{states}{change_badge}{tags}</summary>"
        f'<p class="decision">{" · ".join(decision)}</p>{reasons}{drafts or "<p>no drafts</p>"}'
        f'<details class="json" id="{row.anchor}-json"><summary>JSON record <small>({escape(where)})</small></summary>'
        f"<pre>{escape(json.dumps(record, indent=1, default=str), quote=False)}</pre></details>"
        '<p class="up"><a href="#cases-matrix">↑ matrix</a></p></details>'
    )


def _paired(base: CaseResult | None, cand: CaseResult) -> list[tuple[DraftResult | None, DraftResult | None]]:
    """The two versions' drafts to the same recipient, side by side."""
    left = list(base.drafts) if base else []
    out: list[tuple[DraftResult | None, DraftResult | None]] = []
    for draft in cand.drafts:
        match = next((d for d in left if d.recipient == draft.recipient), None)
        if match is not None:
            left.remove(match)
        out.append((match, draft))
    out += [(d, None) for d in left]
    return out


def _pair(base: DraftResult | None, cand: DraftResult | None, compared: bool) -> str:
    removed, inserted = _changes(base.body if base else None, cand.body if cand else None)
    same = base is not None and cand is not None and base.body == cand.body
    note = '<span class="same-text">same text</span>' if same else ""
    sides = []
    if compared:
        sides.append(_side("baseline", base, cand, removed, "del", note))
    sides.append(_side("candidate", cand, base, inserted, "ins", note))
    return f'<div class="pair{" two" if compared else ""}">{"".join(sides)}</div>'


def _side(who: str, draft: DraftResult | None, other: DraftResult | None, changed: list[tuple[int, int]],
          tag: str, note: str) -> str:  # fmt: skip
    if draft is None:
        return f'<div class="side {who} none"><p class="side-head">{who}: no draft to this recipient</p></div>'
    problems = []
    if draft.mention_coverage < 1:
        problems.append("misses an expected mention")
    if draft.forbidden_found:
        problems.append("says " + ", ".join(draft.forbidden_found))
    if not draft.length_ok:
        problems.append("outside the length bounds")
    if not draft.final_pass:
        problems.append("blocked by the tone check")
    issues = f'<p class="problems">{escape("; ".join(problems))}</p>' if problems else ""
    long = [m for m in draft.marks if m.end - m.start >= _MAX_MARK]
    codes = "".join(
        f'<code class="{escape(m.severity)}" title="{escape(m.message)}">{escape(m.code)}</code>' for m in draft.marks
    )
    findings = f'<p class="codes">findings: {codes}</p>' if codes else ""
    if long:
        findings += "".join(f'<p class="codes">{escape(m.code)}: {escape(m.message)}</p>' for m in long)
    return (
        f'<div class="side {who}"><p class="side-head"><span class="who">{who}</span> '
        f"<b>{escape(draft.prompt_id)}</b> to {escape(draft.recipient)} · "
        f'<span class="outcome">{escape(_outcome(draft))}</span> {note}</p>{issues}'
        f'<pre class="body">{marked(draft.body, draft.marks, changed, tag)}</pre>{findings}'
        f"{_rejected(who, draft, other, tag)}</div>"
    )


def _outcome(draft: DraftResult) -> str:
    if draft.source == "model":
        return "the model's first attempt passed" if draft.attempts == 1 else f"attempt {draft.attempts} passed"
    if draft.attempts:
        return f"fallback: the template engine wrote it ({draft.fallback_reason or 'the model failed'})"
    return "the template engine wrote it (no model)"


def _rejected(who: str, draft: DraftResult, other: DraftResult | None, tag: str) -> str:
    if not draft.rejected:
        return ""
    theirs = _attempt_texts(other) if other else {}
    parts, differs = [], False
    for attempt in draft.rejected:
        counterpart = theirs.get(attempt.number)
        text = attempt.text or ""
        changed: list[tuple[int, int]] = []
        if counterpart is not None and attempt.text is not None and counterpart != attempt.text:
            removed, inserted = _changes(counterpart, text)
            changed = inserted if tag == "ins" else removed
            differs = True
        elif other is not None and counterpart is None and attempt.text is not None:
            differs = True
        body = "" if attempt.text is None else f'<pre class="body">{marked(text, attempt.marks, changed, tag)}</pre>'
        parts.append(
            f'<div class="attempt" data-number="{attempt.number}"><p>attempt {attempt.number} rejected: '
            f"<b>{escape(attempt.reason)}</b></p>{body}</div>"
        )
    n = len(draft.rejected)
    theirs_name = "baseline" if who == "candidate" else "candidate"
    badge = f' <span class="badge diff">differs from the {theirs_name}</span>' if differs else ""
    return (
        f'<details class="rejected"><summary>{n} rejected attempt{"s" if n > 1 else ""}{badge}</summary>'
        f"{''.join(parts)}</details>"
    )


# --- text: word changes and tone findings ---------------------------------------------------


def _changes(old: str | None, new: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the words removed from ``old`` and of those inserted into ``new``."""
    if old is None or new is None or old == new:
        return [], []
    a = [(m.start(), m.end()) for m in _WORD.finditer(old)]
    b = [(m.start(), m.end()) for m in _WORD.finditer(new)]
    matcher = difflib.SequenceMatcher(None, [old[s:e] for s, e in a], [new[s:e] for s, e in b], autojunk=False)
    removed, inserted = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            removed.append((a[i1][0], a[i2 - 1][1]))
        if op in ("insert", "replace"):
            inserted.append((b[j1][0], b[j2 - 1][1]))
    return removed, inserted


def marked(text: str, marks: list[Mark], changed: list[tuple[int, int]], tag: str = "ins") -> str:
    """The text, escaped, with each finding's span in <mark> (as the web UI marks them) and the
    changed words in <ins> or <del>."""
    spans, position = [], 0
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        if m.end <= m.start or m.end - m.start >= _MAX_MARK or m.start < position or m.end > len(text):
            continue
        spans.append(m)
        position = m.end
    out, position = [], 0
    for m in spans:
        out.append(_words(text, position, m.start, changed, tag))
        inner = _words(text, m.start, m.end, changed, tag)
        out.append(
            f'<mark class="{escape(m.severity)}" data-code="{escape(m.code)}" '
            f'title="{escape(m.code)}: {escape(m.message)}">{inner}</mark>'
        )
        position = m.end
    out.append(_words(text, position, len(text), changed, tag))
    return "".join(out)


def _words(text: str, start: int, end: int, changed: list[tuple[int, int]], tag: str) -> str:
    out, position = [], start
    for a, b in changed:
        a, b = max(a, start), min(b, end)
        if a >= b or a < position:
            continue
        out.append(escape(text[position:a], quote=False))
        out.append(f"<{tag}>{escape(text[a:b], quote=False)}</{tag}>")
        position = b
    out.append(escape(text[position:end], quote=False))
    return "".join(out)


#: The page's parts in order: (anchor, link text, renderer). A chat-cases section joins here.
SECTIONS: list[tuple[str, str, Callable[[View], str]]] = [
    ("overview", "Overview", overview),
    ("cases-matrix", "Cases", matrix),
    ("cases", "Side by side", cases),
    ("chat", "Chat cases", lambda view: chat_html(view.chat)),
]
