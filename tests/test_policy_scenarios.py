"""The policy rule by rule, each threshold the day before, of and after.

Calendar (November 2026): Mon 2, Fri 6, Mon 9, Tue 10, Wed 11, Fri 13, Tue 17,
Wed 18, Mon 23, Thu 26 (US Thanksgiving), Fri 27, Mon 30; Tue 1 Dec.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from followup import Action, Status, decide

from .builders import ARTICLE, d, make_notes, sent

SENIOR = {"name": "Maria Lopez", "title": "VP Engineering"}
THANKED = [sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")]


@dataclass
class Case:
    name: str
    today: str
    action: Action | None
    status: Status
    rule: str
    due: str | None = None
    notes: dict[str, Any] = field(default_factory=dict)


P, V, R, T, M = (
    Action.be_proactive,
    Action.be_interesting,
    Action.reconnect,
    Action.take_it_up,
    Action.move_on,
)
NOW, LATER, DONE = Status.now, Status.scheduled, Status.done

CASES = [
    # Rule 1: the outcome is known.
    Case(
        "rejected moves on now",
        "2026-11-05",
        M,
        NOW,
        "R1.rejected",
        "2026-11-05",
        {"outcome": "rejected"},
    ),
    Case(
        "rejected and closed is done",
        "2026-11-20",
        M,
        DONE,
        "R1.closed",
        None,
        {"outcome": "rejected", "history": [sent("closing", "2026-11-12", "Dana Lee")]},
    ),
    Case("offer: nothing to chase", "2026-11-05", None, DONE, "R1.offer", None, {"outcome": "offer"}),
    Case(
        "withdrawn: nothing to chase",
        "2026-11-05",
        None,
        DONE,
        "R1.withdrawn",
        None,
        {"outcome": "withdrawn"},
    ),
    Case(
        "rejection beats an open thank-you window",
        "2026-11-03",
        M,
        NOW,
        "R1.rejected",
        "2026-11-03",
        {"outcome": "rejected"},
    ),
    # Rule 3: the thank-you window (5 business days: Mon 2 -> Mon 9).
    Case("thank-you on the interview day", "2026-11-02", P, NOW, "R3.thank_you", "2026-11-02"),
    Case(
        "thank-you the day before the window ends",
        "2026-11-06",
        P,
        NOW,
        "R3.thank_you",
        "2026-11-06",
    ),
    Case("thank-you over the weekend", "2026-11-07", P, NOW, "R3.thank_you", "2026-11-07"),
    Case(
        "thank-you on the last day of the window",
        "2026-11-09",
        P,
        NOW,
        "R3.thank_you",
        "2026-11-09",
    ),
    Case(
        "thank-you window closed: wait to reconnect",
        "2026-11-10",
        R,
        LATER,
        "R5.wait",
        "2026-11-11",
    ),
    Case(
        "thank-you window stretched by a US holiday",
        "2026-12-01",
        P,
        NOW,
        "R3.thank_you",
        "2026-12-01",
        {"interview_date": "2026-11-23", "country": "US"},
    ),
    Case(
        "same day without the holiday: window closed",
        "2026-12-01",
        R,
        LATER,
        "R5.wait",
        "2026-12-02",
        {"interview_date": "2026-11-23"},
    ),
    # Rules 4 and 6: the reconnect date, promised Fri 6 -> Tue 10.
    Case(
        "day before reconnect date (promised)",
        "2026-11-09",
        R,
        LATER,
        "R5.wait",
        "2026-11-10",
        {"promised_reply_date": "2026-11-06", "history": THANKED},
    ),
    Case(
        "reconnect date (promised)",
        "2026-11-10",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-10",
        {"promised_reply_date": "2026-11-06", "history": THANKED},
    ),
    Case(
        "day after reconnect date (promised)",
        "2026-11-11",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-11",
        {"promised_reply_date": "2026-11-06", "history": THANKED},
    ),
    Case(
        "day before reconnect date (no promise)",
        "2026-11-10",
        R,
        LATER,
        "R5.wait",
        "2026-11-11",
        {"history": THANKED},
    ),
    Case(
        "reconnect date (no promise)",
        "2026-11-11",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-11",
        {"history": THANKED},
    ),
    Case(
        "day after reconnect date (no promise)",
        "2026-11-12",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-12",
        {"history": THANKED},
    ),
    Case(
        "reconnect on a Saturday past the date",
        "2026-11-14",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-14",
        {"history": THANKED},
    ),
    Case(
        "reconnect date pushed by Thanksgiving",
        "2026-11-27",
        R,
        LATER,
        "R5.wait",
        "2026-11-30",
        {"promised_reply_date": "2026-11-25", "country": "US", "history": THANKED},
    ),
    Case(
        "reconnect date after Thanksgiving",
        "2026-11-30",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-30",
        {"promised_reply_date": "2026-11-25", "country": "US", "history": THANKED},
    ),
    Case(
        "no country: Thanksgiving is a business day",
        "2026-11-27",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-27",
        {"promised_reply_date": "2026-11-25", "history": THANKED},
    ),
    Case(
        "missed thank-you folded into the reconnect",
        "2026-11-11",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-11",
    ),
    # Rule 5: value-add, 2 business days after the thank-you (to someone not yet written to).
    Case(
        "value-add the day before it is ready",
        "2026-11-03",
        V,
        LATER,
        "R5.share_soon",
        "2026-11-04",
        {
            "shareables": [ARTICLE],
            "promised_reply_date": "2026-11-13",
            "history": [sent("thank_you", "2026-11-02", "Dana Lee")],
        },
    ),
    Case(
        "value-add on the day it is ready",
        "2026-11-04",
        V,
        NOW,
        "R5.share",
        "2026-11-04",
        {
            "shareables": [ARTICLE],
            "promised_reply_date": "2026-11-13",
            "history": [sent("thank_you", "2026-11-02", "Dana Lee")],
        },
    ),
    Case(
        "value-add the day after it is ready",
        "2026-11-05",
        V,
        NOW,
        "R5.share",
        "2026-11-05",
        {
            "shareables": [ARTICLE],
            "promised_reply_date": "2026-11-13",
            "history": [sent("thank_you", "2026-11-02", "Dana Lee")],
        },
    ),
    Case(
        "value-add already sent: wait to reconnect",
        "2026-11-10",
        R,
        LATER,
        "R5.wait",
        "2026-11-17",
        {
            "shareables": [ARTICLE],
            "promised_reply_date": "2026-11-13",
            "history": [*THANKED, sent("value_add", "2026-11-09", "Sam Ortiz")],
        },
    ),
    Case(
        "nothing to share: wait to reconnect",
        "2026-11-05",
        R,
        LATER,
        "R5.wait",
        "2026-11-17",
        {"promised_reply_date": "2026-11-13", "history": THANKED},
    ),
    Case(
        "value-add would land after the reconnect date",
        "2026-11-03",
        R,
        LATER,
        "R9.spacing",
        "2026-11-09",
        {"shareables": [ARTICLE], "promised_reply_date": "2026-11-03", "history": THANKED},
    ),
    Case(
        "no value-add without a thank-you",
        "2026-11-10",
        R,
        LATER,
        "R5.wait",
        "2026-11-17",
        {"shareables": [ARTICLE], "promised_reply_date": "2026-11-13"},
    ),
    # Rule 9 within rule 5: the hiring manager was thanked on Mon 2 -> not before Mon 9.
    Case(
        "value-add spaced from the thank-you",
        "2026-11-04",
        V,
        LATER,
        "R9.spacing",
        "2026-11-09",
        {"shareables": [ARTICLE], "promised_reply_date": "2026-11-13", "history": THANKED},
    ),
    Case(
        "value-add once spacing allows",
        "2026-11-09",
        V,
        NOW,
        "R5.share",
        "2026-11-09",
        {"shareables": [ARTICLE], "promised_reply_date": "2026-11-13", "history": THANKED},
    ),
    # Rule 2: a reply restarts the clock.
    Case(
        "reply with a new date resets the reconnect",
        "2026-11-18",
        R,
        LATER,
        "R5.wait",
        "2026-11-24",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "employer_replies": [{"on": "2026-11-12", "new_promised_date": "2026-11-20"}],
        },
    ),
    Case(
        "same history without the reply: take it up",
        "2026-11-18",
        T,
        NOW,
        "R7.take_it_up",
        "2026-11-18",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "senior_contact": SENIOR,
        },
    ),
    Case(
        "reconnect after the new promised date",
        "2026-11-24",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-24",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "employer_replies": [{"on": "2026-11-12", "new_promised_date": "2026-11-20"}],
        },
    ),
    Case(
        "reply without a date: 7 business days from the reply",
        "2026-11-20",
        R,
        LATER,
        "R5.wait",
        "2026-11-23",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "employer_replies": [{"on": "2026-11-12"}],
        },
    ),
    Case(
        "reply without a date: reconnect day",
        "2026-11-23",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-23",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "employer_replies": [{"on": "2026-11-12"}],
        },
    ),
    Case(
        "an early reply leaves a later promise running",
        "2026-11-16",
        R,
        LATER,
        "R5.wait",
        "2026-11-17",
        {
            "promised_reply_date": "2026-11-13",
            "history": THANKED,
            "employer_replies": [{"on": "2026-11-04"}],
        },
    ),
    # Rule 7: an unanswered check-in (Wed 11 -> Wed 18).
    Case(
        "day before taking it up",
        "2026-11-17",
        T,
        LATER,
        "R7.wait",
        "2026-11-18",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "senior_contact": SENIOR,
        },
    ),
    Case(
        "take it up on the day",
        "2026-11-18",
        T,
        NOW,
        "R7.take_it_up",
        "2026-11-18",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "senior_contact": SENIOR,
        },
    ),
    Case(
        "take it up the day after",
        "2026-11-19",
        T,
        NOW,
        "R7.take_it_up",
        "2026-11-19",
        {
            "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")],
            "senior_contact": SENIOR,
        },
    ),
    Case(
        "take it up with nobody senior known",
        "2026-11-18",
        T,
        NOW,
        "R7.take_it_up",
        "2026-11-18",
        {"history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")]},
    ),
    # Rule 8: move on.
    Case(
        "day before an escalation is 7 business days old",
        "2026-11-26",
        M,
        LATER,
        "R8.wait",
        "2026-11-27",
        {
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-11", "Dana Lee"),
                sent("escalation", "2026-11-18", "Maria Lopez", "Dana Lee"),
            ],
        },
    ),
    Case(
        "escalation unanswered 7 business days",
        "2026-11-27",
        M,
        NOW,
        "R8.escalation_unanswered",
        "2026-11-27",
        {
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-11", "Dana Lee"),
                sent("escalation", "2026-11-18", "Maria Lopez", "Dana Lee"),
            ],
        },
    ),
    Case(
        "Thanksgiving delays moving on",
        "2026-11-27",
        M,
        LATER,
        "R8.wait",
        "2026-11-30",
        {
            "country": "US",
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-11", "Dana Lee"),
                sent("escalation", "2026-11-18", "Maria Lopez", "Dana Lee"),
            ],
        },
    ),
    Case(
        "two check-ins: not yet three follow-ups",
        "2026-11-24",
        T,
        NOW,
        "R7.take_it_up",
        "2026-11-24",
        {
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-10", "Dana Lee"),
                sent("check_in", "2026-11-17", "Dana Lee"),
            ],
        },
    ),
    Case(
        "three unanswered follow-ups",
        "2026-12-02",
        M,
        NOW,
        "R8.follow_ups",
        "2026-12-02",
        {
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-10", "Dana Lee"),
                sent("check_in", "2026-11-17", "Dana Lee"),
                sent("check_in", "2026-11-24", "Dana Lee"),
            ],
        },
    ),
    Case(
        "day before 30 days of silence",
        "2026-12-05",
        M,
        LATER,
        "R8.wait",
        "2026-12-06",
        {
            "promised_reply_date": "2026-11-06",
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-10", "Dana Lee"),
                sent("escalation", "2026-12-04", "Maria Lopez"),
            ],
        },
    ),
    Case(
        "30 days of silence past the promise",
        "2026-12-06",
        M,
        NOW,
        "R8.silence",
        "2026-12-06",
        {
            "promised_reply_date": "2026-11-06",
            "senior_contact": SENIOR,
            "history": [
                *THANKED,
                sent("check_in", "2026-11-10", "Dana Lee"),
                sent("escalation", "2026-12-04", "Maria Lopez"),
            ],
        },
    ),
    Case(
        "a closing note sent ends the chase",
        "2026-12-10",
        M,
        DONE,
        "R8.closed",
        None,
        {
            "history": [
                *THANKED,
                sent("check_in", "2026-11-11", "Dana Lee"),
                sent("closing", "2026-12-01", "Dana Lee"),
            ]
        },
    ),
    Case(
        "a reply after the closing note reopens it",
        "2026-12-04",
        R,
        LATER,
        "R5.wait",
        "2026-12-11",
        {
            "history": [*THANKED, sent("closing", "2026-12-01", "Dana Lee")],
            "employer_replies": [{"on": "2026-12-02", "new_promised_date": "2026-12-09"}],
        },
    ),
    # Rule 9: spacing.
    Case(
        "late thank-you pushes the reconnect back",
        "2026-11-10",
        R,
        LATER,
        "R9.spacing",
        "2026-11-16",
        {
            "promised_reply_date": "2026-11-06",
            "history": [sent("thank_you", "2026-11-09", "Dana Lee", "Sam Ortiz")],
        },
    ),
    Case(
        "reconnect once spacing allows",
        "2026-11-16",
        R,
        NOW,
        "R6.reconnect",
        "2026-11-16",
        {
            "promised_reply_date": "2026-11-06",
            "history": [sent("thank_you", "2026-11-09", "Dana Lee", "Sam Ortiz")],
        },
    ),
    Case(
        "thank-you spaced past its window is dropped",
        "2026-11-06",
        T,
        LATER,
        "R7.wait",
        "2026-11-13",
        {"history": [sent("check_in", "2026-11-06", "Dana Lee", "Sam Ortiz")]},
    ),
    Case(
        "closing note after a rejection waits for spacing",
        "2026-11-12",
        M,
        LATER,
        "R9.spacing",
        "2026-11-18",
        {"outcome": "rejected", "history": [*THANKED, sent("check_in", "2026-11-11", "Dana Lee")]},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_scenario(case: Case) -> None:
    decision = decide(make_notes(**case.notes), d(case.today))
    assert (decision.action, decision.status, decision.rule) == (
        case.action,
        case.status,
        case.rule,
    ), decision.reason
    assert decision.due_on == (d(case.due) if case.due else None)


def test_there_are_at_least_forty_scenarios() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


def test_every_rule_is_covered() -> None:
    rules = {c.rule for c in CASES}
    for prefix in ("R1.", "R3.", "R5.", "R6.", "R7.", "R8.", "R9."):
        assert any(r.startswith(prefix) for r in rules), prefix
