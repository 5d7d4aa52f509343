"""The eval runner: cases, cache, metrics, comparison, reports and exit codes."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path

import pytest

from followup.backends.base import Generation, ModelTimeout
from followup.cli import main
from followup.drafting.prompts import DEFAULT_DIR, Prompt
from followup.evals import command
from followup.evals.cache import CacheMiss, CachingBackend
from followup.evals.cases import CaseError, load_cases
from followup.evals.compare import compare, flaky, pass_at_k
from followup.evals.html_report import marked
from followup.evals.reports import markdown, write
from followup.evals.runner import CaseResult, DraftResult, Mark, RejectedAttempt, metrics, run_cases

ROOT = Path(__file__).parent.parent
CASES = str(ROOT / "evals" / "cases" / "*.yaml")


class Obedient:
    """A dummy model that writes a clean draft from the facts, and obeys any line of the
    prompt's instructions that says: Always add: "...". Deterministic, for the runner's tests."""

    name = "obedient"
    model = "obedient-1"
    stubborn = False  # keep the added line even when told it failed

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        field = dict(line.split(": ", 1) for line in facts.splitlines() if ": " in line)
        first = field["Writing to"].split()[0]
        candidate = field["Candidate, who signs the message"]
        role, company = field.get("Role applied for", "the"), field.get("Company", "your team")
        body = (
            f"Dear {first},\n\nThank you for the conversation about the {role} role at {company}. "
            "I enjoyed learning how the team works and remain very interested in joining."
        )
        if prompt.spec.kind in ("check_in", "escalation"):  # a check-in asks, or it does not do its job
            body += " I wanted to ask whether there is any news on the role."
        if prompt.spec.kind == "escalation":
            body += " I have copied my contact in the process, who has kindly helped me throughout."
        if prompt.spec.kind == "closing":
            body += " As I have not heard back, I will assume the team has moved on, and I wish you all the best."
        added = re.findall(r'Always add: "([^"]+)"', prompt.spec.instructions)
        if added and (self.stubborn or not feedback):
            body += " " + " ".join(added)
        body += f"\n\nThank you again for your time,\n{candidate}\n"
        if prompt.spec.kind == "linkedin_note":
            body = f"Hi {first}, thank you for our conversation about the {role} role. I would be glad to stay connected. Best, {candidate.split()[0]}"
            body += (" " + " ".join(added)) if added and not feedback else ""
        return Generation(body, self.model, 50, 40, 0.01)


def _prompts_with(tmp_path: Path, sentence: str, prompt: str = "thank_you") -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(DEFAULT_DIR, target)
    path = target / f"{prompt}.yaml"
    path.write_text(path.read_text().replace("instructions: |\n", f"instructions: |\n  {sentence}\n", 1))
    return target


def _run(prompts: Path | None, backend: object = None, repeat: int = 1) -> list:  # type: ignore[type-arg]
    cases = load_cases(CASES)
    return asyncio.run(run_cases(cases, lambda r: backend, prompts_dir=prompts, repeat=repeat, progress=False))


def test_there_are_at_least_80_cases_covering_every_action_and_rule() -> None:
    cases = load_cases(CASES)
    assert len(cases) >= 80
    actions = {c.expect.action for c, _ in cases}
    assert {a.value for a in actions if a} == {"be_proactive", "be_interesting", "reconnect", "take_it_up", "move_on"}
    tags = {t for c, _ in cases for t in c.tags}
    assert {"R1", "R3", "R5", "R6", "R7", "R8", "R9", "panel", "hostile", "holiday-de", "linkedin"} <= tags
    assert sum("panel" in c.tags for c, _ in cases) >= 3


def test_a_broken_case_names_the_file_the_case_and_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  notes_inline: {}\n  today: 2026-13-01\n  expect: {action: be_proactive, status: now}\n")
    with pytest.raises(CaseError, match=r"bad.yaml: case x: today: '2026-13-01' is not a real date"):
        load_cases(str(bad))
    assert main(["eval", "--cases", str(bad)]) == 2
    assert "bad.yaml: case x: today" in capsys.readouterr().err


def test_the_template_engine_passes_every_case() -> None:
    results = _run(None)
    m = metrics(results)
    assert m["action_accuracy"] == 1.0
    assert m["case_pass_rate"] == 1.0
    assert m["final_pass_rate"] == 1.0


def test_a_harmful_prompt_change_is_a_regression_with_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    harmful = _prompts_with(tmp_path, 'Always add: "Please let me know your decision by Friday."')
    base, cand = _run(DEFAULT_DIR, Obedient()), _run(harmful, Obedient())
    comparison = compare(base, cand)
    assert comparison.regressed
    first = next(d for d in comparison.deltas if d.metric == "first_attempt_pass_rate")
    assert first.worse
    assert first.mean < 0
    assert metrics(cand)["attempts_per_shown_draft"] > metrics(base)["attempts_per_shown_draft"]
    monkeypatch.setattr(command, "_backends", lambda args: _Fixed(Obedient()))
    out = io.StringIO()
    args = _args(prompts=harmful, baseline=str(DEFAULT_DIR))
    assert command.run(args, out) == 1
    assert "REGRESSION" in out.getvalue()


def test_a_harmless_prompt_change_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    harmless = _prompts_with(tmp_path, "Keep each paragraph to two or three sentences.")
    comparison = compare(_run(DEFAULT_DIR, Obedient()), _run(harmless, Obedient()))
    assert not comparison.regressed
    assert comparison.newly_failing == []
    monkeypatch.setattr(command, "_backends", lambda args: _Fixed(Obedient()))
    assert command.run(_args(prompts=harmless, baseline=str(DEFAULT_DIR)), io.StringIO()) == 0


CHECK_IN_HARM = 'Always add: "Please let me know your decision by Friday. I need an answer ASAP!!"'


def _shown(results: list[CaseResult]) -> list[tuple[str, str, str]]:
    return [(r.case_id, d.recipient, d.body) for r in results for d in r.drafts]


def test_a_harmful_check_in_prompt_is_flagged_though_users_see_the_same_drafts(tmp_path: Path) -> None:
    """The issue's case: the check-in prompt made to demand a decision by Friday, "ASAP!!".
    Redrafting hides it from the final drafts; the first attempts show it."""
    harmful = _prompts_with(tmp_path, CHECK_IN_HARM, "check_in")
    base, cand = _run(DEFAULT_DIR, Obedient()), _run(harmful, Obedient())
    assert _shown(base) == _shown(cand), "the final drafts are unchanged"
    comparison = compare(base, cand)
    assert comparison.newly_failing == []
    assert comparison.regressed
    assert [d.prompt for d in comparison.first_attempt_drops] == ["check_in"]
    drop = comparison.first_attempt_drops[0]
    assert drop.base == 1.0
    assert drop.candidate == 0.0
    assert drop.high < 0


class _AlwaysFailsCheckIns(Obedient):
    """Like the embedded model: its check-ins never pass, so users always get the template."""

    stubborn = True

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        generation = super().generate(prompt, facts, feedback, opening)
        if prompt.spec.kind == "check_in":
            text = generation.text.replace(
                "\n\nThank you again", " Quentin Zabel sends his regards.\n\nThank you again"
            )
            return Generation(text, *astuple(generation)[1:])
        return generation


def test_first_attempts_that_get_worse_are_flagged_when_every_one_already_fell_back(tmp_path: Path) -> None:
    harmful = _prompts_with(tmp_path, CHECK_IN_HARM, "check_in")
    base, cand = _run(DEFAULT_DIR, _AlwaysFailsCheckIns()), _run(harmful, _AlwaysFailsCheckIns())
    assert _shown(base) == _shown(cand)
    check_ins = [d for r in base for d in r.drafts if d.prompt_id == "check_in"]
    assert check_ins
    assert not any(d.first_pass for d in check_ins)
    assert all(d.source == "template" for d in check_ins)
    comparison = compare(base, cand)
    assert comparison.regressed
    drop = next(d for d in comparison.first_attempt_drops if d.prompt == "check_in")
    assert drop.what == "blocking findings per first attempt"
    assert drop.candidate > drop.base
    summary = markdown(cand, {"repeat": 1, "backend": "x", "prompts": "p", "baseline": "b"}, comparison, base)
    assert "First attempts worse for prompt `check_in`" in summary
    assert "REGRESSION" in summary


class _Fixed:
    name = "obedient"
    model = "obedient-1"

    def __init__(self, backend: object) -> None:
        self.backend = backend

    def __call__(self, repeat: int) -> object:
        return self.backend


def _args(**overrides: object) -> argparse.Namespace:
    values = {"cases": CASES, "prompts": None, "baseline": None, "repeat": 1, "concurrency": 2, "report": None,
              "fail_under": None, "backend": "template", "cache": None, "no_cache": True, "refresh": False,
              "cache_only": False}  # fmt: skip
    values.update(overrides)
    return argparse.Namespace(**values)


def test_the_baseline_may_be_a_git_ref(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--baseline", "HEAD", "--cases", str(ROOT / "evals" / "cases" / "interviews.yaml")]) == 0
    assert "no regression" in capsys.readouterr().out
    assert main(["eval", "--baseline", "no-such-ref-xyz"]) == 2


def test_fail_under_sets_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--cases", str(ROOT / "evals" / "cases" / "hostile.yaml"), "--fail-under", "1.01"]) == 1


def test_reports_are_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    harmful = _prompts_with(tmp_path, 'Always add: "Please reply ASAP."')
    stubborn = Obedient()
    stubborn.stubborn = True
    base, cand = _run(DEFAULT_DIR, Obedient()), _run(harmful, stubborn)
    write(tmp_path / "report", cand, base, "# summary\n", {"backend": "obedient"})
    page = (tmp_path / "report" / "report.html").read_text()
    assert page.startswith("<!doctype html>")
    assert "<del>" in page or "<ins>" in page
    assert 'data-verdict="regression"' in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "nothing to fetch"
    data = json.loads((tmp_path / "report" / "results.json").read_text())
    assert len(data["candidate"]) == len(data["baseline"]) >= 80
    assert page.count('<details class="case"') == len(data["candidate"])
    assert page.count('<details class="json"') == len(data["candidate"])
    assert (tmp_path / "report" / "summary.md").read_text() == "# summary\n"
    rejected = [a for r in data["candidate"] for d in r["drafts"] for a in d["rejected"]]
    assert rejected
    assert all(a["reason"] for a in rejected)
    assert any("Please reply ASAP." in (a["text"] or "") for a in rejected)
    write(tmp_path / "alone", cand, None, "# summary\n", {"backend": "obedient"})
    alone = (tmp_path / "alone" / "report.html").read_text()
    assert 'data-verdict="none"' in alone
    assert "<ins>" not in alone


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _hostile_result(body: str) -> CaseResult:
    draft = DraftResult(
        recipient=f"Ana {HOSTILE}", prompt_id="thank_you", source="template", attempts=1, first_pass=False,
        final_pass=True, faithfulness_violations=0, mention_coverage=0.5, forbidden_found=[HOSTILE], length_ok=True,
        tokens=1, latency_s=0.0, cached=True, body=body, findings=[HOSTILE], fallback_reason=HOSTILE,
        marks=[Mark(HOSTILE, "block", 0, 4, HOSTILE)], rejected=[RejectedAttempt(1, HOSTILE, HOSTILE, [])],
    )  # fmt: skip
    return CaseResult(f"case {HOSTILE}", 0, [HOSTILE], False, HOSTILE, HOSTILE, [draft], error=HOSTILE)


def test_the_report_shows_what_cases_and_models_wrote_as_text(tmp_path: Path) -> None:
    base, cand = _hostile_result(f"Dear Ana,\n\n{HOSTILE}\n"), _hostile_result(f"Dear Ana,\n\nHello {HOSTILE}\n")
    write(
        tmp_path, [cand], [base], "# summary\n", {"backend": HOSTILE, "model": HOSTILE, "prompts": HOSTILE, "repeat": 1}
    )
    page = (tmp_path / "report.html").read_text()
    assert page.count("<script") == 1, "only the report's own script"
    assert "<img" not in page
    assert "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_changed_words_and_tone_findings_are_marked_together() -> None:
    text = "Please reply ASAP now"
    finding = Mark("pushy.asap", "block", 13, 17, "Demands a quick reply.")
    assert marked(text, [finding], [(13, 21)]) == (
        'Please reply <mark class="block" data-code="pushy.asap" title="pushy.asap: Demands a quick reply.">'
        "<ins>ASAP</ins></mark><ins> now</ins>"
    )
    assert marked("a < b", [], [], "del") == "a &lt; b"


class Counting:
    name = "counting"
    model = "c-1"

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
        self.calls += 1
        if self.fail:
            raise ModelTimeout("slow")
        return Generation(f"answer {self.calls}", "c-1", 10, 5, 0.5)


def test_the_cache_answers_again_never_stores_errors_and_can_be_required(tmp_path: Path) -> None:
    from followup.drafting.prompts import load_prompts

    prompt = load_prompts()["thank_you"]
    inner = Counting()
    identity = {"backend": "counting", "model": "c-1", "endpoint": "x", "api": "chat"}
    cached = CachingBackend(lambda: inner, tmp_path, identity=identity)
    first = cached.generate(prompt, "facts")
    again = cached.generate(prompt, "facts")
    assert (first.text, again.text, inner.calls, again.latency_s) == ("answer 1", "answer 1", 1, 0.0)
    assert cached.with_repeat(1).generate(prompt, "facts").text == "answer 2"  # the repeat index is in the key
    assert cached.generate(prompt, "other facts").text == "answer 3"
    refresh = CachingBackend(lambda: inner, tmp_path, identity=identity, mode="refresh")
    assert refresh.generate(prompt, "facts").text == "answer 4"
    only = CachingBackend(lambda: Counting(), tmp_path, identity=identity, mode="only")
    assert only.generate(prompt, "facts").text == "answer 4"
    with pytest.raises(CacheMiss):
        only.generate(prompt, "never seen")
    failing = CachingBackend(lambda: Counting(fail=True), tmp_path / "f", identity=identity)
    with pytest.raises(ModelTimeout):
        failing.generate(prompt, "facts")
    assert not (tmp_path / "f").exists()


def test_repeats_give_pass_at_k_and_flaky_cases() -> None:
    class Sometimes(Obedient):
        count = 0

        def generate(self, prompt: Prompt, facts: str, feedback: Sequence[str] = (), opening: str = "") -> Generation:
            Sometimes.count += 1
            generation = super().generate(prompt, facts, feedback)
            if Sometimes.count % 2 == 0 and not feedback:
                return Generation(generation.text.replace("Dear", "Yo"), self.model, 1, 1, 0.01)
            return generation

    results = _run(None, Sometimes(), repeat=2)
    assert 0.0 < pass_at_k(results) <= 1.0
    assert isinstance(flaky(results), list)


def test_the_committed_cache_replays_every_model_answer(capsys: pytest.CaptureFixture[str]) -> None:
    """The embedded model's answers for the shipped prompts are committed: nothing misses."""
    args = _args(
        backend="local", no_cache=False, cache_only=True, cases=str(ROOT / "evals" / "cases" / "interviews.yaml")
    )
    results = asyncio.run(
        run_cases(load_cases(args.cases), command._backends(args), prompts_dir=None, progress=False, concurrency=2)
    )
    drafts = [d for r in results for d in r.drafts]
    assert drafts
    assert all(d.attempts >= 1 for d in drafts), "every draft was first asked of the (cached) model"
    assert not any("not in the cache" in (d.fallback_reason or "") for d in drafts)
    assert metrics(results)["action_accuracy"] == 1.0
