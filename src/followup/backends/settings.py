"""The model endpoint's settings, taken from :mod:`followup.settings` (the one place the
environment is read); the API key is resolved here and only here."""

from __future__ import annotations

from dataclasses import dataclass

from followup.backends.base import MissingCredentials
from followup.settings import BACKENDS, DEFAULT_MODEL, OPENAI_URL, Settings, current

__all__ = ["BACKENDS", "DEFAULT_MODEL", "OPENAI_URL", "OpenAISettings", "backend_choice", "openai_settings"]


@dataclass(frozen=True)
class OpenAISettings:
    base_url: str
    api_key: str
    model: str
    timeout: float
    max_retries: int


def backend_choice() -> str:
    return current().backend


def openai_configured() -> bool:
    return current().openai_configured


def openai_settings(settings: Settings | None = None) -> OpenAISettings:
    """The OpenAI-compatible endpoint's settings."""
    settings = settings or current()
    base_url = settings.openai_base_url or OPENAI_URL
    key = (settings.openai_api_key or "").strip()
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
        model=settings.model,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
    )
