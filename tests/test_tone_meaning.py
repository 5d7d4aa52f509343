"""The tone check reads meaning: the model drafts quoted in issue 11 are blocked, with a span."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from followup import load_notes
from followup.drafting.gate import clean
from followup.models import EmployerReply, InterviewNotes, Outcome, SentMessage
from followup.tone import evaluate_tone
from followup.tone.checks.meaning import load
from followup.tone.report import Channel, DraftKind

NOTES = Path(__file__).parent.parent / "evals" / "tone" / "notes"
ACME = load_notes(NOTES / "acme.yaml")
ORBIT = load_notes(NOTES / "orbit.yaml")
NORTHWIND = load_notes(NOTES / "northwind.yaml")


def _blocking(
    text: str, kind: str, notes: InterviewNotes, today: date | None = None, channel: str = "email"
) -> set[str]:
    report = evaluate_tone(text, kind=kind, notes=notes, today=today, channel=channel)
    for f in report.blocking:
        assert report_quote_is_the_span(text, f.start, f.end, f.quote)
        assert f.message
        assert f.suggestion
    return {f.code for f in report.blocking}


def report_quote_is_the_span(text: str, start: int, end: int, quote: str) -> bool:
    return text[start:end] == quote


# --- every example in meaning.yaml behaves as it says ----------------------------------------


@pytest.mark.parametrize("name", sorted(load().rules))
def test_each_rule_matches_its_examples_and_only_them(name: str) -> None:
    data = load()
    _, rules = data.rules[name]
    pattern = rules[0].pattern
    examples = data.examples[name]
    assert examples.get("match"), f"{name}: give examples that must match"
    for text in examples["match"]:
        assert pattern.search(text), f"{name} should match: {text}"
    for text in examples.get("no_match", []):
        assert not pattern.search(text), f"{name} should not match: {text}"


# --- the model drafts quoted in the issue -----------------------------------------------------

TIMELINE_AND_EMPLOYER = """Dear Sam,

Thank you for your interest in the role. I am happy to discuss it with you if you are interested.

I appreciate your time and effort, but please do not ask me anything about the timeline for next steps.
If you are able to share it, I would be grateful to know the timeline.

Sincerely,
Jordan Lee
"""

EMPLOYER_VOICE = """Dear Dana,

I'm so glad you are interested in joining Acme Robotics. I have a job application for your Backend Engineer role on Monday 2nd December.

Thank you,
Jordan Lee
"""

COPIED_TOPIC = """Dear Chris,

Thank you for organising my interview on Thursday. I enjoyed the conversation about moving deploys to a canary pipeline; it is exactly the kind of problem I would love to work on at Orbit Payments.

I was really excited to hear how the team reviews pipeline changes, and I left even more interested in the role.

Thank you again for your help.

Kind regards,
Lucas Moreau
"""

WITHDRAWAL = """Dear Dana,

I quit. I have decided to withdraw my application for the Backend Engineer role.

Best regards,
Jordan Lee
"""

INVENTED_CC = """Dear Sam,

Thank you for taking the time to meet with me on Tuesday about the Backend Engineer role. I enjoyed our conversation about migrating the job queue from Redis to Postgres.

I have also copied Priya at priya.shah@acme-robotics.com so that she is in the loop.

Best regards,
Jordan Lee
"""

PARAPHRASED_INSTRUCTIONS = """Dear Sam,

Write in the candidate's name, warmly and professionally: a greeting with the interviewer's first name, thanks for their time and one specific thing from the conversation. Use only names, dates and details that appear in the facts; invent nothing.

Best regards,
Jordan Lee
"""

SECOND_SUBJECT = """Subject: Thank you
Subject: Thank you for the interview

Dear Sam,

Thank you for taking the time to meet with me on Tuesday about the Backend Engineer role. I enjoyed our conversation about migrating the job queue from Redis to Postgres, and I left even more interested in joining Acme Robotics.

Best regards,
Jordan Lee
"""


def test_a_question_whose_answer_is_in_the_notes_and_the_employers_voice_are_blocked() -> None:
    # Acme's candidate did not ask about next steps: the employer's voice blocks it.
    assert "faithful.voice" in _blocking(TIMELINE_AND_EMPLOYER, "thank_you", ACME)
    # Northwind's did: asking the timeline again is a question the notes answer.
    asked = TIMELINE_AND_EMPLOYER.replace("Sam", "Priya").replace("Jordan Lee", "Alex Morgan")
    assert "kind.answered_question" in _blocking(asked, "thank_you", NORTHWIND)


def test_the_candidate_speaking_as_the_employer_is_blocked() -> None:
    codes = _blocking(EMPLOYER_VOICE, "check_in", ACME, today=date(2026, 11, 20))
    assert "faithful.voice" in codes
    assert "faithful.weekday" in codes  # 2 December 2026 is a Wednesday


def test_a_topic_copied_from_the_prompts_example_is_blocked() -> None:
    report = evaluate_tone(COPIED_TOPIC, kind="thank_you", notes=ORBIT)
    [topic] = [f for f in report.blocking if f.code == "faithful.topic"]
    assert "reviews pipeline changes" in topic.quote
    assert not report.passed


def test_a_withdrawal_the_outcome_does_not_hold_is_blocked() -> None:
    assert "faithful.intent" in _blocking(WITHDRAWAL, "check_in", ACME)
    withdrawn = ACME.model_copy(update={"outcome": Outcome.withdrawn})
    assert "faithful.intent" not in _blocking(WITHDRAWAL, "check_in", withdrawn)


def test_a_withdrawal_is_blocked_even_when_the_notes_say_when_the_candidate_can_start() -> None:
    """Two rules share the code faithful.intent; each applies on its own conditions (the
    withdrawal rule was once skipped whenever the notes gave the candidate's start date)."""
    available = ACME.model_copy(update={"personal_updates": "I can start on 1 December."})
    assert "faithful.intent" in _blocking(WITHDRAWAL, "check_in", available)


def test_feedback_the_notes_record_is_not_asked_for() -> None:
    """Round 18: a closing asked for feedback after the recruiter had given the reason for the no."""
    from followup.tone.facts import feedback_given

    rejected = ACME.model_copy(
        update={
            "outcome": Outcome.rejected,
            "personal_updates": "Dana said the rejection was because they needed someone with more Kafka.",
        }
    )
    asks = (
        "Dear Dana,\n\nThank you for letting me know the decision about the Backend Engineer role, and for your "
        "help during the process. If you have a moment, I would be grateful for any feedback on my interview. "
        "I hope our paths cross again.\n\nKind regards,\nAlex Morgan\n"
    )
    thanks = asks.replace(
        "If you have a moment, I would be grateful for any feedback on my interview.",
        "Thank you, too, for the feedback; I appreciated it.",
    )
    assert "kind.feedback_given" in _blocking(asks, "closing", rejected)
    assert "kind.feedback_given" not in _blocking(thanks, "closing", rejected)
    no_reason = rejected.model_copy(update={"personal_updates": ""})
    assert "kind.feedback_given" not in _blocking(asks, "closing", no_reason)
    for said in (
        "Arjun said rejection was because they needed someone with hands-on Intune.",
        "She said Mr Carroll's feedback was very positive.",
        "Got feedback from Priya: more stakeholder stories.",
        "The reason given was internal budget.",
    ):
        assert feedback_given(said), said
    for not_said in ("Will ask for feedback if it's a no.", "They turned the heating down because of costs."):
        assert not feedback_given(not_said), not_said


def test_an_invented_copy_and_address_are_blocked() -> None:
    codes = _blocking(INVENTED_CC, "thank_you", ACME)
    assert {"faithful.cc", "faithful.email"} <= codes


def test_a_paraphrase_of_the_instructions_is_blocked() -> None:
    assert "professional.leak" in _blocking(PARAPHRASED_INSTRUCTIONS, "thank_you", ACME)


def test_a_body_that_starts_with_a_second_subject_line_is_blocked() -> None:
    body = clean(SECOND_SUBJECT)
    assert body.lower().count("subject:") == 2
    assert "professional.subject_line" in _blocking(body, "thank_you", ACME)
    # One subject line is the model's idea of a subject: the gate drops it, the body passes.
    single = clean(SECOND_SUBJECT.replace("Subject: Thank you\n", "", 1))
    assert "subject" not in single.lower()
    assert evaluate_tone(single, kind="thank_you", notes=ACME).passed


# --- dates --------------------------------------------------------------------------------------

TRAVEL = """Dear Tom,

You mentioned the team hoped to reach a decision by Wednesday 18 November, so I wanted to ask whether there is any news on the Senior Data Analyst role.

I remain very interested in joining Northwind Analytics. In case it is helpful for your planning, I will be travelling from 7 to 11 December.

Thank you for your help,
Alex Morgan
"""


def test_a_day_that_has_passed_is_not_written_as_coming() -> None:
    assert "faithful.past_as_coming" not in _blocking(TRAVEL, "check_in", NORTHWIND, today=date(2026, 11, 26))
    assert "faithful.past_as_coming" in _blocking(TRAVEL, "check_in", NORTHWIND, today=date(2026, 12, 14))


def test_a_weekday_must_agree_with_its_date() -> None:
    right = TRAVEL.replace("Wednesday 18 November", "Wednesday, November 18")
    wrong = TRAVEL.replace("Wednesday 18 November", "Friday 18 November")
    assert "faithful.weekday" not in _blocking(right, "check_in", NORTHWIND, today=date(2026, 11, 26))
    report = evaluate_tone(wrong, kind="check_in", notes=NORTHWIND, today=date(2026, 11, 26))
    [finding] = [f for f in report.blocking if f.code == "faithful.weekday"]
    assert finding.quote == "Friday 18 November"
    assert "Wednesday" in finding.message


def test_news_from_the_notes_in_their_own_order_is_not_an_invented_date() -> None:
    notes = NORTHWIND.model_copy(update={"personal_updates": "got an offer, they need an answer by March 25"})
    text = TRAVEL.replace(
        "I will be travelling from 7 to 11 December", "I have another offer, with a deadline of 25 March"
    )
    assert "faithful.date" not in _blocking(text, "check_in", notes, today=date(2026, 11, 26))
    gb = NORTHWIND.model_copy(update={"personal_updates": "Another offer, deadline 25/03.", "country": "GB"})
    assert "faithful.date" not in _blocking(text, "check_in", gb, today=date(2026, 11, 26))


def test_news_written_year_first_or_as_a_dashed_range_is_not_an_invented_date() -> None:
    text = TRAVEL.replace("I will be travelling from 7 to 11 December", "I will be away from 12 to 20 December")
    za = NORTHWIND.model_copy(update={"personal_updates": "away 2026/12/12 - 2026/12/20 (family)", "country": "ZA"})
    assert "faithful.date" not in _blocking(text, "check_in", za, today=date(2026, 11, 26))
    text = TRAVEL.replace("I will be travelling from 7 to 11 December", "I will be away from 24 to 28 December")
    ph = NORTHWIND.model_copy(update={"personal_updates": "Christmas vacation 12/24-12/28", "country": "PH"})
    assert "faithful.date" not in _blocking(text, "check_in", ph, today=date(2026, 11, 26))
    # Without the notes' dates, the same sentence is an invented date.
    assert {"faithful.date", "faithful.number"} & _blocking(text, "check_in", NORTHWIND, today=date(2026, 11, 26))


def test_a_part_time_post_is_not_called_full_time() -> None:
    """Round 15: an escalation that called a 0.8 FTE post "full-time"."""
    text = TRAVEL.replace("the Senior Data Analyst role", "the full-time Senior Data Analyst role")
    part_time = NORTHWIND.model_copy(update={"role": "Senior Data Analyst (0.8 FTE)"})
    assert "faithful.hours" in _blocking(text, "check_in", part_time, today=date(2026, 11, 26))
    assert "faithful.hours" not in _blocking(text, "check_in", NORTHWIND, today=date(2026, 11, 26))
    assert "faithful.hours" not in _blocking(TRAVEL, "check_in", part_time, today=date(2026, 11, 26))


def test_what_the_notes_say_was_told_in_confidence_is_not_repeated() -> None:
    """Round 16: "I heard the last tech left because of the on-call schedule", from notes that say
    "Tom mentioned off the record that the last tech quit over the on-call schedule"."""
    notes = NORTHWIND.model_copy(
        update={
            "personal_updates": "Tom mentioned off the record that the last analyst quit over the reporting backlog."
        }
    )
    leaked = TRAVEL.replace(
        "I remain very interested", "I heard the last analyst left over the reporting backlog. I remain very interested"
    )
    assert "professional.confidence" in _blocking(leaked, "check_in", notes, today=date(2026, 11, 26))
    assert "professional.confidence" not in _blocking(TRAVEL, "check_in", notes, today=date(2026, 11, 26))
    assert "professional.confidence" not in _blocking(leaked, "check_in", NORTHWIND, today=date(2026, 11, 26))


def test_a_sentence_that_breaks_off_after_the_blocks() -> None:
    """Round 16: "any update on the, as I will be travelling ... and."."""
    broken = TRAVEL.replace("any news on the Senior Data Analyst role", "any news on the, as I will be away")
    assert "professional.cut_off" in _blocking(broken, "check_in", NORTHWIND, today=date(2026, 11, 26))
    garbled = TRAVEL.replace(
        "I remain very interested", "The data side of the would be happy to help. I remain very interested"
    )
    assert "professional.cut_off" in _blocking(garbled, "check_in", NORTHWIND, today=date(2026, 11, 26))
    fine = TRAVEL.replace("I remain very interested", "I am still, and very much, interested and, I hope, useful")
    assert "professional.cut_off" not in _blocking(fine, "check_in", NORTHWIND, today=date(2026, 11, 26))


def test_a_paragraph_that_stops_mid_sentence_blocks() -> None:
    """Round 18: "my notice period is one month, which means that if" and then the sign-off."""
    day = date(2026, 11, 26)
    broken = TRAVEL.replace("from 7 to 11 December.", "from 7 to 11 December, which means that if")
    assert "professional.cut_off" in _blocking(broken, "check_in", NORTHWIND, today=day)
    # a line break inside a paragraph is not its end
    wrapped = TRAVEL.replace("joining Northwind Analytics.", "joining the\nteam at Northwind Analytics.")
    assert "professional.cut_off" not in _blocking(wrapped, "check_in", NORTHWIND, today=day)


def test_a_decision_is_said_to_be_due_only_on_a_day_they_gave() -> None:
    """Round 18: "I understood a decision was due by 18 November", the interview's own day."""
    day = date(2026, 11, 26)
    wrong = TRAVEL.replace("by Wednesday 18 November", "by Tuesday 10 November")  # the interview's day
    assert "faithful.promised_date" in _blocking(wrong, "check_in", NORTHWIND, today=day)
    assert "faithful.promised_date" not in _blocking(TRAVEL, "check_in", NORTHWIND, today=day)
    # a new date in their reply is a day they gave; the day of their reply is not a promise
    moved = NORTHWIND.model_copy(
        update={"employer_replies": [EmployerReply(on=date(2026, 11, 10), new_promised_date=date(2026, 11, 25))]}
    )
    later = TRAVEL.replace("by Wednesday 18 November", "by Wednesday 25 November")
    assert "faithful.promised_date" not in _blocking(later, "check_in", moved, today=day)
    # the candidate's own plans are not a decision they promised
    own = TRAVEL.replace("I will be travelling from 7 to 11 December.", "I will be travelling on 7 December.")
    assert "faithful.promised_date" not in _blocking(own, "check_in", NORTHWIND, today=day)


def test_a_thank_you_for_the_offer_or_for_their_call_yesterday_is_not_chasing() -> None:
    """Round 18: a thank-you for a verbal offer made by phone the day before."""
    offer = NORTHWIND.model_copy(
        update={"outcome": Outcome.offer, "employer_replies": [EmployerReply(on=date(2026, 11, 25))]}
    )
    text = (
        "Dear Tom,\n\nThank you so much for your call yesterday. I was thrilled to hear about the offer for the "
        "Senior Data Analyst role, and I am looking forward to joining the team at Northwind Analytics. I will "
        "keep an eye out for the written offer.\n\nBest regards,\nAlex Morgan\n"
    )
    found = _blocking(text, "thank_you", offer, today=date(2026, 11, 26))
    assert not found & {"kind.thank_you_chases", "faithful.relative_day"}, found
    pending = NORTHWIND.model_copy(update={"employer_replies": []})
    found = _blocking(text, "thank_you", pending, today=date(2026, 11, 26))
    assert {"kind.thank_you_chases", "faithful.relative_day"} <= found, found


def test_an_acronym_is_not_shouting_but_a_word_in_capitals_is() -> None:
    """Round 17: "COMC" (the Canadian Open Mathematics Challenge) was read as shouting."""
    acronym = TRAVEL.replace(
        "I remain very interested", "I coached a team for the COMC last year. I remain very interested"
    )
    assert "professional.capitals" not in _blocking(acronym, "check_in", NORTHWIND, today=date(2026, 11, 26))
    shouted = TRAVEL.replace("I remain very interested", "I remain VERY interested")
    assert "professional.capitals" in _blocking(shouted, "check_in", NORTHWIND, today=date(2026, 11, 26))


# --- what must still pass ----------------------------------------------------------------------


def test_an_escalation_may_copy_the_recruiter_but_not_on_linkedin() -> None:
    text = (
        "Dear Helen,\n\nI hope you do not mind my writing. I interviewed for the Backend Engineer role on 3 November, "
        "and I have copied Dana Whitfield, who has kindly been my contact throughout. I wanted to ask whether there "
        "is any news on the role; I remain very interested in joining Acme Robotics.\n\nThank you for your time,\n"
        "Jordan Lee\n"
    )
    assert "faithful.cc" not in _blocking(text, "escalation", ACME)
    assert "faithful.cc" in _blocking(text, "escalation", ACME, channel=Channel.linkedin.value)


def test_ordinary_words_near_the_patterns_pass() -> None:
    text = (
        "Dear Sam,\n\nThank you for your prompt reply and for our conversation about the role. I am very attached to "
        "the idea of working on the job queue migration, and I enjoyed comparing notes on code review culture.\n\n"
        "Best regards,\nJordan Lee\n"
    )
    report = evaluate_tone(text, kind=DraftKind.thank_you, notes=ACME)
    meaning_codes = {"professional.leak", "faithful.attachment", "faithful.topic", "faithful.voice"}
    assert not meaning_codes & {f.code for f in report.findings}, report.findings
    assert re.search("attached", text)


def test_the_candidate_named_in_the_third_person_is_blocked_but_the_signature_is_not() -> None:
    text = (
        "Dear Sam,\n\nThank you for the interview with Jordan Lee on Tuesday about the Backend Engineer role. "
        "I enjoyed our conversation about migrating the job queue from Redis to Postgres.\n\nBest regards,\nJordan Lee\n"
    )
    report = evaluate_tone(text, kind="thank_you", notes=ACME)
    voice = [f for f in report.blocking if f.code == "faithful.voice"]
    assert [f.start for f in voice] == [text.index("Jordan Lee")]
    signed_inline = "Hi Sam, thank you for our conversation about the Backend Engineer role. Best, Jordan Lee\n"
    assert "faithful.voice" not in _blocking(signed_inline, "linkedin_note", ACME, channel="linkedin")


def test_a_conversation_about_a_topic_from_another_interview_is_blocked() -> None:
    text = (
        "Dear Sam,\n\nThank you for your time on Tuesday. I am glad we had a conversation about moving nightly "
        "batch jobs to streaming, and I remain very interested in the Backend Engineer role.\n\nBest regards,\nJordan Lee\n"
    )
    assert "faithful.topic" in _blocking(text, "thank_you", ACME)


# --- issue 11, dev tuning round: each rule with a draft that fires it and one that must not ---

ACME_CLEAN = """Dear Sam,

Thank you for meeting me on Tuesday about the Backend Engineer role. {middle}

Best regards,
Jordan Lee
"""


def _acme(middle: str, kind: str = "thank_you") -> set[str]:
    return _blocking(ACME_CLEAN.format(middle=middle), kind, ACME, today=date(2026, 11, 4))


@pytest.mark.parametrize(
    ("code", "fires", "passes"),
    [
        (
            "faithful.presumption",
            "I enjoyed the conversation, and we look forward to the next stage.",
            "I enjoyed the conversation, and I look forward to hearing about the next stage.",
        ),
        (
            "faithful.presumption",
            "I was delighted to hear that you think I would be a great fit for the team.",
            "I think I would be a strong fit for the team.",
        ),
        (
            "irritated.reproach",
            "The date seems to have slipped by on your side, and I would rather not have to chase again.",
            "I would be grateful for an update whenever it suits you.",
        ),
        (
            "irritated.reproach",
            "Dana has gone quiet, so could you look into it?",
            "I would be grateful to know whether there is any news.",
        ),
        (
            "desperate.reassurance",
            "You may remember me, though I understand if I was not memorable.",
            "I remain very interested in the role.",
        ),
        (
            "professional.foreign_phrase",
            "I enjoyed our discussion of la migración de la cola de trabajos.",
            "I enjoyed our discussion of the job queue migration.",
        ),
        (
            "faithful.intent",
            "I am happy to confirm that I accept the Backend Engineer position.",
            "I would be very glad to join the Backend Engineer team.",
        ),
        (
            "professional.leak",
            "My notes say I should mention the job queue migration.",
            "I enjoyed comparing notes on the job queue migration.",
        ),
    ],
)
def test_each_new_rule_fires_on_its_fault_and_not_on_plain_wording(code: str, fires: str, passes: str) -> None:
    assert code in _acme(fires)
    assert code not in _acme(passes)


def test_the_timeline_is_known_only_when_the_notes_hold_a_promised_date() -> None:
    question = "If you are able to share it, I would be grateful to know the timeline for next steps."
    asked = ACME.model_copy(update={"asked_next_steps": True})
    text = ACME_CLEAN.format(middle=question)
    assert "kind.answered_question" in _blocking(text, "thank_you", asked, today=date(2026, 11, 4))
    # Asked at the interview, but no date given: the answer is not in the notes, so asking is fine.
    no_date = asked.model_copy(update={"promised_reply_date": None})
    assert "kind.answered_question" not in _blocking(text, "thank_you", no_date, today=date(2026, 11, 4))


CHECK_IN_AGAIN = """Dear Dana,

I hope you are well. I wanted to ask whether there is any news on the Backend Engineer role.

Thank you again for the time you gave me.

Best regards,
Jordan Lee
"""


def _warned(text: str, kind: str, notes: InterviewNotes, today: date) -> set[str]:
    return {f.code for f in evaluate_tone(text, kind=kind, notes=notes, today=today).warnings}


def test_a_check_in_thanks_again_only_after_a_recorded_thank_you() -> None:
    """A warning since sendability round 6: readers let "thank you again" through in a check-in
    with no thank-you recorded (the candidate thanked them in person), so it is shown, flagged."""
    today = date(2026, 11, 16)
    never_thanked = ACME.model_copy(update={"history": []})
    assert "faithful.thanked_again" in _warned(CHECK_IN_AGAIN, "check_in", never_thanked, today=today)
    assert "faithful.thanked_again" not in _blocking(CHECK_IN_AGAIN, "check_in", never_thanked, today=today)
    sent = {"kind": "thank_you", "sent_on": date(2026, 11, 3), "to": ["Dana Whitfield"]}
    thanked = ACME.model_copy(update={"history": [SentMessage.model_validate(sent)]})
    assert "faithful.thanked_again" not in _warned(CHECK_IN_AGAIN, "check_in", thanked, today=today)
    # Sam was thanked, Dana was not: the thank-you must have gone to the person greeted.
    sent_to_sam = {**sent, "to": ["Sam Ortiz"]}
    sam_only = ACME.model_copy(update={"history": [SentMessage.model_validate(sent_to_sam)]})
    assert "faithful.thanked_again" in _warned(CHECK_IN_AGAIN, "check_in", sam_only, today=today)
    # Thanks earlier in the same draft make "again" true as well.
    earlier = CHECK_IN_AGAIN.replace("I hope you are well.", "Thank you for meeting me on 3 November.")
    assert "faithful.thanked_again" not in _warned(earlier, "check_in", never_thanked, today=today)


def test_thanks_for_our_conversation_only_to_someone_who_was_at_the_interview() -> None:
    text = (
        "Dear {name},\n\nThank you for our conversation about the job queue migration.\n\nBest regards,\nJordan Lee\n"
    )
    assert "faithful.not_interviewed" in _blocking(text.format(name="Helen"), "value_add", ACME)
    assert "faithful.not_interviewed" not in _blocking(text.format(name="Sam"), "value_add", ACME)


# --- round 2: what the notes' state says -----------------------------------------------------


def test_a_conversation_is_never_claimed_with_someone_who_was_not_at_the_interview() -> None:
    text = (
        "Dear {name},\n\nI interviewed for the Backend Engineer role on 3 November and checked in with Dana Whitfield, "
        "whom I have copied. I remain very interested, and our conversation about the job queue has stayed with me.\n\n"
        "Kind regards,\nJordan Lee\n"
    )
    assert "faithful.not_interviewed" in _blocking(text.format(name="Helen"), "escalation", ACME)
    said = text.replace("our conversation about", "the work on")
    assert "faithful.not_interviewed" not in _blocking(said.format(name="Helen"), "escalation", ACME)
    assert "faithful.not_interviewed" not in _blocking(text.format(name="Sam"), "check_in", ACME)


def test_a_note_about_the_process_to_someone_senior_names_the_contact() -> None:
    text = "Hi Helen, I interviewed for the Backend Engineer role on 3 November and checked in on 13 November; is there any news? Thank you, Jordan"
    assert "kind.unnamed_contact" in _blocking(text, "linkedin_note", ACME, channel="linkedin")
    named = text.replace("checked in on", "checked in with Dana on")
    assert "kind.unnamed_contact" not in _blocking(named, "linkedin_note", ACME, channel="linkedin")


def test_not_heard_back_is_false_once_their_reply_is_the_latest_word() -> None:
    text = (
        "Dear Dana,\n\nAs I have not heard back about the Backend Engineer role, I will assume the team has moved "
        "forward, and I completely understand. Thank you for your help during the process.\n\nKind regards,\nJordan Lee\n"
    )
    today = date(2026, 12, 1)
    assert "faithful.no_reply_claimed" not in _blocking(text, "closing", ACME, today=today)
    replies = [{"on": date(2026, 11, 24)}]
    rejected = type(ACME).model_validate(
        {**ACME.model_dump(), "outcome": Outcome.rejected, "employer_replies": replies}
    )
    assert "faithful.no_reply_claimed" in _blocking(text, "closing", rejected, today=today)


def test_a_check_in_asks_about_the_timeline_only_while_referring_to_the_one_given() -> None:
    asked = ACME.model_copy(update={"asked_next_steps": True})
    today = date(2026, 11, 17)
    ask = "Dear Dana,\n\nI hope you are well. {given}Could you let me know when you expect to reach a decision?\n\nKind regards,\nJordan Lee\n"
    assert "kind.answered_question" in _blocking(ask.format(given=""), "check_in", asked, today=today)
    for given in ("The team hoped to decide by 13 November. ", "You mentioned mid-November. "):
        assert "kind.answered_question" not in _blocking(ask.format(given=given), "check_in", asked, today=today)


def test_a_bare_weekday_for_an_interview_more_than_six_days_back_is_blocked() -> None:
    text = "Dear Dana,\n\nThank you for my interview on Tuesday about the Backend Engineer role. Is there any news?\n\nKind regards,\nJordan Lee\n"
    assert "faithful.stale_weekday" not in _blocking(text, "check_in", ACME, today=date(2026, 11, 6))
    assert "faithful.stale_weekday" in _blocking(text, "check_in", ACME, today=date(2026, 11, 12))
    dated = text.replace("on Tuesday", "on Tuesday 3 November")
    assert "faithful.stale_weekday" not in _blocking(dated, "check_in", ACME, today=date(2026, 11, 12))


def test_a_link_needs_a_reason_in_the_senders_own_words() -> None:
    bare = 'Hi Sam, I thought of you: "Feature flags at scale" (https://example.org/flags). Best, Jordan'
    article = {
        "kind": "article",
        "title": "Feature flags at scale",
        "url": "https://example.org/flags",
        "topic": "feature flags",
    }
    notes = type(ACME).model_validate({**ACME.model_dump(), "shareables": [article]})
    assert "kind.bare_link" in _blocking(bare, "linkedin_note", notes, channel="linkedin")
    reasoned = bare.replace("I thought of you:", "after our talk about rolling out the queue safely, you may like")
    assert "kind.bare_link" not in _blocking(reasoned, "linkedin_note", notes, channel="linkedin")


def test_help_with_work_nobody_discussed_is_an_invented_topic() -> None:
    text = ACME_CLEAN.format(middle="Thank you for your help in moving nightly batch jobs into streaming.")
    assert "faithful.topic" in _blocking(text, "thank_you", ACME, today=date(2026, 11, 4))
    fine = ACME_CLEAN.format(middle="Thank you for your help with arranging the interview.")
    assert "faithful.topic" not in _blocking(fine, "thank_you", ACME, today=date(2026, 11, 4))


def test_a_weekday_the_notes_write_in_the_plural_and_short_forms_in_a_subject_are_not_invented() -> None:
    """Round 18: "a course on Saturdays" (the notes: "cert course Saturdays from Dec 5") and
    "Subject: Intro - ..." were read as an invented day and an invented name."""
    notes = NORTHWIND.model_copy(update={"personal_updates": "starting a cert course Saturdays from Dec 5."})
    text = TRAVEL.replace(
        "I will be travelling from 7 to 11 December.", "I am starting a certification course on Saturdays."
    )
    found = evaluate_tone("Subject: Intro and an update\n\n" + text, kind="check_in", notes=notes).findings
    assert not {f.code for f in found} & {"faithful.date", "faithful.name"}, found
    invented = text.replace("on Saturdays", "on Sundays")
    assert "faithful.date" in _blocking(invented, "check_in", notes)


def test_what_another_interviewer_said_is_not_credited_to_the_reader() -> None:
    """Round 18: "I really appreciated you walking me through the heat pump numbers", to the HR
    coordinator, when the notes say "Gary says 40% of calls now". A subject line written into the
    body does not hide the greeting."""
    notes = NORTHWIND.model_copy(
        update={
            "topics": ["heat pump installs way up since the rebates, Tom says 40% of calls now", "the on-call rota"]
        }
    )
    to_priya = (
        "Subject: Thank you\n\nHi Priya,\n\nThank you for your time on Tuesday. I really appreciated you walking me "
        "through the heat pump numbers, and I am very interested in the Senior Data Analyst role at Northwind "
        "Analytics.\n\nBest regards,\nAlex Morgan\n"
    )
    assert "faithful.credit" in _blocking(to_priya, "thank_you", notes, today=date(2026, 11, 10))
    to_tom = to_priya.replace("Hi Priya", "Hi Tom")
    assert "faithful.credit" not in _blocking(to_tom, "thank_you", notes, today=date(2026, 11, 10))
    # a name in passing is not who said it: "(Tom sceptical)"
    aside = notes.model_copy(update={"topics": ["moving the heat pump numbers to a dashboard (Tom sceptical)"]})
    assert "faithful.credit" not in _blocking(to_priya, "thank_you", aside, today=date(2026, 11, 10))


def test_the_greeting_is_found_past_a_subject_line_written_into_the_body() -> None:
    from followup.tone.text import greeting_of

    found = greeting_of("Subject: Thank you\n\nHi Tanya,\n\nThanks.")
    assert found is not None
    assert found.group(1) == "Tanya"
    assert greeting_of("Thanks for today.\nHi Tanya") is None


def test_a_decision_promised_loosely_needs_a_date_in_the_notes() -> None:
    """Round 6 and 10: "You mentioned you'd be making a decision by the end of last week", when no date was given."""
    loose = TRAVEL.replace("by Wednesday 18 November", "by the end of last week")
    undated = NORTHWIND.model_copy(update={"promised_reply_date": None})
    assert "faithful.promised_date" in _blocking(loose, "check_in", undated, today=date(2026, 11, 26))
    assert "faithful.promised_date" not in _blocking(loose, "check_in", NORTHWIND, today=date(2026, 11, 26))


def test_the_interview_is_not_given_another_day() -> None:
    """Round 16: "on October 27 I interviewed" for an interview on the 20th; a day the notes
    name for another meeting (a second round) may be written."""
    day = date(2026, 11, 26)
    text = TRAVEL.replace("You mentioned", "Thank you again for meeting with me on 12 November. You mentioned")
    assert "faithful.interview_date" in _blocking(text, "check_in", NORTHWIND, today=day)
    right = text.replace("12 November", "10 November")
    assert "faithful.interview_date" not in _blocking(right, "check_in", NORTHWIND, today=day)
    second = NORTHWIND.model_copy(update={"topics": [*NORTHWIND.topics, "second round with Tom on 12 November"]})
    assert "faithful.interview_date" not in _blocking(text, "check_in", second, today=day)
    first_person = TRAVEL.replace("You mentioned", "On 12 November I interviewed for the role. You mentioned")
    assert "faithful.interview_date" in _blocking(first_person, "check_in", NORTHWIND, today=day)


def test_after_a_rejection_no_message_asks_whether_they_have_decided() -> None:
    """Round 8: a check-in that asks "whether the panel had reached a decision" after their no."""
    rejected = NORTHWIND.model_copy(update={"outcome": Outcome.rejected})
    text = TRAVEL.replace(
        "so I wanted to ask whether there is any news on the Senior Data Analyst role",
        "and I wondered whether the panel had reached a decision",
    )
    assert "faithful.news_after_rejection" in _blocking(text, "check_in", rejected, today=date(2026, 11, 26))
    assert "faithful.news_after_rejection" not in _blocking(text, "check_in", NORTHWIND, today=date(2026, 11, 26))


def test_not_heard_anything_since_counts_from_the_interview_when_the_sentence_says_so() -> None:
    """Round 17: "since my interview on 5 November and I have not heard anything since", after their reply."""
    replied = NORTHWIND.model_copy(update={"employer_replies": [EmployerReply(on=date(2026, 11, 19))]})
    text = TRAVEL.replace(
        "You mentioned the team hoped",
        "It has been two weeks since my interview and I have not heard anything since, so I am writing. You mentioned the team hoped",
    )
    assert "faithful.no_reply_claimed" in _blocking(text, "check_in", replied, today=date(2026, 11, 26))
    after = text.replace("since my interview and I", "since your note and I")
    assert "faithful.no_reply_claimed" not in _blocking(after, "check_in", replied, today=date(2026, 11, 26))


def test_a_day_still_to_come_on_the_drafts_own_day_is_not_past() -> None:
    """Round 13 and 14: a thank-you written on the interview day, "hearing from you by 1 May", judged
    with notes that later record a check-in of 12 May. The draft's own day decides what has passed."""
    later = NORTHWIND.model_copy(
        update={"history": [SentMessage(kind="check_in", sent_on=date(2026, 11, 30), to=["Tom Becker"])]}
    )
    text = TRAVEL.replace("I will be travelling from 7 to 11 December.", "I look forward to hearing by 18 November.")
    assert "faithful.past_as_coming" not in _blocking(text, "thank_you", later, today=date(2026, 11, 10))
    assert "faithful.past_as_coming" in _blocking(text, "thank_you", later, today=date(2026, 11, 20))


def test_feedback_the_notes_give_is_read_and_an_offer_of_more_is_not_feedback_given() -> None:
    """Round 19: "She said my phone role-play was the best of the day"; round 10: "... the strongest of
    the day and offered feedback if I want it", an offer to take up."""
    from followup.tone.facts import feedback_given

    assert feedback_given("She said my phone role-play was the best of the day and I should apply again.")
    assert not feedback_given("She said my budget task was the strongest of the day and offered feedback if I want it.")
    assert not feedback_given("Tom said my start date was fine.")


def test_round_19_false_alarms_and_faults() -> None:
    """A holiday and the day after the notes' trip are not invented; the wait "hard on us at home"
    is guilt; asking when the board will decide, when they said, is answered."""
    day = date(2026, 11, 12)
    away = NORTHWIND.model_copy(update={"personal_updates": "Out of town November 13 to 15."})
    fine = TRAVEL.replace(
        "I will be travelling from 7 to 11 December.",
        "I hope you had a good Veterans Day. I'm away November 13 to 15, so Monday the 16th onward suits any calls.",
    )
    found = {f.code for f in evaluate_tone(fine, kind="check_in", notes=away, today=day).findings}
    assert not found & {"faithful.name", "faithful.number", "faithful.date"}, found
    wrong_weekday = fine.replace("Monday the 16th", "Friday the 16th")
    assert "faithful.number" in _blocking(wrong_weekday, "check_in", away, today=day)
    guilt = TRAVEL.replace("In case it is helpful", "The wait has been hard on us at home. In case it is helpful")
    assert "pushy.guilt" in _blocking(guilt, "check_in", NORTHWIND, today=date(2026, 11, 26))
    asks = TRAVEL.replace(
        "so I wanted to ask whether there is any news on the Senior Data Analyst role",
        "and I wondered when the board will be making its decision",
    )
    assert "kind.answered_question" in _blocking(asks, "value_add", NORTHWIND, today=date(2026, 11, 16))


def test_another_rank_of_the_same_job_is_the_wrong_role() -> None:
    """Round 19: "the Social Media Manager position" for a Social Media Assistant."""
    text = TRAVEL.replace("the Senior Data Analyst role", "the Senior Data Manager role")
    assert "faithful.wrong_role" in _blocking(text, "check_in", NORTHWIND, today=date(2026, 11, 26))
    assert "faithful.wrong_role" not in _blocking(TRAVEL, "check_in", NORTHWIND, today=date(2026, 11, 26))


def test_a_question_then_no_need_to_reply_contradicts_itself_in_any_kind() -> None:
    """Round 16 and 17: "Would you like me to connect you? No need to reply." in a value-add or a LinkedIn note."""
    asks = (
        "Dear Tom,\n\nThinking back to our conversation about the reporting backlog, I thought of Dana Reyes, "
        "who cleared one like it at her last company. Would you like me to connect you? No need to reply if not.\n\n"
        "Best regards,\nAlex Morgan\n"
    )
    assert "kind.asks_then_waives" in _blocking(asks, "value_add", NORTHWIND, today=date(2026, 11, 16))
    tells = asks.replace("Would you like me to connect you? ", "I would be glad to connect you. ")
    assert "kind.asks_then_waives" not in _blocking(tells, "value_add", NORTHWIND, today=date(2026, 11, 16))


def test_round_20_faults_and_one_false_alarm() -> None:
    """Round 20: "looking forward to hearing how things land" is no topic; "you explaining why you'd
    like ..." credits the reader; "get a response out of HR" reproaches; "my manager and I don't get
    along" runs down an employer; "when you're hoping to make a decision" asks what the notes answer."""
    day = date(2026, 11, 26)
    lands = TRAVEL.replace("In case it is helpful", "I look forward to hearing how things land. In case it is helpful")
    assert "faithful.topic" not in _blocking(lands, "check_in", NORTHWIND, today=day)
    invented = lands.replace("how things land", "how the forklift fleet is serviced")
    assert "faithful.topic" in _blocking(invented, "check_in", NORTHWIND, today=day)
    for sentence, code in (
        ("Since I haven't been able to get a response out of HR, I am writing to you.", "irritated.reproach"),
        ("My manager and I don't get along, so I am keen to move.", "professional.badmouthing"),
    ):
        text = TRAVEL.replace("In case it is helpful", f"{sentence} In case it is helpful")
        assert code in _blocking(text, "check_in", NORTHWIND, today=day), sentence
    asks = TRAVEL.replace(
        "so I wanted to ask whether there is any news on the Senior Data Analyst role",
        "and I wondered when you're hoping to make a decision",
    )
    assert "kind.answered_question" in _blocking(asks, "value_add", NORTHWIND, today=date(2026, 11, 16))


def test_round_21_false_alarms_and_an_invented_rival() -> None:
    """A reply accepting the offer the outcome records, "it wasn't an easy call" in a withdrawal,
    and "Queensland" for the notes' "QLD" pass; "interest from two other companies" nobody
    recorded is an invented claim."""
    offer = NORTHWIND.model_copy(update={"outcome": Outcome.offer})
    accept = (
        "Dear Tom,\n\nThank you for your email and for the offer of the Senior Data Analyst role at Northwind "
        "Analytics. I am pleased to accept it, and I look forward to working with you and the team.\n\n"
        "Yours sincerely,\nAlex Morgan\n"
    )
    assert "kind.closing_does_not_close" not in _blocking(accept, "closing", offer, today=date(2026, 11, 26))
    withdrawn = NORTHWIND.model_copy(update={"outcome": Outcome.withdrawn})
    easy = accept.replace("I am pleased to accept it", "I have accepted another offer; it wasn't an easy call")
    assert "irritated.negative_tone" not in _blocking(easy, "closing", withdrawn, today=date(2026, 11, 26))
    qld = NORTHWIND.model_copy(update={"topics": [*NORTHWIND.topics, "the QLD regional campaign"]})
    text = TRAVEL.replace(
        "In case it is helpful", "I hope the Queensland campaign is going well. In case it is helpful"
    )
    assert "faithful.name" not in _blocking(text, "check_in", qld, today=date(2026, 11, 26))
    rivals = TRAVEL.replace(
        "In case it is helpful", "I've also had interest from two other companies. In case it is helpful"
    )
    assert "faithful.claim" in _blocking(
        rivals, "check_in", NORTHWIND.model_copy(update={"personal_updates": ""}), today=date(2026, 11, 26)
    )


def test_round_22_future_roles_while_pending_and_the_wrong_employer() -> None:
    """Asking after "future roles" while this one is open reads as given up, in a LinkedIn note or
    an escalation too, unless the note bows out or keeps in touch; the candidate's own last
    employer named as the one the role is at is the wrong company, a site of the employer is not."""
    day = date(2026, 11, 26)
    note = (
        "Hi Priya, thank you for our conversation about the revenue dashboard. "
        "If a suitable position comes up, I'd be glad to hear from you. Alex"
    )
    assert "kind.future_roles_too_soon" in _blocking(note, "linkedin_note", NORTHWIND, day, "linkedin")
    keeps = note.replace("I'd be glad to hear from you", "I'd be glad to stay in touch")
    assert "kind.future_roles_too_soon" not in _blocking(keeps, "linkedin_note", NORTHWIND, day, "linkedin")
    mine = NORTHWIND.model_copy(
        update={"topics": [*NORTHWIND.topics, "my four years at Harbour Lane Insurance building their KPI pack"]}
    )
    wrong = TRAVEL.replace("joining Northwind Analytics", "joining Harbour Lane Insurance")
    assert "faithful.employer" in _blocking(wrong, "check_in", mine, today=day)
    assert "faithful.employer" not in _blocking(TRAVEL, "check_in", mine, today=day)
    site = mine.model_copy(update={"role": "Senior Data Analyst, Harbour Lane office"})
    office = TRAVEL.replace("joining Northwind Analytics", "joining the team at Harbour Lane")
    assert "faithful.employer" not in _blocking(office, "check_in", site, today=day)
    assert "faithful.employer" in _blocking(office, "check_in", mine, today=day)


def test_a_start_sooner_than_the_notes_allow() -> None:
    """Round 10, 19 and 20: "available to start right away" with two weeks' notice to give, or
    with a start date a month off; "within four weeks" with three months' notice (two at best)."""
    day = date(2026, 11, 26)
    sooner = TRAVEL.replace("In case it is helpful", "I could start right away. In case it is helpful")
    notice = NORTHWIND.model_copy(update={"personal_updates": "Two weeks' notice at my current job."})
    assert "faithful.availability" in _blocking(sooner, "check_in", notice, today=day)
    assert "faithful.availability" not in _blocking(sooner, "check_in", NORTHWIND, today=day)
    later = NORTHWIND.model_copy(update={"personal_updates": "I can start on 4 January."})
    assert "faithful.availability" in _blocking(sooner, "check_in", later, today=day)
    from_then = sooner.replace("I could start right away", "I could start any time from 4 January")
    assert "faithful.availability" not in _blocking(from_then, "check_in", later, today=day)
    long = NORTHWIND.model_copy(update={"personal_updates": "notice = 3 months, might get them down to 2"})
    within = sooner.replace("I could start right away", "I could start within four weeks")
    assert "faithful.availability" in _blocking(within, "check_in", long, today=day)
    bought = NORTHWIND.model_copy(update={"personal_updates": "60 days notice, can be bought out"})
    assert "faithful.availability" not in _blocking(within, "check_in", bought, today=day)


def test_a_thank_you_or_a_linkedin_note_that_asks_for_news_too_soon() -> None:
    """Round 22: a LinkedIn note on 19 March asking "is there any news?" about a decision due
    25 March; a thank-you the day after the interview asking where things stand."""
    note = (
        "Hi Tom, I hope you are well. I understood a decision was due by Wednesday 18 November; "
        "is there any news on the Senior Data Analyst role? Thank you, Alex"
    )
    assert "kind.too_early" in _blocking(note, "linkedin_note", NORTHWIND, date(2026, 11, 16), "linkedin")
    assert "kind.too_early" not in _blocking(note, "linkedin_note", NORTHWIND, date(2026, 11, 20), "linkedin")
    thanks = (
        "Dear Priya,\n\nThank you for meeting me yesterday about the Senior Data Analyst role. I enjoyed our "
        "conversation about the revenue dashboard. Could you let me know where things stand?\n\nBest regards,\nAlex Morgan\n"
    )
    assert "kind.too_early" in _blocking(thanks, "thank_you", NORTHWIND, date(2026, 11, 11))
    plain = thanks.replace("Could you let me know where things stand?", "I look forward to hearing from you.")
    assert "kind.too_early" not in _blocking(plain, "thank_you", NORTHWIND, date(2026, 11, 11))


def test_round_22_faults_and_false_alarms() -> None:
    """Round 22: another job of the same rank, a wait written as months, an offer made for a
    contact; "you said I should hear by" and a late thank-you's "I never properly thanked you"
    are not blame or complaint."""
    day = date(2026, 11, 26)
    rank = TRAVEL.replace("the Senior Data Analyst role", "the Marketing Analyst role")
    assert "faithful.wrong_role" in _blocking(rank, "check_in", NORTHWIND, today=day)
    months = TRAVEL.replace(
        "In case it is helpful", "A few months have passed since my interview. In case it is helpful"
    )
    assert "faithful.elapsed" in _blocking(months, "check_in", NORTHWIND, today=day)
    assert "faithful.elapsed" not in _blocking(months, "check_in", NORTHWIND, today=date(2027, 2, 10))
    offer = TRAVEL.replace(
        "In case it is helpful", "Dana has offered to come in and run a session free of charge. In case it is helpful"
    )
    assert "faithful.claim" in _blocking(offer, "check_in", NORTHWIND, today=day)
    recalls = TRAVEL.replace(
        "You mentioned the team hoped to reach a decision by Wednesday 18 November",
        "You said I should hear by Wednesday 18 November",
    )
    assert "irritated.blame" not in _blocking(recalls, "check_in", NORTHWIND, today=day)
    late = TRAVEL.replace(
        "In case it is helpful",
        "I realise I never properly thanked you for the interview, sorry for the delay! In case it is helpful",
    )
    assert "irritated.negative_tone" not in _blocking(late, "check_in", NORTHWIND, today=day)


def test_round_23_faults_and_a_false_alarm() -> None:
    """Round 23: a paragraph that stops on "happy to"; writing as if the job were yours; thanking
    a senior contact for a meeting they were not at; the agency named as the employer; a
    surname without its particle. A clean phrase after a jotted clause is no paste."""
    day = date(2026, 11, 26)
    cut = TRAVEL.replace(
        "In case it is helpful for your planning, I will be travelling from 7 to 11 December.",
        "If it would help, I'd be happy to",
    )
    assert "professional.cut_off" in _blocking(cut, "check_in", NORTHWIND, today=day)
    subject = "Subject: someone you might want to talk to\n\n" + TRAVEL
    assert "professional.cut_off" not in _blocking(subject, "check_in", NORTHWIND, today=day)
    mine = TRAVEL.replace(
        "In case it is helpful",
        "Now that I'm moving into the Senior Data Analyst role, I'm reading up. In case it is helpful",
    )
    assert "faithful.has_the_job" in _blocking(mine, "check_in", NORTHWIND, today=day)
    to_maria = TRAVEL.replace("Dear Tom,", "Dear Maria,").replace(
        "You mentioned the team hoped", "Thank you for meeting me on 10 November. The team hoped"
    )
    assert "faithful.not_met" in _blocking(to_maria, "escalation", NORTHWIND, today=day)
    assert "faithful.not_met" not in _blocking(
        TRAVEL.replace("Dear Tom,", "Dear Maria,"), "escalation", NORTHWIND, today=day
    )
    agency = NORTHWIND.model_copy(
        update={
            "interviewers": [
                NORTHWIND.interviewers[0],
                NORTHWIND.interviewers[1].model_copy(update={"title": "Consultant, Brightwork Staffing"}),
            ]
        }
    )
    joins = TRAVEL.replace("joining Northwind Analytics", "joining Brightwork Staffing")
    assert "faithful.employer" in _blocking(joins, "check_in", agency, today=day)
    particle = NORTHWIND.model_copy(
        update={"senior_contact": NORTHWIND.senior_contact.model_copy(update={"name": "Maria de la Cruz"})}
    )
    assert "faithful.name" in _blocking(
        TRAVEL.replace("Dear Tom,", "Dear Maria Cruz,"), "escalation", particle, today=day
    )
    assert "faithful.name" not in _blocking(
        TRAVEL.replace("Dear Tom,", "Dear Maria de la Cruz,"), "escalation", particle, today=day
    )


def test_round_24_faults_and_a_false_alarm() -> None:
    """Round 24: a sentence stopping at "I should be"; "I know you have been following up";
    "I appreciate the time you took" to a senior contact never met; money troubles and rows at
    home; a thank-you note spoken of that was never sent. "Fri 27 Nov" is no invented name."""
    day = date(2026, 11, 26)
    ends = TRAVEL.replace(
        "In case it is helpful for your planning, I will be travelling from 7 to 11 December.",
        "So by the time I could start I should be",
    )
    assert "professional.cut_off" in _blocking(ends, "check_in", NORTHWIND, today=day)
    chasing = TRAVEL.replace(
        "In case it is helpful", "I know you have been following up on my interview. In case it is helpful"
    )
    assert "professional.non_sequitur" in _blocking(chasing, "check_in", NORTHWIND, today=day)
    took = TRAVEL.replace("Dear Tom,", "Dear Maria,").replace(
        "In case it is helpful", "I appreciate the time you took. In case it is helpful"
    )
    assert "faithful.not_met" in _blocking(took, "escalation", NORTHWIND, today=day)
    money = TRAVEL.replace(
        "In case it is helpful", "Money's been tight and we've had a few rows about it. In case it is helpful"
    )
    assert "professional.overshare" in _blocking(money, "check_in", NORTHWIND, today=day)
    mentioned = TRAVEL.replace(
        "In case it is helpful", "As I mentioned in my thank-you note, I am keen. In case it is helpful"
    )
    unsent = NORTHWIND.model_copy(update={"history": []})
    assert "faithful.history" in _blocking(mentioned, "check_in", unsent, today=day)
    assert "faithful.history" not in _blocking(mentioned, "check_in", NORTHWIND, today=day)
    fri = TRAVEL.replace("In case it is helpful", "I have another offer to answer by Fri 4 Dec. In case it is helpful")
    assert "faithful.name" not in _blocking(fri, "check_in", NORTHWIND, today=day)
