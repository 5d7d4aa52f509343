"""Reading one sentence: its triggers, the people, company and role in it, and which date goes with what.

Each date phrase goes to the nearest trigger before it that can take it (else
the nearest after it): "interviewed ... last thurs", "sent thank-yous same day",
"Yesterday I had an interview", "hear back by Friday". A sentence with a reply
in it gives its promise to that reply ("Tom emailed yesterday: another week").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from followup.extract.dates import DateMention, find_dates
from followup.extract.facts import Facts, Source, When
from followup.extract.lexicon import lexicon, triggers, word_sets
from followup.extract.people import (
    PersonMention,
    _strong_title,
    is_name_word,
    is_title_word,
    parse_item,
    parse_list,
    role_of,
)
from followup.extract.text import Sentence, tidy_name, tidy_title

_NAME = r"[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,2}"
_ME = re.compile(
    rf"(?:\bI'?m\b|\bI am\b|\bthis is\b|\bmy name is\b|\bmy name's\b|\bname'?s\b)\s+(?P<name>{_NAME})",
    re.I,
)
_HERE = re.compile(rf"(?:^|[-\u2013\u2014,:]\s*)(?P<name>{_NAME})\s+here\b", re.I)
_PEOPLE_CUE = re.compile(
    r"\b(?:with|w/|met|meeting|interviewed by|interview(?:ed)? with|spoke (?:with|to)|talked (?:with|to)|panel of|"
    r"panel with)\s+",
    re.I,
)
_STOP = re.compile(
    r"\s(?:at|@|for|on|about|last|this|yesterday|yday|today|who|which|where|and then|but|from|in|over|via|"
    r"-|\u2013|\u2014|said|says|told|was|were|is|they|it|we|went|so|because|b4|before|after)\s"
    r"|(?<!\bmr)(?<!\bms)(?<!\bmrs)(?<!\bdr)(?<!\bprof)[.:;!?]|\s-\s",
    re.I,
)
_COMPANY = re.compile(r"(?:\bat|@)\s+(?P<company>[^\s,.;:!?()]+(?:\s+[^\s,.;:!?()]+){0,4})", re.I)
_COMPANY_STOP = {
    "for", "on", "last", "this", "yesterday", "yday", "today", "w/", "with", "and", "in", "the", "a", "an", "about",
    "to", "as", "by", "from", "who", "where", "which", "when", "that", "but", "so", "since", "after", "before", "b4",
    "i", "we", "they", "my", "our", "their", "had", "was", "were", "is", "via", "over", "-", "\u2013", "+",
    "went", "has", "did", "said", "called", "emailed", "seemed", "looked", "tonight",
}  # fmt: skip
_ROLE = re.compile(
    r"\bfor\s+(?:(?:the|a|an|their|its)\s+)?(?P<role>[\w/&+#.' -]{2,60}?)\s+(?:role|position|job|opening|post|vacancy)\b"
    r"|\b(?:the|a|an)\s+(?P<role2>[\w/&+#.' -]{2,60}?)\s+(?:role|position|job)\s+at\b"
    r"|\b(?:role|position)\s*:\s*(?P<role3>[^,.;\n]{2,60})"
    r"|\b(?:in|about|interviewing for|applied for)\s+the\s+(?P<role4>[\w/&+#.' -]{2,50}?)\s+(?:role|position)\b",
    re.I,
)
_URL = re.compile(r"https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?]")
_QUOTED = re.compile(r"[\"“]([^\"”]{3,200})[\"”]")
_RENAME = re.compile(
    rf"(?:it'?s|name is|names? is|spelled|i meant|should be|is actually)\s+(?P<new>{_NAME}?)\s*,?\s+not\s+(?P<old>{_NAME}?)\b"
    rf"|\bnot\s+(?P<old2>{_NAME}?)\s*,?\s+(?:it'?s|but)\s+(?P<new2>{_NAME}?)\b",
    re.I,
)
_PAST_EVENTS = ("interview", "thank_you", "check_in", "escalation", "value_add", "reply")
_ALL_OF_THEM = re.compile(
    r"\b(?:both(?: of them)?|everyone|everybody|all(?: of them| three| 3)?|each(?: of them)?|them all|the (?:whole )?panel|"
    r"the team)\b",
    re.I,
)
_TO = re.compile(rf"\b(?:to|with|pinged|nudged|emailed|chased)\s+(?P<who>{_NAME})", re.I)


_Src = Callable[[int, int], Source]


@dataclass(frozen=True, slots=True)
class _Trigger:
    kind: str
    start: int
    end: int


def read_sentence(sentence: Sentence, *, voice: str, known_names: list[str]) -> Facts:
    """The facts of one sentence. ``voice`` is "user" or "email" (a pasted e-mail's body)."""
    text = sentence.text
    facts = Facts()
    plain = _URL.sub(lambda m: " " * len(m.group(0)), text)  # names never come from inside a web address
    tr = triggers()
    found = _triggers(text)
    kinds = {t.kind for t in found}
    is_correction = bool(tr["correction"].search(text))

    def src(start: int, end: int) -> Source:
        return Source(sentence.turn, sentence.start + start, sentence.start + end, text[start:end])

    if voice == "user":
        _candidate(text, facts, src)
    _outcome(text, kinds, facts, src)
    _company_and_role(text, kinds, facts, src, known_names)
    people = _people(plain, kinds, facts, src, voice)
    if (
        voice == "user"
        and not people
        and not found
        and not facts.scalars
        and not is_correction
        and _bare_people(text, facts, src)
    ):
        return facts
    dates = [d for d in find_dates(text) if not _negated(text, d)]
    bound = _bind(found, dates, text)
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


def _triggers(text: str) -> list[_Trigger]:
    found: list[_Trigger] = []
    for kind in ("interview", "thank_you", "check_in", "escalation", "value_add", "reply", "reply_received", "promise"):
        for match in triggers()[kind].finditer(text):
            found.append(_Trigger("reply" if kind == "reply_received" else kind, match.start(), match.end()))
    found = [t for t in found if not _subsumed(t, found, text)]
    return sorted(found, key=lambda t: t.start)


def _subsumed(trigger: _Trigger, found: list[_Trigger], text: str) -> bool:
    """Drop readings that a stronger one covers: "I emailed a thank you" is no reply."""
    if trigger.kind == "promise" and any(
        t.kind != "promise" and t.start <= trigger.start and trigger.end <= t.end for t in found
    ):
        return True  # "reply" inside "got a reply"
    before = text[max(0, trigger.start - 12) : trigger.start].lower()
    if trigger.kind == "reply" and not text[trigger.start :].lower().startswith(("heard", "got", "reply", "response")):
        if re.search(r"\bi\s+(?:\w+\s+)?$", before) or re.search(r"(?:^|[.,;]\s*)$", before):
            return True
        if any(t.kind in ("thank_you", "check_in", "escalation", "value_add") for t in found) and re.search(
            r"\bi\b", text[: trigger.start], re.I
        ):
            return True
    if trigger.kind == "check_in" and re.search(r"\b(?:they|he|she|\w+ from hr)\s+$", before):
        return True
    return (
        trigger.kind == "interview"
        and any(t.kind == "thank_you" for t in found)
        and "met" in text[trigger.start : trigger.end]
    )


def _negated(text: str, mention: DateMention) -> bool:
    return bool(re.search(r"\bnot\s+(?:on\s+|the\s+)?$", text[max(0, mention.start - 10) : mention.start], re.I))


def _compatible(kind: str, mention: DateMention, text: str) -> bool:
    tense = _tense(mention)
    if kind == "promise":
        if tense == "either":  # "by Friday", "on Nov 3": a bare date is a promise only after such a word
            before = text[max(0, mention.start - 12) : mention.start]
            return mention.kind != "relative" and bool(
                re.search(
                    r"\b(?:by|before|b4|until|till|on|for|said|says|told me|hear|know|decide|decision|answer|back)\s*$",
                    before,
                    re.I,
                )
                or re.match(r"(?i)(?:by|on|b4)\b", mention.phrase)
            )
        return tense != "past"
    return tense != "future"


def _tense(mention: DateMention) -> str:
    if mention.kind == "weekday":
        mod = str(mention.parts[11] or "").lower()
        if mod in ("by", "b4", "before", "until", "till", "next", "this coming", "coming"):
            return "future"
        if mod in ("last", "this past", "past"):
            return "past"
    if mention.kind == "relative":
        return (
            "future" if lexicon().relative_days.get(" ".join(str(mention.parts[9]).lower().split()), 0) > 0 else "past"
        )
    if mention.kind in ("month_day", "day_month", "numeric", "iso") and re.match(r"(?i)by\b", mention.phrase):
        return "future"
    return mention.tense


def _bind(found: list[_Trigger], dates: list[DateMention], text: str) -> dict[int, list[DateMention]]:
    """Which date goes with which trigger (by the trigger's index)."""
    bound: dict[int, list[DateMention]] = {}
    previous: tuple[DateMention, int] | None = None
    for mention in dates:
        if previous is not None and re.fullmatch(r"[\s,]*(?:the\s+)?", text[previous[0].end : mention.start]):
            bound[previous[1]].append(mention)  # "Wednesday, December 2" is one date
            continue
        previous = None
        if mention.kind in ("another", "more"):
            target = next((i for i, t in enumerate(found) if t.kind == "promise"), None)
            if target is None:
                target = next((i for i, t in enumerate(found) if t.kind == "reply"), None)
            if target is not None:
                bound.setdefault(target, []).append(mention)
            continue
        before = [i for i, t in enumerate(found) if t.start <= mention.start and _compatible(t.kind, mention, text)]
        after = [i for i, t in enumerate(found) if t.start > mention.start and _compatible(t.kind, mention, text)]
        free_before = [i for i in before if i not in bound]
        free_after = [i for i in after if i not in bound]
        # A date right before its trigger ("Yesterday I had an interview") or right after it.
        choice = free_before[-1] if free_before else free_after[0] if free_after else None
        between = text[mention.end : found[free_after[0]].start] if free_after else ","
        close_after = bool(free_after) and (
            not free_before
            or (
                not re.search(r"[,.;:]", between) and len(between) < 4 < _gap(mention.start, found[free_before[-1]].end)
            )
        )
        if close_after and (found[free_after[0]].kind != "promise" or _tense(mention) == "future"):
            choice = free_after[0]
        if choice is None and (before or after):
            choice = before[-1] if before else after[0]
        if choice is not None:
            bound.setdefault(choice, []).append(mention)
            previous = (mention, choice)
    return bound


def _gap(a: int, b: int) -> int:
    return abs(a - b)


def _best(mentions: list[DateMention]) -> DateMention:
    """Of several phrases for one event, the most precise ("Thursday, November 19" -> November 19)."""
    order = ["iso", "month_day", "day_month", "numeric", "nth"]
    for kind in order:
        for mention in mentions:
            if mention.kind == kind:
                return mention
    return mentions[0]


_FORM_LINE = re.compile(
    r"^\s*(?P<key>name|my name|candidate|company|employer)\s*:\s*(?P<value>[^\n]{2,100}?)\s*$", re.I
)


def _candidate(text: str, facts: Facts, src: _Src) -> None:
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


def _outcome(text: str, kinds: set[str], facts: Facts, src: _Src) -> None:
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


def _company_and_role(text: str, kinds: set[str], facts: Facts, src: _Src, names: list[str]) -> None:
    if role := _ROLE.search(text):
        group = next(g for g in ("role", "role2", "role3", "role4") if role.group(g))
        value = role.group(group).strip()
        if (
            value.lower() not in ("same", "other", "new")
            and len(value.split()) <= 6
            and not re.search(r"\b(?:your|my|our|this|that|interest|in|the)\b", value, re.I)
        ):
            facts.scalars["role"] = (tidy_title(value), src(role.start(group), role.end(group)))
    _company_elsewhere(text, facts, src, names)
    if "interview" not in kinds and not re.search(r"\b(?:role|position|job|work(?:ing)?|company)\b", text, re.I):
        return
    for match in _COMPANY.finditer(text):
        region = match.group("company")
        region = region[: min([d.start for d in find_dates(region)] + [len(region)])]
        words: list[str] = []
        for word in region.split():
            if word.lower() in _COMPANY_STOP or word[:1].isdigit():
                break
            words.append(word)
        if not words or (words[0].lower() in word_sets()[1] and not words[0][:1].isupper()):
            continue
        start = match.start("company")
        facts.scalars["company"] = (tidy_title(" ".join(words)), src(start, start + len(" ".join(words))))
        return


_CAPS = r"[A-Z][\w.'\u2019-]*(?:\s+(?:&\s+)?[A-Z][\w.'\u2019-]*){1,3}"
_COMPANY_ELSEWHERE = [
    re.compile(
        rf"\b(?i:rejected by|rejection from|offer from|heard back(?:\s+today|\s+yesterday)? from|heard from|email from|call from|withdr\w+ from|pulled out of|applied to|applied at|applying to)\s+(?:the\s+)?(?P<c>{_CAPS})"
    ),
    re.compile(
        rf"\b(?:CTO|CEO|COO|CFO|VP|[Dd]irector|[Hh]ead|[Ff]ounder|[Oo]wner|[Rr]ecruiter|[Mm]anager)\s+(?:of|at)\s+(?P<c>{_CAPS})"
    ),
    re.compile(rf"\b[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?\s+(?:from|at|@)\s+(?P<c>{_CAPS})"),
    re.compile(rf"\)\s+(?:from|at|@)\s+(?P<c>{_CAPS})"),
    re.compile(
        rf"^\W*(?:\w+\W+)?(?P<c>{_CAPS})\s+(?:just\s+)?(?:called|emailed|offered|rang|replied|wrote|rejected|got back)\b"
    ),
]
_NOT_COMPANY_START = {"then", "actually", "so", "and", "but", "also", "update", "today", "yesterday", "i", "we", "they"}


def _company_elsewhere(text: str, facts: Facts, src: _Src, names: list[str]) -> None:
    """'rejected by Sundial Games', 'the CTO of Marble Robotics', 'Cedar & Stone just called'."""
    for pattern in _COMPANY_ELSEWHERE:
        match = pattern.search(text)
        if match:
            name = re.sub(r"['\u2019]s?$", "", match.group("c"))
            words = name.split()
            if words[0].lower() in _NOT_COMPANY_START or any(
                n.split()[0].casefold() == words[0].casefold() for n in names
            ):
                continue  # "Then I emailed", "Jonas Weber emailed": a person, not the company
            if not all(is_title_word(w) for w in words):
                # a guess: a company said after "at" in any sentence wins over it
                facts.scalars.setdefault("company?", (name, src(match.start("c"), match.start("c") + len(name))))
                return


def _dash_titles(text: str) -> str:
    """'Nora Quinn - recruiter, and Raj Iyer - analytics manager': the dashes become commas (same length)."""
    return re.sub(r"\s[-\u2013]\s", lambda m: ",  " if _title_follows(text, m.end()) else m.group(0), text)


def _title_follows(text: str, at: int) -> bool:
    word = re.match(r"(?:the\s+)?([\w-]+)", text[at:])
    if word is None:
        return False
    return is_title_word(word.group(1)) or role_of(word.group(1)) != "panel"


def _people(text: str, kinds: set[str], facts: Facts, src: _Src, voice: str = "user") -> list[PersonMention]:
    people: list[PersonMention] = []
    senior_sentence = "interview" not in kinds and re.search(r"\bboss\b|\bthere is\b", text, re.I)
    if "interview" in kinds:
        for cue in _PEOPLE_CUE.finditer(text):
            region = text[cue.end() :]
            if count := re.match(
                r"(?:\d+|two|three|four|five|six|the following|these)\s+(?:people|folks|interviewers|of them)?\s*:\s*",
                region,
                re.I,
            ):
                region = " " * count.end() + region[count.end() :]  # "Met 4 people: A, B and C"
            stop = _STOP.search(" " + region)
            dates = find_dates(region)
            end = min([stop.start() - 1 if stop else len(region)] + [d.start for d in dates])
            listed = _dash_titles(region[:end])
            found_here = parse_list(listed, cue.end())
            if voice == "email":  # "interviewing with Cinderpath": in an e-mail, one bare word is the company
                found_here = [p for p in found_here if p.title or len(p.name.split()) > 1]
            after = re.match(
                r"\s*(?:from|in|of|with)\s+(?:the\s+)?(?:(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['\u2019]s\s+)?"
                r"(hr|human resources|recruiting|recruitment|talent(?: acquisition)?|people(?: team| ops)?)\b",
                region[end:],
                re.I,
            )
            if after and after.group("org"):
                at = cue.end() + end + after.start("org")
                facts.scalars.setdefault(
                    "company", (tidy_title(after.group("org")), src(at, at + len(after.group("org"))))
                )
            if found_here and after:
                last = found_here[-1]
                title = "HR" if after.group(2).lower() == "hr" else tidy_title(after.group(2).lower())
                found_here[-1] = PersonMention(
                    last.name, last.title or title, "recruiter", last.start, cue.end() + end + after.end()
                )
            people += found_here
    escalated_to: set[str] = set()
    if "escalation" in kinds and (escalated := _ESCALATED_TO.search(text)):
        region = escalated.group("r")
        region = region[: min([d.start for d in find_dates(region)] + [len(region)])]
        for person in parse_list(region.rstrip(" ,"), escalated.start("r")):
            title = person.title or "Manager"
            escalated_to.add(person.name.casefold())
            facts.people.append(
                (
                    PersonMention(person.name, title, "senior", person.start, person.end),
                    "senior",
                    src(person.start, person.end),
                )
            )
    if senior_sentence:
        people += _paren_people(text)
        boss = re.search(r"\bboss(?:\s+there)?\s+is\s+(?P<who>[^.;]+)", text, re.I)
        if boss and not people:
            people += [
                PersonMention(p.name, p.title or "Manager", "senior", p.start, p.end)
                for p in parse_list(boss.group("who"), boss.start("who"))
            ][:1]
        there = re.search(r"\bthe\s+(?P<title>[\w .&-]{2,40}?)\s+(?:there\s+)?is\s+(?P<who>.+)$", text, re.I)
        if there and not people:
            item = parse_item(there.group("who").rstrip(". "), there.start("who"))
            if isinstance(item, PersonMention):
                people.append(PersonMention(item.name, there.group("title").strip(), "senior", item.start, item.end))
        for person in people:
            title = person.title or "Senior Manager"
            senior = PersonMention(person.name, title, "senior", person.start, person.end)
            facts.people.append((senior, "senior", src(person.start, person.end)))
        return people
    else:
        for item in _paren_people(text) + _named_roles(text, people):
            if item.name.casefold() in escalated_to:
                continue  # the senior person the candidate escalated to was not in the interview
            if not any(p.start <= item.start < p.end for p in people) and item.title:
                people.append(item)
    best: dict[str, PersonMention] = {}
    for person in people:  # one mention per name, the one with a title if any
        key = person.name.casefold()
        if key not in best or (best[key].title is None and person.title is not None):
            best[key] = person
    for person in best.values():
        facts.people.append((person, "interviewer", src(person.start, person.end)))
    return list(best.values())


_IS_TITLE = re.compile(
    rf"(?P<who>{_NAME}?)\s+(?:is|was|'s|\u2019s)\s+(?:the|our|their|my|a|an|from|in)?\s*(?P<title>[\w' -]{{2,40}}?)(?=\s*(?:[,.;!?]|\band\b|$))",
    re.I,
)
_PRONOUN_TITLE = re.compile(
    r"\b(?:he|she|they)(?:'s|\u2019s|\s+is|\s+was|\s+are)\s+(?:the|our|their|my|a|an)\s+(?P<title>[\w' -]{2,40}?)(?=\s*(?:[,.;!?]|$))",
    re.I,
)


_TITLE_NAME = re.compile(
    r"\b(?P<title>[Rr]ecruiter|HR rep|[Hh]iring manager|[Tt]alent partner)\s+(?P<who>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)"
)
_ESCALATED_TO = re.compile(
    r"\b(?:reached out to|wrote to|emailed|contacted|messaged|escalated (?:it )?to)\s+(?P<r>(?:the|their|his|her)\s+[^.;]+)",
    re.I,
)


def _named_roles(text: str, people: list[PersonMention]) -> list[PersonMention]:
    """'Tariq is the hiring manager, Mei is HR'; 'he's the head chef' when one person is named."""
    out = []
    for match in _IS_TITLE.finditer(text):
        words = match.group("who").split()[-2:]
        while words and not is_name_word(words[0]):
            words.pop(0)
        title = match.group("title").strip()
        if not words or not any(is_title_word(w) for w in title.split()) or role_of(title) == "panel":
            continue
        start = match.start("who") + match.group("who").rfind(words[0])
        out.append(
            PersonMention(
                tidy_name(" ".join(words)),
                tidy_title(title) if title.islower() else title,
                role_of(title),
                start,
                match.end(),
            )
        )
    for match in _TITLE_NAME.finditer(text):  # "Recruiter Mina Sol from Tidepool Insurance called"
        start = match.start("who")
        out.append(
            PersonMention(
                tidy_name(match.group("who")),
                tidy_title(match.group("title")),
                role_of(match.group("title")),
                start,
                match.end("who"),
            )
        )
    pronoun = _PRONOUN_TITLE.search(text)
    if pronoun and len(people) == 1 and people[0].title is None:
        title = pronoun.group("title").strip()
        if any(is_title_word(w) for w in title.split()):
            out.append(
                PersonMention(
                    people[0].name,
                    tidy_title(title) if title.islower() else title,
                    role_of(title),
                    pronoun.start(),
                    pronoun.end(),
                )
            )
    return out


def _paren_people(text: str) -> list[PersonMention]:
    """'... evening Zoë Martín (CTO)': the name words right before a title in brackets."""
    out = []
    for match in re.finditer(r"\(([^()]{1,80})\)", text):
        if not any(_strong_title(w) for w in match.group(1).split()):
            continue  # "(law firm)", "(https://...)": not a title
        base = max(0, match.start() - 60)
        before = re.search(r"(?:(?<=\s)|^)((?:[^\W\d_][\w'\u2019-]*[ \t]+){1,3})$", text[base : match.start()])
        if before is None:
            continue
        base += before.start(1)
        words = list(re.finditer(r"[^\W\d_][\w'\u2019-]*", before.group(1)))
        while words and not all(is_name_word(w.group(0)) for w in words):
            words.pop(0)
        if not words:
            continue
        start = base + words[0].start()
        item = parse_item(text[start : match.end()], start)
        if isinstance(item, PersonMention):
            out.append(item)
    return out


def _bare_people(text: str, facts: Facts, src: _Src) -> bool:
    """A turn that is only 'Jon Doe, Engineering Manager' or only 'Sam Lee' (an answer to a question)."""
    if len(text) > 80 or find_dates(text):
        return False
    item = parse_item(text.rstrip(". "), 0)
    if isinstance(item, PersonMention):
        if item.title:
            facts.people.append((item, "interviewer", src(0, len(text))))
            return True
        if text.rstrip(". ") == text.rstrip(". ")[: item.end] and len(item.name.split()) >= 2:
            facts.scalars["bare_name"] = (item.name, src(0, len(text.rstrip(". "))))
            return True
    words = text.replace(",", " ").split()
    if 2 <= len(words) <= 8 and "," in text:
        people = parse_list(text.rstrip(". "), 0)
        if people and all(p.title for p in people):
            for person in people:
                facts.people.append((person, "interviewer", src(person.start, person.end)))
            return True
    return False


def _events(
    text: str,
    found: list[_Trigger],
    bound: dict[int, list[DateMention]],
    kinds: set[str],
    facts: Facts,
    src: _Src,
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
        mention = _best(mentions) if mentions else None
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
        dates = [d for d in find_dates(text) if not _negated(text, d)]
        if dates and reply_index is None and "promise" not in kinds:
            facts.interview = when(_best(dates), "past", "today")
            facts.interview_correction = True


def _negated_event(text: str, trigger: _Trigger) -> bool:
    before = text[max(0, trigger.start - 30) : trigger.start].lower()
    return bool(
        re.search(
            r"\b(?:not|never|haven'?t|havent|didn'?t|didnt|no|yet to|should i|do i|should|want to|going to|gonna|will|planning to|need to)\b[^,.]*$",
            before,
        )
    )


def _clause(text: str, found: list[_Trigger], index: int) -> str:
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


def _extras(text: str, kinds: set[str], facts: Facts, src: _Src) -> None:
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
