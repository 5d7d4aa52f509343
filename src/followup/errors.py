"""Turning validation errors into lines a person can act on, each naming its field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails


class InputError(ValueError):
    """Input the advisor cannot use: a file, a setting, a value. The message is one line that
    names what is wrong (the file, the variable or the field) and what would be accepted."""


_UNION_TAGS = {"article", "contact"}
_DATE_ERRORS = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_type",
}


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("history", 2, "to", 0)`` -> ``history[2].to[0]``; tagged-union tags are dropped."""
    path = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(previous, int) and part in _UNION_TAGS:
            pass
        else:
            path += f".{part}" if path else part
        previous = part
    return path or "notes"


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field (check its spelling)"
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "must not be empty"
    if kind == "string_too_long":
        size = len(value) if isinstance(value, str) else "too many"
        return f"is too long ({size} characters; at most {ctx.get('max_length')})"
    if kind == "too_long":
        return f"has too many entries (at most {ctx.get('max_length')})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} entry"
    if kind in _DATE_ERRORS:
        shown = str(value)[:40]
        return f"{shown!r} is not a real date (write it as YYYY-MM-DD)"
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        return "needs a kind: 'article' (title, url, topic) or 'contact' (name, why)"
    return str(error["msg"])


def describe(error: ValidationError) -> list[str]:
    """One ``field: problem`` line per error."""
    return [f"{field_path(e['loc'])}: {_message(e)}" for e in error.errors()]


def one_line(error: ValidationError, limit: int = 3) -> str:
    """All problems on one line (the first ``limit``, then a count of the rest)."""
    lines = describe(error)
    shown = "; ".join(lines[:limit])
    more = len(lines) - limit
    return shown + (f" (and {more} more)" if more > 0 else "")
