"""Prompt files: loading them, hashing them, rendering them for chat and base models."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from followup.errors import InputError, one_line
from followup.settings import current
from followup.tone.report import DraftKind

#: The prompts shipped with the package (``src/followup/prompts/`` in a checkout), read as
#: package data so that an installed wheel finds them too.
DEFAULT_DIR = Path(str(resources.files("followup") / "prompts"))
#: Prompt files are small; a bigger file is a mistake, not a prompt.
MAX_PROMPT_BYTES = 256 * 1024
#: What the base model writes after each message in the few-shot text; generation stops there.
END = "### End"
STOP = [END, "### Facts", "END NOTES"]


class PromptError(InputError):
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


#: Every prompt the advisor asks for; a folder of prompts must hold each of them.
REQUIRED = ("thank_you", "value_add", "introduction", "check_in", "escalation", "closing", "linkedin_note")


def prompts_dir() -> Path:
    """FOLLOWUP_PROMPTS, else the shipped prompts."""
    return current().prompts_dir or DEFAULT_DIR


def load_prompts(directory: Path | None = None) -> dict[str, Prompt]:
    """Every ``*.yaml`` prompt in ``directory`` (the shipped prompts by default), by id.

    Raises PromptError, naming the folder or the file, when the folder is missing or
    empty, a file is unreadable or invalid, or one of the prompts the advisor needs is
    missing."""
    named = current().prompts_dir if directory is None else None
    directory = directory or named or DEFAULT_DIR
    where = f"FOLLOWUP_PROMPTS={directory}" if named else str(directory)
    if not directory.is_dir():
        raise PromptError(f"{where}: no prompt files there (it is not a folder)")
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise PromptError(f"{where}: no prompt files (*.yaml) found")
    prompts: dict[str, Prompt] = {}
    for path in files:
        raw = _read(path)
        try:
            data = yaml.safe_load(raw)
        except (yaml.YAMLError, RecursionError):
            raise PromptError(f"{path}: is not valid YAML") from None
        try:
            spec = PromptSpec.model_validate(data)
        except ValidationError as exc:
            raise PromptError(f"{path}: {one_line(exc)}") from None
        if spec.id in prompts:
            raise PromptError(f"{path}: id {spec.id!r} is also used by {prompts[spec.id].path.name}")
        prompts[spec.id] = Prompt(spec, path, hashlib.sha256(raw).hexdigest()[:12])
    missing = [name for name in REQUIRED if name not in prompts]
    if missing:
        raise PromptError(f"{where}: no prompt with id {', '.join(missing)}")
    return prompts


def _read(path: Path) -> bytes:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise PromptError(f"{path}: is not a regular file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_PROMPT_BYTES + 1)
    except OSError as exc:
        raise PromptError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_PROMPT_BYTES:
        raise PromptError(f"{path}: is larger than {MAX_PROMPT_BYTES:,} bytes")
    return raw
