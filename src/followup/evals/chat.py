"""The chat cases in ``followup eval``: how well free text becomes notes, beside the drafts.

``followup eval --chat dev|test|all`` scores ``evals/chat/`` with an extraction engine
(``--chat-engine``, the rules engine by default) and adds the figures to every report:
field accuracy overall and per field, action accuracy, the decisions that would have
been shown from a wrong required fact, and the time per turn; the HTML report lists each
case's wrong fields beside the words they were read from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from typing import Any

from followup.extract import extract_notes
from followup.extract.cases import ChatCaseError, load_chat_cases
from followup.extract.evaluate import CaseScore, run, summary

SPLITS = {"dev": ("dev",), "test": ("test",), "all": ("dev", "test")}
DEFAULT_ROOT = Path("evals") / "chat"


class ChatEvalError(ValueError):
    """No chat cases, or a case file that cannot be read; the message names it."""


@dataclass
class ChatRun:
    """One engine's run over one split."""

    split: str
    engine: str
    figures: dict[str, Any]
    scores: list[CaseScore]

    def as_json(self) -> dict[str, Any]:
        return {"split": self.split, "engine": self.engine, **self.figures, "results": [asdict(s) for s in self.scores]}


def run_chat(split: str, engine: str = "rules", root: Path = DEFAULT_ROOT) -> ChatRun:
    """Score the chat cases of ``split`` with ``engine``."""
    files = [f for part in SPLITS[split] for f in sorted((root / part).glob("*.yaml"))]
    if not files:
        raise ChatEvalError(f"{root}: no chat cases under {'/'.join(SPLITS[split])}/")
    try:
        cases = load_chat_cases(files)
    except ChatCaseError as exc:
        raise ChatEvalError(str(exc)) from None
    scores = run(
        cases, lambda case, turns: extract_notes(turns, today=case.today, country=case.country, backend=engine)
    )
    return ChatRun(split, engine, summary(scores), scores)


def markdown(chat: ChatRun) -> str:
    """The chat figures as a Markdown part of summary.md."""
    f = chat.figures
    lines = [
        "",
        f"## Chat cases ({chat.split} split, {chat.engine} engine)",
        "",
        "| metric | value |",
        "|---|---|",
        f"| cases | {f['cases']} |",
        f"| fields right | {f['field_accuracy']:.1%} |",
        f"| actions right | {f['action_accuracy']:.1%} |",
        f"| decisions from a wrong required fact | {f['decided_from_wrong_facts']} |",
        f"| no decision (facts missing or invalid) | {f['no_decision']} |",
        f"| median per turn | {f['median_turn_seconds'] * 1000:.1f} ms |",
        "",
        "| field | right |",
        "|---|---|",
    ]
    lines += [f"| {name} | {value:.1%} |" for name, value in f["per_field"].items()]
    return "\n".join(lines) + "\n"


def html(chat: ChatRun | None) -> str:
    """The chat part of report.html: the figures, then each case with a wrong field, its words
    beside what was read. Every piece of text is escaped."""
    if chat is None:
        return ""
    f = chat.figures
    fields = "".join(
        f"<tr><td>{escape(name)}</td><td class='num'>{value:.1%}</td></tr>" for name, value in f["per_field"].items()
    )
    wrong = [s for s in chat.scores if s.misses or s.action != s.expected or s.error]
    items = "".join(_case(s) for s in wrong)
    return (
        f'<section id="chat"><h2>Chat cases</h2><p class="info">{escape(chat.split)} split, '
        f"{escape(chat.engine)} engine: {f['cases']} cases; fields right {f['field_accuracy']:.1%}; "
        f"actions right {f['action_accuracy']:.1%}; decisions from a wrong required fact "
        f"{f['decided_from_wrong_facts']}; median {f['median_turn_seconds'] * 1000:.1f} ms per turn.</p>"
        f'<table class="metrics"><tr><th>field</th><th>right</th></tr>{fields}</table>'
        f"<h3>{len(wrong)} case(s) with something wrong</h3>{items}</section>"
    )


def _case(score: CaseScore) -> str:
    turns = "".join(f"<li>{escape(t)}</li>" for t in score.turns)
    misses = "".join(
        f"<tr><td>{escape(m.field)}</td><td>{escape(m.gold)}</td><td>{escape(m.got)}</td>"
        f"<td>{escape(' / '.join(m.evidence) or '(no words)')}</td></tr>"
        for m in score.misses
    )
    action = (
        ""
        if score.action == score.expected
        else f"<p>action: got <b>{escape(score.action)}</b>, expected <b>{escape(score.expected)}</b></p>"
    )
    error = f"<p>error: {escape(score.error)}</p>" if score.error else ""
    return (
        f'<details class="chat-case"><summary>{escape(score.id)}</summary><ol class="turns">{turns}</ol>'
        f"{action}{error}"
        f"<table><tr><th>field</th><th>gold</th><th>read</th><th>from the words</th></tr>{misses}</table></details>"
    )
