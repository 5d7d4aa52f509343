"""Text a person typed, made inert for the chat's Markdown."""

from __future__ import annotations

import html
import re

_MARKDOWN = re.compile(r"([\\`*_\[\]()#!|~{}])")


def safe(text: str) -> str:
    """HTML escaped, Markdown's own markup characters backslashed (so ``![x](http://...)``
    cannot fetch an image either)."""
    return _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))


def quoted(body: str) -> str:
    """A draft as a Markdown quote: it wraps, and keeps its blank lines."""
    return "\n".join(f"> {safe(line)}" if line.strip() else ">" for line in body.strip().splitlines())
