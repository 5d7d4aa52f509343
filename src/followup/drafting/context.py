"""What one message needs to know: who it is to, about what, and which facts it may use."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from followup.decision import Action, Decision
from followup.drafting.address import address_rules, addressed_as, called, from_an_agency
from followup.drafting.updates import internal_candidate, prepare
from followup.models import (
    Article,
    Contact,
    InterviewerRole,
    InterviewNotes,
    MessageKind,
    Outcome,
    Person,
    name_key,
)
from followup.policy import promised_date
from followup.textdates import spoken
from followup.tone.checks import meaning
from followup.tone.facts import (
    HONORIFICS,
    content_words,
    decision_from,
    family_name_first,
    feedback_asked,
    feedback_in,
    news_and_topics,
    notes_capitalised,
    stems,
    told_in_confidence,
)
from followup.tone.report import Channel, DraftKind
from followup.tone.task import DraftTask
from followup.tone.topics import capital_from_notes, usable_topic, with_acronyms, with_article

#: Which message each action sends.
KIND_OF_ACTION = {
    Action.be_proactive: DraftKind.thank_you,
    Action.be_interesting: DraftKind.value_add,
    Action.reconnect: DraftKind.check_in,
    Action.take_it_up: DraftKind.escalation,
    Action.move_on: DraftKind.closing,
}

# Sequences that could close or open the data block of a prompt: neutralised in values.
_DELIMITERS = re.compile(r"-{3,}|={3,}|#{3,}|<{2,}|>{2,}|`{3,}|\b(?:BEGIN|END)\s+NOTES\b", re.I)


def data_value(text: str) -> str:
    """A notes value as it may appear inside the prompt's data block: one line, no delimiters."""
    return _DELIMITERS.sub(" ", " ".join(text.split()))


@dataclass(frozen=True)
class DraftContext:
    """Everything one draft may say, taken from the notes and the decision."""

    kind: DraftKind
    channel: Channel
    candidate: str
    company: str
    role: str
    recipient: Person
    recipient_role: str
    cc: tuple[Person, ...]
    interview_date: date
    topics: tuple[str, ...]
    shareable: Article | Contact | None
    personal_updates: str
    promised: date | None
    ask_timeline: bool
    missed_thank_you: bool
    rejected: bool = False  # the employer said no (a closing note thanks them for letting you know)
    index: int = 0  # this recipient's place among several of one action (varies the structure)
    prompt_id: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    today: date | None = None  # the day the message goes out (a scheduled one: its due day)
    action: DraftKind | None = None  # the action's own kind (on LinkedIn ``kind`` is linkedin_note)
    thanked: bool = False  # a thank-you was sent earlier: "thank you again" is true
    checked_in: date | None = None  # the unanswered check-in an escalation follows
    checked_in_with: str = ""  # whom that check-in went to
    checked_in_as: str = ""  # the first of them with the title the notes give ("Dr Brooks"), if any
    met: bool = False  # the recipient interviewed the candidate (an escalation does not introduce them)
    country: str | None = None  # the notes' country: how a greeting names someone
    solo: bool = False  # one person interviewed the candidate ("I enjoyed meeting you", not "the team")
    matched_topic: bool = True  # a value-add's first topic is the one its article (or contact) is about
    updates: tuple[str, ...] = ()  # the candidate's news, each item as a sentence, past ones left out
    left_out: tuple[str, ...] = ()  # what the candidate should know about news left out
    unquoted: tuple[str, ...] = ()  # and about topics from the notes no message quotes
    seed: int = 0  # varies the wording from one interview (and day) to another
    loop_people: tuple[Person, ...] = ()  # whom an escalation keeps in the loop (also on LinkedIn)
    promised_in_reply: date | None = None  # the day of their note that gave the promised date, if one did
    replied: date | None = None  # the day of their latest note, when it gave no date after the one promised
    addressed: str = ""  # a title and a name the notes give them ("Dr Adeyemi", "Sir Ramon", "Mori-san")
    agency: bool = False  # the recipient recruits for an agency, not the employer
    internal: bool = False  # the candidate already works there: "take on the role", never "join" it
    feedback_given: bool = False  # the employer gave feedback already: a closing thanks them for it
    feedback_asked: bool = False  # the candidate already asked for feedback: a closing does not ask again
    decision_by_other: str = ""  # how a closing names someone else who passed the decision on ("Bríd")

    @property
    def base_kind(self) -> DraftKind:
        """What the message does, whatever the channel."""
        return self.action or self.kind

    @property
    def first_name(self) -> str:
        """How a greeting names the recipient: the first name, or a title and the surname
        ("Dr Tessaro" for "Dr. Rafe Tessaro")."""
        parts = self.recipient.name.split()
        if len(parts) >= 2 and parts[0].rstrip(".").casefold() in HONORIFICS:
            return f"{parts[0].rstrip('.')} {parts[-1]}"
        if self.addressed:
            return self.addressed
        suffix = address_rules().suffixes.get(self.country or "")
        if suffix and len(parts) == 2 and all(_ROMANISED_JAPANESE.fullmatch(p) for p in parts):
            # "Ishikawa Daisuke" in Japan: "Ishikawa-san" (not "Emily-san" for Emily Hart)
            return f"{parts[0].capitalize() if parts[0].isupper() else parts[0]}{suffix}"
        if family_name_first(parts):  # "SHIBUYA Kenta": the given name, then the family name
            return f"{' '.join(parts[1:])} {parts[0].capitalize()}"
        rules = address_rules()
        formal = self.country in rules.formal and self.channel == Channel.email
        if formal and not self.met and len(parts) >= 2:
            # an e-mail to a senior person never met, where first names are for friends
            if self.country in rules.all_parts:
                return " ".join(parts)
            surname = len(parts) - 1
            while surname > 1 and parts[surname - 1][:1].islower():  # "Riaan du Plessis", "Petra van Wijngaarden"
                surname -= 1
            return " ".join([parts[0], *parts[surname:]])
        return called(self.recipient.name, self.country)

    def task(self) -> DraftTask:
        """What the tone check holds the draft to beyond its kind: whom it greets, copies, shares."""
        article = self.shareable if isinstance(self.shareable, Article) else None
        return DraftTask(
            recipient=self.recipient.name,
            action=self.action if self.kind == DraftKind.linkedin_note else None,
            copied=[p.name for p in (self.cc or self.loop_people)],
            article_title=article.title if article else None,
            article_url=article.url if article else None,
            introduces=self.shareable.name if isinstance(self.shareable, Contact) else None,
            addressed=self.addressed or None,
        )

    def facts(self) -> str:
        """The fact sheet a model sees, one 'label: value' line each, values neutralised."""
        lines = [
            ("Candidate, who signs the message", self.candidate),
            (
                "Writing to",
                f"{self.recipient.name}, {self.recipient.title} ({self.recipient_role})",
            ),
            ("Company", self.company),
            ("Role applied for", self.role),
            ("Interview date", spoken(self.interview_date)),
        ]
        if self.cc:
            lines.append(("In copy", ", ".join(f"{p.name}, {p.title}" for p in self.cc)))
        if self.topics:
            lines.append(("Discussed", "; ".join(self.topics)))
        if self.promised:
            lines.append(
                (
                    "They said a decision would come by",
                    f"{self.promised:%A} {self.promised.day} {self.promised:%B}",
                )
            )
        if isinstance(self.shareable, Article):
            lines.append(
                (
                    "Article to share",
                    f'"{self.shareable.title}" {self.shareable.url} (on {self.shareable.topic})',
                )
            )
        elif isinstance(self.shareable, Contact):
            lines.append(("Person to introduce", f"{self.shareable.name}, who {self.shareable.why}"))
        if self.checked_in is not None:
            lines.append(("Checked in", f"with {self.checked_in_with} on {spoken(self.checked_in)}, no answer yet"))
        if self.updates:  # read as data: past items and what cannot be read are not for the model either
            lines.append(("Candidate's news", " ".join(self.updates)))
        if self.ask_timeline:
            lines.append(("Also", "ask once, politely, about the timeline for next steps"))
        if self.missed_thank_you:
            lines.append(("Also", "no thank-you was sent after the interview: thank them briefly"))
        if self.rejected:
            lines.append(
                (
                    "Outcome",
                    "they told the candidate they were not selected: thank them for letting the candidate know, "
                    "and ask once for feedback",
                )
            )
        return "\n".join(f"{label}: {data_value(value)}" for label, value in lines)


def contexts(notes: InterviewNotes, decision: Decision, channel: Channel = Channel.email) -> list[DraftContext]:
    """One context per message the decision calls for (none when there is nothing to send,
    or when the message needs someone the notes do not name)."""
    if decision.action is None or decision.status.value == "done" or not decision.to:
        return []
    kind = KIND_OF_ACTION[decision.action]
    people = notes.people()
    cc = tuple(people[name_key(n)] for n in decision.cc)
    thank_yous = [m for m in notes.history if m.kind == MessageKind.thank_you]
    thanked = bool(thank_yous)
    # "Thank you again" only to someone who was thanked: a thank-you to Dana is not one to Sam.
    thanked_people = {name_key(n) for m in thank_yous for n in m.to}
    day = decision.due_on or decision.today
    news = prepare(notes.personal_updates, day, notes.country)
    check_ins = [m for m in notes.history if m.kind == MessageKind.check_in]
    interviewers = {name_key(p.name) for p in notes.interviewers}
    # The timeline is asked once per panel, and never when the notes hold the date they gave.
    timeline_given = notes.asked_next_steps or promised_date(notes) is not None
    asker = _timeline_asker(notes, decision.to) if kind == DraftKind.thank_you and not timeline_given else None
    quoted, unquoted = _quotable(notes)
    usable = _phrases(quoted)
    named = _named_in(quoted, notes)
    out = []
    for index, name in enumerate(decision.to):
        person = people[name_key(name)]
        role = person.role.value if hasattr(person, "role") else InterviewerRole.senior.value
        shareable = _shareable(notes, index) if kind == DraftKind.value_add else None
        # Topics someone else raised go to them: "our conversation about X" to the one who was in it.
        # (A senior contact who was not there hears of "my conversation with the team": any topic.)
        reader = name_key(name)
        theirs = {p for p, who in named if who and reader not in who} if reader in interviewers else set()
        agency = role == InterviewerRole.recruiter.value and from_an_agency(person.title, notes.company)
        if agency:
            # An agency's recruiter sets the interview up but is seldom in it: only what the notes say they talked of.
            theirs |= {p for p, who in named if reader not in who}
        topics = _rotate(tuple(t for t in usable if t not in theirs), index)
        matched = True
        if shareable is not None:
            topics, matched = _paired(topics, shareable, notes.topics)
        topics = tuple(yours(t, [p for p in person.name.split() if len(p) > 2]) for t in topics)
        out.append(
            DraftContext(
                kind=DraftKind.linkedin_note if channel == Channel.linkedin else kind,
                channel=channel,
                candidate=notes.candidate_name,
                company=notes.company,
                role=notes.role,
                recipient=person,
                recipient_role=role.replace("_", " "),
                cc=() if channel == Channel.linkedin else cc,
                interview_date=notes.interview_date,
                topics=topics,
                shareable=shareable,
                personal_updates=notes.personal_updates,
                promised=promised_date(notes),
                promised_in_reply=_promised_in_reply(notes),
                replied=_replied_undated(notes),
                addressed=addressed_as(person.name, person.title, notes) or "",
                agency=agency,
                internal=internal_candidate(news_and_topics(notes)),
                feedback_given=feedback_in(notes),
                feedback_asked=feedback_asked(notes),
                decision_by_other=_decision_by_other(notes, person.name),
                ask_timeline=asker == name_key(name),
                missed_thank_you=kind == DraftKind.check_in and not thanked,
                rejected=notes.outcome == Outcome.rejected,
                index=index,
                today=day,
                action=kind,
                thanked=name_key(name) in thanked_people,
                checked_in=check_ins[-1].sent_on if check_ins and kind == DraftKind.escalation else None,
                checked_in_with=", ".join(check_ins[-1].to) if check_ins and kind == DraftKind.escalation else "",
                checked_in_as=_addressed(notes, check_ins[-1].to[0])
                if check_ins and kind == DraftKind.escalation
                else "",
                met=name_key(name) in interviewers,
                country=notes.country,
                solo=len(notes.interviewers) == 1,
                matched_topic=matched,
                updates=news.sentences,
                left_out=news.left_out,
                unquoted=unquoted,
                loop_people=cc,
                seed=zlib.crc32(f"{notes.candidate_name}|{notes.company}|{day}|{kind.value}".encode()),
            )
        )
    return out


#: A name as Japanese is romanised (Hepburn syllables): "Ishikawa", "Daisuke", "Shun", not "Emily".
_ROMANISED_JAPANESE = re.compile(
    r"(?:(?:[kgsztdnhbpmrwfjy]|sh|ch|ts|[kgnhbpmr]y|kk|ss|tt|pp|tch)?[aiueo]|n(?![aiueoy]))+", re.IGNORECASE
)


def _addressed(notes: InterviewNotes, name: str) -> str:
    """How the notes address someone by name, with a title ("Dr Brooks"); "" when they give none."""
    person = notes.people().get(name_key(name))
    return (addressed_as(person.name, person.title, notes) or "") if person is not None else ""


def _in_a_sentence(phrase: str, names: frozenset[str]) -> str:
    """A topic as it reads mid-sentence: "Preparing practical kits" becomes "preparing practical
    kits", "Changeover from paper pick lists" "changeover from paper pick lists"; a name or a
    product keeps its capital ("Jira workflows", "Power BI dashboards", "Christmas trade")."""
    return with_acronyms(phrase[:1].lower() + phrase[1:] if capital_from_notes(phrase, names) else phrase)


#: "how they onboard seasonal temps", "the two nursing homes they supply": after a question word,
#: or after those the employer serves, "they" in notes is the employer.
_THEY_FOR_THE_EMPLOYER = re.compile(r"\b(how|what|why|where|when|homes|clients|customers|sites|stores|schools) they\b")
#: "the renewal with their biggest funder": "their" after a preposition, with no one else named before it.
_THEIR_AFTER_A_PREPOSITION = re.compile(r"^(?:(?!\w+s\b)[\w-]+ )*?(?:with|since|for|at|in|on) their\b")


#: "the intraoral scanner they bought in August": "they" before what an employer does with its
#: tools and clients is the employer (not after "so", "if" or "and": "so they are never alone").
_THEY_DID = re.compile(
    r"\b(?!(?:so|if|because|and|but|until|unless|as|or|once|after|before|since|while|that)\b)([a-z]+) they "
    r"(?=(?:bought|use|used|run|ran|supply|supplied|plan|planned|introduced|launched|adopted|built|opened|started"
    r"|rolled|switched|moved|offer|offered|provide|provided|sell|sold|serve|served|stock|stocked)\b)"
)


def yours(phrase: str, names: Iterable[str]) -> str:
    """A phrase told to the one it names: "Priyanka's scenario question" is "your scenario
    question", "great for Margaret's contest club" "great for your contest club"."""
    for name in names:
        phrase = re.sub(rf"\b{re.escape(name)}['\u2019]s\b", "your", phrase)
    return phrase


def _to_the_reader(phrase: str) -> str:
    """A topic told to someone at the employer: the notes' "they" for the employer is "you"."""
    phrase = _THEY_DID.sub(r"\1 you ", _THEY_FOR_THE_EMPLOYER.sub(r"\1 you", phrase))
    match = _THEIR_AFTER_A_PREPOSITION.match(phrase)
    if match:
        phrase = phrase[: match.end() - len("their")] + "your" + phrase[match.end() :]
    return phrase


def quotable_topics(notes: InterviewNotes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The topics a message may quote (as it may quote them), and a note for each left out."""
    quoted, unquoted = _quotable(notes)
    return _phrases(quoted), unquoted


def _phrases(quoted: list[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(phrase for phrase, _ in quoted))


def _quotable(notes: InterviewNotes) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """Each topic a message may quote, as it may quote it, with the line of notes it came from."""
    names = [notes.candidate_name, *(p.name for p in notes.interviewers)]
    if notes.senior_contact is not None:
        names.append(notes.senior_contact.name)
    quoted: list[tuple[str, str]] = []
    unquoted: list[str] = []
    capitalised = notes_capitalised(notes)
    for topic in notes.topics:
        if told_in_confidence(topic):
            unquoted.append(f'The topic "{topic}" was not quoted: your notes say part of it was told in confidence.')
            continue
        phrase = usable_topic(topic, names)
        if phrase is None:
            unquoted.append(
                f'The topic "{topic}" was not quoted: it reads as notes, not as a subject. Write it as a '
                'phrase (for example "moving the weekly dashboard to dbt") to have it in your messages.'
            )
        else:
            if re.match(r"my\b", topic.strip(), re.I) and not re.match(r"(?:my|our|an?)\b|\w+ing\b", phrase, re.I):
                # "my final yr project - bus pass booking app": still the candidate's own ("my portfolio
                # piece: the food bank fundraiser email series": "my food bank fundraiser email series")
                phrase = f"my {phrase[4:] if phrase.lower().startswith('the ') else phrase}"
            quoted.append((_to_the_reader(with_article(_in_a_sentence(phrase, capitalised))), topic))
    return quoted, tuple(unquoted)


def _named_in(quoted: list[tuple[str, str]], notes: InterviewNotes) -> list[tuple[str, frozenset[str]]]:
    """Each quoted topic with the people at the employer its line of notes names ("Rob asked
    if I'd go for my G1"): a topic that names someone else and not the reader was theirs."""
    parts = {
        key: {w for w in re.findall(r"[^\W\d_][\w'-]*", p.name) if len(w) > 2} for key, p in notes.people().items()
    }
    return [
        (
            phrase,
            frozenset(k for k, words in parts.items() if any(re.search(rf"\b{re.escape(w)}\b", topic) for w in words)),
        )
        for phrase, topic in quoted
    ]


def _promised_in_reply(notes: InterviewNotes) -> date | None:
    """The day of their latest note that gave a new date, when that date is the one promised."""
    dated = [r for r in notes.employer_replies if r.new_promised_date is not None]
    if not dated:
        return None
    latest = max(dated, key=lambda r: r.on)
    return latest.on if latest.new_promised_date == promised_date(notes) else None


def _replied_undated(notes: InterviewNotes) -> date | None:
    """The day of their latest note when it gave no new date ("still interviewing") and came
    after the date they had promised (or there was none): a check-in answers that note."""
    if not notes.employer_replies:
        return None
    latest = max(notes.employer_replies, key=lambda r: r.on)
    promised = promised_date(notes)
    if latest.new_promised_date is not None or (promised is not None and promised >= latest.on):
        return None
    return latest.on


def _timeline_asker(notes: InterviewNotes, to: list[str]) -> str:
    """Who is asked about the timeline: once per panel, the recruiter, else the hiring
    manager, else the first person written to."""
    by_key = {name_key(p.name): p for p in notes.interviewers}
    keys = [name_key(n) for n in to]
    for wanted in (InterviewerRole.recruiter, InterviewerRole.hiring_manager):
        for key in keys:
            person = by_key.get(key)
            if person is not None and person.role == wanted:
                return key
    return keys[0]


def _shareable(notes: InterviewNotes, index: int) -> Article | Contact | None:
    """The next shareable not yet shared (rotating across a panel); once all were shared, from the start."""
    shared = {name_key(m.shared) for m in notes.history if m.shared}
    fresh = [s for s in notes.shareables if name_key(shareable_label(s)) not in shared] or list(notes.shareables)
    return fresh[index % len(fresh)] if fresh else None


def shareable_label(item: Article | Contact) -> str:
    """How a sent message's ``shared`` names a shareable: an article's title, a contact's name."""
    return item.title if isinstance(item, Article) else item.name


def _paired(
    topics: tuple[str, ...], item: Article | Contact, lines: list[str] | None = None
) -> tuple[tuple[str, ...], bool]:
    """The topics with the one the article (or the contact's work) is about first, and whether any
    matched. A word of the article's own topic counts twice a word of its title, and one word of
    the title alone ("surveillance") is too little. When no quoted topic matches, an article's own
    topic does, as the user wrote it, if the notes' lines speak of it ("antimicrobial resistance
    in UTI isolates", from "my M.Sc. project on antimicrobial resistance in UTI isolates")."""
    generic = meaning.load().generic_stems  # "new EV buses" and an uncle who "trains new drivers" share no subject
    if isinstance(item, Article):
        own, title = stems(content_words(item.topic)) - generic, stems(content_words(item.title)) - generic
    else:
        own, title = stems(content_words(item.why)) - generic, frozenset()
    scored = [
        (2 * len(words & own) + len(words & title), -i, t)
        for i, t in enumerate(topics)
        if (words := stems(content_words(t)) - generic)
    ]
    best = max(scored, default=None)
    if best is not None and best[0] >= 2:
        return (best[2], *(t for t in topics if t != best[2])), True
    phrase = usable_topic(item.topic) if isinstance(item, Article) else None
    if phrase and any(len(stems(content_words(line)) & own) >= 2 for line in lines or []):
        told = _to_the_reader(with_article(phrase))
        return (told, *(t for t in topics if t != told)), True
    return topics, False


def _rotate(topics: tuple[str, ...], index: int) -> tuple[str, ...]:
    """Each member of a panel hears first about a different topic."""
    if not topics:
        return topics
    shift = index % len(topics)
    return topics[shift:] + topics[:shift]


def _decision_by_other(notes: InterviewNotes, recipient: str) -> str:
    """Who else passed the decision on, as the closing names them: "Bríd passed on the team's decision"."""
    sender = decision_from(notes) if notes.outcome == Outcome.rejected else None
    if sender is None or name_key(sender) == name_key(recipient):
        return ""
    if sender.split()[0].rstrip(".").casefold() in HONORIFICS:
        return sender  # "Dr Petra Lange passed on ...", not "Dr passed on ..."
    return called(sender, notes.country)
