"""Choosing a backend, and the settings it takes from the environment."""

from __future__ import annotations

import pytest

from followup.backends.base import MissingCredentials
from followup.backends.choose import get_backend, resolve_name
from followup.backends.settings import openai_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "FOLLOWUP_BACKEND",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "FOLLOWUP_MODEL",
        "FOLLOWUP_LOCAL_MODEL",
    ):
        monkeypatch.delenv(name, raising=False)


def test_auto_prefers_openai_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    assert resolve_name() == "openai"


def test_auto_without_configuration_is_the_template_engine_even_with_the_local_extra() -> None:
    """The embedded model's drafts lose to the template's when read blind (the adapter's model
    card): installing the local extra does not make it the default; FOLLOWUP_BACKEND=local does."""
    assert resolve_name() == "template"
    assert get_backend() is None
    assert resolve_name("local") == "local"


def test_explicit_choice_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("FOLLOWUP_BACKEND", "template")
    assert resolve_name() == "template"
    assert resolve_name("openai") == "openai"


def test_an_unknown_backend_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_BACKEND", "gpt5")
    with pytest.raises(ValueError, match="FOLLOWUP_BACKEND='gpt5': use one of auto, openai, local, template"):
        resolve_name()


def test_openai_needs_a_key_and_says_how_to_fix_it() -> None:
    with pytest.raises(MissingCredentials, match="OPENAI_API_KEY is not set") as info:
        get_backend("openai")
    assert "FOLLOWUP_BACKEND=template" in info.value.reason


def test_a_server_of_your_own_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1/")
    monkeypatch.setenv("FOLLOWUP_MODEL", "llama3.2")
    settings = openai_settings()
    assert (settings.base_url, settings.model, settings.api_key) == (
        "http://127.0.0.1:11434/v1",
        "llama3.2",
        "not-needed",
    )
