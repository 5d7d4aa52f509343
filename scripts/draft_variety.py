"""How varied the template drafts are: the sentences repeated across the eval set's drafts.

Drafts every eval case in evals/cases/ with the template engine (no model) and counts, for
each sentence, in how many drafts it appears (names, roles and companies are part of the
sentence, so only wording shared across interviews counts). Prints the most repeated
sentences and their share; exits 1 when one is in more than --max-share of the drafts.

    python scripts/draft_variety.py            # the top 10 and the verdict
    python scripts/draft_variety.py --show ID  # also print the drafts of cases whose id contains ID
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from followup.advice import Draft
from followup.advisor import advise
from followup.evals.cases import load_cases

ROOT = Path(__file__).resolve().parent.parent
#: A sentence ends at . ! ? or a line break; greetings and sign-offs are lines of their own.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
MAX_SHARE = 0.20


def template_drafts(pattern: str = str(ROOT / "evals" / "cases" / "*.yaml")) -> list[tuple[str, date, Draft]]:
    """(case id, day, draft) for every template draft of every eval case."""
    out = []
    for case, notes in load_cases(pattern):
        advice = advise(notes, today=case.today, backend="template", channel=case.expect.channel)
        out += [(case.id, case.today, d) for d in advice.drafts]
    return out


def sentences(draft: Draft) -> set[str]:
    """The sentences of a draft's subject and body, each once; the signature line is left out."""
    lines = draft.body.strip().splitlines()
    text = "\n".join(lines[:-1]) if len(lines) > 1 else draft.body
    found = {s.strip() for s in _SENTENCE.findall(text) if len(s.split()) >= 3}
    if draft.subject:
        found.add(f"Subject: {draft.subject}")
    return found


def repeated(drafts: list[Draft]) -> list[tuple[str, int]]:
    """Each sentence with the number of drafts it appears in, most repeated first."""
    counts: Counter[str] = Counter()
    for draft in drafts:
        counts.update(sentences(draft))
    return counts.most_common()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--max-share", type=float, default=MAX_SHARE)
    parser.add_argument("--show", action="append", default=[], help="print the drafts of cases whose id contains this")
    args = parser.parse_args(argv)
    rows = template_drafts()
    drafts = [d for _, _, d in rows]
    for case_id, day, d in rows:
        if any(s in case_id for s in args.show):
            cc = f" (cc {', '.join(d.cc)})" if d.cc else ""
            print(f"=== {case_id} ({day}) {d.kind.value} to {d.recipient}{cc} [{d.channel.value}]")
            if d.subject:
                print(f"Subject: {d.subject}")
            print(d.body)
            for note in d.notes_for_you:
                print(f"  note for you: {note}")
    counts = repeated(drafts)
    print(f"{len(drafts)} template drafts; the most repeated sentences:")
    for sentence, n in counts[: args.top]:
        print(f"  {n / len(drafts):6.1%}  ({n:3d})  {sentence}")
    worst = counts[0][1] / len(drafts) if counts else 0.0
    if worst > args.max_share:
        print(f"FAIL: a sentence is in {worst:.1%} of the drafts (at most {args.max_share:.0%})")
        return 1
    print(f"OK: no sentence is in more than {args.max_share:.0%} of the drafts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
