"""What sendability round 5 taught the gate and the templates."""

from __future__ import annotations

from datetime import date

from followup.advisor import advise
from followup.tone import evaluate_tone
from tests.builders import DANA, make_notes

SIGN = "\n\nKind regards,\nAlex Morgan\n"


def _codes(text: str, kind: str, today: date, **notes: object) -> set[str]:
    return {f.code for f in evaluate_tone(text, kind=kind, notes=make_notes(**notes), today=today).blocking}


def test_last_tuesday_for_the_tuesday_of_last_week() -> None:
    text = f"Dear Dana,\n\nThank you again for our conversation last Monday; is there any news on the role?{SIGN}"
    assert "faithful.stale_weekday" not in _codes(text, "check_in", date(2026, 11, 9))
    assert "faithful.stale_weekday" in _codes(text, "check_in", date(2026, 11, 23))


def test_a_single_capital_letter_is_not_a_name() -> None:
    text = f"Dear Dana,\n\nThank you for our conversation about the job queue behind service E4.{SIGN}"
    assert "faithful.name" not in _codes(text, "thank_you", date(2026, 11, 2), topics=["the job queue behind E4"])


def test_checking_that_ones_own_application_has_not_slipped_is_not_a_reproach() -> None:
    mine = f"Dear Dana,\n\nI am writing only to make sure my application hasn't slipped through the cracks.{SIGN}"
    theirs = f"Dear Dana,\n\nThe date you gave seems to have slipped by on your side; is there any news?{SIGN}"
    assert "irritated.reproach" not in _codes(mine, "check_in", date(2026, 11, 20))
    assert "irritated.reproach" in _codes(theirs, "check_in", date(2026, 11, 20))


def test_not_heard_after_their_note_counts_only_when_the_note_is_acknowledged() -> None:
    notes = {"employer_replies": [{"on": "2026-11-09", "new_promised_date": "2026-11-13"}]}
    bare = f"Dear Dana,\n\nI interviewed on 2 November but have not heard back so far; is there any news?{SIGN}"
    acknowledged = (
        "Dear Dana,\n\nThank you for your note of 9 November. I have not heard anything since; is there any "
        f"news?{SIGN}"
    )
    assert "faithful.no_reply_claimed" in _codes(bare, "check_in", date(2026, 11, 17), **notes)
    assert "faithful.no_reply_claimed" not in _codes(acknowledged, "check_in", date(2026, 11, 17), **notes)


def test_a_thank_you_with_no_topic_in_the_notes_keeps_the_name_role_and_company() -> None:
    advice = advise(make_notes(interviewers=[DANA], topics=[]), today=date(2026, 11, 2), backend="template")
    (draft,) = advice.drafts
    assert draft.body.startswith(("Dear Dana,", "Hello Dana,"))
    assert "Backend Engineer" in draft.body
    assert "recently" not in draft.body


def test_a_family_name_written_first_in_capitals() -> None:
    person = {"name": "SHIBUYA Kenta", "title": "Translation Manager", "role": "hiring_manager"}
    advice = advise(make_notes(interviewers=[person]), today=date(2026, 11, 2), backend="template")
    (draft,) = advice.drafts
    assert draft.body.splitlines()[0] in ("Dear Kenta Shibuya,", "Hello Kenta Shibuya,")
    assert draft.tone.passed
