"""``followup extract`` (free text to notes) and ``followup eval-chat`` (the extractor on the chat cases).

``extract`` prints notes that ``followup advise`` reads back: YAML whose comments
say what is still needed and what was not used (also said on standard error).
It exits 0 when the notes are complete, 1 when facts are missing, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

import yaml

from followup.errors import InputError
from followup.extract.cases import ChatCaseError, load_chat_cases
from followup.extract.engine import BACKENDS, extract_notes
from followup.extract.evaluate import mistakes, render, run, summary
from followup.extract.result import QUESTIONS, ExtractResult
from followup.models import InterviewNotes

#: The most text read from the command line or standard input.
MAX_INPUT_CHARS = 1_000_000
#: The chat cases are the project's files, found from where the command runs (a checkout's root).
DEFAULT_SET = Path("evals") / "chat"
EXIT_MISSING = 1
EXIT_USAGE = 2


def register(commands: Any) -> None:
    """Add ``extract`` and ``eval-chat`` to the ``followup`` parser."""
    ex = commands.add_parser("extract", help="free text (chat turns, a pasted e-mail) to interview notes")
    ex.add_argument("text", nargs="+", help="one argument per turn, oldest first; - reads standard input")
    ex.add_argument("--today", type=_iso_date, help="read dates as of this day (default: today)")
    ex.add_argument("--country", help="ISO country code: the order of 11/19 vs 19/11 and the holidays")
    ex.add_argument("--known", help="notes already confirmed (.yaml or .json) that the text updates")
    ex.add_argument("--backend", choices=list(BACKENDS), default=None, help="default: rules (offline)")
    ex.add_argument("--json", action="store_true", help="print the whole result (notes, missing, evidence) as JSON")
    ex.set_defaults(handler=_extract)

    ev = commands.add_parser("eval-chat", help="measure the extractor on the chat cases of evals/chat")
    ev.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ev.add_argument("--set", default=str(DEFAULT_SET), help="the chat cases' folder")
    ev.add_argument("--backend", choices=list(BACKENDS), default="rules")
    ev.add_argument("--mistakes", action="store_true", help="also list every case with a wrong field or action")
    ev.add_argument("--limit", type=int, help="only the first N cases (a model engine is slow)")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.set_defaults(handler=_eval_chat)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date (YYYY-MM-DD)") from None


def _fail(message: str) -> NoReturn:
    """Bad input: the command line prints it as one line, exit code 2."""
    raise InputError(message)


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    turns = [_read_turn(t) for t in args.text]
    if sum(len(t) for t in turns) > MAX_INPUT_CHARS:
        _fail(f"the text is longer than {MAX_INPUT_CHARS:,} characters; paste the messages that matter")
    known: InterviewNotes | None = None
    if args.known:
        from followup.notes_io import load_notes

        known = load_notes(args.known)
    result = extract_notes(
        turns, today=args.today or date.today(), backend=args.backend, known=known, country=args.country
    )
    if args.json:
        out.write(result.model_dump_json(indent=2) + "\n")
    else:
        out.write(render_yaml(result))
    if result.missing or result.problems:
        needed = "; ".join(QUESTIONS[f] for f in result.missing)
        sys.stderr.write(f"followup: still needed: {needed or '; '.join(result.problems)}\n")
        return EXIT_MISSING
    return 0


def _read_turn(text: str) -> str:
    if text == "-":
        return sys.stdin.read(MAX_INPUT_CHARS + 1)
    return text


_ORDER = list(InterviewNotes.model_fields)


def render_yaml(result: ExtractResult) -> str:
    """The notes as YAML that ``load_notes`` reads, with what is missing and unused as comments."""
    notes = {k: result.notes[k] for k in sorted(result.notes, key=lambda k: _ORDER.index(k) if k in _ORDER else 99)}
    lines = ["# Interview notes read from your text by followup extract. Check them before you advise."]
    for field in result.missing:
        lines.append(f"# still needed: {field} ({QUESTIONS[field]})")
    for problem in result.problems:
        lines.append(f"# problem: {problem}")
    for text in result.unused[:20]:
        lines.append("# not used: " + " ".join(text.split())[:150])
    body = yaml.safe_dump(notes, sort_keys=False, allow_unicode=True, width=100) if notes else "{}\n"
    return "\n".join(lines) + "\n" + body


def _eval_chat(args: argparse.Namespace, out: TextIO) -> int:
    root = Path(args.set)
    parts = {"dev": ["dev"], "test": ["test"], "all": ["dev", "test"]}[args.split]
    files = [f for part in parts for f in sorted((root / part).glob("*.yaml"))]
    if not files:
        _fail(f"{root}: no chat cases under {'/'.join(parts)}/")
    try:
        cases = load_chat_cases(files)
    except ChatCaseError as exc:
        _fail(str(exc))
    if args.limit:
        cases = cases[: args.limit]
    try:
        scores = run(
            cases,
            lambda case, turns: extract_notes(turns, today=case.today, country=case.country, backend=args.backend),
        )
    finally:
        if args.backend == "local":
            from followup.backends.local import stop_shared_server

            stop_shared_server()
    figures = summary(scores)
    if args.json:
        out.write(json.dumps({"split": args.split, "backend": args.backend, **figures}, indent=2) + "\n")
    else:
        out.write(render(figures, f"{args.split} split, {args.backend} engine"))
    if args.mistakes:
        out.write("\n".join(mistakes(scores)) + "\n")
    return 0
