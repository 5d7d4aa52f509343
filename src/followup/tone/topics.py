"""Which topics from the notes a message may quote, and how.

A topic is quoted in "our conversation about ..." only when it reads as a phrase a person
would write in a letter: "moving the weekly revenue dashboard to dbt", "how the team runs
A/B tests". Notes are often jotted instead ("trade test passed June, did my apprenticeship
with a mining contractor", "Ryan: expected salary, said 4.5-5k"); such a topic is cut to a
clean part when it has one ("tech exam - test cases for a login page, then bug hunt":
"test cases for a login page") and otherwise left out, with a note on the draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from followup.textdates import MONTHS, WEEKDAYS

#: At most this many words: a longer topic is a paragraph of notes, not a subject.
MAX_WORDS = 18
_WORD = re.compile(r"[\w'/.-]+|[^\w\s]", re.UNICODE)
#: Numbers as notes write them: "~18k", "22%", "60/40", "9:15", "$24", "2019-2025", "3x", "2 sorters".
_JOTTED_NUMBER = re.compile(
    r"~\d|[$£€]\s?\d|\d[\d,.]*\s*(?:k\b|%(?!\s+of\b)|x\b|/)|\d+\s*-\s*\d|^\d|(?<![\w.,-])[1-9] [a-z]+s\b"
    r"|\b\d{1,2}h\b"  # "essai 8h-15h"
    r"|,\s+\d[\d,.]*\s+[a-z]"  # "school holiday programme, 40 kids a session"
    r"|\b(?:in|of|for|within|during|over) (?:first|last|next) \d"  # "new hires in first 90 days": no "the"
    r"|\b(?:by|on|before|after|from|until) \d{1,2}(?:st|nd|rd|th) [a-z]"  # "close by 5th working day": no "the"
    r"|\b\d+ in \d+\b"  # "weekends about 1 in 3"
    r"|\s/\s"  # "EQA / proficiency testing"
)
_NOTATION = re.compile(r"(?:->|=>|[=+~<>@#|\\*])")
_SENTENCES = re.compile(r"\.\s+|;\s*|\?\s*")
_LABEL = re.compile(r"\s+(?:-|\u2013|\u2014)\s+|:\s+")  # "tech exam - test cases", "Nadia: how ..."
#: Terms of the job that take two words to say ("staff housing possible", "seasonal contract").
_TERM_PHRASES = re.compile(
    r"\b(?:staff (?:housing|accommodation|meals|discount)|(?:seasonal|fixed-term|short-term|temporary|zero-hours) "
    r"contract|notice period|start date|pay rate|hourly rate|split shifts?|days off|half[- ]days?"
    r"|flights? paid|paid flights?)\b",
    re.IGNORECASE,
)
#: How often a shift falls ("sleepovers weekends about 1 in 3", "one Saturday in every three"):
#: the terms of the job, which a template does not make a topic of (a person may: "our
#: conversation about the Saturday rota" is no paste).
_FREQUENCY = re.compile(r"\b(?:one|\d+) (?:\w+ )?in (?:every )?(?:\d+|two|three|four|five|six)\b", re.I)
#: A note of the answer given ("own transport? yes") makes the whole topic a note to self.
_ANSWERS = frozenset({"yes", "no", "ok", "okay", "yeah", "nah", "yep", "nope"})
_BRACKETS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class TopicWords:
    shorthand: frozenset[str]
    pronouns: frozenset[str]
    never: frozenset[str]
    terms: frozenset[str]
    clause_verbs: frozenset[str]
    question_words: frozenset[str]
    events: re.Pattern[str]
    activities: re.Pattern[str]
    past_verbs: frozenset[str]
    keep_capital: frozenset[str]
    ordinary_nouns: frozenset[str]
    countable_heads: frozenset[str]
    acronyms: frozenset[str]
    always_capital: frozenset[str]


@cache
def topic_words() -> TopicWords:
    data = yaml.safe_load(resources.files("followup.tone").joinpath("topic_words.yaml").read_text("utf-8"))
    return TopicWords(
        frozenset(w.lower() for w in data["shorthand"]),
        frozenset(w.lower() for w in data["clause_pronouns"]),
        frozenset(w.lower() for w in data["never"]),
        frozenset(w.lower() for w in data["terms_words"]),
        frozenset(w.lower() for w in data["clause_verbs"]),
        frozenset(w.lower() for w in data["question_words"]),
        re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in data["event_words"]) + r")(?![\w-])", re.IGNORECASE
        ),
        re.compile(
            r"(?:the\s+)?(?:"
            + "|".join(re.escape(w) for w in data["activities"])
            + r")(?=\s*(?:$|[,(]|(?:on|of|at|with|after|before|during|in|for|to|around|through|and)\b))",
            re.IGNORECASE,
        ),
        frozenset(w.lower() for w in data["past_verbs"]),
        frozenset(w.lower() for w in data["keep_capital"]),
        frozenset(w.lower() for w in data["ordinary_nouns"]),
        frozenset(w.lower() for w in data["countable_heads"]),
        frozenset(w.lower() for w in data["acronyms"]),
        frozenset(w.lower() for w in data["always_capital"]),
    )


def _words(phrase: str) -> list[str]:
    return [w.strip(".").lower() for w in _WORD.findall(phrase) if re.search(r"\w", w)]


def about_terms(topic: str) -> bool:
    """Whether a topic is about the terms of the job (salary, hours, accommodation) or records
    an answer ("shift work ok? said yes"): never quoted, whole or in part."""
    terms = topic_words().terms
    return any(w in terms or w in _ANSWERS for w in _words(topic)) or _TERM_PHRASES.search(topic) is not None


#: A cut part of a jotted topic is quoted only when it is short: a longer one is usually a clause.
MAX_CUT_WORDS = 8
#: "Dr S", "Mr J" (someone written as an initial), or a lone small letter ("v keen").
_ACRONYM = re.compile(r"(?<![\w'-])[A-Z][A-Z0-9&.]*(?![\w'-])")
_INITIAL = re.compile(r"\b(?:[Dd]r|M[rs]|Mrs|Prof|Eng)\.? [A-Z]\b|(?<![\w'-])[b-hj-z](?![\w'-])")
_SLASHED = re.compile(r"[A-Za-z]{2,}/[A-Za-z]|[A-Za-z]/[A-Za-z]{2,}")  # "bodas/groups", not "A/B tests"
_COUNTED = re.compile(r"([A-Za-z]+) \d+ [a-z]+s\b")
#: Words after which a number counts something in the phrase ("with 200 players", "within 10 days").
_BEFORE_A_COUNT = frozenset(
    "with of for to the about over under than by in on at across around from and or some all top first last next "
    "past nearly almost roughly another within every per each up least most only just below above".split()
)
_DANGLING = frozenset(
    "after before with of for to about on in at from and or but by than provided done booked confirmed sorted "
    "needed required included pending possible".split()
)
_QUOTED = re.compile(r"(?:^|\s)['\"\u2018\u201c]|['\"\u2019\u201d](?:\s|$)")


#: A group and a verb after it ("the team use Teams and Jira", "the ward have 24 beds"): a clause.
_GROUP_DOES = re.compile(
    r"\b(?:team|teams|staff|ward|store|shop|company|manager|office|department|school|clinic)\s+"
    r"(?:use|have|do|want|need|like|give|get|hope)\b",
    re.IGNORECASE,
)
#: A topic that starts with one of these is the rest of a jotted sentence ("on Sage Pastel Partner now").
_PREPOSITIONS = frozenset("on at in for to with from by into onto via".split())


def quotable(phrase: str, names: Iterable[str] = ()) -> bool:
    """Whether ``phrase`` reads as a subject a letter can name: a few words, no notation,
    shorthand or jotted numbers, no one's clause ("I've only done", "cohort starts June", "she
    asked"), no person's name, not a part of the interview ("role play") and not the terms of
    the job (salary, accommodation)."""
    words = _words(phrase)
    if not 2 <= len(words) <= MAX_WORDS or _NOTATION.search(phrase) or _JOTTED_NUMBER.search(phrase):
        return False
    if _SLASHED.search(phrase) or _QUOTED.search(phrase) or _INITIAL.search(phrase):
        return False
    capitals = _ACRONYM.findall(phrase)
    if len(capitals) * 2 > len(words):
        return False  # "NTSA PSV badge and DL class D": codes and letters, not a subject
    if any(m.group(1).lower() not in _BEFORE_A_COUNT for m in _COUNTED.finditer(phrase)):
        return False  # "high density block 12 acres": a count tacked on, not "with 200 players"
    data = topic_words()
    pieces = {p for w in words for p in re.split(r"[-/]", w) if p} | set(words)
    if any(w in data.shorthand or w in data.never or w in data.terms for w in pieces):
        return False
    if words[0] in data.pronouns or any(
        w.lower().strip(".") in data.pronouns for w in re.findall(r"[,;]\s*([\w']+)", phrase)
    ):
        return False
    for part in phrase.split(","):  # each part of a list starts afresh: "store walk after X, back dock is a mess"
        asked = False
        for w in _words(part):
            asked = asked or w in data.question_words
            if w in data.clause_verbs and not asked:
                return False
    if _GROUP_DOES.search(phrase):
        return False
    if words[0] in data.past_verbs or words[0] in _PREPOSITIONS:
        return False  # "walked them through ...", "on Sage Pastel Partner now": notes of what happened
    if words[0] in _DETERMINERS and any(w in data.past_verbs for w in words[1:3]):
        return False  # "the firm moved to new software this year": a clause, not a subject
    if any(len(_words(part)) <= 3 and data.events.search(part) for part in phrase.split(",")):
        return False  # "role play", "SQL live test, window functions" (not "a paid trial shift on the line")
    if data.activities.match(phrase):
        return False  # "road test on the 33 seater": something the candidate did, not a conversation
    event = data.events.match(phrase)
    if event is not None and _words(phrase[event.end() :])[:1] in (["after"], ["before"], ["during"], ["then"]):
        return False  # "store walk after the interview": a part of the day, not a subject
    if len([w for w in words if w not in MONTHS and len(w) > 2]) < 2:
        return False  # "go-live July"
    if foreign_words(phrase):
        return False  # "trabalho a 4 mãos em endo": notes in the candidate's own language
    if "?" in phrase or ";" in phrase or "." in phrase.rstrip(".") or _LABEL.search(phrase):
        return False
    if words[-1] in _DANGLING:
        return False  # "written exercise after", "bakkie provided": a note, not a subject
    lowered = {w.lower() for n in names for w in n.split() if len(w) > 1}
    return not any(w in lowered for w in words)


#: English words written with an accent: they do not make a phrase another language.
ENGLISH_ACCENTED = frozenset(
    "café cafés résumé résumés naïve façade rôle crèche crêche déjà vu à la carte sauté purée entrée fiancé "
    "fiancée protégé décor soufflé jalapeño piñata über doppelgänger pâtisserie".split()
)


def foreign_words(phrase: str) -> bool:
    """Whether a phrase is written in another language (the notes' own, often): a small-letter
    word with letters English does not use ("mãos", "gün"), or more small-letter words outside
    the dictionary than in it ("LIMS maar ze houden ook nog Excel bij ernaast"). Names,
    acronyms and numbers are left out of the count."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", phrase) if w[:1].islower()]
    if any(_foreign_letters(w) for w in words):
        return True
    plain = [w.lower() for w in words if len(w) > 1]
    unknown = [w for w in plain if not english_word(w)]
    return len(plain) >= 2 and len(unknown) * 2 > len(plain)


def foreign_small_words(text: str) -> list[str]:
    """The words of another language in a line of notes ("My okres wypowiedzenia in current job",
    "kabel laying"): small-letter words of four letters or more that English does not have.
    (Names and abbreviations are left alone; "mid-April" has a capital.) Read only where the
    writer may be writing in a second language: the dictionary lacks some English words."""
    words = re.findall(r"(?<![\w'-])[^\W\d_A-Z]{4,}(?![\w'-])", text)
    return list(dict.fromkeys(w for w in words if w.islower() and w not in ENGLISH_ACCENTED and foreign_count([w])))


def _foreign_letters(word: str) -> bool:
    """A word with letters English does not use ("mãos"), unless an English word ("café's")."""
    return not word.isascii() and re.sub(r"['\u2019]s$", "", word.lower()) not in ENGLISH_ACCENTED


def english_word(word: str) -> bool:
    """Whether a small-letter word is English: in the dictionary, in American or British
    spelling ("anaesthetic", "programme"), each part of it ("re-run", "I'd"), or an ordinary
    workplace word the dictionary lacks (``topic_words.yaml``)."""
    from followup.tone.checks.faithful import in_dictionary  # the gate's dictionary; imported late (a cycle)

    def one(part: str) -> bool:
        if len(part) == 1 or part in ("d", "s", "t", "m", "re", "ve", "ll") or in_dictionary(part):
            return True
        return any(old in part and in_dictionary(part.replace(old, new)) for old, new in _BRITISH)

    word = word.lower()
    return word in topic_words().ordinary_nouns or all(one(p) for p in re.split(r"['\u2019-]", word) if p)


#: British spellings the dictionary (American) lacks, as the American ones it has.
_BRITISH = (("ae", "e"), ("oe", "e"), ("our", "or"), ("is", "iz"), ("tre", "ter"), ("ence", "ense"),
            ("mme", "m"), ("ll", "l"), ("ogue", "og"), ("yse", "yze"))  # fmt: skip


def foreign_count(words: list[str]) -> int:
    """How many of ``words`` (small letters) are not English: letters English lacks, or
    outside the dictionary ("kompletacji", "nocnej"; not "na", which English has too)."""
    return sum(_foreign_letters(w) or not english_word(w) for w in words)


def _is_label(side: str, names: tuple[str, ...]) -> bool:
    """Whether the part before " - " or ": " only says whose note or which part of the
    interview it is ("Élodie", "JW", "tech exam", "my intern project")."""
    words = _words(side)
    first_names = {w.lower() for n in names for w in n.split()}
    return bool(words) and (
        all(w in first_names for w in words)
        or re.fullmatch(r"[A-Z]{1,3}", side.strip()) is not None
        or topic_words().events.search(side) is not None
        or words[0] == "my"
        or (len(words) == 1 and side.strip()[:1].isupper())
    )


def _candidates(topic: str, names: tuple[str, ...]) -> list[str]:
    """The phrasings of a topic to try, best first: the whole; then, for notes, the part before
    a full stop or a question; the subject before a label's dash or colon, or what follows a
    label that only names a person or a part of the interview."""
    whole = _BRACKETS.sub("", topic).strip().strip("\"'").strip(" ,;.")
    whole = re.sub(r"\s+[+&]\s+", " and ", whole)
    out = [whole]
    first_sentence = _SENTENCES.split(whole, maxsplit=1)[0].strip(" ,")
    for piece in dict.fromkeys([whole, first_sentence]):
        sides = _LABEL.split(piece, maxsplit=1)
        if len(sides) == 2:
            before, after = (side.strip(" ,;:") for side in sides)
            out += [after] if _is_label(before, names) else [before]
        elif piece is not whole:
            out.append(piece)
    if ", " in whole:
        out.append(whole)  # again, as a cut: a list of notes read item by item ("case study, money mule accounts")
    return [p for p in out if p]


def usable_topic(topic: str, names: Iterable[str] = ()) -> str | None:
    """The topic as a message may quote it, or None when no part of it reads as a subject."""
    names = tuple(names)
    if about_terms(topic) or _FREQUENCY.search(topic):
        return None
    symbols = re.search(r"\s[+&]\s", topic) is not None  # "shuttle system + 2 sorters" is notes already
    for index, part in enumerate(_candidates(topic, names)):
        cut = index > 0 or symbols  # the whole topic, less any bracketed aside, is not a cut
        if ", " in part and cut:
            part = _as_list(part, names) or ""
        if part and quotable(part, names) and not (cut and len(_words(part)) > MAX_CUT_WORDS) and _written_out(part):
            if symbols and not all(_names_a_subject(s) or s[:1].isupper() for s in part.split(" and ")):
                continue  # "sit down + reach truck": jotted items joined, not a subject
            chosen = _before_aside(part, names)
            if (cut or chosen != part) and not _names_a_subject(chosen):
                continue
            return chosen
    return None


#: A time of day as notes write it ("opening shifts 6am", "standups at 10am"), not "the 8am phone rush".
_BARE_TIME = re.compile(
    r"(?<!\bthe )\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b|\b(?:at|from|until|till|by) \d{1,2}[:.]\d{2}\b", re.IGNORECASE
)
#: Someone written as a lone capital starting a jotting ("EV chargers, D keen, growth area"), not "Plan B".
_LONE_INITIAL = re.compile(r"(?:^|[,;:(]\s*)[B-HJ-Z](?![\w'/&.-])")
#: A fact about the candidate, dated ("Class 2 since 2019"), or their certificate jotted
#: ("nonviolent crisis intervention cert"; not "the Leaving Cert", a name).
_ABOUT_THE_CANDIDATE = re.compile(r"\b(?:since|from) (?:19|20)\d\d$|\b[a-z]+ cert$")
#: The words of two small letters English writes ("te" as in "te reo", New Zealand English);
#: any other ("linea pb machine", "the autopilot qn") is shorthand, unless part of a name
#: ("Ciudad de la Justicia") or of "à la carte".
_TWO_LETTER_WORDS = frozenset(
    "of to in on at by up as an is it if or so no do go be me my we us he am ad ox te".split()
)


def _written_out(phrase: str) -> bool:
    """Whether a phrase is written out as a letter would: no bare time of day, and no word of two
    small letters that is neither English nor an abbreviation a letter writes in capitals."""
    if _BARE_TIME.search(phrase) or _LONE_INITIAL.search(phrase) or _ABOUT_THE_CANDIDATE.search(phrase):
        return False
    words = phrase.split()
    for i, word in enumerate(words):
        if not re.fullmatch(r"[a-z]{2}", word) or word in _TWO_LETTER_WORDS or word in topic_words().acronyms:
            continue
        around = words[max(i - 1, 0) : i] + words[i + 1 : i + 2]
        if not any(w[:1].isupper() or w == "à" for w in around):
            return False
    return True


def _names_a_subject(phrase: str) -> bool:
    """Whether a phrase cut from notes names a subject a sentence can hold: three words or more,
    or two that end in a plural, an "-ing" word or a noun that takes "the" ("nurse clinics",
    "anaesthetic monitoring", "the graveyard shift"); not "cashless fare", "backup NAS",
    "start 4h30" or "the job"."""
    words = phrase.split()
    if len(words) != 2:
        return True
    first, head = words[0].lower(), words[1]
    if first in _DETERMINERS or any(c.isdigit() for c in phrase) or head.isupper():
        return False
    head = head.lower()
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return plural or head.endswith("ing") or head in topic_words().countable_heads


#: What a comma adds when it starts a remark rather than the next item of a list.
_CLAUSE_START = re.compile(
    r"(?:most|many|some|all|half|none) of\b|which\b|who\b|where\b|mostly\b|mainly\b|usually\b|including\b", re.I
)


def _before_aside(phrase: str, names: tuple[str, ...]) -> str:
    """A topic without what a comma adds to it ("the three-year renewal with their biggest funder,
    due end of September": the renewal), so that a sentence can go on after it; a list keeps
    all its items ("aseptic technique, CHO cells and passaging"), and a comma inside a
    compound stays ("the four-on, four-off night shift pattern")."""
    head, _, tail = phrase.partition(", ")
    if tail and _CLAUSE_START.match(tail) and quotable(head, names):
        return head  # "..., most of the tickets being printer, barcode scanner and VPN problems": a remark, not a list
    if tail.startswith("and ") and len(_words(head)) >= 4 and quotable(head, names):
        return (
            head  # "the EMP201 and EMP501 submissions to SARS, and the IRP5 reconciliation in ...": the first will do
        )
    if not tail or re.search(r"\b(?:and|or)\b", tail) or not quotable(head, names):
        return phrase
    if len(_words(head)) < 3 and (len(_words(tail)) <= 3 or ("-" in head.split()[-1] and "-" in tail.split()[0])):
        return phrase  # two short items ("aseptic technique, CHO cells"), or one compound ("four-on, four-off")
    return head  # "weekend coverage, leads rotate one Saturday a month": what the comma adds goes


def _as_list(part: str, names: tuple[str, ...]) -> str | None:
    """A list cut from notes as a sentence holds it: items that all read as subjects, joined
    ("aseptic technique, CHO cells and passaging"); else its first item when that does
    ("BQ variations, how I record site instructions": "BQ variations"); else nothing."""
    events = topic_words().events
    items = [i.strip() for i in part.split(",") if i.strip()]
    items = [i for i in items if not (len(_words(i)) <= 3 and events.search(i))] or items  # "case study, ..."
    if len(items) == 1:
        return items[0] if quotable(items[0], names) else None
    if len(items) > 1 and all(quotable(i, names) or len(_words(i)) == 1 for i in items) and " and " not in part:
        return f"{', '.join(items[:-1])} and {items[-1]}"
    return items[0] if items and quotable(items[0], names) else None


def jotted_pieces(topic: str, names: Iterable[str] = ()) -> tuple[str, ...]:
    """The parts of a topic that read as notes (lower-cased, of two words or more): a message
    that quotes one after "our conversation about" has pasted the notes. Empty when the whole
    topic reads as a subject."""
    names = tuple(names)
    whole = " ".join(topic.split())
    if quotable(whole, names) and not about_terms(whole):
        return ()
    pieces = {whole, whole.split(",")[0], re.split(r"[.;?]\s", whole)[0]}
    pieces |= {p for p in _candidates(topic, names) if not quotable(p, names)}
    chosen = (usable_topic(topic, names) or "").lower()
    # When nothing in the topic reads as a subject, any item of it quoted is the notes pasted
    # ("rest Ruhr distribution"); otherwise only the items that do not read as one.
    # (An item of four words or more that reads as a subject is one, even so: "moving from class
    # components to hooks" after "they build dashboards for logistics clients".)
    pieces |= {
        i.strip()
        for p in list(pieces)
        for i in p.split(",")
        if not quotable(i.strip(), names) or (not chosen and len(i.split()) <= 3)
    }
    found = {p.lower().strip(" ,;:") for p in pieces if len(p.split()) >= 2}
    return tuple(sorted(found - {chosen}, key=len, reverse=True))


#: Words that start a topic only because the notes start a line with a capital.
_LEADING_WORDS = frozenset("the a an how what why when where which whether our its their this these those my".split())
#: Where a sentence of notes starts again, so the capital after it says nothing about the word.
_RESTART = re.compile(r"(?:^|[.;:!?\n\u2014]|\s[-\u2013]\s)\s*['\"(\u2018\u201c]*$")


def capitalised_words(texts: Iterable[str]) -> frozenset[str]:
    """The words (casefolded) that the notes write with a capital in mid-sentence, where only a
    name or a product has one: "the Epic access team" makes "Epic" a name wherever it starts a
    line of notes."""
    out: set[str] = set()
    for text in texts:
        for match in re.finditer(r"\b[A-Z][a-z]+\b", text):
            if not _RESTART.search(text[: match.start()]):
                out.add(match.group().casefold())
    return frozenset(out)


def capital_from_notes(phrase: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether ``phrase`` starts with a capital that only a line of notes gives it, so that it
    reads wrong mid-sentence ("our conversation about Changeover from paper pick lists"):
    an ordinary word, or a leading "The"/"How", or an "-ing" word, written with a capital and
    followed by small letters. A name or a product keeps its capital: one that is no
    ordinary word ("Christmas trade"), one the notes capitalise elsewhere (``names``, from
    :func:`capitalised_words`), one in ``topic_words.yaml``'s ``keep_capital``, one followed by
    another capital ("Power BI dashboards", "Wriggle and Rhyme sessions"), and a topic of
    one word."""
    from followup.tone.checks.faithful import in_dictionary  # the gate's dictionary; imported late (a cycle)

    words = phrase.split()[:3]
    first = words[0].strip("\"'\u2018\u201c(") if words else ""
    bare = first.replace("-", "")
    if not (first[:1].isupper() and bare[1:].islower() and bare.isalpha()):
        return False
    key = first.casefold()
    data = topic_words()
    if key in names or key in data.keep_capital or key in MONTHS or key in WEEKDAYS:
        return False
    if key in _LEADING_WORDS:
        return len(words) > 1
    ordinary = key in data.ordinary_nouns or all(in_dictionary(part) for part in key.split("-") if part)
    if key.endswith("ing") and ordinary:
        return True  # "Preparing practical kits"
    if len(words) < 2 or any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]):
        return False
    return ordinary


#: Where a topic's first noun phrase ends: "the changeover | from paper pick lists".
_PHRASE_END = frozenset(
    "of for from to in on at with among under across between by after before during since via per about "
    "and or but last next this every how what which that who whose where when while expected planned due "
    "scheduled coming starting going moving switching".split()
)
_DETERMINERS = frozenset(
    "the a an our their my your his her its this that these those some any each every all both no one two three "
    "four five several many more most other another such".split()
)


#: A month in small letters where it is one: "in march", "by june", "end of may".
_MONTH_AFTER = re.compile(
    r"\b((?:in|by|from|until|till|since|before|after|early|late|mid|next|last|of|through) )"
    r"(" + "|".join(MONTHS) + r")\b"
)


def with_acronyms(phrase: str) -> str:
    """A topic's abbreviations in capitals, as a letter writes them ("rf scanner picking" is
    "RF scanner picking", "the new crm" "the new CRM"), and the words a letter always writes
    with a capital ("the christmas rush", "coming up in march")."""
    data = topic_words()

    def one(m: re.Match[str]) -> str:
        word = m.group()
        if word in data.acronyms and len(word) <= 5:
            return word.upper()
        return word.capitalize() if word in data.always_capital else word

    phrase = re.sub(r"(?<![\w'-])[a-zāēīōū][a-z0-9āēīōū]{1,9}(?![\w'-])", one, phrase)
    return _MONTH_AFTER.sub(lambda m: m.group(1) + m.group(2).capitalize(), phrase)


def with_article(phrase: str) -> str:
    """A topic as a sentence holds it: one thing named without an article gets "the" ("the
    graveyard shift", "the HIQA inspection last March", "the safeguarding scenario"); plurals,
    lists, names, an "-ing" word's object ("moving payroll to Silae") and what is not counted
    ("infection control") stay as they are."""
    words = phrase.split()
    if not words or words[0].lower() in _DETERMINERS or words[0][:1].isdigit():
        return phrase
    # A name ("Mombasa Road works"), or a capital a line of notes kept ("Team of 14 ..."), stays
    # bare, unless a counted noun ends a longer phrase: "the Pātea Rd community hall rebuild".
    named = words[0][:1].isupper() and not words[0].isupper()
    noun_phrase: list[str] = []
    for word in words:
        bare = word.strip(",;:()").lower()
        if bare in _PHRASE_END:
            break
        noun_phrase.append(bare)
        if word.endswith((",", ";", ":")):
            break
    if not noun_phrase or any(w in _DETERMINERS for w in noun_phrase[1:]):
        return phrase  # "running the rota"
    head = noun_phrase[-1]
    if noun_phrase[0].endswith("ing") and len(noun_phrase) < 2:
        return phrase
    if named and (len(noun_phrase) < 3 or any(w[:1].isupper() for w in words[len(noun_phrase) - 1 : len(noun_phrase)])):
        return phrase
    return f"the {phrase}" if head in topic_words().countable_heads else phrase


def reads_as_notes(text: str) -> bool:
    """Whether a line is written as notes: symbols for words, jotted numbers ("6 wks", "~40%"),
    shorthand, or a dash between jottings ("closed out in 6 wks - Ciarán asked ...")."""
    if _NOTATION.search(text) or _JOTTED_NUMBER.search(text) or re.search(r"\s[-\u2013\u2014]\s", text):
        return True
    shorthand = topic_words().shorthand
    return any(w in shorthand for w in _words(text))
