"""What the notes allow a draft to say: the names, numbers, dates and links in them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from followup.models import InterviewerRole, InterviewNotes, MessageKind, Outcome
from followup.policy import promised_date
from followup.textdates import MONTHS, WEEKDAYS, day_months
from followup.tone.topics import capitalised_words, jotted_pieces

MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

_TOKEN = re.compile(r"[^\W_][\w'\-]*")
_NUMBER = re.compile(r"\d+")
_GROUPED_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")
_MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r"|" + "|".join(MONTH_ABBREVIATIONS) + r")\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.IGNORECASE)  # "course Saturdays"
#: Weekdays as notes shorten them: "Tues pm", "Mon-Thu", "short a hygienist Thurs".
_WEEKDAY_SHORT = re.compile(r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b", re.IGNORECASE)
_WEEKDAY_BY_PREFIX = {day[:3]: index for index, day in enumerate(WEEKDAYS)}


def normalise_url(url: str) -> str:
    url = url.strip().rstrip(".,;:!?)'\"").lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/")


def tokens(text: str) -> set[str]:
    """Lower-cased words of ``text``, with and without a possessive 's, and hyphen parts."""
    out: set[str] = set()
    for match in _TOKEN.finditer(text.replace("\u2019", "'")):
        word = match.group().lower().strip("'-")
        for form in (word, word.removesuffix("'s"), *word.split("-")):
            if form:
                out.add(form)
    return out


def notes_capitalised(notes: InterviewNotes) -> frozenset[str]:
    """The words the notes write with a capital in mid-sentence: names and products, which keep
    their capital at the start of a quoted topic (:func:`followup.tone.topics.capital_from_notes`).
    Every word of the employer's name counts; job titles are left out (they are capitalised as
    titles, not as names)."""
    texts = [notes.personal_updates, *notes.topics]
    texts += [s.topic if s.kind == "article" else s.why for s in notes.shareables]
    return capitalised_words(texts) | {w.casefold() for w in re.findall(r"\b[A-Z][a-z]+\b", notes.company)}


@dataclass(frozen=True)
class NotesFacts:
    """Everything a faithful draft may mention, pre-computed once per notes."""

    vocabulary: frozenset[str]
    candidate: frozenset[str]
    candidate_name: str
    numbers: frozenset[str]
    months: frozenset[int]
    weekdays: frozenset[int]
    day_months: frozenset[tuple[int, int]]
    dates: frozenset[date]
    urls: frozenset[str]
    emails: frozenset[str]
    recruiters: frozenset[str]
    role_words: frozenset[str]
    role_stems: frozenset[str]
    topics: tuple[frozenset[str], ...]
    topic_stems: tuple[frozenset[str], ...]
    contacts: frozenset[str]
    promised: date | None
    free_text: str
    outcome: str = "pending"
    timeline_known: bool = False  # they were asked about next steps and named a date: no need to ask again
    discussable: frozenset[str] = frozenset()  # stems "our conversation about X" may be about
    latest_past: date = date.min  # the latest day the notes show has passed (interview, messages, replies)
    interviewer_firsts: frozenset[str] = frozenset()  # first names (casefolded) of those at the interview
    outsider_firsts: frozenset[str] = frozenset()  # first names of people in the notes who were not at it
    outsider_parts: frozenset[str] = frozenset()  # every part of their names ("plessis"), none an interviewer's
    thanked_firsts: frozenset[str] = frozenset()  # first names of those a thank-you was sent to
    contact_firsts: frozenset[str] = frozenset()  # the recruiters and everyone a message was sent to
    interview_date: date = date.min
    replied_last: bool = False  # their reply (or the outcome) is the latest word: "not heard back" is false
    awaiting_their_date: bool = False  # their latest reply gave a new date: "not heard anything yet" is about it
    people: tuple[str, ...] = ()  # the full names of everyone at the employer or in the notes' network
    titles: frozenset[str] = frozenset()  # their job titles, casefolded (not the role applied for)
    title_of: tuple[tuple[str, str], ...] = ()  # (full name, title casefolded) for everyone with a title
    another_offer: bool = False  # the notes record another offer ("other place wants an answer by 6 Nov")
    role: str = ""  # the role applied for, casefolded
    company: str = ""  # the employer's name, casefolded ("hôtel les terrasses du lac")
    jotted: tuple[str, ...] = ()  # parts of topics that read as notes, lower-cased ("trade test passed june")
    capitalised: frozenset[str] = frozenset()  # words the notes capitalise mid-sentence (names, products)
    confidences: tuple[frozenset[str], ...] = ()  # stems of what was said in confidence, found nowhere else
    part_time: bool = False  # the notes say the post is part-time (and never full-time)
    feedback: bool = False  # the notes say the employer gave feedback (or the reason for their no)
    reply_days: frozenset[date] = frozenset()  # the days they got back in touch (a call, a note)
    promised_days: frozenset[date] = frozenset()  # every day they said a decision would come by
    free_days: frozenset[tuple[int, int]] = frozenset()  # (day, month) written in the topics and news
    topic_people: tuple[frozenset[str], ...] = ()  # for each topic, the first names of interviewers its line names

    @classmethod
    def from_notes(cls, notes: InterviewNotes) -> NotesFacts:
        people = list(notes.interviewers) + ([notes.senior_contact] if notes.senior_contact else [])
        texts = [
            notes.candidate_name,
            notes.company,
            notes.role,
            notes.personal_updates,
            *notes.topics,
        ]
        for person in people:
            texts += [person.name, person.title, person.email or ""]
        urls: set[str] = set()
        contacts: set[str] = set()
        for item in notes.shareables:
            if item.kind == "article":
                texts += [item.title, item.topic]
                urls.add(normalise_url(item.url))
            else:
                texts += [item.name, item.why]
                contacts.add(item.name)
        free_text = "\n".join(texts)
        discussable = [notes.role, notes.company, *notes.topics]
        discussable += [f"{a.title} {a.topic}" for a in notes.shareables if a.kind == "article"]
        dates = {notes.interview_date}
        dates |= {notes.promised_reply_date} if notes.promised_reply_date else set()
        dates |= {m.sent_on for m in notes.history}
        for reply in notes.employer_replies:
            dates.add(reply.on)
            if reply.new_promised_date:
                dates.add(reply.new_promised_date)
        promised = promised_date(notes)
        numbers = set(_NUMBER.findall(free_text)) | set(_GROUPED_NUMBER.findall(free_text))  # "40,000" too
        for day in dates:
            numbers |= {
                str(day.day),
                f"{day.day:02d}",
                str(day.year),
                str(day.month),
                f"{day.month:02d}",
            }
        months = {d.month for d in dates}
        months |= {_month_number(m) for m in _MONTH_WORD.findall(free_text)}
        months |= {month for _, month in day_months(free_text, notes.country)}
        weekdays = {d.weekday() for d in dates}
        weekdays |= {WEEKDAYS.index(w.lower()) for w in _WEEKDAY_WORD.findall(free_text)}
        weekdays |= {_WEEKDAY_BY_PREFIX[w.lower()[:3]] for w in _WEEKDAY_SHORT.findall(free_text)}
        # An event among the topics ("the volunteer drive on 18 July") may be named by its weekday.
        weekdays |= {
            _nearest(notes.interview_date, d, m).weekday()
            for d, m in day_months("\n".join(notes.topics), notes.country)
        }
        role_words = {w for w in tokens(notes.role) if len(w) > 2}
        interviewer_firsts = frozenset(k for p in notes.interviewers for k in _firsts(p.name))
        outsiders = {
            k for n in [*contacts, *([notes.senior_contact.name] if notes.senior_contact else [])] for k in _firsts(n)
        }
        outsiders.discard("")
        return cls(
            vocabulary=frozenset(tokens(free_text)),
            candidate=frozenset(tokens(notes.candidate_name)),
            candidate_name=notes.candidate_name,
            numbers=frozenset(numbers),
            months=frozenset(months),
            weekdays=frozenset(weekdays),
            day_months=frozenset((d.day, d.month) for d in dates) | day_months(free_text, notes.country),
            dates=frozenset(dates),
            urls=frozenset(urls),
            emails=frozenset(p.email.lower() for p in people if p.email),
            recruiters=frozenset(p.name for p in notes.interviewers if p.role == InterviewerRole.recruiter),
            role_words=frozenset(role_words),
            role_stems=stems(role_words),
            topics=tuple(frozenset(content_words(t)) for t in notes.topics),
            topic_stems=tuple(stems(content_words(t)) for t in notes.topics),
            contacts=frozenset(contacts),
            promised=promised,
            free_text=free_text.lower(),
            outcome=str(notes.outcome),
            timeline_known=notes.asked_next_steps and promised is not None,
            discussable=stems(content_words("\n".join(discussable))),
            interviewer_firsts=interviewer_firsts,
            outsider_firsts=frozenset(outsiders - interviewer_firsts),
            outsider_parts=frozenset(
                part
                for n in [*contacts, *([notes.senior_contact.name] if notes.senior_contact else [])]
                for part in n.casefold().split()
                if len(part) > 2 and part.rstrip(".") not in HONORIFICS
            )
            - frozenset(part for p in notes.interviewers for part in p.name.casefold().split()),
            thanked_firsts=frozenset(
                k for m in notes.history if m.kind == MessageKind.thank_you for n in m.to for k in _firsts(n)
            ),
            contact_firsts=frozenset(
                {k for p in notes.interviewers if p.role == InterviewerRole.recruiter for k in _firsts(p.name)}
                | {k for m in notes.history for n in m.to for k in _firsts(n)}
            )
            - {""},
            interview_date=notes.interview_date,
            titles=frozenset(p.title.casefold() for p in people if p.title),
            title_of=tuple((p.name, p.title.casefold()) for p in people if p.title),
            another_offer=_ANOTHER_OFFER.search(free_text) is not None,
            role=notes.role.casefold(),
            company=notes.company.casefold(),
            jotted=tuple(
                p for t in notes.topics for p in jotted_pieces(t, [notes.candidate_name, *(x.name for x in people)])
            ),
            capitalised=notes_capitalised(notes),
            confidences=confidences(texts, {w for p in people for w in tokens(p.name)}),
            part_time=_PART_TIME.search(free_text) is not None and FULL_TIME.search(free_text) is None,
            feedback=feedback_in(notes),
            reply_days=frozenset(r.on for r in notes.employer_replies),
            free_days=day_months(free_text, notes.country),
            topic_people=tuple(
                frozenset(k for k in interviewer_firsts if re.search(rf"(?<!\w){re.escape(k)}{_SAYS}", t, re.I))
                for t in notes.topics
            ),
            promised_days=frozenset(
                d for d in [notes.promised_reply_date, *(r.new_promised_date for r in notes.employer_replies)] if d
            ),
            awaiting_their_date=bool(notes.employer_replies)
            and max(notes.employer_replies, key=lambda r: r.on).new_promised_date is not None
            and notes.outcome == Outcome.pending,
            people=tuple(
                dict.fromkeys([*(p.name for p in people), *sorted(contacts), *(n for m in notes.history for n in m.to)])
            ),
            replied_last=notes.outcome in (Outcome.rejected, Outcome.offer)
            or (
                bool(notes.employer_replies)
                and max(r.on for r in notes.employer_replies)
                >= max([notes.interview_date, *(m.sent_on for m in notes.history)])
            ),
            latest_past=max(
                [notes.interview_date, *(m.sent_on for m in notes.history), *(r.on for r in notes.employer_replies)]
            ),
        )


def _nearest(near: date, day: int, month: int) -> date:
    """The date with this day and month nearest to ``near`` (the year before, of, or after it)."""
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda d: abs((d - near).days), default=near)


HONORIFICS = frozenset("dr prof professor mr mrs ms mx miss sir dame rev fr".split())


def _firsts(name: str) -> set[str]:
    """The names a greeting may use for a person, casefolded: the first name; after a title
    ("Dr. Rafe Tessaro"), the first name and the surname ("Dear Dr Tessaro"); for a family
    name written first in capitals ("SHIBUYA Kenta"), both."""
    parts = name.split()
    if len(parts) >= 2 and parts[0].rstrip(".").casefold() in HONORIFICS:
        return {p.casefold() for p in (parts[1], parts[-1])}
    if family_name_first(parts):
        return {parts[0].casefold(), parts[1].casefold()}
    return {parts[0].casefold()} if parts else set()


def family_name_first(parts: list[str]) -> bool:
    """A name written family name first, in capitals, as is usual for Japanese, Chinese or
    Korean names in English ("SHIBUYA Kenta")."""
    return len(parts) >= 2 and len(parts[0]) > 1 and parts[0].isupper() and not parts[1].isupper()


STOPWORDS = frozenset(
    """a an the and or but of to in on at for with from by about as into over after before
    our your my their his her its we you i me us them it this that these those is are was were
    be been being how what why when where which who whom more most some any all very so than
    then also just can could would should will may might do does did have has had not no""".split()
)


def stems(words: Iterable[str]) -> frozenset[str]:
    """Crude stems, so 'frames' meets 'frame' and 'migrating' meets 'migration'."""
    return frozenset(map(_stem, words))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")


#: Hours the notes give: a part-time post ("0.8 FTE", "part-time", "20 hours a week") called "full-time" is wrong.
_PART_TIME = re.compile(
    r"\bpart[- ]?time\b|\b0?\.\d+\s*(?:fte|wte)\b|\b\d{1,2}\s*(?:hours|hrs|h)\s*(?:a|per|/)\s*week\b", re.I
)
FULL_TIME = re.compile(r"\bfull[- ]?time\b", re.I)

#: How notes mark what was said in confidence: "Tanya mentioned off the record that ...".
_CONFIDENCE = re.compile(
    r"off the record|in confidence|confidential(?:ly)?|between (?:us|ourselves)|"
    r"(?:don'?t|do not|not to|never|rather not|prefer not to) (?:mention|repeat|share|bring (?:it |this |that )?up)"
    r"|keep (?:it|this|that) (?:private|to myself)",
    re.I,
)
_CONFIDENCE_WORDS = frozenset(
    "off record confidence confidential confidentially mention mentioned repeat bring said told say tell "
    "between ourselves keep kept ask asked asking".split()
)


#: How notes say the employer gave feedback, or the reason for their no: a closing thanks them
#: for it and does not ask for it. "She said Mr Carroll's feedback was very positive"; "Arjun
#: said rejection was because they needed someone with hands-on Intune".
_FEEDBACK = re.compile(
    r"\bfeedback\s*(?::|(?:was|were|is|has been)\b)"
    r"|\b(?:gave|given|passed on|shared|got|received|had)\b[^.\n]{0,40}\bfeedback\b"
    r"|\b(?:rejection|rejected|turned (?:me )?down|unsuccessful|not successful|didn'?t get (?:it|the (?:job|role)))"
    r"[^.\n]{0,30}\b(?:because|due to|as they|since they)\b"
    r"|\breason (?:was|given was|they gave was)\b"
    r"|\b(?:said|told me|mentioned)\b[^.\n]{0,12}\bmy\b[^.\n]{0,40}\b(?:was|were)\b[^.\n]{0,12}"
    r"\b(?:the best|the strongest|the weakest|great|excellent|strong|good|weak|not enough|too)\b"
    # "she said honestly I was the best in the patient role play" (not "they went with someone with more
    # experience" alone: asking for feedback after that is fine, round 17's and 20's readers said)
    r"|\b(?:said|told me)\b[^.\n]{0,12}\bI was\b[^.\n]{0,12}"
    r"\b(?:the best|the strongest|great|excellent|strong|not ready)\b",
    re.I,
)


#: After a name in a line of notes: that person said it ("Gary says 40% of calls", "Mark: med
#: sync program"), not a mention in passing ("(Tobias sceptical)").
_SAYS = (
    r"(?:\s+[A-Z]\w*)?\s*(?::|\s(?:said|says|asked|asks|mentioned|mentions|explained|explains|told|tells|"
    r"showed|shows|walked|walks|wants|thinks|thought|talked|talks|described|pointed|raised|gave|gives)\b)"
)


#: ... unless they offered more: "offered feedback if I want it" is an offer to take up.
_FEEDBACK_OFFERED = re.compile(
    r"\boffer(?:ed|s)?\b[^.\n]{0,20}\bfeedback\b|\bfeedback if I\b|\bhappy to (?:give|share) (?:more )?feedback\b", re.I
)


def feedback_given(text: str) -> bool:
    """Whether the notes say the employer already gave the candidate feedback (and offered no more)."""
    return _FEEDBACK.search(text or "") is not None and _FEEDBACK_OFFERED.search(text or "") is None


def news_and_topics(notes: InterviewNotes) -> str:
    """The text of the notes that says what happened: the candidate's news and the topics (where
    feedback, an earlier request for it, or an internal move is written)."""
    return "\n".join([notes.personal_updates, *notes.topics])


def feedback_in(notes: InterviewNotes) -> bool:
    """:func:`feedback_given`, read where notes say it: the candidate's news and the topics."""
    return feedback_given(news_and_topics(notes))


#: The candidate has already asked for feedback: "I asked for feedback, she said she'll ask".
_FEEDBACK_ASKED = re.compile(
    r"\b(?:asked|requested|emailed|wrote) (?:them |her |him |for |about )?(?:for )?(?:some |any )?feedback\b", re.I
)


def feedback_asked(notes: InterviewNotes) -> bool:
    """Whether the notes say the candidate already asked for feedback (a closing does not ask again)."""
    return _FEEDBACK_ASKED.search(news_and_topics(notes)) is not None


#: A line of the notes that tells of the decision: "Rejection email from Bríd Mon 23/3", "Niamh rang: they went with".
_DECISION_NEWS = re.compile(
    r"reject|turned (?:me )?down|unsuccessful|not (?:been )?(?:selected|successful|shortlisted)|went with|gone with"
    r"|decided|decision|(?:took|hired|chose|picked|appointed) (?:someone|somebody|another)",
    re.I,
)
#: Who passed it on, where the line names more than one: "Charmaine phoned on Wed 11 Feb".
_PASSED_ON = r"(?:\w+ ){0,2}(?:phoned|called|rang|emailed|e-mailed|texted|messaged|wrote|told me|let me know)\b"


def decision_from(notes: InterviewNotes) -> str | None:
    """The full name of the one person the notes say passed the decision on, where they name
    exactly one ("Rejection email from Bríd"): a closing to anyone else does not thank them
    "for letting me know"."""
    people = list(notes.interviewers) + ([notes.senior_contact] if notes.senior_contact else [])
    for line in [*notes.personal_updates.splitlines(), *notes.topics]:
        if not _DECISION_NEWS.search(line):
            continue
        words = set(re.findall(r"[^\W\d_][\w'-]*", line.casefold()))
        named = {p.name for p in people if _firsts(p.name) & words}
        if len(named) > 1:  # "Charmaine phoned ...; Dr Khumalo wants to keep my CV": the one who called
            named = {
                n for n in named if any(re.search(rf"\b{re.escape(k)} {_PASSED_ON}", line, re.I) for k in _firsts(n))
            }
        if len(named) == 1:
            return named.pop()
    return None


#: A mark of confidence that points back at what came before it: "I would rather not mention that".
_POINTS_BACK = re.compile(r"\b(?:mention|repeat|share|up|keep) (?:that|it|this)\b|^\s*(?:that|this)\b", re.I)


def points_back(text: str) -> bool:
    """Whether a mark of confidence points back at what came before it ("... rather not mention that")."""
    return _POINTS_BACK.search(text) is not None


def told_in_confidence(text: str) -> bool:
    """Whether a line of notes says something in it was told in confidence."""
    return _CONFIDENCE.search(text) is not None


def confidences(texts: list[str], names: set[str]) -> tuple[frozenset[str], ...]:
    """For each sentence of the notes marked as said in confidence, the stems of its words that
    the rest of the notes do not use: what a draft would have to repeat to give it away."""
    marked: list[str] = []
    rest: list[str] = []
    for text in texts:  # a clause at a time: "cycle counts on night shift, shrinkage (Rajesh said off the record ...)"
        pieces = re.split(r"(?<=[.!?])\s+|\n|[,;()]", text)
        for i, piece in enumerate(pieces):
            if _CONFIDENCE.search(piece):
                marked.append(piece)
                if i and points_back(piece):  # "...; I would rather not mention that": the clause before
                    marked.append(rest.pop() if rest and rest[-1] == pieces[i - 1] else pieces[i - 1])
            else:
                rest.append(piece)
    if not marked:
        return ()
    elsewhere = stems(content_words("\n".join(rest)))
    return tuple(
        frozenset(s for s in stems(content_words(piece) - names - _CONFIDENCE_WORDS) if s not in elsewhere)
        for piece in marked
    )


#: Notes that record another offer, in whatever words: "offer from ...", "other place wants an
#: answer by 6 Nov", "inna oferta", "deadline".
_ANOTHER_OFFER = re.compile(
    r"\boff?er|\boferta|\bangebot|\boffre|\b(?:an|my|their) answer by"
    r"|\b(?:answer|reply|respond) (?:to them )?by|deadline",
    re.I,
)


def content_words(text: str) -> set[str]:
    return {w for w in tokens(text) if w not in STOPWORDS and len(w) > 2}


def _month_number(word: str) -> int:
    word = word.lower()
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS[word[:4] if word.startswith("sept") else word[:3]]
