"""Notes load from YAML and JSON files and round-trip to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import InterviewNotes, NotesFileError, dump_notes, load_notes
from followup.notes_io import NOTES_FILE_MAX_BYTES

from .strategies import notes_and_today

EXAMPLE = Path(__file__).parent.parent / "examples" / "northwind.yaml"


def test_the_example_loads() -> None:
    notes = load_notes(EXAMPLE)
    assert notes.company == "Northwind Analytics"
    assert notes.shareables[0].kind == "article"
    assert notes.country == "US"


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    notes = load_notes(EXAMPLE)
    path = tmp_path / f"copy{suffix}"
    dump_notes(notes, path)
    assert load_notes(path) == notes


@given(notes_and_today(), st.sampled_from([".yaml", ".json"]))
def test_round_trip_generated(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[InterviewNotes, object], suffix: str
) -> None:
    notes, _ = case
    path = tmp_path_factory.mktemp("rt") / f"notes{suffix}"
    dump_notes(notes, path)
    assert load_notes(path) == notes


def test_yaml_country_no_is_norway_not_false(tmp_path: Path) -> None:
    text = EXAMPLE.read_text().replace("country: US", "country: NO")
    path = tmp_path / "n.yaml"
    path.write_text(text)
    assert load_notes(path).country == "NO"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("broken.yaml", "candidate_name: [unclosed", "not valid YAML (line"),
        ("broken.json", '{"candidate_name": ', "not valid JSON (line 1"),
        ("list.yaml", "- a\n- b\n", "must hold a mapping"),
        ("notes.txt", "candidate_name: x", "must end in .yaml, .yml or .json"),
    ],
)
def test_unreadable_files_give_a_clear_error(tmp_path: Path, name: str, content: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(NotesFileError, match=words.replace("(", r"\(")):
        load_notes(path)


def test_missing_huge_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(NotesFileError, match="no such file"):
        load_notes(tmp_path / "absent.yaml")
    huge = tmp_path / "huge.yaml"
    huge.write_text("topics:\n" + "  - x\n" * (NOTES_FILE_MAX_BYTES // 4))
    with pytest.raises(NotesFileError, match="larger than"):
        load_notes(huge)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(NotesFileError, match="not UTF-8"):
        load_notes(binary)
