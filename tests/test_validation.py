"""Every validation error names its field, through the library and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from followup import InterviewNotes, decide
from followup.cli import main
from followup.errors import describe
from followup.models import NOTES_MAX_BYTES

from .builders import d, notes_data, sent

LONG = "x" * 5000

# (name, overrides, the field path the error must name, words the message must hold)
INVALID: list[tuple[str, dict[str, Any], str, str]] = [
    ("empty candidate name", {"candidate_name": "   "}, "candidate_name", "must not be empty"),
    ("empty company", {"company": ""}, "company", "must not be empty"),
    ("missing role", {"role": None}, "role", "valid string"),
    ("no interviewers", {"interviewers": []}, "interviewers", "at least 1"),
    (
        "empty interviewer name",
        {"interviewers": [{"name": "", "title": "Recruiter"}]},
        "interviewers[0].name",
        "must not be empty",
    ),
    (
        "unknown interviewer role",
        {"interviewers": [{"name": "Dana", "title": "Recruiter", "role": "boss"}]},
        "interviewers[0].role",
        "recruiter",
    ),
    (
        "bad e-mail",
        {"interviewers": [{"name": "Dana", "title": "Recruiter", "email": "dana at acme"}]},
        "interviewers[0].email",
        "e-mail address",
    ),
    (
        "interviewer twice",
        {"interviewers": [{"name": "Dana", "title": "A"}, {"name": "dana ", "title": "B"}]},
        "interviewers[1].name",
        "listed twice",
    ),
    ("impossible date", {"interview_date": "2026-02-30"}, "interview_date", "not a real date"),
    ("not a date", {"interview_date": "last Tuesday"}, "interview_date", "not a real date"),
    (
        "implausible year",
        {"interview_date": "9999-12-31"},
        "interview_date",
        "outside the supported range",
    ),
    (
        "promise before the interview",
        {"promised_reply_date": "2026-10-30"},
        "promised_reply_date",
        "before the interview",
    ),
    (
        "history before the interview",
        {"history": [sent("thank_you", "2026-10-01", "Dana Lee")]},
        "history[0].sent_on",
        "before the interview",
    ),
    (
        "history to nobody",
        {"history": [sent("thank_you", "2026-11-02", "Dana Lee", "Bob Stranger")]},
        "history[0].to[1]",
        "nobody in these notes",
    ),
    (
        "unknown message kind",
        {"history": [sent("nudge", "2026-11-02", "Dana Lee")]},
        "history[0].kind",
        "thank_you",
    ),
    (
        "reply before the interview",
        {"employer_replies": [{"on": "2026-10-01"}]},
        "employer_replies[0].on",
        "before the interview",
    ),
    (
        "new promise before the reply",
        {"employer_replies": [{"on": "2026-11-05", "new_promised_date": "2026-11-04"}]},
        "employer_replies[0].new_promised_date",
        "before the reply",
    ),
    ("unknown outcome", {"outcome": "ghosted"}, "outcome", "pending"),
    ("unknown country", {"country": "XX"}, "country", "country code"),
    ("unknown field", {"salary": 100}, "salary", "not a known field"),
    (
        "over-long name",
        {"candidate_name": LONG},
        "candidate_name",
        "too long (5000 characters; at most 100)",
    ),
    ("over-long topic", {"topics": [LONG]}, "topics[0]", "too long"),
    ("over-long updates", {"personal_updates": LONG}, "personal_updates", "at most 2000"),
    (
        "too many topics",
        {"topics": [f"topic {i}" for i in range(30)]},
        "topics",
        "too many entries",
    ),
    ("control characters", {"company": "Acme\x00Corp"}, "company", "control character (U+0000)"),
    (
        "article without a web address",
        {"shareables": [{"kind": "article", "title": "T", "url": "javascript:alert(1)", "topic": "x"}]},
        "shareables[0].url",
        "http",
    ),
    (
        "shareable without a kind",
        {"shareables": [{"title": "T", "url": "https://e.org", "topic": "x"}]},
        "shareables[0]",
        "needs a kind",
    ),
]


def _error_lines(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as info:
        InterviewNotes.model_validate(data)
    return describe(info.value)


@pytest.mark.parametrize(("name", "overrides", "field", "words"), INVALID, ids=[c[0] for c in INVALID])
def test_library_error_names_the_field(name: str, overrides: dict[str, Any], field: str, words: str) -> None:
    lines = _error_lines(notes_data(**overrides))
    assert any(line.startswith(f"{field}: ") and words in line for line in lines), lines


@pytest.mark.parametrize(("name", "overrides", "field", "words"), INVALID, ids=[c[0] for c in INVALID])
def test_cli_error_names_the_field(
    name: str,
    overrides: dict[str, Any],
    field: str,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(yaml.safe_dump(notes_data(**overrides)))
    _assert_cli_reports(path, field, words, capsys)


def _assert_cli_reports(path: Path, field: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`followup plan` exits 2 with one line on stderr naming the field and the problem."""
    assert main(["plan", str(path), "--today", "2026-11-26"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"followup: error: {path}: ")
    assert f"{field}: " in err
    assert words in err
    assert "Traceback" not in err


def test_whole_notes_size_is_bounded() -> None:
    topics = ["t" * 290 + str(i) for i in range(20)]
    people = [{"name": f"Person {i} " + "n" * 80, "title": "t" * 150, "email": f"p{i}@e.org"} for i in range(12)]
    shareables = [
        {
            "kind": "article",
            "title": "a" * 300,
            "url": "https://e.org/" + "u" * 1900,
            "topic": "x" * 290,
        }
        for _ in range(10)
    ]
    data = notes_data(topics=topics, interviewers=people, shareables=shareables, personal_updates="p" * 2000)
    lines = _error_lines(data)
    assert any(line.startswith("notes: the notes are") and f"{NOTES_MAX_BYTES:,}" in line for line in lines), lines


FUTURE = [
    (
        "interview in the future",
        {"interview_date": "2026-11-30"},
        "interview_date",
        "has not happened yet",
    ),
    (
        "message sent tomorrow",
        {"history": [sent("thank_you", "2026-11-27", "Dana Lee")]},
        "history[0].sent_on",
        "once it is sent",
    ),
    (
        "reply from the future",
        {"employer_replies": [{"on": "2026-12-01"}]},
        "employer_replies[0].on",
        "from the future",
    ),
]


@pytest.mark.parametrize(("name", "overrides", "field", "words"), FUTURE, ids=[c[0] for c in FUTURE])
def test_decide_refuses_the_future_by_field(name: str, overrides: dict[str, Any], field: str, words: str) -> None:
    notes = InterviewNotes.model_validate(notes_data(**overrides))
    with pytest.raises(ValidationError) as info:
        decide(notes, d("2026-11-26"))
    assert any(line.startswith(f"{field}: ") and words in line for line in describe(info.value))


@pytest.mark.parametrize(("name", "overrides", "field", "words"), FUTURE, ids=[c[0] for c in FUTURE])
def test_cli_refuses_the_future_by_field(
    name: str,
    overrides: dict[str, Any],
    field: str,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "notes.json"
    path.write_text(InterviewNotes.model_validate(notes_data(**overrides)).model_dump_json())
    _assert_cli_reports(path, field, words, capsys)


def test_names_match_ignoring_case_and_spacing() -> None:
    notes = InterviewNotes.model_validate(notes_data(history=[sent("thank_you", "2026-11-02", "  dana   LEE ")]))
    assert notes.history[0].to == ["dana   LEE"]


def test_a_single_recipient_may_be_written_without_a_list() -> None:
    notes = InterviewNotes.model_validate(
        notes_data(history=[{"kind": "check_in", "sent_on": "2026-11-02", "to": "Sam Ortiz"}])
    )
    assert notes.history[0].to == ["Sam Ortiz"]
