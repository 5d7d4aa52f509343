"""Courteous: a greeting, thanks or appreciation, a polite close; no demands or insults."""

from __future__ import annotations

import re

from followup.tone.checks.faithful import foreign_greeting_words
from followup.tone.facts import NotesFacts
from followup.tone.report import Channel, Check, DraftKind, Finding
from followup.tone.scan import BLOCK, WARN, rule, scan
from followup.tone.text import CLOSING_ALTERNATIVES, SUBJECT_LINE, Draft, phrases

C = Check.courteous

GREETING = re.compile(r"^\W*(dear|hi|hiya|hey|hello|good (morning|afternoon|evening|day)|greetings|respected)\b", re.I)
CLOSE = re.compile(rf"^\s*({CLOSING_ALTERNATIVES}|looking forward)\b", re.I)
THANKS_EXPECTED = {DraftKind.thank_you, DraftKind.check_in, DraftKind.escalation, DraftKind.closing}
APPRECIATION = phrases(
    "thank", "thanks", "thankful", "grateful", "gratitude", "appreciate", "appreciated",
    "appreciation", "enjoyed", "a pleasure", "glad",
)  # fmt: skip

IMPOLITE = [
    rule(
        "courteous.demand",
        BLOCK,
        [
            "you (need|have|ought) to",
            "you must (reply|respond|answer|get back|let me know|tell me|decide|give|send|call)",
            "i demand",
            "i insist",
            "i expect (a|an|your|to hear)",
            "(reply|respond|answer) (to me )?(now|today|immediately)",
            "get back to me (now|today)",
        ],
        "This reads as an order to the reader, not a request.",
        "Ask instead: 'Would you be able to ...?' or 'I would be grateful if ...'.",
    ),
    rule(
        "courteous.why_didnt_you",
        BLOCK,
        [
            "why (didn't|haven't|hasn't|won't|don't|did not|have not|has not|wouldn't|can't) "
            "(you|anyone|anybody|someone|somebody|the team)",
            "why is (it|this) taking",
        ],
        "A 'why didn't you' question puts the reader on the defensive.",
        "Say what you hope for, not what they failed to do: 'I'd be glad to hear where things stand.'",
    ),
    rule(
        "courteous.insult",
        BLOCK,
        [
            "stupid",
            "idiot(s|ic)?",
            "incompetent",
            "pathetic",
            "clueless",
            "useless",
            "a joke",
            "shame on you",
            "how dare",
            "damn",
            "crap",
            "wtf",
            "hell",
            "shit",
            "f\\*+k",
        ],
        "Insulting or crude words have no place in a message to an employer.",
        "Remove it; if you are frustrated, take a day before writing.",
    ),
]


#: After these words "you need to" or "I expect to hear" is no order: "please don't feel you
#: need to reply", "if you need to", "when might I expect to hear".
SOFTENED = re.compile(r"\b(?:feel|think|if|whether|might|may|could|would|when|unless|can|should|shall|do)\s+$", re.I)


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = [
        f
        for f in scan(draft, C, IMPOLITE)
        if f.code != "courteous.demand" or not SOFTENED.search(draft.work, max(0, f.start - 12), f.start)
    ]
    text = draft.work.strip()
    if not text:
        return found
    offset = len(draft.work) - len(draft.work.lstrip())
    subject = SUBJECT_LINE.match(text)
    opening = text[subject.end() :].lstrip() if subject is not None else text
    if not GREETING.match(opening) and not _foreign_greeting(opening):
        end = offset + min(len(text.split("\n", 1)[0]), 60)
        found.append(
            draft.finding(
                C, "courteous.no_greeting", WARN, offset, end,
                "The message opens without a greeting.",
                "Start with 'Dear <first name>,' or 'Hi <first name>,'.",
            )
        )  # fmt: skip
    if draft.channel == Channel.email and not _has_close(draft.work):
        tail_start = max(0, len(draft.work.rstrip()) - 60)
        found.append(
            draft.finding(
                C, "courteous.no_close", WARN, tail_start, len(draft.work),
                "The message ends without a polite close.",
                "End with 'Best regards,' or 'Thank you,' and your name.",
            )
        )  # fmt: skip
    if draft.kind in THANKS_EXPECTED and not APPRECIATION.search(draft.work):
        severity = BLOCK if draft.kind == DraftKind.thank_you else WARN
        found.append(
            draft.finding(
                C, "courteous.no_thanks", severity, offset, offset + min(len(text), 60),
                "There is no thanks or appreciation anywhere in the message.",
                "Thank them for something specific: their time, the conversation, their help.",
            )
        )  # fmt: skip
    return found


def _foreign_greeting(text: str) -> bool:
    """Whether the message opens with a greeting in another language ("Kia ora Angus", "Bonjour Sabrina")."""
    first = re.match(r"[^\W\d_][\w']*", text)
    return first is not None and first.group().lower() in foreign_greeting_words()


def _has_close(text: str) -> bool:
    """A closing line ('Best regards,', 'Thank you for your help,') among the last three lines."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()][-3:]
    return any(CLOSE.match(line) and (len(line.split()) <= 6 or line.endswith(",")) for line in lines)
