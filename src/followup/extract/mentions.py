"""The people in one sentence: lists after "with"/"met", titles in brackets, "X is the recruiter", "boss is X"."""

from __future__ import annotations

import re

from followup.extract.dates import find_dates
from followup.extract.facts import Facts, SourceOf
from followup.extract.people import (
    NAME,
    PersonMention,
    is_name_word,
    is_title_word,
    parse_item,
    parse_list,
    role_of,
    strong_title,
)
from followup.extract.text import tidy_name, tidy_title

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


def _dash_titles(text: str) -> str:
    """'Nora Quinn - recruiter, and Raj Iyer - analytics manager': the dashes become commas (same length)."""
    return re.sub(r"\s[-\u2013]\s", lambda m: ",  " if _title_follows(text, m.end()) else m.group(0), text)


def _title_follows(text: str, at: int) -> bool:
    word = re.match(r"(?:the\s+)?([\w-]+)", text[at:])
    if word is None:
        return False
    return is_title_word(word.group(1)) or role_of(word.group(1)) != "panel"


def people_in(text: str, kinds: set[str], facts: Facts, src: SourceOf, voice: str = "user") -> list[PersonMention]:
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
    rf"(?P<who>{NAME}?)\s+(?:is|was|'s|\u2019s)\s+(?:the|our|their|my|a|an|from|in)?\s*(?P<title>[\w' -]{{2,40}}?)(?=\s*(?:[,.;!?]|\band\b|$))",
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
        if not any(strong_title(w) for w in match.group(1).split()):
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


def bare_people(text: str, facts: Facts, src: SourceOf) -> bool:
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
