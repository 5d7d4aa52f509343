"""The tracker's SQLite file: operations, what is due, backup, refusal of foreign files, migration."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from pydantic import ValidationError

from followup import Action, Status, load_notes
from followup.store import APPLICATION_ID, SCHEMA_VERSION, Store, StoreError, default_path

from .builders import d, make_notes, sent

ROOT = Path(__file__).parent.parent
NORTHWIND = load_notes(ROOT / "examples" / "northwind.yaml")
ACME = load_notes(ROOT / "evals" / "tone" / "notes" / "acme.yaml")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "tracker.sqlite3")


def test_a_new_file_is_ours_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "t.sqlite3"
    with Store(path):
        pass
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(path) as again:
        assert again._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_the_default_file_is_in_the_data_directory_unless_followup_db_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    assert default_path().name == "followup.sqlite3"
    assert "followup" in str(default_path().parent)
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "mine.db"))
    assert default_path() == tmp_path / "mine.db"


def test_add_get_list_update_delete(store: Store) -> None:
    first = store.add(NORTHWIND)
    second = store.add(ACME)
    assert [i.id for i in store.interviews()] == [first, second]
    assert store.get(first).notes == NORTHWIND
    store.update(first, NORTHWIND.model_copy(update={"role": "Lead Analyst"}))
    assert store.get(first).notes.role == "Lead Analyst"
    store.delete(first)
    assert [i.id for i in store.interviews()] == [second]
    with pytest.raises(StoreError, match=f"no interview with id {first}"):
        store.get(first)


def test_recording_sent_messages_replies_and_outcomes(store: Store) -> None:
    interview = store.add(NORTHWIND)
    store.record_sent(interview, "check_in", ["Tom Becker"], d("2026-11-26"))
    store.record_reply(interview, d("2026-11-27"), d("2026-12-04"))
    store.set_outcome(interview, "offer")
    notes = store.get(interview).notes
    assert notes.history[-1].kind == "check_in"
    assert notes.history[-1].to == ["Tom Becker"]
    assert notes.employer_replies[-1].new_promised_date == d("2026-12-04")
    assert notes.outcome == "offer"


def test_a_bad_record_is_refused_and_changes_nothing(store: Store) -> None:
    interview = store.add(NORTHWIND)
    with pytest.raises(ValidationError, match="is nobody in these notes"):
        store.record_sent(interview, "check_in", ["Somebody Else"], d("2026-11-26"))
    with pytest.raises(ValidationError, match="before the interview"):
        store.record_sent(interview, "check_in", ["Tom Becker"], d("2026-01-01"))
    assert store.get(interview).notes == NORTHWIND


def test_due_is_sorted_by_urgency(store: Store) -> None:
    done = store.add(make_notes(outcome="offer"))
    dec_3 = store.add(
        make_notes(interview_date="2026-11-24", history=[sent("thank_you", "2026-11-24", "Dana Lee", "Sam Ortiz")])
    )
    now = store.add(NORTHWIND)
    nov_30 = store.add(
        make_notes(interview_date="2026-11-19", history=[sent("thank_you", "2026-11-19", "Dana Lee", "Sam Ortiz")])
    )
    items = store.due(d("2026-11-26"))
    assert [i.id for i in items] == [now, nov_30, dec_3, done]
    assert [(i.decision.status, i.decision.due_on) for i in items] == [
        (Status.now, d("2026-11-26")),
        (Status.scheduled, d("2026-11-30")),
        (Status.scheduled, d("2026-12-03")),
        (Status.done, None),
    ]
    assert items[0].decision.action == Action.reconnect


def test_due_leaves_out_interviews_not_yet_held(store: Store) -> None:
    store.add(make_notes(interview_date="2026-12-20"))
    kept = store.add(NORTHWIND)
    assert [i.id for i in store.due(d("2026-11-26"))] == [kept]


def test_export_and_import_are_lossless(store: Store, tmp_path: Path) -> None:
    store.add(NORTHWIND)
    store.add(ACME)
    store.record_sent(1, "check_in", ["Tom Becker"], d("2026-11-26"))
    backup = store.export()
    json.dumps(backup)  # plain JSON
    with Store(tmp_path / "restored.sqlite3") as restored:
        assert restored.import_(backup) == 2
        again = restored.export()
    assert again["interviews"] == backup["interviews"]


def test_import_refuses_what_is_not_a_backup(store: Store) -> None:
    with pytest.raises(StoreError, match="not a followup backup"):
        store.import_({"interviews": []})
    with pytest.raises(StoreError, match=r"interviews\[0\] in the backup is not valid"):
        store.import_({"format": "followup-backup", "interviews": [{"id": 1, "notes": {"company": ""}}]})
    assert store.interviews() == []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list\n")
    before = _digest(path)
    with pytest.raises(StoreError, match="not a followup tracker database"):
        Store(path)
    assert _digest(path) == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER)")
    db.commit()
    db.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="not a followup tracker"):
        Store(path)
    assert _digest(path) == before


def test_a_corrupt_tracker_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    with Store(path) as s:
        for _ in range(30):
            s.add(NORTHWIND)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xde\xad" * 2048  # a page of garbage in the middle
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(StoreError, match=r"damaged|cannot be opened"):
        Store(path)
    assert _digest(path) == before


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    with Store(path):
        pass
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer followup"):
        Store(path)


def test_a_tracker_from_the_previous_schema_migrates_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(ROOT / "tests" / "fixtures" / "tracker_v1.sqlite3", path)
    with Store(path) as s:
        interviews = s.interviews()
        assert [i.notes for i in interviews] == [NORTHWIND, ACME]
        assert interviews[0].created_at == "2026-11-11T09:00:00+00:00"
        assert interviews[0].updated_at == interviews[0].created_at
        row = s._db.execute("SELECT company, role FROM interviews WHERE id = 2").fetchone()
        assert row == ("Acme Robotics", "Backend Engineer")
        s.record_sent(1, "check_in", ["Tom Becker"], d("2026-11-26"))  # the new change log works too
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT what FROM changes").fetchall() == [("sent check_in",)]
