"""Each kind of message does its job: a closing closes, a check-in and an escalation ask."""

from __future__ import annotations

import pytest

from followup.tone import evaluate_tone
from tests.builders import make_notes

NOTES = make_notes(promised_reply_date="2026-11-13")
SIGN = "\n\nKind regards,\nAlex Morgan\n"


def _codes(body: str, kind: str, **notes: object) -> set[str]:
    report = evaluate_tone(f"Dear Dana,\n\n{body}{SIGN}", kind=kind, notes=make_notes(**notes) if notes else NOTES)
    return {f.code for f in report.blocking}


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for your help with the Backend Engineer role. As I have not heard back, I will assume the team "
        "has moved forward, and I completely understand. I wish you and the team all the best.",
        "Thank you for all your help with my application for the Backend Engineer role. Since I have not heard "
        "back, I will take it that the team has decided to go another way. I hope our paths cross again.",
        "Thank you for letting me know your decision about the Backend Engineer role. I enjoyed meeting the team, "
        "and I would be glad to be considered for future roles at Acme Robotics.",
    ],
)
def test_a_closing_that_closes_passes(body: str) -> None:
    assert not _codes(body, "closing") & {"kind.closing_does_not_close", "kind.closing_asks_for_news"}


def test_a_closing_that_does_not_close_blocks() -> None:
    body = "Thank you for meeting me about the Backend Engineer role. I enjoyed our conversation about the job queue."
    assert "kind.closing_does_not_close" in _codes(body, "closing")


def test_a_closing_after_silence_that_asks_for_news_blocks() -> None:
    body = (
        "As I have not heard back, I will assume the team has moved on. Is there any update on the timeline? "
        "I wish you all the best."
    )
    assert "kind.closing_asks_for_news" in _codes(body, "closing")


def test_after_a_rejection_the_finding_says_so() -> None:
    body = "Thank you for letting me know your decision. Is there any update on the timeline? All the best."
    codes = _codes(body, "closing", outcome="rejected")
    assert "faithful.news_after_rejection" in codes
    assert "kind.closing_asks_for_news" not in codes


@pytest.mark.parametrize(
    "body",
    [
        "I hope you are well. I wanted to ask whether there is any news on the Backend Engineer role.",
        "You mentioned a decision by Friday 13 November; I would be grateful to know where things stand.",
        "I remain very interested in the Backend Engineer role, and I would be glad to hear how things are going.",
    ],
)
def test_a_check_in_that_asks_passes(body: str) -> None:
    assert "kind.check_in_asks_nothing" not in _codes(body, "check_in")


def test_a_check_in_that_asks_nothing_blocks() -> None:
    body = "Thank you again for meeting me about the Backend Engineer role. I enjoyed our conversation very much."
    assert "kind.check_in_asks_nothing" in _codes(body, "check_in")


def test_an_escalation_that_asks_nothing_blocks() -> None:
    body = (
        "I interviewed for the Backend Engineer role on 2 November, and I have copied Dana Lee, who has kindly been "
        "my contact. I enjoyed meeting the team very much."
    )
    assert "kind.escalation_asks_nothing" in _codes(body, "escalation")


def test_an_escalation_that_asks_where_the_process_stands_passes() -> None:
    body = (
        "I interviewed for the Backend Engineer role on 2 November, and I have copied Dana Lee, who has kindly been "
        "my contact. Would you be able to tell me where the process stands?"
    )
    assert "kind.escalation_asks_nothing" not in _codes(body, "escalation")
