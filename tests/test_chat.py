"""The chat's understanding of free text and follow-ups (the browser test drives it end to end)."""

from __future__ import annotations

from followup.ui.chat import new_state, respond

from .builders import d

TODAY = d("2026-11-26")  # a Thursday
FIRST = "I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role; she said they'd decide by Friday. We talked about the revenue dashboard."


def test_it_extracts_what_it_can_and_asks_only_for_what_is_missing() -> None:
    reply, state = respond(FIRST, new_state(), TODAY)
    assert state["interviewers"] == [{"name": "Priya Shah", "title": "Head of Data", "role": "hiring_manager"}]
    assert (state["company"], state["role"]) == ("Northwind", "Analyst")
    assert state["interview_date"] == "2026-11-24"  # last Tuesday
    assert state["promised_reply_date"] == "2026-11-27"  # this Friday
    assert state["topics"] == ["the revenue dashboard"]
    assert reply.endswith("What is your name, to sign the messages?")
    assert reply.count("?") == 1


def test_then_it_decides_and_drafts() -> None:
    _, state = respond(FIRST, new_state(), TODAY)
    reply, state = respond("Alex Morgan", state, TODAY)
    assert reply.startswith("**Be proactive**")
    assert "> Dear Priya," in reply
    assert "> Alex Morgan" in reply
    assert state["draft"]["recipient"] == "Priya Shah"


def test_follow_ups() -> None:
    _, state = respond(FIRST, new_state(), TODAY)
    _, state = respond("My name is Alex Morgan", state, TODAY)
    before = state["draft"]["body"]
    reply, state = respond("more formal please", state, TODAY)
    assert "already formal" in reply
    reply, state = respond("I sent it", state, TODAY)
    assert reply.startswith("Noted: sent today. **Reconnect**")
    assert state["history"] == [{"kind": "thank_you", "sent_on": "2026-11-26", "to": ["Priya Shah"]}]
    reply, state = respond("they replied and said next week", state, TODAY)
    assert "they replied today and a new date, 2026-12-03" in reply
    assert state["employer_replies"][0]["new_promised_date"] == "2026-12-03"
    assert before


def test_make_it_shorter_keeps_a_passing_draft() -> None:
    state = new_state()
    _, state = respond(FIRST + " They also said they'd share feedback.", state, TODAY)
    _, state = respond("Alex Morgan", state, TODAY)
    long_body = state["draft"]["body"]
    reply, state = respond("make it shorter", state, TODAY)
    assert "shorter" in reply
    assert len(state["draft"]["body"]) <= len(long_body)


def test_an_interview_that_has_not_happened_is_asked_about_again() -> None:
    _, state = respond(
        "I'm meeting with Dana Lee, Recruiter at Acme, tomorrow for the Backend Engineer role.", new_state(), TODAY
    )
    assert "interview_date" not in state
    reply, _ = respond("Alex Morgan", {**state, "asked": "candidate_name"}, TODAY)
    assert "When was the interview?" in reply


def test_empty_input_gets_a_prompt() -> None:
    reply, _ = respond("   ", new_state(), TODAY)
    assert reply.startswith("Tell me about your interview")
