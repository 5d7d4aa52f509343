"""What the user reads: the reason, the recipients, what is missing, the timeline."""

from __future__ import annotations

from followup import Action, PolicyConfig, Status, decide

from .builders import ARTICLE, d, make_notes, sent


def test_fresh_interview_plans_every_step_with_dates() -> None:
    decision = decide(make_notes(), d("2026-11-02"))
    assert decision.action == Action.be_proactive
    assert decision.to == ["Dana Lee", "Sam Ortiz"]
    assert "today" in decision.reason
    assert [(s.action, s.due_on) for s in decision.timeline] == [
        (Action.reconnect, d("2026-11-11")),  # 7 business days after the interview
        (Action.take_it_up, d("2026-11-18")),  # 5 after the check-in
        (Action.move_on, d("2026-11-27")),  # 7 after the escalation
    ]
    take_it_up = decision.timeline[1]
    assert take_it_up.cc == ["Dana Lee"]
    assert [n.field for n in take_it_up.needs] == ["senior_contact"]


def test_reason_names_the_promised_date_and_the_delay() -> None:
    notes = make_notes(
        promised_reply_date="2026-11-20",
        history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")],
    )
    decision = decide(notes, d("2026-11-26"))
    assert decision.reason.startswith("They said you'd hear by Fri 20 Nov; it's 4 business days past that")
    assert decision.to == ["Dana Lee"]


def test_no_thank_you_asks_about_next_steps_only_when_not_asked() -> None:
    asked = decide(make_notes(asked_next_steps=True), d("2026-11-03"))
    not_asked = decide(make_notes(asked_next_steps=False), d("2026-11-03"))
    assert "timeline" not in asked.reason
    assert "ask politely about the timeline" in not_asked.reason


def test_take_it_up_asks_for_a_senior_contact_instead_of_inventing_one() -> None:
    notes = make_notes(
        history=[
            sent("thank_you", "2026-11-02", "Dana Lee"),
            sent("check_in", "2026-11-11", "Dana Lee"),
        ]
    )
    decision = decide(notes, d("2026-11-18"))
    assert decision.action == Action.take_it_up
    assert decision.to == []
    assert decision.cc == ["Dana Lee"]
    assert decision.needs[0].field == "senior_contact"
    assert "Acme Robotics" in decision.needs[0].question


def test_a_senior_interviewer_is_used_for_take_it_up() -> None:
    boss = {"name": "Ruth Kim", "title": "CTO", "role": "senior"}
    notes = make_notes(
        interviewers=[
            {"name": "Dana Lee", "title": "Recruiter", "role": "recruiter"},
            boss,
        ],
        history=[
            sent("thank_you", "2026-11-02", "Dana Lee"),
            sent("check_in", "2026-11-11", "Dana Lee"),
        ],
    )
    decision = decide(notes, d("2026-11-18"))
    assert (decision.to, decision.cc, decision.needs) == (["Ruth Kim"], ["Dana Lee"], [])


def test_value_add_goes_to_the_hiring_manager_and_names_the_article() -> None:
    notes = make_notes(
        shareables=[ARTICLE],
        promised_reply_date="2026-11-13",
        history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")],
    )
    decision = decide(notes, d("2026-11-09"))
    assert decision.action == Action.be_interesting
    assert decision.to == ["Sam Ortiz"]
    assert '"Feature flags at scale"' in decision.reason


def test_years_are_shown_only_when_they_differ() -> None:
    notes = make_notes(
        interview_date="2026-12-21",
        history=[sent("thank_you", "2026-12-21", "Dana Lee", "Sam Ortiz")],
    )
    decision = decide(notes, d("2026-12-22"))
    assert "Wed 30 Dec" in decision.reason
    later = decide(notes, d("2027-01-05"))
    assert "the interview on Mon 21 Dec 2026" in later.reason


def test_config_thresholds_change_the_decision() -> None:
    notes = make_notes(history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz")])
    assert decide(notes, d("2026-11-06")).status == Status.scheduled
    eager = PolicyConfig(reconnect_without_promise=3, min_gap_same_person=2)
    assert decide(notes, d("2026-11-06"), eager).action == Action.reconnect
    assert decide(notes, d("2026-11-06"), eager).status == Status.now


def test_decision_serialises_to_json() -> None:
    decision = decide(make_notes(), d("2026-11-02"))
    data = decision.model_dump(mode="json")
    assert data["action"] == "be_proactive"
    assert data["timeline"][0]["due_on"] == "2026-11-11"
    assert type(decision).model_validate(data) == decision


def test_one_promise_for_the_policy_the_drafts_and_the_tone_check() -> None:
    """A reply with no new date, after the promised date, answers the promise everywhere."""
    from followup.advisor import advise
    from followup.policy import promised_date
    from followup.tone.facts import NotesFacts

    notes = make_notes(
        promised_reply_date="2026-11-06",
        history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz"), sent("check_in", "2026-11-10", "Dana Lee")],
        employer_replies=[{"on": "2026-11-11"}],
    )
    assert promised_date(notes) is None
    assert NotesFacts.from_notes(notes).promised is None
    advice = advise(notes, today=d("2026-11-20"), backend="template")
    assert advice.decision.action == Action.reconnect
    assert "6 November" not in advice.drafts[0].body
    assert "Friday 6" not in advice.drafts[0].body
    later = make_notes(promised_reply_date="2026-11-13", employer_replies=[{"on": "2026-11-04"}])
    assert promised_date(later) == d("2026-11-13")
    assert promised_date(make_notes(employer_replies=[{"on": "2026-11-04", "new_promised_date": "2026-11-20"}])) == d(
        "2026-11-20"
    )
