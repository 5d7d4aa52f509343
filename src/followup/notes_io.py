"""Reading and writing interview notes as YAML or JSON files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from followup.models import NOTES_MAX_BYTES, InterviewNotes

#: A notes file may be a little larger than the notes it holds (comments, layout).
NOTES_FILE_MAX_BYTES = 4 * NOTES_MAX_BYTES


class NotesFileError(ValueError):
    """The file itself cannot be read as notes (missing, too big, not YAML or JSON)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class YamlLoader(yaml.SafeLoader):
    """Safe YAML, less two YAML 1.1 surprises.

    Dates are left to the model, whose errors name the field ('2026-02-30' is an
    error, not a crash), and only true/false are booleans: ``country: NO`` is Norway.
    """


_DROPPED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
YamlLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_notes(text: str, *, fmt: str, source: str = "notes") -> InterviewNotes:
    """Notes from YAML or JSON text. Raises NotesFileError or pydantic.ValidationError."""
    if len(text.encode()) > NOTES_FILE_MAX_BYTES:
        raise NotesFileError(source, f"is larger than {NOTES_FILE_MAX_BYTES:,} bytes")
    data: Any
    try:
        data = json.loads(text) if fmt == "json" else yaml.load(text, Loader=YamlLoader)
    except json.JSONDecodeError as exc:
        raise NotesFileError(source, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise NotesFileError(source, f"is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise NotesFileError(source, "must hold a mapping of fields (candidate_name, company, ...)")
    return InterviewNotes.model_validate(data)


def load_notes(path: str | Path) -> InterviewNotes:
    """Notes from a ``.yaml``, ``.yml`` or ``.json`` file."""
    path = Path(path)
    fmt = _format(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(NOTES_FILE_MAX_BYTES + 1)
    except FileNotFoundError:
        raise NotesFileError(path, "no such file") from None
    except IsADirectoryError:
        raise NotesFileError(path, "is a directory, not a notes file") from None
    except OSError as exc:
        raise NotesFileError(path, f"cannot be read ({exc.strerror})") from None
    if len(raw) > NOTES_FILE_MAX_BYTES:
        raise NotesFileError(path, f"is larger than {NOTES_FILE_MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotesFileError(path, "is not UTF-8 text") from None
    return parse_notes(text, fmt=fmt, source=str(path))


def notes_to_data(notes: InterviewNotes) -> dict[str, Any]:
    return notes.model_dump(mode="json", exclude_none=True)


def dump_notes(notes: InterviewNotes, path: str | Path) -> None:
    """Write notes as YAML or JSON, by the file's extension; ``load_notes`` reads it back."""
    path = Path(path)
    path.write_text(notes_to_text(notes, fmt=_format(path)), encoding="utf-8")


def notes_to_text(notes: InterviewNotes, *, fmt: str) -> str:
    data = notes_to_data(notes)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise NotesFileError(path, "must end in .yaml, .yml or .json")
