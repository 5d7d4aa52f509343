"""A content-addressed cache of model answers, wrapped around any backend.

The key is a hash of what decides the answer: the endpoint, the model, the sampling
parameters, the full rendered prompt (feedback included) and the repeat index. Errors
are never cached. In cache-only mode a miss is an error, so CI replays committed
answers without a model; the backend is only created on the first miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from followup.backends.base import Backend, BackendError, Generation
from followup.backends.openai_backend import MAX_TOKENS, TEMPERATURE
from followup.drafting.prompts import Prompt
from followup.drafting.short_format import short_prompt


class CacheMiss(BackendError):
    """Cache-only mode, and no answer stored for this prompt."""


class CachingBackend:
    """A backend that answers from ``directory`` when it can, and stores what the model says."""

    def __init__(
        self,
        make: Callable[[], Backend],
        directory: Path,
        *,
        identity: dict[str, Any],
        mode: str = "use",
        repeat: int = 0,
    ) -> None:
        self._make = make
        self._backend: Backend | None = None
        self.directory = directory
        self.identity = identity  # endpoint, model, api mode: what the answer depends on besides the prompt
        self.cache_mode = mode  # "use", "refresh" or "only"
        self.repeat = repeat
        self.name = str(identity.get("backend", "cached"))
        self.model = str(identity.get("model", ""))
        self.hits = 0
        self.misses = 0

    def with_repeat(self, repeat: int) -> CachingBackend:
        twin = CachingBackend(self._make, self.directory, identity=self.identity, mode=self.cache_mode, repeat=repeat)
        twin._backend = self._backend
        return twin

    @property
    def mode(self) -> str:
        return str(self.identity.get("api", "chat"))

    def key(self, prompt: Prompt, facts: str, feedback: Sequence[str], opening: str = "") -> str:
        api = self.identity.get("api")
        rendered: Any = (
            prompt.completion(facts, feedback, opening)
            if api == "completion"
            else {"short": short_prompt(facts, opening), "feedback": list(feedback)}  # one answer per attempt
            if api == "short"
            else prompt.messages(facts, feedback)
        )
        material = {
            **self.identity,
            "temperature": TEMPERATURE,
            "max_tokens": MAX_TOKENS,
            "prompt": rendered,
            "repeat": self.repeat,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        key = self.key(prompt, facts, feedback, opening)
        path = self.directory / key[:2] / f"{key}.json"
        if self.cache_mode != "refresh" and path.exists():
            self.hits += 1
            stored = json.loads(path.read_text(encoding="utf-8"))
            return Generation(**{**stored, "latency_s": 0.0})
        if self.cache_mode == "only":
            raise CacheMiss("this prompt's answer is not in the cache (run the eval once with the model)")
        self.misses += 1
        if self._backend is None:
            self._backend = self._make()
        generation = self._backend.generate(prompt, facts, feedback, opening)  # errors propagate, never cached
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(generation), sort_keys=True) + "\n", encoding="utf-8")
        return generation
