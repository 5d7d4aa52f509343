"""The follow-up policy: a pure function of (notes, today, config) -> Decision.

The rules are those of ``shared/DESIGN.md``; the README gives each one with its
source. Two readings are spelled out here because the literal order of the
design would let the advice slide back down the ladder as days pass:

* Rule 8 (move on) is checked before rule 7 (take it up). Once it is time to
  move on, a check-in that later turns five business days old must not pull
  the advice back to escalating.
* When a value-add is due soon but not yet (the thank-you is under two
  business days old), the decision is ``be_interesting`` scheduled for that
  day, not ``reconnect``: otherwise tomorrow's advice would step back down.

Rule 9 (spacing) applies to every message the plan schedules, the first
step and the timeline alike; a rule whose window closes before spacing allows
it does not fire, and the next rule is tried.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from followup.business_days import BusinessCalendar, calendar_for
from followup.config import PolicyConfig
from followup.decision import Action, Decision, Need, Status, Step
from followup.errors import InputError
from followup.models import EARLIEST_DATE, LATEST_DATE, InterviewerRole, InterviewNotes, MessageKind, Outcome, name_key
from followup.wording import day, days_phrase, join_names

_SENIOR_PLACEHOLDER = "\x00senior"  # stands for the senior contact still to be named
_FOLLOW_UPS = (
    MessageKind.check_in,
    MessageKind.escalation,
)  # chasing messages; a value-add is not one
_MAX_TIMELINE = 8

# What the candidate sends when doing each action (used to play the plan forward).
_SENDS = {
    Action.be_proactive: MessageKind.thank_you,
    Action.be_interesting: MessageKind.value_add,
    Action.reconnect: MessageKind.check_in,
    Action.take_it_up: MessageKind.escalation,
    Action.move_on: MessageKind.closing,
}


@dataclass(frozen=True, slots=True)
class _Sent:
    kind: MessageKind
    on: date
    to: tuple[str, ...]  # name keys


@dataclass(frozen=True, slots=True)
class _Verdict:
    """One rule's answer before spacing (rule 9) is applied."""

    action: Action | None
    status: Status
    due_on: date | None
    rule: str
    reason: str
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    needs: tuple[Need, ...] = ()
    last_day: date | None = None  # the rule no longer applies after this day


@dataclass(slots=True)
class _Context:
    """What does not change while the plan is played forward."""

    notes: InterviewNotes
    config: PolicyConfig
    cal: BusinessCalendar
    display: dict[str, str]
    primary: str
    value_add_to: str
    senior: str | None
    clock_start: date
    clock_is_reply: bool
    promised: date | None
    reconnect_on: date
    memo: dict[tuple[MessageKind, str], date | None] = field(default_factory=dict)


def decide(notes: InterviewNotes, today: date, config: PolicyConfig | None = None) -> Decision:
    """Which of the five actions applies on ``today``, why, and the steps after it.

    Pure: the same arguments always give the same decision, and nothing is read
    from the clock, the disk or the network. Raises :class:`pydantic.ValidationError`,
    naming the field, when the notes describe something after ``today``, and
    :class:`followup.errors.InputError` for a ``today`` outside 1990-2100.
    """
    config = config or PolicyConfig()
    if not EARLIEST_DATE <= today <= LATEST_DATE:
        raise InputError(f"today: {today} is outside the supported range ({EARLIEST_DATE} to {LATEST_DATE})")
    _refuse_future(notes, today)
    ctx = _context(notes, config)
    sent = _history(notes)
    verdict = _evaluate(ctx, sent, today)
    timeline = _play_forward(ctx, sent, verdict, today)
    return Decision.model_construct(
        action=verdict.action,
        status=verdict.status,
        due_on=verdict.due_on,
        rule=verdict.rule,
        reason=verdict.reason,
        needs=list(verdict.needs),
        timeline=timeline,
        to=_names(ctx, verdict.to),
        cc=_names(ctx, verdict.cc),
        today=today,
    )


def promised_date(notes: InterviewNotes) -> date | None:
    """The reply date that still runs: the latest promise, unless a later reply answered it.

    Each reply's new date replaces the one before; a promise on or before the last
    reply is taken as answered by it (rule 2). The policy, the drafts and the tone
    check all read the promise from here.
    """
    replies = sorted(notes.employer_replies, key=lambda r: r.on)
    promised = notes.promised_reply_date
    for reply in replies:
        if reply.new_promised_date is not None:
            promised = reply.new_promised_date
    if replies and promised is not None and promised <= replies[-1].on:
        return None
    return promised


# --- input checks -------------------------------------------------------------------------


def _refuse_future(notes: InterviewNotes, today: date) -> None:
    errors: list[InitErrorDetails] = []

    def future(loc: tuple[str | int, ...], value: date, what: str) -> None:
        errors.append(
            InitErrorDetails(
                type=PydanticCustomError(
                    "date_in_future",
                    "{value} is after today ({today}): {what}",
                    {"value": str(value), "today": str(today), "what": what},
                ),
                loc=loc,
                input=value,
            )
        )

    if notes.interview_date > today:
        future(("interview_date",), notes.interview_date, "the interview has not happened yet")
    for i, message in enumerate(notes.history):
        if message.sent_on > today:
            future(("history", i, "sent_on"), message.sent_on, "record a message once it is sent")
    for i, reply in enumerate(notes.employer_replies):
        if reply.on > today:
            future(("employer_replies", i, "on"), reply.on, "a reply cannot come from the future")
    if errors:
        raise ValidationError.from_exception_data("InterviewNotes", errors)


# --- the fixed context --------------------------------------------------------------------


def _context(notes: InterviewNotes, config: PolicyConfig) -> _Context:
    cal = calendar_for(notes.country)
    display = {key: person.name for key, person in notes.people().items()}
    display[_SENIOR_PLACEHOLDER] = "a senior contact"
    by_role = {role: [name_key(p.name) for p in notes.interviewers if p.role == role] for role in InterviewerRole}
    first = name_key(notes.interviewers[0].name)
    primary = (by_role[InterviewerRole.recruiter] + by_role[InterviewerRole.hiring_manager] + [first])[0]
    non_recruiters = [name_key(p.name) for p in notes.interviewers if p.role != InterviewerRole.recruiter]
    value_add_to = (by_role[InterviewerRole.hiring_manager] + non_recruiters + [first])[0]
    seniors = [name_key(notes.senior_contact.name)] if notes.senior_contact else []
    seniors += by_role[InterviewerRole.senior]
    senior = next((s for s in seniors if s != primary), None)

    replies = sorted(notes.employer_replies, key=lambda r: r.on)
    promised = promised_date(notes)
    if replies:
        clock_start, clock_is_reply = replies[-1].on, True
    else:
        clock_start, clock_is_reply = notes.interview_date, False
    if promised is not None:
        reconnect_on = cal.add(promised, config.reconnect_after_promise)
    else:
        reconnect_on = cal.add(clock_start, config.reconnect_without_promise)
    return _Context(
        notes=notes,
        config=config,
        cal=cal,
        display=display,
        primary=primary,
        value_add_to=value_add_to,
        senior=senior,
        clock_start=clock_start,
        clock_is_reply=clock_is_reply,
        promised=promised,
        reconnect_on=reconnect_on,
    )


def _history(notes: InterviewNotes) -> list[_Sent]:
    sent = [_Sent(m.kind, m.sent_on, tuple(name_key(n) for n in m.to)) for m in notes.history]
    sent.sort(key=lambda m: m.on)
    return sent


def _names(ctx: _Context, keys: tuple[str, ...]) -> list[str]:
    return [ctx.display[k] for k in keys if k != _SENIOR_PLACEHOLDER]


# --- the rules ----------------------------------------------------------------------------


def _evaluate(ctx: _Context, sent: list[_Sent], today: date) -> _Verdict:
    """The first rule that applies, after spacing (rule 9)."""
    for verdict in _candidates(ctx, sent, today):
        spaced = _space(ctx, sent, today, verdict)
        if spaced is not None:
            return spaced
    raise AssertionError("the rules always end in a verdict")  # pragma: no cover


def _candidates(ctx: _Context, sent: list[_Sent], today: date) -> Iterator[_Verdict]:
    notes, cfg, cal = ctx.notes, ctx.config, ctx.cal
    yield from _rule_1_outcome(ctx, sent, today)
    since = [m for m in sent if m.on > ctx.clock_start] if ctx.clock_is_reply else sent
    closings = [m for m in since if m.kind == MessageKind.closing]
    if closings:
        yield _Verdict(
            Action.move_on,
            Status.done,
            None,
            "R8.closed",
            f"You sent a closing note on {day(closings[-1].on, today)}; there is nothing more to chase here.",
        )
        return
    thank_yous = [m for m in sent if m.kind == MessageKind.thank_you]
    check_ins = [m for m in since if m.kind == MessageKind.check_in]
    interviewers = tuple(name_key(p.name) for p in notes.interviewers)

    # Rule 3: the thank-you.
    window_end = cal.add(notes.interview_date, cfg.thank_you_window)
    if not thank_yous and today <= window_end:
        yield _Verdict(
            Action.be_proactive,
            Status.now,
            today,
            "R3.thank_you",
            _thank_you_reason(ctx, today),
            to=interviewers,
            last_day=window_end,
        )

    # Rule 5: before the reconnect date.
    if today < ctx.reconnect_on and not check_ins:
        yield from _rule_5_value_add(ctx, sent, thank_yous, today)
        yield _Verdict(
            Action.reconnect,
            Status.scheduled,
            ctx.reconnect_on,
            "R5.wait",
            _wait_reason(ctx, today, thank_yous),
            to=(ctx.primary,),
        )
        return

    # Rule 6: the reconnect date has come and nobody checked in.
    if not check_ins:
        yield _Verdict(
            Action.reconnect,
            Status.now,
            today,
            "R6.reconnect",
            _reconnect_reason(ctx, today, thank_yous),
            to=(ctx.primary,),
        )
        return

    # Rule 8 before rule 7 (see the module docstring), then rule 7, then what comes next.
    escalations = [m for m in since if m.kind == MessageKind.escalation]
    follow_ups = [m for m in since if m.kind in _FOLLOW_UPS]
    move_on = _rule_8_move_on(ctx, escalations, follow_ups, today)
    if move_on is not None:
        yield move_on
        return
    if not escalations:
        escalate_on = cal.add(check_ins[-1].on, cfg.escalate_after_check_in)
        if today >= escalate_on:
            yield _take_it_up(ctx, check_ins[-1].on, today)
            return
    yield _next_wait(ctx, check_ins[-1].on, escalations, today)


def _rule_1_outcome(ctx: _Context, sent: list[_Sent], today: date) -> Iterator[_Verdict]:
    notes = ctx.notes
    where = f"the {notes.role} role at {notes.company}"
    if notes.outcome == Outcome.offer:
        yield _Verdict(
            None,
            Status.done,
            None,
            "R1.offer",
            f"You have an offer for {where}; there is nothing to chase.",
        )
    elif notes.outcome == Outcome.withdrawn:
        yield _Verdict(
            None,
            Status.done,
            None,
            "R1.withdrawn",
            f"You withdrew from {where}; there is nothing to chase.",
        )
    elif notes.outcome == Outcome.rejected:
        closed = [m for m in sent if m.kind == MessageKind.closing]
        if closed:
            yield _Verdict(
                Action.move_on,
                Status.done,
                None,
                "R1.closed",
                f"They said no to {where} and you closed gracefully; nothing more to send.",
            )
        else:
            yield _Verdict(
                Action.move_on,
                Status.now,
                today,
                "R1.rejected",
                f"They said no to {where}: move on, with an optional gracious note that keeps the door open.",
                to=(ctx.primary,),
            )


def _rule_5_value_add(ctx: _Context, sent: list[_Sent], thank_yous: list[_Sent], today: date) -> Iterator[_Verdict]:
    notes = ctx.notes
    if not notes.shareables or not thank_yous:
        return
    if any(m.kind == MessageKind.value_add for m in sent):
        return
    ready = ctx.cal.add(thank_yous[-1].on, ctx.config.value_add_after_thank_you)
    if ready >= ctx.reconnect_on:
        return
    thing = _shareable_phrase(notes)
    last_day = _day_before(ctx.reconnect_on)
    if today >= ready:
        reason = (
            f"You thanked them on {day(thank_yous[-1].on, today)} and have {thing} to share; "
            f"a short note now keeps you in mind before {_horizon(ctx, today)}."
        )
        yield _Verdict(
            Action.be_interesting,
            Status.now,
            today,
            "R5.share",
            reason,
            to=(ctx.value_add_to,),
            last_day=last_day,
        )
    else:
        reason = (
            f"You thanked them on {day(thank_yous[-1].on, today)}; on {day(ready, today)} share "
            f"{thing} to stay in mind before {_horizon(ctx, today)}."
        )
        yield _Verdict(
            Action.be_interesting,
            Status.scheduled,
            ready,
            "R5.share_soon",
            reason,
            to=(ctx.value_add_to,),
            last_day=last_day,
        )


def _rule_8_move_on(ctx: _Context, escalations: list[_Sent], follow_ups: list[_Sent], today: date) -> _Verdict | None:
    cfg, cal = ctx.config, ctx.cal
    to = (ctx.primary,)
    if escalations:
        waited = cal.between(escalations[-1].on, today)
        if waited >= cfg.move_on_after_escalation:
            return _Verdict(
                Action.move_on,
                Status.now,
                today,
                "R8.escalation_unanswered",
                f"You took it up on {day(escalations[-1].on, today)} and {days_phrase(waited)} "
                "have passed without an answer: stop chasing and put your energy into the next "
                "opportunity.",
                to=to,
            )
    if len(follow_ups) >= cfg.move_on_after_follow_ups:
        return _Verdict(
            Action.move_on,
            Status.now,
            today,
            "R8.follow_ups",
            f"You have sent {len(follow_ups)} follow-ups since {_clock_phrase(ctx, today)} with "
            "no answer: stop chasing and put your energy into the next opportunity.",
            to=to,
        )
    if ctx.promised is not None:
        silent = (today - ctx.promised).days
        if silent >= cfg.move_on_days_past_promise:
            return _Verdict(
                Action.move_on,
                Status.now,
                today,
                "R8.silence",
                f"They said you'd hear by {day(ctx.promised, today)} and it has been {silent} "
                "days of silence since: stop chasing and put your energy into the next "
                "opportunity.",
                to=to,
            )
    return None


def _take_it_up(ctx: _Context, checked_in: date, today: date) -> _Verdict:
    waited = ctx.cal.between(checked_in, today)
    primary = ctx.display[ctx.primary]
    opening = f"You checked in on {day(checked_in, today)} and {days_phrase(waited)} have passed without an answer"
    if ctx.senior is None:
        return _Verdict(
            Action.take_it_up,
            Status.now,
            today,
            "R7.take_it_up",
            f"{opening}: write to someone more senior, keeping {primary} in copy; "
            "the notes name nobody senior yet, so add who that is.",
            to=(_SENIOR_PLACEHOLDER,),
            cc=(ctx.primary,),
            needs=(_senior_need(ctx),),
        )
    return _Verdict(
        Action.take_it_up,
        Status.now,
        today,
        "R7.take_it_up",
        f"{opening}: write to {ctx.display[ctx.senior]}, keeping {primary} in copy.",
        to=(ctx.senior,),
        cc=(ctx.primary,),
    )


def _next_wait(ctx: _Context, checked_in: date, escalations: list[_Sent], today: date) -> _Verdict:
    """Nothing is due today: the earliest rule that will be, assuming silence."""
    cfg, cal = ctx.config, ctx.cal
    move_on_dates = []
    if escalations:
        move_on_dates.append(cal.add(escalations[-1].on, cfg.move_on_after_escalation))
    if ctx.promised is not None:
        move_on_dates.append(date.fromordinal(ctx.promised.toordinal() + cfg.move_on_days_past_promise))
    move_on_on = min(move_on_dates) if move_on_dates else None
    escalate_on = None if escalations else cal.add(checked_in, cfg.escalate_after_check_in)
    if escalate_on is not None and (move_on_on is None or escalate_on < move_on_on):
        verdict = _take_it_up(ctx, checked_in, escalate_on)
        return _Verdict(
            Action.take_it_up,
            Status.scheduled,
            escalate_on,
            "R7.wait",
            f"You checked in on {day(checked_in, today)}; if there is no answer by "
            f"{day(escalate_on, today)}, write to someone more senior then.",
            to=verdict.to,
            cc=verdict.cc,
            needs=verdict.needs,
        )
    assert move_on_on is not None
    what = (
        f"you took it up on {day(escalations[-1].on, today)}"
        if escalations
        else f"you checked in on {day(checked_in, today)}"
    )
    return _Verdict(
        Action.move_on,
        Status.scheduled,
        move_on_on,
        "R8.wait",
        f"{what[0].upper()}{what[1:]}; if there is still no answer by {day(move_on_on, today)}, "
        "it will be time to move on.",
        to=(ctx.primary,),
    )


# --- rule 9: spacing ----------------------------------------------------------------------


def _space(ctx: _Context, sent: list[_Sent], today: date, verdict: _Verdict) -> _Verdict | None:
    """Rule 9: push a message back until nobody it goes to heard from us recently.

    Returns None when the push moves it past the last day its rule applies.
    """
    if verdict.status == Status.done or verdict.action is None:
        return verdict
    due = verdict.due_on or today
    gap = ctx.config.min_gap_same_person
    blocker: _Sent | None = None
    earliest = due
    recipients = set(verdict.to) | set(verdict.cc)
    for message in sent:
        if recipients.intersection(message.to):
            allowed = ctx.cal.add(message.on, gap)
            if allowed > earliest:
                earliest, blocker = allowed, message
    if blocker is None:
        return verdict
    if verdict.last_day is not None and earliest > verdict.last_day:
        return None
    person = ctx.display[next(k for k in blocker.to if k in recipients)]
    what = _ACTION_PHRASE[verdict.action]
    return _Verdict(
        verdict.action,
        Status.scheduled,
        earliest,
        "R9.spacing",
        f"{what} is due, but you wrote to {person} on {day(blocker.on, today)}; to keep "
        f"{days_phrase(gap)} between messages to one person, send it on {day(earliest, today)}.",
        to=verdict.to,
        cc=verdict.cc,
        needs=verdict.needs,
    )


_ACTION_PHRASE = {
    Action.be_proactive: "A thank-you note",
    Action.be_interesting: "A note sharing something useful",
    Action.reconnect: "A check-in",
    Action.take_it_up: "A note to someone more senior",
    Action.move_on: "A closing note",
}


# --- the timeline -------------------------------------------------------------------------


def _play_forward(ctx: _Context, sent: list[_Sent], verdict: _Verdict, today: date) -> list[Step]:
    """The steps after this decision, assuming the candidate acts on each and hears nothing."""
    steps: list[Step] = []
    history = list(sent)
    current = verdict
    on = today
    while current.action is not None and current.status != Status.done and len(steps) < _MAX_TIMELINE:
        on = current.due_on or on
        history.append(_Sent(_SENDS[current.action], on, current.to + current.cc))
        if current.action == Action.move_on:
            break
        current = _evaluate(ctx, history, on)
        if current.action is None or current.status == Status.done:
            break
        steps.append(
            Step.model_construct(
                action=current.action,
                due_on=current.due_on or on,
                to=_names(ctx, current.to),
                cc=_names(ctx, current.cc),
                rule=current.rule,
                summary=_step_summary(ctx, current),
                needs=list(current.needs),
            )
        )
    return steps


def _step_summary(ctx: _Context, verdict: _Verdict) -> str:
    assert verdict.action is not None
    who = join_names(_names(ctx, verdict.to)) or "someone more senior (to be named)"
    cc = _names(ctx, verdict.cc)
    base = {
        Action.be_proactive: f"Send a thank-you note to {who}",
        Action.be_interesting: f"Share something useful with {who}",
        Action.reconnect: f"If you have not heard back, check in with {who}",
        Action.take_it_up: f"If your check-in is still unanswered, write to {who}",
        Action.move_on: f"If there is still no answer, move on (an optional closing note to {who} keeps the door open)",
    }[verdict.action]
    return base + (f", keeping {join_names(cc)} in copy." if cc else ".")


# --- wording ------------------------------------------------------------------------------


def _day_before(when: date) -> date:
    return date.fromordinal(when.toordinal() - 1)


def _thank_you_reason(ctx: _Context, today: date) -> str:
    notes = ctx.notes
    elapsed = ctx.cal.between(notes.interview_date, today)
    when = "today" if notes.interview_date == today else f"on {day(notes.interview_date, today)}"
    ago = f" ({days_phrase(elapsed)} ago)" if elapsed else ""
    ask = (
        ""
        if notes.asked_next_steps
        else ", and since you did not ask about next steps, ask politely about the timeline"
    )
    return f"Your interview was {when}{ago} and no thank-you has gone out yet: send one to each interviewer today{ask}."


def _wait_reason(ctx: _Context, today: date, thank_yous: list[_Sent]) -> str:
    missed = "" if thank_yous else " (and fold in the thank-you you did not send)"
    if ctx.promised is not None:
        return (
            f"They said you'd hear by {day(ctx.promised, today)}; if you haven't by then, check in "
            f"on {day(ctx.reconnect_on, today)}{missed}."
        )
    return (
        f"No reply date was given, so if you hear nothing, check in on "
        f"{day(ctx.reconnect_on, today)}, {days_phrase(ctx.config.reconnect_without_promise)} "
        f"after {_clock_phrase(ctx, today)}{missed}."
    )


def _reconnect_reason(ctx: _Context, today: date, thank_yous: list[_Sent]) -> str:
    missed = ", and fold in the thank-you you did not send" if not thank_yous else ""
    if ctx.promised is not None:
        late = ctx.cal.between(ctx.promised, today)
        return (
            f"They said you'd hear by {day(ctx.promised, today)}; it's {days_phrase(late)} past "
            f"that and you haven't checked in: send a courteous check-in today{missed}."
        )
    waited = ctx.cal.between(ctx.clock_start, today)
    return (
        f"It has been {days_phrase(waited)} since {_clock_phrase(ctx, today)} with no news "
        f"and you haven't checked in: send a courteous check-in today{missed}."
    )


def _clock_phrase(ctx: _Context, today: date) -> str:
    if ctx.clock_is_reply:
        return f"their last reply on {day(ctx.clock_start, today)}"
    return f"the interview on {day(ctx.clock_start, today)}"


def _horizon(ctx: _Context, today: date) -> str:
    if ctx.promised is not None:
        return f"the decision they promised by {day(ctx.promised, today)}"
    return f"your check-in on {day(ctx.reconnect_on, today)}"


def _shareable_phrase(notes: InterviewNotes) -> str:
    first = notes.shareables[0]
    if first.kind == "article":
        return f'the article "{first.title}"'
    return f"an introduction to {first.name}"


def _senior_need(ctx: _Context) -> Need:
    return Need(
        field="senior_contact",
        question=(
            f"Who at {ctx.notes.company} is more senior than {ctx.display[ctx.primary]} and "
            "involved in this hire? Add their name and title as the senior contact."
        ),
    )
