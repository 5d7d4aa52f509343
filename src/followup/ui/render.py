"""HTML for the page: the decision card, the tone report with its findings marked in the text."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from followup.advice import Draft
from followup.decision import Action, Decision, Status
from followup.tone import Severity, ToneReport
from followup.wording import day, join_names


def decision_card(decision: Decision) -> str:
    """The five actions as a ladder with the one that applies highlighted, the reason and the timeline."""
    steps = []
    for action in Action:
        current = action == decision.action
        style = "background:#1f6feb;color:#fff;font-weight:600" if current else "background:#eef1f5;color:#57606a"
        mark = ' aria-current="step"' if current else ""
        steps.append(
            f'<li data-action="{action.value}"{mark} style="{style};padding:6px 10px;border-radius:14px;'
            f'list-style:none">{escape(action.label)}</li>'
        )
    today = decision.today
    if decision.action is None:
        headline = "Nothing to chase"
    elif decision.status == Status.now:
        headline = f"{decision.action.label}: today"
    elif decision.status == Status.scheduled:
        headline = f"{decision.action.label}: on {day(decision.due_on or today, today)}"
    else:
        headline = f"{decision.action.label}: done"
    parts = [
        f'<div class="decision-card" data-action="{decision.action.value if decision.action else "none"}" '
        f'data-status="{decision.status.value}">',
        f'<ol class="ladder" style="display:flex;gap:6px;flex-wrap:wrap;padding:0">{"".join(steps)}</ol>',
        f'<h3 class="headline">{escape(headline)}</h3>',
        f'<p class="reason">{escape(decision.reason)}</p>',
    ]
    if decision.to or decision.cc:
        to = join_names(decision.to) or "someone more senior (to be named)"
        cc = f" (cc {escape(join_names(decision.cc))})" if decision.cc else ""
        parts.append(f"<p><b>To:</b> {escape(to)}{cc}</p>")
    for need in decision.needs:
        parts.append(f'<p class="need"><b>Needed:</b> {escape(need.question)}</p>')
    if decision.timeline:
        items = "".join(
            f"<li><b>{escape(day(s.due_on, today))}</b>: {escape(s.summary)}</li>" for s in decision.timeline
        )
        parts.append(f'<p><b>Then, if you hear nothing:</b></p><ul class="timeline">{items}</ul>')
    parts.append(f'<p style="color:#57606a;font-size:small">rule {escape(decision.rule)}</p></div>')
    return "".join(parts)


def tone_report(report: ToneReport, text: str) -> str:
    """Badges per dimension, the findings with their suggestions, and the text with findings marked."""
    verdict = "passes the tone check" if report.passed else "blocked by the tone check"
    colour = "#1a7f37" if report.passed else "#cf222e"
    badges = "".join(
        f'<span class="badge" data-dimension="{escape(name)}" style="display:inline-block;margin:2px;padding:2px 8px;'
        f'border-radius:10px;background:{"#dafbe1" if value >= 0.8 else "#fff8c5" if value >= 0.5 else "#ffebe9"}">'
        f"{escape(name)} {value:.2f}</span>"
        for name, value in report.scores.items()
    )
    findings = "".join(
        f'<li class="finding {f.severity.value}" data-code="{escape(f.code)}" data-quote="{escape(f.quote)}">'
        f"<b>{'Blocks' if f.severity == Severity.block else 'Warning'}</b> on “{escape(f.quote[:80])}”: "
        f"{escape(f.message)} <i>{escape(f.suggestion)}</i></li>"
        for f in report.findings
    )
    return (
        f'<div class="tone-report" data-passed="{str(report.passed).lower()}">'
        f'<p style="color:{colour};font-weight:600" class="verdict">{escape(verdict)}</p><div>{badges}</div>'
        f'<ul class="findings">{findings}</ul>'
        f'<pre class="marked" style="white-space:pre-wrap">{marked(text, report)}</pre></div>'
    )


def marked(text: str, report: ToneReport) -> str:
    """The text, escaped, with each finding's span wrapped in <mark>."""
    spans = sorted({(f.start, f.end, f.severity) for f in report.findings if f.end > f.start and f.end - f.start < 400})
    out, position = [], 0
    for start, end, severity in spans:
        if start < position:
            continue
        colour = "#ffcecb" if severity == Severity.block else "#fff1a8"
        out.append(escape(text[position:start]))
        out.append(f'<mark style="background:{colour}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def draft_header(draft: Draft) -> str:
    writer = f"{draft.backend} · {draft.model}" if draft.source == "model" else "the template engine"
    lines = [
        f"**{draft.kind.value.replace('_', '-')}** to **{draft.recipient}** ({draft.recipient_title})"
        + (f", cc {', '.join(draft.cc)}" if draft.cc else ""),
        f"Written by {writer} · prompt `{draft.prompt_id}` v{draft.prompt_version} · #{draft.prompt_hash}",
    ]
    if draft.fallback_reason:
        lines.append(f"⚠ The model's draft was not used: {draft.fallback_reason}. The template engine wrote this one.")
    lines += [f"Note for you: {note}" for note in draft.notes_for_you]
    return "\n\n".join(lines)


def mailto(email: str | None, subject: str | None, body: str) -> str:
    target = quote(email or "")
    return f"mailto:{target}?subject={quote(subject or '')}&body={quote(body)}"
