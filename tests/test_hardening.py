"""Hostile and careless input, each through the entry point a person would use: one line
naming the problem and exit code 2 on the command line, a typed error in Python, never a
traceback, never a hang, nothing written that was not asked for."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml

from followup import InputError, decide, load_notes
from followup.cli import main, printable
from followup.models import InterviewNotes
from followup.notes_io import NotesFileError
from followup.store import Store, StoreError
from tests.builders import notes_data

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "northwind.yaml"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith(("FOLLOWUP_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "tracker.sqlite3"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("followup: error: ")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert "errors.pydantic.dev" not in err
    for word in words:
        assert word in err


# --- nesting, dates and numbers that used to overflow ---------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [("deep.yaml", "[" * 30_000), ("deep.json", "[" * 60_000), ("deep2.yaml", "a: " + "{b: " * 5_000)],
)
def test_deeply_nested_notes_are_refused_up_front(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    for command in (["plan", str(path)], ["tone", str(EXAMPLE), "--kind", "thank_you", "--notes", str(path)]):
        code, _, err = run(capsys, *command)
        assert_one_line(code, err, "nested more than 64 levels")
    with pytest.raises(NotesFileError, match="nested"):
        load_notes(path)


def test_a_deeply_nested_backup_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "backup.json"
    path.write_text("[" * 100_000)
    assert_one_line(*run(capsys, "import", str(path))[::2], "nested")


def test_brackets_inside_strings_are_not_nesting(tmp_path: Path) -> None:
    data = notes_data(topics=["[" * 200 + " a topic with brackets"])
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(data))
    assert load_notes(path).topics[0].startswith("[[[")


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-01", "2101-01-01", "tomorrow", "2026-02-30"])
def test_today_out_of_range_is_one_line(capsys: pytest.CaptureFixture[str], today: str) -> None:
    for command in ("plan", "advise"):
        code, _, err = run(capsys, command, str(EXAMPLE), "--today", today)
        assert_one_line(code, err, "--today")


def test_decide_refuses_a_today_it_cannot_count_from() -> None:
    notes = load_notes(EXAMPLE)
    with pytest.raises(InputError, match=r"today: 9999-12-31 is outside the supported range"):
        decide(notes, date(9999, 12, 31))
    assert decide(notes, date(2100, 12, 31)).action is not None


@pytest.mark.parametrize("number", ["99999999999999999999", str(2**70), "0", "-3", "1.9", "x"])
def test_interview_numbers_out_of_range(capsys: pytest.CaptureFixture[str], number: str) -> None:
    for command in (
        ["sent", number, "check_in", "--to", "Tom Becker"],
        ["delete", number],
        ["outcome", number, "offer"],
    ):
        code, _, err = run(capsys, *command)
        assert_one_line(code, err, "interview's number")


@pytest.mark.parametrize("bad_id", [1.9, -1, 0, 2**70, "1", True, None])
def test_backup_ids_must_be_whole_numbers_in_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad_id: object
) -> None:
    backup = {"format": "followup-backup", "version": 1, "interviews": [{"id": bad_id, "notes": notes_data()}]}
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup))
    assert_one_line(*run(capsys, "import", str(path))[::2], "interviews[0]", "id must be a whole number")
    with Store() as store:
        assert store.interviews() == []


def test_a_backup_with_invalid_notes_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = {"format": "followup-backup", "interviews": [{"id": 1, "notes": {**notes_data(), "company": ""}}]}
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup))
    assert_one_line(*run(capsys, "import", str(path))[::2], "interviews[0]", "company: must not be empty")


# --- paths ----------------------------------------------------------------------------------


def test_paths_that_are_folders_or_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "somefile"
    a_file.write_text("x")
    assert main(["add", str(EXAMPLE)]) == 0
    capsys.readouterr()
    cases = [
        (["import", str(folder)], "is a folder"),
        (["export", str(folder)], "is a folder"),
        (["export", str(tmp_path / "missing" / "b.json")], "does not exist"),
        (["ics", "-o", str(tmp_path / "missing" / "x.ics"), "--today", "2026-11-26"], "does not exist"),
        (["ics", "-o", str(folder), "--today", "2026-11-26"], "is a folder"),
        (["list", "--db", str(a_file / "x.sqlite3")], "cannot be used as the tracker"),
        (["list", "--db", str(folder)], "is a directory"),
        (["plan", str(folder / "x.yaml")], "no such file"),
        (["tone", str(folder), "--kind", "thank_you"], "is a folder"),
    ]
    for argv, words in cases:
        code, _, err = run(capsys, *argv)
        assert_one_line(code, err, words)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("x.yaml", "backup.json", "draft.txt"):
        os.mkfifo(tmp_path / name)
    start = time.monotonic()
    for argv in (
        ["plan", str(tmp_path / "x.yaml")],
        ["import", str(tmp_path / "backup.json")],
        ["tone", str(tmp_path / "draft.txt"), "--kind", "thank_you"],
        ["list", "--db", str(tmp_path / "x.yaml")],
    ):
        code, _, err = run(capsys, *argv)
        assert_one_line(code, err, "not a regular file")
    assert time.monotonic() - start < 5


# --- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("FOLLOWUP_BACKEND", "bogus", "use one of auto, openai, local, template"),
        ("FOLLOWUP_TIMEOUT", "abc", "number of seconds"),
        ("FOLLOWUP_TIMEOUT", "-5", "number of seconds"),
        ("FOLLOWUP_MAX_RETRIES", "-1", "whole number from 0 to 10"),
        ("FOLLOWUP_MAX_RETRIES", "2.5", "whole number"),
        ("FOLLOWUP_DEADLINE", "0", "number of seconds"),
        ("FOLLOWUP_LOCAL_API", "telepathy", "chat or completion"),
        ("OPENAI_BASE_URL", "ftp://example", "web address"),
        ("FOLLOWUP_MODEL", "gpt\x1b[2J", "control character"),
    ],
)
def test_a_bad_setting_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, value: str, words: str
) -> None:
    monkeypatch.setenv(name, value)
    code, _, err = run(capsys, "plan", str(EXAMPLE), "--today", "2026-11-26")
    assert_one_line(code, err, f"{name}=", words)
    assert "\x1b" not in err


def test_an_empty_prompts_folder_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FOLLOWUP_PROMPTS", str(tmp_path))
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    code, _, err = run(capsys, "advise", str(EXAMPLE), "--today", "2026-11-26", "--backend", "openai")
    assert_one_line(code, err, f"FOLLOWUP_PROMPTS={tmp_path}", "no prompt files")


# --- notes that used to be accepted silently ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("dup.yaml", yaml.safe_dump(notes_data()) + "candidate_name: Someone Else\n"),
        ("dup.json", json.dumps(notes_data())[:-1] + ', "candidate_name": "Someone Else"}'),
    ],
)
def test_a_key_given_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    assert_one_line(*run(capsys, "plan", str(path))[::2], "'candidate_name' is given twice")


def test_nested_duplicate_keys_are_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    data = notes_data()
    text = yaml.safe_dump(data).replace("  title:", "  title: Boss\n  title:", 1)
    path.write_text(text)
    with pytest.raises(NotesFileError, match="'title' is given twice"):
        load_notes(path)


@pytest.mark.parametrize("value", [1763942400, 1763942400.0, "2026-11-24T00:00:00", "24/11/2026", True])
def test_only_iso_dates_are_dates(value: object) -> None:
    with pytest.raises(Exception, match="interview_date") as caught:
        InterviewNotes.model_validate(notes_data(interview_date=value))
    assert "YYYY-MM-DD" in str(caught.value)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_line_separators_are_refused_in_one_line_fields(separator: str) -> None:
    with pytest.raises(Exception, match=r"company[\s\S]*U\+202"):
        InterviewNotes.model_validate(notes_data(company=f"Northwind{separator}Analytics"))


def test_one_name_typed_two_ways_is_one_person() -> None:
    composed, decomposed = "Zoë Martin", unicodedata.normalize("NFD", "Zoë Martin")
    assert composed != decomposed
    data = notes_data(
        interviewers=[{"name": composed, "title": "Head of Data"}],
        history=[{"kind": "thank_you", "sent_on": "2026-11-25", "to": decomposed}],
    )
    notes = InterviewNotes.model_validate(data)
    assert notes.history[0].to == [composed]
    with pytest.raises(Exception, match="listed twice"):
        InterviewNotes.model_validate(
            notes_data(interviewers=[{"name": composed, "title": "A"}, {"name": decomposed.upper(), "title": "B"}])
        )


def test_an_unknown_country_is_quoted_not_templated() -> None:
    with pytest.raises(Exception, match="'XX' is not a country code") as caught:
        InterviewNotes.model_validate(notes_data(country="XX"))
    assert "{value" not in str(caught.value)


# --- the tracker's file ---------------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_sqlite_file_of_another_program_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "theirs.sqlite3"
    sqlite3.connect(path).execute("VACUUM").connection.close()  # a valid, empty SQLite file
    assert path.stat().st_size > 0
    before = _digest(path)
    with pytest.raises(StoreError, match="not a followup tracker"):
        Store(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.sqlite3"]


def test_a_new_or_empty_file_becomes_a_tracker(tmp_path: Path) -> None:
    (tmp_path / "touched.sqlite3").touch()
    for name in ("new.sqlite3", "touched.sqlite3"):
        with Store(tmp_path / name) as store:
            store.add(load_notes(EXAMPLE))
        with Store(tmp_path / name) as store:
            assert len(store.interviews()) == 1


def test_the_event_count_is_not_fooled_by_a_company_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text(yaml.safe_dump(notes_data(company="BEGIN:VEVENT Corp")))
    assert main(["add", str(notes)]) == 0
    code, out, _ = run(capsys, "ics", "-o", str(tmp_path / "x.ics"), "--today", "2026-11-26")
    assert code == 0
    assert "Wrote 1 event to" in out


# --- terminal escapes -----------------------------------------------------------------------


def test_escape_sequences_are_shown_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "\x1b[2Jnotes.yaml"
    code, _, err = run(capsys, "plan", str(path))
    assert_one_line(code, err, "\\x1b[2Jnotes.yaml")
    assert "\x1b" not in err
    assert printable("ok\n\ttab \x1b]0;title\x07 \u009b") == "ok\n\ttab \\x1b]0;title\\x07 \\x9b"


# --- the README's Python API ----------------------------------------------------------------


def test_the_public_api_is_importable() -> None:
    import followup

    for name in ("advise", "aadvise", "decide", "evaluate_tone", "load_notes", "dump_notes", "Store", "Advice"):
        assert getattr(followup, name) is not None, name
    with pytest.raises(AttributeError):
        _ = followup.no_such_thing  # type: ignore[attr-defined]
