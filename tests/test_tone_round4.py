"""What sendability round 4 taught the gate: ordinary writing it must let through, and faults it must catch."""

from __future__ import annotations

from datetime import date

import pytest

from followup.advisor import advise
from followup.tone import evaluate_tone
from tests.builders import DANA, make_notes

SIGN = "\n\nKind regards,\nAlex Morgan\n"
THANKS = "Thank you for meeting me on Monday about the Backend Engineer role; I enjoyed it very much."


def _codes(text: str, kind: str = "thank_you", **notes: object) -> set[str]:
    report = evaluate_tone(text, kind=kind, notes=make_notes(**notes), today=date(2026, 11, 3))
    return {f.code for f in report.blocking}


@pytest.mark.parametrize(
    ("greeting", "sign_off"),
    [
        ("Kia ora Dana,", "Ngā mihi,"),
        ("Grüezi Dana,", "Mit freundlichen Grüßen,"),
        ("Bonjour Dana,", "Bien cordialement,"),
        ("Hej Dana,", "Med vänlig hälsning,"),
        ("Dzień dobry Dana,", "Pozdrawiam,"),
        ("Estimada Dana,", "Saludos cordiales,"),
    ],
)
def test_greetings_and_sign_offs_in_other_languages_are_not_names(greeting: str, sign_off: str) -> None:
    text = f"{greeting}\n\n{THANKS}\n\n{sign_off}\nAlex Morgan\n"
    assert "faithful.name" not in _codes(text)


def test_a_holiday_is_not_a_name_but_an_invented_person_still_is() -> None:
    assert "faithful.name" not in _codes(f"Dear Dana,\n\nI hope you had a good Canada Day. {THANKS}{SIGN}")
    assert "faithful.name" in _codes(f"Dear Dana,\n\nI hope Jennifer Walsh is well. {THANKS}{SIGN}")


def test_a_number_written_with_separators_as_in_the_notes() -> None:
    notes = {"topics": ["migrating 40,000 customer records"]}
    text = f"Dear Dana,\n\n{THANKS} Moving 40,000 records is a big job.{SIGN}"
    assert "faithful.number" not in _codes(text, **notes)
    assert "faithful.number" in _codes(text.replace("40,000", "50,000"), **notes)


def test_the_candidates_own_deadline_from_the_notes_is_not_pressure() -> None:
    notes = {"personal_updates": "offer from another company, need to answer by Fri 6 November", "country": "GB"}
    text = (
        "Dear Dana,\n\nI wanted to ask whether there is any news. I should be open that I need to give another "
        f"company my answer by Friday 6 November; Acme Robotics remains my first choice.{SIGN}"
    )
    assert not _codes(text, "check_in", **notes) & {"pushy.deadline", "pushy.pressure"}
    assert "pushy.deadline" in _codes(text.replace("6 November", "5 November"), "check_in", **notes)


def test_the_role_named_by_an_interviewers_title_blocks() -> None:
    text = f"Dear Sam,\n\nThank you for meeting me on Monday about the Engineering Manager role.{SIGN}"
    assert "faithful.wrong_role" in _codes(text)
    assert "faithful.wrong_role" not in _codes(text.replace("Engineering Manager", "Backend Engineer"))


def test_with_no_topics_in_the_notes_a_specific_conversation_is_invented() -> None:
    invented = f"Dear Dana,\n\nI enjoyed our conversation about how robots can support warehouse safety.{SIGN}"
    plain = f"Dear Dana,\n\nI enjoyed our conversation about the Backend Engineer role at Acme Robotics.{SIGN}"
    assert "faithful.topic" in _codes(invented, topics=[])
    assert "faithful.topic" not in _codes(plain, topics=[])


def test_not_heard_anything_after_their_reply_gave_a_new_date() -> None:
    notes = {
        "promised_reply_date": "2026-11-10",
        "employer_replies": [{"on": "2026-11-11", "new_promised_date": "2026-11-18"}],
    }
    text = (
        "Dear Dana,\n\nThank you again for your update of 11 November. I wanted to check in, as I have not heard "
        f"anything yet; is there any news on the Backend Engineer role?{SIGN}"
    )
    report = evaluate_tone(text, kind="check_in", notes=make_notes(**notes), today=date(2026, 11, 20))
    assert "faithful.no_reply_claimed" not in {f.code for f in report.blocking}


def test_a_thank_you_does_not_ask_about_future_roles() -> None:
    text = f"Dear Dana,\n\n{THANKS} Please let me know if another role comes up in future.{SIGN}"
    assert "kind.future_roles_too_soon" in _codes(text)


def test_the_templates_greet_a_titled_name_by_title_and_surname() -> None:
    doctor = {"name": "Dr. Rafe Tessaro", "title": "Clinical Lead", "role": "hiring_manager"}
    notes = make_notes(interviewers=[DANA, doctor])
    advice = advise(notes, today=date(2026, 11, 2), backend="template")
    greetings = {d.recipient: d.body.splitlines()[0] for d in advice.drafts}
    assert greetings["Dr. Rafe Tessaro"] in ("Dear Dr Tessaro,", "Hello Dr Tessaro,")
    assert all(d.tone.passed for d in advice.drafts)
