"""The labelled drafts under evals/tone/, and what the checks score on them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from followup.cli import main
from followup.tone import Check, DraftKind
from followup.tone.dataset import Example, load_split, render, run, summarise

ROOT = Path(__file__).parent.parent
SET = ROOT / "evals" / "tone"


def _examples(part: str) -> list[Example]:
    return [e for f in sorted((SET / part).glob("*.yaml")) for e in load_split(f)]


DEV = _examples("dev")
TEST = _examples("test")


def test_the_set_is_big_enough_and_balanced() -> None:
    everything = DEV + TEST
    assert len(everything) >= 240
    good = sum(e.draft.label == "good" for e in everything)
    assert good / len(everything) >= 0.40
    assert {e.draft.kind for e in everything} == set(DraftKind)
    assert all(e.draft.checks for e in everything if e.draft.label == "bad")
    ids = Counter(e.draft.id for e in everything)
    assert max(ids.values()) == 1
    assert {e.draft.id for e in DEV}.isdisjoint({e.draft.id for e in TEST})


def test_dev_set_is_fitted() -> None:
    summary = summarise(run(DEV))
    assert summary.good_blocked == 0
    assert summary.bad_blocked == summary.bad


def test_test_set_blocks_no_good_draft_and_most_bad_ones() -> None:
    """A regression floor at the measured figures (0 good blocked, 21 of 32 bad blocked)."""
    summary = summarise(run(TEST))
    assert summary.good_blocked == 0
    assert summary.bad_blocked / summary.bad >= 0.65
    assert summary.accuracy >= 0.80


def test_readme_reports_the_test_figures_the_runner_prints() -> None:
    readme = (ROOT / "README.md").read_text()
    table = render(summarise(run(TEST)), "x").split("\n", 2)[2]
    assert table.strip() in readme


def test_cli_tone_eval_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tone-eval", "--split", "test", "--set", str(SET)]) == 0
    out = capsys.readouterr().out
    assert "| faithful |" in out
    assert re.search(r"55 drafts \(23 good, 32 bad\)", out)


def test_a_broken_labelled_file_names_the_draft(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "n.yaml").write_text((ROOT / "examples" / "northwind.yaml").read_text())
    part = tmp_path / "dev"
    part.mkdir()
    (part / "x.yaml").write_text(
        "- {id: a, kind: thank_you, notes: n, label: good, text: Hello}\n"
        "- {id: b, kind: thank_you, notes: n, label: bad, base: a, replace: [[Goodbye, Hi]], checks: [courteous]}\n"
    )
    with pytest.raises(ValueError, match=r"x.yaml: b: 'Goodbye' is not in a"):
        load_split(part / "x.yaml")


def test_every_check_is_labelled_somewhere_in_the_test_set() -> None:
    labelled = {c for e in TEST for c in e.draft.checks}
    assert labelled >= set(Check) - {Check.specific}
