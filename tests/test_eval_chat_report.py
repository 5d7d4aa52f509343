"""The chat cases in `followup eval --chat`: their figures in every report, and each wrong
field beside the words it was read from, escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.cli import main
from followup.evals.chat import ChatRun, html, markdown
from followup.extract.evaluate import CaseScore, Miss

ROOT = Path(__file__).parent.parent


def test_eval_with_the_chat_cases_reports_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    report = tmp_path / "report"
    code = main(["eval", "--backend", "template", "--cases", "evals/cases/policy.yaml", "--chat", "dev",
                 "--report", str(report)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "## Chat cases (dev split, rules engine)" in out
    page = (report / "report.html").read_text()
    assert '<section id="chat">' in page
    assert '<a href="#chat">Chat cases</a>' in page
    data = json.loads((report / "results.json").read_text())
    assert data["chat"]["cases"] == len(data["chat"]["results"]) > 400
    assert data["chat"]["field_accuracy"] > 0.9
    assert "## Chat cases" in (report / "summary.md").read_text()


def test_without_chat_cases_the_report_has_no_chat_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["eval", "--backend", "template", "--cases", "evals/cases/policy.yaml", "--report", str(tmp_path)]) == 0
    assert 'id="chat"' not in (tmp_path / "report.html").read_text()


def test_a_missing_chat_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    cases = ROOT / "evals" / "cases" / "policy.yaml"
    assert main(["eval", "--backend", "template", "--cases", str(cases), "--chat", "test"]) == 2
    err = capsys.readouterr().err
    assert "no chat cases under test/" in err
    assert err.count("\n") == 1


def test_wrong_fields_are_shown_beside_their_words_and_escaped() -> None:
    score = CaseScore(
        id="case-<b>1</b>",
        fields={"interview_date": False, "company": True},
        action="reconnect/now",
        expected="be_proactive/now",
        wrong_facts=["interview_date"],
        turns=["met <script>alert(1)</script> on tues"],
        misses=[Miss("interview_date", '"2026-11-17"', '"2026-11-24"', ["on <img src=x> tues"])],
    )
    figures = {"cases": 1, "field_accuracy": 0.5, "per_field": {"interview_date": 0.0, "company": 1.0},
               "action_accuracy": 0.0, "decided_from_wrong_facts": 1, "no_decision": 0,
               "median_turn_seconds": 0.001, "max_turn_seconds": 0.001, "errors": 0}  # fmt: skip
    run = ChatRun("dev", "rules", figures, [score])
    page = html(run)
    assert "<script>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "on &lt;img src=x&gt; tues" in page
    assert "got <b>reconnect/now</b>, expected <b>be_proactive/now</b>" in page
    assert "| interview_date | 0.0% |" in markdown(run)
