"""Meaning: what a draft says, whatever its words.

The candidate never speaks as the employer; every topic "we discussed" is one from the
notes; no question the notes already answer; no withdrawal, resignation or acceptance the
outcome does not hold; no copy or attachment the notes do not hold; nothing about the
instructions the draft was written from; one subject line at most, at the top; a weekday
that agrees with its date; and no day that has passed written as if it were coming. Nor
does it presume a place on the employer's side (a working relationship, praise nobody
recorded), reproach the reader or a colleague, fish for reassurance, paste a phrase in
another language, set a deadline of the candidate's own, or say what nothing explains.
From the notes' state: no conversation claimed with someone who was not at the
interview, and a note about the process to them names the contact it went through; no
"I have not heard back" once their answer is the latest word; a check-in asks about the
timeline only while referring to the one given; no bare weekday for an interview more
than six days back; and a link comes with a reason in the sender's own words.

The phrase lists are data (``followup/tone/meaning.yaml``); this module is the procedure
around them. Each finding feeds the check whose dimension it belongs to (faithful,
professional, kind-specific), with its span, code, message and suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from followup.textdates import MONTHS, WEEKDAYS, Mention, mentions, month_number, spoken
from followup.tone.facts import FULL_TIME, NotesFacts, content_words, stems, tokens
from followup.tone.report import Channel, Check, DraftKind, Finding, Severity
from followup.tone.scan import Rule, matches, rule
from followup.tone.text import CLOSING_ALTERNATIVES, GREETING, SENTENCE, SUBJECT_LINE, Draft, greeting_of, phrases
from followup.tone.topics import capital_from_notes, foreign_count, foreign_words


@dataclass(frozen=True)
class MeaningRules:
    """meaning.yaml, loaded: the rules by name, and the word lists of the procedures."""

    rules: dict[str, tuple[Check, list[Rule]]]
    combined: list[Rule]  # every rule, scanned in one pass
    names: dict[Rule, str]  # a rule -> its name in the file (two rules may share a code)
    checks: dict[str, Check]  # a rule's code -> the check it feeds
    examples: dict[str, dict[str, list[str]]]
    topic_intro: list[Rule]
    topic_end: re.Pattern[str]
    topic_end_past_modals: re.Pattern[str]  # the same, reading on past "can", "could", "would", "will"
    generic: frozenset[str]
    generic_stems: frozenset[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    agency_words: tuple[str, ...]  # in a recruiter's title, an agency's name
    agency: re.Pattern[str]


@cache
def load() -> MeaningRules:
    """The rules file shipped in the package, validated once."""
    raw: dict[str, Any] = yaml.safe_load(files("followup.tone").joinpath("meaning.yaml").read_text(encoding="utf-8"))
    rules: dict[str, tuple[Check, list[Rule]]] = {}
    examples: dict[str, dict[str, list[str]]] = {}
    for name, spec in raw["rules"].items():
        made = rule(spec["code"], Severity(spec["severity"]), spec["patterns"], spec["message"], spec["suggestion"])
        rules[name] = (Check(spec["check"]), [made])
        examples[name] = spec.get("examples", {})
    words = raw["procedures"]
    combined = [r for _, group in rules.values() for r in group]
    return MeaningRules(
        rules=rules,
        combined=combined,
        names={group[0]: name for name, (_, group) in rules.items()},
        checks={group[0].code: check_ for check_, group in rules.values()},
        examples=examples,
        topic_intro=[rule("faithful.topic", Severity.block, words["topic_intros"], "", "")],
        topic_end=re.compile(r"[.;:!?,()\n\u2014]|\s(?:" + "|".join(words["topic_ends"]) + r")\b", re.I),
        topic_end_past_modals=re.compile(
            r"[.;:!?,()\n\u2014]|\s(?:"
            + "|".join(w for w in words["topic_ends"] if w not in ("can", "could", "would", "will"))
            + r")\b",
            re.I,
        ),
        generic=frozenset(words["generic_topic_words"]),
        generic_stems=stems(words["generic_topic_words"]),
        future=phrases(*words["future_markers"]),
        past=phrases(*words["past_markers"]),
        agency_words=tuple(words["agency_words"]),
        agency=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words["agency_words"]) + r")\b"),
    )


def check(draft: Draft, facts: NotesFacts | None, today: date | None = None) -> list[Finding]:
    """Every meaning finding of ``draft``; those that need the notes only with ``facts``."""
    data = load()
    wanted = _wanted(draft, facts)
    found = [
        draft.finding(data.checks[r.code], r.code, r.severity, m.start(), m.end(), r.message, r.suggestion)
        for r, m in matches(draft, data.combined)
        if data.names[r] in wanted
    ]
    if facts is not None and " you" in draft.work:
        found += _someone_elses_title(draft, facts)
    # "so if I resign by 31 May I could start on 1 July", "I would need to hand in my notice by ...": a plan, not an act
    found = [
        f
        for f in found
        if f.code != "faithful.intent" or not _CONDITIONAL.search(draft.work, max(0, f.start - 25), f.start)
    ]
    if facts is not None:  # "Hôtel Les Terrasses du Lac" is the employer's name, not a phrase pasted in French
        found = [f for f in found if f.code != "professional.foreign_phrase" or f.quote.casefold() not in facts.company]
    if facts is not None and draft.kind == DraftKind.check_in and draft.channel == Channel.email:
        found = [f for f in found if f.code != "faithful.cc" or not _copies_a_contact(draft, f, facts)]
    found += _subject_lines(draft)
    found += _before_greeting(draft)
    found += _doubled_words(draft)
    found += _cut_off(draft)
    found += _jotted(draft)
    found += _bare_link(draft)
    if facts is not None:
        found += _third_person(draft, facts)
        found += _topics(draft, facts, data)
        pasted = [(f.start, f.end) for f in found if f.code == "professional.notes_pasted"]
        found += [
            f for f in _notes_in_another_language(draft, facts) if not any(a < f.end and f.start < b for a, b in pasted)
        ]
        found += _dates(draft, facts, data, today)
        found += _addressee(draft, facts)
        found += _news_after_rejection(draft, facts)
        found += _wrong_role(draft, facts)
        found += _wrong_employer(draft, facts)
        found += _not_met(draft, facts)
        found += _name_cut(draft, facts)
        found += _no_thank_you_sent(draft, facts)
        found += _availability(draft, facts, today)
        found += _hours(draft, facts)
        found += _confidence_repeated(draft, facts)
        found += _promised_for(draft, facts, today)
        found += _credited(draft, facts, data)
        found += _interview_day(draft, facts, today)
        if today is not None:
            found += _relative_day(draft, facts, today)
            found += _too_early(draft, facts, today)
            found += _elapsed(draft, facts, today)
    return found


#: Who said a decision would come, and when: "I understood a decision was due by", "you hoped to decide by".
_SAID_WHEN = phrases(
    "(was|were|is|had been|would be) (due|expected|planned|scheduled|promised)",
    "you (said|mentioned|hoped|expected|planned|told me|were hoping|let me know)",
    "(the team|they) (hoped|expected|planned|said|would|were hoping|aimed)",
    "i (understood|understand|was told)",
    "when we (spoke|met)",
)
#: ... and the day it names: "a decision ... by 18 November". Searched in the draft in small
#: letters and with no leading \b (the word's start is checked by hand): a pattern that opens
#: with letters, not with an assertion or re.I, lets the engine skip ahead to those letters,
#: four times faster on a 150-word draft. _RELATIVE_DAY and _MET_BEFORE's search are read so too.
_DECISION_BY = re.compile(
    r"(?:decision|decide|news|update|answer|outcome|hear(?:ing)? back|get back to|be in touch)\b"
    r"[^.?!\n]{0,40}?\b(?:by|on|before|around|for)\s+(?:the\s+)?"
)


#: A day named loosely: "the end of last week", "the middle of the month", "next week".
_VAGUE_DAY = re.compile(
    r"(?:(?:the\s+)?(?:end|middle|start|beginning)\s+of\s+(?:the|this|last|next)\s+(?:week|month)"
    r"|(?:this|next|last)\s+(?:week|month)|(?:mid|end)-(?:week|month))\b",
    re.I,
)


def _inside_word(text: str, position: int) -> bool:
    """Whether the character before ``position`` is a word's: the hand-made \b of the searches
    with no leading one ("upon" is no "on")."""
    return 0 < position <= len(text) and (text[position - 1].isalnum() or text[position - 1] == "_")


def _day_after(draft: Draft, position: int, near: date) -> tuple[date, int, int] | None:
    """The day written just after ``position`` ("by Friday 6 November": a weekday may come
    first), with its span in the draft; None if no date starts there."""
    dated = mentions(draft.work[position : position + 30])
    if not dated or dated[0].start > 10:
        return None
    when = dated[0].when(near)
    return None if when is None else (when, position + dated[0].start, position + dated[0].end)


def _promised_for(draft: Draft, facts: NotesFacts, today: date | None) -> list[Finding]:
    """A decision said to be due on a day the notes never gave for it ("I understood a decision
    was due by 18 November", the interview's day, when they named no date)."""
    found: list[Finding] = []
    near = today or facts.latest_past
    for m in _DECISION_BY.finditer(draft.lower):
        if _inside_word(draft.lower, m.start()):
            continue
        first, last = draft.sentence_span(m.start())
        if not _SAID_WHEN.search(draft.work[first:last]):
            continue
        vague = _VAGUE_DAY.match(draft.work, m.end())
        if vague is not None and not facts.promised_days:  # "by the end of last week", when they named no day
            found.append(
                draft.finding(
                    Check.faithful, "faithful.promised_date", Severity.block, vague.start(), vague.end(),
                    f"This says a decision was promised for '{vague.group()}', but your notes record no date they gave.",
                    "Leave the date out, or record the date they gave in your notes.",
                )
            )  # fmt: skip
            continue
        day = _day_after(draft, m.end(), near)
        if day is None or day[0] in facts.promised_days or day[0] in facts.reply_days:  # "the update on 22 June"
            continue
        when, start, end = day
        given = f"the date they gave was {spoken(facts.promised)}" if facts.promised else "they gave no date"
        found.append(
            draft.finding(
                Check.faithful, "faithful.promised_date", Severity.block, start, end,
                f"This says a decision was due on {spoken(when, weekday=False)}, but {given}.",
                "Give the date they gave, or leave the date out.",
            )
        )  # fmt: skip
    return found


#: The interview named with its day: "thank you for meeting with me on 19 June", "on October 27 I
#: interviewed". " on 19 June" is where a day follows "on"; the words before it say whether it is
#: the interview's (_MET_BEFORE, in the small-letter draft, up to " on").
_ON_A_DAY = re.compile(r" on (?=[\w ]{0,12}\d)")
_MET_BEFORE = re.compile(
    r"(?<!\w)(?:interview(?:ed)?|met|meeting (?:with )?(?:me|you)|(?:our|the) (?:conversation|meeting|chat|interview))"
    r"(?:\s+(?:with|for)\s+[\w.'-]+(?:\s+[\w.'-]+)?)?$"
)
#: "on October 27 I interviewed": the day before the words, read only where "i interviewed" or "i met" is.
_ON_I_MET = re.compile(r"on\s+(?=[\w ,]{0,24}\d[\w ,]{0,12}?\s+i\s+(?:interviewed|met)\b)")


def _interview_day(draft: Draft, facts: NotesFacts, today: date | None) -> list[Finding]:
    """The interview given a day it was not on ("on October 27 I interviewed", for the 20th), unless
    the notes' own text names that day (a second round, a call)."""
    found: list[Finding] = []
    near = today or facts.latest_past
    low = draft.lower
    ends = [m.end() for m in _ON_A_DAY.finditer(low) if _MET_BEFORE.search(low, max(0, m.start() - 50), m.start())]
    if " i interviewed" in low or " i met" in low:
        ends += [m.end() for m in _ON_I_MET.finditer(low) if not _inside_word(low, m.start())]
    for end in ends:
        day = _day_after(draft, end, near)
        if day is None or day[0] == facts.interview_date or (day[0].day, day[0].month) in facts.free_days:
            continue
        when, start, stop = day
        found.append(
            draft.finding(
                Check.faithful, "faithful.interview_date", Severity.block, start, stop,
                f"The interview was on {spoken(facts.interview_date)}, not {spoken(when, weekday=False)}.",
                f"Write the day it was: {spoken(facts.interview_date, weekday=False)}.",
            )
        )  # fmt: skip
    return found


#: The reader credited with what was said: "you walking me through", "your point about".
_CREDIT = phrases(
    "you (walking|walked|taking|took|talking|talked) me through",
    "you (told|showed|explained|described|mentioned|said|shared|pointed out|raised)",
    "you (explaining|telling me|showing me|describing|walking me through|sharing) (why|how|what)",
    "your (point|question|explanation|description|comments?|insights?|figures|numbers|example)",
    "what you said",
    "hearing you (explain|describe)",
)


#: Words of any sentence, which say nothing about whose topic it was.
_EVERYDAY_STEMS = stems(
    "ask asked want wanted whether hope hoped mention mentioned say said tell told think know like need help "
    "decision decide news update reach".split()
)


def _credited(draft: Draft, facts: NotesFacts, data: MeaningRules) -> list[Finding]:
    """What the notes say another interviewer said, credited to the reader ("you walking me
    through the heat pump numbers", to Tanya, when the notes say "Gary says 40% of calls")."""
    greeting = greeting_of(draft.work)
    reader = greeting.group(1).split()[0].casefold() if greeting else ""
    if reader not in facts.interviewer_firsts or not any(facts.topic_people):
        return []
    found: list[Finding] = []
    names = stems(w.casefold() for n in facts.people for w in n.split())  # "you and Beth Ann": a name, no topic
    no_topic = facts.role_stems | _EVERYDAY_STEMS | names
    for m in _CREDIT.finditer(draft.work):
        _, last = draft.sentence_span(m.start())
        said = _said(draft.work[m.end() : last], data) - no_topic
        for named, topic in zip(facts.topic_people, facts.topic_stems, strict=True):
            if not named or reader in named or len(said & (topic - data.generic_stems)) < 2:
                continue
            who = " or ".join(sorted(n.title() for n in named))
            found.append(
                draft.finding(
                    Check.faithful, "faithful.credit", Severity.block, m.start(), m.end(),
                    f"Your notes say {who} spoke of this, not the person this message is to.",
                    f"Thank them for what they said, or write this to {who}.",
                )
            )  # fmt: skip
            break
    return found


#: Symbols for words, as notes use them: "supply + motor pool", "take-home = dashboard", "~18k".
_SYMBOLS = re.compile(r"(?<=[\w)]) (?:\+|=|->|→) (?=[\w(])|~\d")
#: A sentence that starts in small letters after a full stop: "passaging. my BBL placement".
_SMALL_START = re.compile(r"\. (?=[a-z]{2})")
_ABBREVIATIONS = frozenset({"etc", "approx", "incl", "esp", "misc", "dept", "vs", "viz", "cf", "al", "ca"})


def _jotted(draft: Draft) -> list[Finding]:
    """Notes pasted in: symbols for words, or a sentence cut off mid-thought."""
    spans = [m.span() for m in _SYMBOLS.finditer(draft.work)]
    for m in _SMALL_START.finditer(draft.work):
        before = re.search(r"([A-Za-z]+)$", draft.work[max(0, m.start() - 20) : m.start()])
        word = before.group(1) if before is not None else ""
        if len(word) >= 3 and word.islower() and word not in _ABBREVIATIONS:
            spans.append((m.start() - len(word), m.end() + 2))
    return [
        draft.finding(
            Check.professional, "professional.notes_pasted", Severity.block, start, end,
            "This reads as notes pasted in, not as a sentence to send: symbols for words, or a sentence cut off mid-thought.",
            "Write it out in full sentences, the way you would say it to them.",
        )
        for start, end in spans
    ]  # fmt: skip


#: Runs of words in small letters (and the one-letter words other languages have: "w", "z", "i").
_SMALL_RUN = re.compile(
    r"(?:(?<![\w'\u2019-])[^\W\d_A-Z][^\W\d_]*(?![\w'\u2019-])[ ]+){2,}[^\W\d_A-Z][^\W\d_]*(?![\w'\u2019-])"
)


#: Every English word of one or two letters: another language's little words ("w", "na", "ze")
#: are what make a run of foreign words a clause rather than a term ("milho verde risotto").
_ENGLISH_LITTLE_WORDS = frozenset(
    "a i am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we".split()
)


def _notes_in_another_language(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """Three words of four (or three of three) that are not English, one of them a little word
    English does not have and at least two from the notes ("on bleeding w kompletacji na
    nocnej zmianie"): the notes pasted in the language they were written in. A term in
    another language among English words ("the milho verde risotto"), or a phrase the notes
    do not hold, is left alone."""
    found = []
    own_names = tokens(f"{facts.role} {facts.company}")  # "Chef de partie pâtisserie" is the role's name
    for run in _SMALL_RUN.finditer(draft.work):
        if not any(len(w) <= 2 and w not in _ENGLISH_LITTLE_WORDS for w in run.group().split()):
            continue  # English throughout (most runs): no window to try
        words = [(m.group(), run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group())]
        for i in range(len(words) - 2):
            window = words[i : i + 4]
            texts = [w for w, _, _ in window]
            little = [w for w in texts if len(w) <= 2 and w not in _ENGLISH_LITTLE_WORDS]  # "w", "na", "ze", "em"
            if not little or sum(w in facts.vocabulary for w in texts) < 2 or not own_names.isdisjoint(texts):
                continue  # the cheap tests first: most windows have no little foreign word
            if foreign_count([w for w in texts if w not in little]) + len(little) >= 3:
                found.append(
                    draft.finding(
                        Check.professional, "professional.notes_pasted", Severity.block, window[0][1], window[-1][2],
                        "This quotes your notes in another language, not a sentence in the message's.",
                        "Say it in the message's own language, in a few plain words, or leave it out.",
                    )
                )  # fmt: skip
                break
    return found


#: A word written twice ("I wanted to to follow up"); "that that" and "had had" can be right.
_DOUBLED = re.compile(r"(?<![\w'-])([^\W\d_]+)\s+\1(?![\w'])", re.IGNORECASE)
_MAY_DOUBLE = frozenset({"that", "had", "is", "do", "bye", "no", "very", "so"})


def _doubled_words(draft: Draft) -> list[Finding]:
    return [
        draft.finding(
            Check.professional, "professional.doubled_word", Severity.block, m.start(), m.end(),
            f"'{m.group(1)}' is written twice in a row.",
            "Delete one of them.",
        )
        for m in _DOUBLED.finditer(draft.work)
        if m.group(1).lower() not in _MAY_DOUBLE and m.group(1)[0].islower() == m.group(0).split()[-1][0].islower()
    ]  # fmt: skip


#: An article with nothing after it: "any update on the, as I will be travelling ... and."
#: A sentence that breaks off: "the," "an;" "the ." "and." (found from the punctuation, which is rarer).
_PUNCTUATION = re.compile(r"[,;.]")
_BROKEN_WORDS = frozenset({"the", "an", "and"})
#: "the Samsara side of the would be happy to": "the" before a verb.
_THE_VERB = re.compile(r"the\s+(?:would|could|should|is|are|was|were)\b")
#: Words no sentence ends with: a paragraph that stops on one broke off ("..., which means that if").
_NO_END = frozenset(
    "if because whether although unless the an and but of with my your our their than to a for or be should would"
    " will can could".split()
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _cut_off(draft: Draft) -> list[Finding]:
    work = draft.work
    spans: list[tuple[int, int, str]] = []
    for mark in _PUNCTUATION.finditer(work):
        if mark.group() == "." and _inside_word(work, mark.end() + 1):
            continue  # "the .NET runtime", "e.g."
        head = work[max(0, mark.start() - 12) : mark.start()].rstrip()
        word = head[-4:].rsplit(None, 1)[-1] if head else ""
        if word not in _BROKEN_WORDS or (word == "and" and mark.group() != "."):
            continue  # "and," goes on
        start = mark.start() - (min(12, mark.start()) - len(head)) - len(word)
        if _inside_word(work, start):
            continue  # "bathe,", "plan;"
        spans.append((start, mark.end(), work[start : mark.end()]))
    for m in _THE_VERB.finditer(work):
        if not _inside_word(work, m.start()):
            spans.append((m.start(), m.end(), m.group()))
    for end in [m.start() for m in _PARAGRAPH_BREAK.finditer(work)] + [len(work.rstrip())]:
        tail = work[max(0, end - 30) : end].rstrip()
        word = tail.rsplit(None, 1)[-1] if tail else ""
        line = work.rfind("\n", 0, max(0, end - 30) + len(tail)) + 1
        if word in _NO_END and not SUBJECT_LINE.match(work, line):  # "Subject: someone you might want to talk to"
            start = end - (min(30, end) - len(tail)) - len(word)
            spans.append((start, start + len(word), word))
    return [
        draft.finding(
            Check.professional, "professional.cut_off", Severity.block, start, end,
            f"The sentence breaks off after '{text.rstrip(',;. ')}': a word or a phrase is missing.",
            "Finish the sentence, or cut the words that lead nowhere.",
        )
        for start, end, text in sorted(spans)
    ]  # fmt: skip


#: The candidate's own deadline (another offer) is a reason to ask before their date.
_OWN_DEADLINE = phrases("offers?", "deadline", "(respond|answer|reply|decide) (to them )?by", "let them know by")
#: How soon after the interview or the last message a check-in is too soon, with no date given.
CHECK_IN_NOT_BEFORE_DAYS = 3


#: Asking for news: "is there any news", "any update?", "where things stand" ...
_NEWS = phrases(
    "(is there|are there|any|an|have) (news|updates?)", "where things stand", "(has|have) (a|the|your) decision been"
)
#: ... as a question or a request.
_ASKING = phrases("let me know", "to ask", "to check", "wondering", "could you", "would you", "can you")


def _asks_for_news(draft: Draft) -> bool:
    """Whether a sentence asks for news: "is there any news?", "could you let me know where things stand"."""
    low = draft.lower
    if "news" not in low and "update" not in low and "where things" not in low and "decision been" not in low:
        return False
    work = draft.work
    for m in _NEWS.finditer(work):
        start = max(work.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (work.find(c, m.end()) for c in ".!?\n") if i >= 0]
        end = min(ends) if ends else len(work)
        if work[end : end + 1] == "?" or _ASKING.search(work, start, end):
            return True
    return False


def _too_early(draft: Draft, facts: NotesFacts, today: date) -> list[Finding]:
    """A check-in before the day they said they would decide, or within days of the interview
    or of the last message, asks for news they have not had time to have (so does a thank-you
    or a LinkedIn note that asks for news)."""
    if facts.outcome != "pending" or draft.kind not in (
        DraftKind.check_in,
        DraftKind.thank_you,
        DraftKind.linkedin_note,
    ):
        return []
    if facts.promised is not None:
        if today >= facts.promised:
            return []
        why = f"They said they would decide by {facts.promised.day} {facts.promised:%B}; asking before then reads as impatience."
    elif (today - facts.latest_past).days >= CHECK_IN_NOT_BEFORE_DAYS:
        return []
    else:
        why = "It is only days since you last heard from each other; asking for news now reads as impatience."
    if draft.kind != DraftKind.check_in and not _asks_for_news(draft):
        return []  # a thank-you or a LinkedIn note is too early only when it asks for news
    if _OWN_DEADLINE.search(draft.work):
        return []
    end = min(len(draft.work), len(draft.work.split("\n", 1)[0]))
    return [
        draft.finding(
            Check.kind_specific, "kind.too_early", Severity.block, 0, end, why,
            "Wait until the date they gave has passed (or a week after the interview), or write a thank-you instead.",
        )
    ]  # fmt: skip


_THANKS = re.compile(r"\b(?:thank|appreciat|grateful|gratitude)", re.I)
_THANKS_AGAIN = phrases("(thank you|thanks)( so much| very much)? (once )?again")
#: A conversation shared with the reader: only someone who was at the interview had one.
_OUR_CONVERSATION = phrases(
    "our (conversation|interview|meeting|chat|discussion|talk|exchange)s?",
    "we (discussed|talked|spoke|covered|touched on)",
    "you (mentioned|said|told me|explained|described)",
    "(meeting|speaking with|talking with|talking to) you",
)
#: "I have not heard back": false once their reply (or the outcome) is the latest word.
_NO_REPLY = phrases(
    "(have|has|had) not (yet )?heard (back|anything|from)",
    "(haven't|hasn't|hadn't) (yet )?heard (back|anything|from)",
    "(without|with no|had no|have had no|received no) (a |any )?(reply|answer|response|word)",
)
#: What follows "not heard" when it counts from their reply: "... further", "... more since then".
_SINCE_THEIR_REPLY = re.compile(
    r"[^.!?\n]{0,30}?\b(further|more|since (then|your|their|that|we|you)|since(?=\s*[.,;!?])|after (your|their|that))\b",
    re.I,
)
#: "... since my interview on 5 November and I have not heard anything since": the bare "since"
#: counts from the interview, not from their reply.
_SINCE_THE_INTERVIEW = re.compile(r"\bsince (?:my|the|our) (?:interview|conversation|meeting)\b", re.I)
#: A draft that refers to their note: after it gave a new date, "not heard anything yet" is about that date.
_THEIR_NOTE = phrases(
    "(your|the|their) (update|note|reply|e-?mail|message|letter)", "(getting|got|coming) back to me",
    "letting me know", "keeping me (updated|informed|posted)",
)  # fmt: skip
#: Words that make a message to someone who was not at the interview about the process.
_PROCESS = phrases("checked in", "check-in", "any news", "an update", "the decision", "a decision", "no answer")
#: Kinds written days or weeks after the interview to someone who may never have been
#: thanked: their "again" must point at a thank-you the notes record (as the templates' does).
_LATER_KINDS = (DraftKind.check_in, DraftKind.escalation)


def _copies_a_contact(draft: Draft, finding: Finding, facts: NotesFacts) -> bool:
    """An e-mail check-in that copies someone from the interview ("I've copied Tamsin in as
    well"): ordinary, and true when the person is in the notes (the task check, given the
    draft's task, says whether it is the one really copied)."""
    first, last = draft.sentence_span(finding.start)
    named = {w.text.casefold() for w in draft.words if first <= w.start < last}
    return bool(named & (facts.interviewer_firsts | facts.contact_firsts))


def _addressee(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """What the draft may say to the person it greets: in a check-in or an escalation, "thank
    you again" only after a thank-you the notes record (to them, or to anyone when the
    greeting names nobody) or thanks earlier in the draft; thanks for "our conversation" only
    to someone who was at it."""
    greeting = greeting_of(draft.work)
    name = greeting.group(1).casefold() if greeting else None
    found = []
    again = _THANKS_AGAIN.search(draft.work) if draft.kind in _LATER_KINDS else None
    if again is not None and not _THANKS.search(draft.work, 0, again.start()):
        thanked = name in facts.thanked_firsts if name is not None else bool(facts.thanked_firsts)
        if not thanked:
            found.append(
                draft.finding(
                    Check.faithful, "faithful.thanked_again", Severity.warn, again.start(), again.end(),
                    "This thanks them 'again', and your notes record no earlier thank-you to them.",
                    "Thank them once, without 'again', or record the thank-you you sent in your notes.",
                )
            )  # fmt: skip
    if name is not None and name in facts.outsider_firsts:
        who = greeting.group(1) if greeting else name
        for m in _OUR_CONVERSATION.finditer(draft.work):
            found.append(
                draft.finding(
                    Check.faithful, "faithful.not_interviewed", Severity.block, m.start(), m.end(),
                    f"{who} was not at the interview; there was no conversation with them to speak of.",
                    "Say who you are and why you are writing to them; name the topic as the team's work, not as your conversation.",
                )
            )  # fmt: skip
        process = _PROCESS.search(draft.work)
        named = {w.text.casefold() for w in draft.words} & facts.contact_firsts
        if process is not None and facts.contact_firsts and not named:
            found.append(
                draft.finding(
                    Check.kind_specific, "kind.unnamed_contact", Severity.block, process.start(), process.end(),
                    f"{who} was not at the interview, and this asks about the process without naming the person you have been in touch with; it reads as going around them.",
                    "Say whom you checked in with, and when, and that you have not heard back.",
                )
            )  # fmt: skip
    if facts.replied_last and not (facts.awaiting_their_date and _THEIR_NOTE.search(draft.work)):
        for m in _NO_REPLY.finditer(draft.work):
            after = _SINCE_THEIR_REPLY.match(draft.work, m.end())
            if after is not None and not (
                after.group(1).lower() == "since"
                and _SINCE_THE_INTERVIEW.search(draft.work, draft.sentence_span(m.start())[0], m.start())
            ):
                continue  # "I haven't heard anything further since then": true after their reply
            found.append(
                draft.finding(
                    Check.faithful, "faithful.no_reply_claimed", Severity.block, m.start(), m.end(),
                    "This says you have not heard back, and your notes record their answer as the latest word.",
                    "Refer to what they told you (their reply, or their decision) instead.",
                )
            )  # fmt: skip
    return found


#: The notes give the candidate's availability ("free from 20 April", "can start with 1 week
#: notice"): then "I could start from 20 April" is theirs to say.
_OWN_AVAILABILITY = re.compile(r"\b(?:start|free from|available|notice)\b", re.I)

#: A note that bows out while the outcome is pending (the move-on closing) or keeps in touch long after
#: (a reconnect): there future roles belong.
_BOWS_OUT = phrases(
    "assum(e|ing)",
    "moved (on|forward|ahead)",
    "(been|was|is|has been) filled",
    "another (candidate|direction)",
    "(went|gone|go|going) (with|in) (another|a different|someone)",
    "withdraw",
    "step (back|aside)",
    "(close|closing) the loop",
    "not (be )?(moving|progressing|proceeding|selected|successful|taken forward)",
    "(keep|stay) (in touch|connected)",
)

#: Kinds that would ask about the timeline; a check-in may ask whether the one given still holds.
_NO_TIMELINE_QUESTION = (DraftKind.thank_you, DraftKind.value_add, DraftKind.linkedin_note)


#: Just before a resignation or a notice: a condition or a need, not the act.
_CONDITIONAL = re.compile(r"\b(?:if|once|when|unless|would (?:need|have) to|need to|have to|before)\b[^.!?\n]*$", re.I)


def _wanted(draft: Draft, facts: NotesFacts | None) -> set[str]:
    """The rules that apply to this draft and these notes."""
    wanted = {
        "voice", "leak", "presumption", "reproach", "reassurance", "foreign_phrase", "pressure", "non_sequitur",
        "grammar", "notes_pasted", "confidence", "badmouthing", "overshare",
    }  # fmt: skip
    if facts is not None and facts.outcome == "rejected":
        wanted.add("argues_after_rejection")
        wanted.add("missed_rejection")
    if facts is None or facts.outcome == "pending":
        wanted.add("decision_claim")
        wanted.add("has_the_job")
    if draft.kind in (DraftKind.check_in, DraftKind.escalation) or "?" in draft.work:
        wanted.add("asks_then_waives")  # a question, and then "no need to reply"
    if draft.kind == DraftKind.value_add:
        wanted.add("backwards_introduction")
        wanted.add("nudge_in_value_add")
    if (facts is None or facts.outcome == "pending") and (
        draft.kind in (DraftKind.thank_you, DraftKind.value_add, DraftKind.check_in, DraftKind.escalation)
        or (draft.kind == DraftKind.linkedin_note and not _BOWS_OUT.search(draft.work))
    ):
        wanted.add("future_roles_too_soon")  # a LinkedIn note may be the closing that bows out
    if facts is not None and not facts.another_offer:
        wanted.add("invented_offer")  # (without notes, nothing says there is none)
    if facts is None or facts.outcome not in ("offer", "withdrawn"):
        wanted.add("intent")
        if facts is None or not _OWN_AVAILABILITY.search(facts.free_text):
            wanted.add("start_date")
    if facts is None or not re.search(r"attach|\bcopy\b|\bcopies\b", facts.free_text, re.I):
        wanted.add("attachment")  # "he wants a copy" in the notes: attaching it is what was asked
    if draft.kind != DraftKind.escalation or draft.channel == Channel.linkedin:
        wanted.add("cc")
    if facts is not None and facts.feedback:
        wanted.add("feedback_question")
    if (
        facts is not None
        and facts.timeline_known
        and (
            draft.kind in _NO_TIMELINE_QUESTION
            or (draft.kind == DraftKind.check_in and not _refers_to_timeline(draft, facts.promised))
        )
    ):
        wanted.add("timeline_question")
    return wanted


_GIVEN_TIMELINE = phrases(
    "you (mentioned|said|told me|gave|shared|expected|hoped|hoped to|were hoping)",
    "(the team|they) (hoped|expected|planned|were hoping)",
    "when we (spoke|met)",
    "i (understood|understand)",
    "(was|were) (expected|due|planned)",
)


def _refers_to_timeline(draft: Draft, day: date | None) -> bool:
    """Whether the draft refers to the timeline they gave (names its day, or says they gave
    one): a check-in may ask about the timeline only while doing so."""
    if _GIVEN_TIMELINE.search(draft.work):
        return True
    if day is None:
        return False
    return any(m.month == day.month and m.day <= day.day <= m.last_day for m in mentions(draft.work))


def _third_person(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """The candidate's full name in the body ("the interview with Alex Morgan"): the draft
    speaks of the candidate instead of as the candidate. The signature is where it belongs:
    a line of its own, or after a closing ("Best, Alex Morgan")."""
    name = facts.candidate_name
    if len(name.split()) < 2:
        return []
    found = []
    # Whole words, and written as a name (capitalised): "R C" is not in "our conversation", nor a
    # candidate called "Our Conversation" in "thank you for our conversation".
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", draft.work, re.I):
        if m.group()[0].islower():
            continue
        line_start = draft.work.rfind("\n", 0, m.start()) + 1
        before = draft.work[line_start : m.start()].strip().rstrip(",").strip()
        if not before or _CLOSING_BEFORE.search(before) or not draft.work[m.end() :].strip(" .\n"):
            continue  # a signature: on a line of its own, after a closing, or the very end
        if before.lower().startswith("subject"):
            continue  # "Subject: Project Coordinator application - Kevin Luong": how applicants name an e-mail
        if _SELF_INTRODUCTION.search(draft.work, max(0, m.start() - 16), m.start()):
            continue  # "My name is Alex Morgan": the candidate introducing themselves
        found.append(
            draft.finding(
                Check.faithful, "faithful.voice", Severity.block, m.start(), m.end(),
                f"The draft speaks of {name} in the third person; the message is written as {name}.",
                "Write as the candidate ('I'), and sign with the name at the end.",
            )
        )  # fmt: skip
    return found


_SELF_INTRODUCTION = re.compile(r"\b(?:my name is|i am|i'm|this is)\s+$", re.I)

#: "Thank you for your time yesterday", "today's interview": a day said relative to today,
#: which must be the interview's day.
_RELATIVE_DAY = re.compile(
    r"(?:(?:interview(?:ed)?|conversation|meeting|chat|call|talk|discussion|time|met|spoke|talked|"
    r"speaking|talking|seeing)(?:\s+(?:with|to)\s+(?:me|you))?(?:\s+(?:me|you|us))?(?:\s+\w+){0,3}?"
    r"\s+(today|yesterday|this morning|this afternoon)\b"
    r"|(today|yesterday)'s\s+(?:interview|conversation|meeting|chat|call|discussion))"
)  # in the draft in small letters, with no leading \b (see _DECISION_BY)
_RELATIVE_WORDS = ("today", "yesterday", "this morning", "this afternoon")


def _relative_day(draft: Draft, facts: NotesFacts, today: date) -> list[Finding]:
    found: list[Finding] = []
    if not any(w in draft.lower for w in _RELATIVE_WORDS):
        return found
    for m in _RELATIVE_DAY.finditer(draft.lower):
        if _inside_word(draft.lower, m.start()):
            continue
        word = m.group(1) or m.group(2)
        meant = today - timedelta(days=1) if word == "yesterday" else today
        if meant == facts.interview_date:
            continue
        if meant in facts.reply_days and not re.match(r"interview|met\b|seeing|today's interview", m.group()):
            continue  # "your call yesterday": they called with the news the day before
        start, end = m.span(1) if m.group(1) else m.span(2)
        found.append(
            draft.finding(
                Check.faithful, "faithful.relative_day", Severity.block, start, end,
                f"The interview was on {facts.interview_date:%A} {facts.interview_date.day} {facts.interview_date:%B}; "
                f"'{word}' would be {meant:%A} {meant.day} {meant:%B}.",
                f"Write the day: 'on {facts.interview_date:%A} {facts.interview_date.day} {facts.interview_date:%B}'.",
            )
        )  # fmt: skip
    return found


#: After a rejection the decision is made: a closing that asks for news reads as not having heard it.
_ASKS_FOR_NEWS = phrases(
    "(any|an) (update|news)", "where things (stand|are)", "(the|a) timeline", "next steps",
    "when (a|the|your) decision",
    "(whether|if) (the panel|the team|you|they|the hiring team|the committee) (had|have|has) (reached|made|come to) a decision",
)  # fmt: skip


#: "the Senior Physiotherapist role": a role named by its title, up to five capitalised words.
_NAMED_ROLE = re.compile(
    r"\b(?:the|this|my|your)\s+([A-Z][\w&'-]*(?:,?\s+(?:[A-Z][\w&'-]*|of|and|for))*)\s+(?:role|position|post|job|vacancy)\b"
)


#: The last word of a job title that says its rank: one of these for another is a different job.
_RANKS = frozenset(
    "manager assistant director lead coordinator officer specialist executive associate administrator "
    "supervisor head intern trainee apprentice analyst consultant technician".split()
)


@cache
def _role_words(role: str, company: str) -> tuple[list[str], str, frozenset[str]]:
    """The role's words; the noun its title ends on, before a site or team ("supervisor" for
    "Dispatch Supervisor, Germiston DC"); the company's words. Read once per notes."""
    main = re.findall(r"[\w'-]+", re.split(r",|\s[-\u2013\u2014]\s|\(", role)[0])
    return re.findall(r"[\w'-]+", role), (main[-1] if main else ""), frozenset(re.findall(r"[\w'-]+", company))


def _wrong_role(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """The role applied for, named by someone else's job title (the interviewer's, say)."""
    found = []
    role, head, company = _role_words(facts.role, facts.company)
    for m in _NAMED_ROLE.finditer(draft.work):
        named = m.group(1).casefold()
        words = re.findall(r"[\w'-]+", named)
        other_rank = (  # "the Social Media Manager position" for a Social Media Assistant
            len(words) >= 2
            and words[:-1] == role[: len(words) - 1]
            and len(role) >= len(words)
            and words[-1] != role[len(words) - 1]
            and {words[-1], role[len(words) - 1]} <= _RANKS
        )
        other_job = (  # "the Warehouse Supervisor position" for a Dispatch Supervisor: the same rank
            len(words) >= 2 and words[-1] == head and not set(words[:-1]) & set(role) and not set(words[:-1]) <= company
        )
        if other_rank or other_job:
            found.append(
                draft.finding(
                    Check.faithful, "faithful.wrong_role", Severity.block, m.start(1), m.end(1),
                    f"'{m.group(1)}' is not the role you applied for.",
                    "Name the role you interviewed for, as your notes have it.",
                )
            )  # fmt: skip
            continue
        if named in facts.titles and named not in facts.role and facts.role not in named:
            found.append(
                draft.finding(
                    Check.faithful, "faithful.wrong_role", Severity.block, m.start(1), m.end(1),
                    f"'{m.group(1)}' is a job title of someone you met, not the role you applied for.",
                    "Name the role you interviewed for, as your notes have it.",
                )
            )  # fmt: skip
    return found


#: Where a draft names the employer: "the role at X", "join X", "working at X". Found by
#: plain search for " at ", " with " and "join" (the word before them is checked by hand: a
#: regular expression with these alternatives at every position cost 12 µs a draft).
_BEFORE_AT = frozenset("role position job post vacancy opening interview team work working on".split())
_BEFORE_WITH = frozenset("role position job post vacancy opening interview".split())
_NAME_RUN = re.compile(
    r"(?:the team at )?([A-Z](?:[\w'&-]|\.(?=\w))*(?: (?:&|of|and|the) [A-Z](?:[\w'&-]|\.(?=\w))*"
    r"| [A-Z](?:[\w'&-]|\.(?=\w))*)*)"
)


def _employers_named(work: str) -> list[re.Match[str]]:
    """The names a draft gives as the one the role is at: after "the role at", "joining", "working at" ..."""
    found = []
    for anchor, before in ((" at ", _BEFORE_AT), (" with ", _BEFORE_WITH), ("join", None)):
        at = work.find(anchor)
        while at >= 0:
            if before is None:  # "join X", "joining X", "join the team at X"
                end = at + 4
                if work.startswith("ing", end):
                    end += 3
                ok = not _inside_word(work, at) and work[end : end + 1] == " "
                start = end + 1
            else:
                word = work[:at].rsplit(None, 1)[-1] if work[:at].strip() else ""
                ok = word in before
                start = at + len(anchor)
            if ok and (m := _NAME_RUN.match(work, start)):
                found.append(m)
            at = work.find(anchor, at + 1)
    unique = {m.start(1): m for m in found}  # "join the team at X" is found twice
    return [unique[k] for k in sorted(unique)]


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "twelve": 12}
_UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30, "mth": 30}
_COUNT = r"(\d{1,3}|an?|one|two|three|four|five|six|eight|twelve)"
_UNIT = r"(day|week|wk|month|mth)s?"
#: A notice period in the notes: "4 weeks' notice", "notice period 30 days", "1 month notice", "notice = 3 months".
_NOTICE = re.compile(
    rf"\b{_COUNT}[\s-]*(?:calendar\s+)?{_UNIT}'?(?:'s)?\s+notice|\bnotice(?:\s+period)?\s*(?:is|of|=|:|at [^,.\d]*)?\s*{_COUNT}[\s-]*{_UNIT}",
    re.I,
)
#: ... which the candidate may be able to shorten: then any claim of a sooner start may be true.
_SHORTER = re.compile(r"negotiat|down to|bought out|buy ?out|waive|flexib|earlier if|sooner", re.I)
#: A draft's claim of when the candidate could start.
_START_NOW = re.compile(
    r"\b(?:start|join|begin)(?:ing)?(?: work)? (?:right away|immediately|straight away|at once|tomorrow|any ?time(?! (?:from|after)))"
    r"|\bavailable (?:to start |to join )?(?:right away|immediately|straight away|at once|now)\b",
    re.I,
)
_START_WITHIN = re.compile(
    rf"\b(?:start|join|begin|available)\w*[^.\n]{{0,20}}?\b(?:with|within|in|after) {_COUNT} {_UNIT}", re.I
)


#: How far the candidate may be able to shorten it: "might get them down to 2", "can negotiate to 15".
_SHORTENED_TO = re.compile(
    rf"\b(?:down to|negotiate to|negotiable to|reduce(?:d)? to) {_COUNT}(?:[\s-]*{_UNIT})?", re.I
)
#: The notes' earliest start: "can start on 4 January", "start date 11 Jan 2027", "19 Oct at the earliest".
_EARLIEST = re.compile(
    r"\b(?:can|could) start\b|\bstart(?:ing)? date\b|\bat the earliest\b|\bavailable from\b|\bfree from\b"
)


def _days(count: str, unit: str) -> int:
    n = int(count) if count.isdigit() else _COUNTS[count.lower()]
    return n * _UNIT_DAYS[unit.lower().rstrip("s")]


def _notice_days(text: str) -> int | None:
    """The shortest notice period the notes give, in days (after any shortening they say is
    possible); None where they give none, or say it can be bought out or waived."""
    days = []
    for line in text.splitlines():
        for m in _NOTICE.finditer(line):
            count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            shortened = _SHORTENED_TO.search(line)
            if shortened:
                count, unit = shortened.group(1), shortened.group(2) or unit
            elif _SHORTER.search(line):
                return None
            days.append(_days(count, unit))
    return min(days) if days else None


@cache
def _start_limits(free_text: str, interview: date) -> tuple[int | None, date | None]:
    """The notes' notice period in days and earliest start (read once per notes)."""
    return _notice_days(free_text), _earliest_start(free_text, interview)


def _earliest_start(free_text: str, interview: date) -> date | None:
    """The first day the notes say the candidate could start, where they name one."""
    for line in free_text.splitlines():
        for sentence in re.split(r"[.;]\s", line):  # the date said with the start, not the trip after it
            if not _EARLIEST.search(sentence):
                continue
            for mention in mentions(sentence):
                day = mention.when(interview)
                if day is not None:
                    return day
    return None


def _availability(draft: Draft, facts: NotesFacts, today: date | None) -> list[Finding]:
    """A start sooner than the notes allow: "I can start right away" or "within two weeks" with
    four weeks' notice to give, or "right away" when the notes' earliest start is a month off."""
    notice, earliest = _start_limits(facts.free_text, facts.interview_date)
    if today is None:
        earliest = None
    if not notice and earliest is None:
        return []
    found = []
    claims = [(m, 0) for m in _START_NOW.finditer(draft.work)]
    claims += [(m, _days(m.group(1), m.group(2))) for m in _START_WITHIN.finditer(draft.work)]
    for m, days in claims:
        too_soon = notice is not None and days < notice * 0.8  # "four weeks" for "one calendar month" is the same
        if too_soon or (earliest is not None and today is not None and today + timedelta(days=days + 7) < earliest):
            found.append(
                draft.finding(
                    Check.faithful, "faithful.availability", Severity.block, m.start(), m.end(),
                    "This says you could start sooner than your notes say you can (your notice period or start date).",
                    "Say when you could really start, as your notes have it.",
                )
            )  # fmt: skip
    return found


#: How long the draft says it has been, just before "since my interview": "a few months have
#: passed since my interview", "it has been three weeks since we spoke".
_ELAPSED = re.compile(
    r"\b(?:(a few|several|some|many|two|three|four|five|six|a) (weeks?|months?)|(a week and a half))"
    r"(?: (?:have|has) passed| now| or so)?$"
)
#: ... counted from the interview or the talk, not from the candidate's own past ("since I finished my degree").
_SINCE_THE_TALK = re.compile(r"since (?:my|our|the|we|you|then|i (?:interviewed|met|spoke|applied))\b")
_LEAST = {"a": 1, "a few": 2, "several": 3, "some": 2, "many": 4, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _elapsed(draft: Draft, facts: NotesFacts, today: date) -> list[Finding]:
    """A wait written longer than it has been: "a few months have passed since my interview" 16 days on."""
    low = draft.lower
    found = []
    since = (today - facts.interview_date).days
    at = low.find(" since ")
    while at >= 0:
        before = max(0, at - 40)
        m = _ELAPSED.search(low, before, at)
        if m and _SINCE_THE_TALK.match(low, at + 1):
            days = 10 if m.group(3) else _LEAST[m.group(1)] * (7 if m.group(2).startswith("week") else 28)
            if days > since * 1.5 + 3:
                found.append(
                    draft.finding(
                        Check.faithful, "faithful.elapsed", Severity.block, m.start(), m.end(),
                        f"This makes the wait longer than it is: the interview was {since} days ago.",
                        "Say how long it has really been, or leave it out.",
                    )
                )  # fmt: skip
        at = low.find(" since ", at + 1)
    return found


def _name_cut(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """A surname without its particle: "Dear Riaan Plessis" for Riaan du Plessis."""
    found = []
    for person in facts.people:
        parts = person.split()
        if len(parts) < 3 or not any(p[:1].islower() for p in parts[1:-1]):
            continue
        cut = f"{parts[0]} {parts[-1]}"
        at = draft.work.find(cut)
        if at >= 0 and not _inside_word(draft.work, at):
            found.append(
                draft.finding(
                    Check.faithful, "faithful.name", Severity.block, at, at + len(cut),
                    f"'{cut}' leaves out part of the name: your notes have '{person}'.",
                    "Write the name as your notes have it.",
                )
            )  # fmt: skip
    return found


#: A thank-you note spoken of as sent: "As I mentioned in my thank-you note".
_THANK_YOU_SENT = re.compile(
    r"\b(?:in|since|after) my (?:earlier |previous |last |first )?thank[- ]you (?:note|email|e-mail|message|letter)\b",
    re.I,
)


def _no_thank_you_sent(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """A thank-you note referred to when the notes record none sent."""
    if facts.thanked_firsts:
        return []
    m = _THANK_YOU_SENT.search(draft.work)
    if m is None:
        return []
    return [
        draft.finding(
            Check.faithful, "faithful.history", Severity.block, m.start(), m.end(),
            "This speaks of a thank-you note, and your notes record none sent.",
            "Leave it out, or record the thank-you in your notes if you sent one.",
        )
    ]  # fmt: skip


#: Thanks for a meeting: said to someone who was not at the interview, it is false.
_MET = re.compile(
    r"\bthank(?:s| you)(?: so much| very much| again| once again)? (?:for meeting|for interviewing|for the interview"
    r"|for taking (?:the )?time to (?:meet|interview)|for your time (?:on [A-Z]|at the interview|in the interview))"
    r"|\b(?:it was|it's been|it has been) (?:great|good|lovely|a pleasure|nice) (?:to meet|meeting) you"
    r"|\bappreciate(?:d)? the time you (?:took|gave|spent)"
    r"|\benjoyed (?:meeting|talking with|talking to|speaking with) you\b",
    re.I,
)


def _not_met(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """Thanks for meeting, to someone the notes name but who was not at the interview (the senior
    contact an escalation goes to): "Thank you for meeting me on 4 August, Mr du Plessis"."""
    greeting = greeting_of(draft.work)
    if greeting is None:
        return []
    line = draft.work[greeting.start(1) : draft.work.find("\n", greeting.start(1)) % (len(draft.work) + 1)]
    greeted = {w.casefold() for w in re.findall(r"[^\W\d_][\w'-]*", line)}  # "Dear Mr du Plessis": du, plessis
    if not greeted & (facts.outsider_firsts | facts.outsider_parts) or greeted & facts.interviewer_firsts:
        return []
    m = _MET.search(draft.work)
    if m is None:
        return []
    return [
        draft.finding(
            Check.faithful, "faithful.not_met", Severity.block, m.start(), m.end(),
            f"This thanks {line.strip(' ,')} for a meeting, but your notes do not have them at the interview.",
            "Say who you met and when, and thank them for their time reading this.",
        )
    ]  # fmt: skip


_FIRST_PERSON = re.compile(r"\b(?:my|i|i'm|i've|me)\b")


def _wrong_employer(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """Another organisation of the notes (the candidate's current or last employer, the agency)
    named as the one the role is at: "the role at Morley's Foodstore", "working on at Midway Freight"."""
    found = []
    for m in _employers_named(draft.work):
        named = m.group(1).casefold()
        if named in facts.company or facts.company in named or named.split()[0] in facts.company.split():
            continue
        if any(named in person.casefold() for person in facts.people):
            continue  # "my interview with Shawn"
        agency = load().agency.search(named) is not None and any(named in title for title in facts.titles)
        if not agency and (named in facts.role or any(named in title for title in facts.titles)):
            continue  # a site or a department ("Sous Chef, Queen West location"; "Plant Head - Chakan")
        if not agency and not any(
            named in line and _FIRST_PERSON.search(line) for line in facts.free_text.splitlines()
        ):
            continue  # only a name from the candidate's own story ("my six years at Morley's") is another employer
        found.append(
            draft.finding(
                Check.faithful, "faithful.employer", Severity.block, m.start(1), m.end(1),
                f"'{m.group(1)}' is named as the employer here, but the role is with another company in your notes.",
                "Name the company you interviewed with.",
            )
        )  # fmt: skip
    return found


def _confidence_repeated(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """A sentence that repeats what the notes say was told in confidence ("I heard the last tech
    left because of the on-call schedule", from "Tanya mentioned off the record that the last
    tech quit over the on-call schedule"): two of its words that the rest of the notes lack."""
    found = []
    for secret in facts.confidences:
        if len(secret) < 2:
            continue
        for m in SENTENCE.finditer(draft.work):
            if len(stems(content_words(m.group())) & secret) >= 2:
                found.append(
                    draft.finding(
                        Check.professional, "professional.confidence", Severity.block, m.start(), m.end(),
                        "This repeats something your notes say was told to you in confidence.",
                        "Leave it out: it was not yours to pass on.",
                    )
                )  # fmt: skip
    return found


def _hours(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """A part-time post called full-time ("the full-time role" for a 0.8 FTE post)."""
    if not facts.part_time:
        return []
    return [
        draft.finding(
            Check.faithful, "faithful.hours", Severity.block, m.start(), m.end(),
            "Your notes say the post is part-time; this calls it full-time.",
            "Describe the post as your notes do (part-time, or its hours).",
        )
        for m in FULL_TIME.finditer(draft.work)
    ]  # fmt: skip


def _news_after_rejection(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """A closing asks for no news, and after a rejection no message does: the decision is made.
    After silence the closing bows out (asking for news in it sends two messages at once)."""
    if draft.kind != DraftKind.closing and facts.outcome != "rejected":
        return []
    if facts.outcome == "rejected":
        code, message = (
            "faithful.news_after_rejection",
            "They told you they went with someone else; asking for news reads as if you had not heard.",
        )
        suggestion = "Thank them for letting you know, ask once for feedback if you like, and leave the door open."
    else:
        code, message = (
            "kind.closing_asks_for_news",
            "A closing note bows out; asking for news in it sends two messages at once.",
        )
        suggestion = "Either ask for news (a check-in) or close gracefully: 'I will assume the team has moved on.'"
    check = Check.faithful if code.startswith("faithful") else Check.kind_specific
    return [
        draft.finding(check, code, Severity.block, m.start(), m.end(), message, suggestion)
        for m in _ASKS_FOR_NEWS.finditer(draft.work)
    ]


_URL = re.compile(r"\(?\bhttps?://\S+|\bwww\.\S+", re.I)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d\n]{1,200}[\"\u201d]")
_SIGN_OFF = re.compile(rf"(?i:\b(?:{CLOSING_ALTERNATIVES}))\s*[,.!]?\s*[^\W\d_][\w'. -]*\s*$")
#: A link needs a reason in the sender's own words (what it is about, why it made them think of the reader).
MIN_OWN_WORDS_WITH_LINK = 6


def _bare_link(draft: Draft) -> list[Finding]:
    """A shared link with hardly a word of the sender's own (greeting, title, link and
    sign-off aside) reads like spam: say why you thought of them."""
    if "http" not in draft.lower and "www." not in draft.lower:
        return []  # no link: the common case, decided without a regular expression
    link = _URL.search(draft.work)
    if link is None:
        return []
    rest = _SIGN_OFF.sub("", _QUOTED.sub(" ", _URL.sub(" ", draft.work)).strip())
    greeting = GREETING.match(rest)
    rest = rest[greeting.end() :] if greeting else rest
    own = re.findall(r"[^\W\d_][\w'-]*", rest)
    if len(own) >= MIN_OWN_WORDS_WITH_LINK:
        return []
    return [
        draft.finding(
            Check.kind_specific, "kind.bare_link", Severity.block, link.start(), link.end(),
            "This shares a link with hardly a word of your own; to the reader it looks like spam.",
            "Say in a sentence why you thought of them: what it is about and how it connects to what you discussed.",
        )
    ]  # fmt: skip


_CLOSING_BEFORE = re.compile(rf"(?:^|[.!?]\s*)(?i:{CLOSING_ALTERNATIVES})\s*[,.!]?$")


def _subject_lines(draft: Draft) -> list[Finding]:
    """A subject line is the message's first line or nowhere; and there is only one."""
    lines = list(SUBJECT_LINE.finditer(draft.work))
    first_line = not draft.work[: lines[0].start()].strip() if lines else False
    allowed = 1 if first_line and len(lines) == 1 else 0
    return [
        draft.finding(
            Check.professional, "professional.subject_line", Severity.block, m.start(), m.end(),
            "The body has a Subject line of its own; the message would show two subjects.",
            "Remove the line: the subject is set apart from the body.",
        )
        for m in lines[allowed:]
    ]  # fmt: skip


_HEADERS = re.compile(r"(?:[ \t]*(?:subject|cc|bcc|to|re)[ \t]*:[^\n]*(?:\n|$)\s*)+", re.I)
#: A line that is a greeting: "Dear Margery," "Hi Sam" (short, on its own line).
_GREETING_LINE = re.compile(r"(?im)^[ \t]*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[^\n]{0,60}$")


def _before_greeting(draft: Draft) -> list[Finding]:
    """Nothing but a subject line comes before the greeting: text above it ("Sure! Here is a
    gracious closing note:") is a chatbot's wrapper or a paste, and the reader would see it first."""
    if GREETING.match(draft.work):
        return []
    line = _GREETING_LINE.search(draft.work)
    if line is None:
        return []
    headers = _HEADERS.match(draft.work)  # "Subject: ...", "Cc: Bisola Akande": the e-mail's own lines
    start = headers.end() if headers is not None else 0
    head = draft.work[start : line.start()]
    if not head.strip():
        return []
    first = start + len(head) - len(head.lstrip())
    end = start + len(head.rstrip())
    return [
        draft.finding(
            Check.professional, "professional.before_greeting", Severity.block, first, end,
            "Something comes before the greeting; the reader would see it first.",
            "Start the message with the greeting (an e-mail may have its Subject line above it).",
        )
    ]  # fmt: skip


_NOT_OURS = re.compile(r"\b(?:before|after|when|while|without|instead of)\s+$", re.I)


def _said(topic: str, data: MeaningRules) -> frozenset[str]:
    """The stems a topic names, less the words that say nothing about what was discussed."""
    words = {w for w in content_words(topic) if w not in data.generic}
    return stems(words) - data.generic_stems


def _topics(draft: Draft, facts: NotesFacts, data: MeaningRules) -> list[Finding]:
    """Every "our conversation about X" names a topic from the notes (most of its words do).
    When the notes record no topic at all, every word of X must be the role's or the company's
    (anything more specific was invented), and X reads on past "can" ("how physiotherapy can
    help people with chronic conditions")."""
    found = []
    for _, intro in matches(draft, data.topic_intro):
        if intro.group().lower().startswith(("talk", "discuss", "speak")) and _NOT_OURS.search(
            draft.work, max(0, intro.start() - 10), intro.start()
        ):
            continue  # "before talking about payment plans": a step described, not our conversation
        rest = draft.work[intro.end() : intro.end() + 200]
        if capital_from_notes(rest.split("\n", 1)[0], facts.capitalised):
            # "our conversation about Preparing practical kits": a line of notes pasted (not "Beijing")
            first = re.match(r"\s*\S+", rest)
            found.append(
                draft.finding(
                    Check.professional, "professional.notes_pasted", Severity.block, intro.start(),
                    intro.end() + (first.end() if first else 0), "This quotes a line of your notes as it was written, capital letter and all.",
                    "Start the topic in small letters, as it reads mid-sentence ('preparing practical kits').",
                )
            )  # fmt: skip
            continue
        quoted = " ".join(rest.lower().split())
        pasted = next((p for p in facts.jotted if quoted.startswith(p)), None)
        if pasted is not None:
            found.append(
                draft.finding(
                    Check.professional, "professional.notes_pasted", Severity.block, intro.start(),
                    intro.end() + 1 + len(pasted),
                    "This quotes your notes in another language, not a sentence in the message's."
                    if foreign_words(pasted)
                    else "This quotes your notes as you jotted them, not as a sentence to send.",
                    "Name the subject in a few plain words ('the transaction monitoring rules'), or leave it out.",
                )
            )  # fmt: skip
            continue
        if not facts.topics:
            cut = data.topic_end_past_modals.search(rest)
            topic = rest[: cut.start()] if cut else rest
            said = _said(topic, data)
            if said and not said <= facts.discussable:
                found.append(_invented_topic(draft, intro.start(), intro.end() + len(topic.rstrip()), topic))
            continue
        cut = data.topic_end.search(rest)
        topic = rest[: cut.start()] if cut else rest
        if _A_DAY.match(topic):
            continue  # "the chat on the 19th": when, not what
        said = _said(topic, data)
        if not said or len(said & facts.discussable) * 2 >= len(said):
            continue
        # "how hard it is to recruit riders ...": a word list cut the topic short; judge the clause.
        clause = re.split(r"[.;:!?,()\n\u2014]", rest, maxsplit=1)[0]
        longer = _said(clause, data)
        if len(said) <= 2 and len(longer & facts.discussable) * 2 >= len(longer):
            continue
        found.append(_invented_topic(draft, intro.start(), intro.end() + len(topic.rstrip()), topic))
    return found


#: A day where a topic would be: "on the 19th", "on Tuesday".
_A_DAY = re.compile(r"\s*(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(WEEKDAYS) + r")\b\W*$", re.I)


def _invented_topic(draft: Draft, start: int, end: int, topic: str) -> Finding:
    return draft.finding(
        Check.faithful, "faithful.topic", Severity.block, start, end,
        f"'{topic.strip()}' is not a topic in your notes; the draft may have invented what you discussed.",
        "Mention only what you discussed (the topics in your notes), or add this topic to them if it is true.",
    )  # fmt: skip


_MONTH_WORDS = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_MONTH_SET = frozenset(MONTHS) | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
#: After a weekday: its date ("Monday 2 November", "Monday, the 2nd of November", "Monday, November 2").
_DATE_AFTER_WEEKDAY = re.compile(
    rf",?\s+(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_WORDS})\b"
    rf"|({_MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b)",
    re.I,
)


def _dates(draft: Draft, facts: NotesFacts, data: MeaningRules, today: date | None) -> list[Finding]:
    """A weekday agrees with its date; a day that has passed is not written as still to come.
    Only sentences with a month's name are read (the words are already split), so a draft
    without dates costs next to nothing."""
    past = today if today is not None else facts.latest_past  # the day the draft is for (the notes hold nothing later)
    found: list[Finding] = []
    sentences: set[tuple[int, int]] = set()
    for word in draft.words:
        key = word.text.lower()
        if key in _MONTH_SET:
            sentences.add(draft.sentence_span(word.start))
        elif key in WEEKDAYS:
            found += _weekday(draft, word.start, word.end, key, past)
            if today is not None:
                found += _stale_weekday(draft, word.start, word.end, key, facts, today)
    for first, last in sorted(sentences):
        sentence = draft.work[first:last]
        if not data.future.search(sentence) or data.past.search(sentence):
            continue
        for mention in mentions(sentence):
            when = mention.when(past)
            if when is not None and when < past:
                start, end = first + mention.start, first + mention.end
                found.append(
                    draft.finding(
                        Check.faithful, "faithful.past_as_coming", Severity.block, start, end,
                        f"{when.day} {when:%B} has passed, but the draft writes of it as still to come.",
                        "Leave it out, or say what happened instead.",
                    )
                )  # fmt: skip
    return found


_ON_BEFORE = re.compile(r"\b(?:on|last)\s+$", re.I)
_MEETING = phrases(
    "interview",
    "interviewed",
    "met",
    "meet",
    "meeting",
    "conversation",
    "spoke",
    "talked",
    "time you gave",
    "your time",
)


def _stale_weekday(draft: Draft, start: int, end: int, weekday: str, facts: NotesFacts, today: date) -> list[Finding]:
    """ "My interview on Monday" reads as this week's Monday: once the interview is more
    than six days back, the weekday alone points at the wrong day. (On the interview's own
    day, "on Monday" is fine: readers of the labelled set let it pass.)"""
    days = (today - facts.interview_date).days
    if days <= 6 or facts.interview_date.weekday() != WEEKDAYS.index(weekday):
        return []
    before = _ON_BEFORE.search(draft.work, max(0, start - 6), start)
    if before is None or _DATE_AFTER_WEEKDAY.match(draft.work, end):
        return []
    if before.group().strip().lower() == "last" and days <= 13:
        return []  # "last Tuesday" for the Tuesday of last week is right
    first, last = draft.sentence_span(start)
    if not _MEETING.search(draft.work, first, last):
        return []
    return [
        draft.finding(
            Check.faithful, "faithful.stale_weekday", Severity.block, start, end,
            f"The interview was on {facts.interview_date:%A} {facts.interview_date.day} {facts.interview_date:%B}, "
            f"{(today - facts.interview_date).days} days ago; '{weekday.capitalize()}' alone reads as this week's.",
            f"Write the date in full: '{facts.interview_date:%A} {facts.interview_date.day} {facts.interview_date:%B}'.",
        )
    ]  # fmt: skip


def _weekday(draft: Draft, start: int, end: int, weekday: str, near: date) -> list[Finding]:
    m = _DATE_AFTER_WEEKDAY.match(draft.work, end)
    if m is None:
        return []
    day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    when = Mention(start, m.end(), int(day), month_number(month), int(day)).when(near)
    if when is None or when.weekday() == WEEKDAYS.index(weekday):
        return []
    return [
        draft.finding(
            Check.faithful, "faithful.weekday", Severity.block, start, m.end(),
            f"{when.day} {when:%B} {when.year} is a {when:%A}, not a {weekday.capitalize()}.",
            f"Write '{when:%A} {when.day} {when:%B}', or check the date in your notes.",
        )
    ]  # fmt: skip


#: "As Service Desk Manager, you ...", "as the Head of Nursing you": the reader named by a title.
_AS_TITLE = re.compile(r"\b[Aa]s (?:the |our |your )?([A-Z][\w&/()-]*(?: (?:[A-Z][\w&/()-]*|of|and|&|for))*),? you\b")


def _someone_elses_title(draft: Draft, facts: NotesFacts) -> list[Finding]:
    """The reader (the one greeted) given another person's title ("As Service Desk Manager you
    asked ...", to the team lead): a title of someone else in the notes, and not theirs."""
    found: list[Finding] = []
    lowered = draft.work.casefold()
    heads = {name: title.split(",")[0] for name, title in facts.title_of}  # "team lead", not ", l2 support"
    if not any(head in lowered for head in heads.values()):
        return found  # (a title of the notes written out in full is where a wrong one shows)
    found += _title_before_a_name(draft, heads, lowered)
    said_titles = list(_AS_TITLE.finditer(draft.work))
    greeting = greeting_of(draft.work) if said_titles else None
    if greeting is None:
        return found
    greeted = greeting.group().split()[-1].casefold()
    readers = [name for name, _ in facts.title_of if greeted in name.casefold().split()]
    if len(readers) != 1:
        return found
    recipient = readers[0]
    theirs = next(title for name, title in facts.title_of if name == recipient)
    for m in said_titles:
        said = m.group(1).casefold()
        if said in theirs or theirs.startswith(said):
            continue
        other = next((name for name, title in facts.title_of if name != recipient and said in title), None)
        if other is not None:
            found.append(
                draft.finding(
                    Check.faithful, "faithful.wrong_title", Severity.block, m.start(1), m.end(1),
                    f"This gives {recipient} the title of {other} ({m.group(1)}).",
                    "Use their own title, or leave the title out.",
                )
            )  # fmt: skip
    return found


def _title_before_a_name(draft: Draft, heads: dict[str, str], lowered: str) -> list[Finding]:
    """Someone in the notes given another person's title: "your Area Manager, Ewelina Kaczmarek",
    when Ewelina is the store manager and the area manager is someone else. ``heads``: each
    person's title up to its first comma."""
    found: list[Finding] = []
    for name, head in heads.items():
        for m in re.finditer(rf"\b{re.escape(name.split()[0])}\b", draft.work):
            before = lowered[max(0, m.start() - 45) : m.start()].rstrip(" ,")
            if before.endswith(head):
                continue
            other = next((n for n, h in heads.items() if n != name and h and before.endswith(h)), None)
            if other is not None:
                found.append(
                    draft.finding(
                        Check.faithful, "faithful.wrong_title", Severity.block, m.start(), m.end(),
                        f"This gives {name} the title of {other} ({heads[other]}).",
                        "Use their own title, or leave the title out.",
                    )
                )  # fmt: skip
    return found
