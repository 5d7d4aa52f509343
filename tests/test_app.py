"""app.py: a module-level demo, loopback by default, a password when asked for."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def app() -> Any:
    spec = importlib.util.spec_from_file_location("followup_app", ROOT / "app.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["followup_app"] = module
    spec.loader.exec_module(module)
    return module


def _launched(app: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    queued = app.demo.queue()
    monkeypatch.setattr(type(queued), "launch", lambda self, **kw: seen.update(kw))
    app.launch()
    return seen


def test_demo_is_module_level_and_binds_to_loopback(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FOLLOWUP_HOST", "FOLLOWUP_PORT", "FOLLOWUP_AUTH"):
        monkeypatch.delenv(name, raising=False)
    seen = _launched(app, monkeypatch)
    assert (seen["server_name"], seen["server_port"], seen["auth"]) == ("127.0.0.1", 7860, None)


def test_host_port_and_password_come_from_the_environment(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_HOST", "0.0.0.0")
    monkeypatch.setenv("FOLLOWUP_PORT", "8080")
    monkeypatch.setenv("FOLLOWUP_AUTH", "alex:s3cret:with-colon")
    seen = _launched(app, monkeypatch)
    assert (seen["server_name"], seen["server_port"], seen["auth"]) == ("0.0.0.0", 8080, ("alex", "s3cret:with-colon"))


def test_the_form_handler_names_bad_fields(app: Any) -> None:
    values = app.load_example()
    values[0] = ""  # no name
    *form, today = values
    first = next(app.submit(*form, today, "template"))
    assert "candidate_name" in first[0]
    assert "must not be empty" in first[0]


def test_a_model_that_cannot_be_set_up_gives_template_drafts_and_says_why(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    *form, today = app.load_example()
    *_, last = app.submit(*form, today, "openai")
    note, card, drafts, notes_json = last
    assert "The model could not be set up (OPENAI_API_KEY is not set" in note
    assert 'data-action="be_proactive"' in card
    assert [d["recipient"] for d in drafts] == ["Priya Shah", "Tom Becker"]
    assert notes_json
