"""Closing notes that move on after silence: graceful ones pass, bitter ones are blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup import load_notes
from followup.tone import evaluate_tone

NOTES = load_notes(Path(__file__).parent.parent / "evals" / "tone" / "notes" / "lumen.yaml")


def _closing(sentence: str) -> str:
    return (
        "Dear Ben,\n\nThank you for your help throughout the process for the Clinical Data Scientist role. "
        f"{sentence}\n\nI enjoyed meeting Aiko and Fatima very much.\n\nKind regards,\nTomás Rivera\n"
    )


GRACEFUL = [
    "I understand the team may have moved on, so I will assume the role has been filled; I would welcome the chance to stay in touch.",
    "As I have not heard back, I will assume the position has been filled, and I completely understand.",
    "Since I haven't heard anything, I'll assume you've decided to move forward with other candidates. I would welcome the chance to stay in touch.",
    "I will assume you have gone with another candidate, which I understand.",
    "If the role has already been filled, I completely understand, and I wish the team every success.",
    "I'll take it that you have chosen another candidate, and I wish them and the team well.",
    "It has been a few weeks, so I will presume the team has moved forward with other applicants.",
    "I will assume the role is no longer open, and there is no need to reply.",
]


@pytest.mark.parametrize("sentence", GRACEFUL)
def test_a_graceful_assumption_that_the_team_moved_on_passes(sentence: str) -> None:
    report = evaluate_tone(_closing(sentence), kind="closing", notes=NOTES)
    assert report.passed, report.blocking


# (the sentence, the rule that must block it)
BITTER = [
    ("I will assume you have moved on; a simple reply would have been the decent thing to do.", "kind.closing_bitter"),
    (
        "I'll assume the team has moved on, though after all the time I put in I expected at least a reply.",
        "kind.closing_bitter",
    ),
    ("I'll assume you've gone with other candidates, even though I was clearly the best fit.", "kind.closing_bitter"),
    ("If you have chosen other candidates, I hope you know what you're missing.", "kind.closing_bitter"),
    ("I will assume the role has been filled, since apparently a reply was too much to ask.", "kind.closing_bitter"),
    ("I'll assume you went with another candidate without having the decency to tell me.", "kind.closing_bitter"),
    ("I'll assume the role was never really open.", "kind.closing_bitter"),
    ("I will presume the team has hired someone cheaper.", "kind.closing_bitter"),
    ("I'll assume you've hired someone cheaper, which is your loss.", "kind.closing_guilt"),
    ("I will assume you've chosen another candidate, though I would ask you to reconsider.", "kind.closing_guilt"),
    ("I will assume the role has been filled by someone less qualified.", "faithful.claim"),
    ("I can only assume the role was filled internally.", "faithful.claim"),
    ("I will assume the other candidates were simply better connected.", "faithful.claim"),
    ("As nobody has bothered to reply, I will assume the role has been filled.", "irritated.reproach"),
]


@pytest.mark.parametrize(("sentence", "code"), BITTER)
def test_a_bitter_or_guilt_tripping_closing_is_blocked(sentence: str, code: str) -> None:
    report = evaluate_tone(_closing(sentence), kind="closing", notes=NOTES)
    assert not report.passed
    assert code in {f.code for f in report.blocking}


def test_the_outcome_stated_as_fact_is_still_a_claim() -> None:
    report = evaluate_tone(_closing("The role has been filled, and I understand."), kind="closing", notes=NOTES)
    assert [f.quote for f in report.blocking if f.code == "faithful.claim"] == ["role has been filled"]


def test_the_assumption_is_excused_only_in_a_closing_note() -> None:
    text = _closing("I will assume you have gone with another candidate, which I understand.")
    report = evaluate_tone(text, kind="check_in", notes=NOTES)
    assert "faithful.claim" in {f.code for f in report.blocking}
