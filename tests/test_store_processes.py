"""The tracker under real concurrent processes, and a writer killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from followup import load_notes
from followup.store import Store

ROOT = Path(__file__).parent.parent
EXAMPLE = str(ROOT / "examples" / "northwind.yaml")

WRITER = """
import sys
from datetime import date
from followup import load_notes
from followup.store import Store
path, who, count, example = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
notes = load_notes(example)
with Store(path) as store:
    for _ in range(count):
        store.add(notes)
        store.record_sent(1, "check_in", [who], date(2026, 11, 26))
"""

READER = """
import sys, time
from followup.store import Store
path, seconds = sys.argv[1], float(sys.argv[2])
seen = 0
end = time.monotonic() + seconds
with Store(path) as store:
    while time.monotonic() < end:
        interviews = store.interviews()  # each one is validated as InterviewNotes on read
        assert len(interviews) >= seen, (len(interviews), seen)
        seen = len(interviews)
        history = len(store.get(1).notes.history)
        assert 1 <= history <= 81
print(seen)
"""

HANGING_WRITER = """
import sys, time
from followup import load_notes
from followup.store import Store
path, example = sys.argv[1], sys.argv[2]
notes = load_notes(example)
with Store(path) as store:
    for _ in range(5):
        store.add(notes)
    store._db.execute("BEGIN IMMEDIATE")
    store._db.execute("UPDATE interviews SET notes = '{half' WHERE id = 1")
    store._db.execute("INSERT INTO interviews (notes, company, role, created_at, updated_at) VALUES ('{', '', '', '', '')")
    print("ready", flush=True)
    time.sleep(120)
"""

BUSY_WRITER = """
import sys
from followup import load_notes
from followup.store import Store
path, example = sys.argv[1], sys.argv[2]
notes = load_notes(example)
with Store(path) as store:
    print("ready", flush=True)
    while True:
        store.add(notes)
"""


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_writers_and_a_reader_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "t.sqlite3")
    with Store(path) as store:
        store.add(load_notes(EXAMPLE))
    reader = _python(READER, path, "4")
    writers = [_python(WRITER, path, who, "40", EXAMPLE) for who in ("Tom Becker", "Priya Shah")]
    for process in [*writers, reader]:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    with Store(path) as store:
        assert len(store.interviews()) == 81
        history = store.get(1).notes.history
        assert len(history) == 81  # the thank-you, then 40 check-ins from each writer
        assert sum(m.to == ["Tom Becker"] for m in history[1:]) == 40
        assert sum(m.to == ["Priya Shah"] for m in history[1:]) == 40


def test_a_writer_killed_mid_transaction_leaves_the_committed_data(tmp_path: Path) -> None:
    path = str(tmp_path / "t.sqlite3")
    writer = _python(HANGING_WRITER, path, EXAMPLE)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    with Store(path) as store:
        interviews = store.interviews()
        assert len(interviews) == 5
        assert interviews[0].notes == load_notes(EXAMPLE)


def test_a_busy_writer_killed_at_any_moment_leaves_a_readable_tracker(tmp_path: Path) -> None:
    path = str(tmp_path / "t.sqlite3")
    for delay in (0.2, 0.45, 0.7):
        writer = _python(BUSY_WRITER, path, EXAMPLE)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
        with Store(path) as store:
            interviews = store.interviews()
            assert interviews, "some adds were committed"
            assert all(i.notes.company == "Northwind Analytics" for i in interviews)
            assert [i.id for i in interviews] == list(range(1, len(interviews) + 1))
