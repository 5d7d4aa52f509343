"""Faithful: every name, date, number, link and address in the draft comes from the notes.

Also: the signature is the candidate's name, and the draft makes no claim about the
employer's internal state (other candidates, budget, offers) that the notes do not hold.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib.resources import files

import yaml

from followup.textdates import MONTHS, WEEKDAYS
from followup.tone.facts import MONTH_ABBREVIATIONS, NotesFacts, normalise_url
from followup.tone.report import Check, DraftKind, Finding
from followup.tone.scan import BLOCK, WARN, Rule, matches, rule, scan
from followup.tone.text import CLOSING_ALTERNATIVES, Draft, Word, phrases

C = Check.faithful

_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_NAMES = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_NAMES})\b\.?", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_MONTH = re.compile(rf"\b({'|'.join(m.capitalize() for m in MONTHS)})\b")
_DATE_AFTER = re.compile(
    rf",?\s+(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_NAMES})\b|({_MONTH_NAMES})\.?\s+(\d{{1,2}})\b)",
    re.I,
)
_WEEKDAY = re.compile(rf"\b({'|'.join(d.capitalize() for d in WEEKDAYS)})s?\b")
#: A number standing alone: not the "1" of "12d Model" (a letter or digit on neither side).
_NUMBER = re.compile(r"(?<![^\W_])\d+(?:[.,]\d+)*(?=(?:st|nd|rd|th|am|pm|k|m|bn|h|hrs?|s|x)?(?![^\W_]))", re.I)
_CLOSING_LINE = re.compile(
    rf"^\s*(?i:{CLOSING_ALTERNATIVES})"
    r"\s*[,.!]?\s*((?:[A-Z][\w'\-]*\.?)(?:[ \t]+[A-Z][\w'\-]*\.?){0,3})?\s*$"
)


@cache
def _ordinary_words_file() -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load(
        files("followup.tone").joinpath("ordinary_words.yaml").read_text(encoding="utf-8")
    )
    return data


@cache
def ordinary_words() -> frozenset[str]:
    """The words of ``ordinary_words.yaml``: greetings and sign-offs in other languages, and
    holidays, lower-cased (a possessive 's dropped, as the name check drops it)."""
    return frozenset(w for entries in _ordinary_words_file().values() for w in _words_of(entries))


def _words_of(entries: list[str]) -> set[str]:
    words: set[str] = set()
    for entry in entries:
        for phrase in entry.split(";"):
            words |= {w.lower().removesuffix("'s") for w in re.findall(r"[^\W\d_][\w']*", phrase)}
    return words


@cache
def foreign_greeting_words() -> frozenset[str]:
    """The words of the greetings and sign-offs in other languages that are not English words
    as well: "kia", "grüße", but not "good" or "dear". The sentiment lexicon must not read
    them ("kia" is in it, as "killed in action")."""
    return frozenset(w for w in _words_of(_ordinary_words_file()["greetings_and_sign_offs"]) if w not in _dictionary())


ALWAYS_OK = (
    frozenset(
        """i i'm i've i'd i'll dear hi hello mr mrs ms mx dr prof linkedin english thanksgiving christmas
    easter eid diwali hanukkah ramadan holidays ps cc re subject ok am pm best kind warm regards
    sincerely thanks thank cheers respectfully yours p.s mon tue tues wed thu thur thurs fri sat sun jan feb mar
    apr jun jul aug sep sept oct nov dec""".split()
    )
    | ordinary_words()
)
CLOSING_WORDS = frozenset("regards best thanks thank you cheers warmly sincerely wishes".split())
EMAIL_WORDS = frozenset(
    """regards cheers congratulations ok okay enjoyed hoping having discussing appreciated learning
    looking speaking following wishing thanking attaching sharing meeting talking""".split()
)

CLAIMS = [
    (
        ["other (candidates|applicants|finalists)", "(remaining|final|shortlisted) (candidates|applicants)",
         "(the|an?) (internal|external) candidate"],
        ("candidate", "applicant", "finalist"),
        "other candidates",
    ),
    (["budgets?", "headcount", "salary (range|band|budget)", "(the|your) funding"],
     ("budget", "headcount", "salary", "funding"), "the budget"),
    (["(the|an|your) offer (you|that you) (made|extended|sent)", "(since|as|now that) you('ve| have) (offered|extended|made)",
      "you('ve| have) (already )?(offered|extended) me"], ("offer",), "an offer made to you"),
    (["you('ve| have) (already )?(chosen|selected|hired|decided on|filled)", "(position|role) (has been|is|was) (filled|frozen|on hold|cancelled)",
      "hiring freeze", "restructuring", "layoffs", "reorg(anization|anisation)?"], ("filled", "freeze", "hold", "restructur", "layoff", "reorg"),
     "the state of the hiring"),
    (["(i know|i heard|i understand|i've heard|i hear) (that )?you('re| are) (also )?(considering|interviewing|talking to|meeting)",
      "front-?runner", "(top|leading|strongest|preferred|lead) candidate", "shortlist(ed)?", "(the )?others you (saw|met|interviewed)"],
     ("considering", "interviewing", "candidate", "shortlist"), "who else they are considering"),
    (["offer (was|is) (coming|on its way|being (prepared|drafted)|ready|approved)", "offer letter"],
     ("offer letter", "offer was"), "an offer"),
    (["(interest|offers?|interviews?|calls?) from (two|three|several|a few|a couple of|some) other (companies|employers|firms|places|businesses)",
      "other (companies|employers|firms) (are|have been|were) (interested|in touch|calling)"],
     ("offer", "interview", "other compan", "another compan", "other employer", "another employer", "process"),
     "interest from other employers"),
    # "Sina has offered to come in and run the first two sessions free of charge": a promise made for someone else
    (["free of charge", "(at|for) no (charge|cost)", "(has|have|had) (kindly )?offered to (come|run|help|visit|do|give|train|present|walk|show)",
      "(said|says) (she|he|they)('d| would) be (happy|glad|delighted) to (come|run|help|visit|train|present|walk|show)"],
     ("free", "charge", "cost", "offered"), "what someone has offered"),
]  # fmt: skip
# Concepts a draft may only raise when the notes do: mentioning them at all asserts a fact
# about the hiring (an offer, money, rivals, the company's state).
CONCEPTS = [
    (["(the|my|your|that|this|a job|formal|verbal|written|final) offers?", "offer (letter|is coming|was coming)", "offered me"],
     ("offer",), "an offer"),
    (["salary", "salaries", "compensation", "pay (band|range|rise|grade)", "budgets?", "[£$€]\\s?\\d[\\d,.]*k?", "\\d+k"],
     ("salary", "budget", "compensation", "£", "$", "€"), "money"),
    # "let candidates know by 25 September": their plan for everyone who applied, not a claim about rivals
    (["(?<!let\\x20)(?<!tell\\x20)(?<!inform\\x20)(?<!notify\\x20)(?<!update\\x20)candidates?", "applicants?", "finalists?", "shortlist(ed)?", "front-?runner", "competitors?", "top pick",
      "other (people|person)", "(one|two|three|four|five|several) others"],
     ("candidate", "applicant", "finalist", "shortlist", "competitor"), "other candidates or competitors"),
    (["restructur(e|ed|ing)", "layoffs?", "hiring freeze", "frozen", "re-?org(ani[sz]ation)?", "headcount", "funding",
      "series [a-e]", "signed off", "sign-off", "approved"],
     ("restructur", "layoff", "freeze", "frozen", "reorg", "headcount", "funding", "series", "signed", "approved"),
     "the company's internal state"),
]  # fmt: skip


def _claim_rule(alternatives: list[str], what: str) -> Rule:
    return rule(
        "faithful.claim", BLOCK, alternatives, f"This claims something about {what} that your notes do not say.",
        "Write only about what you know: your interest, your conversation, your circumstances.",
    )  # fmt: skip


CLAIM_RULES = [_claim_rule(alternatives, what) for alternatives, _, what in CLAIMS + CONCEPTS]
#: The candidate writing as if they were the employer: a small model's favourite confusion.
VOICE = [
    rule(
        "faithful.voice",
        BLOCK,
        [
            "our (team|company|organi[sz]ation|department|firm|studio|practice|staff|employees|hiring)",
            "us as an? (organi[sz]ation|company|team)",
            "welcome (you )?(to|aboard)",
            "you were a great (asset|addition|fit)",
            "we (are|were) (pleased|delighted|happy) to",
            "we regret",
            "we have decided",
            "your (application|interview|candidacy)",
            "thank you for applying",
            "(your|the) hard work on",
        ],
        "This speaks as if you were the employer, not the candidate.",
        "Write as the candidate: thank them, and speak of 'your team', not 'our team'.",
    )
]
#: Moving on after silence, the standard advice is to say what you will assume: "I will
#: assume the role has been filled". Put as the candidate's own assumption (or a condition:
#: "if you have gone with another candidate"), the plain outcome is not a claim about the
#: employer. Only these generic outcomes are excused; a qualified one ("hired someone
#: cheaper", "filled internally") or any other claim (a freeze, the budget, an internal
#: candidate) still blocks, and the closing-note rules still judge the tone.
ASSUMPTION = re.compile(
    r"\b(?:assum(?:e|ing)|presum(?:e|ably)|take it|taking it|imagine|gather|understand|if|in case|whether|may|might|must|"
    r"probably|likely|perhaps|expect)\b",
    re.IGNORECASE,
)
ASSUMED_OUTCOME = phrases(
    "(you|the team|they|the company|[A-Z]\\w+)('ve| have| has| had)? (already |now |since |probably |likely |most likely |most probably )?"
    "(been able to )?(chosen|chose|selected|hired|picked|gone with|went with|decided on|offered the (role|position|job) to|"
    "(moved|gone|gone ahead|gone forward|proceeded) (forward |ahead )?with|decided to (move forward|move ahead|proceed|go) with) "
    "(another|other|a different|the other) (candidates?|applicants?|finalists?|person|people)",
    "(the )?(role|position|vacancy|post|job|opening)('s| has| had| was| is)? (already |now |since |probably |likely )?"
    "(been )?filled(?! (internally|from within|by (?!now)))",
    "(you|the team|they)('ve| have| had)? (already |now |since |probably |likely )?filled (the|this|that) "
    "(role|position|vacancy|post|job|opening)(?! (internally|from within|by (?!now)))",
)


def _assumed_outcome(draft: Draft, start: int, end: int) -> bool:
    """Whether the claim at start:end is a plain outcome the sentence puts as an assumption."""
    first, last = draft.sentence_span(start)
    sentence = draft.work[first:last]
    for outcome in ASSUMED_OUTCOME.finditer(sentence):
        if first + outcome.start() <= start and end <= first + outcome.end():
            return ASSUMPTION.search(sentence, 0, outcome.start()) is not None
    return False


#: A claim is fine when the notes themselves mention one of these words.
_CLAIM_KEYS = {id(r): keys for r, (_, keys, _) in zip(CLAIM_RULES, CLAIMS + CONCEPTS, strict=True)}
_TAIL_SIGNATURE = re.compile(
    rf"[.!?,]\s*(?:(?i:{CLOSING_ALTERNATIVES})[,.!]?\s+)?"
    r"([A-Z][\w'.\-]*(?:[ \t]+[A-Z][\w'.\-]*){0,2})\s*$"
)


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    if facts is None:
        return []
    found: list[Finding] = []
    covered: list[tuple[int, int]] = []
    _links(draft, facts, found, covered)
    _dates(draft, facts, found, covered)
    _numbers(draft, facts, found, covered)
    _names(draft, facts, found, covered)
    _signature(draft, facts, found)
    _claims(draft, facts, found)
    found += scan(draft, C, VOICE)
    signed = {(f.start, f.end) for f in found if f.code == "faithful.signature"}
    return [f for f in found if f.code != "faithful.name" or (f.start, f.end) not in signed]


def _inside(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in covered)


def _invented(draft: Draft, code: str, start: int, end: int, what: str, found: list[Finding]) -> None:
    found.append(
        draft.finding(
            C, code, BLOCK, start, end,
            f"{what} '{draft.original[start:end]}' is not in your notes; the draft may have invented it.",
            "Use only details from your notes, or add this one to them if it is true.",
        )
    )  # fmt: skip


def _links(draft: Draft, facts: NotesFacts, found: list[Finding], covered: list[tuple[int, int]]) -> None:
    for match in draft.find(_URL):
        url = match.group().rstrip(".,;:!?")
        end = match.start() + len(url)
        covered.append((match.start(), end))
        if normalise_url(url) not in facts.urls:
            _invented(draft, "faithful.url", match.start(), end, "The link", found)
    for match in draft.find(_EMAIL):
        covered.append(match.span())
        if match.group().lower() not in facts.emails:
            _invented(draft, "faithful.email", match.start(), match.end(), "The address", found)


#: A sentence about the candidate's own days: "I'm away from 4 to 11 April", "I'm free
#: tomorrow, Thursday 2 April", "I'm back in UCD from Monday". Their dates are theirs to give.
_OWN_PLANS = phrases(
    "i('m| am) (free|available|away|back|off|out|around|travell?ing|moving|on (leave|holiday|vacation|nights|"
    "night shifts|shift|call|a course|exams?))",
    "i('ll| will) be (fully |completely |more |mostly )?(free|available|away|back|off|out|around|travell?ing|"
    "on (leave|holiday|vacation|nights))",
    "i (can|could) (do|make|meet|talk|speak|start|come in)",
    "any time (from|after|before|until)",
)
#: ... unless it speaks of them or of the process, where an invented date would mislead.
_ABOUT_THEM = phrases(
    "you (said|mentioned|told|expected|hoped|promised|wrote|asked)",
    "your (decision|note|reply|update|email|e-mail)",
    "decision",
    "interview",
    "promised",
    "they said",
    "we spoke",
    "we met",
)


def _own_plans(draft: Draft, position: int) -> bool:
    start, end = draft.sentence_span(position)
    return _OWN_PLANS.search(draft.work, start, end) is not None and not _ABOUT_THEM.search(draft.work, start, end)


def _dates(draft: Draft, facts: NotesFacts, found: list[Finding], covered: list[tuple[int, int]]) -> None:
    mark = len(found)
    _all_dates(draft, facts, found, covered)
    found[mark:] = [f for f in found[mark:] if not _own_plans(draft, f.start)]


def _all_dates(draft: Draft, facts: NotesFacts, found: list[Finding], covered: list[tuple[int, int]]) -> None:
    for match in draft.find(_ISO_DATE):
        covered.append(match.span())
        try:
            ok = date(int(match.group(1)), int(match.group(2)), int(match.group(3))) in facts.dates
        except ValueError:
            ok = False
        if not ok:
            _invented(draft, "faithful.date", *match.span(), "The date", found)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for match in draft.find(pattern):
            if _inside(covered, *match.span()):
                continue
            word = match.group(month_group)
            if word.lower() == "may" and not word[0].isupper():
                continue
            covered.append(match.span())
            if (int(match.group(day_group)), _month(word)) not in facts.day_months:
                _invented(draft, "faithful.date", *match.span(), "The date", found)
    for match in draft.find(_MONTH):
        if _inside(covered, *match.span()) or (match.group() == "May" and _is_modal(draft, match.end())):
            continue
        covered.append(match.span())
        if _month(match.group()) not in facts.months:
            _invented(draft, "faithful.date", *match.span(), "The month", found)
    for match in draft.find(_WEEKDAY):
        covered.append(match.span())
        if WEEKDAYS.index(match.group(1).lower()) not in facts.weekdays and not _dated(draft, match.end(), facts):
            _invented(draft, "faithful.date", *match.span(), "The day", found)


def _dated(draft: Draft, end: int, facts: NotesFacts) -> bool:
    """A weekday written with a date the notes hold ("Wednesday 9 December", an offer's deadline):
    the meaning check says whether the two agree."""
    after = _DATE_AFTER.match(draft.work, end)
    if after is None:
        return False
    day, word = (after.group(1), after.group(2)) if after.group(1) else (after.group(4), after.group(3))
    return (int(day), _month(word)) in facts.day_months


def _is_modal(draft: Draft, end: int) -> bool:
    """'May I ask ...' is the verb, not the month."""
    return re.match(r"\s+(i|we|you|it|the|this|our|he|she|they)\b", draft.work[end : end + 8], re.I) is not None


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS["sept" if word.startswith("sept") else word[:3]]


def _numbers(draft: Draft, facts: NotesFacts, found: list[Finding], covered: list[tuple[int, int]]) -> None:
    for match in draft.find(_NUMBER):
        if _inside(covered, *match.span()):
            continue
        if match.group() not in facts.numbers and match.group().replace(",", "") not in facts.numbers:
            if _day_after_or_before(draft, match, facts):
                continue
            _invented(draft, "faithful.number", *match.span(), "The number", found)


_ORDINAL_DAY = re.compile(r"(?:st|nd|rd|th)\b")
_WEEKDAY_THE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"),?\s+the\s+$", re.I)


def _day_after_or_before(draft: Draft, match: re.Match[str], facts: NotesFacts) -> bool:
    """ "Monday the 16th onward", after notes that say "away 13-15 Nov": the day next to one of
    the notes' days, named with its right weekday, is their day seen from the other side, not a
    number made up ("Friday the 28th" for Friday the 27th is still flagged)."""
    weekday = _WEEKDAY_THE.search(draft.work, max(0, match.start() - 16), match.start())
    if weekday is None or not _ORDINAL_DAY.match(draft.work, match.end()) or not match.group().isdigit():
        return False
    day, named = int(match.group()), WEEKDAYS.index(weekday.group(1).lower())
    year = facts.interview_date.year
    for d, month in facts.day_months:
        if abs(d - day) == 1:
            try:
                if date(year, month, day).weekday() == named:
                    return True
            except ValueError:
                continue
    return False


@cache
def _dictionary() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def is_common_word(word: str) -> bool:
    """Is ``word`` (any case) an ordinary English word rather than a name?"""
    key = word.lower().replace("\u2019", "'")
    if key in ALWAYS_OK or key in EMAIL_WORDS:
        return True
    parts = [p for p in re.split(r"['\-]", key) if p]
    if len(parts) > 1:
        return all(is_common_word(p) for p in parts[:1]) and all(
            is_common_word(p) or p in ("s", "t", "m", "re", "ve", "ll", "d") for p in parts[1:]
        )
    return in_dictionary(key)


def in_dictionary(key: str) -> bool:
    """Is ``key`` (small letters) a word of the dictionary, or one with a common ending added?"""
    words = _dictionary()
    if key in words:
        return True
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("iest", "y"), ("ier", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                                ("d", ""), ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("est", "")):  # fmt: skip
        if key.endswith(suffix) and key[: -len(suffix)] + replacement in words:
            return True
    if "is" in key:  # British spelling: "sterilisation", "organised" (the dictionary has the -ize forms)
        american = re.sub(r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1", key)
        return american != key and in_dictionary(american)
    return False


def _names(draft: Draft, facts: NotesFacts, found: list[Finding], covered: list[tuple[int, int]]) -> None:
    from followup.tone.checks.professional import ACRONYMS, TEXT_SPEAK

    subject_lines = [m.span() for m in re.finditer(r"(?im)^\s*subject:.*$", draft.work)]
    flagged: list[Word] = []
    for word in draft.words:
        text = word.text
        if text.islower() or len(text) == 1 or _inside(covered, word.start, word.end):
            continue  # a single letter ("the E4", "Plan B") is not a name
        parts = [p for p in text.split("-") if p]
        if len(parts) > 1 and all(p.islower() or p.lower() in MONTHS or p.lower() in facts.vocabulary for p in parts):
            continue  # 'mid-November', 'follow-up'
        key = text.lower().removesuffix("'s")
        if key in facts.vocabulary or key in ALWAYS_OK or text in ACRONYMS or key in MONTHS or key in WEEKDAYS:
            continue
        if key in TEXT_SPEAK:
            continue  # the professional check's
        if (text.isupper() and len(text) > 1) or (len(text) > 2 and text[-1] == "s" and text[:-1].isupper()):
            continue  # shouting and acronyms ("DPIAs" too) are the professional check's
        # a word right after a link starts what follows it ("https://... No need to reply")
        after_link = any(b <= word.start and not draft.work[b : word.start].strip() for _, b in covered)
        starts = word.sentence_start or after_link or any(a <= word.start < b for a, b in subject_lines)
        if starts and is_common_word(text):
            continue
        if is_common_word(text) and _LABELLED.match(draft.work, word.end):
            continue  # "Block C", "Ward 7", "Phase 2": a place or a stage, not a name
        if _typo_in_the_notes(draft, word, key, facts):
            continue  # "Park Lane College" for the notes' "park lane collage"
        flagged.append(word)
    for group in _runs(draft, flagged):
        _invented(draft, "faithful.name", group[0].start, group[-1].end, "The name", found)


def _typo_in_the_notes(draft: Draft, word: Word, key: str, facts: NotesFacts) -> bool:
    """A name the notes spell with a slip, written right in the draft: the word after another
    of the name that the notes hold ("Park Lane College" for "park lane collage"). A person's
    name, or the employer's, spelled otherwise than in the notes ("Daren" for Darren,
    "Fulfillment" for Fulfilment) is still the draft's error."""
    before = re.search(r"([A-Z][\w'-]*)\s+$", draft.work[max(0, word.start - 40) : word.start])
    if len(key) < 5 or before is None or before.group(1).lower() not in facts.vocabulary:
        return False
    names = {part.lower() for person in facts.people for part in person.split()} | set(facts.company.split())
    return any(_one_slip(key, known) and known not in names for known in facts.vocabulary)


def _one_slip(word: str, other: str) -> bool:
    """Whether two words differ by one slip of the keyboard: a letter changed, added, dropped,
    or two swapped ("collage" for "college", "onbaord" for "onboard")."""
    if abs(len(word) - len(other)) > 1 or word == other or word[0] != other[0]:
        return False
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]]
                                  and word[diff[1]] == other[diff[0]])  # fmt: skip
    short, long = sorted((word, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_LABELLED = re.compile(r"[ \t]+(?:[A-Z]|\d+[A-Za-z]?)(?![\w'])")


def _runs(draft: Draft, words: list[Word]) -> list[list[Word]]:
    """Adjacent flagged words ('Maria Lopez') become one finding."""
    groups: list[list[Word]] = []
    for word in words:
        if groups and draft.work[groups[-1][-1].end : word.start].strip() in ("", "."):
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _signature(draft: Draft, facts: NotesFacts, found: list[Finding]) -> None:
    lines = draft.work.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    closing_at = None
    inline_name = ""
    for index, line in enumerate(lines):
        match = _CLOSING_LINE.match(line)
        if match:
            closing_at, inline_name = index, (match.group(1) or "").strip()
    if closing_at is None:
        _tail_signature(draft, facts, found)
        return
    if inline_name:
        start = offsets[closing_at] + lines[closing_at].index(inline_name)
        signature = inline_name
    else:
        rest = [(i, line) for i, line in enumerate(lines[closing_at + 1 :], closing_at + 1) if line.strip()]
        if not rest:
            found.append(
                draft.finding(
                    C, "faithful.no_signature", WARN, offsets[closing_at], len(draft.work),
                    "The message is not signed.", f"Sign it '{facts.candidate_name}'.",
                )
            )  # fmt: skip
            return
        index, line = rest[0]
        signature = line.strip()
        start = offsets[index] + line.index(signature)
    first = re.split(r"[\s,]+", signature)[0].lower().rstrip(".")
    if first not in facts.candidate and not _initial(first, facts):
        found.append(
            draft.finding(
                C, "faithful.signature", BLOCK, start, start + len(signature),
                f"The message is signed '{signature}', but it is sent in {facts.candidate_name}'s name.",
                f"Sign it '{facts.candidate_name}'.",
            )
        )  # fmt: skip


def _tail_signature(draft: Draft, facts: NotesFacts, found: list[Finding]) -> None:
    """A note that ends '... connect. Best, Luke' is signed 'Luke'."""
    match = _TAIL_SIGNATURE.search(draft.work.rstrip())
    if match is None:
        return
    signature = match.group(1)
    words = signature.split()
    first = words[0].lower().strip(".")
    if first in facts.candidate or _initial(first, facts) or all(w.lower() in CLOSING_WORDS for w in words):
        return
    found.append(
        draft.finding(
            C, "faithful.signature", BLOCK, match.start(1), match.end(1),
            f"The message is signed '{signature}', but it is sent in {facts.candidate_name}'s name.",
            f"Sign it '{facts.candidate_name}'.",
        )
    )  # fmt: skip


def _initial(word: str, facts: NotesFacts) -> bool:
    """'P' or 'P.' signs for Priyanka."""
    return len(word) == 1 and facts.candidate_name[:1].lower() == word


#: "I am a candidate for the role", "as one of the candidates": the writer, not a rival.
_SELF = re.compile(r"\b(?:i am|i'm|i was|as|being)\s+(?:a|an|one of the|one of your)\s+$", re.I)


def _claims(draft: Draft, facts: NotesFacts, found: list[Finding]) -> None:
    for r, match in matches(draft, CLAIM_RULES):
        if any(key in facts.free_text for key in _CLAIM_KEYS[id(r)]):
            continue  # the notes raise it themselves
        if match.group(0).lower().startswith(("candidate", "applicant")) and _SELF.search(
            draft.work, max(0, match.start() - 20), match.start()
        ):
            continue
        if draft.kind in (DraftKind.closing, DraftKind.linkedin_note) and _assumed_outcome(
            draft, match.start(), match.end()
        ):
            continue
        found.append(draft.finding(C, r.code, r.severity, match.start(), match.end(), r.message, r.suggestion))
