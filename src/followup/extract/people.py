"""People in free text: names (lower-case ones too), their titles, and the role each title means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from followup.extract.lexicon import alternation, lexicon, word_sets
from followup.extract.text import tidy_name, tidy_title

#: A name as people type it: one to three words, any script, any case.
NAME = r"[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,2}"
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.-]*", re.UNICODE)
_ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+|\s+\+\s+|/(?!\w))\s*", re.I)
_PAREN = re.compile(r"\(([^()]{1,80})\)")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person as written: the name tidied, the title if given, the role it means, the source span."""

    name: str
    title: str | None
    role: str
    start: int
    end: int


@cache
def _role_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (role, re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.I))
        for role, words in lexicon().roles.items()
    ]


def role_of(title: str | None) -> str:
    """The role a title means: recruiter, senior, hiring_manager, else panel."""
    if not title:
        return "panel"
    for role, pattern in _role_patterns():
        if pattern.search(title):
            return role
    return "panel"


def is_name_word(word: str) -> bool:
    _, not_names, _ = word_sets()
    bare = word.strip(".,'\u2019").lower()
    return len(bare) >= 2 and bare not in not_names and not any(ch.isdigit() for ch in bare)


def is_title_word(word: str) -> bool:
    titles, _, _ = word_sets()
    return word.strip(".,").lower() in titles


#: Title words that say nothing on their own ("the", "of", "senior"): never the end of a title.
_WEAK = set(
    "the of and my his her their our be would future team member senior sr junior jr staff principal associate "
    "assistant group human technical tech".split()
)


def strong_title(word: str) -> bool:
    lowered = word.strip(".,").lower()
    return (is_title_word(word) or role_of(word) != "panel") and lowered not in _WEAK


def parse_item(item: str, offset: int) -> PersonMention | str | None:
    """One list item: 'tom ellis (recruiter)', 'hiring manager Ben Carter', 'the VP' (a bare title).

    A bare title comes back as a string for the caller to give to the person before it.
    """
    title_parts: list[str] = []
    paren = _PAREN.search(item)
    core = item
    if paren:
        title_parts.append(paren.group(1).strip())
        core = item[: paren.start()] + " " * len(paren.group(0)) + item[paren.end() :]
    if named := re.search(r"\b(?:named|called)\s+", core, re.I):  # "a board member named Frank Hale"
        found = parse_item(core[named.end() :], offset + named.end())
        if isinstance(found, PersonMention):
            title = _clean_title(core[: named.start()], role_of(core[: named.start()]))
            return PersonMention(
                found.name, found.title or title, found.role if found.title else role_of(title), found.start, found.end
            )
    article = re.match(r"\s*(?:the|our|their|my|a|an|his|her)\s", core, re.I) and not paren
    core = re.sub(
        r"^\s*(?:mr|mrs|ms|miss|dr|prof|herr|frau|mme|mlle|sr|sra)\.?\s+",
        lambda m: " " * len(m.group(0)),
        core,
        flags=re.I,
    )
    tokens = list(_TOKEN.finditer(core))
    lead: list[re.Match[str]] = []
    while tokens and is_title_word(tokens[0].group(0)) and not (paren and tokens[0].group(0)[:1].isupper()):
        lead.append(tokens.pop(0))  # "recruiter emeka nwosu"; with "(Finance Director)" after, "Dev Patel" is a name
    last_title = max((i for i, t in enumerate(tokens[:4]) if strong_title(t.group(0))), default=-1)
    before = tokens[:last_title]
    plausible = all(is_title_word(t.group(0)) or is_name_word(t.group(0)) for t in before) and len(before) <= 2
    if not paren and last_title >= 0 and plausible and any(is_name_word(t.group(0)) for t in tokens[last_title + 1 :]):
        lead += tokens[: last_title + 1]  # "loan officer Marta Suárez", "artistic director Sofia Lind"
        tokens = tokens[last_title + 1 :]
    first = tokens[0].group(0) if tokens else ""
    if (
        len(tokens) >= 2
        and first.isalpha()
        and first.islower()
        and is_name_word(first)
        and all(t.group(0)[:1].isupper() for t in tokens[1:3])
    ):
        lead.append(tokens.pop(0))  # "geologist Ana Paula Ferreira": a lower-case word before capitalised names
    name_tokens: list[re.Match[str]] = []
    for i, token in enumerate(tokens):
        if len(name_tokens) == 3 or (name_tokens and core[name_tokens[-1].end() : token.start()].strip()):
            break  # a comma or bracket ends the name
        if not is_name_word(token.group(0)) and not _capitalised_name(tokens, i):
            break
        name_tokens.append(token)
    rest = tokens[len(name_tokens) :]
    if article and (
        not name_tokens
        or (rest and is_title_word(rest[0].group(0)))
        or (lead and lead[-1].group(0).lower() in ("of", "at"))
        or all(t.group(0).islower() for t in name_tokens)  # "the head teacher": no name in lower case after "the"
    ):
        return core.strip()  # "the creative director", "our Head of Platform": a title for the name beside it
    if lead:
        title_parts.insert(0, " ".join(t.group(0) for t in lead))
    if rest and not title_parts and all(is_title_word(t.group(0)) for t in rest):
        title_parts.append(" ".join(t.group(0) for t in rest))
    raw = " ".join(title_parts) if title_parts else None
    if not name_tokens:
        return raw
    role = role_of(raw)
    title = _clean_title(raw, role) if raw else None
    name = tidy_name(" ".join(t.group(0).strip(".") for t in name_tokens))
    start = offset + name_tokens[0].start()
    end = offset + (paren.end() if paren and paren.start() >= name_tokens[-1].end() else name_tokens[-1].end())
    return PersonMention(name, title, role, start, end)


#: Titles said as relations ("my would-be boss"), written as a form would have them.
_RELATION_TITLES = {"hiring_manager": "Hiring Manager", "senior": "Manager's Manager", "recruiter": "Recruiter"}


def _clean_title(title: str, role: str) -> str | None:
    if re.search(r"\bboss\b|^my\b", title, re.I):
        return _RELATION_TITLES.get(role, "Interviewer")
    words = title.split()
    while words and words[0].lower() in ("the", "a", "an", "our", "their", "is", "as"):
        words.pop(0)
    text = " ".join(words).strip(" ,")
    if not text:
        return None
    if text.lower() in ("hr",):
        return "HR"
    text = re.split(
        r"\s+(?:of|at)\s+(?=[A-Z])(?!(?:[A-Z][\w&-]*\s*)*\b(?:Engineering|Product|Data|Sales|Marketing|Operations|Platform|Research|Design|Finance|People|Talent|Risk|QA|HR|IT|Technology|Growth|Claims)\b)",
        text,
    )[0]
    return tidy_title(text) if text.islower() else text


_NEVER_NAMES = {"i", "the", "my", "our", "their", "his", "her", "a", "an", "and", "with", "at", "for", "mr", "ms", "dr"}


def _capitalised_name(tokens: list[re.Match[str]], i: int) -> bool:
    """'Will Foster', 'Grace Kim': a capitalised word that is also a word, before another capitalised one."""
    word = tokens[i].group(0)
    if i + 1 >= len(tokens) or not word[:1].isupper() or word.isupper() or word.lower() in _NEVER_NAMES:
        return False
    following = tokens[i + 1].group(0)
    return following[:1].isupper() and is_name_word(following) and not is_title_word(word)


def _plural(title: str) -> bool:
    words = title.lower().split()
    counted = bool(words) and words[0] in ("two", "three", "four", "both", "all")
    return counted or (bool(words) and words[-1].endswith("s") and is_title_word(words[-1][:-1]))


def _singular(title: str) -> str:
    words = [w for w in title.split() if w.lower() not in ("two", "three", "four", "both", "all")]
    if words and words[-1].endswith("s") and is_title_word(words[-1][:-1]):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def parse_list(text: str, offset: int) -> list[PersonMention]:
    """People in a list ('tom ellis (recruiter) and priya shah, the hiring manager')."""
    people: list[PersonMention] = []
    pending: str | None = None
    position = 0
    for piece in _ITEM_SPLIT.split(text):
        where = text.find(piece, position)
        joined_by = text[position:where]  # the separator before this item: ", " or " and "
        position = where + len(piece)
        if not piece.strip():
            continue
        found = parse_item(piece, offset + where)
        after_and = bool(re.search(r"\band\b|&|\+", joined_by))
        if (
            isinstance(found, str)
            and people
            and people[-1].title is None
            and after_and
            and re.match(r"\s*the\s", piece, re.I)
        ):
            pending = found  # "amy cho and the practice manager, Liz Park": the title is the next person's
            continue
        if isinstance(found, PersonMention):
            if found.title is None and pending is not None:  # "the CTO of Marble Robotics, Anika Rao"
                role = role_of(_singular(pending))
                found = PersonMention(found.name, _clean_title(_singular(pending), role), role, found.start, found.end)
            if not (pending and _plural(pending)):  # "two partners, Helen Ward and Amir Khan": both are partners
                pending = None
            people.append(found)
        elif isinstance(found, str) and (not people or people[-1].title is not None):
            pending = found
        elif isinstance(found, str) and people and people[-1].title is None:
            last, role = people[-1], role_of(found)
            people[-1] = PersonMention(last.name, _clean_title(found, role), role, last.start, offset + position)
    return people
