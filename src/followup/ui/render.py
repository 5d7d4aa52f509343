"""HTML for the page, drawn from the presentation model; every piece of user text is escaped.

Nothing here decides anything: the decision card, the timeline picture, a draft's tone
summary and the tracker's cards lay out :class:`~followup.presentation.DecisionView`,
tone reports and notes. ``escape`` is applied to every string that came from a person
(names, companies, roles, draft text, error messages), so typed markup shows as text.
"""

from __future__ import annotations

from datetime import date
from html import escape

from followup.advice import Draft
from followup.models import InterviewNotes
from followup.presentation import DecisionView, Mark
from followup.tone import Severity, ToneReport
from followup.tone.report import DIMENSIONS, Finding
from followup.wording import day

PLACEHOLDER = (
    '<div class="placeholder"><h3>What you will get</h3><ul>'
    "<li>Which of five steps to take today (thank them, share something useful, check in, "
    "ask someone more senior, or move on), and why.</li>"
    "<li>A picture of what comes next and when, if you hear nothing.</li>"
    "<li>A draft for each person, checked for tone, ready to edit and send.</li>"
    "</ul><p>Fill in the form (or <b>Fill in an example</b>) and press <b>Advise me</b>.</p></div>"
)


def decision_card(shown: DecisionView) -> str:
    """The decision: the five steps with the current one highlighted, the reason, who, the timeline."""
    current = ' aria-current="step"'
    ladder = "".join(
        f'<li data-action="{r.action}"{current if r.current else ""}>{escape(r.label)}</li>' for r in shown.ladder
    )
    parts = [
        f'<div class="decision-card" data-action="{shown.action or "none"}" data-status="{shown.status}">',
        f'<h3 class="headline">{escape(shown.headline)}</h3>',
        f'<p class="reason">{escape(shown.reason)}</p>',
    ]
    if shown.to:
        parts.append(f'<p class="to"><b>To:</b> {escape(shown.to)}</p>')
    parts += [f'<p class="need"><b>Needed:</b> {escape(need)}</p>' for need in shown.needs]
    parts.append(timeline(shown.marks, shown.today))
    parts.append(f'<ol class="ladder" aria-label="The five steps">{ladder}</ol>')
    parts.append("</div>")
    return "".join(parts)


def timeline(marks: list[Mark], today: date) -> str:
    """The plan as a horizontal line: today at the left, each step a dated marker along it.

    Markers sit halfway between even spacing and their true date, so close dates do not
    overlap and far ones still look far; labels alternate above and below the line.
    """
    if not marks:
        return ""
    last = max(m.on for m in marks)
    span = max((last - today).days, 1)
    count = len(marks)
    points = [f'<span class="tl-today" style="left:0%" title="today">Today<br>{escape(day(today, today))}</span>']
    for i, m in enumerate(marks):
        even = (i + 1) / count if m.on > today else 0.0
        true = (m.on - today).days / span
        left = 4 + 88 * (0.5 * even + 0.5 * true) if m.on > today else 4
        side = "above" if i % 2 else "below"
        points.append(
            f'<span class="tl-mark {side}{" first" if m.first else ""}" style="left:{left:.1f}%" '
            f'data-action="{m.action}" data-on="{m.on.isoformat()}" title="{escape(m.summary)}">'
            f'<i class="dot"></i><span class="tl-label">{escape(m.short)}<br>{escape(m.day)}</span></span>'
        )
    steps = "".join(f'<li data-on="{m.on.isoformat()}"><b>{escape(m.day)}</b>: {escape(m.summary)}</li>' for m in marks)
    return (
        f'<div class="timeline" role="img" aria-label="The plan over time">'
        f'<div class="tl-line">{"".join(points)}</div></div>'
        f'<details class="tl-steps"><summary>The steps in words</summary><ul>{steps}</ul></details>'
    )


def draft_header(draft: Draft, fallback_reason: str | None, email: str | None = None) -> str:
    """Who the draft is for, in plain words, and why the template wrote it when a model could not."""
    kind = {
        "thank_you": "Thank-you note",
        "value_add": "Something useful to share",
        "check_in": "Check-in",
        "escalation": "Note to someone more senior",
        "closing": "Closing note",
        "linkedin_note": "LinkedIn note",
    }[draft.kind.value]
    cc = f" (cc {escape(', '.join(draft.cc))})" if draft.cc else ""
    note = fallback_reason or (
        f"the model's draft was not used: {draft.fallback_reason}" if draft.fallback_reason else None
    )
    warning = f'<p class="fallback">Written by the built-in templates: {escape(note)}.</p>' if note else ""
    for_you = "".join(f'<p class="for-you">Note for you: {escape(n)}</p>' for n in draft.notes_for_you)
    return (
        f'<div class="draft-header" data-email="{escape(email or "")}">'
        f"<b>{escape(kind)}</b> to <b>{escape(draft.recipient)}</b>"
        f" ({escape(draft.recipient_title)}){cc}{warning}{for_you}</div>"
    )


def tone_summary(report: ToneReport, text: str, details: dict[str, str]) -> str:
    """The verdict, a badge only for each check that blocked or warned, each finding with its
    phrase marked in context, and the scores and provenance behind a Details disclosure."""
    verdict = "Passes the tone check" if report.passed else "Blocked by the tone check: change the marked words"
    flagged: dict[str, Severity] = {}
    for f in report.findings:
        name = DIMENSIONS[f.check]
        if flagged.get(name) != Severity.block:
            flagged[name] = f.severity
    badges = "".join(
        f'<span class="badge {severity.value}" data-dimension="{escape(name)}">{escape(name)}</span>'
        for name, severity in flagged.items()
    )
    findings = "".join(_finding(f, text) for f in report.findings)
    scores = "".join(
        f'<li data-dimension="{escape(name)}">{escape(name)} {value:.2f}</li>' for name, value in report.scores.items()
    )
    facts = "".join(f"<li>{escape(k)}: {escape(v)}</li>" for k, v in details.items())
    return (
        f'<div class="tone-report" data-passed="{str(report.passed).lower()}">'
        f'<p class="verdict {"ok" if report.passed else "blocked"}">{escape(verdict)}</p>'
        f"{f'<div class=badges>{badges}</div>' if badges else ''}"
        f"{f'<ul class=findings>{findings}</ul>' if findings else ''}"
        f'<details class="details"><summary>Details</summary><ul class="scores">{scores}</ul>'
        f'<ul class="provenance">{facts}</ul></details></div>'
    )


def _finding(f: Finding, text: str) -> str:
    """One finding: the words around it with the phrase marked, what is wrong and what to write."""
    start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    context = (
        f"…{escape(before)}<mark>{escape(text[start:end])}</mark>{escape(after)}…"
        if end > start and end - start < 400
        else ""
    )
    label = "Blocks" if f.severity == Severity.block else "Worth a look"
    return (
        f'<li class="finding {f.severity.value}" data-code="{escape(f.code)}" data-quote="{escape(f.quote)}">'
        f"<b>{label}:</b> {escape(f.message)} <i>{escape(f.suggestion)}</i>"
        f"{f'<br><q>{context}</q>' if context else ''}</li>"
    )


def saved_note(text: str, ok: bool = True) -> str:
    return f'<span class="{"saved" if ok else "not-saved"}">{escape(text)}</span>'


def field_error(message: str) -> str:
    """An error shown under the field it is about."""
    return f'<p class="field-error" role="alert">{escape(message)}</p>'


_OUTCOMES = {"pending": "still waiting", "rejected": "rejected", "offer": "an offer", "withdrawn": "you withdrew"}


def tracker_cards(items: list[tuple[int, InterviewNotes, DecisionView | None]], today: date) -> str:
    """The tracker as a list of cards: role and company, date, outcome, what to do, the timeline."""
    if not items:
        return '<p class="empty">Nothing in the tracker yet: save an interview from the Advise tab.</p>'
    out = []
    for interview_id, notes, shown in items:
        head = f"<h4>{escape(notes.role)} at {escape(notes.company)}</h4>"
        when = day(notes.interview_date, today)
        meta = f'<p class="meta">Interview on {escape(when)} · {escape(_OUTCOMES[notes.outcome.value])}</p>'
        if shown is None:
            body = '<p class="reason">Its dates are after today; it will be planned once they have passed.</p>'
        else:
            body = (
                f'<p class="headline"><b>{escape(shown.headline)}</b></p><p class="reason">{escape(shown.reason)}</p>'
                + timeline(shown.marks, shown.today)
            )
        out.append(f'<article class="tracker-card" data-id="{interview_id}">{head}{meta}{body}</article>')
    return f'<div class="tracker-cards">{"".join(out)}</div>'
