"""The company and the role in one sentence: "at Zephyr Labs", "for the data analyst role", "rejected by X"."""

from __future__ import annotations

import re

from followup.extract.dates import find_dates
from followup.extract.facts import Facts, SourceOf
from followup.extract.lexicon import word_sets
from followup.extract.people import is_title_word
from followup.extract.text import tidy_title

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


def company_and_role(text: str, kinds: set[str], facts: Facts, src: SourceOf, names: list[str]) -> None:
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


def _company_elsewhere(text: str, facts: Facts, src: SourceOf, names: list[str]) -> None:
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
