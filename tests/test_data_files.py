"""The data files people edit load as they read: YAML silently keeps the last of two equal
keys, so a list written twice (one copy edited, the other not) would hide an edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.notes_io import load_data

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(
    p
    for pattern in ("src/followup/**/*.yaml", "evals/**/*.yaml", "examples/*.yaml", "training/*.yaml")
    for p in ROOT.glob(pattern)
)


def test_there_are_data_files() -> None:
    assert len(DATA_FILES) > 50


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_key_is_given_twice(path: Path) -> None:
    load_data(path.read_text("utf-8"), fmt="yaml", source=str(path))
