"""Checks the hand-written training files: they load, every date is on or before today, no name from
the evals, examples or tests is reused, and the ids run on."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from followup.extract.cases import load_chat_cases

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["evals/chat", "evals/cases", "evals/tone", "evals/sendability", "examples", "tests"]


def forbidden_text() -> str:
    parts = []
    for src in SOURCES:
        base = ROOT / src
        files = [base] if base.is_file() else [p for p in base.rglob("*") if p.is_file()]
        if src in ("evals/cases", "examples"):
            files = [p for p in files if p.suffix == ".yaml"]
        for p in files:
            try:
                parts.append(p.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, OSError):
                continue
    return "\n".join(parts).casefold()


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]]
    cases = load_chat_cases(paths)
    text = forbidden_text()
    problems = []
    names = []
    for c in cases:
        g = c.gold
        dates = [g.interview_date, g.promised_reply_date] + [h.sent_on for h in g.history]
        dates += [r.on for r in g.employer_replies]
        for d in dates:
            if d is not None and d > c.today and d is not g.promised_reply_date:
                problems.append(f"{c.id}: {d} after today {c.today}")
        people = [p.name for p in g.interviewers] + ([g.senior_contact.name] if g.senior_contact else [])
        people += [s.name for s in g.shareables if s.kind == "contact"]
        for n in people:
            names.append((c.id, "person", n))
        if g.candidate_name:
            names.append((c.id, "person", g.candidate_name))
        if g.company:
            names.append((c.id, "company", g.company))
    for cid, kind, n in names:
        if re.search(r"(?<!\w)" + re.escape(n.casefold()) + r"(?!\w)", text):
            problems.append(f"{cid}: {kind} {n!r} occurs in the evals/examples/tests")
    seen: dict[str, str] = {}
    for cid, kind, n in names:
        key = n.casefold()
        if kind == "person" and len(n.split()) > 1 and key in seen and seen[key] != cid:
            problems.append(f"{cid}: person {n!r} reused from {seen[key]}")
        seen.setdefault(key, cid)
    for p in problems:
        print(p)
    print(f"{len(cases)} cases, {len(problems)} problems")


if __name__ == "__main__":
    main()
