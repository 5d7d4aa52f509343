"""Where the model settings come from: the environment, read in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

from followup.backends.base import MissingCredentials

OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
BACKENDS = ("auto", "openai", "local", "template")


@dataclass(frozen=True)
class OpenAISettings:
    base_url: str
    api_key: str
    model: str
    timeout: float
    max_retries: int


def backend_choice() -> str:
    choice = os.environ.get("FOLLOWUP_BACKEND", "auto").strip().lower() or "auto"
    if choice not in BACKENDS:
        raise ValueError(f"FOLLOWUP_BACKEND={choice!r}: use one of {', '.join(BACKENDS)}")
    return choice


def openai_configured() -> bool:
    return bool(os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL"))


def openai_settings() -> OpenAISettings:
    """The OpenAI-compatible endpoint's settings; the API key is resolved here and only here."""
    base_url = (os.environ.get("OPENAI_BASE_URL") or OPENAI_URL).rstrip("/")
    key = os.environ.get("OPENAI_API_KEY", "").strip()
    if not key:
        if base_url == OPENAI_URL:
            raise MissingCredentials(
                "OPENAI_API_KEY is not set. Set it to use OpenAI, set OPENAI_BASE_URL to a server of your "
                "own (Ollama, vLLM, llama.cpp), or use FOLLOWUP_BACKEND=template."
            )
        key = "not-needed"  # local servers accept any key
    return OpenAISettings(
        base_url=base_url,
        api_key=key,
        model=os.environ.get("FOLLOWUP_MODEL", DEFAULT_MODEL),
        timeout=float(os.environ.get("FOLLOWUP_TIMEOUT", "60")),
        max_retries=int(os.environ.get("FOLLOWUP_MAX_RETRIES", "2")),
    )
