"""Sentences careful writers used in the training drafts that the gate had blocked, and
their near neighbours that must still block. Each pair states one rule a reader would."""

from __future__ import annotations

from datetime import date

import pytest

from followup.tone import evaluate_tone

from .builders import ARTICLE, DANA, SAM, make_notes, sent

NOTES = make_notes(
    shareables=[ARTICLE],
    history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")],
    senior_contact={"name": "Maria Lopez", "title": "VP Engineering"},
    interviewers=[DANA, SAM],
    asked_next_steps=False,
)


def _email(sentence: str, to: str = "Sam") -> str:
    return (
        f"Dear {to},\n\nThank you again for the conversation on 2 November about migrating the job queue to "
        f"Postgres. {sentence}\n\nBest regards,\nAlex Morgan\n"
    )


def _blocking(text: str, kind: str, channel: str = "email") -> set[str]:
    return {f.code for f in evaluate_tone(text, kind=kind, notes=NOTES, channel=channel).blocking}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a release from replying is not an order
        ("Please don't feel you need to reply.", "value_add"),
        ("Is there any news? If you need to check anything with the team first, that is of course fine.", "check_in"),
        # asking when to expect news is a question
        ("When might I expect to hear about next steps?", "check_in"),
        # the writer calling themselves a candidate makes no claim about rivals
        ("I am a candidate for the Backend Engineer role and wanted to ask where things stand.", "check_in"),
        ("I'm writing as a candidate for the Backend Engineer role, to ask whether there is any news.", "check_in"),
    ],
)
def test_polite_sentences_pass(sentence: str, kind: str) -> None:
    assert not _blocking(_email(sentence), kind), sentence


@pytest.mark.parametrize(
    ("sentence", "kind", "code"),
    [
        ("You need to reply by Friday.", "check_in", "courteous.demand"),
        ("I expect to hear from you by Friday.", "check_in", "courteous.demand"),
        ("I know you are also talking to other candidates.", "check_in", "faithful.claim"),
        ("I hope I am a stronger fit than the other candidates.", "check_in", "faithful.claim"),
    ],
)
def test_their_neighbours_still_block(sentence: str, kind: str, code: str) -> None:
    assert code in _blocking(_email(sentence), kind), sentence


#: Long enough that the draft is not too short (a finding that would cover every sentence).
_BODY = " I would be glad to help with the migration, and I remain very interested in the Backend Engineer role."


@pytest.mark.parametrize(
    ("sentence", "negative"),
    [
        # idioms of warmth and courtesy that a sentiment lexicon reads word by word
        ("Your point about the retry storms really stuck with me.", False),
        ("I'm sorry for the delay in writing.", False),
        ("Your hint showed me exactly where my queue worker was going wrong.", False),
        # ... and their neighbours, which say how the writer feels
        ("The wait has left me stuck and miserable.", True),
        ("Sorry for the delay; it has been an awful, miserable week.", True),
        ("My last manager was going wrong about everything and it was awful.", True),
    ],
)
def test_idioms_of_warmth_are_not_a_negative_tone(sentence: str, negative: bool) -> None:
    assert ("irritated.negative_tone" in _blocking(_email(sentence + _BODY), "thank_you")) is negative, sentence


def test_a_linkedin_closing_may_say_what_it_assumes() -> None:
    text = (
        "Hi Sam, as I haven't heard more about the Backend Engineer role, I'll assume you have decided to "
        "move ahead with other candidates. Thank you for your time on 2 November. Alex Morgan"
    )
    assert "faithful.claim" not in _blocking(text, "linkedin_note", "linkedin")
    stated = "Hi Sam, you have moved ahead with other candidates, I see. Thank you for your time. Alex Morgan"
    assert "faithful.claim" in _blocking(stated, "linkedin_note", "linkedin")


def test_a_sentence_after_a_link_starts_with_a_capital_not_a_name() -> None:
    text = (
        'Hi Sam, this made me think of our talk: "Feature flags at scale" https://example.org/flags '
        "No need to reply. Alex Morgan"
    )
    assert "faithful.name" not in _blocking(text, "linkedin_note", "linkedin")
    invented = 'Hi Sam, "Feature flags at scale" https://example.org/flags Priya Raman sent it to me. Alex Morgan'
    assert "faithful.name" in _blocking(invented, "linkedin_note", "linkedin")


def test_the_candidate_may_introduce_themselves_by_name() -> None:
    text = _email("My name is Alex Morgan, and I interviewed for the Backend Engineer role on 2 November.")
    assert "faithful.voice" not in _blocking(text, "check_in")
    assert "faithful.voice" in _blocking(_email("The interview with Alex Morgan went well, I think."), "check_in")


@pytest.mark.parametrize(
    ("sentence", "today", "blocked"),
    [
        ("Thank you for your time yesterday.", "2026-11-03", False),
        ("Thank you for your time yesterday.", "2026-11-05", True),
        ("Thank you for the time you gave me today.", "2026-11-02", False),
        ("Thank you for the time you gave me today.", "2026-11-05", True),
        ("I enjoyed today's interview.", "2026-11-04", True),
        ("I am writing today to follow up on my interview on 2 November.", "2026-11-09", False),
    ],
)
def test_yesterday_and_today_must_be_the_interview_day(sentence: str, today: str, blocked: bool) -> None:
    text = f"Dear Sam,\n\n{sentence} I enjoyed our conversation about migrating the job queue to Postgres.\n\nBest regards,\nAlex Morgan\n"
    report = evaluate_tone(text, kind="thank_you", notes=NOTES, today=date.fromisoformat(today))
    assert ("faithful.relative_day" in {f.code for f in report.blocking}) is blocked


def test_a_closing_after_a_rejection_asks_for_no_news() -> None:
    rejected = NOTES.model_validate({**NOTES.model_dump(mode="json"), "outcome": "rejected"})
    ask = _email("Thank you for letting me know. Could you let me know if there is any update on the timeline?")
    feedback = _email("Thank you for letting me know. I would be grateful for any feedback you can share.")
    codes = {f.code for f in evaluate_tone(ask, kind="closing", notes=rejected).blocking}
    assert "faithful.news_after_rejection" in codes
    assert not evaluate_tone(feedback, kind="closing", notes=rejected).blocking
    assert "faithful.news_after_rejection" not in {
        f.code for f in evaluate_tone(ask, kind="closing", notes=NOTES).blocking
    }
