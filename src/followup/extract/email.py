"""A pasted e-mail: where it starts, its greeting, body, and the sender's signature.

The signature gives the sender (name, title, company, address); the body is read
in the employer's voice, its "today" being the day the e-mail was sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.extract.people import is_name_word, is_title_word, role_of
from followup.extract.text import tidy_name

_GREETING = re.compile(
    r"^[ \t>]*(?:hi|hello|hey|dear|good (?:morning|afternoon))\b[^\n]{0,60}?(?:,|!)?[ \t]*$", re.I | re.M
)
_CLOSING = re.compile(
    r"^[ \t>]*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|many thanks|thanks(?: again)?|thank you|"
    r"cheers|sincerely|all the best|talk soon|warmly)[,.!]?[ \t]*$",
    re.I | re.M,
)
_HEADER = re.compile(r"^[ \t>]*(?P<key>from|sent|date|to|subject|cc)\s*:\s*(?P<value>.*)$", re.I | re.M)
_ADDRESS = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"^[\s+()\d.-]{7,}$|^(?:tel|phone|mobile|m|t)\s*[:.]", re.I)
_GREET_NAME = re.compile(r"(?:hi|hello|hey|dear)\s+(?P<name>[^\W\d_][\w'-]*)", re.I)


@dataclass(frozen=True, slots=True)
class Signature:
    name: str
    title: str | None
    company: str | None
    email: str | None
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PastedEmail:
    """The parts of a turn that hold an e-mail, as offsets into the turn."""

    lead_end: int  # the person's own words before the e-mail
    body_start: int
    body_end: int
    signature: Signature | None
    greeting_name: str | None
    date_header: str | None


def find_email(text: str) -> PastedEmail | None:
    """The pasted e-mail in ``text``, when it has a greeting or headers and a closing."""
    headers = list(_HEADER.finditer(text))
    greeting = _GREETING.search(text)
    if greeting is None and len(headers) < 2:
        return None
    start = min([h.start() for h in headers] + ([greeting.start()] if greeting else []))
    closing = None
    for match in _CLOSING.finditer(text, start):
        closing = match
    if closing is None:
        return None
    body_start = greeting.end() if greeting else headers[-1].end()
    signature = _signature(text, closing.end())
    sender = next((h.group("value") for h in headers if h.group("key").lower() == "from"), None)
    if signature is None and sender:
        signature = _from_header(sender, text.find(sender))
    date_header = next((h.group("value") for h in headers if h.group("key").lower() in ("date", "sent")), None)
    greet = _GREET_NAME.search(greeting.group(0)) if greeting else None
    greeting_name = greet.group("name") if greet and is_name_word(greet.group("name")) else None
    return PastedEmail(start, body_start, closing.start(), signature, greeting_name, date_header)


def _signature(text: str, start: int) -> Signature | None:
    lines: list[tuple[str, int]] = []
    position = start
    for raw in text[start:].split("\n"):
        line = raw.strip(" \t>")
        offset = text.find(raw, position)
        position = offset + len(raw)
        if not line:
            if lines:
                break
            continue
        if len(line) > 70 or len(line.split()) > 8:  # a sentence, not a signature line
            break
        lines.append((line, offset))
        if len(lines) == 6:
            break
    if not lines:
        return None
    name_line, name_at = lines[0]
    words = name_line.replace(",", " ").split()
    if not 1 <= len(words) <= 4 or not all(is_name_word(w) for w in words[:2]):
        return None
    name = tidy_name(" ".join(words[:3]) if len(words) <= 3 else " ".join(words[:2]))
    title = company = email = None
    if "," in name_line:  # "Tom Ellis, Talent Partner"
        name = tidy_name(name_line.split(",")[0])
        title = name_line.split(",", 1)[1].strip() or None
    end = name_at + len(name_line)
    for line, offset in lines[1:]:
        address = _ADDRESS.search(line)
        if address:
            email = address.group(0)
        elif _PHONE.search(line) or line.lower().startswith(("http", "www.")):
            pass
        elif title is None and any(is_title_word(w) for w in line.replace("|", " ").split()):
            parts = [p.strip() for p in re.split(r"\s*[|,]\s*", line) if p.strip()]
            title = parts[0]
            if len(parts) > 1 and company is None:
                company = parts[1]
        elif company is None:
            company = line.split("|")[0].strip()
        else:
            continue
        end = offset + len(line)
    if company is None and email:
        domain = email.split("@")[1].split(".")[0]
        company = domain.capitalize() if domain not in ("gmail", "outlook", "yahoo", "hotmail", "example") else None
    return Signature(name, title, company, email, role_of(title), name_at, end)


def _from_header(value: str, at: int) -> Signature | None:
    address = _ADDRESS.search(value)
    name = value.split("<")[0].strip(" \"'")
    if not name or not all(is_name_word(w) for w in name.split()[:2]):
        return None
    return Signature(tidy_name(name), None, None, address.group(0) if address else None, "panel", at, at + len(value))
