"""advise(): the gate with a fake model, the fallbacks, what the result holds."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from followup import Action, load_notes
from followup.advice import Advice
from followup.advisor import aadvise, advise
from followup.backends.base import ModelTimeout, RateLimited
from followup.drafting.gate import MAX_PANEL_SIMILARITY, similarity

from .builders import d, make_notes, sent
from .fakes import FakeBackend

ROOT = Path(__file__).parent.parent
ACME = load_notes(ROOT / "evals" / "tone" / "notes" / "quill.yaml")  # one interviewer, no thank-you yet
TODAY = d("2026-11-20")

GOOD = """Dear Hannah,

Thank you for meeting with me on Thursday about the Editorial Assistant role. I loved hearing about the spring poetry list, and it made me even more keen to join Quill Books.

Could you tell me a little about the timeline for the next steps?

With thanks,
Priyanka Rao
"""
INVENTED = GOOD.replace("Priyanka Rao", "Hannah Moore")  # signed with the interviewer's name
PUSHY = GOOD.replace("Could you tell me a little about the timeline for the next steps?", "Please reply ASAP!!")


def test_a_draft_that_passes_is_shown_as_the_models() -> None:
    model = FakeBackend([GOOD])
    advice = advise(ACME, today=TODAY, backend=model)
    assert advice.decision.action == Action.be_proactive
    [draft] = advice.drafts
    assert draft.source == "model"
    assert draft.body == GOOD
    assert draft.tone.passed
    assert (draft.backend, draft.model, draft.prompt_id, draft.prompt_version) == (
        "fake",
        "fake-1",
        "thank_you",
        1,
    )
    assert len(draft.prompt_hash) == 12
    # The subject varies from one interview to the next; it is one line and names no one new.
    assert draft.subject
    assert draft.subject.startswith(("Thank you", "With thanks", "Our conversation"))
    assert draft.usage.prompt_tokens == 100
    assert len(model.calls) == 1


def test_a_failing_draft_is_redrafted_with_the_findings() -> None:
    model = FakeBackend([INVENTED, GOOD])
    [draft] = advise(ACME, today=TODAY, backend=model).drafts
    assert draft.source == "model"
    assert [a.rejected_because for a in draft.attempts] == ["faithful.signature", None]
    feedback = model.calls[1][2]
    assert any("Hannah Moore" in item and "Priyanka Rao" in item for item in feedback)
    assert draft.usage.prompt_tokens == 200


def test_three_failures_fall_back_to_the_template_and_say_why() -> None:
    model = FakeBackend([PUSHY])
    [draft] = advise(ACME, today=TODAY, backend=model).drafts
    assert draft.source == "template"
    assert draft.tone.passed
    assert "ASAP" not in draft.body
    assert len(draft.attempts) == 3
    assert all(not a.tone.passed for a in draft.attempts if a.tone)
    assert "did not pass the tone check" in (draft.fallback_reason or "")
    assert "pushy.asap" in (draft.fallback_reason or "")
    assert draft.prompt_id == "template.thank_you"


@pytest.mark.parametrize(
    "error",
    [ModelTimeout("the model did not answer within 60 seconds"), RateLimited("rate-limited")],
)
def test_a_failing_model_gives_the_template_draft_with_the_reason(error: Exception) -> None:
    [draft] = advise(ACME, today=TODAY, backend=FakeBackend([error])).drafts  # type: ignore[list-item]
    assert draft.source == "template"
    assert draft.attempts[0].error == str(error)
    assert str(error) in (draft.fallback_reason or "")


def test_no_model_means_the_template_engine() -> None:
    advice = advise(ACME, today=TODAY, backend="template")
    assert advice.backend == "template"
    assert advice.model is None
    [draft] = advice.drafts
    assert draft.source == "template"
    assert draft.fallback_reason is None
    assert draft.attempts == []
    assert "Hannah" in draft.body
    assert "Editorial Assistant" in draft.body
    assert "spring poetry list" in draft.body


def test_panel_drafts_differ() -> None:
    notes = load_notes(ROOT / "evals" / "tone" / "notes" / "acme.yaml").model_copy(update={"history": []})
    advice = advise(notes, today=d("2026-11-04"), backend="template")
    bodies = [(x.body, x.recipient.split()[0]) for x in advice.drafts]
    assert [x.recipient for x in advice.drafts] == ["Dana Whitfield", "Sam Ortiz", "Lena Fischer"]
    for i, (a, name_a) in enumerate(bodies):
        for b, name_b in bodies[i + 1 :]:
            assert similarity(a, b, (name_a, name_b)) <= MAX_PANEL_SIMILARITY


def test_a_model_that_writes_the_same_note_to_the_whole_panel_is_caught() -> None:
    notes = load_notes(ROOT / "evals" / "tone" / "notes" / "riverbank.yaml").model_copy(update={"history": []})
    same = """Dear {name},

Thank you for meeting with me on Wednesday about the Product Designer role. I enjoyed our conversation about redesigning the patient intake forms, and it made me even more keen to join Riverbank Health.

Thank you again for your time.

Kind regards,
Sofia Alvarez
"""
    model = FakeBackend([same.format(name="Marcus"), same.format(name="Aisha")])
    advice = advise(notes, today=d("2026-10-29"), backend=model)
    first, second = advice.drafts
    assert first.source == "model"
    assert second.attempts[0].rejected_because == "too similar to the draft for Marcus Green"


def test_take_it_up_without_a_senior_contact_asks_instead_of_inventing() -> None:
    notes = make_notes(
        history=[
            sent("thank_you", "2026-11-02", "Dana Lee", "Sam Ortiz"),
            sent("check_in", "2026-11-11", "Dana Lee"),
        ]
    )
    advice = advise(notes, today=d("2026-11-18"), backend=FakeBackend([GOOD]))
    assert advice.decision.action == Action.take_it_up
    assert advice.drafts == []
    assert [n.field for n in advice.needs] == ["senior_contact"]


def test_move_on_brings_a_reflection() -> None:
    notes = load_notes(ROOT / "evals" / "tone" / "notes" / "finch.yaml")
    advice = advise(notes, today=d("2026-11-25"), backend="template")
    assert advice.decision.action == Action.move_on
    assert advice.drafts[0].kind == "closing"
    assert [line.split(":")[0] for line in advice.reflection] == [
        "What went well",
        "What to improve",
        "Next step",
    ]


def test_nothing_to_chase_means_no_drafts() -> None:
    advice = advise(make_notes(outcome="offer"), today=d("2026-11-20"), backend="template")
    assert advice.decision.action is None
    assert advice.drafts == []


def test_advice_serialises_to_json_and_back() -> None:
    advice = advise(ACME, today=TODAY, backend=FakeBackend([INVENTED, GOOD]))
    data = json.loads(advice.model_dump_json())
    assert data["drafts"][0]["attempts"][0]["tone"]["passed"] is False
    assert Advice.model_validate(data) == advice


def test_aadvise_gives_the_same_drafts() -> None:
    notes = load_notes(ROOT / "evals" / "tone" / "notes" / "acme.yaml").model_copy(update={"history": []})
    sync = advise(notes, today=d("2026-11-04"), backend="template")
    async_ = asyncio.run(aadvise(notes, today=d("2026-11-04"), backend="template"))
    assert [x.body for x in async_.drafts] == [x.body for x in sync.drafts]


def test_linkedin_channel_drafts_short_notes() -> None:
    [draft] = advise(ACME, today=TODAY, backend="template", channel="linkedin").drafts
    assert draft.kind == "linkedin_note"
    assert draft.subject is None
    assert len(draft.body.strip()) <= 300
    assert draft.tone.passed


class BaseModel(FakeBackend):
    """A fake base model: it continues from the opening it is given, and signs as it likes."""

    mode = "completion"

    def generate(self, prompt, facts, feedback=(), opening=""):  # type: ignore[no-untyped-def]
        generation = super().generate(prompt, facts, feedback, opening)
        self.openings.append(opening)
        return type(generation)(opening + generation.text, generation.model, 1, 1, 0.01)


def test_a_base_model_starts_from_the_greeting_and_the_advisor_signs() -> None:
    continuation = (
        "Thank you for meeting with me on Thursday about the Editorial Assistant role. I loved hearing about the "
        "spring poetry list, and it made me even more keen to join Quill Books.\n\nCould you tell me a little about "
        "the timeline for the next steps?\n\nWith thanks,\nMaya Chen\n"
    )
    model = BaseModel([continuation])
    model.openings = []
    [draft] = advise(ACME, today=TODAY, backend=model).drafts
    assert model.openings == ["Dear Hannah,\n\n"]
    assert draft.source == "model"
    assert draft.body.startswith("Dear Hannah,\n\nThank you for meeting")
    assert draft.body.endswith("With thanks,\nPriyanka Rao\n")  # the borrowed name is replaced
    assert "Maya Chen" not in draft.body


def test_a_base_model_draft_with_no_sign_off_gets_one() -> None:
    model = BaseModel(
        [
            "Thank you for meeting with me on Thursday about the Editorial Assistant role. I loved hearing about the spring poetry list, and it made me even more keen to join Quill Books. Could you tell me a little about the timeline for the next steps?"
        ]
    )
    model.openings = []
    [draft] = advise(ACME, today=TODAY, backend=model).drafts
    assert draft.body.endswith("Best regards,\nPriyanka Rao\n")


def test_chat_models_write_the_whole_message() -> None:
    model = FakeBackend([GOOD])
    [draft] = advise(ACME, today=TODAY, backend=model).drafts
    assert draft.body == GOOD


def test_a_decision_already_made_is_used_not_made_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import followup.advisor

    notes = load_notes(ROOT / "examples" / "northwind.yaml")
    decision = followup.advisor.decide(notes, d("2026-11-26"))
    monkeypatch.setattr(followup.advisor, "decide", lambda *a, **k: pytest.fail("decided twice"))
    advice = advise(notes, today=d("2026-11-26"), backend="template", decision=decision)
    assert advice.decision is decision
    with pytest.raises(ValueError, match="made for 2026-11-26, not for 2026-11-27"):
        advise(notes, today=d("2026-11-27"), backend="template", decision=decision)
