"""A courtesy score for any English text, from politeness and impoliteness markers.

Politeness strategies (gratitude, please, deference, hedging, greetings and
good wishes) raise it; impoliteness markers (orders, insults, accusing
questions, shouting) lower it. Neutral text scores 0.5.
"""

from __future__ import annotations

import math
import re

from followup.tone.text import phrases

POLITE = phrases(
    "please", "thank(s| you)?", "thankful", "grateful", "gratitude", "appreciat(e|ed|ion)",
    "would you", "could you", "would it be possible", "if (at all )?possible", "may i", "might",
    "perhaps", "i wonder", "i was wondering", "i hope", "kindly", "sorry", "excuse me", "pardon",
    "dear", "hello", "hi", "good (morning|afternoon|evening)", "regards", "sincerely", "best wishes",
    "have a (great|good|lovely|nice)", "you're welcome", "my pleasure", "glad", "happy to", "if you don't mind",
)  # fmt: skip
IMPOLITE = phrases(
    "you (need|have|ought) to", "you must", "i demand", "i insist", "why (didn't|haven't|don't|won't|can't) you",
    "stupid", "idiot(s|ic)?", "incompetent", "pathetic", "useless", "shut up", "whatever", "how dare",
    "damn", "crap", "wtf", "shit", "hell", "ridiculous", "unacceptable", "asap", "immediately", "or else",
)  # fmt: skip
_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+)(?:give|tell|send|answer|reply|stop|fix|get|do|call|explain|hurry)\b",
    re.I | re.M,
)
_SHOUT = re.compile(r"\b[A-Z]{4,}\b|!{2,}")


def courtesy_score(text: str) -> float:
    """0 (rude) to 1 (very polite); 0.5 for text with no markers either way."""
    polite = len(POLITE.findall(text))
    rude = len(IMPOLITE.findall(text)) + len(_IMPERATIVE.findall(text)) + len(_SHOUT.findall(text))
    return round(0.5 + 0.5 * math.tanh((min(polite, 8) - 2 * rude) / 3), 3)
