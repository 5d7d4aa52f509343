"""Reading and writing the files a person names, checked before use.

A path that is a folder, a FIFO or a device, a file larger than the caller allows, a
missing folder to write into: each is an :class:`FileProblem` whose one line names the
path, never a traceback and never a read that blocks forever. Writes go to a temporary
file in the same folder and are renamed into place, so a failed write leaves the old
file whole.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from followup.errors import InputError

#: Deeper nesting than this is refused before any parser sees it (real notes and backups
#: nest four or five levels; Python's parsers recurse once per level).
MAX_NESTING = 64


class FileProblem(InputError):
    """A named file that cannot be read or written; the message names it."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


def read_bytes(path: Path | str, *, max_bytes: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; FileProblem otherwise."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except NotADirectoryError:
        raise FileProblem(path, "no such file (a part of the path is not a folder)") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(path, f"is a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(path, f"is not a regular file (a pipe or a device?), so it is not read as a {what}")
    if info.st_size > max_bytes:
        raise FileProblem(path, f"is larger than {max_bytes:,} bytes")
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    if len(raw) > max_bytes:
        raise FileProblem(path, f"is larger than {max_bytes:,} bytes")
    return raw


def read_text(path: Path | str, *, max_bytes: int, what: str = "file") -> str:
    """A regular UTF-8 text file (a byte-order mark is allowed)."""
    raw = read_bytes(path, max_bytes=max_bytes, what=what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(path, "is not UTF-8 text") from None


def check_writable(path: Path | str) -> Path:
    """``path`` can be written as a file: its folder exists and it is not itself a folder."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise FileProblem(path, "is a folder; name a file to write")
    if not folder.is_dir():
        raise FileProblem(path, f"cannot be written: the folder {str(folder)!r} does not exist")
    if path.exists() and not path.is_file():
        raise FileProblem(path, "is not a regular file, so it is not overwritten")
    return path


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` whole or not at all (a temporary file renamed into place)."""
    path = check_writable(path)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FileProblem(path, f"cannot be written ({exc.strerror})") from None


def write_text(path: Path | str, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` in JSON or YAML text, skipping quoted strings.

    A linear scan, so that input nested thousands deep is refused before a recursive
    parser overflows the stack. It may under-count YAML whose plain scalars hold quotes
    (callers also catch RecursionError), never over-counts brackets inside strings."""
    depth = deepest = 0
    quote = ""
    escaped = False
    for ch in text:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


class DuplicateKey(InputError):
    """A mapping that names one key twice (JSON or YAML would silently keep the last)."""


def json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for json.loads that refuses a key given twice."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(f"the key {key!r} is given twice; keep one")
        result[key] = value
    return result


def loads_json(text: str) -> Any:
    """JSON with duplicate keys refused and nesting bounded."""
    if nesting_depth(text) > MAX_NESTING:
        raise InputError(f"is nested more than {MAX_NESTING} levels deep")
    try:
        return json.loads(text, object_pairs_hook=json_pairs)
    except RecursionError:
        raise InputError(f"is nested more than {MAX_NESTING} levels deep") from None
