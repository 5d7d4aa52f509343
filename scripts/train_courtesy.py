"""Learn the courtesy score's weights from the Stanford Politeness Corpus, and measure them.

    python scripts/train_courtesy.py [--data ../shared/data/politeness] [--check]

Reads the corpus where it lies (it is research data: never copy it into the project),
finds the politeness strategies of ``src/followup/tone/courtesy_strategies.yaml`` in each
request, fits an L2-regularised logistic regression between the top and bottom quartiles
of the human politeness score (the paper's protocol), each weight kept on its strategy's
side and above its floor, and prints ROC AUCs on parts each fit did not train on:

- the held-out fifth (chosen by a hash of each request's community and id), never trained
  on: the shipped weights' own figure, which the test suite repeats. Which communities to
  train on and how strongly to regularise are chosen by 5-fold cross-validation inside the
  other four fifths;
- a random 80/20 split, and one within Stack Overflow;
- across communities: Stack Overflow alone to the 24 others, and back; each community left
  out in turn; a seeded draw of 8 communities held out. The honest proxy for another
  domain such as e-mail;
- for scale, one human annotator against the other four.

Writes ``src/followup/tone/courtesy_weights.json`` (``--check``: only compares, exit 1 if
it differs). Needs numpy (``pip install -e .[train]``). Deterministic: a fixed seed for
the splits, and the fit starts from zero.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from followup.tone.courtesy import (  # noqa: E402
    STRATEGIES_FILE,
    WEIGHTS_FILE,
    StrategySpec,
    strategies_in,
    strategy_specs,
)
from followup.tone.courtesy_corpus import (  # noqa: E402
    CORPUS_FILE,
    Labelled,
    corpus_dir,
    held_out,
    load_requests,
    quartile_labels,
    roc_auc,
)

TONE = ROOT / "src" / "followup" / "tone"
SEED = 11
HELD_OUT_COUNT = 8  # communities held out from the shipped weights, out of the 24 besides Stack Overflow
BIG = "Stack Overflow"
SIGNS = {"polite": 1, "impolite": -1, "either": 0}

Matrix = NDArray[np.float64]


def features(examples: Sequence[Labelled], names: Sequence[str]) -> tuple[Matrix, NDArray[np.bool_]]:
    x = np.zeros((len(examples), len(names)))
    column = {name: i for i, name in enumerate(names)}
    for row, example in enumerate(examples):
        for name in strategies_in(example.request.text):
            x[row, column[name]] = 1.0
    y = np.array([e.polite for e in examples])
    return x, y


def fit(x: Matrix, y: NDArray[np.bool_], signs: Sequence[float] | None = None, l2: float = 8.0) -> tuple[float, Matrix]:
    """L2-regularised logistic regression by cyclic coordinate Newton steps.

    ``signs`` keeps each weight on the side the paper found for its strategy (positive:
    polite, negative: impolite, 0: either), at least as far from zero as the sign's size
    says: the data decides how much a strategy counts, not which way. The intercept is
    neither penalised nor bounded. Starts from zero: deterministic.
    """
    signs = list(signs) if signs is not None else [0.0] * x.shape[1]
    design = np.hstack([np.ones((len(x), 1)), x])
    low = np.array([-np.inf] + [float(s) if s > 0 else -np.inf for s in signs])
    high = np.array([np.inf] + [float(s) if s < 0 else np.inf for s in signs])
    penalty = np.full(design.shape[1], l2)
    penalty[0] = 0.0
    target = y.astype(float)
    beta = np.clip(np.zeros(design.shape[1]), low, high)
    margin = design @ beta
    for _ in range(500):
        largest = 0.0
        for j in range(design.shape[1]):
            p = 1.0 / (1.0 + np.exp(-margin))
            column = design[:, j]
            gradient = column @ (p - target) + penalty[j] * beta[j]
            curvature = (column * column) @ (p * (1 - p)) + penalty[j] + 1e-12
            new = float(np.clip(beta[j] - gradient / curvature, low[j], high[j]))
            margin += (new - beta[j]) * column
            largest = max(largest, abs(new - beta[j]))
            beta[j] = new
        if largest < 1e-9:
            break
    return float(beta[0]), beta[1:]


def auc_of(weights: tuple[float, Matrix], x: Matrix, y: NDArray[np.bool_]) -> float:
    intercept, w = weights
    return roc_auc(list(intercept + x @ w), list(y))


def held_out_communities(examples: Sequence[Labelled]) -> list[str]:
    others = sorted({e.request.community for e in examples} - {BIG})
    return sorted(random.Random(SEED).sample(others, HELD_OUT_COUNT))


@dataclass(frozen=True)
class Choice:
    """What the training part's cross-validation chooses between."""

    source: str  # "all" communities, or only BIG's requests
    l2: float


CHOICES = [Choice(source, l2) for source in ("all", BIG) for l2 in (2.0, 8.0)]


def choose(x: Matrix, y: NDArray[np.bool_], communities: NDArray[np.str_], signs: Sequence[float]) -> Choice:
    """The choice with the best 5-fold cross-validated AUC, judged on every community."""
    folds = np.random.default_rng(SEED).permutation(len(y)) % 5
    best: tuple[float, Choice] | None = None
    for choice in CHOICES:
        scores = np.zeros(len(y))
        for fold in range(5):
            rows = (folds != fold) & _source(communities, choice)
            intercept, w = fit(x[rows], y[rows], signs, choice.l2)
            scores[folds == fold] = intercept + x[folds == fold] @ w
        auc = roc_auc(list(scores), list(y))
        print(f"  cross-validated on the training part: {choice}: AUC {auc:.4f}")
        if best is None or auc > best[0]:
            best = (auc, choice)
    assert best is not None
    return best[1]


def _source(communities: NDArray[np.str_], choice: Choice) -> NDArray[np.bool_]:
    return np.ones(len(communities), dtype=bool) if choice.source == "all" else communities == choice.source


def evaluate(
    examples: list[Labelled], x: Matrix, y: NDArray[np.bool_], signs: Sequence[float], choice: Choice
) -> dict[str, object]:
    """AUCs on parts each fit did not see; the first is the shipped weights' own."""
    communities = np.array([e.request.community for e in examples])
    source = _source(communities, choice)

    def train(rows: NDArray[np.bool_], restrict: bool = True) -> tuple[float, Matrix]:
        rows = rows & source if restrict else rows
        return fit(x[rows], y[rows], signs, choice.l2)

    def mask(indices: NDArray[np.int64]) -> NDArray[np.bool_]:
        chosen = np.zeros(len(y), dtype=bool)
        chosen[indices] = True
        return chosen

    test = np.array([held_out(e.request) for e in examples])
    figures: dict[str, object] = {}
    shipped = train(~test)
    figures["held_out_auc"] = round(auc_of(shipped, x[test], y[test]), 4)
    figures["held_out_examples"] = int(test.sum())
    for name, part in (("stack_overflow", communities == BIG), ("other_communities", communities != BIG)):
        figures[f"held_out_{name}_auc"] = round(auc_of(shipped, x[test & part], y[test & part]), 4)
    figures["training_part_auc"] = round(auc_of(shipped, x[~test], y[~test]), 4)

    order = np.random.default_rng(SEED).permutation(len(examples))
    first = mask(order[: int(0.8 * len(examples))])
    figures["random_split_auc"] = round(auc_of(train(first), x[~first], y[~first]), 4)

    # Across communities: the source choice does not apply; each fit takes all it is given.
    held = np.isin(communities, held_out_communities(examples))
    figures["held_out_communities_auc"] = round(auc_of(train(~held, False), x[held], y[held]), 4)
    big = communities == BIG
    figures["stack_overflow_to_others_auc"] = round(auc_of(train(big, False), x[~big], y[~big]), 4)
    figures["others_to_stack_overflow_auc"] = round(auc_of(train(~big, False), x[big], y[big]), 4)
    figures["leave_one_community_out_pooled_auc"] = round(_pooled_leave_one_out(x, y, communities, signs, choice.l2), 4)
    inside = np.where(big)[0][np.random.default_rng(SEED).permutation(int(big.sum()))]
    first = mask(inside[: int(0.8 * len(inside))])
    rest = mask(inside[int(0.8 * len(inside)) :])
    figures["within_stack_overflow_auc"] = round(auc_of(train(first, False), x[rest], y[rest]), 4)
    return figures


def _pooled_leave_one_out(
    x: Matrix, y: NDArray[np.bool_], communities: NDArray[np.str_], signs: Sequence[float], l2: float
) -> float:
    """Every request scored by weights trained without its own community, then one AUC."""
    scores = np.zeros(len(y))
    for community in sorted(set(communities)):
        out = communities == community
        intercept, w = fit(x[~out], y[~out], signs, l2)
        scores[out] = intercept + x[out] @ w
    return roc_auc(list(scores), list(y))


def annotator_auc(folder: Path) -> float:
    """The human ceiling: one annotator's rating against the quartiles of the other four.

    Each annotator's ratings are z-scored first, as the corpus's own score is; the figure is
    the mean over the five rating positions.
    """
    with (folder / CORPUS_FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ratings: dict[str, list[float]] = {}
    for row in rows:
        for i in range(1, 6):
            ratings.setdefault(row[f"TurkId{i}"], []).append(float(row[f"Score{i}"]))
    scale = {k: (statistics.mean(v), statistics.pstdev(v) or 1.0) for k, v in ratings.items()}

    def z(row: dict[str, str], i: int) -> float:
        mean, sd = scale[row[f"TurkId{i}"]]
        return (float(row[f"Score{i}"]) - mean) / sd

    aucs = []
    for k in range(1, 6):
        rest = [statistics.mean(z(row, i) for i in range(1, 6) if i != k) for row in rows]
        ranked = sorted(rest)
        low, high = ranked[len(ranked) // 4], ranked[(3 * len(ranked)) // 4]
        kept = [j for j, r in enumerate(rest) if r <= low or r >= high]
        aucs.append(roc_auc([z(rows[j], k) for j in kept], [rest[j] >= high for j in kept]))
    return statistics.mean(aucs)


def _bound(spec: StrategySpec) -> float:
    """The sign to keep, as a number whose size is the floor (a tiny one when there is none)."""
    return SIGNS[spec.sign] * max(spec.at_least, 1e-12)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpus_dir(ROOT), help="the corpus folder")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights, write nothing")
    args = parser.parse_args()

    requests = load_requests(args.data)
    examples = quartile_labels(requests)
    names = [s.name for s in strategy_specs()]
    signs = [_bound(s) for s in strategy_specs()]
    x, y = features(examples, names)
    communities = np.array([e.request.community for e in examples])
    train = np.array([not held_out(e.request) for e in examples])
    choice = choose(x[train], y[train], communities[train], signs)
    figures = evaluate(examples, x, y, signs, choice)
    figures["one_annotator_auc"] = round(annotator_auc(args.data), 4)

    rows = train & _source(communities, choice)
    intercept, w = fit(x[rows], y[rows], signs, choice.l2)
    weights = {
        "intercept": round(intercept, 4),
        "weights": {name: round(float(value), 4) + 0.0 for name, value in zip(names, w, strict=True)},  # no -0.0
        "strategies_sha256": hashlib.sha256((TONE / STRATEGIES_FILE).read_bytes()).hexdigest(),
        "trained_on": {
            "corpus": "Stanford Politeness Corpus, Stack Exchange requests (Danescu-Niculescu-Mizil et al., ACL 2013)",
            "labels": "top quartile of Normalized Score = polite, bottom quartile = impolite",
            "requests": len(requests),
            "labelled": len(examples),
            "training_examples": int(rows.sum()),
            "training_communities": "all" if choice.source == "all" else [choice.source],
            "held_out": "requests whose sha256('community/id') starts with a byte divisible by 5",
            "model": "logistic regression, weights kept on each strategy's side (sign), coordinate Newton steps",
            "l2": choice.l2,
            "chosen_by": "5-fold cross-validated AUC on the training part, all communities",
            "seed": SEED,
        },
        "evaluation": figures,
    }
    _report(names, weights, figures, y)
    out = TONE / WEIGHTS_FILE
    text = json.dumps(weights, indent=2) + "\n"
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"\n{out.name}: {'matches a fresh training run' if same else 'DIFFERS from a fresh training run'}")
        raise SystemExit(0 if same else 1)
    out.write_text(text, encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")


def _report(names: Sequence[str], weights: dict[str, object], figures: dict[str, object], y: NDArray[np.bool_]) -> None:
    print(f"{len(y)} labelled requests ({int(y.sum())} polite, {int((~y).sum())} impolite)")
    print("\nROC AUC, top vs bottom quartile, on parts not trained on:")
    for key, value in figures.items():
        print(f"  {key}: {value}")
    learned = weights["weights"]
    assert isinstance(learned, dict)
    print(f"\nweights (intercept {weights['intercept']}):")
    for name in sorted(names, key=lambda n: -learned[n]):
        print(f"  {learned[name]:+.3f}  {name}")


if __name__ == "__main__":
    main()
