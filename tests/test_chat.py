"""The chat: extract_notes reads every turn, the facts card shows it, and advice waits for a
confirmation (the browser tests drive the same path end to end)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from followup import service
from followup.models import InterviewNotes
from followup.ui import chat, forms
from followup.ui.chat import can_confirm, card, confirm, form_notes, new_state, respond, status

from .builders import d

TODAY = d("2026-11-26")  # a Thursday
FIRST = (
    "I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role; she said they'd decide by Friday. "
    "We talked about the revenue dashboard."
)
DECISIONS = ("**Be proactive**", "**Be interesting**", "**Reconnect**", "**Take it up**", "**Move on**")


def talk(*messages: str, state: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    reply, state = "", state or new_state()
    for message in messages:
        reply, state = respond(message, state, TODAY)
    return reply, state


def decided(reply: str) -> bool:
    return any(label in reply for label in DECISIONS) or "Here is a draft" in reply


def test_the_first_message_gives_a_facts_card_with_phrases_and_one_question() -> None:
    reply, state = talk(FIRST)
    assert reply.endswith("What is your name, to sign the messages?")
    assert reply.count("?") == 1
    assert not decided(reply)
    assert state["draft"] is None
    assert state["confirmed"] is None
    notes = state["reading"]["notes"]
    assert notes["interview_date"] == "2026-11-24"
    assert notes["promised_reply_date"] == "2026-11-27"
    shown = card(state, TODAY)
    assert 'data-status="needs"' in shown
    assert "Tue 24 Nov" in shown
    assert "<q>on Tuesday</q>" in shown
    assert "Priya Shah, Head of Data (hiring manager)" in shown
    assert "<q>Priya Shah, Head of Data</q>" in shown
    assert "Still needed:</b> What is your name, to sign the messages?" in shown
    assert not can_confirm(state)


def test_a_complete_reading_is_shown_for_checking_not_advised() -> None:
    reply, state = talk(FIRST, "Alex Morgan")
    assert status(state) == "check"
    assert can_confirm(state)
    assert not decided(reply)
    assert "check the facts below" in reply
    assert 'Your name</span> <b class="value">Alex Morgan</b>' in card(state, TODAY)


def test_a_correction_in_the_chat_is_read_again_with_every_turn_and_marked() -> None:
    _, state = talk(FIRST, "Alex Morgan")
    reply, state = respond("actually it was Wednesday", state, TODAY)
    assert state["reading"]["notes"]["interview_date"] == "2026-11-25"
    assert state["turns"] == [FIRST, "Alex Morgan", "actually it was Wednesday"]
    assert reply.startswith("Changed: interview.")
    assert not decided(reply)
    shown = card(state, TODAY)
    assert '<li data-field="interview_date" data-changed>' in shown
    assert "Wed 25 Nov" in shown
    assert "<q>Wednesday</q>" in shown
    assert "Tue 24 Nov" not in shown
    _, state = respond("Tom Ellis is the recruiter", state, TODAY)
    people = state["reading"]["notes"]["interviewers"]
    assert [(p["name"], p["role"]) for p in people] == [("Priya Shah", "hiring_manager"), ("Tom Ellis", "recruiter")]


@pytest.mark.parametrize("said", ["yes", "That's right!", "yes, that's right", "Looks good", "these are right"])
def test_typing_a_confirmation_gives_the_decision_and_a_draft(said: str) -> None:
    _, state = talk(FIRST, "Alex Morgan")
    reply, state = respond(said, state, TODAY)
    assert reply.startswith("**Be proactive**")
    assert "> Dear Priya," in reply
    assert "> Alex Morgan" in reply
    assert state["confirmed"] == state["reading"]["notes"]
    assert status(state) == "confirmed"
    assert state["reading"]["notes"]["candidate_name"] == "Alex Morgan"  # not "That'S Right"
    assert 'data-status="confirmed"' in card(state, TODAY)


def test_the_button_confirms_the_same_way_and_not_before_the_facts_are_complete() -> None:
    _, state = talk(FIRST)
    reply, state = confirm(state, TODAY)
    assert reply == "Not yet: What is your name, to sign the messages?"
    assert state["confirmed"] is None
    _, state = respond("I'm Alex Morgan", state, TODAY)
    reply, state = confirm(state, TODAY)
    assert reply.startswith("**Be proactive**")
    assert state["draft"]["recipient"] == "Priya Shah"


def test_follow_ups_after_the_advice() -> None:
    _, state = talk(FIRST, "My name is Alex Morgan", "yes")
    reply, state = respond("more formal please", state, TODAY)
    assert "already formal" in reply
    long_body = state["draft"]["body"]
    reply, state = respond("make it shorter", state, TODAY)
    assert "shorter" in reply
    assert len(state["draft"]["body"]) <= len(long_body)
    reply, state = respond("I sent it", state, TODAY)
    assert reply.startswith("Noted: sent to Priya Shah today. **Reconnect**")
    record = {"kind": "thank_you", "sent_on": "2026-11-26", "to": ["Priya Shah"]}
    assert state["confirmed"]["history"] == [record]
    assert state["sent"] == [record]
    assert "thank-you to Priya Shah on Thu 26 Nov" in card(state, TODAY)


def test_a_reply_is_read_as_a_new_turn_and_confirmed_before_the_new_advice() -> None:
    _, state = talk(FIRST, "Alex Morgan", "yes", "I sent it")
    reply, state = respond("they replied today and said next week", state, TODAY)
    assert not decided(reply)
    assert reply.startswith("Changed: their replies.")
    assert state["reading"]["notes"]["employer_replies"] == [{"on": "2026-11-26", "new_promised_date": "2026-12-04"}]
    assert state["reading"]["notes"]["history"] == state["sent"]  # what was sent stays through the re-read
    assert "on Thu 26 Nov, new date Fri 4 Dec" in card(state, TODAY)
    reply, state = respond("yes", state, TODAY)
    assert reply.startswith("**Reconnect**: They said you'd hear by Fri 4 Dec")


def test_a_short_answer_is_read_as_the_answer_to_the_question_asked() -> None:
    reply, state = talk("I'm Sam Lee")
    assert reply.endswith("When was the interview?")
    reply, state = respond("last thurs", state, TODAY)
    assert state["reading"]["notes"]["interview_date"] == "2026-11-19"
    assert reply.endswith("Who did you meet (name and title)?")
    _, state = respond("Jon Doe, Engineering Manager", state, TODAY)
    _, state = respond("acme", state, TODAY)
    reply, state = respond("it was data analyst", state, TODAY)
    notes = state["reading"]["notes"]
    assert (notes["company"], notes["role"], notes["interviewers"][0]["name"]) == ("Acme", "Data Analyst", "Jon Doe")
    assert status(state) == "check"
    assert "<q>acme</q>" in card(state, TODAY)


def test_a_message_with_no_new_fact_says_so_and_changes_nothing() -> None:
    _, state = talk(FIRST, "Alex Morgan", "yes")
    reply, after = respond("hmm, blah", state, TODAY)
    assert reply.startswith("I found no new fact in")
    assert "still stands" in reply
    assert after["confirmed"] == state["confirmed"]
    assert after["draft"] == state["draft"]


def test_typed_markup_is_text_on_the_card_and_in_the_reply() -> None:
    reply, state = talk(
        "I met Priya Shah, Head of Data at Northwind <img src=x onerror=alert(1)> yesterday <script>x</script>"
    )
    shown = card(state, TODAY)
    assert "<img" not in shown
    assert "<script" not in shown
    assert "&lt;img src=x" in shown
    reply, _ = respond("<img src=x>", state, TODAY)
    assert "<img" not in reply


def test_edit_in_the_form_fills_it_with_the_same_notes_even_incomplete() -> None:
    _, state = talk(FIRST, "actually it was Wednesday")
    values = forms.split(forms.form_from_data(form_notes(state)))
    data = forms.data_from_form(values)
    assert data["candidate_name"] == ""  # still missing: the form shows it empty
    assert (data["company"], data["role"], data["interview_date"]) == ("Northwind", "Analyst", "2026-11-25")
    assert data["interviewers"][0]["name"] == "Priya Shah"
    assert data["promised_reply_date"] == "2026-11-27"


def test_the_empty_message_gets_a_prompt() -> None:
    reply, state = respond("   ", new_state(), TODAY)
    assert reply.startswith("Tell me about your interview")
    assert status(state) == "empty"


# --- zero decisions from facts the person has not seen -------------------------------------------

CONFIRMATIONS = {"yes", "that's right", "ok", "looks good", "correct", "I sent it"}
CONVERSATIONS = [
    [FIRST, "yes", "Alex Morgan", "actually it was Wednesday", "yes", "I sent it", "they went with someone else"],
    [FIRST + " I'm Alex Morgan.", "that's right", "they replied today and said next week", "make it shorter", "yes"],
    [
        "I'm Sam Lee",
        "yes",
        "interviewed w/ tom ellis (recruiter) at northwind analytics last thurs",
        "ok",
        "data analyst",
        "yes",
    ],
    [FIRST, "Alex Morgan", "Tom Ellis is the recruiter", "more formal", "I sent it", "yes", "I sent it", "yes"],
    ["yes", "", "I sent it", FIRST, "looks good", "Alex Morgan", "actually it was Monday", "correct", "hmm"],
]


@pytest.mark.parametrize("messages", CONVERSATIONS)
def test_every_decision_comes_from_facts_shown_on_the_card_and_confirmed(
    messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    advised: list[dict[str, Any]] = []
    real = service.advise

    def spy(notes: InterviewNotes, today: date, backend: str | None = None, **kw: Any) -> service.Advised:
        advised.append(notes.model_dump(mode="json"))
        return real(notes, today, backend, **kw)

    monkeypatch.setattr(chat.service, "advise", spy)
    state, seen, decisions = new_state(), [], 0
    for message in messages:
        before = len(advised)
        confirmed_before = state["confirmed"]
        reply, state = respond(message, state, TODAY)
        if len(advised) > before:
            decisions += 1
            made_from = advised[-1]
            allowed = [_json(n) for n in seen]
            if message == "I sent it" and confirmed_before is not None:  # the card plus the draft just sent
                allowed.append(_json({**confirmed_before, "history": state["confirmed"]["history"]}))
                assert state["confirmed"]["history"][:-1] == confirmed_before.get("history", [])
            assert made_from in allowed, f"decided from unseen facts after {message!r}"
            assert message in CONFIRMATIONS, f"decided without a confirmation after {message!r}"
            assert decided(reply)
        else:
            assert not decided(reply), f"a decision shown without advising after {message!r}"
        if state["reading"] is not None:
            seen.append(state["reading"]["notes"])  # the card drawn after this message
    assert decisions >= 1


def _json(notes: dict[str, Any]) -> dict[str, Any] | None:
    """Notes as the advisor gets them; None for notes it could not be given (incomplete)."""
    try:
        return InterviewNotes.model_validate(notes).model_dump(mode="json")
    except ValueError:
        return None
