"""Any OpenAI-compatible endpoint, through the ``openai`` client.

The client retries 408, 429 and 5xx answers with exponential backoff
(``max_retries``); what still fails becomes a :class:`BackendError` whose
reason the user reads.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, Literal

import openai

from followup.backends.base import (
    AuthenticationFailed,
    BackendError,
    BadResponse,
    Generation,
    ModelTimeout,
    ModelUnavailable,
    RateLimited,
    Refused,
)
from followup.backends.settings import OpenAISettings, openai_settings
from followup.drafting.prompts import STOP, Prompt

Mode = Literal["chat", "completion"]
MAX_TOKENS = 400
TEMPERATURE = 0.4


class OpenAIBackend:
    """Chat completions (instruction-tuned models) or plain completions (base models)."""

    name = "openai"

    def __init__(self, settings: OpenAISettings | None = None, *, mode: Mode = "chat") -> None:
        self.settings = settings or openai_settings()
        self.model = self.settings.model
        self.mode: Mode = mode
        self.client = openai.OpenAI(
            api_key=self.settings.api_key,
            base_url=self.settings.base_url,
            timeout=self.settings.timeout,
            max_retries=self.settings.max_retries,
        )

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        start = time.perf_counter()
        try:
            if self.mode == "chat":
                text, usage, model = self._chat(prompt, facts, feedback)
            else:
                text, usage, model = self._completion(prompt, facts, feedback, opening)
                text = opening + text
        except BackendError:
            raise
        except openai.APITimeoutError:
            raise ModelTimeout(f"the model did not answer within {self.settings.timeout:g} seconds") from None
        except openai.APIConnectionError:
            raise ModelUnavailable(f"the model server at {self.settings.base_url} could not be reached") from None
        except openai.AuthenticationError:
            raise AuthenticationFailed(
                "the model server refused the API key: check OPENAI_API_KEY (and OPENAI_BASE_URL)"
            ) from None
        except openai.RateLimitError:
            raise RateLimited("the model server is rate-limiting requests; try again in a minute") from None
        except openai.APIStatusError as exc:
            raise ModelUnavailable(f"the model server answered with an error (HTTP {exc.status_code})") from None
        except (openai.APIError, ValueError, KeyError, TypeError, AttributeError):
            raise BadResponse("the model server's answer could not be read") from None
        if not text.strip():
            raise BadResponse("the model returned an empty draft")
        prompt_tokens = getattr(usage, "prompt_tokens", 0) or 0
        completion_tokens = getattr(usage, "completion_tokens", 0) or 0
        return Generation(text, model or self.model, prompt_tokens, completion_tokens, time.perf_counter() - start)

    def _chat(self, prompt: Prompt, facts: str, feedback: Sequence[str]) -> tuple[str, Any, str]:
        response = self.client.chat.completions.create(
            model=self.model,
            messages=prompt.messages(facts, feedback),  # type: ignore[arg-type]
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
        )
        if not response.choices:
            raise BadResponse("the model server's answer held no draft")
        message = response.choices[0].message
        refusal = getattr(message, "refusal", None)
        if refusal:
            raise Refused(f"the model declined to write it ({refusal.strip()[:120]})")
        return message.content or "", response.usage, response.model

    def _completion(self, prompt: Prompt, facts: str, feedback: Sequence[str], opening: str) -> tuple[str, Any, str]:
        response = self.client.completions.create(
            model=self.model,
            prompt=prompt.completion(facts, feedback, opening),
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
            stop=STOP,
        )
        if not response.choices:
            raise BadResponse("the model server's answer held no draft")
        return response.choices[0].text or "", response.usage, response.model
