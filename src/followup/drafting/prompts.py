"""Prompt files: loading them, hashing them, rendering them for chat and base models."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from followup.errors import one_line
from followup.tone.report import DraftKind

#: The prompts shipped with the project (a checkout's top-level prompts/ folder).
DEFAULT_DIR = Path(__file__).resolve().parents[3] / "prompts"
#: What the base model writes after each message in the few-shot text; generation stops there.
END = "### End"
STOP = [END, "### Facts", "END NOTES"]


class PromptError(ValueError):
    """A prompt file that cannot be used: its message names the file and the problem."""


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    facts: Annotated[str, StringConstraints(min_length=1)]
    draft: Annotated[str, StringConstraints(min_length=1)]


class PromptSpec(BaseModel):
    """One prompt file, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    version: int = Field(ge=1)
    kind: DraftKind
    description: str
    instructions: Annotated[str, StringConstraints(min_length=20)]
    examples: Annotated[list[Example], Field(min_length=1)]
    input_template: Annotated[str, StringConstraints(pattern=r"\{facts\}")]


@dataclass(frozen=True)
class Prompt:
    spec: PromptSpec
    path: Path
    hash: str  # sha256 of the file's bytes, first 12 hex digits

    @property
    def id(self) -> str:
        return self.spec.id

    def _input(self, facts: str, feedback: Sequence[str] = ()) -> str:
        text = self.spec.input_template.replace("{facts}", facts.strip())
        if feedback:
            problems = "\n".join(f"- {item}" for item in feedback)
            text += f"\nYour previous draft had these problems; write it again without them:\n{problems}"
        return text

    @cached_property
    def chat_template(self) -> object:
        """The prompt as a langchain-core ChatPromptTemplate: the instructions, the examples as
        turns, and a last human turn ``{input}`` that receives the notes block."""
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
        from langchain_core.prompts import ChatPromptTemplate

        messages: list[object] = [SystemMessage(self.spec.instructions)]
        for example in self.spec.examples:
            messages += [HumanMessage(self._input(example.facts)), AIMessage(example.draft.strip())]
        messages.append(("human", "{input}"))
        return ChatPromptTemplate.from_messages(messages)  # type: ignore[arg-type]

    def messages(self, facts: str, feedback: Sequence[str] = ()) -> list[dict[str, str]]:
        """Chat messages in the OpenAI wire format."""
        roles = {"system": "system", "human": "user", "ai": "assistant"}
        formatted = self.chat_template.format_messages(input=self._input(facts, feedback))  # type: ignore[attr-defined]
        return [{"role": roles[m.type], "content": str(m.content)} for m in formatted]

    def completion(self, facts: str, feedback: Sequence[str] = (), opening: str = "") -> str:
        """Few-shot completion text for a base model; the model continues after the last header,
        from ``opening`` when given (the greeting, so that it starts with the right name)."""
        parts = [self.spec.instructions.strip(), ""]
        for example in self.spec.examples:
            parts += [
                "### Facts",
                self._input(example.facts),
                "### Message",
                example.draft.strip(),
                END,
                "",
            ]
        parts += ["### Facts", self._input(facts, feedback), "### Message", ""]
        return "\n".join(parts) + opening


def prompts_dir() -> Path:
    return Path(os.environ.get("FOLLOWUP_PROMPTS") or DEFAULT_DIR)


def load_prompts(directory: Path | None = None) -> dict[str, Prompt]:
    """Every ``*.yaml`` prompt in ``directory`` (the shipped prompts by default), by id."""
    directory = directory or prompts_dir()
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise PromptError(f"{directory}: no prompt files (*.yaml) found")
    prompts: dict[str, Prompt] = {}
    for path in files:
        raw = path.read_bytes()
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError:
            raise PromptError(f"{path}: is not valid YAML") from None
        try:
            spec = PromptSpec.model_validate(data)
        except ValidationError as exc:
            raise PromptError(f"{path}: {one_line(exc)}") from None
        if spec.id in prompts:
            raise PromptError(f"{path}: id {spec.id!r} is also used by {prompts[spec.id].path.name}")
        prompts[spec.id] = Prompt(spec, path, hashlib.sha256(raw).hexdigest()[:12])
    return prompts
