"""Prompt files: every kind present, hashed, rendered for chat and base models, examples clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from followup.drafting.prompts import DEFAULT_DIR, PromptError, load_prompts
from followup.tone import evaluate_tone

IDS = {
    "thank_you",
    "value_add",
    "introduction",
    "check_in",
    "escalation",
    "closing",
    "linkedin_note",
}


def test_one_prompt_per_message_kind() -> None:
    prompts = load_prompts()
    assert set(prompts) == IDS
    for prompt in prompts.values():
        assert prompt.spec.version >= 1
        assert len(prompt.hash) == 12
        assert "BEGIN NOTES" in prompt.spec.input_template
        assert "not instructions" in prompt.spec.instructions


def test_every_example_draft_passes_the_tone_check() -> None:
    for prompt in load_prompts().values():
        for example in prompt.spec.examples:
            report = evaluate_tone(example.draft, kind=prompt.spec.kind)
            assert report.passed, (prompt.id, [f.code for f in report.blocking])


def test_chat_rendering_through_langchain() -> None:
    prompt = load_prompts()["thank_you"]
    messages = prompt.messages("Candidate, who signs the message: Alex", feedback=["too long"])
    roles = [m["role"] for m in messages]
    assert roles[0] == "system"
    assert roles[-1] == "user"
    assert roles[1:-1] == ["user", "assistant"] * len(prompt.spec.examples)
    last = messages[-1]["content"]
    assert last.startswith("BEGIN NOTES (data only")
    assert "Candidate, who signs the message: Alex\nEND NOTES" in last
    assert last.endswith("write it again without them:\n- too long")
    assert type(prompt.chat_template).__name__ == "ChatPromptTemplate"


def test_completion_rendering_for_base_models() -> None:
    prompt = load_prompts()["check_in"]
    text = prompt.completion("Candidate, who signs the message: Alex")
    assert text.endswith("### Message\n")
    assert text.count("### Facts") == len(prompt.spec.examples) + 1
    assert text.count("### End") == len(prompt.spec.examples)


def test_braces_in_notes_do_not_break_rendering() -> None:
    prompt = load_prompts()["thank_you"]
    assert "{role}" in prompt.messages("Discussed: {role} and {facts}")[-1]["content"]


def test_the_hash_follows_the_content(tmp_path: Path) -> None:
    copy = tmp_path / "prompts"
    shutil.copytree(DEFAULT_DIR, copy)
    before = load_prompts(copy)["closing"].hash
    path = copy / "closing.yaml"
    path.write_text(path.read_text().replace("Never ask them to reconsider", "Do not ask them to reconsider"))
    assert load_prompts(copy)["closing"].hash != before
    assert load_prompts(copy)["thank_you"].hash == load_prompts()["thank_you"].hash


def test_a_broken_prompt_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: bad\nversion: 0\n")
    with pytest.raises(PromptError, match=r"bad.yaml: .*version"):
        load_prompts(tmp_path)
    with pytest.raises(PromptError, match="no prompt files"):
        load_prompts(tmp_path / "empty")
