"""app.py without a browser: a module-level demo, safe serving, thin handlers over the service."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from followup.ui import forms

from .browser import before_sign_off

ROOT = Path(__file__).parent.parent
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


@pytest.fixture(scope="module")
def app() -> Any:
    spec = importlib.util.spec_from_file_location("followup_app", ROOT / "app.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["followup_app"] = module
    spec.loader.exec_module(module)
    return module


def _launched(app: Any, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    queued = app.demo.queue()
    monkeypatch.setattr(type(queued), "launch", lambda self, **kw: seen.update(kw))
    app.launch(env)
    return seen


def test_demo_is_module_level_and_binds_to_loopback(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _launched(app, monkeypatch, {})
    assert (seen["server_name"], seen["server_port"], seen["auth"]) == ("127.0.0.1", 7860, None)


def test_gradio_s_variables_and_a_password_reach_launch(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"GRADIO_SERVER_NAME": "0.0.0.0", "GRADIO_SERVER_PORT": "8080", "FOLLOWUP_AUTH": "alex:s3cret:with-colon"}
    seen = _launched(app, monkeypatch, env)
    assert (seen["server_name"], seen["server_port"], seen["auth"]) == ("0.0.0.0", 8080, ("alex", "s3cret:with-colon"))


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"FOLLOWUP_AUTH": "password"}, "app.py: FOLLOWUP_AUTH must be user:password, with both parts non-empty"),
        ({"GRADIO_SERVER_NAME": "0.0.0.0"}, "app.py: GRADIO_SERVER_NAME=0.0.0.0 would serve your interviews"),
        ({"FOLLOWUP_TIMEOUT": "abc"}, "app.py: FOLLOWUP_TIMEOUT='abc': use a number of seconds above 0"),
        ({"FOLLOWUP_BACKEND": "bogus"}, "app.py: FOLLOWUP_BACKEND='bogus': use one of auto, openai, local, template"),
        ({"GRADIO_SERVER_PORT": "http"}, "app.py: GRADIO_SERVER_PORT='http' is not a port number"),
    ],
)
def test_unsafe_serving_refuses_to_start_with_one_line(env: dict[str, str], line: str, tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "GRADIO_SERVER"))}
    done = subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        env={**clean, **env, "FOLLOWUP_DB": str(tmp_path / "t.db")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(line)
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def _form(app: Any) -> tuple[list[Any], Any]:
    values = app.load_example()
    return values[: forms.SIZE], values[forms.SIZE]


def _errors(out: dict[Any, Any], app: Any) -> dict[str, str]:
    return {name: out[slot]["value"] for name, slot in app.error_slots.items() if out[slot].get("visible")}


def test_an_empty_form_gets_plain_words_under_each_field(app: Any) -> None:
    empty = [None] * forms.SIZE
    [out] = list(app.submit(*empty, None, "template", []))
    errors = _errors(out, app)
    assert set(errors) == {"candidate_name", "company", "role", "interviewers", "interview_date"}
    assert "Your name: please fill this in" in errors["candidate_name"]
    assert "Interview date: please fill this in" in errors["interview_date"]
    assert "Interviewers: add at least one" in errors["interviewers"]
    text = " ".join(errors.values())
    for code_word in ("candidate_name", "None", "int()", "[0]", "followup list"):
        assert code_word not in text


def test_a_sent_message_to_nobody_names_the_kind_not_the_index(app: Any) -> None:
    form, today = _form(app)
    parts = forms.split(form)
    sent = [row[:] for row in parts.sent]
    sent[2] = [True, parts.interview_date, "Someone Else"]  # a check-in to a stranger
    values = list(form)
    start = sum(n for name, n in forms.LAYOUT[: [n for n, _ in forms.LAYOUT].index("sent")])
    values[start : start + len(sent) * 3] = [cell for row in sent for cell in row]
    [out] = list(app.submit(*values, today, "template", []))
    errors = _errors(out, app)
    assert list(errors) == ["more"]
    assert "Messages you sent, check-in, sent to: &#x27;Someone Else&#x27; is nobody in these notes" in errors["more"]


def test_a_model_that_cannot_be_set_up_gives_template_drafts_and_says_why(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    form, today = _form(app)
    *_, last = app.submit(*form, today, "openai", [])
    assert 'data-action="be_proactive"' in last[app.card]
    assert [d["recipient"] for d in last[app.drafts_state]] == ["Priya Shah", "Tom Becker"]
    assert "could not be set up (OPENAI_API_KEY is not set" in last[app.header]


def test_edits_survive_advise_me_and_go_only_with_redo(app: Any) -> None:
    form, today = _form(app)
    *_, first = app.submit(*form, today, "template", [])
    drafts, notes_json = first[app.drafts_state], first[app.notes_state]
    edited_body = before_sign_off(drafts[0]["body"], "Thanks again.")
    drafts, _ = app.edit(drafts, "0", edited_body, drafts[0]["subject"], notes_json)
    assert drafts[0]["edited"]
    *_, again = app.submit(*form, today, "template", drafts)
    assert again[app.drafts_state][0]["body"] == edited_body
    assert again[app.body]["value"] == edited_body
    *_, redone = app.redo(*form, today, "template", again[app.drafts_state])
    assert redone[app.drafts_state][0]["body"] != edited_body
    assert not redone[app.drafts_state][0]["edited"]


def test_user_text_is_escaped_in_the_card_the_header_and_the_tracker(
    app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "t.db"))
    form, today = _form(app)
    values = list(form)
    values[1] = "Acme " + HOSTILE  # company
    values[2] = "Analyst " + HOSTILE  # role
    values[3] = "Priya " + HOSTILE  # first interviewer's name
    *_, last = app.submit(*values, today, "template", [])
    html = last[app.card] + last[app.header] + last[app.tone]
    assert "<img" not in html
    assert "<script" not in html
    assert "&lt;img src=x" in last[app.header]
    app.save(last[app.notes_state])
    cards, _ = app.tracker_view()
    assert "<img" not in cards
    assert "&lt;script&gt;" in cards


def test_saving_twice_keeps_one_interview_and_says_so(
    app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "t.db"))
    form, today = _form(app)
    *_, last = app.submit(*form, today, "template", [])
    assert "Saved to the tracker" in app.save(last[app.notes_state])
    assert "Updated in the tracker" in app.save(last[app.notes_state])
    cards, choices = app.tracker_view()
    assert cards.count('class="tracker-card"') == 1
    assert len(choices["choices"]) == 1


def test_recording_speaks_plainly(app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "t.db"))
    assert "Choose the interview first" in app.tracker_record(None, "sent", "check_in", "", None, None, "pending")
    out = app.tracker_record(7, "sent", "check_in", "", None, None, "pending")
    assert "Not recorded" in out
    assert "followup list" not in out


def test_the_form_round_trips_the_example_notes_and_reads_roles_as_people_write_them() -> None:
    from followup import load_notes

    notes = load_notes(ROOT / "examples" / "northwind.yaml")
    values = forms.form_from_notes(notes)
    assert len(values) == forms.SIZE
    assert forms.notes_from_form(values) == notes
    values[3 + 4 + 3] = "Recruiter"  # the second interviewer's role, as typed
    assert forms.notes_from_form(values).interviewers[1].role.value == "recruiter"
    values[3 + 3] = "Hiring Manager"
    assert forms.notes_from_form(values).interviewers[0].role.value == "hiring_manager"


def test_the_page_showing_a_draft_is_not_an_edit(app: Any) -> None:
    from followup import InterviewNotes
    from followup.ui import drafts as page_drafts

    form, today = _form(app)
    *_, last = app.submit(*form, today, "template", [])
    held, notes = last[app.drafts_state], InterviewNotes.model_validate_json(last[app.notes_state])
    assert page_drafts.edited(held, 1, held[1]["body"], held[1]["subject"], notes) is None
    changed = page_drafts.edited(held, 1, held[1]["body"] + "\nPlease reply ASAP!!", held[1]["subject"], notes)
    assert changed is not None
    assert (changed[0], changed[1]["edited"]) == (held[0], True)
    assert 'data-passed="false"' in changed[1]["tone"]


def test_the_chat_handlers_show_the_card_and_advise_only_on_the_button(app: Any) -> None:
    told = "I'm Alex Morgan. I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role."
    said, history, state, card, agree, to_form = app.chat(told, [], app.talk.new_state(), "template", "2026-11-26")
    assert said == ""
    assert 'data-status="check"' in card
    assert "<q>on Tuesday</q>" in card
    assert agree["interactive"] is True
    assert to_form["interactive"] is True
    assert "Dear Priya" not in history[-1]["content"]
    _, history, state, card, agree, _ = app.chat_confirm(history, state, "template", "2026-11-26")
    assert history[-2]["content"] == "These are right: advise me"
    assert history[-1]["content"].startswith("**Be proactive**")
    assert 'data-status="confirmed"' in card
    assert agree["interactive"] is False


def test_edit_in_the_form_opens_the_advise_tab_with_the_chat_s_facts(app: Any) -> None:
    told = "I met Priya Shah, Head of Data at Northwind, on Tuesday for the analyst role; Tom Ellis is the recruiter."
    _, _, state, *_ = app.chat(told, [], app.talk.new_state(), "", "2026-11-26")
    out = app.chat_to_form(state)
    data = forms.data_from_form(forms.split(out[: forms.SIZE]))
    assert [p["name"] for p in data["interviewers"]] == ["Priya Shah", "Tom Ellis"]
    assert data["interview_date"] == "2026-11-24"
    assert out[forms.SIZE] == 2  # two interviewer rows shown
    assert out[-1].selected == "advise"
