"""The tone check: explainable, offline checks every draft must pass before it is shown."""

from followup.tone.courtesy import courtesy_score
from followup.tone.evaluate import evaluate_tone
from followup.tone.report import Channel, Check, DraftKind, Finding, Severity, ToneReport

__all__ = [
    "Channel",
    "Check",
    "DraftKind",
    "Finding",
    "Severity",
    "ToneReport",
    "courtesy_score",
    "evaluate_tone",
]
