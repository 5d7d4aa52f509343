"""Understanding free text: chat turns or a pasted e-mail become interview notes, with evidence."""

from followup.extract.engine import ExtractError, extract_notes
from followup.extract.result import Evidence, ExtractResult

__all__ = ["Evidence", "ExtractError", "ExtractResult", "extract_notes"]
