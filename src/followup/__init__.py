"""The follow-up advisor: which of five actions applies after a job interview, and when."""

from typing import TYPE_CHECKING, Any

from followup.config import PolicyConfig
from followup.decision import Action, Decision, Need, Status, Step
from followup.errors import InputError
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
from followup.settings import Settings, SettingsError
from followup.tone import Finding, ToneReport, evaluate_tone

if TYPE_CHECKING:
    from followup.advice import Advice, Draft
    from followup.advisor import aadvise, advise
    from followup.backends.base import BackendError
    from followup.store import Store, StoreError

# The drafting half (model clients, prompt templates) loads on first use, so that the
# policy and the tone check import quickly.
_LAZY = {
    "advise": "followup.advisor",
    "aadvise": "followup.advisor",
    "Advice": "followup.advice",
    "Draft": "followup.advice",
    "BackendError": "followup.backends.base",
    "Store": "followup.store",
    "StoreError": "followup.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'followup' has no attribute {name!r}")


__all__ = [
    "Action",
    "Advice",
    "Article",
    "BackendError",
    "Contact",
    "Decision",
    "Draft",
    "EmployerReply",
    "ExtractResult",
    "Finding",
    "InputError",
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
    "Settings",
    "SettingsError",
    "Status",
    "Step",
    "Store",
    "StoreError",
    "ToneReport",
    "aadvise",
    "advise",
    "decide",
    "dump_notes",
    "evaluate_tone",
    "extract_notes",
    "load_notes",
]
