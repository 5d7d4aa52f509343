"""Draft chat cases for evals/chat/ from hand-written phrasings (run once per split; the YAML is then the truth).

Each case is a story chosen at random (people, dates, messages, replies, outcome);
its gold notes come from the story itself, never from an extractor, and its
expected action from ``decide()`` on those gold notes. The phrasings below are
written by hand; the dev split draws from three quarters of each list, the test
split from all of it, so a quarter of the test's phrasings were never seen while
tuning on dev.

    python scripts/draft_chat_cases.py test 90 1001 > evals/chat/test/drafted.yaml
    python scripts/draft_chat_cases.py dev 170 7 > evals/chat/dev/drafted.yaml

Training cases (never for evaluation) draw their people, employers, roles and topics
from training/extraction/pools.yaml, which shares none of them with the pools below,
and render each story part with the dev three quarters of the phrasings below plus
training-only phrasings from that file (never the test-only quarter):

    python scripts/draft_chat_cases.py --training 450 2027 training/extraction/drafted.yaml
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from followup.business_days import calendar_for
from followup.extract.cases import ChatCase, ChatGold, complete
from followup.notes_io import YamlLoader
from followup.policy import decide

PEOPLE = [
    "Aiko Tanaka",
    "Chidi Okafor",
    "Søren Madsen",
    "Zoë Martín",
    "Oluwaseun Adeyemi",
    "Mateus Oliveira",
    "Inés García",
    "Hannah Schmidt",
    "Lars Eriksen",
    "Fatima Al-Sayed",
    "Kwame Mensah",
    "Dmitri Volkov",
    "Anaïs Dubois",
    "Siobhan O'Connor",
    "Jean-Luc Martin",
    "Wojciech Nowak",
    "Ayşe Yılmaz",  # noqa: RUF001
    "Raj Patel",
    "Lucía Fernández",
    "Emeka Nwosu",
    "Sakura Ito",
    "Björn Lindqvist",
    "Carmen Ruiz",
    "Ben Carter",
    "Grace Kim",
    "Jordan Blake",
    "Nadia Haddad",
    "Pablo Ortega",
    "Yuki Mori",
    "Elif Demir",
    "Marta Kowalska",
    "Tomás Rivera",
    "Ingrid Berg",
    "Kofi Boateng",
    "Leah Goldberg",
    "Arjun Mehta",
    "Sven Olsen",
    "Chloé Bernard",
    "Thandiwe Nkosi",
    "Diego Alvarez",
    "Omar Farouk",
    "Rosa Bianchi",
    "Felix Wagner",
    "Amara Diallo",
    "Ethan Brooks",
    "Maya Singh",
    "Noah Fischer",
    "Olivia Chen",
]
CANDIDATES = [
    "Sam Okoro",
    "Jamie Lindgren",
    "Priyanka Rao",
    "Luis Moreno",
    "Hana Novak",
    "Kenji Watanabe",
    "Ava Thompson",
    "Marek Zielinski",
    "Nour Khalil",
    "Freya Larsen",
    "Tunde Bakare",
    "Elena Petrova",
    "Mohammed Iqbal",
    "Clara Weiss",
    "Diego Santos",
    "Mia Johansson",
    "Ravi Kumar",
    "Sofia Rossi",
]
COMPANIES = [
    "Bluefin Logistics",
    "Kestrel Health",
    "Tidewater Bank",
    "Lumen Grid",
    "Orchard Labs",
    "Pinecrest Software",
    "Quillon Systems",
    "Redwood Ledger",
    "Saffron Foods",
    "Cobalt Mobility",
    "Meridian Insurance",
    "Atlas Freight",
    "Brightloom",
    "Fennel AI",
    "Granite Works",
    "Helix Bio",
    "Ironbark Energy",
    "Juniper Retail",
    "Kite Payments",
    "Larkspur Media",
    "Monsoon Games",
    "Nimbus Cloud",
    "Opal Dental",
    "Parallax Studio",
    "Quartz Analytics",
]
ROLES = [
    "Data Engineer",
    "Product Designer",
    "Backend Developer",
    "Marketing Manager",
    "Financial Analyst",
    "UX Researcher",
    "Customer Success Lead",
    "Site Reliability Engineer",
    "Account Executive",
    "Operations Coordinator",
    "Supply Chain Analyst",
    "Frontend Engineer",
    "Content Strategist",
    "QA Engineer",
    "Project Manager",
    "Machine Learning Engineer",
]
TITLES = {
    "recruiter": ["recruiter", "HR", "talent partner", "Talent Acquisition Specialist", "HR manager", "recruiter"],
    "hiring_manager": ["hiring manager", "my would-be boss", "Engineering Manager", "hiring manager", "team lead"],
    "panel": ["", "", "Senior Engineer", "", "Data Scientist"],
    "senior": ["VP of Engineering", "Director of Product", "CTO", "VP Sales"],
}
COUNTRIES = [None, None, "US", "US", "GB", "DE", "FR", "IE", None]
WEEKDAYS = [
    ["monday", "mon", "Monday"],
    ["tuesday", "tues", "Tuesday", "tue"],
    ["wednesday", "wed", "Wednesday", "weds"],
    ["thursday", "thurs", "Thursday", "thu"],
    ["friday", "fri", "Friday"],
    ["saturday", "sat"],
    ["sunday", "sun"],
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TOPICS = [
    "migrating their billing system to Stripe",
    "how they run on-call",
    "the new onboarding flow",
    "their expansion into Brazil",
    "reducing churn for small accounts",
    "their move to Kubernetes",
    "the redesign of the mobile app",
    "forecasting demand for the holiday season",
]


class Story:
    """Everything that happened, as facts; phrases are chosen for it afterwards."""

    def __init__(self, rng: random.Random, pick: Any, training: Training | None = None) -> None:
        self.rng = rng
        self.pick = pick
        self.training = training
        self.topics = TOPICS
        self.industry: dict[str, Any] = {}  # training only: the employer's kind, its roles and titles
        self.shown_titles: list[str] = []  # training only: the title the text gives each person
        if training is not None:
            training.story(self)
            return
        self.today = date(2026, 10, 5) + timedelta(days=rng.randrange(0, 80))
        while self.today.weekday() > 4 and rng.random() < 0.8:
            self.today += timedelta(days=1)
        self.country = rng.choice(COUNTRIES)
        self.cal = calendar_for(self.country)
        self.candidate = rng.choice(CANDIDATES) if rng.random() < 0.7 else None
        self.company = rng.choice(COMPANIES) if rng.random() < 0.92 else None
        self.role = rng.choice(ROLES) if rng.random() < 0.85 else None
        names = rng.sample(PEOPLE, 4)
        n = rng.choice([1, 1, 2, 2, 2, 3])
        kinds = rng.sample(["recruiter", "hiring_manager", "panel", "hiring_manager", "recruiter", "senior"], n)
        self.people = [(names[i], kinds[i], pick(TITLES[kinds[i]])) for i in range(n)]
        self.senior = (names[3], pick(TITLES["senior"])) if rng.random() < 0.25 else None
        back = rng.choice([0, 1, 1, 2, 3, 4, 5, 6, 8, 10, 14, 20, 28])
        self.interview = self.today - timedelta(days=back)
        while self.interview.weekday() > 4:  # interviews happen on working days
            self.interview -= timedelta(days=1)
        self.lower = rng.random() < 0.4


TRAINING_POOLS = Path(__file__).resolve().parents[1] / "training" / "extraction" / "pools.yaml"
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Training:
    """The training-only pools and phrasings (training/extraction/pools.yaml): no eval case draws from them."""

    def __init__(self, path: Path = TRAINING_POOLS) -> None:
        self.data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.names = [(c["first"], c["last"]) for c in self.data["names"].values()]
        self.industries = list(self.data["industries"].values())
        self.companies = [c for ind in self.industries for c in ind["companies"]]
        self.day_first = set(self.data["day_first"])
        self.role_words = set(self.data["role_words"])

    def more(self, part: str, **fields: str) -> list[str]:
        """The training phrasings of ``part``, filled in."""
        return [template.format(**fields) for template in self.data["phrasings"][part]]

    def person(self, rng: random.Random, taken: set[str]) -> str:
        """A full name from one culture; no two people of a story share a given name (the text uses it alone)."""
        while True:
            first, last = rng.choice(self.names)
            given = rng.choice(first)
            if given.casefold() not in taken:
                taken.add(given.casefold())
                return f"{given} {rng.choice(last)}"

    def story(self, s: Story) -> None:
        rng = s.rng
        s.today = date(2025, 1, 6) + timedelta(days=rng.randrange(0, 700))
        while s.today.weekday() > 4 and rng.random() < 0.8:
            s.today += timedelta(days=1)
        s.country = rng.choice(self.data["countries"])
        s.cal = calendar_for(s.country)
        s.industry = industry = rng.choice(self.industries)
        s.topics = industry["topics"]
        taken: set[str] = set()
        s.candidate = self.person(rng, taken) if rng.random() < 0.7 else None
        s.company = rng.choice(industry["companies"]) if rng.random() < 0.92 else None
        s.role = rng.choice(industry["roles"]) if rng.random() < 0.85 else None
        n = rng.choice([1, 1, 2, 2, 2, 3])
        kinds = rng.sample(["recruiter", "hiring_manager", "panel", "recruiter", "senior", "panel"], n)
        s.people = []
        for kind in kinds:
            name = self.person(rng, taken)
            if kind == "panel" and rng.random() < 0.2:
                name = name.split()[0]  # "and Tane from the team": the text gives only a given name
            s.people.append((name, kind, self.title(s, kind)))
        titles = {t for _, _, t in s.people}
        seniors = [t for t in industry["seniors"] if t not in titles]
        s.senior = (self.person(rng, taken), rng.choice(seniors)) if rng.random() < 0.25 else None
        back = rng.choice([0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 20, 25, 28])
        s.interview = s.today - timedelta(days=back)
        working = calendar_for(s.country or "US")
        while not working.is_business_day(s.interview):  # not on a weekend, nor on New Year's Day
            s.interview -= timedelta(days=1)
        s.lower = rng.random() < 0.35

    def title(self, s: Story, kind: str) -> str:
        rng, industry = s.rng, s.industry
        if kind == "recruiter":
            return str(rng.choice(self.data["recruiter_titles"]))
        if kind == "hiring_manager":
            return str(rng.choice([*industry["managers"], "hiring manager", "HM", "line manager"]))
        if kind == "senior":
            return str(rng.choice(industry["seniors"]))
        colleagues = [r for r in industry["roles"] if r != s.role]
        return str(rng.choice(colleagues)) if rng.random() < 0.5 else ""

    def people_phrase(self, s: Story) -> str:
        """The people as the text names them; ``s.shown_titles`` gets the title each is given there ("" for none)."""
        rng = s.rng
        parts, titles = [], []
        alone = len(s.people) == 1
        for name, kind, title in s.people:
            shown = _name(s, name)
            said = title.lower() if s.lower else title
            options: list[tuple[str, str]] = []
            if title:
                options.append((f"{shown} ({said})", title))
                if title not in self.role_words:
                    options.append((f"{shown} the {said}", title))
                    if kind != "panel":
                        options.append((f"{said} {shown}", title))
                if alone:
                    options.append((f"{shown}, {said}", title))
            if kind == "recruiter":
                options += [(f"{shown} from HR", ""), (f"{shown} in talent acquisition", "")]
            elif kind == "hiring_manager":
                options.append((f"{shown} (would be my boss)", ""))
                if name == s.people[-1][0]:  # a clause only at the end of the list reads unambiguously
                    options.append((f"{shown}, who would be my manager", ""))
            elif kind == "panel":
                options += [(shown, ""), (f"{shown} from the team", "")]
            text, given = rng.choice(options)
            parts.append(text)
            titles.append(given)
        s.shown_titles = titles
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + rng.choice([" and ", " & ", " and "]) + parts[-1]

    def past(self, s: Story, d: date) -> list[str]:
        """Training-only ways to say a past date ``d``."""
        k = (s.today - d).days
        mon = MONTHS[d.month - 1]
        day = DAY_NAMES[d.weekday()]
        out = [
            f"on {_ordinal(d.day)} {mon[:3].lower()}",
            f"on {mon[:3]}{'.' if len(mon) > 3 else ''} {d.day}",
            f"on {mon} {d.day}, {d.year}",
            f"on {day} the {_ordinal(d.day)}",
        ]
        if s.country in self.day_first:
            out.append(f"on {d.day}/{d.month}/{d.year % 100:02d}")
        elif s.country in (None, "US"):
            out.append(f"on {d.month}/{d.day}/{d.year % 100:02d}")
        if k == 0:
            out += ["this am", "today"]
        elif k == 1:
            out += ["yesterday afternoon", "yesterady", "yday"]
        if 2 <= k <= 6 and d.weekday() < s.today.weekday():
            out.append(f"earlier this week, on {day.lower()}")
            if s.country in ("GB", "IE", "AU", "NZ"):
                out.append(f"{day.lower()} just gone")
        monday = s.today - timedelta(days=s.today.weekday())
        if monday - timedelta(days=7) <= d < monday and k >= 7:
            out += [f"last week on {day}", f"{day.lower()} last week"]
        if k == 14:
            out += ["two weeks ago", "2 wks ago"]
        elif k == 21:
            out += ["three weeks ago"]
        return out

    def promises(self, s: Story, anchor: date) -> list[tuple[str, date]]:
        """Training-only ways to say a promised date, said on ``anchor``, and the date."""
        rng = s.rng
        n = rng.choice([2, 3, 5, 7, 10])
        out = [
            (f"within {n} working days", s.cal.add(anchor, n)),
            (rng.choice(["in 2 wks", "in two weeks' time"]), anchor + timedelta(days=14)),
        ]
        if s.country in self.day_first:
            out.append(("in a fortnight", anchor + timedelta(days=14)))
        month_end = date(anchor.year + anchor.month // 12, anchor.month % 12 + 1, 1) - timedelta(days=1)
        if (month_end - anchor).days >= 3:
            out.append(
                (rng.choice(["by the end of the month", "by end of month", "before the month is out"]), month_end)
            )
        later = anchor + timedelta(days=rng.randrange(3, 15))
        if later.month == anchor.month:
            out.append((f"by the {_ordinal(later.day)}", later))
        monday_next = anchor + timedelta(days=7 - anchor.weekday())
        day = monday_next + timedelta(days=rng.randrange(0, 5))
        out.append((f"by {DAY_NAMES[day.weekday()]} next week", day))
        if anchor == s.today:
            out.append((rng.choice(["by tmrw", "by tomorrow", "tmrw"]), anchor + timedelta(days=1)))
        return out

    def future(self, s: Story, d: date) -> str:
        """A later date (another offer's deadline: not a fact of these notes)."""
        return s.rng.choice(
            [f"{MONTHS[d.month - 1][:3]} {d.day}", f"the {_ordinal(d.day)}", DAY_NAMES[d.weekday()], "end of next week"]
        )


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _numeric(d: date, country: str | None, with_year: bool) -> str:
    year = f"/{d.year}" if with_year else ""
    if country in (None, "US"):
        return f"{d.month}/{d.day}{year}"
    if country == "DE":
        return f"{d.day}.{d.month}.{d.year if with_year else ''}"
    if country == "CA":  # training only: Canada writes both orders, so the ISO form
        return d.isoformat()
    return f"{d.day}/{d.month}{year}"


def past_phrase(s: Story, d: date, *, anchor: date | None = None) -> str:
    """A phrase a person would use for ``d`` (on or before today); with ``anchor``, relative to it."""
    rng, pick = s.rng, s.pick
    if anchor is not None and rng.random() < 0.6:
        if d == anchor:
            return pick(["same day", "the same day", "that evening", "right after", "that same day"])
        if d == anchor + timedelta(days=1):
            return pick(["the next day", "the day after", "the following day"])
    k = (s.today - d).days
    options = [
        f"on {MONTHS[d.month - 1][:3]} {d.day}",
        f"{d.day} {MONTHS[d.month - 1]}",
        f"on {MONTHS[d.month - 1]} {_ordinal(d.day)}",
        f"on {_numeric(d, s.country, False)}",
        f"on {d.isoformat()}",
    ]
    if k == 0:
        options += [pick(["today", "this morning", "earlier today", "today"])] * 3
    elif k == 1:
        options += [pick(["yesterday", "yday", "yesterday", "yest"])] * 3
    elif k == 2:
        options += ["the day before yesterday", "2 days ago", "two days ago"]
    if 1 <= k <= 6 and d.weekday() != s.today.weekday():
        wd = pick(WEEKDAYS[d.weekday()])
        options += [f"on {wd}", f"last {wd}", wd, f"this past {wd}"]
    if 3 <= k <= 21:
        options += [f"{k} days ago"] if k != 7 else ["a week ago", "one week ago"]
    if d.month == s.today.month and d.day < s.today.day:
        options += [f"on the {_ordinal(d.day)}"]
    if s.training is not None:
        if k == 1:  # "last wednesday" for yesterday misleads
            options = [o for o in options if not o.startswith(("last ", "this past "))]
        return str(pick(options, s.training.past(s, d)))
    return pick(options)


def promise_phrase(s: Story, anchor: date) -> tuple[str, date]:
    """How the promised date was said (relative to ``anchor``, the day it was said) and the date."""
    rng = s.rng
    friday_this = anchor + timedelta(days=4 - anchor.weekday())
    monday_next = anchor + timedelta(days=7 - anchor.weekday())
    choices: list[tuple[str, date]] = []
    for offset in range(1, 8):
        day = anchor + timedelta(days=offset)
        if day.weekday() < 5:
            wd = s.pick(WEEKDAYS[day.weekday()])
            choices.append((f"by {wd}", day))
    if anchor.weekday() < 4:
        choices.append(
            (s.pick(["by the end of the week", "by end of week", "by the end of this week", "by EOW"]), friday_this)
        )
    choices += [
        (
            s.pick(["by the end of next week", "end of next week", "by end of next week"]),
            monday_next + timedelta(days=4),
        ),
        (s.pick(["early next week", "early next week"]), monday_next + timedelta(days=1)),
        (s.pick(["next week", "sometime next week"]), monday_next + timedelta(days=4)),
        (s.pick(["in about a week", "within a week", "in a week", "in a week or so"]), anchor + timedelta(days=7)),
        (s.pick(["in two weeks", "within 2 weeks", "in a couple of weeks"]), anchor + timedelta(days=14)),
    ]
    n = rng.choice([3, 5, 5, 7, 10])
    choices.append((f"within {n} business days", s.cal.add(anchor, n)))
    m = rng.choice([3, 4, 10])
    choices.append((f"in {m} days", anchor + timedelta(days=m)))
    later = anchor + timedelta(days=rng.randrange(3, 15))
    choices.append((f"by {MONTHS[later.month - 1]} {_ordinal(later.day)}", later))
    choices.append((f"by {_numeric(later, s.country, rng.random() < 0.3)}", later))
    nxt = anchor + timedelta(days=rng.randrange(2, 7))
    if nxt.weekday() < 5:
        choices.append((f"b4 {s.pick(WEEKDAYS[nxt.weekday()])}", nxt - timedelta(days=1)))
    if s.training is not None:
        choices += s.training.promises(s, anchor)
    return rng.choice(choices)


def _name(s: Story, full: str, *, first_only: bool = False) -> str:
    text = full.split()[0] if first_only else full
    return text.lower() if s.lower else text


def _people_phrase(s: Story) -> str:
    if s.training is not None:
        return s.training.people_phrase(s)
    parts = []
    for name, kind, title in s.people:
        shown = _name(s, name)
        if not title:
            parts.append(shown)
        elif title in ("my would-be boss",):
            parts.append(f"{shown} ({title})")
        else:
            parts.append(
                s.pick(
                    [
                        f"{shown} ({title.lower() if s.lower else title})",
                        f"{shown}, the {title}",
                        f"{title} {shown}" if kind != "panel" else f"{shown} ({title})",
                    ]
                )
            )
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + s.pick([" and ", " & ", " and "]) + parts[-1]


def build(rng: random.Random, split: str, number: int, training: Training | None = None) -> dict[str, Any]:
    """One case; with ``training``, from the training pools, its phrasings and the dev share of those below."""

    def pick(options: list[str], extra: list[str] | None = None) -> str:
        if training is not None:  # never the test-only quarter
            pool = options if len(options) < 2 else [o for i, o in enumerate(options) if i % 4 != 3]
            return rng.choice(pool + (extra or []))
        pool = options if split == "test" or len(options) < 2 else [o for i, o in enumerate(options) if i % 4 != 3]
        return rng.choice(pool)

    def more(part: str, **fields: str) -> list[str]:
        return training.more(part, **fields) if training is not None else []

    tags: list[str] = []
    s = Story(rng, pick, training)
    sentences: list[str] = []
    gold: dict[str, Any] = {"interview_date": s.interview}
    if s.candidate:
        gold["candidate_name"] = s.candidate
        sentences.append(
            pick(
                [
                    f"hi, I'm {s.candidate}.",
                    f"I'm {_name(s, s.candidate)}.",
                    f"This is {s.candidate}.",
                    f"hey - {_name(s, s.candidate)} here.",
                    f"My name is {s.candidate}.",
                ],
                more("greeting", me=_name(s, s.candidate)),
            )
        )
    if s.company:
        gold["company"] = s.company
    if s.role:
        gold["role"] = s.role
    gold["interviewers"] = [
        {"name": n, "role": k, **({"title": t} if t and t not in ("HR",) else {})} for n, k, t in s.people
    ]
    company = _name(s, s.company) if s.company else ""
    at = f" at {company}" if company else ""
    role = (s.role.lower() if s.lower else s.role) if s.role else ""
    for_role = (
        pick([f" for the {role} role", f" for the {role} position", f" for a {role} job"], more("for_role", role=role))
        if role
        else ""
    )
    when = past_phrase(s, s.interview)
    corrections: list[str] = []
    if rng.random() < 0.15 and (s.today - s.interview).days >= 2:
        right, when = when, past_phrase(s, s.interview - timedelta(days=1))
        if right != when:
            corrections.append(
                pick(
                    [
                        f"actually it was {right}, not {when}",
                        f"sorry - the interview was {right}",
                        f"wait, correction: the interview was {right}",
                        f"oops I meant {right}",
                    ],
                    more("date_correction", right=right, wrong=when),
                )
            )
            tags.append("correction")
    if rng.random() < 0.08:
        name, kind, title = s.people[0]
        wrong = name + "s" if not name.endswith("s") else name[:-1]
        s.people[0] = (wrong, kind, title)
        said = [
            f"sorry, it's {_name(s, name)} not {_name(s, wrong)}",
            f"correction: her name is {_name(s, name)}, not {_name(s, wrong)}",
        ]
        if training is not None:  # "her" is not everyone's pronoun
            said = said[:1]
        corrections.append(pick(said, more("name_correction", right=_name(s, name), wrong=_name(s, wrong))))
        tags.append("correction")
        people_text = _people_phrase(s)
        s.people[0] = (name, kind, title)
    else:
        people_text = _people_phrase(s)
    if training is not None:  # the titles the text gives, and only those
        s.people = [(n, k, t) for (n, k, _), t in zip(s.people, s.shown_titles, strict=True)]
        gold["interviewers"] = [
            {"name": n, "role": k, **({"title": t} if t and t not in training.role_words else {})}
            for n, k, t in s.people
        ]
    with_ = pick(["with", "w/", "with"])
    round_ = (
        rng.choice(["first interview", "2nd round interview", "final round", "panel interview", "video interview"])
        if training is not None
        else ""
    )
    sentences.append(
        pick(
            [
                f"I interviewed{for_role}{at} {when} {with_} {people_text}.",
                f"had my interview{at}{for_role} {when}, {with_} {people_text}.",
                f"interviewed {with_} {people_text}{at} {when}{for_role}.",
                f"Had a {pick(['first round', 'second round', 'final round', 'video'])} interview {when}{at}{for_role}. I met {people_text}.",
                f"{when.capitalize()} I had an interview{at}{for_role} {with_} {people_text}.",
            ],
            more(
                "interview",
                when=when,
                When=when[:1].upper() + when[1:],
                people=people_text,
                at=at,
                for_role=for_role,
                round=round_,
                **{"with": with_},
            ),
        )
    )
    if s.role and s.company and rng.random() < 0.2:
        sentences[-1] = sentences[-1].rstrip(".") + "."

    def add_topic() -> None:
        topic = rng.choice(s.topics)
        sentences.append(
            pick(
                [f"we talked about {topic}.", f"We discussed {topic}.", f"mostly chatted about {topic}."],
                more("topic", topic=topic),
            )
        )
        tags.append("topic")

    if rng.random() < 0.4:
        add_topic()
    promised: date | None = None
    if rng.random() < 0.65:
        phrase, promised = promise_phrase(s, s.interview)
        if promised > s.interview:
            gold["promised_reply_date"] = promised
            if rng.random() < 0.2:
                sentences.append(_email(s, phrase, pick, more))
                tags.append("pasted-email")
            else:
                said = [
                    f"they said I'd hear back {phrase}.",
                    f"They told me to expect news {phrase}.",
                    f"said they'd get back to me {phrase}",
                    f"should hear {phrase}.",
                    f"They promised a decision {phrase}.",
                    f"the recruiter said they'll decide {phrase}.",
                ]
                if training is not None and all(k != "recruiter" for _, k, _ in s.people):
                    said = said[:-1]  # no recruiter to have said it
                sentences.append(pick(said, more("promise", phrase=phrase)))
        else:
            promised = None
    everyone = [n for n, _, _ in s.people]
    history: list[dict[str, Any]] = []
    last_sent = s.interview
    if (rng.random() < 0.6 and s.interview < s.today) or rng.random() < 0.3:
        sent = s.interview + timedelta(days=rng.choice([0, 0, 0, 1]))
        sent = min(sent, s.today)
        if len(everyone) > 1 and rng.random() < 0.3:
            to = [everyone[0]]
            who = pick([f" to {_name(s, to[0], first_only=True)}", f" to {_name(s, to[0])}"])
        else:
            to = everyone
            all_of = " to all of them" if training is not None and len(everyone) > 2 else " to both of them"
            who = (
                pick([all_of, " to everyone", "", " to them"])
                if len(everyone) > 1
                else pick(["", f" to {_name(s, to[0], first_only=True)}"])
            )
        history.append({"kind": "thank_you", "sent_on": sent, "to": to})
        phrase = past_phrase(s, sent, anchor=s.interview)
        sentences.append(
            pick(
                [
                    f"sent thank you emails{who} {phrase}.",
                    f"I sent a thank-you note{who} {phrase}.",
                    f"thx note went out{who} {phrase}",
                    f"I emailed a thank you{who} {phrase}.",
                ],
                more("thank_you", who=who, phrase=phrase),
            )
        )
        last_sent = sent
    outcome = "pending"
    reply_on: date | None = None
    clock = promised or s.cal.add(s.interview, 7)
    if rng.random() < 0.35 and clock < s.today:
        on = clock + timedelta(days=rng.choice([1, 2, 3]))
        if on <= s.today and on >= last_sent:
            recruiter = next((n for n, k, _ in s.people if k == "recruiter"), everyone[0])
            history.append({"kind": "check_in", "sent_on": on, "to": [recruiter]})
            sentences.append(
                pick(
                    [
                        f"I followed up with {_name(s, recruiter, first_only=True)} {past_phrase(s, on)}.",
                        f"sent a check-in email to {_name(s, recruiter)} {past_phrase(s, on)}",
                        f"pinged {_name(s, recruiter, first_only=True)} {past_phrase(s, on)} to check in.",
                    ],
                    more(
                        "check_in",
                        first=_name(s, recruiter, first_only=True),
                        name=_name(s, recruiter),
                        phrase=past_phrase(s, on),
                    )
                    if training is not None
                    else None,
                )
            )
            last_sent = on
    roll = rng.random()
    if roll < 0.3 and last_sent < s.today:
        reply_on = last_sent + timedelta(days=rng.randrange(0, (s.today - last_sent).days + 1))
        sender = _name(s, rng.choice(everyone), first_only=True)
        if rng.random() < 0.6:
            phrase, new = promise_phrase(s, reply_on)
            if new <= reply_on:
                new = reply_on + timedelta(days=7)
                phrase = "in about a week"
            gold["employer_replies"] = [{"on": reply_on, "new_promised_date": new}]
            sentences.append(
                pick(
                    [
                        f"Actually {sender} emailed me {past_phrase(s, reply_on)} saying they need another week."
                        if phrase == "in about a week"
                        else f"{sender} emailed {past_phrase(s, reply_on)}: they'll decide {phrase}.",
                        f"{sender} got back to me {past_phrase(s, reply_on)} - still deciding, should know {phrase}.",
                        f"heard back from {sender} {past_phrase(s, reply_on)}, they said I'd hear {phrase}.",
                    ],
                    [
                        x
                        for x in more("reply_new", sender=sender, date=past_phrase(s, reply_on), phrase=phrase)
                        if "more time" not in x or new > (promised or s.interview)
                    ]
                    if training is not None
                    else None,
                )
            )
        else:
            gold["employer_replies"] = [{"on": reply_on}]
            sentences.append(
                pick(
                    [
                        f"{sender} replied {past_phrase(s, reply_on)}, no news yet.",
                        f"got a reply from {sender} {past_phrase(s, reply_on)} saying they're still interviewing.",
                        f"{sender} wrote back {past_phrase(s, reply_on)}: nothing decided yet",
                    ],
                    more("reply_plain", sender=sender, date=past_phrase(s, reply_on)) if training is not None else None,
                )
            )
    elif roll < 0.42:
        outcome = "rejected"
        sentences.append(
            pick(
                [
                    "they went with another candidate :(",
                    "Got the rejection email, they went with someone else.",
                    "unfortunately they decided not to move forward with me.",
                    "they emailed to say they're not moving forward",
                    "I didn't get it - position filled.",
                ],
                more("rejected"),
            )
        )
    elif roll < 0.48:
        outcome = "offer"
        sentences.append(
            pick(["they made me an offer!!", "Update: I got an offer from them.", "got the offer :)"], more("offer"))
        )
    elif roll < 0.53:
        outcome = "withdrawn"
        sentences.append(
            pick(
                [
                    "I withdrew from the process.",
                    "i pulled out, took another job",
                    "I've decided to withdraw my application.",
                ],
                more("withdrawn"),
            )
        )
    gold["outcome"] = outcome
    if training is not None:
        _news(s, training, outcome, sentences, tags)
    if training is not None and rng.random() < 0.3:
        _article(s, training, sentences, gold, history, pick)
        tags.append("article")
    elif training is None and rng.random() < 0.3:
        topic = rng.choice(TOPICS)
        slug = "-".join(topic.split()[-3:])
        url = f"https://{rng.choice(['blog.example.com', 'example.org/posts', 'medium.com/@dev'])}/{slug}"
        title = pick([f"A field guide to {topic.split()[-1]}", f"What we learned from {' '.join(topic.split()[-2:])}"])
        gold["shareables"] = [{"kind": "article", "title": title, "url": url, "topic": topic}]
        sentences.append(
            pick(
                [
                    f'I found an article I\'d like to share with them: "{title}" {url}',
                    f"also want to send them this article on {topic}: {url}",
                    f"there's a good piece on {topic} I could share - {title} ({url})",
                ]
            )
        )
    if history:
        gold["history"] = sorted(history, key=lambda m: m["sent_on"]) if training is not None else history
    if s.senior:
        gold["senior_contact"] = {"name": s.senior[0], "title": s.senior[1], "role": "senior"}
        sentences.append(
            pick(
                [
                    f"the {s.senior[1]} there is {_name(s, s.senior[0])}.",
                    f"{_name(s, s.senior[0])} ({s.senior[1]}) is the boss there.",
                ],
                more("senior", senior=_name(s, s.senior[0]), title=s.senior[1]),
            )
        )
    if training is not None:  # a full stop between sentences, unless one ends in a link or a pasted e-mail
        sentences = [
            x if x.endswith(("\n", ".", "!", "?", ":", ")", "(")) or x.split()[-1].startswith("http") else x + "."
            for x in sentences
        ]
    turns = _turns(s, sentences) + corrections
    case = {"id": f"{split}-{number:03d}", "turns": turns, "today": s.today, "gold": gold}
    if s.country:
        case["country"] = s.country
    if training is not None:
        case["id"] = f"train-drafted-{number:03d}"
        if tags:
            case["tags"] = sorted(set(tags))
    expected = decide(complete(ChatGold.model_validate(gold), s.country), s.today)
    case["expected"] = {"action": expected.action.value if expected.action else None, "status": expected.status.value}
    ChatCase.model_validate(case)
    return case


def _turns(s: Story, sentences: list[str]) -> list[str]:
    rng = s.rng
    if len(sentences) > 2 and rng.random() < 0.45:
        cut = rng.randrange(1, len(sentences))
        return [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
    return [" ".join(sentences)]


def _news(s: Story, training: Training, outcome: str, sentences: list[str], tags: list[str]) -> None:
    """Training only: another employer's offer, or the candidate's own news. In the text, not in the gold."""
    rng = s.rng
    if outcome == "pending" and rng.random() < 0.12:
        other = rng.choice([c for c in training.companies if c != s.company])
        deadline = training.future(s, s.today + timedelta(days=rng.randrange(2, 12)))
        sentences.append(rng.choice(training.more("offer_elsewhere", other=_name(s, other), deadline=deadline)))
        tags.append("offer-elsewhere")
    if rng.random() < 0.12:
        data = training.data
        template = rng.choice(data["personal"])
        sentences.append(
            template.format(
                course=rng.choice(data["courses"]), travel=rng.choice(data["travel"]), city=rng.choice(data["cities"])
            )
        )
        tags.append("personal-update")


def _article(
    s: Story, training: Training, sentences: list[str], gold: dict[str, Any], history: list[dict[str, Any]], pick: Any
) -> None:
    """Training only: an article to share, and sometimes the value-add that already shared it."""
    rng = s.rng
    topic = rng.choice(s.topics)
    title = rng.choice(training.data["article_titles"]).format(topic=topic, Topic=topic[:1].upper() + topic[1:])
    slug = "-".join(re.sub(r"[^a-z0-9 ]", "", topic.lower()).split())
    url = f"https://{rng.choice(training.data['article_sites'])}/{slug}"
    gold["shareables"] = [{"kind": "article", "title": title, "url": url, "topic": topic}]
    if s.interview < s.today and rng.random() < 0.35:
        sent = s.interview + timedelta(days=rng.randrange(1, (s.today - s.interview).days + 1))
        person = rng.choice(s.people)[0]
        phrase = past_phrase(s, sent)
        history.append({"kind": "value_add", "sent_on": sent, "to": [person], "shared": title})
        said = training.more(
            "value_add",
            first=_name(s, person, first_only=True),
            phrase=phrase,
            Phrase=phrase[:1].upper() + phrase[1:],
            title=title,
            url=url,
            topic=topic,
        )
        sentences.append(rng.choice(said))
        return
    sentences.append(
        pick(
            [
                f'I found an article I\'d like to share with them: "{title}" {url}',
                f"there's a good piece on {topic} I could share - {title} ({url})",
            ],
            training.more("article", title=title, url=url, topic=topic),
        )
    )


def _email(s: Story, phrase: str, pick: Any, more: Any) -> str:
    """A recruiter's e-mail sent on the interview day, pasted whole, with its signature."""
    name, _, title = next(((n, k, t) for n, k, t in s.people if k == "recruiter"), s.people[0])
    first = s.candidate.split()[0] if s.candidate else "there"
    company = s.company or "the team"
    domain = (s.company or "example").lower().replace(" ", "") + ".example"
    address = name.split()[0].lower() + "@" + domain
    if s.training is not None:  # a real domain; no "the team" line under the name; a title as signed
        company = s.company or ""
        domain = re.sub(r"[^a-z0-9]", "", _ascii(s.company or "example").lower()) + ".example"
        address = re.sub(r"[^a-z0-9.-]", "", _ascii(name.split()[0]).lower()) + "@" + domain
        title = title[:1].upper() + title[1:] if title not in s.training.role_words else ""
    body = pick(
        [
            f"Thank you for coming in today. The team enjoyed meeting you, and we expect to have a decision {phrase}.",
            f"Thanks again for your time today! We're wrapping up interviews and will be in touch {phrase}.",
            f"It was great to meet you today. We will let you know {phrase}.",
        ],
        more("email_body", phrase=phrase),
    )
    closing = pick(["Best regards,", "Best,", "Kind regards,", "Thanks,", "Cheers,"])
    sig = "\n".join(
        x for x in [name, title if title and title not in ("my would-be boss",) else "", company, address] if x
    )
    lead = pick(
        ["they sent me this after:", "got this email from them the same day:", "here's their email:"],
        more("email_lead"),
    )
    return f"{lead}\n\nHi {first},\n\n{body}\n\n{closing}\n{sig}\n"


def _block(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def fill(path: Path) -> None:
    """Give every hand-written case of ``path`` its expected action: decide() on its gold notes."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = "".join(line for line in lines if line.startswith("#"))
    cases = yaml.load("".join(lines), Loader=YamlLoader)  # "on:" stays a key, not True
    for case in cases:
        notes = complete(ChatGold.model_validate(case["gold"]), case.get("country"))
        decision = decide(notes, date.fromisoformat(case["today"]))
        case["expected"] = {
            "action": decision.action.value if decision.action else None,
            "status": decision.status.value,
        }
        ChatCase.model_validate(case)
    yaml.add_representer(str, _block, Dumper=yaml.SafeDumper)
    body = yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(header + body, encoding="utf-8")


def write_training(count: int, seed: int, path: Path) -> None:
    """``count`` training cases to ``path``, their expected actions from ``--fill`` (so it leaves them unchanged)."""
    training = Training()
    rng = random.Random(seed)
    cases = [build(rng, "training", i + 1, training) for i in range(count)]
    header = (
        f"# Training cases (never for evaluation), drafted by:\n"
        f"#   python scripts/draft_chat_cases.py --training {count} {seed} {path.as_posix()}\n"
        "# People, employers, roles and topics come from training/extraction/pools.yaml (none of them in evals/,\n"
        "# examples/ or tests/); each story part is said with a training-only phrasing from that file or one of\n"
        "# the dev three quarters of the eval phrasings (never the test-only quarter). The gold is the story the\n"
        "# text was rendered from (never an extractor's reading); the expected action is decide() on the gold, as\n"
        "# --fill computes it. Tags name what the text says that the gold has no field for (topic, offer-elsewhere,\n"
        "# personal-update) and how it is said (pasted-email, correction, article). Read by hand against their text.\n"
    )
    path.write_text(header + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    fill(path)


def main() -> None:
    if sys.argv[1] == "--fill":
        fill(Path(sys.argv[2]))
        return
    if sys.argv[1] == "--training":
        write_training(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
        return
    split, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    cases = [build(rng, split, i + 1) for i in range(count)]
    header = f"# Drafted by scripts/draft_chat_cases.py {split} {count} {seed}; spot-checked by hand (gold from the story, expected action from decide() on the gold).\n"
    sys.stdout.write(header + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=120))


if __name__ == "__main__":
    main()
