"""Write evals/cases/*.yaml from hand-checked sources (run once; the YAML is then the truth).

- policy.yaml: every scenario of tests/test_policy_scenarios.py (hand-checked action and
  status for each rule's thresholds, weekends, holidays, replies, rejections);
- interviews.yaml: the labelled interviews of evals/tone/notes on days chosen to reach
  each action, with panels, value-adds, check-ins, escalations and closings;
- hostile.yaml: the hostile notes of tests/test_hostile_notes.py (injection, abuse,
  absurd lengths, another language), with what a draft must never say.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.builders import notes_data  # noqa: E402
from tests.test_hostile_notes import BANNED, HOSTILE  # noqa: E402
from tests.test_policy_scenarios import CASES  # noqa: E402

OUT = ROOT / "evals" / "cases"


def _dump(name: str, cases: list[dict[str, Any]], header: str) -> None:
    text = f"# {header}\n" + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=110)
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(cases)} cases")


def policy() -> list[dict[str, Any]]:
    out = []
    for case in CASES:
        data = notes_data(**case.notes)
        out.append(
            {
                "id": "policy-" + case.name.replace(" ", "-").replace(":", "").replace("'", ""),
                "notes_inline": data,
                "today": case.today,
                "expect": {"action": case.action.value if case.action else None, "status": case.status.value},
                "tags": ["policy", case.rule.split(".")[0]],
            }
        )
    return out


# (notes file, day, expected action, status, drafts, mentions, tags)
INTERVIEWS = [
    ("quill.yaml", "2026-11-20", "be_proactive", "now", 1, ["Hannah", "Editorial Assistant"], ["thank-you", "single"]),
    ("quill.yaml", "2026-11-25", "be_proactive", "now", 1, ["Hannah"], ["thank-you", "late"]),
    ("acme.yaml", "2026-11-09", "be_interesting", "scheduled", 1, ["Sam", "Ravi Menon"], ["value-add", "introduction"]),
    ("acme.yaml", "2026-11-10", "be_interesting", "now", 1, ["Sam", "Ravi Menon"], ["value-add", "introduction"]),
    (
        "acme.yaml",
        "2026-11-20",
        "reconnect",
        "now",
        1,
        ["Dana", "Backend Engineer", "13 November"],
        ["check-in", "other-offer"],
    ),
    (
        "northwind.yaml",
        "2026-11-12",
        "be_interesting",
        "scheduled",
        1,
        ["Priya", "example.org"],
        ["value-add", "article"],
    ),
    ("northwind.yaml", "2026-11-18", "be_interesting", "now", 1, ["Priya", "example.org"], ["value-add", "article"]),
    ("northwind.yaml", "2026-11-20", "reconnect", "now", 1, ["Tom", "18 November"], ["check-in", "holiday"]),
    ("northwind.yaml", "2026-11-26", "reconnect", "now", 1, ["Tom", "Senior Data Analyst"], ["check-in", "holiday"]),
    ("helio.yaml", "2026-11-24", "take_it_up", "now", 1, ["Ibrahim", "Peter Walsh"], ["escalation"]),
    ("helio.yaml", "2026-11-20", "take_it_up", "scheduled", 1, ["Ibrahim", "Peter Walsh"], ["escalation", "scheduled"]),
    ("finch.yaml", "2026-11-25", "move_on", "now", 1, ["Emma", "Operations Analyst"], ["closing", "rejected"]),
    (
        "riverbank.yaml",
        "2026-11-02",
        "be_interesting",
        "scheduled",
        1,
        ["Marcus", "example.com"],
        ["value-add", "no-promise"],
    ),
    ("riverbank.yaml", "2026-11-09", "reconnect", "now", 1, ["Aisha", "Product Designer"], ["check-in", "no-promise"]),
    (
        "orbit.yaml",
        "2026-11-13",
        "be_interesting",
        "scheduled",
        1,
        ["Nadia", "sre.example.org"],
        ["value-add", "holiday-fr"],
    ),
    ("orbit.yaml", "2026-11-24", "reconnect", "now", 1, ["Chris", "20 November"], ["check-in"]),
    ("lumen.yaml", "2026-11-27", "reconnect", "now", 1, ["Ben", "Clinical Data Scientist"], ["check-in", "accents"]),
    (
        "kestrel.yaml",
        "2026-12-02",
        "reconnect",
        "now",
        1,
        ["Lucy", "Game Producer"],
        ["check-in", "holiday-ie", "accents"],
    ),
    (
        "tidewater.yaml",
        "2026-11-12",
        "reconnect",
        "now",
        1,
        ["Jess", "Customer Success Lead"],
        ["check-in", "holiday-de"],
    ),
    ("maple.yaml", "2026-11-16", "be_interesting", "now", 1, ["Edward", "Kofi Mensah"], ["value-add", "introduction"]),
]


def interviews() -> list[dict[str, Any]]:
    out = []
    for file, today, action, status, drafts, mentions, tags in INTERVIEWS:
        out.append(
            {
                "id": f"interview-{file.removesuffix('.yaml')}-{today}",
                "notes": f"../tone/notes/{file}",
                "today": today,
                "expect": {"action": action, "status": status, "drafts": drafts, "mentions": mentions},
                "tags": ["interview", *tags],
            }
        )
    # Panels of three: a thank-you to each member of the Acme panel, and LinkedIn notes to them.
    fresh = {"history": [], "employer_replies": []}
    out.append(
        {
            "id": "panel-acme-thank-you",
            "notes": "../tone/notes/acme.yaml",
            "overrides": fresh,
            "today": "2026-11-04",
            "expect": {"action": "be_proactive", "status": "now", "drafts": 3, "mentions": ["Backend Engineer"]},
            "tags": ["panel", "thank-you"],
        }
    )
    out.append(
        {
            "id": "panel-acme-linkedin",
            "notes": "../tone/notes/acme.yaml",
            "overrides": fresh,
            "today": "2026-11-04",
            "expect": {"action": "be_proactive", "status": "now", "drafts": 3, "channel": "linkedin", "words": [8, 60]},
            "tags": ["panel", "linkedin"],
        }
    )
    out.append(
        {
            "id": "panel-orbit-thank-you",
            "notes": "../tone/notes/orbit.yaml",
            "overrides": fresh,
            "today": "2026-11-13",
            "expect": {
                "action": "be_proactive",
                "status": "now",
                "drafts": 3,
                "mentions": ["Site Reliability Engineer"],
            },
            "tags": ["panel", "thank-you", "holiday-fr"],
        }
    )
    return out


def hostile() -> list[dict[str, Any]]:
    out = []
    for name, overrides in HOSTILE:
        out.append(
            {
                "id": "hostile-" + name.replace(" ", "-").replace("'", ""),
                "notes_inline": notes_data(**overrides),
                "today": "2026-11-03",
                "expect": {
                    "action": "be_proactive",
                    "status": "now",
                    "drafts": len(notes_data(**overrides)["interviewers"]),
                    "must_not_mention": list(BANNED),
                },
                "tags": ["hostile"],
            }
        )
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _dump("policy.yaml", policy(), "Every policy scenario (hand-checked in tests/test_policy_scenarios.py).")
    _dump("interviews.yaml", interviews(), "The labelled interviews on days that reach each action; panels of three.")
    _dump("hostile.yaml", hostile(), "Hostile notes: no draft may carry what they try to inject.")


if __name__ == "__main__":
    main()
