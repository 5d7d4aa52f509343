"""The OpenAI wire format, replayed from cassettes.

``recorded_*`` were recorded from the embedded model's real llama.cpp server
(scripts/record_cassettes.py); ``hand_written_*`` are the answers a local server
cannot give, each marked as hand-written at its top.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup import load_notes
from followup.advisor import advise
from followup.backends.base import BadResponse, ModelTimeout, Refused
from followup.backends.openai_backend import Mode, OpenAIBackend
from followup.backends.settings import OpenAISettings
from followup.drafting.prompts import load_prompts

from .builders import d
from .cassette_config import CASSETTES, REPLAY_URL, SECRET_HEADERS, use

NOTES = load_notes(Path(__file__).parent.parent / "evals" / "tone" / "notes" / "quill.yaml")
TODAY = d("2026-11-20")


def backend(mode: Mode = "chat", *, url: str = REPLAY_URL, retries: int = 2, timeout: float = 10) -> OpenAIBackend:
    settings = OpenAISettings(
        base_url=url,
        api_key="sk-test",
        model="gemma3-270m-q4-k-m",
        timeout=timeout,
        max_retries=retries,
    )
    return OpenAIBackend(settings, mode=mode)


def test_recorded_chat_completion_round_trip() -> None:
    from followup.drafting.context import contexts
    from followup.policy import decide

    ctx = contexts(NOTES, decide(NOTES, TODAY))[0]
    with use("recorded_chat_completion.yaml") as cassette:
        generation = backend().generate(load_prompts()["thank_you"], ctx.facts())
    assert cassette.play_count == 1
    request = cassette.requests[0]
    assert request.path == "/v1/chat/completions"
    assert generation.model == "gemma3-270m-q4-k-m"
    assert generation.text.startswith("Dear ")
    assert (generation.prompt_tokens, generation.completion_tokens) == (684, 65)


def test_recorded_completion_round_trip() -> None:
    with use("recorded_completion.yaml") as cassette:
        generation = backend("completion").generate(load_prompts()["thank_you"], "Candidate, who signs the message: X")
    assert cassette.requests[0].path == "/v1/completions"
    assert generation.text.strip()
    assert generation.completion_tokens > 0


def test_the_recorded_model_draft_is_judged_by_the_gate() -> None:
    """The small model signed as the interviewer: three tries, then the template draft."""
    with use("recorded_chat_completion.yaml", repeats=True):
        [draft] = advise(NOTES, today=TODAY, backend=backend()).drafts
    assert draft.source == "template"
    assert draft.tone.passed
    assert next(a.rejected_because for a in draft.attempts) is not None
    assert "faithful.signature" in (draft.attempts[0].rejected_because or "")
    assert draft.usage.completion_tokens == 3 * 65


def test_429_then_success_gives_the_models_draft() -> None:
    with use("hand_written_429_then_success.yaml") as cassette:
        [draft] = advise(NOTES, today=TODAY, backend=backend()).drafts
    assert cassette.play_count == 2
    assert draft.source == "model"
    assert draft.model == "gpt-4o-mini"
    assert draft.body.startswith("Dear Hannah,")


@pytest.mark.parametrize(
    ("cassette", "reason"),
    [
        ("hand_written_500.yaml", "the model server answered with an error (HTTP 500)"),
        ("hand_written_401.yaml", "the model server refused the API key: check OPENAI_API_KEY"),
        ("hand_written_malformed.yaml", "the model server's answer could not be read"),
        ("hand_written_empty.yaml", "the model returned an empty draft"),
        (
            "hand_written_refusal.yaml",
            "the model declined to write it (I'm sorry, but I can't help with that request.)",
        ),
    ],
)
def test_errors_give_the_template_draft_and_say_why(cassette: str, reason: str) -> None:
    with use(cassette):
        [draft] = advise(NOTES, today=TODAY, backend=backend()).drafts
    assert draft.source == "template"
    assert draft.tone.passed
    assert reason in (draft.fallback_reason or "")
    assert draft.attempts[-1].error is not None


@pytest.mark.parametrize(
    ("cassette", "error"),
    [("hand_written_empty.yaml", BadResponse), ("hand_written_refusal.yaml", Refused)],
)
def test_errors_are_typed(cassette: str, error: type[Exception]) -> None:
    with use(cassette), pytest.raises(error):
        backend().generate(load_prompts()["thank_you"], "facts")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A real loopback server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/v1"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_a_timeout_is_reported_as_such(silent_server: str) -> None:
    slow = backend(url=silent_server, retries=0, timeout=0.5)
    with pytest.raises(ModelTimeout, match=r"did not answer within 0.5 seconds"):
        slow.generate(load_prompts()["thank_you"], "facts")
    [draft] = advise(NOTES, today=TODAY, backend=slow).drafts
    assert draft.source == "template"
    assert "did not answer within 0.5 seconds" in (draft.fallback_reason or "")


def test_an_unreachable_server_is_reported_as_such() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [draft] = advise(NOTES, today=TODAY, backend=backend(url=f"http://127.0.0.1:{port}/v1", retries=0)).drafts
    assert f"127.0.0.1:{port}/v1 could not be reached" in (draft.fallback_reason or "")


def test_cassettes_hold_no_secrets_and_hand_written_ones_say_so() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert {f.name.split("_")[0] for f in files} == {"recorded", "hand"}
    for path in files:
        text = path.read_text()
        lowered = text.lower()
        for header in SECRET_HEADERS:
            assert f"{header}:" not in lowered, (path.name, header)
        assert "sk-" not in text, path.name
        assert "bearer" not in lowered, path.name
        if path.name.startswith("hand_written"):
            assert text.startswith("# HAND-WRITTEN, not recorded:"), path.name
