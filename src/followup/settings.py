"""Every setting the advisor reads from the environment, validated in one place.

``current()`` reads the environment each time it is called (it is cheap), so a
front end validates it once at start-up and tests can change a variable and see
the change. A bad value is a :class:`SettingsError` whose one line names the
variable, its value and what would be accepted; nothing else in the package reads
``os.environ`` for these.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from followup.errors import InputError

BACKENDS = ("auto", "openai", "local", "template")
OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
#: A value longer than this is a mistake (a whole file pasted into a variable), not a setting.
MAX_VALUE_CHARS = 4096


class SettingsError(InputError):
    """An environment variable with a value the advisor cannot use."""


def _printable(value: str) -> str:
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("contains a control character")
    return value


Text = Annotated[str, Field(max_length=MAX_VALUE_CHARS), AfterValidator(_printable)]


class Settings(BaseSettings):
    """The environment, as the advisor understands it. Field descriptions are the README's."""

    model_config = SettingsConfigDict(
        case_sensitive=True, extra="ignore", env_ignore_empty=True, frozen=True, populate_by_name=False
    )

    backend: Literal["auto", "openai", "local", "template"] = Field(
        "auto", validation_alias="FOLLOWUP_BACKEND", description="which model drafts"
    )
    openai_api_key: Text | None = Field(None, validation_alias="OPENAI_API_KEY", repr=False)
    openai_base_url: Text | None = Field(None, validation_alias="OPENAI_BASE_URL")
    model: Text = Field(DEFAULT_MODEL, validation_alias="FOLLOWUP_MODEL")
    timeout: float = Field(60.0, gt=0, le=3600, validation_alias="FOLLOWUP_TIMEOUT")
    max_retries: int = Field(2, ge=0, le=10, validation_alias="FOLLOWUP_MAX_RETRIES")
    deadline: float = Field(30.0, gt=0, le=3600, validation_alias="FOLLOWUP_DEADLINE")
    local_model: Text | None = Field(None, validation_alias="FOLLOWUP_LOCAL_MODEL")
    local_api: Literal["chat", "completion"] = Field("chat", validation_alias="FOLLOWUP_LOCAL_API")
    local_adapter: Text | None = Field(None, validation_alias="FOLLOWUP_LOCAL_ADAPTER")
    prompts: Text | None = Field(None, validation_alias="FOLLOWUP_PROMPTS")
    db: Text | None = Field(None, validation_alias="FOLLOWUP_DB")
    # Where the web UI listens and who may see it; followup.ui.serving judges these.
    gradio_server_name: Text | None = Field(None, validation_alias="GRADIO_SERVER_NAME")
    host: Text | None = Field(None, validation_alias="FOLLOWUP_HOST")
    gradio_server_port: Text | None = Field(None, validation_alias="GRADIO_SERVER_PORT")
    port: Text | None = Field(None, validation_alias="FOLLOWUP_PORT")
    auth: Text | None = Field(None, validation_alias="FOLLOWUP_AUTH", repr=False)
    allow_open: Text | None = Field(None, validation_alias="FOLLOWUP_ALLOW_OPEN")

    @field_validator("backend", "local_api", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("openai_base_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().rstrip("/")
        if not value.lower().startswith(("http://", "https://")) or len(value) < 10:
            raise ValueError("must be a web address such as http://127.0.0.1:11434/v1")
        return value

    @property
    def openai_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @property
    def prompts_dir(self) -> Path | None:
        return Path(self.prompts).expanduser() if self.prompts else None


_SECRET = {"FOLLOWUP_AUTH", "OPENAI_API_KEY"}
_ACCEPTED = {
    "FOLLOWUP_BACKEND": f"use one of {', '.join(BACKENDS)}",
    "FOLLOWUP_LOCAL_API": "use chat or completion",
    "FOLLOWUP_TIMEOUT": "use a number of seconds above 0, at most 3600",
    "FOLLOWUP_DEADLINE": "use a number of seconds above 0, at most 3600",
    "FOLLOWUP_MAX_RETRIES": "use a whole number from 0 to 10",
}


def current() -> Settings:
    """The settings now in the environment; raises SettingsError naming a bad variable."""
    return load()


def load(env: Mapping[str, str] | None = None) -> Settings:
    """The settings in ``env`` (a mapping of variables; by default the process's environment).

    Raises SettingsError naming the first bad variable. A secret (FOLLOWUP_AUTH,
    OPENAI_API_KEY) is never echoed in the message."""
    try:
        if env is None:
            return Settings()
        return Settings.model_validate({name: value for name, value in env.items() if value != ""})
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else "environment"
        value = "..." if name in _SECRET else str(error.get("input", ""))
        shown = value if len(value) <= 60 else value[:57] + "..."
        why = _ACCEPTED.get(name) or str(error["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name}={shown!r}: {why}") from None
