"""What sendability rounds 6 to 10 taught the gate and the templates."""

from __future__ import annotations

from datetime import date

from followup.drafting.templates import short_company
from followup.tone import evaluate_tone
from tests.builders import make_notes

SIGN = "\n\nKind regards,\nAlex Morgan\n"


def _codes(text: str, kind: str, **notes: object) -> set[str]:
    report = evaluate_tone(text, kind=kind, notes=make_notes(**notes), today=date(2026, 11, 20))
    return {f.code for f in report.blocking}


def test_a_closing_that_thanks_them_for_telling_you_closes() -> None:
    text = (
        "Hi Dana,\n\nThanks for calling me on Friday to let me know about the Backend Engineer role. I appreciate "
        f"you taking the time to tell me yourself.{SIGN}"
    )
    assert "kind.closing_does_not_close" not in _codes(text, "closing", outcome="rejected")


def test_the_candidates_name_in_a_subject_line_is_not_the_third_person() -> None:
    text = f"Subject: Backend Engineer application - Alex Morgan\n\nDear Sam,\n\nIs there any news on the role?{SIGN}"
    assert "faithful.voice" not in _codes(text, "check_in")
    assert "faithful.voice" in _codes(
        text.replace("Is there", "I hope Alex Morgan is still in the running. Is there"), "check_in"
    )


def test_an_email_check_in_may_copy_someone_from_the_interview() -> None:
    text = f"Dear Sam,\n\nIs there any news on the Backend Engineer role? I've copied Dana in as well.{SIGN}"
    assert "faithful.cc" not in _codes(text, "check_in")
    assert "faithful.cc" in _codes(text.replace("Dana", "my friend Chris"), "check_in")
    assert "faithful.cc" in _codes(text, "thank_you")


def test_a_step_described_is_not_a_conversation_claimed() -> None:
    text = (
        "Dear Dana,\n\nThe article's point about reading the error log before talking about rollbacks matched "
        f"our conversation about migrating the job queue to Postgres. No need to reply.{SIGN}"
    )
    assert "faithful.topic" not in _codes(text, "value_add")


def test_an_indian_private_limited_company() -> None:
    assert short_company("Kabini Retail Analytics Pvt Ltd") == "Kabini Retail Analytics"


# --- round 7 ---------------------------------------------------------------------------------


def test_a_greeting_in_maori_is_not_negative() -> None:
    text = f"Kia ora Dana,\n\nThank you for meeting me on Monday about the Backend Engineer role.{SIGN}"
    assert "irritated.negative_tone" not in _codes(text, "thank_you")


def test_their_own_account_of_a_problem_is_not_the_writers_tone() -> None:
    text = (
        "Dear Dana,\n\nIn the interview you described the trouble with job-queue retries that fail for hours. "
        f"I thought of a colleague who fixed that.{SIGN}"
    )
    assert "irritated.negative_tone" not in _codes(text, "thank_you")


def test_disappointment_at_a_no_owned_gracefully_in_a_closing() -> None:
    text = (
        "Dear Dana,\n\nThanks for letting me know about the Backend Engineer role. Disappointing, of course, but "
        f"I appreciated the time you gave me, and I wish the team all the best.{SIGN}"
    )
    assert "irritated.complaint" not in _codes(text, "closing", outcome="rejected")
    assert "irritated.complaint" in _codes(text.replace("of course, but", "and"), "closing", outcome="rejected")


# --- round 8 ---------------------------------------------------------------------------------


def test_a_closings_own_assumption_is_not_negative() -> None:
    text = (
        "Dear Dana,\n\nI haven't heard back, and I'm assuming the search has moved in another direction, so I'll "
        f"stop following up. I wish you and the team all the best.{SIGN}"
    )
    assert "irritated.negative_tone" not in _codes(text, "closing")


def test_their_plan_to_let_candidates_know_is_no_claim_about_rivals() -> None:
    text = f"Dear Dana,\n\nYou mentioned the panel hoped to let candidates know by 6 November; is there any news?{SIGN}"
    assert "faithful.claim" not in _codes(text, "check_in")
    assert "faithful.claim" in _codes(text.replace("let candidates know", "choose between the candidates"), "check_in")


def test_a_topic_written_as_a_question_is_cut_to_its_subject() -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic("the vacancy tax proposal: would it bring empty homes back into use?") == (
        "the vacancy tax proposal"
    )
    assert usable_topic("the 07:30 bedside handover") == "the 07:30 bedside handover"


def test_the_candidates_name_is_matched_as_whole_words() -> None:
    """A candidate called "R C", or "Our Conversation", is not spoken of in "our conversation"
    (the template property test found both)."""
    notes = make_notes(candidate_name="R C")
    text = "Hi Dana, thank you for our conversation about the role. I would be glad to stay connected. Best, R C"
    report = evaluate_tone(text, kind="linkedin_note", channel="linkedin", notes=notes, today=date(2026, 11, 3))
    assert "faithful.voice" not in {f.code for f in report.blocking}
    spoken_of = text.replace("I would be glad", "R C would be glad")
    report = evaluate_tone(spoken_of, kind="linkedin_note", channel="linkedin", notes=notes, today=date(2026, 11, 3))
    assert "faithful.voice" in {f.code for f in report.blocking}
    lower_case = make_notes(candidate_name="Our Conversation")
    text = text.replace("R C", "Our Conversation")
    report = evaluate_tone(text, kind="linkedin_note", channel="linkedin", notes=lower_case, today=date(2026, 11, 3))
    assert "faithful.voice" not in {f.code for f in report.blocking}


def test_a_chatbots_wrapper_around_the_message_is_blocked() -> None:
    body = "Dear Sam,\n\nThank you for letting me know your decision on the Backend Engineer role." + SIGN
    assert _codes(body, "closing", outcome="rejected") == set()
    wrapped = "Sure! Here is a gracious closing note that keeps the door open:\n\n" + body
    assert "professional.before_greeting" in _codes(wrapped, "closing", outcome="rejected")
    assert "professional.leak" in _codes(
        body + "\nLet me know if you'd like a shorter version.", "closing", outcome="rejected"
    )
    # a subject line above the greeting is where it belongs
    assert _codes("Subject: Thank you\n\n" + body, "closing", outcome="rejected") == set()


def test_the_candidates_own_days_are_theirs_to_give() -> None:
    """Round 9: "I'm free tomorrow, Thursday 2 April; otherwise any time from Monday 13 April"."""
    text = (
        "Dear Sam,\n\nI wanted to ask whether there is any news on the Backend Engineer role. If it helps to talk, "
        "I'm free tomorrow, Thursday 2 April; otherwise any time from Monday 13 April." + SIGN
    )
    assert "faithful.date" not in _codes(text, "check_in")
    # a date said to be theirs is still checked
    assert "faithful.date" in _codes(
        text.replace("If it helps to talk, I'm free", "You said the panel meets"), "check_in"
    )


def test_pasted_notes_and_doubled_words_are_blocked() -> None:
    jotted = "trade test passed June, did my apprenticeship with a mining contractor"
    text = f"Dear Sam,\n\nThank you for our conversation about {jotted}; I enjoyed it." + SIGN
    assert "professional.notes_pasted" in _codes(text, "thank_you", topics=[jotted])
    assert "professional.notes_pasted" in _codes(
        text.replace(jotted, "ran supply + motor pool for a company"), "thank_you"
    )
    assert "professional.doubled_word" in _codes(text.replace("I enjoyed", "I I enjoyed"), "thank_you")
    assert "professional.doubled_word" not in _codes(text.replace("I enjoyed it", "my check-in in March"), "thank_you")


def test_a_check_in_before_their_date_is_too_early() -> None:
    text = "Dear Sam,\n\nI wanted to ask whether there is any news on the Backend Engineer role." + SIGN
    notes = {"promised_reply_date": date(2026, 11, 25)}
    assert "kind.too_early" in _codes(text, "check_in", **notes)  # _codes checks on 20 November
    assert "kind.too_early" not in _codes(
        text.replace("role.", "role, as I have another offer with a deadline of 23 November."), "check_in", **notes
    )


def test_arguing_with_a_rejection_is_blocked() -> None:
    text = "Dear Sam,\n\nThank you for letting me know. Would you consider revisiting the decision?" + SIGN
    assert "kind.argues_after_rejection" in _codes(text, "closing", outcome="rejected")


def test_notes_pasted_in_as_symbols_or_cut_sentences_are_blocked() -> None:
    def pasted(sentence: str) -> bool:
        return "professional.notes_pasted" in _codes(f"Dear Sam,\n\n{sentence}" + SIGN, "check_in")

    assert pasted("Our conversation about aseptic technique, passaging. my BBL placement was a lab has stayed with me.")
    assert pasted("I enjoyed our talk about ran supply + motor pool for a company.")
    assert pasted("I liked the take-home = Tableau dashboard on booking cancellations.")
    assert pasted("I know they go from ~18k units a day.")
    assert not pasted("I enjoyed our conversation about C++ and A+ certification.")
    assert not pasted("It was a pleasure, e.g. the part about audits. Thank you.")
    assert not pasted("I'm free at 9 a.m. tomorrow.")
    assert not pasted("I read it twice. Thanks again for sending it.")


def test_round_10_false_alarms_stay_mended() -> None:
    headers = (
        "Subject: Backend Engineer - an update\nCc: Dana Lee\n\nDear Sam,\n\nIs there any news on the role?" + SIGN
    )
    assert "professional.before_greeting" not in _codes(headers, "check_in")
    block = "Dear Sam,\n\nI enjoyed talking through the pour sequence on Block C. Is there any news on the role?" + SIGN
    assert "faithful.name" not in _codes(block, "check_in")
    assert "faithful.name" in _codes(block.replace("Block C", "Blockley"), "check_in")
    tuesday = "Dear Sam,\n\nThank you for today. The Tuesday sessions appeal to me in particular." + SIGN
    assert "faithful.date" not in _codes(tuesday, "thank_you", topics=["ortho sessions Tues pm"])
    assert "faithful.date" in _codes(tuesday, "thank_you")
    closing = (
        "Dear Sam,\n\nThank you for phoning me on Monday. Please pass on my congratulations to your new "
        "engineer." + SIGN
    )
    assert "kind.closing_does_not_close" not in _codes(closing, "closing", outcome="rejected")


def test_demanding_reasons_for_a_rejection_is_blocked() -> None:
    text = "Dear Sam,\n\nI think it's only fair to ask why I wasn't selected." + SIGN
    assert "kind.argues_after_rejection" in _codes(text, "closing", outcome="rejected")


def test_round_11_false_alarms_and_faults() -> None:
    acronyms = "Dear Sam,\n\nIs there any news on the role? I have cleared our DPIAs backlog since we spoke." + SIGN
    assert "faithful.name" not in _codes(acronyms, "check_in")
    bowing_out = (
        "Dear Sam,\n\nI have not heard back about the Backend Engineer role since our meeting, so I understand "
        "you have either decided or been too busy, and I will not trouble you further. If anything changes, I would be glad "
        "to hear from you." + SIGN
    )
    assert _codes(bowing_out, "closing") == set()
    ultimatum = "Dear Sam,\n\nIf I have not heard from you by Friday, I will commit elsewhere." + SIGN
    assert "pushy.deadline" in _codes(ultimatum, "check_in")


def test_round_12_false_alarms_and_faults() -> None:
    labs = "Dear Sam,\n\nThank you for today. Running practicals across four labs at once is work I enjoy." + SIGN
    assert "pushy.asap" not in _codes(labs, "thank_you")
    attached = "Dear Sam,\n\nIs there any news on the Backend Engineer role? I've attached the certificate." + SIGN
    assert "faithful.attachment" in _codes(attached, "check_in")
    assert "faithful.attachment" not in _codes(attached, "check_in", topics=["certificate - he wants a copy"])
    start = "Dear Sam,\n\nThank you for today. I could start from 20 April." + SIGN
    assert "faithful.intent" in _codes(start, "thank_you")
    assert "faithful.intent" not in _codes(start, "thank_you", personal_updates="Free from 20 April.")
    capital = "Dear Sam,\n\nThank you for our conversation about Preparing practical kits today." + SIGN
    assert "professional.notes_pasted" in _codes(capital, "thank_you")
    assert "professional.notes_pasted" not in _codes(capital.replace("Preparing", "preparing"), "thank_you")
    hotel = "Dear Sam,\n\nIs there any news on the role? I would love to join Hôtel Les Terrasses du Lac." + SIGN
    assert "professional.foreign_phrase" not in _codes(hotel, "check_in", company="Hôtel Les Terrasses du Lac")


def test_a_place_ending_in_ing_is_no_line_of_notes() -> None:
    text = "Dear Sam,\n\nThank you for our conversation about Beijing operations today." + SIGN
    assert "professional.notes_pasted" not in _codes(text, "thank_you", topics=["Beijing operations"])


def test_round_13_false_alarms_stay_mended() -> None:
    rush = "Dear Sam,\n\nI came across an article on the migration. You're away, so no rush at all on this one." + SIGN
    assert "irritated.negative_tone" not in _codes(rush, "value_add")
    objet = "Objet : Backend Engineer\n\nBonjour Sam,\n\nIs there any news on the Backend Engineer role?" + SIGN
    assert "faithful.name" not in _codes(objet, "check_in")
    reported = "Dear Sam,\n\nDana let me know that reference checks would take until the 8th. Is there any news?" + SIGN
    assert "pushy.deadline" not in _codes(reported, "check_in")
    work = "Dear Sam,\n\nI enjoyed hearing about answering reviews within 24 hours. Is there any news?" + SIGN
    assert "pushy.deadline" not in _codes(work, "check_in")
    assert "pushy.deadline" in _codes(work.replace("hearing about answering reviews", "a reply"), "check_in")


def test_a_topic_quoted_with_a_capital_from_the_notes_blocks_round_14() -> None:
    """Round 13: "our conversation about Changeover from paper pick lists" (the notes' capital)."""
    topic = "Changeover from paper pick lists to handheld scanners"
    pasted = f"Hi Dana,\n\nI enjoyed our conversation about {topic}.{SIGN}"
    assert "professional.notes_pasted" in _codes(pasted, "thank_you", topics=[topic])
    fine = pasted.replace("about C", "about c")
    assert "professional.notes_pasted" not in _codes(fine, "thank_you", topics=[topic])
    product = "Power BI dashboards for store sales"
    named = f"Hi Dana,\n\nI enjoyed our conversation about {product}.{SIGN}"
    assert "professional.notes_pasted" not in _codes(named, "thank_you", topics=[product])


def test_a_topic_quoted_in_the_notes_own_language_blocks_round_14() -> None:
    topic = "LIMS maar ze houden ook nog Excel bij ernaast"
    text = f"Hi Dana,\n\nI enjoyed our conversation about {topic}.{SIGN}"
    report = evaluate_tone(text, kind="thank_you", notes=make_notes(topics=[topic]), today=date(2026, 11, 20))
    [pasted] = [f for f in report.blocking if f.code == "professional.notes_pasted"]
    assert "another language" in pasted.message


def test_notes_pasted_in_another_language_anywhere_block_round_14() -> None:
    topic = "WMS + skanery -> bledy w kompletacji na nocce"
    text = f"Hi Dana,\n\nI found this article on errors w kompletacji na nocnej zmianie and thought of you.{SIGN}"
    assert "professional.notes_pasted" in _codes(text, "value_add", topics=[topic])
    # A term of theirs among English words, and the role's own name, are not notes pasted.
    dish = "prova prática - risoto de milho verde + pescada amarela"
    term = f"Hi Dana,\n\nThank you for tasting my milho verde risotto and for the kind words.{SIGN}"
    assert "professional.notes_pasted" not in _codes(term, "thank_you", topics=[dish])
    role = f"Hi Dana,\n\nThank you for meeting me about the chef de partie pâtisserie role.{SIGN}"
    assert "professional.notes_pasted" not in _codes(role, "thank_you", role="Chef de partie pâtisserie")


def test_round_14_hand_written_faults_block() -> None:
    placeholder = f"Hi Dana,\n\nDuring the tasting I prepared [mention a specific dish from the practical test].{SIGN}"
    assert "professional.placeholder" in _codes(placeholder, "check_in")
    despair = f"Hi Dana,\n\nThank you for letting me know. To be honest, this one hurts.{SIGN}"
    assert "desperate.begging" in _codes(despair, "closing", outcome="rejected")
    assert "desperate.begging" not in _codes(
        despair.replace("this one hurts", "it hurts morale when rotas change late"), "closing", outcome="rejected"
    )


def test_turkish_and_kitchen_forms_of_address_are_not_invented_names() -> None:
    text = (
        "Dear Serkan Bey,\n\nThank you for letting me know your decision about the Backend Engineer role, and for "
        "your time. I enjoyed the kitchen trial with Chef Serkan.\n\nSayg\u0131lar\u0131mla,\nAlex Morgan\n"
    )
    assert "faithful.name" not in _codes(
        text, "closing", outcome="rejected", interviewers=[{"name": "Serkan Yaz\u0131c\u0131", "title": "Head Chef"}]
    )
