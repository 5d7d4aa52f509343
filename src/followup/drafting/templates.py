"""The template engine: messages good enough to send, with no model at all.

Each kind is composed from the notes at several levels of detail. The first level
whose text passes the tone gate is used: with the topic, the candidate's news and
the names; then without the news; without the topic; and finally a plain message
that names nothing the notes could have made unsafe (a company called "ASAP
Logistics", a topic full of capitals). So a template draft passes the gate for any
valid notes.

The messages read the context: an article is paired with the topic it is about; the
interview is "on Monday" within five days and "on Monday 2 November" after; "again" only
after an earlier thank-you; the timeline is asked once per panel; an escalation says why
it is written (the promised date, the unanswered check-in); a closing after a rejection
thanks them for the decision and asks once for feedback; the candidate's news is read as
data (``updates.py``). Wording varies from one interview to the next (``ctx.seed``) and
the drafts of a panel differ in structure (``ctx.index``), so no sentence becomes a
formula. The plain level keeps one fixed, safe wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from followup.drafting.address import called
from followup.drafting.context import DraftContext, yours
from followup.models import Article, Contact, InterviewNotes, Person
from followup.textdates import spoken
from followup.tone import ToneReport, evaluate_tone
from followup.tone.checks.faithful import in_dictionary
from followup.tone.report import Channel, DraftKind
from followup.tone.topics import capital_from_notes, reads_as_notes, with_acronyms
from followup.wording import join_names

#: Past this many days, "on Monday" is ambiguous: the date is written in full.
FULL_DATE_AFTER_DAYS = 5


@dataclass(frozen=True)
class Composed:
    subject: str | None
    body: str
    report: ToneReport
    level: int


def compose(ctx: DraftContext, notes: InterviewNotes) -> Composed:
    """The most detailed template message for ``ctx`` that passes the tone gate."""
    last: Composed | None = None
    task = ctx.task()  # the same for every level: they differ in wording, not in whom or what
    for level, variant in enumerate(_levels(ctx)):
        body = _write(variant)
        report = evaluate_tone(body, kind=ctx.kind, notes=notes, channel=ctx.channel, today=ctx.today, task=task)
        last = Composed(subject(variant), body, report, level)
        if report.passed:
            return last
    assert last is not None
    return last  # pragma: no cover - the plain level always passes (tested with hypothesis)


def notes_for_you(ctx: DraftContext, composed_level: int | None = None) -> list[str]:
    """What the candidate should know before sending: news left out, a copy LinkedIn cannot make."""
    notes: list[str] = list(ctx.unquoted)
    if ctx.base_kind in _NEWS_KINDS:
        notes += ctx.left_out
        if ctx.updates and composed_level is not None and composed_level >= 1:
            notes.append(
                "Your news (" + " ".join(ctx.updates) + ") was left out: the message did not pass the tone "
                "check with it. Add it in your own words if you still want to mention it."
            )
    if ctx.channel == Channel.linkedin and ctx.base_kind == DraftKind.escalation:
        names = join_names([p.name for p in _loop(ctx)]) or "your contact"
        notes.append(
            f"LinkedIn cannot copy anyone: let {names} know separately that you wrote to {ctx.recipient.name}, "
            "or send this as an e-mail with them in copy."
        )
    return notes


def subject(ctx: DraftContext) -> str | None:
    """A subject line; LinkedIn messages have none."""
    if ctx.kind == DraftKind.linkedin_note:
        return None
    if _no_org(ctx):
        return {
            DraftKind.thank_you: "Thank you for your time",
            DraftKind.value_add: "Something you may find useful",
            DraftKind.check_in: "Following up on my interview",
            DraftKind.escalation: "A question about timing",
            DraftKind.closing: "Thank you",
        }[ctx.kind]
    role = short_role(ctx.role)
    options = {
        DraftKind.thank_you: [f"Thank you: {role} interview", "Thank you for your time", f"Our conversation about the {role} role",
                              f"With thanks: {role}"],
        DraftKind.value_add: (
            [f"An introduction: {ctx.shareable.name}", f"Someone you may like to meet: {ctx.shareable.name}"]
            if isinstance(ctx.shareable, Contact)
            else ["Something you may find useful", "A piece you may enjoy", f"Following our {role} conversation"]
        ),
        DraftKind.check_in: [f"{role}: next steps", f"Following up: {role}", f"The {role} role", f"{role} at {short_company(ctx.company)}"],
        DraftKind.escalation: [f"{role}: a question about timing", f"The {role} role at {short_company(ctx.company)}",
                               f"A note about the {role} role"],
        DraftKind.closing: [f"Thank you: {role}", "With thanks", f"Thank you from {ctx.candidate}"],
    }[ctx.kind]  # fmt: skip
    return _pick(options, ctx, 9)


def _levels(ctx: DraftContext) -> Iterator[DraftContext]:
    yield ctx
    yield replace(ctx, updates=())
    yield replace(ctx, updates=(), topics=())
    # The names and the topic kept, the company and the role left out (notes whose company or
    # role is unusable, such as an instruction pasted into it): still a message to a person.
    yield replace(ctx, updates=(), extra={"no_org": "yes"})
    yield replace(ctx, updates=(), topics=(), extra={"plain": "yes"})
    yield replace(ctx, updates=(), topics=(), extra={"plain": "yes", "unsigned": "yes"})


def _write(ctx: DraftContext) -> str:
    text = _LINKEDIN[ctx.base_kind](ctx) if ctx.kind == DraftKind.linkedin_note else _WRITERS[ctx.kind](ctx)
    # A company or title that ends in a full stop ("Autopartes del Bajío S.A. de C.V.") at the end of a sentence.
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)


# --- the pieces ---------------------------------------------------------------------------

_NEWS_KINDS = (DraftKind.check_in, DraftKind.escalation)


def _plain(ctx: DraftContext) -> bool:
    return ctx.extra.get("plain") == "yes"


def _no_org(ctx: DraftContext) -> bool:
    """No company or role in the message: the plain level, or the level that keeps only the names and topic."""
    return _plain(ctx) or ctx.extra.get("no_org") == "yes"


def _greeting(ctx: DraftContext) -> str:
    if _plain(ctx):
        return "Hello,"
    if " " in ctx.first_name:
        return f"Dear {ctx.first_name},"  # a full name or a title ("Dear Milcah Gathogo"): never "Hello"
    return _pick([f"Dear {ctx.first_name},", f"Dear {ctx.first_name},", f"Hello {ctx.first_name},"], ctx, 0)


def _sign(ctx: DraftContext, close: str) -> str:
    return close if ctx.extra.get("unsigned") == "yes" else f"{close}\n{ctx.candidate}"


def _role(ctx: DraftContext) -> str:
    return "the role" if _no_org(ctx) else f"the {short_role(ctx.role)} role"


def _join(ctx: DraftContext, verb: str = "join") -> str:
    """What the candidate hopes to do: join the company, or, already working there, take on the role."""
    if ctx.internal:
        return f"{'taking' if verb == 'joining' else 'take'} on {_role(ctx)}"
    return f"{verb} {_company(ctx)}"


def _decision(ctx: DraftContext) -> str:
    """The decision a rejection passed on: a recruiter passes on the team's ("the decision")."""
    return "the decision" if ctx.recipient_role == "recruiter" else "your decision"


def _company(ctx: DraftContext) -> str:
    return "your team" if _no_org(ctx) else short_company(ctx.company)


@cache
def _legal_suffixes() -> tuple[str, ...]:
    data = yaml.safe_load(resources.files("followup.drafting").joinpath("short_names.yaml").read_text("utf-8"))
    return tuple(sorted((str(s) for s in data["legal_suffixes"]), key=len, reverse=True))  # "Co., Ltd." before "Ltd."


def short_company(company: str) -> str:
    """The company as a message names it: without its legal form ("Ltd", "S.A. de C.V.") or
    a department after a comma ("Solbacka kommun, Individ- och familjeomsorgen") or a site in
    brackets ("BrightPath Contact Solutions (Cebu IT Park site)")."""
    name = _without_legal_form(
        re.sub(r"\s*\([^)]*\)", "", company).strip()
    )  # "Sông Hàn Logistics Co., Ltd." first: its comma is no department's
    before, _, after = name.partition(",")
    if after and len(before.split()) >= 2 and "&" not in after and " and " not in after:
        name = _without_legal_form(before.strip())  # not "Harrow, Pike & Lund": partners' names are the name
    return name or company


def _without_legal_form(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in _legal_suffixes():
            if name.endswith(" " + suffix) and len(name) > len(suffix) + 1:
                name, changed = name[: -len(suffix)].rstrip(" ,&"), True
    return name


def short_role(role: str) -> str:
    """The role as a message names it: without a bracketed aside ("(Band 5)"), and without
    what follows a comma or a spaced slash when what comes before it is a title of two words
    or more ("Store Manager, Store #412", "Junior Data Analyst / Analyste de données junior",
    but not "Head, Engineering")."""
    name = re.sub(r"\s*\([^)]*\)", "", role).strip()
    for mark in (",", " / "):  # "Junior Data Analyst / Analyste de données junior": the first
        before = name.split(mark)[0].strip()
        if before != name and len(before.split()) >= 2:
            name = before
    return name or role


def _when(ctx: DraftContext) -> str:
    """When the interview was: 'today', 'on Monday', or 'on Monday 2 November' once it is a week back."""
    if _plain(ctx):
        return "recently"
    if ctx.today is not None and ctx.today == ctx.interview_date:
        return "today"
    if ctx.today is not None and (ctx.today - ctx.interview_date).days > FULL_DATE_AFTER_DAYS:
        return f"on {spoken(ctx.interview_date)}"
    return f"on {ctx.interview_date:%A}"


def _promised(ctx: DraftContext) -> str:
    assert ctx.promised is not None
    return spoken(ctx.promised)


def _pick(options: list[str], ctx: DraftContext, slot: int) -> str:
    """One of ``options``: which depends on the interview and day (``seed``), the slot in the
    message, and the recipient's place in a panel, so a panel never reads alike."""
    return options[((ctx.seed >> (slot * 3)) + ctx.index) % len(options)]


def _layout(ctx: DraftContext, count: int) -> int:
    """The message's structure: consecutive members of a panel get different ones."""
    return 0 if _plain(ctx) else ((ctx.seed >> 30) + ctx.index) % count


def _again(ctx: DraftContext) -> str:
    return " again" if ctx.thanked else ""


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def _sentence_case(text: str) -> str:
    """A sentence that follows a comma or a colon: 'I have ...' and 'Amazon offered ...' stay,
    'My notice ...' becomes 'my notice ...'."""
    return text[:1].lower() + text[1:] if capital_from_notes(text) else text


def _hope(ctx: DraftContext) -> str:
    return _pick(
        ["I hope you are well.", "I hope your week is going well.", "", "I hope all is well with you.", ""], ctx, 1
    )


def _news(ctx: DraftContext) -> str:
    if not ctx.updates:
        return ""
    first, *rest = ctx.updates
    lead = _pick(
        [
            f"In case it is helpful for your planning, {_sentence_case(first)}",
            f"{'Some news' if rest else 'One update'} that may help your planning: {_sentence_case(first)}",
            f"So that you have it for your planning, {_sentence_case(first)}",
        ],
        ctx,
        2,
    )
    return " ".join([lead, *rest])


# --- the kinds ----------------------------------------------------------------------------


def _thank_you(ctx: DraftContext) -> str:
    if _plain(ctx):
        return _paragraphs(
            _greeting(ctx),
            "Thank you for taking the time to meet with me recently about the role. I enjoyed learning how the "
            "team works, and the conversation made me even more interested in joining your team.",
            _timeline_ask(ctx, 0),
            _sign(ctx, "Thank you again for your time, and I look forward to hearing from you.\n\nBest regards,"),
        )
    if ctx.agency:
        return _agency_thank_you(ctx)
    when, role, company = _when(ctx), _role(ctx), _company(ctx)
    topic = ctx.topics[0] if ctx.topics else None
    layout = _layout(ctx, 3)
    if layout == 0:
        opening = _pick(
            [
                f"Thank you for taking the time to meet with me {when} about {role}.",
                f"Thank you for our conversation {when} about {role}.",
                f"I really appreciated the time you gave me {when} to talk about {role}.",
            ],
            ctx,
            3,
        )
        detail = (
            _pick(
                [
                    f"I especially enjoyed our discussion of {topic}, and it made me even more interested in "
                    + (role if ctx.internal else f"the work of the team at {company}")
                    + ".",
                    f"I was glad to hear more about {topic}; it is exactly the kind of work I hope to do at {company}."
                    if _is_work(topic)
                    else f"I was glad to hear more about {topic}; it gave me a clear picture of the role.",
                ],
                ctx,
                4,
            )
            if topic
            else f"I enjoyed learning how the team works, and I left even more interested in {_join(ctx, 'joining')}."
        )
        close = _pick(
            ["Thank you again for your time, and I look forward to hearing from you.", "I look forward to hearing from you."],
            ctx,
            5,
        )  # fmt: skip
        return _paragraphs(
            _greeting(ctx), f"{opening} {detail}", _timeline_ask(ctx, 6), _sign(ctx, f"{close}\n\nBest regards,")
        )
    if layout == 1:
        thanks = _pick([f"Thank you for meeting with me {when}.", f"Thank you for your time {when}."], ctx, 3)
        topic_line = (
            # No topic: no "hearing how ..." either, which would claim a conversation about something unnamed.
            (
                f"Our conversation about {topic}"  # "has stayed with me" says little on the day itself
                if ctx.today is None or (ctx.today - ctx.interview_date).days <= 1
                else f"Our conversation about {topic} has stayed with me, and it"
            )
            if topic
            else ("Meeting you" if ctx.solo else "Meeting you and the team")
        )
        interest = _pick(
            [
                f"{topic_line} confirmed how much I would enjoy contributing to {company} in {role}.",
                f"{topic_line} left me even more interested in {role}."  # they know the company: they work there
                if ctx.internal
                else f"{topic_line} left me even more interested in {role} and in the team at {company}."
                if not _no_org(ctx)
                else f"{topic_line} left me even more interested in {role} and in your team.",
            ],
            ctx,
            4,
        )
        return _paragraphs(
            _greeting(ctx),
            thanks,
            f"{interest} {_timeline_ask(ctx, 6)}".strip(),
            _sign(ctx, _pick(["With thanks,", "Many thanks,", "Warm regards,"], ctx, 5)),
        )
    detail = (
        _pick(
            [
                # "What you said about my turnaround ..." would credit the candidate's own story to the reader
                f"I enjoyed our conversation about {topic}, and I would love to bring that experience to the role."
                if topic.startswith("my ")
                else f"What you said about {topic} stood out for me, and it is the kind of work I would love to be part of."
                if _is_work(topic)
                else f"What you said about {topic} stood out for me, and it gave me a clear picture of the role.",
                f"I keep coming back to our discussion of {topic}; it is work I would be glad to help with."
                if not topic.startswith("my ") and _is_work(topic)  # her own past work is not work to help with
                else f"I keep coming back to our discussion of {topic}; it gave me a clear picture of the role."
                if not topic.startswith("my ")
                else f"Thank you for the chance to talk about {topic}; I would love to bring that experience to the role.",
            ],
            ctx,
            4,
        )
        if topic
        else "I enjoyed learning more about the team and its work."
    )
    return _paragraphs(
        _greeting(ctx),
        _pick(
            [
                f"Many thanks for meeting with me {when} about {role}.",
                f"Thank you for your time {when} and for telling me more about {role}.",
            ],
            ctx,
            3,
        ),
        f"{detail} I would be delighted to {_join(ctx)}.",
        " ".join(p for p in (_timeline_ask(ctx, 6), "Thank you again for a thoughtful conversation.") if p),
        _sign(ctx, "Kind regards,"),
    )


def _agency_thank_you(ctx: DraftContext) -> str:
    """To an agency's recruiter, who put the candidate forward and arranged the interview but was
    seldom in it: thanks for that, not for "meeting with me today"."""
    when, role, company = _when(ctx), _role(ctx), _company(ctx)
    opening = _pick(
        [
            f"Thank you for putting me forward for {role} at {company}, and for arranging my interview {when}.",
            f"Thank you for arranging my interview with {company} {when} for {role}, and for all your help so far.",
        ],
        ctx,
        3,
    )
    topic = ctx.topics[0] if ctx.topics else None  # only a topic the notes say they talked of
    detail = (  # the company was named just before: "the role", not the company twice
        f"I enjoyed our conversation about {topic}, and I came away even more interested in the role."
        if topic
        else "I enjoyed meeting the team and came away even more interested in the role."
    )
    return _paragraphs(
        _greeting(ctx),
        f"{opening} {detail}",
        _timeline_ask(ctx, 6),
        _sign(ctx, _pick(["Many thanks,", "Kind regards,", "With thanks,"], ctx, 5)),
    )


def _arranged_or_gave(ctx: DraftContext) -> str:
    """A late thank-you inside a check-in: to an agency's recruiter, for arranging the interview."""
    if ctx.agency:
        return f"Thank you for arranging my interview {_when(ctx)}."
    return f"Thank you for the time you gave me {_when(ctx)}."


def _timeline_ask(ctx: DraftContext, slot: int) -> str:
    if not ctx.ask_timeline:
        return ""
    if _plain(ctx):
        return (
            "If you are able to share it, I would be grateful to know what the timeline for the next steps looks like."
        )
    return _pick(
        [
            "If you are able to share it, I would be grateful to know what the timeline for the next steps looks like.",
            "When you have a moment, could you let me know what the next steps and their timing might be?",
            "I would also be glad to know the likely timeline for next steps, if you are able to share it.",
        ],
        ctx,
        slot,
    )


def _value_add(ctx: DraftContext) -> str:
    item = ctx.shareable
    topic = ctx.topics[0] if ctx.topics else None
    if isinstance(item, Article) and not _plain(ctx):
        if topic and ctx.matched_topic:
            lead = _pick(
                [
                    f'Since our conversation about {topic}, I thought this might interest you: "{item.title}" '
                    f"({item.url}).",
                    f'Thinking back to our conversation about {topic}, I came across "{item.title}" ({item.url}) and '
                    "thought of you.",
                ],
                ctx,
                3,
            )
            why = ""  # the lead already ties it to the conversation: a sentence on its topic only repeats it
        else:
            lead = f'I came across "{item.title}" ({item.url}) and thought you and the team might enjoy it.'
            why = ""  # "It is about console certification failures.": readers find a sentence on its topic filler
        closes = [
            "No need to reply; I simply thought it might be useful.",
            "I hope it is of interest; there is no need to reply.",
            "I hope it proves useful to you and the team.",
        ]
        # "... you and the team might enjoy it. I hope it proves useful to you and the team." says it twice
        close = _pick([c for c in closes if "you and the team" not in c or "you and the team" not in lead], ctx, 4)
        body = [f"{_hope(ctx)} {lead}".strip(), f"{why} {close}".strip()]
    elif isinstance(item, Contact) and not _plain(ctx):
        about = f"our conversation about {topic}" if topic and ctx.matched_topic else "our recent conversation"
        body = [
            f"{_hope(ctx)} Thinking back to {about}, I thought of {_introduce(item, called(ctx.recipient.name, ctx.country), ctx.recipient.name)}.".strip(),
            _pick(
                [
                    "If an introduction would be useful, just let me know and I will gladly put you in touch.",
                    "Would an introduction be helpful? I would be glad to connect you both.",
                ],
                ctx,
                4,
            ),
        ]
    elif isinstance(item, Contact):  # the plain level: the name and nothing from the notes' free text
        body = [
            f"I hope you are well. Thinking back to our recent conversation, I thought of {item.name}, whom I would "
            "be glad to introduce you to if that would be useful.",
            "No need to reply otherwise; I simply thought it might help.",
        ]
    else:  # the plain level: the link (checked when the notes were read) without its title
        shared = f" ({item.url})" if isinstance(item, Article) else ""
        body = [
            f"I hope you are well. I wanted to share an article I came across{shared} that relates to our recent "
            "conversation, in case it is useful to you and the team.",
            "No need to reply; I simply thought it might be useful.",
        ]
    thanks = f"Thank you{_again(ctx)} for the time you gave me to talk about {_role(ctx)}."
    return _paragraphs(_greeting(ctx), *body, thanks, _sign(ctx, "Best regards,"))


def _introduce(contact: Contact, reader: str = "", reader_full: str = "") -> str:
    """'Ravi Menon, who led ...' or 'Kofi Mensah, a structural engineer who ...'. A note that
    goes on to speak of the reader by name or initials ("...; Brian said the Trust needs ...",
    "...; O.F. complained ...") is cut where it turns to them: the message is to Brian."""
    why = re.sub(r"\s*\([^)]*\)", "", contact.why).rstrip(" .;,")  # "(we worked together at my last NPO)": an aside
    # "...; cut our incomplete submissions a lot": a clause with no subject after a semicolon is a jotted remark
    # ("...; her team funds early-grade reading" has one, and stays)
    head, semicolon, tail = why.partition("; ")
    if semicolon and tail.strip() and tail.split()[0].lower() not in _SUBJECTS:
        why = head.rstrip(" .;")
    own = contact.name.split()[0] if contact.name.split() else ""
    if own and why.split()[:1] and why.split()[0].casefold() == own.casefold():  # "brian was the ICT officer ..."
        why = why.split(None, 1)[1] if len(why.split()) > 1 else why
    if own:  # "my buddy marco runs a small heritage pork farm": "my buddy, who runs ..."
        why = re.sub(
            rf"^((?:my|our|an?|the) [\w' -]{{1,30}}?) {re.escape(own)} (?=\w+s\b)", r"\1, who ", why, flags=re.I
        )
    if reader:  # "great for Margaret's contest club", in a note to Margaret: "your contest club"
        why = yours(why, [reader])
    initials = "".join(p[0] for p in reader_full.split() if p[:1].isupper())
    marks = [re.escape(reader)] if reader else []
    if len(initials) >= 2:
        marks.append(r"\.?".join(initials) + r"\.?")  # "O.F.", "OF"
    if marks and re.search(rf"\b(?:{'|'.join(marks)})(?!\w)", why):
        why = re.split(r"[;:]|\.\s", why, maxsplit=1)[0].rstrip(" .")
    if reader and (mention := re.search(rf"\b{re.escape(reader)}\b", why, re.I)):
        # "..., peter asked if i knew anyone": typed in small letters, cut at the comma before it all the same
        cut = max(why.rfind(mark, 0, mention.start()) for mark in (",", ";", ":", " - "))
        if cut > 0:
            why = why[:cut].rstrip(" .")
    why = with_acronyms(re.sub(r"\s+\+\s+", " and ", why))  # "the EMR rollout + records scanning"
    # "my former hospital in thika": a place typed in small letters (no word of the dictionary) takes its capital
    why = _PLACE_AFTER.sub(
        lambda m: m.group(1) + (m.group(2) if in_dictionary(m.group(2)) else m.group(2).title()), why
    )
    if reads_as_notes(why):  # "DON at a home in Ennis, got their ... closed out in 6 wks - ...": who they are
        head = re.split(r"\s[-\u2013\u2014]\s|\s*->\s*|;\s", why, maxsplit=1)[0].rstrip(" .")
        # "..., now runs anaesthetic monitoring CPD - exactly what Jess wants": the remark after the dash goes,
        # and from the first jotted clause on ("..., led the WMS go-live at my old DC and got pick rates back
        # up in 6 wks": "..., led the WMS go-live at my old DC")
        parts = re.split(r"(,\s|\sand\s)", head)
        why = parts[0]
        for sep, part in zip(parts[1::2], parts[2::2], strict=True):
            if reads_as_notes(part):
                break
            why += sep + part
        why = why.rstrip(" .")
        if len(why.split()) <= 2:  # "uncle, 20+ yrs driving in Akl, trains new drivers": what they do, past the jotting
            does = [p for p in parts[2::2] if not reads_as_notes(p) and p.split()[:1] and p.split()[0] in _VERB_STARTS]
            if does:
                why = f"{why}, who {does[0].rstrip(' .')}"
    why = _without_remarks(why)
    worked = _WORKED_TOGETHER.match(why)
    if worked:  # "used to work together at kmart": not "who used to work together"
        return f"{contact.name}, whom I worked with {worked.group(1)}"
    if re.match(r"(?:uncle|aunt|auntie|cousin|brother|sister|friend|neighbour|neighbor|mate)(?=,|$)", why, re.I):
        why = f"my {why}"  # "uncle, ...": the candidate's own
    first = why.split()[0].lower().strip(",") if why.split() else ""
    if first in ("she", "he", "they"):  # "she coordinates the device lending": "who coordinates ..."
        why = why.split(None, 1)[1] if len(why.split()) > 1 else why
        return f"{contact.name}, who {why}"
    if first in ("a", "an", "the", "my", "our", "one") or first in _TITLE_WORDS:
        head, comma, tail = why.partition(", ")
        if comma and "," not in tail and tail.strip() and tail.split()[0].lower() in _VERB_STARTS:
            why = f"{head}, who {tail}"  # "my old tutor from the QQI course, now does ...": "..., who now does ..."
        return f"{contact.name}, {why}"
    if first in _DESCRIBING or not (first in _VERB_STARTS or first.endswith(("ed", "s"))) or first in _PLURAL_NOUNS:
        # "Certified vet tech I trained with", "freelance photographer who ...": a description
        word = why.split()[0]
        lead = why if any(c.isupper() for c in word[1:]) else f"{why[:1].lower()}{why[1:]}"  # "CSI", "KoboToolbox"
        head, comma, tail = lead.partition(", ")
        if comma and "," not in tail and tail.split()[0].lower() in _DESCRIBING:
            # "Ex-colleague, certified level II thermographer": "an ex-colleague and a certified ..."
            lead = f"{head} and {_a(tail.split()[0])} {tail}"
        elif comma and (tail.split()[0].lower() in _VERB_STARTS or tail.startswith("who ")):
            # "RVN I trained with at Langford, now runs ... CPD": "an RVN I trained with ... who now runs ..."
            # ("friend from tafe, works in payroll at a big hospital, knows kronos": the first of the two)
            tail = tail.split(", ")[0]
            lead = f"{head} {tail}" if tail.startswith("who ") else f"{head} who {tail}"
        return f"{contact.name}, {_a(word)} {lead}"
    return f"{contact.name}, who {why}"


#: Where a contact's note turns to a remark with a subject of its own ("..., he is manager in
#: other warehouse and know ...", "... and now she do the training"), or an aside ("lol", "super
#: organised"), or praise after a comma ("..., great with kids programs"). (What they "would
#: be great for" or "could help with" is the reason for the introduction, and stays.)
_REMARK = re.compile(
    r"(?:,\s+|\s+-\s+|\s+and (?:now )?)(?:he|she|they|we|i|super|lol|btw)\b.*$"
    r"|(?:,\s+|\s+-\s+)(?:great|good|brilliant|amazing|excellent|very|really)\b.*$",
    re.IGNORECASE,
)
#: "..., could help with X": what they could do is the reason, joined with "and".
_COMMA_MODAL = re.compile(r",\s+(could|can|would|might|may)\b", re.IGNORECASE)
_WORKED_TOGETHER = re.compile(r"(?:we )?(?:used to work|worked) together ((?:at|in|on) .+)$", re.IGNORECASE)


def _without_remarks(why: str) -> str:
    """A contact's note up to where it turns to a remark: "is my cousin, he is manager in other
    warehouse" is "is my cousin"."""
    cut = _COMMA_MODAL.sub(r" and \1", _REMARK.sub("", why).rstrip(" ,."))
    return cut if len(cut.split()) >= 2 else why


#: A topic about when the work is done, not what it is ("the rotational shift pattern").
_NOT_WORK = re.compile(
    r"\b(?:shift|rota|roster|on-call|night|weekend)s? (?:pattern|rota|roster|schedule|times)s?\b", re.I
)


def _is_work(topic: str) -> bool:
    """Whether a topic is work one would "love to be part of": not the shift pattern."""
    return _NOT_WORK.search(topic) is None


def _a(word: str) -> str:
    """The article before a word: "an RVN", "an HGV driver", "a NICU nurse", "an engineer"."""
    if 1 < len(word) <= 3 and word.isupper():  # a short acronym is read letter by letter
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


#: A word after "in", "at", "near" or "from" that may be a place ("in thika").
_PLACE_AFTER = re.compile(r"(\b(?:in|at|near|from) )((?:st |mt )?[a-z]{3,})\b")
#: Words that start a clause with its own subject ("her team funds ...", "she ran ...").
_SUBJECTS = frozenset("i we you he she they it her his their our my its the a an this that these those".split())
#: How a contact's note can start when it says what they did ("ran the preceptor programme").
_VERB_STARTS = frozenset(
    "ran led did set built wrote taught spent made helped now previously recently currently also formerly "
    "still works runs leads has had is was teaches knows manages handles trains coordinates supervises oversees "
    "organises organizes does owns covers deals specialises specializes heads coaches mentors helps supports "
    "builds designs writes sells".split()
)
#: ... and words that start a description even though they look like verbs ("retired SFC").
_DESCRIBING = frozenset(
    "retired former certified qualified experienced licensed registered trained skilled seasoned senior "
    "junior newly".split()
)
#: Nouns ending in s that start a description, not a verb ("sales rep for a dairy").
_PLURAL_NOUNS = frozenset(
    "sales operations logistics analytics systems claims accounts services communications events comms "
    "facilities relations affairs".split()
)
#: A title needs no article: "Kofi Mensah, head of nursing at St Mary's".
_TITLE_WORDS = frozenset(
    "head director manager lead chief founder co-founder ceo cto cfo coo vp president chair".split()
)


def _check_in(ctx: DraftContext) -> str:
    role = _role(ctx)
    if _plain(ctx):
        return _paragraphs(
            _greeting(ctx),
            f"I hope you are well. I wanted to ask whether there is any news on {role} since our conversation.",
            ("Thank you for the time you gave me recently. " if ctx.missed_thank_you else "")
            + f"I remain very interested in {_join(ctx, 'joining')}.",
            _sign(ctx, "Thank you for your help,"),
        )
    if ctx.promised and ctx.promised_in_reply is not None:  # the date came in their note, not at the interview
        ask = (
            # Their note may have come from someone else (the notes do not say who wrote it): not "you mentioned".
            f"Following the update of {spoken(ctx.promised_in_reply, weekday=False)}, a decision was expected by "
            f"{_promised(ctx)}, so I wanted to ask whether there is any news on {role}."
        )
    elif ctx.promised:
        ask = _pick(
            [
                f"You mentioned the team hoped to reach a decision by {_promised(ctx)}, so I wanted to ask whether "
                f"there is any news on {role}.",
                f"When we spoke, a decision was expected by {_promised(ctx)}; I wanted to ask whether there is any "
                f"update on {role}.",
                f"I understood a decision on {role} was planned for around {_promised(ctx)}, and I wanted to ask "
                "whether there is any news.",
            ],
            ctx,
            3,
        )
    elif ctx.replied is not None:  # their last note gave no date: ask what has happened since
        ask = (
            f"Thank you for the update of {spoken(ctx.replied, weekday=False)}. I wanted to ask whether there is "
            f"any news on {role} since then."
        )
    else:
        since = "" if ctx.missed_thank_you else f" {_when(ctx)}"
        ask = f"I wanted to ask whether there is any news on {role} since we spoke{since}."
    thanks = _arranged_or_gave(ctx) if ctx.missed_thank_you else ""
    topic = ctx.topics[0] if ctx.topics else None
    interest = _pick(
        [
            f"I remain very interested in {_join(ctx, 'joining')}" + (f", and I enjoyed our conversation about {topic}." if topic else "."),
            # not "keen on the role": the question just before it named the role
            f"I am still very keen to {_join(ctx)}" + (f", not least after our conversation about {topic}." if topic else "."),
            (f"Our conversation about {topic} has stayed with me, and I would love to {_join(ctx)}." if topic
             else f"I would still love to {_join(ctx)}."),
        ],
        ctx,
        4,
    )  # fmt: skip
    close = _pick(["Thank you for your help,", "With thanks,", "Many thanks,", "Best regards,"], ctx, 5)
    if _layout(ctx, 2) == 0:
        return _paragraphs(
            _greeting(ctx),
            f"{_hope(ctx)} {ask}".strip(),
            " ".join(p for p in (thanks, interest, _news(ctx)) if p),
            _sign(ctx, close),
        )
    return _paragraphs(
        _greeting(ctx),
        " ".join(p for p in (thanks, ask) if p),
        interest,
        _news(ctx),
        _sign(ctx, close),
    )


def _loop(ctx: DraftContext) -> tuple[Person, ...]:
    """Whom an escalation keeps in the loop: on LinkedIn, where nobody can be copied, still the
    people an e-mail would have copied (the primary contact)."""
    return ctx.cc or tuple(p for p in ctx.loop_people)


def _escalation(ctx: DraftContext) -> str:
    contacts = [p.name for p in ctx.cc]
    if not contacts:
        loop = ""  # nobody to copy (the policy always copies someone; a forced decision may not)
    elif _plain(ctx):
        loop = "I have copied my contact in the process, who has kindly helped me throughout."
    else:
        verb = "has" if len(contacts) == 1 else "have"
        loop = f"I have copied {join_names(contacts)}, who {verb} kindly been my contact throughout."
    if _plain(ctx):
        return _paragraphs(
            _greeting(ctx),
            f"I hope you do not mind my writing. I interviewed for the role recently{', and ' + loop if loop else '.'}",
            "I know how busy hiring periods can be, and I wanted to ask whether there is any news on the role. "
            "I remain very interested in joining your team.",
            _sign(ctx, "Thank you for your time,"),
        )
    date = f"on {spoken(ctx.interview_date, weekday=False)}"
    if ctx.met:
        intro = f"Thank you{_again(ctx)} for meeting with me {date} about {_role(ctx)}."
    else:
        intro = _pick(
            [
                f"I hope you do not mind my writing. I interviewed for {_role(ctx)} {date}.",
                f"I hope this note is welcome. I interviewed with your team {date} for {_role(ctx)}."
                if _no_org(ctx)
                else f"I hope this note is welcome. I interviewed with the team at {_company(ctx)} {date} for {_role(ctx)}.",
            ],
            ctx,
            3,
        )
    why = _why(ctx)
    topic = ctx.topics[0] if ctx.topics else None
    # "our conversation" only to someone who was in it: a senior contact usually was not.
    talk = "our conversation" if ctx.met else "my conversation with the team"
    interest = f"I remain very interested in {_join(ctx, 'joining')}" + (
        f", and {talk} about {topic} has stayed with me." if topic else "."
    )
    return _paragraphs(
        _greeting(ctx),
        f"{intro} {loop}".strip(),
        " ".join(p for p in (why, "I wanted to ask whether there is any news on the role.", interest, _news(ctx)) if p),
        _sign(ctx, _pick(["Thank you for your time,", "With thanks,", "Kind regards,"], ctx, 5)),
    )


def _why(ctx: DraftContext) -> str:
    """Why an escalation is written: the date they gave, and the check-in that had no answer."""
    parts = []
    if ctx.promised:
        parts.append(f"I understood a decision was expected by {_promised(ctx)}")
    if ctx.checked_in is not None:
        who = ctx.checked_in_with.split(",")[0].strip()
        in_copy = any(p.name == who for p in ctx.cc)
        parts.append(
            f"I checked in with {ctx.checked_in_as or (called(who, ctx.country) if in_copy else who)} on "
            f"{spoken(ctx.checked_in)} but have not heard back yet"
        )
    if not parts:
        return "I know how busy hiring periods can be."
    return ", and ".join(parts) + ". I know how busy hiring periods can be."


def _closing(ctx: DraftContext) -> str:
    role, company = _role(ctx), _company(ctx)
    if ctx.rejected:
        during = (
            "your help during the process."
            if ctx.agency
            else f"the time {'you' if ctx.solo and ctx.met else 'you and the team'} gave me during the process."
        )
        if ctx.decision_by_other and not ctx.agency and not _plain(ctx):
            # Someone else passed the decision on: thank this reader for considering them, not "for letting me know".
            opening = (
                f"{ctx.decision_by_other} passed on the team's decision about {role}. Thank you for considering me, "
                f"and for {during}"
            )
        else:
            opening = f"Thank you for letting me know {_decision(ctx)} about {role}, and for {during}"
        feedback = (
            ""
            if _plain(ctx) or (ctx.feedback_asked and not ctx.feedback_given)  # asked already: not again
            else "Thank you, too, for the feedback; I appreciated it."
            if ctx.feedback_given
            else _pick(
                [
                    "If you have a moment, I would be grateful for any feedback on my interview; it would help me "
                    "as I continue my search.",
                    "If you are able to share any feedback on my interview, I would value it.",
                ],
                ctx,
                4,
            )
        )
    else:
        # A recruiter helped through the process; anyone else gave their time and considered you.
        thanks = (
            "your help during the process" if ctx.recipient_role == "recruiter" else "your time and for considering me"
        )
        opening = _pick(
            [
                f"Thank you for {thanks} for {role}. As I have not heard back, I will assume the "
                "team has moved forward, and I completely understand.",
                f"As I have not heard back about {role}, I will assume the team has moved forward, and I completely "
                f"understand. Thank you for {thanks}.",
            ],
            ctx,
            3,
        )
        feedback = ""
    topic = ctx.topics[0] if ctx.topics else None
    enjoyed = f"I enjoyed our conversation about {topic}" if topic else f"I enjoyed {_meeting(ctx)}"
    future = _pick(
        [
            f"{enjoyed}, and I would be glad to be considered for future roles at {company}. I wish you and the team "
            "all the best.",
            f"{enjoyed}, and I hope our paths cross again. "
            + (
                "I wish you all the best."  # (a bare "With every good wish." reads as a second sign-off)
                if ctx.agency
                else "With every good wish to you and everyone "
                + ("on your team." if _no_org(ctx) else f"at {company}.")
            ),
        ],
        ctx,
        5,
    )
    return _paragraphs(_greeting(ctx), opening, feedback, future, _sign(ctx, "Kind regards,"))


# --- LinkedIn: one short message per action, within the 300 characters of a connection note ---

LINKEDIN_NOTE_CHARS = 300


def _li_greeting(ctx: DraftContext) -> str:
    if _plain(ctx):
        return "Hello,"
    return f"Dear {ctx.first_name}," if ctx.addressed else f"Hi {ctx.first_name},"  # "Dear Dr Adeyemi", not "Hi"


def _li_name(ctx: DraftContext) -> str:
    return "" if ctx.extra.get("unsigned") == "yes" else f" {called(ctx.candidate, ctx.country)}"


def _li_thank_you(ctx: DraftContext) -> str:
    about = f"our conversation about {ctx.topics[0]}" if ctx.topics else f"our conversation about {_role(ctx)}"
    middle = (
        "I enjoyed it and would be glad to stay connected."
        if _plain(ctx)
        else _pick(
            [
                "I enjoyed it and would be glad to stay connected.",
                "It was a pleasure, and I would be glad to keep in touch here.",
                "I learned a lot and would be glad to stay connected.",
            ],
            ctx,
            3,
        )
    )
    return f"{_li_greeting(ctx)} thank you for {about}. {middle} Best,{_li_name(ctx)}\n"


def _li_value_add(ctx: DraftContext) -> str:
    item = ctx.shareable
    # A link or a name needs a reason: the conversation it belongs to, or thanks and a word on why.
    matched = bool(ctx.topics) and ctx.matched_topic
    if isinstance(item, Article) and not _plain(ctx):
        if matched:
            return (
                f"{_li_greeting(ctx)} after our conversation about {ctx.topics[0]}, I thought you might enjoy "
                f'"{item.title}" ({item.url}). Best,{_li_name(ctx)}\n'
            )
        return (
            f'{_li_greeting(ctx)} thank you{_again(ctx)} for our conversation. I came across "{item.title}" '
            f"({item.url}) and thought you and the team might enjoy it. Best,{_li_name(ctx)}\n"
        )
    if isinstance(item, Contact) and not _plain(ctx):
        after = f"after our conversation about {ctx.topics[0]}" if matched else "after our conversation"
        # Say who the contact is when it fits in a connection note; the name alone says nothing.
        for who in (_introduce(item, called(ctx.recipient.name, ctx.country), ctx.recipient.name), item.name):
            note = (
                f"{_li_greeting(ctx)} {after}, I thought of {who}; I would be glad to introduce "
                f"you if it would help. Best,{_li_name(ctx)}\n"
            )
            if len(note.strip()) <= LINKEDIN_NOTE_CHARS:
                return note
        return note
    # The plain level: the link or the name, without the notes' free text around them.
    if isinstance(item, Article):
        return (
            f"{_li_greeting(ctx)} thank you for our conversation. I came across an article you and the team might "
            f"enjoy: {item.url} Best,{_li_name(ctx)}\n"
        )
    if isinstance(item, Contact):
        return (
            f"{_li_greeting(ctx)} after our conversation, I thought of {item.name}; I would be glad to introduce "
            f"you if it would help. Best,{_li_name(ctx)}\n"
        )
    return f"{_li_greeting(ctx)} thank you again for our conversation; I would be glad to stay connected. Best,{_li_name(ctx)}\n"


def _li_check_in(ctx: DraftContext) -> str:
    if ctx.promised and not _plain(ctx):
        said = (
            "You mentioned a decision by"
            if ctx.met and ctx.promised_in_reply is None
            else "I understood a decision was due by"
        )
        ask = f"{said} {_promised(ctx)}; is there any news on {_role(ctx)}?"
    elif ctx.replied is not None:
        ask = f"Thank you for the update of {spoken(ctx.replied, weekday=False)}; is there any news on {_role(ctx)}?"
    else:
        ask = f"I wanted to ask whether there is any news on {_role(ctx)}."
    # A first message after the interview thanks them for it before asking for news.
    opening = (
        (
            f"thank you for arranging my interview {_when(ctx)}."
            if ctx.agency
            else f"thank you for the interview {_when(ctx)}."
        )
        if ctx.missed_thank_you
        else "I hope you are well."
    )
    return f"{_li_greeting(ctx)} {opening} {ask} I remain very interested. Thank you,{_li_name(ctx)}\n"


def _li_escalation(ctx: DraftContext) -> str:
    if _plain(ctx):
        return (
            f"{_li_greeting(ctx)} I interviewed for the role recently and wanted to ask whether there is any news. "
            f"I remain very interested. Thank you,{_li_name(ctx)}\n"
        )
    # To someone senior: say whom you checked in with, and that there was no answer.
    who = ctx.checked_in_with.split(",")[0].strip()
    checked = (
        f" and checked in with {who} on {spoken(ctx.checked_in, weekday=False)} but have not heard back"
        if ctx.checked_in is not None and who
        else ""
    )
    return (
        f"{_li_greeting(ctx)} I interviewed for {_role(ctx)} on {spoken(ctx.interview_date, weekday=False)}{checked}; "
        f"I wanted to ask whether there is any news. I remain very interested. Thank you,{_li_name(ctx)}\n"
    )


def _meeting(ctx: DraftContext) -> str:
    """Whom the candidate met: "you" when the reader was the only interviewer, else "the team"."""
    return "meeting you" if ctx.solo and ctx.met else "meeting the team"


def _li_closing(ctx: DraftContext) -> str:
    if ctx.rejected and ctx.decision_by_other and not ctx.agency and not _plain(ctx):
        first = f"thank you for considering me for {_role(ctx)}."  # someone else passed the decision on
    elif ctx.rejected:
        first = f"thank you for letting me know {_decision(ctx)} about {_role(ctx)}."
    else:
        helped = "your help with" if ctx.recipient_role == "recruiter" else "considering me for"
        first = (
            f"thank you for {helped} {_role(ctx)}. As I have not heard back, I will assume the team has moved forward."
        )
    return (
        f"{_li_greeting(ctx)} {first} I enjoyed {_meeting(ctx)} and would be glad to stay connected. "
        f"Best,{_li_name(ctx)}\n"
    )


_WRITERS: dict[DraftKind, Callable[[DraftContext], str]] = {
    DraftKind.thank_you: _thank_you,
    DraftKind.value_add: _value_add,
    DraftKind.check_in: _check_in,
    DraftKind.escalation: _escalation,
    DraftKind.closing: _closing,
    DraftKind.linkedin_note: _li_thank_you,
}
_LINKEDIN: dict[DraftKind, Callable[[DraftContext], str]] = {
    DraftKind.thank_you: _li_thank_you,
    DraftKind.value_add: _li_value_add,
    DraftKind.check_in: _li_check_in,
    DraftKind.escalation: _li_escalation,
    DraftKind.closing: _li_closing,
    DraftKind.linkedin_note: _li_thank_you,
}
