"""Any OpenAI-compatible endpoint, through the ``openai`` client.

The client retries 408, 429 and 5xx answers with exponential backoff
(``max_retries``); what still fails becomes a :class:`BackendError` whose
reason the user reads. Each request runs on the asynchronous client under the
advise call's deadline (:mod:`followup.backends.deadline`), which cancels it,
retries and a slowly dripping answer included, when the time is up.
"""

from __future__ import annotations

import functools
import ssl
import time
import zlib
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
from followup.backends.deadline import run_within, time_left
from followup.backends.settings import OpenAISettings, openai_settings
from followup.drafting.prompts import STOP, Prompt
from followup.drafting.short_format import END as SHORT_END
from followup.drafting.short_format import HEADER as SHORT_HEADER
from followup.drafting.short_format import short_prompt

#: chat: instruction-tuned models; completion: a base model with few-shot prompts; short: the
#: bundled base model with the drafting adapter, which reads only the short fact sheet.
Mode = Literal["chat", "completion", "short"]
MAX_TOKENS = 400
TEMPERATURE = 0.4
#: The tuned model's sampling seed for a first attempt (a redraft adds a checksum of its feedback).
SEED = 20261127
#: A longer answer is not a draft; the rest is dropped before anything reads it.
MAX_ANSWER_CHARS = 20_000


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for the process, made as the HTTP library makes its default one.

    A client is made for each request (it belongs to that request's event loop), and
    loading the CA bundle into a new context each time cost about 18 ms of the 20."""
    try:
        import httpx2 as http  # what the openai client uses
    except ImportError:  # pragma: no cover - older openai releases use httpx
        import httpx as http  # type: ignore[no-redef]
    return http.create_ssl_context()


class OpenAIBackend:
    """Chat completions (instruction-tuned models) or plain completions (base models)."""

    name = "openai"
    #: Drafts for a panel are written at once: a remote server answers them side by side.
    parallel = 4

    def __init__(self, settings: OpenAISettings | None = None, *, mode: Mode = "chat") -> None:
        self.settings = settings or openai_settings()
        self.model = self.settings.model
        self.mode: Mode = mode

    def _client(self) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            api_key=self.settings.api_key,
            base_url=self.settings.base_url,
            timeout=self.settings.timeout,
            max_retries=self.settings.max_retries,
            http_client=openai.DefaultAsyncHttpxClient(verify=_tls()),
        )

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        start = time.perf_counter()
        left = time_left()
        if left is not None and left <= 0:
            raise ModelTimeout("the time for drafting ran out before the model could be asked")
        try:
            text, usage, model = run_within(self._ask(prompt, facts, feedback, opening), left)
            text = text[:MAX_ANSWER_CHARS]
        except BackendError:
            raise
        except TimeoutError:
            raise ModelTimeout("the model did not finish before the deadline for drafting") from None
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

    async def _ask(self, prompt: Prompt, facts: str, feedback: Sequence[str], opening: str) -> tuple[str, Any, str]:
        async with self._client() as client:
            if self.mode == "chat":
                return await self._chat(client, prompt, facts, feedback)
            text, usage, model = await self._completion(client, prompt, facts, feedback, opening)
            return opening + text, usage, model

    async def _chat(
        self, client: openai.AsyncOpenAI, prompt: Prompt, facts: str, feedback: Sequence[str]
    ) -> tuple[str, Any, str]:
        response = await client.chat.completions.create(
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

    async def _completion(
        self, client: openai.AsyncOpenAI, prompt: Prompt, facts: str, feedback: Sequence[str], opening: str
    ) -> tuple[str, Any, str]:
        extra: dict[str, Any] = {}
        if self.mode == "short":  # the adapter learned the task: facts and greeting only, no feedback
            text, stop = short_prompt(facts, opening), [SHORT_END, SHORT_HEADER]
            # One seed per attempt: the same facts give the same first draft (reproducible),
            # and a redraft after a failed check samples anew.
            extra["seed"] = SEED + zlib.crc32("\n".join(feedback).encode())
        else:
            text, stop = prompt.completion(facts, feedback, opening), STOP
        response = await client.completions.create(
            model=self.model,
            prompt=text,
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
            stop=stop,
            **extra,
        )
        if not response.choices:
            raise BadResponse("the model server's answer held no draft")
        return response.choices[0].text or "", response.usage, response.model
