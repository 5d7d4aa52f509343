"""Reading one sentence into facts: who the candidate is, what happened, when, to whom.

The people, company and role come from :mod:`mentions` and :mod:`organisation`; which
date goes with which event from :mod:`binding`. A sentence with a reply in it gives
its promise to that reply ("Tom emailed yesterday: another week").
"""

from __future__ import annotations

import dataclasses
import re

from followup.extract.binding import Trigger, bind_dates, find_triggers, most_precise, negated_date
from followup.extract.dates import DateMention, find_dates
from followup.extract.facts import Facts, Source, SourceOf, When
from followup.extract.lexicon import triggers, word_sets
from followup.extract.mentions import bare_people, people_in
from followup.extract.organisation import company_and_role
from followup.extract.people import NAME, is_name_word
from followup.extract.text import Sentence, tidy_name, tidy_title

_ME = re.compile(
    rf"(?:\bI'?m\b|\bI am\b|\bthis is\b|\bmy name is\b|\bmy name's\b|\bname'?s\b)\s+(?P<name>{NAME})",
    re.I,
)


_HERE = re.compile(rf"(?:^|[-\u2013\u2014,:]\s*)(?P<name>{NAME})\s+here\b", re.I)


_URL = re.compile(r"https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?]")


_QUOTED = re.compile(r"[\"“]([^\"”]{3,200})[\"”]")


_RENAME = re.compile(
    rf"(?:it'?s|name is|names? is|spelled|i meant|should be|is actually)\s+(?P<new>{NAME}?)\s*,?\s+not\s+(?P<old>{NAME}?)\b"
    rf"|\bnot\s+(?P<old2>{NAME}?)\s*,?\s+(?:it'?s|but)\s+(?P<new2>{NAME}?)\b",
    re.I,
)


_PAST_EVENTS = ("interview", "thank_you", "check_in", "escalation", "value_add", "reply")


_ALL_OF_THEM = re.compile(
    r"\b(?:both(?: of them)?|everyone|everybody|all(?: of them| three| 3)?|each(?: of them)?|them all|the (?:whole )?panel|"
    r"the team)\b",
    re.I,
)


_TO = re.compile(rf"\b(?:to|with|pinged|nudged|emailed|chased)\s+(?P<who>{NAME})", re.I)


def read_sentence(sentence: Sentence, *, voice: str, known_names: list[str]) -> Facts:
    """The facts of one sentence. ``voice`` is "user" or "email" (a pasted e-mail's body)."""
    text = sentence.text
    facts = Facts()
    plain = _URL.sub(lambda m: " " * len(m.group(0)), text)  # names never come from inside a web address
    tr = triggers()
    found = find_triggers(text)
    kinds = {t.kind for t in found}
    is_correction = bool(tr["correction"].search(text))

    def src(start: int, end: int) -> Source:
        return Source(sentence.turn, sentence.start + start, sentence.start + end, text[start:end])

    if voice == "user":
        _candidate(text, facts, src)
    _outcome(text, kinds, facts, src)
    company_and_role(text, kinds, facts, src, known_names)
    people = people_in(plain, kinds, facts, src, voice)
    if (
        voice == "user"
        and not people
        and not found
        and not facts.scalars
        and not is_correction
        and bare_people(text, facts, src)
    ):
        return facts
    dates = [d for d in find_dates(text) if not negated_date(text, d)]
    bound = bind_dates(found, dates, text)
    _events(text, found, bound, kinds, facts, src, voice, is_correction, known_names + [p.name for p in people])
    if tr["asked"].search(text):
        facts.scalars["asked_next_steps"] = (True, src(0, len(text)))
    _extras(text, kinds, facts, src)
    if first := re.search(r"\bfirst name(?:\s+is|'s|:)?\s+(?P<n>[^\W\d_][\w'\u2019-]*)", text, re.I):
        facts.renames.append(("", tidy_name(first.group("n")), src(first.start(), first.end())))
    if is_correction and (match := _RENAME.search(text)):
        new = match.group("new") or match.group("new2")
        old = match.group("old") or match.group("old2")
        if new and old and is_name_word(new.split()[0]) and is_name_word(old.split()[0]):
            facts.renames.append((tidy_name(old), tidy_name(new), src(match.start(), match.end())))
    return facts


_FORM_LINE = re.compile(
    r"^\s*(?P<key>name|my name|candidate|company|employer)\s*:\s*(?P<value>[^\n]{2,100}?)\s*$", re.I
)


def _candidate(text: str, facts: Facts, src: SourceOf) -> None:
    _, _, not_after = word_sets()
    if form := _FORM_LINE.match(text):  # "Name: Lucas Ferreira", "Company: Oxbow Water"
        key = "company" if form.group("key").lower() in ("company", "employer") else "candidate_name"
        value = form.group("value").strip()
        facts.scalars[key] = (
            tidy_name(value) if key == "candidate_name" else tidy_title(value),
            src(form.start("value"), form.end("value")),
        )
        return
    for pattern in (_ME, _HERE):
        for match in pattern.finditer(text):
            words = []
            for word in match.group("name").split():
                if not is_name_word(word) or word.lower() in not_after:
                    break
                words.append(word)
            if not words or (pattern is _ME and words[0].islower() and words[0].lower() in not_after):
                continue
            if pattern is _HERE and not (len(words) >= 2 or words[0][:1].isupper()):
                continue
            start = match.start("name")
            end = start + len(" ".join(words))
            facts.scalars["candidate_name"] = (tidy_name(" ".join(words)), src(match.start(), end))
            return


def _outcome(text: str, kinds: set[str], facts: Facts, src: SourceOf) -> None:
    tr = triggers()
    for outcome in ("rejected", "withdrawn", "offer"):
        match = tr[outcome].search(text)
        if match is None:
            continue
        if outcome == "offer" and tr["other_offer"].search(text):
            continue
        if outcome == "rejected" and re.search(r"\b(?:if|whether|hope|hoping|worried|afraid|scared)\b", text, re.I):
            continue
        facts.scalars["outcome"] = (outcome, src(match.start(), match.end()))
        return


def _events(
    text: str,
    found: list[Trigger],
    bound: dict[int, list[DateMention]],
    kinds: set[str],
    facts: Facts,
    src: SourceOf,
    voice: str,
    is_correction: bool,
    names: list[str],
) -> None:
    has_reply = "reply" in kinds
    reply_index = next((i for i, t in enumerate(found) if t.kind == "reply"), None)

    def when(mention: DateMention | None, direction: str, anchor: str) -> When | None:
        if mention is None:
            return None
        return When(mention, direction, anchor, voice, src(mention.start, mention.end))

    done: set[str] = set()
    for i, trigger in enumerate(found):
        mentions = bound.get(i, [])
        mention = most_precise(mentions) if mentions else None
        whole = src(0, len(text))
        if trigger.kind == "interview":
            if mention is not None:  # "first on Oct 14 ..., then a final one on Oct 22": the later round
                facts.interview = when(mention, "past", "today")
                facts.interview_correction = is_correction
        elif trigger.kind in ("thank_you", "check_in", "escalation", "value_add"):
            if trigger.kind in done or _negated_event(text, trigger):
                continue
            if trigger.kind == "thank_you" and mention is None and not triggers()["sent_words"].search(text):
                continue
            if voice == "email":
                continue
            done.add(trigger.kind)
            clause = _clause(text, found, i)
            facts.messages.append((trigger.kind, when(mention, "past", "interview"), _recipients(clause, names), whole))
        elif trigger.kind == "reply" and "reply" not in done:
            done.add("reply")
            promise = next((m for j, t in enumerate(found) if t.kind == "promise" for m in bound.get(j, [])), None)
            if "outcome" in facts.scalars:
                continue  # "they went with someone else", "X just called: offer!": the outcome, not a reply to count
            if mention is None and not re.search(r"\b(?:just|now|today|this (?:morning|afternoon))\b", text, re.I):
                continue  # an undated "finally got a call" is often the story before the interview
            facts.replies.append((when(mention, "past", "today"), when(promise, "future", "reply"), whole))
        elif trigger.kind == "promise" and not has_reply and mention is not None and facts.promise is None:
            facts.promise = when(mention, "future", "email" if voice == "email" else "interview")
            if mention.kind != "weekday" and re.search(r"\b(?:before|b4)\s+(?:the\s+)?$", text[: mention.start], re.I):
                facts.promise = dataclasses.replace(facts.promise, before=True) if facts.promise else None
    if facts.interview is None and is_correction and not has_reply and not facts.messages:
        dates = [d for d in find_dates(text) if not negated_date(text, d)]
        if dates and reply_index is None and "promise" not in kinds:
            facts.interview = when(most_precise(dates), "past", "today")
            facts.interview_correction = True


def _negated_event(text: str, trigger: Trigger) -> bool:
    before = text[max(0, trigger.start - 30) : trigger.start].lower()
    return bool(
        re.search(
            r"\b(?:not|never|haven'?t|havent|didn'?t|didnt|no|yet to|should i|do i|should|want to|going to|gonna|will|planning to|need to)\b[^,.]*$",
            before,
        )
    )


def _clause(text: str, found: list[Trigger], index: int) -> str:
    """The words of one event in a run-on sentence: from its trigger to the next event's."""
    trigger = found[index]
    start = next((t.end for t in reversed(found[:index]) if t.kind not in (trigger.kind, "promise")), 0)
    end = next((t.start for t in found[index + 1 :] if t.kind not in (trigger.kind, "promise")), len(text))
    return text[start:end]


def _recipients(text: str, names: list[str]) -> list[str] | None:
    """Who a message went to: named people, "both of them" (everyone), or None (the usual recipients)."""
    if _ALL_OF_THEM.search(text):
        return ["*"]
    found: list[str] = []
    lowered = text.casefold()
    for name in names:
        first = name.split()[0].casefold()
        if re.search(rf"(?<!\w){re.escape(first)}(?:\s+\S+)?['\u2019]s\s+boss", lowered):
            continue  # "Ikenna's boss": the message went to the boss
        if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", lowered) or re.search(
            rf"(?<!\w){re.escape(first)}(?!\w)", lowered
        ):
            found.append(name)
    if found:
        return found
    for match in _TO.finditer(text):
        who = match.group("who").split()
        words = []
        for word in who:
            if not is_name_word(word):
                break
            words.append(word)
        if words:
            return [tidy_name(" ".join(words))]
    return None


def _extras(text: str, kinds: set[str], facts: Facts, src: SourceOf) -> None:
    tr = triggers()
    for url in _URL.finditer(text):
        quoted = _QUOTED.search(text)
        title = quoted.group(1) if quoted else None
        if title is None and (dash := re.search(r"\s[-\u2013\u2014]\s+([^()]{3,120}?)\s*\(\s*https?://", text)):
            title = dash.group(1)
        topic = re.search(r"\b(?:on|about)\s+(?P<t>[^:()\n]{3,120}?)\s*(?:[:(-]|https?://|$)", text)
        facts.articles.append(
            (
                url.group(0),
                title or (topic.group("t") if topic else url.group(0)),
                topic.group("t") if topic else None,
                src(0, len(text)),
            )
        )
    if not facts.articles and (match := tr["topic"].search(text)):
        rest = text[match.end() :].strip(" .!")
        about = re.split(r"\s+(?:and then|but|then|they said|said|so)\s+|[.;]", rest)[0].strip()
        if 3 <= len(about) <= 300:
            facts.topics.append((about, src(match.end(), match.end() + len(about))))
    if tr["personal"].search(text):
        facts.personal.append((text, src(0, len(text))))
