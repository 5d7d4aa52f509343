"""The followup command as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup.cli import main

EXAMPLE = str(Path(__file__).parent.parent / "examples" / "northwind.yaml")


def test_plan_prints_the_ladder_the_reason_and_the_timeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", EXAMPLE, "--today", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "be proactive > be interesting > [RECONNECT] > take it up > move on"
    assert lines[1] == "Reconnect: today"
    assert lines[2].startswith("Why: They said you'd hear by Wed 18 Nov; it's 5 business days past that")
    assert "To: Tom Becker" in lines
    assert "Then, if you hear nothing:" in lines
    assert any(line.strip().startswith("Thu 3 Dec") and "Maria Lopez" in line for line in lines)
    assert lines[-1] == "(rule R6.reconnect)"


def test_plan_scheduled_action_says_when(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", EXAMPLE, "--today", "2026-11-12"]) == 0
    out = capsys.readouterr().out
    assert "Be interesting: on Wed 18 Nov" in out


def test_plan_json_is_the_decision(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", EXAMPLE, "--today", "2026-11-26", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["action"] == "reconnect"
    assert data["status"] == "now"
    assert data["rule"] == "R6.reconnect"
    assert data["due_on"] == "2026-11-26"
    assert [s["action"] for s in data["timeline"]] == ["take_it_up", "move_on"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["plan", EXAMPLE, "--today", "2026-13-01"],
            "argument --today: '2026-13-01' is not a real date",
        ),
        (["plan", "/nonexistent/notes.yaml"], "/nonexistent/notes.yaml: no such file"),
        (["plan"], "required: notes"),
        ([], "required: command"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_command_lines_give_one_line_and_exit_2(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert words in err


def test_console_script_runs_without_a_traceback(tmp_path: Path) -> None:
    exe = shutil.which("followup", path=str(Path(sys.executable).parent)) or shutil.which("followup")
    assert exe, "the followup console script is installed with the package"
    ok = subprocess.run([exe, "plan", EXAMPLE, "--today", "2026-11-26"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0
    assert "[RECONNECT]" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("candidate_name: ''\n")
    failed = subprocess.run([exe, "plan", str(bad)], capture_output=True, text=True, check=False)
    assert failed.returncode == 2
    assert "candidate_name: must not be empty" in failed.stderr
    assert "Traceback" not in failed.stderr


QUILL = str(Path(__file__).parent.parent / "evals" / "tone" / "notes" / "quill.yaml")


def test_advise_prints_the_decision_and_each_draft(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["advise", QUILL, "--today", "2026-11-20", "--backend", "template"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[BE PROACTIVE] > be interesting")
    assert "--- Draft 1 of 1: thank-you to Hannah Moore (Managing Editor)" in out
    assert "written by the template engine" in out
    # The subject and greeting vary from one interview to the next (the template engine's variety).
    assert "\nSubject: " in out
    assert "Hannah,\n" in out
    assert out.rstrip().endswith("Priyanka Rao")


def test_advise_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["advise", QUILL, "--today", "2026-11-20", "--backend", "template", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decision"]["action"] == "be_proactive"
    assert data["drafts"][0]["tone"]["passed"] is True
    assert data["backend"] == "template"


def test_advise_without_a_key_says_how_to_fix_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert main(["advise", QUILL, "--backend", "openai"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "OPENAI_API_KEY is not set" in err
    assert "FOLLOWUP_BACKEND=template" in err
