"""Running the real app and a real browser for the UI tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).parent.parent
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip


def browser_available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_free(port: int, seconds: float = 20) -> None:
    """A restarted app reuses its port: wait until the previous one has let go of it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is fine
            try:
                probe.bind(("127.0.0.1", port))
                return
            except OSError:
                time.sleep(0.2)


@contextmanager
def running_app(db: Path, port: int | None = None) -> Iterator[tuple[str, float]]:
    """``python app.py`` on a free loopback port; yields its URL and how long it took to answer."""
    port = port or free_port()
    _wait_until_free(port)
    # No model and no serving settings from the caller's environment: the tests see the same app anywhere.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FOLLOWUP_", "GRADIO_SERVER"))}
    env = {**inherited, "FOLLOWUP_PORT": str(port), "FOLLOWUP_DB": str(db), "FOLLOWUP_BACKEND": "template",
           "GRADIO_ANALYTICS_ENABLED": "False"}  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"app.py exited: {process.stdout.read().decode() if process.stdout else ''}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("app.py did not answer within 90 seconds")
        yield url, time.perf_counter() - start
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def before_sign_off(body: str, paragraph: str) -> str:
    """``body`` with ``paragraph`` added before its sign-off (the last paragraph), whatever
    closing words the template chose."""
    head, _, sign_off = body.rstrip("\n").rpartition("\n\n")
    return f"{head}\n\n{paragraph}\n\n{sign_off}\n"
