"""The tracker's commands: add, list, due, sent, replied, outcome, delete, ics, export, import."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from followup import service
from followup.decision import Status
from followup.errors import InputError
from followup.files import check_writable, loads_json, read_text, write_bytes, write_text
from followup.models import MessageKind, Outcome
from followup.notes_io import load_notes
from followup.presentation import calendar_event
from followup.reminders import calendar
from followup.store import Store, StoreError, backup_text
from followup.wording import day

#: A backup of the largest tracker (10,000 interviews of up to 32 KiB of notes each) is far smaller.
MAX_BACKUP_BYTES = 512 * 1024 * 1024


def register(commands: Any, iso_date: Any, interview_id: Any = int) -> None:
    """Add the tracker's subcommands to the ``followup`` parser."""

    def command(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
        parser.add_argument("--db", help="the tracker file (default: FOLLOWUP_DB, else your data directory)")
        parser.set_defaults(handler=handler)
        return parser

    add = command("add", "save an interview's notes in the tracker", _add)
    add.add_argument("notes", help="interview notes, a .yaml or .json file")
    command("list", "the interviews in the tracker", _list)
    due = command("due", "what to do today, across every interview", _due)
    due.add_argument("--today", type=iso_date, help="as of this date (default: today)")
    sent = command("sent", "record a message you sent (only once it is sent)", _sent)
    sent.add_argument("id", type=interview_id)
    sent.add_argument("kind", choices=[k.value for k in MessageKind])
    sent.add_argument("--to", action="append", required=True, help="who it went to (repeat for several)")
    sent.add_argument("--on", type=iso_date, help="the day it was sent (default: today)")
    replied = command("replied", "record that the employer replied", _replied)
    replied.add_argument("id", type=interview_id)
    replied.add_argument("--on", type=iso_date, help="the day of the reply (default: today)")
    replied.add_argument("--new-date", type=iso_date, help="a new date they promised to decide by")
    outcome = command("outcome", "record the outcome", _outcome)
    outcome.add_argument("id", type=interview_id)
    outcome.add_argument("outcome", choices=[o.value for o in Outcome])
    delete = command("delete", "remove an interview from the tracker", _delete)
    delete.add_argument("id", type=interview_id)
    ics = command("ics", "the next step of one interview, or of all, as a calendar file", _ics)
    ics.add_argument("id", type=interview_id, nargs="?")
    ics.add_argument("-o", "--output", required=True, help="the .ics file to write")
    ics.add_argument("--today", type=iso_date)
    export = command("export", "everything in the tracker, to one JSON file", _export)
    export.add_argument("file")
    restore = command("import", "restore a JSON backup made by export", _import)
    restore.add_argument("file")


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db)


def _add(args: argparse.Namespace, out: TextIO) -> int:
    notes = load_notes(args.notes)
    with _store(args) as store:
        interview_id = store.add(notes)
    out.write(f"Added interview {interview_id}: {notes.role} at {notes.company}\n")
    return 0


def _list(args: argparse.Namespace, out: TextIO) -> int:
    with _store(args) as store:
        interviews = store.interviews()
    if not interviews:
        out.write("No interviews yet: add one with 'followup add NOTES.yaml'.\n")
    for i in interviews:
        n = i.notes
        out.write(f"{i.id:>4}  {n.interview_date}  {n.role} at {n.company}  ({n.outcome.value})\n")
    return 0


def _due(args: argparse.Namespace, out: TextIO) -> int:
    today = args.today or date.today()
    with _store(args) as store:
        items = store.due(today)
    if not items:
        out.write("Nothing in the tracker yet.\n")
    for item in items:
        d = item.decision
        if d.action is None or d.status == Status.done:
            when = "done"
        elif d.status == Status.now:
            when = "TODAY"
        else:
            when = day(d.due_on or today, today)
        action = d.action.label if d.action else "Nothing to chase"
        out.write(f"{item.id:>4}  {when:<11} {action}: {item.role} at {item.company}\n      {d.reason}\n")
    return 0


def _sent(args: argparse.Namespace, out: TextIO) -> int:
    on = args.on or date.today()
    with _store(args) as store:
        service.record_sent(store, args.id, args.kind, args.to, on, date.today())
    out.write(f"Recorded: {args.kind.replace('_', '-')} to {', '.join(args.to)} on {on} (interview {args.id})\n")
    return 0


def _replied(args: argparse.Namespace, out: TextIO) -> int:
    on = args.on or date.today()
    with _store(args) as store:
        service.record_reply(store, args.id, on, args.new_date, date.today())
    promise = f", with a new date: {args.new_date}" if args.new_date else ""
    out.write(f"Recorded: a reply on {on}{promise} (interview {args.id})\n")
    return 0


def _outcome(args: argparse.Namespace, out: TextIO) -> int:
    with _store(args) as store:
        store.set_outcome(args.id, args.outcome)
    out.write(f"Recorded: {args.outcome} (interview {args.id})\n")
    return 0


def _delete(args: argparse.Namespace, out: TextIO) -> int:
    with _store(args) as store:
        store.delete(args.id)
    out.write(f"Deleted interview {args.id}\n")
    return 0


def _ics(args: argparse.Namespace, out: TextIO) -> int:
    today = args.today or date.today()
    with _store(args) as store:
        items = [t for t in service.tracked(store, today) if t.decision is not None]
    if args.id is not None:
        items = [i for i in items if i.id == args.id]
        if not items:
            raise StoreError(f"no interview with id {args.id} that can be planned for {today}")
    check_writable(args.output)
    planned = [calendar_event(i.notes, i.decision) for i in items if i.decision is not None]
    events = [e for e in planned if e is not None]
    write_bytes(args.output, calendar(events))
    count = len(events)  # counted as made: text in a company name cannot change it
    out.write(f"Wrote {count} event{'s' if count != 1 else ''} to {args.output}\n")
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    check_writable(args.file)
    with _store(args) as store:
        backup = store.export()
    write_text(args.file, backup_text(backup))
    count = len(backup["interviews"])
    out.write(f"Exported {count} interview{'s' if count != 1 else ''} to {args.file}\n")
    return 0


def _import(args: argparse.Namespace, out: TextIO) -> int:
    text = read_text(args.file, max_bytes=MAX_BACKUP_BYTES, what="backup")
    try:
        backup = loads_json(text)
    except json.JSONDecodeError:
        raise StoreError(f"{args.file}: is not a JSON backup") from None
    except InputError as exc:
        raise StoreError(f"{args.file}: {exc}") from None
    with _store(args) as store:
        count = store.import_(backup)
    out.write(f"Imported {count} interview{'s' if count != 1 else ''} from {args.file}\n")
    return 0
