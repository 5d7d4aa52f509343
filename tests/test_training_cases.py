"""training/extraction/: drafted training cases that load, agree with the policy, remake byte for byte,
and share no person, employer or role with the eval cases."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from followup.extract.cases import complete, load_chat_cases
from followup.policy import decide

ROOT = Path(__file__).parent.parent
DRAFTED = ROOT / "training" / "extraction" / "drafted.yaml"
POOLS = ROOT / "training" / "extraction" / "pools.yaml"
SCRIPT = ROOT / "scripts" / "draft_chat_cases.py"


@pytest.fixture(scope="module")
def script() -> Any:
    spec = importlib.util.spec_from_file_location("draft_chat_cases", SCRIPT)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _remake_command() -> list[str]:
    line = DRAFTED.read_text(encoding="utf-8").splitlines()[1]
    match = re.fullmatch(r"#\s+python scripts/draft_chat_cases\.py (--training \d+ \d+ \S+)", line)
    assert match, line
    return match.group(1).split()


def test_the_drafted_cases_load_and_expect_what_the_policy_decides() -> None:
    cases = load_chat_cases([DRAFTED])
    assert len(cases) == int(_remake_command()[1])
    assert [c.id for c in cases] == [f"train-drafted-{i:03d}" for i in range(1, len(cases) + 1)]
    for case in cases:
        decision = decide(complete(case.gold, case.country), case.today)
        assert (case.expected.action, case.expected.status) == (decision.action, decision.status), case.id


def test_the_command_in_the_header_remakes_the_file_byte_for_byte(tmp_path: Path) -> None:
    args = _remake_command()
    out = tmp_path / "drafted.yaml"
    subprocess.run([sys.executable, str(SCRIPT), *args[:3], str(out)], check=True, cwd=ROOT)
    made = out.read_text(encoding="utf-8").replace(out.as_posix(), args[3])
    assert made == DRAFTED.read_text(encoding="utf-8")


def test_the_eval_splits_are_drafted_as_before() -> None:
    """The training mode leaves the eval modes alone: round 4's drafted test split comes out unchanged."""
    made = subprocess.run(
        [sys.executable, str(SCRIPT), "test", "60", "5005"], check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    shipped = (ROOT / "evals" / "chat" / "test" / "drafted_r4.yaml").read_text(encoding="utf-8")
    assert made == shipped.replace("- id: r4-test-", "- id: test-")


def _training_pools() -> tuple[set[str], list[str], list[str]]:
    pools = yaml.safe_load(POOLS.read_text(encoding="utf-8"))
    names = {n for culture in pools["names"].values() for n in culture["first"] + culture["last"]}
    companies = [c for industry in pools["industries"].values() for c in industry["companies"]]
    roles = [r for industry in pools["industries"].values() for r in industry["roles"]]
    return names, companies, roles


def test_no_training_name_or_employer_occurs_in_evals_examples_or_tests() -> None:
    names, companies, _ = _training_pools()
    wanted = sorted(names | set(companies), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, wanted)) + r")(?!\w)", re.IGNORECASE)
    found = set()
    # The sendability set tests the tone gate on drafts, never the extractor on text: its
    # round 2 is drawn from the drafting adapter's held-out scenarios, whose pools
    # (training/drafting/pools.yaml) share a few given names with these, and later rounds'
    # notes name a few places and greetings in which a given name of these pools appears.
    sendability = ROOT / "evals" / "sendability"
    for folder in ("evals", "examples", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if sendability in path.parents:
                continue
            if path.is_file() and path.suffix in (".yaml", ".yml", ".json", ".py", ".md", ".txt"):
                found |= {(m.group(1), str(path.relative_to(ROOT))) for m in pattern.finditer(path.read_text("utf-8"))}
    assert not found


def test_the_training_pools_share_nothing_with_the_eval_pools(script: Any) -> None:
    names, companies, roles = _training_pools()
    eval_words = {w.casefold() for n in script.PEOPLE + script.CANDIDATES + script.COMPANIES for w in n.split()}
    assert not {n for n in names if any(w.casefold() in eval_words for w in n.split())}
    assert not {c for c in companies if c.split()[0].casefold() in eval_words}
    assert not set(roles) & set(script.ROLES)
