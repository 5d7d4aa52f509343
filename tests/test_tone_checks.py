"""Each check, on its own: what fires it, where, and a clean draft that does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup import load_notes
from followup.tone import Check, Severity, evaluate_tone

NOTES = load_notes(Path(__file__).parent.parent / "examples" / "northwind.yaml")
GOOD = """Dear Priya,

Thank you for taking the time to meet with me on Tuesday about the Senior Data Analyst role. I especially enjoyed our conversation about moving the weekly revenue dashboard from spreadsheets to dbt; it is exactly the kind of project I would love to help with.

I was also glad to hear how the team runs A/B tests on pricing pages, and it made me even more excited about joining Northwind Analytics.

Thank you again, and I look forward to hearing from you.

Best regards,
Alex Morgan
"""
LAST = "Thank you again, and I look forward to hearing from you."


def _with(sentence: str) -> str:
    return GOOD.replace(LAST, f"Thank you again. {sentence}")


def test_the_clean_draft_passes_with_no_findings() -> None:
    report = evaluate_tone(GOOD, kind="thank_you", notes=NOTES)
    assert report.passed
    assert report.findings == []
    assert all(0.9 <= v <= 1.0 for v in report.scores.values())


# (check, code, severity, the sentence added to the clean draft, the words the finding quotes)
CASES = [
    (
        Check.courteous,
        "courteous.demand",
        Severity.block,
        "You need to reply to me today.",
        "You need to",
    ),
    (
        Check.courteous,
        "courteous.why_didnt_you",
        Severity.block,
        "Why didn't you call me back?",
        "Why didn't you",
    ),
    (
        Check.courteous,
        "courteous.insult",
        Severity.block,
        "The last recruiter was an idiot.",
        "idiot",
    ),
    (
        Check.not_desperate,
        "desperate.begging",
        Severity.block,
        "I really need this job.",
        "need this job",
    ),
    (
        Check.not_desperate,
        "desperate.anxiety",
        Severity.block,
        "I can't sleep until I hear back.",
        "I can't sleep",
    ),
    (Check.not_desperate, "desperate.exclamations", Severity.block, "It was great!!", "!!"),
    (
        Check.not_desperate,
        "desperate.self_deprecation",
        Severity.warn,
        "Sorry to bother you with this.",
        "Sorry to bother you",
    ),
    (
        Check.not_irritated,
        "irritated.as_per",
        Severity.block,
        "As per my last email, I am keen.",
        "As per my last email",
    ),
    (
        Check.not_irritated,
        "irritated.still_waiting",
        Severity.block,
        "I am still waiting for news.",
        "still waiting",
    ),
    (
        Check.not_irritated,
        "irritated.did_you_see",
        Severity.block,
        "Not sure if you saw my note.",
        "Not sure if you saw",
    ),
    (
        Check.not_irritated,
        "irritated.complaint",
        Severity.block,
        "The process has been frustrating.",
        "frustrating",
    ),
    (
        Check.not_irritated,
        "irritated.sarcasm",
        Severity.block,
        "I'm sure you're very busy.",
        "I'm sure you're very busy",
    ),
    (
        Check.not_irritated,
        "irritated.blame",
        Severity.block,
        "You promised an answer.",
        "You promised",
    ),
    (Check.not_pushy, "pushy.asap", Severity.block, "Please reply ASAP.", "ASAP"),
    (Check.not_pushy, "pushy.deadline", Severity.block, "Let me know by Friday.", "by Friday"),
    (Check.not_pushy, "pushy.decision", Severity.block, "Did I get the job?", "Did I get the job"),
    (
        Check.not_pushy,
        "pushy.guilt",
        Severity.block,
        "I turned down another offer for this.",
        "I turned down",
    ),
    (
        Check.not_pushy,
        "pushy.as_soon_as_possible",
        Severity.warn,
        "I'd welcome news as soon as possible.",
        "as soon as possible",
    ),
    (Check.professional, "professional.emoji", Severity.block, "It was a great chat 😊", "😊"),
    (Check.professional, "professional.text_speak", Severity.block, "Thx again.", "Thx"),
    (Check.professional, "professional.capitals", Severity.block, "I am REALLY keen.", "REALLY"),
    (Check.professional, "professional.punctuation", Severity.block, "Any news??", "??"),
    (
        Check.professional,
        "professional.placeholder",
        Severity.block,
        "Best, [Your Name]",
        "[Your Name]",
    ),
    (Check.professional, "professional.slang", Severity.warn, "It was awesome.", "awesome"),
    (
        Check.faithful,
        "faithful.name",
        Severity.block,
        "Say hello to Jennifer Walsh.",
        "Jennifer Walsh",
    ),
    (
        Check.faithful,
        "faithful.url",
        Severity.block,
        "See https://example.com/other.",
        "https://example.com/other",
    ),
    (
        Check.faithful,
        "faithful.email",
        Severity.block,
        "Write to alex@other.example.",
        "alex@other.example",
    ),
    (Check.faithful, "faithful.number", Severity.block, "I have 12 years of SQL.", "12"),
    (Check.faithful, "faithful.date", Severity.block, "The panel meets again on 3 March.", "3 March"),
    (
        Check.faithful,
        "faithful.claim",
        Severity.block,
        "I know you have other candidates.",
        "candidates",
    ),
    (Check.specific, "specific.cliche", Severity.warn, "I'm just checking in.", "just checking in"),
    (
        Check.kind_specific,
        "kind.thank_you_chases",
        Severity.block,
        "Have you made a decision?",
        "made a decision",
    ),
]


@pytest.mark.parametrize(
    ("check", "code", "severity", "sentence", "quoted"),
    CASES,
    ids=[c[1] + ":" + c[3] for c in CASES],
)
def test_check_fires_on_its_phrase(check: Check, code: str, severity: Severity, sentence: str, quoted: str) -> None:
    text = _with(sentence)
    report = evaluate_tone(text, kind="thank_you", notes=NOTES)
    hits = [f for f in report.findings if f.code == code]
    assert hits, [f.code for f in report.findings]
    finding = hits[0]
    assert finding.check == check
    assert finding.severity == severity
    assert finding.quote == text[finding.start : finding.end]
    assert quoted in finding.quote or finding.quote in quoted
    assert finding.message
    assert finding.suggestion
    assert report.passed == (severity == Severity.warn and all(f.severity == Severity.warn for f in report.findings))


def test_wrong_signature_is_named() -> None:
    text = GOOD.replace("Alex Morgan\n", "Jamie Fox\n")
    finding = next(
        f for f in evaluate_tone(text, kind="thank_you", notes=NOTES).findings if f.code == "faithful.signature"
    )
    assert finding.quote == "Jamie Fox"
    assert "Alex Morgan" in finding.suggestion


def test_concise_limits_per_kind_and_the_linkedin_limit() -> None:
    long = GOOD.replace(LAST, " ".join(["I enjoyed every part of the conversation."] * 40))
    report = evaluate_tone(long, kind="thank_you", notes=NOTES)
    assert any(f.code == "concise.too_long" and f.severity == Severity.block for f in report.findings)
    note = "Hi Priya, thank you for the conversation about the dbt migration. " * 6
    report = evaluate_tone(note, kind="linkedin_note", notes=NOTES, channel="linkedin")
    assert any(f.code == "concise.linkedin_limit" for f in report.findings)


def test_greeting_close_and_thanks() -> None:
    bare = "The conversation about the Senior Data Analyst role and the dbt migration of the revenue dashboard was interesting, and I would love to join the team at Northwind Analytics."
    codes = {f.code for f in evaluate_tone(bare, kind="thank_you", notes=NOTES).findings}
    assert {"courteous.no_greeting", "courteous.no_close", "courteous.no_thanks"} <= codes


def test_escalation_must_keep_the_recruiter_in_the_loop() -> None:
    text = (
        "Dear Maria,\n\nI interviewed with Priya Shah on 10 November for the Senior Data Analyst role. "
        "I wanted to ask whether there is any news, as I remain very interested in joining Northwind "
        "Analytics and the work on the revenue dashboard.\n\nThank you for your time,\nAlex Morgan\n"
    )
    report = evaluate_tone(text, kind="escalation", notes=NOTES)
    assert any(f.code == "kind.escalation_bypass" for f in report.findings)
    looped = text.replace(
        "for the Senior Data Analyst role.",
        "for the Senior Data Analyst role, and I have copied Tom Becker.",
    )
    assert evaluate_tone(looped, kind="escalation", notes=NOTES).passed


def test_check_in_names_the_promised_timeline() -> None:
    text = (
        "Hi Tom,\n\nI hope you are well. I wanted to ask whether there is any news on the Senior Data Analyst "
        "role. I remain very interested in joining the team.\n\nThank you for your help,\nAlex Morgan\n"
    )
    codes = {f.code for f in evaluate_tone(text, kind="check_in", notes=NOTES).findings}
    assert "kind.check_in_no_timeline" in codes
    dated = text.replace("I hope you are well.", "You mentioned a decision by Wednesday 18 November.")
    assert "kind.check_in_no_timeline" not in {
        f.code for f in evaluate_tone(dated, kind="check_in", notes=NOTES).findings
    }


def test_a_real_deadline_from_the_notes_is_information_not_pressure() -> None:
    notes = NOTES.model_copy(update={"personal_updates": "I have another offer that expires on 4 December."})
    text = GOOD.replace(
        LAST,
        "I have another offer that expires on 4 December, so I would be grateful to hear before 4 December if possible.",
    )
    report = evaluate_tone(text, kind="check_in", notes=notes)
    assert not any(f.code == "pushy.deadline" for f in report.findings)
    invented = text.replace("4 December", "9 December")
    assert any(
        f.code in ("pushy.deadline", "faithful.date")
        for f in evaluate_tone(invented, kind="check_in", notes=notes).findings
    )


def test_negative_sentences_are_caught_when_no_rule_explains_them() -> None:
    report = evaluate_tone(_with("This whole experience has been awful and hurtful."), kind="thank_you", notes=NOTES)
    assert any(f.code == "irritated.negative_tone" for f in report.findings)


def test_without_notes_faithfulness_is_skipped_and_said_so() -> None:
    report = evaluate_tone(GOOD.replace("Alex Morgan", "Jamie Fox"), kind="thank_you")
    assert report.notes_checked is False
    assert not any(f.check == Check.faithful for f in report.findings)
    assert evaluate_tone(GOOD, kind="thank_you", notes=NOTES).notes_checked


def test_names_in_any_script_are_recognised() -> None:
    notes = NOTES.model_copy(update={"candidate_name": "Zoë Łukasik"})
    text = GOOD.replace("Alex Morgan", "Zoë Łukasik")
    assert evaluate_tone(text, kind="thank_you", notes=notes).passed


def _readme_examples() -> list[tuple[str, str, bool]]:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    section = readme.split("## The tone check", 1)[1].split("### How accurate", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`") and cells[3].startswith("`"):
            rows.append((cells[0].strip("`"), cells[3].split("`")[1], "(as the whole note)" in cells[3]))
    return rows


def test_the_readme_documents_every_check_with_an_example_that_fires_it() -> None:
    rows = _readme_examples()
    assert {check for check, _, _ in rows} == {c.value for c in Check}
    for check, example, whole in rows:
        text = example if whole else _with(example)
        report = evaluate_tone(text, kind="thank_you", notes=NOTES)
        assert any(f.check == check for f in report.findings), (check, example)
