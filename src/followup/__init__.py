"""The follow-up advisor: which of five actions applies after a job interview, and when."""

from followup.config import PolicyConfig
from followup.decision import Action, Decision, Need, Status, Step
from followup.extract import ExtractResult, extract_notes
from followup.models import (
    Article,
    Contact,
    EmployerReply,
    Interviewer,
    InterviewerRole,
    InterviewNotes,
    MessageKind,
    Outcome,
    Person,
    SentMessage,
)
from followup.notes_io import NotesFileError, dump_notes, load_notes
from followup.policy import decide
from followup.tone import Finding, ToneReport, evaluate_tone

__all__ = [
    "Action",
    "Article",
    "Contact",
    "Decision",
    "EmployerReply",
    "ExtractResult",
    "Finding",
    "InterviewNotes",
    "Interviewer",
    "InterviewerRole",
    "MessageKind",
    "Need",
    "NotesFileError",
    "Outcome",
    "Person",
    "PolicyConfig",
    "SentMessage",
    "Status",
    "Step",
    "ToneReport",
    "decide",
    "dump_notes",
    "evaluate_tone",
    "extract_notes",
    "load_notes",
]
