"""The ``followup`` command. Errors become one line naming the problem and exit code 2."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import NoReturn, TextIO, cast

from pydantic import ValidationError

from followup import presentation
from followup.advice import Advice
from followup.backends.base import BackendError
from followup.backends.settings import BACKENDS
from followup.decision import Decision
from followup.errors import InputError, one_line
from followup.evals.command import register as register_eval
from followup.evals.sendability import register as register_sendability
from followup.extract.command import register as register_extract
from followup.files import read_bytes
from followup.models import EARLIEST_DATE, LATEST_DATE
from followup.notes_io import load_notes
from followup.policy import decide
from followup.settings import current
from followup.tone import Channel, DraftKind, ToneReport, evaluate_tone
from followup.tracker_cli import register as register_tracker
from followup.wording import join_names

#: The longest draft the command reads; the tone check judges longer ones by length alone.
MAX_DRAFT_CHARS = 1_000_000

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input from the command line: reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _iso_date(text: str) -> date:
    shown = repr(text[:40])
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"{shown} is not a date (write it as YYYY-MM-DD)")
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown} is not a real date (YYYY-MM-DD)") from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise argparse.ArgumentTypeError(f"{shown} is outside the supported range ({EARLIEST_DATE} to {LATEST_DATE})")
    return value


#: SQLite's largest row id; a bigger number cannot name an interview.
MAX_ID = 2**63 - 1


def _interview_id(text: str) -> int:
    if not re.fullmatch(r"\s*\d{1,19}\s*", text) or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not an interview's number (see the list of interviews)")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="followup", description="What to do after a job interview, and when.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    plan = commands.add_parser("plan", help="which of the five actions applies, why, and what comes next")
    plan.add_argument("notes", help="interview notes, a .yaml or .json file")
    plan.add_argument("--today", type=_iso_date, help="decide as of this date (default: today)")
    plan.add_argument("--json", action="store_true", help="print the decision as JSON")
    plan.set_defaults(handler=_plan)

    adv = commands.add_parser("advise", help="the decision and a draft per recipient that passed the tone check")
    adv.add_argument("notes", help="interview notes, a .yaml or .json file")
    adv.add_argument("--today", type=_iso_date, help="decide as of this date (default: today)")
    adv.add_argument("--backend", choices=list(BACKENDS), help="default: FOLLOWUP_BACKEND, else auto")
    adv.add_argument("--channel", default="email", choices=[c.value for c in Channel])
    adv.add_argument("--json", action="store_true", help="print the advice as JSON")
    adv.set_defaults(handler=_advise)

    register_tracker(commands, _iso_date, _interview_id)
    register_eval(commands)
    register_sendability(commands)
    register_extract(commands)

    tone = commands.add_parser("tone", help="check a draft's tone (exit 1 when it would be blocked)")
    tone.add_argument("draft", help="a text file with the draft, or - for standard input")
    tone.add_argument("--kind", required=True, choices=[k.value for k in DraftKind])
    tone.add_argument("--notes", help="interview notes, to check faithfulness and specificity")
    tone.add_argument("--channel", default="email", choices=[c.value for c in Channel])
    tone.add_argument("--json", action="store_true", help="print the report as JSON")
    tone.set_defaults(handler=_tone)

    accuracy = commands.add_parser("tone-eval", help="measure the tone checks on the labelled drafts")
    accuracy.add_argument("--split", choices=["dev", "test", "all"], default="test")
    accuracy.add_argument("--set", default="evals/tone", help="the labelled set's folder")
    accuracy.add_argument("--mistakes", action="store_true", help="also list every wrong verdict")
    accuracy.set_defaults(handler=_tone_eval)
    return parser


def _plan(args: argparse.Namespace, out: TextIO) -> int:
    notes = load_notes(args.notes)
    today = args.today or date.today()
    decision = decide(notes, today)
    if args.json:
        out.write(json.dumps(decision.model_dump(mode="json"), indent=2) + "\n")
    else:
        out.write(render_decision(decision))
    return 0


def _advise(args: argparse.Namespace, out: TextIO) -> int:
    from followup import service

    notes = load_notes(args.notes)
    today = args.today or date.today()
    advice = service.advise(notes, today, args.backend, channel=args.channel, fallback=False).advice
    if args.json:
        out.write(advice.model_dump_json(indent=2) + "\n")
    else:
        out.write(render_advice(advice))
    return 0


def render_advice(advice: Advice) -> str:
    """The decision, then each draft with who wrote it and how it fared at the gate."""
    parts = [render_decision(advice.decision)]
    for number, draft in enumerate(advice.drafts, 1):
        kind = draft.kind.value.replace("_", "-")
        who = f"{draft.recipient} ({draft.recipient_title})" + (f", cc {join_names(draft.cc)}" if draft.cc else "")
        writer = f"{draft.backend} {draft.model}" if draft.source == "model" else "the template engine"
        warnings = len(draft.tone.warnings)
        lines = [
            f"--- Draft {number} of {len(advice.drafts)}: {kind} to {who}",
            f"    passed the tone check ({warnings} warning{'s' if warnings != 1 else ''}); written by {writer}, "
            f"prompt {draft.prompt_id} v{draft.prompt_version} #{draft.prompt_hash}",
        ]
        if draft.fallback_reason:
            lines.append(f"    note: {draft.fallback_reason}; the template engine wrote this one instead.")
        lines += [f"    note for you: {note}" for note in draft.notes_for_you]
        if draft.subject:
            lines.append(f"Subject: {draft.subject}")
        lines += ["", draft.body.rstrip(), ""]
        parts.append("\n".join(lines) + "\n")
    for line in advice.reflection:
        parts.append(f"{line}\n")
    return "\n".join(parts)


def _tone(args: argparse.Namespace, out: TextIO) -> int:
    text = _read_draft(args.draft)
    notes = load_notes(args.notes) if args.notes else None
    report = evaluate_tone(text, kind=args.kind, notes=notes, channel=args.channel)
    if args.json:
        out.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.write(render_report(report))
    return 0 if report.passed else 1


def _read_draft(name: str) -> str:
    if name == "-":
        return sys.stdin.read(MAX_DRAFT_CHARS + 1)[: MAX_DRAFT_CHARS + 1]
    raw = read_bytes(name, max_bytes=4 * MAX_DRAFT_CHARS, what="draft")
    return raw.decode("utf-8", errors="replace")[: MAX_DRAFT_CHARS + 1]


def render_report(report: ToneReport) -> str:
    """A tone report as a person reads it: the verdict, then each finding where it is."""
    verdict = "passes" if report.passed else "BLOCKED"
    counts = f"{len(report.blocking)} blocking, {len(report.warnings)} warnings, {report.words} words"
    lines = [f"{verdict}: {counts}"]
    for f in report.findings:
        quote = f.quote if len(f.quote) <= 60 else f.quote[:57] + "..."
        lines.append(f"  [{f.severity.value}] {f.code} at {f.start}-{f.end}: {quote!r}")
        lines.append(f"      {f.message} {f.suggestion}")
    scores = ", ".join(f"{name} {value:.2f}" for name, value in report.scores.items())
    lines.append(f"scores: {scores}")
    return "\n".join(lines) + "\n"


def _tone_eval(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from followup.tone.dataset import load_split, mistakes, render, run, summarise

    root = Path(args.set)
    parts = {"dev": ["dev"], "test": ["test"], "all": ["dev", "test"]}[args.split]
    files = [f for part in parts for f in sorted((root / part).glob("*.yaml"))]
    if not files:
        raise UsageError(f"{root}: no labelled drafts under {'/'.join(parts)}/")
    outcomes = run(example for f in files for example in load_split(f, root / "notes"))
    out.write(render(summarise(outcomes), f"{args.split} ({len(files)} file(s))"))
    if args.mistakes:
        out.write("\n".join(mistakes(outcomes)) + "\n")
    return 0


def render_decision(decision: Decision) -> str:
    """The decision as a person reads it: the ladder, the action, why, and what follows."""
    return presentation.text(decision)


class _Printable:
    """Terminal output with control characters shown, not obeyed: text from notes, a
    model or a file can hold escape sequences that would rewrite the screen."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def flush(self) -> None:
        self.stream.flush()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with every control character but newline and tab written as an escape."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command. Exit code 0 (or 1 where the command says so); bad input of any
    kind is one line on ``err`` naming the problem and exit code 2, never a traceback."""
    out = cast(TextIO, _Printable(out or sys.stdout))
    err = cast(TextIO, _Printable(err or sys.stderr))
    try:
        args = build_parser().parse_args(argv)
        current()  # the settings are checked before any command runs
    except (UsageError, InputError) as exc:
        err.write(f"followup: error: {_one(exc)}\n")
        return EXIT_USAGE
    try:
        code: int = args.handler(args, out)
        return code
    except (UsageError, InputError) as exc:
        err.write(f"followup: error: {_one(exc)}\n")
    except BackendError as exc:
        err.write(f"followup: error: {_one(exc.reason)}\n")
    except ValidationError as exc:
        where = getattr(args, "notes", None) or (f"interview {args.id}" if getattr(args, "id", None) else "notes")
        err.write(f"followup: error: {where}: {_one(one_line(exc))}\n")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        err.write(f"followup: error: {where}{exc.strerror or exc}\n")
    return EXIT_USAGE


def _one(problem: object) -> str:
    """A problem on one line, whatever its text held."""
    return " ".join(str(problem).split())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
