"""The one interface every model backend offers, and the errors it may raise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from followup.drafting.prompts import Prompt


@dataclass(frozen=True)
class Generation:
    """What a model wrote, and what it cost."""

    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    latency_s: float


class Backend(Protocol):
    """A language model that writes a draft from a prompt and the notes' facts."""

    name: str
    model: str

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        """A draft. ``opening`` is where a base model starts writing (chat models ignore it);
        the returned text includes it."""
        ...


class BackendError(Exception):
    """The model could not give a usable draft. ``reason`` is said to the user as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MissingCredentials(BackendError):
    """No API key where one is needed."""


class AuthenticationFailed(BackendError):
    """The server refused the key."""


class RateLimited(BackendError):
    """Too many requests, still after retrying."""


class ModelTimeout(BackendError):
    """No answer in time."""


class ModelUnavailable(BackendError):
    """The server could not be reached or answered with an error."""


class BadResponse(BackendError):
    """An answer that is not a draft: malformed, empty or cut short."""


class Refused(BackendError):
    """The model declined to write the draft."""
