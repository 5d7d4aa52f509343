"""The tracker: every interview and what was sent, in a SQLite file.

By default the file lives in the user's data directory; FOLLOWUP_DB overrides it.
The schema is versioned (``PRAGMA user_version``) and migrated forward on open; the
file is marked as ours (``PRAGMA application_id``), so a file that is not our
database, or is corrupt, is refused and never written to. WAL mode lets the web
UI and the command line read while the other writes; every change is one
``BEGIN IMMEDIATE`` transaction that reads the interview, changes it and writes it
back, so two writers never lose each other's change.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from followup.config import PolicyConfig
from followup.decision import Decision, Status
from followup.errors import InputError, one_line
from followup.models import EmployerReply, InterviewNotes, MessageKind, Outcome, name_key
from followup.policy import decide
from followup.settings import current

APPLICATION_ID = 0x464F4C55  # "FOLU"
#: SQLite's largest row id.
MAX_ID = 2**63 - 1
SCHEMA_VERSION = 2
BACKUP_FORMAT = "followup-backup"

# Each schema version's migration from the one before; index 0 creates version 1.
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            notes TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    ],
    [
        "ALTER TABLE interviews ADD COLUMN company TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE interviews ADD COLUMN role TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE interviews ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''",
        "UPDATE interviews SET company = json_extract(notes, '$.company'), role = json_extract(notes, '$.role'),"
        " updated_at = created_at",
        """CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            what TEXT NOT NULL
        )""",
        "CREATE INDEX changes_by_interview ON changes(interview_id)",
    ],
]


class StoreError(InputError):
    """The tracker cannot do what was asked; the message says what and why."""


@dataclass(frozen=True)
class Interview:
    id: int
    notes: InterviewNotes
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class DueItem:
    """One interview's decision for a day, as the 'what is due' list shows it."""

    id: int
    company: str
    role: str
    decision: Decision


def default_path() -> Path:
    """FOLLOWUP_DB, or followup.sqlite3 in the user's data directory."""
    named = current().db
    if named:
        return Path(named).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("followup", appauthor=False)) / "followup.sqlite3"


class Store:
    """An open tracker file. Use as a context manager, or call close()."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        fresh = _refuse_foreign(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            where = str(self.path.parent)
            raise StoreError(f"{self.path}: its folder {where!r} cannot be made ({exc.strerror})") from None
        self._fresh = fresh
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA busy_timeout = 30000")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._open()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot be opened as a tracker database ({exc})") from None
        except sqlite3.Error as exc:  # OperationalError for a path SQLite cannot open, among others
            raise StoreError(f"{self.path}: cannot be opened ({exc})") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # --- opening and migrating -------------------------------------------------------------

    def _open(self) -> None:
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == 0 and version == 0 and tables == 0 and self._fresh:
            self._db.execute("PRAGMA journal_mode = WAL")
            with self._write():
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif app_id != APPLICATION_ID:
            raise StoreError(f"{self.path}: is a SQLite database, but not a followup tracker; it was left untouched")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: was written by a newer followup (schema {version}, this one knows {SCHEMA_VERSION}); "
                "upgrade followup"
            )
        if self._db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StoreError(f"{self.path}: is damaged (SQLite's integrity check failed); restore it from a backup")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._migrate(version)

    def _migrate(self, version: int) -> None:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._write():
                for statement in MIGRATIONS[target - 1]:
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading so two writers queue instead of colliding."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- interviews ------------------------------------------------------------------------

    def add(self, notes: InterviewNotes) -> int:
        now = _now()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO interviews (notes, company, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (notes.model_dump_json(), notes.company, notes.role, now, now),
            )
            interview_id = int(cursor.lastrowid or 0)
            _log(db, interview_id, "added", now)
        return interview_id

    def upsert(self, notes: InterviewNotes) -> tuple[int, bool]:
        """Add ``notes``, or replace the interview with the same candidate, company, role and
        date (compared ignoring case and spacing); returns its id and whether it was added.
        One transaction, so two saves at once still make one interview."""
        identity = interview_identity(notes)
        with self._write() as db:
            # A full scan: SQLite's lower() knows only ASCII, and a tracker holds tens of interviews.
            for row in db.execute("SELECT id, notes FROM interviews").fetchall():
                if interview_identity(InterviewNotes.model_validate_json(row[1])) == identity:
                    self._save(db, int(row[0]), notes, "updated")
                    return int(row[0]), False
            now = _now()
            cursor = db.execute(
                "INSERT INTO interviews (notes, company, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (notes.model_dump_json(), notes.company, notes.role, now, now),
            )
            interview_id = int(cursor.lastrowid or 0)
            _log(db, interview_id, "added", now)
        return interview_id, True

    def get(self, interview_id: int) -> Interview:
        _check_id(interview_id)
        row = self._db.execute(
            "SELECT id, notes, created_at, updated_at FROM interviews WHERE id = ?", (interview_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no interview with id {interview_id} (see: followup list)")
        return _interview(row)

    def interviews(self) -> list[Interview]:
        rows = self._db.execute("SELECT id, notes, created_at, updated_at FROM interviews ORDER BY id")
        return [_interview(row) for row in rows]

    def update(self, interview_id: int, notes: InterviewNotes) -> None:
        with self._write() as db:
            self._require(db, interview_id)
            self._save(db, interview_id, notes, "updated")

    def delete(self, interview_id: int) -> None:
        with self._write() as db:
            self._require(db, interview_id)
            db.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))

    def record_sent(self, interview_id: int, kind: MessageKind | str, to: list[str], on: date) -> InterviewNotes:
        """A message the user confirms they sent (drafts are never recorded as sent)."""
        message = {"kind": str(kind), "sent_on": on.isoformat(), "to": to}
        return self._change(interview_id, lambda data: data["history"].append(message), f"sent {kind}")

    def record_reply(self, interview_id: int, on: date, new_promised_date: date | None = None) -> InterviewNotes:
        reply = EmployerReply(on=on, new_promised_date=new_promised_date).model_dump(mode="json", exclude_none=True)
        return self._change(interview_id, lambda data: data["employer_replies"].append(reply), "employer replied")

    def set_outcome(self, interview_id: int, outcome: Outcome | str) -> InterviewNotes:
        value = Outcome(outcome).value
        return self._change(interview_id, lambda data: data.update(outcome=value), f"outcome {value}")

    def _change(self, interview_id: int, change: Any, what: str) -> InterviewNotes:
        """Read, change and write back one interview in a single transaction; the change is
        validated like any notes (a message to nobody, or before the interview, is refused)."""
        with self._write() as db:
            notes = self._require(db, interview_id)
            data = notes.model_dump(mode="json")
            change(data)
            updated = InterviewNotes.model_validate(data)
            self._save(db, interview_id, updated, what)
        return updated

    def _require(self, db: sqlite3.Connection, interview_id: int) -> InterviewNotes:
        _check_id(interview_id)
        row = db.execute("SELECT notes FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise StoreError(f"no interview with id {interview_id} (see: followup list)")
        return InterviewNotes.model_validate_json(row[0])

    def _save(self, db: sqlite3.Connection, interview_id: int, notes: InterviewNotes, what: str) -> None:
        now = _now()
        db.execute(
            "UPDATE interviews SET notes = ?, company = ?, role = ?, updated_at = ? WHERE id = ?",
            (notes.model_dump_json(), notes.company, notes.role, now, interview_id),
        )
        _log(db, interview_id, what, now)

    # --- what is due -----------------------------------------------------------------------

    def due(self, today: date, config: PolicyConfig | None = None) -> list[DueItem]:
        """Every interview's decision for ``today``: due now first, then by due date, then the rest.

        An interview whose notes describe something after ``today`` is left out (it would
        be refused by decide); everything else is decided.
        """
        items = []
        for interview in self.interviews():
            try:
                decision = decide(interview.notes, today, config)
            except ValidationError:
                continue
            items.append(DueItem(interview.id, interview.notes.company, interview.notes.role, decision))
        return sorted(items, key=_urgency)

    # --- backup ----------------------------------------------------------------------------

    def export(self) -> dict[str, Any]:
        return {
            "format": BACKUP_FORMAT,
            "version": 1,
            "exported_at": _now(),
            "interviews": [
                {
                    "id": i.id,
                    "notes": i.notes.model_dump(mode="json"),
                    "created_at": i.created_at,
                    "updated_at": i.updated_at,
                }
                for i in self.interviews()
            ],
        }

    def import_(self, backup: dict[str, Any]) -> int:
        """Restore a backup: each interview keeps its id, replacing one with the same id."""
        if not isinstance(backup, dict) or backup.get("format") != BACKUP_FORMAT:
            raise StoreError("not a followup backup (its 'format' is not 'followup-backup')")
        entries = backup.get("interviews")
        if not isinstance(entries, list):
            raise StoreError("the backup has no list of interviews")
        parsed = []
        for index, entry in enumerate(entries):
            where = f"interviews[{index}] in the backup is not valid"
            if not isinstance(entry, dict):
                raise StoreError(f"{where}: it is not a mapping with an id and notes")
            interview_id = entry.get("id")
            if type(interview_id) is not int or not 1 <= interview_id <= MAX_ID:
                raise StoreError(f"{where}: its id must be a whole number from 1 to {MAX_ID}")
            if not isinstance(entry.get("notes"), dict):
                raise StoreError(f"{where}: it has no notes")
            try:
                notes = InterviewNotes.model_validate(entry["notes"])
            except ValidationError as exc:
                raise StoreError(f"{where}: notes.{one_line(exc)}") from None
            parsed.append((interview_id, notes, entry))
        with self._write() as db:
            for interview_id, notes, entry in parsed:
                db.execute(
                    "INSERT OR REPLACE INTO interviews (id, notes, company, role, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        interview_id,
                        notes.model_dump_json(),
                        notes.company,
                        notes.role,
                        str(entry.get("created_at") or _now()),
                        str(entry.get("updated_at") or _now()),
                    ),
                )
        return len(parsed)


def _check_id(interview_id: object) -> None:
    if type(interview_id) is not int or not 1 <= interview_id <= MAX_ID:
        raise StoreError(f"{str(interview_id)[:40]!r} is not an interview's number (a whole number from 1)")


def _urgency(item: DueItem) -> tuple[int, str, int]:
    decision = item.decision
    if decision.action is None or decision.status == Status.done:
        return (2, "", item.id)
    if decision.status == Status.now:
        return (0, "", item.id)
    return (1, (decision.due_on or date.max).isoformat(), item.id)


def interview_identity(notes: InterviewNotes) -> tuple[str, str, str, date]:
    """What makes two notes the same interview: candidate, company, role and date."""
    return (name_key(notes.candidate_name), name_key(notes.company), name_key(notes.role), notes.interview_date)


def _interview(row: tuple[Any, ...]) -> Interview:
    return Interview(int(row[0]), InterviewNotes.model_validate_json(row[1]), str(row[2]), str(row[3]))


def _log(db: sqlite3.Connection, interview_id: int, what: str, at: str) -> None:
    db.execute("INSERT INTO changes (interview_id, at, what) VALUES (?, ?, ?)", (interview_id, at, what))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_foreign(path: Path) -> bool:
    """A file that exists and is not SQLite is someone else's: refuse before SQLite touches it.

    Returns whether the tracker is new (no file, or an empty one), the only case in which a
    database without our mark is made ours: an existing SQLite file without it, even an
    empty one, belongs to another program."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise StoreError(f"{path}: cannot be used as the tracker ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path}: is a directory, not a tracker database")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path}: is not a regular file, so it is not used as the tracker")
    if info.st_size == 0:
        return True
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None
    if header != _SQLITE_HEADER:
        raise StoreError(f"{path}: is not a followup tracker database (not SQLite); it was left untouched")
    return False


def backup_text(backup: dict[str, Any]) -> str:
    """A backup (``Store.export()``) as the JSON text of a backup file."""
    return json.dumps(backup, indent=2, ensure_ascii=False) + "\n"


def backup_json(store: Store) -> str:
    return backup_text(store.export())
