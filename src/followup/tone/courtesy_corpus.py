"""Measuring the courtesy score on the Stanford Politeness Corpus (Stack Exchange requests).

The corpus is research data: it is read from where it lies (by default
``../shared/data/politeness`` beside the repository), never copied into the project. The
protocol is the paper's: a request in the top quartile of the human politeness score is
polite, one in the bottom quartile impolite, the middle half is left out; the score is
judged by its ROC AUC between the two.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

CORPUS_FILE = "stack-exchange.annotated.csv"
#: Where the corpus lies, relative to the repository root.
DEFAULT_CORPUS_DIR = Path("..") / "shared" / "data" / "politeness"


@dataclass(frozen=True)
class Request:
    community: str
    id: str
    text: str
    politeness: float  # the corpus's "Normalized Score": z-scored mean of five ratings


@dataclass(frozen=True)
class Labelled:
    request: Request
    polite: bool  # top quartile (True) or bottom quartile (False)


def corpus_dir(repo_root: Path) -> Path:
    """The corpus folder the tests and the training script read by default."""
    return (repo_root / DEFAULT_CORPUS_DIR).resolve()


def load_requests(folder: Path) -> list[Request]:
    """Every request in the corpus, in file order. The community loses its date prefix."""
    with (folder / CORPUS_FILE).open(encoding="utf-8", newline="") as handle:
        return [
            Request(row["Community"].split(" ", 1)[-1], row["Id"], row["Request"], float(row["Normalized Score"]))
            for row in csv.DictReader(handle)
        ]


def quartile_labels(requests: Sequence[Request]) -> list[Labelled]:
    """The top and bottom quartiles of the whole corpus, labelled polite and impolite."""
    ranked = sorted(r.politeness for r in requests)
    low, high = ranked[len(ranked) // 4], ranked[(3 * len(ranked)) // 4]
    return [Labelled(r, r.politeness >= high) for r in requests if r.politeness <= low or r.politeness >= high]


def held_out(request: Request) -> bool:
    """One request in five, the same every time whatever the file's order: never trained on."""
    digest = hashlib.sha256(f"{request.community}/{request.id}".encode()).digest()
    return digest[0] % 5 == 0


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """The probability that a random positive outscores a random negative (ties count half)."""
    order = sorted(range(len(scores)), key=scores.__getitem__)
    rank_sum = 0.0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        mid_rank = (start + end) / 2 + 1  # tied scores share their mean rank
        rank_sum += mid_rank * sum(positive[order[i]] for i in range(start, end + 1))
        start = end + 1
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("the AUC needs both polite and impolite examples")
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def in_communities(examples: Iterable[Labelled], communities: Iterable[str]) -> list[Labelled]:
    wanted = set(communities)
    return [e for e in examples if e.request.community in wanted]
