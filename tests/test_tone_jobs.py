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


# --- a value-add that offers something gives it -------------------------------------------

VALUE_NOTES = make_notes(
    shareables=[
        {"kind": "article", "title": "Feature flags at scale", "url": "https://example.org/flags", "topic": "flags"},
        {"kind": "contact", "name": "Priya Raman", "why": "runs the platform guild at a logistics firm"},
    ]
)


def _value_codes(body: str) -> set[str]:
    report = evaluate_tone(f"Dear Dana,\n\n{body}{SIGN}", kind="value_add", notes=VALUE_NOTES)
    return {f.code for f in report.blocking}


def test_an_article_offered_without_its_link_blocks() -> None:
    body = "I came across a really good article on feature flags that I think you would enjoy. I hope it helps."
    assert "kind.article_without_link" in _value_codes(body)


def test_an_introduction_offered_to_someone_unnamed_blocks() -> None:
    body = "I know someone who runs a platform guild at a logistics firm, and I would be happy to connect you both."
    assert "kind.introduction_unnamed" in _value_codes(body)


def test_the_article_with_its_link_and_the_named_introduction_pass() -> None:
    body = (
        'I came across "Feature flags at scale" (https://example.org/flags) and thought of our conversation. '
        "I would also be glad to introduce you to Priya Raman, who runs the platform guild at a logistics firm."
    )
    assert not _value_codes(body) & {"kind.article_without_link", "kind.introduction_unnamed"}


def test_a_linkedin_note_does_its_actions_job() -> None:
    from followup.tone.task import DraftTask

    note = "Hi Dana, thank you again for our conversation about the job queue. Best, Alex"
    closing = DraftTask(recipient="Dana Lee", action="closing")
    report = evaluate_tone(note, kind="linkedin_note", channel="linkedin", notes=NOTES, task=closing)
    assert "kind.closing_does_not_close" in {f.code for f in report.blocking}
    kept = note.replace("Best,", "I will assume the team has moved on, and I wish you all the best.")
    report = evaluate_tone(kept, kind="linkedin_note", channel="linkedin", notes=NOTES, task=closing)
    assert "kind.closing_does_not_close" not in {f.code for f in report.blocking}
