"""Choosing the backend: FOLLOWUP_BACKEND = auto (default), openai, local or template."""

from __future__ import annotations

from followup.backends.base import Backend
from followup.backends.local import LocalBackend, local_available
from followup.backends.openai_backend import OpenAIBackend
from followup.backends.settings import BACKENDS, backend_choice, openai_configured


def resolve_name(name: str | None = None) -> str:
    """``auto`` becomes openai when a key or base URL is set, else local when installed, else template."""
    choice = (name or backend_choice()).lower()
    if choice not in BACKENDS:
        raise ValueError(f"backend {choice!r}: use one of {', '.join(BACKENDS)}")
    if choice != "auto":
        return choice
    if openai_configured():
        return "openai"
    return "local" if local_available() else "template"


def get_backend(name: str | None = None) -> Backend | None:
    """The backend to draft with; None means the template engine alone."""
    resolved = resolve_name(name)
    if resolved == "template":
        return None
    if resolved == "local":
        return LocalBackend()
    return OpenAIBackend()
