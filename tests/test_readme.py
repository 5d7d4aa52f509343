"""The README's promises: its quick start is what CI runs, and its example output is real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from followup.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    install_and_run, test = _quick_start()
    assert install_and_run == "pip install -e . && python app.py"
    assert test == 'pip install -e ".[test]" && pytest'
    assert test in (ROOT / ".ci" / "run").read_text()


def test_readme_example_output_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As a new user sees it: no model configured, so the template engine drafts."""
    assert (
        main(["advise", str(ROOT / "examples" / "northwind.yaml"), "--today", "2026-11-26", "--backend", "template"])
        == 0
    )
    printed = capsys.readouterr().out
    shown = re.search(
        r"The same from the command line, `followup advise examples/northwind.yaml`.*?```\n(.*?)```", README, re.S
    )
    assert shown
    assert printed == shown.group(1)
