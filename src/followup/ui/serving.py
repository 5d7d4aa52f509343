"""Where and how the web UI listens, from the environment, refusing what would be unsafe.

One pure function of a mapping of environment variables: it returns the launch options
or raises :class:`ServingError` with one line that names the variable to change.

- ``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT`` (Gradio's own) choose the address;
  ``FOLLOWUP_HOST`` / ``FOLLOWUP_PORT`` are aliases. 127.0.0.1:7860 by default.
- ``FOLLOWUP_AUTH`` must be ``user:password`` (the password may hold colons).
- Listening beyond loopback without a password is refused unless ``FOLLOWUP_ALLOW_OPEN=1``:
  the tracker holds a person's interviews.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

from followup.settings import SettingsError, load

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class ServingError(ValueError):
    """The environment asks for something the app will not do; the message names the variable."""


@dataclass(frozen=True)
class LaunchOptions:
    """What ``demo.launch`` is given."""

    server_name: str
    server_port: int
    auth: tuple[str, str] | None


def launch_options(env: Mapping[str, str] | None = None) -> LaunchOptions:
    """The launch options for ``env`` (by default the process's environment, read through
    :mod:`followup.settings` like every other setting), or ServingError saying why not."""
    try:
        settings = load(env)
    except SettingsError as exc:
        raise ServingError(str(exc)) from None
    host_var, host = _one_of("GRADIO_SERVER_NAME", settings.gradio_server_name, "FOLLOWUP_HOST", settings.host)
    port_var, port_text = _one_of("GRADIO_SERVER_PORT", settings.gradio_server_port, "FOLLOWUP_PORT", settings.port)
    host = host or DEFAULT_HOST
    port = _port(port_var, port_text) if port_text else DEFAULT_PORT
    auth = _auth(settings.auth)
    if auth is None and not is_loopback(host) and (settings.allow_open or "").strip() != "1":
        raise ServingError(
            f"{host_var}={host} would serve your interviews beyond this machine with no password: "
            "set FOLLOWUP_AUTH=user:password (or FOLLOWUP_ALLOW_OPEN=1 to serve it open on purpose)"
        )
    return LaunchOptions(host, port, auth)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _one_of(own: str, own_value: str | None, alias: str, alias_value: str | None) -> tuple[str, str]:
    """Gradio's variable or the project's alias; both set to different values is a mistake."""
    first, second = (own_value or "").strip(), (alias_value or "").strip()
    if first and second and first != second:
        raise ServingError(f"{own}={first} and {alias}={second} disagree: set only one of them")
    return (own, first) if first else (alias, second)


def _port(variable: str, text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ServingError(f"{variable}={text!r} is not a port number (1 to 65535)")
    return int(text)


def _auth(value: str | None) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    user, colon, password = value.partition(":")
    if not colon or not user.strip() or not password:
        # The value is never echoed: it may be the password itself.
        raise ServingError("FOLLOWUP_AUTH must be user:password, with both parts non-empty")
    return user.strip(), password
