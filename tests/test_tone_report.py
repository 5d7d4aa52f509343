"""The report as a whole: scores, serialisation, and bad input of every kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import ToneReport, load_notes
from followup.tone import DraftKind, courtesy_score, evaluate_tone

NOTES = load_notes(Path(__file__).parent.parent / "examples" / "northwind.yaml")


def test_courtesy_score_is_meaningful_on_any_english() -> None:
    polite = courtesy_score("Could you please pass me the salt? Thank you so much, I appreciate it.")
    neutral = courtesy_score("The train leaves at nine from the north platform.")
    rude = courtesy_score("Give me the salt now, idiot. Why didn't you do it?")
    assert polite > neutral > rude
    assert 0.0 <= rude < 0.2
    assert 0.8 < polite <= 1.0


def test_report_serialises_and_validates_back() -> None:
    report = evaluate_tone("Dear Priya, thanks!! Alex", kind="thank_you", notes=NOTES)
    data = report.model_dump(mode="json")
    assert ToneReport.model_validate(data) == report
    assert set(data["scores"]) == {
        "courtesy", "composure", "calm", "restraint", "concision", "professionalism", "faithfulness", "specificity", "fit",
    }  # fmt: skip


def test_unknown_kind_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="'memo' is not a valid DraftKind"):
        evaluate_tone("hello", kind="memo")


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("empty", "", "concise.empty"),
        ("blank", "   \n\t ", "concise.empty"),
        (
            "another language",
            "Estimada Priya, muchas gracias por la entrevista del martes sobre el puesto. Me encantó conocer al equipo y espero noticias pronto. Saludos cordiales, Alex",
            "professional.not_english",
        ),
        (
            "html",
            "<p>Dear Priya,</p><p>Thank you for the interview about the Senior Data Analyst role.</p>",
            "professional.markup",
        ),
        (
            "markdown heading",
            "# Thank you\n\nDear Priya, thank you for the interview about the Senior Data Analyst role.",
            "professional.markup",
        ),
        (
            "control characters",
            "Dear Priya,\x00\x07 thank you for the interview.",
            "professional.control",
        ),
    ],
)
def test_bad_input_gets_a_report_not_an_exception(name: str, text: str, code: str) -> None:
    report = evaluate_tone(text, kind="thank_you", notes=NOTES)
    assert any(f.code == code for f in report.findings), [f.code for f in report.findings]
    assert not report.passed


def test_a_100000_character_text_is_reported_and_blocked() -> None:
    text = ("Thank you for the conversation about the dbt migration. " * 2000)[:100_000]
    report = evaluate_tone(text, kind="thank_you", notes=NOTES)
    assert report.words > 10_000
    assert any(f.code == "concise.too_long" and f.severity == "block" for f in report.findings)


@given(st.text(max_size=600), st.sampled_from(list(DraftKind)))
def test_any_text_gives_a_report_with_valid_spans(text: str, kind: DraftKind) -> None:
    report = evaluate_tone(text, kind=kind, notes=NOTES)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.quote == text[f.start : f.end]
    assert all(0.0 <= v <= 1.0 for v in report.scores.values())
    assert report.passed == all(f.severity == "warn" for f in report.findings)
