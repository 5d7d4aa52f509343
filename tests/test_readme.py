"""The README's promises: its quick start is what CI runs, and its example output is real."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


# --- every code block runs as written --------------------------------------------------------

#: Lines that are not run here, each with where it is run instead.
NOT_RUN_HERE = {
    "pip install -e . && python app.py": "starts the web UI for good; tests/test_browser.py starts app.py the same way",
    'pip install -e ".[test]" && pytest': "is this test run; .ci/run runs it as written",
    "ruff check . && ruff format --check . && mypy src": ".ci/run runs it after the tests",
    "bash .ci/run": "is CI itself",
}


def _blocks(language: str) -> list[tuple[int, str]]:
    return [
        (README[: m.start()].count("\n") + 1, m.group(1))
        for m in re.finditer(rf"```{language}\n(.*?)```", README, re.S)
    ]


def _runnable(block: str) -> str:
    lines = [line for line in block.splitlines() if line.split("  #")[0].strip() not in NOT_RUN_HERE]
    return "\n".join(lines).strip()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that looks like the checkout to the README's commands, where their output lands."""
    folder = tmp_path_factory.mktemp("readme")
    for name in ("examples", "evals", "src", ".git"):
        (folder / name).symlink_to(ROOT / name)
    return folder


def _environment(sandbox: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "OPENAI_"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["FOLLOWUP_DB"] = str(sandbox / "tracker.sqlite3")
    env["FOLLOWUP_BACKEND"] = "template"  # as a new user has it: no model configured
    return env


def test_the_readme_has_blocks_to_run() -> None:
    assert len(_blocks("python")) >= 3
    assert len([b for _, b in _blocks("bash") if _runnable(b)]) >= 4
    assert "```bash\nfollowup advise NOTES.yaml" not in README  # a synopsis is ```text, not a command


@pytest.mark.parametrize(("line", "block"), _blocks("python"), ids=lambda v: f"line-{v}" if isinstance(v, int) else "")
def test_every_python_block_runs(sandbox: Path, line: int, block: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", block], cwd=sandbox, env=_environment(sandbox), capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"README line {line}:\n{result.stderr[-2000:]}"


def test_every_shell_block_runs_in_order(sandbox: Path) -> None:
    for line, block in _blocks("bash"):
        script = _runnable(block)
        if not script:
            continue
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", script], cwd=sandbox, env=_environment(sandbox),
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        assert result.returncode == 0, f"README line {line}:\n{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
