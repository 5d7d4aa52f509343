"""Kind-specific: what each kind of message must and must not do."""

from __future__ import annotations

import re

from followup.textdates import WEEKDAYS
from followup.tone.facts import NotesFacts
from followup.tone.report import Check, DraftKind, Finding
from followup.tone.scan import BLOCK, WARN, rule, scan
from followup.tone.text import Draft, phrases

C = Check.kind_specific

THANK_YOU_CHASE = [
    rule(
        "kind.thank_you_chases",
        BLOCK,
        [
            "any (news|update|updates|word|feedback)( yet)?( on| about| regarding)? (my|the)? ?(application|decision|status|outcome|candidacy|result)",
            "(have|has) (you|the team|anyone) (made|reached|come to) a decision",
            "(the|your) (decision|outcome|result)s? (yet|so far)",
            "did i (get|pass|make it)",
            "how did i do",
            "(when|how soon) (will|can|might|should) i (know|get) (if|whether)",
            "(am i|was i) (selected|successful|moving forward|through)",
            "(your|the) (decision|outcome|result)s?",
            "when (do|can|shall) i start",
            "verdict",
            "(the|any|an|that) offer",
            "any news",
            "how i did",
            "(nervous|anxious|worried) about the (outcome|result|decision)",
            "how (the|my) (process|application|decision|recruitment) (is|are) (progressing|going|moving|coming along)",
            "assum(e|ing) i (got|have|passed)",
            "i got (it|the job|the role)",
            "compared (with|to) (the )?other",
            "(the )?others you (saw|met|interviewed)",
        ],
        "A thank-you note should not chase a decision; it is too soon.",
        "Keep it to thanks and interest; if you did not ask about next steps, ask once about the timeline.",
    )
]
CLOSING_BEGS = [
    rule(
        "kind.closing_guilt",
        BLOCK,
        [
            "reconsider",
            "(another|second|one more) (chance|shot|look)",
            "(you('ll| will)|you might) regret",
            "your loss",
            "(big|huge|serious) mistake",
            "made a mistake",
            "i (can't|cannot|don't) (believe|understand) (why|that|how|you)",
            "(devastated|heartbroken|crushed|gutted)",
            "why (was|wasn't|were|weren't) i",
            "what did i do wrong",
            "(please )?(change|review) (your|the) decision",
            "don't give up on me",
            "change your mind",
            "got (this|it) wrong",
            "wrong (call|decision|choice|person)",
            "(realise|realize) (you|that you) (made|were)",
            "whoever you (picked|chose|hired|selected)",
            "worth it",
            "(good luck|best of luck) finding",
            "(someone|somebody) better",
            "know talent",
            "why i (was|wasn't|was not|wasn't) (not )?(chosen|selected|picked|hired)",
            "who got the (job|role|position)",
            "what was wrong with",
            "misjudged",
            "(look|review|consider) (at )?(my application|me|it|my candidacy) again",
            "second look",
            "change the (outcome|result|decision)",
            "another (interview|chance|round)",
            "convince (the|you|them)",
            "(deserve|deserved)",
            "i guess",
            "whatever",
            "(why|how come) i (was|wasn't|wasnt|was not) (not )?(picked|chosen|selected)",
        ],
        "A closing note should accept the outcome gracefully: this guilts or begs.",
        "Thank them, say you enjoyed meeting the team, and that you'd welcome a future opportunity.",
    )
]
#: Moving on gracefully ("I will assume the team has moved on") is a closing's standard
#: line; these are the bitter ways to say it, which a closing must not.
CLOSING_BITTER = [
    rule(
        "kind.closing_bitter",
        BLOCK,
        [
            "decen(t|cy)",
            "(at least|even|a simple|just) (a|the courtesy of a) (reply|response|note|line|word|call|no)(?! or (two|so))",
            "(the )?(courtesy|decency) (of|to)",
            "after (all|everything) (the (time|effort|work) )?(i|that i) (put|gave|invested|spent)",
            "(all|everything) (the (time|effort|work) )?(i|that i) (put|gave|invested) (in|into)",
            "(clearly|obviously|surely) (the )?(best|right|strongest|ideal|perfect|most qualified)",
            "i was the (best|strongest|ideal|perfect|most qualified) (fit|candidate|person|choice)",
            "what you('re| are) missing",
            "(someone|somebody|a candidate|an applicant|a person) (cheaper|younger|less (qualified|experienced))",
            "(cheaper|younger|less qualified|less experienced) (candidate|applicant|person|option|hire)",
            "apparently",
            "too much to ask",
            "all along",
            "never (really |truly )?(open|available|real|serious|genuine)",
            "without (even )?(having )?(the decency|the courtesy|bothering|telling me|letting me know|a word)",
        ],
        "A closing note should leave on good terms: this reads as bitter.",
        "Keep it to thanks and good wishes: 'I will assume the team has moved on, and I wish you every success.'",
    )
]
CLOSING_RULES = CLOSING_BEGS + CLOSING_BITTER
RECRUITER_BLAME = [
    rule(
        "kind.escalation_blame",
        BLOCK,
        [
            "unresponsive",
            "no one (has )?(responded|replied|gotten back|got back|answered|followed up)",
            "nobody (has )?(responded|replied|gotten back|got back|answered)",
            "(go|went|going) over (his|her|their|\\w+'s) head",
            "(could ?n[o']t|can ?n[o']t|was unable to) get (an answer|a response|a reply|any answer) from",
            "(has|have) (not|n't) (been )?(responded|replied|gotten back|got back|answered|responsive)",
            "(did|does) (not|n't) (respond|reply|get back|answer)",
            "dropped the ball",
            "never (got|gets) back to me",
            "never (replied|responded|answered)",
            "(come|coming|came|going|went) to you instead",
            "not (copying|cc'?ing|including|looping in)",
            "(rather than|instead of) (going through|asking|contacting|waiting for|copying)",
            "(hasn't|has not|haven't|have not|wasn't|was not|isn't|is not) (been )?(much |very |any |particularly )?(help|helpful|responsive)",
            "(his|her|their) communication",
            "left (him|her|them|[A-Z]\\w+) off",
            "out of (his|her|their) depth",
            "stopped (replying|responding|answering)",
        ],
        "This criticises the recruiter you are keeping in the loop.",
        "Keep it neutral: 'I'm copying Tom, who has been my contact so far.'",
    )
]
LOOP = phrases(
    "cc",
    "cc'd",
    "cc'ing",
    "copied",
    "copying",
    "in copy",
    "in the loop",
    "loop(ing)? in",
    "included",
    "including",
)
TIMELINE = phrases(
    "timeline", "timeframe", "time frame", "by the end of", "last week", "expected to", "hoped to", "mentioned",
    "decision date", "around this time", "had planned", "was planned", "were planning", "next steps", "you said the team",
)  # fmt: skip


#: What makes a closing a closing: it bows out (the decision heard, or an assumption that the
#: team has moved on) or leaves the door open with good wishes. One of these must be there.
CLOSES = phrases(
    "assum(e|ing)", "moved (on|forward|ahead)", "move (on|forward|ahead)", "(been|was|is|has been) filled",
    "(your|the) decision", "letting me know", "let(ting)? me know (about )?(your|the) (decision|outcome)",
    "(all|every) the best", "(wish|wishing) (you|the team|everyone|all)", "best of luck", "(good|every) (luck|success)",
    "future (roles?|opportunit(y|ies)|openings?|positions?|vacanc(y|ies))", "(keep|stay) in touch", "stay connected",
    "(went|gone|go|going) (with|in) (another|a different|someone)", "another (candidate|direction)",
    "not (be )?(moving|progressing|proceeding|selected|successful|chosen|taken forward)",
    "(close|closing) (the loop|this chapter)", "step (back|aside)", "withdraw",
    "(keep|bear) me in mind", "(glad|happy|pleased) to (be considered|hear from you) (for|in|if)",
    "take it that", "(another|a different) (way|direction|route)", "paths (cross|will cross|might cross)",
    "let me know (about|that|your|the)", "(calling|telling|letting|ringing) me", "tell(ing)? me (yourself|personally|directly)",
    "(in|for) the future", "(phon|call|ring)(ing|ed)? me", "hearing it from you", "congratulat(e|ions|ing)",
    "(another|a similar|a future|any other|other) (role|position|opening|vacancy|opportunity|post)",
    "(love|like|glad|happy|pleased) to be considered",
    "(will not|won't|not) (trouble|bother|chase) you( further| again| any further)?", "if anything changes",
)  # fmt: skip
#: What makes a check-in a check-in: it asks, or says it would like to hear, about the process.
ASKS = phrases(
    "news", "updates?", "timeline", "time ?frame", "next steps?", "decision", "where things (stand|are)",
    "hear(ing)? (back|from you|more|anything)", "progress(ing)?", "status", "any word", "how things", "still (open|on)",
    "(be|is|was) (expected|decided|planned)", "let me know", "where (the|things|my|it|this|that) \\w+",
    "(heard|had a reply|had an answer|had a response)", "point me", "who (i|to) (should )?(speak|ask|contact|talk)",
    "the process", "how things are", "check(ing)? in (on|about|regarding)", "follow(ing)? up (on|about|regarding)",
)  # fmt: skip


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    if draft.kind == DraftKind.thank_you:
        return [f for f in scan(draft, C, THANK_YOU_CHASE) if not _offer_in_the_notes(draft, f, facts)]
    if draft.kind == DraftKind.closing:
        # A reply that accepts the offer the outcome records ends the process by accepting, not by bowing out.
        accepting = facts is not None and facts.outcome == "offer"
        return scan(draft, C, CLOSING_RULES) + ([] if accepting else does_its_job(draft, DraftKind.closing))
    if draft.kind == DraftKind.escalation:
        return _escalation(draft, facts) + does_its_job(draft, DraftKind.escalation)
    if draft.kind == DraftKind.check_in:
        return _check_in(draft, facts) + does_its_job(draft, DraftKind.check_in)
    if draft.kind == DraftKind.value_add:
        return _value_add(draft, facts)
    return []


def _offer_in_the_notes(draft: Draft, finding: Finding, facts: NotesFacts | None) -> bool:
    """A thank-you for the offer the outcome records ("Thank you for the offer"), or the
    candidate's own plans should one come ("if an offer comes through by the end of the month
    I can start ...", as the notes say), does not chase one."""
    if facts is None or not finding.quote.lower().endswith("offer"):
        return False
    if facts.outcome == "offer":
        return True
    before = draft.work[max(0, finding.start - 8) : finding.start].lower()
    return "offer" in facts.free_text and re.search(r"\b(?:if|once|when|should)\s+$", before) is not None


#: For each kind with a job to check: what shows it is done, and the finding when it is not.
JOBS: dict[DraftKind, tuple[re.Pattern[str], str, str, str]] = {
    DraftKind.closing: (
        CLOSES,
        "kind.closing_does_not_close",
        "This is meant to be a closing note, but it neither bows out nor leaves the door open; it reads as another message in the process.",
        "Say you will assume the team has moved on (or thank them for letting you know), and wish them well.",
    ),
    DraftKind.check_in: (
        ASKS,
        "kind.check_in_asks_nothing",
        "This is meant to be a check-in, but it never asks about the process; the reader cannot tell why you wrote.",
        "Ask once, politely, whether there is any news on the role.",
    ),
    DraftKind.escalation: (
        ASKS,
        "kind.escalation_asks_nothing",
        "This writes to someone senior but never asks about the process; the reader cannot tell why you wrote.",
        "Say why you are writing: the date they gave has passed, and ask whether there is any news.",
    ),
}


def does_its_job(draft: Draft, job: DraftKind) -> list[Finding]:
    """A closing that does not close, a check-in or escalation that asks about nothing: the
    wrong message for the day, however well written (``job``: the message's kind, or a
    LinkedIn note's action). A draft with no text is the length check's business."""
    signals, code, message, suggestion = JOBS[job]
    if not draft.work.strip() or signals.search(draft.work):
        return []
    return [draft.opening_finding(C, code, BLOCK, message, suggestion)]


def _escalation(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = scan(draft, C, RECRUITER_BLAME)
    recruiters = facts.recruiters if facts else frozenset()
    mentions = any(re.search(rf"\b{re.escape(n.split()[0])}\b", draft.work, re.I) for n in recruiters)
    if not mentions and not LOOP.search(draft.work):
        found.append(
            draft.finding(
                C, "kind.escalation_bypass", BLOCK, 0, min(len(draft.work), 80),
                "The note goes over the recruiter's head without keeping them in the loop.",
                "Copy the recruiter and say so: 'I've copied Tom, who has kindly been my contact.'",
            )
        )  # fmt: skip
    return found


def _check_in(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    if facts is None or facts.promised is None:
        return []
    promised = facts.promised
    words = {
        WEEKDAYS[promised.weekday()],
        f"{promised.day} {promised:%B}".lower(),
        f"{promised:%B} {promised.day}".lower(),
        f"{promised.day}{_ordinal(promised.day)}",
    }
    if any(w in draft.lower for w in words) or TIMELINE.search(draft.work):
        return []
    return [
        draft.finding(
            C, "kind.check_in_no_timeline", WARN, 0, min(len(draft.work), 80),
            "The check-in does not mention the timeline they gave you.",
            f"Refer to it neutrally: 'You mentioned you hoped to decide by {promised:%A} {promised.day} {promised:%B}.'",
        )
    ]  # fmt: skip


#: A value-add that offers an article, or an introduction: it must then give the link, or the name.
OFFERS_ARTICLE = phrases("article", "piece", "blog post", "write-up", "paper", "guide", "case study", "link")
OFFERS_INTRODUCTION = phrases(
    "introduc(e|ing|tion)", "put you in touch", "connect you", "know someone", "someone who", "a (friend|contact|former colleague) who",
)  # fmt: skip


def _value_add(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    if facts is None or not (facts.urls or facts.contacts):
        return []
    has_link = "http" in draft.lower or "www." in draft.lower
    shares_link = any(url.split("/")[0] in draft.lower for url in facts.urls)
    introduces = any(c.split()[0].lower() in draft.lower for c in facts.contacts)
    found = []
    offered = OFFERS_ARTICLE.search(draft.work)
    if facts.urls and offered and not has_link:
        found.append(
            draft.finding(
                C, "kind.article_without_link", BLOCK, offered.start(), offered.end(),
                "This offers an article but gives no link; the reader would have to write back to ask for it.",
                "Include the article's title and link from your notes.",
            )
        )  # fmt: skip
    offered = OFFERS_INTRODUCTION.search(draft.work)
    if facts.contacts and offered and not introduces:
        found.append(
            draft.finding(
                C, "kind.introduction_unnamed", BLOCK, offered.start(), offered.end(),
                "This offers an introduction but never says who; the reader cannot act on it.",
                "Name the person and say in a sentence why the two of them might talk.",
            )
        )  # fmt: skip
    if found or shares_link or introduces:
        return found
    return [
        draft.finding(
            C,
            "kind.value_add_empty",
            WARN,
            0,
            min(len(draft.work), 80),
            "A value-add note should share the article or introduce the contact from your notes.",
            "Include the link, or name the person you are introducing and why.",
        )
    ]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
