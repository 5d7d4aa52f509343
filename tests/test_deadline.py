"""The overall deadline of an advise call, against real loopback servers that misbehave:
one that never answers, one that drips a byte every half second, one that answers with
5 MB. Each call ends within the deadline plus a second, with the template's drafts and
the reason, and keeps no megabytes in its result."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from followup import advise, load_notes
from followup.backends.openai_backend import OpenAIBackend
from followup.backends.settings import OpenAISettings
from followup.cli import main

ROOT = Path(__file__).parent.parent
DEADLINE = 2.0
Handler = Callable[[socket.socket, threading.Event], None]


def _read_request(conn: socket.socket) -> None:
    conn.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0
    )
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        body += chunk


def silent(conn: socket.socket, stop: threading.Event) -> None:
    _read_request(conn)
    stop.wait(30)


def dripping(conn: socket.socket, stop: threading.Event) -> None:
    _read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(120):  # at most a minute
        if stop.wait(0.5):
            return
        conn.sendall(b" ")


def huge(conn: socket.socket, stop: threading.Event) -> None:
    _read_request(conn)
    content = "Dear Tom,\n\n" + "I remain very interested. " * 200_000  # about 5 MB
    body = json.dumps(
        {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
    ).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    conn.sendall(head + body)


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], str]]:
    """A loopback server running ``handler`` for each connection; stopped after the test."""
    stop = threading.Event()
    sockets: list[socket.socket] = []

    def start(handler: Handler) -> str:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.settimeout(0.2)
        sockets.append(server)

        def accept() -> None:
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except (TimeoutError, OSError):
                    continue
                sockets.append(conn)
                threading.Thread(target=_guarded, args=(handler, conn, stop), daemon=True).start()

        threading.Thread(target=accept, daemon=True).start()
        return f"http://127.0.0.1:{server.getsockname()[1]}/v1"

    yield start
    stop.set()
    for s in sockets:
        s.close()


def _guarded(handler: Handler, conn: socket.socket, stop: threading.Event) -> None:
    with contextlib.suppress(OSError):
        handler(conn, stop)


def _backend(url: str) -> OpenAIBackend:
    return OpenAIBackend(OpenAISettings(base_url=url, api_key="test", model="m", timeout=60, max_retries=2))


@pytest.mark.parametrize("handler", [silent, dripping], ids=["silent", "dripping"])
def test_a_server_that_does_not_finish_costs_the_deadline_and_no_more(
    serve: Callable[[Handler], str], handler: Handler
) -> None:
    notes = load_notes(ROOT / "examples" / "northwind.yaml")
    start = time.monotonic()
    advice = advise(notes, today=date(2026, 11, 26), backend=_backend(serve(handler)), deadline=DEADLINE)
    elapsed = time.monotonic() - start
    assert elapsed < DEADLINE + 1, elapsed
    [draft] = advice.drafts
    assert draft.source == "template"
    assert draft.fallback_reason is not None
    assert "deadline" in draft.fallback_reason
    assert draft.tone.passed


def test_a_panel_is_drafted_side_by_side_within_one_deadline(serve: Callable[[Handler], str]) -> None:
    notes = load_notes(ROOT / "evals" / "tone" / "notes" / "acme.yaml").model_copy(update={"history": []})
    start = time.monotonic()
    advice = advise(notes, today=date(2026, 11, 4), backend=_backend(serve(silent)), deadline=DEADLINE)
    elapsed = time.monotonic() - start
    assert len(advice.drafts) == 3
    assert elapsed < DEADLINE + 1, elapsed
    assert all(d.source == "template" and "deadline" in (d.fallback_reason or "") for d in advice.drafts)


def test_a_five_megabyte_answer_is_not_kept(
    serve: Callable[[Handler], str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", serve(huge))
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("FOLLOWUP_DEADLINE", "20")
    start = time.monotonic()
    code = main(["advise", str(ROOT / "examples" / "northwind.yaml"), "--today", "2026-11-26", "--json"])
    elapsed = time.monotonic() - start
    out = capsys.readouterr().out
    assert code == 0
    assert elapsed < 21
    advice = json.loads(out)
    [draft] = advice["drafts"]
    assert draft["source"] == "template"
    assert all(len(a["text"] or "") <= 4_100 for a in draft["attempts"])
    assert len(out.encode()) < 200_000, len(out.encode())


def test_no_attempt_starts_after_the_deadline() -> None:
    from tests.fakes import FakeBackend

    notes = load_notes(ROOT / "examples" / "northwind.yaml")
    model = FakeBackend(["Dear Tom,\n\nASAP!!\n\nAlex Morgan\n"])
    advice = advise(notes, today=date(2026, 11, 26), backend=model, deadline=0.000001)
    [draft] = advice.drafts
    assert model.calls == []
    assert draft.source == "template"
    assert draft.fallback_reason == "no time was left for the model"
