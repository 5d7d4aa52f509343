"""The templates name a company and a role as a person would in a message, and say where a date came from."""

from __future__ import annotations

from datetime import date

import pytest

from followup.advisor import advise
from followup.drafting.templates import short_company, short_role
from tests.builders import make_notes, sent


@pytest.mark.parametrize(
    ("company", "named"),
    [
        ("Autopartes del Bajío S.A. de C.V.", "Autopartes del Bajío"),
        ("Kanaalzicht Logistics B.V.", "Kanaalzicht Logistics"),
        ("Tamhane Chitnis & Associates LLP", "Tamhane Chitnis & Associates"),
        ("Solbacka kommun, Individ- och familjeomsorgen", "Solbacka kommun"),
        ("Harrow, Pike & Lund Ltd.", "Harrow, Pike & Lund"),  # partners' names are the name
        ("Acme Robotics", "Acme Robotics"),
    ],
)
def test_a_company_without_its_legal_form_or_department(company: str, named: str) -> None:
    assert short_company(company) == named


@pytest.mark.parametrize(
    ("role", "named"),
    [
        ("Staff Nurse (Band 5), Critical Care Unit", "Staff Nurse"),
        ("Store Manager, Store #412 (Columbus, OH)", "Store Manager"),
        ("Head, Engineering", "Head, Engineering"),  # one word before the comma says too little
        ("Backend Engineer", "Backend Engineer"),
    ],
)
def test_a_role_without_its_asides(role: str, named: str) -> None:
    assert short_role(role) == named


def test_the_drafts_use_the_short_names_and_still_pass() -> None:
    notes = make_notes(company="Kanaalzicht Logistics B.V.", role="Staff Nurse (Band 5), Critical Care Unit")
    for draft in advise(notes, today=date(2026, 11, 2), backend="template").drafts:
        assert "B.V." not in draft.body
        assert "(Band 5)" not in draft.body
        assert "(Band 5)" not in (draft.subject or "")
        assert draft.tone.passed


def test_a_date_from_their_reply_is_credited_to_their_reply() -> None:
    notes = make_notes(
        promised_reply_date="2026-11-06",
        history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")],
        employer_replies=[{"on": "2026-11-09", "new_promised_date": "2026-11-13"}],
    )
    advice = advise(notes, today=date(2026, 11, 17), backend="template")
    check_ins = [d for d in advice.drafts if d.kind.value == "check_in"]
    assert check_ins, advice.decision
    for draft in check_ins:
        assert "Thank you for your note of 9 November" in draft.body
        assert "When we spoke" not in draft.body
        assert draft.tone.passed
