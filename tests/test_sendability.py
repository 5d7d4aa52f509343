"""The sendability set (evals/sendability/), its loader, and the runner's counts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from followup.cli import main
from followup.evals import sendability
from followup.evals.sendability import SendabilityError, load_items, render, run, split_files, tally
from followup.models import InterviewNotes
from followup.tone import Channel, DraftKind, ToneReport
from followup.tone.report import Check, Finding, Severity

ROOT = Path(__file__).parent.parent
SET = ROOT / "evals" / "sendability"
NOTES = "examples/northwind.yaml"
GOOD = (
    "Dear Tom,\n\nThank you for your time on Tuesday. I enjoyed our conversation about moving the weekly\n"
    "revenue dashboard to dbt, and I remain very interested in the Senior Data Analyst role.\n\n"
    "Best regards,\nAlex Morgan\n"
)


def _item(**fields: Any) -> dict[str, Any]:
    base = {
        "id": "x1",
        "notes": NOTES,
        "kind": "thank_you",
        "channel": "email",
        "source": "hand",
        "label": "sendable",
        "reason": "Fine.",
        "text": GOOD,
    }
    return {**base, **fields}


def _write(folder: Path, name: str, items: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(items, sort_keys=False), encoding="utf-8")
    return path


# --- the loader ---------------------------------------------------------------------------


def test_loader_refuses_an_unknown_field_naming_the_file_the_item_and_the_field(tmp_path: Path) -> None:
    item = _item(id="typo-1")
    item["lable"] = item.pop("label")
    path = _write(tmp_path, "bad.yaml", [_item(id="fine-1"), item])
    with pytest.raises(SendabilityError) as caught:
        load_items([path], root=ROOT)
    message = str(caught.value)
    assert str(path) in message
    assert "item typo-1" in message
    assert "lable: is not a known field" in message
    assert "label: is required" in message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("label", "maybe", "label:"),
        ("kind", "love_letter", "kind:"),
        ("source", "robot", "source:"),
        ("channel", "fax", "channel:"),
        ("text", "", "text: must not be empty"),
        ("reason", "", "reason: must not be empty"),
        ("today", "2026-02-30", "today: '2026-02-30' is not a real date"),
        ("id", "has spaces", "id:"),
    ],
)
def test_loader_names_the_field_of_a_bad_value(tmp_path: Path, field: str, value: str, expected: str) -> None:
    path = _write(tmp_path, "bad.yaml", [_item(**{field: value})])
    with pytest.raises(SendabilityError, match=re.escape(f"{path}: item")) as caught:
        load_items([path], root=ROOT)
    assert expected in str(caught.value)


def test_loader_refuses_notes_it_cannot_find(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", [_item(notes="examples/nowhere.yaml")])
    with pytest.raises(SendabilityError, match=r"item x1: notes: 'examples/nowhere.yaml' is not a file"):
        load_items([path], root=ROOT)


def test_loader_refuses_a_case_that_is_not_in_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", [_item(notes="evals/cases/policy.yaml#no-such-case")])
    with pytest.raises(SendabilityError, match=r"notes: evals/cases/policy.yaml has no case 'no-such-case'"):
        load_items([path], root=ROOT)


def test_loader_reads_a_case_reference_as_that_cases_notes(tmp_path: Path) -> None:
    path = _write(tmp_path, "ok.yaml", [_item(notes="evals/cases/policy.yaml#policy-rejected-moves-on-now")])
    [item] = load_items([path], root=ROOT)
    assert item.notes.company == "Acme Robotics"
    assert item.notes.outcome.value == "rejected"


def test_loader_refuses_an_id_used_twice_across_files(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.yaml", [_item(id="same")])
    second = _write(tmp_path, "b.yaml", [_item(id="same")])
    with pytest.raises(SendabilityError, match=r"b.yaml: item same: id: 'same' is used twice"):
        load_items([first, second], root=ROOT)


def test_loader_refuses_a_file_that_is_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x1\nlabel: sendable\n", encoding="utf-8")
    with pytest.raises(SendabilityError, match="must hold a list"):
        load_items([path], root=ROOT)


# --- the runner's counts --------------------------------------------------------------------


def _fake_gate(text: str, *, kind: Any, notes: InterviewNotes | None = None, channel: Any = "email") -> ToneReport:
    """Blocks exactly the drafts that say BLOCK, so the counts depend on the runner alone."""
    at = text.find("BLOCK")
    findings = [] if at < 0 else [
        Finding(check=Check.courteous, code="fake.block", severity=Severity.block, start=at, end=at + 5,
                quote="BLOCK", message="m", suggestion="s")
    ]  # fmt: skip
    return ToneReport(
        passed=not findings, kind=DraftKind(kind), channel=Channel(channel), findings=findings,
        scores={}, words=len(text.split()), notes_checked=notes is not None,
    )  # fmt: skip


FIXTURE = [
    _item(id="s-pass", label="sendable", source="template"),
    _item(id="s-block", label="sendable", source="template", text="Dear Tom, BLOCK\n"),
    _item(id="e-block", label="small_edit", source="model", text="Dear Tom, BLOCK\n"),
    _item(id="e-pass", label="small_edit", source="model"),
    _item(id="n-block", label="not_sendable", source="hand", kind="check_in", text="Dear Tom, BLOCK\n"),
    _item(id="n-pass-1", label="not_sendable", source="hand", kind="check_in", reason="Speaks as the employer."),
    _item(id="n-pass-2", label="not_sendable", source="model", kind="closing", reason="Bitter."),
]


def test_runner_counts_on_a_tiny_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sendability, "evaluate_tone", _fake_gate)
    outcomes = run(load_items([_write(tmp_path, "dev.yaml", FIXTURE)], root=ROOT))
    total = tally(outcomes)
    assert total.drafts == 7
    assert total.by_label == {"sendable": 2, "small_edit": 2, "not_sendable": 3}
    assert (total.let_through, total.wrongly_blocked) == (2, 1)
    assert (total.small_edit_blocked, total.small_edit_passed) == (1, 1)
    assert [o.item.draft.id for o in outcomes if o.let_through] == ["n-pass-1", "n-pass-2"]
    assert [o.item.draft.id for o in outcomes if o.wrongly_blocked] == ["s-block"]

    report = render(outcomes, "fixture")
    assert "Not-sendable drafts let through: 2 of 3. Sendable drafts blocked: 1 of 2." in report
    assert "Small-edit drafts: 1 blocked, 1 passed." in report
    assert "| template | 2 | 0 of 0 | 1 of 2 | 0 / 0 |" in report
    assert "| model | 3 | 1 of 1 | 0 of 0 | 1 / 1 |" in report
    assert "| hand | 2 | 1 of 2 | 0 of 0 | 0 / 0 |" in report
    assert "| check_in | 2 | 1 of 2 | 0 of 0 | 0 / 0 |" in report
    assert "| closing | 1 | 1 of 1 | 0 of 0 | 0 / 0 |" in report
    assert "- n-pass-1 (hand, check_in; passed): Speaks as the employer." in report
    assert "- s-block (template, thank_you; blocked: fake.block): Fine." in report
    assert "e-pass" not in report  # small edits are listed only with --mistakes
    assert "e-pass" in render(outcomes, "fixture", mistakes=True)


def test_runner_passes_the_draft_day_to_a_gate_that_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []

    def gate(text: str, *, kind: Any, notes: Any = None, channel: Any = "email", today: Any = None) -> ToneReport:
        seen.append(today)
        return _fake_gate(text, kind=kind, notes=notes, channel=channel)

    monkeypatch.setattr(sendability, "evaluate_tone", gate)
    run(load_items([_write(tmp_path, "dev.yaml", [_item(today="2026-11-20"), _item(id="x2")])], root=ROOT))
    assert [str(d) for d in seen] == ["2026-11-20", "None"]


def test_cli_with_the_real_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    pushy = GOOD.replace("Best regards", "Please reply ASAP!!\n\nBest regards")
    _write(tmp_path / "test", "t.yaml", [_item(), _item(id="x2", label="not_sendable", text=pushy)])
    assert main(["sendability-eval", "--split", "test", "--set", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Not-sendable drafts let through: 0 of 1. Sendable drafts blocked: 0 of 1." in out
    assert main(["sendability-eval", "--split", "dev", "--set", str(tmp_path)]) == 2
    assert "no labelled drafts under dev/" in capsys.readouterr().err


def test_cli_reports_a_malformed_file_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    _write(tmp_path / "dev", "d.yaml", [_item(label="perhaps")])
    assert main(["sendability-eval", "--split", "dev", "--set", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "d.yaml: item x1: label:" in err


# --- the set itself ---------------------------------------------------------------------------


def test_the_set_is_big_enough_and_covers_every_source_kind_and_label() -> None:
    dev = load_items(split_files(SET, "dev"), root=ROOT)
    test = load_items(split_files(SET, "test"), root=ROOT)
    everything = dev + test
    assert len(everything) >= 300
    # Rounds 1 to 8's test splits were run and read, so they are folded into dev (their items
    # keep their test- ids); the next round's test split is pending, and the set's README says so.
    parts = (dev, test) if test else (dev,)
    if not test:
        assert "test split is pending" in (SET / "README.md").read_text(encoding="utf-8")
    else:
        assert len(test) >= 100
    for part in parts:
        assert {i.draft.source for i in part} == {"template", "model", "hand"}
        assert {i.draft.label for i in part} == {"sendable", "small_edit", "not_sendable"}
        assert {i.draft.kind for i in part} == set(DraftKind)
    folded = [
        i
        for i in dev
        if i.file.name.startswith(
            (
                "round1-test-",
                "round2-test",
                "round3-test",
                "round4-test",
                "round5-test",
                "round6-test",
                "round7-test",
                "round8-test",
                "round9-test",
                "round10-test",
                "round11-test",
                "round12-test",
                "round13-test",
                "round14-test",
                "round15-test",
                "round16-test",
                "round17-test",
                "round18-test",
                "round19-test",
                "round20-test",
                "round21-test",
                "round22-test",
                "round23-test",
                "round24-test",
                "round25-test",
                "round26-test",
                "round27-test",
            )
        )
    ]
    assert folded
    assert all(i.draft.id.startswith("test-") for i in folded)
    assert all(i.draft.id.startswith("dev-") for i in dev if i not in folded)
    assert all(i.draft.id.startswith("test-") for i in test if i.file.parent.name == "test")
    assert max(Counter(i.draft.id for i in everything).values()) == 1


def test_model_drafts_start_with_the_greeting_the_advisor_writes_and_end_signed() -> None:
    """What the gate saw: the advisor's greeting, the completion, cleaned (no subject line), signed."""
    items = [i for i in load_items(split_files(SET, "all"), root=ROOT) if i.draft.source == "model"]
    assert len(items) >= 100
    for item in items:
        d, name = item.draft, item.notes.candidate_name
        assert re.match(r"(Dear|Hi) (?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.? )?[^\s,]+(?: [^\s,]+){0,2},", d.text), (
            d.id
        )  # a full name where that is the custom
        assert not d.text.lower().startswith("subject:"), d.id
        if d.kind != DraftKind.linkedin_note:
            assert d.text.rstrip().endswith(name), d.id
