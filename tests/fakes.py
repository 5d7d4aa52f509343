"""A fake model for the logic tests: queued replies, and a record of what it was asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from followup.backends.base import BackendError, Generation
from followup.drafting.prompts import Prompt


@dataclass
class FakeBackend:
    """Replies in order; an exception in the queue is raised instead. Repeats the last reply."""

    replies: list[str | BackendError]
    name: str = "fake"
    model: str = "fake-1"
    calls: list[tuple[str, str, list[str]]] = field(default_factory=list)
    openings: list[str] = field(default_factory=list)

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        self.calls.append((prompt.id, facts, list(feedback)))
        reply = self.replies[min(len(self.calls), len(self.replies)) - 1]
        if isinstance(reply, BackendError):
            raise reply
        return Generation(reply, self.model, prompt_tokens=100, completion_tokens=50, latency_s=0.01)
