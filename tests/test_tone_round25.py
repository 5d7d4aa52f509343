"""The gate after round 25 (notes typed on a phone or in a second language): what it now
blocks, and the sendable drafts it no longer blocks."""

from __future__ import annotations

from datetime import date

from followup.tone import evaluate_tone
from followup.tone.task import DraftTask
from tests.builders import make_notes

TEAM_LEAD = {"name": "Priya Menon", "title": "Team Lead, L2 Support", "role": "hiring_manager"}
MANAGER = {"name": "Meera Kapoor", "title": "Service Desk Manager", "role": "hiring_manager"}


def _blocking(text: str, kind: str = "thank_you", channel: str = "email", **notes: object) -> set[str]:
    report = evaluate_tone(text, kind=kind, channel=channel, notes=make_notes(**notes), today=date(2026, 11, 20))
    return {f.code for f in report.blocking}


def test_the_reader_given_someone_elses_title_is_blocked() -> None:
    text = "Hi Priya, thank you for Tuesday. As Service Desk Manager you asked the sharpest questions. Best, Alex"
    assert "faithful.wrong_title" in _blocking(text, "linkedin_note", "linkedin", interviewers=[TEAM_LEAD, MANAGER])
    own = text.replace("Service Desk Manager", "Team Lead")
    assert "faithful.wrong_title" not in _blocking(own, "linkedin_note", "linkedin", interviewers=[TEAM_LEAD, MANAGER])


def test_a_linkedin_note_that_speaks_of_its_reader_in_the_third_person_is_blocked() -> None:
    notes = make_notes(interviewers=[TEAM_LEAD])
    text = "Hi Priya, thank you for our conversation about Priya's scenario question. Best, Alex"
    report = evaluate_tone(
        text, kind="linkedin_note", channel="linkedin", notes=notes, today=date(2026, 11, 3),
        task=DraftTask(recipient="Priya Menon", action="thank_you"),
    )  # fmt: skip
    assert "task.third_person" in {f.code for f in report.blocking}


def test_an_offer_the_notes_do_not_record_is_blocked_and_one_they_do_is_not() -> None:
    text = "Dear Dana,\n\nI wanted to let you know that I have another offer from a hospital pharmacy.\n\nBest regards,\nAlex Morgan"
    assert "faithful.claim" in _blocking(text, "check_in")
    assert "faithful.claim" not in _blocking(text, "check_in", personal_updates="other place wants an answer by 6 Nov")
    thanks = "Hey Dana, thanks so much for the offer! Super excited to join the team. Alex"
    assert "faithful.intent" in _blocking(thanks, "linkedin_note", "linkedin")


def test_a_closing_that_owns_its_disappointment_and_a_name_typed_with_a_slip_pass() -> None:
    text = (
        "Dear Dana,\n\nThank you for letting me know. Of course I was disappointed, but I completely understand why "
        "you went with someone with more experience. I am looking into the course at Park Lane College, as you "
        "suggested.\n\nBest wishes,\nAlex Morgan"
    )
    codes = _blocking(text, "closing", outcome="rejected", topics=["she said try the TA course at park lane collage"])
    assert not codes & {"irritated.negative_tone", "faithful.name"}
    # A person's name spelled otherwise than in the notes is still the draft's error.
    assert "faithful.name" in _blocking(text.replace("Dear Dana", "Dear Dane"), "closing", outcome="rejected")


def test_a_date_typed_in_small_letters_is_a_date_of_the_notes() -> None:
    text = (
        "Hi Dana,\n\nI have had another offer, and they need my answer by Friday, May 29. Acme is my first "
        "choice.\n\nBest regards,\nAlex Morgan"
    )
    notes = {"personal_updates": "got an offer, they need an answer by fri may 29", "country": "CA"}
    assert not _blocking(text, "check_in", **notes) & {"pushy.deadline", "faithful.date"}


def test_you_told_me_what_you_want_is_no_blame() -> None:
    text = "Dear Dana,\n\nIn the interview you told me that you want to grow the team.\n\nBest regards,\nAlex Morgan"
    assert "irritated.blame" not in _blocking(text, "value_add")
    assert "irritated.blame" in _blocking(text.replace("you want to grow the team", "you would call me"), "check_in")


# --- round 26: notes dictated, pasted from texts, jotted as bullets ----------------------------


def test_a_plan_to_resign_is_no_resignation_and_a_day_is_no_topic() -> None:
    text = (
        "Dear Dana,\n\nMy notice period is four weeks, so if I resign by 31 May I could start on 1 July, and I "
        "would need to hand in my notice by the end of June.\n\nBest regards,\nAlex Morgan"
    )
    assert "faithful.intent" not in _blocking(text, "check_in", personal_updates="4 weeks notice")
    assert "faithful.intent" in _blocking(text.replace("so if I resign by 31 May", "so I resign today."), "check_in")
    chat = "Hi Dana, thanks again for the chat on the 19th. Best, Alex"
    assert "faithful.topic" not in _blocking(chat, "linkedin_note", "linkedin")


def test_someone_given_another_persons_title_before_their_name_is_blocked() -> None:
    text = (
        "Dear Priya,\n\nPlease pass my thanks to your Service Desk Manager, Priya Menon.\n\nBest regards,\nAlex Morgan"
    )
    assert "faithful.wrong_title" in _blocking(text, "thank_you", interviewers=[TEAM_LEAD, MANAGER])
    right = text.replace("Service Desk Manager, Priya Menon", "Service Desk Manager, Meera Kapoor")
    assert "faithful.wrong_title" not in _blocking(right, "thank_you", interviewers=[TEAM_LEAD, MANAGER])


def test_news_the_notes_keep_private_stays_out_of_drafts_and_is_blocked_in_them() -> None:
    from followup.drafting.updates import prepare

    news = "I finished the course in March.\nI took the break because of my mother's illness; I would rather not mention that."
    prepared = prepare(news, date(2026, 5, 13), "CA")
    assert prepared.sentences == ("I finished the course in March.",)
    assert all("keep it private" in n for n in prepared.left_out)
    text = "Dear Dana,\n\nI took the break because of my mother's illness.\n\nBest regards,\nAlex Morgan"
    assert "professional.confidence" in _blocking(text, "check_in", personal_updates=news)
