"""The courtesy score: its strategies, its learned weights, and how well it ranks real requests."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.tone import courtesy_score
from followup.tone.courtesy import STRATEGIES_FILE, courtesy_logit, model, strategies_in, strategy_specs
from followup.tone.courtesy_corpus import CORPUS_FILE, corpus_dir, held_out, load_requests, quartile_labels, roc_auc

ROOT = Path(__file__).parent.parent
CORPUS = corpus_dir(ROOT)
needs_corpus = pytest.mark.skipif(
    not (CORPUS / CORPUS_FILE).exists(),
    reason=f"the Stanford Politeness Corpus is not at {CORPUS} (research data, never copied into the project)",
)

#: The issue asked for an AUC of 0.85 on requests the weights were not trained on. The shipped
#: weights reach about 0.70 on the held-out fifth (0.79 on its Stack Overflow part), against
#: 0.81 for one human annotator judged by the other four: see the README's tone-check section.
#: These floors guard what was reached, a little below the measured figures.
HELD_OUT_FLOOR = 0.68
HELD_OUT_STACK_OVERFLOW_FLOOR = 0.76

POLITE = "Could you please pass the salt? Thank you!"
NEUTRAL = "The train leaves at nine from the north platform, and the journey takes about two hours."
CURT = "The train leaves at nine from the north platform."
RUDE = "Give me the salt now, idiot."


@pytest.mark.parametrize("spec", strategy_specs(), ids=lambda s: s.name)
def test_each_strategy_finds_its_examples_and_only_them(spec: object) -> None:
    from followup.tone.courtesy import StrategySpec

    assert isinstance(spec, StrategySpec)
    for text in spec.match:
        assert spec.name in strategies_in(text), text
    for text in spec.no_match:
        assert spec.name not in strategies_in(text), text


def test_the_weights_were_learned_for_these_strategies() -> None:
    shipped = resources.files("followup.tone").joinpath(STRATEGIES_FILE).read_bytes()
    assert model().strategies_sha256 == hashlib.sha256(shipped).hexdigest(), "retrain: scripts/train_courtesy.py"
    assert set(model().weights) == {s.name for s in strategy_specs()}


def test_each_weight_stays_on_its_strategys_side() -> None:
    for spec in strategy_specs():
        weight = model().weights[spec.name]
        if spec.sign == "polite":
            assert weight >= spec.at_least, spec.name
        elif spec.sign == "impolite":
            assert weight <= -spec.at_least, spec.name


def test_the_documented_examples_order_sensibly() -> None:
    polite, neutral, curt, rude = (courtesy_score(t) for t in (POLITE, NEUTRAL, CURT, RUDE))
    assert polite > neutral > curt > rude
    assert polite > 0.7
    assert rude < 0.1


def test_the_readme_quotes_the_current_figures() -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## The tone check", 1)[1]
    section = re.sub(r"\s+", " ", section)
    for text in (POLITE, NEUTRAL, CURT, RUDE):
        quoted = re.escape(re.sub(r"\s+", " ", text))
        assert re.search(rf'"{quoted}"\)?`? (is |scores )?{courtesy_score(text):.2f}', section), text


@pytest.mark.parametrize(
    ("added", "direction"),
    [
        ("Thank you very much for your help.", 1),
        ("Could you tell me more?", 1),
        ("Sorry to bother you.", 1),
        ("Why did you do that?", -1),
        ("You are an idiot.", -1),
        ("In fact, you should read the manual.", -1),
        ("ANSWER ME!!", -1),
    ],
)
def test_a_strategy_moves_the_score_its_way(added: str, direction: int) -> None:
    base = "I read the section about the schedule and the list of stations on the northern line."
    assert (courtesy_score(f"{base} {added}") - courtesy_score(base)) * direction > 0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_scores_between_0_and_1(text: str) -> None:
    assert 0.0 <= courtesy_score(text) <= 1.0


def test_a_character_that_lowers_to_two_does_not_shift_the_strategies() -> None:
    assert "gratitude" in strategies_in("İstanbul was lovely. Thank you for the tour!")


@needs_corpus
def test_the_shipped_weights_rank_held_out_requests() -> None:
    held = [e for e in quartile_labels(load_requests(CORPUS)) if held_out(e.request)]
    auc = roc_auc([courtesy_logit(e.request.text) for e in held], [e.polite for e in held])
    so = [e for e in held if e.request.community == "Stack Overflow"]
    so_auc = roc_auc([courtesy_logit(e.request.text) for e in so], [e.polite for e in so])
    assert auc >= HELD_OUT_FLOOR
    assert so_auc >= HELD_OUT_STACK_OVERFLOW_FLOOR
    # The figure the weights file records is the one measured here, from the rounded weights.
    assert auc == pytest.approx(float(str(model().evaluation["held_out_auc"])), abs=0.003)


def test_roc_auc_counts_ties_as_half() -> None:
    assert roc_auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == 0.75
    assert roc_auc([0.5, 0.5], [False, True]) == 0.5
    with pytest.raises(ValueError, match="both"):
        roc_auc([0.5], [True])


@needs_corpus
@pytest.mark.skipif(find_spec("numpy") is None, reason="training needs numpy: pip install -e .[train]")
def test_training_reproduces_the_shipped_weights() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_courtesy.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
