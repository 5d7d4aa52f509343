"""The tracker through the command line, as a user runs it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from followup.cli import main

ROOT = Path(__file__).parent.parent
NORTHWIND = str(ROOT / "examples" / "northwind.yaml")
ACME = str(ROOT / "evals" / "tone" / "notes" / "acme.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_flow(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.db")
    assert (
        run(capsys, "add", NORTHWIND, "--db", db)[1]
        == "Added interview 1: Senior Data Analyst at Northwind Analytics\n"
    )
    run(capsys, "add", ACME, "--db", db)
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0
    assert "   1  2026-11-10  Senior Data Analyst at Northwind Analytics  (pending)" in out
    code, out, _ = run(capsys, "due", "--today", "2026-11-26", "--db", db)
    assert out.splitlines()[0] == "   1  TODAY       Reconnect: Senior Data Analyst at Northwind Analytics"
    assert "They said you'd hear by Wed 18 Nov" in out
    code, out, _ = run(capsys, "sent", "1", "check_in", "--to", "Tom Becker", "--on", "2026-11-26", "--db", db)
    assert out == "Recorded: check-in to Tom Becker on 2026-11-26 (interview 1)\n"
    code, out, _ = run(capsys, "due", "--today", "2026-11-26", "--db", db)
    assert "Take it up" in out
    assert "Thu 3 Dec" in out
    assert run(capsys, "replied", "2", "--on", "2026-11-20", "--new-date", "2026-12-01", "--db", db)[0] == 0
    assert run(capsys, "outcome", "2", "rejected", "--db", db)[0] == 0
    code, out, _ = run(capsys, "due", "--today", "2026-11-26", "--db", db)
    assert "Move on: Backend Engineer at Acme Robotics" in out


def test_ics_has_an_event_with_the_reason_and_a_reminder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.db")
    run(capsys, "add", NORTHWIND, "--db", db)
    run(capsys, "add", ACME, "--db", db)
    target = tmp_path / "next.ics"
    assert (
        run(capsys, "ics", "-o", str(target), "--today", "2026-11-26", "--db", db)[1] == f"Wrote 2 events to {target}\n"
    )
    assert run(capsys, "ics", "1", "-o", str(target), "--today", "2026-11-26", "--db", db)[0] == 0
    calendar = Calendar.from_ical(target.read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Check in with Tom Becker about the Senior Data Analyst role at Northwind Analytics"
    assert event.decoded("dtstart").date() == date(2026, 11, 26)
    assert "They said you'd hear by Wed 18 Nov" in str(event["description"])
    [alarm] = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"


def test_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, other, backup = str(tmp_path / "a.db"), str(tmp_path / "b.db"), str(tmp_path / "backup.json")
    run(capsys, "add", NORTHWIND, "--db", db)
    assert run(capsys, "export", backup, "--db", db)[1] == f"Exported 1 interview to {backup}\n"
    assert json.loads(Path(backup).read_text())["format"] == "followup-backup"
    assert run(capsys, "import", backup, "--db", other)[1] == f"Imported 1 interview from {backup}\n"
    assert "Northwind Analytics" in run(capsys, "list", "--db", other)[1]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["sent", "9", "check_in", "--to", "Tom Becker", "--on", "2026-11-26"], "no interview with id 9"),
        (
            ["sent", "1", "check_in", "--to", "Nobody", "--on", "2026-11-26"],
            "interview 1: history[1].to[0]: 'Nobody' is nobody in these notes",
        ),
        (["sent", "1", "check_in", "--to", "Tom Becker", "--on", "2099-01-01"], "sent on 2099-01-01 is after today"),
        (["sent", "1", "nudge", "--to", "Tom Becker"], "argument kind: invalid choice: 'nudge'"),
        (["replied", "1", "--on", "2026-02-30"], "'2026-02-30' is not a real date"),
        (["outcome", "1", "ghosted"], "invalid choice: 'ghosted'"),
        (["import", "/nonexistent.json"], "/nonexistent.json: no such file"),
        (["ics", "7", "-o", "/tmp/x.ics"], "no interview with id 7"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    db = str(tmp_path / "t.db")
    run(capsys, "add", NORTHWIND, "--db", db)
    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert words in err, err


def test_a_file_that_is_not_a_tracker_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("keep me\n")
    code, _, err = run(capsys, "list", "--db", str(path))
    assert code == 2
    assert "not a followup tracker database" in err
    assert path.read_text() == "keep me\n"
