"""Draw training scenarios for the drafting adapter and write the fact sheets to be answered by hand.

    python scripts/make_drafting_scenarios.py --count 520 --seed 14 --batches 4 -o training/drafting/todo

Each scenario is a set of interview notes drawn from ``training/drafting/pools.yaml``
(people, companies, roles, topics and articles that occur in no eval or test case), a
shape (a thank-you, a value-add, an introduction, a check-in with or without an earlier
thank-you, an escalation, a closing after a rejection or after silence) and a day on
which the policy calls for that shape's action. The advisor's own code then builds what
the model will see for each recipient: the fact sheet (``DraftContext.facts()``), the
prompt id and the greeting it starts from. Nothing here writes a message: the
``message`` field of each item is left empty for a person to write, and
``scripts/check_training_drafts.py`` checks what they wrote.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from followup.decision import Status
from followup.drafting.context import contexts
from followup.drafting.gate import opening, prompt_id
from followup.drafting.short_format import model_facts
from followup.models import InterviewNotes
from followup.policy import decide
from followup.tone.report import Channel

ROOT = Path(__file__).resolve().parents[1]
POOLS = ROOT / "training" / "drafting" / "pools.yaml"

#: How often each shape is drawn (a panel multiplies the messages of one scenario).
SHAPES = {
    "thank_you": 16,
    "late_thank_you": 4,
    "value_add": 13,
    "introduction": 9,
    "check_in": 15,
    "check_in_no_thanks": 6,
    "escalation": 12,
    "closing_rejected": 10,
    "closing_silence": 7,
}
WANTED = {
    "thank_you": "be_proactive",
    "late_thank_you": "be_proactive",
    "value_add": "be_interesting",
    "introduction": "be_interesting",
    "check_in": "reconnect",
    "check_in_no_thanks": "reconnect",
    "escalation": "take_it_up",
    "closing_rejected": "move_on",
    "closing_silence": "move_on",
}
MONTHS = "January February March April May June July August September October November December".split()


def _person(rng: random.Random, pools: dict[str, Any], used: set[str], role: str) -> dict[str, Any]:
    """Someone new to this scenario: no first or last name shared with anyone already in it."""
    while True:
        first, last = rng.choice(pools["first_names"]), rng.choice(pools["last_names"])
        if first not in used and last not in used:
            used.update((first, last))
            name = f"{first} {last}"
            break
    return {"name": name, "title": rng.choice(pools["titles"][role]), "role": role}


def _weekday(day: date) -> date:
    """The day, or the Monday after it when it falls on a weekend (people send on working days)."""
    return day if day.weekday() < 5 else day + timedelta(days=7 - day.weekday())


def _spoken(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _notes(rng: random.Random, pools: dict[str, Any], shape: str) -> tuple[dict[str, Any], date]:
    domain = rng.choice(pools["domains"])
    used: set[str] = set()
    candidate = _person(rng, pools, used, "panel")["name"]
    start = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 330))
    interview = start if start.weekday() < 5 else start + timedelta(days=7 - start.weekday())
    size = rng.choices([1, 2, 3], weights=[5, 4, 2])[0]
    roles = rng.sample(["recruiter", "hiring_manager", "panel"], k=min(size, 3))
    if "hiring_manager" not in roles and rng.random() < 0.6:
        roles[0] = "hiring_manager"
    people = [_person(rng, pools, used, role) for role in roles]
    for person in people:
        if rng.random() < 0.5:
            first, last = person["name"].lower().split(" ", 1)
            person["email"] = f"{first}.{last.replace(' ', '')}@{domain['companies'][0].split()[0].lower()}.example"
    data: dict[str, Any] = {
        "candidate_name": candidate,
        "company": rng.choice(domain["companies"]),
        "role": rng.choice(domain["roles"]),
        "interviewers": people,
        "interview_date": interview.isoformat(),
        "topics": rng.sample(domain["topics"], k=rng.choice([1, 2, 2, 3])),
        "country": rng.choice(pools["countries"]),
    }
    asked = rng.random() < 0.7 or shape.startswith(("check_in", "escalation"))
    data["asked_next_steps"] = asked
    if asked:
        wait = [14, 18, 21] if shape in ("value_add", "introduction") else [5, 7, 8, 10, 14]
        data["promised_reply_date"] = (interview + timedelta(days=rng.choice(wait))).isoformat()
    if shape == "value_add" or (shape not in ("introduction",) and rng.random() < 0.3):
        data["shareables"] = [{"kind": "article", **a} for a in rng.sample(domain["articles"], k=rng.choice([1, 1, 2]))]
    if shape == "introduction":
        data["shareables"] = [{"kind": "contact", **c} for c in domain["contacts"]]
    if shape in ("escalation", "closing_silence") or rng.random() < 0.3:
        used_senior = _person(rng, pools, used, "senior")
        data["senior_contact"] = {"name": used_senior["name"], "title": used_senior["title"]}
    template = rng.choice(pools["updates"])
    if template:
        d1 = interview + timedelta(days=rng.randrange(10, 40))
        d2 = d1 + timedelta(days=rng.randrange(2, 8))
        data["personal_updates"] = template.format(d1=_spoken(d1), d2=_spoken(d2))
    names = [p["name"] for p in people]
    history: list[dict[str, Any]] = []
    if shape not in ("thank_you", "late_thank_you", "check_in_no_thanks"):
        history.append({"kind": "thank_you", "sent_on": interview.isoformat(), "to": names})
    promised = date.fromisoformat(data.get("promised_reply_date", (interview + timedelta(days=10)).isoformat()))
    if shape in ("escalation", "closing_silence"):
        checked = _weekday(promised + timedelta(days=rng.choice([2, 3, 4])))
        history.append({"kind": "check_in", "sent_on": checked.isoformat(), "to": [names[0]]})
        if shape == "closing_silence" and rng.random() < 0.5 and "senior_contact" in data:
            later = _weekday(checked + timedelta(days=rng.choice([7, 8, 10])))
            history.append({"kind": "escalation", "sent_on": later.isoformat(), "to": [data["senior_contact"]["name"]]})
    if shape == "closing_rejected":
        data["outcome"] = "rejected"
        data["employer_replies"] = [{"on": (interview + timedelta(days=rng.randrange(3, 15))).isoformat()}]
    data["history"] = history
    return data, interview


def _day(notes: InterviewNotes, wanted: str, interview: date, rng: random.Random) -> date | None:
    days = []
    for offset in range(0, 90):
        today = interview + timedelta(days=offset)
        try:
            decision = decide(notes, today)
        except Exception:  # a day before something the notes record: not a day to draw
            continue
        if decision.action is not None and decision.action.value == wanted and decision.status == Status.now:
            days.append(today)
    return rng.choice(days[:4]) if days else None


def draw(count: int, seed: int) -> list[dict[str, Any]]:
    pools = yaml.safe_load(POOLS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    shapes = list(SHAPES)
    weights = list(SHAPES.values())
    tries = 0
    while len(items) < count and tries < count * 20:
        tries += 1
        shape = rng.choices(shapes, weights)[0]
        data, interview = _notes(rng, pools, shape)
        try:
            notes = InterviewNotes.model_validate(data)
        except Exception:
            continue
        today = _day(notes, WANTED[shape], interview, rng)
        if today is None:
            continue
        if shape == "late_thank_you" and today == interview:
            continue
        channel = Channel.linkedin if rng.random() < 0.18 else Channel.email
        decision = decide(notes, today)
        for ctx in contexts(notes, decision, channel):
            items.append(
                {
                    "id": f"train-draft-{len(items) + 1:04d}",
                    "shape": shape,
                    "prompt": prompt_id(ctx),
                    "kind": ctx.kind.value,
                    "channel": channel.value,
                    "today": today.isoformat(),
                    "opening": opening(ctx),
                    "facts": model_facts(ctx, notes),
                    "notes": data,
                    "message": "",
                }
            )
    return items[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=520)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder for todo_N.yaml")
    args = parser.parse_args()
    items = draw(args.count, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    size = -(-len(items) // args.batches)
    for number in range(args.batches):
        part = items[number * size : (number + 1) * size]
        path = args.out / f"batch_{number + 1}.yaml"
        path.write_text(yaml.safe_dump(part, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
        print(f"{path}: {len(part)} items")


if __name__ == "__main__":
    main()
