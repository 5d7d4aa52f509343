"""Draft chat cases for evals/chat/ from hand-written phrasings (run once per split; the YAML is then the truth).

Each case is a story chosen at random (people, dates, messages, replies, outcome);
its gold notes come from the story itself, never from an extractor, and its
expected action from ``decide()`` on those gold notes. The phrasings below are
written by hand; the dev split draws from three quarters of each list, the test
split from all of it, so a quarter of the test's phrasings were never seen while
tuning on dev.

    python scripts/draft_chat_cases.py test 90 1001 > evals/chat/test/drafted.yaml
    python scripts/draft_chat_cases.py dev 170 7 > evals/chat/dev/drafted.yaml
"""

from __future__ import annotations

import random
import sys
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

    def __init__(self, rng: random.Random, pick: Any) -> None:
        self.rng = rng
        self.pick = pick
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


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _numeric(d: date, country: str | None, with_year: bool) -> str:
    year = f"/{d.year}" if with_year else ""
    if country in (None, "US"):
        return f"{d.month}/{d.day}{year}"
    if country == "DE":
        return f"{d.day}.{d.month}.{d.year if with_year else ''}"
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
    return rng.choice(choices)


def _name(s: Story, full: str, *, first_only: bool = False) -> str:
    text = full.split()[0] if first_only else full
    return text.lower() if s.lower else text


def _people_phrase(s: Story) -> str:
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


def build(rng: random.Random, split: str, number: int) -> dict[str, Any]:
    def pick(options: list[str]) -> str:
        pool = options if split == "test" or len(options) < 2 else [o for i, o in enumerate(options) if i % 4 != 3]
        return rng.choice(pool)

    s = Story(rng, pick)
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
                ]
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
    for_role = pick([f" for the {role} role", f" for the {role} position", f" for a {role} job"]) if role else ""
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
                    ]
                )
            )
    if rng.random() < 0.08:
        name, kind, title = s.people[0]
        wrong = name + "s" if not name.endswith("s") else name[:-1]
        s.people[0] = (wrong, kind, title)
        corrections.append(
            pick(
                [
                    f"sorry, it's {_name(s, name)} not {_name(s, wrong)}",
                    f"correction: her name is {_name(s, name)}, not {_name(s, wrong)}",
                ]
            )
        )
        people_text = _people_phrase(s)
        s.people[0] = (name, kind, title)
    else:
        people_text = _people_phrase(s)
    with_ = pick(["with", "w/", "with"])
    sentences.append(
        pick(
            [
                f"I interviewed{for_role}{at} {when} {with_} {people_text}.",
                f"had my interview{at}{for_role} {when}, {with_} {people_text}.",
                f"interviewed {with_} {people_text}{at} {when}{for_role}.",
                f"Had a {pick(['first round', 'second round', 'final round', 'video'])} interview {when}{at}{for_role}. I met {people_text}.",
                f"{when.capitalize()} I had an interview{at}{for_role} {with_} {people_text}.",
            ]
        )
    )
    if s.role and s.company and rng.random() < 0.2:
        sentences[-1] = sentences[-1].rstrip(".") + "."

    def add_topic() -> None:
        topic = rng.choice(TOPICS)
        sentences.append(
            pick([f"we talked about {topic}.", f"We discussed {topic}.", f"mostly chatted about {topic}."])
        )

    if rng.random() < 0.4:
        add_topic()
    promised: date | None = None
    if rng.random() < 0.65:
        phrase, promised = promise_phrase(s, s.interview)
        if promised > s.interview:
            gold["promised_reply_date"] = promised
            if rng.random() < 0.2:
                sentences.append(_email(s, phrase, pick))
            else:
                sentences.append(
                    pick(
                        [
                            f"they said I'd hear back {phrase}.",
                            f"They told me to expect news {phrase}.",
                            f"said they'd get back to me {phrase}",
                            f"should hear {phrase}.",
                            f"They promised a decision {phrase}.",
                            f"the recruiter said they'll decide {phrase}.",
                        ]
                    )
                )
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
            who = (
                pick([" to both of them", " to everyone", "", " to them"])
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
                ]
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
                    ]
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
                    ]
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
                    ]
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
                ]
            )
        )
    elif roll < 0.48:
        outcome = "offer"
        sentences.append(pick(["they made me an offer!!", "Update: I got an offer from them.", "got the offer :)"]))
    elif roll < 0.53:
        outcome = "withdrawn"
        sentences.append(
            pick(
                [
                    "I withdrew from the process.",
                    "i pulled out, took another job",
                    "I've decided to withdraw my application.",
                ]
            )
        )
    gold["outcome"] = outcome
    if rng.random() < 0.3:
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
        gold["history"] = history
    if s.senior:
        gold["senior_contact"] = {"name": s.senior[0], "title": s.senior[1], "role": "senior"}
        sentences.append(
            pick(
                [
                    f"the {s.senior[1]} there is {_name(s, s.senior[0])}.",
                    f"{_name(s, s.senior[0])} ({s.senior[1]}) is the boss there.",
                ]
            )
        )
    turns = _turns(s, sentences) + corrections
    case = {"id": f"{split}-{number:03d}", "turns": turns, "today": s.today, "gold": gold}
    if s.country:
        case["country"] = s.country
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


def _email(s: Story, phrase: str, pick: Any) -> str:
    """A recruiter's e-mail sent on the interview day, pasted whole, with its signature."""
    name, _, title = next(((n, k, t) for n, k, t in s.people if k == "recruiter"), s.people[0])
    first = s.candidate.split()[0] if s.candidate else "there"
    company = s.company or "the team"
    domain = (s.company or "example").lower().replace(" ", "") + ".example"
    address = name.split()[0].lower() + "@" + domain
    body = pick(
        [
            f"Thank you for coming in today. The team enjoyed meeting you, and we expect to have a decision {phrase}.",
            f"Thanks again for your time today! We're wrapping up interviews and will be in touch {phrase}.",
            f"It was great to meet you today. We will let you know {phrase}.",
        ]
    )
    closing = pick(["Best regards,", "Best,", "Kind regards,", "Thanks,", "Cheers,"])
    sig = "\n".join(
        x for x in [name, title if title and title not in ("my would-be boss",) else "", company, address] if x
    )
    lead = pick(["they sent me this after:", "got this email from them the same day:", "here's their email:"])
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


def main() -> None:
    if sys.argv[1] == "--fill":
        fill(Path(sys.argv[2]))
        return
    split, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    cases = [build(rng, split, i + 1) for i in range(count)]
    header = f"# Drafted by scripts/draft_chat_cases.py {split} {count} {seed}; spot-checked by hand (gold from the story, expected action from decide() on the gold).\n"
    sys.stdout.write(header + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=120))


if __name__ == "__main__":
    main()
