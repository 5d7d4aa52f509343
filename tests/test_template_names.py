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
        assert "Following the update of 9 November" in draft.body
        assert "When we spoke" not in draft.body
        assert draft.tone.passed


# --- round 10: how a greeting names someone, a contact described, news in the candidate's voice ------


def test_a_japanese_name_takes_san_and_a_western_one_does_not() -> None:
    ishikawa = {"name": "Ishikawa Daisuke", "title": "Design Manager", "role": "hiring_manager"}
    emily = {"name": "Emily Hart", "title": "Recruiter", "role": "recruiter"}
    notes = make_notes(interviewers=[emily, ishikawa], country="JP")
    bodies = [d.body for d in advise(notes, today=date(2026, 11, 2), backend="template").drafts]
    assert any(b.startswith(("Dear Ishikawa-san,", "Hello Ishikawa-san,", "Hi Ishikawa-san,")) for b in bodies)
    assert not any("Emily-san" in b for b in bodies)


def test_a_senior_person_never_met_is_greeted_by_full_name_where_that_is_the_custom() -> None:
    senior = {"name": "Ifeyinwa Nwosu", "title": "Managing Director"}
    history = [sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz"), sent("check_in", "2026-11-12", "Dana Lee")]
    for country, greeting in (("NG", "Dear Ifeyinwa Nwosu,"), ("US", "Dear Ifeyinwa,")):
        notes = make_notes(country=country, promised_reply_date="2026-11-10", history=history, senior_contact=senior)
        [draft] = advise(notes, today=date(2026, 11, 24), backend="template").drafts
        assert draft.kind == "escalation"
        assert draft.body.startswith(greeting)


@pytest.mark.parametrize(
    ("why", "introduced"),
    [
        ("Certified vet tech I trained with", "Jess Romero, a certified vet tech I trained with"),
        ("ran the preceptor programme at my last hospital", "Jess Romero, who ran the preceptor programme"),
        ("automated reconciliations for a building society", "Jess Romero, who automated reconciliations"),
        ("retired SFC, ran a transportation section", "Jess Romero, a retired SFC"),
        ("she coordinates the device lending", "Jess Romero, who coordinates the device lending"),
        ("Head of Nursing at St Mary's", "Jess Romero, Head of Nursing at St Mary's"),
        (
            "sales rep for a butter dairy; O.F. complained about his supplier",
            "Jess Romero, a sales rep for a butter dairy",
        ),
    ],
)
def test_a_contact_is_described_as_a_sentence_holds_it(why: str, introduced: str) -> None:
    from followup.drafting.templates import _introduce
    from followup.models import Contact

    introduced_to = _introduce(Contact(name="Jess Romero", why=why), "Olivier", "Olivier Fabre")
    assert introduced_to.startswith(introduced)
    assert "O.F." not in introduced_to  # the note turns to the reader by initials: cut there


def test_terse_news_is_written_in_the_candidates_voice() -> None:
    from followup.drafting.updates import prepare

    assert prepare("Away 22-29 May (Majorca)", date(2026, 5, 12), "GB").sentences == (
        "I will be away from 22 to 29 May.",
    )


def test_topics_jotted_with_symbols_or_counts_are_not_quoted() -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic("shuttle system + 2 sorters") is None
    assert usable_topic("high density block 12 acres, M9 rootstock") is None
    assert usable_topic("closing 90% of small claims within 10 business days") is not None
    assert usable_topic("running playtests with 200 players a week") is not None


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        # Something the candidate did is not a conversation (round 14: "my conversation with the team
        # about the road test on the 33 seater has stayed with me").
        ("road test on the 33 seater, Mombasa Rd jam + Athi River stage, H.W. happy with my reversing", None),
        ("the site tour of the new plant", None),
        ("site visit reports and snagging", "site visit reports and snagging"),
        ("a paid trial shift on the line", "a paid trial shift on the line"),
        # Codes and letters are not a subject.
        ("NTSA PSV badge + DL class D (renewed Aug)", None),
        (
            "PlayStation TRC and Xbox XR certification checklists",
            "PlayStation TRC and Xbox XR certification checklists",
        ),
        # Two words cut from notes must still name a subject.
        ("cashless fare, disputes w passengers when M-Pesa delays", None),
        ("start 4h30, 1 weekend on 2 off, ~2100 net + overtime paid", None),
        ("The job: $14M medical office building, 3 stories, steel frame", None),
        ("nurse clinics (weight, post-op checks) - conor wants to build them up", "nurse clinics"),
        ("anaesthetic monitoring - they're short on nurses confident w/ capnography", "anaesthetic monitoring"),
        ("subcontractor scheduling", "subcontractor scheduling"),
    ],
)
def test_what_a_topic_cut_from_notes_may_quote(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


def test_a_closing_thanks_a_recruiter_for_help_and_anyone_else_for_their_time() -> None:
    owner = {"name": "Harish Negi", "title": "Owner", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[owner],
        promised_reply_date="2026-11-06",
        history=[sent("thank_you", "2026-11-02", "Harish Negi"), sent("check_in", "2026-11-10", "Harish Negi")],
    )
    drafts = advise(notes, today=date(2026, 12, 14), backend="template").drafts
    assert [d.kind for d in drafts] == ["closing"]
    assert "help during the process" not in drafts[0].body
    assert "meeting you" in drafts[0].body or "our conversation about" in drafts[0].body


def test_a_topic_written_with_a_capital_reads_mid_sentence() -> None:
    from followup.drafting.context import quotable_topics

    notes = make_notes(topics=["Preparing practical kits for the required practicals", "Jira workflows for QA"])
    assert quotable_topics(notes)[0] == (
        "preparing practical kits for the required practicals",
        "Jira workflows for QA",
    )


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        (
            "Changeover from paper pick lists to handheld scanners",
            "the changeover from paper pick lists to handheld scanners",
        ),
        ("Absenteeism among warehouse staff", "absenteeism among warehouse staff"),
        ("Online reviews and the booking system", "online reviews and the booking system"),
        ("Christmas trade in the garden centre", "Christmas trade in the garden centre"),  # a name
        ("Power BI dashboards for store sales", "Power BI dashboards for store sales"),  # a product
        ("Wriggle and Rhyme sessions for toddlers", "Wriggle and Rhyme sessions for toddlers"),  # a title
        ("March stocktake at the depot", "March stocktake at the depot"),
        ("Slack channels for the night shift", "Slack channels for the night shift"),  # a product (topic_words.yaml)
    ],
)
def test_a_capital_only_a_line_of_notes_gives_is_dropped(topic: str, quoted: str) -> None:
    from followup.drafting.context import quotable_topics

    assert quotable_topics(make_notes(topics=[topic]))[0] == (quoted,)


def test_a_word_the_notes_capitalise_elsewhere_keeps_its_capital() -> None:
    from followup.drafting.context import quotable_topics

    notes = make_notes(topics=["Recall system upgrade in the spring", "training staff on the Recall reports"])
    # a name keeps its capital, and a counted thing its article: "the Recall system upgrade"
    assert quotable_topics(notes)[0][0] == "the Recall system upgrade in the spring"
    alone = make_notes(topics=["Recall system upgrade in the spring"])
    assert quotable_topics(alone)[0][0] == "the recall system upgrade in the spring"  # nothing says it is a name


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        # What a comma adds is left out, so the sentence can go on after the topic.
        (
            "the three-year renewal with their biggest funder, due end of September",
            "the three-year renewal with your biggest funder",  # and their funder is the reader's
        ),
        ("growing the team's channels, which have 14,000 followers", "growing the team's channels"),
        # A list keeps its items; a comma inside a compound stays.
        ("aseptic technique, CHO cells and passaging", "aseptic technique, CHO cells and passaging"),
        (
            "the four-on, four-off staffing model",
            "the four-on, four-off staffing model",
        ),  # (a shift pattern is the terms)
        # Notes: a count after a comma, a clause after a comma.
        ("school holiday programme, 40 kids a session, how I'd run sign-ups", "the school holiday programme"),
        ("rostering under the retail award, back dock is a mess", "rostering under the retail award"),
    ],
)
def test_a_topic_is_quoted_without_its_asides(topic: str, quoted: str) -> None:
    from followup.drafting.context import quotable_topics

    assert quotable_topics(make_notes(topics=[topic]))[0] == (quoted,)


def test_a_part_of_the_day_is_not_a_topic() -> None:
    from followup.drafting.context import quotable_topics

    usable, unquoted = quotable_topics(make_notes(topics=["Store walk after the interview"]))
    assert usable == ()
    assert len(unquoted) == 1


def test_news_after_a_colon_or_a_comma_starts_in_small_letters_unless_a_name() -> None:
    from followup.drafting.templates import _sentence_case

    assert _sentence_case("My notice period is three months.") == "my notice period is three months."
    assert _sentence_case("Another offer, deadline 25 March.") == "another offer, deadline 25 March."
    assert _sentence_case("I will be away from 2 to 6 May.") == "I will be away from 2 to 6 May."
    assert _sentence_case("Amazon offered me a place.") == "Amazon offered me a place."


# --- round 14: notes in the candidate's own language, names given last, articles -----------------------


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        ("trabalho a 4 mãos em endo", None),  # Portuguese notes
        ("LIMS maar ze houden ook nog Excel bij ernaast", None),  # Dutch notes
        ("backup NAS; máy in mã vạch hay lỗi", None),  # the English part is two words ending in a code
        ("backup of the NAS; máy in mã vạch hay lỗi", "backup of the NAS"),  # the English part before the semicolon
        ("anaesthetic monitoring on the recovery ward", "anaesthetic monitoring on the recovery ward"),  # British
        ("the school holiday programme for the branch", "the school holiday programme for the branch"),
        ("the café's new menu board", "the café's new menu board"),  # an English word with an accent
    ],
)
def test_a_topic_in_another_language_is_not_quoted(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


@pytest.mark.parametrize(
    ("topic", "written"),
    [
        ("graveyard shift", "the graveyard shift"),
        ("HIQA inspection last March", "the HIQA inspection last March"),
        ("safeguarding scenario", "the safeguarding scenario"),
        ("training budget for next year", "the training budget for next year"),
        ("moving payroll to the new system", "moving payroll to the new system"),  # an -ing word's object
        ("running the rota", "running the rota"),
        ("aseptic technique, CHO cells and passaging", "aseptic technique, CHO cells and passaging"),
        ("infection control on the ward", "infection control on the ward"),  # not counted
        ("night checks and falls", "night checks and falls"),  # plural
        ("Mombasa depot", "Mombasa depot"),  # a name first
    ],
)
def test_one_thing_named_without_an_article_gets_the(topic: str, written: str) -> None:
    from followup.tone.topics import with_article

    assert with_article(topic) == written


def test_a_vietnamese_name_is_called_by_its_last_part() -> None:
    khoa = {"name": "Võ Đăng Khoa", "title": "IT Manager", "role": "hiring_manager"}
    notes = make_notes(interviewers=[khoa], country="VN", candidate_name="Đỗ Quốc Khôi", interview_date="2026-11-23")
    [draft] = advise(notes, today=date(2026, 11, 23), backend="template").drafts
    assert draft.body.split("\n", 1)[0] in ("Dear Khoa,", "Hello Khoa,")
    [note] = advise(notes, today=date(2026, 11, 24), backend="template", channel="linkedin").drafts
    assert note.body.startswith("Hi Khoa,")
    assert note.body.rstrip().endswith("Khôi")  # the candidate signs with the name they go by


def test_a_formal_greeting_to_a_stranger_takes_the_first_and_last_part_of_a_long_name() -> None:
    senior = {"name": "Milcah Kerubo Gathogo", "title": "Operations Director"}
    history = [sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz"), sent("check_in", "2026-11-12", "Dana Lee")]
    notes = make_notes(country="KE", promised_reply_date="2026-11-10", history=history, senior_contact=senior)
    [draft] = advise(notes, today=date(2026, 11, 24), backend="template").drafts
    assert draft.body.startswith("Dear Milcah Gathogo,")  # "Dear", never "Hello", before a full name


@pytest.mark.parametrize(
    ("company", "named"),
    [("Sông Hàn Logistics Co., Ltd.", "Sông Hàn Logistics"), ("Ege Örme Tekstil A.Ş.", "Ege Örme Tekstil")],
)
def test_legal_forms_of_more_countries_are_dropped(company: str, named: str) -> None:
    assert short_company(company) == named


def test_a_closing_after_a_rejection_by_the_only_interviewer_thanks_them_alone() -> None:
    owner = {"name": "Harish Negi", "title": "Owner", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[owner], outcome="rejected", history=[sent("thank_you", "2026-11-02", "Harish Negi")]
    )
    bodies = [d.body for d in advise(notes, today=date(2026, 11, 12), backend="template").drafts]
    assert bodies
    assert all("for the time you gave me" in b for b in bodies)


def test_a_contacts_jotted_note_is_cut_to_who_they_are() -> None:
    from followup.drafting.templates import _introduce
    from followup.models import Contact

    why = "DON at a home in Ennis, got their fire drill non-compliance closed out in 6 wks - Olivier asked"
    assert _introduce(Contact(name="Jess Romero", why=why), "Olivier", "Olivier Fabre") == (
        "Jess Romero, a DON at a home in Ennis"
    )


# --- round 15: titles the notes give, agencies, internal moves, a site in brackets -----------------------


@pytest.mark.parametrize(
    ("person", "country", "notes_text", "addressed"),
    [
        # How the notes speak of them.
        (
            {"name": "Obiora Nwankwo", "title": "Medical Director"},
            "NG",
            "Dr Nwankwo chairs the committee",
            "Dr Nwankwo",
        ),
        ({"name": "Tan Boon Hock", "title": "Finance Manager"}, "MY", "Mr Tan wants weekly calls", "Mr Tan"),
        ({"name": "Rodel Magsino", "title": "Operations Manager"}, "PH", "Sir Rodel asked about AHT", "Sir Rodel"),
        ({"name": "Hiroshi Kaneda", "title": "Consultant"}, "JP", "Kaneda-san called on Monday", "Kaneda-san"),
        # The job title: a title in brackets, a rank before a comma.
        ({"name": "Zanele Mthembu", "title": "Nursing Services Manager (Sister)"}, "ZA", "", "Sister Mthembu"),
        ({"name": "Ebo Amankwah", "title": "Lt Col (Dr), Head of Laboratory"}, "GH", "", "Lt Col (Dr) Amankwah"),
        ({"name": "Esi Quartey", "title": "Major, Senior Scientist"}, "GH", "", "Major Quartey"),
        ({"name": "Norhayati Ismail", "title": "HR Manager (Puan)"}, "MY", "", "Puan Norhayati"),
        # Not titles.
        ({"name": "Iain Gilchrist", "title": "General Manager, Community Services"}, "NZ", "", None),
        ({"name": "Bruna Tavares", "title": "Chef Executivo"}, "BR", "the Chef liked the sauce", None),
        ({"name": "Wren Calloway", "title": "Engineering Manager"}, "US", "Wren asked about Postgres", None),
        # Another person of the same family name is not a title: "Don Calloway" is a man called Don.
        ({"name": "Wren Calloway", "title": "Engineering Manager"}, "US", "Don Calloway runs the pipeline", None),
    ],
)
def test_a_title_the_notes_give_is_used_in_the_greeting(
    person: dict[str, str], country: str, notes_text: str, addressed: str | None
) -> None:
    from followup.drafting.address import addressed_as

    notes = make_notes(country=country, topics=[notes_text] if notes_text else [])
    assert addressed_as(person["name"], person["title"], notes) == addressed


def test_drafts_greet_with_the_title_and_still_pass() -> None:
    doctor = {"name": "Obiora Nwankwo", "title": "Medical Director (Dr.)", "role": "hiring_manager"}
    notes = make_notes(interviewers=[DANA_RECRUITER, doctor], country="NG")
    for channel in ("email", "linkedin"):
        drafts = advise(notes, today=date(2026, 11, 2), backend="template", channel=channel).drafts
        [to_doctor] = [d for d in drafts if "Nwankwo" in d.body.splitlines()[0]]
        assert to_doctor.body.startswith("Dear Dr. Nwankwo,")  # as the notes write it
        assert to_doctor.tone.passed


DANA_RECRUITER = {"name": "Dana Lee", "title": "Recruiter", "email": "dana@acme.example", "role": "recruiter"}


def test_a_closing_to_an_agency_recruiter_passes_on_the_decision_and_wishes_no_one_at_the_employer() -> None:
    agent = {"name": "Corin Vale", "title": "Senior Consultant, Brightwater Recruitment", "role": "recruiter"}
    manager = {"name": "Sam Ortiz", "title": "Engineering Manager", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[agent, manager],
        outcome="rejected",
        history=[sent("thank_you", "2026-11-02", "Corin Vale")],
        employer_replies=[{"on": "2026-11-09"}],
    )
    bodies = [
        d.body
        for day in ("2026-11-10", "2026-11-11", "2026-11-12")
        for d in advise(notes, today=date.fromisoformat(day), backend="template").drafts
        if "Corin" in d.body.splitlines()[0]
    ]
    assert bodies
    for body in bodies:
        assert "your decision" not in body
        assert "everyone at Acme" not in body


def test_an_agency_recruiter_hears_no_topic_from_an_interview_they_were_not_in() -> None:
    agent = {"name": "Corin Vale", "title": "Recruiter, Brightwater Staffing (agency)", "role": "recruiter"}
    manager = {"name": "Sam Ortiz", "title": "Dispatch Supervisor", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[manager, agent],
        topics=["Route planning for the night fleet", "Corin said the client wants someone who can start nights"],
        promised_reply_date="2026-11-06",
    )
    to_agent = [
        d.body
        for day in ("2026-11-03", "2026-11-10", "2026-11-23", "2026-12-14")
        for d in advise(notes, today=date.fromisoformat(day), backend="template").drafts
        if "Corin" in d.body.splitlines()[0]
    ]
    assert len(to_agent) == 4
    for body in to_agent:
        assert "route planning" not in body.lower()
    to_manager = advise(notes, today=date(2026, 11, 3), backend="template").drafts
    assert any("route planning" in d.body for d in to_manager if "Sam" in d.body.splitlines()[0])


def test_an_internal_candidate_takes_on_the_role_and_never_joins_the_company() -> None:
    notes = make_notes(
        company="Acme Robotics (Leeds site)",
        personal_updates="Internal so no notice period. Leave 22-26 Dec already approved.",
    )
    bodies = [
        d.body
        for day in ("2026-11-02", "2026-11-03", "2026-11-16")
        for d in advise(notes, today=date.fromisoformat(day), backend="template").drafts
    ]
    assert bodies
    for body in bodies:
        assert "join Acme" not in body
        assert "joining Acme" not in body
        assert "Leeds site" not in body
        assert "team at Acme" not in body
    # Someone else being internal is not the candidate's news.
    other = make_notes(personal_updates="They chose an internal candidate with more experience.")
    from followup.drafting.updates import internal_candidate

    assert not internal_candidate(other.personal_updates)
    assert short_company("BrightPath Contact Solutions (Cebu IT Park site)") == "BrightPath Contact Solutions"


def test_a_note_to_self_in_the_candidates_own_news_is_left_out() -> None:
    from followup.drafting.updates import prepare

    news = prepare("We move to Oaxaca in January no matter what (my wife's family is there).", date(2026, 11, 20))
    assert news.sentences == ("We move to Oaxaca in January.",)
    kept = prepare("I am relocating to Leeds in January, regardless of the outcome.", date(2026, 11, 20))
    assert kept.sentences == ("I am relocating to Leeds in January, regardless of the outcome.",)
    # The aside gone, "there" points at nothing: the clause about it goes too, not a clause of the candidate's.
    away = prepare("I'm away 12-20 Dec (family in Cork), signal is patchy there.", date(2026, 11, 20), "GB")
    assert away.sentences == ("I'm away 12 to 20 December.",)
    stays = prepare("I'm away 12-20 Dec (Cork), I can take calls there.", date(2026, 11, 20), "GB")
    assert stays.sentences == ("I'm away 12 to 20 December, I can take calls there.",)


def test_a_check_in_answers_their_latest_note_when_it_gave_no_date() -> None:
    notes = make_notes(
        promised_reply_date="2026-11-06",
        history=[sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz"), sent("check_in", "2026-11-09", "Dana Lee")],
        employer_replies=[{"on": "2026-11-10"}],  # "still interviewing": no new date
    )
    for channel in ("email", "linkedin"):
        drafts = advise(notes, today=date(2026, 11, 24), backend="template", channel=channel).drafts
        asks = [d for d in drafts if d.kind.value in ("check_in", "linkedin_note")]
        assert asks
        for draft in asks:
            assert "update of 10 November" in draft.body, draft.body
            assert "a decision was expected by" not in draft.body
            assert draft.tone.passed
    # A reply before the date they gave leaves that date standing.
    early = make_notes(promised_reply_date="2026-11-13", employer_replies=[{"on": "2026-11-05"}])
    for draft in advise(early, today=date(2026, 11, 17), backend="template").drafts:
        assert "update of 5 November" not in draft.body


@pytest.mark.parametrize(
    ("why", "introduced"),
    [
        (
            "RVN I trained with at Langford, now runs monitoring CPD in the South West - exactly what Jess wants",
            "Tom Ashby, an RVN I trained with at Langford who now runs monitoring CPD in the South West",
        ),
        ("HGV driver I worked with for years", "Tom Ashby, an HGV driver I worked with for years"),
        ("NICU nurse at my hospital", "Tom Ashby, a NICU nurse at my hospital"),
        (  # the jotted clause and the remark after ";" go; the clean clause before them stays
            "ex-colleague, led the WMS go-live on nights at my old DC and got pick rates back up in 6 wks; "
            "Craig said they're stuck on exactly that",
            "Tom Ashby, an ex-colleague who led the WMS go-live on nights at my old DC",
        ),
    ],
)
def test_a_contact_is_introduced_with_what_they_do_and_the_right_article(why: str, introduced: str) -> None:
    from followup.drafting.templates import _introduce
    from followup.models import Contact

    assert _introduce(Contact(name="Tom Ashby", why=why)) == introduced


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        ("attrition of new hires in first 90 days", None),  # "in first 90 days": jotted
        ("attrition of new hires in the first 90 days", "attrition of new hires in the first 90 days"),
        ("sched adherence on graveyard, the 3am break rush", None),
        ("EQA / proficiency testing, lab preparing for ISO 15189", None),
        ("half day Saturday twice a month", None),  # the terms of the job
        ("flights paid from Antofagasta only, not from Calama", None),
        ("handling disruption when flights are cancelled", "handling disruption when flights are cancelled"),
    ],
)
def test_round_15_topics_that_read_as_notes(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


def test_a_named_thing_that_is_counted_takes_the_article() -> None:
    from followup.tone.topics import with_article

    assert with_article("Pātea Rd community hall rebuild") == "the Pātea Rd community hall rebuild"
    assert with_article("regression suite for the handheld app") == "the regression suite for the handheld app"
    assert with_article("Mombasa Road works") == "Mombasa Road works"
    assert with_article("Wriggle and Rhyme sessions") == "Wriggle and Rhyme sessions"


# --- round 16: the common case -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        ("offered to run the after-school science club", None),  # a note of what the candidate did
        ("USFDA inspection expected in Q1, the lab is short of people", "the USFDA inspection expected in Q1"),
        ("new EMR go-live in March", "the new EMR go-live in March"),
    ],
)
def test_round_16_topics(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic, with_article

    found = usable_topic(topic)
    assert (with_article(found) if found else None) == quoted


def test_a_closing_after_feedback_thanks_for_it_and_does_not_ask_again() -> None:
    rejected = make_notes(
        outcome="rejected",
        personal_updates="Dana rang: they went with someone else. She said the feedback was very positive.",
    )
    bodies = [d.body for d in advise(rejected, today=date(2026, 11, 5), backend="template").drafts]
    assert bodies
    for body in bodies:
        assert "feedback on my interview" not in body
        assert "for the feedback" in body


def test_the_candidates_own_story_is_not_what_the_reader_said() -> None:
    notes = make_notes(
        interviewers=[{"name": "Sam Ortiz", "title": "District Manager", "role": "hiring_manager"}],
        topics=["my turnaround at the Leeds store"],
    )
    bodies = [
        d.body
        for candidate in ("Alex Morgan", "Quillan Ashdown", "Corvin Easterly", "Tamsin Wrayford", "Odile Fenwright")
        for d in advise(make_notes(**{**notes.model_dump(mode="json"), "candidate_name": candidate}),
                        today=date(2026, 11, 2), backend="template").drafts
    ]  # fmt: skip
    assert bodies
    assert not any("said about my turnaround" in b for b in bodies)


def test_an_escalation_names_the_person_checked_in_with_by_the_title_the_notes_give() -> None:
    principal = {"name": "Angela Brookfield", "title": "Principal (Dr)", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[principal],
        promised_reply_date="2026-11-06",
        senior_contact={"name": "Morgan Hale", "title": "HR Director"},
        history=[
            sent("thank_you", "2026-11-02", "Angela Brookfield"),
            sent("check_in", "2026-11-10", "Angela Brookfield"),
        ],
    )
    drafts = [d for d in advise(notes, today=date(2026, 11, 18), backend="template").drafts if d.kind == "escalation"]
    assert drafts
    assert all("checked in with Dr Brookfield" in d.body for d in drafts)


def test_a_topic_with_something_told_in_confidence_is_not_quoted() -> None:
    from followup.drafting.context import quotable_topics

    notes = make_notes(topics=["cycle counts on nights, shrinkage (Ravi said off the record it is someone on nights)"])
    usable, unquoted = quotable_topics(notes)
    assert usable == ()
    assert "in confidence" in unquoted[0]


def test_a_topic_someone_else_raised_is_not_the_readers_conversation() -> None:
    """Round 16: the HR partner thanked for "our conversation about HPLC method validation",
    which the notes say Dr Srinivas asked about."""
    hr = {"name": "Pallavi Menon", "title": "HR Partner", "role": "recruiter"}
    chemist = {"name": "Kiran Srinivas", "title": "QC Head (Dr)", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[hr, chemist],
        topics=["HPLC method validation, Dr Srinivas asked a lot on robustness", "the Empower audit trail review"],
    )
    drafts = advise(notes, today=date(2026, 11, 2), backend="template").drafts
    to_hr = [d.body for d in drafts if "Pallavi" in d.body.splitlines()[0]]
    to_chemist = [d.body for d in drafts if "Srinivas" in d.body.splitlines()[0]]
    assert to_hr
    assert to_chemist
    assert not any("HPLC" in b for b in to_hr)
    assert all(d.tone.passed for d in drafts)


@pytest.mark.parametrize(
    ("topic", "told"),
    [
        ("how they onboard seasonal temps", "how you onboard seasonal temps"),
        ("the renewal with their biggest funder", "the renewal with your biggest funder"),
        (
            "rostering midwives so they are never alone on nights",
            "rostering midwives so they are never alone on nights",
        ),
        ("rotas for nurses with their rest breaks", "rotas for nurses with their rest breaks"),  # the nurses' breaks
    ],
)
def test_the_employer_the_notes_call_they_is_you_to_the_reader(topic: str, told: str) -> None:
    from followup.drafting.context import _to_the_reader

    assert _to_the_reader(topic) == told


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        ("walked them through my bootcamp capstone, a booking app", None),  # what the candidate did
        ("phone role-play, a nervous patient ringing to cancel a root canal", None),  # a part of the interview
        ("the firm moved to new conveyancing software this year", None),  # a clause, not a subject
        ("weekend coverage, leads rotate one Saturday a month", None),  # the clause goes, and two words say too little
        ("redesigning the claim form for mobile", "redesigning the claim form for mobile"),
    ],
)
def test_round_19_topics_that_read_as_notes(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


def test_an_article_is_paired_with_its_own_topic_not_one_word_of_its_title() -> None:
    """Round 19: an AMR surveillance report was offered "thinking back to our conversation about the NABL
    surveillance audit"; the notes' line about AMR could not be quoted, but the article's own topic can."""
    from followup.drafting.context import _paired
    from followup.models import Article

    report = Article(
        title="AMR Surveillance Network, Annual Report 2025",
        url="https://example.org/amr-report",
        topic="antimicrobial resistance in UTI isolates",
    )
    topics = ("the NABL surveillance audit coming up in December", "rotating night shifts")
    lines = [
        "NABL surveillance audit coming up in December",
        "my M.Sc. project on antimicrobial resistance in UTI isolates",
    ]
    assert _paired(topics, report, lines) == (("antimicrobial resistance in UTI isolates", *topics), True)
    assert _paired(topics, report, []) == (topics, False)  # nothing in the notes speaks of it
    audit = report.model_copy(update={"topic": "preparing for a NABL audit"})
    assert _paired(topics, audit, lines)[0][0] == "the NABL surveillance audit coming up in December"


@pytest.mark.parametrize(
    ("topic", "told"),
    [
        ("claims platform cutover to Guidewire", "the claims platform cutover to Guidewire"),
        ("QBR template overhaul and health scores", "the QBR template overhaul and health scores"),
        ("ISO 20022 migration starting Q1 next year", "the ISO 20022 migration starting Q1 next year"),
        ("site tour and panel", None),  # a part of the day, not a subject
    ],
)
def test_round_20_topics_take_the_article_a_counted_thing_needs(topic: str, told: str | None) -> None:
    from followup.tone.topics import usable_topic, with_article

    quoted = usable_topic(topic)
    assert (with_article(quoted) if quoted else None) == told


def test_the_candidates_own_past_work_is_never_work_to_help_with() -> None:
    """Round 20: "our discussion of my 14-month ERP rollout at Midway Freight; it is work I would be glad to help with"."""
    notes = make_notes(topics=["my 14-month ERP rollout at Midway Freight"])
    bodies = [
        d.body
        for day in ("2026-11-02", "2026-11-03")
        for seed in range(6)
        for d in advise(
            notes.model_copy(update={"company": f"Acme Robotics {seed}"}),
            today=date.fromisoformat(day),
            backend="template",
        ).drafts
    ]
    assert any("my 14-month ERP rollout" in b for b in bodies)
    assert not any("glad to help with" in b for b in bodies)


def test_round_21_a_place_takes_the_article_and_a_kitchen_trial_is_no_topic() -> None:
    from followup.tone.topics import usable_topic, with_article

    assert with_article("school moving to inquiry-based learning") == "the school moving to inquiry-based learning"
    assert usable_topic("stage on the line friday night") is None


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        # Round 24: shorthand of two small letters, a bare time of day, items joined with "+".
        ("linea pb machine - used one at my last cafe", None),
        ("opening shifts 6am, shift lead holds keys + does the cash up", None),
        ("sit down + reach truck, cert from old job good till 2027", None),
        ("covering the front desk during the 8am phone rush", "covering the front desk during the 8am phone rush"),
        ("McLeod TMS + Samsara ELDs", "McLeod TMS and Samsara ELDs"),
        ("the compliance review on every ad", "the compliance review on every ad"),
        ("running te reo Māori story times with local kura", "running te reo Māori story times with local kura"),
        ("interpreting at the Ciudad de la Justicia", "interpreting at the Ciudad de la Justicia"),
        ("a paid trial shift on the à la carte line", "a paid trial shift on the à la carte line"),
    ],
)
def test_a_topic_is_quoted_only_when_written_out(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


def test_the_candidates_own_work_stays_theirs_and_the_employers_they_is_you() -> None:
    from followup.drafting.context import quotable_topics

    notes = make_notes(
        topics=[
            "my portfolio piece: the food bank fundraiser email series (raised 18% more)",
            "The intraoral scanner they bought in August.",
            "rostering new starters so they are never alone on nights",
        ]
    )
    quoted, _ = quotable_topics(notes)
    assert quoted == (
        "my food bank fundraiser email series",
        "the intraoral scanner you bought in August",
        "rostering new starters so they are never alone on nights",
    )


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        # Notes typed on a phone, or in a second language: a verb makes a clause, not a subject.
        ("discuss about the new stock system, they use SAP", None),
        ("Mr Tan explain about the promotion cycle every 6 month", None),
        ("the team use Teams and Jira for ticket", None),
        ("pro bono clinic work", "pro bono clinic work"),
        # What a letter writes with a capital, the notes often do not.
        ("infection control audit coming up in march", "infection control audit coming up in March"),
        ("the christmas rush and temp staff", "the Christmas rush and temp staff"),
        ("forklift and ewp tickets, mine expire next yr", "forklift and EWP tickets"),
    ],
)
def test_a_topic_typed_in_haste_is_quoted_as_a_letter_writes_it(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic, with_acronyms

    phrase = usable_topic(topic)
    assert (with_acronyms(phrase) if phrase else None) == quoted


def test_terse_availability_is_a_sentence() -> None:
    from followup.drafting.updates import prepare

    assert prepare("available immediately", date(2026, 5, 12), "GB").sentences == (
        "I am available to start straight away.",
    )


@pytest.mark.parametrize(
    ("why", "introduced"),
    [
        # Contact notes typed on a phone or in a second language: cut where a remark starts.
        ("friend from tafe, works in payroll at a big hospital, knows kronos",
         "Jess Romero, a friend from TAFE who works in payroll at a big hospital"),
        ("he is my cousin, he is manager in other warehouse and know the WMS", "Jess Romero, who is my cousin"),
        ("nurse educator at st vincents, teaches manual handling",
         "Jess Romero, a nurse educator at St Vincents who teaches manual handling"),
        ("used to work together at kmart, great with kids programs", "Jess Romero, whom I worked with at Kmart"),
        ("runs a small bakery supplier, could help with sourdough",
         "Jess Romero, who runs a small bakery supplier and could help with sourdough"),
        ("runs a maths circle and would be great for your contest club",
         "Jess Romero, who runs a maths circle and would be great for your contest club"),
    ],
)  # fmt: skip
def test_a_contact_note_typed_in_haste_is_cut_where_a_remark_starts(why: str, introduced: str) -> None:
    from followup.drafting.templates import _introduce
    from followup.models import Contact

    assert _introduce(Contact(name="Jess Romero", why=why), "Olivier", "Olivier Fabre") == introduced


# --- round 25: notes typed on a phone or in a second language ------------------------------------


def test_news_in_another_language_is_left_out_with_a_note() -> None:
    from followup.drafting.updates import prepare

    news = prepare(
        "My okres wypowiedzenia (notice) in current job is 1 month.\nI can start in December.", date(2026, 5, 6), "PL"
    )
    assert news.sentences == ("I can start in December.",)
    assert '"okres", "wypowiedzenia" are not English' in news.left_out[0]
    # English words the dictionary spells with an accent, or lacks, are English.
    assert prepare("I work evenings at a café on Shop Street.", date(2026, 5, 6), "IE").sentences


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        ("the EMP201 and EMP501 submissions to SARS, and the IRP5 reconciliation in the interim period",
         "the EMP201 and EMP501 submissions to SARS"),
        ("work start at 6:30, bring own boots", None),
    ],
)  # fmt: skip
def test_round_25_topics(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


def test_a_topic_that_names_the_reader_says_your() -> None:
    priyanka = {"name": "Priyanka Nair", "title": "Team Lead", "role": "hiring_manager"}
    notes = make_notes(
        interviewers=[priyanka], topics=["Priyanka's scenario question about a VIP user whose Outlook stopped syncing"]
    )
    bodies = [d.body for d in advise(notes, today=date(2026, 11, 2), backend="template").drafts]
    assert bodies
    assert all("Priyanka's" not in b for b in bodies)
    assert any("your scenario question" in b for b in bodies)


def test_a_contact_named_again_in_their_own_note_is_not_pasted() -> None:
    from followup.drafting.templates import _introduce
    from followup.models import Contact

    why = "my buddy marco runs a small heritage pork farm, sells at the farmers market"
    assert _introduce(Contact(name="Marco Bélanger", why=why), "Daniela", "Daniela Russo").startswith(
        "Marco Bélanger, my buddy, who runs a small heritage pork farm"
    )


# --- round 26 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "quoted"),
    [
        ("EV chargers, D keen, growth area", None),  # "D": someone, as a lone capital
        ("Class 2 since 2019", None),  # the candidate's licence, dated: no topic of conversation
        ("batt installs, AS/NZS 5139", None),
        ("the Plan B for the go-live", "the Plan B for the go-live"),
    ],
)
def test_round_26_topics(topic: str, quoted: str | None) -> None:
    from followup.tone.topics import usable_topic

    assert usable_topic(topic) == quoted


def test_a_relative_is_introduced_by_what_they_do_past_the_jotting() -> None:
    from followup.drafting.templates import _introduce
    from followup.models import Contact

    why = "uncle, 20+ yrs driving in Akl, trains new drivers; R short of buddy drivers"
    assert _introduce(Contact(name="Viliami Taufa", why=why), "Rachel", "Rachel Paewai") == (
        "Viliami Taufa, my uncle, who trains new drivers"
    )


def test_round_27_a_name_that_starts_with_an_abbreviation_and_a_dotted_date() -> None:
    from followup.drafting.address import called
    from followup.drafting.updates import prepare
    from followup.tone.topics import usable_topic

    assert called("Ma. Theresa Abellana", "PH") == "Theresa"
    assert called("Theresa Abellana", "PH") == "Theresa"
    news = prepare("I move to Leipzig-Connewitz on 14.03., new address after that.", date(2026, 2, 27), "DE")
    assert news.sentences == ("I move to Leipzig-Connewitz on 14 March, new address after that.",)
    assert usable_topic("nonviolent crisis intervention cert, mine expires jan") is None
    assert usable_topic("preparing sixth years for the Leaving Cert chemistry practicals") is not None
