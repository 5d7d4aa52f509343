"""Not pushy: no deadlines or ultimatums, no 'ASAP', no demand for a decision, no guilt."""

from __future__ import annotations

import re

from followup.tone.facts import NotesFacts
from followup.tone.report import Check, Finding
from followup.tone.scan import BLOCK, WARN, rule, scan
from followup.tone.text import Draft

C = Check.not_pushy

_WHEN = (
    "(end of (the )?(day|week|month)|eod|eow|cob|tomorrow|tonight|today|noon|monday|tuesday|wednesday|"
    "thursday|friday|saturday|sunday|this week|next week|the \\d+(st|nd|rd|th)?|\\d+ (hours|days|business days))"
)
RULES = [
    rule(
        "pushy.asap",
        BLOCK,
        [
            "asap",
            "a\\.s\\.a\\.p\\.?",
            "urgent(ly)?",
            "(reply|respond|answer|get back|let me know|decide|act|call|hear)[^.?!\\n]{0,25}at once",
            "without (further )?delay",
            "pronto",
            "expedite",
            "immediate (response|reply|answer|attention|decision|feedback)",
            "(reply|respond|answer|get back|let me know|decide|act|call)[^.?!\\n]{0,25}(immediately|right away|right now)",
            "(please|kindly) [a-z ]{0,20}(immediately|right away)",
            "prioriti[sz]e my (application|candidacy)",
            "(top|front) of the (pile|queue|list)",
        ],
        "Urgency words press the reader to act on your schedule.",
        "Leave the timing to them: 'whenever you have an update'.",
    ),
    rule(
        "pushy.as_soon_as_possible",
        WARN,
        ["as soon as (possible|you can)", "at your earliest convenience"],
        "This presses for a quick answer.",
        "Ask gently: 'I'd be glad to hear whenever there is news.'",
    ),
    rule(
        "pushy.deadline",
        BLOCK,
        [
            "(reply|respond|answer|get back to me|let me know|confirm|update me|tell me)"
            "[^.?!\\n]{0,40}?(by|before|within|no later than) " + _WHEN,
            "i expect (a|an|your) (reply|response|answer|decision|update)[^.?!\\n]{0,20}?(today|tomorrow|now|by|before|within)",
            "i need (a|an|your) (reply|response|answer|decision)[^.?!\\n]{0,20}?(today|tomorrow|now|by|before|within)",
            "(if i (don't|do not|haven't|have not)( yet)?|unless i) (hear|heard|get|got|receive|received)[^.?!\\n]{0,40}?(by|before|within|soon|then)",
            "(or|otherwise|else),? i('ll| will| shall) (have to |need to |be forced to )?(accept|take|withdraw|move on|go with|look elsewhere)",
            "(be|am|feel) forced to",
            "final (chance|opportunity|notice|reminder)",
            "last chance",
            "this is my (last|final)",
            "at the latest",
            "(need|want|expect|must|have) to hear (back )?(from you )?[^.?!\\n]{0,20}?(by|before|within|today|tomorrow|this week)",
            "(let me know|tell me|reply|respond|get back to me|answer me|hear from you) (today|tonight|tomorrow|now|this week|by return)",
            "(a )?yes or (a )?no",
            "put in a good word",
            "pull (some )?strings",
            "(wrap|close) (this|it|things) up (this|by)",
            "(i'd like|i would like|i want|i need|i expect) (this|it|things|matters) (resolved|settled|sorted|decided|wrapped up|finali[sz]ed)",
            "(or|otherwise),? (else )?i('m| am|'ll| will) (be )?(taking|take|accepting|accept|going|moving on|withdrawing|walking)",
        ],
        "This sets a deadline or an ultimatum for the employer.",
        "Share your circumstance as information, not a condition: "
        "'I have another offer to answer by 4 December, and Acme remains my first choice.'",
    ),
    rule(
        "pushy.decision",
        BLOCK,
        [
            "(let me know|tell me|inform me( of)?) (your|the) (final )?decision",
            "(have you|has the team|did you) (made|make|reach(ed)?) a decision",
            "(what is|what's) (your|the) decision",
            "did i get (the|this) (job|role|position|offer)",
            "am i (getting|being) (hired|the (job|offer))",
            "i need to know (now|today|whether|if)",
            "give me an answer",
            "(please|just|you need to|you have to) make a decision",
            "i need (an|a|your) (answer|decision|response)",
            "(confirm|let me know|tell me) (whether|if) i('m| am| have| got| was)",
            "(must|have to|need to)? ?insist on (an?|your|the) (answer|reply|response|decision)",
            "(reveal|share|tell me) (the|your) (hiring |final )?decision",
            "i (want|need|expect|must have|require|demand) (to (receive|get|hear|have) )?(a|an|your|the) "
            "(firm |final |definite |clear |quick |prompt )?(answer|reply|decision|response|verdict|commitment|update)",
            "(hear|know|get|have) (your|the) (final )?decision (soon|quickly|shortly|promptly|now)",
            "(once|when|after|until) i (know|hear) (where i stand|your decision|the (outcome|decision|result))",
        ],
        "Demanding a decision pressures the employer.",
        "Ask about the process instead: 'Is there anything else I can share to help your decision?'",
    ),
    rule(
        "pushy.guilt",
        BLOCK,
        [
            "i (have |already |just )?(turned|have turned) down",
            "i (have |already )?(declined|rejected|passed on|gave up|put on hold|left|quit) (an?|my|another|other|two|several|\\d+) "
            "?(other )?(offers?|jobs?|roles?|positions?|opportunit(y|ies)|interviews?)",
            "(after|given) (all )?the (time|effort|work) i('ve| have) (put|invested|spent)",
            "i cleared my (schedule|calendar)",
            "i took (a |the )?(day|days|time) off",
            "i('ve| have) been waiting (for )?(weeks|so long|a long time)",
            "gave up (a lot|so much|everything)",
            "(hard|tough|difficult|stressful) on (us|me|my (family|kids|children|wife|husband|partner))( at home)?",
            "for (her|his|their|my (family|kids|children|mother|mother-in-law|wife|husband|partner)'s) sake",
            "(after|given) (all )?(that|everything) i('ve| have) (done|given|sacrificed)",
        ],
        "This makes the employer responsible for your sacrifices: it reads as guilt.",
        "Leave it out, or state a real constraint neutrally.",
    ),
]
QUESTION = re.compile(r"\?")
# A time limit in a sentence that asks for an answer is a deadline set for the employer,
# unless the sentence reports their own plan ('you hoped to decide by Friday') or the
# date is the candidate's real constraint from the notes (an offer expiring on 4 December).
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
TIME_LIMIT = re.compile(
    r"\b(by|until|till|before|no later than|within)\s+(the\s+end\s+of\s+)?(this\s+|next\s+)?"
    r"(week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|eod|cob|noon|"
    r"\d{1,2}(st|nd|rd|th)?(\s+of)?\s+(" + _MONTHS + r")|(" + _MONTHS + r")\s+\d{1,2}|the\s+\d{1,2}(st|nd|rd|th)?|"
    r"\d+\s+(hours|days|business days|working days))\b",
    re.I,
)
ANSWER_WORDS = re.compile(
    r"\b(answers?|decisions?|decide|know|hear|respond|response|reply|come back|get back|update|confirm|verdict|"
    r"where i stand|one way or the other|resolved|sorted|settled)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
REPORTED = re.compile(
    r"\b(hoped|hoping|planned|planning|expected|expecting|aimed|aiming|intended|intending|wanted|said|mentioned|"
    r"understood|understand|knew|told|gave|promised)\b|\bknow (that )?(the|you|they|your)\b|\b(you|they|the team|team) (would|will|'d|'ll|were|was|are|is|had)\b"
    r"|\b(let me know|informed me)\b|\b(would|will) (take|run|last)\b",
    re.I,
)


def _their_plan(draft: Draft, finding: Finding, facts: NotesFacts | None) -> bool:
    """A deadline phrase that reports their own plan, or states the candidate's real
    constraint from the notes ("my answer by Friday 10 July", the other offer's date)."""
    if finding.code != "pushy.deadline":
        return False
    start, end = draft.sentence_span(finding.start)
    if _THEIR_WORK.search(draft.work, start, end) is not None:
        return True  # "answering reviews within 24 hours": the team's work, not your answer
    if THEIR_PLAN.search(draft.work, start, finding.start) is not None:
        return True
    limit = TIME_LIMIT.search(draft.work, finding.start, end)
    return limit is not None and _stated_constraint(draft.work[limit.start() : end], facts)


def _stated_constraint(limit: str, facts: NotesFacts | None) -> bool:
    if facts is None:
        return False
    day = re.search(r"\d{1,2}", limit)
    month = re.search(_MONTHS, limit, re.I)
    if not (day and month):
        return False
    number = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"].index(month.group().lower()) + 1  # fmt: skip
    return (int(day.group()), number) in facts.day_months


#: Their own plan, reported: "You'd hoped to let me know by Tuesday 24 November" sets no deadline.
THEIR_PLAN = re.compile(
    r"\b(you|they|the team|the panel)('d|'ve| had| have)? (hoped|planned|expected|aimed|intended|said|mentioned|promised)\b",
    re.I,
)


#: Answering as the team's own work ("answering reviews within 24 hours"), not an answer to you.
_THEIR_WORK = re.compile(
    r"\b(answering|responding to|replying to) (guest |customer |patient |online |client )?"
    r"(reviews|calls|queries|questions|complaints|emails|e-mails|messages|tickets|enquiries|inquiries)\b",
    re.I,
)


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = [f for f in scan(draft, C, RULES) if not _their_plan(draft, f, facts)]
    for sentence in draft.find(_SENTENCE):
        limit = TIME_LIMIT.search(sentence.group())
        if limit is None or not ANSWER_WORDS.search(sentence.group()) or _THEIR_WORK.search(sentence.group()):
            continue
        start, end = sentence.start() + limit.start(), sentence.start() + limit.end()
        before = sentence.group()[: limit.start()]
        # "by Friday 10 July": the weekday's date follows the time limit the pattern found
        if REPORTED.search(before) or _stated_constraint(sentence.group()[limit.start() :], facts):
            continue
        if any(f.start < sentence.end() and sentence.start() < f.end for f in found):
            continue
        found.append(
            draft.finding(
                C, "pushy.deadline", BLOCK, start, end,
                "This sets a time limit for their answer.",
                "Leave the timing to them; if you have a real constraint, state it as information.",
            )
        )  # fmt: skip
    questions = list(draft.find(QUESTION))
    if len(questions) >= 2:
        severity = BLOCK if len(questions) >= 3 else WARN
        start, _ = draft.sentence_span(questions[1].start())
        found.append(
            draft.finding(
                C, "pushy.questions", severity, start, questions[-1].end(),
                f"{len(questions)} direct questions ask a lot of a busy reader.",
                "Keep to one question, and make it easy to answer.",
            )
        )  # fmt: skip
    return found
