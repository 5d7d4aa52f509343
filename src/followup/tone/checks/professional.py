"""Professional: no emoji, text-speak, slang, shouting, repeated punctuation, placeholders or markup."""

from __future__ import annotations

import re

from followup.tone.checks.faithful import in_dictionary
from followup.tone.facts import NotesFacts
from followup.tone.report import Check, Finding
from followup.tone.scan import BLOCK, WARN, rule, scan
from followup.tone.text import Draft

C = Check.professional

ACRONYMS = frozenset(
    """AI ML HR CEO CTO CFO COO CPO CMO VP SVP EVP US USA UK EU PhD MBA BSc MSc CV PS KPI KPIs OKR OKRs
    API APIs SQL ETL QA UX UI IT PM AM PST EST GMT CET UTC Q1 Q2 Q3 Q4 FAQ B2B B2C SaaS NYC LA SF""".split()
)
OWNED_ELSEWHERE = frozenset(["ASAP"])  # the pushy check reports it
EMPHATIC = frozenset("PLEASE URGENT NOW REALLY VERY NEED MUST ANY NOT STILL WAITING IMMEDIATELY TODAY".split())
TEXT_SPEAK = frozenset(
    """u ur thx thnx tnx pls plz lol omg btw idk imo imho tbh brb gr8 b4 cya ty np wanna gonna gotta
    kinda sorta ya thanx lmk dont wasnt cant didnt isnt doesnt havent hasnt wont im ive""".split()
)
RULES = [
    rule(
        "professional.text_speak",
        BLOCK,
        sorted(TEXT_SPEAK),
        "Text-speak is too casual for a message to an employer.",
        "Write the words out in full.",
    ),
    rule(
        "professional.instructions",
        BLOCK,
        [
            "ignore (all |any )?(of )?(the |my |your )?(previous|prior|above|earlier|preceding)( instructions| rules| prompts?)?",
            "ignore the (user|user's|notes|facts|above)",
            "forget (your|all|the|previous) (rules|instructions|prompts?)",
            "you are now",
            "developer mode",
            "jailbreak",
            "as an ai",
            "(a|an|the) (large )?language model",
            "write (a|an) (poem|story|essay|song|insult)",
            "(system|assistant|user) ?:",
            "prompt injection",
        ],
        "This reads as an instruction to a computer, not a message to a person.",
        "Remove it; if it came from your notes, the notes hold text that is not about the interview.",
    ),
    rule(
        "professional.slang",
        WARN,
        [
            "hey",
            "yeah",
            "yep",
            "nope",
            "dude",
            "guys",
            "awesome",
            "super excited",
            "cool",
            "stuff",
            "no worries",
            "cheers mate",
        ],
        "This is casual for a professional message.",
        "Prefer a plain, warm word: 'Hi', 'great', 'I am excited'.",
    ),
]
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\U0001f000-\U0001f2ff\u2600-\u27bf\u2b50\u2b55\u203c\u2049\ufe0f]"
    r"|(?<!\w)(:-?\)|;-?\)|:-?D|:-?P|<3|xD|:-?\()(?!\w)"
)
_CAPS = re.compile(r"\b[A-Z][A-Z'&]*[A-Z]\b")
_REPEATED = re.compile(r"\?{2,}|\?!|!\?|,,|\.{4,}")
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)|\u2026")
_PLACEHOLDER = re.compile(
    r"\[(?:[^\]\n]{1,40}|(?:mention|insert|add|name|include|describe|fill|write|put|enter|specific|your)\b[^\]\n]{0,100})\]"
    r"|\{[A-Za-z_ ]{1,40}\}|<(?:your|name|company|role|date)[^>\n]{0,30}>|\b(?:TBD|TODO|XXX?)\b",
    re.IGNORECASE,
)
_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>\n]{0,60})?/?>")
_MARKDOWN = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\(https?://", re.M)
_HEADING = re.compile(r"^\s*#{1,6} ", re.M)
_LOWER_I = re.compile(r"(?<![\w'\-])i(?=['\s,.!?;:]|$)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]")
_FUNCTION_WORDS = frozenset(
    "the a an and or but to of in on at for with from by is are was were be been i you we it this that "
    "my your our me us as have has had will would could should can not do did so if about".split()
)


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = scan(draft, C, RULES)
    vocabulary = facts.vocabulary if facts else frozenset()
    _patterns(draft, found)
    for match in draft.find(_CAPS):
        word = match.group()
        if word in ACRONYMS or word in OWNED_ELSEWHERE or word.lower() in vocabulary or len(word) < 2:
            continue
        if len(word) < 4 and word not in EMPHATIC:
            continue  # two- and three-letter capitals are nearly always acronyms (SRE, QA, UX)
        if len(word) <= 5 and word not in EMPHATIC and not in_dictionary(word.lower()):
            continue  # no word at all: an acronym ("COMC" for the Canadian Open Mathematics Challenge)
        emphatic = True
        found.append(
            draft.finding(
                C, "professional.capitals", BLOCK if emphatic else WARN, match.start(), match.end(),
                "Words in capitals read as shouting.",
                f"Write '{word.capitalize() if word != 'I' else word}' in normal case.",
            )
        )  # fmt: skip
    _control_characters(draft, found)
    _language(draft, found)
    return found


def _patterns(draft: Draft, found: list[Finding]) -> None:
    table = [
        (_EMOJI, "professional.emoji", BLOCK, "Emoji are too casual for a message to an employer.", "Remove it."),
        (_REPEATED, "professional.punctuation", BLOCK, "Repeated punctuation reads as shouting or impatience.",
         "Use a single mark."),
        (_ELLIPSIS, "professional.ellipsis", WARN, "Trailing dots read as hesitant or passive-aggressive.",
         "End the sentence with a full stop."),
        (_PLACEHOLDER, "professional.placeholder", BLOCK, "This is a placeholder, not text to send.",
         "Replace it with the real detail, or remove it."),
        (_HTML, "professional.markup", BLOCK, "HTML tags will show as raw code in a plain-text message.",
         "Send plain text."),
        (_LOWER_I, "professional.lowercase_i", BLOCK, "A lower-case 'i' reads as careless texting.", "Write 'I'."),
        (_HEADING, "professional.markup", BLOCK, "A Markdown heading will show as raw '#' symbols.", "Send plain text."),
        (_MARKDOWN, "professional.markup", WARN, "Formatting code will show as raw symbols in most mail clients.",
         "Send plain text."),
    ]  # fmt: skip
    for pattern, code, severity, message, suggestion in table:
        for match in draft.find(pattern):
            found.append(draft.finding(C, code, severity, match.start(), match.end(), message, suggestion))


def _control_characters(draft: Draft, found: list[Finding]) -> None:
    match = _CONTROL.search(draft.work)
    if match:
        found.append(
            draft.finding(
                C, "professional.control", BLOCK, match.start(), match.end(),
                f"The text holds an invisible control character (U+{ord(match.group()):04X}).",
                "Remove it (it often comes from copying text out of another program).",
            )
        )  # fmt: skip


def _language(draft: Draft, found: list[Finding]) -> None:
    words = draft.words
    if len(words) < 12:
        return
    share = sum(w.text.lower() in _FUNCTION_WORDS for w in words) / len(words)
    if share < 0.12:
        found.append(
            draft.finding(
                C, "professional.not_english", BLOCK, 0, len(draft.work),
                "This does not read as English, so its tone cannot be checked.",
                "Write the message in English (or review it yourself before sending).",
            )
        )  # fmt: skip
