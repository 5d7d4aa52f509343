"""vcrpy settings shared by the recorder and the tests: what is scrubbed, how requests match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import vcr

CASSETTES = Path(__file__).parent / "cassettes" / "openai"
SECRET_HEADERS = (
    "authorization",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
    "x-api-key",
)
#: Recorded on whatever free port the embedded server had; replayed against this one.
REPLAY_URL = "http://127.0.0.1:8089/v1"


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


def recorder(mode: str = "none") -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode=mode,
        match_on=["method", "path"],
        filter_headers=list(SECRET_HEADERS),
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )


def use(name: str, *, repeats: bool = False) -> Any:
    """A cassette, replay only. With ``repeats`` an interaction may be played again (the gate's
    redrafts against a one-answer recording); without, interactions play in order, once each."""
    return recorder("none").use_cassette(name, allow_playback_repeats=repeats)
