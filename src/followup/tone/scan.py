"""Lexicon rules: a pattern, what it means and what to write instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from followup.tone.report import Check, Finding, Severity
from followup.tone.text import Draft, phrases


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    pattern: re.Pattern[str]
    message: str
    suggestion: str
    alternatives: tuple[str, ...] = ()


def rule(code: str, severity: Severity, alternatives: list[str], message: str, suggestion: str) -> Rule:
    return Rule(code, severity, phrases(*alternatives), message, suggestion, tuple(alternatives))


_LEAD_GROUP = re.compile(r"^\(([^()]*)\)(\??)")
_LEAD_WORD = re.compile(r"^[a-z0-9']+")


def _key(word: str) -> str:
    """Words are indexed by their first three letters before any apostrophe."""
    return word.lower().split("'")[0][:3]


_LEAD_LOOKBEHINDS = re.compile(r"^(?:\(\?<[!=][^()]*\))+")


def _first_keys(alternative: str) -> set[str] | None:
    """The keys of the words an alternative can start with, or None if that is not plain.
    Look-behinds in front ("(?<!not )slipped") look before the word and do not move it."""
    alternative = _LEAD_LOOKBEHINDS.sub("", alternative)
    group = _LEAD_GROUP.match(alternative)
    options = group.group(1).split("|") if group else [alternative]
    after: set[str] = set()
    if group and group.group(2):
        # an optional first group ("(the )?only job"): it starts with the group or with what follows
        rest = _first_keys(alternative[group.end() :])
        if rest is None:
            return None
        after = rest
    keys: set[str] = set(after)
    for option in options:
        word = _LEAD_WORD.match(option)
        if word is None:
            return None
        keys.add(_key(word.group().split("'")[0]))
    return keys


class RuleSet:
    """Rules indexed by the first letters of the words they can start with.

    At each word of the draft only the alternatives that could start there are tried,
    in one combined pattern per key; alternatives with no plain first word are tried
    at every word.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        by_key: dict[str, list[tuple[int, str]]] = {}
        anywhere: list[tuple[int, str]] = []
        for index, r in enumerate(rules):
            for alternative in r.alternatives:
                keys = _first_keys(alternative)
                for key in keys if keys is not None else [None]:
                    target = anywhere if key is None else by_key.setdefault(key, [])
                    target.append((index, alternative))
        self.anywhere = _combine(anywhere)
        self.by_key = {key: p for key, alts in by_key.items() if (p := _combine(alts)) is not None}
        self.keys = frozenset(self.by_key)

    def candidates(self, draft: Draft) -> list[re.Match[str]]:
        found = []
        starts = draft.starts_by_key
        for key in self.keys & starts.keys():
            pattern = self.by_key[key]
            for position in starts[key]:
                match = pattern.match(draft.work, position)
                if match is not None:
                    found.append(match)
        if self.anywhere is not None:
            found.extend(self.anywhere.finditer(draft.work))
        return found


def _combine(alternatives: list[tuple[int, str]]) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    groups: dict[int, list[str]] = {}
    for index, alternative in alternatives:
        groups.setdefault(index, []).append(alternative)
    return re.compile(
        "|".join(f"(?P<r{index}>{phrases(*alts).pattern})" for index, alts in sorted(groups.items())),
        re.IGNORECASE,
    )


_SETS: dict[int, RuleSet] = {}


def scan(draft: Draft, check: Check, rules: list[Rule]) -> list[Finding]:
    """Every match of the rules, as findings (one finding per matched span)."""
    return [
        draft.finding(check, r.code, r.severity, m.start(), m.end(), r.message, r.suggestion)
        for r, m in matches(draft, rules)
    ]


def matches(draft: Draft, rules: list[Rule]) -> Iterator[tuple[Rule, re.Match[str]]]:
    """Non-overlapping matches of the rules, each with the rule that matched."""
    ruleset = _SETS.get(id(rules))
    if ruleset is None or ruleset.rules is not rules:
        ruleset = _SETS[id(rules)] = RuleSet(rules)
    covered = 0
    for match in sorted(ruleset.candidates(draft), key=lambda m: (m.start(), -m.end())):
        if match.start() >= covered:
            covered = match.end()
            yield ruleset.rules[int(str(match.lastgroup)[1:])], match


BLOCK = Severity.block
WARN = Severity.warn
