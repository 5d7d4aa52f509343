"""Not irritated or passive-aggressive: no reminders of ignored mail, complaints, sarcasm or blame."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from followup.tone.checks.faithful import foreign_greeting_words
from followup.tone.facts import NotesFacts
from followup.tone.report import Check, DraftKind, Finding
from followup.tone.scan import BLOCK, rule, scan
from followup.tone.text import Draft

C = Check.not_irritated

RULES = [
    rule(
        "irritated.as_per",
        BLOCK,
        [
            "as per my (last|previous|earlier) (e-?mail|message|note)",
            "per my (last|previous) (e-?mail|message)",
            "as i (mentioned|said|stated|wrote|noted) (before|previously|earlier|in my (last|previous))",
            "as previously (mentioned|stated|noted)",
            "(as|like) i already (said|mentioned|told you)",
        ],
        "'As per my last email' is widely read as irritated.",
        "Restate the point briefly and kindly instead of pointing back at it.",
    ),
    rule(
        "irritated.still_waiting",
        BLOCK,
        [
            "still (waiting|have(n't|nt| not) (heard|received|gotten|got|had)|not (heard|received)|no (word|response|reply|news|answer)|nothing)",
            "following up again",
            "(again|once more) because",
            "unanswered",
            "long (passed|overdue|gone)",
            "overdue",
            "more than enough time",
            "given (you|them|the team|[A-Z]\\w+) (enough|plenty of|ample) time",
            "(emailed|written|wrote|reached out|messaged|contacted you|followed up) (twice|three times|several times|multiple times|a few times|again and again)",
            "without (a|any) (reply|response|answer)",
            "(it's|it has|it is|its) been (over )?(a|one|two|three) (months?|weeks?)",
            "surely",
            "by now",
            "is anyone (there|reading)",
            "anyone (there|home)\\?",
            "hello\\?",
            "i('m| am) still waiting",
            "(yet|once) again,? i",
            "for the (second|third|fourth|fifth|\\d+(st|nd|rd|th)) time",
            "(i('ve| have)|i) (now )?(reached out|written|emailed|followed up) (several|many|multiple|\\d+|two|three|four) times",
            "(it's|it has|it is) been (weeks|over a week|ages|forever|so long|way too long)",
        ],
        "This keeps score of how long you have waited; it reads as a complaint.",
        "Say simply that you are still interested and would welcome an update.",
    ),
    rule(
        "irritated.did_you_see",
        BLOCK,
        [
            "not sure if you (saw|got|received|had a chance to (see|read))",
            "in case you missed",
            "in case (it|my (e-?mail|message|note)) (got|was|went) (lost|buried)",
            "(must|might|may) have (gotten|got|been) (lost|buried)",
            "did you (even )?(get|see|read|receive) my",
            "in case (it|they|my [a-z ]{0,20}(e-?mails?|messages?|notes?)) (got|were|was|went|have been|had been) (lost|buried|missed)",
            "(got|get|gets|getting) (lost|buried) in (your|the) inbox",
            "(friendly|gentle|quick|just a) reminder",
            "reminder that i",
            "fell through the cracks",
            "(you|anyone|nobody|no one) never (replied|responded|got back|answered|wrote back)",
            "(doesn't|don't|does not|do not|never) (seem to )?(read|answer|check) (their|your|my|any) (e-?mails?|messages?)",
        ],
        "Suggesting they missed your message, or 'reminding' them, reads as passive-aggressive.",
        "Write as if for the first time: 'I wanted to ask whether there is any news on ...'",
    ),
    rule(
        "irritated.complaint",
        BLOCK,
        [
            "(very |really |quite |deeply |extremely )?disappointing",
            "disappointed (by|with|in) (you|the|your|how)",
            "frustrat(ed|ing)",
            "(sick|tired) of waiting",
            "unprofessional",
            "rude",
            "disrespectful",
            "unacceptable",
            "ridiculous",
            "left (me )?(hanging|in the dark)",
            "no one (has )?(bothered|had the courtesy)",
            "(basic|common) courtesy",
            "waste of (my )?time",
            "ghost(ed|ing)",
            "ignor(ed|ing) (me|my)",
            "would have (appreciated|liked|expected)",
            "would have been (courteous|nice|polite|good|helpful|decent|professional)",
            "(it )?would be nice to (get|hear|receive)",
            "some (kind|sort) of (response|reply|answer|acknowledg)",
            "(poor|bad|terrible|awful|shabby) (way to treat|treatment|communication|experience)",
            "(no|without( so much as)?( a)?|not even a|never (got|had|received) a) heads[- ]up",
            "(a|quite a|such a|frankly a|complete) mess",
            "frankly",
            "sort it out",
            "(you|your team) (should|ought to) (really )?(be|have)",
            "(the|your|this) silence",
            "hard to (understand|believe)",
            "(seems|seemed|is|it's) (odd|strange|unusual|surprising) that",
            "i must say",
            "(nobody|no one|no-one) (has |had |have )?(yet )?(followed up|replied|responded|gotten back|got back|contacted|reached out|answered|been in touch)",
            "(has|have|had) been (poor|slow|unhelpful|disappointing|lacking|chaotic|disorgani[sz]ed|confusing)",
            "(communication|process|experience|organi[sz]ation) (has been|was|is) (poor|bad|slow|terrible|lacking|chaotic)",
            "misjudged",
            "unfair(ly)?",
            "past the date",
            "(seems|seem|appears) to have stalled",
            "stopped (replying|responding|answering)",
            "impossible to (reach|get hold of|contact)",
            "(despite|even though) (the interview|it|you|we) (start|starting|started|ran|running) late",
            "(the )?courtesy of a (reply|response)",
            "(better|more important) things to do",
            "(deserve|deserved) (being|to be) ignored",
            "(whether|if) my (previous|last|earlier) (message|e-?mail|note) (reached|got to|arrived)",
            "resending",
            "(a real|such a|what a) shame",
            "clearly needs",
            "(has|have) been (a little |a bit |rather |quite |somewhat )?discouraging",
            "lack of any",
            "treat(s|ed)? (people|candidates|applicants) like",
            "your (current |existing |old )?[a-z]+ (fails?|are failing|is failing|(don't|doesn't|do not|does not) (meet|work|follow))",
            "lack of (communication|response|respect|follow-up)",
            "poor communication",
            "kept (me )?waiting",
        ],
        "This is a complaint about how you have been treated.",
        "Leave it out; a calm, friendly note keeps the door open.",
    ),
    rule(
        "irritated.sarcasm",
        BLOCK,
        [
            "i('m| am) sure you('re| are) (very |extremely |terribly |so )?busy",
            "thanks for nothing",
            "i know you('re| are) (very |so )?busy,? but",
            "would it kill you",
            "(thanks|thank you) in advance for (finally|actually|eventually)",
            "whenever you (get around|find the time|can be bothered)",
            "when you (finally|eventually) get",
            "if it('s| is) not too much (trouble|to ask)",
            "(finally|eventually|actually) (reply|respond|get back)",
        ],
        "This reads as sarcastic.",
        "Say what you would like plainly and warmly.",
    ),
    rule(
        "irritated.blame",
        BLOCK,
        [
            "you (promised|were supposed to|forgot|failed to|neglected to|never (replied|responded|got back|answered))",
            "you said (you would|you'd|that you)",  # "you said I should hear by Friday" only recalls the date
            "you told me (that )?(you would|you'd|you will|you'll)",  # not "you told me that you want to ..."
            "you did (say|promise|tell|mention)",
            "i trust (i'll|i will|you'll|you will|i shall)",
            "you('ve| have) (kept|left) me",
            "your (delay|silence|lack of)",
            "you (did not|didn't) (reply|respond|get back|keep)",
        ],
        "This blames the reader for the delay.",
        "Refer to the timeline neutrally: 'You mentioned you hoped to decide by ...'",
    ),
]


#: A sentence at or below this VADER compound score reads as negative. On the labelled
#: set no good draft's sentence scores below -0.2; passive aggression usually scores
#: positive, which is why the phrase rules above carry most of the weight.
NEGATIVE_TONE = -0.3
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")


@cache
def _analyser() -> tuple[Any, frozenset[str]]:
    """VADER, and the words that can make its score negative (a sentence with none of
    them cannot score below zero, so it is not worth scoring)."""
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    for word in NEUTRAL_HERE:
        analyser.lexicon.pop(word, None)
    triggers = {w for w, v in analyser.lexicon.items() if v < 0} | {w.replace("'", "") for w in NEGATE}
    return analyser, frozenset(triggers | set(NEGATE))


#: Words VADER scores as negative that, in a follow-up about work, name the subject of the
#: work rather than a feeling: "replaying failed batches", "fraud detection", "sepsis".
NEUTRAL_HERE = frozenset(
    """fail failed failing failure failures error errors bug bugs outage outages incident incidents risk
    risks risky fraud attack attacks problem problems issue issues crash crashes loss losses churn debt
    dropout disease pain cancer death critical emergency alert alerts alarm warning warnings threat
    threats vulnerable vulnerability defect defects broken hard difficult tough challenge challenges
    challenging stress stressed pressure limited limit limits low""".split()
)


_TOKENS = re.compile(r"[\w']+")
#: Idioms VADER scores as negative for their "no" alone, though they say nothing about a
#: feeling: "the role is no longer open", "there is no need to reply" (a closing's courtesy).
NEUTRAL_IDIOMS = re.compile(
    r"\bno (?:longer|rush(?: at all)?|need to (?:reply|respond|answer|write back|get back))\b"
    # and idioms of warmth or courtesy: "it really stuck with me", "sorry for the delay in writing",
    # "showed me where my rate limiter was going wrong" (one's own mistake, put right)
    r"|\bstuck with me\b|\b(?:sorry|apologies) for (?:the|my) (?:delay|late|slow)\w*"
    r"|\b(?:I|my(?: \w+){1,2}) (?:was|were) (?:going|doing it) wrong\b"
    r"|\b(?:wasn't|was not|isn't|is not|hasn't been|has not been) an easy (?:call|decision|choice)\b"
    # one's own late thanks: "I realise I never properly thanked you"
    r"|\b(?:never|didn't|did not|forgot to) (?:properly |formally |actually )?thank(?:ed)?\b",
    re.IGNORECASE,
)


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = scan(draft, C, RULES)
    if draft.kind == DraftKind.closing:  # "Disappointing, of course, but ...": one's own feeling at a no
        found = [f for f in found if not _own_disappointment(draft, f)]
    return found


_ACCEPTING = re.compile(r"\b(?:of course|naturally|understandably|but)\b", re.I)
#: Someone else's account of a problem ("you described the trouble with late readings") is
#: the subject of the conversation, not the writer's tone.
_THEIR_ACCOUNT = re.compile(r"\byou (?:described|mentioned|said|explained|told me|talked about)\b", re.I)


#: A closing's standard line, which the sentiment lexicon reads as negative ("stop following up").
_MOVING_ON = re.compile(
    r"\b(?:assum(?:e|ing)|moved? (?:on|forward|ahead)|another direction|stop following up|take it that|"
    r"(?:will not|won't|not) (?:trouble|bother) you(?: further| again| any further)?|not heard back"
    # after a no: "Of course I was disappointed, but I completely understand why ..."
    r"|(?:naturally |a little |a bit |very )?disappointed,? but (?:i )?(?:completely |fully |totally )?understand)\b",
    re.I,
)


def _own_disappointment(draft: Draft, finding: Finding) -> bool:
    if finding.code != "irritated.complaint" or not finding.quote.lower().endswith("disappointing"):
        return False
    first, last = draft.sentence_span(finding.start)
    return _ACCEPTING.search(draft.work, first, last) is not None


def negative_tone(draft: Draft, explained: list[Finding], facts: NotesFacts | None = None) -> list[Finding]:
    """The catch-all: negative sentences that no other finding already explains.

    Words from the notes are the subject of the conversation, not a tone: they are left
    out of the score.
    """
    found: list[Finding] = []
    analyser, triggers = _analyser()
    left_out = foreign_greeting_words() | (facts.vocabulary if facts is not None else frozenset())
    for match in draft.find(_SENTENCES):
        sentence = match.group().strip()
        if len(sentence) < 12 or any(f.start < match.end() and match.start() < f.end for f in explained):
            continue
        if _THEIR_ACCOUNT.search(sentence):
            continue  # their problem told back to them
        # A closing's own "I'll assume ... moved in another direction, so I'll stop following up" is
        # not scored; the rest of its sentence is ("As nobody has bothered to reply, I will assume").
        scored = _MOVING_ON.sub(" ", sentence) if draft.kind == DraftKind.closing else sentence
        # Words from the notes are the subject, and greetings in other languages are not sentiment
        # ("Kia ora": VADER reads "kia" as killed in action).
        if triggers.isdisjoint(w.lower() for w in _TOKENS.findall(scored)):
            continue  # no word that could score negative: the idioms need not be read
        words = [w for w in _TOKENS.findall(NEUTRAL_IDIOMS.sub(" ", scored)) if w.lower() not in left_out]
        if triggers.isdisjoint(w.lower() for w in words):
            continue
        if analyser.polarity_scores(" ".join(words))["compound"] <= NEGATIVE_TONE:
            start = match.start() + match.group().index(sentence)
            found.append(
                draft.finding(
                    C, "irritated.negative_tone", BLOCK, start, start + len(sentence),
                    "This sentence reads as negative: upset, complaining or hostile.",
                    "Rewrite it in neutral or warm terms, or leave it out.",
                )
            )  # fmt: skip
    return found
