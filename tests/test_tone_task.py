"""The tone check holds a draft to its task: whom it greets, whom it copies, what it shares."""

from __future__ import annotations

from datetime import date

import pytest

from followup.advisor import advise
from followup.service import recheck
from followup.tone import evaluate_tone
from followup.tone.task import DraftTask
from tests.builders import ARTICLE, DANA, SAM, make_notes, sent

PRIYA = {"kind": "contact", "name": "Priya Raman", "why": "runs the platform guild at a logistics firm"}
NOTES = make_notes(
    shareables=[ARTICLE, PRIYA],
    senior_contact={"name": "Morgan Hale", "title": "VP Engineering"},
    topics=["feature flags", "migrating the job queue to Postgres"],
)
THANKS = "Thank you for meeting with me on Monday about the Backend Engineer role. I enjoyed it.\n\nBest regards,\nAlex Morgan\n"


def _codes(text: str, kind: str, task: DraftTask | None, channel: str = "email") -> set[str]:
    report = evaluate_tone(text, kind=kind, notes=NOTES, channel=channel, today=date(2026, 11, 3), task=task)
    for finding in report.blocking:
        assert text[finding.start : finding.end] == finding.quote
        assert finding.message
        assert finding.suggestion
    return {f.code for f in report.blocking if f.code.startswith("task.")}


# --- the greeting names the person the message is to ----------------------------------------


@pytest.mark.parametrize("greeting", ["Dear Sam,", "Hi Sam,", "Dear Mr Ortiz,", "Dear Sam Ortiz,", "Hello,"])
def test_a_greeting_of_the_recipient_or_of_nobody_passes(greeting: str) -> None:
    assert _codes(f"{greeting}\n\n{THANKS}", "thank_you", DraftTask(recipient=SAM["name"])) == set()


def test_a_title_instead_of_a_name_is_not_another_person() -> None:
    assert _codes(f"Dear Hiring Manager,\n\n{THANKS}", "thank_you", DraftTask(recipient=SAM["name"])) == set()


@pytest.mark.parametrize("greeting", ["Dear Dana,", "Hi Morgan,", "Dear Ms Lee,", "Dear Alex,"])
def test_a_greeting_of_someone_else_from_the_notes_blocks(greeting: str) -> None:
    """Dana is the other interviewer, Morgan the senior contact, Alex the candidate."""
    assert _codes(f"{greeting}\n\n{THANKS}", "thank_you", DraftTask(recipient=SAM["name"])) == {"task.recipient"}


@pytest.mark.parametrize(
    ("greeting", "codes"),
    [
        ("Dear Dr Ortiz,", set()),
        ("Dear Dr. Ortiz,", set()),
        ("Dear Sam,", {"task.title"}),
        ("Hi Sam Ortiz,", {"task.title"}),
        ("Hello,", set()),
        ("Dear Hiring Manager,", set()),
    ],
)
def test_a_greeting_leaves_no_title_off_that_the_notes_give(greeting: str, codes: set[str]) -> None:
    """Round 15: "Dear Obiora" to the one the notes call Dr Nwankwo, in Nigeria."""
    task = DraftTask(recipient=SAM["name"], addressed="Dr Ortiz")
    assert _codes(f"{greeting}\n\n{THANKS}", "thank_you", task) == codes


@pytest.mark.parametrize(
    ("body", "codes"),
    [
        ("I enjoyed the conversation with Sam about feature flags.", {"task.third_person"}),
        ("As Sam mentioned, the team is growing.", {"task.third_person"}),
        ("She would be great for Sam's contest club.", {"task.third_person"}),  # round 17
        ("I enjoyed our conversation about feature flags. Thank you, Sam.", set()),
        ("I enjoyed meeting you and Dana on Monday.", set()),  # Dana is someone else
    ],
)
def test_the_reader_is_not_spoken_of_in_the_third_person(body: str, codes: set[str]) -> None:
    """Round 15: "the conversation with Riaan about hoist training", in a message to Riaan."""
    text = f"Dear Sam,\n\n{body}\n\nBest regards,\nAlex Morgan\n"
    assert _codes(text, "thank_you", DraftTask(recipient=SAM["name"])) == codes


# --- an introduction names the person it introduces ------------------------------------------

INTRO = (
    "Dear Sam,\n\nThinking back to our conversation about feature flags, I thought of {who}, who runs the "
    "platform guild at a logistics firm. I would be glad to introduce you both if that would help.\n\n"
    "Best regards,\nAlex Morgan\n"
)


@pytest.mark.parametrize("who", ["Priya Raman", "Priya", "Ms Raman"])
def test_an_introduction_that_names_the_contact_passes(who: str) -> None:
    task = DraftTask(recipient=SAM["name"], introduces=PRIYA["name"])
    assert _codes(INTRO.format(who=who), "value_add", task) == set()


def test_an_introduction_that_never_names_the_contact_blocks() -> None:
    task = DraftTask(recipient=SAM["name"], introduces=PRIYA["name"])
    assert _codes(INTRO.format(who="a former colleague"), "value_add", task) == {"task.introduction_unnamed"}


# --- a shared article carries its link -------------------------------------------------------

SHARE = (
    'Dear Sam,\n\nSince our conversation about feature flags, I thought you might enjoy "Feature flags at scale"'
    "{link}. No need to reply.\n\nBest regards,\nAlex Morgan\n"
)
ARTICLE_TASK = DraftTask(recipient=SAM["name"], article_title=ARTICLE["title"], article_url=ARTICLE["url"])


@pytest.mark.parametrize(
    "link", [" (https://example.org/flags)", ": https://example.org/flags/", " (http://www.example.org/flags)"]
)
def test_an_article_shared_with_its_link_passes(link: str) -> None:
    assert _codes(SHARE.format(link=link), "value_add", ARTICLE_TASK) == set()


def test_an_article_shared_without_its_link_blocks() -> None:
    assert _codes(SHARE.format(link=""), "value_add", ARTICLE_TASK) == {"task.article_link"}


def test_on_linkedin_too() -> None:
    note = 'Hi Sam, after our talk about feature flags I thought you might enjoy "Feature flags at scale". Alex'
    assert _codes(note, "linkedin_note", ARTICLE_TASK, channel="linkedin") == {"task.article_link"}


# --- whoever the draft says it copies is copied ----------------------------------------------

ESCALATION = (
    "Dear Morgan,\n\nI hope you do not mind my writing. I interviewed for the Backend Engineer role on "
    "2 November. {copy} I wanted to ask whether there is any news on the role.\n\nKind regards,\nAlex Morgan\n"
)
TO_MORGAN = DraftTask(recipient="Morgan Hale", copied=[DANA["name"]])


@pytest.mark.parametrize(
    "copy", ["I have copied Dana, who has kindly been my contact.", "Dana Lee, whom I have copied, has been kind."]
)
def test_naming_the_person_in_copy_passes(copy: str) -> None:
    assert _codes(ESCALATION.format(copy=copy), "escalation", TO_MORGAN) == set()


def test_naming_someone_else_as_in_copy_blocks() -> None:
    text = ESCALATION.format(copy="I have copied Sam, who has kindly been my contact.")
    assert _codes(text, "escalation", TO_MORGAN) == {"task.copied"}


def test_saying_someone_is_copied_when_nobody_is_blocks() -> None:
    text = ESCALATION.format(copy="I have copied my contact in the process.")
    assert _codes(text, "escalation", DraftTask(recipient="Morgan Hale")) == {"task.copied"}


def test_without_a_task_none_of_this_is_checked() -> None:
    for text, kind in [
        (f"Dear Dana,\n\n{THANKS}", "thank_you"),
        (SHARE.format(link=""), "value_add"),
        (ESCALATION.format(copy="I have copied Sam, who has kindly been my contact."), "escalation"),
    ]:
        assert _codes(text, kind, None) == set()


# --- the advisor holds its own drafts to their task, and so does a re-check after an edit ------


def test_every_draft_carries_its_task_and_passes_it() -> None:
    notes = make_notes(shareables=[ARTICLE, PRIYA], history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")])
    advice = advise(notes, today=date(2026, 11, 5), backend="template")
    shared = set()
    for draft in advice.drafts:
        assert draft.task is not None
        assert draft.task.recipient == draft.recipient
        assert draft.tone.passed
        shared |= {draft.task.article_url, draft.task.introduces} - {None}
    assert shared, [d.kind for d in advice.drafts]  # a value-add day: something was shared


def test_an_edit_that_drops_the_link_is_blocked_on_recheck() -> None:
    notes = make_notes(shareables=[ARTICLE], history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")])
    draft = next(d for d in advise(notes, today=date(2026, 11, 5), backend="template").drafts if d.task.article_url)
    edited = draft.body.replace(ARTICLE["url"], "the link")
    as_dict = draft.task.model_dump()
    assert recheck(draft.body, draft.kind.value, notes, draft.channel.value, as_dict).passed
    report = recheck(edited, draft.kind.value, notes, draft.channel.value, as_dict)
    assert "task.article_link" in {f.code for f in report.blocking}
