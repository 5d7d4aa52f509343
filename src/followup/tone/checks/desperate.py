"""Not desperate: no begging, stacked apologies, over-eagerness or runs of exclamation marks."""

from __future__ import annotations

import re

from followup.tone.facts import NotesFacts
from followup.tone.report import Check, Finding
from followup.tone.scan import BLOCK, WARN, rule, scan
from followup.tone.text import Draft, phrases

C = Check.not_desperate

RULES = [
    rule(
        "desperate.begging",
        BLOCK,
        [
            "i beg( you)?",
            "i('m| am) begging",
            "begging you",
            "please,? please",
            "desperate(ly)?",
            "need this (job|role|position|opportunity|offer)",
            "(i('ll| will)|and will|i would|i'd) do (absolutely |just )?anything",
            "anything at all to",
            "give me a chance",
            "just give me a (chance|shot)",
            "(means|would mean) (everything|the world) to me",
            "my (whole )?(life|future|family) depends",
            "i can(no|')t afford to (lose|miss)",
            "please don't (forget|reject|pass on|give up on) me",
            "don't forget about me",
            "i('m| am) willing to (do anything|take (a )?lower|work for (less|free))",
            "i would (even )?work for (less|free)",
            "(i('ll| will)|i'd|i would) take any (role|position|job|salary|pay|offer)",
            "(the )?only (job|role|position|company) i (want|care about)",
            "i (really |truly |desperately )?need this(?=[.,!;])",
            "(please )?don't let me down",
            "out of work for",
            "counting (down )?the (days|hours)",
            "losing hope",
            "(truly|really),? (truly|really) grateful",
            "change my life",
            "(lower|reduced|less) (salary|pay|rate)",
            "i (really |truly |just )?hope i get (this|it|the (job|role|position))",
            "driving me (crazy|mad|insane|nuts)",
            "(this|the) wait(ing)? is (driving|killing|unbearable|so hard|agony)",
            "so,? so (grateful|happy|excited|thankful)",
            "nothing else (lined up|going on)",
            "whatever it takes",
            "any chance at all",
            "i('m| am) desperate",
            "wits'? end",
            "(sick|beside myself) with worry",
            "wonder(ing)? if i('ll| will) ever (find|get|land)",
            "(this|that|it) (one )?(really |truly )?hurts(?=[.,!;])",
            "(i )?(don't|do not) know what else (i can|to) do",
            "even a (temporary|short|part-time|fixed-term) [\\w-]+( [\\w-]+)?,? i('d| would) (take|accept) it",
        ],
        "This pleads with the reader; it signals desperation rather than interest.",
        "State your interest once, calmly: 'I remain very interested in the role.'",
    ),
    rule(
        "desperate.anxiety",
        BLOCK,
        [
            "i('ve| have) been (so |really |very )?(anxious|stressed|worried|losing sleep)",
            "i can('t|not) (sleep|stop thinking|eat)",
            "i('m| am) (so |really |very )?(anxious|nervous|on edge) (about|waiting)",
            "(checking|refreshing) my (e-?mail|inbox|phone) (every|constantly|all)",
            "on pins and needles",
            "the (wait|waiting) is (killing|torture)",
        ],
        "Sharing your anxiety puts pressure on the reader.",
        "Keep the message about them and the role, not about the wait.",
    ),
    rule(
        "desperate.self_deprecation",
        WARN,
        [
            "sorry to (bother|disturb|trouble|pester|bug) you",
            "i hate to bother you",
            "apologi[sz]e for (bothering|disturbing|the intrusion|pestering|reaching out again)",
            "i know i('m| am) (probably )?(not the (best|strongest)|being a pain)",
        ],
        "Apologising for writing undercuts a perfectly reasonable message.",
        "Drop the apology: a courteous follow-up needs none.",
    ),
    rule(
        "desperate.over_eager",
        WARN,
        [
            "dream (job|role|company)",
            "can('t|not) wait to hear",
            "(so so|beyond|extremely|incredibly) excited",
            "really,? really",
            "very,? very",
            "thrilled beyond",
        ],
        "Over-eager wording can read as needy.",
        "Say it once, plainly: 'I am excited about the role.'",
    ),
]
EXCLAMATION_RUN = re.compile(r"!{2,}|[!?]{3,}")
EXCLAMATION = re.compile(r"!")
APOLOGY = phrases("sorry", "apologi[sz]e", "apologies", "forgive me", "my apologies", "apologising", "apologizing")
PLEASE = phrases("please")


def check(draft: Draft, facts: NotesFacts | None) -> list[Finding]:
    found = scan(draft, C, RULES)
    for match in draft.find(EXCLAMATION_RUN):
        found.append(
            draft.finding(
                C, "desperate.exclamations", BLOCK, match.start(), match.end(),
                "A run of exclamation marks reads as pleading or shouting.",
                "Use a single full stop.",
            )
        )  # fmt: skip
    marks = list(draft.find(EXCLAMATION))
    if len(marks) >= 3:
        last = marks[-1]
        found.append(
            draft.finding(
                C, "desperate.exclamations", BLOCK, last.start(), last.end(),
                f"{len(marks)} exclamation marks make the message sound over-eager.",
                "Keep at most one, or none.",
            )
        )  # fmt: skip
    _repeated(draft, APOLOGY, 2, "desperate.apologies",
              "Apologising more than once reads as anxious.", "Keep one apology at most, or none.", found)  # fmt: skip
    _repeated(draft, PLEASE, 3, "desperate.pleading",
              "Repeating 'please' reads as pleading.", "One 'please' is enough.", found)  # fmt: skip
    return found


def _repeated(
    draft: Draft,
    pattern: re.Pattern[str],
    limit: int,
    code: str,
    message: str,
    suggestion: str,
    found: list[Finding],
) -> None:
    matches = list(draft.find(pattern))
    if len(matches) >= limit:
        first, last = matches[0], matches[-1]
        found.append(draft.finding(C, code, BLOCK, first.start(), last.end(), message, suggestion))
