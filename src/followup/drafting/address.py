"""How a message names someone, by the notes' country and the notes' own words: the name a
person goes by ("Khoa" for Võ Đăng Khoa), a title and a name when the notes give one ("Dr
Adeyemi", "Sir Ramon", "Mori-san"), and whether a recruiter is from an agency.

Pure: names and notes in, a form of address out. The rules are in ``address.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from followup.models import InterviewNotes
from followup.tone.checks import meaning
from followup.tone.facts import family_name_first


@dataclass(frozen=True)
class AddressRules:
    formal: frozenset[str]  # e-mails to a senior person never met use the full name
    suffixes: dict[str, str]  # "-san" after the family name
    given_last: frozenset[str]  # the given name is the last part
    all_parts: frozenset[str]  # a formal full name keeps every part
    honorifics: tuple[str, ...]
    ranks: tuple[str, ...]
    after_name: tuple[str, ...]
    given_name: frozenset[str]  # a title goes with the given name
    agency: re.Pattern[str]


@cache
def address_rules() -> AddressRules:
    """How greetings name people, by country (``address.yaml``)."""
    data = yaml.safe_load(resources.files("followup.drafting").joinpath("address.yaml").read_text("utf-8"))
    return AddressRules(
        frozenset(data["formal_to_strangers"]),
        dict(data["family_name_and_suffix"]),
        frozenset(data["given_name_last"]),
        frozenset(data["all_parts_in_full_name"]),
        _longest_first(data["honorifics"]),
        _longest_first(data["ranks"]),
        tuple(data["after_name"]),
        frozenset(data["title_with_given_name"]),
        re.compile(r",.*\b(?:" + "|".join(re.escape(w) for w in meaning.load().agency_words) + r")\b", re.I),
    )


def called(name: str, country: str | None) -> str:
    """The name a person goes by: the first part, or the last where the given name comes last
    ("Võ Đăng Khoa" in Vietnam is Khoa)."""
    parts = name.split() or [name]
    if len(parts) > 2 and parts[0].endswith(".") and len(parts[0]) <= 4:
        parts = parts[1:]  # "Ma. Theresa Abellana" (Ma. for Maria, in the Philippines) goes by Theresa
    return parts[-1] if country in address_rules().given_last else parts[0]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted((str(w) for w in words), key=len, reverse=True))  # "Lt Col" before "Lt"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _notes_text(notes: InterviewNotes) -> str:
    """What the candidate wrote in their own words: the topics, the news, why a contact matters."""
    whys = [s.why for s in notes.shareables if hasattr(s, "why")]
    return "\n".join([*notes.topics, notes.personal_updates, *whys])


def addressed_as(name: str, title: str, notes: InterviewNotes) -> str | None:
    """How a greeting names this person with a title, or None when the notes give none."""
    parts = name.split()
    if len(parts) < 2:
        return None
    titles = address_rules()
    text = _notes_text(notes)
    # How the notes speak of them: "Dr Adeyemi", "Mr. Lim", "Sir Ramon", "Mori-san".
    for part in dict.fromkeys(parts):
        if len(part) < 2:
            continue
        before = re.search(rf"(?<![\w'])({_alternation(titles.honorifics)})(\.?)\s+{re.escape(part)}(?![\w-])", text)
        if before is not None:
            return f"{before.group(1)}{before.group(2)} {part}"
        for suffix in titles.after_name:
            if re.search(rf"(?<![\w'-]){re.escape(part + suffix)}(?!\w)", text):
                return part + suffix
    # Their job title: a rank that stands alone before a comma or a bracket ("Major, Senior ...",
    # not "General Manager"), a title in brackets ("Medical Director (Dr.)").
    rank = re.match(rf"({_alternation(titles.ranks)})\.?(?=\s*[,(]|\s*$)", title.strip())
    bracketed = re.search(rf"\(({_alternation(titles.honorifics)})\.?\)", title)
    doctor = re.match(r"(?:Dr|Prof)\.?(?=\s*,|\s*$)", title.strip())
    if rank is not None:
        form = rank.group(1) + (f" ({bracketed.group(1)})" if bracketed else "")
    elif bracketed is not None:
        form = bracketed.group(0)[1:-1]
    elif doctor is not None:
        form = doctor.group(0)
    else:
        return None
    return f"{form} {_name_for_a_title(parts, notes.country)}"


def _name_for_a_title(parts: list[str], country: str | None) -> str:
    """The part of a name that follows a title: the family name ("Dr Adeyemi"); the given name
    where titles go with it ("Puan Siti", and "Khoa" in Vietnam, whose given name is last)."""
    titles = address_rules()
    if country in titles.given_last:
        return parts[-1]
    if country in titles.given_name:
        return parts[0]
    if family_name_first(parts):  # "SHIBUYA Kenta"
        return parts[0].capitalize()
    if country in titles.all_parts and len(parts) >= 4:
        return parts[-2]  # "María Fernanda Ruiz Soto": Ruiz
    return parts[-1]


def from_an_agency(title: str, company: str) -> bool:
    """Whether a recruiter works for an agency rather than the employer: their title names
    another firm after a comma ("Consultant, Kaizen Talent Partners")."""
    after = title.partition(",")[2].strip()
    agency = address_rules().agency.search(title) is not None
    return bool(after) and after.casefold() not in company.casefold() and agency
