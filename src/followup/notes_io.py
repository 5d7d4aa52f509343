"""Reading and writing interview notes as YAML or JSON files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from followup.errors import InputError
from followup.files import (
    MAX_NESTING,
    DuplicateKey,
    FileProblem,
    loads_json,
    nesting_depth,
    read_text,
    write_text,
)
from followup.models import NOTES_MAX_BYTES, InterviewNotes

#: A notes file may be a little larger than the notes it holds (comments, layout).
NOTES_FILE_MAX_BYTES = 4 * NOTES_MAX_BYTES


class NotesFileError(InputError):
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


def _unique_mapping(loader: YamlLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """A YAML mapping that refuses a key given twice (plain YAML keeps the last, silently)."""
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
        if key in seen:
            raise DuplicateKey(f"the key {key!r} is given twice (line {key_node.start_mark.line + 1}); keep one")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


YamlLoader.add_constructor("tag:yaml.org,2002:map", _unique_mapping)


def load_data(text: str, *, fmt: str, source: str = "notes") -> Any:
    """YAML or JSON text as data: nesting bounded, duplicate keys refused. Raises NotesFileError."""
    if nesting_depth(text) > MAX_NESTING:
        raise NotesFileError(source, f"is nested more than {MAX_NESTING} levels deep")
    try:
        return loads_json(text) if fmt == "json" else yaml.load(text, Loader=YamlLoader)
    except DuplicateKey as exc:
        raise NotesFileError(source, str(exc)) from None
    except json.JSONDecodeError as exc:
        raise NotesFileError(source, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise NotesFileError(source, f"is not valid YAML{where}") from None
    except (RecursionError, InputError):
        raise NotesFileError(source, f"is nested more than {MAX_NESTING} levels deep") from None


def parse_notes(text: str, *, fmt: str, source: str = "notes") -> InterviewNotes:
    """Notes from YAML or JSON text. Raises NotesFileError or pydantic.ValidationError."""
    if len(text.encode()) > NOTES_FILE_MAX_BYTES:
        raise NotesFileError(source, f"is larger than {NOTES_FILE_MAX_BYTES:,} bytes")
    data = load_data(text, fmt=fmt, source=source)
    if not isinstance(data, dict):
        raise NotesFileError(source, "must hold a mapping of fields (candidate_name, company, ...)")
    return InterviewNotes.model_validate(data)


def load_notes(path: str | Path) -> InterviewNotes:
    """Notes from a ``.yaml``, ``.yml`` or ``.json`` file."""
    path = Path(path)
    fmt = _format(path)
    try:
        text = read_text(path, max_bytes=NOTES_FILE_MAX_BYTES, what="notes file")
    except FileProblem as exc:
        raise NotesFileError(path, exc.problem) from None
    return parse_notes(text, fmt=fmt, source=str(path))


def notes_to_data(notes: InterviewNotes) -> dict[str, Any]:
    return notes.model_dump(mode="json", exclude_none=True)


def dump_notes(notes: InterviewNotes, path: str | Path) -> None:
    """Write notes as YAML or JSON, by the file's extension; ``load_notes`` reads it back."""
    path = Path(path)
    try:
        write_text(path, notes_to_text(notes, fmt=_format(path)))
    except FileProblem as exc:
        raise NotesFileError(path, exc.problem) from None


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
