"""Turns the hand-written case sheets (src/hand_N.txt) into case files (handwritten_N.yaml).

Every fact in a sheet was read and written by hand; this script only spells it out in the
ChatCase layout. The expected action is then filled by scripts/draft_chat_cases.py --fill.

Sheet format, one case after another:
  == TODAY [COUNTRY]
  > a one-line turn            (or >> ... << around a multi-line turn)
  n: candidate name   c: company   j: job role
  i: Name/r; Name/h; Name/p; Name/s      (recruiter, hiring_manager, panel, senior)
  d: interview date   p: promised reply date   o: outcome
  t|v|k|e|x: DATE Name; Name [| shared]  (thank_you, value_add, check_in, escalation, closing)
  r: ON [NEW_DATE]    s: Name | Title    a: url | title | topic    ct: Name | why
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROLES = {"r": "recruiter", "h": "hiring_manager", "p": "panel", "s": "senior"}
KINDS = {"t": "thank_you", "v": "value_add", "k": "check_in", "e": "escalation", "x": "closing"}
HEADER = (
    "# Training data, written by hand (not an eval or test case): messages as job seekers type them,\n"
    "# the gold notes read by a person. Built from training/extraction/src/{src} by build_hand.py;\n"
    "# the expected action is filled by scripts/draft_chat_cases.py --fill from decide() on the gold.\n"
)


def parse(text: str, first_id: int) -> list[dict]:
    cases: list[dict] = []
    lines = text.splitlines()
    i = 0
    case = None
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("=="):
            parts = line[2:].split()
            case = {"id": f"train-hand-{first_id + len(cases):03d}", "today": parts[0]}
            if len(parts) > 1:
                case["country"] = parts[1]
            case["turns"] = []
            case["gold"] = {}
            cases.append(case)
            continue
        assert case is not None, line
        gold = case["gold"]
        if line.startswith(">>"):
            block = []
            while lines[i] != "<<":
                block.append(lines[i])
                i += 1
            i += 1
            case["turns"].append("\n".join(block).rstrip("\n") + "\n")
            continue
        if line.startswith("> "):
            case["turns"].append(line[2:].strip())
            continue
        key, _, val = line.partition(":")
        key, val = key.strip(), val.strip()
        if key == "n":
            gold["candidate_name"] = val
        elif key == "c":
            gold["company"] = val
        elif key == "j":
            gold["role"] = val
        elif key == "i":
            people = []
            for item in val.split(";"):
                name, _, role = item.strip().rpartition("/")
                people.append({"name": name.strip(), "role": ROLES[role.strip()]})
            gold["interviewers"] = people
        elif key == "d":
            gold["interview_date"] = val
        elif key == "p":
            gold["promised_reply_date"] = val
        elif key == "o":
            gold["outcome"] = val
        elif key in KINDS:
            body, _, shared = val.partition("|")
            day, _, names = body.strip().partition(" ")
            msg = {"kind": KINDS[key], "sent_on": day, "to": [n.strip() for n in names.split(";")]}
            if shared.strip():
                msg["shared"] = shared.strip()
            gold.setdefault("history", []).append(msg)
        elif key == "r":
            parts = val.split()
            reply = {"on": parts[0]}
            if len(parts) > 1:
                reply["new_promised_date"] = parts[1]
            gold.setdefault("employer_replies", []).append(reply)
        elif key == "s":
            name, _, title = val.partition("|")
            gold["senior_contact"] = {"name": name.strip(), "title": title.strip()}
        elif key == "a":
            url, title, topic = (x.strip() for x in val.split("|"))
            gold.setdefault("shareables", []).append({"kind": "article", "title": title, "url": url, "topic": topic})
        elif key == "ct":
            name, _, why = val.partition("|")
            gold.setdefault("shareables", []).append({"kind": "contact", "name": name.strip(), "why": why.strip()})
        else:
            raise SystemExit(f"unknown key {key!r} in {case['id']}: {line}")
    order = [
        "candidate_name",
        "company",
        "role",
        "interviewers",
        "interview_date",
        "promised_reply_date",
        "history",
        "employer_replies",
        "outcome",
        "senior_contact",
        "shareables",
    ]
    for c in cases:
        c["gold"] = {k: c["gold"][k] for k in order if k in c["gold"]}
        c["expected"] = {"action": None, "status": "now"}
    return cases


def main() -> None:
    src, out, first = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    cases = parse(src.read_text(encoding="utf-8"), first)
    body = yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=120)
    out.write_text(HEADER.format(src=src.name) + body, encoding="utf-8")
    print(f"{out}: {len(cases)} cases")


if __name__ == "__main__":
    main()
